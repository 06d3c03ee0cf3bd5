/* buf.h: a growable byte string. With an arena it grows inside the arena
 * and is freed with it; without one (NULL) it uses malloc and buf_release(). */
#ifndef PARLEY_BUF_H
#define PARLEY_BUF_H
#include <stddef.h>

#include "base/arena.h"

typedef struct buf {
    char *s;       /* always NUL-terminated once anything was added */
    size_t len, cap;
    arena *a;
} buf;

void buf_init(buf *b, arena *a);
/* Room for n more bytes, taken at once: a buffer whose final size is known
 * grows once rather than doubling (in an arena the smaller blocks it
 * outgrows stay until the arena is freed). */
void buf_reserve(buf *b, size_t n);
void buf_append(buf *b, const char *s, size_t n);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The contents as a C string; "" when empty. */
const char *buf_cstr(buf *b);
void buf_reset(buf *b);
void buf_release(buf *b);

#endif

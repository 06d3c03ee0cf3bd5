#include "base/buf.h"
#include "base/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(buf *b, arena *a)
{
    b->s = NULL;
    b->len = b->cap = 0;
    b->a = a;
}

static void buf_grow(buf *b, size_t need)
{
    if (b->len + need + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap * 2 : 256;
    while (cap < b->len + need + 1)
        cap *= 2;
    char *s;
    if (b->a) {
        s = arena_alloc(b->a, cap);
        if (b->len)
            memcpy(s, b->s, b->len);
    } else {
        s = realloc(b->s, cap);
        if (!s)
            die("out of memory (buffer of %zu bytes)", cap);
    }
    b->s = s;
    b->cap = cap;
}

void buf_reserve(buf *b, size_t n)
{
    if (b->len + n + 1 <= b->cap)
        return;
    size_t cap = b->len + n + 1;
    char *s = b->a ? arena_alloc(b->a, cap) : realloc(b->s, cap);
    if (!s)
        die("out of memory (buffer of %zu bytes)", cap);
    if (b->a && b->len)
        memcpy(s, b->s, b->len);
    b->s = s;
    b->cap = cap;
}

void buf_append(buf *b, const char *s, size_t n)
{
    buf_grow(b, n);
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void buf_puts(buf *b, const char *s)
{
    buf_append(b, s, strlen(s));
}

void buf_putc(buf *b, char c)
{
    buf_append(b, &c, 1);
}

void buf_printf(buf *b, const char *fmt, ...)
{
    va_list ap;
    char small[256];
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        buf_append(b, small, (size_t)n);
        return;
    }
    buf_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

const char *buf_cstr(buf *b)
{
    return b->s ? b->s : "";
}

void buf_reset(buf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

void buf_release(buf *b)
{
    if (!b->a)
        free(b->s);
    buf_init(b, b->a);
}

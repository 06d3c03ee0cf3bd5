/* arena.h: region allocator. A request owns one arena; everything it
 * allocates is freed at once when the request ends. */
#ifndef PARLEY_ARENA_H
#define PARLEY_ARENA_H
#include <stddef.h>

typedef struct arena arena;

arena *arena_new(size_t block_size);
void arena_free(arena *a);
/* Zeroed memory aligned for any type; never returns NULL (dies on OOM). */
void *arena_alloc(arena *a, size_t n);
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_printf(arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* An array of n items of size bytes with room for one more: items itself
 * while *cap allows, else a copy in a twice the size (*cap updated; the old
 * stays until the arena is freed). */
void *arena_grow(arena *a, void *items, int n, int *cap, size_t size);
/* Bytes handed out so far (for tests and the benchmark's memory report). */
size_t arena_used(const arena *a);

#endif

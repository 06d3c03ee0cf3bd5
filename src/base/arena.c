#include "base/arena.h"
#include "base/log.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct block {
    struct block *next;
    size_t size, used;
    max_align_t data[];
};

struct arena {
    struct block *head;
    size_t block_size, total;
};

static struct block *block_new(size_t size)
{
    struct block *b = malloc(sizeof *b + size);
    if (!b)
        die("out of memory (arena block of %zu bytes)", size);
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

arena *arena_new(size_t block_size)
{
    arena *a = calloc(1, sizeof *a);
    if (!a)
        die("out of memory (arena)");
    a->block_size = block_size ? block_size : 16384;
    a->head = block_new(a->block_size);
    return a;
}

void arena_free(arena *a)
{
    if (!a)
        return;
    struct block *b = a->head;
    while (b) {
        struct block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

void *arena_alloc(arena *a, size_t n)
{
    const size_t align = _Alignof(max_align_t);
    /* Rounding up a size near SIZE_MAX would wrap to a tiny block. */
    if (n > SIZE_MAX / 2)
        die("out of memory (arena request of %zu bytes)", n);
    n = (n + align - 1) & ~(align - 1);
    if (n == 0)
        n = align;
    struct block *b = a->head;
    if (b->size - b->used < n) {
        /* A large request gets a block of its own behind the head, so the
         * head's free space is not wasted. */
        size_t size = n > a->block_size ? n : a->block_size;
        struct block *nb = block_new(size);
        if (n > a->block_size / 2) {
            nb->next = b->next;
            b->next = nb;
            b = nb;
        } else {
            nb->next = b;
            a->head = nb;
            b = nb;
        }
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    a->total += n;
    memset(p, 0, n);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_printf(arena *a, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    char *p = arena_alloc(a, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

void *arena_grow(arena *a, void *items, int n, int *cap, size_t size)
{
    if (n < *cap)
        return items;
    *cap = *cap ? *cap * 2 : 16;
    void *more = arena_alloc(a, size * (size_t)*cap);
    if (n)
        memcpy(more, items, size * (size_t)n);
    return more;
}

size_t arena_used(const arena *a)
{
    return a->total;
}

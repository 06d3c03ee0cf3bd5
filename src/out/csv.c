/* csv.c: the RFC 4180 writer with its formula guard (see csv.h). */
#include "out/csv.h"

#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

void csv_init(csv *c, buf *b)
{
    c->b = b;
    c->col = 0;
}

static void separator(csv *c)
{
    if (c->col++)
        buf_putc(c->b, ',');
}

void csv_field(csv *c, const char *s)
{
    separator(c);
    if (!s || !*s)
        return;
    bool formula = strchr("=+-@\t\r", s[0]) != NULL;
    bool quoted = strpbrk(s, ",\"\r\n") != NULL;
    if (quoted)
        buf_putc(c->b, '"');
    if (formula)
        buf_putc(c->b, '\'');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            buf_putc(c->b, '"');
        buf_putc(c->b, *p);
    }
    if (quoted)
        buf_putc(c->b, '"');
}

void csv_int(csv *c, int64_t v)
{
    separator(c);
    buf_printf(c->b, "%" PRId64, v);
}

void csv_row_end(csv *c)
{
    buf_puts(c->b, "\r\n");
    c->col = 0;
}

/* csv.c: the RFC 4180 writer with its formula guard, and the reader over
 * libcsv (see csv.h). */
#include "out/csv.h"

#include <csv.h>
#include <inttypes.h>
#include <string.h>

#include "base/utf8.h"

void csv_begin(csv *c, buf *b)
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

/* --- reading --- */

struct reading {
    arena *a;
    struct csv_table *t;
    int cap;                        /* records allocated */
    const char **fields;            /* the record being read */
    int nfields, field_cap;
    const char *err;
};

static void field_read(void *s, size_t len, void *data)
{
    struct reading *r = data;
    r->fields = arena_grow(r->a, r->fields, r->nfields, &r->field_cap, sizeof *r->fields);
    const char *text = s ? (const char *)s : "";
    if (!r->err && !utf8_valid(text, len))
        r->err = arena_printf(r->a, "row %d, field %d is not UTF-8 text: save the file as "
                                    "CSV UTF-8 and send it again",
                              r->t->n + 1, r->nfields + 1);
    r->fields[r->nfields++] = arena_strndup(r->a, text, len);
}

static void record_read(int end, void *data)
{
    (void)end;
    struct reading *r = data;
    struct csv_table *t = r->t;
    t->records = arena_grow(r->a, t->records, t->n, &r->cap, sizeof *t->records);
    t->records[t->n] = (struct csv_record){r->fields, r->nfields, t->n + 1};
    t->n++;
    /* The next record's fields start afresh: this one keeps its array. */
    r->fields = NULL;
    r->nfields = r->field_cap = 0;
}

bool csv_read(arena *a, const char *data, size_t len, struct csv_table *out, const char **err)
{
    static const char bom[] = "\xEF\xBB\xBF";
    if (len >= 3 && memcmp(data, bom, 3) == 0) {
        data += 3;
        len -= 3;
    }
    *out = (struct csv_table){0};
    struct reading r = {.a = a, .t = out};
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        *err = "the CSV reader could not start";
        return false;
    }
    size_t read = csv_parse(&p, data, len, field_read, record_read, &r);
    bool parsed = read == len && csv_fini(&p, field_read, record_read, &r) == 0;
    csv_free(&p);
    if (!parsed)
        *err = arena_printf(a, "row %d has a double quote where CSV allows none: a field "
                               "that holds one is quoted whole, with the quote doubled (\"\")",
                            out->n + 1);
    else if (r.err)
        *err = r.err;
    return parsed && !r.err;
}

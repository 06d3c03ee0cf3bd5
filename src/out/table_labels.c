/* table_labels.c: the column headers of a page's tables, repeated on their
 * cells as data-label attributes. On a phone a table's rows stack and each
 * cell shows its label before it (parley.css); taking the labels from each
 * table's own <thead> here, once for every page, means no table repeats its
 * headers in C and none can forget them. */
#include "out/table_labels.h"

#include <stdbool.h>
#include <string.h>

enum { MAX_COLUMNS = 32 };

struct columns {
    const char *header[MAX_COLUMNS]; /* a header cell's content, markup and all */
    size_t len[MAX_COLUMNS];
    int n;
};

/* Whether p, at a '<', opens a tag of this name: "<td>" or "<td class=…>",
 * not "<tdx". */
static bool opens(const char *p, const char *name)
{
    size_t n = strlen(name);
    return strncmp(p + 1, name, n) == 0 && (p[n + 1] == '>' || p[n + 1] == ' ');
}

/* The header cells of the <thead> at p. */
static void read_headers(const char *p, struct columns *c)
{
    const char *end = strstr(p, "</thead>");
    c->n = 0;
    for (const char *q = strstr(p, "<th"); q && end && q < end; q = strstr(q + 1, "<th")) {
        if (!opens(q, "th"))
            continue;
        const char *text = strchr(q, '>');
        const char *close = text ? strstr(text, "</th>") : NULL;
        if (!close || close > end || c->n == MAX_COLUMNS)
            return;
        c->header[c->n] = text + 1;
        c->len[c->n] = (size_t)(close - text - 1);
        c->n++;
    }
}

/* The header's text as an attribute value: its tags left out. Its text was
 * escaped when written; a quote written as markup is escaped here. */
static void put_label(buf *out, const char *h, size_t n)
{
    bool in_tag = false;
    for (size_t i = 0; i < n; i++) {
        if (h[i] == '<' || h[i] == '>')
            in_tag = h[i] == '<';
        else if (!in_tag && h[i] == '"')
            buf_puts(out, "&quot;");
        else if (!in_tag)
            buf_putc(out, h[i]);
    }
}

static void label_cell(buf *out, const struct columns *c, int column)
{
    if (column >= c->n || c->len[column] == 0)
        return;
    buf_puts(out, " data-label=\"");
    put_label(out, c->header[column], c->len[column]);
    buf_putc(out, '"');
}

/* Copies the page up to and through the cell's "<td" or "<th" at p, then
 * the cell's label. */
static const char *labelled(buf *out, const char *copied, const char *p, const struct columns *c,
                            int column)
{
    buf_append(out, copied, (size_t)(p + 3 - copied));
    label_cell(out, c, column);
    return p + 3;
}

void table_labels_add(buf *page)
{
    const char *s = buf_cstr(page);
    if (!strstr(s, "<thead"))
        return;
    buf out;
    buf_init(&out, page->a);
    buf_reserve(&out, page->len + page->len / 8);
    struct columns c = {.n = 0};
    int column = 0;
    const char *copied = s, *head_end = s; /* the headers themselves go unlabelled */
    for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<')) {
        if (opens(p, "thead")) {
            read_headers(p, &c);
            head_end = strstr(p, "</thead>");
        } else if (opens(p, "tr")) {
            column = 0;
        } else if (strncmp(p, "</table>", 8) == 0) {
            c.n = 0;
        } else if (opens(p, "td") || (opens(p, "th") && (!head_end || p > head_end))) {
            copied = labelled(&out, copied, p, &c, column++);
        } else if (opens(p, "th")) {
            column++;
        }
    }
    buf_puts(&out, copied);
    buf old = *page;
    *page = out;
    if (!old.a)
        buf_release(&old);
}

/* markdown.c: Markdown to HTML with cmark (CommonMark), in safe mode. */
#include "out/markdown.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"

/* The page's title is the <h1>; an author's "# Heading" becomes <h2>
 * (and "## Heading" stays <h2>: no level is skipped). */
static void headings_down(cmark_node *root)
{
    cmark_iter *it = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_HEADING) {
            if (cmark_node_get_heading_level(n) < 2)
                cmark_node_set_heading_level(n, 2);
        }
    }
    cmark_iter_free(it);
}

void html_markdown(buf *b, const char *md)
{
    /* cmark 0.30 is safe unless CMARK_OPT_UNSAFE is given; CMARK_OPT_SAFE
     * says so to a reader and to older versions, where it is not the
     * default. Never add CMARK_OPT_UNSAFE: the editor's HTML would reach
     * every visitor (issue 6: no raw HTML from the editor). */
    int opts = CMARK_OPT_DEFAULT | CMARK_OPT_SAFE | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8;
    cmark_node *doc = cmark_parse_document(md ? md : "", md ? strlen(md) : 0, opts);
    if (!doc)
        die("markdown: out of memory");
    headings_down(doc);
    char *html = cmark_render_html(doc, opts);
    cmark_node_free(doc);
    if (!html)
        die("markdown: out of memory");
    buf_puts(b, html);
    free(html);
}

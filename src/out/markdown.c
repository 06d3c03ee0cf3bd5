/* markdown.c: Markdown to HTML with cmark (CommonMark), in safe mode,
 * each text rendered once: the public pages show the same few texts to
 * every visitor until the coordinator edits one (issue 19). */
#include "out/markdown.h"

#include <cmark.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
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

static char *render(const char *md)
{
    /* cmark 0.30 is safe unless CMARK_OPT_UNSAFE is given; CMARK_OPT_SAFE
     * says so to a reader and to older versions, where it is not the
     * default. Never add CMARK_OPT_UNSAFE: the editor's HTML would reach
     * every visitor (issue 6: no raw HTML from the editor). */
    int opts = CMARK_OPT_DEFAULT | CMARK_OPT_SAFE | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8;
    cmark_node *doc = cmark_parse_document(md, strlen(md), opts);
    if (!doc)
        die("markdown: out of memory");
    headings_down(doc);
    char *html = cmark_render_html(doc, opts);
    cmark_node_free(doc);
    if (!html)
        die("markdown: out of memory");
    return html;
}

/* The texts rendered lately, by their words: a text edited is another
 * text, so nothing is ever stale, and the least used gives way. A text
 * longer than CACHE_TEXT_MAX is rendered each time (the cache stays under
 * CACHE_SLOTS times that, twice over). */
#define CACHE_SLOTS 64
#define CACHE_TEXT_MAX (64 * 1024)

static struct rendered {
    uint64_t hash, used;
    char *md, *html;
} cache[CACHE_SLOTS];
static uint64_t cache_clock;
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

static uint64_t text_hash(const char *s)
{
    uint64_t h = 14695981039346656037u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* Appends the text's HTML if it was rendered before. */
static bool cached(buf *b, const char *md, uint64_t hash)
{
    bool hit = false;
    pthread_mutex_lock(&cache_lock);
    for (int i = 0; i < CACHE_SLOTS && !hit; i++)
        if (cache[i].md && cache[i].hash == hash && strcmp(cache[i].md, md) == 0) {
            cache[i].used = ++cache_clock;
            buf_puts(b, cache[i].html);
            hit = true;
        }
    pthread_mutex_unlock(&cache_lock);
    return hit;
}

static void keep(const char *md, uint64_t hash, const char *html)
{
    pthread_mutex_lock(&cache_lock);
    struct rendered *slot = &cache[0];
    for (int i = 1; i < CACHE_SLOTS; i++)
        if (cache[i].used < slot->used)
            slot = &cache[i];
    free(slot->md);
    free(slot->html);
    *slot = (struct rendered){hash, ++cache_clock, strdup(md), strdup(html)};
    if (!slot->md || !slot->html)
        die("markdown: out of memory");
    pthread_mutex_unlock(&cache_lock);
}

void html_markdown(buf *b, const char *md)
{
    md = md ? md : "";
    bool small = strlen(md) <= CACHE_TEXT_MAX;
    uint64_t hash = small ? text_hash(md) : 0;
    if (small && cached(b, md, hash))
        return;
    char *html = render(md);
    buf_puts(b, html);
    if (small)
        keep(md, hash, html);
    free(html);
}

/* site.h: what the public site's pages (home.c, site.c) and the
 * coordinator's editor (site_edit.c) share. */
#ifndef PARLEY_WEB_SITE_H
#define PARLEY_WEB_SITE_H
#include <stdbool.h>

#include "http/http.h"

struct feedback;

/* page_begin() with the page's title, then its Markdown; false after
 * answering with the failure (no page begun). */
bool site_page_begin(req *r, const char *slug);
/* The coordinator's Markdown, rendered safely (out/markdown.h). */
void site_markdown(req *r, const char *md);
/* A published comment as a quote, attributed by role only. */
void site_quote(req *r, const struct feedback *f);

#endif

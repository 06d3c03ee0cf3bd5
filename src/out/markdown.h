/* markdown.h: the coordinator's Markdown as HTML, made safe. */
#ifndef PARLEY_MARKDOWN_H
#define PARLEY_MARKDOWN_H

#include "base/buf.h"

/* Appends md rendered by cmark in its safe mode: raw HTML is dropped and
 * links or images to javascript:, vbscript:, file: or data: (bar images)
 * lose their address. A level-1 heading becomes level 2, so the
 * page's own <h1> stays the only one. Like html_raw(), a named exception to escaping:
 * the markup it writes is cmark's, never the author's. */
void html_markdown(buf *b, const char *md);

#endif

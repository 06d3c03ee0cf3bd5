/* html.h: the escaping HTML writer. Escaping is the default: every %s given
 * to html_printf() is escaped for text and attribute context alike. Markup
 * that must not be escaped goes through html_raw(), the one named exception
 * a reviewer can grep for. */
#ifndef PARLEY_HTML_H
#define PARLEY_HTML_H
#include <stddef.h>

#include "base/buf.h"

/* The format string is trusted markup written by us. Conversions:
 * %s  escaped string (NULL prints nothing)
 * %d %ld %lld %u %zu %lu  numbers
 * %%  a percent sign
 * %u%s in URLs: use %U for a string percent-encoded for a URL path or query
 *     component, then escaped. */
void html_printf(buf *b, const char *fmt, ...);
/* Escaped text. */
void html_text(buf *b, const char *s);
/* Unescaped markup: only for markup produced by our own code. */
void html_raw(buf *b, const char *s);
/* Escapes &<>"' into b. */
void html_escape(buf *b, const char *s, size_t n);
/* Percent-encodes s for a URL component into b (unreserved kept). */
void url_encode(buf *b, const char *s);

#endif

/* internal.h: what server.c needs from parse.c beyond http.h (and what the
 * unit tests reach for); not for the layers above. */
#ifndef PARLEY_HTTP_INTERNAL_H
#define PARLEY_HTTP_INTERNAL_H
#include "http/http.h"

/* Percent-decodes a path ('+' stays a plus); NULL on a broken escape or a
 * result that is not valid UTF-8. */
const char *http_decode_path(arena *a, const char *s, size_t n);
/* http_parse_urlencoded that, on failure, sets *bad to the decoded name of
 * the faulty pair (NULL if the name itself is unreadable). */
bool http_parse_urlencoded_named(arena *a, const char *s, size_t n,
                                 http_pair_fn fn, void *ud, const char **bad);

#endif

/* internal.h: what server.c needs from parse.c beyond http.h (and what the
 * unit tests reach for); not for the layers above. */
#ifndef PARLEY_HTTP_INTERNAL_H
#define PARLEY_HTTP_INTERNAL_H
#include <netinet/in.h>

#include "http/http.h"

/* Percent-decodes a path ('+' stays a plus); NULL on a broken escape or a
 * result that is not valid UTF-8. */
const char *http_decode_path(arena *a, const char *s, size_t n);
/* http_parse_urlencoded that, on failure, sets *bad to the decoded name of
 * the faulty pair (NULL if the name itself is unreadable). */
bool http_parse_urlencoded_named(arena *a, const char *s, size_t n,
                                 http_pair_fn fn, void *ud, const char **bad);

/* The client's address (canonical text) of a request from peer with the
 * X-Forwarded-For value forwarded (every such header's values joined by
 * commas; NULL: none): peer itself unless it is in trusted; else the
 * rightmost hop that is not, the leftmost if all are, or the last one
 * known before a hop that is not an address. */
void http_client_address(const char *peer, const char *forwarded, const struct http_cidr *trusted,
                         size_t ntrusted, char out[INET6_ADDRSTRLEN]);
/* addr (text) is in one of the networks. */
bool http_address_trusted(const char *addr, const struct http_cidr *trusted, size_t ntrusted);

#endif

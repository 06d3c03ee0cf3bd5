/* address.c: who the client is. A request that comes straight from the
 * client is known by the connection's address. One that comes through a
 * trusted proxy (parley serve --trusted-proxy CIDR: nginx in front) is
 * known by X-Forwarded-For: each proxy appends the address it was reached
 * from, so the rightmost hop that is not one of our proxies is the client.
 * Anything left of it was written by the client and is not believed. */
#include "http/http.h"
#include "http/internal.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An address as 16 bytes: IPv4 as the IPv4-mapped IPv6 ::ffff:a.b.c.d, so
 * that one comparison serves both. */
static bool addr_parse(const char *s, unsigned char out[16], bool *v4)
{
    struct in_addr a4;
    *v4 = inet_pton(AF_INET, s, &a4) == 1;
    if (*v4) {
        static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        memcpy(out, mapped, 12);
        memcpy(out + 12, &a4, 4);
        return true;
    }
    return inet_pton(AF_INET6, s, out) == 1;
}

bool http_cidr_parse(const char *text, struct http_cidr *out)
{
    char host[INET6_ADDRSTRLEN];
    const char *slash = strchr(text, '/');
    size_t n = slash ? (size_t)(slash - text) : strlen(text);
    if (n == 0 || n >= sizeof host)
        return false;
    memcpy(host, text, n);
    host[n] = '\0';
    bool v4;
    if (!addr_parse(host, out->net, &v4))
        return false;
    unsigned max = v4 ? 32 : 128;
    unsigned long bits = max;
    if (slash) {
        char *end;
        bits = strtoul(slash + 1, &end, 10);
        if (!slash[1] || *end || bits > max)
            return false;
    }
    out->bits = (unsigned)bits + (v4 ? 96 : 0);
    /* The host part is cleared: 10.1.2.3/8 is the network 10.0.0.0/8. */
    for (unsigned i = out->bits; i < 128; i++)
        out->net[i / 8] &= (unsigned char)~(0x80u >> (i % 8));
    return true;
}

static bool in_cidr(const unsigned char a[16], const struct http_cidr *c)
{
    unsigned whole = c->bits / 8, rest = c->bits % 8;
    if (memcmp(a, c->net, whole) != 0)
        return false;
    unsigned char mask = (unsigned char)(0xff00u >> rest);
    return rest == 0 || (a[whole] & mask) == c->net[whole];
}

static bool trusted(const unsigned char a[16], const struct http_cidr *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (in_cidr(a, &t[i]))
            return true;
    return false;
}

bool http_address_trusted(const char *addr, const struct http_cidr *t, size_t n)
{
    unsigned char a[16];
    bool v4;
    return n && addr_parse(addr, a, &v4) && trusted(a, t, n);
}

/* The canonical text of a parsed address: an IPv4-mapped one as IPv4. */
static void addr_format(const unsigned char a[16], char out[INET6_ADDRSTRLEN])
{
    static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (memcmp(a, mapped, 12) == 0)
        inet_ntop(AF_INET, a + 12, out, INET6_ADDRSTRLEN);
    else
        inet_ntop(AF_INET6, a, out, INET6_ADDRSTRLEN);
}

/* The hop that ends at end (exclusive), trimmed of blanks: its start. */
static const char *hop_before(const char *list, const char *end, char out[INET6_ADDRSTRLEN])
{
    const char *start = end;
    while (start > list && start[-1] != ',')
        start--;
    const char *a = start, *b = end;
    while (a < b && (*a == ' ' || *a == '\t'))
        a++;
    while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
        b--;
    size_t n = (size_t)(b - a) < INET6_ADDRSTRLEN - 1 ? (size_t)(b - a) : INET6_ADDRSTRLEN - 1;
    memcpy(out, a, n);
    out[n] = '\0';
    return start;
}

void http_client_address(const char *peer, const char *forwarded, const struct http_cidr *t,
                         size_t n, char out[INET6_ADDRSTRLEN])
{
    unsigned char a[16];
    bool v4;
    snprintf(out, INET6_ADDRSTRLEN, "%s", peer);
    if (!addr_parse(peer, a, &v4) || !trusted(a, t, n))
        return;
    addr_format(a, out);
    const char *end = forwarded ? forwarded + strlen(forwarded) : NULL;
    while (end) {
        char hop[INET6_ADDRSTRLEN];
        const char *start = hop_before(forwarded, end, hop);
        /* A hop that is no address ends the walk: the proxy that wrote it
         * is the last address known. */
        if (!addr_parse(hop, a, &v4))
            return;
        addr_format(a, out);
        if (!trusted(a, t, n))
            return;
        end = start > forwarded ? start - 1 : NULL;
    }
}

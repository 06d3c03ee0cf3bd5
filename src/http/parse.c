/* parse.c: the pure parsers of the http layer (no sockets, no MHD), so the
 * unit tests and fuzzers can drive them directly. Everything they return
 * lives in the caller's arena. */
#include "http/http.h"
#include "http/internal.h"

#include <string.h>

#include "base/utf8.h"

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Percent-decodes s[0..n) into the arena; '+' becomes a space only in form
 * encoding (in a path it is a literal plus). NULL on a broken escape or on
 * a result that is not valid text. */
static char *pct_decode(arena *a, const char *s, size_t n, bool plus)
{
    char *out = arena_alloc(a, n + 1);
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '%') {
            int hi = i + 2 < n ? hexval(s[i + 1]) : -1;
            int lo = hi >= 0 ? hexval(s[i + 2]) : -1;
            if (lo < 0)
                return NULL;
            out[j++] = (char)(hi * 16 + lo);
            i += 2;
        } else {
            out[j++] = plus && s[i] == '+' ? ' ' : s[i];
        }
    }
    out[j] = '\0';
    return utf8_valid(out, j) ? out : NULL;
}

const char *http_decode_path(arena *a, const char *s, size_t n)
{
    return pct_decode(a, s, n, false);
}

bool http_parse_urlencoded_named(arena *a, const char *s, size_t n,
                                 http_pair_fn fn, void *ud, const char **bad)
{
    const char *end = s + n;
    while (s < end) {
        const char *amp = memchr(s, '&', (size_t)(end - s));
        const char *stop = amp ? amp : end;
        if (stop > s) {   /* "a=1&&b=2": empty pieces are skipped */
            const char *eq = memchr(s, '=', (size_t)(stop - s));
            const char *name_end = eq ? eq : stop;
            char *name = pct_decode(a, s, (size_t)(name_end - s), true);
            char *value = eq ? pct_decode(a, eq + 1, (size_t)(stop - eq - 1), true)
                             : arena_strdup(a, "");
            if (!name || !value) {
                if (bad)
                    *bad = name;   /* NULL when the name itself is unreadable */
                return false;
            }
            fn(ud, name, value);
        }
        s = stop + (amp != NULL);
    }
    return true;
}

bool http_parse_urlencoded(arena *a, const char *s, size_t n, http_pair_fn fn, void *ud)
{
    return http_parse_urlencoded_named(a, s, n, fn, ud, NULL);
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* Cookie values are not percent-decoded (RFC 6265 leaves that to the site)
 * and one that is not valid text is skipped rather than refused: a stray
 * cookie from another program on the same host must not lock a person out
 * of every page. Ours are plain ASCII tokens. */
void http_parse_cookies(arena *a, const char *header, http_pair_fn fn, void *ud)
{
    const char *s = header;
    while (s && *s) {
        const char *semi = strchr(s, ';');
        const char *stop = semi ? semi : s + strlen(s);
        const char *eq = memchr(s, '=', (size_t)(stop - s));
        if (eq) {
            const char *n0 = s, *n1 = eq, *v0 = eq + 1, *v1 = stop;
            while (n0 < n1 && is_space(*n0))
                n0++;
            while (n1 > n0 && is_space(n1[-1]))
                n1--;
            while (v0 < v1 && is_space(*v0))
                v0++;
            while (v1 > v0 && is_space(v1[-1]))
                v1--;
            if (v1 - v0 >= 2 && *v0 == '"' && v1[-1] == '"') {
                v0++;
                v1--;
            }
            if (n1 > n0 && utf8_valid(n0, (size_t)(n1 - n0)) &&
                utf8_valid(v0, (size_t)(v1 - v0)))
                fn(ud, arena_strndup(a, n0, (size_t)(n1 - n0)),
                   arena_strndup(a, v0, (size_t)(v1 - v0)));
        }
        s = semi ? semi + 1 : NULL;
    }
}

/* Segment by segment: a literal must be equal, a {name} takes one
 * non-empty segment. Splitting on '/' makes "/people/" (two segments) differ
 * from "/people" (one) while "/" still matches "/". */
bool http_route_match(arena *a, const char *pattern, const char *path,
                      const char ***names, const char ***values, size_t *n)
{
    size_t cap = 0;
    for (const char *p = pattern; *p; p++)
        cap += *p == '{';
    const char **nm = cap ? arena_alloc(a, cap * sizeof *nm) : NULL;
    const char **vl = cap ? arena_alloc(a, cap * sizeof *vl) : NULL;
    size_t k = 0;
    *n = 0;
    if (*pattern != '/' || *path != '/')
        return false;
    const char *p = pattern + 1, *q = path + 1;
    for (;;) {
        size_t plen = strcspn(p, "/"), qlen = strcspn(q, "/");
        if (plen >= 2 && p[0] == '{' && p[plen - 1] == '}') {
            if (qlen == 0)
                return false;
            nm[k] = arena_strndup(a, p + 1, plen - 2);
            vl[k++] = arena_strndup(a, q, qlen);
        } else if (plen != qlen || memcmp(p, q, plen) != 0) {
            return false;
        }
        p += plen;
        q += qlen;
        if (!*p || !*q)
            break;
        p++;
        q++;
    }
    if (*p || *q)
        return false;
    *names = nm;
    *values = vl;
    *n = k;
    return true;
}

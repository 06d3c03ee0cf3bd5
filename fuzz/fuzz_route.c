/* fuzz_route: route matching (http_route_match). The input is a pattern and
 * a path split at the first NUL or newline; the path is also matched against
 * every pattern of the real route table (web_routes). On a match, putting
 * the captured values back into the pattern must give the path again. */
#include "fuzz.h"

#include "base/arena.h"
#include "http/http.h"
#include "web/web.h"

static bool is_param(const char *seg, size_t len)
{
    return len >= 2 && seg[0] == '{' && seg[len - 1] == '}';
}

/* Matches and checks the result against the pattern and the path. */
static void check(arena *a, const char *pattern, const char *path)
{
    const char **names = NULL, **values = NULL;
    size_t n = 99;
    bool ok = http_route_match(a, pattern, path, &names, &values, &n);
    if (!ok) {
        FUZZ_CHECK(n == 0);
        /* A pattern without {name} matches exactly itself. */
        if (!strchr(pattern, '{') && pattern[0] == '/')
            FUZZ_CHECK(strcmp(pattern, path) != 0);
        return;
    }
    FUZZ_CHECK(pattern[0] == '/' && path[0] == '/');
    /* Rebuild the path from the pattern and the captured values. */
    buf b;
    buf_init(&b, a);
    size_t k = 0;
    const char *p = pattern;
    while (*p) {
        size_t len = strcspn(p, "/");
        if (is_param(p, len)) {
            FUZZ_CHECK(k < n);
            FUZZ_CHECK(strlen(names[k]) == len - 2 && memcmp(names[k], p + 1, len - 2) == 0);
            FUZZ_CHECK(values[k][0] != '\0' && !strchr(values[k], '/'));
            buf_puts(&b, values[k++]);
        } else {
            buf_append(&b, p, len);
        }
        p += len;
        if (*p == '/') {
            buf_putc(&b, '/');
            p++;
        }
    }
    FUZZ_CHECK(k == n);
    FUZZ_CHECK(strcmp(buf_cstr(&b), path) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_cstr(data, size);
    size_t cut = strcspn(s, "\n"); /* stops at the first NUL too */
    const char *pattern = s, *path = s + cut;
    if (cut < size) {
        s[cut] = '\0';
        path = s + cut + 1;
    }
    arena *a = arena_new(0);
    check(a, pattern, path);
    check(a, pattern, pattern); /* a pattern matches itself */
    for (size_t i = 0; i < web_route_count; i++) {
        check(a, web_routes[i].pattern, path);
        check(a, web_routes[i].pattern, pattern);
    }
    arena_free(a);
    free(s);
    return 0;
}

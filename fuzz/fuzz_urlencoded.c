/* fuzz_urlencoded: form bodies and query strings (http_parse_urlencoded) and
 * request paths (http_decode_path). Every name and value handed on must be
 * valid text, and a path that decodes must be valid text too. */
#include "fuzz.h"

#include "base/arena.h"
#include "base/utf8.h"
#include "http/http.h"
#include "http/internal.h"

struct seen {
    size_t pairs;
    size_t input_len;
};

static void on_pair(void *ud, const char *name, const char *value)
{
    struct seen *s = ud;
    FUZZ_CHECK(name && value);
    FUZZ_CHECK(utf8_valid(name, strlen(name)));
    FUZZ_CHECK(utf8_valid(value, strlen(value)));
    /* Decoding only shrinks: no name or value is longer than the input. */
    FUZZ_CHECK(strlen(name) + strlen(value) <= s->input_len);
    s->pairs++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena *a = arena_new(0);
    const char *s = (const char *)data; /* not NUL-terminated: n is the length */
    struct seen seen = {0, size};
    const char *bad = NULL;
    bool ok = http_parse_urlencoded_named(a, s, size, on_pair, &seen, &bad);
    FUZZ_CHECK(ok || bad == NULL || utf8_valid(bad, strlen(bad)));
    /* At most one pair per '&'-separated piece. */
    size_t pieces = 1;
    for (size_t i = 0; i < size; i++)
        pieces += data[i] == '&';
    FUZZ_CHECK(seen.pairs <= pieces);
    /* The plain entry point agrees with the named one. */
    struct seen again = {0, size};
    FUZZ_CHECK(http_parse_urlencoded(a, s, size, on_pair, &again) == ok);
    FUZZ_CHECK(again.pairs == seen.pairs);

    const char *path = http_decode_path(a, s, size);
    if (path) {
        FUZZ_CHECK(strlen(path) <= size);
        FUZZ_CHECK(utf8_valid(path, strlen(path)));
    }
    arena_free(a);
    return 0;
}

/* fuzz_json_quote: the JSON writer's strings (json_quote) and the UTF-8
 * check (utf8_valid). Whatever the input, json_quote's output is one JSON
 * string that jansson reads back; when the input is well-formed UTF-8 it
 * reads back as the same string. */
#include "fuzz.h"

#include <jansson.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/utf8.h"

/* out/json.h cannot be included beside jansson.h (both name json_null and
 * friends), so the one writer function under test is declared here. */
void json_quote(buf *b, const char *s);

/* Well-formed UTF-8, control characters allowed (utf8_valid refuses them,
 * but JSON carries them escaped). */
static bool well_formed(const char *s, size_t n)
{
    char *copy = malloc(n + 1);
    if (!copy)
        abort();
    for (size_t i = 0; i < n; i++)
        copy[i] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? 'a' : s[i];
    bool ok = utf8_valid(copy, n);
    free(copy);
    return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* utf8_valid takes a length and must not read past it. */
    char *exact = malloc(size ? size : 1);
    if (!exact)
        abort();
    memcpy(exact, data, size);
    bool valid = utf8_valid(exact, size);
    free(exact);

    char *s = fuzz_cstr(data, size);
    size_t n = strlen(s);
    if (valid && n == size)
        FUZZ_CHECK(well_formed(s, n)); /* valid text is well formed */

    arena *a = arena_new(0);
    buf b;
    buf_init(&b, a);
    json_quote(&b, s);
    json_error_t err;
    json_t *v = json_loadb(buf_cstr(&b), b.len, JSON_DECODE_ANY, &err);
    if (!v) {
        fprintf(stderr, "json_quote wrote invalid JSON: %s\n", err.text);
        abort();
    }
    FUZZ_CHECK(json_is_string(v));
    const char *back = json_string_value(v);
    if (well_formed(s, n))
        FUZZ_CHECK(json_string_length(v) == n && memcmp(back, s, n) == 0);
    /* No raw '<' reaches a page that embeds the JSON in a script. */
    FUZZ_CHECK(!memchr(buf_cstr(&b), '<', b.len));
    json_decref(v);
    arena_free(a);
    free(s);
    return 0;
}

/* fuzz_cookies: the Cookie header (http_parse_cookies). Names are never
 * empty, names and values are trimmed and valid text. */
#include "fuzz.h"

#include "base/arena.h"
#include "base/utf8.h"
#include "http/http.h"

static void on_cookie(void *ud, const char *name, const char *value)
{
    size_t *n = ud;
    size_t nl = strlen(name), vl = strlen(value);
    FUZZ_CHECK(nl > 0);
    FUZZ_CHECK(utf8_valid(name, nl) && utf8_valid(value, vl));
    FUZZ_CHECK(name[0] != ' ' && name[0] != '\t' && name[nl - 1] != ' ' && name[nl - 1] != '\t');
    FUZZ_CHECK(!strchr(name, ';') && !strchr(value, ';'));
    (*n)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *header = fuzz_cstr(data, size);
    arena *a = arena_new(0);
    size_t n = 0;
    http_parse_cookies(a, header, on_cookie, &n);
    size_t pieces = 1;
    for (const char *p = header; *p; p++)
        pieces += *p == ';';
    FUZZ_CHECK(n <= pieces);
    arena_free(a);
    free(header);
    return 0;
}

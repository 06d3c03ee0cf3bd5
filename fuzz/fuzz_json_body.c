/* fuzz_json_body: the API's JSON request bodies, through api_body_parse (the
 * part of api_body_read that does not need a request). The first byte picks
 * the body table (person, school, role) and whether a "version" member is
 * accepted; the rest is the body. */
#include "fuzz.h"

#include "base/arena.h"
#include "domain/people.h"
#include "web/web.h"

static const char untouched[] = "untouched";

static bool whole_number(const char *v)
{
    if (*v == '-')
        v++;
    if (!*v)
        return false;
    for (; *v; v++)
        if (*v < '0' || *v > '9')
            return false;
    return true;
}

static void check_value(enum api_type t, const char *v)
{
    switch (t) {
    case API_FLAG:
        FUZZ_CHECK(strcmp(v, "yes") == 0 || strcmp(v, "no") == 0);
        break;
    case API_ID_OR_NULL:
        FUZZ_CHECK(v[0] == '\0' || whole_number(v));
        break;
    case API_NUMBER:
        FUZZ_CHECK(whole_number(v));
        break;
    default:
        break; /* any string: the use cases validate it */
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const struct api_body *b = api_bodies[data[0] % api_body_count];
    bool with_version = data[0] & 0x80;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;

    arena *a = arena_new(0);
    /* The input struct the body fills, whichever it is: as large as its
     * last field's end (every field is a const char *). */
    size_t need = sizeof(const char *);
    for (int i = 0; i < b->nfields; i++)
        if (b->fields[i].offset + sizeof(const char *) > need)
            need = b->fields[i].offset + sizeof(const char *);
    char *in = arena_alloc(a, need);
    memset(in, 0, need);
    for (int i = 0; i < b->nfields; i++)
        *(const char **)(in + b->fields[i].offset) = untouched;
    const char *version = untouched, *field = untouched, *message = untouched;
    bool ok =
        api_body_parse(a, text, len, b, in, with_version ? &version : NULL, &field, &message);
    if (ok) {
        /* Every member sent is text of the shape its type promises. */
        for (int i = 0; i < b->nfields; i++) {
            const char *v = *(const char **)(in + b->fields[i].offset);
            FUZZ_CHECK(v != NULL);
            if (v != untouched)
                check_value(b->fields[i].type, v);
        }
        FUZZ_CHECK(version != NULL);
        FUZZ_CHECK(version == untouched || whole_number(version));
        FUZZ_CHECK(with_version || version == untouched);
    } else {
        FUZZ_CHECK(message != NULL && message != untouched && message[0] != '\0');
        FUZZ_CHECK(field != untouched);
        if (field) {
            bool known = false;
            for (int i = 0; i < b->nfields; i++)
                known |= strcmp(b->fields[i].name, field) == 0;
            FUZZ_CHECK(known || strstr(message, "Unknown field") || strcmp(field, "version") == 0);
        }
    }
    arena_free(a);
    return 0;
}

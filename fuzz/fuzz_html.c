/* fuzz_html: the HTML writer's escaping (html_printf's %s and %U,
 * html_escape, url_encode). Whatever the input, no '<' '>' '"' '\'' of it
 * reaches the page raw, '&' only starts an entity we wrote, a %U value is
 * [A-Za-z0-9._~%-] only, and unescaping gives the input back. */
#include "fuzz.h"

#include "base/arena.h"
#include "base/buf.h"
#include "out/html.h"

static bool url_safe(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~' || c == '%';
}

/* Checks e is a correct escaping of s[0..n). */
static void check_escaped(const char *s, size_t n, const char *e, size_t elen)
{
    static const struct {
        char c;
        const char *ent;
    } ents[] = {
        {'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'"', "&quot;"}, {'\'', "&#39;"},
    };
    size_t i = 0, j = 0;
    while (j < elen) {
        FUZZ_CHECK(e[j] != '<' && e[j] != '>' && e[j] != '"' && e[j] != '\'');
        FUZZ_CHECK(i < n);
        if (e[j] == '&') {
            size_t k = 0;
            while (k < 5 && strncmp(e + j, ents[k].ent, strlen(ents[k].ent)) != 0)
                k++;
            FUZZ_CHECK(k < 5); /* '&' starts one of our entities */
            FUZZ_CHECK(s[i] == ents[k].c);
            j += strlen(ents[k].ent);
        } else {
            FUZZ_CHECK(s[i] == e[j]);
            j++;
        }
        i++;
    }
    FUZZ_CHECK(i == n); /* nothing lost */
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Checks u is a correct percent-encoding of the C string s. */
static void check_url(const char *s, const char *u, size_t ulen)
{
    size_t i = 0;
    for (size_t j = 0; j < ulen; i++) {
        FUZZ_CHECK(url_safe(u[j]) && s[i] != '\0');
        if (u[j] == '%') {
            FUZZ_CHECK(j + 2 < ulen && hexval(u[j + 1]) >= 0 && hexval(u[j + 2]) >= 0);
            FUZZ_CHECK((unsigned char)s[i] == hexval(u[j + 1]) * 16 + hexval(u[j + 2]));
            j += 3;
        } else {
            FUZZ_CHECK(s[i] == u[j]);
            j++;
        }
    }
    FUZZ_CHECK(s[i] == '\0');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena *a = arena_new(0);
    char *s = fuzz_cstr(data, size);
    size_t slen = strlen(s);

    /* html_escape takes a length: binary input, NULs included. */
    buf e;
    buf_init(&e, a);
    html_escape(&e, (const char *)data, size);
    check_escaped((const char *)data, size, buf_cstr(&e), e.len);

    buf u;
    buf_init(&u, a);
    url_encode(&u, s);
    check_url(s, buf_cstr(&u), u.len);

    /* Through html_printf, in text and attribute context and in a URL. */
    static const char pre[] = "<p title=\"", mid[] = "\">",
                      mid2[] = "</p><a href=\"/people?q=", post[] = "\">x</a>";
    buf t;
    buf_init(&t, a);
    html_text(&t, s);
    check_escaped(s, slen, buf_cstr(&t), t.len);
    buf page;
    buf_init(&page, a);
    html_printf(&page, "<p title=\"%s\">%s</p><a href=\"/people?q=%U\">x</a>", s, s, s);
    buf want;
    buf_init(&want, a);
    buf_puts(&want, pre);
    buf_append(&want, t.s ? t.s : "", t.len);
    buf_puts(&want, mid);
    buf_append(&want, t.s ? t.s : "", t.len);
    buf_puts(&want, mid2);
    buf_append(&want, u.s ? u.s : "", u.len);
    buf_puts(&want, post);
    FUZZ_CHECK(page.len == want.len && memcmp(buf_cstr(&page), buf_cstr(&want), want.len) == 0);

    free(s);
    arena_free(a);
    return 0;
}

/* test_http.c: the pure parsers, then a real server on a loopback port
 * spoken to with raw HTTP/1.1. */
#include "testing.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/clock.h"
#include "http/http.h"
#include "http/internal.h"

/* ---- pure parsers ---- */

struct pairs {
    buf b;
    int n;
};

static void collect(void *ud, const char *name, const char *value)
{
    struct pairs *p = ud;
    buf_printf(&p->b, "[%s=%s]", name, value);
    p->n++;
}

static const char *urlenc(arena *a, const char *s, bool *ok)
{
    struct pairs p = {.n = 0};
    buf_init(&p.b, a);
    *ok = http_parse_urlencoded(a, s, strlen(s), collect, &p);
    return buf_cstr(&p.b);
}

static void test_urlencoded(void **state)
{
    (void)state;
    arena *a = arena_new(0);
    bool ok;
    assert_string_equal(urlenc(a, "a=1&b=%20x+y", &ok), "[a=1][b= x y]");
    assert_true(ok);
    assert_string_equal(urlenc(a, "&&a=&b&c%3D=%3d%26&", &ok), "[a=][b=][c===&]");
    assert_true(ok);
    assert_string_equal(urlenc(a, "", &ok), "");
    assert_true(ok);
    assert_string_equal(urlenc(a, "name=Jos%C3%A9", &ok), "[name=José]");
    assert_true(ok);
    /* Pairs before the fault are delivered, the faulty one is not. */
    assert_string_equal(urlenc(a, "a=1&b=%zz&c=3", &ok), "[a=1]");
    assert_false(ok);
    assert_string_equal(urlenc(a, "a=%4", &ok), "");
    assert_false(ok);
    assert_string_equal(urlenc(a, "a=%", &ok), "");
    assert_false(ok);
    assert_string_equal(urlenc(a, "a=%ff", &ok), "");         /* not UTF-8 */
    assert_false(ok);
    assert_string_equal(urlenc(a, "a=%C3%28", &ok), "");      /* broken sequence */
    assert_false(ok);
    assert_string_equal(urlenc(a, "a=x%00y", &ok), "");       /* NUL */
    assert_false(ok);
    assert_string_equal(urlenc(a, "%ff=1", &ok), "");
    assert_false(ok);

    const char *bad = "unset";
    struct pairs p = {.n = 0};
    buf_init(&p.b, a);
    assert_false(http_parse_urlencoded_named(a, "ok=1&title=%ff", 14, collect, &p, &bad));
    assert_string_equal(bad, "title");
    assert_false(http_parse_urlencoded_named(a, "%ff=1", 5, collect, &p, &bad));
    assert_null(bad);
    /* The length bounds the input, not a NUL. */
    assert_true(http_parse_urlencoded(a, "a=1&b=2", 3, collect, &p));
    arena_free(a);
}

static const char *cookies(arena *a, const char *s)
{
    struct pairs p = {.n = 0};
    buf_init(&p.b, a);
    http_parse_cookies(a, s, collect, &p);
    return buf_cstr(&p.b);
}

static void test_cookies(void **state)
{
    (void)state;
    arena *a = arena_new(0);
    assert_string_equal(cookies(a, "a=1; b=2"), "[a=1][b=2]");
    assert_string_equal(cookies(a, "  a = 1 ;b=2;  c=\"q v\" "), "[a=1][b=2][c=q v]");
    assert_string_equal(cookies(a, "d=; =x; e; f=\""), "[d=][f=\"]");
    assert_string_equal(cookies(a, "sid=ab=cd"), "[sid=ab=cd]");
    assert_string_equal(cookies(a, ""), "");
    assert_string_equal(cookies(a, ";;"), "");
    /* Not valid text: skipped, the others still count. */
    assert_string_equal(cookies(a, "x=\xff; sid=1"), "[sid=1]");
    arena_free(a);
}

static bool match(arena *a, const char *pattern, const char *path, const char **out)
{
    const char **names, **values;
    size_t n;
    bool ok = http_route_match(a, pattern, path, &names, &values, &n);
    buf b;
    buf_init(&b, a);
    for (size_t i = 0; ok && i < n; i++)
        buf_printf(&b, "%s=%s;", names[i], values[i]);
    *out = buf_cstr(&b);
    return ok;
}

static void test_route_match(void **state)
{
    (void)state;
    arena *a = arena_new(0);
    const char *got;
    assert_true(match(a, "/", "/", &got));
    assert_string_equal(got, "");
    assert_true(match(a, "/people", "/people", &got));
    assert_true(match(a, "/people/{id}", "/people/42", &got));
    assert_string_equal(got, "id=42;");
    assert_true(match(a, "/cases/{id}/notes/{note}", "/cases/7/notes/x y", &got));
    assert_string_equal(got, "id=7;note=x y;");
    assert_false(match(a, "/people", "/people/", &got));       /* strict */
    assert_false(match(a, "/people/", "/people", &got));
    assert_false(match(a, "/people/{id}", "/people/", &got));  /* empty segment */
    assert_false(match(a, "/people/{id}", "/people/4/", &got));
    assert_false(match(a, "/people/{id}", "/people/4/x", &got));
    assert_false(match(a, "/people/{id}", "/people", &got));
    assert_false(match(a, "/people", "/peoplex", &got));
    assert_false(match(a, "/people", "/peopl", &got));
    assert_false(match(a, "/", "/x", &got));
    assert_false(match(a, "/", "", &got));
    arena_free(a);
}

static void test_decode_path(void **state)
{
    (void)state;
    arena *a = arena_new(0);
    const char *s = "/a%20b/c+d/%C3%A9";
    assert_string_equal(http_decode_path(a, s, strlen(s)), "/a b/c+d/é");
    assert_string_equal(http_decode_path(a, "/x?q", 2), "/x");
    assert_null(http_decode_path(a, "/%zz", 4));
    assert_null(http_decode_path(a, "/%2", 3));
    assert_null(http_decode_path(a, "/%ff", 4));
    assert_non_null(http_decode_path(a, "/%0a", 4));   /* LF is text */
    assert_null(http_decode_path(a, "/%01", 4));
    arena_free(a);
}

static void test_cidr_parse(void **state)
{
    (void)state;
    struct http_cidr c;
    assert_true(http_cidr_parse("10.0.0.0/8", &c));
    assert_int_equal(c.bits, 96 + 8);
    assert_true(http_cidr_parse("10.1.2.3/8", &c));   /* the host part is dropped */
    assert_true(http_address_trusted("10.200.0.1", &c, 1));
    assert_false(http_address_trusted("11.0.0.1", &c, 1));
    assert_true(http_cidr_parse("192.0.2.7", &c));
    assert_int_equal(c.bits, 128);
    assert_true(http_address_trusted("192.0.2.7", &c, 1));
    assert_false(http_address_trusted("192.0.2.8", &c, 1));
    assert_true(http_address_trusted("::ffff:192.0.2.7", &c, 1));   /* the same, mapped */
    assert_true(http_cidr_parse("fd00::/8", &c));
    assert_true(http_address_trusted("fd12:3456::1", &c, 1));
    assert_false(http_address_trusted("fe80::1", &c, 1));
    assert_false(http_address_trusted("10.0.0.1", &c, 1));
    assert_true(http_cidr_parse("::1", &c));
    assert_true(http_address_trusted("::1", &c, 1));
    assert_true(http_cidr_parse("0.0.0.0/0", &c));
    assert_true(http_address_trusted("203.0.113.9", &c, 1));
    assert_false(http_address_trusted("2001:db8::1", &c, 1));   /* IPv4's /0 is IPv4 only */
    assert_false(http_cidr_parse("10.0.0.0/33", &c));
    assert_false(http_cidr_parse("fd00::/129", &c));
    assert_false(http_cidr_parse("10.0.0.0/", &c));
    assert_false(http_cidr_parse("10.0.0.0/8x", &c));
    assert_false(http_cidr_parse("nginx", &c));
    assert_false(http_cidr_parse("", &c));
    assert_false(http_address_trusted("10.0.0.1", &c, 0));
}

/* The rightmost hop that is not a trusted proxy is the client. */
static void test_client_address(void **state)
{
    (void)state;
    struct http_cidr t[2];
    assert_true(http_cidr_parse("127.0.0.1", &t[0]));
    assert_true(http_cidr_parse("10.0.0.0/24", &t[1]));
    static const struct {
        const char *peer, *forwarded;
        size_t ntrusted;
        const char *client, *why;
    } cases[] = {
        {"203.0.113.5", "198.51.100.1", 2, "203.0.113.5", "not from a proxy: ignored"},
        {"127.0.0.1", "198.51.100.1", 2, "198.51.100.1", "what nginx appended"},
        {"127.0.0.1", "6.6.6.6, 198.51.100.1", 2, "198.51.100.1", "the client's own word"},
        {"127.0.0.1", "6.6.6.6,198.51.100.1 , 10.0.0.9", 2, "198.51.100.1", "two proxies"},
        {"127.0.0.1", "10.0.0.3, 10.0.0.9", 2, "10.0.0.3", "every hop ours: the leftmost"},
        {"127.0.0.1", NULL, 2, "127.0.0.1", "no header: the proxy"},
        {"127.0.0.1", "", 2, "127.0.0.1", "an empty header: the proxy"},
        {"127.0.0.1", "198.51.100.1, garbage, 10.0.0.9", 2, "10.0.0.9", "no address: stop"},
        {"127.0.0.1", "2001:DB8:0:0::7", 2, "2001:db8::7", "IPv6, canonical"},
        {"127.0.0.1", "198.51.100.1", 0, "127.0.0.1", "no trusted proxies at all"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[INET6_ADDRSTRLEN];
        http_client_address(cases[i].peer, cases[i].forwarded, t, cases[i].ntrusted, out);
        if (strcmp(out, cases[i].client) != 0)
            fail_msg("%s: %s, not %s", cases[i].why, out, cases[i].client);
    }
}

/* ---- a real server ---- */

static void page_home(req *r)
{
    buf_puts(&r->out, "home");
}

static void page_person(req *r)
{
    const char *q = req_query(r, "q");
    const char *sid = req_cookie(r, "sid");
    buf_printf(&r->out, "person %s q=%s sid=%s remote=%s", req_param(r, "id"), q ? q : "-",
               sid ? sid : "-", r->remote_addr);
}

static void page_person_post(req *r)
{
    const char *tags[4];
    size_t n = req_form_all(r, "tag", tags, 4);
    buf_printf(&r->out, "saved %s name=%s tags=%zu", req_param(r, "id"), req_form(r, "name"),
               n);
    for (size_t i = 0; i < n; i++)
        buf_printf(&r->out, ",%s", tags[i]);
}

static void page_upload(req *r)
{
    const struct http_field *f = req_upload(r, "doc");
    const char *title = req_form(r, "title");
    size_t n = 0;
    for (const struct http_field *i = req_fields(r); i; i = i->next)
        n++;
    buf_printf(&r->out, "fields=%zu title=%s empty=[%s] doc=%s %s %zu", n, title ? title : "-",
               req_form(r, "empty") ? req_form(r, "empty") : "null",
               f ? f->filename : "-", f ? f->content_type : "-", f ? f->len : 0);
    if (f && f->len == 7 && memcmp(f->value, "abc\0def", 7) == 0)
        buf_puts(&r->out, " bytes-ok");
    buf_printf(&r->out, " arena=%zu", arena_used(r->a));
}

static void api_echo(req *r)
{
    size_t n;
    const char *body = req_body(r, &n);
    r->content_type = "application/json";
    buf_append(&r->out, body, n);
}

static void page_secret(req *r)
{
    res_header(r, "Cache-Control", "private, max-age=60");
    res_redirect(r, "/");
}

static const struct route routes[] = {
    {"GET", "/", page_home, 0, 0, 0, "home"},
    {"GET", "/people/{id}", page_person, 0, 0, 0, "a person"},
    {"POST", "/people/{id}", page_person_post, 0, 0, 0, "save a person"},
    {"POST", "/upload", page_upload, 0, 0, ROUTE_UPLOAD, "upload"},
    {"POST", "/api/echo", api_echo, 0, 0, 0, "echo"},
    {"GET", "/invite/{token}", page_secret, 0, 0, ROUTE_SECRET_PATH, "an invitation"},
};

static void dispatch(req *r, const struct route *rt)
{
    assert_ptr_equal(r->route, rt);
    rt->fn(r);
}

static void render_error(req *r, int status, const char *message)
{
    buf_printf(&r->out, "<p>error %d: %s</p>", status, message);
}

struct fixture {
    http_server *s;
    int port;
    FILE *log;
};

static struct fixture start_behind(struct http_limits lim, bool json,
                                   const struct http_cidr *proxies, size_t nproxies)
{
    struct fixture f = {.log = tmpfile()};
    struct http_config cfg = {
        .listen_addr = "127.0.0.1",
        .port = 0,
        .threads = 2,
        .limits = lim,
        .routes = routes,
        .nroutes = sizeof routes / sizeof routes[0],
        .dispatch = dispatch,
        .error = render_error,
        .access_log = f.log,
        .log_json = json,
        .trusted_proxies = proxies,
        .ntrusted_proxies = nproxies,
    };
    char *err = NULL;
    f.s = http_start(&cfg, &err);
    assert_non_null(f.s);
    f.port = http_port(f.s);
    assert_true(f.port > 0);
    return f;
}

static struct fixture start(struct http_limits lim, bool json)
{
    return start_behind(lim, json, NULL, 0);
}

/* Stops the server and returns its access log. */
static char *stop(struct fixture *f)
{
    http_stop(f->s);
    long n = ftell(f->log);
    char *s = calloc(1, (size_t)n + 1);
    rewind(f->log);
    assert_int_equal(fread(s, 1, (size_t)n, f->log), (size_t)n);
    fclose(f->log);
    return s;
}

static int dial(int port, int timeout_s)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    struct timeval tv = {.tv_sec = timeout_s};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_true(fd >= 0);
    assert_int_equal(connect(fd, (struct sockaddr *)&sa, sizeof sa), 0);
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    return fd;
}

static void send_all(int fd, const char *s, size_t n)
{
    while (n) {
        ssize_t k = send(fd, s, n, MSG_NOSIGNAL);
        if (k <= 0)
            return;   /* the server may close early (413, 431); reading tells */
        s += k;
        n -= (size_t)k;
    }
}

/* Reads until the server closes or the timeout; returns what came. */
static char *read_all(int fd)
{
    buf b;
    buf_init(&b, NULL);
    char chunk[4096];
    ssize_t k;
    while ((k = recv(fd, chunk, sizeof chunk, 0)) > 0)
        buf_append(&b, chunk, (size_t)k);
    buf_putc(&b, '\0');
    return b.s;
}

static char *exchange(int port, const char *request, size_t n)
{
    int fd = dial(port, 5);
    send_all(fd, request, n);
    char *res = read_all(fd);
    close(fd);
    return res;
}

static char *ask(int port, const char *request)
{
    return exchange(port, request, strlen(request));
}

/* POSTs a body with its Content-Length and Connection: close. */
static char *post(int port, const char *path, const char *type, const char *body, size_t n)
{
    buf b;
    buf_init(&b, NULL);
    buf_printf(&b, "POST %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                   "Content-Type: %s\r\nContent-Length: %zu\r\n\r\n", path, type, n);
    buf_append(&b, body, n);
    char *res = exchange(port, b.s, b.len);
    buf_release(&b);
    return res;
}

#define FORM "application/x-www-form-urlencoded"
#define MULTIPART "multipart/form-data; boundary=XyZ"

static bool has(const char *hay, const char *needle)
{
    if (!strstr(hay, needle)) {
        print_error("missing \"%s\" in:\n%s\n", needle, hay);
        return false;
    }
    return true;
}

static void test_server_routes(void **state)
{
    (void)state;
    struct fixture f = start(http_default_limits(), false);
    char *res = ask(f.port, "GET /people/7?q=a+b HTTP/1.1\r\nHost: x\r\n"
                            "Cookie: theme=dark; sid=s3\r\nConnection: close\r\n\r\n");
    assert_true(has(res, "HTTP/1.1 200"));
    assert_true(has(res, "person 7 q=a b sid=s3 remote=127.0.0.1"));
    assert_true(has(res, "Content-Security-Policy: default-src 'self'; script-src 'self'; "
                         "style-src 'self'; img-src 'self' data:; object-src 'none'; "
                         "base-uri 'none'; form-action 'self'; frame-ancestors 'none'\r\n"));
    assert_true(has(res, "X-Content-Type-Options: nosniff\r\n"));
    assert_true(has(res, "X-Frame-Options: DENY\r\n"));
    assert_true(has(res, "Referrer-Policy: same-origin\r\n"));
    assert_true(has(res, "Cache-Control: no-store\r\n"));
    assert_true(has(res, "Content-Type: text/html; charset=utf-8\r\n"));
    free(res);

    res = ask(f.port, "GET /people/caf%C3%A9 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_true(has(res, "person café"));
    free(res);

    res = ask(f.port, "GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_true(has(res, "HTTP/1.1 404"));
    assert_true(has(res, "<p>error 404: There is no page at this address.</p>"));
    assert_true(has(res, "X-Frame-Options: DENY\r\n"));
    free(res);

    res = ask(f.port, "GET /people/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_true(has(res, "HTTP/1.1 404"));
    free(res);

    res = ask(f.port, "DELETE /people/7 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_true(has(res, "HTTP/1.1 405"));
    assert_true(has(res, "Allow: GET, HEAD, POST\r\n"));
    free(res);

    res = ask(f.port, "HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_true(has(res, "HTTP/1.1 200"));
    assert_true(has(res, "Content-Length: 4\r\n"));
    assert_null(strstr(res, "home"));
    free(res);

    res = ask(f.port, "GET /people/%ff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_true(has(res, "HTTP/1.1 400"));
    free(res);

    res = ask(f.port, "GET /people/1?q=%C3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_true(has(res, "HTTP/1.1 400"));
    assert_true(has(res, "A field was not valid text (UTF-8): q"));
    free(res);

    /* A handler's own Cache-Control replaces the default; 303 + Location. */
    res = ask(f.port, "GET /invite/t0ps3cret?x=y HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_true(has(res, "HTTP/1.1 303"));
    assert_true(has(res, "Location: /\r\n"));
    assert_true(has(res, "Cache-Control: private, max-age=60\r\n"));
    assert_null(strstr(res, "no-store"));
    free(res);

    char *log = stop(&f);
    assert_true(has(log, "GET /people/7 200 "));
    assert_true(has(log, "HEAD / 200 0 "));
    assert_true(has(log, "DELETE /people/7 405 "));
    assert_true(has(log, "GET /invite/{token} 303 0 "));
    assert_null(strstr(log, "t0ps3cret"));
    assert_null(strstr(log, "q=a"));
    free(log);
}

static void test_server_forms(void **state)
{
    (void)state;
    struct fixture f = start(http_default_limits(), true);
    const char *form = "name=Ann+Lee&tag=a&tag=b%2Cc&tag=";
    char *res = post(f.port, "/people/9", FORM, form, strlen(form));
    assert_true(has(res, "HTTP/1.1 200"));
    assert_true(has(res, "saved 9 name=Ann Lee tags=3,a,b,c,"));
    free(res);

    res = post(f.port, "/people/9", FORM, "ok=1&name=%ff", 13);
    assert_true(has(res, "HTTP/1.1 400"));
    assert_true(has(res, "A field was not valid text (UTF-8): name"));
    free(res);

    /* Too big, known from Content-Length before any of the body is sent. */
    res = ask(f.port, "POST /people/9 HTTP/1.1\r\nHost: x\r\n"
                      "Content-Type: application/x-www-form-urlencoded\r\n"
                      "Content-Length: 70000\r\n\r\n");
    assert_true(has(res, "HTTP/1.1 413"));
    assert_true(has(res, "The form is larger than the server accepts (64 KiB). "
                         "Shorten the text or split it up."));
    free(res);

    static const char mp[] =
        "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nhello\r\n"
        "--XyZ\r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n\r\n"
        "--XyZ\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"notes.txt\"\r\n"
        "Content-Type: text/plain\r\n\r\nabc\0def\r\n--XyZ--\r\n";
    res = post(f.port, "/upload", MULTIPART, mp, sizeof mp - 1);
    assert_true(has(res, "HTTP/1.1 200"));
    assert_true(has(res, "fields=3 title=hello empty=[] doc=notes.txt text/plain 7 bytes-ok"));
    free(res);

    /* A larger file arrives in pieces; its bytes are kept whole. */
    buf big;
    buf_init(&big, NULL);
    buf_puts(&big, "--XyZ\r\nContent-Disposition: form-data; name=\"doc\"; "
                   "filename=\"big.bin\"\r\nContent-Type: application/pdf\r\n\r\n");
    for (int i = 0; i < 300000; i++)
        buf_putc(&big, (char)('a' + i % 26));
    buf_puts(&big, "\r\n--XyZ--\r\n");
    res = post(f.port, "/upload", MULTIPART, big.s, big.len);
    assert_true(has(res, "fields=1 title=- empty=[null] doc=big.bin application/pdf 300000"));
    /* Issue 15: the request holds the file once (plus its headers' and
     * answer's few KiB), not a buffer that doubled its way up to it. */
    const char *arena_at = strstr(res, "arena=");
    assert_non_null(arena_at);
    size_t held = strtoul(arena_at + 6, NULL, 10);
    if (held > 300000 + 64 * 1024)
        fail_msg("the request holds %zu bytes for a 300000-byte file", held);
    free(res);
    res = post(f.port, "/people/1", MULTIPART, big.s, big.len);   /* not an upload route */
    assert_true(has(res, "HTTP/1.1 413"));
    free(res);
    buf_release(&big);

    static const char mpbad[] =
        "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nbad\xff\r\n--XyZ--\r\n";
    res = post(f.port, "/upload", MULTIPART, mpbad, sizeof mpbad - 1);
    assert_true(has(res, "HTTP/1.1 400"));
    assert_true(has(res, "A field was not valid text (UTF-8): title"));
    free(res);

    const char *json = "{\"a\":[1,2,\"x\"]}\n";
    res = post(f.port, "/api/echo", "application/json", json, strlen(json));
    assert_true(has(res, "HTTP/1.1 200"));
    assert_true(has(res, "Content-Type: application/json\r\n"));
    assert_true(has(res, "\r\n\r\n{\"a\":[1,2,\"x\"]}\n"));
    free(res);

    /* Chunked: no Content-Length, counted while it arrives. */
    buf b;
    buf_init(&b, NULL);
    buf_puts(&b, "POST /api/echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                 "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    for (int i = 0; i < 20; i++) {
        buf_puts(&b, "1000\r\n");
        for (int j = 0; j < 4096; j++)
            buf_putc(&b, 'x');
        buf_puts(&b, "\r\n");
    }
    buf_puts(&b, "0\r\n\r\n");
    res = exchange(f.port, b.s, b.len);
    assert_true(has(res, "HTTP/1.1 413"));
    free(res);

    /* One that keeps going past any limit is cut off, not read forever. */
    buf_reset(&b);
    buf_puts(&b, "POST /api/echo HTTP/1.1\r\nHost: x\r\n"
                 "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    for (int i = 0; i < 40; i++) {
        buf_puts(&b, "1000\r\n");
        for (int j = 0; j < 4096; j++)
            buf_putc(&b, 'x');
        buf_puts(&b, "\r\n");
    }
    int64_t t0 = clock_micros();
    res = exchange(f.port, b.s, b.len);
    assert_true(clock_micros() - t0 < 3000000);
    assert_null(strstr(res, "HTTP/1.1 200"));
    free(res);
    buf_release(&b);

    char *log = stop(&f);
    assert_true(has(log, "{\"method\":\"POST\",\"path\":\"/upload\",\"status\":200,\"bytes\":"));
    assert_true(has(log, "{\"method\":\"POST\",\"path\":\"/people/9\",\"status\":413,"));
    free(log);
}

static void test_server_limits(void **state)
{
    (void)state;
    struct http_limits lim = http_default_limits();
    lim.connection_timeout = 1;
    lim.max_conn_per_addr = 2;
    lim.max_fields = 3;
    struct fixture f = start(lim, false);

    buf b;
    buf_init(&b, NULL);
    buf_puts(&b, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: ");
    for (int i = 0; i < 9000; i++)
        buf_putc(&b, 'a');
    buf_puts(&b, "\r\n\r\n");
    char *res = exchange(f.port, b.s, b.len);
    assert_true(has(res, "HTTP/1.1 431"));
    assert_true(has(res, "(8 KiB)"));
    free(res);
    buf_release(&b);

    res = post(f.port, "/people/9", FORM, "a=1&b=2&c=3&d=4", 15);
    assert_true(has(res, "HTTP/1.1 413"));
    assert_true(has(res, "more fields than the server accepts (3)"));
    free(res);

    /* Two connections kept open; the third from the same address gets 429. */
    const char *keep = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    int c1 = dial(f.port, 5), c2 = dial(f.port, 5);
    char tmp[512];
    send_all(c1, keep, strlen(keep));
    assert_true(recv(c1, tmp, sizeof tmp, 0) > 0);
    send_all(c2, keep, strlen(keep));
    assert_true(recv(c2, tmp, sizeof tmp, 0) > 0);
    res = ask(f.port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_true(has(res, "HTTP/1.1 429"));
    free(res);
    close(c1);
    close(c2);
    /* The server counts a connection until it has seen its close, which a
     * busy machine delays: until an ordinary request is answered again, the
     * next connection would still be the third (a flaky 429 below). */
    bool answered = false;
    for (int i = 0; i < 1000 && !answered; i++) {
        res = ask(f.port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        answered = !has(res, "HTTP/1.1 429");
        free(res);
        if (!answered)
            usleep(10000);
    }
    assert_true(answered);

    /* A stalled, half-sent request is closed after the timeout (1 s). */
    /* Our own receive timeout (20 s) is far past the server's: the read ends
     * because the server closed, however busy the machine (no timing test). */
    int fd = dial(f.port, 20);
    const char *half = "POST /people/1 HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab";
    int64_t t0 = clock_micros();
    send_all(fd, half, strlen(half));
    res = read_all(fd);
    int64_t waited = clock_micros() - t0;
    close(fd);
    /* Closed unanswered, before our own timeout. How soon is not asked: the
     * server counts its second from the accept, which a loaded machine
     * may put well before t0. */
    assert_string_equal(res, "");
    assert_true(waited < 19000000);
    free(res);

    char *log = stop(&f);
    assert_true(has(log, "GET / 431 "));
    assert_true(has(log, "GET / 429 "));
    free(log);
}

/* Issue 15: behind a trusted proxy the client is X-Forwarded-For's, and
 * the proxy's own connections are not one client's. */
static void test_server_behind_proxy(void **state)
{
    (void)state;
    struct http_limits lim = http_default_limits();
    lim.max_conn_per_addr = 2;
    struct http_cidr loopback;
    assert_true(http_cidr_parse("127.0.0.0/8", &loopback));
    struct fixture f = start_behind(lim, false, &loopback, 1);
    char *res = ask(f.port, "GET /people/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                            "X-Forwarded-For: 6.6.6.6, 198.51.100.7\r\n\r\n");
    assert_true(has(res, "remote=198.51.100.7"));
    free(res);
    /* Three keep-alive connections from the proxy: more than two at once,
     * but they carry different clients, each counted while it asks. */
    const char *keep = "GET / HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 198.51.100.7\r\n\r\n";
    int c[3];
    char tmp[512];
    for (int i = 0; i < 3; i++) {
        c[i] = dial(f.port, 5);
        send_all(c[i], keep, strlen(keep));
        ssize_t k = recv(c[i], tmp, sizeof tmp - 1, 0);
        assert_true(k > 0);
        tmp[k] = '\0';
        assert_true(has(tmp, "HTTP/1.1 200"));
    }
    for (int i = 0; i < 3; i++)
        close(c[i]);
    free(stop(&f));
}

/* Issue 15: uploads being received at once share a bounded memory; one
 * that would pass it is refused before its body is read. */
static void test_server_upload_memory(void **state)
{
    (void)state;
    struct http_limits lim = http_default_limits();
    lim.max_upload_memory = 1024 * 1024;
    struct fixture f = start(lim, false);
    buf body;
    buf_init(&body, NULL);
    buf_puts(&body, "--XyZ\r\nContent-Disposition: form-data; name=\"doc\"; "
                    "filename=\"a.bin\"\r\nContent-Type: application/pdf\r\n\r\n");
    for (int i = 0; i < 600000; i++)
        buf_putc(&body, 'a');
    buf_puts(&body, "\r\n--XyZ--\r\n");
    buf head;
    buf_init(&head, NULL);
    buf_printf(&head, "POST /upload HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                      "Content-Type: " MULTIPART "\r\nContent-Length: %zu\r\n"
                      "Expect: 100-continue\r\n\r\n", body.len);
    /* The first upload's headers are in: it holds its share while its
     * body has not come yet. */
    int first = dial(f.port, 5);
    send_all(first, head.s, head.len);
    char tmp[256];
    ssize_t k = recv(first, tmp, sizeof tmp - 1, 0);
    assert_true(k > 0);
    tmp[k] = '\0';
    assert_true(has(tmp, "HTTP/1.1 100 Continue"));
    char *res = post(f.port, "/upload", MULTIPART, body.s, body.len);
    assert_true(has(res, "HTTP/1.1 503"));
    assert_true(has(res, "Retry-After: 60"));
    assert_true(has(res, "The server is receiving many files at once right now."));
    free(res);
    send_all(first, body.s, body.len);
    res = read_all(first);
    close(first);
    assert_true(has(res, "HTTP/1.1 200"));
    free(res);
    /* Given back once that one completed. */
    res = post(f.port, "/upload", MULTIPART, body.s, body.len);
    assert_true(has(res, "HTTP/1.1 200"));
    free(res);
    buf_release(&head);
    buf_release(&body);
    free(stop(&f));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_urlencoded),
        cmocka_unit_test(test_cookies),
        cmocka_unit_test(test_route_match),
        cmocka_unit_test(test_decode_path),
        cmocka_unit_test(test_server_routes),
        cmocka_unit_test(test_server_forms),
        cmocka_unit_test(test_server_limits),
        cmocka_unit_test(test_cidr_parse),
        cmocka_unit_test(test_client_address),
        cmocka_unit_test(test_server_behind_proxy),
        cmocka_unit_test(test_server_upload_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

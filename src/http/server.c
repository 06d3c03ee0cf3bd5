/* server.c: libmicrohttpd glue. A request's state is created when MHD
 * reports its raw URI (MHD_OPTION_URI_LOG_CALLBACK), lives in the request's
 * arena and is freed in MHD_OPTION_NOTIFY_COMPLETED after the access-log
 * line is written. The first access-handler call checks limits, routes and
 * prepares the body readers; later calls feed the body; the last one parses,
 * dispatches and queues the answer. */
#include "http/http.h"
#include "http/internal.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "base/clock.h"
#include "base/log.h"
#include "base/utf8.h"

#define KIB ((size_t)1024)
#define MIB (KIB * KIB)
#define DEFAULT_CONTENT_TYPE "text/html; charset=utf-8"

struct addr_count {
    char addr[INET6_ADDRSTRLEN];
    unsigned n;
};

struct http_server {
    struct http_config cfg;
    struct MHD_Daemon *d;
    pthread_mutex_t mu;            /* guards addrs and uploading */
    struct addr_count *addrs;      /* open connections per client address */
    size_t naddrs, addrs_cap;
    size_t uploading;              /* bytes of uploads being received, held in memory */
};

struct field_list {
    struct http_field *head, **tail;
    unsigned n;
};

struct res_hdr {
    const char *name, *value;
    struct res_hdr *next;
};

struct http_req_private {
    req r;
    http_server *srv;
    struct MHD_Connection *conn;
    const char *method;            /* as sent: HEAD stays HEAD here */
    const char *uri;               /* raw, as received */
    size_t path_len;               /* of the raw path within uri */
    int64_t t0;
    bool started;                  /* the access handler has seen the headers */
    bool failed;                   /* an error answer is built; the body is dropped */
    size_t sent_bytes;
    const char **pnames, **pvalues;
    size_t nparams;
    struct field_list query, cookies, fields;
    struct MHD_PostProcessor *pp;  /* multipart bodies */
    bool urlencoded;
    buf body;                      /* raw body unless multipart */
    size_t received, body_limit;
    size_t content_length;         /* as announced; 0 when not (chunked) */
    size_t chunk_start;            /* where the piece being read starts in the body */
    struct http_field *part;       /* the multipart field being received */
    buf part_value;
    struct res_hdr *hdrs, **htail;
    const char *counted_addr;      /* a proxied request's client, counted while it lasts */
    size_t upload_held;            /* its share of the server's upload memory */
    /* req_defer: asked by the handler, waiting (suspended), resumed. */
    enum { DEFER_NONE, DEFER_ASKED, DEFER_WAITING, DEFER_RESUMED } defer;
    http_handler defer_start, defer_resume;
};

struct http_limits http_default_limits(void)
{
    return (struct http_limits){
        .max_header_bytes = 8 * KIB,
        .max_form_bytes = 64 * KIB,
        .max_upload_bytes = 10 * MIB,
        .max_fields = 200,
        .connection_timeout = 15,
        /* A school's staff may share one address (NAT): browsers open up to
         * six connections each, so 256 serves some forty people loading
         * pages at the same moment, while one address still holds at most a
         * quarter of the ~1000 connections the server takes. */
        .max_conn_per_addr = 256,
        /* Ten uploads of the largest size at once: a request holds its file
         * once, so this bounds the memory uploads take, however many come. */
        .max_upload_memory = 100 * MIB,
    };
}

/* ---- small helpers ---- */

static struct http_field *list_add(arena *a, struct field_list *l, const char *name,
                                   const char *value)
{
    struct http_field *f = arena_alloc(a, sizeof *f);
    f->name = name;
    f->value = value;
    f->len = value ? strlen(value) : 0;
    if (!l->tail)
        l->tail = &l->head;
    *l->tail = f;
    l->tail = &f->next;
    l->n++;
    return f;
}

static const struct http_field *list_find(const struct field_list *l, const char *name)
{
    for (const struct http_field *f = l->head; f; f = f->next)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

static void add_query(void *ud, const char *name, const char *value)
{
    struct http_req_private *p = ud;
    list_add(p->r.a, &p->query, name, value);
}

static void add_cookie(void *ud, const char *name, const char *value)
{
    struct http_req_private *p = ud;
    list_add(p->r.a, &p->cookies, name, value);
}

static void add_field(void *ud, const char *name, const char *value)
{
    struct http_req_private *p = ud;
    list_add(p->r.a, &p->fields, name, value);
}

/* "64 KiB", "10 MiB": limits are shown as people set them. */
static const char *size_text(arena *a, size_t n)
{
    if (n >= MIB && n % MIB == 0)
        return arena_printf(a, "%zu MiB", n / MIB);
    if (n >= KIB && n % KIB == 0)
        return arena_printf(a, "%zu KiB", n / KIB);
    return arena_printf(a, "%zu bytes", n);
}

static void addr_text(const struct sockaddr *sa, char out[INET6_ADDRSTRLEN])
{
    out[0] = '\0';
    if (sa && sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out,
                  INET6_ADDRSTRLEN);
    else if (sa && sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out,
                  INET6_ADDRSTRLEN);
}

static void conn_addr(struct MHD_Connection *c, char out[INET6_ADDRSTRLEN])
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    addr_text(ci ? ci->client_addr : NULL, out);
}

/* ---- connections per client address ---- */

static void addr_change(http_server *s, const char *addr, int delta)
{
    pthread_mutex_lock(&s->mu);
    size_t i = 0;
    while (i < s->naddrs && strcmp(s->addrs[i].addr, addr) != 0)
        i++;
    if (i == s->naddrs && delta > 0) {
        if (s->naddrs == s->addrs_cap) {
            s->addrs_cap = s->addrs_cap ? 2 * s->addrs_cap : 16;
            s->addrs = realloc(s->addrs, s->addrs_cap * sizeof *s->addrs);
            if (!s->addrs)
                die("out of memory (connection table)");
        }
        memset(&s->addrs[i], 0, sizeof s->addrs[i]);
        memcpy(s->addrs[i].addr, addr, strlen(addr) + 1);
        s->naddrs++;
    }
    if (i < s->naddrs) {
        s->addrs[i].n += (unsigned)delta;
        if (s->addrs[i].n == 0)   /* keep the table as small as the clients */
            s->addrs[i] = s->addrs[--s->naddrs];
    }
    pthread_mutex_unlock(&s->mu);
}

static unsigned addr_open(http_server *s, const char *addr)
{
    unsigned n = 0;
    pthread_mutex_lock(&s->mu);
    for (size_t i = 0; i < s->naddrs; i++)
        if (strcmp(s->addrs[i].addr, addr) == 0)
            n = s->addrs[i].n;
    pthread_mutex_unlock(&s->mu);
    return n;
}

static bool from_proxy(const http_server *s, const char *peer)
{
    return http_address_trusted(peer, s->cfg.trusted_proxies, s->cfg.ntrusted_proxies);
}

/* A client's own connections are counted as they open and close. A
 * proxy's carry many clients' requests: those are counted per request,
 * under the client's address (begin, on_completed). */
static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
    char addr[INET6_ADDRSTRLEN];
    (void)socket_context;
    conn_addr(c, addr);
    if (!from_proxy(cls, addr))
        addr_change(cls, addr, code == MHD_CONNECTION_NOTIFY_STARTED ? 1 : -1);
}

/* Every X-Forwarded-For header's value, joined by commas in order. */
static enum MHD_Result forwarded_part(void *cls, enum MHD_ValueKind kind, const char *key,
                                      const char *value)
{
    buf *b = cls;
    (void)kind;
    if (key && value && strcasecmp(key, "X-Forwarded-For") == 0)
        buf_printf(b, "%s%s", b->len ? "," : "", value);
    return MHD_YES;
}

/* The client's address; a proxied request is counted under it until it
 * completes. */
static const char *client_address(struct http_req_private *p)
{
    char peer[INET6_ADDRSTRLEN], client[INET6_ADDRSTRLEN];
    conn_addr(p->conn, peer);
    if (!from_proxy(p->srv, peer))
        return arena_strdup(p->r.a, peer);
    buf forwarded;
    buf_init(&forwarded, p->r.a);
    MHD_get_connection_values(p->conn, MHD_HEADER_KIND, forwarded_part, &forwarded);
    http_client_address(peer, forwarded.len ? forwarded.s : NULL, p->srv->cfg.trusted_proxies,
                        p->srv->cfg.ntrusted_proxies, client);
    p->counted_addr = arena_strdup(p->r.a, client);
    addr_change(p->srv, p->counted_addr, 1);
    return p->counted_addr;
}

/* ---- answering ---- */

static const char *const default_headers[][2] = {
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
    {"Referrer-Policy", "same-origin"},
    {"Cache-Control", "no-store"},
};

static bool handler_set(const struct http_req_private *p, const char *name)
{
    for (const struct res_hdr *h = p->hdrs; h; h = h->next)
        if (strcasecmp(h->name, name) == 0)
            return true;
    return false;
}

static void add_header(struct MHD_Response *res, const char *name, const char *value)
{
    /* MHD refuses CR or LF in a header: a handler bug, not an attack path. */
    if (MHD_add_response_header(res, name, value) != MHD_YES)
        log_error("http: header %s refused", name);
}

/* Queues r's answer. The body stays in the arena until the request is
 * completed, so MHD may point at it. */
static enum MHD_Result reply(struct http_req_private *p)
{
    req *r = &p->r;
    struct MHD_Response *res =
        MHD_create_response_from_buffer(r->out.len, r->out.s, MHD_RESPMEM_PERSISTENT);
    if (!res)
        return MHD_NO;
    add_header(res, MHD_HTTP_HEADER_CONTENT_TYPE, r->content_type);
    for (size_t i = 0; i < sizeof default_headers / sizeof default_headers[0]; i++)
        if (!handler_set(p, default_headers[i][0]))
            add_header(res, default_headers[i][0], default_headers[i][1]);
    for (const struct res_hdr *h = p->hdrs; h; h = h->next)
        add_header(res, h->name, h->value);
    /* An answer given before the body was read ends the connection, so the
     * client's next request cannot be confused with the rest of this body. */
    if (p->failed)
        add_header(res, MHD_HTTP_HEADER_CONNECTION, "close");
    enum MHD_Result ok = MHD_queue_response(p->conn, (unsigned)r->status, res);
    MHD_destroy_response(res);
    if (ok == MHD_YES)
        p->sent_bytes = strcmp(p->method, "HEAD") == 0 ? 0 : r->out.len;
    return ok;
}

/* Builds an error answer from the http layer itself; the first one wins. */
static void fail(struct http_req_private *p, int status, const char *message)
{
    if (p->failed)
        return;
    p->failed = true;
    res_error(&p->r, status, message);
}

static enum MHD_Result refuse(struct http_req_private *p, int status, const char *message)
{
    fail(p, status, message);
    return reply(p);
}

static const char *bad_text(arena *a, const char *name)
{
    return name ? arena_printf(a, "A field was not valid text (UTF-8): %s", name)
                : "A field name was not valid text (UTF-8).";
}

static void too_big(struct http_req_private *p)
{
    arena *a = p->r.a;
    const char *limit = size_text(a, p->body_limit);
    if (p->r.route->flags & ROUTE_UPLOAD)
        fail(p, 413, arena_printf(a, "The upload is larger than the server accepts (%s). "
                                     "Choose a smaller file or send fewer files at once.",
                                  limit));
    else
        fail(p, 413, arena_printf(a, "The form is larger than the server accepts (%s). "
                                     "Shorten the text or split it up.",
                                  limit));
}

static void too_many_fields(struct http_req_private *p)
{
    fail(p, 413, arena_printf(p->r.a, "The form has more fields than the server accepts (%u).",
                              p->srv->cfg.limits.max_fields));
}

/* ---- multipart fields (MHD's post processor) ---- */

/* Closes the field being received; false if its value is not valid text. */
static bool part_end(struct http_req_private *p)
{
    struct http_field *f = p->part;
    if (!f)
        return true;
    p->part = NULL;
    f->value = buf_cstr(&p->part_value);
    f->len = p->part_value.len;
    if (!f->filename && !utf8_valid(f->value, f->len)) {
        fail(p, 400, bad_text(p->r.a, f->name));
        return false;
    }
    return true;
}

static bool part_start(struct http_req_private *p, const char *name, const char *filename,
                       const char *content_type)
{
    arena *a = p->r.a;
    if (!name || !utf8_valid(name, strlen(name))) {
        fail(p, 400, bad_text(a, NULL));
        return false;
    }
    if (filename && !utf8_valid(filename, strlen(filename))) {
        fail(p, 400, arena_printf(a, "A file name was not valid text (UTF-8): %s", name));
        return false;
    }
    if (p->fields.n >= p->srv->cfg.limits.max_fields) {
        too_many_fields(p);
        return false;
    }
    struct http_field *f = list_add(a, &p->fields, arena_strdup(a, name), "");
    p->part = f;
    buf_init(&p->part_value, a);
    if (filename) {
        f->filename = arena_strdup(a, filename);
        f->content_type = arena_strdup(a, content_type ? content_type
                                                       : "application/octet-stream");
        /* A file is at most the rest of the body: room for it is taken
         * once, so the request holds one copy of it, not the blocks of a
         * buffer that doubled its way up. */
        if (p->content_length > p->chunk_start)
            buf_reserve(&p->part_value, p->content_length - p->chunk_start);
    }
    return true;
}

static enum MHD_Result on_part(void *cls, enum MHD_ValueKind kind, const char *key,
                               const char *filename, const char *content_type,
                               const char *transfer_encoding, const char *data, uint64_t off,
                               size_t size)
{
    struct http_req_private *p = cls;
    (void)kind;
    (void)transfer_encoding;
    /* MHD hands a value over in pieces; offset 0 starts a new field. */
    if (off == 0 && (!part_end(p) || !part_start(p, key, filename, content_type)))
        return MHD_NO;
    if (size)
        buf_append(&p->part_value, data, size);
    return MHD_YES;
}

/* ---- the request's phases ---- */

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
    http_server *s = cls;
    arena *a = arena_new(0);
    struct http_req_private *p = arena_alloc(a, sizeof *p);
    p->srv = s;
    p->conn = c;
    p->t0 = clock_micros();
    p->uri = arena_strdup(a, uri);
    p->path_len = strcspn(p->uri, "?");
    p->method = "-";
    p->htail = &p->hdrs;
    buf_init(&p->body, a);
    req *r = &p->r;
    r->a = a;
    r->ctx = s->cfg.ctx;
    r->priv = p;
    r->path = arena_strndup(a, p->uri, p->path_len);   /* until decoded */
    r->is_api = strncmp(p->uri, "/api/", 5) == 0;
    r->status = 200;
    r->content_type = DEFAULT_CONTENT_TYPE;
    buf_init(&r->out, a);
    return p;
}

static bool method_is(const struct route *rt, const char *method)
{
    return strcmp(rt->method, method) == 0 ||
           (strcmp(method, "HEAD") == 0 && strcmp(rt->method, "GET") == 0);
}

/* The route for the path and method. NULL after failing with 404, or 405
 * and an Allow header naming the methods the path does answer. */
static const struct route *route_find(struct http_req_private *p)
{
    const struct http_config *cfg = &p->srv->cfg;
    req *r = &p->r;
    const char *allowed[8];
    size_t nallowed = 0;
    buf allow;
    buf_init(&allow, r->a);
    for (size_t i = 0; i < cfg->nroutes; i++) {
        const struct route *rt = &cfg->routes[i];
        const char **names, **values;
        size_t n;
        if (!http_route_match(r->a, rt->pattern, r->path, &names, &values, &n))
            continue;
        if (method_is(rt, p->method)) {
            p->pnames = names;
            p->pvalues = values;
            p->nparams = n;
            return rt;
        }
        size_t k = 0;
        while (k < nallowed && strcmp(allowed[k], rt->method) != 0)
            k++;
        if (k < nallowed || nallowed == sizeof allowed / sizeof allowed[0])
            continue;
        allowed[nallowed++] = rt->method;
        buf_printf(&allow, "%s%s%s", allow.len ? ", " : "", rt->method,
                   strcmp(rt->method, "GET") == 0 ? ", HEAD" : "");
    }
    if (!nallowed) {
        fail(p, 404, "There is no page at this address.");
        return NULL;
    }
    fail(p, 405, arena_printf(r->a, "This address does not accept a %s request.", p->method));
    res_header(r, "Allow", buf_cstr(&allow));
    return NULL;
}

/* An upload holds its announced length (the limit if it announced none)
 * of the server's upload memory until it completes. */
static bool upload_memory_take(struct http_req_private *p)
{
    http_server *s = p->srv;
    size_t want = p->content_length ? p->content_length : p->body_limit;
    pthread_mutex_lock(&s->mu);
    bool room = s->uploading + want <= s->cfg.limits.max_upload_memory;
    if (room) {
        s->uploading += want;
        p->upload_held = want;
    }
    pthread_mutex_unlock(&s->mu);
    if (!room) {
        fail(p, 503, "The server is receiving many files at once right now. Nothing was "
                     "saved: wait a minute, then send it again.");
        res_header(&p->r, "Retry-After", "60");
    }
    return room;
}

static void upload_memory_give_back(struct http_req_private *p)
{
    pthread_mutex_lock(&p->srv->mu);
    p->srv->uploading -= p->upload_held;
    pthread_mutex_unlock(&p->srv->mu);
    p->upload_held = 0;
}

/* Decides how the body will be read, refusing one that is too large before
 * any of it arrives (Content-Length; chunked bodies are counted later). */
static bool body_prepare(struct http_req_private *p)
{
    const struct http_limits *lim = &p->srv->cfg.limits;
    p->body_limit = p->r.route->flags & ROUTE_UPLOAD ? lim->max_upload_bytes
                                                     : lim->max_form_bytes;
    const char *cl = MHD_lookup_connection_value(p->conn, MHD_HEADER_KIND,
                                                 MHD_HTTP_HEADER_CONTENT_LENGTH);
    unsigned long long announced = cl ? strtoull(cl, NULL, 10) : 0;
    if (announced > p->body_limit) {
        too_big(p);
        return false;
    }
    p->content_length = (size_t)announced;
    if ((p->r.route->flags & ROUTE_UPLOAD) && !upload_memory_take(p))
        return false;
    const char *ct = MHD_lookup_connection_value(p->conn, MHD_HEADER_KIND,
                                                 MHD_HTTP_HEADER_CONTENT_TYPE);
    if (!ct)
        return true;
    if (strncasecmp(ct, MHD_HTTP_POST_ENCODING_MULTIPART_FORMDATA,
                    strlen(MHD_HTTP_POST_ENCODING_MULTIPART_FORMDATA)) == 0) {
        p->pp = MHD_create_post_processor(p->conn, 16 * KIB, on_part, p);
        if (!p->pp) {
            fail(p, 400, "The form could not be read (its multipart boundary is missing).");
            return false;
        }
    } else {
        buf_reserve(&p->body, p->content_length);
        /* Our own parser, not MHD's: strict about escapes and UTF-8. */
        p->urlencoded = strncasecmp(ct, MHD_HTTP_POST_ENCODING_FORM_URLENCODED,
                                    strlen(MHD_HTTP_POST_ENCODING_FORM_URLENCODED)) == 0;
    }
    return true;
}

/* First call: everything known from the request line and the headers. */
static enum MHD_Result begin(struct http_req_private *p, const char *method)
{
    req *r = &p->r;
    arena *a = r->a;
    const struct http_limits *lim = &p->srv->cfg.limits;

    p->method = arena_strdup(a, method);
    r->method = strcmp(method, "HEAD") == 0 ? "GET" : p->method;
    r->remote_addr = client_address(p);

    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(p->conn, MHD_CONNECTION_INFO_REQUEST_HEADER_SIZE);
    if (ci && ci->header_size > lim->max_header_bytes)
        return refuse(p, 431, arena_printf(a, "The request's headers are larger than the "
                                              "server accepts (%s). Clearing this site's "
                                              "cookies may help.",
                                           size_text(a, lim->max_header_bytes)));
    if (addr_open(p->srv, r->remote_addr) > lim->max_conn_per_addr)
        return refuse(p, 429, arena_printf(a, "Too many connections from your address "
                                              "(more than %u at once). Close some tabs or "
                                              "wait a moment, then try again.",
                                           lim->max_conn_per_addr));
    const char *path = http_decode_path(a, p->uri, p->path_len);
    if (!path)
        return refuse(p, 400, "The address is not valid: it has a broken %-escape or is "
                              "not valid text (UTF-8).");
    r->path = path;
    r->is_api = strncmp(path, "/api/", 5) == 0;
    const char *q = p->uri[p->path_len] ? p->uri + p->path_len + 1 : "";
    const char *bad = NULL;
    if (!http_parse_urlencoded_named(a, q, strlen(q), add_query, p, &bad))
        return refuse(p, 400, bad_text(a, bad));
    if (!(r->route = route_find(p)))
        return reply(p);
    const char *cookie = MHD_lookup_connection_value(p->conn, MHD_HEADER_KIND,
                                                     MHD_HTTP_HEADER_COOKIE);
    if (cookie)
        http_parse_cookies(a, cookie, add_cookie, p);
    if (!body_prepare(p))
        return reply(p);
    return MHD_YES;
}

/* Later calls: a piece of the body. */
static void receive(struct http_req_private *p, const char *data, size_t n)
{
    if (p->received > p->body_limit) {
        too_big(p);
    } else if (!p->pp) {
        buf_append(&p->body, data, n);
    } else {
        p->chunk_start = p->received - n;
        if (MHD_post_process(p->pp, data, n) != MHD_YES)
            fail(p, 400, "The form could not be read.");   /* unless on_part said why */
    }
}

/* Last call: the body is complete; parse it and hand the request over. */
static void finish(struct http_req_private *p)
{
    req *r = &p->r;
    const char *bad = NULL;
    if (p->pp) {
        /* Destroying the processor may deliver the last piece of a field. */
        enum MHD_Result ok = MHD_destroy_post_processor(p->pp);
        p->pp = NULL;
        if (part_end(p) && ok != MHD_YES)
            fail(p, 400, "The form was cut off before its end.");
    } else if (p->urlencoded &&
               !http_parse_urlencoded_named(r->a, buf_cstr(&p->body), p->body.len, add_field,
                                            p, &bad)) {
        fail(p, 400, bad_text(r->a, bad));
    }
    if (!p->failed && p->fields.n > p->srv->cfg.limits.max_fields)
        too_many_fields(p);
    if (p->failed)
        return;
    p->srv->cfg.dispatch(r, r->route);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *data, size_t *size, void **con_cls)
{
    struct http_req_private *p = *con_cls;
    (void)cls;
    (void)c;
    (void)url;
    (void)version;
    if (!p)
        return MHD_NO;
    if (!p->started) {
        p->started = true;
        return begin(p, method);
    }
    if (*size) {
        p->received += *size;
        if (!p->failed)
            receive(p, data, *size);
        *size = 0;
        /* MHD 0.9.75 takes no response while the body is arriving, so after
         * a fault the rest is dropped and the answer goes out at the end.
         * Only a chunked body can run on past the limit (Content-Length was
         * checked first); one that keeps going is cut off unanswered. */
        if (p->failed && p->received > p->body_limit + p->srv->cfg.limits.max_form_bytes)
            return MHD_NO;
        return MHD_YES;
    }
    if (p->defer == DEFER_RESUMED) {
        p->defer = DEFER_NONE;
        p->defer_resume(&p->r);
    } else if (!p->failed) {
        finish(p);
    }
    /* Suspended first, then the work is handed on: it may resume the
     * connection at once, which is only allowed once suspended. */
    if (p->defer == DEFER_ASKED) {
        p->defer = DEFER_WAITING;
        MHD_suspend_connection(p->conn);
        p->defer_start(&p->r);
        return MHD_YES;
    }
    return reply(p);
}

/* ---- the access log ---- */

/* Bytes that could break a log line or a JSON string are %-escaped. */
static void log_text(buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c <= ' ' || c >= 0x7f || c == '"' || c == '\\')
            buf_printf(b, "%%%02X", c);
        else
            buf_putc(b, (char)c);
    }
}

static void access_log(struct http_req_private *p)
{
    const struct http_config *cfg = &p->srv->cfg;
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(p->conn, MHD_CONNECTION_INFO_HTTP_STATUS);
    unsigned status = ci ? ci->http_status : 0;
    long long us = (long long)(clock_micros() - p->t0);
    /* Never the query string; for a path that holds a secret, the pattern. */
    const struct route *rt = p->r.route;
    bool secret = rt && (rt->flags & ROUTE_SECRET_PATH);
    const char *path = secret ? rt->pattern : p->uri;
    size_t path_len = secret ? strlen(rt->pattern) : p->path_len;
    buf b;
    buf_init(&b, p->r.a);
    if (cfg->log_json) {
        buf_printf(&b, "{\"method\":\"");
        log_text(&b, p->method, strlen(p->method));
        buf_puts(&b, "\",\"path\":\"");
        log_text(&b, path, path_len);
        buf_printf(&b, "\",\"status\":%u,\"bytes\":%zu,\"us\":%lld}\n", status, p->sent_bytes,
                   us);
    } else {
        log_text(&b, p->method, strlen(p->method));
        buf_putc(&b, ' ');
        log_text(&b, path, path_len);
        buf_printf(&b, " %u %zu %lldus\n", status, p->sent_bytes, us);
    }
    fwrite(b.s, 1, b.len, cfg->access_log);
    fflush(cfg->access_log);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode code)
{
    struct http_req_private *p = *con_cls;
    (void)cls;
    (void)c;
    (void)code;
    if (!p)
        return;
    if (p->pp)
        MHD_destroy_post_processor(p->pp);
    if (p->counted_addr)
        addr_change(p->srv, p->counted_addr, -1);
    if (p->upload_held)
        upload_memory_give_back(p);
    access_log(p);
    arena_free(p->r.a);
    *con_cls = NULL;
}

/* ---- the request API for handlers ---- */

const char *req_header(req *r, const char *name)
{
    return MHD_lookup_connection_value(r->priv->conn, MHD_HEADER_KIND, name);
}

const char *req_param(req *r, const char *name)
{
    struct http_req_private *p = r->priv;
    for (size_t i = 0; i < p->nparams; i++)
        if (strcmp(p->pnames[i], name) == 0)
            return p->pvalues[i];
    return NULL;
}

const char *req_query(req *r, const char *name)
{
    const struct http_field *f = list_find(&r->priv->query, name);
    return f ? f->value : NULL;
}

const char *req_form(req *r, const char *name)
{
    const struct http_field *f = list_find(&r->priv->fields, name);
    return f ? f->value : NULL;
}

size_t req_form_all(req *r, const char *name, const char **vals, size_t max)
{
    size_t n = 0;
    for (const struct http_field *f = r->priv->fields.head; f && n < max; f = f->next)
        if (strcmp(f->name, name) == 0)
            vals[n++] = f->value;
    return n;
}

const struct http_field *req_fields(req *r)
{
    return r->priv->fields.head;
}

const struct http_field *req_upload(req *r, const char *name)
{
    for (const struct http_field *f = r->priv->fields.head; f; f = f->next)
        if (f->filename && strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

const char *req_cookie(req *r, const char *name)
{
    const struct http_field *f = list_find(&r->priv->cookies, name);
    return f ? f->value : NULL;
}

const char *req_body(req *r, size_t *len)
{
    struct http_req_private *p = r->priv;
    if (len)
        *len = p->body.len;
    return buf_cstr(&p->body);
}

void req_defer(req *r, http_handler start, http_handler resume)
{
    struct http_req_private *p = r->priv;
    p->defer = DEFER_ASKED;
    p->defer_start = start;
    p->defer_resume = resume;
}

void req_resume(req *r)
{
    struct http_req_private *p = r->priv;
    p->defer = DEFER_RESUMED;
    MHD_resume_connection(p->conn);
}

void res_header(req *r, const char *name, const char *value)
{
    struct http_req_private *p = r->priv;
    struct res_hdr *h = arena_alloc(r->a, sizeof *h);
    h->name = arena_strdup(r->a, name);
    h->value = arena_strdup(r->a, value);
    *p->htail = h;
    p->htail = &h->next;
}

void res_redirect(req *r, const char *location)
{
    r->status = 303;
    res_header(r, MHD_HTTP_HEADER_LOCATION, location);
}

void res_error(req *r, int status, const char *message)
{
    const struct http_config *cfg = &r->priv->srv->cfg;
    r->status = status;
    r->content_type = DEFAULT_CONTENT_TYPE;
    buf_reset(&r->out);
    if (cfg->error) {
        cfg->error(r, status, message);
        return;
    }
    r->content_type = "text/plain; charset=utf-8";
    buf_puts(&r->out, message);
    buf_putc(&r->out, '\n');
}

/* ---- the daemon ---- */

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    char line[512];
    (void)cls;
    vsnprintf(line, sizeof line, fmt, ap);
    line[strcspn(line, "\n")] = '\0';
    log_error("http: %s", line);
}

static void set_err(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_err(char **err, const char *fmt, ...)
{
    if (!err)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    *err = malloc((size_t)n + 1);
    if (!*err)
        die("out of memory (error message)");
    va_start(ap, fmt);
    vsnprintf(*err, (size_t)n + 1, fmt, ap);
    va_end(ap);
}

http_server *http_start(const struct http_config *cfg, char **err)
{
    struct sockaddr_in v4 = {.sin_family = AF_INET, .sin_port = htons((uint16_t)cfg->port)};
    struct sockaddr_in6 v6 = {.sin6_family = AF_INET6, .sin6_port = htons((uint16_t)cfg->port)};
    const char *host = cfg->listen_addr ? cfg->listen_addr : "127.0.0.1";
    struct sockaddr *sa = (struct sockaddr *)&v4;
    unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME;
    if (inet_pton(AF_INET6, host, &v6.sin6_addr) == 1) {
        sa = (struct sockaddr *)&v6;
        flags |= MHD_USE_IPv6;
    } else if (inet_pton(AF_INET, host, &v4.sin_addr) != 1) {
        set_err(err, "not an IP address to listen on: %s", host);
        return NULL;
    }
    http_server *s = calloc(1, sizeof *s);
    if (!s)
        die("out of memory (http server)");
    s->cfg = *cfg;
    if (!s->cfg.access_log)
        s->cfg.access_log = stdout;
    pthread_mutex_init(&s->mu, NULL);
    /* Generous, so that our 431 with its clear message fires before MHD's. */
    size_t mem = 2 * cfg->limits.max_header_bytes + 32 * KIB;
    if (mem < 64 * KIB)
        mem = 64 * KIB;
    s->d = MHD_start_daemon(
        flags, (uint16_t)cfg->port, NULL, NULL, on_request, s,
        MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,   /* first, or MHD warns */
        MHD_OPTION_SOCK_ADDR, sa,
        /* 0: no pool, the one internal thread (MHD warns about a pool of 1). */
        MHD_OPTION_THREAD_POOL_SIZE, cfg->threads > 1 ? cfg->threads : 0u,
        MHD_OPTION_CONNECTION_TIMEOUT, cfg->limits.connection_timeout,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, mem,
        MHD_OPTION_URI_LOG_CALLBACK, on_uri, s,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, s,
        MHD_OPTION_END);
    if (!s->d) {
        set_err(err, "cannot listen on %s port %d", host, cfg->port);
        http_stop(s);
        return NULL;
    }
    return s;
}

int http_port(http_server *s)
{
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
    return di ? di->port : 0;
}

void http_stop(http_server *s)
{
    if (!s)
        return;
    if (s->d)
        MHD_stop_daemon(s->d);
    pthread_mutex_destroy(&s->mu);
    free(s->addrs);
    free(s);
}

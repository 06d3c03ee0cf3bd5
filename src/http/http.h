/* http.h: libmicrohttpd glue. A static route table, one arena per request,
 * form/multipart/query/cookie parsing with UTF-8 checks, limits that are
 * settings, security headers on every response and one access-log line per
 * request. The http layer knows nothing of people or policy: a route's
 * action and kind are opaque numbers that web/ gives meaning to. */
#ifndef PARLEY_HTTP_H
#define PARLEY_HTTP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/buf.h"

typedef struct req req;
typedef void (*http_handler)(req *r);

enum route_flags {
    ROUTE_SECRET_PATH = 1,   /* the path holds a secret: log the pattern */
    ROUTE_UPLOAD = 2,        /* accepts multipart uploads up to max_upload_bytes */
    ROUTE_CALLER_FLAGS = 256,   /* this bit and those above belong to the layer above */
};

struct route {
    const char *method;      /* "GET", "POST"; GET also answers HEAD */
    const char *pattern;     /* "/people/{id}": {name} is one path segment */
    http_handler fn;
    int action, kind;        /* opaque here: web/ asks the policy with them */
    unsigned flags;
    const char *summary;     /* one line, for the OpenAPI document and help */
};

struct http_limits {
    size_t max_header_bytes;      /* request line + headers; over: 431 */
    size_t max_form_bytes;        /* urlencoded or JSON body; over: 413 */
    size_t max_upload_bytes;      /* multipart body (ROUTE_UPLOAD); over: 413 */
    unsigned max_fields;          /* form fields per request; over: 413 */
    unsigned connection_timeout;  /* seconds idle before a connection is closed */
    unsigned max_conn_per_addr;   /* open connections per client address; over: 429 */
    size_t max_upload_memory;     /* uploads being received at once, together; over: 503 */
};
/* The safe defaults: 8 KiB, 64 KiB, 10 MiB, 200, 15 s, 256, 100 MiB. */
struct http_limits http_default_limits(void);

/* A network of proxies whose X-Forwarded-For is believed: "10.0.0.0/8",
 * "fd00::/8", or one address (/32, /128). IPv4 is kept IPv4-mapped. */
struct http_cidr {
    unsigned char net[16];
    unsigned bits;
};
/* false if text is not an address with an optional /prefix. */
bool http_cidr_parse(const char *text, struct http_cidr *out);

struct http_config {
    const char *listen_addr;      /* "127.0.0.1" */
    int port;                     /* 0: any free port (see http_port) */
    unsigned threads;             /* thread-pool size */
    struct http_limits limits;
    /* Requests from these come through a proxy: their client's address
     * is the rightmost X-Forwarded-For hop outside them (req.remote_addr,
     * the per-address limits and the audit log use it). */
    const struct http_cidr *trusted_proxies;
    size_t ntrusted_proxies;
    const struct route *routes;
    size_t nroutes;
    /* Called for a matched route once the request's input is parsed. */
    void (*dispatch)(req *r, const struct route *rt);
    /* Renders an error answer (HTML page or JSON under /api/). */
    void (*error)(req *r, int status, const char *message);
    void *ctx;                    /* handed to dispatch as r->ctx */
    bool log_json;                /* access log as JSON lines */
    FILE *access_log;             /* NULL: stdout */
};

typedef struct http_server http_server;
http_server *http_start(const struct http_config *cfg, char **err);
int http_port(http_server *s);
void http_stop(http_server *s);

struct http_field {
    const char *name;
    const char *value;            /* NUL-terminated; binary for uploads */
    size_t len;
    const char *filename;         /* uploads only */
    const char *content_type;     /* uploads only */
    struct http_field *next;
};

struct req {
    arena *a;
    void *ctx;                    /* http_config.ctx */
    void *app;                    /* web/'s per-request state */
    const char *method;           /* HEAD is reported as "GET" */
    const char *path;             /* decoded, without the query string */
    const char *remote_addr;      /* the client's, through trusted proxies */
    bool is_api;                  /* path starts with /api/ */
    const struct route *route;    /* the matched route, or NULL */
    /* response */
    int status;                   /* 200 unless set */
    const char *content_type;     /* "text/html; charset=utf-8" unless set */
    buf out;                      /* the body */
    struct http_req_private *priv;
};

const char *req_header(req *r, const char *name);
const char *req_param(req *r, const char *name);       /* {name} of the pattern */
const char *req_query(req *r, const char *name);
const char *req_form(req *r, const char *name);        /* first value or NULL */
/* Every value of a repeated field; returns how many (at most max). */
size_t req_form_all(req *r, const char *name, const char **vals, size_t max);
const struct http_field *req_fields(req *r);           /* all, in order */
const struct http_field *req_upload(req *r, const char *name);
const char *req_cookie(req *r, const char *name);
const char *req_body(req *r, size_t *len);             /* raw JSON body */

/* Slow work off the page workers (a password hash). A handler calls
 * req_defer(); once it returns, the connection is suspended, so its worker
 * thread serves other connections meanwhile, and start(r) runs: it hands
 * the work on, and whatever does it calls req_resume(r), from any thread
 * (start may too). Then resume(r) runs on a page worker and its answer is
 * sent. Every deferred request must be resumed before http_stop. */
void req_defer(req *r, http_handler start, http_handler resume);
void req_resume(req *r);

void res_header(req *r, const char *name, const char *value);
void res_redirect(req *r, const char *location);       /* 303 See Other */
void res_error(req *r, int status, const char *message);

/* Pure parsers, exposed for the unit tests and the fuzzers. */
typedef void (*http_pair_fn)(void *ud, const char *name, const char *value);
/* Decodes "a=1&b=%20x" (+ as space). Returns false on bad escapes or bad
 * UTF-8; pairs before the fault have been delivered. */
bool http_parse_urlencoded(arena *a, const char *s, size_t n, http_pair_fn fn, void *ud);
/* Parses a Cookie header "a=1; b=2". */
void http_parse_cookies(arena *a, const char *header, http_pair_fn fn, void *ud);
/* Matches a path against a pattern; on success stores {name} values. */
bool http_route_match(arena *a, const char *pattern, const char *path,
                      const char ***names, const char ***values, size_t *n);

#endif

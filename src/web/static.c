/* static.c: the style sheet and images compiled into the binary, served
 * with an ETag so browsers revalidate cheaply; and the health check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/embedded.h"
#include "base/secret.h"
#include "web/handlers.h"
#include "web/web.h"

static size_t asset_count(void)
{
    size_t n = 0;
    while (embedded_assets[n].name)
        n++;
    return n;
}

/* Computed once at start-up: a short hash of each asset's bytes. */
void web_assets_init(struct web_server *srv)
{
    size_t n = asset_count();
    srv->asset_etags = calloc(n ? n : 1, sizeof *srv->asset_etags);
    for (size_t i = 0; i < n; i++) {
        char hex[65];
        secret_sha256_hex(embedded_assets[i].data, embedded_assets[i].len, hex);
        snprintf(srv->asset_etags[i], sizeof srv->asset_etags[i], "\"%.16s\"", hex);
    }
}

static const char *content_type(const char *name)
{
    static const struct {
        const char *ext, *type;
    } types[] = {
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".txt", "text/plain; charset=utf-8"},
    };
    const char *dot = strrchr(name, '.');
    for (size_t i = 0; dot && i < sizeof types / sizeof *types; i++)
        if (strcmp(dot, types[i].ext) == 0)
            return types[i].type;
    return "application/octet-stream";
}

void page_static(req *r)
{
    struct web_server *srv = web_of(r)->srv;
    const char *name = req_param(r, "name");
    for (size_t i = 0; embedded_assets[i].name; i++) {
        if (strcmp(embedded_assets[i].name, name) != 0)
            continue;
        const char *etag = srv->asset_etags[i];
        res_header(r, "ETag", etag);
        res_header(r, "Cache-Control", "public, max-age=3600");
        const char *match = req_header(r, "If-None-Match");
        if (match && strcmp(match, etag) == 0) {
            r->status = 304;
            return;
        }
        r->content_type = content_type(name);
        buf_append(&r->out, embedded_assets[i].data, embedded_assets[i].len);
        return;
    }
    web_error(r, 404, "There is no such file.");
}

/* "SELECT 1" alone never touches the file, so it would answer ok while
 * every change waits on a lock. Taking the write lock (and reading a table)
 * checks what a request that saves something needs; nothing is written. */
void page_healthz(req *r)
{
    db *d = ctx_of(r)->db;
    int64_t programs = 0;
    r->content_type = "text/plain; charset=utf-8";
    bool ok = db_begin(d) == DB_OK &&
              db_int_query(d, &programs, "SELECT COUNT(*) FROM program", "") == DB_OK;
    if (db_in_transaction(d))
        db_rollback(d);
    if (ok) {
        buf_puts(&r->out, "ok\n");
    } else {
        r->status = 503;
        buf_puts(&r->out, "database unavailable\n");
    }
}

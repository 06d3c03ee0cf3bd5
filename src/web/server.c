/* server.c: what the web layer sets up once, before the first request. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "app/hashing.h"
#include "base/log.h"

#include "web/web.h"

bool web_server_init(struct web_server *srv, db_pool *pool, const struct app_config *cfg)
{
    srv->pool = pool;
    if (!app_init(&srv->app, cfg))
        return false;
    app_start_hashing(&srv->app);
    db *d = db_acquire(pool);
    db_stmt *st = db_query(d, "SELECT id, name FROM program ORDER BY id LIMIT 1", "");
    bool found = st && db_step(st) == DB_ROW;
    if (found) {
        srv->program_id = db_int(st, 0);
        srv->program_name = strdup(db_text(st, 1));
    }
    db_done(st);
    db_release(pool, d);
    if (!found)
        return false;
    if (!srv->app.cfg.sso.program_id)
        srv->app.cfg.sso.program_id = srv->program_id;
    web_assets_init(srv);
    return true;
}

void web_server_drain(struct web_server *srv)
{
    hash_pool_stop(srv->app.hashes);
    struct hash_pool_stats st = hash_pool_stats(srv->app.hashes);
    log_info("password hashes: %" PRId64 " computed, %" PRId64 " turned away; at most %d at "
             "once (of %d threads), at most %d waiting",
             st.computed, st.refused, st.most_at_once, st.threads, st.most_waiting);
}

void web_server_fini(struct web_server *srv)
{
    free((void *)srv->program_name);
    free(srv->asset_etags);
    app_fini(&srv->app);
}

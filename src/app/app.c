#include "app/app.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "app/hashing.h"

#include "base/clock.h"
#include "base/log.h"
#include "domain/settings.h"

#include <stdlib.h>

struct app_config app_default_config(void)
{
    return (struct app_config){
        .session_idle_seconds = 60 * 60,
        .session_max_seconds = 12 * 60 * 60,
        .signin = signin_default_limits(),
        .reset_valid_seconds = 72 * 60 * 60,
        .hash_concurrency = 2,
        .hash_queue = 64,
        .hash_wait_ms = 3000,
        .secure_cookies = false,
        .public_url = "http://127.0.0.1:8080",
        .mail_from = "parley@localhost",
    };
}

bool app_init(struct app *app, const struct app_config *cfg)
{
    app->cfg = *cfg;
    app->hashes = NULL;
    app->oidc = NULL;
    if (cfg->sso.oidc.issuer && !(app->oidc = oidc_new(&cfg->sso.oidc)))
        return false;
    /* A real hash to verify against when the email is unknown, so that a
     * wrong email costs the same time as a wrong password. */
    unsigned char junk[32];
    char text[sizeof junk * 2 + 1];
    randombytes_buf(junk, sizeof junk);
    sodium_bin2hex(text, sizeof text, junk, sizeof junk);
    return password_hash_create(text, app->dummy_hash);
}

void app_start_hashing(struct app *app)
{
    app->hashes = hash_pool_start(app->cfg.hash_concurrency, app->cfg.hash_queue,
                                  app->cfg.hash_wait_ms);
}

void app_fini(struct app *app)
{
    hash_pool_free(app->hashes);
    app->hashes = NULL;
    oidc_free(app->oidc);
    app->oidc = NULL;
}

int64_t app_now(const struct ctx *c)
{
    return c->now ? c->now : clock_calendar_now();
}

const char *app_today(struct ctx *c)
{
    return clock_date(c->a, app_now(c));
}

void app_date_text(struct ctx *c, int64_t at, char out[11])
{
    snprintf(out, 11, "%s", at ? clock_date(c->a, at) : "");
}

bool app_signed_in(const struct ctx *c)
{
    return c->who.person_id != 0 || c->who.operator;
}

bool app_operator_ctx(struct ctx *c, struct app *app, db *d, arena *a)
{
    memset(c, 0, sizeof *c);
    c->app = app;
    c->db = d;
    c->a = a;
    c->address = "command line";
    c->who.operator = true;
    c->who.name = "command line";
    c->who.roles = 1u << ROLE_COORDINATOR;
    return db_int_query(d, &c->who.program_id, "SELECT id FROM program ORDER BY id LIMIT 1", "") ==
           DB_OK;
}

bool app_act_in_home_program(struct ctx *c, int64_t person_id)
{
    db_stmt *st = db_query(c->db,
                           "SELECT g.id, g.name, g.kind FROM person p "
                           "JOIN program g ON g.id = p.program_id WHERE p.id = ?",
                           "i", person_id);
    bool found = st && db_step(st) == DB_ROW;
    if (found) {
        c->who.program_id = db_int(st, 0);
        c->who.program_name = arena_strdup(c->a, db_text(st, 1));
        c->who.federation = strcmp(db_text(st, 2), "federation") == 0;
    }
    db_done(st);
    return found;
}

enum app_status app_authorize(struct ctx *c, enum action act, enum record_kind kind,
                              const struct policy_record *rec)
{
    switch (policy_decide(app_signed_in(c), c->who.roles, act, kind, rec)) {
    case POLICY_ALLOW:
    case POLICY_NEEDS_RECORD:
        return APP_OK;
    case POLICY_HIDDEN:
        return APP_NOT_FOUND;
    case POLICY_FORBIDDEN:
    default:
        return APP_FORBIDDEN;
    }
}

enum app_status app_db_status(int st)
{
    if (st >= 0)
        return APP_OK;
    return st == DB_BUSY ? APP_BUSY : APP_ERROR;
}

enum app_status app_changed_one(struct ctx *c, int rc)
{
    if (rc != DB_OK)
        return app_db_status(rc);
    return db_changes(c->db) == 1 ? APP_OK : APP_CONFLICT;
}

int64_t page_of_offset(struct page_of *pg, int size, int max)
{
    if (pg->per_page < 1 || pg->per_page > max)
        pg->per_page = size;
    if (pg->page < 1 || pg->page > 100000)
        pg->page = 1;
    return (int64_t)(pg->page - 1) * pg->per_page;
}

int64_t page_of_pages(const struct page_of *pg)
{
    return (pg->total + pg->per_page - 1) / pg->per_page;
}

const char *program_name_of(struct ctx *c, int64_t program_id)
{
    const char *name = "Parley";
    db_stmt *st = db_query(c->db, "SELECT name FROM program WHERE id = ?", "i", program_id);
    if (st && db_step(st) == DB_ROW)
        name = arena_strdup(c->a, db_text(st, 0));
    db_done(st);
    return name;
}

const char *program_setting(struct ctx *c, const char *key)
{
    return program_setting_of(c, c->who.program_id, key);
}

const char *program_setting_of(struct ctx *c, int64_t program_id, const char *key)
{
    db_stmt *st = db_query(c->db,
                           "SELECT value FROM program_setting WHERE program_id = ? AND key = ?",
                           "is", program_id, key);
    const char *v = NULL;
    if (st && db_step(st) == DB_ROW)
        v = arena_strdup(c->a, db_text(st, 0));
    if (st)
        db_done(st);
    /* A value its rule refuses (stored before the bounds were checked) is
     * never used: the default is, until the coordinator saves another. */
    const struct setting_def *def = setting_find(key);
    if (v && (!def || !setting_invalid(key, v)))
        return v;
    return def ? def->default_value : "";
}

int program_setting_int(struct ctx *c, const char *key)
{
    return atoi(program_setting(c, key));
}

const char *like_pattern(arena *a, const char *term)
{
    buf b;
    buf_init(&b, a);
    buf_putc(&b, '%');
    for (const char *p = term; *p; p++) {
        if (*p == '%' || *p == '_' || *p == '\\')
            buf_putc(&b, '\\');
        buf_putc(&b, *p);
    }
    buf_putc(&b, '%');
    return b.s;
}

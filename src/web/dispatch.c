/* dispatch.c: what happens around every handler: who is asking (session
 * cookie or API token), the CSRF check, the policy table's word on the
 * route, and one transaction per request that writes. */
#include <inttypes.h>
#include <string.h>

#include "app/auth.h"
#include "app/hashing.h"
#include "base/secret.h"
#include "domain/credential.h"
#include "out/html.h"
#include "web/web.h"

#define SESSION_COOKIE "parley_session"
#define CSRF_COOKIE "parley_csrf"

static bool hex_token(const char *s)
{
    if (!s || strlen(s) != 64)
        return false;
    for (; *s; s++)
        if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
            return false;
    return true;
}

static void identify(req *r, struct web *w)
{
    if (r->is_api) {
        const char *auth = req_header(r, "Authorization");
        w->token_refusal = token_refusal(r->a, TOKEN_ACTIVE, NULL);
        if (auth && strncmp(auth, "Bearer ", 7) == 0)
            auth_token_load(&w->c, auth + 7, &w->token_refusal);
        return;
    }
    if (auth_session_load(&w->c, req_cookie(r, SESSION_COOKIE), &w->csrf, &w->flash))
        return;
    /* A visitor's forms (sign-in, password link) carry a token tied to a
     * cookie: a form posted from another site has neither. */
    const char *cookie = req_cookie(r, CSRF_COOKIE);
    if (hex_token(cookie)) {
        w->csrf = cookie;
    } else {
        w->csrf = secret_token(r->a, 32);
        w->set_csrf_cookie = true;
    }
}

static bool csrf_ok(req *r, struct web *w)
{
    if (r->is_api || strcmp(r->method, "GET") == 0)
        return true;   /* the API takes bearer tokens, never cookies */
    const char *sent = req_form(r, "csrf");
    return sent && w->csrf && !w->set_csrf_cookie && secret_equal(sent, w->csrf);
}

/* The route-level check; a record-level one follows in the use case. */
static bool route_allowed(req *r, const struct route *rt, struct web *w)
{
    struct ctx *c = &w->c;
    if (rt->action == ACT_PUBLIC) {
        /* The public site is the installation's, whichever program a
         * signed-in visitor works in. */
        c->who.program_id = w->srv->program_id;
        return true;
    }
    if (!app_signed_in(c)) {
        if (r->is_api) {
            web_error(r, 401, w->token_refusal);
        } else if (strcmp(r->method, "GET") == 0) {
            buf next;
            buf_init(&next, r->a);
            url_encode(&next, r->path);
            res_redirect(r, arena_printf(r->a, "/login?next=%s", buf_cstr(&next)));
        } else {
            web_error(r, 401, "Your session has ended. Sign in again, then repeat what you were doing.");
        }
        return false;
    }
    if (app_authorize(c, (enum action)rt->action, (enum record_kind)rt->kind, NULL) != APP_OK) {
        web_error(r, 403, policy_refusal((enum action)rt->action, (enum record_kind)rt->kind));
        return false;
    }
    return true;
}

bool web_begin(req *r)
{
    if (db_begin(ctx_of(r)->db) == DB_OK)
        return true;
    web_error(r, 503, "The database is busy. Wait a moment and try again.");
    return false;
}

/* One step of a request: a handler, or what comes after a hash. */
static void run_step(req *r, struct web *w, void (*fn)(req *r, void *state), void *state)
{
    bool writes = strcmp(r->method, "GET") != 0;
    if (writes && !web_begin(r))
        return;
    fn(r, state);
    if (!db_in_transaction(w->c.db))
        return;
    bool keep = r->status < 400 || w->keep_writes;
    if (keep && db_commit(w->c.db) != DB_OK) {
        db_rollback(w->c.db);
        buf_reset(&r->out);
        web_error(r, 503, "Your change could not be saved because the database was busy. "
                          "Nothing was changed; try again.");
    } else if (!keep) {
        db_rollback(w->c.db);
    }
}

static void call_route(req *r, void *route)
{
    ((const struct route *)route)->fn(r);
}

static void hash_start(req *r);
static void hash_then(req *r);

/* The test build tells how many statements a request ran, so that a test
 * finds a page whose queries grow with the data (issue 19: no N+1). */
static void tell_statements(req *r, struct web *w)
{
#ifdef PARLEY_TEST_STATEMENTS
    res_header(r, "X-Parley-Statements", arena_printf(r->a, "%" PRIu64, w->statements));
#else
    (void)r;
    (void)w;
#endif
}

/* A step's connection, with the statements it had run before the step, so
 * that only the step's own are counted. */
static db *step_db(struct web *w)
{
    db *d = db_acquire(w->srv->pool);
    w->statements -= db_statements(d);
    return d;
}

/* A step ends with its database connection given back. A hash it asked
 * for (web_hash) is waited for only if the step's writes were kept: when
 * they could not be (503), that is the answer. */
static void step_end(req *r, struct web *w)
{
    if (db_in_transaction(w->c.db))
        db_rollback(w->c.db);
    w->statements += db_statements(w->c.db);
    db_release(w->srv->pool, w->c.db);
    w->c.db = NULL;
    if (w->then && r->status < 500)
        req_defer(r, hash_start, hash_then);
    else
        tell_statements(r, w);
}

void web_dispatch(req *r, const struct route *rt)
{
    struct web_server *srv = r->ctx;
    struct web *w = arena_alloc(r->a, sizeof *w);
    w->srv = srv;
    w->c.app = &srv->app;
    w->c.a = r->a;
    w->c.address = r->remote_addr;
    w->c.who.program_id = srv->program_id;
    r->app = w;
    w->c.db = step_db(w);
    identify(r, w);
    if (w->set_csrf_cookie && !r->is_api)
        res_header(r, "Set-Cookie",
                   arena_printf(r->a, CSRF_COOKIE "=%s; Path=/; HttpOnly; SameSite=Lax%s", w->csrf,
                                srv->app.cfg.secure_cookies ? "; Secure" : ""));
    if (!csrf_ok(r, w))
        web_error(r, 403, "This form has expired or did not come from this site. "
                          "Go back, reload the page and send it again.");
    else if (route_allowed(r, rt, w))
        run_step(r, w, call_route, (void *)rt);
    step_end(r, w);
}

/* --- password hashes: the connection waits, suspended (http.h's
 * req_defer), holding neither a page worker nor a database connection --- */

static void hash_done(struct hash_job *job, void *arg)
{
    (void)job;
    req_resume(arg);
}

static void hash_start(req *r)
{
    struct web *w = web_of(r);
    hash_pool_submit(w->srv->app.hashes, w->hash_job, hash_done, r);
}

static void hash_then(req *r)
{
    struct web *w = web_of(r);
    void (*then)(req *r, void *state) = w->then;
    w->then = NULL;
    w->keep_writes = false;
    w->c.db = step_db(w);
    run_step(r, w, then, w->then_state);
    step_end(r, w);
}

void web_hash(req *r, struct hash_job *job, void (*then)(req *r, void *state), void *state)
{
    struct web *w = web_of(r);
    w->hash_job = job;
    w->then = then;
    w->then_state = state;
}

void web_session_cookie(req *r, const char *token)
{
    struct web_server *srv = r->ctx;
    const char *secure = srv->app.cfg.secure_cookies ? "; Secure" : "";
    if (token)
        res_header(r, "Set-Cookie",
                   arena_printf(r->a, SESSION_COOKIE "=%s; Path=/; HttpOnly; SameSite=Lax%s",
                                token, secure));
    else
        res_header(r, "Set-Cookie",
                   arena_printf(r->a, SESSION_COOKIE "=; Path=/; HttpOnly; SameSite=Lax; "
                                "Max-Age=0%s", secure));
}

/* sso.c: signing in through the program's OpenID provider (sso.h). */
#include "app/sso.h"

#include <ctype.h>
#include <string.h>

#include "app/auth_internal.h"
#include "base/clock.h"
#include "base/log.h"
#include "base/secret.h"

#define SECRET_BYTES 32   /* state, nonce, PKCE verifier, the browser's cookie: 256 bits */

const char *sso_provider_name(struct ctx *c)
{
    return c->app->oidc ? c->app->cfg.sso.name : NULL;
}

static const char *return_uri(struct ctx *c)
{
    return arena_printf(c->a, "%s" SSO_RETURN_PATH, c->app->cfg.public_url);
}

enum app_status sso_start_prepare(struct ctx *c, const char *next, struct sso_start *st,
                                  const char **refusal)
{
    if (!c->app->oidc)
        return APP_NOT_FOUND;
    *st = (struct sso_start){
        .browser = secret_token(c->a, SECRET_BYTES), .state = secret_token(c->a, SECRET_BYTES),
        .nonce = secret_token(c->a, SECRET_BYTES), .verifier = secret_token(c->a, SECRET_BYTES),
        .next = next,
    };
    struct oidc_request rq = {return_uri(c), st->state, st->nonce, st->verifier};
    char why[512];
    if (oidc_authorize_url(c->app->oidc, c->a, &rq, &st->url, why, sizeof why) != OIDC_OK) {
        log_error("sign-in through %s: %s", c->app->cfg.sso.name, why);
        *refusal = sso_refusal(c->a, SSO_UNREACHABLE, c->app->cfg.sso.name);
        return APP_BUSY;
    }
    return APP_OK;
}

static const char *hashed(struct ctx *c, const char *secret)
{
    char *h = arena_alloc(c->a, 65);
    secret_sha256_hex(secret ? secret : "", secret ? strlen(secret) : 0, h);
    return h;
}

enum app_status sso_start_record(struct ctx *c, const struct sso_start *st)
{
    int64_t now = clock_now();
    int rc = db_exec(c->db, "DELETE FROM sso_attempt WHERE expires_at < ?", "i", now);
    if (rc == DB_OK)
        rc = db_exec(c->db,
                     "INSERT INTO sso_attempt (state_hash, browser_hash, program_id, nonce, "
                     "verifier, next_path, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     "ssisssii", hashed(c, st->state), hashed(c, st->browser),
                     c->app->cfg.sso.program_id, st->nonce, st->verifier, st->next, now,
                     now + SSO_ATTEMPT_SECONDS);
    return app_db_status(rc);
}

/* The live attempt of this browser with this state: its id, or 0. */
static int64_t attempt_find(struct ctx *c, const char *state, const char *browser,
                            struct oidc_request *rq, const char **next)
{
    db_stmt *st = db_query(c->db,
                           "SELECT id, nonce, verifier, next_path FROM sso_attempt WHERE "
                           "state_hash = ? AND browser_hash = ? AND used_at = 0 AND "
                           "expires_at >= ?",
                           "ssi", hashed(c, state), hashed(c, browser), clock_now());
    int64_t id = 0;
    if (st && db_step(st) == DB_ROW) {
        id = db_int(st, 0);
        rq->nonce = db_text_copy(st, 1, c->a);
        rq->verifier = db_text_copy(st, 2, c->a);
        *next = db_text_copy(st, 3, c->a);
    }
    db_done(st);
    return id;
}

void sso_return_check(struct ctx *c, const char *state, const char *code, const char *error,
                      const char *browser, struct sso_return *ret)
{
    *ret = (struct sso_return){.verdict = SSO_NO_ATTEMPT};
    struct oidc_request rq = {.redirect_uri = return_uri(c), .state = state};
    if (!c->app->oidc || !state || !browser ||
        !(ret->attempt_id = attempt_find(c, state, browser, &rq, &ret->next)))
        return;
    if (error || !code) {
        ret->verdict = SSO_CANCELLED;
        return;
    }
    char why[512] = "";
    ret->verdict = sso_verdict_of(oidc_redeem(c->app->oidc, c->a, &rq, code, &ret->claims, why,
                                              sizeof why));
    const struct oidc_settings *s = &c->app->cfg.sso.oidc;
    if (ret->verdict == SSO_YES)
        ret->verdict = sso_claims_check(&ret->claims, &(struct sso_expectation){
                                                          s->issuer, s->client_id, rq.nonce,
                                                          clock_now()});
    if (*why)
        log_error("sign-in through %s: %s", c->app->cfg.sso.name, why);
}

/* The active person of the provider's program with the address, or 0. */
static int64_t person_with(struct ctx *c, const char *email, const char **name,
                           const char **stored)
{
    char *lower = arena_strdup(c->a, email ? email : "");
    for (char *p = lower; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    db_stmt *st = db_query(c->db,
                           "SELECT id, name, email FROM person WHERE program_id = ? AND email = ? "
                           "AND active = 1",
                           "is", c->who.program_id, lower);
    int64_t id = 0;
    if (st && db_step(st) == DB_ROW) {
        id = db_int(st, 0);
        *name = db_text_copy(st, 1, c->a);
        *stored = db_text_copy(st, 2, c->a);
    }
    db_done(st);
    return id;
}

static enum app_status refused(struct ctx *c, enum sso_verdict v, int64_t person_id,
                               const char *email, const char **refusal)
{
    const char *provider = c->app->cfg.sso.name;
    *refusal = sso_refusal(c->a, v, provider);
    enum app_status s = audit_append(
        c, "login-failed", "session", 0, person_id,
        arena_printf(c->a, "A sign-in through %s was refused (%s)%s%s", provider,
                     sso_verdict_name(v), email && *email ? " for " : "", email ? email : ""));
    return s != APP_OK ? s : APP_DENIED;
}

enum app_status sso_sign_in(struct ctx *c, const struct sso_return *ret, const char **token,
                            const char **refusal)
{
    const char *provider = c->app->cfg.sso.name;
    /* Nothing of this program's is touched for a state it never gave. */
    *refusal = sso_refusal(c->a, SSO_NO_ATTEMPT, provider);
    if (!ret->attempt_id)
        return APP_DENIED;
    int rc = db_exec(c->db, "UPDATE sso_attempt SET used_at = ? WHERE id = ? AND used_at = 0",
                     "ii", clock_now(), ret->attempt_id);
    if (rc != DB_OK)
        return app_db_status(rc);
    if (db_changes(c->db) != 1)
        return APP_DENIED;   /* used meanwhile, by a request at the same time */
    c->who.program_id = c->app->cfg.sso.program_id;
    const char *email = ret->claims.email, *name = NULL, *stored = NULL;
    int64_t pid = email ? person_with(c, email, &name, &stored) : 0;
    enum sso_verdict v = ret->verdict;
    if (v == SSO_YES && !pid)
        v = SSO_UNKNOWN_PERSON;
    /* Only a verified address says who someone is: an unverified one names
     * the person it would have been in the audit, never signs them in. */
    if (v != SSO_YES)
        return refused(c, v, v == SSO_UNVERIFIED ? pid : 0,
                       v == SSO_UNVERIFIED || v == SSO_UNKNOWN_PERSON ? email : NULL, refusal);
    return auth_sso_session(c, pid, c->who.program_id, name, stored, provider, token);
}

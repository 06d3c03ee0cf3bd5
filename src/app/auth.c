/* auth.c: passwords (argon2id), sign-in throttling (refused where the
 * program's provider is the only way in), sessions stored in the database
 * (only the SHA-256 of a token is kept: app/credential.h), a presented API
 * token, one-time password links. */
#include "app/auth.h"

#include <ctype.h>
#include <inttypes.h>
#include <string.h>

#include "app/auth_internal.h"
#include "app/credential.h"
#include "app/people.h"
#include "app/signin.h"
#include "base/clock.h"
#include "base/secret.h"
#include "domain/credential.h"
#include "domain/password.h"

static char *lower(arena *a, const char *s)
{
    char *out = arena_strdup(a, s ? s : "");
    for (char *p = out; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return out;
}

/* --- sessions --- */

/* sso_program: the program whose provider vouched for the person (issue
 * 17), the only one the session works in; 0: a password. */
static enum app_status session_create(struct ctx *c, int64_t person_id, int64_t sso_program,
                                      const char **token)
{
    char hash[65], *t = auth_secret_new(c, hash);
    int64_t now = clock_now();
    int rc = db_exec(c->db,
                     "INSERT INTO session (token_hash, person_id, csrf_token, created_at, last_seen, "
                     "address, sso_program_id) VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, 0))",
                     "sisiisi", hash, person_id, secret_token(c->a, TOKEN_BYTES), now, now,
                     c->address ? c->address : "", sso_program);
    *token = t;
    return app_db_status(rc);
}

static void actor_set(struct ctx *c, int64_t person_id, int64_t program_id, const char *name,
                      const char *email)
{
    c->who.person_id = person_id;
    c->who.program_id = program_id;
    c->who.name = arena_strdup(c->a, name);
    c->who.email = arena_strdup(c->a, email);
    c->who.roles = person_roles(c, person_id);
    db_stmt *st = db_query(c->db, "SELECT name, kind FROM program WHERE id = ?", "i", program_id);
    if (st && db_step(st) == DB_ROW) {
        c->who.program_name = arena_strdup(c->a, db_text(st, 0));
        c->who.federation = strcmp(db_text(st, 1), "federation") == 0;
    }
    if (st)
        db_done(st);
}

bool sso_only(struct ctx *c, int64_t program_id)
{
    return c->app->oidc && program_id == c->app->cfg.sso.program_id &&
           strcmp(program_setting_of(c, program_id, "password_sign_in"), "no") == 0;
}

enum app_status auth_login_begin(struct ctx *c, const char *email, const char *password,
                                 struct login_attempt *a)
{
    memset(a, 0, sizeof *a);
    a->typed_email = lower(c->a, email);
    enum app_status s = signin_admit(c, a->typed_email, &a->refused, &a->known);
    if (s != APP_OK)
        return s;
    if (a->refused.verdict != SIGNIN_GO)
        return APP_THROTTLED;
    const char *hash = c->app->dummy_hash;
    db_stmt *st = db_query(c->db,
                           "SELECT id, program_id, name, email, password_hash FROM person "
                           "WHERE email = ? AND active = 1 AND password_hash IS NOT NULL",
                           "s", a->typed_email);
    if (st && db_step(st) == DB_ROW) {
        a->person_id = db_int(st, 0);
        a->program_id = db_int(st, 1);
        a->name = arena_strdup(c->a, db_text(st, 2));
        a->email = arena_strdup(c->a, db_text(st, 3));
        hash = arena_strdup(c->a, db_text(st, 4));
    }
    db_done(st);
    /* Issue 17: a program that signs its people in through its provider
     * only; answered as any wrong sign-in, which tells nobody the account
     * is there (the sign-in page says which program it is). */
    if (a->person_id && sso_only(c, a->program_id)) {
        a->person_id = 0;
        hash = c->app->dummy_hash;
    }
    a->hash = (struct hash_job){.stored = hash, .password = arena_strdup(c->a, password ? password : "")};
    return APP_OK;
}

enum app_status auth_login_finish(struct ctx *c, struct login_attempt *a, const char **token)
{
    bool right = a->hash.status == APP_OK && a->hash.verified && a->person_id;
    enum signin_outcome outcome = a->hash.status != APP_OK ? SIGNIN_UNTRIED
                                  : right                  ? SIGNIN_RIGHT
                                                           : SIGNIN_WRONG;
    enum app_status s = signin_settle(c, a->typed_email, a->known, outcome);
    if (s != APP_OK)
        return s;
    if (a->hash.status != APP_OK)
        return a->hash.status;
    if (!right) {
        if (a->person_id)
            audit_append(c, "login-failed", "session", 0, a->person_id,
                         "A sign-in with a wrong password");
        return APP_DENIED;
    }
    actor_set(c, a->person_id, a->program_id, a->name, a->email);
    s = session_create(c, a->person_id, 0, token);
    if (s != APP_OK)
        return s;
    return audit_append(c, "login", "session", 0, a->person_id, "Signed in");
}

enum app_status auth_sso_session(struct ctx *c, int64_t person_id, int64_t program_id,
                                 const char *name, const char *email, const char *provider,
                                 const char **token)
{
    actor_set(c, person_id, program_id, name, email);
    c->who.sso_program_id = program_id;
    enum app_status s = session_create(c, person_id, program_id, token);
    return s != APP_OK ? s
                       : audit_append(c, "login", "session", 0, person_id,
                                      arena_printf(c->a, "Signed in through %s", provider));
}

bool auth_session_load(struct ctx *c, const char *token, const char **csrf, const char **flash)
{
    char hash[65];
    if (!auth_secret_stored_form(token, hash))
        return false;
    db_stmt *st = db_query(c->db,
                           "SELECT s.id, s.person_id, s.csrf_token, s.created_at, s.last_seen, "
                           "s.flash, COALESCE(s.program_id, p.program_id), p.name, p.email, "
                           "COALESCE(s.sso_program_id, 0) "
                           "FROM session s "
                           "JOIN person p ON p.id = s.person_id "
                           "WHERE s.token_hash = ? AND p.active = 1",
                           "s", hash);
    if (!st)
        return false;
    if (db_step(st) != DB_ROW) {
        db_done(st);
        return false;
    }
    int64_t sid = db_int(st, 0), pid = db_int(st, 1), created = db_int(st, 3);
    int64_t seen = db_int(st, 4), program = db_int(st, 6), now = clock_now();
    *csrf = arena_strdup(c->a, db_text(st, 2));
    *flash = arena_strdup(c->a, db_text(st, 5));
    const char *name = arena_strdup(c->a, db_text(st, 7));
    const char *email = arena_strdup(c->a, db_text(st, 8));
    int64_t sso_program = db_int(st, 9);
    db_done(st);
    if (now - seen > c->app->cfg.session_idle_seconds ||
        now - created > c->app->cfg.session_max_seconds) {
        db_exec(c->db, "DELETE FROM session WHERE id = ?", "i", sid);
        return false;
    }
    /* Touch at most once a minute: a page view should not always write. */
    if (now - seen >= 60 || **flash)
        db_exec(c->db, "UPDATE session SET last_seen = ?, flash = '' WHERE id = ?", "ii", now, sid);
    actor_set(c, pid, program, name, email);
    c->who.session_id = sid;
    c->who.sso_program_id = sso_program;
    return true;
}

enum app_status auth_session_set_flash(struct ctx *c, const char *message)
{
    if (!c->who.session_id)
        return APP_OK;
    return app_db_status(db_exec(c->db, "UPDATE session SET flash = ? WHERE id = ?", "si", message,
                                 c->who.session_id));
}

enum app_status auth_logout(struct ctx *c)
{
    if (!c->who.session_id)
        return APP_OK;
    int rc = db_exec(c->db, "DELETE FROM session WHERE id = ?", "i", c->who.session_id);
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, "logout", "session", c->who.session_id, c->who.person_id, "Signed out");
}

enum app_status auth_logout_everywhere(struct ctx *c, int64_t *ended)
{
    enum app_status s = credentials_end(c, c->who.person_id, 0, TOKENS_ENDED_SIGN_OUT, ended);
    if (s != APP_OK)
        return s;
    return audit_append(c, "logout-everywhere", "session", 0, c->who.person_id,
                        arena_printf(c->a, "Signed out everywhere (%" PRId64 " sessions)", *ended));
}

bool auth_token_load(struct ctx *c, const char *token, const char **refusal)
{
    char hash[65];
    *refusal = token_refusal(c->a, TOKEN_ACTIVE, NULL);
    if (!auth_secret_stored_form(token, hash))
        return false;
    db_stmt *st = db_query(c->db,
                           "SELECT t.id, t.program_id, t.expires_at, t.revoked_at, t.last_used, "
                           "p.id, p.name, p.email FROM api_token t "
                           "JOIN person p ON p.id = t.person_id "
                           "WHERE t.token_hash = ? AND p.active = 1",
                           "s", hash);
    if (!st || db_step(st) != DB_ROW) {
        db_done(st);
        return false;
    }
    int64_t tid = db_int(st, 0), program = db_int(st, 1), expires = db_int(st, 2);
    int64_t revoked = db_int(st, 3), used = db_int(st, 4), pid = db_int(st, 5), now = clock_now();
    const char *name = arena_strdup(c->a, db_text(st, 6));
    const char *email = arena_strdup(c->a, db_text(st, 7));
    db_done(st);
    /* Issue 15: a revoked or expired token says so, and when. */
    enum token_state state = token_state_at(now, expires, revoked);
    if (state != TOKEN_ACTIVE) {
        *refusal = token_refusal(c->a, state, clock_format(c->a, revoked ? revoked : expires));
        return false;
    }
    /* Recorded at most once a minute: an API call should not always write. */
    if (now - used >= 60)
        db_exec(c->db, "UPDATE api_token SET last_used = ? WHERE id = ?", "ii", now, tid);
    actor_set(c, pid, program, name, email);
    c->who.token_id = tid;
    return true;
}

/* Checks a new password and its confirmation (hashing it is the caller's). */
static bool new_password_check(const char *next, const char *confirm, const char *email,
                               struct errors *errs)
{
    const char *weak = password_weakness(next, email);
    if (weak)
        errors_add(errs, "password", weak);
    else if (!confirm || strcmp(next, confirm) != 0)
        errors_add(errs, "confirm", "The two passwords are not the same. Type it again.");
    return errs->n == 0;
}

static enum app_status password_store(struct ctx *c, int64_t pid, const char *hash,
                                      const char *summary)
{
    int rc = db_exec(c->db, "UPDATE person SET password_hash = ?, updated_at = ? WHERE id = ?",
                     "sii", hash, clock_now(), pid);
    /* 012: someone else (of another program) signs in with this email. */
    if (rc == DB_CONSTRAINT)
        return APP_CONFLICT;
    if (rc != DB_OK)
        return app_db_status(rc);
    enum app_status s = credentials_end(c, pid, c->who.session_id, TOKENS_ENDED_PASSWORD, NULL);
    return s != APP_OK ? s : audit_append(c, "update", "password", pid, pid, summary);
}

enum app_status auth_password_change_check(struct ctx *c, const char *current, const char *next,
                                           const char *confirm, struct hash_job *job,
                                           struct errors *errs)
{
    char *stored = NULL;
    db_stmt *st = db_query(c->db, "SELECT password_hash FROM person WHERE id = ?", "i",
                           c->who.person_id);
    if (st && db_step(st) == DB_ROW)
        stored = arena_strdup(c->a, db_text(st, 0));
    db_done(st);
    if (!stored)
        return APP_ERROR;
    if (!new_password_check(next, confirm, c->who.email, errs))
        return APP_INVALID;
    *job = (struct hash_job){.stored = stored, .password = arena_strdup(c->a, current ? current : ""),
                             .new_password = arena_strdup(c->a, next)};
    return APP_OK;
}

enum app_status auth_password_change_store(struct ctx *c, const struct hash_job *job,
                                           struct errors *errs)
{
    if (job->status != APP_OK)
        return job->status;
    if (!job->verified) {
        errors_add(errs, "current", "That is not your current password.");
        return APP_INVALID;
    }
    return password_store(c, c->who.person_id, job->created,
                          "Changed their password; their other sessions ended");
}

enum app_status auth_password_set(struct ctx *c, int64_t person_id, const char *password,
                                  struct errors *errs)
{
    char hash[PASSWORD_HASH_MAX];
    if (!new_password_check(password, password, NULL, errs))
        return APP_INVALID;
    if (!password_hash_create(password, hash))
        return APP_ERROR;
    return password_store(c, person_id, hash, "A password was set");
}

enum app_status auth_link_sign_out(struct ctx *c, int64_t person_id)
{
    return credentials_end(c, person_id, 0, TOKENS_ENDED_LINK, NULL);
}

enum app_status auth_link_make(struct ctx *c, int64_t person_id, const char **token,
                               int64_t *expires_at)
{
    int64_t generation = -1;
    db_int_query(c->db, &generation, "SELECT credential_generation FROM person WHERE id = ?", "i",
                 person_id);
    if (generation < 0)
        return APP_NOT_FOUND;
    /* The link replaces older links (finding 11). */
    int rc = password_links_end(c, person_id);
    if (rc != DB_OK)
        return app_db_status(rc);
    char hash[65], *t = auth_secret_new(c, hash);
    *expires_at = clock_now() + c->app->cfg.reset_valid_seconds;
    rc = db_exec(c->db,
                 "INSERT INTO password_reset (token_hash, person_id, created_at, expires_at, "
                 "generation) VALUES (?, ?, ?, ?, ?)",
                 "siiii", hash, person_id, clock_now(), *expires_at, generation + 1);
    if (rc != DB_OK)
        return app_db_status(rc);
    *token = t;
    return APP_OK;
}

enum app_status auth_reset_issue(struct ctx *c, int64_t person_id, const char **token,
                                 int64_t *expires_at)
{
    /* The operator holds the database anyway; anyone else's link goes by
     * e-mail to the person only (app/password_link.h, finding 1). */
    if (!c->who.operator)
        return APP_FORBIDDEN;
    enum app_status s = auth_link_sign_out(c, person_id);
    if (s == APP_OK)
        s = auth_link_make(c, person_id, token, expires_at);
    if (s != APP_OK)
        return s;
    return audit_append(c, "issue", "password_link", person_id, person_id,
                        "A one-time link to set a new password was issued; their sessions "
                        "ended and their API tokens were revoked");
}

/* The person a live link belongs to, or 0. */
static int64_t reset_owner(struct ctx *c, const char *token, const char **name,
                           const char **email)
{
    char hash[65];
    if (!auth_secret_stored_form(token, hash))
        return 0;
    db_stmt *st = db_query(c->db,
                           "SELECT p.id, p.name, p.email FROM password_reset r "
                           "JOIN person p ON p.id = r.person_id "
                           "WHERE r.token_hash = ? AND r.used_at = 0 AND r.expires_at > ? "
                           "AND r.generation = p.credential_generation",
                           "si", hash, clock_now());
    int64_t pid = 0;
    if (st && db_step(st) == DB_ROW) {
        pid = db_int(st, 0);
        *name = arena_strdup(c->a, db_text(st, 1));
        *email = arena_strdup(c->a, db_text(st, 2));
    }
    if (st)
        db_done(st);
    return pid;
}

enum app_status auth_reset_check(struct ctx *c, const char *token, const char **name)
{
    const char *email;
    return reset_owner(c, token, name, &email) ? APP_OK : APP_NOT_FOUND;
}

enum app_status auth_reset_check_password(struct ctx *c, const char *token, const char *next,
                                          const char *confirm, struct hash_job *job,
                                          struct errors *errs)
{
    const char *name, *email;
    if (!reset_owner(c, token, &name, &email))
        return APP_NOT_FOUND;
    if (!new_password_check(next, confirm, email, errs))
        return APP_INVALID;
    *job = (struct hash_job){.new_password = arena_strdup(c->a, next)};
    return APP_OK;
}

enum app_status auth_reset_store(struct ctx *c, const char *token, const struct hash_job *job)
{
    if (job->status != APP_OK)
        return job->status;
    const char *name, *email;
    int64_t pid = reset_owner(c, token, &name, &email);
    if (!pid)
        return APP_NOT_FOUND;   /* used or expired while the password was hashed */
    char thash[65];
    auth_secret_stored_form(token, thash);
    int rc = db_exec(c->db, "UPDATE password_reset SET used_at = ? WHERE token_hash = ?", "is",
                     clock_now(), thash);
    if (rc != DB_OK)
        return app_db_status(rc);
    /* The person acts through their link: the audit names them. */
    c->who.person_id = pid;
    c->who.name = name;
    return password_store(c, pid, job->created, "Set a new password with a one-time link");
}

/* --- programs: one installation, several programs; a session acts in one --- */

enum app_status auth_programs(struct ctx *c, struct program_choice **out, int *n)
{
    /* Issue 17: a provider's word opens its own program only. */
    db_stmt *st = db_query(c->db,
                           "SELECT g.id, g.name, g.kind FROM program g WHERE (g.id = (SELECT "
                           "program_id FROM person WHERE id = ?) OR g.id IN (SELECT program_id "
                           "FROM person_role WHERE person_id = ?)) AND (? = 0 OR g.id = ?) "
                           "ORDER BY g.id",
                           "iiii", c->who.person_id, c->who.person_id, c->who.sso_program_id,
                           c->who.sso_program_id);
    if (!st)
        return APP_ERROR;
    int cap = 4;
    *out = arena_alloc(c->a, sizeof **out * (size_t)cap);
    *n = 0;
    while (db_step(st) == DB_ROW && *n < cap) {
        struct program_choice *p = &(*out)[(*n)++];
        p->id = db_int(st, 0);
        p->name = db_text_copy(st, 1, c->a);
        p->federation = strcmp(db_text(st, 2), "federation") == 0;
        p->current = p->id == c->who.program_id;
    }
    db_done(st);
    return APP_OK;
}

enum app_status auth_program_switch(struct ctx *c, int64_t program_id)
{
    struct program_choice *ps;
    int n;
    enum app_status s = auth_programs(c, &ps, &n);
    const char *name = NULL;
    for (int i = 0; s == APP_OK && i < n; i++)
        if (ps[i].id == program_id)
            name = ps[i].name;
    if (s != APP_OK || !name || !c->who.session_id)
        return s != APP_OK ? s : APP_NOT_FOUND;
    int rc = db_exec(c->db, "UPDATE session SET program_id = ? WHERE id = ?", "ii", program_id,
                     c->who.session_id);
    if (rc != DB_OK)
        return app_db_status(rc);
    /* Recorded in the program switched to: a district's log does not learn
     * that one of its people works in a federation's Peer Support Service. */
    c->who.program_id = program_id;
    return audit_append(c, "switch", "session", c->who.session_id, c->who.person_id,
                        arena_printf(c->a, "Switched to the program %s", name));
}

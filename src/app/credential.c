/* credential.c: what lets a person in besides their password, at its
 * root (issue 15): a new secret (256 random bits, shown once) and the form
 * it is stored in (its SHA-256; only that is kept), for sessions, API
 * tokens and password links alike; and the end of them all, when a person
 * signs out everywhere, changes their password or address, or is sent a
 * link. Below auth.c, api_token.c and people.c, which all need them. */
#include "app/credential.h"

#include <inttypes.h>
#include <string.h>

#include "base/secret.h"

/* --- secrets: 256 random bits shown once; only their SHA-256 is stored --- */

char *auth_secret_new(struct ctx *c, char hash[65])
{
    char *t = secret_token(c->a, TOKEN_BYTES);
    secret_sha256_hex(t, strlen(t), hash);
    return t;
}

bool auth_secret_stored_form(const char *token, char hash[65])
{
    if (!token || strlen(token) != TOKEN_BYTES * 2)
        return false;
    secret_sha256_hex(token, strlen(token), hash);
    return true;
}

/* --- the end of every way in --- */

enum app_status tokens_revoke_all(struct ctx *c, int64_t person_id, const char *why)
{
    int64_t now = app_now(c);
    int rc = db_exec(c->db,
                     "UPDATE api_token SET revoked_at = ?, revoked_note = ? "
                     "WHERE person_id = ? AND revoked_at = 0 AND expires_at > ?",
                     "isii", now, why, person_id, now);
    if (rc != DB_OK)
        return app_db_status(rc);
    int64_t n = db_changes(c->db);
    if (!n)
        return APP_OK;
    return audit_append(
        c, "revoke", "api_token", 0, person_id,
        arena_printf(c->a, "Revoked %" PRId64 " API token%s: %s", n, n == 1 ? "" : "s", why));
}

/* Every password link the person has dies: their credential generation
 * moves on (finding 11). */
int password_links_end(struct ctx *c, int64_t pid)
{
    return db_exec(c->db,
                   "UPDATE person SET credential_generation = credential_generation + 1 "
                   "WHERE id = ?",
                   "i", pid);
}

/* Issue 15: every way in but the password ends: the person's sessions
 * (but keep_session, 0 for none), API tokens and password links. *ended:
 * how many sessions ended. */
enum app_status credentials_end(struct ctx *c, int64_t pid, int64_t keep_session, const char *why,
                                int64_t *ended)
{
    int rc = password_links_end(c, pid);
    if (rc == DB_OK)
        rc = db_exec(c->db, "DELETE FROM session WHERE person_id = ? AND id <> ?", "ii", pid,
                     keep_session);
    if (rc != DB_OK)
        return app_db_status(rc);
    if (ended)
        *ended = db_changes(c->db);
    return tokens_revoke_all(c, pid, why);
}

enum app_status auth_sign_in_end(struct ctx *c, int64_t person_id, const char *why)
{
    int rc = db_exec(c->db, "UPDATE person SET password_hash = NULL WHERE id = ?", "i", person_id);
    if (rc != DB_OK)
        return app_db_status(rc);
    enum app_status s = credentials_end(c, person_id, 0, why, NULL);
    return s != APP_OK ? s
                       : audit_append(c, "update", "password", person_id, person_id,
                                      arena_printf(c->a,
                                                   "Can no longer sign in (%s): a new "
                                                   "password comes with a one-time link",
                                                   why));
}

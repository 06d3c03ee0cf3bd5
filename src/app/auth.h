/* auth.h: passwords, sign-in with throttling, sessions, API tokens and
 * one-time password links. */
#ifndef PARLEY_AUTH_H
#define PARLEY_AUTH_H

#include "app/app.h"

/* argon2id through libsodium, limited to cfg.hash_concurrency at once. */
enum app_status auth_hash_password(struct app *app, const char *password, char out[128]);

/* Password hashing takes tens of milliseconds: it is done before the
 * request's transaction opens, so that sign-ins never hold the database's
 * write lock. Each of these is therefore two steps: a check that only reads
 * (and hashes), then a record that writes, inside the transaction. */

/* What a sign-in attempt found out, between the check and the record. */
struct login_attempt {
    int64_t person_id, program_id;
    const char *name, *email, *account_key, *address_key;
    bool password_ok;
};
/* APP_OK (the attempt is filled in, right or wrong), APP_THROTTLED with
 * *retry_after, or APP_BUSY when no hashing slot came free. */
enum app_status auth_login_check(struct ctx *c, const char *email, const char *password,
                                 struct login_attempt *a, int64_t *retry_after);
/* On APP_OK *token is the new session's cookie value. APP_DENIED never says
 * whether the email exists; the failure is counted for throttling. */
enum app_status auth_login_record(struct ctx *c, const struct login_attempt *a,
                                  const char **token);
/* Loads the session of a cookie into c->who; false if none or expired. On
 * success *csrf is the session's CSRF token and *flash its pending message. */
bool auth_session_load(struct ctx *c, const char *token, const char **csrf, const char **flash);
enum app_status auth_session_set_flash(struct ctx *c, const char *message);
enum app_status auth_logout(struct ctx *c);
/* The person can no longer sign in: no password, no session, no API token,
 * no link; why is the reason (TOKENS_ENDED_...). Their email changed. */
enum app_status auth_sign_in_end(struct ctx *c, int64_t person_id, const char *why);
enum app_status auth_logout_everywhere(struct ctx *c, int64_t *ended);
/* A bearer token for the API: true when it is live (c->who is then its
 * owner, acting in the token's program); else *refusal says why for the
 * 401: unknown, or expired or revoked and when (app/api_token.h). */
bool auth_token_load(struct ctx *c, const char *token, const char **refusal);

/* The programs a person belongs to: their home program and each program
 * they hold a role in (R31-R36: a district's PA/PAR program and a
 * federation's Peer Support Service side by side). */
struct program_choice {
    int64_t id;
    const char *name;
    bool federation, current;
};
enum app_status auth_programs(struct ctx *c, struct program_choice **out, int *n);
/* The session acts in another of the asker's programs from now on; its
 * roles there are the only ones that count. APP_NOT_FOUND: not theirs. */
enum app_status auth_program_switch(struct ctx *c, int64_t program_id);

/* Changes one's own password: check (verify the current one, hash the new
 * one into hash), then store. */
enum app_status auth_password_change_check(struct ctx *c, const char *current, const char *next,
                                           const char *confirm, char hash[128],
                                           struct errors *errs);
enum app_status auth_password_change_store(struct ctx *c, const char *hash);
/* Sets a person's password directly (command line). APP_CONFLICT: another
 * person (of another program) already signs in with their email. */
enum app_status auth_password_set(struct ctx *c, int64_t person_id, const char *password,
                                  struct errors *errs);
/* The operator (command line) issues a one-time link; *token goes in
 * /reset/TOKEN. Nobody else does: whoever holds a link can become the
 * person. Issuing it ends the person's sessions, API tokens and older
 * links; so does using it (a new password). APP_FORBIDDEN for anyone but
 * the operator. */
enum app_status auth_reset_issue(struct ctx *c, int64_t person_id, const char **token,
                                 int64_t *expires_at);
/* Whose link is it (name for the page); APP_NOT_FOUND if unknown, used,
 * expired, or replaced by a newer link or a new password. */
enum app_status auth_reset_check(struct ctx *c, const char *token, const char **name);
/* A one-time link is used in two steps too: check and hash, then store
 * (which fails with APP_NOT_FOUND if the link was used in between). */
enum app_status auth_reset_check_password(struct ctx *c, const char *token, const char *next,
                                          const char *confirm, char hash[128],
                                          struct errors *errs);
enum app_status auth_reset_store(struct ctx *c, const char *token, const char *hash);

#endif

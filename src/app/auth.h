/* auth.h: passwords, sign-in with throttling, sessions, API tokens and
 * one-time password links. */
#ifndef PARLEY_AUTH_H
#define PARLEY_AUTH_H

#include "app/app.h"
#include "app/hashing.h"

/* A password hash (argon2id) takes tens of milliseconds and 19 MiB: it is
 * computed on the hash pool (app/hashing.h), never on a page worker and
 * never inside a transaction. Each use case that needs one is two steps: a
 * check that fills a hash job, then, once the pool has done it, a step
 * that writes. */

/* A sign-in between its two steps. */
struct login_attempt {
    int64_t person_id, program_id;     /* 0: no such account (the dummy hash is used) */
    const char *name, *email, *typed_email;
    bool known;                        /* the account has signed in from this address */
    struct signin_decision refused;    /* APP_THROTTLED: why, and until when */
    struct hash_job hash;
};
/* The program's people sign in through its provider only: it has one, and
 * its setting password_sign_in says no. */
bool sso_only(struct ctx *c, int64_t program_id);
/* APP_OK: a->hash is to be computed, then auth_login_finish.
 * APP_THROTTLED: a->refused says why and until when (domain/signin.h).
 * Counts the attempt for the throttle: needs the request's transaction. */
enum app_status auth_login_begin(struct ctx *c, const char *email, const char *password,
                                 struct login_attempt *a);
/* After the hash: APP_OK with *token, the new session's cookie value;
 * APP_DENIED, which never says whether the email exists; APP_BUSY when
 * the hash was not computed (the attempt is then not counted). */
enum app_status auth_login_finish(struct ctx *c, struct login_attempt *a, const char **token);
/* Loads the session of a cookie into c->who; false if none or expired. On
 * success *csrf is the session's CSRF token and *flash its pending message. */
bool auth_session_load(struct ctx *c, const char *token, const char **csrf, const char **flash);
enum app_status auth_session_set_flash(struct ctx *c, const char *message);
enum app_status auth_logout(struct ctx *c);
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

/* Changes one's own password: check the new one (APP_INVALID with errs)
 * and fill job (verify the current one, hash the new one); once it is
 * done, store (APP_INVALID if the current one was wrong). */
enum app_status auth_password_change_check(struct ctx *c, const char *current, const char *next,
                                           const char *confirm, struct hash_job *job,
                                           struct errors *errs);
enum app_status auth_password_change_store(struct ctx *c, const struct hash_job *job,
                                           struct errors *errs);
/* Sets a person's password directly (command line). APP_CONFLICT: another
 * person (of another program) already signs in with their email. */
enum app_status auth_password_set(struct ctx *c, int64_t person_id, const char *password,
                                  struct errors *errs);
/* The operator (command line) issues a one-time link; *token goes in
 * /reset/TOKEN, for the operator to hand on. Nobody else holds one for
 * someone else: whoever holds a link can become the person, so everyone
 * else's go by e-mail to the person only (app/password_link.h). Issuing it
 * ends the person's sessions, API tokens and older links; so does using it
 * (a new password). APP_FORBIDDEN for anyone but the operator. */
enum app_status auth_reset_issue(struct ctx *c, int64_t person_id, const char **token,
                                 int64_t *expires_at);
/* Whose link is it (name for the page); APP_NOT_FOUND if unknown, used,
 * expired, or replaced by a newer link or a new password. */
enum app_status auth_reset_check(struct ctx *c, const char *token, const char **name);
/* A one-time link is used in two steps too: check (filling job, which
 * hashes the new password), then store (APP_NOT_FOUND if the link was used
 * in between). */
enum app_status auth_reset_check_password(struct ctx *c, const char *token, const char *next,
                                          const char *confirm, struct hash_job *job,
                                          struct errors *errs);
enum app_status auth_reset_store(struct ctx *c, const char *token, const struct hash_job *job);

#endif

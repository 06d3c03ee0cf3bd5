/* auth.h: passwords, sign-in with throttling, sessions, API tokens and
 * one-time password links. */
#ifndef PARLEY_AUTH_H
#define PARLEY_AUTH_H

#include "app/app.h"

/* argon2id through libsodium, limited to cfg.hash_concurrency at once. */
enum app_status auth_hash_password(struct app *app, const char *password, char out[128]);

/* Signs in: on APP_OK *token is the new session's cookie value. APP_DENIED
 * never says whether the email exists; APP_THROTTLED sets *retry_after. */
enum app_status auth_login(struct ctx *c, const char *email, const char *password,
                           const char **token, int64_t *retry_after);
/* Loads the session of a cookie into c->who; false if none or expired. On
 * success *csrf is the session's CSRF token and *flash its pending message. */
bool auth_session_load(struct ctx *c, const char *token, const char **csrf, const char **flash);
enum app_status auth_session_set_flash(struct ctx *c, const char *message);
enum app_status auth_logout(struct ctx *c);
enum app_status auth_logout_everywhere(struct ctx *c, int64_t *ended);
/* Bearer tokens for the API. */
bool auth_token_load(struct ctx *c, const char *token);
enum app_status auth_token_create(struct ctx *c, const char *email, const char *label,
                                  const char **token);

/* Changes one's own password. */
enum app_status auth_password_change(struct ctx *c, const char *current, const char *next,
                                     const char *confirm, struct errors *errs);
/* Sets a person's password directly (command line). */
enum app_status auth_password_set(struct ctx *c, int64_t person_id, const char *password,
                                  struct errors *errs);
/* The coordinator issues a one-time link; *token goes in /reset/TOKEN. */
enum app_status auth_reset_issue(struct ctx *c, int64_t person_id, const char **token,
                                 int64_t *expires_at);
/* Whose link is it (name for the page); APP_NOT_FOUND if unknown, used or expired. */
enum app_status auth_reset_check(struct ctx *c, const char *token, const char **name);
enum app_status auth_reset_use(struct ctx *c, const char *token, const char *next,
                               const char *confirm, struct errors *errs);

#endif

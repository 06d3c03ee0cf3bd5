/* credential.h: what lets a person in besides their password, at its root
 * (issue 15): secrets and the end of every way in. auth.c, api_token.c and
 * people.c call down into it (app/auth.h, app/api_token.h). */
#ifndef PARLEY_APP_CREDENTIAL_H
#define PARLEY_APP_CREDENTIAL_H

#include "app/app.h"

#define TOKEN_BYTES 32 /* a secret's 256 random bits */

/* A new secret in c's arena; hash gets its stored form. */
char *auth_secret_new(struct ctx *c, char hash[65]);
/* The stored form of a secret someone presents; false if it cannot be one. */
bool auth_secret_stored_form(const char *token, char hash[65]);

/* Revokes every live token of a person, every program's, saying why
 * (TOKENS_ENDED_...): signing out everywhere, a new password, a link. */
enum app_status tokens_revoke_all(struct ctx *c, int64_t person_id, const char *why);
/* Every password link of the person dies (finding 11); a DB_ status. */
int password_links_end(struct ctx *c, int64_t pid);
/* Every way in but the password ends: the person's sessions (but
 * keep_session, 0 for none), API tokens and password links, saying why
 * (TOKENS_ENDED_...). *ended (NULL: not wanted): how many sessions ended. */
enum app_status credentials_end(struct ctx *c, int64_t pid, int64_t keep_session, const char *why,
                                int64_t *ended);
/* The person can no longer sign in: no password, no session, no API token,
 * no link; why is the reason (TOKENS_ENDED_...). Their email changed. */
enum app_status auth_sign_in_end(struct ctx *c, int64_t person_id, const char *why);

#endif

/* auth_internal.h: what auth.c shares with password_link.c, which mails
 * one-time links, and with sso.c, which signs people in through the
 * program's OpenID provider. The secrets themselves are app/credential.h's. */
#ifndef PARLEY_APP_AUTH_INTERNAL_H
#define PARLEY_APP_AUTH_INTERNAL_H

#include "app/app.h"

/* A one-time link for the person, in the caller's transaction; *token
 * goes in /reset/TOKEN. Their older links die (finding 11). No
 * authorisation and no audit: the callers do both. APP_NOT_FOUND: no
 * such person. */
enum app_status auth_link_make(struct ctx *c, int64_t person_id, const char **token,
                               int64_t *expires_at);
/* Someone else asked for a link for the person: whatever let them in ends,
 * their sessions, API tokens and older links (finding 1), so that a link
 * in the wrong hands shows at once. Their password stays. */
enum app_status auth_link_sign_out(struct ctx *c, int64_t person_id);

/* A session for a person the program's OpenID provider vouched for (app/
 * sso.h): it works in program_id only; audited as a sign-in through
 * provider. */
enum app_status auth_sso_session(struct ctx *c, int64_t person_id, int64_t program_id,
                                 const char *name, const char *email, const char *provider,
                                 const char **token);

#endif

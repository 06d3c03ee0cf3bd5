/* sso.h: signing in through the program's OpenID provider (issue 17), in
 * the authorization code flow with PKCE, state and nonce (out/oidc.h),
 * under domain/sso.h's rules. Each of the two steps is two calls: one
 * that talks to the provider, outside the request's transaction (the
 * network never holds the database's write lock), then one that writes,
 * inside it. */
#ifndef PARLEY_APP_SSO_H
#define PARLEY_APP_SSO_H

#include "app/app.h"
#include "domain/sso.h"

/* Where the provider sends the person back (registered with it as
 * PUBLIC_URL/login/sso/return). */
#define SSO_RETURN_PATH "/login/sso/return"

/* The provider's name, for the sign-in page; NULL: there is none. */
const char *sso_provider_name(struct ctx *c);

/* A sign-in on its way to the provider. */
struct sso_start {
    const char *url;            /* the provider's sign-in page, with this attempt's request */
    const char *browser;        /* the cookie that binds the attempt to this browser */
    const char *state, *nonce, *verifier, *next;
};
/* Makes the attempt's secrets and the provider's address (reading its
 * discovery document the first time). APP_BUSY with *refusal when the
 * provider cannot be reached; APP_NOT_FOUND when there is none. */
enum app_status sso_start_prepare(struct ctx *c, const char *next, struct sso_start *st,
                                  const char **refusal);
/* Keeps the attempt, for SSO_ATTEMPT_SECONDS and one use. */
enum app_status sso_start_record(struct ctx *c, const struct sso_start *st);

/* The provider's answer, checked. */
struct sso_return {
    int64_t attempt_id;         /* 0: no live attempt of this browser had the state */
    enum sso_verdict verdict;
    struct oidc_claims claims;
    const char *next;           /* where the person was going */
};
/* Finds the attempt (state, and the cookie of the browser that started
 * it), redeems the code at the provider and checks the ID token. error:
 * the provider's error parameter, if it sent one. */
void sso_return_check(struct ctx *c, const char *state, const char *code, const char *error,
                      const char *browser, struct sso_return *ret);
/* Uses the attempt up, finds the active person of the provider's program
 * with the verified address, and opens their session (*token); audited
 * either way. APP_DENIED with *refusal in plain words. */
enum app_status sso_sign_in(struct ctx *c, const struct sso_return *ret, const char **token,
                            const char **refusal);

#endif

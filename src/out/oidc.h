/* oidc.h: Parley as the client of one OpenID Connect provider, in the
 * authorization code flow with PKCE (S256): the provider's settings from
 * its discovery document; its signing keys from its JWKS, kept and fetched
 * again when a token names a key not among them; the code redeemed at its
 * token endpoint; the ID token's signature checked by cjose. What the
 * claims must say (issuer, audience, expiry, nonce, e-mail) is decided in
 * domain/sso.h. One per server, shared by its threads. */
#ifndef PARLEY_OIDC_H
#define PARLEY_OIDC_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"

struct oidc_settings {
    const char *issuer;          /* https://accounts.example.org (http:// only on loopback) */
    const char *client_id;
    const char *client_secret;
    long timeout_seconds;        /* one request to the provider gives up after this */
};

/* NULL if the settings can be used, else why not (for the command line). */
const char *oidc_settings_problem(const struct oidc_settings *s);

enum oidc_result {
    OIDC_OK,
    OIDC_UNREACHABLE,   /* the provider did not answer, or not as a provider does */
    OIDC_REFUSED,       /* its token endpoint refused the code */
    OIDC_BAD_TOKEN,     /* the ID token is malformed, not RS256, or its signature fails */
    OIDC_UNKNOWN_KEY,   /* signed with a key the provider does not publish (any more) */
};

/* An ID token's claims, once its signature is checked. */
#define OIDC_AUDIENCES_MAX 8
struct oidc_claims {
    const char *iss, *sub, *azp, *nonce, *email;
    const char *aud[OIDC_AUDIENCES_MAX];
    int naud;                    /* more than OIDC_AUDIENCES_MAX: -1 */
    int64_t exp, iat;            /* 0: absent */
    bool email_verified;         /* the claim is JSON true */
};

/* One sign-in's secrets: state and nonce as sent, and the PKCE verifier
 * whose challenge went with them. */
struct oidc_request {
    const char *redirect_uri, *state, *nonce, *verifier;
};

struct oidc;
/* The settings are copied. NULL if libcurl cannot start. */
struct oidc *oidc_new(const struct oidc_settings *s);
void oidc_free(struct oidc *o);

/* The address to send the browser to, in a. Reads the discovery document
 * the first time. why (n bytes) says what went wrong. */
enum oidc_result oidc_authorize_url(struct oidc *o, arena *a, const struct oidc_request *rq,
                                    const char **url, char *why, size_t n);
/* Redeems the code (with rq's redirect_uri and verifier) and checks the
 * ID token's signature against the provider's keys; *claims in a. */
enum oidc_result oidc_redeem(struct oidc *o, arena *a, const struct oidc_request *rq,
                             const char *code, struct oidc_claims *claims, char *why, size_t n);

#endif

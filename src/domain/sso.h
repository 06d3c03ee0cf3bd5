/* sso.h: signing in through a program's OpenID provider (issue 17): what
 * an ID token must say before Parley believes it, and the words of each
 * refusal. The provider vouches for an e-mail address; Parley signs in the
 * active person of the provider's program who has it, never anyone of
 * another program (R31-R36: a federation's people sign in through the
 * federation's own provider or their password), and never makes a person
 * or a role. Pure. */
#ifndef PARLEY_SSO_H
#define PARLEY_SSO_H
#include <stdint.h>

#include "out/oidc.h"

/* How long a sign-in may take at the provider: its state, nonce and PKCE
 * verifier are thrown away after this, used or not. */
#define SSO_ATTEMPT_SECONDS 600
/* The clocks of Parley and the provider may differ by this much. */
#define SSO_CLOCK_SKEW_SECONDS 60

enum sso_verdict {
    SSO_YES,
    SSO_NO_ATTEMPT,        /* the state is unknown, used, expired or another browser's */
    SSO_CANCELLED,         /* the provider sent the person back with an error */
    SSO_UNREACHABLE,       /* the provider did not answer as one does */
    SSO_CODE_REFUSED,      /* its token endpoint refused the code */
    SSO_BAD_SIGNATURE,     /* not a token the provider signed (or not RS256) */
    SSO_UNKNOWN_KEY,       /* signed with a key the provider does not publish */
    SSO_WRONG_ISSUER,
    SSO_WRONG_AUDIENCE,    /* issued to another client than Parley */
    SSO_EXPIRED,           /* or issued in the future */
    SSO_WRONG_NONCE,       /* not the answer to this sign-in */
    SSO_UNVERIFIED,        /* no e-mail address, or one the provider has not verified */
    SSO_UNKNOWN_PERSON,    /* nobody active in the program has the address */
};

/* What this sign-in expects of its ID token. */
struct sso_expectation {
    const char *issuer, *client_id, *nonce;
    int64_t now;
};
/* The first thing wrong with the claims (in the order OpenID Connect Core
 * 3.1.3.7 checks them), or SSO_YES. */
enum sso_verdict sso_claims_check(const struct oidc_claims *t, const struct sso_expectation *e);
/* The verdict for what the provider's client answered. */
enum sso_verdict sso_verdict_of(enum oidc_result r);

/* The refusal in plain words, with what to do instead; provider: its name
 * ("Harbor City Google"). */
const char *sso_refusal(arena *a, enum sso_verdict v, const char *provider);
/* The verdict's name in the audit log ("wrong audience"). */
const char *sso_verdict_name(enum sso_verdict v);

#endif

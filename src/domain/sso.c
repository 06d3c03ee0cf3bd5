/* sso.c: what an ID token must say, and each refusal's words (sso.h). */
#include "domain/sso.h"

#include <stdbool.h>
#include <string.h>

static bool same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* Parley is among the audiences; with more than one, the token was given
 * to Parley (azp, Core 3.1.3.7 items 3-5). */
static bool audience_ok(const struct oidc_claims *t, const char *client_id)
{
    bool ours = false;
    for (int i = 0; i < t->naud; i++)
        ours = ours || same(t->aud[i], client_id);
    return ours && (t->naud == 1 || same(t->azp, client_id)) && (!t->azp || same(t->azp, client_id));
}

enum sso_verdict sso_claims_check(const struct oidc_claims *t, const struct sso_expectation *e)
{
    if (!same(t->iss, e->issuer))
        return SSO_WRONG_ISSUER;
    if (!audience_ok(t, e->client_id))
        return SSO_WRONG_AUDIENCE;
    if (t->exp + SSO_CLOCK_SKEW_SECONDS <= e->now || t->iat > e->now + SSO_CLOCK_SKEW_SECONDS)
        return SSO_EXPIRED;
    if (!same(t->nonce, e->nonce))
        return SSO_WRONG_NONCE;
    if (!t->email || !*t->email || !t->email_verified)
        return SSO_UNVERIFIED;
    return SSO_YES;
}

enum sso_verdict sso_verdict_of(enum oidc_result r)
{
    switch (r) {
    case OIDC_OK: return SSO_YES;
    case OIDC_REFUSED: return SSO_CODE_REFUSED;
    case OIDC_BAD_TOKEN: return SSO_BAD_SIGNATURE;
    case OIDC_UNKNOWN_KEY: return SSO_UNKNOWN_KEY;
    case OIDC_UNREACHABLE:
    default: return SSO_UNREACHABLE;
    }
}

#define ASK_COORDINATOR "If you think this is wrong, ask your program coordinator."
#define START_AGAIN "Go back to the sign-in page and start again."

const char *sso_refusal(arena *a, enum sso_verdict v, const char *provider)
{
    switch (v) {
    case SSO_YES:
        return "";
    case SSO_NO_ATTEMPT:
        return "This sign-in has already been used, has expired, or was started in another "
               "browser. " START_AGAIN;
    case SSO_CANCELLED:
        return arena_printf(a, "%s did not sign you in (it was cancelled or refused there). "
                               START_AGAIN, provider);
    case SSO_UNREACHABLE:
        return arena_printf(a, "%s cannot be reached just now. Try again in a few minutes; if "
                               "it goes on, tell your program coordinator.", provider);
    case SSO_CODE_REFUSED:
        return arena_printf(a, "%s did not accept this sign-in's answer, which happens when "
                               "one is sent twice. " START_AGAIN, provider);
    case SSO_BAD_SIGNATURE:
    case SSO_UNKNOWN_KEY:
        return arena_printf(a, "Parley could not confirm that this sign-in comes from %s: it "
                               "is not signed with a key %s publishes. Nothing was done. "
                               START_AGAIN " " ASK_COORDINATOR, provider, provider);
    case SSO_WRONG_ISSUER:
        return arena_printf(a, "This sign-in comes from another service than %s, the one this "
                               "program uses. Nothing was done. " START_AGAIN, provider);
    case SSO_WRONG_AUDIENCE:
        return arena_printf(a, "%s made this sign-in for another service, not for Parley. "
                               "Nothing was done. " START_AGAIN, provider);
    case SSO_EXPIRED:
        return "This sign-in has expired before it reached Parley (or the clocks disagree). "
               START_AGAIN " If it happens again, tell your program coordinator.";
    case SSO_WRONG_NONCE:
        return "This sign-in's answer does not belong to the sign-in you started. Nothing was "
               "done. " START_AGAIN;
    case SSO_UNVERIFIED:
        return arena_printf(a, "%s has not confirmed your e-mail address, so Parley cannot tell "
                               "who you are. Confirm it with %s, or ask your program "
                               "coordinator, who can also give you a password.", provider,
                            provider);
    case SSO_UNKNOWN_PERSON:
    default:
        return "Parley has nobody in this program with the e-mail address you signed in with. "
               "Parley does not add people by itself: ask your program coordinator to add you, "
               "or to put this address on your record.";
    }
}

const char *sso_verdict_name(enum sso_verdict v)
{
    static const char *const names[] = {
        [SSO_YES] = "signed in", [SSO_NO_ATTEMPT] = "unknown or used state",
        [SSO_CANCELLED] = "cancelled at the provider", [SSO_UNREACHABLE] = "provider unreachable",
        [SSO_CODE_REFUSED] = "code refused", [SSO_BAD_SIGNATURE] = "bad signature",
        [SSO_UNKNOWN_KEY] = "key not published", [SSO_WRONG_ISSUER] = "wrong issuer",
        [SSO_WRONG_AUDIENCE] = "wrong audience", [SSO_EXPIRED] = "expired",
        [SSO_WRONG_NONCE] = "wrong nonce", [SSO_UNVERIFIED] = "e-mail not verified",
        [SSO_UNKNOWN_PERSON] = "unknown e-mail",
    };
    return (unsigned)v < sizeof names / sizeof *names ? names[v] : "refused";
}

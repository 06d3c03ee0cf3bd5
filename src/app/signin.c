/* signin.c: the sign-in throttle's counters (signin.h). */
#include "app/signin.h"

#include <ctype.h>

#include "app/rate.h"

/* The counters one attempt touches, by account (lower-case email) and
 * address. */
struct signin_keys {
    const char *pair, *account, *address, *signins, *attempts, *known;
};

static struct signin_keys keys_of(struct ctx *c, const char *email)
{
    char *e = arena_strdup(c->a, email ? email : "");
    for (char *p = e; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    const char *a = c->address ? c->address : "";
    return (struct signin_keys){
        .pair = arena_printf(c->a, "signin-failed:%s|%s", e, a),
        .account = arena_printf(c->a, "signin-failed:%s", e),
        .address = arena_printf(c->a, "signin-failed-from:%s", a),
        .signins = arena_printf(c->a, "signin:%s", e),
        .attempts = arena_printf(c->a, "signin-from:%s", a),
        .known = arena_printf(c->a, "signin-known:%s|%s", e, a),
    };
}

static enum app_status counts_of(struct ctx *c, const struct signin_keys *k,
                                 struct signin_counts *n)
{
    struct rate pair, account, address, signins, attempts, known;
    if (rate_get(c, k->pair, &pair) || rate_get(c, k->account, &account) ||
        rate_get(c, k->address, &address) || rate_get(c, k->signins, &signins) ||
        rate_get(c, k->attempts, &attempts) || rate_get(c, k->known, &known))
        return APP_ERROR;
    *n = (struct signin_counts){
        .known = known.events > 0,
        .pair_failures = pair.events, .pair_last = pair.last_at,
        .account_failures = account.events, .account_last = account.last_at,
        .address_failures = address.events, .address_last = address.last_at,
        .account_signins = signins.events, .account_signins_end = signins.window_end,
        .address_attempts = attempts.events, .address_attempts_end = attempts.window_end,
    };
    return APP_OK;
}

/* Failures from addresses an account knows count only towards the pair:
 * nobody else's failures slow its owner down, and the owner's do not slow
 * others behind the same address. */
static enum app_status count_failure(struct ctx *c, const struct signin_keys *k, bool known,
                                     int window, int64_t n)
{
    enum app_status s = rate_add(c, k->pair, window, n);
    if (s == APP_OK && !known)
        s = rate_add(c, k->account, window, n);
    if (s == APP_OK && !known)
        s = rate_add(c, k->address, window, n);
    return s;
}

enum app_status signin_admit(struct ctx *c, const char *email, struct signin_decision *d,
                             bool *known)
{
    const struct signin_limits *l = &c->app->cfg.signin;
    struct signin_keys k = keys_of(c, email);
    struct signin_counts n;
    enum app_status s = counts_of(c, &k, &n);
    if (s != APP_OK)
        return s;
    *known = n.known;
    *d = signin_decide(l, &n, app_now(c));
    if (d->verdict != SIGNIN_GO)
        return APP_OK;
    s = count_failure(c, &k, n.known, l->window_seconds, 1);
    if (s == APP_OK && !n.known)
        s = rate_add(c, k.attempts, l->window_seconds, 1);
    return s;
}

enum app_status signin_settle(struct ctx *c, const char *email, bool known,
                              enum signin_outcome outcome)
{
    const struct signin_limits *l = &c->app->cfg.signin;
    if (outcome == SIGNIN_WRONG)
        return APP_OK;
    struct signin_keys k = keys_of(c, email);
    enum app_status s = count_failure(c, &k, known, l->window_seconds, -1);
    if (outcome == SIGNIN_UNTRIED)
        return s == APP_OK && !known ? rate_add(c, k.attempts, l->window_seconds, -1) : s;
    if (s == APP_OK)
        s = rate_clear(c, k.pair);
    /* Known for known_days from this sign-in on. */
    if (s == APP_OK)
        s = rate_clear(c, k.known);
    if (s == APP_OK)
        s = rate_add(c, k.known, l->known_days * 86400, 1);
    if (s == APP_OK)
        s = rate_add(c, k.signins, l->window_seconds, 1);
    return s;
}

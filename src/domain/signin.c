/* signin.c: the sign-in throttle's rules (signin.h). */
#include "domain/signin.h"

struct signin_limits signin_default_limits(void)
{
    return (struct signin_limits){
        .pair_failures = 5,
        .account_failures = 20,
        /* A school's staff share an address: their typing mistakes add up. */
        .address_failures = 50,
        .account_signins = 30,
        .address_attempts = 300,
        .window_seconds = 15 * 60,
        .max_delay_seconds = 15 * 60,
        .known_days = 90,
    };
}

int64_t signin_delay(int64_t failures, int free_failures, int max_delay)
{
    int64_t over = failures - free_failures;
    if (over <= 0)
        return 0;
    int64_t delay = 1;
    while (--over > 0 && delay < max_delay)
        delay *= 2;
    return delay < max_delay ? delay : max_delay;
}

/* The latest of the pauses that apply (0: none). */
static void slow(struct signin_decision *d, enum signin_verdict v, int64_t failures, int free,
                 int64_t last, int max_delay)
{
    int64_t until = last + signin_delay(failures, free, max_delay);
    if (failures > free && until > d->retry_at) {
        d->verdict = v;
        d->retry_at = until;
        d->limit = free;
    }
}

/* A count that has reached its limit refuses until its window ends. */
static void cap(struct signin_decision *d, enum signin_verdict v, int64_t count, int limit,
                int64_t end)
{
    if (count >= limit && end > d->retry_at) {
        d->verdict = v;
        d->retry_at = end;
        d->limit = limit;
    }
}

struct signin_decision signin_decide(const struct signin_limits *l, const struct signin_counts *n,
                                     int64_t now)
{
    struct signin_decision d = {SIGNIN_GO, 0, 0};
    /* The owner's own address is only ever slowed by its own failures. */
    slow(&d, SIGNIN_SLOWED_PAIR, n->pair_failures, l->pair_failures, n->pair_last,
         l->max_delay_seconds);
    cap(&d, SIGNIN_ACCOUNT_SIGNINS, n->account_signins, l->account_signins,
        n->account_signins_end);
    if (!n->known) {
        slow(&d, SIGNIN_SLOWED_ACCOUNT, n->account_failures, l->account_failures,
             n->account_last, l->max_delay_seconds);
        slow(&d, SIGNIN_SLOWED_ADDRESS, n->address_failures, l->address_failures,
             n->address_last, l->max_delay_seconds);
        cap(&d, SIGNIN_ADDRESS_ATTEMPTS, n->address_attempts, l->address_attempts,
            n->address_attempts_end);
    }
    if (d.retry_at <= now)
        d = (struct signin_decision){SIGNIN_GO, 0, 0};
    return d;
}

const char *signin_refusal(enum signin_verdict v)
{
    switch (v) {
    case SIGNIN_SLOWED_PAIR:
        return "Too many wrong passwords for this account from your address. For your "
               "safety, each new try waits a little longer.";
    case SIGNIN_SLOWED_ACCOUNT:
        return "Someone has tried many wrong passwords for this account. For its safety, "
               "sign-ins from an address it has not used before wait a little longer each "
               "time; from one you have signed in from before, you can sign in as usual.";
    case SIGNIN_SLOWED_ADDRESS:
        return "Many wrong passwords have come from your address. For everyone's safety, "
               "sign-ins from it wait a little longer each time, except for accounts that "
               "have signed in from it before.";
    case SIGNIN_ACCOUNT_SIGNINS:
        return "This account has signed in many times in the last few minutes, the most we "
               "allow.";
    case SIGNIN_ADDRESS_ATTEMPTS:
        return "Many sign-ins have come from your address in the last few minutes, the most "
               "we accept from one address.";
    case SIGNIN_GO:
    default:
        return "";
    }
}

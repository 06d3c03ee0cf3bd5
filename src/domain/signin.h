/* signin.h: the sign-in throttle's rules (issue 15), pure. Nobody can lock
 * someone else out: wrong passwords slow down the account only from the
 * address they come from, with a pause that grows (1 s, 2 s, 4 s ... up to
 * max_delay), never a hard lock. An address the account has signed in from
 * before ("known") is never slowed by failures from elsewhere, nor by
 * others behind the same address (a school's NAT). Unknown addresses are
 * slowed too when an account, or an address, collects many failures (a
 * guess spread over many addresses, or one address trying many accounts).
 * Right passwords are limited as well, so that a client signing in in a
 * loop cannot keep the password hashes busy. */
#ifndef PARLEY_SIGNIN_H
#define PARLEY_SIGNIN_H

#include <stdbool.h>
#include <stdint.h>

struct signin_limits {
    int pair_failures;      /* wrong passwords for one account from one address, free */
    int account_failures;   /* for one account from addresses it does not know, free */
    int address_failures;   /* from one address for accounts that do not know it, free */
    int account_signins;    /* right passwords for one account in a window */
    int address_attempts;   /* sign-ins from one address for accounts that do not know it */
    int window_seconds;     /* what the counts count back */
    int max_delay_seconds;  /* the longest pause */
    int known_days;         /* an address is known this long after a sign-in from it */
};
/* 5, 20, 50, 30, 300, 15 minutes, 15 minutes, 90 days. */
struct signin_limits signin_default_limits(void);

/* What the counters hold for one attempt (account, address). */
struct signin_counts {
    bool known;             /* the account has signed in from this address */
    int64_t pair_failures, pair_last;         /* last: the latest failure's time */
    int64_t account_failures, account_last;   /* from unknown addresses */
    int64_t address_failures, address_last;   /* for accounts that do not know it */
    int64_t account_signins, account_signins_end;   /* end: the window's */
    int64_t address_attempts, address_attempts_end;
};

enum signin_verdict {
    SIGNIN_GO,
    SIGNIN_SLOWED_PAIR,      /* wrong passwords for this account from this address */
    SIGNIN_SLOWED_ACCOUNT,   /* wrong passwords for this account from many addresses */
    SIGNIN_SLOWED_ADDRESS,   /* wrong passwords from this address for many accounts */
    SIGNIN_ACCOUNT_SIGNINS,  /* the account signed in too often */
    SIGNIN_ADDRESS_ATTEMPTS, /* too many sign-ins from this address */
};
struct signin_decision {
    enum signin_verdict verdict;
    int64_t retry_at;        /* not before then */
    int limit;               /* the count that was reached */
};
struct signin_decision signin_decide(const struct signin_limits *l, const struct signin_counts *n,
                                     int64_t now);
/* The pause after the failures beyond the free ones: none up to free, then
 * 1 s, 2 s, 4 s ... doubling, at most max_delay. */
int64_t signin_delay(int64_t failures, int free_failures, int max_delay);
/* The reason in plain words, for the sign-in page (the time to try again
 * is added there). */
const char *signin_refusal(enum signin_verdict v);

#endif

/* signin.h: the sign-in throttle's counters (app/rate.h), under the rules
 * of domain/signin.h. A sign-in is counted as a wrong password before its
 * hash is computed and taken back once the password proves right, so that
 * many tries sent at once are slowed like tries one after another. */
#ifndef PARLEY_APP_SIGNIN_H
#define PARLEY_APP_SIGNIN_H

#include "app/app.h"
#include "domain/signin.h"

/* May this attempt (email, c->address) go on? On SIGNIN_GO it is counted
 * (as failed, until signin_settle says otherwise); *known: the account has
 * signed in from this address before. Needs the request's transaction. */
enum app_status signin_admit(struct ctx *c, const char *email, struct signin_decision *d,
                             bool *known);
enum signin_outcome {
    SIGNIN_WRONG,    /* counted as such already */
    SIGNIN_RIGHT,    /* the failure is taken back, the account's failures from this address
                        cleared, the address known to the account, a sign-in counted */
    SIGNIN_UNTRIED,  /* the hash was not computed (a busy server): nothing counts */
};
/* The attempt's outcome, once the hash says. */
enum app_status signin_settle(struct ctx *c, const char *email, bool known,
                              enum signin_outcome outcome);

#endif

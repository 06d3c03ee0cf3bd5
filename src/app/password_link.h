/* password_link.h: one-time links to set a password, e-mailed to the
 * person they are for (issue 16). Whoever holds a link can become the
 * person, so nobody else ever sees one: the link goes into a security
 * message in the outbox (app/outbox.h), which the outbox page never shows
 * and the worker erases once sent (issue 15, finding 1). The operator's
 * command line is the one other way (auth_reset_issue). */
#ifndef PARLEY_PASSWORD_LINK_H
#define PARLEY_PASSWORD_LINK_H

#include "app/app.h"
#include "app/rate.h"

/* How long a link works, in whole hours. */
int password_link_hours(const struct ctx *c);

/* What the coordinator is told of a link sent: where, in part. */
struct link_sent {
    const char *masked_address;     /* "a…@district.org" */
};
/* The coordinator has Parley e-mail a person of their program a link
 * (KIND_PASSWORD_LINK). It signs them out everywhere and revokes their API
 * tokens, as any link someone else asks for does (finding 1). For a
 * person whose roles reach beyond the program the message carries no
 * link, only how to ask for one (domain/credential.h); the coordinator's
 * answer and the audit's words are the same. APP_NOT_FOUND: no active
 * person of the program. */
enum app_status password_link_send(struct ctx *c, int64_t person_id, struct link_sent *out);

/* "Forgot your password?" (no authorisation: anyone may ask). The answer
 * is the same whether or not an account has the address: APP_OK, and for
 * an active person it names the link is made and mailed
 * (domain/credential.h says when not), older links die, and their record
 * shows the ask; their sessions go on (someone else asking must not sign
 * them out). APP_INVALID with errs for an address that cannot be one;
 * APP_THROTTLED with refused over password_links_per_hour for the address
 * or password_link_asks_per_hour from the asker's network address, counted
 * alike for addresses nobody has. */
enum app_status password_link_forgot(struct ctx *c, const char *email,
                                     struct rate_refusal *refused, struct errors *errs);

#endif

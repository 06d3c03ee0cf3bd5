/* mail_worker.h: the delivery of the outbox (app/outbox.h) inside `parley
 * serve`. One message at a time is taken by a lease, in a transaction of
 * its own, handed to the relay, then marked sent; several nodes sharing a
 * PostgreSQL database each take different messages. A node killed between
 * the relay's answer and the mark leaves the lease to run out: the message
 * goes again, with its Message-ID, which the receiver's mail system takes
 * as the same message. Retries back off (retry_seconds, doubled each time,
 * at most six hours); after the last try, or a refusal that trying again
 * cannot mend (5xx), the message is "failed" with the relay's reason, for
 * the coordinator's outbox page. */
#ifndef PARLEY_MAIL_WORKER_H
#define PARLEY_MAIL_WORKER_H

#include "app/app.h"
#include "out/smtp.h"

struct mail_delivery {
    struct smtp_relay relay;
    int tries;              /* at most, before "failed" */
    int retry_seconds;      /* the first wait; doubled each try */
};

/* Sends what is due now, one message after another; *sent: how many.
 * Transactions are its own (c's database must be in none). */
enum app_status mail_deliver_due(struct ctx *c, const struct mail_delivery *d, int *sent);

struct mail_worker;
struct mail_worker *mail_worker_start(const char *db_url, struct app *app,
                                      const struct mail_delivery *d, buf *err);
void mail_worker_stop(struct mail_worker *w);

#endif

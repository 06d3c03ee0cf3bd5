/* digest.h: the mail that gathers (issue 16): each day, one message with
 * the news of someone who chose a daily digest; each week, a Consulting
 * Teacher's summary of their caseload's dates. Each goes once per person
 * and period (the mail_round table, sql/017), however often the sweep runs
 * and on however many nodes. The words are the inbox's headlines and the
 * process table's (app/process.h): never notes, ratings or reasons. */
#ifndef PARLEY_DIGEST_H
#define PARLEY_DIGEST_H

#include "app/app.h"

/* One sweep: *digests and *summaries queued. The caller owns the
 * transaction; c acts as the operator. */
enum app_status mail_rounds_send(struct ctx *c, int *digests, int *summaries);

#endif

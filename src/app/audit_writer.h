/* audit_writer.h: audited reads written by group commit (issue 19, R37,
 * R38). A request that reads a confidential record has no transaction of
 * its own; instead of opening one for its one audit row (a write
 * transaction per page view, each waiting its turn for the database's
 * lock), it hands the row to the writer and waits. The writer takes every
 * row waiting, writes them in one transaction on a connection of its own,
 * in the order they came, and wakes their requests once it has committed:
 * a page is answered only after its read is in the log, so nothing
 * acknowledged is ever lost, and many reads share one commit. */
#ifndef PARLEY_APP_AUDIT_WRITER_H
#define PARLEY_APP_AUDIT_WRITER_H

#include "app/app.h"
#include "base/buf.h"

struct audit_writer;

/* Starts the writer on a connection of its own to db_url (never one of the
 * pool's: the requests waiting hold those). NULL, with why in err. */
struct audit_writer *audit_writer_start(const char *db_url, buf *err);
/* Writes what is still waiting, then stops. Call once no request runs. */
void audit_writer_stop(struct audit_writer *w);

/* Writes one audit row of c's request by the next group commit, and
 * returns once that commit is done (or failed: APP_BUSY, APP_ERROR). */
enum app_status audit_writer_append(struct audit_writer *w, struct ctx *c, const char *action,
                                    const char *kind, int64_t record_id, int64_t subject_id,
                                    const char *summary);

#endif

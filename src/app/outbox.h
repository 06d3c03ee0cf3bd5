/* outbox.h: the mail Parley sends (issue 16). A message is queued in the
 * same transaction as the event that causes it, so that an event
 * acknowledged is never without its mail and a failed request sends none;
 * the delivery worker (app/mail_worker.h) hands it to the relay later.
 * Messages say what happened and link to Parley: never notes, ratings,
 * reasons, nor anything of a peer-support case (evaluation records are
 * personnel records, 603 CMR 35.10; R33-R35). */
#ifndef PARLEY_OUTBOX_H
#define PARLEY_OUTBOX_H

#include "app/app.h"

enum mail_kind {
    MAIL_NOTICE,        /* what the inbox gets: at once, in the digest, or not */
    MAIL_REMINDER,      /* something due soon or overdue (app/reminders.h) */
    MAIL_DIGEST,        /* a day's notices in one */
    MAIL_SUMMARY,       /* a CT's week: their caseload's dates */
    MAIL_SECURITY,      /* a one-time link: always goes, whatever one chose */
    MAIL_INVITATION,    /* a meeting or a Panel session (text/calendar) */
    MAIL_CONFIRMATION,  /* an answer to what one sent (the contact form) */
    MAIL_KIND_COUNT
};

/* A kind's words for people ("Daily digest"), from its key ("digest"); an
 * unknown key as it is. */
const char *mail_kind_label(const char *key);

struct mail {
    enum mail_kind kind;
    int64_t person_id;          /* the receiver; 0: to_address alone */
    const char *to_address;     /* used when person_id is 0 */
    int64_t case_id;            /* 0: none */
    const char *subject;        /* plain words, no evaluation content */
    const char *text;           /* plain words; the HTML part is made from it */
    const char *link;           /* a path in Parley ("/cases/4"), made absolute; NULL: none */
    const char *calendar;       /* iCalendar text for a text/calendar part, or NULL */
    const char *calendar_method;/* "REQUEST" or "CANCEL" */
};

/* Queues the message in the caller's transaction, if the receiver's choice
 * allows it (security messages and confirmations always go). No
 * authorisation: called by use cases that authorised the step. */
enum app_status outbox_queue(struct ctx *c, const struct mail *m);

/* What each person may choose under My account. */
enum mail_choice { MAIL_NOW, MAIL_DAILY, MAIL_NONE, MAIL_CHOICE_COUNT };
const char *mail_choice_key(enum mail_choice m);
const char *mail_choice_label(enum mail_choice m);
bool mail_choice_parse(const char *key, enum mail_choice *out);
enum mail_choice mail_choice_of(struct ctx *c, int64_t person_id);
/* The asker's own choice. Audited. */
enum app_status mail_choice_set(struct ctx *c, enum mail_choice m);

/* The outbox page: the program's mail, newest first. */
struct outbox_item {
    int64_t id, created_at, sent_at, next_try_at;
    int tries;
    const char *kind, *to_address, *to_name, *subject, *state, *last_error;
    const char *text;           /* the text part; NULL for a one-time link's */
};
enum app_status outbox_list(struct ctx *c, const char *state, struct outbox_item **out, int *n,
                            int max);
int64_t outbox_failed_count(struct ctx *c);
/* Sends a failed message again from its first try. Audited. */
enum app_status outbox_retry(struct ctx *c, int64_t id);

#endif

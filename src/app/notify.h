/* notify.h: in-app notifications, one inbox per person. Each step of a
 * case tells the people it concerns (workflow.h's notify lists); e-mail
 * comes later and will read the same rows. */
#ifndef PARLEY_NOTIFY_H
#define PARLEY_NOTIFY_H

#include "app/app.h"

struct notification {
    int64_t id, case_id, at, read_at;
    const char *message, *headline, *link;
    const char *teacher_name; /* the case's teacher ("" without a case) */
    bool mine;                /* the case is the asker's own */
};

/* Adds a message to a person's inbox (no authorisation: called by use
 * cases that have authorised the step that causes it), and mails them its
 * headline at once or in their digest, as they chose (app/outbox.h).
 * case_id 0: the news is about no PA/PAR case. headline: what happened in
 * words fit for e-mail, without the message's notes, ratings or reasons;
 * NULL when the message is such words already. */
enum app_status notify_person(struct ctx *c, int64_t person_id, int64_t case_id,
                              const char *message, const char *headline, const char *link);
/* The same, with its own e-mail in place of the notice: m (to the person,
 * whatever m->person_id says), which goes whatever they chose when its
 * kind always does (app/outbox.h; R8: a request sent in their name). */
struct mail;
enum app_status notify_person_mailed(struct ctx *c, int64_t person_id, const char *message,
                                     const struct mail *m);
/* The same for a reminder of something due (app/reminders.h). */
enum app_status notify_reminder(struct ctx *c, int64_t person_id, int64_t case_id,
                                const char *words, const char *link);
/* The asker's own inbox, newest first; and how many are unread. */
enum app_status notify_inbox(struct ctx *c, struct notification **out, int *n, int max);
int64_t notify_unread(struct ctx *c);
/* Marks every message in the asker's inbox read. */
enum app_status notify_mark_read(struct ctx *c);

#endif

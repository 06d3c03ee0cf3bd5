/* agenda.h: each person's dated things: the meetings they take part in
 * (initial meetings, agreement reviews, parley meetings), the Panel's
 * sessions they sit at, the coaching visits of a Consulting Teacher, and
 * the deadlines of their own tasks (the process table's, app/process.h).
 * The week view, the calendar feed and the API read it. Each item is the
 * asker's to see: the policy table decides each case's meetings (R16). */
#ifndef PARLEY_AGENDA_H
#define PARLEY_AGENDA_H

#include "app/meetings.h"
#include "app/panel.h"

struct agenda_item {
    char date[11];
    const char *time;                /* "15:30"; "" for a whole day (a deadline) */
    int minutes;
    const char *what, *place;
    const char *description;         /* a sentence for a calendar; NULL: none */
    int64_t case_id;                 /* 0: not a case's (a Panel session) */
    const char *teacher_name, *link;
    /* as a calendar event */
    const char *uid, *organizer_name, *organizer_email;
    int sequence;
    int64_t updated_at;
    bool cancelled;
};
/* Each kind of meeting as one calendar event, the same in the agenda, the
 * feeds and the invitations (app/invitation.h): its time, place, words,
 * UID and SEQUENCE, and whether it is cancelled. */
void agenda_initial_meeting(struct ctx *c, const struct case_record *k, struct agenda_item *it);
void agenda_agreement_review(struct ctx *c, const struct case_record *k, struct agenda_item *it);
void agenda_parley_meeting(struct ctx *c, const struct case_record *k, const struct meeting *m,
                           struct agenda_item *it);
void agenda_panel_session(struct ctx *c, const struct panel_session *s, struct agenda_item *it);
/* From `from` to `to` (YYYY-MM-DD, both included), by date and time;
 * visits: with a Consulting Teacher's coaching visits. */
enum app_status agenda_mine(struct ctx *c, const char *from, const char *to, bool visits,
                            struct agenda_item **out, int *n);
/* The Monday of the week a date falls in (false: not a date). */
bool week_monday(const char *date, char out[11]);

#endif

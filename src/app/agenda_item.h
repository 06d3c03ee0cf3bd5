/* agenda_item.h: one dated thing of a person's agenda, as the agenda, the
 * calendar feeds and the invitations all show it. */
#ifndef PARLEY_APP_AGENDA_ITEM_H
#define PARLEY_APP_AGENDA_ITEM_H

#include "app/meetings.h"
#include "app/panel.h"
#include "out/ical.h"

struct agenda_item {
    char date[11];
    const char *time; /* "15:30"; "" for a whole day (a deadline) */
    int minutes;
    const char *what, *place;
    const char *description; /* a sentence for a calendar; NULL: none */
    int64_t case_id;         /* 0: not a case's (a Panel session) */
    const char *teacher_name, *link;
    /* as a calendar event */
    const char *uid, *organizer_name, *organizer_email;
    int sequence;
    int64_t updated_at;
    bool cancelled;
};
/* An item on date ("YYYY-MM-DD", or "YYYY-MM-DD HH:MM" with its time),
 * lasting minutes; an empty date is in no range. */
void agenda_item_on(struct ctx *c, struct agenda_item *it, const char *date, int minutes);
/* The item is the case's: its teacher, its page's path (link), its CT the
 * organizer. */
void agenda_item_of_case(struct agenda_item *it, struct ctx *c, const struct case_record *k,
                         const char *path);
/* Each kind of meeting as one calendar event, the same in the agenda, the
 * feeds and the invitations (app/invitation.h): its time, place, words,
 * UID and SEQUENCE, and whether it is cancelled. */
void agenda_initial_meeting(struct ctx *c, const struct case_record *k, struct agenda_item *it);
void agenda_agreement_review(struct ctx *c, const struct case_record *k, struct agenda_item *it);
void agenda_parley_meeting(struct ctx *c, const struct case_record *k, const struct meeting *m,
                           struct agenda_item *it);
void agenda_panel_session(struct ctx *c, const struct panel_session *s, struct agenda_item *it);
/* An agenda item as a calendar event, its local time in UTC and DTSTAMP
 * now (false: its stored time is not one, which what is stored never is). */
bool calendar_event(struct ctx *c, const struct agenda_item *it, struct ical_event *out);

#endif

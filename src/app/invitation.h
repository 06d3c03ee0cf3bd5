/* invitation.h: calendar invitations (RFC 5546, iTIP) to the meetings
 * people are asked to come to, as the process says who comes:
 *
 *   a case's initial meeting (R10): the teacher and the Consulting Teacher;
 *   its PAR Agreement review (R11): the teacher and the union representative;
 *   its parley meetings (R17): the teacher, the Consulting Teacher and the
 *     administrators of the teacher's school, each only if the policy table
 *     lets them see the case's meetings (R16: never on a PA case);
 *   a Panel session (R24, R29): the members whose term covers its day.
 *
 * An invitation is a REQUEST while the event stands (sent again, its
 * SEQUENCE greater, when its time or place changes) and a CANCEL once it
 * is cancelled, or to someone no longer invited. It carries the event's
 * time, place and people, never notes or ratings (603 CMR 35.10). The
 * organizer is the case's Consulting Teacher (the Panel's sessions: the
 * coordinator who arranged them). */
#ifndef PARLEY_INVITATION_H
#define PARLEY_INVITATION_H

#include "app/agenda_item.h"
#include "out/ical.h"

enum invitation_kind {
    INVITE_INITIAL_MEETING,
    INVITE_AGREEMENT_REVIEW,
    INVITE_PARLEY_MEETING,
    INVITE_PANEL_SESSION,
};

/* Which event: case_id for a case's (and the meeting's id for a parley
 * meeting); id, the session's, for a Panel session. */
struct invitation_event {
    enum invitation_kind kind;
    int64_t case_id, id;
};

struct invitee {
    int64_t person_id;
    const char *name, *email;
};

struct invitation {
    struct agenda_item event;
    enum ical_method method;         /* ICAL_REQUEST or ICAL_CANCEL */
    const char *text;                /* the iCalendar file */
    const char *subject;             /* "Invitation: Initial meeting: ..., Tue 12 Jan 15:30" */
    struct invitee *people;          /* who is invited (a CANCEL: who was) */
    int npeople;
};

/* The event's invitation as it stands now; APP_NOT_FOUND when it was
 * never scheduled. No authorisation: for the use cases that schedule,
 * move and cancel the events, once they have authorised the step. */
enum app_status invitation_get(struct ctx *c, const struct invitation_event *e,
                               struct invitation *out);

/* Queues, in the caller's transaction, the event's invitation by e-mail
 * (app/outbox.h) to each person invited now, the asker too (it is for
 * their own calendar), and a CANCEL to each person of before (the
 * invitation as it was before the change; NULL: there was none) no longer
 * invited. */
enum app_status invitation_send(struct ctx *c, const struct invitation_event *e,
                                const struct invitation *before);
/* The invitation before a step changes the event: APP_OK with *had false
 * when it was never scheduled. */
enum app_status invitation_before(struct ctx *c, const struct invitation_event *e,
                                  struct invitation *out, bool *had);

#endif

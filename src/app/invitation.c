/* invitation.c: who is invited to each kind of meeting, and the
 * invitation's text, written by out/ical.c from the same calendar event as
 * the agenda and the feeds show (app/agenda_item.h). */
#include "app/invitation.h"

#include <inttypes.h>
#include <string.h>

#include "app/outbox.h"
#include "app/people.h"
#include "base/clock.h"

#define REL(who) POLICY_REL(who)
#define INVITED_MAX 64
#define PRODID "-//Parley//Parley invitations//EN"

/* The person's name and address, if they are active and have one. */
static bool person_of(struct ctx *c, int64_t person_id, struct invitee *out)
{
    db_stmt *st = db_query(c->db,
                           "SELECT name, email FROM person WHERE id = ? AND program_id = ? AND "
                           "active = 1 AND email <> ''",
                           "ii", person_id, c->who.program_id);
    bool found = st && db_step(st) == DB_ROW;
    if (found)
        *out = (struct invitee){person_id, db_text_copy(st, 0, c->a), db_text_copy(st, 1, c->a)};
    if (st)
        db_done(st);
    return found;
}

/* Adds the person, once. */
static void invite(struct ctx *c, struct invitation *inv, int64_t person_id)
{
    for (int i = 0; i < inv->npeople; i++)
        if (inv->people[i].person_id == person_id)
            return;
    if (inv->npeople < INVITED_MAX && person_of(c, person_id, &inv->people[inv->npeople]))
        inv->npeople++;
}

/* R16: whether the person may see this kind of record on the case, as the
 * policy table answers them (never a PA case's meetings for its
 * administrator). */
static bool sees(struct ctx *c, int64_t person_id, int64_t case_id, enum record_kind kind)
{
    struct actor asker = c->who;
    c->who = (struct actor){.person_id = person_id, .program_id = asker.program_id,
                            .roles = person_roles(c, person_id)};
    struct case_record k;
    bool yes = case_load(c, case_id, &k) == APP_OK &&
               app_authorize(c, ACT_VIEW, kind, CASE_POLICY(&k)) == APP_OK;
    c->who = asker;
    return yes;
}

/* The case's people in these relations (WHO_END-ended) who may see it. */
static void invite_case_people(struct ctx *c, struct invitation *inv, const struct case_record *k,
                               const int *who, enum record_kind kind)
{
    for (int w = 0; who[w] != WHO_END; w++) {
        int64_t ids[INVITED_MAX];
        int n = case_people(c, k, who[w], ids, INVITED_MAX);
        for (int i = 0; i < n; i++)
            if (sees(c, ids[i], k->id, kind))
                invite(c, inv, ids[i]);
    }
}

/* R10, R11, R17: a case's meeting and its people. */
static enum app_status case_event(struct ctx *c, const struct invitation_event *e,
                                  struct invitation *inv)
{
    static const int initial[] = {WHO_CASE_TEACHER, WHO_CASE_CT, WHO_END};
    static const int review[] = {WHO_CASE_TEACHER, WHO_CASE_UNION_REP, WHO_END};
    static const int parley[] = {WHO_CASE_TEACHER, WHO_CASE_CT, WHO_CASE_ADMINISTRATOR, WHO_END};
    struct case_record k;
    enum app_status s = case_load(c, e->case_id, &k);
    if (s != APP_OK)
        return s;
    if (e->kind == INVITE_INITIAL_MEETING) {
        if (!*k.meeting_at)
            return APP_NOT_FOUND;
        agenda_initial_meeting(c, &k, &inv->event);
        invite_case_people(c, inv, &k, initial, KIND_CASE);
    } else if (e->kind == INVITE_AGREEMENT_REVIEW) {
        if (!*k.review_at)
            return APP_NOT_FOUND;
        agenda_agreement_review(c, &k, &inv->event);
        invite_case_people(c, inv, &k, review, KIND_CASE);
    } else {
        struct meeting *ms;
        int n = 0, i = 0;
        if ((s = case_meetings(c, k.id, &ms, &n)) != APP_OK)
            return s;
        while (i < n && ms[i].id != e->id)
            i++;
        if (i == n)
            return APP_NOT_FOUND;
        agenda_parley_meeting(c, &k, &ms[i], &inv->event);
        invite_case_people(c, inv, &k, parley, KIND_MEETING);
    }
    return APP_OK;
}

/* R29: a session's members are those whose term covers its day. */
static enum app_status panel_event(struct ctx *c, int64_t id, struct invitation *inv)
{
    struct panel_session s;
    struct panel_member *ms;
    int n = 0;
    enum app_status st = panel_session_load(c, id, &s);
    if (st != APP_OK || (st = panel_members_on(c, &s, &ms, &n)) != APP_OK)
        return st;
    agenda_panel_session(c, &s, &inv->event);
    for (int i = 0; i < n; i++)
        if (ms[i].sitting)
            invite(c, inv, ms[i].person_id);
    return APP_OK;
}

/* "Invitation: Initial meeting: Ann Lee, Tue 12 Jan 2027 15:30". */
static const char *subject(struct ctx *c, const struct agenda_item *e, enum ical_method method)
{
    const char *day = clock_day_words(c->a, e->date);
    return arena_printf(c->a, "%s: %s, %s %s",
                        method == ICAL_CANCEL ? "Cancelled"
                        : e->sequence         ? "Updated invitation"
                                              : "Invitation",
                        e->what, day ? day : e->date, e->time);
}

/* The event as an iTIP message (method) naming these people. */
static const char *itip(struct ctx *c, const struct agenda_item *e, enum ical_method method,
                        const struct invitee *people, int n)
{
    struct ical_event ev;
    if (!calendar_event(c, e, &ev))
        return NULL;
    struct ical_person *attendees = arena_alloc(c->a, sizeof *attendees * (size_t)(n + 1));
    for (int i = 0; i < n; i++)
        attendees[i] = (struct ical_person){people[i].name, people[i].email};
    ev.attendees = attendees;
    ev.nattendees = n;
    buf b;
    buf_init(&b, c->a);
    ical_write(&b, &(struct ical_calendar){method, PRODID, NULL}, &ev, 1);
    return buf_cstr(&b);
}

enum app_status invitation_get(struct ctx *c, const struct invitation_event *e,
                               struct invitation *out)
{
    memset(out, 0, sizeof *out);
    out->people = arena_alloc(c->a, sizeof *out->people * INVITED_MAX);
    enum app_status s = e->kind == INVITE_PANEL_SESSION ? panel_event(c, e->id, out)
                                                        : case_event(c, e, out);
    if (s != APP_OK)
        return s;
    out->method = out->event.cancelled ? ICAL_CANCEL : ICAL_REQUEST;
    out->text = itip(c, &out->event, out->method, out->people, out->npeople);
    out->subject = subject(c, &out->event, out->method);
    return out->text ? APP_OK : APP_ERROR;
}

/* --- sending --- */

/* The mail's words: what, when, where, and the event's own sentence. */
static const char *mail_text(struct ctx *c, const struct agenda_item *e, enum ical_method method)
{
    const char *day = clock_day_words(c->a, e->date);
    return arena_printf(c->a, "%s%s\n\nWhen: %s at %s (%d minutes)\nWhere: %s%s%s\n\n%s",
                        method == ICAL_CANCEL ? "Cancelled: " : "", e->what, day ? day : e->date,
                        e->time, e->minutes, e->place, e->description ? "\n\n" : "",
                        e->description ? e->description : "",
                        method == ICAL_CANCEL
                            ? "Your calendar app can take it off your calendar from the "
                              "attached invitation."
                            : "Your calendar app can add it to your calendar from the attached "
                              "invitation; a change or a cancellation comes the same way.");
}

static enum app_status queue(struct ctx *c, const struct invitation_event *e,
                             const struct agenda_item *ev, enum ical_method method,
                             const char *text, const struct invitee *p)
{
    return outbox_queue(c, &(struct mail){
                               .kind = MAIL_INVITATION, .person_id = p->person_id,
                               .case_id = e->kind == INVITE_PANEL_SESSION ? 0 : e->case_id,
                               .subject = subject(c, ev, method),
                               .text = mail_text(c, ev, method), .link = ev->link,
                               .calendar = text,
                               .calendar_method = method == ICAL_CANCEL ? "CANCEL" : "REQUEST"});
}

static bool among(const struct invitee *people, int n, int64_t person_id)
{
    for (int i = 0; i < n; i++)
        if (people[i].person_id == person_id)
            return true;
    return false;
}

enum app_status invitation_send(struct ctx *c, const struct invitation_event *e,
                                const struct invitation *before)
{
    struct invitation now;
    enum app_status s = invitation_get(c, e, &now);
    for (int i = 0; s == APP_OK && i < now.npeople; i++)
        s = queue(c, e, &now.event, now.method, now.text, &now.people[i]);
    /* RFC 5546 3.2.5: someone no longer invited gets a CANCEL naming them. */
    for (int i = 0; s == APP_OK && before && i < before->npeople; i++) {
        const struct invitee *p = &before->people[i];
        if (among(now.people, now.npeople, p->person_id))
            continue;
        const char *text = itip(c, &now.event, ICAL_CANCEL, p, 1);
        s = text ? queue(c, e, &now.event, ICAL_CANCEL, text, p) : APP_ERROR;
    }
    return s;
}

enum app_status invitation_before(struct ctx *c, const struct invitation_event *e,
                                  struct invitation *out, bool *had)
{
    enum app_status s = invitation_get(c, e, out);
    *had = s == APP_OK;
    return s == APP_NOT_FOUND ? APP_OK : s;
}

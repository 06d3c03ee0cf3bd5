/* meetings_write.c: the parley meetings' steps (R17): scheduling,
 * rescheduling, cancelling, recording one held. casework_open() asks the
 * policy table; casework_record() puts each change on the timeline and,
 * when the meeting moves, tells the people of the case (on a PA case the
 * teacher and the CT only: R16); the invitations follow (app/invitation.h). */
#include <inttypes.h>
#include <string.h>

#include "app/casework.h"
#include "app/invitation.h"
#include "app/meetings.h"
#include "base/secret.h"

/* --- checking --- */

struct checked {
    enum meeting_phase phase;
    const char *at, *place;
    int minutes;
};

/* R17: one start, one middle and one end meeting (cancelled ones aside);
 * any number of additional ones. */
static void phase_free(struct ctx *c, int64_t case_id, int64_t self, enum meeting_phase p,
                       struct errors *errs)
{
    int64_t taken = 0;
    if (p == PHASE_EXTRA)
        return;
    db_int_query(c->db, &taken,
                 "SELECT COUNT(*) FROM meeting WHERE case_id = ? AND phase = ? AND id <> ? AND "
                 "status <> ?",
                 "isis", case_id, meeting_phase_key(p), self,
                 meeting_status_key(MEETING_CANCELLED));
    if (taken)
        errors_add(errs, "phase",
                   arena_printf(c->a,
                                "This case already has its %s meeting: "
                                "reschedule that one, or choose an "
                                "additional meeting.",
                                meeting_phase_key(p)));
}

static bool meeting_check(struct ctx *c, int64_t case_id, int64_t self,
                          const struct meeting_input *in, struct checked *out, struct errors *errs)
{
    if (!meeting_phase_parse(in->phase, &out->phase))
        errors_add(errs, "phase",
                   "Choose the start, middle or end meeting, or an additional "
                   "one.");
    else
        phase_free(c, case_id, self, out->phase, errs);
    if (!(out->at = casework_time(c->a, in->at)))
        errors_add(errs, "at", "Give the date and time as YYYY-MM-DD HH:MM.");
    out->minutes = casework_number(errs, "minutes", in->minutes ? in->minutes : "60", 15, 480);
    out->place = casework_text(errs, "place", in->place, 200, true);
    return errs->n == 0;
}

/* "Parley meeting" in PAR (R17); a PA case's are the teacher's and the CT's. */
static const char *meeting_noun(const struct case_record *k)
{
    return k->track == TRACK_PAR ? "Parley meeting" : "Meeting";
}

static const char *moved_summary(struct ctx *c, const struct case_record *k, const char *what,
                                 const struct checked *m)
{
    return arena_printf(c->a, "%s %s: %s, %s (%d minutes) at %s", meeting_noun(k), what,
                        meeting_phase_label(m->phase), m->at, m->minutes, m->place);
}

/* --- writing --- */

/* A parley meeting's invitations (app/invitation.h) follow it. */
#define INVITATION_OF(case_id, id)                                                                 \
    ((struct invitation_event){INVITE_PARLEY_MEETING, (case_id), (id)})

enum app_status meeting_schedule(struct ctx *c, int64_t case_id, const struct meeting_input *in,
                                 int64_t *id, struct errors *errs, const char **refusal)
{
    struct case_record k;
    struct checked m;
    enum app_status s = casework_open(c, case_id, ACT_CREATE, KIND_MEETING, &k, refusal);
    if (s != APP_OK)
        return s;
    if (!meeting_check(c, case_id, 0, in, &m, errs))
        return APP_INVALID;
    int64_t now = app_now(c);
    /* RFC 5545's UID: unique for good, the same through every change. */
    const char *uid = arena_printf(c->a, "%s@parley", secret_token(c->a, 16));
    int rc = db_int_query(c->db, id,
                          "INSERT INTO meeting (case_id, phase, starts_at, minutes, place, uid, "
                          "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                          "RETURNING id",
                          "issdssiii", case_id, meeting_phase_key(m.phase), m.at, m.minutes,
                          m.place, uid, c->who.person_id, now, now);
    if (rc != DB_OK)
        return app_db_status(rc);
    s = casework_record(c, &k, KIND_MEETING, *id, "scheduled",
                        moved_summary(c, &k, "scheduled", &m), true);
    return s == APP_OK ? invitation_send(c, &INVITATION_OF(case_id, *id), NULL) : s;
}

/* Loads the meeting to change: the version it was based on, and its
 * status (only a meeting still to come moves; held_ok: or one held). */
static enum app_status meeting_for_change(struct ctx *c, int64_t case_id, int64_t id,
                                          const char *version, bool held_ok, struct case_record *k,
                                          struct meeting *m, const char **refusal)
{
    enum app_status s = meeting_get(c, case_id, id, ACT_EDIT, k, m, refusal);
    if (s != APP_OK)
        return s;
    if (version && *version && strcmp(version, arena_printf(c->a, "%" PRId64, m->version)))
        return APP_CONFLICT;
    if (m->status == MEETING_CANCELLED) {
        *refusal = "This meeting was cancelled: schedule a new one instead.";
        return APP_CONFLICT;
    }
    if (m->status == MEETING_HELD && !held_ok) {
        *refusal = "This meeting was held: it is on the record as it happened. Schedule a new "
                   "one instead.";
        return APP_CONFLICT;
    }
    return APP_OK;
}

enum app_status meeting_reschedule(struct ctx *c, int64_t case_id, int64_t id, const char *version,
                                   const struct meeting_input *in, struct errors *errs,
                                   const char **refusal)
{
    struct case_record k;
    struct meeting old;
    enum app_status s = meeting_for_change(c, case_id, id, version, false, &k, &old, refusal);
    if (s != APP_OK)
        return s;
    struct meeting_input merged = {in->phase ? in->phase : meeting_phase_key(old.phase),
                                   in->at ? in->at : old.starts_at,
                                   in->minutes ? in->minutes
                                               : arena_printf(c->a, "%d", old.minutes),
                                   in->place ? in->place : old.place,
                                   NULL,
                                   NULL};
    struct checked m;
    if (!meeting_check(c, case_id, id, &merged, &m, errs))
        return APP_INVALID;
    /* SEQUENCE goes up so that calendars take the new time (RFC 5545). */
    s = app_changed_one(c, db_exec(c->db,
                                   "UPDATE meeting SET phase = ?, starts_at = ?, minutes = ?, "
                                   "place = ?, sequence = sequence + 1, updated_at = ?, "
                                   "version = version + 1 WHERE id = ? AND version = ?",
                                   "ssdsiii", meeting_phase_key(m.phase), m.at, m.minutes, m.place,
                                   app_now(c), id, old.version));
    if (s == APP_OK)
        s = casework_record(c, &k, KIND_MEETING, id, "rescheduled",
                            moved_summary(c, &k, "rescheduled", &m), true);
    return s == APP_OK ? invitation_send(c, &INVITATION_OF(case_id, id), NULL) : s;
}

/* Marks the meeting cancelled; SEQUENCE goes up so that calendars drop it
 * (RFC 5545). version: the one it was read at, or 0 for the one it has. */
static int cancelled_write(struct ctx *c, int64_t id, int64_t version)
{
    return db_exec(c->db,
                   "UPDATE meeting SET status = ?, sequence = sequence + 1, updated_at = ?, "
                   "version = version + 1 WHERE id = ? AND (? = 0 OR version = ?)",
                   "siiii", meeting_status_key(MEETING_CANCELLED), app_now(c), id, version,
                   version);
}

enum app_status meeting_cancel(struct ctx *c, int64_t case_id, int64_t id, const char *version,
                               const char **refusal)
{
    struct case_record k;
    struct meeting old;
    enum app_status s = meeting_for_change(c, case_id, id, version, false, &k, &old, refusal);
    if (s != APP_OK)
        return s;
    s = app_changed_one(c, cancelled_write(c, id, old.version));
    if (s != APP_OK)
        return s;
    struct checked m = {old.phase, old.starts_at, old.place, old.minutes};
    s = casework_record(c, &k, KIND_MEETING, id, "cancelled", moved_summary(c, &k, "cancelled", &m),
                        true);
    return s == APP_OK ? invitation_send(c, &INVITATION_OF(case_id, id), NULL) : s;
}

enum app_status meetings_case_withdrawn(struct ctx *c, const struct case_record *k)
{
    struct meeting *ms;
    int n = 0;
    enum app_status s = case_meetings(c, k->id, &ms, &n);
    for (int i = 0; s == APP_OK && i < n; i++) {
        if (ms[i].status != MEETING_SCHEDULED)
            continue;
        s = app_db_status(cancelled_write(c, ms[i].id, 0));
        if (s == APP_OK)
            s = invitation_send(c, &INVITATION_OF(k->id, ms[i].id), NULL);
    }
    return s;
}

static unsigned attended_check(struct ctx *c, const struct case_record *k, const char *text,
                               struct errors *errs)
{
    unsigned bits;
    if (!meeting_attended_parse(c->a, text, &bits))
        errors_add(errs, "attended",
                   "Tick who attended: the teacher, the Consulting Teacher, "
                   "the administrator.");
    else if (!(bits & ATTENDED_TEACHER))
        errors_add(errs, "attended",
                   "R17: a parley meeting is held with the teacher. If the "
                   "teacher could not come, reschedule the meeting.");
    else if ((bits & ATTENDED_ADMINISTRATOR) && k->track != TRACK_PAR)
        errors_add(errs, "attended",
                   "R16: on a PA case the administrator takes no part in the "
                   "meetings; they are the teacher's and the Consulting "
                   "Teacher's.");
    return bits;
}

enum app_status meeting_hold(struct ctx *c, int64_t case_id, int64_t id, const char *version,
                             const struct meeting_input *in, struct errors *errs,
                             const char **refusal)
{
    struct case_record k;
    struct meeting m;
    enum app_status s = meeting_for_change(c, case_id, id, version, true, &k, &m, refusal);
    if (s != APP_OK)
        return s;
    const char *today = app_today(c);
    if (strncmp(m.starts_at, today, 10) > 0) {
        *refusal = arena_printf(c->a,
                                "This meeting is on %.10s: record it as held once it has "
                                "taken place, or reschedule it to the day it was held.",
                                m.starts_at);
        return APP_CONFLICT;
    }
    unsigned bits = attended_check(c, &k, in->attended, errs);
    const char *notes = casework_text(errs, "notes", in->notes, 20000, false);
    if (errs->n)
        return APP_INVALID;
    int64_t now = app_now(c);
    s = app_changed_one(c, db_exec(c->db,
                                   "UPDATE meeting SET status = ?, attended = ?, notes = ?, "
                                   "held_at = ?, updated_at = ?, version = version + 1 "
                                   "WHERE id = ? AND version = ?",
                                   "sssiiii", meeting_status_key(MEETING_HELD),
                                   meeting_attended_text(c->a, bits), notes,
                                   m.held_at ? m.held_at : now, now, id, m.version));
    if (s != APP_OK)
        return s;
    return casework_record(c, &k, KIND_MEETING, id, "held",
                           arena_printf(c->a, "%s held: %s, %s; attended by %s", meeting_noun(&k),
                                        meeting_phase_label(m.phase), m.starts_at,
                                        meeting_attended_words(c, bits)),
                           false);
}

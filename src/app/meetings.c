/* meetings.c: the parley meetings' use cases (R17). casework_open() asks
 * the policy table and audits reads; casework_record() puts each change on
 * the timeline and, when the meeting moves, tells the people of the case
 * (on a PA case the teacher and the CT only: R16). The windows are
 * domain/cycle.c's. */
#include "app/meetings.h"

#include <inttypes.h>
#include <string.h>

#include "app/casework.h"
#include "app/invitation.h"
#include "base/clock.h"
#include "base/secret.h"

static const char *const status_keys[MEETING_STATUS_COUNT] = {"scheduled", "held", "cancelled"};
static const char *const status_labels[MEETING_STATUS_COUNT] = {"Scheduled", "Held",
                                                                "Cancelled"};

const char *meeting_status_key(enum meeting_status s)
{
    return s < MEETING_STATUS_COUNT ? status_keys[s] : "";
}

const char *meeting_status_label(enum meeting_status s)
{
    return s < MEETING_STATUS_COUNT ? status_labels[s] : "";
}

static enum meeting_status status_parse(const char *key)
{
    for (int s = 0; s < MEETING_STATUS_COUNT; s++)
        if (strcmp(key, status_keys[s]) == 0)
            return (enum meeting_status)s;
    return MEETING_SCHEDULED;
}

/* --- who attended: "teacher,ct,administrator" --- */

static const struct {
    const char *key;
    unsigned bit;
} attendees[] = {{"teacher", ATTENDED_TEACHER}, {"ct", ATTENDED_CT},
                 {"administrator", ATTENDED_ADMINISTRATOR}};
#define NATTENDEES ((int)(sizeof attendees / sizeof *attendees))

/* false on a key that is none of them. */
static bool attended_parse(arena *a, const char *text, unsigned *out)
{
    *out = 0;
    char *copy = arena_strdup(a, text ? text : ""), *save = NULL;
    for (char *tok = strtok_r(copy, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
        int i = 0;
        while (i < NATTENDEES && strcmp(tok, attendees[i].key) != 0)
            i++;
        if (i == NATTENDEES)
            return false;
        *out |= attendees[i].bit;
    }
    return true;
}

static const char *attended_text(arena *a, unsigned bits)
{
    buf b;
    buf_init(&b, a);
    for (int i = 0; i < NATTENDEES; i++)
        if (bits & attendees[i].bit)
            buf_printf(&b, "%s%s", b.len ? "," : "", attendees[i].key);
    return buf_cstr(&b);
}

/* --- reading --- */

#define MEETING_COLUMNS                                                                      \
    "SELECT id, case_id, phase, starts_at, minutes, place, status, attended, notes, "        \
    "held_at, uid, sequence, created_at, updated_at, version FROM meeting "

static void meeting_from_row(struct ctx *c, db_stmt *st, struct meeting *m)
{
    memset(m, 0, sizeof *m);
    m->id = db_int(st, 0);
    m->case_id = db_int(st, 1);
    if (!meeting_phase_parse(db_text(st, 2), &m->phase))
        m->phase = PHASE_EXTRA;
    m->starts_at = db_text_copy(st, 3, c->a);
    m->minutes = (int)db_int(st, 4);
    m->place = db_text_copy(st, 5, c->a);
    m->status = status_parse(db_text(st, 6));
    attended_parse(c->a, db_text(st, 7), &m->attended);
    m->notes = db_text_copy(st, 8, c->a);
    m->held_at = db_int(st, 9);
    m->uid = db_text_copy(st, 10, c->a);
    m->sequence = (int)db_int(st, 11);
    m->created_at = db_int(st, 12);
    m->updated_at = db_int(st, 13);
    m->version = db_int(st, 14);
}

enum app_status case_meetings(struct ctx *c, int64_t case_id, struct meeting **out,
                                     int *n)
{
    int64_t total = 0;
    if (db_int_query(c->db, &total, "SELECT COUNT(*) FROM meeting WHERE case_id = ?", "i",
                     case_id) != DB_OK)
        return APP_ERROR;
    db_stmt *st = db_query(c->db, MEETING_COLUMNS "WHERE case_id = ? ORDER BY starts_at, id", "i",
                           case_id);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)(total + 1));
    *n = 0;
    while (db_step(st) == DB_ROW && *n <= total)
        meeting_from_row(c, st, &(*out)[(*n)++]);
    db_done(st);
    return APP_OK;
}

/* R17: held, with everyone who must take part present. */
static bool meeting_done(const struct case_record *k, const struct meeting *m)
{
    return m->status == MEETING_HELD && meeting_counts(k->track == TRACK_PAR, m->attended);
}

/* R17: each window with its meeting (held, else scheduled), and whether it
 * is overdue: nothing held and today past its last day. */
static void windows_fill(const struct case_record *k, struct meetings_view *v)
{
    v->has_windows = k->track == TRACK_PAR && *k->cycle_start && *k->cycle_end;
    for (int p = PHASE_START; v->has_windows && p <= PHASE_END; p++) {
        struct meeting_window *w = &v->windows[p];
        w->phase = (enum meeting_phase)p;
        if (!cycle_meeting_window(k->cycle_start, k->cycle_end, w->phase, &w->window)) {
            v->has_windows = false;
            return;
        }
        for (int i = 0; i < v->n; i++) {
            const struct meeting *m = &v->items[i];
            if (m->phase == w->phase && m->status != MEETING_CANCELLED &&
                (!w->meeting || m->status == MEETING_HELD))
                w->meeting = m;
        }
        bool held = w->meeting && meeting_done(k, w->meeting);
        w->overdue = !held && strcmp(v->today, w->window.to) > 0;
        clock_add_days(w->window.to, 1, w->overdue_since);
    }
}

static void view_fill(struct ctx *c, const struct case_record *k, struct meetings_view *v)
{
    v->today = clock_date(c->a, app_now(c));
    v->held = 0;
    for (int i = 0; i < v->n; i++)
        v->held += meeting_done(k, &v->items[i]);
    windows_fill(k, v);
}

enum app_status meetings_list(struct ctx *c, int64_t case_id, struct case_record *k,
                              struct meetings_view *v, const char **refusal)
{
    memset(v, 0, sizeof *v);
    enum app_status s = casework_open(c, case_id, ACT_VIEW, KIND_MEETING, k, refusal);
    if (s == APP_OK && (s = case_meetings(c, case_id, &v->items, &v->n)) == APP_OK)
        view_fill(c, k, v);
    return s;
}

static enum app_status meeting_load(struct ctx *c, int64_t case_id, int64_t id, struct meeting *m)
{
    db_stmt *st = db_query(c->db, MEETING_COLUMNS "WHERE id = ? AND case_id = ?", "ii", id,
                           case_id);
    if (!st)
        return APP_ERROR;
    enum app_status s = APP_NOT_FOUND;
    if (db_step(st) == DB_ROW) {
        meeting_from_row(c, st, m);
        s = APP_OK;
    }
    db_done(st);
    return s;
}

enum app_status meeting_get(struct ctx *c, int64_t case_id, int64_t id, enum action act,
                            struct case_record *k, struct meeting *out, const char **refusal)
{
    enum app_status s = casework_open(c, case_id, act, KIND_MEETING, k, refusal);
    return s == APP_OK ? meeting_load(c, case_id, id, out) : s;
}

enum app_status meetings_of_case(struct ctx *c, const struct case_record *k,
                                 struct meeting **out, int *n)
{
    enum app_status s = app_authorize(c, ACT_VIEW, KIND_MEETING, CASE_POLICY(k));
    return s == APP_OK ? case_meetings(c, k->id, out, n) : s;
}

enum app_status meetings_status(struct ctx *c, const struct case_record *k, int *held,
                                int *scheduled, struct meeting_due *due)
{
    struct meetings_view v = {0};
    enum app_status s = meetings_of_case(c, k, &v.items, &v.n);
    if (s != APP_OK)
        return s;
    view_fill(c, k, &v);
    *held = v.held;
    *scheduled = 0;
    for (int i = 0; i < v.n; i++)
        *scheduled += v.items[i].status == MEETING_SCHEDULED;
    memset(due, 0, sizeof *due);
    due->phase = PHASE_COUNT;
    for (int p = PHASE_START; v.has_windows && p <= PHASE_END; p++) {
        const struct meeting_window *w = &v.windows[p];
        if (w->meeting && meeting_done(k, w->meeting))
            continue;
        *due = (struct meeting_due){w->phase, w->window, w->overdue,
                                    w->meeting ? w->meeting->starts_at : NULL};
        break;
    }
    return APP_OK;
}

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
        errors_add(errs, "phase", arena_printf(c->a, "This case already has its %s meeting: "
                                                     "reschedule that one, or choose an "
                                                     "additional meeting.",
                                               meeting_phase_key(p)));
}

static bool meeting_check(struct ctx *c, int64_t case_id, int64_t self,
                          const struct meeting_input *in, struct checked *out,
                          struct errors *errs)
{
    if (!meeting_phase_parse(in->phase, &out->phase))
        errors_add(errs, "phase", "Choose the start, middle or end meeting, or an additional "
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
#define INVITATION_OF(case_id, id)                                                            \
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
                                          const char *version, bool held_ok,
                                          struct case_record *k, struct meeting *m,
                                          const char **refusal)
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

/* The write succeeded only if the version was still the one read. */
static enum app_status changed_one(struct ctx *c, int rc)
{
    if (rc != DB_OK)
        return app_db_status(rc);
    return db_changes(c->db) == 1 ? APP_OK : APP_CONFLICT;
}

enum app_status meeting_reschedule(struct ctx *c, int64_t case_id, int64_t id,
                                   const char *version, const struct meeting_input *in,
                                   struct errors *errs, const char **refusal)
{
    struct case_record k;
    struct meeting old;
    enum app_status s = meeting_for_change(c, case_id, id, version, false, &k, &old, refusal);
    if (s != APP_OK)
        return s;
    struct meeting_input merged = {
        in->phase ? in->phase : meeting_phase_key(old.phase), in->at ? in->at : old.starts_at,
        in->minutes ? in->minutes : arena_printf(c->a, "%d", old.minutes),
        in->place ? in->place : old.place, NULL, NULL};
    struct checked m;
    if (!meeting_check(c, case_id, id, &merged, &m, errs))
        return APP_INVALID;
    /* SEQUENCE goes up so that calendars take the new time (RFC 5545). */
    s = changed_one(c, db_exec(c->db,
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

enum app_status meeting_cancel(struct ctx *c, int64_t case_id, int64_t id, const char *version,
                               const char **refusal)
{
    struct case_record k;
    struct meeting old;
    enum app_status s = meeting_for_change(c, case_id, id, version, false, &k, &old, refusal);
    if (s != APP_OK)
        return s;
    s = changed_one(c, db_exec(c->db,
                               "UPDATE meeting SET status = ?, sequence = sequence + 1, "
                               "updated_at = ?, version = version + 1 WHERE id = ? AND "
                               "version = ?",
                               "siii", meeting_status_key(MEETING_CANCELLED), app_now(c), id,
                               old.version));
    if (s != APP_OK)
        return s;
    struct checked m = {old.phase, old.starts_at, old.place, old.minutes};
    s = casework_record(c, &k, KIND_MEETING, id, "cancelled",
                        moved_summary(c, &k, "cancelled", &m), true);
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
        s = app_db_status(db_exec(c->db,
                                  "UPDATE meeting SET status = ?, sequence = sequence + 1, "
                                  "updated_at = ?, version = version + 1 WHERE id = ?",
                                  "sii", meeting_status_key(MEETING_CANCELLED), app_now(c),
                                  ms[i].id));
        if (s == APP_OK)
            s = invitation_send(c, &INVITATION_OF(k->id, ms[i].id), NULL);
    }
    return s;
}

/* Who attended, in words: "the teacher, the CT and the administrator". */
static const char *attended_words(struct ctx *c, unsigned bits)
{
    static const char *const words[] = {"the teacher", "the Consulting Teacher",
                                        "the administrator"};
    const char *said[NATTENDEES];
    int n = 0;
    for (int i = 0; i < NATTENDEES; i++)
        if (bits & attendees[i].bit)
            said[n++] = words[i];
    buf b;
    buf_init(&b, c->a);
    for (int i = 0; i < n; i++)
        buf_printf(&b, "%s%s", i == 0 ? "" : i + 1 == n ? " and " : ", ", said[i]);
    return buf_cstr(&b);
}

static unsigned attended_check(struct ctx *c, const struct case_record *k, const char *text,
                               struct errors *errs)
{
    unsigned bits;
    if (!attended_parse(c->a, text, &bits))
        errors_add(errs, "attended", "Tick who attended: the teacher, the Consulting Teacher, "
                                     "the administrator.");
    else if (!(bits & ATTENDED_TEACHER))
        errors_add(errs, "attended", "R17: a parley meeting is held with the teacher. If the "
                                     "teacher could not come, reschedule the meeting.");
    else if ((bits & ATTENDED_ADMINISTRATOR) && k->track != TRACK_PAR)
        errors_add(errs, "attended", "R16: on a PA case the administrator takes no part in the "
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
    const char *today = clock_date(c->a, app_now(c));
    if (strncmp(m.starts_at, today, 10) > 0) {
        *refusal = arena_printf(c->a, "This meeting is on %.10s: record it as held once it has "
                                      "taken place, or reschedule it to the day it was held.",
                                m.starts_at);
        return APP_CONFLICT;
    }
    unsigned bits = attended_check(c, &k, in->attended, errs);
    const char *notes = casework_text(errs, "notes", in->notes, 20000, false);
    if (errs->n)
        return APP_INVALID;
    int64_t now = app_now(c);
    s = changed_one(c, db_exec(c->db,
                               "UPDATE meeting SET status = ?, attended = ?, notes = ?, "
                               "held_at = ?, updated_at = ?, version = version + 1 "
                               "WHERE id = ? AND version = ?",
                               "sssiiii", meeting_status_key(MEETING_HELD),
                               attended_text(c->a, bits), notes, m.held_at ? m.held_at : now,
                               now, id, m.version));
    if (s != APP_OK)
        return s;
    return casework_record(c, &k, KIND_MEETING, id, "held",
                           arena_printf(c->a, "%s held: %s, %s; attended by %s", meeting_noun(&k),
                                        meeting_phase_label(m.phase), m.starts_at,
                                        attended_words(c, bits)),
                           false);
}

/* --- the dashboard's week --- */

#define WEEK_WHERE                                                                           \
    "FROM meeting m JOIN teacher_case k ON k.id = m.case_id JOIN person t ON "               \
    "t.id = k.teacher_id WHERE k.ct_id = ? AND +k.program_id = ? AND m.status <> ? AND "     \
    "m.starts_at >= ? AND m.starts_at <= ? "

enum app_status meetings_week(struct ctx *c, int64_t person_id, const char *from, const char *to,
                              struct meeting_item **out, int *n)
{
    const char *cancelled = meeting_status_key(MEETING_CANCELLED);
    const char *until = arena_printf(c->a, "%s 23:59", to);   /* times sort as text */
    int64_t total = 0;
    if (db_int_query(c->db, &total, "SELECT COUNT(*) " WEEK_WHERE, "iisss", person_id,
                     c->who.program_id, cancelled, from, until) != DB_OK)
        return APP_ERROR;
    db_stmt *st = db_query(c->db,
                           "SELECT m.id, m.case_id, m.starts_at, m.place, t.name, m.phase, "
                           "m.status, m.minutes " WEEK_WHERE "ORDER BY m.starts_at, m.id",
                           "iisss", person_id, c->who.program_id, cancelled, from, until);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)(total + 1));
    *n = 0;
    while (db_step(st) == DB_ROW && *n <= total) {
        struct meeting_item *it = &(*out)[(*n)++];
        it->id = db_int(st, 0);
        it->case_id = db_int(st, 1);
        it->starts_at = db_text_copy(st, 2, c->a);
        it->place = db_text_copy(st, 3, c->a);
        it->teacher_name = db_text_copy(st, 4, c->a);
        if (!meeting_phase_parse(db_text(st, 5), &it->phase))
            it->phase = PHASE_EXTRA;
        it->status = status_parse(db_text(st, 6));
        it->minutes = (int)db_int(st, 7);
    }
    db_done(st);
    return APP_OK;
}

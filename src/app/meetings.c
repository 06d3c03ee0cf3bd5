/* meetings.c: the parley meetings as they stand (R17): their rows, who
 * attended, the case's list with its windows, one meeting, the week's.
 * casework_open() asks the policy table and audits reads. The windows are
 * domain/cycle.c's; the steps that change a meeting are meetings_write.c's. */
#include "app/meetings.h"

#include <string.h>

#include "app/casework.h"
#include "base/clock.h"

static const char *const status_keys[MEETING_STATUS_COUNT] = {"scheduled", "held", "cancelled"};
static const char *const status_labels[MEETING_STATUS_COUNT] = {"Scheduled", "Held", "Cancelled"};

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
} attendees[] = {
    {"teacher", ATTENDED_TEACHER}, {"ct", ATTENDED_CT}, {"administrator", ATTENDED_ADMINISTRATOR}};
#define NATTENDEES ((int)(sizeof attendees / sizeof *attendees))

/* false on a key that is none of them. */
bool meeting_attended_parse(arena *a, const char *text, unsigned *out)
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

const char *meeting_attended_text(arena *a, unsigned bits)
{
    buf b;
    buf_init(&b, a);
    for (int i = 0; i < NATTENDEES; i++)
        if (bits & attendees[i].bit)
            buf_printf(&b, "%s%s", b.len ? "," : "", attendees[i].key);
    return buf_cstr(&b);
}

/* Who attended, in words: "the teacher, the CT and the administrator". */
const char *meeting_attended_words(struct ctx *c, unsigned bits)
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

/* --- reading --- */

#define MEETING_COLUMNS                                                                            \
    "SELECT id, case_id, phase, starts_at, minutes, place, status, attended, notes, "              \
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
    meeting_attended_parse(c->a, db_text(st, 7), &m->attended);
    m->notes = db_text_copy(st, 8, c->a);
    m->held_at = db_int(st, 9);
    m->uid = db_text_copy(st, 10, c->a);
    m->sequence = (int)db_int(st, 11);
    m->created_at = db_int(st, 12);
    m->updated_at = db_int(st, 13);
    m->version = db_int(st, 14);
}

enum app_status meetings_of_cases(struct ctx *c, const char *ids, struct meeting **out, int *n)
{
    db_stmt *st = db_query(c->db,
                           arena_printf(c->a,
                                        MEETING_COLUMNS "WHERE case_id IN %s ORDER BY case_id, "
                                                        "starts_at, id",
                                        db_id_set(c->db)),
                           "s", ids);
    if (!st)
        return APP_ERROR;
    int cap = 8;
    *out = arena_alloc(c->a, sizeof **out * (size_t)cap);
    *n = 0;
    while (db_step(st) == DB_ROW) {
        if (*n == cap) {
            struct meeting *more = arena_alloc(c->a, sizeof *more * (size_t)cap * 2);
            memcpy(more, *out, sizeof *more * (size_t)*n);
            *out = more;
            cap *= 2;
        }
        meeting_from_row(c, st, &(*out)[(*n)++]);
    }
    db_done(st);
    return APP_OK;
}

enum app_status case_meetings(struct ctx *c, int64_t case_id, struct meeting **out, int *n)
{
    return meetings_of_cases(c, db_id_list(c->a, &case_id, 1), out, n);
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
    v->today = app_today(c);
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
    db_stmt *st =
        db_query(c->db, MEETING_COLUMNS "WHERE id = ? AND case_id = ?", "ii", id, case_id);
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

enum app_status meetings_of_case(struct ctx *c, const struct case_record *k, struct meeting **out,
                                 int *n)
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

/* --- the dashboard's week --- */

#define WEEK_WHERE                                                                                 \
    "FROM meeting m JOIN teacher_case k ON k.id = m.case_id JOIN person t ON "                     \
    "t.id = k.teacher_id WHERE k.ct_id = ? AND +k.program_id = ? AND m.status <> ? AND "           \
    "m.starts_at >= ? AND m.starts_at <= ? "

enum app_status meetings_week(struct ctx *c, int64_t person_id, const char *from, const char *to,
                              struct meeting_item **out, int *n)
{
    const char *cancelled = meeting_status_key(MEETING_CANCELLED);
    const char *until = arena_printf(c->a, "%s 23:59", to); /* times sort as text */
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

/* panel.c: the Panel's sessions as they stand (R24, R25, R29): loading
 * them, where a person stands on the Panel on a date, the members on a
 * session's day, and the overview. Their steps (scheduling, the docket,
 * attendance, closing) are panel_write.c's; what a session shows is
 * panel_view.c's; the deliberation, recusals and votes on one case are
 * panel_vote.c's, over panel_item.c. */
#include "app/panel.h"

#include <inttypes.h>
#include <string.h>

#include "app/panel_internal.h"

/* --- sessions --- */

#define SESSION_COLUMNS                                                                           \
    "SELECT s.id, s.held_on, s.starts_at, s.place, s.vote_rule, s.quorum, s.status, "           \
    "s.created_at, s.updated_at, s.version, s.sequence, COALESCE(a.name, ''), "                \
    "COALESCE(a.email, ''), "                                                                    \
    "(SELECT COUNT(*) FROM panel_docket d WHERE d.session_id = s.id), "                          \
    "(SELECT COUNT(*) FROM panel_attendance x WHERE x.session_id = s.id) FROM panel_session s "  \
    "LEFT JOIN person a ON a.id = s.arranged_by "

static void session_from_row(struct ctx *c, db_stmt *st, struct panel_session *s)
{
    memset(s, 0, sizeof *s);
    s->id = db_int(st, 0);
    s->held_on = db_text_copy(st, 1, c->a);
    s->starts_at = db_text_copy(st, 2, c->a);
    s->place = db_text_copy(st, 3, c->a);
    s->vote_rule = db_text_copy(st, 4, c->a);
    s->quorum = (int)db_int(st, 5);
    s->closed = strcmp(db_text(st, 6), "closed") == 0;
    s->created_at = db_int(st, 7);
    s->updated_at = db_int(st, 8);
    s->version = db_int(st, 9);
    s->sequence = (int)db_int(st, 10);
    s->arranged_by_name = db_text_copy(st, 11, c->a);
    s->arranged_by_email = db_text_copy(st, 12, c->a);
    s->ncases = (int)db_int(st, 13);
    s->npresent = (int)db_int(st, 14);
}

/* One session (id) or the program's (0), upcoming ones only if asked. */
static enum app_status sessions_query(struct ctx *c, int64_t id, bool upcoming,
                                      struct panel_session **out, int *n)
{
    const char *today = app_today(c);
    db_stmt *st = db_query(c->db,
                           SESSION_COLUMNS "WHERE s.program_id = ? AND (? = 0 OR s.id = ?) AND "
                                           "(? = 0 OR (s.held_on >= ? AND s.status = 'scheduled')) "
                                           "ORDER BY s.held_on, s.starts_at, s.id",
                           "iiiis", c->who.program_id, id, id, (int64_t)upcoming, today);
    if (!st)
        return APP_ERROR;
    int cap = 0;
    *out = NULL;
    *n = 0;
    while (db_step(st) == DB_ROW) {
        *out = arena_grow(c->a, *out, *n, &cap, sizeof **out);
        session_from_row(c, st, &(*out)[(*n)++]);
    }
    db_done(st);
    return APP_OK;
}

enum app_status panel_session_load(struct ctx *c, int64_t id, struct panel_session *s)
{
    struct panel_session *found;
    int n = 0;
    enum app_status st = id ? sessions_query(c, id, false, &found, &n) : APP_OK;
    if (st == APP_OK && n == 1)
        *s = found[0];
    return st != APP_OK ? st : n == 1 ? APP_OK : APP_NOT_FOUND;
}

enum app_status panel_sessions_list(struct ctx *c, bool upcoming, struct panel_session **out,
                                    int *n)
{
    enum app_status s = app_authorize(c, ACT_LIST, KIND_PANEL_SESSION, NULL);
    return s != APP_OK ? s : sessions_query(c, 0, upcoming, out, n);
}

/* --- terms (R29) --- */

enum panel_term panel_term_of(struct ctx *c, int64_t person_id, const char *date,
                              const char **name, const char **term_end)
{
    /* The term covering the date first, else the latest. */
    db_stmt *st = db_query(c->db,
                           "SELECT p.name, r.term_end, CASE WHEN r.term_start <= ? AND "
                           "r.term_end >= ? THEN 1 ELSE 0 END AS covers FROM person_role r "
                           "JOIN person p ON p.id = r.person_id WHERE r.person_id = ? AND "
                           "p.program_id = ? AND r.role = 'panel_member' "
                           "ORDER BY covers DESC, r.term_end DESC",
                           "ssii", date, date, person_id, c->who.program_id);
    enum panel_term t = PANEL_NOT_MEMBER;
    if (st && db_step(st) == DB_ROW) {
        if (name)
            *name = db_text_copy(st, 0, c->a);
        if (term_end)
            *term_end = db_text_copy(st, 1, c->a);
        t = db_int(st, 2) ? PANEL_SITTING : PANEL_TERM_OVER;
    }
    if (st)
        db_done(st);
    return t;
}

bool panel_sits_on(struct ctx *c, const char *date)
{
    return panel_term_of(c, c->who.person_id, date, NULL, NULL) == PANEL_SITTING;
}

unsigned panel_sitting_rel(struct ctx *c)
{
    return panel_sits_on(c, app_today(c)) ? POLICY_REL(WHO_PANEL_SITTING) : 0;
}

const char *panel_r29_refusal(struct ctx *c, const char *who, const char *term_end,
                              const char *date)
{
    return arena_printf(c->a,
                        "R29: %s term on the Panel does not cover %s (it %s %s): a member whose "
                        "term has ended cannot sit or vote.",
                        who, date, strcmp(term_end, date) < 0 ? "ended on" : "runs to",
                        *term_end ? term_end : "is not recorded");
}

/* --- who sits --- */

enum app_status panel_members_on(struct ctx *c, const struct panel_session *s,
                                 struct panel_member **out, int *n)
{
    /* A member with several terms shows once, by the term covering the date. */
    db_stmt *st = db_query(c->db,
                           "SELECT r.person_id, p.name, r.seat, r.term_start, r.term_end, "
                           "CASE WHEN r.term_start <= ? AND r.term_end >= ? THEN 1 ELSE 0 END "
                           "AS covers, (SELECT COUNT(*) FROM panel_attendance a WHERE "
                           "a.session_id = ? AND a.person_id = r.person_id) FROM person_role r "
                           "JOIN person p ON p.id = r.person_id WHERE p.program_id = ? AND "
                           "r.role = 'panel_member' ORDER BY p.name, r.person_id, covers DESC, "
                           "r.term_end DESC",
                           "ssii", s->held_on, s->held_on, s->id, c->who.program_id);
    if (!st)
        return APP_ERROR;
    int cap = 0;
    *out = NULL;
    *n = 0;
    while (db_step(st) == DB_ROW) {
        if (*n && (*out)[*n - 1].person_id == db_int(st, 0))
            continue;
        *out = arena_grow(c->a, *out, *n, &cap, sizeof **out);
        struct panel_member *m = &(*out)[(*n)++];
        m->person_id = db_int(st, 0);
        m->name = db_text_copy(st, 1, c->a);
        m->seat = db_text_copy(st, 2, c->a);
        m->term_start = db_text_copy(st, 3, c->a);
        m->term_end = db_text_copy(st, 4, c->a);
        m->sitting = db_int(st, 5) != 0;
        m->present = db_int(st, 6) != 0;
    }
    db_done(st);
    return APP_OK;
}

/* --- the overview --- */

static enum app_status case_rows(struct ctx *c, const char *sql, struct panel_case_row **out,
                                 int *n)
{
    db_stmt *st = db_query(c->db, sql, "i", c->who.program_id);
    if (!st)
        return APP_ERROR;
    int cap = 0;
    *out = NULL;
    *n = 0;
    while (db_step(st) == DB_ROW) {
        *out = arena_grow(c->a, *out, *n, &cap, sizeof **out);
        struct panel_case_row *row = &(*out)[(*n)++];
        memset(row, 0, sizeof *row);
        row->case_id = db_int(st, 0);
        row->teacher_name = db_text_copy(st, 1, c->a);
        row->school_name = db_text_copy(st, 2, c->a);
        if (!rating_parse(db_text(st, 3), &row->rating))
            row->rating = RATING_NONE;
        row->decision_id = db_int(st, 4);
        row->session_id = db_int(st, 5);
        row->held_on = db_text_copy(st, 6, c->a);
        row->decided_at = db_int(st, 7);
    }
    db_done(st);
    return APP_OK;
}

#define CASE_ROW_FROM                                                                              \
    "FROM teacher_case k JOIN person t ON t.id = k.teacher_id "                                   \
    "LEFT JOIN school sc ON sc.id = t.school_id "

enum app_status panel_cases_awaiting(struct ctx *c, struct panel_case_row **out, int *n)
{
    /* R21, R25: sent to the Panel; no decision pending or approved (a
     * returned one goes back to the Panel). The decision is asked of the
     * recommendation's case (r.case_id, from 024's index) before its case
     * is read: every recommendation ever sent stays 'submitted', and the
     * huge district's 9,000 were each read whole for its twelve (issue 19). */
    return case_rows(c,
                     "SELECT k.id, t.name, COALESCE(sc.name, ''), r.rating, 0, 0, '', 0 "
                     CASE_ROW_FROM "JOIN recommendation r ON r.case_id = k.id "
                     "WHERE k.program_id = ? AND k.track = 'par' AND r.status = 'submitted' AND "
                     "NOT EXISTS (SELECT 1 FROM panel_decision d WHERE d.case_id = r.case_id AND "
                     "d.approval IN ('pending', 'approved')) ORDER BY r.submitted_at, k.id",
                     out, n);
}

/* Keeps the rows whose kind of record (the recommendation, the decision)
 * the asker may see on their case (R24, R29). */
static void rows_seen(struct ctx *c, enum record_kind kind, struct panel_case_row *rows, int *n)
{
    int kept = 0;
    for (int i = 0; i < *n; i++)
        if (casework_may_id(c, rows[i].case_id, ACT_VIEW, kind))
            rows[kept++] = rows[i];
    *n = kept;
}

enum app_status panel_overview_get(struct ctx *c, struct panel_overview *o)
{
    memset(o, 0, sizeof *o);
    enum app_status s = panel_sessions_list(c, true, &o->upcoming, &o->nupcoming);
    if (s == APP_OK)
        s = panel_cases_awaiting(c, &o->awaiting, &o->nawaiting);
    if (s == APP_OK)
        s = case_rows(c,
                      "SELECT k.id, t.name, COALESCE(sc.name, ''), d.rating, d.id, d.session_id, "
                      "s.held_on, d.decided_at " CASE_ROW_FROM
                      "JOIN panel_decision d ON d.case_id = k.id JOIN panel_session s ON "
                      "s.id = d.session_id WHERE k.program_id = ? AND d.approval = 'pending' "
                      "ORDER BY d.decided_at, d.id",
                      &o->pending, &o->npending);
    if (s == APP_OK) {
        rows_seen(c, KIND_RECOMMENDATION, o->awaiting, &o->nawaiting);
        rows_seen(c, KIND_DECISION, o->pending, &o->npending);
    }
    return s;
}

/* large_panel.c: the large district's Panel, for the benchmark. Each
 * closed PAR cycle of ten years has its locked summative evaluation, the
 * CT's recommendation, a place on a monthly session's docket and the
 * Panel's decision, approved. Of the PAR cases on a caseload now, those
 * near their cycle's end have a recommendation before the Panel, and a few
 * of those a decision awaiting approval from last month's session, decided
 * by the members sitting now (R29). Like large_cases.c, written
 * straight into the tables, as a historic import would be: the sessions of
 * years past list no attendance or votes, only their tally in words. */
#include <stdio.h>
#include <string.h>

#include "base/clock.h"
#include "demo/large.h"
#include "domain/rating.h"

#define MONTHS (12 * 12) /* sessions as far back as the closed cycles go */
#define AWAITING 12      /* active PAR cases before the Panel now */
#define PENDING 4        /* of those, decided and awaiting approval */

struct panel_history {
    int64_t today, superintendent;
    int64_t members[5];
    int nmembers;
    int64_t standards[8];
    int nstandards;
    int64_t sessions[MONTHS]; /* by months before this one; 0: none yet */
};

/* Ids the query answers, of the program (its first '?') and on the day
 * (its second, if it has one). */
static int ids_of(struct ctx *c, const char *sql, const char *day, int64_t *ids, int max)
{
    int n = 0;
    db_stmt *st = db_query(c->db, sql, day ? "is" : "i", c->who.program_id, day);
    while (st && db_step(st) == DB_ROW && n < max)
        ids[n++] = db_int(st, 0);
    if (st)
        db_done(st);
    return n;
}

/* The session of the month a day falls in, held on its 15th: made once. */
static int session_of(struct ctx *c, struct panel_history *h, int64_t day, int64_t *id)
{
    char d[11];
    clock_day_date(day, d);
    int y, m, dd, ty, tm, td;
    clock_parse_date(d, &y, &m, &dd);
    clock_parse_date(demo_day_text(c, h->today), &ty, &tm, &td);
    int back = (ty - y) * 12 + (tm - m);
    if (back < 0 || back >= MONTHS)
        back = MONTHS - 1;
    if (h->sessions[back]) {
        *id = h->sessions[back];
        return DB_OK;
    }
    int64_t at = (day - dd + 1) * 86400;
    int rc =
        db_int_query(c->db, id,
                     "INSERT INTO panel_session (program_id, held_on, starts_at, place, "
                     "vote_rule, quorum, status, created_at, updated_at) VALUES (?, ?, "
                     "'16:00', 'Central Office, Room 204', 'majority', 5, ?, ?, ?) RETURNING id",
                     "isiii", c->who.program_id, arena_printf(c->a, "%04d-%02d-15", y, m),
                     back ? "closed" : "scheduled", at, at);
    h->sessions[back] = *id;
    return rc;
}

static int summative(struct ctx *c, const struct panel_history *h, const struct large_decided *k,
                     enum rating overall)
{
    int64_t eval = 0, at = (k->end_day - 10) * 86400;
    int rc =
        db_int_query(c->db, &eval,
                     "INSERT INTO evaluation (case_id, kind, status, overall_rating, summary, "
                     "shared_admin_at, shared_teacher_at, teacher_signed_at, locked_at, "
                     "created_by, created_at, updated_at) VALUES (?, 'summative', 'locked', ?, "
                     "'The year in the classroom, standard by standard.', ?, ?, ?, ?, ?, ?, ?) "
                     "RETURNING id",
                     "isiiiiiii", k->case_id, rating_key(overall), at, at + 86400, at + 3 * 86400,
                     at + 4 * 86400, k->ct, at - 86400, at + 4 * 86400);
    /* R26: standards I and II hold up a Proficient overall. */
    for (int i = 0; i < h->nstandards && rc >= 0; i++)
        rc = db_exec(c->db,
                     "INSERT INTO evaluation_rating (evaluation_id, standard_id, rating) "
                     "VALUES (?, ?, ?)",
                     "iis", eval, h->standards[i], rating_key(overall));
    return rc;
}

static int recommendation(struct ctx *c, int64_t case_id, int64_t ct, int64_t day, enum rating r)
{
    return db_exec(c->db,
                   "INSERT INTO recommendation (case_id, rating, rationale, status, preview_until, "
                   "submitted_at, created_by, created_at, updated_at) VALUES (?, ?, "
                   "'The evidence of the cycle, by standard.', 'submitted', ?, ?, ?, ?, ?)",
                   "issiiii", case_id, rating_key(r), demo_day_text(c, day + 10), day * 86400, ct,
                   day * 86400, day * 86400);
}

static int docket_and_decision(struct ctx *c, const struct panel_history *h, int64_t session,
                               int64_t case_id, enum rating r, int64_t day, bool approved)
{
    int rc =
        db_exec(c->db, "INSERT INTO panel_docket (session_id, case_id, position) VALUES (?, ?, ?)",
                "iii", session, case_id, case_id);
    if (rc < 0)
        return rc;
    return db_exec(
        c->db,
        "INSERT INTO panel_decision (case_id, session_id, rating, tally, decided_at, "
        "approval, approved_by, approved_at) VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, 0), ?)",
        "iissisii", case_id, session, rating_key(r),
        arena_printf(c->a, "4 of 5 members present voted %s; a majority needs 3.", rating_label(r)),
        day * 86400, approved ? "approved" : "pending", approved ? h->superintendent : (int64_t)0,
        approved ? (day + 7) * 86400 : 0);
}

/* Closed cycles: 55% Proficient, 35% Needs Improvement, 10% Unsatisfactory. */
static enum rating rating_of(int64_t case_id)
{
    int v = (int)(case_id * 37 % 20);
    return v < 11 ? RATING_PROFICIENT : v < 18 ? RATING_NEEDS_IMPROVEMENT : RATING_UNSATISFACTORY;
}

static int decided_cycle(struct ctx *c, struct panel_history *h, const struct large_decided *k)
{
    enum rating r = rating_of(k->case_id);
    int64_t session = 0, day = k->end_day + 20;
    int rc = summative(c, h, k, r);
    if (rc >= 0)
        rc = recommendation(c, k->case_id, k->ct, k->end_day, r);
    if (rc >= 0)
        rc = session_of(c, h, day, &session);
    if (rc >= 0)
        rc = docket_and_decision(c, h, session, k->case_id, r, day, true);
    return rc;
}

/* Last month's session, with the members sitting now present and voting. */
static int pending_decision(struct ctx *c, struct panel_history *h, int64_t case_id)
{
    int64_t session = 0, day = h->today - 30;
    int rc = session_of(c, h, day, &session);
    for (int i = 0; i < h->nmembers && rc >= 0; i++) {
        rc = db_exec(c->db,
                     "INSERT INTO panel_attendance (session_id, person_id) SELECT ?, ? "
                     "WHERE NOT EXISTS (SELECT 1 FROM panel_attendance WHERE "
                     "session_id = ? AND person_id = ?)",
                     "iiii", session, h->members[i], session, h->members[i]);
        if (rc >= 0)
            rc = db_exec(c->db,
                         "INSERT INTO panel_vote (session_id, case_id, person_id, rating, "
                         "cast_at) VALUES (?, ?, ?, ?, ?)",
                         "iiisi", session, case_id, h->members[i],
                         rating_key(i ? RATING_NEEDS_IMPROVEMENT : RATING_PROFICIENT), day * 86400);
    }
    return rc >= 0
               ? docket_and_decision(c, h, session, case_id, RATING_NEEDS_IMPROVEMENT, day, false)
               : rc;
}

/* PAR cases on a caseload now whose cycle began 200 days ago or more. */
static int before_the_panel(struct ctx *c, struct panel_history *h)
{
    int64_t cases[AWAITING], cts[AWAITING];
    int n = 0, rc = DB_OK;
    db_stmt *st = db_query(c->db,
                           "SELECT id, ct_id FROM teacher_case WHERE program_id = ? AND "
                           "state = 'on_caseload' AND track = 'par' AND cycle_start <= ? "
                           "ORDER BY id",
                           "is", c->who.program_id, demo_day_text(c, h->today - 200));
    while (st && db_step(st) == DB_ROW && n < AWAITING) {
        cases[n] = db_int(st, 0);
        cts[n++] = db_int(st, 1);
    }
    if (st)
        db_done(st);
    for (int i = 0; i < n && rc >= 0; i++) {
        rc = recommendation(c, cases[i], cts[i], h->today - 40, RATING_NEEDS_IMPROVEMENT);
        if (rc >= 0 && i < PENDING)
            rc = pending_decision(c, h, cases[i]);
    }
    return rc;
}

enum app_status demo_large_panel(struct ctx *c, const struct large_decided *cases, int n,
                                 int64_t today)
{
    struct panel_history h = {.today = today};
    const char *now = demo_day_text(c, today);
    h.nmembers = ids_of(c,
                        "SELECT r.person_id FROM person_role r JOIN person p ON p.id = r.person_id "
                        "WHERE p.program_id = ? AND r.role = 'panel_member' AND r.term_end >= ? "
                        "ORDER BY r.person_id",
                        now, h.members, 5);
    h.nstandards =
        ids_of(c, "SELECT id FROM rubric_standard WHERE program_id = ? ORDER BY position", NULL,
               h.standards, 8);
    ids_of(c,
           "SELECT r.person_id FROM person_role r JOIN person p ON p.id = r.person_id "
           "WHERE p.program_id = ? AND r.role = 'superintendent'",
           NULL, &h.superintendent, 1);
    if (!h.superintendent || !h.nstandards)
        return APP_ERROR;
    int rc = DB_OK;
    for (int i = 0; i < n && rc >= 0; i++) {
        rc = decided_cycle(c, &h, &cases[i]);
        if (rc >= 0 && i % 100 == 99 && (db_commit(c->db) != DB_OK || db_begin(c->db) != DB_OK))
            rc = DB_ERROR;
    }
    if (rc >= 0)
        rc = before_the_panel(c, &h);
    return app_db_status(rc);
}

/* large_cases.c: the large district's casework, for the benchmark:
 * 700 cases on a caseload now and ten years of closed cycles before them,
 * 100,000 observations in all, with their evidence, goals, coaching logs
 * and parley meetings. Written row by row with bound parameters, straight
 * into the tables (a historic import, not the use cases: its audit trail
 * would be the use cases' own, and the benchmark's history is made by
 * demo.c's large_history). Deterministic, from a fixed seed. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "app/outcome.h"
#include "base/clock.h"
#include "demo/demo.h"
#include "demo/large.h"
#include "domain/cycle.h"
#include "domain/workflow.h"

#define ACTIVE_OBSERVATIONS 8 /* per case on a caseload now */
#define CLOSED_CASES 2700 /* times the scale */
#define CLOSED_OBSERVATIONS                                                                        \
    36 /* per closed cycle: with the cases on a caseload now, 100,000 or so */
#define CYCLE_DAYS 300

struct large_case {
    int64_t id, teacher, ct, admin;
    const char *track, *state;
    int64_t start_day; /* the cycle's first day (day number) */
};

const char *demo_day_text(struct ctx *c, int64_t day)
{
    char d[11];
    clock_day_date(day, d);
    return arena_printf(c->a, "%s", d);
}

static int case_row(struct ctx *c, struct large_case *k, int n)
{
    int64_t inquiry = 0, at = (k->start_day - 40) * 86400;
    const char *name = "", *email = "";
    db_stmt *st = db_query(c->db, "SELECT name, email FROM person WHERE id = ?", "i", k->teacher);
    if (st && db_step(st) == DB_ROW) {
        name = db_text_copy(st, 0, c->a);
        email = db_text_copy(st, 1, c->a);
    }
    if (st)
        db_done(st);
    /* VALUES, not INSERT ... SELECT: PostgreSQL types the parameters by column. */
    int rc = db_int_query(c->db, &inquiry,
                          "INSERT INTO inquiry (program_id, reference, name, email, interest, "
                          "message, status, person_id, created_at, updated_at) VALUES (?, ?, ?, ?, "
                          "?, '', 'closed', ?, ?, ?) RETURNING id",
                          "issssiii", c->who.program_id, arena_printf(c->a, "INQ-LG-%06d", n), name,
                          email, k->track, k->teacher, at, at);
    if (rc != DB_OK)
        return rc;
    return db_int_query(
        c->db, &k->id,
        "INSERT INTO teacher_case (program_id, inquiry_id, teacher_id, state, "
        "track, ct_id, cycle_start, cycle_end, plan_type, plan_months, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING id",
        "iiississsiii", c->who.program_id, inquiry, k->teacher, k->state, k->track, k->ct,
        demo_day_text(c, k->start_day), demo_day_text(c, k->start_day + CYCLE_DAYS),
        strcmp(k->track, "par") == 0 ? "improvement" : "directed_growth", (int64_t)10, at, at);
}

static const char *const focuses[] = {
    "Questioning strategies",
    "Classroom routines",
    "Checking for understanding",
    "Small-group instruction",
    "Feedback on student writing",
    "Family communication",
    "Lesson planning with the unit's standards",
    "Transitions between activities",
};
static const char *const kinds[] = {"visit", "meeting", "phone", "video", "email"};

static int observations(struct ctx *c, const struct large_case *k, int count, int64_t today,
                        const int64_t *indicators, int nind, uint32_t *seed)
{
    int rc = DB_OK;
    bool par = strcmp(k->track, "par") == 0;
    for (int i = 0; i < count && rc >= 0; i++) {
        int64_t day = k->start_day + (int64_t)(CYCLE_DAYS - 10) * i / count + demo_random(seed) % 7;
        if (day >= today)
            break;
        const char *observers = !par         ? "ct"
                                : i % 7 == 3 ? "joint"
                                : i % 3 == 1 ? "administrator"
                                             : "ct";
        int64_t obs = 0, at = day * 86400 + 36000;
        /* R18: the history's joint observations were confirmed by both */
        int64_t confirmed = strcmp(observers, "joint") == 0 ? at : 0;
        rc = db_int_query(
            c->db, &obs,
            "INSERT INTO observation (case_id, draft_key, announced, observed_on, "
            "minutes, observers, notes, feedback, feedback_shared_at, "
            "ct_confirmed_at, administrator_confirmed_at, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            "isisisssiiiii", k->id, arena_printf(c->a, "lg-%" PRId64 "-%d", k->id, i),
            (int64_t)(i % 2), demo_day_text(c, day), (int64_t)(30 + demo_random(seed) % 31),
            observers, focuses[demo_random(seed) % 8],
            "Students were engaged; next, more wait time after questions.",
            day + 3 < today ? at + 3 * 86400 : (int64_t)0, confirmed, confirmed, at, at);
        if (rc >= 0)
            rc = db_exec(c->db,
                         "INSERT INTO evidence (case_id, indicator_id, observation_id, created_at) "
                         "VALUES (?, ?, ?, ?)",
                         "iiii", k->id, indicators[demo_random(seed) % (uint32_t)nind], obs, at);
    }
    return rc;
}

static int goals_and_log(struct ctx *c, const struct large_case *k, int64_t today, uint32_t *seed)
{
    static const char *const goal_kinds[] = {"practice", "student_learning"};
    int rc = DB_OK;
    int64_t at = (k->start_day + 10) * 86400;
    for (int g = 0; g < 2 && rc >= 0; g++)
        rc = db_exec(c->db,
                     "INSERT INTO goal (case_id, kind, title, specific, measure, due_on, status, "
                     "approved_by, approved_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
                     "'approved', ?, ?, ?, ?)",
                     "isssssiiii", k->id, goal_kinds[g],
                     g ? "Student writing" : "Checking for understanding",
                     g ? "Students revise a piece of writing each month."
                       : "Use exit tickets daily.",
                     g ? "Rubric scores rise by one level." : "Three in four lessons end with one.",
                     demo_day_text(c, k->start_day + CYCLE_DAYS - 30), k->ct, at, at, at);
    for (int e = 0; e < 6 && rc >= 0; e++) {
        int64_t day = k->start_day + 5 + (int64_t)e * (CYCLE_DAYS / 6) + demo_random(seed) % 10;
        if (day >= today)
            break;
        rc = db_exec(c->db,
                     "INSERT INTO coaching_entry (case_id, on_date, minutes, kind, focus, "
                     "next_steps, author_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
                     "?, ?)",
                     "isisssiii", k->id, demo_day_text(c, day),
                     (int64_t)(20 + demo_random(seed) % 70), kinds[demo_random(seed) % 5],
                     focuses[demo_random(seed) % 8], "Try it in the next unit.", k->ct, day * 86400,
                     day * 86400);
    }
    return rc;
}

static int meetings(struct ctx *c, const struct large_case *k, int64_t today)
{
    if (strcmp(k->track, "par") != 0)
        return DB_OK;
    int rc = DB_OK;
    const char *start = demo_day_text(c, k->start_day),
               *end = demo_day_text(c, k->start_day + CYCLE_DAYS);
    for (int p = PHASE_START; p < PHASE_EXTRA && rc >= 0; p++) {
        struct date_window w;
        int64_t day;
        if (!cycle_meeting_window(start, end, (enum meeting_phase)p, &w) ||
            !clock_day_number(w.from, &day))
            continue;
        day += 7;
        bool held = day < today;
        rc = db_exec(c->db,
                     "INSERT INTO meeting (case_id, phase, starts_at, minutes, place, status, "
                     "attended, held_at, uid, created_by, created_at, updated_at) VALUES (?, ?, ?, "
                     "60, 'The school library', ?, ?, ?, ?, ?, ?, ?)",
                     "issssisiii", k->id, meeting_phase_key((enum meeting_phase)p),
                     arena_printf(c->a, "%s 15:30", demo_day_text(c, day)),
                     held ? "held" : "scheduled", held ? "teacher,ct,administrator" : "",
                     held ? day * 86400 + 59400 : (int64_t)0,
                     arena_printf(c->a, "lg-%" PRId64 "-%d@parley", k->id, p), k->ct,
                     (day - 14) * 86400, (day - 14) * 86400);
    }
    return rc;
}

static int one_case(struct ctx *c, struct large_case *k, int n, int nobs, int64_t today,
                    const int64_t *indicators, int nind, uint32_t *seed)
{
    int rc = case_row(c, k, n);
    if (rc >= 0)
        rc = observations(c, k, nobs, today, indicators, nind, seed);
    if (rc >= 0)
        rc = goals_and_log(c, k, today, seed);
    if (rc >= 0)
        rc = meetings(c, k, today);
    return rc;
}

static int rubric_indicators(struct ctx *c, int64_t *ids, int max)
{
    int n = 0;
    db_stmt *st = db_query(c->db,
                           "SELECT i.id FROM rubric_indicator i JOIN rubric_standard s ON "
                           "s.id = i.standard_id WHERE s.program_id = ? ORDER BY i.id",
                           "i", c->who.program_id);
    while (st && db_step(st) == DB_ROW && n < max)
        ids[n++] = db_int(st, 0);
    if (st)
        db_done(st);
    return n;
}

enum app_status demo_large_cases(struct ctx *c, const struct large_district *d)
{
    int64_t indicators[64], today;
    int nind = rubric_indicators(c, indicators, 64);
    clock_day_number(clock_date(c->a, clock_now()), &today);
    if (!nind)
        return APP_ERROR;
    uint32_t seed = 1993;
    int rc = DB_OK;
    /* R30: the large district's caseloads are heavier than the demo's cap. */
    rc = db_exec(c->db,
                 "INSERT INTO program_setting (program_id, key, value) VALUES (?, "
                 "'caseload_cap', '24')",
                 "i", c->who.program_id);
    for (int i = 0; i < d->ncases && rc >= 0; i++) {
        struct large_case k = {
            .teacher = d->teachers[i],
            .ct = d->cts[i % d->ncts],
            .track = (i / d->ncts) % 5 == 0 ? "par" : "pa",
            .state = case_state_key(CASE_ON_CASELOAD),
            .start_day = today - 20 - (int64_t)(demo_random(&seed) % 240),
        };
        rc = one_case(c, &k, i, ACTIVE_OBSERVATIONS, today, indicators, nind, &seed);
        if (rc >= 0 && i % 100 == 99 && (db_commit(c->db) != DB_OK || db_begin(c->db) != DB_OK))
            rc = DB_ERROR;
    }
    int nclosed = CLOSED_CASES * d->scale;
    struct large_decided *decided = arena_alloc(c->a, sizeof *decided * (size_t)nclosed);
    int ndecided = 0;
    for (int i = 0; i < nclosed && rc >= 0; i++) {
        struct large_case k = {
            .teacher = d->teachers[d->ncases + i % (d->nteachers - d->ncases)],
            .ct = d->cts[i % d->ncts],
            .track = i % 3 == 0 ? "par" : "pa",
            .state = case_state_key(CASE_CYCLE_CLOSED),
            .start_day = today - 400 - (int64_t)(demo_random(&seed) % (9 * 365)),
        };
        rc = one_case(c, &k, d->ncases + i, CLOSED_OBSERVATIONS, today, indicators, nind, &seed);
        if (strcmp(k.track, "par") == 0)
            decided[ndecided++] = (struct large_decided){k.id, k.ct, k.start_day + CYCLE_DAYS};
        if (rc >= 0 && i % 100 == 99 && (db_commit(c->db) != DB_OK || db_begin(c->db) != DB_OK))
            rc = DB_ERROR;
    }
    if (rc < 0)
        return app_db_status(rc);
    enum app_status s = demo_large_panel(c, decided, ndecided, today);
    return s == APP_OK ? demo_large_outcomes(c) : s; /* R39: each closed cycle's outcome, surveys */
}

/* large_outcomes.c: the large district's outcomes and end-of-cycle
 * surveys (R39), for the Track Record and the benchmark. For each closed
 * cycle: its outcome (on a PAR case the rating after is the Panel's
 * approved one, R25; on a PA case a deterministic one), the survey's
 * invitations (the teacher and, on a PAR case, the school's administrator,
 * R16) and, for about seven in ten of them, an answer, stored as the use
 * case stores it (survey_response_store: a random id, no case, no person,
 * no time). Written straight into the tables, as a historic import: row by
 * row with bound parameters, committed every 100 cases as
 * large_cases.c does. Deterministic but for the answers' random ids. */
#include <inttypes.h>
#include <string.h>

#include "app/outcome.h"
#include "base/clock.h"
#include "demo/large.h"

#define OUTCOME_DELAY_DAYS 30 /* the coordinator records it a month after the cycle */

struct closed {
    int64_t id, teacher, school;
    const char *track, *cycle_end, *approved;
};

static int closed_cases(struct ctx *c, struct closed *out, int max)
{
    int n = 0;
    db_stmt *st = db_query(
        c->db,
        "SELECT k.id, k.teacher_id, COALESCE(t.school_id, 0), k.track, k.cycle_end, "
        "COALESCE((SELECT d.rating FROM panel_decision d WHERE d.case_id = k.id AND "
        "d.approval = 'approved' ORDER BY d.decided_at DESC LIMIT 1), '') FROM teacher_case k "
        "JOIN person t ON t.id = k.teacher_id WHERE k.program_id = ? AND k.state = "
        "'cycle_closed' ORDER BY k.id",
        "i", c->who.program_id);
    while (st && n < max && db_step(st) == DB_ROW) {
        out[n] = (struct closed){db_int(st, 0),
                                 db_int(st, 1),
                                 db_int(st, 2),
                                 db_text_copy(st, 3, c->a),
                                 db_text_copy(st, 4, c->a),
                                 db_text_copy(st, 5, c->a)};
        n++;
    }
    if (st)
        db_done(st);
    return n;
}

static const char *const supports[] = {
    "",
    "",
    "Monthly check-ins with a colleague for the next school year.",
    "A place in the district's new-teacher seminar.",
    "",
    "Coaching from the department head on routines and pacing.",
};

/* The outcome: what R39 counts. */
static int outcome_row(struct ctx *c, const struct closed *k, int i, int year, int64_t at,
                       uint32_t *seed)
{
    bool par = strcmp(k->track, "par") == 0;
    static const char *const pa_after[] = {"proficient", "proficient", "exemplary", "proficient",
                                           "needs_improvement"};
    const char *before = par ? (i % 4 == 0 ? "unsatisfactory" : "needs_improvement")
                             : (i % 3 == 0 ? "needs_improvement" : "none");
    const char *after =
        par ? (*k->approved ? k->approved : "needs_improvement") : pa_after[demo_random(seed) % 5];
    uint32_t r = demo_random(seed) % 100;
    const char *stayed = strcmp(after, "unsatisfactory") == 0 ? "no"
                         : r < 8                              ? "no"
                         : r < 14                             ? "unknown"
                                                              : "yes";
    return db_exec(c->db,
                   "INSERT INTO case_outcome (case_id, rating_before, rating_after, stayed, "
                   "continued_support, school_year, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   "issssii", k->id, before, after, stayed, supports[i % 6], (int64_t)year, at);
}

static const char *const comments[] = {
    "",
    "",
    "",
    "My Consulting Teacher listened before advising.",
    "",
    "The meetings were always on time and the notes were clear.",
    "",
    "",
    "I did not always know what the Panel would read.",
    "",
};

/* One invitation and, about seven times in ten, its answer. */
static int invite_row(struct ctx *c, const struct closed *k, int64_t person, const char *party,
                      int year, int64_t at, uint32_t *seed)
{
    bool answered = demo_random(seed) % 10 < 7;
    int rc = db_exec(c->db,
                     "INSERT INTO survey_invitation (case_id, person_id, party, responded, "
                     "created_at) VALUES (?, ?, ?, ?, ?)",
                     "iisii", k->id, person, party, (int64_t)answered, at);
    if (rc < 0 || !answered)
        return rc;
    /* Mostly agreeing, some less so; administrators a little less warm. */
    int lean = strcmp(party, SURVEY_PARTY_ADMINISTRATOR) == 0 ? 1 : 0;
    struct survey_answer a = {
        .fair = 5 - (int)(demo_random(seed) % 3) - lean,
        .transparent = 5 - (int)(demo_random(seed) % 4),
        .humane = 5 - (int)(demo_random(seed) % 2) - lean,
        .comment = comments[demo_random(seed) % 10],
    };
    return survey_response_store(c, year, k->track, party, &a) == APP_OK ? DB_OK : DB_ERROR;
}

static int surveys(struct ctx *c, const struct closed *k, int year, int64_t at, uint32_t *seed)
{
    int rc = invite_row(c, k, k->teacher, SURVEY_PARTY_TEACHER, year, at, seed);
    if (rc < 0 || strcmp(k->track, "par") != 0 || !k->school)
        return rc;
    int64_t admin = 0;
    db_int_query(c->db, &admin,
                 "SELECT COALESCE(MIN(person_id), 0) FROM person_role WHERE role = "
                 "'administrator' AND school_id = ? AND program_id = ?",
                 "ii", k->school, c->who.program_id);
    return admin && admin != k->teacher
               ? invite_row(c, k, admin, SURVEY_PARTY_ADMINISTRATOR, year, at, seed)
               : rc;
}

enum app_status demo_large_outcomes(struct ctx *c)
{
    int64_t closed = 0;
    if (db_int_query(c->db, &closed,
                     "SELECT COUNT(*) FROM teacher_case WHERE program_id = ? AND "
                     "state = 'cycle_closed'",
                     "i", c->who.program_id) != DB_OK)
        return APP_ERROR;
    struct closed *cases = arena_alloc(c->a, sizeof *cases * (size_t)(closed + 1));
    int n = closed_cases(c, cases, (int)closed);
    uint32_t seed = 3939;
    int rc = DB_OK;
    for (int i = 0; i < n && rc >= 0; i++) {
        int year = 0;
        int64_t end_day = 0;
        if (!school_year_of_date(cases[i].cycle_end, &year) ||
            !clock_day_number(cases[i].cycle_end, &end_day))
            continue;
        int64_t at = (end_day + OUTCOME_DELAY_DAYS) * 86400;
        rc = outcome_row(c, &cases[i], i, year, at, &seed);
        if (rc >= 0)
            rc = surveys(c, &cases[i], year, at, &seed);
        if (rc >= 0 && i % 100 == 99 && (db_commit(c->db) != DB_OK || db_begin(c->db) != DB_OK))
            rc = DB_ERROR;
    }
    return app_db_status(rc);
}

/* test_process_model.c: the case's process under random use. A seeded
 * generator takes random steps by random people on many cases, through the
 * use cases (app/), each in a transaction of its own as a request would be,
 * the program's calendar moving on; after every step it checks the
 * invariants that span steps, each by its own SQL over the tables and
 * RULES.md, never by asking the code under test:
 *
 *   R22  no Panel vote on or before the case's preview deadline; no
 *        evidence after it;
 *   R24  a case on at most one open docket;
 *   R7   at most one active PA or PAR case (or one with no track yet) per
 *        teacher;
 *   R17  a closed PAR cycle has three parley meetings held with the teacher,
 *        the CT and the administrator present;
 *   R20, R21  a recommendation is sent only from a closed cycle with its
 *        summative signed for;
 *   R25, R39  a PAR case's outcome exists only after approval, with the
 *        approved rating;
 *   R12, R13, R4  a timeline set or corrected starts no earlier than that
 *        day (or keeps its start), lasts 6 to 12 months, and a PAR plan is
 *        at least 6 months;
 *   R27  a Consulting Teacher given a case has a term running that day;
 *   R8   a case opens only from a request its teacher sent or confirmed.
 *
 * PARLEY_MODEL_STEPS sets the number of steps (make test: 10,000; make
 * test-long: 1,000,000), PARLEY_MODEL_SEED the seed (printed, to replay a
 * failure). */
#include "testing.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/ct_terms.h"
#include "app/enrolment.h"
#include "app/evaluation.h"
#include "app/goals.h"
#include "app/inquiry.h"
#include "app/meetings.h"
#include "app/observation.h"
#include "app/outcome.h"
#include "app/panel.h"
#include "app/process.h"
#include "app/recommendation.h"
#include "app/settings.h"
#include "base/clock.h"
#include "base/secret.h"
#include "demo/demo.h"
#include "domain/settings.h"

#define DAY 86400
#define MAX_CASES 4096

static const char *const SCHOOLS[] = {"RHS", "LPMS", "HVES"};
static const char *const CTS[] = {"ct1@parley.test", "ct2@parley.test", "ct3@parley.test"};
static const char *const PANEL[] = {"panel@parley.test", "panel2@parley.test",
                                    "panel3@parley.test", "panel4@parley.test",
                                    "panel5@parley.test", "principal3@parley.test",
                                    "panel6@parley.test"};
static const char *const OTHERS[] = {"coordinator@parley.test", "union@parley.test",
                                     "superintendent@parley.test", "principal@parley.test",
                                     "principal2@parley.test", "teacher@parley.test"};
static const char *const RATINGS[] = {"exemplary", "proficient", "needs_improvement",
                                      "unsatisfactory"};

struct model {
    struct app app;
    db *d;
    char path[64];                   /* the database file, removed at the end */
    int64_t now;                     /* the program's calendar */
    uint64_t seed;
    int teachers;                    /* teachers who sent the contact form */
    int64_t cases[MAX_CASES];
    int ncases;
    long steps, taken;               /* steps tried, steps that went through */
    const char *doing;               /* the step's name, for a failure's message */
};

static struct model M;

/* --- randomness (xorshift64*, seeded) --- */

static uint64_t next(void)
{
    M.seed ^= M.seed >> 12;
    M.seed ^= M.seed << 25;
    M.seed ^= M.seed >> 27;
    return M.seed * 2685821657736338717ull;
}

static int pick(int n)
{
    return n > 0 ? (int)(next() % (uint64_t)n) : 0;
}

static bool chance(int percent)
{
    return pick(100) < percent;
}

#define ONE_OF(a) ((a)[pick((int)(sizeof(a) / sizeof *(a)))])

/* --- a request: a context acting as someone, one transaction --- */

struct req {
    struct ctx c;
    arena *a;
};

static void as(struct req *r, const char *email)
{
    r->a = arena_new(0);
    app_operator_ctx(&r->c, &M.app, M.d, r->a);
    r->c.now = M.now;
    r->c.address = arena_printf(r->a, "10.%d.%d.%d", pick(250), pick(250), pick(250));
    if (email && !demo_act_as(&r->c, email))
        fail_msg("nobody has the email %s", email);
    if (!email) {   /* a visitor */
        r->c.who = (struct actor){.program_id = r->c.who.program_id};
    }
}

static const char *today(struct req *r)
{
    return clock_date(r->a, M.now);
}

static const char *day(struct req *r, int offset)
{
    char out[11];
    clock_add_days(today(r), offset, out);
    return arena_strdup(r->a, out);
}

static const char *email_of(struct req *r, int64_t person)
{
    db_stmt *st = db_query(M.d, "SELECT email FROM person WHERE id = ?", "i", person);
    const char *e = st && db_step(st) == DB_ROW ? db_text_copy(st, 0, r->a) : NULL;
    if (st)
        db_done(st);
    return e;
}

static int64_t id_of(const char *email)
{
    int64_t id = 0;
    db_int_query(M.d, &id, "SELECT id FROM person WHERE email = ?", "s", email);
    return id;
}

static const char *id_text(struct req *r, int64_t id)
{
    return arena_printf(r->a, "%" PRId64, id);
}

/* An id from a query (one column), chosen at random; 0 when none. */
static int64_t any_id(const char *sql, const char *types, int64_t a1)
{
    int64_t ids[256];
    int n = 0;
    db_stmt *st = db_query(M.d, sql, types, a1);
    while (st && db_step(st) == DB_ROW && n < 256)
        ids[n++] = db_int(st, 0);
    if (st)
        db_done(st);
    return n ? ids[pick(n)] : 0;
}

/* --- the state before a step, for the invariants about what a step did --- */

struct before {
    int64_t id, ct_id;
    char state[24], start[11], end[11], rec[12];
};

static int snapshot(struct before *b, int max)
{
    db_stmt *st = db_query(M.d,
                           "SELECT k.id, COALESCE(k.ct_id, 0), k.state, k.cycle_start, k.cycle_end, "
                           "COALESCE(r.status, '') FROM teacher_case k LEFT JOIN recommendation r "
                           "ON r.case_id = k.id ORDER BY k.id",
                           "");
    int n = 0;
    while (st && db_step(st) == DB_ROW && n < max) {
        b[n] = (struct before){.id = db_int(st, 0), .ct_id = db_int(st, 1)};
        snprintf(b[n].state, sizeof b[n].state, "%s", db_text(st, 2));
        snprintf(b[n].start, sizeof b[n].start, "%s", db_text(st, 3));
        snprintf(b[n].end, sizeof b[n].end, "%s", db_text(st, 4));
        snprintf(b[n].rec, sizeof b[n].rec, "%s", db_text(st, 5));
        n++;
    }
    if (st)
        db_done(st);
    return n;
}

/* --- the invariants --- */

static void expect_none(const char *rule, const char *what, const char *sql)
{
    int64_t n = -1;
    assert_int_equal(db_int_query(M.d, &n, sql, ""), DB_OK);
    if (n != 0)
        fail_msg("%s broken after step %ld (seed %" PRIu64 "): %s (%" PRId64 " found)", rule,
                 M.steps, M.seed, what, n);
}

/* The program's date of a stored time, as SQL: times are UTC seconds, the
 * program's zone is fixed for the test (UTC), so the date is the day. */
#define DATE_OF(col) "strftime('%Y-%m-%d', " col ", 'unixepoch')"

static void invariants_always(void)
{
    expect_none("R22", "a vote on or before the preview deadline",
                "SELECT COUNT(*) FROM panel_vote v JOIN recommendation r ON r.case_id = v.case_id "
                "WHERE " DATE_OF("v.cast_at") " <= r.preview_until");
    expect_none("R22", "evidence after the preview deadline",
                "SELECT COUNT(*) FROM panel_submission s JOIN recommendation r ON r.case_id = "
                "s.case_id WHERE " DATE_OF("s.created_at") " > r.preview_until");
    expect_none("R24", "a case on two open dockets",
                "SELECT COUNT(*) FROM (SELECT d.case_id FROM panel_docket d JOIN panel_session s "
                "ON s.id = d.session_id WHERE s.status <> 'closed' AND NOT EXISTS (SELECT 1 FROM "
                "panel_decision x WHERE x.case_id = d.case_id AND x.session_id = s.id) GROUP BY "
                "d.case_id HAVING COUNT(*) > 1)");
    expect_none("R7", "two active PA or PAR cases of one teacher",
                "SELECT COUNT(*) FROM (SELECT teacher_id FROM teacher_case WHERE state NOT IN "
                "('cycle_closed', 'withdrawn') AND track IN ('', 'pa', 'par') GROUP BY teacher_id "
                "HAVING COUNT(*) > 1)");
    expect_none("R17", "a PAR cycle closed with fewer than three full meetings",
                "SELECT COUNT(*) FROM teacher_case k WHERE k.track = 'par' AND k.state = "
                "'cycle_closed' AND (SELECT COUNT(*) FROM meeting m WHERE m.case_id = k.id AND "
                "m.status = 'held' AND (',' || m.attended || ',') LIKE '%,teacher,%' AND (',' || "
                "m.attended || ',') LIKE '%,ct,%' AND (',' || m.attended || ',') LIKE "
                "'%,administrator,%') < 3");
    expect_none("R25", "a PAR outcome before approval, or not the approved rating",
                "SELECT COUNT(*) FROM case_outcome o JOIN teacher_case k ON k.id = o.case_id "
                "WHERE k.track = 'par' AND o.rating_after IS NOT (SELECT d.rating FROM "
                "panel_decision d WHERE d.case_id = k.id AND d.approval = 'approved' ORDER BY "
                "d.decided_at DESC, d.id DESC LIMIT 1)");
    expect_none("R8", "a case from a request its teacher did not send or confirm",
                "SELECT COUNT(*) FROM teacher_case k JOIN inquiry i ON i.id = k.inquiry_id WHERE "
                "i.teacher_confirmation IN ('awaiting', 'declined')");
    expect_none("R21", "a recommendation sent from a cycle not closed",
                "SELECT COUNT(*) FROM recommendation r JOIN teacher_case k ON k.id = r.case_id "
                "WHERE r.status = 'submitted' AND k.state <> 'cycle_closed'");
}

static const struct before *found(const struct before *b, int n, int64_t id)
{
    for (int i = 0; i < n; i++)
        if (b[i].id == id)
            return &b[i];
    return NULL;
}

/* What this step did, checked against the day it was done. */
static void invariants_of_step(const struct before *b, int nb, const char *on)
{
    struct before a[MAX_CASES];
    int na = snapshot(a, MAX_CASES);
    for (int i = 0; i < na; i++) {
        const struct before *was = found(b, nb, a[i].id);
        struct before none = {0};
        if (!was)
            was = &none;
        /* R12, R13, R4: a timeline set or corrected */
        if (*a[i].start && (strcmp(was->start, a[i].start) || strcmp(was->end, a[i].end))) {
            if (strcmp(a[i].start, on) < 0 && strcmp(a[i].start, was->start))
                fail_msg("R12 broken after step %ld (seed %" PRIu64 "): case %" PRId64
                         " given a start %s in the past (today %s)", M.steps, M.seed, a[i].id,
                         a[i].start, on);
            int64_t months = -1, plan = -1;
            db_int_query(M.d, &months,
                         "SELECT (CAST(strftime('%Y', ?) AS INTEGER) - CAST(strftime('%Y', ?) AS "
                         "INTEGER)) * 12 + CAST(strftime('%m', ?) AS INTEGER) - CAST(strftime("
                         "'%m', ?) AS INTEGER)",
                         "ssss", a[i].end, a[i].start, a[i].end, a[i].start);
            db_int_query(M.d, &plan, "SELECT plan_months FROM teacher_case WHERE id = ?", "i",
                         a[i].id);
            if (months < 6 || months > 12)
                fail_msg("R13 broken (seed %" PRIu64 "): case %" PRId64 " runs %s to %s", M.seed,
                         a[i].id, a[i].start, a[i].end);
            if (plan < 6)
                fail_msg("R4 broken (seed %" PRIu64 "): PAR case %" PRId64 " on a %" PRId64
                         "-month plan", M.seed, a[i].id, plan);
        }
        /* R27: a CT given a case is in their term that day */
        if (a[i].ct_id && a[i].ct_id != was->ct_id) {
            int64_t running = 0;
            db_int_query(M.d, &running,
                         "SELECT COUNT(*) FROM ct_term WHERE person_id = ? AND starts_on <= ? AND "
                         "(left_on = '' OR left_on > ?)",
                         "iss", a[i].ct_id, on, on);
            if (!running)
                fail_msg("R27 broken (seed %" PRIu64 "): case %" PRId64 " given CT %" PRId64
                         " out of their term", M.seed, a[i].id, a[i].ct_id);
        }
        /* R20, R21: sent with the summative signed for */
        if (!strcmp(a[i].rec, "submitted") && strcmp(was->rec, "submitted")) {
            int64_t signed_for = 0;
            db_int_query(M.d, &signed_for,
                         "SELECT COUNT(*) FROM evaluation WHERE case_id = ? AND kind = 'summative' "
                         "AND status IN ('signed', 'locked')",
                         "i", a[i].id);
            if (!signed_for)
                fail_msg("R20 broken (seed %" PRIu64 "): case %" PRId64 " sent to the Panel "
                         "without a signed summative", M.seed, a[i].id);
        }
    }
}

/* --- the steps --- */

/* A case not finished yet, mostly (a finished one, now and then); often
 * one before the Panel, whose steps are many people's. */
static int64_t any_case(void)
{
    int64_t panel = chance(40) ? any_id("SELECT r.case_id FROM recommendation r WHERE "
                                        "r.status = 'submitted' AND NOT EXISTS (SELECT 1 FROM "
                                        "case_outcome o WHERE o.case_id = r.case_id) AND ? = 1",
                                        "i", 1)
                               : 0;
    if (panel)
        return panel;
    int64_t open = any_id("SELECT id FROM teacher_case WHERE program_id = ? AND state <> "
                          "'withdrawn' AND NOT EXISTS (SELECT 1 FROM case_outcome o WHERE "
                          "o.case_id = teacher_case.id)",
                          "i", 1);
    return open && chance(95) ? open : M.ncases ? M.cases[pick(M.ncases)] : 0;
}

/* Someone to take a step: mostly one it is meant for, sometimes anyone. */
static const char *taker(struct req *r, const struct case_record *k, const int *whos)
{
    if (chance(15))
        return chance(50) ? ONE_OF(OTHERS) : chance(50) ? ONE_OF(CTS) : ONE_OF(PANEL);
    int who = whos[pick(WORKFLOW_MAX_WHO)];
    if (who == WHO_END)
        who = whos[0];
    switch (who) {
    case WHO_CASE_TEACHER: return email_of(r, k->teacher_id);
    case WHO_CASE_CT:
    case WHO_CASE_PRIMARY_EVALUATOR: return k->ct_id ? email_of(r, k->ct_id) : ONE_OF(CTS);
    case WHO_CASE_UNION_REP: return "union@parley.test";
    case WHO_CASE_PANEL: return ONE_OF(PANEL);
    case WHO_CASE_APPROVER: return "superintendent@parley.test";
    case WHO_CASE_ADMINISTRATOR:
    case WHO_CASE_EVALUATOR: {
        const char *e = NULL;
        db_stmt *st = db_query(M.d, "SELECT p.email FROM person p JOIN person_role r ON "
                                    "r.person_id = p.id AND r.role = 'administrator' JOIN person t "
                                    "ON t.id = ? AND t.school_id = r.school_id LIMIT 1",
                               "i", k->teacher_id);
        if (st && db_step(st) == DB_ROW)
            e = db_text_copy(st, 0, r->a);
        if (st)
            db_done(st);
        return e ? e : "principal@parley.test";
    }
    default: return "coordinator@parley.test";
    }
}

static enum app_status contact(struct req *r)
{
    /* the teacher's own, mostly; now and then someone signed in sends it in
     * their name (R8) */
    as(r, chance(85) ? NULL : ONE_OF(OTHERS));
    /* a new teacher mostly; sometimes one who has a case already (R7) */
    int n = chance(90) || !M.teachers ? ++M.teachers : 1 + pick(M.teachers);
    int64_t school = 0;
    db_int_query(M.d, &school, "SELECT id FROM school WHERE code = ?", "s",
                 SCHOOLS[n % 3]);
    struct inquiry_input in = {
        .name = arena_printf(r->a, "Model Teacher %d", n),
        .email = arena_printf(r->a, "model%d@example.org", n), .school_id = id_text(r, school),
        .school_other = "", .contact_by = "email", .phone = "",
        .interest = chance(50) ? "par" : "pa", .message = "Please call me."};
    struct inquiry_receipt rc;
    struct errors errs = {0};
    return inquiry_submit(&r->c, &in, false, &rc, &errs);
}

/* R8: a teacher answers a request sent in their name. */
static enum app_status answer_request(struct req *r)
{
    as(r, "coordinator@parley.test");
    int64_t q = any_id("SELECT id FROM inquiry WHERE program_id = ? AND teacher_confirmation = "
                       "'awaiting'",
                       "i", r->c.who.program_id);
    char email[128] = "";
    db_stmt *st = q ? db_query(M.d, "SELECT email FROM inquiry WHERE id = ?", "i", q) : NULL;
    if (st && db_step(st) == DB_ROW)
        snprintf(email, sizeof email, "%s", db_text(st, 0));
    if (st)
        db_done(st);
    arena_free(r->a);
    r->a = NULL;
    if (!*email || !id_of(email))   /* no account yet: they answer by the form (another test's) */
        return APP_INVALID;
    as(r, chance(90) ? email : ONE_OF(OTHERS));
    struct errors errs = {0};
    const char *refusal;
    return inquiry_teacher_answer(&r->c, q, chance(80) ? "confirm" : "decline", &errs, &refusal);
}

static enum app_status open_case(struct req *r)
{
    as(r, chance(90) ? "coordinator@parley.test" : ONE_OF(OTHERS));
    int64_t inquiry = any_id("SELECT id FROM inquiry WHERE program_id = ? AND status <> 'closed' "
                             "AND NOT EXISTS (SELECT 1 FROM teacher_case k WHERE k.inquiry_id = "
                             "inquiry.id)",
                             "i", r->c.who.program_id);
    int64_t id = 0;
    struct errors errs = {0};
    const char *refusal;
    enum app_status s = inquiry ? case_open(&r->c, inquiry, &id, &errs, &refusal) : APP_INVALID;
    if (s == APP_OK && M.ncases < MAX_CASES)
        M.cases[M.ncases++] = id;
    return s;
}

/* A case step (the case's own use case) with an input that fits it, mostly. */
static enum app_status move(struct req *r, const struct case_record *k, const struct step_def *t)
{
    struct case_input in = {.to = t->key};
    if (t->needs & NEED_MEETING) {
        in.at = arena_printf(r->a, "%s 15:30", day(r, pick(10) - 1));
        in.place = "Room 12";
    }
    if (t->needs & NEED_CT)
        in.ct_id = id_text(r, id_of(ONE_OF(CTS)));
    if (t->needs & NEED_UNION_REP)
        in.union_rep_id = id_text(r, id_of("union@parley.test"));
    if (t->needs & NEED_TRACK) {
        static const char *const tracks[] = {"pa", "par", "par", "consultancy"};
        static const char *const plans[] = {"improvement", "directed_growth",
                                            "developing_educator", "self_directed"};
        in.track = ONE_OF(tracks);
        in.district_year = id_text(r, 1 + pick(10));
        in.plan = chance(80) ? "improvement" : ONE_OF(plans);
        in.months = id_text(r, 4 + pick(9));
        in.rating = chance(80) ? "needs_improvement" : ONE_OF(RATINGS);
        in.union_member = chance(90) ? "yes" : "no";
        in.full_time = chance(95) ? "yes" : "no";
        in.job = "classroom_teacher";
    }
    if (t->needs & NEED_TIMELINE) {
        in.cycle_start = chance(20) && *k->cycle_start ? k->cycle_start : day(r, pick(25) - 5);
        char end[11];
        clock_add_days(in.cycle_start, 150 + pick(250), end);
        in.cycle_end = arena_strdup(r->a, end);
        in.plan_type = "improvement";
        in.plan_months = id_text(r, 3 + pick(10));
    }
    in.reason = "A reason.";
    in.notes = "Notes.";
    struct errors errs = {0};
    const char *refusal;
    return case_fire(&r->c, k->id, &in, &errs, &refusal);
}

static int64_t any_of_case(const char *sql, int64_t case_id)
{
    return any_id(sql, "i", case_id);
}

static enum app_status goals(struct req *r, const struct case_record *k, bool approve)
{
    struct errors errs = {0};
    const char *refusal;
    if (approve) {
        int64_t g = any_of_case("SELECT id FROM goal WHERE case_id = ? AND status = 'proposed'",
                                k->id);
        return g ? goal_decide(&r->c, k->id, g, 0, chance(90), "Say how.", &errs, &refusal)
                 : APP_INVALID;
    }
    int64_t id;
    struct goal_input in = {.kind = chance(50) ? "practice" : "student_learning", .title = "A goal",
                            .specific = "S", .measure = "M", .actions = "",
                            .due_on = *k->cycle_end ? k->cycle_end : day(r, 60),
                            .status = "proposed"};
    return goal_create(&r->c, k->id, &in, &id, &errs, &refusal);
}

static enum app_status meeting(struct req *r, const struct case_record *k)
{
    struct errors errs = {0};
    const char *refusal;
    int64_t due = any_of_case("SELECT id FROM meeting WHERE case_id = ? AND status = 'scheduled'",
                              k->id);
    if (due && chance(70)) {
        struct meeting_input in = {.attended = chance(80) ? "teacher,ct,administrator"
                                               : chance(50) ? "teacher,ct" : "teacher",
                                   .notes = "Held."};
        return meeting_hold(&r->c, k->id, due, NULL, &in, &errs, &refusal);
    }
    static const char *const phases[] = {"start", "middle", "end", "extra"};
    struct meeting_input in = {.phase = ONE_OF(phases),
                               .at = arena_printf(r->a, "%s 15:00", day(r, pick(3) - 2)),
                               .minutes = "45", .place = "Library"};
    int64_t id;
    return meeting_schedule(&r->c, k->id, &in, &id, &errs, &refusal);
}

/* The next sensible step of an evaluation by its state, mostly; sometimes
 * any step of its table. */
static enum eval_step eval_next(const char *status, bool summative, bool rated)
{
    if (chance(20))
        return (enum eval_step)pick(EVAL_STEP_COUNT);
    if (!strcmp(status, "draft"))
        return summative && rated ? EVAL_SHARE_ADMIN : EVAL_SHARE_TEACHER;
    if (!strcmp(status, "admin_preview"))
        return chance(50) ? EVAL_RESPOND : EVAL_SHARE_TEACHER;
    if (!strcmp(status, "shared"))
        return EVAL_SIGN;
    return chance(70) ? EVAL_LOCK : EVAL_ASK_UNLOCK;
}

static enum app_status rate_all(struct req *r, const struct case_record *k, int64_t e)
{
    struct errors errs = {0};
    const char *refusal;
    struct evaluation_rating_input ratings[8];
    int n = 0;
    db_stmt *st = db_query(M.d, "SELECT s.id FROM rubric_standard s JOIN teacher_case k ON "
                                "k.program_id = s.program_id WHERE k.id = ? ORDER BY s.position",
                           "i", k->id);
    const char *rating = chance(80) ? "proficient" : ONE_OF(RATINGS);
    while (st && db_step(st) == DB_ROW && n < 8)
        ratings[n++] = (struct evaluation_rating_input){db_int(st, 0), rating, "Fine.", "rating",
                                                        "comment"};
    if (st)
        db_done(st);
    struct evaluation_input in = {.summary = "A summary.", .overall_rating = rating,
                                  .ratings = ratings, .nratings = n};
    return evaluation_update(&r->c, k->id, e, 0, &in, &errs, &refusal);
}

static enum app_status evaluation(struct req *r, const struct case_record *k)
{
    struct errors errs = {0};
    const char *refusal;
    bool summative = chance(60);
    const char *kind = summative ? "summative" : "formative";
    int64_t e = 0;
    char status[24] = "";
    bool rated = false;
    db_stmt *st = db_query(M.d, "SELECT id, status, overall_rating <> '' FROM evaluation WHERE "
                                "case_id = ? AND kind = ?",
                           "is", k->id, kind);
    if (st && db_step(st) == DB_ROW) {
        e = db_int(st, 0);
        snprintf(status, sizeof status, "%s", db_text(st, 1));
        rated = db_int(st, 2) != 0;
    }
    if (st)
        db_done(st);
    if (!e) {
        int64_t id;
        return evaluation_create(&r->c, k->id, kind, &id, &errs, &refusal);
    }
    if (!rated || chance(10))
        return rate_all(r, k, e);
    return evaluation_step_take(&r->c, k->id, e, 0, eval_next(status, summative, rated),
                                "Some words.", &errs, &refusal);
}

static enum app_status recommend(struct req *r, const struct case_record *k)
{
    struct errors errs = {0};
    const char *refusal;
    int64_t drafted = any_of_case("SELECT id FROM recommendation WHERE case_id = ?", k->id);
    if (!drafted || chance(20)) {
        struct rec_input in = {.rating = ONE_OF(RATINGS), .rationale = "Because."};
        return recommendation_save(&r->c, k->id, 0, &in, &errs, &refusal);
    }
    return recommendation_submit(&r->c, k->id, 0, &refusal);
}

/* R18: the CT and the administrator observe together; each confirms. */
static enum app_status joint(struct req *r, const struct case_record *k, bool confirm)
{
    struct errors errs = {0};
    const char *refusal;
    int64_t o = any_of_case("SELECT id FROM observation WHERE case_id = ? AND observers = 'joint'",
                            k->id);
    if (confirm)
        return o ? observation_confirm_joint(&r->c, k->id, o, &refusal) : APP_INVALID;
    int64_t id;
    struct observation_input in = {.announced = "yes", .observed_on = day(r, -pick(3)),
                                   .minutes = "40", .observers = chance(70) ? "joint" : "ct",
                                   .notes = "Notes."};
    return observation_record(&r->c, k->id, &in, &id, &errs, &refusal);
}

static enum app_status evidence(struct req *r, const struct case_record *k)
{
    struct errors errs = {0};
    const char *refusal;
    int64_t id;
    struct submission_input in = {.kind = chance(50) ? "written" : "appear", .body = "Mine."};
    return panel_submission_create(&r->c, k->id, &in, &id, &errs, &refusal);
}

/* A session to put the case on: an open one, or a new one. */
static enum app_status docket(struct req *r, const struct case_record *k)
{
    struct errors errs = {0};
    const char *refusal;
    int64_t session = any_id("SELECT id FROM panel_session WHERE program_id = ? AND status = "
                             "'scheduled'",
                             "i", r->c.who.program_id);
    if (!session || chance(30)) {
        struct panel_session_input in = {.held_on = day(r, pick(25)), .starts_at = "16:00",
                                         .place = "Board room"};
        enum app_status s = panel_session_create(&r->c, &in, &session, &errs);
        if (s != APP_OK)
            return s;
    }
    return panel_docket_change(&r->c, session, k->id, chance(90), &errs, &refusal);
}

/* The session the case is on (any), with every sitting member present. */
static int64_t case_session(int64_t case_id)
{
    return any_id("SELECT session_id FROM panel_docket WHERE case_id = ?", "i", case_id);
}

static enum app_status vote(struct req *r, const struct case_record *k, bool close)
{
    struct errors errs = {0};
    const char *refusal;
    int64_t session = case_session(k->id);
    if (!session)
        return APP_INVALID;
    if (close) {
        struct panel_tally t;
        int64_t decision;
        return panel_vote_close(&r->c, session, k->id, &t, &decision, &refusal);
    }
    if (chance(50)) {   /* the coordinator marks the sitting members present */
        struct req co;
        as(&co, "coordinator@parley.test");
        buf ids;
        buf_init(&ids, co.a);
        for (int i = 0; i < 6; i++)
            buf_printf(&ids, "%s%" PRId64, i ? "," : "", id_of(PANEL[i]));
        struct panel_session_input in = {.present = buf_cstr(&ids)};
        enum app_status s = panel_session_update(&co.c, session, 0, &in, &errs, &refusal);
        arena_free(co.a);
        if (s != APP_OK)
            return s;
    }
    return panel_vote_cast(&r->c, session, k->id, chance(80) ? "proficient" : ONE_OF(RATINGS),
                           &errs, &refusal);
}

static enum app_status approve(struct req *r, const struct case_record *k)
{
    struct errors errs = {0};
    const char *refusal;
    int64_t decision = any_of_case("SELECT id FROM panel_decision WHERE case_id = ? ORDER BY id "
                                   "DESC LIMIT 1",
                                   k->id);
    return decision ? decision_answer(&r->c, k->id, decision, 0,
                                      chance(85) ? "approved" : "returned", "Look again.", &errs,
                                      &refusal)
                    : APP_INVALID;
}

static enum app_status outcome(struct req *r, const struct case_record *k)
{
    struct errors errs = {0};
    const char *refusal;
    struct outcome_input in = {.rating_before = "needs_improvement",
                               .rating_after = ONE_OF(RATINGS), .stayed = "yes"};
    return outcome_save(&r->c, k->id, 0, &in, &errs, &refusal);
}

/* One step on a case: mostly one the process says is due, by whom it is
 * due from; else any step of the table, by anyone it names. */
static enum app_status case_step(struct req *r, int64_t id)
{
    as(r, "coordinator@parley.test");
    struct case_record k;
    struct case_facts f;
    if (case_load(&r->c, id, &k) != APP_OK || case_facts_load(&r->c, &k, &f) != APP_OK)
        return APP_NOT_FOUND;
    struct due due[64];
    int n = chance(75) ? workflow_due(&f, due, 64) : 0;
    const struct due *d = n ? &due[pick(n)] : NULL;
    const struct step_def *t = d ? d->step : &case_steps[pick(case_step_count)];
    if (!strcmp(t->key, "withdraw") && chance(80))   /* now and then, not all the time */
        t = &case_steps[0];
    char email[128];
    snprintf(email, sizeof email, "%s", taker(r, &k, d ? d->who : t->who));
    arena_free(r->a);
    as(r, email);
    if (case_load(&r->c, id, &k) != APP_OK)
        return APP_NOT_FOUND;
    M.doing = t->key;
    if (workflow_moves_case(t))
        return t->from[0] == CASE_NONE ? APP_INVALID : move(r, &k, t);
    const char *key = t->key;
    M.doing = key;
    if (!strcmp(key, "propose_goals")) return goals(r, &k, false);
    if (!strcmp(key, "approve_goals")) return goals(r, &k, true);
    if (!strcmp(key, "parley_meeting")) return meeting(r, &k);
    if (!strcmp(key, "joint_observation")) return joint(r, &k, false);
    if (!strcmp(key, "confirm_joint")) return joint(r, &k, true);
    if (!strncmp(key, "write_", 6) || !strcmp(key, "preview_summative") ||
        !strcmp(key, "sign_evaluation"))
        return evaluation(r, &k);
    if (!strcmp(key, "send_recommendation")) return recommend(r, &k);
    if (!strcmp(key, "send_evidence")) return evidence(r, &k);
    if (!strcmp(key, "put_on_docket")) return docket(r, &k);
    if (!strcmp(key, "vote")) return vote(r, &k, false);
    if (!strcmp(key, "close_vote")) return vote(r, &k, true);
    if (!strcmp(key, "approve")) return approve(r, &k);
    if (!strcmp(key, "record_outcome")) return outcome(r, &k);
    return APP_INVALID;   /* feedback and surveys: other suites */
}

/* R29: the Panel's seats are filled again as terms end (the coordinator
 * records each new term), so that the model's years keep a sitting Panel. */
static void renew_terms(void)
{
    struct req r;
    as(&r, "coordinator@parley.test");
    const char *soon = day(&r, 60);
    assert_int_equal(db_begin(M.d), DB_OK);
    for (int i = 0; i < 6; i++) {
        int64_t covered = 0, id = id_of(PANEL[i]), old = 0;
        db_int_query(M.d, &covered, "SELECT COUNT(*) FROM person_role WHERE person_id = ? AND "
                                    "role = 'panel_member' AND term_end >= ?",
                     "is", id, soon);
        if (covered)
            continue;
        db_int_query(M.d, &old, "SELECT id FROM person_role WHERE person_id = ? AND role = "
                                "'panel_member'",
                     "i", id);
        if (old && role_remove(&r.c, id, old) != APP_OK)
            fail_msg("the ended term of %s", PANEL[i]);
        char end[11];
        clock_add_days(today(&r), 3 * 365, end);
        struct role_input in = {.role = "panel_member", .school_id = "",
                                .seat = i < 2 || i == 3 ? "teacher" : "principal",
                                .appointed_by = i < 2 || i == 3 ? "union_president" : "district",
                                .term_start = today(&r), .term_end = end};
        struct errors errs = {0};
        int64_t role;
        if (role_add(&r.c, id, &in, &role, &errs) != APP_OK)
            fail_msg("a new Panel term for %s: %s", PANEL[i], errs.n ? errs.e[0].message : "?");
    }
    assert_int_equal(db_commit(M.d), DB_OK);
    arena_free(r.a);
}

static void step(void)
{
    struct before b[MAX_CASES];
    int nb = snapshot(b, MAX_CASES);
    struct req r = {0};
    int what = pick(100);
    enum app_status s;
    if (what < 3) {
        M.now += (int64_t)(1 + pick(20)) * DAY;
        renew_terms();
        s = APP_OK;
    } else {
        assert_int_equal(db_begin(M.d), DB_OK);
        int64_t active = 0;         /* a district's handful at a time */
        db_int_query(M.d, &active, "SELECT COUNT(*) FROM teacher_case WHERE state NOT IN "
                                   "('cycle_closed', 'withdrawn')", "");
        bool few = active < 40;
        s = what < (few ? 8 : 4) ? contact(&r) : what < 10 ? answer_request(&r)
                                  : what < 15 ? open_case(&r) : case_step(&r, any_case());
        if (s == APP_OK)
            assert_int_equal(db_commit(M.d), DB_OK);
        else
            db_rollback(M.d);
        if (s == APP_ERROR)
            fail_msg("step %ld (seed %" PRIu64 ", %s): the database failed", M.steps, M.seed,
                     M.doing);
    }
    M.taken += s == APP_OK;
    M.steps++;
    invariants_always();
    arena *a = arena_new(0);
    invariants_of_step(b, nb, clock_date(a, M.now));
    arena_free(a);
    if (r.a)
        arena_free(r.a);
}

static void test_process_holds_under_random_steps(void **state)
{
    (void)state;
    const char *steps_env = getenv("PARLEY_MODEL_STEPS"), *seed_env = getenv("PARLEY_MODEL_SEED");
    long steps = steps_env ? atol(steps_env) : 10000;
    M.seed = seed_env ? strtoull(seed_env, NULL, 10) : 20261207;
    printf("model: %ld steps, seed %" PRIu64 "\n", steps, M.seed);
    for (long i = 0; i < steps; i++)
        step();
    /* the generator reached deep into the process */
    int64_t sent = 0, decided = 0, outcomes = 0;
    db_int_query(M.d, &sent, "SELECT COUNT(*) FROM recommendation WHERE status = 'submitted'", "");
    db_int_query(M.d, &decided, "SELECT COUNT(*) FROM panel_decision", "");
    db_int_query(M.d, &outcomes, "SELECT COUNT(*) FROM case_outcome", "");
    int64_t dockets = 0, votes = 0, present = 0;
    db_int_query(M.d, &dockets, "SELECT COUNT(*) FROM panel_docket", "");
    db_int_query(M.d, &votes, "SELECT COUNT(*) FROM panel_vote", "");
    db_int_query(M.d, &present, "SELECT COUNT(*) FROM panel_attendance", "");
    printf("model: %" PRId64 " on dockets, %" PRId64 " votes, %" PRId64 " present\n", dockets,
           votes, present);
    printf("model: %ld of %ld steps went through; %d cases, %" PRId64 " sent to the Panel, %"
           PRId64 " decided, %" PRId64 " outcomes\n",
           M.taken, M.steps, M.ncases, sent, decided, outcomes);
    db_stmt *st = db_query(M.d, "SELECT track || ' ' || state, COUNT(*) FROM teacher_case GROUP BY 1 "
                                "ORDER BY 1", "");
    while (st && db_step(st) == DB_ROW)
        printf("model:   %s: %" PRId64 "\n", db_text(st, 0), db_int(st, 1));
    if (st)
        db_done(st);
    assert_true(M.taken > steps / 20);
}

/* Two Consulting Teachers carry the model's cases: a cap that fits them
 * (a setting of the program's, not a rule's number). */
static bool raise_cap(struct ctx *c)
{
    const char *values[64] = {0};
    for (int i = 0; i < setting_def_count && i < 64; i++)
        if (!strcmp(setting_defs[i].key, "caseload_cap"))
            values[i] = "200";
    struct errors errs = {0};
    return settings_update(c, values, &errs) == APP_OK;
}

static int setup(void **state)
{
    (void)state;
    setenv("TZ", "UTC", 1);
    clock_set_zone("UTC");
    /* in memory when the machine has it: a step is a transaction */
    snprintf(M.path, sizeof M.path, "%s/parley-model-XXXXXX",
             access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
    int fd = mkstemp(M.path);
    if (fd < 0)
        return -1;
    close(fd);
    char *err = NULL;
    M.d = db_open(M.path, &err);
    if (!M.d || db_migrate(M.d, &err) != DB_OK || !secret_init())
        return -1;
    struct app_config cfg = app_default_config();
    if (!app_init(&M.app, &cfg))
        return -1;
    struct req r;
    as(&r, NULL);
    app_operator_ctx(&r.c, &M.app, M.d, r.a);
    int64_t program;
    bool ok = db_begin(M.d) == DB_OK &&
              program_create(&r.c, "Model District", "MD", "UTC", &program) == APP_OK &&
              app_operator_ctx(&r.c, &M.app, M.d, r.a) &&
              demo_build(&r.c, "parley-demo-2026", 0) == APP_OK && raise_cap(&r.c) &&
              db_commit(M.d) == DB_OK;
    arena_free(r.a);
    M.now = clock_now();
    return ok ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    app_fini(&M.app);
    db_close(M.d);
    char side[80];
    unlink(M.path);
    snprintf(side, sizeof side, "%s-wal", M.path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", M.path);
    unlink(side);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_process_holds_under_random_steps),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

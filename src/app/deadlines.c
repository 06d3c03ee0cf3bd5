/* deadlines.c: gathering each case's facts for domain/deadline.c, the
 * caseload and the week view. No rule is decided here. */
#include "app/deadlines.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/casework.h"
#include "app/coaching.h"
#include "app/meetings.h"
#include "app/observation.h"
#include "base/clock.h"
#include "domain/caseload.h"

#define CASE_DEADLINES_MAX (DEADLINE_FEEDBACK_MAX + 8)

/* The facts of a set of cases: each row the fact queries read is put with
 * its case, found by id among the set's (sorted). */
struct case_index {
    int64_t id;
    int at;                          /* in the cases and their facts */
};
struct fact_set {
    struct case_index *order;        /* by id */
    struct deadline_facts *facts;
    int n;
};

static int by_case_id(const void *a, const void *b)
{
    int64_t x = ((const struct case_index *)a)->id, y = ((const struct case_index *)b)->id;
    return (x > y) - (x < y);
}

static struct deadline_facts *facts_of(struct fact_set *fs, int64_t case_id)
{
    struct case_index key = {case_id, 0};
    const struct case_index *found =
        bsearch(&key, fs->order, (size_t)fs->n, sizeof *fs->order, by_case_id);
    return found ? &fs->facts[found->at] : NULL;
}

/* Each fact's query in two forms, both driven from the cases so that each
 * part's table is read through its case index: for one case (k.id), and
 * for every case on a caseload in the program. */
#define FACTS(select_join, tail)                                                             \
    select_join " WHERE k.id = ? AND k.program_id = ? " tail,                                \
        select_join " WHERE k.program_id = ? AND k.state = 'on_caseload' " tail

static db_stmt *facts_query(struct ctx *c, const char *one, const char *all, int64_t only)
{
    return only ? db_query(c->db, one, "ii", only, c->who.program_id)
                : db_query(c->db, all, "i", c->who.program_id);
}

static void goals_facts(struct ctx *c, struct fact_set *fs, int64_t only)
{
    db_stmt *st = facts_query(c,
                              FACTS("SELECT g.case_id, g.kind FROM teacher_case k JOIN goal g ON "
                                    "g.case_id = k.id",
                                    "AND g.status = 'approved'"),
                              only);
    while (st && db_step(st) == DB_ROW) {
        struct deadline_facts *f = facts_of(fs, db_int(st, 0));
        if (f && strcmp(db_text(st, 1), "practice") == 0)
            f->approved_practice++;
        else if (f && strcmp(db_text(st, 1), "student_learning") == 0)
            f->approved_learning++;
    }
    if (st)
        db_done(st);
}

static void observation_facts(struct ctx *c, struct fact_set *fs, int64_t only)
{
    db_stmt *st = facts_query(c,
                              FACTS("SELECT o.case_id, o.observed_on, CASE WHEN "
                                    OBSERVATION_JOINT_CONFIRMED("o") " THEN 1 ELSE 0 END, "
                                    "o.feedback_shared_at FROM teacher_case k JOIN observation o "
                                    "ON o.case_id = k.id",
                                    "AND (" OBSERVATION_JOINT_CONFIRMED("o") " OR "
                                    "o.feedback_shared_at = 0) ORDER BY o.case_id, o.observed_on"),
                              only);
    while (st && db_step(st) == DB_ROW) {
        struct deadline_facts *f = facts_of(fs, db_int(st, 0));
        if (!f)
            continue;
        f->joint_observations += db_int(st, 2) != 0;   /* R18: confirmed by both */
        if (db_int(st, 3) == 0 && f->nfeedback_pending < DEADLINE_FEEDBACK_MAX)
            f->feedback_pending[f->nfeedback_pending++] = db_text_copy(st, 1, c->a);
    }
    if (st)
        db_done(st);
}

static void meeting_facts(struct ctx *c, struct fact_set *fs, int64_t only)
{
    db_stmt *st = facts_query(c,
                              FACTS("SELECT m.case_id, m.phase FROM teacher_case k JOIN meeting m "
                                    "ON m.case_id = k.id",
                                    "AND m.status = 'held'"),
                              only);
    while (st && db_step(st) == DB_ROW) {
        struct deadline_facts *f = facts_of(fs, db_int(st, 0));
        enum meeting_phase p;
        if (f && meeting_phase_parse(db_text(st, 1), &p) && p < PHASE_EXTRA)
            f->meeting_held[p] = true;
    }
    if (st)
        db_done(st);
}

static void caseload_facts(struct ctx *c, struct fact_set *fs, int64_t only)
{
    db_stmt *st = facts_query(c,
                              FACTS("SELECT e.case_id, MIN(e.at) FROM teacher_case k JOIN "
                                    "case_event e ON e.case_id = k.id",
                                    "AND e.to_state = 'on_caseload' AND e.from_state <> "
                                    "'on_caseload' GROUP BY e.case_id"),
                              only);
    while (st && db_step(st) == DB_ROW) {
        struct deadline_facts *f = facts_of(fs, db_int(st, 0));
        if (f)
            f->caseload_since = clock_date(c->a, db_int(st, 1));
    }
    if (st)
        db_done(st);
}

static void facts_read(struct ctx *c, struct fact_set *fs, int64_t only)
{
    goals_facts(c, fs, only);
    caseload_facts(c, fs, only);
    observation_facts(c, fs, only);
    meeting_facts(c, fs, only);
}

/* Up to this many cases (a CT's caseload), the facts are read case by case
 * through the parts' case indexes; beyond, once for the whole program. */
#define FACTS_CASE_BY_CASE 64

static struct deadline_facts *facts_gather(struct ctx *c, const struct case_record *cases, int n)
{
    struct fact_set fs = {arena_alloc(c->a, sizeof(struct case_index) * (size_t)(n + 1)),
                          arena_alloc(c->a, sizeof(struct deadline_facts) * (size_t)(n + 1)), n};
    const char *today = clock_date(c->a, app_now(c));
    int goals_due_days = program_setting_int(c, "goals_due_days");
    int feedback_days = program_setting_int(c, "feedback_days");
    for (int i = 0; i < n; i++) {
        fs.order[i] = (struct case_index){cases[i].id, i};
        fs.facts[i] = (struct deadline_facts){
            .par = cases[i].track == TRACK_PAR, .today = today,
            .cycle_start = cases[i].cycle_start, .cycle_end = cases[i].cycle_end,
            .goals_due_days = goals_due_days, .feedback_days = feedback_days};
    }
    qsort(fs.order, (size_t)n, sizeof *fs.order, by_case_id);
    if (n > FACTS_CASE_BY_CASE)
        facts_read(c, &fs, 0);
    for (int i = 0; i < n && n <= FACTS_CASE_BY_CASE; i++)
        facts_read(c, &fs, cases[i].id);
    return fs.facts;
}

/* Appends the case's deadlines the asker may see (R16) to out. */
static void case_deadlines_add(struct ctx *c, const struct case_record *k,
                               const struct deadline_facts *f, struct case_deadline *out,
                               int *n, int max)
{
    struct deadline ds[CASE_DEADLINES_MAX];
    int nd = deadlines_of_case(f, ds, CASE_DEADLINES_MAX);
    for (int i = 0; i < nd && *n < max; i++) {
        if (!casework_may(c, k, ACT_VIEW, ds[i].kind))
            continue;
        out[*n] = (struct case_deadline){.d = ds[i], .case_id = k->id,
                                         .teacher_name = k->teacher_name};
        out[*n].label = deadline_label(&out[*n].d);
        (*n)++;
    }
}

enum app_status deadlines_case(struct ctx *c, const struct case_record *k,
                               struct case_deadline **out, int *n)
{
    *out = arena_alloc(c->a, sizeof **out * CASE_DEADLINES_MAX);
    *n = 0;
    const struct deadline_facts *f = facts_gather(c, k, 1);
    case_deadlines_add(c, k, f, *out, n, CASE_DEADLINES_MAX);
    return APP_OK;
}

static int by_urgency(const void *a, const void *b)
{
    const struct case_deadline *x = a, *y = b;
    int d = deadline_compare(&x->d, &y->d);
    return d ? d : (x->case_id > y->case_id) - (x->case_id < y->case_id);
}

/* R30: the asker's own caseload, from the cases they take part in. */
static void caseload_of(struct ctx *c, const struct case_record *cases, int ncases,
                        struct caseload *out)
{
    struct caseload_weights w = case_caseload_weights(c);
    memset(out, 0, sizeof *out);
    out->cap = w.cap;
    out->cases = arena_alloc(c->a, sizeof *out->cases * (size_t)(ncases + 1));
    for (int i = 0; i < ncases; i++) {
        if (cases[i].ct_id != c->who.person_id)
            continue;
        out->cases[out->ncases++] = cases[i];
        out->load += caseload_weight(case_track_key(cases[i].track), &w);
        cases[i].track == TRACK_PAR ? out->par++ : out->pa++;
    }
}

enum app_status deadlines_mine(struct ctx *c, struct case_deadline **out, int *n,
                               struct caseload *cl)
{
    struct case_record *cases;
    int ncases = 0;
    enum app_status s = cases_on_caseload(c, &cases, &ncases);
    if (s != APP_OK)
        return s;
    if (cl)
        caseload_of(c, cases, ncases, cl);
    int max = ncases * CASE_DEADLINES_MAX + 1;
    *out = arena_alloc(c->a, sizeof **out * (size_t)max);
    *n = 0;
    const struct deadline_facts *facts = facts_gather(c, cases, ncases);
    for (int i = 0; i < ncases; i++)
        case_deadlines_add(c, &cases[i], &facts[i], *out, n, max);
    qsort(*out, (size_t)*n, sizeof **out, by_urgency);
    return APP_OK;
}

enum app_status caseload_mine(struct ctx *c, struct caseload *out)
{
    struct case_record *cases;
    int ncases = 0;
    enum app_status s = cases_on_caseload(c, &cases, &ncases);
    if (s == APP_OK)
        caseload_of(c, cases, ncases, out);
    return s;
}

bool week_monday(const char *date, char out[11])
{
    int64_t day;
    if (!clock_day_number(date, &day))
        return false;
    /* 1970-01-01 was a Thursday: Monday is 3 days before it. */
    int64_t since_monday = ((day + 3) % 7 + 7) % 7;
    clock_day_date(day - since_monday, out);
    return true;
}

static int by_date(const void *a, const void *b)
{
    const struct week_item *x = a, *y = b;
    int d = strcmp(x->date, y->date);
    return d ? d : strcmp(x->time, y->time);
}

enum app_status week_mine(struct ctx *c, const char *monday, struct week_item **out, int *n)
{
    char sunday[11];
    enum app_status s = app_authorize(c, ACT_LIST, KIND_CASE, NULL);
    if (s != APP_OK)
        return s;
    if (!clock_add_days(monday, 6, sunday))
        return APP_INVALID;
    struct meeting_item *ms;
    struct coaching_item *es;
    int nm = 0, ne = 0;
    int64_t me = c->who.person_id;
    if ((s = meetings_week(c, me, monday, sunday, &ms, &nm)) != APP_OK ||
        (s = coaching_week(c, me, monday, sunday, &es, &ne)) != APP_OK)
        return s;
    *out = arena_alloc(c->a, sizeof **out * (size_t)(nm + ne + 1));
    *n = 0;
    for (int i = 0; i < nm; i++) {
        struct week_item *w = &(*out)[(*n)++];
        snprintf(w->date, sizeof w->date, "%.10s", ms[i].starts_at);
        w->time = strlen(ms[i].starts_at) >= 16 ? arena_printf(c->a, "%.5s", ms[i].starts_at + 11)
                                                : "";
        w->what = arena_printf(c->a, "Parley meeting: %s", meeting_phase_label(ms[i].phase));
        w->detail = ms[i].place;
        w->case_id = ms[i].case_id;
        w->teacher_name = ms[i].teacher_name;
    }
    for (int i = 0; i < ne; i++) {
        struct week_item *w = &(*out)[(*n)++];
        snprintf(w->date, sizeof w->date, "%.10s", es[i].on_date);
        w->time = "";
        w->what = arena_printf(c->a, "Coaching: %s", coaching_kind_label(es[i].kind));
        w->detail = es[i].focus;
        w->case_id = es[i].case_id;
        w->teacher_name = es[i].teacher_name;
    }
    qsort(*out, (size_t)*n, sizeof **out, by_date);
    return APP_OK;
}

/* deadlines.c: gathering each case's facts for domain/deadline.c, the
 * caseload and the week view. No rule is decided here. */
#include "app/deadlines.h"

#include <stdlib.h>
#include <string.h>

#include "app/casework.h"
#include "base/clock.h"
#include "domain/caseload.h"

#define CASE_DEADLINES_MAX (DEADLINE_FEEDBACK_MAX + 8)
#define MINE_PAGE 200

static enum app_status goals_facts(struct ctx *c, int64_t case_id, struct deadline_facts *f)
{
    db_stmt *st = db_query(c->db,
                           "SELECT COALESCE(SUM(CASE WHEN kind = 'practice' THEN 1 ELSE 0 END), 0), "
                           "COALESCE(SUM(CASE WHEN kind = 'student_learning' THEN 1 ELSE 0 END), 0) "
                           "FROM goal WHERE case_id = ? AND status = 'approved'",
                           "i", case_id);
    if (!st)
        return APP_ERROR;
    if (db_step(st) == DB_ROW) {
        f->approved_practice = (int)db_int(st, 0);
        f->approved_learning = (int)db_int(st, 1);
    }
    db_done(st);
    return APP_OK;
}

static enum app_status observation_facts(struct ctx *c, int64_t case_id, struct deadline_facts *f)
{
    int64_t joint = 0;
    if (db_int_query(c->db, &joint,
                     "SELECT COUNT(*) FROM observation WHERE case_id = ? AND observers = 'joint'",
                     "i", case_id) != DB_OK)
        return APP_ERROR;
    f->joint_observations = (int)joint;
    db_stmt *st = db_query(c->db,
                           "SELECT observed_on FROM observation WHERE case_id = ? AND "
                           "feedback_shared_at = 0 ORDER BY observed_on LIMIT ?",
                           "ii", case_id, (int64_t)DEADLINE_FEEDBACK_MAX);
    if (!st)
        return APP_ERROR;
    while (db_step(st) == DB_ROW && f->nfeedback_pending < DEADLINE_FEEDBACK_MAX)
        f->feedback_pending[f->nfeedback_pending++] = db_text_copy(st, 0, c->a);
    db_done(st);
    return APP_OK;
}

static enum app_status meeting_facts(struct ctx *c, int64_t case_id, struct deadline_facts *f)
{
    db_stmt *st = db_query(c->db,
                           "SELECT DISTINCT phase FROM meeting WHERE case_id = ? AND "
                           "status = 'held'",
                           "i", case_id);
    if (!st)
        return APP_ERROR;
    while (db_step(st) == DB_ROW) {
        enum meeting_phase p;
        if (meeting_phase_parse(db_text(st, 0), &p) && p < PHASE_EXTRA)
            f->meeting_held[p] = true;
    }
    db_done(st);
    return APP_OK;
}

static enum app_status case_facts(struct ctx *c, const struct case_record *k,
                                  struct deadline_facts *f)
{
    memset(f, 0, sizeof *f);
    f->par = k->track == TRACK_PAR;
    f->today = clock_date(c->a, app_now(c));
    f->cycle_start = k->cycle_start;
    f->cycle_end = k->cycle_end;
    f->goals_due_days = program_setting_int(c, "goals_due_days");
    f->feedback_days = program_setting_int(c, "feedback_days");
    enum app_status s = goals_facts(c, k->id, f);
    if (s == APP_OK)
        s = observation_facts(c, k->id, f);
    if (s == APP_OK && f->par)
        s = meeting_facts(c, k->id, f);
    return s;
}

/* Appends the case's deadlines the asker may see (R16) to out. */
static enum app_status case_deadlines_add(struct ctx *c, const struct case_record *k,
                                          struct case_deadline *out, int *n, int max)
{
    struct deadline_facts f;
    struct deadline ds[CASE_DEADLINES_MAX];
    enum app_status s = case_facts(c, k, &f);
    if (s != APP_OK)
        return s;
    int nd = deadlines_of_case(&f, ds, CASE_DEADLINES_MAX);
    for (int i = 0; i < nd && *n < max; i++) {
        if (!casework_may(c, k, ACT_VIEW, ds[i].kind))
            continue;
        out[*n] = (struct case_deadline){.d = ds[i], .case_id = k->id,
                                         .teacher_name = k->teacher_name};
        out[*n].label = deadline_label(&out[*n].d);
        (*n)++;
    }
    return APP_OK;
}

enum app_status deadlines_case(struct ctx *c, const struct case_record *k,
                               struct case_deadline **out, int *n)
{
    *out = arena_alloc(c->a, sizeof **out * CASE_DEADLINES_MAX);
    *n = 0;
    return case_deadlines_add(c, k, *out, n, CASE_DEADLINES_MAX);
}

static int by_urgency(const void *a, const void *b)
{
    const struct case_deadline *x = a, *y = b;
    int d = deadline_compare(&x->d, &y->d);
    return d ? d : (x->case_id > y->case_id) - (x->case_id < y->case_id);
}

/* Every case on a caseload the asker takes part in, page by page. */
static enum app_status active_cases(struct ctx *c, struct case_record **out, int *n)
{
    struct case_filter f = {.state = case_state_key(CASE_ON_CASELOAD)};
    struct page_of pg = {.page = 1, .per_page = MINE_PAGE};
    struct case_record *page;
    int got = 0;
    enum app_status s = cases_list(c, &f, &pg, &page, &got);
    if (s != APP_OK)
        return s;
    *out = arena_alloc(c->a, sizeof **out * (size_t)(pg.total + 1));
    *n = 0;
    for (;;) {
        for (int i = 0; i < got && *n <= pg.total; i++)
            (*out)[(*n)++] = page[i];
        if (got < MINE_PAGE || *n >= pg.total)
            return APP_OK;
        pg.page++;
        if ((s = cases_list(c, &f, &pg, &page, &got)) != APP_OK)
            return s;
    }
}

enum app_status deadlines_mine(struct ctx *c, struct case_deadline **out, int *n)
{
    struct case_record *cases;
    int ncases = 0;
    enum app_status s = active_cases(c, &cases, &ncases);
    if (s != APP_OK)
        return s;
    int max = ncases * CASE_DEADLINES_MAX + 1;
    *out = arena_alloc(c->a, sizeof **out * (size_t)max);
    *n = 0;
    for (int i = 0; i < ncases && s == APP_OK; i++)
        s = case_deadlines_add(c, &cases[i], *out, n, max);
    qsort(*out, (size_t)*n, sizeof **out, by_urgency);
    return s;
}

enum app_status caseload_mine(struct ctx *c, struct caseload *out)
{
    struct case_record *cases;
    int ncases = 0;
    memset(out, 0, sizeof *out);
    enum app_status s = active_cases(c, &cases, &ncases);
    if (s != APP_OK)
        return s;
    struct caseload_weights w = {program_setting_int(c, "caseload_weight_par"),
                                 program_setting_int(c, "caseload_weight_pa"),
                                 program_setting_int(c, "caseload_cap")};
    out->cap = w.cap;
    out->cases = arena_alloc(c->a, sizeof *out->cases * (size_t)(ncases + 1));
    for (int i = 0; i < ncases; i++) {
        if (cases[i].ct_id != c->who.person_id)
            continue;
        out->cases[out->ncases++] = cases[i];
        out->load += caseload_weight(case_track_key(cases[i].track), &w);
        cases[i].track == TRACK_PAR ? out->par++ : out->pa++;
    }
    return APP_OK;
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

static enum app_status week_rows(struct ctx *c, db_stmt *st, bool meetings,
                                 struct week_item *out, int *n, int max)
{
    if (!st)
        return APP_ERROR;
    while (db_step(st) == DB_ROW && *n < max) {
        struct week_item *w = &out[(*n)++];
        const char *when = db_text(st, 0);
        memcpy(w->date, when, 10);
        w->date[10] = '\0';
        w->time = meetings && strlen(when) >= 16 ? arena_printf(c->a, "%.5s", when + 11) : "";
        enum meeting_phase p;
        w->what = meetings ? arena_printf(c->a, "Parley meeting: %s",
                                          meeting_phase_parse(db_text(st, 1), &p)
                                              ? meeting_phase_label(p) : "")
                           : arena_printf(c->a, "Coaching: %s", db_text(st, 1));
        w->detail = db_text_copy(st, 2, c->a);
        w->case_id = db_int(st, 3);
        w->teacher_name = db_text_copy(st, 4, c->a);
    }
    db_done(st);
    return APP_OK;
}

static int by_date(const void *a, const void *b)
{
    const struct week_item *x = a, *y = b;
    int d = strcmp(x->date, y->date);
    return d ? d : strcmp(x->time, y->time);
}

#define WEEK_MAX 200

enum app_status week_mine(struct ctx *c, const char *monday, struct week_item **out, int *n)
{
    char next[11];
    enum app_status s = app_authorize(c, ACT_LIST, KIND_CASE, NULL);
    if (s != APP_OK)
        return s;
    if (!clock_add_days(monday, 7, next))
        return APP_INVALID;
    *out = arena_alloc(c->a, sizeof **out * WEEK_MAX);
    *n = 0;
    int64_t me = c->who.person_id;
    s = week_rows(c,
                  db_query(c->db,
                           "SELECT m.starts_at, m.phase, m.place, k.id, t.name FROM meeting m "
                           "JOIN teacher_case k ON k.id = m.case_id JOIN person t ON "
                           "t.id = k.teacher_id WHERE k.ct_id = ? AND m.status <> 'cancelled' "
                           "AND m.starts_at >= ? AND m.starts_at < ? ORDER BY m.starts_at",
                           "iss", me, monday, next),
                  true, *out, n, WEEK_MAX);
    if (s == APP_OK)
        s = week_rows(c,
                      db_query(c->db,
                               "SELECT e.on_date, e.kind, e.focus, k.id, t.name FROM "
                               "coaching_entry e JOIN teacher_case k ON k.id = e.case_id JOIN "
                               "person t ON t.id = k.teacher_id WHERE k.ct_id = ? AND "
                               "e.on_date >= ? AND e.on_date < ? ORDER BY e.on_date",
                               "iss", me, monday, next),
                      false, *out, n, WEEK_MAX);
    qsort(*out, (size_t)*n, sizeof **out, by_date);
    return s;
}

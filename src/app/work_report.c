/* work_report.c: the reports on the program's work, for the coordinator
 * and the Panel (R39): each Consulting Teacher's caseload by school year,
 * visits and observations per case, parley meetings held inside their
 * window (R17), days to feedback (R19). Figures about a group of teachers
 * pass through the small-group rule; a CT's own caseload is the CT's work
 * (R30) and is shown as it is.
 *
 * The school year of a case is the one its cycle starts in (cycle_start),
 * else the one it was opened in; of a meeting, its case's; of feedback,
 * the observation's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/enrolment.h"
#include "app/panel.h"
#include "app/track_record.h"
#include "domain/outcome.h"
#include "base/clock.h"
#include "domain/caseload.h"
#include "domain/cycle.h"

enum app_status work_report_allowed(struct ctx *c)
{
    /* R29: the Panel's members read them while their term runs. */
    return app_authorize(c, ACT_LIST, KIND_PROGRAM_REPORT,
                         &(struct policy_record){.known = true,
                                                 .relations = panel_sitting_rel(c)});
}


/* A date's school year (domain/outcome.h, the one rule); 0 when none. */
static int year_of(const char *date)
{
    int year = 0;
    return school_year_of_date(date, &year) ? year : 0;
}

/* --- caseloads and casework: one row per case on a caseload, once --- */

struct case_fact {
    int year, column;            /* TR_PA, TR_PAR, or -1 (consultancy) */
    int64_t ct_id;
    const char *ct_name, *track;
    int visits, observations;
};

static int by_year_then_ct(const void *a, const void *b)
{
    const struct case_fact *x = a, *y = b;
    if (x->year != y->year)
        return y->year - x->year;
    int d = strcmp(x->ct_name, y->ct_name);
    return d ? d : (x->ct_id > y->ct_id) - (x->ct_id < y->ct_id);
}

static int case_year(struct ctx *c, const char *cycle_start, int64_t created_at)
{
    int year = year_of(cycle_start);
    return year ? year : year_of(clock_date(c->a, created_at));
}

static enum app_status case_facts(struct ctx *c, struct case_fact **out, int *n)
{
    db_stmt *st = db_query(
        c->db,
        "SELECT k.track, k.ct_id, p.name, k.cycle_start, k.created_at, "
        "(SELECT COUNT(*) FROM coaching_entry e WHERE e.case_id = k.id AND e.kind = 'visit'), "
        "COALESCE((SELECT observations FROM observation_tally o WHERE o.case_id = k.id), 0) "
        "FROM teacher_case k JOIN person p ON p.id = k.ct_id "
        "WHERE k.program_id = ? AND k.state IN ('on_caseload', 'cycle_closed') "
        "AND k.track IN ('pa', 'par', 'consultancy')",
        "i", c->who.program_id);
    if (!st)
        return APP_ERROR;
    int cap = 0, rc;
    *out = NULL;
    *n = 0;
    while ((rc = db_step(st)) == DB_ROW) {
        *out = arena_grow(c->a, *out, *n, &cap, sizeof **out);
        struct case_fact *f = &(*out)[(*n)++];
        f->track = strcmp(db_text(st, 0), "par") == 0 ? "par"
                   : strcmp(db_text(st, 0), "pa") == 0 ? "pa" : "consultancy";
        f->column = strcmp(f->track, "par") == 0 ? TR_PAR : strcmp(f->track, "pa") == 0 ? TR_PA : -1;
        f->ct_id = db_int(st, 1);
        f->ct_name = db_text_copy(st, 2, c->a);
        f->year = case_year(c, db_text(st, 3), db_int(st, 4));
        f->visits = (int)db_int(st, 5);
        f->observations = (int)db_int(st, 6);
    }
    db_done(st);
    if (*n)
        qsort(*out, (size_t)*n, sizeof **out, by_year_then_ct);
    return rc == DB_DONE ? APP_OK : APP_ERROR;
}

static void caseloads(struct ctx *c, const struct case_fact *f, int n, struct work_report *w)
{
    struct caseload_weights weights = case_caseload_weights(c);
    int cap = 0;
    w->cap = weights.cap;
    for (int i = 0; i < n; i++) {
        struct caseload_year *y = w->ncaseload ? &w->caseload[w->ncaseload - 1] : NULL;
        if (!y || y->year != f[i].year || y->ct_id != f[i].ct_id) {
            w->caseload = arena_grow(c->a, w->caseload, w->ncaseload, &cap, sizeof *w->caseload);
            y = &w->caseload[w->ncaseload++];
            *y = (struct caseload_year){f[i].year, f[i].ct_id, f[i].ct_name, 0, 0};
        }
        y->cases++;
        y->load += caseload_weight(f[i].track, &weights);
    }
}

/* R39 on a year's means: the rule decides; a hidden cell keeps nothing. */
static void casework_settle(struct casework_year *y, const long long (*sums)[2], int min)
{
    int n[TR_ALL] = {y->cell[TR_PA].n, y->cell[TR_PAR].n};
    enum cell_shown shown[TR_COLUMNS];
    small_group_row(n, TR_ALL, min, shown);
    y->cell[TR_ALL].n = n[TR_PA] + n[TR_PAR];
    for (int col = 0; col < TR_COLUMNS; col++) {
        struct casework_cell *cell = &y->cell[col];
        long long visits = col == TR_ALL ? sums[TR_PA][0] + sums[TR_PAR][0] : sums[col][0];
        long long obs = col == TR_ALL ? sums[TR_PA][1] + sums[TR_PAR][1] : sums[col][1];
        cell->shown = shown[col];
        if (shown[col] != CELL_SHOWN) {
            cell->n = 0;
            continue;
        }
        cell->visits = (double)visits / cell->n;
        cell->observations = (double)obs / cell->n;
    }
}

static void casework(struct ctx *c, const struct case_fact *f, int n, struct work_report *w)
{
    int cap = 0;
    long long sums[TR_ALL][2] = {{0}};
    struct casework_year *y = NULL;
    for (int i = 0; i < n; i++) {
        if (f[i].column < 0)
            continue;   /* consultancy visits are neither PA nor PAR */
        if (!y || y->year != f[i].year) {
            if (y)
                casework_settle(y, (const long long(*)[2])sums, w->small_group_min);
            memset(sums, 0, sizeof sums);
            w->casework = arena_grow(c->a, w->casework, w->ncasework, &cap, sizeof *w->casework);
            y = &w->casework[w->ncasework++];
            y->year = f[i].year;
        }
        y->cell[f[i].column].n++;
        sums[f[i].column][0] += f[i].visits;
        sums[f[i].column][1] += f[i].observations;
    }
    if (y)
        casework_settle(y, (const long long(*)[2])sums, w->small_group_min);
}

/* --- parley meetings held on time (R17) --- */

static int by_year_desc(const void *a, const void *b)
{
    return *(const int *)b - *(const int *)a;   /* year is each row's first member */
}

/* The row of a year, added if new (years are few: a linear search). */
static void *year_row(void *rows, int n, size_t size, int year)
{
    for (int i = 0; i < n; i++)
        if (*(int *)((char *)rows + (size_t)i * size) == year)
            return (char *)rows + (size_t)i * size;
    return NULL;
}

static struct meetings_year *meetings_year_of(struct ctx *c, struct work_report *w, int *cap,
                                              int year)
{
    struct meetings_year *y = year_row(w->meetings, w->nmeetings, sizeof *y, year);
    if (y)
        return y;
    w->meetings = arena_grow(c->a, w->meetings, w->nmeetings, cap, sizeof *w->meetings);
    y = &w->meetings[w->nmeetings++];
    y->year = year;
    return y;
}

static bool held_on_time(const char *starts_at, const char *start, const char *end,
                         const char *phase, bool *on_time)
{
    enum meeting_phase p;
    struct date_window win;
    if (!meeting_phase_parse(phase, &p) || !cycle_meeting_window(start, end, p, &win))
        return false;   /* no window to judge it by */
    char day[11];
    snprintf(day, sizeof day, "%.10s", starts_at);
    *on_time = strcmp(day, win.from) >= 0 && strcmp(day, win.to) <= 0;
    return true;
}

/* R39: one figure a year, about the cases whose meetings it counts. */
static void share_alone(struct share *s, int people, int min)
{
    s->shown = people <= 0 ? CELL_EMPTY : small_group_shown(people, min) ? CELL_SHOWN : CELL_SMALL;
    if (s->shown != CELL_SHOWN)
        s->n = s->num = 0;
    s->percent = share_percent(s->num, s->n);
}

static enum app_status meetings(struct ctx *c, struct work_report *w)
{
    db_stmt *st = db_query(
        c->db,
        "SELECT m.case_id, m.phase, m.starts_at, k.cycle_start, k.cycle_end "
        "FROM teacher_case k JOIN meeting m ON m.case_id = k.id "
        "WHERE k.program_id = ? AND k.state IN ('on_caseload', 'cycle_closed') "
        "AND k.cycle_start <> '' AND m.status = 'held' AND m.phase IN ('start', 'middle', 'end') "
        "ORDER BY m.case_id",
        "i", c->who.program_id);
    if (!st)
        return APP_ERROR;
    int cap = 0, rc;
    int64_t last_case = 0;
    while ((rc = db_step(st)) == DB_ROW) {
        bool on_time;
        if (!held_on_time(db_text(st, 2), db_text(st, 3), db_text(st, 4), db_text(st, 1), &on_time))
            continue;
        struct meetings_year *y = meetings_year_of(c, w, &cap, year_of(db_text(st, 3)));
        y->cases += db_int(st, 0) != last_case;
        last_case = db_int(st, 0);
        y->on_time.n++;
        y->on_time.num += on_time;
    }
    db_done(st);
    for (int i = 0; i < w->nmeetings; i++)
        share_alone(&w->meetings[i].on_time, w->meetings[i].cases, w->small_group_min);
    if (w->nmeetings)
        qsort(w->meetings, (size_t)w->nmeetings, sizeof *w->meetings, by_year_desc);
    return rc == DB_DONE ? APP_OK : APP_ERROR;
}

/* --- days to feedback (R19) --- */

struct feedback_days {
    int year, days, count;
};

static int by_year_then_days(const void *a, const void *b)
{
    const struct feedback_days *x = a, *y = b;
    return x->year != y->year ? y->year - x->year : x->days - y->days;
}

/* How many days each shared feedback took, counted in the program's
 * days: from the tally by the observation's day and the hour it was
 * shared (a zone's offset is whole hours; sql/024), so the rows are few. */
static enum app_status feedback_days_read(struct ctx *c, struct feedback_days **out, int *n)
{
    db_stmt *st = db_query(c->db,
                           "SELECT observed_on, shared_hour, observations FROM feedback_tally "
                           "WHERE program_id = ? AND observations > 0",
                           "i", c->who.program_id);
    if (!st)
        return APP_ERROR;
    int cap = 0, rc;
    *out = NULL;
    *n = 0;
    while ((rc = db_step(st)) == DB_ROW) {
        int64_t seen, shared;
        if (!clock_day_number(db_text(st, 0), &seen) ||
            !clock_day_number(clock_date(c->a, db_int(st, 1) * 3600), &shared))
            continue;
        *out = arena_grow(c->a, *out, *n, &cap, sizeof **out);
        (*out)[(*n)++] = (struct feedback_days){year_of(db_text(st, 0)),
                                                shared > seen ? (int)(shared - seen) : 0,
                                                (int)db_int(st, 2)};
    }
    db_done(st);
    if (*n)
        qsort(*out, (size_t)*n, sizeof **out, by_year_then_days);
    return rc == DB_DONE ? APP_OK : APP_ERROR;
}

static void feedback_year_settle(arena *a, struct feedback_year *y, const struct feedback_days *d,
                                 int n, int feedback_days, int min)
{
    int *values = arena_alloc(a, sizeof *values * (size_t)(n + 1));
    int *counts = arena_alloc(a, sizeof *counts * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        values[i] = d[i].days;
        counts[i] = d[i].count;
        y->observations += d[i].count;
        y->within.num += d[i].days <= feedback_days ? d[i].count : 0;
    }
    y->median_days = median_of_counts(values, counts, n);
    y->within.n = y->observations;
    share_alone(&y->within, y->cases, min);
    y->shown = y->within.shown;
    if (y->shown != CELL_SHOWN)
        y->observations = y->median_days = 0;
}

static enum app_status feedback(struct ctx *c, struct work_report *w)
{
    struct feedback_days *d;
    int n, cap = 0;
    enum app_status s = feedback_days_read(c, &d, &n);
    if (s != APP_OK)
        return s;
    for (int i = 0, j; i < n; i = j) {
        for (j = i; j < n && d[j].year == d[i].year; j++)
            ;
        w->feedback = arena_grow(c->a, w->feedback, w->nfeedback, &cap, sizeof *w->feedback);
        w->feedback[w->nfeedback++].year = d[i].year;
    }
    /* R39 counts people: the cases whose observations each year holds
     * (the school year observed_on is in, as school_year_of() counts it:
     * sql/024). */
    db_stmt *st = db_query(c->db,
                           "SELECT school_year, COUNT(*) FROM feedback_case_tally "
                           "WHERE program_id = ? AND observations > 0 GROUP BY school_year",
                           "i", c->who.program_id);
    if (!st)
        return APP_ERROR;
    while (db_step(st) == DB_ROW) {
        struct feedback_year *y = year_row(w->feedback, w->nfeedback, sizeof *y, (int)db_int(st, 0));
        if (y)
            y->cases = (int)db_int(st, 1);
    }
    db_done(st);
    for (int i = 0, k = 0; i < w->nfeedback; i++) {
        int j = k;
        while (j < n && d[j].year == w->feedback[i].year)
            j++;
        feedback_year_settle(c->a, &w->feedback[i], &d[k], j - k, w->feedback_days, w->small_group_min);
        k = j;
    }
    return APP_OK;
}

enum app_status work_report_read(struct ctx *c, unsigned parts, struct work_report *out)
{
    memset(out, 0, sizeof *out);
    enum app_status s = work_report_allowed(c);
    if (s != APP_OK)
        return s;
    out->small_group_min = program_setting_int(c, "small_group_min");
    out->feedback_days = program_setting_int(c, "feedback_days");
    if (parts & (WORK_CASELOAD | WORK_CASEWORK)) {
        struct case_fact *facts;
        int n;
        if ((s = case_facts(c, &facts, &n)) != APP_OK)
            return s;
        if (parts & WORK_CASELOAD)
            caseloads(c, facts, n, out);
        if (parts & WORK_CASEWORK)
            casework(c, facts, n, out);
    }
    if (parts & WORK_MEETINGS && (s = meetings(c, out)) != APP_OK)
        return s;
    return parts & WORK_FEEDBACK ? feedback(c, out) : APP_OK;
}

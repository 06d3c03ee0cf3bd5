/* report_csv.c: the reports as CSV (RFC 4180, formula-guarded: out/csv.h).
 * /track-record.csv is public like its page; /reports/{name}.csv are the
 * coordinator's and the Panel's. A hidden figure (R39) is an empty field
 * with the words of why in the note column: never its number. */
#include <string.h>

#include "out/csv.h"
#include "web/download.h"
#include "web/handlers.h"
#include "web/reports.h"
#include "web/web.h"

static void csv_send(req *r, buf *b, const char *filename)
{
    web_download(r, b->s ? b->s : "", b->len, "text/csv; charset=utf-8", filename);
}

/* group, count, value, note: the four last columns of every report's CSV. */
static void figure(req *r, csv *o, int n, int num, const char *value, enum cell_shown shown,
                   int min)
{
    if (shown != CELL_SHOWN) {
        csv_field(o, NULL);
        csv_field(o, NULL);
        csv_field(o, NULL);
        csv_field(o, report_hidden(r, shown, min));
    } else {
        csv_int(o, n);
        if (num >= 0)
            csv_int(o, num);
        else
            csv_field(o, NULL);
        csv_field(o, value);
        csv_field(o, NULL);
    }
    csv_row_end(o);
}

static void keys(csv *o, const char *const *k, int n)
{
    for (int i = 0; i < n; i++)
        csv_field(o, k[i]);
    csv_row_end(o);
}

static void share_row(req *r, csv *o, int year, int col, const char *party, const char *measure,
                      const struct share *s, int min)
{
    csv_field(o, report_year(r, year));
    csv_field(o, tr_column_key(col));
    csv_field(o, party);
    csv_field(o, measure);
    figure(r, o, s->n, s->num, arena_printf(r->a, "%d", s->percent), s->shown, min);
}

static void survey_rows(req *r, csv *o, const struct survey_year *y, int col, int min)
{
    const struct survey_cell *cell = &y->cell[col];
    for (int item = 0; item < SURVEY_ITEMS; item++) {
        const char *key = survey_item_key(item);
        for (int agree = 0; agree < 2; agree++) {
            csv_field(o, report_year(r, y->year));
            csv_field(o, tr_column_key(col));
            csv_field(o, y->party);
            csv_field(o, arena_printf(r->a, agree ? "%s_agree_percent" : "%s_mean", key));
            figure(r, o, cell->n, -1,
                   agree ? arena_printf(r->a, "%d", cell->agree[item])
                         : arena_printf(r->a, "%.2f", cell->mean[item]),
                   cell->shown, min);
        }
    }
}

void page_track_record_csv(req *r)
{
    struct track_record t;
    enum app_status s = track_record_read(ctx_of(r), &t);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CONTENT);
        return;
    }
    buf b;
    buf_init(&b, r->a);
    csv o;
    csv_begin(&o, &b);
    keys(&o, (const char *const[]){"school_year", "track", "party", "measure", "group_size",
                                   "count", "value", "note"}, 8);
    for (int i = 0; i < t.noutcomes; i++)
        for (int col = 0; col < TR_COLUMNS; col++) {
            const struct outcome_year *y = &t.outcomes[i];
            if (y->proficient[col].shown == CELL_EMPTY)
                continue;
            share_row(r, &o, y->year, col, "", "reached_proficient_percent", &y->proficient[col],
                      t.small_group_min);
            share_row(r, &o, y->year, col, "", "stayed_percent", &y->stayed[col], t.small_group_min);
        }
    for (int i = 0; i < t.nsurveys; i++)
        for (int col = 0; col < TR_COLUMNS; col++)
            if (t.surveys[i].cell[col].shown != CELL_EMPTY)
                survey_rows(r, &o, &t.surveys[i], col, t.small_group_min);
    csv_send(r, &b, "track-record.csv");
}

/* --- the work reports --- */

static void caseload_csv(req *r, csv *o, const struct work_report *w)
{
    keys(o, (const char *const[]){"school_year", "consulting_teacher", "cases", "weighted_load"}, 4);
    for (int i = 0; i < w->ncaseload; i++) {
        csv_field(o, report_year(r, w->caseload[i].year));
        csv_field(o, w->caseload[i].ct_name);
        csv_int(o, w->caseload[i].cases);
        csv_int(o, w->caseload[i].load);
        csv_row_end(o);
    }
}

static void casework_csv(req *r, csv *o, const struct work_report *w)
{
    keys(o, (const char *const[]){"school_year", "track", "measure", "group_size", "count",
                                  "value", "note"}, 7);
    for (int i = 0; i < w->ncasework; i++)
        for (int col = 0; col < TR_COLUMNS; col++) {
            const struct casework_cell *cell = &w->casework[i].cell[col];
            if (cell->shown == CELL_EMPTY)
                continue;
            for (int obs = 0; obs < 2; obs++) {
                csv_field(o, report_year(r, w->casework[i].year));
                csv_field(o, tr_column_key(col));
                csv_field(o, obs ? "observations_per_case" : "visits_per_case");
                figure(r, o, cell->n, -1,
                       arena_printf(r->a, "%.2f", obs ? cell->observations : cell->visits),
                       cell->shown, w->small_group_min);
            }
        }
}

static void meetings_csv(req *r, csv *o, const struct work_report *w)
{
    keys(o, (const char *const[]){"school_year", "measure", "meetings_held", "on_time",
                                  "percent", "note"}, 6);
    for (int i = 0; i < w->nmeetings; i++) {
        const struct share *s = &w->meetings[i].on_time;
        csv_field(o, report_year(r, w->meetings[i].year));
        csv_field(o, "held_on_time_percent");
        figure(r, o, s->n, s->num, arena_printf(r->a, "%d", s->percent), s->shown,
               w->small_group_min);
    }
}

static void feedback_csv(req *r, csv *o, const struct work_report *w)
{
    keys(o, (const char *const[]){"school_year", "measure", "observations", "count", "value",
                                  "note"}, 6);
    for (int i = 0; i < w->nfeedback; i++) {
        const struct feedback_year *y = &w->feedback[i];
        csv_field(o, report_year(r, y->year));
        csv_field(o, "median_days");
        figure(r, o, y->observations, -1, arena_printf(r->a, "%d", y->median_days), y->shown,
               w->small_group_min);
        csv_field(o, report_year(r, y->year));
        csv_field(o, arena_printf(r->a, "within_%d_days_percent", w->feedback_days));
        figure(r, o, y->within.n, y->within.num, arena_printf(r->a, "%d", y->within.percent),
               y->within.shown, w->small_group_min);
    }
}

static const struct {
    const char *path;
    enum work_part part;
    void (*write)(req *r, csv *o, const struct work_report *w);
} work_csvs[] = {
    {"/reports/caseload.csv", WORK_CASELOAD, caseload_csv},
    {"/reports/casework.csv", WORK_CASEWORK, casework_csv},
    {"/reports/meetings.csv", WORK_MEETINGS, meetings_csv},
    {"/reports/feedback.csv", WORK_FEEDBACK, feedback_csv},
};

/* One handler for the four routes: the path says which report, and only
 * that one is read. */
void page_report_csv(req *r)
{
    for (size_t i = 0; i < sizeof work_csvs / sizeof work_csvs[0]; i++) {
        if (strcmp(r->path, work_csvs[i].path) != 0)
            continue;
        struct work_report w;
        enum app_status s = work_report_read(ctx_of(r), work_csvs[i].part, &w);
        if (s != APP_OK) {
            web_fail(r, s, KIND_PROGRAM_REPORT);
            return;
        }
        buf b;
        buf_init(&b, r->a);
        csv o;
        csv_begin(&o, &b);
        work_csvs[i].write(r, &o, &w);
        csv_send(r, &b, strrchr(work_csvs[i].path, '/') + 1);
        return;
    }
    web_error(r, 404, NULL);
}

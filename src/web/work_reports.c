/* work_reports.c: /reports, the coordinator's and the Panel's page (R39):
 * the Track Record's figures, then the program's work: each CT's caseload
 * by school year, visits and observations per case, parley meetings held
 * on time (R17), days to feedback (R19); each with a chart, a table and a
 * CSV. */
#include <string.h>

#include "out/html.h"
#include "out/svg.h"
#include "web/handlers.h"
#include "web/reports.h"
#include "web/web.h"

static void csv_link(req *r, const char *name, const char *what)
{
    html_printf(&r->out, "<p><a href=\"/reports/%s.csv\" download>Download %s (CSV)</a></p>", name,
                what);
}

/* R30: the latest year's load per CT against the cap; every year in the table. */
static void caseload_report(req *r, const struct work_report *w)
{
    html_printf(&r->out, "<h2>Consulting Teachers' caseloads</h2><p>Each Consulting Teacher's "
                         "cases by the school year their cycle started, and the load they "
                         "weigh (PAR counts more than PA; the cap is %d).</p>", w->cap);
    int k = 0, latest = w->ncaseload ? w->caseload[0].year : 0;
    struct svg_bar *bars = arena_alloc(r->a, sizeof *bars * (size_t)(w->ncaseload + 1));
    for (int i = 0; i < w->ncaseload && w->caseload[i].year == latest; i++, k++)
        bars[k] = (struct svg_bar){w->caseload[i].ct_name, w->caseload[i].load,
                                   arena_printf(r->a, "%d", w->caseload[i].load), NULL};
    report_chart(r, "caseload", arena_printf(r->a, "Weighted caseload in %s", report_year(r, latest)),
          arena_printf(r->a, "Each Consulting Teacher's weighted caseload in the school year "
                             "%s, against a cap of %d. The table below gives every year.",
                       report_year(r, latest), w->cap),
          bars, k, w->cap > 0 ? w->cap : 0);
    table_begin(
        r, "Caseloads by school year", true,
        (const char *const[]){"School year", "Consulting Teacher", "Cases", "Weighted load"}, 4);
    for (int i = 0; i < w->ncaseload; i++)
        html_printf(&r->out, "<tr><th scope=\"row\">%s</th><td>%s</td><td>%d</td><td>%d</td></tr>",
                    report_year(r, w->caseload[i].year), w->caseload[i].ct_name,
                    w->caseload[i].cases, w->caseload[i].load);
    table_end(r);
    csv_link(r, "caseload", "the caseloads");
}

static const char *casework_text(req *r, const struct casework_cell *cell, bool visits, int min)
{
    if (cell->shown != CELL_SHOWN)
        return report_hidden(r, cell->shown, min);
    return arena_printf(r->a, "%.1f", visits ? cell->visits : cell->observations);
}

static void casework_report(req *r, const struct work_report *w)
{
    html_raw(&r->out, "<h2>Visits and observations per case</h2><p>The mean number of "
                      "coaching visits and of observations per case, by the school year the "
                      "case's cycle started and its track.</p>");
    int k = 0;
    struct svg_bar *bars = arena_alloc(r->a, sizeof *bars * (size_t)(w->ncasework * TR_COLUMNS + 1));
    for (int i = 0; i < w->ncasework; i++)
        for (int col = 0; col < TR_COLUMNS; col++) {
            const struct casework_cell *cell = &w->casework[i].cell[col];
            if (cell->shown != CELL_EMPTY)
                bars[k++] = (struct svg_bar){
                    arena_printf(r->a, "%s %s", report_year(r, w->casework[i].year), tr_column_label(col)),
                    cell->observations, casework_text(r, cell, false, w->small_group_min),
                    cell->shown == CELL_SHOWN ? NULL : report_hidden(r, cell->shown, w->small_group_min)};
        }
    report_chart(r, "casework", "Observations per case",
          "For each school year and track, the mean number of observations per case. The table "
          "below also gives the visits.", bars, k, 0);
    table_begin(r, "Visits and observations per case", true,
                (const char *const[]){"School year", "Track", "Cases", "Visits per case",
                                      "Observations per case"},
                5);
    for (int i = 0; i < w->ncasework; i++)
        for (int col = 0; col < TR_COLUMNS; col++) {
            const struct casework_cell *cell = &w->casework[i].cell[col];
            if (cell->shown == CELL_EMPTY)
                continue;
            html_printf(&r->out, "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td><td>%s</td>"
                                 "<td>%s</td></tr>",
                        report_year(r, w->casework[i].year), tr_column_label(col),
                        cell->shown == CELL_SHOWN ? arena_printf(r->a, "%d", cell->n)
                                                  : report_hidden(r, cell->shown, w->small_group_min),
                        casework_text(r, cell, true, w->small_group_min),
                        casework_text(r, cell, false, w->small_group_min));
        }
    table_end(r);
    csv_link(r, "casework", "the visits and observations");
}

static const char *percent_text(req *r, const struct share *s, int min)
{
    return s->shown == CELL_SHOWN ? arena_printf(r->a, "%d%%", s->percent)
                                  : report_hidden(r, s->shown, min);
}

static void meetings_report(req *r, const struct work_report *w)
{
    html_raw(&r->out, "<h2>Parley meetings held on time</h2><p>Of the start, middle and end "
                      "meetings held, the share held inside their window (the cycle's "
                      "first fifth, its middle fifth, its last fifth), by the school year the "
                      "cycle started.</p>");
    struct svg_bar *bars = arena_alloc(r->a, sizeof *bars * (size_t)(w->nmeetings + 1));
    for (int i = 0; i < w->nmeetings; i++) {
        const struct share *s = &w->meetings[i].on_time;
        bars[i] = (struct svg_bar){report_year(r, w->meetings[i].year), s->percent,
                                   percent_text(r, s, w->small_group_min),
                                   s->shown == CELL_SHOWN ? NULL : report_hidden(r, s->shown, w->small_group_min)};
    }
    report_chart(r, "meetings", "Meetings held on time",
          "For each school year, the share of parley meetings held inside their window. "
          "The table below gives the same with the counts.", bars, w->nmeetings, 100);
    table_begin(r, "Parley meetings held on time", true,
                (const char *const[]){"School year", "Meetings held", "On time"}, 3);
    for (int i = 0; i < w->nmeetings; i++) {
        const struct share *s = &w->meetings[i].on_time;
        html_printf(&r->out, "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td></tr>",
                    report_year(r, w->meetings[i].year),
                    s->shown == CELL_SHOWN ? arena_printf(r->a, "%d", s->n)
                                           : report_hidden(r, s->shown, w->small_group_min),
                    s->shown == CELL_SHOWN ? arena_printf(r->a, "%d%% (%d)", s->percent, s->num)
                                           : report_hidden(r, s->shown, w->small_group_min));
    }
    table_end(r);
    csv_link(r, "meetings", "the meetings");
}

static void feedback_report(req *r, const struct work_report *w)
{
    html_printf(&r->out, "<h2>Days to feedback</h2><p>Days from an observation to the day its "
                         "feedback was shared with the teacher, by the school year of the "
                         "observation (within %d days).</p>", w->feedback_days);
    struct svg_bar *bars = arena_alloc(r->a, sizeof *bars * (size_t)(w->nfeedback + 1));
    int longest = w->feedback_days;
    for (int i = 0; i < w->nfeedback; i++) {
        const struct feedback_year *y = &w->feedback[i];
        longest = y->median_days > longest ? y->median_days : longest;
        bars[i] = (struct svg_bar){report_year(r, y->year), y->median_days,
                                   arena_printf(r->a, "%d days", y->median_days),
                                   y->shown == CELL_SHOWN ? NULL : report_hidden(r, y->shown, w->small_group_min)};
    }
    report_chart(r, "feedback", "Median days to feedback",
          "For each school year, the median number of days from an observation to its shared "
          "feedback. The table below gives the share shared in time.", bars, w->nfeedback, longest);
    table_begin(r, "Days to feedback", true,
                (const char *const[]){"School year", "Observations", "Median days",
                                      arena_printf(r->a, "Within %d days", w->feedback_days)},
                4);
    for (int i = 0; i < w->nfeedback; i++) {
        const struct feedback_year *y = &w->feedback[i];
        const char *hidden = report_hidden(r, y->shown, w->small_group_min);
        bool shown = y->shown == CELL_SHOWN;
        html_printf(&r->out, "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td><td>%s</td></tr>",
                    report_year(r, y->year), shown ? arena_printf(r->a, "%d", y->observations) : hidden,
                    shown ? arena_printf(r->a, "%d", y->median_days) : hidden,
                    percent_text(r, &y->within, w->small_group_min));
    }
    table_end(r);
    csv_link(r, "feedback", "the days to feedback");
}

void page_reports(req *r)
{
    struct ctx *c = ctx_of(r);
    struct work_report w;
    struct track_record t;
    enum app_status s = work_report_read(c, WORK_ALL, &w);
    if (s == APP_OK)
        s = track_record_read(c, &t);
    if (s != APP_OK) {
        web_fail(r, s, KIND_PROGRAM_REPORT);
        return;
    }
    page_begin(r, "The program's reports");
    html_printf(&r->out, "<p>What the program achieved and how it worked, for the coordinator "
                         "and the Panel. The same small-group rule as on the public "
                         "<a href=\"/track-record\">Track Record</a> applies: no figure about "
                         "fewer than %d people.</p>", t.small_group_min);
    track_record_section(r, &t);
    caseload_report(r, &w);
    casework_report(r, &w);
    meetings_report(r, &w);
    feedback_report(r, &w);
    final_ratings_link(r);
    page_end(r);
}

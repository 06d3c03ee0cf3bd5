/* reports.c: the Track Record's figures (public) and the program's reports
 * page /reports (the coordinator's and the Panel's), each report a chart
 * drawn on the server with its text alternative, a table with the same
 * figures, and a CSV link. Hidden figures (R39) come from app/ already
 * emptied; here they only get their words. */
#include <string.h>

#include "out/html.h"
#include "out/svg.h"
#include "web/handlers.h"
#include "web/reports.h"
#include "web/web.h"

const char *report_year(req *r, int year)
{
    char label[16];
    return arena_strdup(r->a, school_year_label(year, label, sizeof label));
}

const char *report_hidden(req *r, enum cell_shown why, int small_group_min)
{
    char words[96];
    return arena_strdup(r->a, cell_hidden_text(why, small_group_min, words, sizeof words));
}

static const char *share_text(req *r, const struct share *s, int min)
{
    if (s->shown != CELL_SHOWN)
        return report_hidden(r, s->shown, min);
    return arena_printf(r->a, "%d%% (%d of %d)", s->percent, s->num, s->n);
}

void report_chart(req *r, const char *id, const char *title, const char *desc,
                  const struct svg_bar *bars, int n, double max)
{
    html_raw(&r->out, "<div class=\"chart\">");
    svg_bar_chart(&r->out, &(struct svg_chart){id, title, desc, max, bars, n});
    html_raw(&r->out, "</div>");
}

static struct svg_bar share_bar(req *r, const char *label, const struct share *s, int min)
{
    return (struct svg_bar){label, s->percent, arena_printf(r->a, "%d%%", s->percent),
                            s->shown == CELL_SHOWN ? NULL : report_hidden(r, s->shown, min)};
}

/* One chart of a share, a bar for each year and track. */
static void outcome_chart(req *r, const struct track_record *t, bool stayed, const char *id,
                          const char *title, const char *desc)
{
    int n = t->noutcomes * TR_COLUMNS, k = 0;
    struct svg_bar *bars = arena_alloc(r->a, sizeof *bars * (size_t)(n + 1));
    for (int i = 0; i < t->noutcomes; i++)
        for (int col = 0; col < TR_COLUMNS; col++) {
            const struct outcome_year *y = &t->outcomes[i];
            const struct share *s = stayed ? &y->stayed[col] : &y->proficient[col];
            if (s->shown == CELL_EMPTY)
                continue;
            bars[k++] = share_bar(r, arena_printf(r->a, "%s %s", report_year(r, y->year),
                                                  tr_column_label(col)), s, t->small_group_min);
        }
    report_chart(r, id, title, desc, bars, k, 100);
}

static void outcome_table(req *r, const struct track_record *t)
{
    table_begin(
        r, "Outcomes by school year and track", true,
        (const char *const[]){"School year", "Track", "Reached Proficient", "Stayed on the job"},
        4);
    for (int i = 0; i < t->noutcomes; i++)
        for (int col = 0; col < TR_COLUMNS; col++) {
            const struct outcome_year *y = &t->outcomes[i];
            if (y->proficient[col].shown == CELL_EMPTY)
                continue;
            html_printf(&r->out, "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td><td>%s</td></tr>",
                        report_year(r, y->year), tr_column_label(col),
                        share_text(r, &y->proficient[col], t->small_group_min),
                        share_text(r, &y->stayed[col], t->small_group_min));
        }
    table_end(r);
}

static const char *party_label(const char *party)
{
    return strcmp(party, "teacher") == 0 ? "Teachers" : "Administrators";
}

static void survey_chart(req *r, const struct track_record *t, const char *party)
{
    int k = 0;
    struct svg_bar *bars = arena_alloc(r->a, sizeof *bars * (size_t)(t->nsurveys * SURVEY_ITEMS + 1));
    for (int i = 0; i < t->nsurveys; i++) {
        const struct survey_year *y = &t->surveys[i];
        const struct survey_cell *all = &y->cell[TR_ALL];
        if (strcmp(y->party, party) != 0)
            continue;
        for (int item = 0; item < SURVEY_ITEMS; item++)
            bars[k++] = (struct svg_bar){
                arena_printf(r->a, "%s %s", report_year(r, y->year), survey_item_key(item)),
                all->agree[item], arena_printf(r->a, "%d%%", all->agree[item]),
                all->shown == CELL_SHOWN ? NULL : report_hidden(r, all->shown, t->small_group_min)};
    }
    report_chart(r, arena_printf(r->a, "survey-%s", party),
          arena_printf(r->a, "%s who agree, PA and PAR together", party_label(party)),
          arena_printf(r->a, "For each school year, the share of %s answering 4 or 5 (agree) "
                             "that the process was fair, transparent and humane. The table "
                             "below gives the same by track.", strcmp(party, "teacher") == 0
                                                                   ? "teachers" : "administrators"),
          bars, k, 100);
}

static void survey_cell_td(req *r, const struct survey_cell *cell, int item, int min)
{
    if (cell->shown != CELL_SHOWN)
        html_printf(&r->out, "<td>%s</td>", report_hidden(r, cell->shown, min));
    else
        html_printf(&r->out, "<td>%s</td>", arena_printf(r->a, "%.1f of 5; %d%% agree",
                                                         cell->mean[item], cell->agree[item]));
}

static void survey_table(req *r, const struct track_record *t, const char *party)
{
    html_printf(&r->out, "<div class=\"table-wrap\" tabindex=\"0\"><table><caption>%s: mean "
                         "answer (1 strongly disagree to 5 strongly agree) and share who agree"
                         "</caption><thead><tr><th scope=\"col\">School year</th><th scope=\"col\">"
                         "Track</th><th scope=\"col\">Answers</th>", party_label(party));
    for (int item = 0; item < SURVEY_ITEMS; item++)
        html_printf(&r->out, "<th scope=\"col\">%s</th>", survey_item_label(item));
    html_raw(&r->out, "</tr></thead><tbody>");
    for (int i = 0; i < t->nsurveys; i++)
        for (int col = 0; col < TR_COLUMNS; col++) {
            const struct survey_year *y = &t->surveys[i];
            const struct survey_cell *cell = &y->cell[col];
            if (strcmp(y->party, party) != 0 || cell->shown == CELL_EMPTY)
                continue;
            html_printf(&r->out, "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td>",
                        report_year(r, y->year), tr_column_label(col),
                        cell->shown == CELL_SHOWN ? arena_printf(r->a, "%d", cell->n)
                                                  : report_hidden(r, cell->shown, t->small_group_min));
            for (int item = 0; item < SURVEY_ITEMS; item++)
                survey_cell_td(r, cell, item, t->small_group_min);
            html_raw(&r->out, "</tr>");
        }
    table_end(r);
}

void track_record_section(req *r, const struct track_record *t)
{
    html_raw(&r->out, "<h2>Outcomes</h2>");
    html_printf(&r->out, "<p>Of the teachers whose PA or PAR cycle closed in each school year "
                         "(July to June): the share rated Proficient or better at the end, and "
                         "the share who stayed on the job. A figure about fewer than %d people "
                         "is not shown, nor one that would reveal it by subtraction, so that no "
                         "one can be recognised.</p>",
                t->small_group_min);
    if (!t->noutcomes) {
        html_raw(&r->out, "<p>No cycle has closed with a recorded outcome yet.</p>");
    } else {
        outcome_chart(r, t, false, "reached-proficient", "Reached Proficient",
                      "For each school year and track, the share of teachers rated Proficient "
                      "or Exemplary at the end of their cycle. The table below gives the same.");
        outcome_chart(r, t, true, "stayed", "Stayed on the job",
                      "For each school year and track, the share of teachers who stayed on the "
                      "job, of those whose outcome says. The table below gives the same.");
        outcome_table(r, t);
    }
    html_raw(&r->out, "<h2>What teachers and administrators say</h2><p>At the end of each cycle "
                      "the teacher and, in PAR, the administrator are asked whether the process "
                      "was fair, transparent and humane. Answers are kept apart from names.</p>");
    if (!t->nsurveys)
        html_raw(&r->out, "<p>No survey answers yet.</p>");
    for (int p = 0; p < 2; p++) {
        const char *party = p ? "administrator" : "teacher";
        bool any = false;
        for (int i = 0; i < t->nsurveys; i++)
            any = any || strcmp(t->surveys[i].party, party) == 0;
        if (!any)
            continue;
        html_printf(&r->out, "<h3>%s</h3>", party_label(party));
        survey_chart(r, t, party);
        survey_table(r, t, party);
    }
    html_raw(&r->out, "<p><a href=\"/track-record.csv\" download>Download these figures (CSV)</a></p>");
}

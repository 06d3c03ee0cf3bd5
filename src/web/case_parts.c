/* case_parts.c: the case page's sections and the tabs between a case's
 * parts. Each part's file adds its row to the table below. */
#include "web/case_parts.h"

#include <inttypes.h>
#include <string.h>

#include "app/casework.h"
#include "out/html.h"
#include "web/handlers.h"

const struct case_part_section case_part_sections[] = {
    /* parts: goals (goals.c) */
    {KIND_GOAL, "Goals", "goals", goals_case_summary},
    /* end goals */
    /* parts: observations and artifacts (observations.c, artifacts.c) */
    {KIND_OBSERVATION, "Observations", "observations", observations_summary},
    {KIND_ARTIFACT, "Artifacts", "artifacts", artifacts_summary},
    /* end observations */
    /* parts: coaching log and meetings (coaching.c, meetings.c) */
    {KIND_COACHING, "Coaching log", "coaching", coaching_section},
    {KIND_MEETING, "Meetings", "meetings", meetings_section},
    /* end meetings */
    /* parts: evaluations */
    {KIND_EVALUATION, "Evaluations", "evaluations", evaluations_case_summary},
    /* end evaluations */
    /* parts: recommendation (recommendation.c, decisions.c) */
    {KIND_RECOMMENDATION, "Recommendation", "recommendation", recommendation_summary},
    {KIND_DECISION, "Panel decision", "decision", decision_summary},
    /* end recommendation */
    /* parts: panel */
    /* end panel */
    /* parts: terms */
    /* end terms */
    /* parts: pss */
    /* end pss */
    /* parts: outcomes (outcomes.c) */
    {KIND_OUTCOME, "Outcome", "outcome", outcome_summary},
    /* end outcomes */
    /* parts: reports */
    /* end reports */
    {KIND_NONE, NULL, NULL, NULL},
};

const char *case_part_title(const char *path)
{
    for (const struct case_part_section *p = case_part_sections; p->kind; p++) {
        size_t n = strlen(p->path);
        if (strncmp(path, p->path, n) == 0 && strchr("/#?", path[n]))
            return p->title;
    }
    return NULL;
}

static bool visible(req *r, const struct case_record *k, const struct case_part_section *p)
{
    return casework_may(ctx_of(r), k, ACT_VIEW, p->kind);
}

void case_parts_render(req *r, const struct case_record *k)
{
    for (const struct case_part_section *p = case_part_sections; p->kind; p++) {
        if (!visible(r, k, p))
            continue;
        html_printf(&r->out, "<section class=\"case-part\"><h2><a href=\"/cases/%" PRId64 "/%s\">%s</a>"
                             "</h2>",
                    k->id, p->path, p->title);
        if (p->summary)
            p->summary(r, k);
        html_raw(&r->out, "</section>");
    }
}

void case_part_begin(req *r, const struct case_record *k, const char *title,
                     const char *current)
{
    page_begin(r, arena_printf(r->a, "%s — case of %s", title, k->teacher_name));
    html_printf(&r->out, "<nav class=\"case-tabs\" aria-label=\"Parts of this case\"><ul>"
                         "<li><a href=\"/cases/%" PRId64 "\">The case</a></li>",
                k->id);
    for (const struct case_part_section *p = case_part_sections; p->kind; p++) {
        if (!visible(r, k, p))
            continue;
        bool here = current && strcmp(current, p->path) == 0;
        html_printf(&r->out, "<li><a href=\"/cases/%" PRId64 "/%s\"", k->id, p->path);
        if (here)
            html_raw(&r->out, " aria-current=\"page\"");
        html_printf(&r->out, ">%s</a></li>", p->title);
    }
    html_raw(&r->out, "</ul></nav>");
}

void case_part_not_par(req *r, const struct case_record *k, const char *what)
{
    if (k->track == TRACK_NONE)
        html_printf(&r->out, "<p>The track is not chosen yet: only a PAR case has %s.</p>", what);
    else
        html_printf(&r->out, "<p>%s has no %s: it is coaching, not evaluation.</p>",
                    k->track == TRACK_PA ? "A PA case" : "A consultancy visit", what);
}

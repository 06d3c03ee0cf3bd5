/* goal_form.c: the pieces the goals, goals bank, self-assessment and
 * rubric pages share: a goal's SMART fields as a form and as a record,
 * dates in words, and refusals that name their rule. */
#include <inttypes.h>
#include <string.h>

#include "app/rubric.h"
#include "base/clock.h"
#include "out/html.h"
#include "web/goals.h"

/* The program's indicators, retired ones only when chosen already. */
static struct option *indicator_options(req *r, const char *chosen, int *n)
{
    struct rubric rb = {0};
    int total = 0;
    if (rubric_load(ctx_of(r), true, &rb) != APP_OK)
        rb.nstandards = 0;
    for (int s = 0; s < rb.nstandards; s++)
        total += rb.standards[s].nindicators;
    struct option *opts = arena_alloc(r->a, sizeof *opts * (size_t)(total + 1));
    opts[0] = (struct option){"", "None"};
    *n = 1;
    for (int s = 0; s < rb.nstandards; s++)
        for (int i = 0; i < rb.standards[s].nindicators; i++) {
            const struct rubric_indicator *ind = &rb.standards[s].indicators[i];
            const char *id = arena_printf(r->a, "%" PRId64, ind->id);
            if (ind->retired && !(chosen && strcmp(chosen, id) == 0))
                continue;
            opts[(*n)++] = (struct option){id, arena_printf(r->a, "%s %s%s", ind->code, ind->title,
                                                            ind->retired ? " (retired)" : "")};
        }
    return opts;
}

void goal_fields_form(req *r, const struct goal_input *in, bool with_due, const struct errors *errs)
{
    struct option kinds[GOAL_KIND_COUNT + 1] = {{"", "Choose the kind of goal"}};
    for (int k = 0; k < GOAL_KIND_COUNT; k++)
        kinds[k + 1] =
            (struct option){goal_kind_key((enum goal_kind)k), goal_kind_label((enum goal_kind)k)};
    field_select(r,
                 &(struct field){.name = "kind",
                                 .label = "Kind of goal",
                                 .value = in->kind,
                                 .required = true,
                                 .hint = "Each cycle has at least one professional-"
                                         "practice and one student-learning goal."},
                 kinds, GOAL_KIND_COUNT + 1, errs);
    field_input(
        r, &(struct field){.name = "title", .label = "Title", .value = in->title, .required = true},
        errs);
    field_textarea(r,
                   &(struct field){.name = "specific",
                                   .label = "Specific: what, and for whom",
                                   .value = in->specific,
                                   .required = true},
                   errs);
    field_textarea(r,
                   &(struct field){.name = "measure",
                                   .label = "Measured: how progress is "
                                            "measured",
                                   .value = in->measure,
                                   .required = true},
                   errs);
    field_textarea(r,
                   &(struct field){.name = "actions",
                                   .label = "Actions: the steps and "
                                            "supports",
                                   .value = in->actions},
                   errs);
    if (with_due)
        field_input(r,
                    &(struct field){.name = "due_on",
                                    .label = "Timed: to be met by",
                                    .type = "date",
                                    .value = in->due_on,
                                    .required = true,
                                    .hint = "A day within the cycle."},
                    errs);
    int n;
    struct option *inds = indicator_options(r, in->indicator_id, &n);
    field_select(r,
                 &(struct field){.name = "indicator_id",
                                 .label = "Rubric indicator",
                                 .value = in->indicator_id,
                                 .hint = "The indicator of the rubric this goal works on."},
                 inds, n, errs);
}

struct goal_input goal_input_from_form(req *r, bool with_due)
{
    return (struct goal_input){
        .kind = form_value(r, "kind"),
        .title = form_value(r, "title"),
        .specific = form_value(r, "specific"),
        .measure = form_value(r, "measure"),
        .actions = form_value(r, "actions"),
        .due_on = with_due ? form_value(r, "due_on") : NULL,
        .indicator_id = form_value(r, "indicator_id"),
    };
}

void goal_smart_rows(req *r, enum goal_kind kind, const char *specific, const char *measure,
                     const char *actions, const char *indicator_code, const char *indicator_title)
{
    record_row_or_dash(r, "Kind", goal_kind_label(kind));
    record_row_or_dash(r, "Specific", specific);
    record_row_or_dash(r, "Measured by", measure);
    record_row_or_dash(r, "Actions", actions);
    record_row_or_dash(
        r, "Rubric indicator",
        *indicator_code ? arena_printf(r->a, "%s %s", indicator_code, indicator_title) : "");
}

void date_words(req *r, const char *date)
{
    int64_t day, today;
    html_printf(&r->out, "<time datetime=\"%s\">%s</time>", date, date);
    if (!clock_day_number(date, &day) ||
        !clock_day_number(clock_date(r->a, app_now(ctx_of(r))), &today))
        return;
    int64_t d = day - today;
    if (d == 0)
        html_raw(&r->out, " (today)");
    else if (d > 0)
        html_printf(&r->out, " (in %" PRId64 " day%s)", d, d == 1 ? "" : "s");
    else
        html_printf(&r->out, " (%" PRId64 " day%s ago)", -d, d == -1 ? "" : "s");
}

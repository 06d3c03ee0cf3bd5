/* goals.c: a case's goals on the web (R14, R19, R37): the goals page
 * (where the case stands on R19, its goals by kind, the teacher's
 * self-assessment), one goal with the steps the asker may take on it, the
 * forms to add and revise a goal, and the goals' summary on the case page.
 * Who may do what is decided by app/goals.c through the policy table; a
 * page only offers what the asker may do. */
#include <inttypes.h>
#include <string.h>

#include "base/clock.h"
#include "out/html.h"
#include "web/case_parts.h"
#include "web/goals.h"
#include "web/handlers.h"

static const char *goals_url(req *r, int64_t case_id, int64_t goal_id, const char *rest)
{
    return goal_id ? arena_printf(r->a, "/cases/%" PRId64 "/goals/%" PRId64 "%s", case_id, goal_id,
                                  rest)
                   : arena_printf(r->a, "/cases/%" PRId64 "/goals%s", case_id, rest);
}

static const char *plural(int n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* R19: past the due date without the goals approved. */
static bool goals_overdue(req *r, const char *due, bool met)
{
    return !met && *due && strcmp(due, clock_date(r->a, app_now(ctx_of(r)))) < 0;
}

/* --- where the case stands on R19 --- */

void goals_case_summary(req *r, const struct case_record *k)
{
    int practice = 0, learning = 0, proposed = 0;
    char due[11];
    goals_status(ctx_of(r), k->id, &practice, &learning, &proposed);
    html_printf(&r->out, "<p>%d %s approved, %d proposed", practice + learning,
                plural(practice + learning, "goal", "goals"), proposed);
    bool met = goals_meet_r19(practice, learning);
    if (goals_due(ctx_of(r), k, due)) {
        html_raw(&r->out, "; goals due ");
        date_words(r, due);
        if (goals_overdue(r, due, met))
            html_raw(&r->out, ", <strong>overdue</strong>");
    }
    html_printf(&r->out, ". %s.</p>",
                met ? "The cycle's goals are set: a professional-practice and a student-learning "
                      "goal are approved"
                    : "The cycle's goals are not set yet: it needs an approved "
                      "professional-practice goal and an approved student-learning goal");
}

static void r19_panel(req *r, const struct goals_summary *sum)
{
    html_raw(&r->out, "<section class=\"panel\" aria-labelledby=\"r19\"><h2 id=\"r19\">"
                      "Are the cycle's goals set?</h2>");
    /* R19: one approved goal of each kind. */
    html_printf(&r->out,
                "<p><strong>%s</strong> A cycle needs at least one approved "
                "professional-practice goal and one approved student-learning "
                "goal: this case has %d and %d.",
                sum->met ? "Yes." : "Not yet.", sum->approved_practice, sum->approved_learning);
    rule_link(r, "R19");
    html_raw(&r->out, "</p>");
    if (sum->proposed)
        html_printf(&r->out, "<p>%d %s the Consulting Teacher's approval.</p>", sum->proposed,
                    plural(sum->proposed, "goal waits for", "goals wait for"));
    if (*sum->due_on) {
        html_raw(&r->out, "<p>The goals are due by ");
        date_words(r, sum->due_on);
        html_raw(&r->out, goals_overdue(r, sum->due_on, sum->met)
                              ? ": <strong>they are overdue</strong>, set only once approved.</p>"
                          : sum->met ? ".</p>"
                                     : ": they are set once approved.</p>");
    } else {
        html_raw(&r->out, "<p>When the goals are due is known once the cycle has dates.</p>");
    }
    html_raw(&r->out, "</section>");
}

/* --- the goals page --- */

static void goal_item(req *r, const struct goal *g)
{
    html_printf(&r->out, "<li><a href=\"%s\">%s</a> <span class=\"badge\">%s</span><br>Due ",
                goals_url(r, g->case_id, g->id, ""), g->title, goal_status_label(g->status));
    date_words(r, g->due_on);
    if (*g->indicator_code)
        html_printf(&r->out, "; indicator %s %s", g->indicator_code, g->indicator_title);
    if (g->status == GOAL_RETURNED)
        html_printf(&r->out, "<br>Returned because: %s", g->status_note);
    html_raw(&r->out, "</li>");
}

static void goals_by_kind(req *r, const struct goal *goals, int n)
{
    for (int kind = 0; kind < GOAL_KIND_COUNT; kind++) {
        html_printf(&r->out, "<h2>%s goals</h2>", goal_kind_label((enum goal_kind)kind));
        int shown = 0;
        for (int i = 0; i < n; i++) {
            if (goals[i].kind != (enum goal_kind)kind)
                continue;
            if (!shown++)
                html_raw(&r->out, "<ul>");
            goal_item(r, &goals[i]);
        }
        html_raw(&r->out, shown ? "</ul>" : "<p>None yet.</p>");
    }
}

void page_goals(req *r)
{
    struct ctx *c = ctx_of(r);
    struct case_record k;
    struct goal *goals;
    struct goals_summary sum;
    int n;
    const char *refusal = NULL;
    enum app_status s = goals_list(c, req_id(r, "id"), &k, &goals, &n, &sum, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_GOAL);
        return;
    }
    case_part_begin(r, &k, "Goals", "goals");
    r19_panel(r, &sum);
    if (k.state == CASE_ON_CASELOAD && casework_may(c, &k, ACT_CREATE, KIND_GOAL))
        html_printf(&r->out,
                    "<p class=\"page-actions\"><a class=\"button\" href=\"%s\">Add a "
                    "goal</a></p>",
                    goals_url(r, k.id, 0, "/new"));
    goals_by_kind(r, goals, n);
    self_assessment_section(r, &k);
    html_raw(&r->out, "<p>Goals are tagged to <a href=\"/rubric\">the program's rubric</a>");
    if (app_authorize(c, ACT_LIST, KIND_GOAL_BANK, NULL) == APP_OK)
        html_raw(&r->out, "; goals may start from <a href=\"/goal-bank\">the goals bank</a>");
    html_raw(&r->out, ".</p>");
    page_end(r);
}

/* --- adding a goal --- */

/* A GET form that fills the new goal from a bank goal. */
static void bank_chooser(req *r, const struct case_record *k, const char *chosen)
{
    struct bank_goal *bank;
    int n;
    if (goal_bank_list(ctx_of(r), &bank, &n) != APP_OK || !n)
        return;
    struct option *opts = arena_alloc(r->a, sizeof *opts * (size_t)(n + 1));
    opts[0] = (struct option){"", "Choose a goal of the bank"};
    for (int i = 0; i < n; i++)
        opts[i + 1] = (struct option){
            arena_printf(r->a, "%" PRId64, bank[i].id),
            arena_printf(r->a, "%s: %s", goal_kind_label(bank[i].kind), bank[i].title)};
    html_printf(&r->out, "<form method=\"get\" action=\"%s\" class=\"panel\">",
                goals_url(r, k->id, 0, "/new"));
    field_select(r,
                 &(struct field){.name = "bank",
                                 .label = "Start from the goals bank",
                                 .value = chosen,
                                 .filter = true,
                                 .hint = "Fills the form below with a goal the program "
                                         "keeps; change it to fit."},
                 opts, n + 1, NULL);
    html_raw(&r->out, "<div class=\"form-actions\"><button type=\"submit\" "
                      "class=\"button button-secondary\">Use this goal</button></div></form>");
}

static void goal_new_page(req *r, const struct case_record *k, const struct goal_input *in,
                          const struct errors *errs)
{
    case_part_begin(r, k, "Add a goal", NULL);
    html_raw(&r->out, "<p>A goal is SMART: specific, measured, with the actions that lead to "
                      "it and a date. It is saved as a draft; propose it when it is ready, and "
                      "the Consulting Teacher approves it or returns it with a reason.</p>");
    bank_chooser(r, k, in->bank_id);
    form_errors(r, errs);
    form_begin(r, goals_url(r, k->id, 0, ""));
    if (in->bank_id && *in->bank_id)
        html_printf(&r->out, "<input type=\"hidden\" name=\"bank_id\" value=\"%s\">", in->bank_id);
    goal_fields_form(r, in, true, errs);
    form_end(r, "Save the draft");
    page_end(r);
}

void page_goal_new(req *r)
{
    struct ctx *c = ctx_of(r);
    struct case_record k;
    const char *refusal = NULL, *bank = req_query(r, "bank");
    enum app_status s = casework_open(c, req_id(r, "id"), ACT_CREATE, KIND_GOAL, &k, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_GOAL);
        return;
    }
    struct goal_input in = {0};
    struct bank_goal b;
    if (bank && *bank && goal_bank_get(c, parse_id(bank), &b) == APP_OK && !b.retired)
        in = (struct goal_input){
            .kind = goal_kind_key(b.kind),
            .title = b.title,
            .specific = b.specific,
            .measure = b.measure,
            .actions = b.actions,
            .indicator_id = b.indicator_id ? arena_printf(r->a, "%" PRId64, b.indicator_id) : "",
            .bank_id = arena_printf(r->a, "%" PRId64, b.id)};
    goal_new_page(r, &k, &in, NULL);
}

void do_goal_create(req *r)
{
    struct ctx *c = ctx_of(r);
    int64_t case_id = req_id(r, "id"), id = 0;
    struct goal_input in = goal_input_from_form(r, true);
    in.bank_id = form_value(r, "bank_id");
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = goal_create(c, case_id, &in, &id, &errs, &refusal);
    struct case_record k;
    if (s == APP_INVALID &&
        casework_open(c, case_id, ACT_CREATE, KIND_GOAL, &k, &refusal) == APP_OK) {
        r->status = 400;
        goal_new_page(r, &k, &in, &errs);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_GOAL);
        return;
    }
    web_flash(r, "The goal is saved as a draft. Propose it for approval when it is ready.");
    res_redirect(r, goals_url(r, case_id, id, ""));
}

/* --- one goal --- */

static void goal_record(req *r, const struct goal *g)
{
    html_raw(&r->out, "<dl class=\"record\">");
    record_row_or_dash(r, "Status", goal_status_label(g->status));
    if (g->status == GOAL_RETURNED)
        record_row_or_dash(r, "Returned because", g->status_note);
    goal_smart_rows(r, g->kind, g->specific, g->measure, g->actions, g->indicator_code,
                    g->indicator_title);
    html_raw(&r->out, "<div><dt>To be met by</dt><dd>");
    date_words(r, g->due_on);
    html_raw(&r->out, "</dd></div>");
    record_row_or_dash(r, "Started from the goals bank", g->bank_id ? "Yes" : "No");
    html_printf(&r->out, "<div><dt>Added</dt><dd>by %s, ", *g->created_by ? g->created_by : "—");
    html_time(r, g->created_at);
    html_raw(&r->out, "</dd></div>");
    if (g->status == GOAL_APPROVED) {
        html_printf(&r->out, "<div><dt>Approved</dt><dd>by %s, ", g->approved_by);
        html_time(r, g->approved_at);
        html_raw(&r->out, "</dd></div>");
    }
    html_raw(&r->out, "</dl>");
}

/* The steps the asker may take on the goal now. */
static void goal_steps(req *r, const struct case_record *k, const struct goal *g,
                       const char *reason, const struct errors *errs)
{
    struct ctx *c = ctx_of(r);
    if (k->state != CASE_ON_CASELOAD)
        return;
    bool edit = casework_may(c, k, ACT_EDIT, KIND_GOAL);
    if (edit && goal_editable(g->status))
        html_printf(&r->out,
                    "<p><a class=\"button button-secondary\" href=\"%s\">Revise this "
                    "goal</a></p>",
                    goals_url(r, k->id, g->id, "/edit"));
    if (edit && goal_may_propose(g->status)) {
        form_begin(r, goals_url(r, k->id, g->id, "/propose"));
        version_field(r, g->version);
        form_end(r, "Propose it for approval");
    }
    if (!goal_may_decide(g->status) || !casework_may(c, k, ACT_APPROVE, KIND_GOAL))
        return;
    html_raw(&r->out, "<section class=\"panel\" aria-labelledby=\"decide\"><h2 id=\"decide\">"
                      "Your decision</h2><p>As the case's Consulting Teacher, you approve "
                      "the goal or return it to be revised, saying why.</p>");
    form_begin(r, goals_url(r, k->id, g->id, "/approve"));
    version_field(r, g->version);
    form_end(r, "Approve this goal");
    form_errors(r, errs);
    form_begin(r, goals_url(r, k->id, g->id, "/return"));
    version_field(r, g->version);
    field_textarea(r,
                   &(struct field){.name = "reason",
                                   .label = "Why it goes back",
                                   .value = reason,
                                   .required = true,
                                   .hint = "The teacher reads this."},
                   errs);
    form_end(r, "Return it for revision");
    html_raw(&r->out, "</section>");
}

static void goal_page(req *r, const struct case_record *k, const struct goal *g, const char *reason,
                      const struct errors *errs)
{
    case_part_begin(r, k, g->title, NULL);
    html_printf(&r->out, "<p><a href=\"%s\">All the goals of this case</a></p>",
                goals_url(r, k->id, 0, ""));
    goal_record(r, g);
    goal_steps(r, k, g, reason, errs);
    page_end(r);
}

void page_goal(req *r)
{
    struct case_record k;
    struct goal g;
    const char *refusal = NULL;
    enum app_status s =
        goal_get(ctx_of(r), req_id(r, "id"), req_id(r, "item"), ACT_VIEW, &k, &g, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_GOAL);
        return;
    }
    goal_page(r, &k, &g, NULL, NULL);
}

/* --- revising a goal --- */

static void goal_edit_page(req *r, const struct case_record *k, const struct goal *g,
                           const struct goal_input *in, int64_t version, const struct errors *errs)
{
    case_part_begin(r, k, arena_printf(r->a, "Revise the goal: %s", g->title), NULL);
    if (g->status == GOAL_RETURNED)
        html_printf(&r->out, "<p>The Consulting Teacher returned it because: %s</p>",
                    g->status_note);
    form_errors(r, errs);
    form_begin(r, goals_url(r, k->id, g->id, ""));
    version_field(r, version);
    goal_fields_form(r, in, true, errs);
    form_end(r, "Save the changes");
    page_end(r);
}

/* The goal, opened for a change: an approved goal stands (R19). */
static enum app_status goal_for_edit(req *r, struct case_record *k, struct goal *g)
{
    const char *refusal = NULL;
    enum app_status s =
        goal_get(ctx_of(r), req_id(r, "id"), req_id(r, "item"), ACT_EDIT, k, g, &refusal);
    if (s == APP_OK && !goal_editable(g->status)) {
        s = APP_CONFLICT;
        refusal = goal_step_refusal(g->status);
    }
    if (s != APP_OK)
        web_refuse(r, s, refusal, KIND_GOAL);
    return s;
}

void page_goal_edit(req *r)
{
    struct case_record k;
    struct goal g;
    if (goal_for_edit(r, &k, &g) != APP_OK)
        return;
    struct goal_input in = {
        .kind = goal_kind_key(g.kind),
        .title = g.title,
        .specific = g.specific,
        .measure = g.measure,
        .actions = g.actions,
        .due_on = g.due_on,
        .indicator_id = g.indicator_id ? arena_printf(r->a, "%" PRId64, g.indicator_id) : ""};
    goal_edit_page(r, &k, &g, &in, g.version, NULL);
}

void do_goal_update(req *r)
{
    struct goal_input in = goal_input_from_form(r, true);
    int64_t case_id = req_id(r, "id"), goal_id = req_id(r, "item");
    int64_t version = parse_id(form_value(r, "version"));
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = goal_update(ctx_of(r), case_id, goal_id, version, &in, &errs, &refusal);
    struct case_record k;
    struct goal g;
    if (s == APP_INVALID && goal_for_edit(r, &k, &g) == APP_OK) {
        r->status = 400;
        goal_edit_page(r, &k, &g, &in, version, &errs);
        return;
    }
    if (s == APP_INVALID)
        return; /* goal_for_edit answered */
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_GOAL);
        return;
    }
    web_flash(r, "The goal is saved.");
    res_redirect(r, goals_url(r, case_id, goal_id, ""));
}

/* --- its steps: propose, approve, return --- */

void do_goal_propose(req *r)
{
    int64_t case_id = req_id(r, "id"), goal_id = req_id(r, "item");
    const char *refusal = NULL;
    enum app_status s =
        goal_propose(ctx_of(r), case_id, goal_id, parse_id(form_value(r, "version")), &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_GOAL);
        return;
    }
    web_flash(r, "The goal is proposed: the Consulting Teacher is told, and approves it or "
                 "returns it with a reason.");
    res_redirect(r, goals_url(r, case_id, goal_id, ""));
}

static void goal_decision(req *r, bool approve)
{
    struct ctx *c = ctx_of(r);
    int64_t case_id = req_id(r, "id"), goal_id = req_id(r, "item");
    const char *reason = approve ? NULL : form_value(r, "reason"), *refusal = NULL;
    struct errors errs = {.n = 0};
    enum app_status s = goal_decide(c, case_id, goal_id, parse_id(form_value(r, "version")),
                                    approve, reason, &errs, &refusal);
    struct case_record k;
    struct goal g;
    if (s == APP_INVALID &&
        goal_get(c, case_id, goal_id, ACT_APPROVE, &k, &g, &refusal) == APP_OK) {
        r->status = 400;
        goal_page(r, &k, &g, reason, &errs);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_GOAL);
        return;
    }
    web_flash(r, approve ? "The goal is approved; the teacher is told."
                         : "The goal is returned for revision; the teacher is told why.");
    res_redirect(r, goals_url(r, case_id, goal_id, ""));
}

void do_goal_approve(req *r)
{
    goal_decision(r, true);
}

void do_goal_return(req *r)
{
    goal_decision(r, false);
}

/* cases.c: the case pages. A case's page shows where it is, its timeline
 * (R37) and one form for each step the workflow table gives the viewer now;
 * the teacher's /my-case says where their case is and what comes next; the
 * PAR Agreement prints; /help/workflow is drawn from the same table (and
 * a peer support case's, web/pss.c). */
#include <inttypes.h>
#include <string.h>

#include "app/enrolment.h"
#include "app/process.h"
#include "domain/inquiry.h"
#include "out/html.h"
#include "web/case_parts.h"
#include "web/eligibility.h"
#include "web/handlers.h"
#include "web/pss.h"
#include "web/web.h"

#define STEPS_MAX 32

/* --- the list --- */

static void case_filters(req *r, const struct case_filter *f)
{
    html_raw(&r->out, "<form method=\"get\" action=\"/cases\" class=\"search\" role=\"search\">");
    field_input(r, &(struct field){.name = "q", .label = "Teacher's name", .type = "search",
                                   .value = f->q, .filter = true}, NULL);
    struct option states[CASE_STATE_COUNT] = {{"", "Any step"}};
    for (int i = 1; i < CASE_STATE_COUNT; i++)
        states[i] = (struct option){case_state_key((enum case_state)i),
                                    case_state_label((enum case_state)i)};
    field_select(r, &(struct field){.name = "state", .label = "Step", .value = f->state,
                                    .filter = true}, states, CASE_STATE_COUNT, NULL);
    struct option tracks[TRACK_COUNT] = {{"", "Any track"}};
    for (int i = 1; i < TRACK_COUNT; i++)
        tracks[i] = (struct option){case_track_key((enum case_track)i),
                                    case_track_label((enum case_track)i)};
    field_select(r, &(struct field){.name = "track", .label = "Track", .value = f->track,
                                    .filter = true}, tracks, TRACK_COUNT, NULL);
    html_raw(&r->out, "<div class=\"form-actions\"><button type=\"submit\" class=\"button\">"
                      "Filter</button></div></form>");
}

static const char *cases_base(req *r, const struct case_filter *f)
{
    buf b;
    buf_init(&b, r->a);
    buf_puts(&b, "/cases?q=");
    url_encode(&b, f->q ? f->q : "");
    buf_puts(&b, "&state=");
    url_encode(&b, f->state ? f->state : "");
    buf_puts(&b, "&track=");
    url_encode(&b, f->track ? f->track : "");
    return buf_cstr(&b);
}

static void cases_table(req *r, const struct case_record *cases, int n)
{
    table_begin(r, "Cases", false,
                (const char *const[]){"Teacher", "School", "Step", "Track", "Consulting Teacher",
                                      "Last step"},
                6);
    for (int i = 0; i < n; i++) {
        const struct case_record *k = &cases[i];
        html_printf(&r->out, "<tr><td><a href=\"/cases/%lld\">%s</a></td><td>%s</td><td>%s</td>"
                             "<td>%s</td><td>%s</td><td>",
                    (long long)k->id, k->teacher_name, k->school_name, case_state_label(k->state),
                    case_track_label(k->track), *k->ct_name ? k->ct_name : "—");
        html_time(r, k->updated_at);
        html_raw(&r->out, "</td></tr>");
    }
    table_end(r);
}

void page_cases(req *r)
{
    struct case_filter f = {.q = req_query(r, "q"), .state = req_query(r, "state"),
                            .track = req_query(r, "track")};
    struct page_of pg = {.page = req_page(r), .per_page = 25};
    struct case_record *cases;
    int n;
    enum app_status s = cases_list(ctx_of(r), &f, &pg, &cases, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CASE);
        return;
    }
    page_begin(r, "Cases");
    if (role_set_has(ctx_of(r)->who.roles, ROLE_COORDINATOR))
        html_raw(&r->out, "<p class=\"page-actions\"><a class=\"button\" href=\"/cases/new\">"
                          "Open a case from an inquiry</a></p>");
    html_raw(&r->out, "<p>How a case moves from step to step, and who takes each step, is on "
                      "<a href=\"/help/workflow\">the case workflow</a>.</p>");
    case_filters(r, &f);
    html_printf(&r->out, "<p role=\"status\">%lld %s found.</p>", (long long)pg.total,
                pg.total == 1 ? "case" : "cases");
    cases_table(r, cases, n);
    pagination(r, cases_base(r, &f), pg.page, pg.per_page, pg.total);
    page_end(r);
}

/* --- opening a case --- */

static void case_new_page(req *r, const char *inquiry_id, const struct errors *errs)
{
    struct inquiry_choice *qs;
    int n;
    enum app_status s = case_open_inquiries(ctx_of(r), &qs, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CASE);
        return;
    }
    page_begin(r, "Open a case from an inquiry");
    html_raw(&r->out, "<p>A case starts only from the teacher's own request, sent with "
                      "the contact form. The sender becomes a participating teacher in the "
                      "program (or is matched to their record by email); issue them a password "
                      "link from their record so they can follow their case.</p>");
    form_errors(r, errs);
    form_begin(r, "/cases");
    struct option *opts = arena_alloc(r->a, sizeof *opts * (size_t)(n + 1));
    opts[0] = (struct option){"", "Choose an inquiry"};
    for (int i = 0; i < n; i++) {
        enum interest interest;
        opts[i + 1] = (struct option){
            id_text(r, qs[i].id),
            arena_printf(r->a, "%s: %s (%s), interested in: %s", qs[i].reference, qs[i].name,
                         qs[i].email,
                         interest_parse(qs[i].interest, &interest) ? interest_label(interest)
                                                                    : qs[i].interest)};
    }
    field_select(r, &(struct field){.name = "inquiry_id", .label = "Inquiry", .value = inquiry_id,
                                    .required = true}, opts, n + 1, errs);
    form_end(r, "Open the case");
    page_end(r);
}

void page_case_new(req *r)
{
    case_new_page(r, req_query(r, "inquiry_id"), NULL);
}

void do_case_create(req *r)
{
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    int64_t id = 0;
    const char *inquiry = form_value(r, "inquiry_id");
    enum app_status s = case_open(ctx_of(r), parse_id(inquiry), &id, &errs, &refusal);
    if (s == APP_INVALID)
        r->status = 400;
    if (s == APP_INVALID || web_refused(r, s, refusal)) {
        case_new_page(r, inquiry, &errs);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_CASE);
        return;
    }
    web_flash(r, "The case is open. Next: schedule the initial meeting.");
    res_redirect(r, arena_printf(r->a, "/cases/%" PRId64, id));
}

/* --- one case --- */

/* The inquiry the case came from, a link for those who work the intake
 * queue (its page asks the policy again). */
static void inquiry_row(req *r, const struct case_record *k)
{
    struct ctx *c = ctx_of(r);
    struct policy_record rec = {.known = true,
                                .assigned = k->handler_id && k->handler_id == c->who.person_id};
    if (app_authorize(c, ACT_VIEW, KIND_INQUIRY, &rec) != APP_OK) {
        record_row_or_dash(r, "Inquiry", k->inquiry_ref);
        return;
    }
    html_printf(&r->out, "<div><dt>Inquiry</dt><dd><a href=\"/intake/%" PRId64 "\">%s</a></dd></div>",
                k->inquiry_id, k->inquiry_ref);
}

static void case_details(req *r, const struct case_record *k)
{
    html_raw(&r->out, "<dl class=\"record\">");
    record_row_or_dash(r, "Step", case_state_label(k->state));
    record_row_or_dash(r, "Track", k->track ? case_track_label(k->track) : "");
    record_row_or_dash(r, "Teacher",
                       arena_printf(r->a, "%s (%s)", k->teacher_name, k->teacher_email));
    record_row_or_dash(r, "School", k->school_name);
    record_row_or_dash(r, "Consulting Teacher", k->ct_name);
    record_row_or_dash(
        r, "Initial meeting",
        *k->meeting_at ? arena_printf(r->a, "%s, %s", k->meeting_at, k->meeting_place) : "");
    if (k->track == TRACK_PAR) {
        record_row_or_dash(r, "Union representative", k->union_rep_name);
        record_row_or_dash(
            r, "Agreement review",
            *k->review_at ? arena_printf(r->a, "%s, %s", k->review_at, k->review_place) : "");
    }
    enum plan_type plan = PLAN_COUNT;
    plan_type_parse(k->plan_type, &plan);
    record_row_or_dash(r, "Cycle",
                       *k->cycle_start
                           ? arena_printf(r->a,
                                          "%s to %s, %s of %d months "
                                          "(set by %s)",
                                          k->cycle_start, k->cycle_end, plan_type_label(plan),
                                          k->plan_months, k->timeline_by)
                           : "Not set yet");
    if (k->state == CASE_WITHDRAWN)
        record_row_or_dash(r, "Reason for withdrawal", k->withdrawn_reason);
    record_row_or_dash(r, "Intake handled by", k->handler_name);
    inquiry_row(r, k);
    html_raw(&r->out, "</dl>");
}

static void timeline_table(req *r, const struct case_record *k)
{
    html_raw(&r->out, "<h2 id=\"timeline\">Timeline</h2>");
    table_begin(r, "Every step of this case", false, (const char *const[]){"When", "Who", "What"},
                3);
    for (int i = 0; i < k->nevents; i++) {
        html_raw(&r->out, "<tr><td>");
        html_time(r, k->events[i].at);
        html_printf(&r->out, "</td><td>%s</td><td>%s</td></tr>", k->events[i].actor,
                    plain_words(r, k->events[i].summary, NULL));
    }
    table_end(r);
}

static struct option *ct_options(req *r, const struct case_record *k, int *n)
{
    struct ct_choice *cts;
    int count = 0, cap = 0;
    if (case_ct_choices(ctx_of(r), &cts, &count, &cap) != APP_OK)
        count = 0;
    struct option *opts = arena_alloc(r->a, sizeof *opts * (size_t)(count + 1));
    opts[0] = (struct option){"", "Choose a Consulting Teacher"};
    for (int i = 0; i < count; i++) {
        /* R30 hints: the weighted load against the cap; not the teacher's own school. */
        bool same = cts[i].school_id && cts[i].school_id == k->school_id;
        opts[i + 1] = (struct option){
            id_text(r, cts[i].id),
            arena_printf(r->a, "%s (%s): caseload %d of %d%s", cts[i].name,
                         *cts[i].school_name ? cts[i].school_name : "no school", cts[i].load, cap,
                         same ? "; the teacher's own school, best avoided"
                              : cts[i].load >= cap ? "; full" : "")};
    }
    *n = count + 1;
    return opts;
}

static struct option *rep_options(req *r, int *n)
{
    struct person_choice *reps;
    int count = 0;
    if (case_union_reps(ctx_of(r), &reps, &count) != APP_OK)
        count = 0;
    struct option *opts = arena_alloc(r->a, sizeof *opts * (size_t)(count + 1));
    opts[0] = (struct option){"", "Choose a union representative"};
    for (int i = 0; i < count; i++)
        opts[i + 1] = (struct option){id_text(r, reps[i].id), reps[i].name};
    *n = count + 1;
    return opts;
}

static void track_fields(req *r, const struct case_input *in, const struct errors *errs)
{
    struct option tracks[TRACK_COUNT] = {{"", "Choose a track"}};
    for (int i = 1; i < TRACK_COUNT; i++)
        tracks[i] = (struct option){case_track_key((enum case_track)i),
                                    case_track_label((enum case_track)i)};
    field_select(r, &(struct field){.name = "track", .label = "Track", .value = in->track,
                                    .required = true,
                                    .hint = "The teacher's choice. PAR is checked against "
                                            "the facts below; PA and PAR never at once."},
                 tracks, TRACK_COUNT, errs);
    html_raw(&r->out, "<fieldset class=\"field\"><legend>The facts as confirmed</legend>");
    eligibility_fields(r, &(struct eligibility_answers){in->district_year, in->plan, in->months,
                                                        in->rating, in->union_member,
                                                        in->full_time, in->job},
                       false, errs);
    html_raw(&r->out, "</fieldset>");
}

static void timeline_fields(req *r, const struct case_input *in, const struct errors *errs)
{
    field_input(r, &(struct field){.name = "cycle_start", .label = "The cycle starts",
                                   .type = "date", .value = in->cycle_start, .required = true,
                                   .hint = "Its first day, set before the cycle starts."}, errs);
    field_input(r, &(struct field){.name = "cycle_end", .label = "The cycle ends", .type = "date",
                                   .value = in->cycle_end, .required = true,
                                   .hint = "From 6 months to one year after the start."},
                errs);
    struct option plans[PLAN_COUNT + 1] = {{"", "Choose a plan"}};
    for (int p = 0; p < PLAN_COUNT; p++)
        plans[p + 1] = (struct option){plan_type_key((enum plan_type)p),
                                       plan_type_label((enum plan_type)p)};
    field_select(r, &(struct field){.name = "plan_type", .label = "Plan type",
                                    .value = in->plan_type, .required = true},
                 plans, PLAN_COUNT + 1, errs);
    field_input(r, &(struct field){.name = "plan_months", .label = "Plan length in months",
                                   .type = "number", .value = in->plan_months, .required = true},
                errs);
}

/* One form per step; fields by what the table says the step needs. */
static void step_form(req *r, const struct case_record *k, const struct step_def *t,
                      const struct case_input *in, const struct errors *errs)
{
    html_printf(&r->out, "<section class=\"panel step\" id=\"step-%s\" aria-labelledby=\"h-step-%s\">"
                         "<h3 id=\"h-step-%s\">%s</h3>",
                t->key, t->key, t->key, t->label);
    form_errors(r, errs);
    form_begin(r, arena_printf(r->a, "/cases/%" PRId64 "/transitions#step-%s", k->id, t->key));
    html_printf(&r->out, "<input type=\"hidden\" name=\"to\" value=\"%s\">", t->key);
    int n;
    if (t->needs & NEED_MEETING) {
        field_input(r, &(struct field){.name = "at", .label = "Date and time",
                                       .type = "datetime-local", .value = in->at, .required = true,
                                       .hint = "The day, then the time."}, errs);
        field_input(r, &(struct field){.name = "place", .label = "Place", .value = in->place,
                                       .required = true}, errs);
    }
    if (t->needs & NEED_CT) {
        struct option *cts = ct_options(r, k, &n);
        field_select(r, &(struct field){.name = "ct_id", .label = "Consulting Teacher",
                                        .value = in->ct_id, .required = true,
                                        .hint = "Each CT's weighted caseload (PAR counts 2, "
                                                "PA 1) against the cap; a CT over the cap is "
                                                "refused."}, cts, n, errs);
    }
    if (t->needs & NEED_UNION_REP) {
        struct option *reps = rep_options(r, &n);
        field_select(r, &(struct field){.name = "union_rep_id", .label = "Union representative",
                                        .value = in->union_rep_id, .required = true}, reps, n, errs);
    }
    if (t->needs & NEED_TRACK)
        track_fields(r, in, errs);
    if (t->needs & NEED_TIMELINE)
        timeline_fields(r, in, errs);
    if (t->needs & NEED_REASON)
        field_textarea(r, &(struct field){.name = "reason", .label = "Reason", .value = in->reason,
                                          .required = true}, errs);
    if (t->needs & NEED_NOTES)
        field_textarea(r, &(struct field){.name = "notes", .label = "Notes", .value = in->notes},
                       errs);
    if (t->needs & NEED_SIGNATURE)
        html_printf(&r->out, "<p>By signing you confirm you have read <a href=\"/cases/%lld/"
                             "agreement\">the PAR Agreement</a>.</p>", (long long)k->id);
    step_confirm_field(r, t->key, NULL, t->label, errs);
    form_end(r, t->label);
    html_raw(&r->out, "</section>");
}

/* What is due on the case, for whom and by when, as the asker may see it
 * (R16, R37): every item of every step, from the process table. */
static void case_due_section(req *r, const struct case_record *k, const struct case_facts *f)
{
    struct case_task *ts;
    int n = 0;
    if (case_due(ctx_of(r), k, f, &ts, &n) != APP_OK || !n)
        return;
    html_raw(&r->out, "<section aria-labelledby=\"h-due\"><h2 id=\"h-due\">What is due, and "
                      "from whom</h2>");
    task_list(r, ts, n, TASK_WITH_WHO);
    html_raw(&r->out, "</section>");
}

/* A step of a part is taken on that part's page: a link, not a form. */
static void step_link(req *r, const struct case_record *k, const struct step_offer *o)
{
    html_printf(&r->out, "<li><a href=\"/cases/%" PRId64 "%s%s\">%s</a></li>", k->id,
                *o->step->path ? "/" : "", o->step->path, o->step->label);
}

/* A step stopped by a rule: its reason instead of a button, and the rule
 * by its title, linked to its explanation (issue 18). */
static void step_blocked(req *r, const struct step_offer *o)
{
    html_printf(&r->out, "<li><strong>%s</strong>: not yet. %s%s", o->step->label,
                o->blocked->refusal, o->detail);
    rule_link(r, o->blocked->rule);
    html_raw(&r->out, "</li>");
}

void step_confirm_field(req *r, const char *step, const char *key, const char *button,
                        const struct errors *errs)
{
    const struct step_def *t = workflow_find(step);
    if (t && t->confirm)
        field_confirm(r, key ? key : t->key, button, t->confirm, errs);
}

bool step_awaits_confirmation(req *r, int64_t case_id, const char *step, const char *key,
                              struct errors *errs)
{
    const struct step_def *t = workflow_find(step);
    struct case_record k;
    struct step_offer o;
    if ((t && !t->confirm) || form_confirmed(r) || case_get(ctx_of(r), case_id, &k) != APP_OK)
        return false;
    if (!t)
        t = workflow_resolve(step, k.state);   /* "to" may name the state it reaches */
    if (!t || !t->confirm || !case_step_offer(ctx_of(r), &k, t->key, &o) || o.blocked)
        return false;
    form_unconfirmed(r, key ? key : t->key, errs);
    return true;
}

bool step_offered(req *r, const struct case_record *k, const char *step)
{
    struct step_offer o;
    if (!case_step_offer(ctx_of(r), k, step, &o))
        return false;
    if (o.blocked) {
        html_printf(&r->out, "<p class=\"not-yet\"><strong>%s</strong>: not yet. %s%s",
                    o.step->label, o.blocked->refusal, o.detail);
        rule_link(r, o.blocked->rule);
        html_raw(&r->out, "</p>");
    }
    return !o.blocked || web_step_refused(r, step);
}

/* failed: the step whose form is shown again with what was typed, even
 * when a rule stops it now (its refusal is at the top of the page). */
static void case_page(req *r, const struct case_record *k, const char *failed,
                      const struct case_input *in, const struct errors *errs)
{
    struct ctx *c = ctx_of(r);
    struct case_facts f;
    if (case_facts_load(c, k, &f) != APP_OK) {
        web_fail(r, APP_ERROR, KIND_CASE);
        return;
    }
    page_begin(r, arena_printf(r->a, "Case of %s", k->teacher_name));
    html_printf(&r->out, "<p class=\"status\">%s</p>",
                case_status_words(c, k, &f));
    case_details(r, k);
    case_due_section(r, k, &f);
    case_parts_render(r, k);
    if (k->track == TRACK_PAR)
        html_printf(&r->out, "<p><a href=\"/cases/%lld/agreement\">The PAR Agreement "
                             "(printable)</a></p>", (long long)k->id);
    struct step_offer offers[STEPS_MAX];
    int n = case_offers(c, k, &f, offers, STEPS_MAX), links = 0, shown = 0;
    html_raw(&r->out, "<h2 id=\"next-steps\">Your next steps</h2>");
    for (int i = 0; i < n; i++) {
        const struct step_def *t = offers[i].step;
        bool again = failed && strcmp(failed, t->key) == 0;
        if ((offers[i].blocked && !again) || !workflow_moves_case(t))
            continue;
        step_form(r, k, t, again ? in : t->needs & NEED_TRACK ? &k->confirmed
                                                             : &(struct case_input){0},
                  again ? errs : NULL);
        shown++;
    }
    for (int i = 0; i < n; i++) {
        if (offers[i].blocked || workflow_moves_case(offers[i].step))
            continue;
        html_raw(&r->out, links++ ? "" : "<p>On this case's pages:</p><ul class=\"steps\">");
        step_link(r, k, &offers[i]);
    }
    if (links)
        html_raw(&r->out, "</ul>");
    int blocked = 0;
    for (int i = 0; i < n; i++) {
        if (!offers[i].blocked)
            continue;
        html_raw(&r->out, blocked++ ? "" : "<p>Not yet possible, and why:</p><ul class=\"steps\">");
        step_blocked(r, &offers[i]);
    }
    if (blocked)
        html_raw(&r->out, "</ul>");
    if (!shown && !links && !blocked)
        html_raw(&r->out, "<p>No step of this case is yours to take now.</p>");
    timeline_table(r, k);
    page_end(r);
}

void page_case(req *r)
{
    struct case_record k;
    enum app_status s = case_get(ctx_of(r), req_id(r, "id"), &k);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CASE);
        return;
    }
    case_page(r, &k, NULL, NULL, NULL);
}

static struct case_input case_input_from_form(req *r)
{
    return (struct case_input){
        .to = form_value(r, "to"), .at = form_value(r, "at"), .place = form_value(r, "place"),
        .ct_id = form_value(r, "ct_id"), .union_rep_id = form_value(r, "union_rep_id"),
        .track = form_value(r, "track"), .district_year = form_value(r, "district_year"),
        .plan = form_value(r, "plan"), .months = form_value(r, "months"),
        .rating = form_value(r, "rating"), .union_member = form_value(r, "union_member"),
        .full_time = form_value(r, "full_time"), .job = form_value(r, "job"),
        .cycle_start = form_value(r, "cycle_start"), .cycle_end = form_value(r, "cycle_end"),
        .plan_type = form_value(r, "plan_type"), .plan_months = form_value(r, "plan_months"),
        .reason = form_value(r, "reason"), .notes = form_value(r, "notes"),
    };
}

void do_case_transition(req *r)
{
    struct ctx *c = ctx_of(r);
    int64_t id = req_id(r, "id");
    struct case_input in = case_input_from_form(r);
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    const struct step_def *t = workflow_find(in.to);
    enum app_status s = step_awaits_confirmation(r, id, in.to, NULL, &errs)
                            ? APP_INVALID
                            : case_fire(c, id, &in, &errs, &refusal);
    struct case_record k;
    if (s == APP_INVALID)
        r->status = 400;
    if ((s == APP_INVALID || web_refused(r, s, refusal)) && case_get(c, id, &k) == APP_OK) {
        case_page(r, &k, in.to, &in, &errs);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_CASE);
        return;
    }
    web_flash(r, arena_printf(r->a, "Done: %s.", t ? t->label : "the step was recorded"));
    res_redirect(r, arena_printf(r->a, "/cases/%" PRId64, id));
}

/* --- the PAR Agreement, printable (R11) --- */

static void signature(req *r, const char *who, const char *name, int64_t at)
{
    html_printf(&r->out, "<div class=\"signature\"><p><strong>%s</strong>: %s</p><p>", who, name);
    if (at) {
        html_raw(&r->out, "Signed ");
        html_time(r, at);
    } else {
        html_raw(&r->out, "Not signed yet");
    }
    html_raw(&r->out, "</p></div>");
}

void page_case_agreement(req *r)
{
    struct case_record k;
    enum app_status s = case_get(ctx_of(r), req_id(r, "id"), &k);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CASE);
        return;
    }
    page_begin(r, "PAR Agreement");
    html_raw(&r->out, "<article class=\"agreement\">");
    html_printf(&r->out, "<p>Between <strong>%s</strong> (%s), the participating teacher, and "
                         "the program, reviewed with <strong>%s</strong>, union representative.</p>",
                k.teacher_name, *k.school_name ? k.school_name : "no school recorded",
                *k.union_rep_name ? k.union_rep_name : "a union representative (not chosen yet)");
    html_raw(&r->out,
             "<ol><li>Taking part is voluntary: the teacher asked to join, and may withdraw at "
             "any time.</li><li>A Consulting Teacher is the teacher's coach and primary "
             "evaluator; the principal or administrator is the secondary evaluator.</li>"
             "<li>The cycle lasts from 6 months to one year; the administrator sets its "
             "timeline before it starts.</li><li>At least three parley meetings of "
             "the teacher, the Consulting Teacher and the administrator are held.</li>"
             "<li>The teacher sees everything in their case: every document, every deadline, "
             "and who viewed or changed it.</li><li>At the end the Consulting Teacher "
             "recommends a rating to the Panel; the teacher sees it first and may submit "
             "evidence.</li></ol>");
    signature(r, "The teacher", k.teacher_name, k.teacher_signed_at);
    signature(r, "The union representative", *k.union_rep_name ? k.union_rep_name : "—",
              k.rep_signed_at);
    html_printf(&r->out, "</article><p class=\"no-print\"><a href=\"/cases/%lld\">Back to the "
                         "case</a>. Print this page with your browser's Print command.</p>",
                (long long)k.id);
    page_end(r);
}

/* --- the teacher's status page (R37) --- */

/* The dates of the case, as the teacher counts them. */
static void case_dates(req *r, const struct case_record *k)
{
    html_raw(&r->out, "<h2>When</h2><ul>");
    if (*k->meeting_at)
        html_printf(&r->out, "<li>Initial meeting: %s, %s.</li>", k->meeting_at, k->meeting_place);
    if (*k->review_at)
        html_printf(&r->out, "<li>PAR Agreement review: %s, %s.</li>", k->review_at,
                    k->review_place);
    if (*k->cycle_start)
        html_printf(&r->out, "<li>Your cycle: %s to %s.</li>", k->cycle_start, k->cycle_end);
    else if (k->track == TRACK_PAR)
        html_raw(&r->out, "<li>Your cycle's dates: not set yet; your administrator sets them "
                          "before it starts.</li>");
    html_raw(&r->out, "</ul>");
}

void page_my_case(req *r)
{
    struct case_record k;
    struct case_facts f;
    enum app_status s = case_mine(ctx_of(r), &k);
    if (s == APP_OK)
        s = case_facts_load(ctx_of(r), &k, &f);
    if (s != APP_OK && s != APP_NOT_FOUND) {
        web_fail(r, s, KIND_CASE);
        return;
    }
    page_begin(r, "My case");
    if (s == APP_NOT_FOUND) {
        html_raw(&r->out, "<p>You have no case in the program. To ask for one, <a "
                          "href=\"/eligibility\">check your eligibility</a> and send the contact "
                          "form.</p>");
        page_end(r);
        return;
    }
    html_printf(&r->out, "<section class=\"panel\" aria-labelledby=\"where\"><h2 id=\"where\">"
                         "Where your case is: %s</h2><p>%s</p></section>",
                case_state_label(k.state), case_status_words(ctx_of(r), &k, &f));
    case_details(r, &k);
    case_due_section(r, &k, &f);
    case_dates(r, &k);
    case_parts_render(r, &k);
    html_printf(&r->out, "<p><a href=\"/cases/%lld\">Your case's page</a>", (long long)k.id);
    if (k.track == TRACK_PAR)
        html_printf(&r->out, " · <a href=\"/cases/%lld/agreement\">Your PAR Agreement</a>",
                    (long long)k.id);
    html_raw(&r->out, "</p>");
    timeline_table(r, &k);
    page_end(r);
}

/* --- the workflow, from its table --- */

static void workflow_step_row(req *r, const struct step_def *t)
{
    buf from, who;
    buf_init(&from, r->a);
    buf_init(&who, r->a);
    for (int k = 0; k < WORKFLOW_MAX_FROM && (k == 0 || t->from[k] != CASE_NONE); k++)
        buf_printf(&from, "%s%s", k ? ", " : "",
                   t->from[k] == CASE_NONE ? "The inquiry" : case_state_label(t->from[k]));
    workflow_who_text(&who, t->who);
    html_printf(&r->out, "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td><td>%s</td><td>",
                t->label, buf_cstr(&from), t->stays ? "(stays)" : case_state_label(t->to),
                buf_cstr(&who));
    for (int g = 0; g < WORKFLOW_MAX_GUARDS && t->guards[g]; g++) {
        html_printf(&r->out, "<p>%s", t->guards[g]->refusal);
        rule_link(r, t->guards[g]->rule);
        html_raw(&r->out, "</p>");
    }
    html_printf(&r->out, "</td><td>%s</td></tr>", t->records);
}

void page_workflow(req *r)
{
    page_begin(r, "The case workflow");
    html_raw(&r->out, "<p>This page is made from the very table the program follows when a "
                      "case moves on: nobody can take a step that is not listed here, and each "
                      "rule that can stop a step says so in the words below.</p><h2>Steps</h2><ol>");
    for (int s = 1; s < CASE_STATE_COUNT; s++)
        html_printf(&r->out, "<li><strong>%s</strong>: %s</li>", case_states[s].label,
                    case_states[s].for_teacher);
    html_raw(&r->out, "</ol><h2>Who moves a case on</h2>");
    table_begin(
        r, NULL, false,
        (const char *const[]){"Step", "From", "To", "Who", "Rules that must hold", "Records"}, 6);
    for (int i = 0; i < case_step_count; i++)
        workflow_step_row(r, &case_steps[i]);
    html_raw(&r->out, "</tbody></table></div><h2>The diagram</h2><p>In Graphviz's DOT "
                      "language (<code>parley workflow</code> prints it):</p>"
                      "<pre class=\"dot\" tabindex=\"0\">");
    buf dot;
    buf_init(&dot, r->a);
    workflow_dot(&dot);
    html_text(&r->out, buf_cstr(&dot));
    html_raw(&r->out, "</pre>");
    pss_workflow_help(r);
    page_end(r);
}

/* pss_case.c: one peer support case: the request, the cost (R32), the
 * leave (R36), the district's agreement (R33), any hold (R35), the
 * consultant; for the member, the local president and the consultant, the
 * work: the log, the reports and their releases with the three consents
 * (R34). Each person sees the forms of the steps the case's process table
 * (domain/pss_process.c) lets them take now, and, where a rule stops one
 * for now, why instead of its button. */
#include <inttypes.h>
#include <string.h>

#include "out/html.h"
#include "web/handlers.h"
#include "web/pss.h"

/* What was typed, shown again beside its errors or below a refusal (its
 * form shown though a rule stops it now: web_step_refused). */
struct pss_typed {
    struct pss_change ch;
    const char *log_kind, *on_date, *log_note, *title, *body, *report_id, *recipient, *purpose;
};

static void row_when(req *r, const char *label, int64_t t, const char *after)
{
    html_printf(&r->out, "<div><dt>%s</dt><dd>", label);
    pss_when(r, t);
    html_printf(&r->out, "%s</dd></div>", after);
}

static const char *or(const char *typed, const char *stored)
{
    return typed ? typed : stored;
}

static const char *action(req *r, const struct pss_case *k, const char *step)
{
    return arena_printf(r->a, "/pss/%" PRId64 "/%s", k->id, step);
}

/* A release's own name for its step's confirmation ("release-12"): each
 * release on the page keeps its own box. */
static const char *release_key(req *r, const char *step, int64_t release_id)
{
    return arena_printf(r->a, "%s-%" PRId64, step, release_id);
}

/* The case and its facts for the process table. */
struct pss_view {
    const struct pss_case *k;
    struct pss_facts f;
};

/* Whether the asker may take step key now (release: an index, or -1).
 * When a rule stops it for now, its reason in plain words takes the
 * button's place, and the rule by its title links to its explanation;
 * the rule's number is only in the link. */
static bool offered(req *r, const struct pss_view *v, const char *key, int release)
{
    struct pss_offer o;
    if (!pss_step_offer(ctx_of(r), v->k, &v->f, key, release, &o))
        return false;
    if (o.blocked) {
        html_printf(&r->out, "<p class=\"not-yet\"><strong>%s</strong>: not yet. %s%s",
                    o.step->label, o.blocked->refusal, o.detail);
        rule_link(r, o.blocked->rule);
        html_raw(&r->out, "</p>");
    }
    return !o.blocked || web_step_refused(r, key);
}

/* --- what the case holds --- */

static void details(req *r, const struct pss_case *k)
{
    html_raw(&r->out, "<h2 id=\"request\">The request</h2><dl class=\"record\">");
    row_when(r, "Asked", k->created_at, "");
    record_row_or_dash(r, "Member", k->member_name);
    record_row_or_dash(r, "Who asked", pss_referral_label(k->referral));
    record_row_or_dash(r, "Local president", k->president_name);
    record_row_or_dash(r, "Reason", pss_reason_label(k->reason));
    record_row_or_dash(r, "School district", k->district);
    record_row_or_dash(r, "What help is wanted", k->request_note);
    record_row_or_dash(r, "Recorded by", k->created_by_name);
    record_row_or_dash(r, "Status", pss_status_label(k->status));
    record_row_or_dash(r, "Consultant",
                       *k->consultant_name ? k->consultant_name : "Not assigned yet");
    html_raw(&r->out, "</dl><h2 id=\"terms\">Cost, leave and the district's agreement</h2>"
                      "<dl class=\"record\">");
    record_row_or_dash(r, "Who pays",
                       *k->cost_note
                           ? arena_printf(r->a, "%s: %s", pss_cost_label(k->cost), k->cost_note)
                           : pss_cost_label(k->cost));
    record_row_or_dash(r, "Leave of absence",
                       k->leave_needed
                           ? arena_printf(r->a, "From %s to %s%s%s", k->leave_from, k->leave_to,
                                          *k->leave_note ? ". " : "", k->leave_note)
                           : "None recorded");
    record_row_or_dash(r, "The federation and leave", pss_leave_notice);
    row_when(r, "The district's agreement", k->agreement_at,
             k->agreement_at ? arena_printf(r->a, ", for the district: %s%s%s", k->agreement_by,
                                            *k->agreement_note ? ". " : "", k->agreement_note)
                             : " Not recorded: no work starts until it is.");
    html_printf(&r->out, "<div><dt>Hold</dt><dd>%s", pss_hold_label(k->hold));
    if (k->hold != PSS_HOLD_NONE) {
        html_raw(&r->out, ", since ");
        html_time(r, k->hold_at);
        html_printf(&r->out, ": %s. Nothing from the consultant is requested or offered "
                             "while it stands.",
                    k->hold_note);
    }
    html_raw(&r->out, "</dd></div></dl>");
}

static void log_section(req *r, const struct pss_case *k)
{
    html_raw(&r->out, "<h2 id=\"log\">The consultant's log</h2>");
    if (!k->nlog)
        html_raw(&r->out, "<p>No work recorded yet.</p>");
    else
        html_raw(&r->out, "<ul class=\"notes\">");
    for (int i = 0; i < k->nlog; i++) {
        const struct pss_log_entry *e = &k->log[i];
        html_raw(&r->out, "<li><p><strong>");
        html_date(r, e->on_date);
        html_printf(&r->out, "</strong>, %s: %s</p><p class=\"hint\">%s, recorded ",
                    pss_log_kind_label(e->kind), e->note, e->author);
        html_time(r, e->created_at);
        html_raw(&r->out, "</p></li>");
    }
    if (k->nlog)
        html_raw(&r->out, "</ul>");
}

static void reports_section(req *r, const struct pss_case *k)
{
    html_raw(&r->out, "<h2 id=\"reports\">Reports</h2><p>A report goes to nobody unless the "
                      "member, the local president and the consultant each consent, in advance, "
                      "to its release to a named recipient.</p>");
    if (!k->nreports)
        html_raw(&r->out, "<p>No reports yet.</p>");
    for (int i = 0; i < k->nreports; i++) {
        const struct pss_report_item *e = &k->reports[i];
        html_printf(&r->out, "<article class=\"report\"><h3>%s</h3><p>%s</p><p class=\"hint\">"
                             "By %s, ", e->title, e->body, e->author);
        html_time(r, e->created_at);
        html_raw(&r->out, "</p></article>");
    }
}

/* A small form for one release: consent, or release it now (a weighty
 * step: it asks to confirm). */
static void release_button(req *r, const struct pss_case *k, const struct pss_release_item *x,
                           const char *step, const char *label, const struct errors *errs)
{
    const struct pss_step *t = pss_step_find(step);
    html_printf(&r->out, "<form method=\"post\" action=\"%s\" class=\"inline-form\">"
                         "<input type=\"hidden\" name=\"csrf\" value=\"%s\">"
                         "<input type=\"hidden\" name=\"release_id\" value=\"%lld\">",
                action(r, k, step), web_of(r)->csrf, (long long)x->id);
    if (t->confirm)
        field_confirm(r, release_key(r, step, x->id), t->label, t->confirm, errs);
    html_printf(&r->out, "<button type=\"submit\" class=\"button\">%s</button></form>", label);
}

static void release_item(req *r, const struct pss_view *v, int i, const struct errors *errs)
{
    const struct pss_release_item *x = &v->k->releases[i];
    html_printf(&r->out, "<li><p><strong>\"%s\" to %s</strong>%s%s</p><p>%s",
                x->report_title, x->recipient, *x->purpose ? ": " : "", x->purpose,
                pss_release_status_label(x->status));
    if (x->released_at) {
        html_raw(&r->out, ", ");
        html_time(r, x->released_at);
    }
    html_raw(&r->out, "</p><ul>");
    for (int p = 0; p < PSS_PARTY_COUNT; p++) {
        html_printf(&r->out, "<li>%s: ", pss_party_label((enum pss_party)p));
        if (x->consents.at[p]) {
            html_raw(&r->out, "consented ");
            html_time(r, x->consents.at[p]);
        } else {
            html_raw(&r->out, "not yet");
        }
        html_raw(&r->out, "</li>");
    }
    html_raw(&r->out, "</ul>");
    int at = pss_release_index(&v->f, x->id);
    if (offered(r, v, "consent", at))
        release_button(r, v->k, x, "consent", "I consent to this release", errs);
    if (offered(r, v, "release", at))
        release_button(r, v->k, x, "release", "Release it now", errs);
    html_raw(&r->out, "</li>");
}

static void releases_section(req *r, const struct pss_view *v, const struct errors *errs)
{
    html_raw(&r->out, "<h2 id=\"releases\">Releases</h2>");
    if (!v->k->nreleases)
        html_raw(&r->out, "<p>No releases proposed.</p>");
    else
        html_raw(&r->out, "<ul class=\"notes\">");
    for (int i = 0; i < v->k->nreleases; i++)
        release_item(r, v, i, errs);
    if (v->k->nreleases)
        html_raw(&r->out, "</ul>");
}

/* --- the coordinator's forms --- */

static void consultant_form(req *r, const struct pss_case *k, const struct pss_typed *t,
                            const struct errors *errs)
{
    html_raw(&r->out, "<h3>Consultant</h3>");
    form_begin(r, action(r, k, "consultant"));
    version_field(r, k->version);
    int n;
    struct option *cs = pss_person_options(r, ROLE_PSS_CONSULTANT, "Choose a consultant", &n);
    field_select(r, &(struct field){.name = "consultant_id", .label = "Consultant", .required = true,
                                    .value = or(t->ch.consultant_id, id_text(r, k->consultant_id))},
                 cs, n, errs);
    form_end(r, "Assign the consultant");
}

static void cost_form(req *r, const struct pss_case *k, const struct pss_typed *t,
                      const struct errors *errs)
{
    html_raw(&r->out, "<h3>Who pays</h3><p class=\"hint\">The district pays for a member "
                      "on a plan of assistance, the federation for a self-referral; a shared "
                      "cost is negotiated case by case.</p>");
    form_begin(r, action(r, k, "cost"));
    version_field(r, k->version);
    struct option costs[PSS_COST_COUNT];
    costs[0] = (struct option){"", "Choose who pays"};
    for (int i = 1; i < PSS_COST_COUNT; i++)
        costs[i] = (struct option){pss_cost_key((enum pss_cost)i), pss_cost_label((enum pss_cost)i)};
    field_select(r, &(struct field){.name = "cost", .label = "Who pays", .required = true,
                                    .value = or(t->ch.cost, pss_cost_key(k->cost))},
                 costs, PSS_COST_COUNT, errs);
    field_input(r, &(struct field){.name = "cost_note", .label = "The negotiated share",
                                   .value = or(t->ch.cost_note, k->cost_note),
                                   .hint = "Needed for a shared cost, such as \"district 60%, "
                                           "federation 40%\"."}, errs);
    form_end(r, "Save who pays");
}

static void leave_form(req *r, const struct pss_case *k, const struct pss_typed *t,
                       const struct errors *errs)
{
    html_printf(&r->out, "<h3>Leave of absence</h3><p class=\"hint\">%s</p>", pss_leave_notice);
    form_begin(r, action(r, k, "leave"));
    version_field(r, k->version);
    field_yes_no(r, &(struct field){.name = "leave_needed", .label = "Does the member need a "
                                    "leave of absence?",
                                    .value = or(t->ch.leave_needed, k->leave_needed ? "yes" : "no")},
                 errs);
    field_input(r, &(struct field){.name = "leave_from", .label = "Leave from", .type = "date",
                                   .value = or(t->ch.leave_from, k->leave_from)}, errs);
    field_input(r, &(struct field){.name = "leave_to", .label = "Leave to", .type = "date",
                                   .value = or(t->ch.leave_to, k->leave_to)}, errs);
    field_input(r, &(struct field){.name = "leave_note", .label = "About the leave",
                                   .value = or(t->ch.leave_note, k->leave_note)}, errs);
    form_end(r, "Save the leave");
}

static void agreement_form(req *r, const struct pss_case *k, const struct pss_typed *t,
                           const struct errors *errs)
{
    html_raw(&r->out, "<h3>The district's agreement</h3><p class=\"hint\">The school "
                      "district agrees not to request any evaluation of the member, nor to use "
                      "anything from the service against them in evaluation or discipline. No "
                      "work starts before it is recorded.</p>");
    form_begin(r, action(r, k, "agreement"));
    version_field(r, k->version);
    field_input(r, &(struct field){.name = "agreement_by", .label = "Agreed for the district by",
                                   .value = t->ch.agreement_by, .required = true,
                                   .hint = "Name and title, such as \"Dr. Alan Ames, "
                                           "Superintendent\"."}, errs);
    field_input(r, &(struct field){.name = "agreement_note", .label = "About the agreement",
                                   .value = t->ch.agreement_note}, errs);
    form_end(r, "Record the district's agreement");
}

static void hold_form(req *r, const struct pss_case *k, const struct pss_typed *t,
                      const struct errors *errs)
{
    html_raw(&r->out, "<h3>Hold</h3><p class=\"hint\">When the situation becomes a "
                      "grievance or a regulatory case, nothing from the consultant is requested "
                      "or offered: while a hold stands, no release is proposed, consented to or "
                      "made.</p>");
    form_begin(r, action(r, k, "hold"));
    version_field(r, k->version);
    /* Clearing it is a step of its own, which asks to confirm (confirm_form). */
    struct option holds[PSS_HOLD_COUNT - 1];
    for (int i = 1; i < PSS_HOLD_COUNT; i++)
        holds[i - 1] = (struct option){pss_hold_key((enum pss_hold)i),
                                       pss_hold_label((enum pss_hold)i)};
    field_select(r, &(struct field){.name = "hold", .label = "Hold", .filter = true,
                                    .value = or(t->ch.hold, pss_hold_key(k->hold))},
                 holds, PSS_HOLD_COUNT - 1, errs);
    field_input(r, &(struct field){.name = "hold_note", .label = "What the hold is about",
                                   .value = or(t->ch.hold_note, k->hold_note)}, errs);
    form_end(r, k->hold == PSS_HOLD_NONE ? "Set the hold" : "Change the hold");
}

/* A weighty step with nothing to type (clearing the hold, closing): its
 * form sends field=value once the person confirms (issue 18). */
static void confirm_form(req *r, const struct pss_case *k, const char *key, const char *route,
                         const char *field, const char *value, const struct errors *errs)
{
    const struct pss_step *t = pss_step_find(key);
    html_printf(&r->out, "<h3>%s</h3>", t->label);
    form_begin(r, action(r, k, route));
    version_field(r, k->version);
    html_printf(&r->out, "<input type=\"hidden\" name=\"%s\" value=\"%s\">", field, value);
    field_confirm(r, t->key, t->label, t->confirm, errs);
    form_end(r, t->label);
}

/* The coordinator's forms, each one the process table offers now. */
static void coordinator_forms(req *r, const struct pss_view *v, const struct pss_typed *t,
                              const struct errors *errs)
{
    const struct pss_case *k = v->k;
    html_raw(&r->out, "<section aria-labelledby=\"steps\"><h2 id=\"steps\">The coordinator's "
                      "steps</h2>");
    int shown = 0;
    if (offered(r, v, "assign_consultant", -1) && ++shown)
        consultant_form(r, k, t, errs);
    if (offered(r, v, "decide_cost", -1) && ++shown)
        cost_form(r, k, t, errs);
    if (offered(r, v, "record_leave", -1) && ++shown)
        leave_form(r, k, t, errs);
    if (offered(r, v, "record_agreement", -1) && ++shown)
        agreement_form(r, k, t, errs);
    if (offered(r, v, "set_hold", -1) && ++shown)
        hold_form(r, k, t, errs);
    if (offered(r, v, "clear_hold", -1) && ++shown)
        confirm_form(r, k, "clear_hold", "hold", "hold", "", errs);
    if (offered(r, v, "close", -1) && ++shown)
        confirm_form(r, k, "close", "close", "close", "yes", errs);
    if (!shown)
        html_printf(&r->out, "<p>%s</p>", pss_status_refusal(k->status));
    html_raw(&r->out, "</section>");
}

/* --- the consultant's forms --- */

static void log_form(req *r, const struct pss_case *k, const struct pss_typed *t,
                     const struct errors *errs)
{
    form_begin(r, action(r, k, "log"));
    struct option kinds[PSS_LOG_COUNT + 1] = {{"", "Choose what it was"}};
    for (int i = 0; i < PSS_LOG_COUNT; i++)
        kinds[i + 1] = (struct option){pss_log_kind_key((enum pss_log_kind)i),
                                       pss_log_kind_label((enum pss_log_kind)i)};
    field_select(r, &(struct field){.name = "kind", .label = "What it was", .required = true,
                                    .value = t->log_kind}, kinds, PSS_LOG_COUNT + 1, errs);
    field_input(r, &(struct field){.name = "on_date", .label = "Day", .type = "date",
                                   .required = true, .value = t->on_date}, errs);
    field_textarea(r, &(struct field){.name = "note", .label = "What was done", .required = true,
                                      .value = t->log_note}, errs);
    form_end(r, "Add to the log");
}

static void report_form(req *r, const struct pss_case *k, const struct pss_typed *t,
                        const struct errors *errs)
{
    form_begin(r, action(r, k, "reports"));
    field_input(r, &(struct field){.name = "title", .label = "Title", .required = true,
                                   .value = t->title}, errs);
    field_textarea(r, &(struct field){.name = "body", .label = "Report", .required = true,
                                      .value = t->body}, errs);
    form_end(r, "Save the report");
}

static void release_form(req *r, const struct pss_case *k, const struct pss_typed *t,
                         const struct errors *errs)
{
    form_begin(r, action(r, k, "releases"));
    struct option *reps = arena_alloc(r->a, sizeof *reps * (size_t)(k->nreports + 1));
    reps[0] = (struct option){"", "Choose the report"};
    for (int i = 0; i < k->nreports; i++)
        reps[i + 1] = (struct option){id_text(r, k->reports[i].id), k->reports[i].title};
    field_select(r, &(struct field){.name = "report_id", .label = "Report to release", .required = true,
                                    .value = t->report_id}, reps, k->nreports + 1, errs);
    field_input(r, &(struct field){.name = "recipient", .label = "To whom", .required = true,
                                   .value = t->recipient,
                                   .hint = "Who would receive it, such as \"the member's "
                                           "principal\"."}, errs);
    field_input(r, &(struct field){.name = "purpose", .label = "What for", .value = t->purpose},
                errs);
    form_end(r, "Propose the release");
}

/* The consultant's forms, each one the process table offers now. */
static void work_forms(req *r, const struct pss_view *v, const struct pss_typed *t,
                       const struct errors *errs)
{
    html_raw(&r->out, "<section aria-labelledby=\"work\"><h2 id=\"work\">Record the work</h2>");
    if (offered(r, v, "log_work", -1))
        log_form(r, v->k, t, errs);
    html_raw(&r->out, "<h3>Write a report</h3>");
    if (offered(r, v, "write_report", -1))
        report_form(r, v->k, t, errs);
    html_raw(&r->out, "<h3>Propose a release</h3>");
    if (offered(r, v, "propose_release", -1))
        release_form(r, v->k, t, errs);
    else if (!v->k->nreports)
        html_raw(&r->out, "<p>A release is proposed once there is a report.</p>");
    html_raw(&r->out, "</section>");
}

/* --- the page --- */

static void case_page(req *r, const struct pss_case *k, const struct pss_typed *t,
                      const struct errors *errs)
{
    struct ctx *c = ctx_of(r);
    struct pss_view v = {.k = k};
    if (pss_case_facts(c, k, &v.f) != APP_OK) {
        web_fail(r, APP_ERROR, KIND_PSS_CASE);
        return;
    }
    page_begin(r, arena_printf(r->a, "Peer support case %" PRId64, k->id));
    form_errors(r, errs);
    html_raw(&r->out, "<p><a href=\"/pss\">Back to peer support</a></p><p>Confidential: this "
                      "case is seen by the member, their local president, their consultant and "
                      "the service coordinator only; every view is recorded.</p>");
    details(r, k);
    if (k->work_loaded) {
        log_section(r, k);
        reports_section(r, k);
        releases_section(r, &v, errs);
    }
    if (pss_may(c, k, ACT_EDIT, KIND_PSS_CASE))
        coordinator_forms(r, &v, t, errs);
    if (pss_may(c, k, ACT_CREATE, KIND_PSS_REPORT))
        work_forms(r, &v, t, errs);
    page_end(r);
}

void page_pss_case(req *r)
{
    struct pss_case k;
    enum app_status s = pss_case_get(ctx_of(r), req_id(r, "item"), &k);
    if (s != APP_OK) {
        web_fail(r, s, KIND_PSS_CASE);
        return;
    }
    case_page(r, &k, &(struct pss_typed){0}, NULL);
}

/* After a step: back to the case, or the case again with the errors, or
 * with the refusal at its top, what was typed kept (issue 18). */
static void written(req *r, int64_t id, enum app_status s, const char *refusal,
                    const struct pss_typed *t, const struct errors *errs, const char *done)
{
    struct pss_case k;
    if (s == APP_INVALID)
        r->status = 400;
    if ((s == APP_INVALID || web_refused(r, s, refusal)) &&
        pss_case_get(ctx_of(r), id, &k) == APP_OK) {
        case_page(r, &k, t, errs);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_PSS_REPORT);
        return;
    }
    web_flash(r, done);
    res_redirect(r, arena_printf(r->a, "/pss/%" PRId64, id));
}

/* A weighty step (its table row has confirm words) is taken once the
 * person confirms it (issue 18). Asked only when the asker may take it
 * now: else the use case's refusal comes first. release_id: the release
 * it is about, or 0. */
static bool awaits_confirmation(req *r, int64_t id, const char *key, int64_t release_id,
                                struct errors *errs)
{
    const struct pss_step *t = pss_step_find(key);
    struct pss_case k;
    struct pss_facts f;
    struct pss_offer o;
    if (!t || !t->confirm || form_confirmed(r) || pss_case_get(ctx_of(r), id, &k) != APP_OK ||
        pss_case_facts(ctx_of(r), &k, &f) != APP_OK ||
        !pss_step_offer(ctx_of(r), &k, &f, key, pss_release_index(&f, release_id), &o) ||
        o.blocked)
        return false;
    form_unconfirmed(r, release_id ? release_key(r, key, release_id) : key, errs);
    return true;
}

/* The weighty step a coordinator's form may ask for: clearing the hold
 * (no hold chosen), closing. */
static const char *coordinator_step(const struct pss_change *ch)
{
    return ch->close ? "close" : ch->hold && !*ch->hold ? "clear_hold" : NULL;
}

/* The coordinator's steps: each form sends its own fields (absent: kept). */
void do_pss_change(req *r)
{
    int64_t id = req_id(r, "item");
    struct pss_typed t = {.ch = {
        req_form(r, "consultant_id"), req_form(r, "cost"), req_form(r, "cost_note"),
        req_form(r, "leave_needed"), req_form(r, "leave_from"), req_form(r, "leave_to"),
        req_form(r, "leave_note"), req_form(r, "agreement_by"), req_form(r, "agreement_note"),
        req_form(r, "hold"), req_form(r, "hold_note"), req_form(r, "close")}};
    struct errors errs = {0};
    const char *refusal = NULL;
    enum app_status s = awaits_confirmation(r, id, coordinator_step(&t.ch), 0, &errs)
                            ? APP_INVALID
                            : pss_case_change(ctx_of(r), id, parse_id(form_value(r, "version")),
                                              &t.ch, &errs, &refusal);
    written(r, id, s, refusal, &t, &errs, "The case is saved.");
}

void do_pss_log(req *r)
{
    int64_t id = req_id(r, "item"), log_id = 0;
    struct pss_typed t = {.log_kind = form_value(r, "kind"), .on_date = form_value(r, "on_date"),
                          .log_note = form_value(r, "note")};
    struct errors errs = {0};
    const char *refusal = NULL;
    enum app_status s = pss_log_add(ctx_of(r), id, t.log_kind, t.on_date, t.log_note, &log_id,
                                    &errs, &refusal);
    written(r, id, s, refusal, &t, &errs, "The work is in the log.");
}

void do_pss_report(req *r)
{
    int64_t id = req_id(r, "item"), report_id = 0;
    struct pss_typed t = {.title = form_value(r, "title"), .body = form_value(r, "body")};
    struct errors errs = {0};
    const char *refusal = NULL;
    enum app_status s = pss_report_add(ctx_of(r), id, t.title, t.body, &report_id, &errs, &refusal);
    written(r, id, s, refusal, &t, &errs, "The report is saved. It goes to nobody without a release.");
}

void do_pss_release_propose(req *r)
{
    int64_t id = req_id(r, "item"), release_id = 0;
    struct pss_typed t = {.report_id = form_value(r, "report_id"),
                          .recipient = form_value(r, "recipient"), .purpose = form_value(r, "purpose")};
    struct errors errs = {0};
    const char *refusal = NULL;
    enum app_status s = pss_release_propose(ctx_of(r), id, t.report_id, t.recipient, t.purpose,
                                            &release_id, &errs, &refusal);
    written(r, id, s, refusal, &t, &errs,
            "The release is proposed: it waits for the three consents.");
}

void do_pss_consent(req *r)
{
    int64_t id = req_id(r, "item");
    struct errors errs = {0};
    const char *refusal = NULL;
    enum app_status s = pss_release_consent(ctx_of(r), id, form_value(r, "release_id"), &errs,
                                            &refusal);
    written(r, id, s, refusal, &(struct pss_typed){0}, &errs, "Your consent is recorded.");
}

void do_pss_release(req *r)
{
    int64_t id = req_id(r, "item");
    struct errors errs = {0};
    const char *refusal = NULL;
    const char *release = form_value(r, "release_id");
    enum app_status s = awaits_confirmation(r, id, "release", parse_id(release), &errs)
                            ? APP_INVALID
                            : pss_release_make(ctx_of(r), id, release, &errs, &refusal);
    written(r, id, s, refusal, &(struct pss_typed){0}, &errs, "The report is released.");
}

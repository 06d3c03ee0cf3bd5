/* ct_terms.c: the Consulting Teachers' page (R27, R28). /cts lists each
 * CT with their term, commitment, the day they left and until when they
 * may not take a principal or assistant-principal post; the coordinator
 * records a term there. /cts/{id} (a person's id) shows one CT's terms and
 * the Panel's yearly reviews, with the coordinator's "left the role" form
 * and the Panel's review form. A CT reads their own at /cts/{their id}. */
#include <inttypes.h>
#include <string.h>

#include "app/ct_terms.h"
#include "base/clock.h"
#include "domain/people.h"
#include "out/html.h"
#include "web/handlers.h"
#include "web/meetings_ui.h"
#include "web/reports.h"
#include "web/web.h"

static const char *ct_url(req *r, int64_t person_id)
{
    return arena_printf(r->a, "/cts/%" PRId64, person_id);
}

/* R27: the commitment, the day they left, and the restriction that runs. */
static void term_facts(req *r, const struct ct_term *t)
{
    if (!t->id) {
        html_raw(&r->out, "<div><dt>Term</dt><dd>No term recorded yet.</dd></div>");
        return;
    }
    html_raw(&r->out, "<div><dt>Term started</dt><dd>");
    html_day(r, t->starts_on);
    html_raw(&r->out, "</dd></div><div><dt>Committed until (at least 2 years)</dt><dd>");
    html_day(r, t->committed_until);
    html_raw(&r->out, "</dd></div><div><dt>Left the role</dt><dd>");
    if (*t->left_on)
        html_day(r, t->left_on);
    else
        html_raw(&r->out, "Still serving.");
    html_raw(&r->out, "</dd></div>");
    if (!*t->restricted_until)
        return;
    const char *today = clock_date(r->a, app_now(ctx_of(r)));
    html_raw(&r->out, "<div><dt>Principal and assistant-principal posts</dt><dd>");
    html_raw(&r->out, ct_barred_on(t->restricted_until, today)
                          ? "<strong>May not take a principal or assistant-principal post until "
                          : "The restriction ended on ");
    html_day(r, t->restricted_until);
    html_raw(&r->out, ct_barred_on(t->restricted_until, today) ? ".</strong>" : ".");
    html_raw(&r->out, "</dd></div>");
}

static void last_review(req *r, const struct ct_summary *w)
{
    html_raw(&r->out, "<div><dt>The Panel's last review</dt><dd>");
    if (w->review_year)
        html_printf(&r->out, "%s: %s", report_year(r, w->review_year),
                    ct_review_outcome_label(w->review_outcome));
    else
        html_raw(&r->out, "None yet.");
    html_raw(&r->out, "</dd></div>");
}

static void ct_item(req *r, const struct ct_summary *w)
{
    html_printf(&r->out, "<li class=\"panel\"><h2><a href=\"%s\">%s</a></h2><p>%s%s</p>"
                         "<dl class=\"record\">",
                ct_url(r, w->person_id), w->name, w->email,
                w->holds_role ? "" : " · no longer holds the Consulting Teacher's role");
    term_facts(r, &w->term);
    if (w->reviews_shown)   /* R28, R29 */
        last_review(r, w);
    html_raw(&r->out, "</dl></li>");
}

/* --- the coordinator records a term (R27) --- */

static void term_form(req *r, const struct ct_summary *cts, int n,
                      const struct ct_term_request *in, const struct errors *errs)
{
    html_raw(&r->out, "<h2 id=\"record-term\">Record a Consulting Teacher's term</h2>");
    form_errors(r, errs);
    form_begin(r, "/cts#record-term");
    struct option *opts = arena_alloc(r->a, sizeof *opts * (size_t)(n + 1));
    int k = 0;
    opts[k++] = (struct option){"", "Choose a Consulting Teacher"};
    for (int i = 0; i < n; i++)
        if (cts[i].holds_role)
            opts[k++] = (struct option){id_text(r, cts[i].person_id), cts[i].name};
    field_select(r, &(struct field){.name = "person_id", .label = "Consulting Teacher",
                                    .value = in->person_id, .required = true,
                                    .hint = "Consulting Teachers are union members."},
                 opts, k, errs);
    field_input(r, &(struct field){.name = "starts_on", .label = "Term starts", .type = "date",
                                   .value = in->starts_on, .required = true,
                                   .hint = "The term's first day."}, errs);
    field_input(r, &(struct field){.name = "committed_until", .label = "Committed until",
                                   .type = "date", .value = in->committed_until, .required = true,
                                   .hint = "The commitment's last day: at least 2 years after the "
                                           "start."}, errs);
    form_end(r, "Record this term");
}

static void cts_page(req *r, const struct ct_term_request *in, const struct errors *errs)
{
    struct ctx *c = ctx_of(r);
    struct ct_summary *cts;
    int n;
    enum app_status s = ct_list(c, &cts, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CT_TERM);
        return;
    }
    page_begin(r, "Consulting Teachers");
    html_raw(&r->out, "<p>Each Consulting Teacher commits to at least two years and, after "
                      "leaving the role, may not take a principal or assistant-principal post "
                      "for a year. The Panel reviews each one every year. "
                      "<a href=\"/panel/roster\">The Panel's roster</a>.</p>");
    if (n == 0)
        html_raw(&r->out, "<p>No one holds the Consulting Teacher's role yet.</p>");
    else
        html_raw(&r->out, "<ul class=\"inbox\">");
    for (int i = 0; i < n; i++)
        ct_item(r, &cts[i]);
    if (n)
        html_raw(&r->out, "</ul>");
    if (app_authorize(c, ACT_CREATE, KIND_CT_TERM, NULL) == APP_OK)
        term_form(r, cts, n, in, errs);
    page_end(r);
}

void page_cts(req *r)
{
    cts_page(r, &(struct ct_term_request){0}, NULL);
}

void do_ct_term_create(req *r)
{
    struct ct_term_request in = {form_value(r, "person_id"), form_value(r, "starts_on"),
                                 form_value(r, "committed_until")};
    struct errors errs = {0};
    int64_t id;
    enum app_status s = ct_term_add(ctx_of(r), &in, &id, &errs);
    if (s == APP_INVALID) {
        r->status = 400;
        cts_page(r, &in, &errs);
        return;
    }
    if (s != APP_OK) {
        web_fail(r, s, KIND_CT_TERM);
        return;
    }
    web_flash(r, "The term is recorded.");
    res_redirect(r, ct_url(r, parse_id(in.person_id)));
}

/* --- one Consulting Teacher --- */

static void terms_table(req *r, const struct ct_record *k)
{
    if (!k->nterms)
        return;
    html_raw(&r->out, "<h2>Terms</h2>");
    table_begin(
        r, "Terms as a Consulting Teacher", false,
        (const char *const[]){"Started", "Committed until", "Left", "No principal post until"}, 4);
    for (int i = 0; i < k->nterms; i++) {
        const struct ct_term *t = &k->terms[i];
        const char *cells[] = {t->starts_on, t->committed_until, t->left_on, t->restricted_until};
        html_raw(&r->out, "<tr>");
        for (int j = 0; j < 4; j++) {
            html_raw(&r->out, "<td>");
            if (*cells[j])
                html_day(r, cells[j]);
            else
                html_raw(&r->out, "—");
            html_raw(&r->out, "</td>");
        }
        html_raw(&r->out, "</tr>");
    }
    table_end(r);
}

static void leave_form(req *r, const struct ct_record *k, const char *left_on,
                       const struct errors *errs)
{
    const struct ct_term *t = &k->who.term;
    if (!k->may_edit || !t->id || *t->left_on)
        return;
    html_raw(&r->out, "<h2 id=\"leaving\">Record leaving the role</h2><p>The day after which "
                      "they may take a principal or assistant-principal post is computed: a year "
                      "after they leave.</p>");
    form_errors(r, errs);
    form_begin(r, arena_printf(r->a, "%s/leaving#leaving", ct_url(r, k->who.person_id)));
    version_field(r, t->version);
    field_input(r, &(struct field){.name = "left_on", .label = "Left the role on", .type = "date",
                                   .value = left_on, .required = true,
                                   .hint = "Their last day as a Consulting Teacher."}, errs);
    form_end(r, "Record leaving");
}

static void reviews_list(req *r, const struct ct_record *k)
{
    if (!k->may_see_reviews)
        return;
    html_raw(&r->out, "<h2>The Panel's reviews</h2>");
    if (!k->nreviews)
        html_raw(&r->out, "<p>The Panel has not reviewed this Consulting Teacher yet.</p>");
    for (int i = 0; i < k->nreviews; i++) {
        const struct ct_review *v = &k->reviews[i];
        html_printf(&r->out,
                    "<article class=\"panel\"><h3>%s: %s</h3><p class=\"prose\">%s"
                    "</p><p class=\"hint\">Recorded by %s, ",
                    report_year(r, v->school_year), ct_review_outcome_label(v->outcome), v->summary,
                    v->recorded_by_name);
        html_time(r, v->created_at);
        html_raw(&r->out, ".</p></article>");
    }
}

static void review_form(req *r, const struct ct_record *k, const struct ct_review_input *in,
                        const struct errors *errs)
{
    if (!k->may_review)
        return;
    html_raw(&r->out, "<h2 id=\"review\">The Panel's review for a school year</h2>");
    form_errors(r, errs);
    form_begin(r, arena_printf(r->a, "%s/reviews#review", ct_url(r, k->who.person_id)));
    field_input(r, &(struct field){.name = "school_year", .label = "School year (the year it "
                                                                  "starts)",
                                   .type = "number", .value = in->school_year, .required = true,
                                   .hint = "2025 for 2025-26. One review a year."}, errs);
    struct option outcomes[] = {{"", "Choose the outcome"},
                                {ct_review_outcome_key(0), ct_review_outcome_label("continue")},
                                {ct_review_outcome_key(1), ct_review_outcome_label("not_continue")}};
    field_select(r, &(struct field){.name = "outcome", .label = "Outcome", .value = in->outcome,
                                    .required = true}, outcomes, 3, errs);
    field_textarea(r, &(struct field){.name = "summary", .label = "Summary of the year's work",
                                      .value = in->summary, .required = true}, errs);
    form_end(r, "Record the review");
}

struct ct_forms {
    const char *left_on;
    const struct errors *leave_errs, *review_errs;
    struct ct_review_input review;
};

static void ct_page(req *r, int64_t person_id, const struct ct_forms *f)
{
    struct ct_record k;
    enum app_status s = ct_get(ctx_of(r), person_id, &k);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CT_TERM);
        return;
    }
    page_begin(r, arena_printf(r->a, "%s: Consulting Teacher", k.who.name));
    if (!k.who.holds_role)
        html_raw(&r->out, "<p>This person does not hold the Consulting Teacher's role now.</p>");
    html_raw(&r->out, "<dl class=\"record\">");
    term_facts(r, &k.who.term);
    if (k.may_see_reviews)
        last_review(r, &k.who);
    html_raw(&r->out, "</dl>");
    terms_table(r, &k);
    leave_form(r, &k, f->left_on, f->leave_errs);
    reviews_list(r, &k);
    review_form(r, &k, &f->review, f->review_errs);
    page_end(r);
}

void page_ct(req *r)
{
    ct_page(r, req_id(r, "id"), &(struct ct_forms){0});
}

static void after(req *r, enum app_status s, const char *refusal, int64_t person_id,
                  const struct ct_forms *f, const char *done)
{
    if (s == APP_INVALID) {
        r->status = 400;
        ct_page(r, person_id, f);
    } else if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_CT_TERM);
    } else {
        web_flash(r, done);
        res_redirect(r, ct_url(r, person_id));
    }
}

void do_ct_leave(req *r)
{
    int64_t id = req_id(r, "id");
    struct errors errs = {0};
    struct ct_forms f = {.left_on = form_value(r, "left_on"), .leave_errs = &errs};
    enum app_status s = ct_leave(ctx_of(r), id, f.left_on, form_value(r, "version"), &errs);
    after(r, s, NULL, id, &f, "Leaving the role is recorded, with the date until which the "
                        "restriction runs.");
}

void do_ct_review(req *r)
{
    int64_t id = req_id(r, "id"), rid;
    struct errors errs = {0};
    struct ct_forms f = {.review_errs = &errs,
                         .review = {form_value(r, "school_year"), form_value(r, "outcome"),
                                    form_value(r, "summary")}};
    const char *refusal = NULL;
    enum app_status s = ct_review_add(ctx_of(r), id, &f.review, &rid, &errs, &refusal);
    after(r, s, refusal, id, &f, "The Panel's review is recorded.");
}

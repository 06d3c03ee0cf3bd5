/* decisions.c: the Panel's decisions on a case and the Superintendent's
 * answer, on the web (R25): the case's decisions with their tally and
 * answer, the Superintendent's form to approve or return one with a
 * reason, the "final rating" line (only an approved rating is final), and
 * the list of decisions awaiting approval. */
#include <inttypes.h>
#include <string.h>

#include "out/html.h"
#include "web/case_parts.h"
#include "web/goals.h"
#include "web/handlers.h"
#include "web/recommendation.h"

static const char *title_of(req *r)
{
    return program_setting(ctx_of(r), "superintendent_title");
}

void final_rating_line(req *r, const struct case_record *k)
{
    struct decision d;
    if (!decision_latest(ctx_of(r), k->id, &d)) {
        html_raw(&r->out, "<p class=\"final-rating\">No final rating yet: the Panel has not "
                          "decided.</p>");
        return;
    }
    if (approval_final(d.approval)) {
        html_printf(&r->out,
                    "<p class=\"final-rating\"><strong>Final rating: %s</strong>, "
                    "approved by the %s on ",
                    rating_label(d.rating), title_of(r));
        html_time(r, d.approved_at);
        html_raw(&r->out, ".</p>");
    } else if (d.approval == APPROVAL_PENDING) {
        html_printf(&r->out,
                    "<p class=\"final-rating\">The Panel's rating: %s, awaiting the "
                    "%s's approval. It is not final yet.</p>",
                    rating_label(d.rating), title_of(r));
    } else {
        html_printf(&r->out,
                    "<p class=\"final-rating\">No final rating yet: the %s returned "
                    "the Panel's rating of %s to the Panel, which decides again. "
                    "Why: %s</p>",
                    title_of(r), rating_label(d.rating), d.approval_reason);
    }
}

void decision_summary(req *r, const struct case_record *k)
{
    if (k->track != TRACK_PAR) {
        case_part_not_par(r, k, "Panel decision");
        return;
    }
    final_rating_line(r, k);
}

/* --- the case's decisions --- */

static const char *decision_url(req *r, int64_t case_id, int64_t id, const char *rest)
{
    return arena_printf(r->a, "/cases/%" PRId64 "/decisions/%" PRId64 "%s", case_id, id, rest);
}

static void answer_row(req *r, const struct decision *d)
{
    html_raw(&r->out, "<div><dt>The answer</dt><dd>");
    if (d->approval == APPROVAL_PENDING)
        html_printf(&r->out, "Awaiting the %s's approval", title_of(r));
    else {
        html_printf(&r->out, "%s by %s, ",
                    d->approval == APPROVAL_APPROVED ? "Approved: the rating is final"
                                                     : "Returned to the Panel",
                    d->approved_by);
        html_time(r, d->approved_at);
        if (d->approval == APPROVAL_RETURNED)
            html_printf(&r->out, ". Why: %s", d->approval_reason);
    }
    html_raw(&r->out, "</dd></div>");
}

static void decision_record(req *r, const struct decision *d)
{
    html_raw(&r->out, "<h2>The Panel's session of ");
    date_words(r, d->held_on);
    html_printf(&r->out,
                "</h2><dl class=\"record\"><div><dt>The Panel's rating</dt><dd>%s</dd>"
                "</div><div><dt>The vote</dt><dd>%s</dd></div><div><dt>Decided</dt><dd>",
                rating_label(d->rating), d->tally);
    html_time(r, d->decided_at);
    html_raw(&r->out, "</dd></div>");
    answer_row(r, d);
    html_raw(&r->out, "</dl>");
}

/* R25: the Superintendent's form, on a pending decision. */
static void answer_forms(req *r, const struct case_record *k, const struct decision *d,
                         const char *reason, const struct errors *errs)
{
    html_printf(&r->out,
                "<section class=\"panel\" aria-labelledby=\"answer\"><h2 id=\"answer\">"
                "Your answer</h2><p>As the %s you approve the Panel's rating, "
                "which makes it final, or return it to the Panel saying why; everyone "
                "on the case is told.</p>",
                title_of(r));
    form_begin(r, decision_url(r, k->id, d->id, "/approve"));
    version_field(r, d->version);
    /* Approving makes the rating final: it asks to confirm. A return is
     * not final (the Panel decides again), and asks for its reason. */
    step_confirm_field(r, "approve", NULL, "Approve the rating", errs);
    form_end(r, "Approve the rating");
    form_errors(r, errs);
    form_begin(r, decision_url(r, k->id, d->id, "/return"));
    version_field(r, d->version);
    field_textarea(r,
                   &(struct field){.name = "reason",
                                   .label = "Why it goes back to the Panel",
                                   .value = reason,
                                   .required = true,
                                   .hint = "The Panel and everyone on the case read this."},
                   errs);
    form_end(r, "Return it to the Panel");
    html_raw(&r->out, "</section>");
}

static void decision_page(req *r, const struct case_record *k, const struct decision *ds, int n,
                          const char *reason, const struct errors *errs)
{
    case_part_begin(r, k, "The Panel's decision", "decision");
    final_rating_line(r, k);
    if (!n)
        html_raw(&r->out, "<p>The Panel has not decided on this case yet.</p>");
    bool may_answer = case_state_open_to(k->state, KIND_DECISION) &&
                      casework_may(ctx_of(r), k, ACT_APPROVE, KIND_DECISION);
    for (int i = 0; i < n; i++) {
        decision_record(r, &ds[i]);
        if (may_answer && ds[i].approval == APPROVAL_PENDING)
            answer_forms(r, k, &ds[i], reason, errs);
    }
    page_end(r);
}

static bool decisions_open(req *r, struct case_record *k, struct decision **ds, int *n)
{
    const char *refusal = NULL;
    enum app_status s = decisions_list(ctx_of(r), req_id(r, "id"), k, ds, n, &refusal);
    if (s != APP_OK)
        web_refuse(r, s, refusal, KIND_DECISION);
    return s == APP_OK;
}

void page_case_decision(req *r)
{
    struct case_record k;
    struct decision *ds;
    int n;
    if (decisions_open(r, &k, &ds, &n))
        decision_page(r, &k, ds, n, NULL, NULL);
}

static void decision_answered(req *r, bool approve)
{
    int64_t case_id = req_id(r, "id");
    const char *reason = approve ? "" : form_value(r, "reason"), *refusal = NULL;
    struct errors errs = {.n = 0};
    enum app_status s =
        approve && step_awaits_confirmation(r, case_id, "approve", NULL, &errs)
            ? APP_INVALID
            : decision_answer(ctx_of(r), case_id, req_id(r, "item"),
                              parse_id(form_value(r, "version")), approve ? "approved" : "returned",
                              reason, &errs, &refusal);
    struct case_record k;
    struct decision *ds;
    int n;
    if (s == APP_INVALID)
        r->status = 400;
    if (s == APP_INVALID || web_refused(r, s, refusal)) {
        if (decisions_open(r, &k, &ds, &n))
            decision_page(r, &k, ds, n, reason, &errs);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_DECISION);
        return;
    }
    web_flash(r, approve ? "The rating is approved and final; everyone on the case is told."
                         : "The rating goes back to the Panel; everyone on the case is told why.");
    res_redirect(r, arena_printf(r->a, "/cases/%" PRId64 "/decision", case_id));
}

void do_decision_approve(req *r)
{
    decision_answered(r, true);
}

void do_decision_return(req *r)
{
    decision_answered(r, false);
}

/* --- awaiting approval --- */

void page_decisions(req *r)
{
    struct decision *ds;
    int n;
    enum app_status s = decisions_awaiting(ctx_of(r), &ds, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_DECISION);
        return;
    }
    page_begin(r, "Decisions awaiting approval");
    html_printf(&r->out,
                "<p>The Panel's ratings go to the %s, and only an approved rating "
                "is final.</p>",
                title_of(r));
    final_ratings_link(r);
    if (!n) {
        html_raw(&r->out, "<p>No decision awaits approval.</p>");
        page_end(r);
        return;
    }
    html_raw(&r->out, "<div class=\"table-wrap\" tabindex=\"0\"><table><caption "
                      "class=\"visually-hidden\">Decisions awaiting approval</caption><thead><tr>"
                      "<th scope=\"col\">Teacher</th><th scope=\"col\">Session</th>"
                      "<th scope=\"col\">The Panel's rating</th><th scope=\"col\">The vote</th>"
                      "</tr></thead><tbody>");
    for (int i = 0; i < n; i++) {
        html_printf(&r->out, "<tr><td><a href=\"/cases/%" PRId64 "/decision\">%s</a></td><td>",
                    ds[i].case_id, ds[i].teacher_name);
        date_words(r, ds[i].held_on);
        html_printf(&r->out, "</td><td>%s</td><td>%s</td></tr>", rating_label(ds[i].rating),
                    ds[i].tally);
    }
    table_end(r);
    page_end(r);
}

/* evaluation_form.c: an evaluation as a document (on screen and on the
 * printable page) and its draft's form (R20, R23, R26). */
#include <inttypes.h>
#include <string.h>

#include "out/html.h"
#include "web/evaluations.h"
#include "web/goals.h"

const char evaluation_receipt_words[] =
    "Signing acknowledges receipt of the evaluation, not agreement with it.";

const char *evaluation_url(req *r, int64_t case_id, int64_t id, const char *rest)
{
    return id ? arena_printf(r->a, "/cases/%" PRId64 "/evaluations/%" PRId64 "%s", case_id, id,
                             rest)
              : arena_printf(r->a, "/cases/%" PRId64 "/evaluations%s", case_id, rest);
}

void evaluation_text(req *r, const char *text)
{
    const char *s = text ? text : "";
    while (*s) {
        const char *end = strchr(s, '\n');
        size_t n = end ? (size_t)(end - s) : strlen(s);
        if (n && !(n == 1 && s[0] == '\r'))
            html_printf(&r->out, "<p>%s</p>", arena_strndup(r->a, s, n));
        s += n + (end ? 1 : 0);
    }
}

/* --- the document --- */

static void when_row(req *r, const char *label, int64_t at, const char *by)
{
    if (!at)
        return;
    html_printf(&r->out, "<div><dt>%s</dt><dd>", label);
    html_time(r, at);
    if (by && *by)
        html_printf(&r->out, ", by %s", by);
    html_raw(&r->out, "</dd></div>");
}

static void state_record(req *r, const struct case_record *k, const struct evaluation *e)
{
    html_raw(&r->out, "<dl class=\"record\">");
    record_row_or_dash(r, "Teacher", k->teacher_name);
    record_row_or_dash(r, "School", k->school_name);
    record_row_or_dash(r, "Primary evaluator (Consulting Teacher)", k->ct_name);
    if (*k->cycle_start)
        record_row_or_dash(r, "Cycle",
                           arena_printf(r->a, "%s to %s", k->cycle_start,
                                        *k->cycle_end ? k->cycle_end : "(no end date yet)"));
    record_row_or_dash(r, "State", evaluation_status_label(e->status));
    when_row(r, "Started", e->created_at, e->created_by);
    when_row(r, "Shared with the administrator for preview", e->shared_admin_at, NULL);
    when_row(r, "Shared with the teacher", e->shared_teacher_at, NULL);
    when_row(r, "Signed by the teacher", e->teacher_signed_at, k->teacher_name);
    when_row(r, "Locked", e->locked_at, NULL);
    when_row(r, "Reopening asked", e->unlock_asked_at, e->unlock_asked_by);
    if (e->unlock_asked_at)
        record_row_or_dash(r, "Why it should reopen", e->unlock_reason);
    html_raw(&r->out, "</dl>");
}

static void ratings_table(req *r, const struct evaluation *e)
{
    html_raw(&r->out, "<h2 id=\"ratings\">Ratings</h2><div class=\"table-wrap\" tabindex=\"0\" "
                      "aria-labelledby=\"ratings\"><table><thead><tr><th scope=\"col\">"
                      "Standard</th><th scope=\"col\">Rating</th><th scope=\"col\">Comment</th>"
                      "</tr></thead><tbody>");
    for (int i = 0; i < e->nratings; i++) {
        const struct evaluation_rating *rt = &e->ratings[i];
        html_printf(&r->out, "<tr><th scope=\"row\">%s. %s</th><td>%s</td><td>%s</td></tr>",
                    rt->code, rt->title, rating_label(rt->rating), rt->comment);
    }
    html_printf(&r->out,
                "<tr><th scope=\"row\">Overall</th><td><strong>%s</strong></td><td>"
                "Proficient overall needs Proficient or better on standards I and II.</td></tr>"
                "</tbody></table></div>",
                rating_label(e->overall));
}

static void evidence_section(req *r, const struct case_record *k)
{
    struct evaluation_evidence *ev;
    int n;
    html_raw(&r->out, "<h2>Evidence by standard</h2>");
    if (evaluation_evidence(ctx_of(r), k, &ev, &n) != APP_OK)
        return;
    html_raw(&r->out, "<p>The case's observations and artifacts tagged to each standard's "
                      "indicators.</p>");
    for (int s = 0; s < n; s++) {
        html_printf(&r->out, "<h3>%s. %s</h3><p>%d %s, %d %s.</p>", ev[s].code, ev[s].title,
                    ev[s].observations, ev[s].observations == 1 ? "observation" : "observations",
                    ev[s].artifacts, ev[s].artifacts == 1 ? "artifact" : "artifacts");
        if (!ev[s].n)
            continue;
        html_raw(&r->out, "<ul>");
        for (int i = 0; i < ev[s].n; i++) {
            const struct evaluation_evidence_item *it = &ev[s].items[i];
            html_raw(&r->out, "<li>");
            html_date(r, it->date);
            html_printf(&r->out, ": %s%s (%s)</li>", it->artifact ? "artifact " : "observation",
                        it->artifact ? it->title : "", it->codes);
        }
        html_raw(&r->out, "</ul>");
    }
}

static void responses(req *r, const struct case_record *k, const struct evaluation *e)
{
    if (*e->admin_response) {
        html_raw(&r->out, "<h2>The administrator's response</h2>");
        evaluation_text(r, e->admin_response);
        html_printf(&r->out, "<p>%s, ", e->admin_responded_by);
        html_time(r, e->admin_responded_at);
        html_raw(&r->out, "</p>");
    }
    html_raw(&r->out, "<section class=\"signature\" aria-labelledby=\"signature\"><h2 "
                      "id=\"signature\">The teacher's signature</h2>");
    if (e->teacher_signed_at) {
        html_printf(&r->out, "<p>Signed by %s, ", k->teacher_name);
        html_time(r, e->teacher_signed_at);
        html_printf(&r->out, ". %s</p>", evaluation_receipt_words);
        if (*e->teacher_response) {
            html_raw(&r->out, "<h3>The teacher's written response</h3>");
            evaluation_text(r, e->teacher_response);
        }
    } else {
        html_printf(&r->out, "<p>Not signed yet. %s</p>", evaluation_receipt_words);
    }
    html_raw(&r->out, "</section>");
}

void evaluation_document(req *r, const struct case_record *k, const struct evaluation *e)
{
    state_record(r, k, e);
    ratings_table(r, e);
    html_raw(&r->out, "<h2>Narrative</h2>");
    if (*e->summary)
        evaluation_text(r, e->summary);
    else
        html_raw(&r->out, "<p>Not written yet.</p>");
    responses(r, k, e);
    evidence_section(r, k);
}

/* --- the draft's form --- */

static struct option *rating_options(req *r)
{
    struct option *o = arena_alloc(r->a, sizeof *o * RATING_COUNT);
    o[0] = (struct option){"", "Not rated yet"};
    for (int i = 0; i < RATING_NONE; i++)
        o[i + 1] = (struct option){rating_key((enum rating)i), rating_label((enum rating)i)};
    return o;
}

static const char *rating_value(enum rating rt)
{
    return rt == RATING_NONE ? "" : rating_key(rt);
}

void evaluation_draft_form(req *r, const struct case_record *k, const struct evaluation *e,
                           const struct errors *errs)
{
    struct option *opts = rating_options(r);
    html_raw(&r->out, "<section class=\"panel\" aria-labelledby=\"draft\"><h2 id=\"draft\">"
                      "Write and rate the draft</h2><p>Every standard and the overall rating are "
                      "rated before the evaluation is shared.</p>");
    form_errors(r, errs);
    form_begin(r, evaluation_url(r, k->id, e->id, ""));
    version_field(r, e->version);
    for (int i = 0; i < e->nratings; i++) {
        const struct evaluation_rating *rt = &e->ratings[i];
        const char *std = arena_printf(r->a, "Standard %s (%s)", rt->code, rt->title);
        field_select(r,
                     &(struct field){.name = arena_printf(r->a, "rating_%s", rt->code),
                                     .label = arena_printf(r->a, "%s: rating", std),
                                     .value = rating_value(rt->rating),
                                     .filter = true},
                     opts, RATING_COUNT, errs);
        field_textarea(r,
                       &(struct field){.name = arena_printf(r->a, "comment_%s", rt->code),
                                       .label = arena_printf(r->a, "%s: comment", std),
                                       .value = rt->comment},
                       errs);
    }
    field_select(r,
                 &(struct field){.name = "overall_rating",
                                 .label = "Overall rating",
                                 .value = rating_value(e->overall),
                                 .filter = true,
                                 .hint = "Proficient or Exemplary overall needs Proficient "
                                         "or better on standards I and II."},
                 opts, RATING_COUNT, errs);
    field_textarea(r,
                   &(struct field){.name = "summary", .label = "Narrative", .value = e->summary},
                   errs);
    form_end(r, "Save the draft");
    html_raw(&r->out, "</section>");
}

struct evaluation_input evaluation_input_from_form(req *r, const struct evaluation *e)
{
    struct evaluation_rating_input *in =
        arena_alloc(r->a, sizeof *in * (size_t)(e->nratings + 1));
    for (int i = 0; i < e->nratings; i++) {
        const char *rf = arena_printf(r->a, "rating_%s", e->ratings[i].code);
        const char *cf = arena_printf(r->a, "comment_%s", e->ratings[i].code);
        in[i] = (struct evaluation_rating_input){e->ratings[i].standard_id, form_value(r, rf),
                                                 form_value(r, cf), rf, cf};
    }
    return (struct evaluation_input){form_value(r, "summary"), form_value(r, "overall_rating"), in,
                                     e->nratings};
}

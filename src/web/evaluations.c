/* evaluations.c: a PAR case's evaluations on the web (R15, R20, R23, R26):
 * the list with "start" for the primary evaluator, the document with the
 * forms of the steps the asker may take, the draft's form, the printable
 * page, and the section on the case page. Who may do what is decided by
 * app/evaluation.c through the policy table; a page only offers what the
 * asker may do. */
#include <inttypes.h>
#include <string.h>

#include "out/html.h"
#include "web/case_parts.h"
#include "web/evaluations.h"
#include "web/goals.h"
#include "web/handlers.h"

/* --- the list --- */

static void evaluation_item(req *r, const struct evaluation *e)
{
    html_printf(&r->out, "<li><a href=\"%s\">%s</a> <span class=\"badge\">%s</span><br>",
                evaluation_url(r, e->case_id, e->id, ""), evaluation_kind_label(e->kind),
                evaluation_status_label(e->status));
    html_printf(&r->out, "Overall rating: %s; last changed ", rating_label(e->overall));
    html_time(r, e->updated_at);
    html_raw(&r->out, "</li>");
}

void evaluations_case_summary(req *r, const struct case_record *k)
{
    if (k->track != TRACK_PAR) {
        case_part_not_par(r, k, "evaluations");
        return;
    }
    html_raw(&r->out, "<p>The formative assessment and the summative evaluation, written by the "
                      "Consulting Teacher, the primary evaluator.</p>");
}

/* The kinds the primary evaluator may still start. */
static void start_forms(req *r, const struct case_record *k, const struct evaluation *list, int n)
{
    if (!case_state_open_to(k->state, KIND_EVALUATION) ||
        !casework_may(ctx_of(r), k, ACT_CREATE, KIND_EVALUATION))
        return;
    for (int kind = 0; kind < EVAL_KIND_COUNT; kind++) {
        bool there = false;
        for (int i = 0; i < n; i++)
            there = there || list[i].kind == (enum eval_kind)kind;
        if (there)
            continue;
        form_begin(r, evaluation_url(r, k->id, 0, ""));
        html_printf(&r->out, "<input type=\"hidden\" name=\"kind\" value=\"%s\">",
                    evaluation_kind_key((enum eval_kind)kind));
        form_end(r, kind == EVAL_FORMATIVE ? "Start the formative assessment"
                                           : "Start the summative evaluation");
    }
}

void page_evaluations(req *r)
{
    struct case_record k;
    struct evaluation *list;
    int n;
    const char *refusal = NULL;
    enum app_status s =
        evaluations_list(ctx_of(r), req_id(r, "id"), &k, &list, &n, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_EVALUATION);
        return;
    }
    case_part_begin(r, &k, "Evaluations", "evaluations");
    if (k.track != TRACK_PAR) {
        html_raw(&r->out, "<p>This is a PA case: it has no evaluations. Evaluations are written "
                          "on a PAR case only, by its Consulting Teacher.</p>");
        page_end(r);
        return;
    }
    html_raw(&r->out, "<p>The Consulting Teacher, the primary evaluator, writes a formative "
                      "assessment mid-cycle and a summative evaluation at its end. The "
                      "administrator previews and may respond; the teacher signs once it "
                      "is shared with them: receipt, not agreement.</p>");
    start_forms(r, &k, list, n);
    if (n) {
        html_raw(&r->out, "<ul>");
        for (int i = 0; i < n; i++)
            evaluation_item(r, &list[i]);
        html_raw(&r->out, "</ul>");
    } else {
        html_raw(&r->out, "<p>None shared with you yet.</p>");
    }
    page_end(r);
}

void do_evaluation_create(req *r)
{
    int64_t case_id = req_id(r, "id"), id = 0;
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s =
        evaluation_create(ctx_of(r), case_id, form_value(r, "kind"), &id, &errs, &refusal);
    if (s == APP_INVALID) {
        web_error(r, 400, errs.n ? errs.e[0].message : "Choose formative or summative.");
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_EVALUATION);
        return;
    }
    web_flash(r, "The draft is started: only you see it until you share it.");
    res_redirect(r, evaluation_url(r, case_id, id, ""));
}

/* --- the document and its steps --- */

static void step_button(req *r, const struct case_record *k, const struct evaluation *e,
                        enum eval_step step)
{
    if (!evaluation_step_open(ctx_of(r), k, e, step))
        return;
    const struct eval_step_def *d = evaluation_step(step);
    char path[32] = "/";
    for (size_t i = 0; d->key[i] && i < sizeof path - 2; i++)
        path[i + 1] = d->key[i] == '_' ? '-' : d->key[i];
    form_begin(r, evaluation_url(r, k->id, e->id, path));
    version_field(r, e->version);
    form_end(r, d->label);
}

/* A step with its text: the response, or the reason to reopen. */
static void step_text_form(req *r, const struct case_record *k, const struct evaluation *e,
                           enum eval_step step, const struct field *f, const char *intro,
                           const struct errors *errs)
{
    if (!evaluation_step_open(ctx_of(r), k, e, step))
        return;
    const struct eval_step_def *d = evaluation_step(step);
    html_printf(&r->out, "<section class=\"panel\"><h2>%s</h2><p>%s</p>", d->label, intro);
    form_begin(r, evaluation_url(r, k->id, e->id, step == EVAL_RESPOND  ? "/respond"
                                                  : step == EVAL_SIGN ? "/sign"
                                                                      : "/ask-unlock"));
    version_field(r, e->version);
    field_textarea(r, f, errs);
    form_end(r, d->label);
    html_raw(&r->out, "</section>");
}

static void steps(req *r, const struct case_record *k, const struct evaluation *e,
                  const char *typed, const struct errors *errs)
{
    step_button(r, k, e, EVAL_SHARE_ADMIN);
    step_button(r, k, e, EVAL_SHARE_TEACHER);
    step_text_form(r, k, e, EVAL_RESPOND,
                   &(struct field){.name = "response",
                                   .label = "Your response",
                                   .value = typed ? typed : e->admin_response,
                                   .required = true},
                   "As the administrator, you preview the draft and may respond before "
                   "it is shared with the teacher. Your response is part of the evaluation.",
                   errs);
    step_text_form(r, k, e, EVAL_SIGN,
                   &(struct field){.name = "response",
                                   .label = "Your written response",
                                   .value = typed ? typed : e->teacher_response,
                                   .hint = "If you wish: it is kept with the evaluation."},
                   evaluation_receipt_words, errs);
    step_button(r, k, e, EVAL_LOCK);
    step_text_form(r, k, e, EVAL_ASK_UNLOCK,
                   &(struct field){.name = "reason",
                                   .label = "Why it should reopen",
                                   .value = typed,
                                   .required = true},
                   "A locked evaluation reopens only with the other party's consent: the "
                   "teacher's if the Consulting Teacher asks, the Consulting Teacher's if the "
                   "teacher asks. Once reopened the teacher signs again.",
                   errs);
    step_button(r, k, e, EVAL_CONSENT_UNLOCK);
}

static void evaluation_page(req *r, const struct case_record *k, const struct evaluation *e,
                            const char *typed, const struct errors *errs)
{
    case_part_begin(r, k, evaluation_kind_label(e->kind), "evaluations");
    html_printf(&r->out,
                "<p class=\"page-actions\"><a href=\"%s\">All the evaluations of this case</a> · "
                "<a href=\"%s\">Printable page</a> · <a href=\"%s\">Download the PDF</a></p>",
                evaluation_url(r, k->id, 0, ""), evaluation_url(r, k->id, e->id, "/print"),
                evaluation_url(r, k->id, e->id, "/pdf"));
    if (evaluation_editable(e->status) && case_state_open_to(k->state, KIND_EVALUATION) &&
        casework_may(ctx_of(r), k, ACT_EDIT, KIND_EVALUATION))
        evaluation_draft_form(r, k, e, errs);
    else
        form_errors(r, errs);
    /* The document before its steps: the teacher reads what they sign
     * (R20), the administrator what they respond to (issue 18). */
    evaluation_document(r, k, e);
    steps(r, k, e, typed, errs);
    page_end(r);
}

bool evaluation_viewed(req *r, struct case_record *k, struct evaluation *e)
{
    const char *refusal = NULL;
    enum app_status s = evaluation_get(ctx_of(r), req_id(r, "id"), req_id(r, "item"), ACT_VIEW,
                                       k, e, &refusal);
    if (s != APP_OK)
        web_refuse(r, s, refusal, KIND_EVALUATION);
    return s == APP_OK;
}

void page_evaluation(req *r)
{
    struct case_record k;
    struct evaluation e;
    if (evaluation_viewed(r, &k, &e))
        evaluation_page(r, &k, &e, NULL, NULL);
}

void page_evaluation_print(req *r)
{
    struct case_record k;
    struct evaluation e;
    if (!evaluation_viewed(r, &k, &e))
        return;
    page_begin(r, arena_printf(r->a, "%s — %s", evaluation_kind_label(e.kind), k.teacher_name));
    html_printf(&r->out,
                "<p class=\"no-print\"><a href=\"%s\">Back to the evaluation</a>. Print this page "
                "with your browser's Print command.</p>",
                evaluation_url(r, k.id, e.id, ""));
    evaluation_document(r, &k, &e);
    page_end(r);
}

/* The typed draft laid over the stored one, to show the form again. */
static void overlay(struct evaluation *e, const struct evaluation_input *in)
{
    e->summary = in->summary;
    if (!rating_parse(in->overall_rating, &e->overall))
        e->overall = RATING_NONE;
    for (int i = 0; i < in->nratings && i < e->nratings; i++) {
        if (!rating_parse(in->ratings[i].rating, &e->ratings[i].rating))
            e->ratings[i].rating = RATING_NONE;
        e->ratings[i].comment = in->ratings[i].comment;
    }
}

void do_evaluation_update(req *r)
{
    struct ctx *c = ctx_of(r);
    int64_t case_id = req_id(r, "id"), id = req_id(r, "item");
    int64_t version = parse_id(form_value(r, "version"));
    struct case_record k;
    struct evaluation e;
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    /* The form's fields are the rubric's standards: read them over the draft. */
    enum app_status s = evaluation_get(c, case_id, id, ACT_EDIT, &k, &e, &refusal);
    struct evaluation_input in = s == APP_OK ? evaluation_input_from_form(r, &e)
                                             : (struct evaluation_input){0};
    if (s == APP_OK)
        s = evaluation_update(c, case_id, id, version, &in, &errs, &refusal);
    if (s == APP_INVALID) {
        r->status = 400;
        overlay(&e, &in);
        evaluation_page(r, &k, &e, NULL, &errs);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_EVALUATION);
        return;
    }
    web_flash(r, "The draft is saved.");
    res_redirect(r, evaluation_url(r, case_id, id, ""));
}

static const char *const step_done[EVAL_STEP_COUNT] = {
    [EVAL_SHARE_ADMIN] = "The draft is shared with the administrator for preview and response; "
                         "they are told.",
    [EVAL_RESPOND] = "Your response is saved with the evaluation.",
    [EVAL_SHARE_TEACHER] = "The evaluation is shared with the teacher, who is told.",
    [EVAL_SIGN] = "You signed: this acknowledges receipt, not agreement.",
    [EVAL_LOCK] = "The evaluation is locked.",
    [EVAL_ASK_UNLOCK] = "Your request to reopen it is sent: the other party consents.",
    [EVAL_CONSENT_UNLOCK] = "The evaluation is reopened as a draft; the teacher signs again once "
                            "it is shared again.",
};

static void take_step(req *r, enum eval_step step)
{
    struct ctx *c = ctx_of(r);
    int64_t case_id = req_id(r, "id"), id = req_id(r, "item");
    const char *text = step == EVAL_ASK_UNLOCK ? form_value(r, "reason") : form_value(r, "response");
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = evaluation_step_take(c, case_id, id, parse_id(form_value(r, "version")),
                                             step, text, &errs, &refusal);
    struct case_record k;
    struct evaluation e;
    if (s == APP_INVALID &&
        evaluation_get(c, case_id, id, evaluation_step(step)->act, &k, &e, &refusal) == APP_OK) {
        r->status = 400;
        evaluation_page(r, &k, &e, text, &errs);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_EVALUATION);
        return;
    }
    web_flash(r, step_done[step]);
    res_redirect(r, evaluation_url(r, case_id, id, ""));
}

void do_evaluation_share_admin(req *r)
{
    take_step(r, EVAL_SHARE_ADMIN);
}

void do_evaluation_respond(req *r)
{
    take_step(r, EVAL_RESPOND);
}

void do_evaluation_share_teacher(req *r)
{
    take_step(r, EVAL_SHARE_TEACHER);
}

void do_evaluation_sign(req *r)
{
    take_step(r, EVAL_SIGN);
}

void do_evaluation_lock(req *r)
{
    take_step(r, EVAL_LOCK);
}

void do_evaluation_ask_unlock(req *r)
{
    take_step(r, EVAL_ASK_UNLOCK);
}

void do_evaluation_consent_unlock(req *r)
{
    take_step(r, EVAL_CONSENT_UNLOCK);
}

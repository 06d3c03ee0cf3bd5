/* api_evaluations.c: /api/v1 for a PAR case's evaluations (R15, R20, R23,
 * R26): the list, one evaluation, starting one, revising its draft (one
 * standard's rating and comment per request, with the summary and the
 * overall rating), and its steps. The same use cases as the pages; bodies
 * are strict (api_body.c reads them from the tables here). */
#include <inttypes.h>
#include <stddef.h>
#include <string.h>

#include "app/people.h" /* struct page_of, for web/api.h */
#include "web/api.h"
#include "web/evaluations.h"
#include "web/handlers.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof *(a)))

struct evaluation_body {
    const char *kind, *summary, *overall_rating, *standard_id, *rating, *comment;
};
#define EVAL_FIELD(name, type, required)                                                           \
    {                                                                                              \
#name, type, required, offsetof(struct evaluation_body, name)                              \
    }
static const struct api_field evaluation_fields[] = {
    EVAL_FIELD(kind, API_TEXT, true),
    EVAL_FIELD(summary, API_TEXT, false),
    EVAL_FIELD(overall_rating, API_TEXT, false),
    EVAL_FIELD(standard_id, API_NUMBER, false),
    EVAL_FIELD(rating, API_TEXT, false),
    EVAL_FIELD(comment, API_TEXT, false),
};
/* kind on create only (formative | summative); a PATCH revises the draft:
 * rating and comment are standard_id's. */
const struct api_body api_evaluation_body = {"Evaluation", evaluation_fields,
                                             COUNT(evaluation_fields)};

struct step_body {
    const char *step, *response, *reason;
};
static const struct api_field step_fields[] = {
    {"step", API_TEXT, true, offsetof(struct step_body, step)},
    {"response", API_TEXT, false, offsetof(struct step_body, response)},
    {"reason", API_TEXT, false, offsetof(struct step_body, reason)},
};
/* step: share_admin | respond | share_teacher | sign | lock | ask_unlock |
 * consent_unlock; response for respond and sign, reason for ask_unlock. */
const struct api_body api_evaluation_step_body = {"EvaluationStep", step_fields,
                                                  COUNT(step_fields)};

static void evaluation_json(json *j, const struct evaluation *e)
{
    json_obj_begin(j);
    json_kv_int(j, "id", e->id);
    json_kv_int(j, "case_id", e->case_id);
    json_kv_str(j, "kind", evaluation_kind_key(e->kind));
    json_kv_str(j, "status", evaluation_status_key(e->status));
    json_kv_str(j, "overall_rating", e->overall == RATING_NONE ? "" : rating_key(e->overall));
    json_kv_str(j, "summary", e->summary);
    json_key(j, "ratings");
    json_arr_begin(j);
    for (int i = 0; i < e->nratings; i++) {
        json_obj_begin(j);
        json_kv_int(j, "standard_id", e->ratings[i].standard_id);
        json_kv_str(j, "standard_code", e->ratings[i].code);
        json_kv_str(j, "rating",
                    e->ratings[i].rating == RATING_NONE ? "" : rating_key(e->ratings[i].rating));
        json_kv_str(j, "comment", e->ratings[i].comment);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_kv_str(j, "admin_response", e->admin_response);
    json_kv_str(j, "admin_responded_by", e->admin_responded_by);
    json_kv_int(j, "admin_responded_at", e->admin_responded_at);
    json_kv_int(j, "shared_admin_at", e->shared_admin_at);
    json_kv_int(j, "shared_teacher_at", e->shared_teacher_at);
    json_kv_int(j, "teacher_signed_at", e->teacher_signed_at);
    json_kv_str(j, "teacher_response", e->teacher_response);
    json_kv_int(j, "locked_at", e->locked_at);
    json_kv_str(j, "unlock_asked_by", e->unlock_asked_by);
    json_kv_str(j, "unlock_reason", e->unlock_reason);
    json_kv_str(j, "created_by", e->created_by);
    json_kv_int(j, "created_at", e->created_at);
    json_kv_int(j, "updated_at", e->updated_at);
    json_kv_int(j, "version", e->version);
    json_obj_end(j);
}

void api_evaluations(req *r)
{
    struct case_record k;
    struct evaluation *list;
    int n;
    const char *refusal = NULL;
    enum app_status s = evaluations_list(ctx_of(r), req_id(r, "id"), &k, &list, &n, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_EVALUATION);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++)
        evaluation_json(&j, &list[i]);
    api_list_end(&j, n, NULL);
}

static void evaluation_answer(req *r, int64_t case_id, int64_t id, int status)
{
    struct case_record k;
    struct evaluation e;
    const char *refusal = NULL;
    enum app_status s = evaluation_get(ctx_of(r), case_id, id, ACT_VIEW, &k, &e, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_EVALUATION);
        return;
    }
    json j;
    api_begin(r, &j, status);
    evaluation_json(&j, &e);
    if (status == 201)
        api_created_at(r, arena_printf(r->a, "/api/v1/cases/%" PRId64 "/evaluations", case_id),
                       id);
}

void api_evaluation(req *r)
{
    evaluation_answer(r, req_id(r, "id"), req_id(r, "item"), 200);
}

void api_evaluation_create(req *r)
{
    struct evaluation_body in = {0};
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    int64_t case_id = req_id(r, "id"), id = 0;
    if (!api_body_read(r, &api_evaluation_body, &in, NULL))
        return;
    if (in.summary || in.overall_rating || in.standard_id || in.rating || in.comment) {
        api_bad_field(r, "kind",
                      "Start the evaluation with its kind alone, then revise the draft (PATCH).");
        return;
    }
    enum app_status s = evaluation_create(ctx_of(r), case_id, in.kind, &id, &errs, &refusal);
    if (s != APP_OK)
        api_refuse(r, s, refusal, KIND_EVALUATION, &errs);
    else
        evaluation_answer(r, case_id, id, 201);
}

void api_evaluation_update(req *r)
{
    struct evaluation_body in = {0};
    struct errors errs = {.n = 0};
    const char *refusal = NULL, *version = NULL;
    int64_t case_id = req_id(r, "id"), id = req_id(r, "item");
    if (!api_body_read(r, &api_evaluation_body, &in, &version))
        return;
    if (in.kind) {
        api_bad_field(r, "kind", "An evaluation's kind stays as it was started.");
        return;
    }
    if ((in.rating || in.comment) && !in.standard_id) {
        api_bad_field(r, "standard_id", "Say which standard the rating or comment is for.");
        return;
    }
    struct evaluation_rating_input one = {parse_id(in.standard_id), in.rating, in.comment,
                                          "rating", "comment"};
    struct evaluation_input change = {in.summary, in.overall_rating, &one,
                                      in.standard_id ? 1 : 0};
    enum app_status s =
        evaluation_update(ctx_of(r), case_id, id, parse_id(version), &change, &errs, &refusal);
    if (s != APP_OK)
        api_refuse(r, s, refusal, KIND_EVALUATION, &errs);
    else
        evaluation_answer(r, case_id, id, 200);
}

void api_evaluation_step(req *r)
{
    struct ctx *c = ctx_of(r);
    struct step_body in = {0};
    struct errors errs = {.n = 0};
    const char *refusal = NULL, *version = NULL;
    int64_t case_id = req_id(r, "id"), id = req_id(r, "item");
    struct case_record k;
    struct evaluation e;
    /* Asked first: a stranger learns nothing from how their body is read. */
    enum app_status s = evaluation_get(c, case_id, id, ACT_VIEW, &k, &e, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_EVALUATION);
        return;
    }
    if (!api_body_read(r, &api_evaluation_step_body, &in, &version))
        return;
    enum eval_step step;
    if (!evaluation_step_parse(in.step, &step)) {
        api_bad_field(r, "step",
                      "step is share_admin, respond, share_teacher, sign, lock, ask_unlock or "
                      "consent_unlock.");
        return;
    }
    s = evaluation_step_take(c, case_id, id, parse_id(version), step,
                             step == EVAL_ASK_UNLOCK ? in.reason : in.response, &errs, &refusal);
    if (s != APP_OK)
        api_refuse(r, s, refusal, KIND_EVALUATION, &errs);
    else
        evaluation_answer(r, case_id, id, 200);
}

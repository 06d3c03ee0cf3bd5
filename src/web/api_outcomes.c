/* api_outcomes.c: /api/v1 for a closed case's outcome and the end-of-cycle
 * survey (R39): the same use cases as the pages. Answering the survey
 * answers with nothing that leads back to the stored answer (no id, no
 * Location); the list of invitations holds names and yes or no only. */
#include <inttypes.h>
#include <stddef.h>
#include <string.h>

#include "app/outcome.h"
#include "web/api.h"
#include "web/handlers.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof *(a)))

static const struct api_field outcome_fields[] = {
    {"rating_before", API_TEXT, false, offsetof(struct outcome_input, rating_before)},
    {"rating_after", API_TEXT, true, offsetof(struct outcome_input, rating_after)},
    {"stayed", API_TEXT, true, offsetof(struct outcome_input, stayed)},
    {"continued_support", API_TEXT, false, offsetof(struct outcome_input, continued_support)},
};
/* PUT records or revises it; what is left out keeps its value. */
const struct api_body api_outcome_body = {"Outcome", outcome_fields, COUNT(outcome_fields)};

static const struct api_field survey_fields[] = {
    {"fair", API_NUMBER, true, offsetof(struct survey_input, fair)},
    {"transparent", API_NUMBER, true, offsetof(struct survey_input, transparent)},
    {"humane", API_NUMBER, true, offsetof(struct survey_input, humane)},
    {"comment", API_TEXT, false, offsetof(struct survey_input, comment)},
};
const struct api_body api_survey_body = {"SurveyAnswer", survey_fields, COUNT(survey_fields)};

/* --- the outcome --- */

static void outcome_json(json *j, const struct case_record *k, const struct outcome *o)
{
    json_obj_begin(j);
    json_kv_int(j, "case_id", o->case_id);
    json_kv_str(j, "track", case_track_key(k->track));
    json_kv_bool(j, "recorded", o->version != 0);
    json_kv_str(j, "rating_before", rating_key(o->before));
    json_key(j, "rating_after");
    json_str(j, o->after == RATING_NONE ? NULL : rating_key(o->after));
    json_kv_str(j, "stayed", stayed_key(o->stayed));
    json_kv_str(j, "continued_support", o->continued_support);
    json_kv_int(j, "school_year", o->school_year);
    json_kv_str(j, "recorded_by", o->recorded_by);
    json_kv_int(j, "recorded_at", o->recorded_at);
    json_kv_int(j, "version", o->version);
    json_obj_end(j);
}

static void outcome_answer(req *r, int64_t case_id)
{
    struct case_record k;
    struct outcome o;
    const char *refusal = NULL;
    enum app_status s = outcome_get(ctx_of(r), case_id, &k, &o, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_OUTCOME);
        return;
    }
    json j;
    api_begin(r, &j, 200);
    outcome_json(&j, &k, &o);
}

void api_outcome(req *r)
{
    outcome_answer(r, req_id(r, "id"));
}

void api_outcome_put(req *r)
{
    struct ctx *c = ctx_of(r);
    struct case_record k;
    const char *refusal = NULL, *version = NULL;
    int64_t case_id = req_id(r, "id");
    /* Asked first: whoever may not record it learns nothing from the body. */
    enum app_status s = outcome_open(c, case_id, &k, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_OUTCOME);
        return;
    }
    struct outcome_input in = {0};
    struct errors errs = {.n = 0};
    if (!api_body_read(r, &api_outcome_body, &in, &version))
        return;
    s = outcome_save(c, case_id, parse_id(version), &in, &errs, &refusal);
    if (s != APP_OK)
        api_refuse(r, s, refusal, KIND_OUTCOME, &errs);
    else
        outcome_answer(r, case_id);
}

/* --- the survey --- */

void api_survey_answer(req *r)
{
    struct ctx *c = ctx_of(r);
    struct case_record k;
    struct survey_invite inv;
    const char *refusal = NULL, *version = NULL;
    int64_t case_id = req_id(r, "id");
    enum app_status s = survey_open(c, case_id, &k, &inv, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_SURVEY);
        return;
    }
    struct survey_input in = {0};
    struct errors errs = {.n = 0};
    if (!api_body_read(r, &api_survey_body, &in, &version))
        return;
    s = survey_answer(c, case_id, &in, &errs, &refusal);
    if (s != APP_OK) {
        api_refuse(r, s, refusal, KIND_SURVEY, &errs);
        return;
    }
    json j;
    api_begin(r, &j, 201);
    json_obj_begin(&j);
    json_kv_int(&j, "case_id", case_id);
    json_kv_bool(&j, "responded", true);
    json_obj_end(&j);
}

static void invite_json(json *j, const struct survey_invite *v)
{
    json_obj_begin(j);
    json_kv_int(j, "case_id", v->case_id);
    json_kv_str(j, "teacher_name", v->teacher_name);
    json_kv_str(j, "track", case_track_key(v->track));
    json_kv_int(j, "person_id", v->person_id);
    json_kv_str(j, "person_name", v->person_name);
    json_kv_str(j, "party", v->party);
    json_kv_int(j, "invited_at", v->created_at);
    json_kv_bool(j, "responded", v->responded);
    json_obj_end(j);
}

void api_surveys(req *r)
{
    struct page_of pg = {.page = 1, .per_page = 50};
    int64_t case_id = 0;
    if (!api_query_paging(r, &pg) || !api_query_number(r, "case_id", INT64_MAX, &case_id))
        return;
    struct survey_invite *v;
    int n = 0;
    enum app_status s = surveys_list(ctx_of(r), case_id, &pg, &v, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_SURVEY);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++)
        invite_json(&j, &v[i]);
    api_list_end(&j, pg.total, &pg);
}

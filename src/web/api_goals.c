/* api_goals.c: /api/v1 for the rubric, the goals bank, a case's goals and
 * its self-assessment (R14, R16, R19, R37). The same use cases as the
 * pages; bodies are strict (api_body.c reads them from the tables here). */
#include <inttypes.h>
#include <stddef.h>
#include <string.h>

#include "app/people.h" /* struct page_of, for web/api.h */
#include "app/rubric.h"
#include "web/api.h"
#include "web/goals.h"
#include "web/handlers.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof *(a)))

/* --- bodies --- */

#define GOAL_FIELD(name, type, required)                                                           \
    {                                                                                              \
#name, type, required, offsetof(struct goal_input, name)                                   \
    }
static const struct api_field goal_fields[] = {
    GOAL_FIELD(kind, API_TEXT, false),
    GOAL_FIELD(title, API_TEXT, false),
    GOAL_FIELD(specific, API_TEXT, false),
    GOAL_FIELD(measure, API_TEXT, false),
    GOAL_FIELD(actions, API_TEXT, false),
    GOAL_FIELD(due_on, API_TEXT, true),
    GOAL_FIELD(indicator_id, API_ID_OR_NULL, false),
    GOAL_FIELD(bank_id, API_ID_OR_NULL, false),
    GOAL_FIELD(status, API_TEXT, false),
};
/* kind, title, specific and measure are needed unless bank_id gives them. */
const struct api_body api_goal_body = {"Goal", goal_fields, COUNT(goal_fields)};

struct bank_input {
    struct goal_input g;
    const char *retired;
};
#define BANK_FIELD(name, type, required)                                                           \
    {                                                                                              \
#name, type, required, offsetof(struct bank_input, g.name)                                 \
    }
static const struct api_field bank_fields[] = {
    BANK_FIELD(kind, API_TEXT, true),
    BANK_FIELD(title, API_TEXT, true),
    BANK_FIELD(specific, API_TEXT, true),
    BANK_FIELD(measure, API_TEXT, true),
    BANK_FIELD(actions, API_TEXT, false),
    BANK_FIELD(indicator_id, API_ID_OR_NULL, false),
    {"retired", API_FLAG, false, offsetof(struct bank_input, retired)},
};
const struct api_body api_bank_goal_body = {"BankGoal", bank_fields, COUNT(bank_fields)};

struct decision_input {
    const char *decision, *reason;
};
static const struct api_field decision_fields[] = {
    {"decision", API_TEXT, true, offsetof(struct decision_input, decision)},
    {"reason", API_TEXT, false, offsetof(struct decision_input, reason)},
};
const struct api_body api_goal_decision_body = {"GoalDecision", decision_fields,
                                                COUNT(decision_fields)};

struct self_assessment_body {
    const char *standard_id, *strengths, *growth_areas;
};
#define SELF_FIELD(name, type, required)                                                           \
    {                                                                                              \
#name, type, required, offsetof(struct self_assessment_body, name)                         \
    }
static const struct api_field self_assessment_fields[] = {
    SELF_FIELD(standard_id, API_NUMBER, true),
    SELF_FIELD(strengths, API_TEXT, false),
    SELF_FIELD(growth_areas, API_TEXT, false),
};
/* One standard's strengths and areas for growth (PUT replaces them). */
const struct api_body api_self_assessment_body = {"SelfAssessment", self_assessment_fields,
                                                  COUNT(self_assessment_fields)};

/* --- the rubric --- */

static void indicator_json(json *j, const struct rubric_indicator *i)
{
    json_obj_begin(j);
    json_kv_int(j, "id", i->id);
    json_kv_str(j, "code", i->code);
    json_kv_str(j, "title", i->title);
    json_kv_str(j, "description", i->description);
    json_kv_int(j, "position", i->position);
    json_kv_bool(j, "retired", i->retired);
    json_obj_end(j);
}

void api_rubric(req *r)
{
    struct ctx *c = ctx_of(r);
    struct rubric rb;
    enum app_status s =
        rubric_load(c, app_authorize(c, ACT_EDIT, KIND_RUBRIC, NULL) == APP_OK, &rb);
    if (s != APP_OK) {
        web_fail(r, s, KIND_RUBRIC);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < rb.nstandards; i++) {
        const struct rubric_standard *st = &rb.standards[i];
        json_obj_begin(&j);
        json_kv_int(&j, "id", st->id);
        json_kv_str(&j, "code", st->code);
        json_kv_str(&j, "title", st->title);
        json_kv_int(&j, "position", st->position);
        json_key(&j, "indicators");
        json_arr_begin(&j);
        for (int k = 0; k < st->nindicators; k++)
            indicator_json(&j, &st->indicators[k]);
        json_arr_end(&j);
        json_obj_end(&j);
    }
    api_list_end(&j, rb.nstandards, NULL);
}

/* --- the goals bank --- */

static void bank_json(json *j, const struct bank_goal *b)
{
    json_obj_begin(j);
    json_kv_int(j, "id", b->id);
    json_kv_str(j, "kind", goal_kind_key(b->kind));
    json_kv_str(j, "title", b->title);
    json_kv_str(j, "specific", b->specific);
    json_kv_str(j, "measure", b->measure);
    json_kv_str(j, "actions", b->actions);
    api_kv_id(j, "indicator_id", b->indicator_id);
    json_kv_str(j, "indicator_code", b->indicator_code);
    json_kv_bool(j, "retired", b->retired);
    json_kv_int(j, "version", b->version);
    json_obj_end(j);
}

void api_goal_bank(req *r)
{
    struct bank_goal *bank;
    int n;
    enum app_status s = goal_bank_list(ctx_of(r), &bank, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_GOAL_BANK);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++)
        bank_json(&j, &bank[i]);
    api_list_end(&j, n, NULL);
}

static void bank_answer(req *r, int64_t id, int status)
{
    struct bank_goal b;
    enum app_status s = goal_bank_get(ctx_of(r), id, &b);
    if (s != APP_OK) {
        web_fail(r, s, KIND_GOAL_BANK);
        return;
    }
    json j;
    api_begin(r, &j, status);
    bank_json(&j, &b);
    if (status == 201)
        api_created_at(r, "/api/v1/goal-bank", id);
}

void api_goal_bank_create(req *r)
{
    struct bank_input in = {0};
    struct errors errs = {.n = 0};
    int64_t id = 0;
    if (!api_body_read(r, &api_bank_goal_body, &in, NULL))
        return;
    if (in.retired)
        errors_add(&errs, "retired", "A new goal of the bank is in use: leave retired out.");
    enum app_status s = errs.n ? APP_INVALID : goal_bank_create(ctx_of(r), &in.g, &id, &errs);
    if (s != APP_OK)
        api_refuse(r, s, NULL, KIND_GOAL_BANK, &errs);
    else
        bank_answer(r, id, 201);
}

void api_goal_bank_update(req *r)
{
    struct ctx *c = ctx_of(r);
    struct bank_input in = {0};
    struct errors errs = {.n = 0};
    const char *version = NULL;
    int64_t id = req_id(r, "item");
    if (!api_body_read(r, &api_bank_goal_body, &in, &version))
        return;
    struct bank_goal cur;
    enum app_status s = goal_bank_get(c, id, &cur);
    if (s == APP_OK && !api_version_current(r, version, cur.version, KIND_GOAL_BANK))
        return;
    if (s == APP_OK && goal_input_given(&in.g))
        s = goal_bank_update(c, id, cur.version, &in.g, &errs);
    if (s == APP_OK && in.retired)
        s = goal_bank_retire(c, id, strcmp(in.retired, "yes") == 0);
    if (s != APP_OK)
        api_refuse(r, s, NULL, KIND_GOAL_BANK, &errs);
    else
        bank_answer(r, id, 200);
}

/* --- a case's goals and self-assessment --- */

static void goal_json(json *j, const struct goal *g)
{
    json_obj_begin(j);
    json_kv_int(j, "id", g->id);
    json_kv_int(j, "case_id", g->case_id);
    json_kv_str(j, "kind", goal_kind_key(g->kind));
    json_kv_str(j, "title", g->title);
    json_kv_str(j, "specific", g->specific);
    json_kv_str(j, "measure", g->measure);
    json_kv_str(j, "actions", g->actions);
    json_kv_str(j, "due_on", g->due_on);
    api_kv_id(j, "indicator_id", g->indicator_id);
    json_kv_str(j, "indicator_code", g->indicator_code);
    api_kv_id(j, "bank_id", g->bank_id);
    json_kv_str(j, "status", goal_status_key(g->status));
    json_kv_str(j, "status_note", g->status_note);
    json_kv_str(j, "created_by", g->created_by);
    json_kv_int(j, "created_at", g->created_at);
    json_kv_str(j, "approved_by", g->approved_by);
    json_kv_int(j, "approved_at", g->approved_at);
    json_kv_int(j, "updated_at", g->updated_at);
    json_kv_int(j, "version", g->version);
    json_obj_end(j);
}

static void summary_json(json *j, const struct goals_summary *sum)
{
    json_key(j, "r19");
    json_obj_begin(j);
    json_kv_bool(j, "met", sum->met);
    json_kv_int(j, "approved_practice", sum->approved_practice);
    json_kv_int(j, "approved_student_learning", sum->approved_learning);
    json_kv_int(j, "proposed", sum->proposed);
    json_key(j, "goals_due_on");
    json_str(j, *sum->due_on ? sum->due_on : NULL);
    json_obj_end(j);
}

/* The self-assessment, or null for whoever may not see it. */
static void self_assessment_json(req *r, json *j, const struct case_record *k)
{
    struct self_assessment sa;
    struct case_record again;
    const char *refusal = NULL;
    json_key(j, "self_assessment");
    if (!casework_may(ctx_of(r), k, ACT_VIEW, KIND_SELF_ASSESSMENT) ||
        self_assessment_get(ctx_of(r), k->id, &again, &sa, &refusal) != APP_OK) {
        json_null(j);
        return;
    }
    json_arr_begin(j);
    for (int i = 0; i < sa.n; i++) {
        json_obj_begin(j);
        json_kv_int(j, "standard_id", sa.entries[i].standard_id);
        json_kv_str(j, "standard_code", sa.entries[i].code);
        json_kv_str(j, "strengths", sa.entries[i].strengths);
        json_kv_str(j, "growth_areas", sa.entries[i].growth_areas);
        json_kv_int(j, "updated_at", sa.entries[i].updated_at);
        json_obj_end(j);
    }
    json_arr_end(j);
}

void api_goals(req *r)
{
    struct case_record k;
    struct goal *goals;
    struct goals_summary sum;
    int n;
    const char *refusal = NULL;
    enum app_status s = goals_list(ctx_of(r), req_id(r, "id"), &k, &goals, &n, &sum, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_GOAL);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++)
        goal_json(&j, &goals[i]);
    json_arr_end(&j);
    summary_json(&j, &sum);
    self_assessment_json(r, &j, &k);
    json_kv_int(&j, "total", n);
    json_obj_end(&j);
}

static void goal_answer(req *r, int64_t case_id, int64_t id, int status)
{
    struct case_record k;
    struct goal g;
    const char *refusal = NULL;
    enum app_status s = goal_get(ctx_of(r), case_id, id, ACT_VIEW, &k, &g, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_GOAL);
        return;
    }
    json j;
    api_begin(r, &j, status);
    goal_json(&j, &g);
    if (status == 201)
        api_created_at(r, arena_printf(r->a, "/api/v1/cases/%" PRId64 "/goals", case_id), id);
}

void api_goal_create(req *r)
{
    struct goal_input in = {0};
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    int64_t case_id = req_id(r, "id"), id = 0;
    if (!api_body_read(r, &api_goal_body, &in, NULL))
        return;
    enum app_status s = goal_create(ctx_of(r), case_id, &in, &id, &errs, &refusal);
    if (s != APP_OK)
        api_refuse(r, s, refusal, KIND_GOAL, &errs);
    else
        goal_answer(r, case_id, id, 201);
}

void api_goal_update(req *r)
{
    struct goal_input in = {0};
    struct errors errs = {.n = 0};
    const char *refusal = NULL, *version = NULL;
    int64_t case_id = req_id(r, "id"), id = req_id(r, "item");
    if (!api_body_read(r, &api_goal_body, &in, &version))
        return;
    enum app_status s =
        goal_update(ctx_of(r), case_id, id, parse_id(version), &in, &errs, &refusal);
    if (s != APP_OK)
        api_refuse(r, s, refusal, KIND_GOAL, &errs);
    else
        goal_answer(r, case_id, id, 200);
}

void api_goal_decision(req *r)
{
    struct decision_input in = {0};
    struct errors errs = {.n = 0};
    const char *refusal = NULL, *version = NULL;
    int64_t case_id = req_id(r, "id"), id = req_id(r, "item");
    if (!api_body_read(r, &api_goal_decision_body, &in, &version))
        return;
    bool approve = in.decision && strcmp(in.decision, "approve") == 0;
    enum app_status s;
    if (!approve && !(in.decision && strcmp(in.decision, "return") == 0)) {
        /* Asked first: whoever may not decide is told so, not how to ask. */
        struct case_record k;
        struct goal g;
        s = goal_get(ctx_of(r), case_id, id, ACT_APPROVE, &k, &g, &refusal);
        if (s == APP_OK) {
            errors_add(&errs, "decision", "decision is approve or return.");
            s = APP_INVALID;
        }
    } else {
        s = goal_decide(ctx_of(r), case_id, id, parse_id(version), approve, in.reason, &errs,
                        &refusal);
    }
    if (s != APP_OK)
        api_refuse(r, s, refusal, KIND_GOAL, &errs);
    else
        goal_answer(r, case_id, id, 200);
}

void api_self_assessment_put(req *r)
{
    struct ctx *c = ctx_of(r);
    struct case_record k;
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    int64_t case_id = req_id(r, "id");
    /* Asked first: a stranger learns nothing from how their body is read. */
    enum app_status s = casework_open(c, case_id, ACT_EDIT, KIND_SELF_ASSESSMENT, &k, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_SELF_ASSESSMENT);
        return;
    }
    struct self_assessment_body body = {0};
    if (!api_body_read(r, &api_self_assessment_body, &body, NULL))
        return;
    struct self_assessment_entry in = {.standard_id = parse_id(body.standard_id),
                                       .strengths = body.strengths,
                                       .growth_areas = body.growth_areas};
    s = self_assessment_save(c, case_id, &in, 1, &errs, &refusal);
    if (s != APP_OK) {
        api_refuse(r, s, refusal, KIND_SELF_ASSESSMENT, &errs);
        return;
    }
    json j;
    api_begin(r, &j, 200);
    json_obj_begin(&j);
    self_assessment_json(r, &j, &k);
    json_obj_end(&j);
}

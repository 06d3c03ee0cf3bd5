/* api_cases.c: /api/v1/cases. A step is fired through the same workflow
 * table as the pages: POST /api/v1/cases/{id}/transitions {"to": ...}. */
#include <stddef.h>

#include "app/enrolment.h"
#include "app/process.h"
#include "web/api.h"
#include "web/handlers.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof *(a)))
/* A step as the API sends it. R1's question is district_year, the year in
 * the district the teacher is in; years, its old form, held the full years
 * behind them, one less: still read. */
struct api_step {
    struct case_input in;
    const char *years;
};
#define STEP_FIELD(name, type, required) \
    {#name, type, required, offsetof(struct api_step, in.name)}
static const struct api_field transition_fields[] = {
    STEP_FIELD(to, API_TEXT, true),
    STEP_FIELD(at, API_TEXT, false),
    STEP_FIELD(place, API_TEXT, false),
    STEP_FIELD(ct_id, API_NUMBER, false),
    STEP_FIELD(union_rep_id, API_NUMBER, false),
    STEP_FIELD(track, API_TEXT, false),
    STEP_FIELD(district_year, API_NUMBER, false),
    {"years", API_NUMBER, false, offsetof(struct api_step, years)},
    STEP_FIELD(plan, API_TEXT, false),
    STEP_FIELD(months, API_NUMBER, false),
    STEP_FIELD(rating, API_TEXT, false),
    STEP_FIELD(union_member, API_FLAG, false),
    STEP_FIELD(full_time, API_FLAG, false),
    STEP_FIELD(job, API_JOB_TYPE, false),
    STEP_FIELD(cycle_start, API_TEXT, false),
    STEP_FIELD(cycle_end, API_TEXT, false),
    STEP_FIELD(plan_type, API_TEXT, false),
    STEP_FIELD(plan_months, API_NUMBER, false),
    STEP_FIELD(reason, API_TEXT, false),
    STEP_FIELD(notes, API_TEXT, false),
};
const struct api_body api_transition_body = {"Transition", transition_fields,
                                             COUNT(transition_fields)};

struct case_open_input {
    const char *inquiry_id;
};
static const struct api_field case_open_fields[] = {
    {"inquiry_id", API_NUMBER, true, offsetof(struct case_open_input, inquiry_id)},
};
const struct api_body api_case_open_body = {"Case", case_open_fields,
                                            COUNT(case_open_fields)};

static void events_json(json *j, const struct case_record *k)
{
    json_key(j, "timeline");
    json_arr_begin(j);
    for (int i = 0; i < k->nevents; i++) {
        const struct case_event *e = &k->events[i];
        json_obj_begin(j);
        json_kv_int(j, "id", e->id);
        json_kv_int(j, "at", e->at);
        json_kv_str(j, "actor", e->actor);
        json_kv_str(j, "transition", e->transition);
        json_kv_str(j, "from", e->from);
        json_kv_str(j, "to", e->to);
        json_kv_str(j, "summary", e->summary);
        json_obj_end(j);
    }
    json_arr_end(j);
}

/* What is due on the case, from whom, as the asker may see it (R16, R37). */
static void due_json(json *j, struct ctx *c, const struct case_record *k,
                     const struct case_facts *f)
{
    struct case_task *ts;
    int n = 0;
    json_key(j, "deadlines");
    json_arr_begin(j);
    if (case_due(c, k, f, &ts, &n) == APP_OK)
        for (int i = 0; i < n; i++)
            api_task_json(j, &ts[i]);
    json_arr_end(j);
}

/* The asker's steps now: those they may take, and those a rule stops for
 * now, with why (the page's buttons and reasons). */
static void steps_json(json *j, struct ctx *c, const struct case_record *k,
                       const struct case_facts *f)
{
    struct step_offer offers[32];
    int n = case_offers(c, k, f, offers, 32);
    json_key(j, "next_steps");
    json_arr_begin(j);
    for (int i = 0; i < n; i++)
        if (!offers[i].blocked)
            json_str(j, offers[i].step->key);
    json_arr_end(j);
    json_key(j, "steps");
    json_arr_begin(j);
    for (int i = 0; i < n; i++) {
        json_obj_begin(j);
        json_kv_str(j, "step", offers[i].step->key);
        json_kv_str(j, "label", offers[i].step->label);
        json_kv_bool(j, "allowed", !offers[i].blocked);
        if (offers[i].blocked) {
            json_kv_str(j, "not_yet", arena_printf(c->a, "%s%s", offers[i].blocked->refusal,
                                                   offers[i].detail));
            json_kv_str(j, "rule", offers[i].blocked->rule);
        }
        json_obj_end(j);
    }
    json_arr_end(j);
}

/* full: with the status, the timeline, the steps and what is due. */
static void case_json(json *j, struct ctx *c, const struct case_record *k, bool full)
{
    json_obj_begin(j);
    json_kv_int(j, "id", k->id);
    json_kv_str(j, "state", case_state_key(k->state));
    json_kv_str(j, "track", case_track_key(k->track));
    json_kv_int(j, "teacher_id", k->teacher_id);
    json_kv_str(j, "teacher_name", k->teacher_name);
    api_kv_id(j, "school_id", k->school_id);
    api_kv_id(j, "ct_id", k->ct_id);
    api_kv_id(j, "union_rep_id", k->union_rep_id);
    api_kv_id(j, "inquiry_id", k->inquiry_id);
    json_kv_str(j, "meeting_at", k->meeting_at);
    json_kv_str(j, "meeting_place", k->meeting_place);
    json_kv_str(j, "review_at", k->review_at);
    json_kv_int(j, "teacher_signed_at", k->teacher_signed_at);
    json_kv_int(j, "rep_signed_at", k->rep_signed_at);
    json_kv_str(j, "cycle_start", k->cycle_start);
    json_kv_str(j, "cycle_end", k->cycle_end);
    json_kv_str(j, "plan_type", k->plan_type);
    json_kv_int(j, "plan_months", k->plan_months);
    json_kv_str(j, "withdrawn_reason", k->withdrawn_reason);
    json_kv_int(j, "version", k->version);
    struct case_facts f;
    if (full && case_facts_load(c, k, &f) == APP_OK) {
        json_kv_str(j, "status", case_status_words(c, k, &f));
        steps_json(j, c, k, &f);
        events_json(j, k);
        due_json(j, c, k, &f);
    }
    json_obj_end(j);
}

static bool query_choice(req *r, const char *name, bool (*valid)(const char *))
{
    const char *v = req_query(r, name);
    if (v && *v && !valid(v))
        return api_bad_field(r, name, arena_printf(r->a, "%s is not one of the workflow's "
                                                         "values (see /help/workflow)", name));
    return true;
}

static bool state_valid(const char *v)
{
    enum case_state s;
    return case_state_parse(v, &s);
}

static bool track_valid(const char *v)
{
    enum case_track t;
    return case_track_parse(v, &t);
}

void api_cases(req *r)
{
    struct case_filter f = {.q = req_query(r, "q"), .state = req_query(r, "state"),
                            .track = req_query(r, "track")};
    int64_t page = parse_id(req_query(r, "page")), per = parse_id(req_query(r, "per_page"));
    struct page_of pg = {.page = page > 0 && page < 100000 ? (int)page : 1,
                         .per_page = per > 0 && per <= 200 ? (int)per : 25};
    if (!query_choice(r, "state", state_valid) || !query_choice(r, "track", track_valid))
        return;
    struct case_record *cases;
    int n;
    enum app_status s = cases_list(ctx_of(r), &f, &pg, &cases, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CASE);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++)
        case_json(&j, ctx_of(r), &cases[i], false);
    api_list_end(&j, pg.total, &pg);
}

static void case_answer(req *r, int64_t id, int status)
{
    struct case_record k;
    enum app_status s = id ? case_get(ctx_of(r), id, &k) : APP_NOT_FOUND;
    if (s != APP_OK) {
        web_fail(r, s, KIND_CASE);
        return;
    }
    json j;
    api_begin(r, &j, status);
    case_json(&j, ctx_of(r), &k, true);
}

void api_case(req *r)
{
    case_answer(r, req_id(r, "id"), 200);
}

/* The answer to a step that was refused or invalid; false when it went through. */
static bool step_refused(req *r, enum app_status s, const struct errors *errs,
                         const char *refusal)
{
    if (s == APP_INVALID)
        web_api_invalid(r, errs);
    else if (s == APP_FORBIDDEN && refusal)
        web_error(r, 403, refusal);
    else if (s == APP_CONFLICT && refusal)
        web_error(r, 409, refusal);
    else if (s != APP_OK)
        web_fail(r, s, KIND_CASE);
    return s != APP_OK;
}

void api_case_open(req *r)
{
    struct case_open_input in = {0};
    if (!api_body_read(r, &api_case_open_body, &in, NULL))
        return;
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    int64_t id = 0;
    enum app_status s = case_open(ctx_of(r), parse_id(in.inquiry_id), &id, &errs, &refusal);
    if (step_refused(r, s, &errs, refusal))
        return;
    case_answer(r, id, 201);
    if (r->status == 201)
        api_created_at(r, "/api/v1/cases", id);
}

void api_case_transition(req *r)
{
    struct api_step step = {0};
    if (!api_body_read(r, &api_transition_body, &step, NULL) ||
        !api_district_year(r, &step.in.district_year, step.years, "years"))
        return;
    const struct case_input in = step.in;
    int64_t id = req_id(r, "id");
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = id ? case_fire(ctx_of(r), id, &in, &errs, &refusal) : APP_NOT_FOUND;
    if (step_refused(r, s, &errs, refusal))
        return;
    case_answer(r, id, 201);
    if (r->status == 201)
        api_created_at(r, "/api/v1/cases", id);
}

/* api_observations.c: /api/v1/cases/{id}/observations and .../artifacts,
 * through the same use cases as the pages (R15, R16, R18, R19). Bodies
 * are strict (api_body.c); an observation's "indicators" is an array of
 * the rubric's indicator ids. An artifact is sent as multipart/form-data;
 * its bytes come from /cases/{id}/artifacts/{item}/file for pages and
 * API alike. */
#include <inttypes.h>
#include <stddef.h>
#include <string.h>

#include "app/artifact.h"
#include "app/observation.h"
#include "web/api.h"
#include "web/evidence.h"
#include "web/handlers.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof *(a)))

struct observation_body {
    struct observation_input in;
    const char *share_feedback;     /* true: share the feedback with the teacher now */
};
#define OBSERVATION_FIELD(name, type, required) \
    {#name, type, required, offsetof(struct observation_body, in.name)}
static const struct api_field observation_fields[] = {
    OBSERVATION_FIELD(draft_key, API_TEXT, false),   /* POST only: a retry updates its draft */
    OBSERVATION_FIELD(announced, API_FLAG, true),
    OBSERVATION_FIELD(observed_on, API_TEXT, true),
    OBSERVATION_FIELD(minutes, API_NUMBER, true),
    OBSERVATION_FIELD(observers, API_TEXT, true),    /* ct | administrator | joint */
    OBSERVATION_FIELD(notes, API_TEXT, false),
    OBSERVATION_FIELD(feedback, API_TEXT, false),
    OBSERVATION_FIELD(indicators, API_ID_LIST, false),
    {"share_feedback", API_FLAG, false, offsetof(struct observation_body, share_feedback)},
};
const struct api_body api_observation_body = {"Observation", observation_fields,
                                              COUNT(observation_fields)};

struct reflection_body {
    const char *reflection;
};
static const struct api_field reflection_fields[] = {
    {"reflection", API_TEXT, true, offsetof(struct reflection_body, reflection)},
};
const struct api_body api_reflection_body = {"Reflection", reflection_fields,
                                             COUNT(reflection_fields)};

/* --- answers --- */

static void tags_json(json *j, const struct evidence_tag *tags, int n)
{
    json_key(j, "indicators");
    json_arr_begin(j);
    for (int i = 0; i < n; i++) {
        json_obj_begin(j);
        json_kv_int(j, "id", tags[i].indicator_id);
        json_kv_str(j, "code", tags[i].code);
        json_kv_str(j, "title", tags[i].title);
        json_obj_end(j);
    }
    json_arr_end(j);
}

static const char *feedback_status_key(enum feedback_state f)
{
    static const char *const keys[] = {
        [FEEDBACK_DUE] = "due", [FEEDBACK_LATE] = "late", [FEEDBACK_SHARED] = "shared",
        [FEEDBACK_SHARED_LATE] = "shared_late",
    };
    return keys[f];
}

/* withheld: the teacher before the feedback is shared (notes, evidence
 * and feedback are then empty). Times are Unix seconds, 0 for "not yet". */
static void observation_json(json *j, const struct observation *o)
{
    json_obj_begin(j);
    json_kv_int(j, "id", o->id);
    json_kv_int(j, "case_id", o->case_id);
    json_kv_str(j, "draft_key", o->draft_key);
    json_kv_bool(j, "announced", o->announced);
    json_kv_str(j, "observed_on", o->observed_on);
    json_kv_int(j, "minutes", o->minutes);
    json_kv_str(j, "observers", observers_key(o->observers));
    /* R18: a joint one counts once both observers confirmed */
    json_kv_bool(j, "joint_confirmed", o->joint == JOINT_CONFIRMED);
    json_kv_int(j, "ct_confirmed_at", o->ct_confirmed_at);
    json_kv_int(j, "administrator_confirmed_at", o->administrator_confirmed_at);
    json_kv_str(j, "joint_awaiting", o->joint_awaiting);
    json_kv_bool(j, "withheld", o->withheld);
    json_kv_str(j, "notes", o->notes);
    tags_json(j, o->tags, o->ntags);
    json_kv_str(j, "feedback", o->feedback);
    json_kv_int(j, "feedback_shared_at", o->feedback_shared_at);
    json_kv_str(j, "feedback_due_on", o->feedback_due);
    json_kv_str(j, "feedback_status", feedback_status_key(o->feedback_state));
    json_kv_str(j, "reflection", o->reflection);
    json_kv_int(j, "reflection_at", o->reflection_at);
    api_kv_id(j, "created_by", o->created_by);
    json_kv_str(j, "created_by_name", o->created_by_name);
    json_kv_int(j, "created_at", o->created_at);
    json_kv_int(j, "updated_at", o->updated_at);
    json_kv_int(j, "version", o->version);
    json_obj_end(j);
}

static const char *observations_path(req *r, int64_t case_id)
{
    return arena_printf(r->a, "/api/v1/cases/%" PRId64 "/observations", case_id);
}

void api_observations(req *r)
{
    struct case_record k;
    struct observation *list;
    int n;
    enum app_status s = observations_list(ctx_of(r), req_id(r, "id"), &k, &list, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_OBSERVATION);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++)
        observation_json(&j, &list[i]);
    api_list_end(&j, n, NULL);
}

static void observation_answer(req *r, int64_t case_id, int64_t id, int status)
{
    struct case_record k;
    struct observation o;
    enum app_status s = observation_get(ctx_of(r), case_id, id, &k, &o);
    if (s != APP_OK) {
        web_fail(r, s, KIND_OBSERVATION);
        return;
    }
    json j;
    api_begin(r, &j, status);
    observation_json(&j, &o);
    if (status == 201)
        api_created_at(r, observations_path(r, case_id), id);
}

void api_observation(req *r)
{
    observation_answer(r, req_id(r, "id"), req_id(r, "item"), 200);
}

static void written(req *r, enum app_status s, const struct errors *errs, const char *refusal,
                    int64_t case_id, int64_t id, int status)
{
    if (s != APP_OK)
        api_refuse(r, s, refusal, KIND_OBSERVATION, errs);
    else
        observation_answer(r, case_id, id, status);
}

void api_observation_create(req *r)
{
    struct observation_body b = {0};
    if (!api_body_read(r, &api_observation_body, &b, NULL))
        return;
    b.in.share = b.share_feedback && strcmp(b.share_feedback, "yes") == 0;
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    int64_t case_id = req_id(r, "id"), id = 0;
    enum app_status s = observation_record(ctx_of(r), case_id, &b.in, &id, &errs, &refusal);
    written(r, s, &errs, refusal, case_id, id, 201);
}

/* PATCH: the fields not sent keep the observation's values. */
static void observation_keep(req *r, struct observation_input *in, const struct observation *o)
{
    in->draft_key = o->draft_key;
    in->announced = in->announced ? in->announced : o->announced ? "yes" : "no";
    in->observed_on = in->observed_on ? in->observed_on : o->observed_on;
    in->minutes = in->minutes ? in->minutes : arena_printf(r->a, "%d", o->minutes);
    in->observers = in->observers ? in->observers : observers_key(o->observers);
    in->notes = in->notes ? in->notes : o->notes;
    in->feedback = in->feedback ? in->feedback : o->feedback;
}

/* The observation a change is based on: the current one, or a 409 when
 * the body named an older version. false: answered already. */
static bool based_on(req *r, int64_t case_id, int64_t id, const char *version,
                     struct observation *cur)
{
    struct case_record k;
    enum app_status s = observation_get(ctx_of(r), case_id, id, &k, cur);
    if (s != APP_OK) {
        web_fail(r, s, KIND_OBSERVATION);
        return false;
    }
    return api_version_current(r, version, cur->version, KIND_OBSERVATION);
}

void api_observation_update(req *r)
{
    struct observation_body b = {0};
    const char *version = NULL;
    int64_t case_id = req_id(r, "id"), id = req_id(r, "item");
    struct observation cur;
    if (!api_body_read(r, &api_observation_body, &b, &version) ||
        !based_on(r, case_id, id, version, &cur))
        return;
    observation_keep(r, &b.in, &cur);
    b.in.share = b.share_feedback && strcmp(b.share_feedback, "yes") == 0;
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = observation_update(ctx_of(r), case_id, id, cur.version, &b.in, &errs,
                                           &refusal);
    written(r, s, &errs, refusal, case_id, id, 200);
}

void api_observation_reflect(req *r)
{
    struct reflection_body b = {0};
    const char *version = NULL;
    int64_t case_id = req_id(r, "id"), id = req_id(r, "item");
    struct observation cur;
    if (!api_body_read(r, &api_reflection_body, &b, &version) ||
        !based_on(r, case_id, id, version, &cur))
        return;
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = observation_reflect(ctx_of(r), case_id, id, cur.version, b.reflection,
                                            &errs, &refusal);
    written(r, s, &errs, refusal, case_id, id, 201);
}

/* R18: the other observer confirms a joint observation; no body. */
void api_observation_confirm_joint(req *r)
{
    const char *refusal = NULL;
    int64_t case_id = req_id(r, "id"), id = req_id(r, "item");
    enum app_status s = observation_confirm_joint(ctx_of(r), case_id, id, &refusal);
    written(r, s, NULL, refusal, case_id, id, 200);
}

/* --- artifacts --- */

static void artifact_json(req *r, json *j, const struct artifact *a)
{
    json_obj_begin(j);
    json_kv_int(j, "id", a->id);
    json_kv_int(j, "case_id", a->case_id);
    json_kv_str(j, "title", a->title);
    json_kv_str(j, "description", a->description);
    json_kv_str(j, "filename", a->filename);
    json_kv_str(j, "media_type", a->media_type);
    json_kv_int(j, "size", a->size);
    api_kv_id(j, "uploaded_by", a->uploaded_by);
    json_kv_str(j, "uploaded_by_name", a->uploaded_by_name);
    json_kv_int(j, "created_at", a->created_at);
    tags_json(j, a->tags, a->ntags);
    json_kv_str(j, "file", arena_printf(r->a, "/api/v1/cases/%" PRId64 "/artifacts/%" PRId64
                                              "/file",
                                        a->case_id, a->id));
    json_obj_end(j);
}

void api_artifacts(req *r)
{
    struct case_record k;
    struct artifact *list;
    int n;
    enum app_status s = artifacts_list(ctx_of(r), req_id(r, "id"), &k, &list, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_ARTIFACT);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++)
        artifact_json(r, &j, &list[i]);
    api_list_end(&j, n, NULL);
}

static void artifact_answer(req *r, int64_t case_id, int64_t id, int status)
{
    struct case_record k;
    struct artifact a;
    enum app_status s = artifact_get(ctx_of(r), case_id, id, &k, &a);
    if (s != APP_OK) {
        web_fail(r, s, KIND_ARTIFACT);
        return;
    }
    json j;
    api_begin(r, &j, status);
    artifact_json(r, &j, &a);
    if (status == 201)
        api_created_at(r, arena_printf(r->a, "/api/v1/cases/%" PRId64 "/artifacts", case_id),
                       id);
}

void api_artifact(req *r)
{
    artifact_answer(r, req_id(r, "id"), req_id(r, "item"), 200);
}

void api_artifact_create(req *r)
{
    struct artifact_input in = artifact_input_from(r);
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    int64_t case_id = req_id(r, "id"), id = 0;
    enum app_status s = artifact_upload(ctx_of(r), case_id, &in, &id, &errs, &refusal);
    if (s == APP_INVALID)
        web_api_invalid(r, &errs);
    else if (s != APP_OK)
        web_refuse(r, s, refusal, KIND_ARTIFACT);
    else
        artifact_answer(r, case_id, id, 201);
}

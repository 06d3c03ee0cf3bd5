/* api_recommendation.c: /api/v1 for the recommendation to the Panel (R21),
 * what the teacher and the administrator send the Panel in the preview
 * window (R22), the evidence packet, and the Panel's decisions with the
 * Superintendent's answer (R25). The same use cases as the pages; bodies
 * are strict (api_body.c reads them from the tables here). */
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/people.h" /* struct page_of, for web/api.h */
#include "app/recommendation.h"
#include "web/api.h"
#include "web/handlers.h"
#include "web/recommendation.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof *(a)))

/* --- bodies --- */

static const struct api_field rec_fields[] = {
    {"rating", API_TEXT, true, offsetof(struct rec_input, rating)},
    {"rationale", API_TEXT, true, offsetof(struct rec_input, rationale)},
};
/* PUT writes the draft; what is left out keeps its value. */
const struct api_body api_recommendation_body = {"Recommendation", rec_fields, COUNT(rec_fields)};

static const struct api_field submission_fields[] = {
    {"kind", API_TEXT, true, offsetof(struct submission_input, kind)},
    {"body", API_TEXT, true, offsetof(struct submission_input, body)},
};
const struct api_body api_panel_submission_body = {"PanelSubmission", submission_fields,
                                                   COUNT(submission_fields)};

struct approval_input {
    const char *approval, *reason;
};
static const struct api_field approval_fields[] = {
    {"approval", API_TEXT, true, offsetof(struct approval_input, approval)},
    {"reason", API_TEXT, false, offsetof(struct approval_input, reason)},
};
const struct api_body api_decision_approval_body = {"DecisionApproval", approval_fields,
                                                    COUNT(approval_fields)};

/* Sending to the Panel takes nothing but, optionally, the version. */
static const struct api_body submit_body = {"RecommendationSubmit", NULL, 0};

/* --- the recommendation --- */

static void rec_json(json *j, const struct recommendation *rec)
{
    bool sent = rec->status == REC_SUBMITTED;
    json_obj_begin(j);
    api_kv_id(j, "id", rec->id);
    json_kv_int(j, "case_id", rec->case_id);
    json_kv_str(j, "status", rec_status_key(rec->status));
    json_key(j, "rating");
    json_str(j, rec->id ? rating_key(rec->rating) : NULL);
    json_kv_str(j, "rationale", rec->rationale);
    json_kv_str(j, "created_by", rec->created_by);
    json_key(j, "preview_until");
    json_str(j, sent ? rec->preview_until : NULL);
    json_kv_bool(j, "preview_open", rec->preview_open);
    json_key(j, "days_left");
    if (sent)
        json_int(j, rec->days_left);
    else
        json_null(j);
    json_kv_int(j, "submitted_at", rec->submitted_at);
    json_kv_int(j, "updated_at", rec->updated_at);
    json_kv_int(j, "version", rec->version);
    json_obj_end(j);
}

static void rec_answer(req *r, int64_t case_id)
{
    struct case_record k;
    struct recommendation rec;
    const char *refusal = NULL;
    enum app_status s = recommendation_get(ctx_of(r), case_id, &k, &rec, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_RECOMMENDATION);
        return;
    }
    json j;
    api_begin(r, &j, 200);
    rec_json(&j, &rec);
}

void api_recommendation(req *r)
{
    rec_answer(r, req_id(r, "id"));
}

void api_recommendation_put(req *r)
{
    struct ctx *c = ctx_of(r);
    struct case_record k;
    const char *refusal = NULL, *version = NULL;
    int64_t case_id = req_id(r, "id");
    /* Asked first: whoever may not write it learns nothing from the body. */
    enum app_status s = casework_open(c, case_id, ACT_EDIT, KIND_RECOMMENDATION, &k, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_RECOMMENDATION);
        return;
    }
    struct rec_input in = {0};
    struct errors errs = {.n = 0};
    if (!api_body_read(r, &api_recommendation_body, &in, &version))
        return;
    s = recommendation_save(c, case_id, parse_id(version), &in, &errs, &refusal);
    if (s != APP_OK)
        api_refuse(r, s, refusal, KIND_RECOMMENDATION, &errs);
    else
        rec_answer(r, case_id);
}

void api_recommendation_submit(req *r)
{
    struct ctx *c = ctx_of(r);
    struct case_record k;
    const char *refusal = NULL, *version = NULL;
    int64_t case_id = req_id(r, "id");
    size_t len = 0;
    enum app_status s = casework_open(c, case_id, ACT_EDIT, KIND_RECOMMENDATION, &k, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_RECOMMENDATION);
        return;
    }
    req_body(r, &len);
    if (len && !api_body_read(r, &submit_body, &(char){0}, &version))
        return;
    s = recommendation_submit(c, case_id, parse_id(version), &refusal);
    if (s != APP_OK)
        web_refuse(r, s, refusal, KIND_RECOMMENDATION);
    else
        rec_answer(r, case_id);
}

/* --- what is sent to the Panel --- */

static void submission_json(json *j, const struct panel_submission *p)
{
    json_obj_begin(j);
    json_kv_int(j, "id", p->id);
    json_kv_int(j, "person_id", p->person_id);
    json_kv_str(j, "person_name", p->person_name);
    json_kv_str(j, "party", p->party);
    json_kv_str(j, "kind", submission_kind_key(p->kind));
    json_kv_str(j, "body", p->body);
    json_kv_int(j, "created_at", p->created_at);
    json_key(j, "file"); /* the file sent with it, or null */
    if (*p->file_name) {
        json_obj_begin(j);
        json_kv_str(j, "name", p->file_name);
        json_kv_str(j, "media_type", p->file_type);
        json_kv_int(j, "size", p->file_size);
        char url[96];
        snprintf(url, sizeof url, "/api/v1/cases/%" PRId64 "/panel-submissions/%" PRId64 "/file",
                 p->case_id, p->id);
        json_kv_str(j, "url", url);
        json_obj_end(j);
    } else {
        json_null(j);
    }
    json_obj_end(j);
}

static void submissions_json(json *j, const struct panel_submission *subs, int n)
{
    json_arr_begin(j);
    for (int i = 0; i < n; i++)
        submission_json(j, &subs[i]);
    json_arr_end(j);
}

void api_panel_submissions(req *r)
{
    struct case_record k;
    struct panel_submission *subs;
    int n;
    const char *refusal = NULL;
    enum app_status s = panel_submissions_list(ctx_of(r), req_id(r, "id"), &k, &subs, &n, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_PANEL_SUBMISSION);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++)
        submission_json(&j, &subs[i]);
    api_list_end(&j, n, NULL);
}

void api_panel_submission_create(req *r)
{
    struct ctx *c = ctx_of(r);
    struct case_record k;
    const char *refusal = NULL;
    int64_t case_id = req_id(r, "id"), id = 0;
    enum app_status s = casework_open(c, case_id, ACT_CREATE, KIND_PANEL_SUBMISSION, &k, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_PANEL_SUBMISSION);
        return;
    }
    /* JSON, or (with a file) multipart/form-data as the page's form sends it. */
    const char *type = req_header(r, "Content-Type");
    bool multipart = type && strncasecmp(type, "multipart/form-data", 19) == 0;
    struct submission_input in =
        multipart ? submission_input_from(r) : (struct submission_input){0};
    struct errors errs = {.n = 0};
    if (!multipart && !api_body_read(r, &api_panel_submission_body, &in, NULL))
        return;
    s = panel_submission_create(c, case_id, &in, &id, &errs, &refusal);
    if (s != APP_OK) {
        api_refuse(r, s, refusal, KIND_PANEL_SUBMISSION, &errs);
        return;
    }
    struct panel_submission *subs;
    int n = 0;
    if (panel_submissions_list(c, case_id, &k, &subs, &n, &refusal) != APP_OK) {
        web_fail(r, APP_ERROR, KIND_PANEL_SUBMISSION);
        return;
    }
    json j;
    api_begin(r, &j, 201);
    for (int i = 0; i < n; i++)
        if (subs[i].id == id)
            submission_json(&j, &subs[i]);
    api_created_at(r, arena_printf(r->a, "/api/v1/cases/%" PRId64 "/panel-submissions", case_id),
                   id);
}

/* --- the packet --- */

/* Counts and ids as numbers; the rest as text. */
static bool numeric_col(const char *name)
{
    return strcmp(name, "id") == 0 || strcmp(name, "evaluation_id") == 0 ||
           strcmp(name, "minutes") == 0 || strcmp(name, "added_at") == 0;
}

static void row_json(json *j, const struct packet_table *t, int i)
{
    for (int col = 0; col < t->ncols; col++) {
        const char *v = t->cells[i * t->ncols + col];
        if (numeric_col(t->cols[col]))
            json_kv_int(j, t->cols[col], strtoll(v, NULL, 10));
        else
            json_kv_str(j, t->cols[col], v);
    }
}

static void table_json(json *j, const char *key, const struct packet_table *t)
{
    json_key(j, key);
    json_arr_begin(j);
    for (int i = 0; i < t->n; i++) {
        json_obj_begin(j);
        row_json(j, t, i);
        json_obj_end(j);
    }
    json_arr_end(j);
}

static void evaluations_json(json *j, const struct packet *p)
{
    json_key(j, "evaluations");
    json_arr_begin(j);
    for (int i = 0; i < p->evaluations.n; i++) {
        json_obj_begin(j);
        row_json(j, &p->evaluations, i);
        json_key(j, "ratings");
        json_arr_begin(j);
        for (int x = 0; x < p->ratings.n; x++)
            if (strcmp(packet_cell(&p->ratings, x, "evaluation_id"),
                       packet_cell(&p->evaluations, i, "id")) == 0) {
                json_obj_begin(j);
                row_json(j, &p->ratings, x);
                json_obj_end(j);
            }
        json_arr_end(j);
        json_obj_end(j);
    }
    json_arr_end(j);
}

/* R25: the newest decision's rating, and whether it is final. */
static void final_json(req *r, json *j, int64_t case_id)
{
    struct decision d;
    bool any = decision_latest(ctx_of(r), case_id, &d);
    json_key(j, "final_rating");
    json_obj_begin(j);
    json_kv_str(j, "approval", any ? approval_key(d.approval) : "none");
    json_key(j, "rating");
    json_str(j, any ? rating_key(d.rating) : NULL);
    json_kv_bool(j, "final", any && approval_final(d.approval));
    json_obj_end(j);
}

void api_packet(req *r)
{
    struct case_record k;
    struct packet p;
    const char *refusal = NULL;
    enum app_status s = packet_get(ctx_of(r), req_id(r, "id"), &k, &p, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_RECOMMENDATION);
        return;
    }
    json j;
    api_begin(r, &j, 200);
    json_obj_begin(&j);
    json_key(&j, "recommendation");
    rec_json(&j, &p.rec);
    evaluations_json(&j, &p);
    table_json(&j, "goals", &p.goals);
    table_json(&j, "observations", &p.observations);
    table_json(&j, "artifacts", &p.artifacts);
    table_json(&j, "meetings", &p.meetings);
    json_key(&j, "submissions");
    if (casework_may(ctx_of(r), &k, ACT_VIEW, KIND_PANEL_SUBMISSION))
        submissions_json(&j, p.subs, p.nsubs);
    else
        json_null(&j);
    final_json(r, &j, k.id);
    json_obj_end(&j);
}

/* --- decisions --- */

static void decision_json(json *j, const struct decision *d, bool with_teacher)
{
    json_obj_begin(j);
    json_kv_int(j, "id", d->id);
    json_kv_int(j, "case_id", d->case_id);
    if (with_teacher)
        json_kv_str(j, "teacher_name", d->teacher_name);
    json_kv_int(j, "session_id", d->session_id);
    json_kv_str(j, "held_on", d->held_on);
    json_kv_str(j, "rating", rating_key(d->rating));
    json_kv_str(j, "tally", d->tally);
    json_kv_int(j, "decided_at", d->decided_at);
    json_kv_str(j, "approval", approval_key(d->approval));
    json_kv_str(j, "approval_reason", d->approval_reason);
    json_kv_str(j, "approved_by", d->approved_by);
    json_kv_int(j, "approved_at", d->approved_at);
    json_kv_bool(j, "final", approval_final(d->approval));
    json_kv_int(j, "version", d->version);
    json_obj_end(j);
}

static void case_decisions_answer(req *r, int64_t case_id)
{
    struct case_record k;
    struct decision *ds;
    int n;
    const char *refusal = NULL;
    enum app_status s = decisions_list(ctx_of(r), case_id, &k, &ds, &n, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_DECISION);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++)
        decision_json(&j, &ds[i], false);
    json_arr_end(&j);
    final_json(r, &j, case_id);
    json_kv_int(&j, "total", n);
    json_obj_end(&j);
}

void api_case_decisions(req *r)
{
    case_decisions_answer(r, req_id(r, "id"));
}

void api_decision_approval(req *r)
{
    struct ctx *c = ctx_of(r);
    struct case_record k;
    const char *refusal = NULL, *version = NULL;
    int64_t case_id = req_id(r, "id");
    enum app_status s = decision_case_open(c, case_id, req_id(r, "item"), &k, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_DECISION);
        return;
    }
    struct approval_input in = {0};
    struct errors errs = {.n = 0};
    if (!api_body_read(r, &api_decision_approval_body, &in, &version))
        return;
    s = decision_answer(c, case_id, req_id(r, "item"), parse_id(version), in.approval, in.reason,
                        &errs, &refusal);
    if (s != APP_OK)
        api_refuse(r, s, refusal, KIND_DECISION, &errs);
    else
        case_decisions_answer(r, case_id);
}

void api_decisions(req *r)
{
    struct decision *ds;
    int n;
    enum app_status s = decisions_awaiting(ctx_of(r), &ds, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_DECISION);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++)
        decision_json(&j, &ds[i], true);
    api_list_end(&j, n, NULL);
}

/* api_pss.c: /api/v1/pss, the Peer Support Service in JSON (R31-R36),
 * through the same use cases as the pages. {item} is the case; one case
 * says which steps of its process table the asker may take now, and why
 * not the others (steps). A token works in its person's home program: a
 * district's person's token finds no peer support case at all (the wall). */
#include <inttypes.h>
#include <stddef.h>
#include <string.h>

#include "app/pss.h"
#include "web/api.h"
#include "web/handlers.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof *(a)))
#define PSS_PATH "/api/v1/pss"

/* --- what bodies hold --- */

/* POST /api/v1/pss takes the request's members; PATCH the coordinator's. */
struct pss_body {
    struct pss_request_form rq;
    struct pss_change ch;
};
#define RQ_FIELD(name, type, req) {#name, type, req, offsetof(struct pss_body, rq.rq.name)}
#define CH_FIELD(name, type) {#name, type, false, offsetof(struct pss_body, ch.name)}
static const struct api_field pss_case_fields[] = {
    RQ_FIELD(referral, API_TEXT, true),
    RQ_FIELD(reason, API_TEXT, true),
    RQ_FIELD(district, API_TEXT, true),
    RQ_FIELD(note, API_TEXT, false),
    {"member_id", API_ID_OR_NULL, false, offsetof(struct pss_body, rq.member_id)},
    {"president_id", API_ID_OR_NULL, false, offsetof(struct pss_body, rq.president_id)},
    CH_FIELD(consultant_id, API_NUMBER),
    CH_FIELD(cost, API_TEXT),
    CH_FIELD(cost_note, API_TEXT),
    CH_FIELD(leave_needed, API_FLAG),
    CH_FIELD(leave_from, API_TEXT),
    CH_FIELD(leave_to, API_TEXT),
    CH_FIELD(leave_note, API_TEXT),
    CH_FIELD(agreement_by, API_TEXT),
    CH_FIELD(agreement_note, API_TEXT),
    CH_FIELD(hold, API_TEXT),
    CH_FIELD(hold_note, API_TEXT),
    CH_FIELD(close, API_FLAG),
};
const struct api_body api_pss_case_body = {"PssCase", pss_case_fields, COUNT(pss_case_fields)};
static const struct api_field pss_hold_fields[] = {
    CH_FIELD(hold, API_TEXT),
    CH_FIELD(hold_note, API_TEXT),
};
const struct api_body api_pss_hold_body = {"PssHold", pss_hold_fields, COUNT(pss_hold_fields)};

struct pss_work_body {
    const char *kind, *on_date, *note, *title, *body, *report_id, *recipient, *purpose, *release_id;
};
#define WORK_FIELD(name, type) {#name, type, true, offsetof(struct pss_work_body, name)}
static const struct api_field pss_log_fields[] = {
    WORK_FIELD(kind, API_TEXT), WORK_FIELD(on_date, API_TEXT), WORK_FIELD(note, API_TEXT)};
const struct api_body api_pss_log_body = {"PssLog", pss_log_fields, COUNT(pss_log_fields)};
static const struct api_field pss_report_fields[] = {
    WORK_FIELD(title, API_TEXT), WORK_FIELD(body, API_TEXT)};
const struct api_body api_pss_report_body = {"PssReport", pss_report_fields,
                                             COUNT(pss_report_fields)};
static const struct api_field pss_release_fields[] = {
    WORK_FIELD(report_id, API_NUMBER), WORK_FIELD(recipient, API_TEXT),
    {"purpose", API_TEXT, false, offsetof(struct pss_work_body, purpose)}};
const struct api_body api_pss_release_body = {"PssRelease", pss_release_fields,
                                              COUNT(pss_release_fields)};
static const struct api_field pss_release_id_fields[] = {WORK_FIELD(release_id, API_NUMBER)};
const struct api_body api_pss_consent_body = {"PssConsent", pss_release_id_fields,
                                              COUNT(pss_release_id_fields)};
const struct api_body api_pss_release_now_body = {"PssReleaseNow", pss_release_id_fields,
                                                  COUNT(pss_release_id_fields)};

/* --- answers --- */

static void work_json(req *r, json *j, const struct pss_case *k)
{
    json_key(j, "log");
    json_arr_begin(j);
    for (int i = 0; i < k->nlog; i++) {
        json_obj_begin(j);
        json_kv_int(j, "id", k->log[i].id);
        json_kv_str(j, "kind", pss_log_kind_key(k->log[i].kind));
        json_kv_str(j, "on_date", k->log[i].on_date);
        json_kv_str(j, "note", k->log[i].note);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_key(j, "reports");
    json_arr_begin(j);
    for (int i = 0; i < k->nreports; i++) {
        json_obj_begin(j);
        json_kv_int(j, "id", k->reports[i].id);
        json_kv_str(j, "title", k->reports[i].title);
        json_kv_str(j, "body", k->reports[i].body);
        api_kv_time(r, j, "created_at", k->reports[i].created_at);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_key(j, "releases");
    json_arr_begin(j);
    for (int i = 0; i < k->nreleases; i++) {
        const struct pss_release_item *x = &k->releases[i];
        json_obj_begin(j);
        json_kv_int(j, "id", x->id);
        json_kv_int(j, "report_id", x->report_id);
        json_kv_str(j, "recipient", x->recipient);
        json_kv_str(j, "purpose", x->purpose);
        json_kv_str(j, "status", pss_release_status_key(x->status));
        api_kv_time(r, j, "member_consent_at", x->consents.at[PSS_PARTY_MEMBER]);
        api_kv_time(r, j, "president_consent_at", x->consents.at[PSS_PARTY_PRESIDENT]);
        api_kv_time(r, j, "consultant_consent_at", x->consents.at[PSS_PARTY_CONSULTANT]);
        api_kv_time(r, j, "released_at", x->released_at);
        json_obj_end(j);
    }
    json_arr_end(j);
}

/* The asker's steps on the case now, each on its release where it is
 * taken on one: those they may take (allowed), and those a rule stops for
 * now, with why (the page's buttons and reasons; the process table's). */
static void steps_json(req *r, json *j, const struct pss_case *k)
{
    struct ctx *c = ctx_of(r);
    struct pss_facts f;
    if (pss_case_facts(c, k, &f) != APP_OK)
        return;
    json_key(j, "steps");
    json_arr_begin(j);
    for (int i = 0; i < pss_step_count; i++) {
        const struct pss_step *t = &pss_steps[i];
        for (int x = t->per_release ? 0 : -1; x < (t->per_release ? f.nreleases : 0); x++) {
            struct pss_offer o;
            if (!pss_step_offer(c, k, &f, t->key, x, &o))
                continue;
            json_obj_begin(j);
            json_kv_str(j, "step", t->key);
            json_kv_str(j, "label", t->label);
            if (x >= 0)
                json_kv_int(j, "release_id", f.releases[x].id);
            json_kv_bool(j, "allowed", !o.blocked);
            if (o.blocked) {
                json_kv_str(j, "not_yet", arena_printf(r->a, "%s%s", o.blocked->refusal, o.detail));
                json_kv_str(j, "rule", o.blocked->rule);
            }
            json_obj_end(j);
        }
    }
    json_arr_end(j);
}

/* full: one case, with the asker's steps. */
static void case_json(req *r, json *j, const struct pss_case *k, bool full)
{
    json_obj_begin(j);
    json_kv_int(j, "id", k->id);
    api_kv_id(j, "member_id", k->member_id);
    json_kv_str(j, "member_name", k->member_name);
    json_kv_str(j, "referral", pss_referral_key(k->referral));
    api_kv_id(j, "president_id", k->president_id);
    json_kv_str(j, "reason", pss_reason_key(k->reason));
    json_kv_str(j, "district", k->district);
    json_kv_str(j, "note", k->request_note);
    api_kv_id(j, "consultant_id", k->consultant_id);
    json_kv_str(j, "cost", pss_cost_key(k->cost));
    json_kv_str(j, "cost_note", k->cost_note);
    json_kv_bool(j, "leave_needed", k->leave_needed);
    json_kv_str(j, "leave_from", k->leave_from);
    json_kv_str(j, "leave_to", k->leave_to);
    json_kv_str(j, "leave_note", k->leave_note);
    json_kv_str(j, "leave_cost", pss_leave_notice);
    api_kv_time(r, j, "agreement_at", k->agreement_at);
    json_kv_str(j, "agreement_by", k->agreement_by);
    json_kv_str(j, "status", pss_status_key(k->status));
    json_kv_str(j, "hold", pss_hold_key(k->hold));
    api_kv_time(r, j, "hold_at", k->hold_at);
    json_kv_str(j, "hold_note", k->hold_note);
    api_kv_time(r, j, "created_at", k->created_at);
    json_kv_int(j, "version", k->version);
    if (k->work_loaded)
        work_json(r, j, k);
    if (full)
        steps_json(r, j, k);
    json_obj_end(j);
}

void api_pss_list(req *r)
{
    struct page_of pg;
    if (!api_query_paging(r, &pg))
        return;
    struct pss_case *ks;
    int n;
    enum app_status s = pss_cases_list(ctx_of(r), &pg, &ks, &n);
    if (s != APP_OK) {
        api_fail(r, s, KIND_PSS_CASE, NULL);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++)
        case_json(r, &j, &ks[i], false);
    api_list_end(&j, pg.total, &pg);
}

static void case_answer(req *r, int64_t id, int status)
{
    struct pss_case k;
    enum app_status s = id ? pss_case_get(ctx_of(r), id, &k) : APP_NOT_FOUND;
    if (s != APP_OK) {
        web_fail(r, s, KIND_PSS_CASE);
        return;
    }
    json j;
    api_begin(r, &j, status);
    case_json(r, &j, &k, true);
}

void api_pss_case(req *r)
{
    case_answer(r, req_id(r, "item"), 200);
}

void api_pss_create(req *r)
{
    struct pss_body b = {0};
    if (!api_body_read(r, &api_pss_case_body, &b, NULL))
        return;
    const struct pss_change none = {0};
    if (memcmp(&b.ch, &none, sizeof none) != 0) {
        api_bad_field(r, "referral", "A request holds the referral, reason, district, note and "
                                     "member; the coordinator's steps are a PATCH.");
        return;
    }
    struct errors errs = {0};
    int64_t id = 0;
    enum app_status s = pss_request(ctx_of(r), &b.rq, &id, &errs);
    if (s != APP_OK) {
        api_fail(r, s, KIND_PSS_CASE, &errs);
        return;
    }
    api_created_at(r, PSS_PATH, id);
    case_answer(r, id, 201);
}

/* The coordinator's change, based on version (stale: 409). */
static void change(req *r, const struct api_body *body)
{
    struct pss_body b = {0};
    const char *version = NULL;
    if (!api_body_read(r, body, &b, &version))
        return;
    if (b.rq.rq.referral || b.rq.rq.reason || b.rq.rq.district || b.rq.rq.note ||
        b.rq.member_id || b.rq.president_id) {
        api_bad_field(r, "referral", "The request itself is not changed; send the "
                                     "coordinator's fields.");
        return;
    }
    struct ctx *c = ctx_of(r);
    int64_t id = req_id(r, "item");
    struct pss_case cur;
    enum app_status s = id ? pss_case_get(c, id, &cur) : APP_NOT_FOUND;
    if (s != APP_OK) {
        web_fail(r, s, KIND_PSS_CASE);
        return;
    }
    if (!api_version_current(r, version, cur.version, KIND_PSS_CASE))
        return;
    struct errors errs = {0};
    const char *refusal = NULL;
    if (b.ch.close && strcmp(b.ch.close, "yes"))
        b.ch.close = NULL;            /* "close": false changes nothing */
    if ((s = pss_case_change(c, id, cur.version, &b.ch, &errs, &refusal)) != APP_OK) {
        api_refuse(r, s, refusal, KIND_PSS_CASE, &errs);
        return;
    }
    case_answer(r, id, 200);
}

void api_pss_update(req *r)
{
    change(r, &api_pss_case_body);
}

void api_pss_hold(req *r)
{
    change(r, &api_pss_hold_body);
}

/* --- the consultant's work and the consents --- */

enum work_step { WORK_LOG, WORK_REPORT, WORK_RELEASE, WORK_CONSENT, WORK_RELEASE_NOW };

static enum app_status work_take(struct ctx *c, int64_t id, enum work_step step,
                                 const struct pss_work_body *b, int64_t *new_id,
                                 struct errors *errs, const char **refusal)
{
    switch (step) {
    case WORK_LOG:
        return pss_log_add(c, id, b->kind, b->on_date, b->note, new_id, errs, refusal);
    case WORK_REPORT:
        return pss_report_add(c, id, b->title, b->body, new_id, errs, refusal);
    case WORK_RELEASE:
        return pss_release_propose(c, id, b->report_id, b->recipient, b->purpose, new_id, errs,
                                   refusal);
    case WORK_CONSENT:
        return pss_release_consent(c, id, b->release_id, errs, refusal);
    default:
        return pss_release_make(c, id, b->release_id, errs, refusal);
    }
}

static void work(req *r, const struct api_body *body, enum work_step step)
{
    struct pss_work_body b = {0};
    if (!api_body_read(r, body, &b, NULL))
        return;
    int64_t id = req_id(r, "item"), new_id = 0;
    struct errors errs = {0};
    const char *refusal = NULL;
    enum app_status s = id ? work_take(ctx_of(r), id, step, &b, &new_id, &errs, &refusal)
                           : APP_NOT_FOUND;
    if (s != APP_OK) {
        api_refuse(r, s, refusal, KIND_PSS_REPORT, &errs);
        return;
    }
    if (new_id)
        api_created_at(r, arena_printf(r->a, PSS_PATH "/%" PRId64, id), new_id);
    case_answer(r, id, new_id ? 201 : 200);
}

void api_pss_log(req *r) { work(r, &api_pss_log_body, WORK_LOG); }
void api_pss_report(req *r) { work(r, &api_pss_report_body, WORK_REPORT); }
void api_pss_release_propose(req *r) { work(r, &api_pss_release_body, WORK_RELEASE); }
void api_pss_consent(req *r) { work(r, &api_pss_consent_body, WORK_CONSENT); }
void api_pss_release(req *r) { work(r, &api_pss_release_now_body, WORK_RELEASE_NOW); }

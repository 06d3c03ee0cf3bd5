/* api_terms.c: /api/v1/cts (Consulting Teachers' terms and restriction
 * dates, R27; the Panel's yearly reviews, R28) and /api/v1/panel/roster
 * (R29), through the same use cases as the pages. {id} is the CT's person
 * id. */
#include <inttypes.h>
#include <stddef.h>
#include <string.h>

#include "app/ct_terms.h"
#include "app/people.h"
#include "web/api.h"
#include "web/handlers.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof *(a)))

#define TERM_FIELD(name, type) {#name, type, true, offsetof(struct ct_term_request, name)}
static const struct api_field ct_term_fields[] = {
    TERM_FIELD(person_id, API_NUMBER),
    TERM_FIELD(starts_on, API_TEXT),
    TERM_FIELD(committed_until, API_TEXT),
};
const struct api_body api_ct_term_body = {"CtTerm", ct_term_fields, COUNT(ct_term_fields)};

struct ct_leaving {
    const char *left_on;
};
static const struct api_field ct_leaving_fields[] = {
    {"left_on", API_TEXT, true, offsetof(struct ct_leaving, left_on)},
};
const struct api_body api_ct_leaving_body = {"CtLeaving", ct_leaving_fields,
                                             COUNT(ct_leaving_fields)};

#define REVIEW_FIELD(name, type) {#name, type, true, offsetof(struct ct_review_input, name)}
static const struct api_field ct_review_fields[] = {
    REVIEW_FIELD(school_year, API_NUMBER),
    REVIEW_FIELD(outcome, API_TEXT),
    REVIEW_FIELD(summary, API_TEXT),
};
const struct api_body api_ct_review_body = {"CtReview", ct_review_fields,
                                            COUNT(ct_review_fields)};

/* --- answers --- */

/* "" (not yet) is null. */
static void kv_date(json *j, const char *k, const char *date)
{
    if (*date) {
        json_kv_str(j, k, date);
        return;
    }
    json_key(j, k);
    json_null(j);
}

static void term_json(json *j, const struct ct_term *t)
{
    json_obj_begin(j);
    json_kv_int(j, "id", t->id);
    json_kv_str(j, "starts_on", t->starts_on);
    json_kv_str(j, "committed_until", t->committed_until);
    kv_date(j, "left_on", t->left_on);
    kv_date(j, "restricted_until", t->restricted_until);
    json_kv_int(j, "version", t->version);
    json_obj_end(j);
}

static void summary_members(json *j, const struct ct_summary *w)
{
    json_kv_int(j, "person_id", w->person_id);
    json_kv_str(j, "name", w->name);
    json_kv_str(j, "email", w->email);
    json_kv_bool(j, "union_member", w->union_member);
    json_kv_bool(j, "holds_role", w->holds_role);
    json_key(j, "term");
    if (w->term.id)
        term_json(j, &w->term);
    else
        json_null(j);
    if (!w->reviews_shown)   /* R28, R29 */
        return;
    json_key(j, "last_review");
    if (w->review_year) {
        json_obj_begin(j);
        json_kv_int(j, "school_year", w->review_year);
        json_kv_str(j, "outcome", w->review_outcome);
        json_obj_end(j);
    } else {
        json_null(j);
    }
}

static void review_json(json *j, const struct ct_review *v)
{
    json_obj_begin(j);
    json_kv_int(j, "id", v->id);
    json_kv_int(j, "school_year", v->school_year);
    json_kv_str(j, "outcome", v->outcome);
    json_kv_str(j, "summary", v->summary);
    json_kv_str(j, "recorded_by", v->recorded_by_name);
    json_kv_int(j, "created_at", v->created_at);
    json_obj_end(j);
}

/* One CT: every term and, to those who may read them, the reviews. */
static void ct_answer(req *r, int64_t person_id, int status)
{
    struct ct_record k;
    enum app_status s = ct_get(ctx_of(r), person_id, &k);
    if (s != APP_OK) {
        api_fail(r, s, KIND_CT_TERM, NULL);
        return;
    }
    json j;
    api_begin(r, &j, status);
    json_obj_begin(&j);
    summary_members(&j, &k.who);
    json_key(&j, "terms");
    json_arr_begin(&j);
    for (int i = 0; i < k.nterms; i++)
        term_json(&j, &k.terms[i]);
    json_arr_end(&j);
    if (k.may_see_reviews) {
        json_key(&j, "reviews");
        json_arr_begin(&j);
        for (int i = 0; i < k.nreviews; i++)
            review_json(&j, &k.reviews[i]);
        json_arr_end(&j);
    }
    json_obj_end(&j);
}

void api_cts(req *r)
{
    struct ct_summary *cts;
    int n;
    enum app_status s = ct_list(ctx_of(r), &cts, &n);
    if (s != APP_OK) {
        api_fail(r, s, KIND_CT_TERM, NULL);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++) {
        json_obj_begin(&j);
        summary_members(&j, &cts[i]);
        json_obj_end(&j);
    }
    api_list_end(&j, n, NULL);
}

void api_ct(req *r)
{
    ct_answer(r, req_id(r, "id"), 200);
}

void api_ct_term_create(req *r)
{
    struct ct_term_request in = {0};
    if (!api_body_read(r, &api_ct_term_body, &in, NULL))
        return;
    struct errors errs = {.n = 0};
    int64_t id;
    enum app_status s = ct_term_add(ctx_of(r), &in, &id, &errs);
    if (s != APP_OK) {
        api_fail(r, s, KIND_CT_TERM, &errs);
        return;
    }
    int64_t person_id = parse_id(in.person_id);
    ct_answer(r, person_id, 201);
    res_header(r, "Location", arena_printf(r->a, "/api/v1/cts/%" PRId64, person_id));
}

void api_ct_leave(req *r)
{
    struct ct_leaving in = {0};
    const char *version = NULL;
    if (!api_body_read(r, &api_ct_leaving_body, &in, &version))
        return;
    int64_t id = req_id(r, "id");
    struct errors errs = {.n = 0};
    enum app_status s = ct_leave(ctx_of(r), id, in.left_on, version, &errs);
    if (s != APP_OK) {
        api_fail(r, s, KIND_CT_TERM, &errs);
        return;
    }
    ct_answer(r, id, 200);
}

void api_ct_review_create(req *r)
{
    struct ct_review_input in = {0};
    if (!api_body_read(r, &api_ct_review_body, &in, NULL))
        return;
    int64_t id = req_id(r, "id"), review_id;
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = ct_review_add(ctx_of(r), id, &in, &review_id, &errs, &refusal);
    if (s == APP_INVALID) {
        web_api_invalid(r, &errs);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_CT_REVIEW);
        return;
    }
    /* The review is part of the CT's record, answered whole. */
    ct_answer(r, id, 201);
    res_header(r, "Location", arena_printf(r->a, "/api/v1/cts/%" PRId64, id));
}

/* --- R29: the roster --- */

void api_panel_roster(req *r)
{
    struct panel_seat *seats;
    int n;
    enum app_status s = panel_roster(ctx_of(r), &seats, &n);
    if (s != APP_OK) {
        api_fail(r, s, KIND_PANEL_SESSION, NULL);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++) {
        const struct panel_seat *p = &seats[i];
        json_obj_begin(&j);
        json_kv_int(&j, "person_id", p->person_id);
        json_kv_str(&j, "name", p->name);
        json_kv_str(&j, "email", p->email);
        json_kv_str(&j, "seat", p->seat);
        json_kv_str(&j, "appointed_by", p->appointed_by);
        json_kv_str(&j, "appointer", p->appointer);
        json_kv_str(&j, "term_start", p->term_start);
        json_kv_str(&j, "term_end", p->term_end);
        /* R29: a member whose term has ended cannot vote. */
        json_kv_bool(&j, "current", p->current);
        json_kv_bool(&j, "may_vote", p->current && p->started);
        json_key(&j, "days_left");
        if (p->current)
            json_int(&j, p->days_left);
        else
            json_null(&j);
        json_obj_end(&j);
    }
    api_list_end(&j, n, NULL);
}

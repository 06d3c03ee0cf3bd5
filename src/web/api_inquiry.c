/* api_inquiry.c: /api/v1/inquiries, the intake queue in JSON. Same shapes
 * as api.c: lists {"items", "total", "page", "per_page"}, errors {"error":
 * {"code", "message", "field"}}; the use cases authorise (a CT sees what is
 * assigned to them; to others an inquiry does not exist). Inquiries are
 * created by the public contact form only, so there is no POST. */

#include <string.h>

#include "app/inquiry.h"
#include "web/api.h"
#include "web/handlers.h"

static void notes_json(req *r, json *j, const struct inquiry *q)
{
    json_key(j, "notes");
    json_arr_begin(j);
    for (int i = 0; i < q->nnotes; i++) {
        json_obj_begin(j);
        json_kv_int(j, "id", q->notes[i].id);
        api_kv_time(r, j, "at", q->notes[i].at);
        json_kv_str(j, "author", q->notes[i].author);
        json_kv_str(j, "body", q->notes[i].body);
        json_obj_end(j);
    }
    json_arr_end(j);
}

/* R1-R6 as eligibility_check() answers them, or null before the facts are
 * confirmed. */
static void eligibility_json(req *r, json *j, const struct inquiry *q)
{
    struct eligibility e;
    json_key(j, "eligibility");
    if (!inquiry_eligibility(ctx_of(r), q, &e)) {
        json_null(j);
        return;
    }
    json_obj_begin(j);
    json_kv_bool(j, "pa", e.pa);
    json_kv_bool(j, "par", e.par);
    json_kv_bool(j, "consultancy", e.consultancy);
    json_kv_str(j, "advice", e.advice);
    api_kv_time(r, j, "confirmed_at", q->facts_at);
    json_obj_end(j);
}

/* full: the item's own page (notes and eligibility); a list leaves them out. */
static void inquiry_json(req *r, json *j, const struct inquiry *q, bool full)
{
    json_obj_begin(j);
    json_kv_int(j, "id", q->id);
    json_kv_str(j, "reference", q->reference);
    json_kv_str(j, "name", q->name);
    json_kv_str(j, "email", q->email);
    json_kv_str(j, "phone", q->phone);
    json_kv_str(j, "contact_by", contact_by_key(q->contact_by));
    api_kv_id(j, "school_id", q->school_id);
    json_kv_str(j, "school_name", q->school_id ? q->school_name : q->school_other);
    json_kv_str(j, "interest", interest_key(q->interest));
    json_kv_str(j, "message", q->message);
    json_kv_str(j, "status", inquiry_status_key(q->status));
    json_kv_str(j, "close_reason", q->close_reason);
    api_kv_id(j, "handler_id", q->handler_id);
    /* R8: sent in the teacher's name by someone else, and the teacher's word */
    json_kv_str(j, "teacher_confirmation", teacher_confirmation_key(q->confirmation));
    json_kv_str(j, "sent_by_name", q->sent_by_name);
    api_kv_time(r, j, "confirmed_at", q->confirmed_at);
    api_kv_id(j, "case_id", q->case_id);
    api_kv_time(r, j, "created_at", q->created_at);
    api_kv_time(r, j, "updated_at", q->updated_at);
    json_kv_int(j, "version", q->version);
    if (full) {
        notes_json(r, j, q);
        eligibility_json(r, j, q);
    }
    json_obj_end(j);
}

void api_inquiries(req *r)
{
    struct page_of pg;
    if (!api_query_paging(r, &pg))
        return;
    struct inquiry_filter f = {req_query(r, "q"), req_query(r, "status"), req_query(r, "interest"),
                               req_query(r, "handler")};
    struct inquiry *qs;
    int n;
    struct errors errs = {0};
    enum app_status s = inquiries_list(ctx_of(r), &f, &pg, &qs, &n, &errs);
    if (s != APP_OK) {
        api_fail(r, s, KIND_INQUIRY, &errs);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++)
        inquiry_json(r, &j, &qs[i], false);
    api_list_end(&j, pg.total, &pg);
}

static void inquiry_answer(req *r, int64_t id)
{
    struct inquiry q;
    enum app_status s = id ? inquiry_get(ctx_of(r), id, &q) : APP_NOT_FOUND;
    if (s != APP_OK) {
        web_fail(r, s, KIND_INQUIRY);
        return;
    }
    json j;
    api_begin(r, &j, 200);
    inquiry_json(r, &j, &q, true);
}

void api_inquiry(req *r)
{
    inquiry_answer(r, req_id(r, "id"));
}

/* PATCH {"handler_id", "status", "close_reason", "version"}: what is left
 * out keeps its value; a version other than the current one is a 409. */
void api_inquiry_update(req *r)
{
    struct ctx *c = ctx_of(r);
    struct inquiry_change ch = {0};
    const char *version = NULL;
    if (!api_body_read(r, &api_inquiry_body, &ch, &version))
        return;
    int64_t id = req_id(r, "id");
    struct inquiry cur;
    enum app_status s = id ? inquiry_get(c, id, &cur) : APP_NOT_FOUND;
    if (s != APP_OK) {
        web_fail(r, s, KIND_INQUIRY);
        return;
    }
    if (!api_version_current(r, version, cur.version, KIND_INQUIRY))
        return;
    struct errors errs = {0};
    if ((s = inquiry_update(c, id, cur.version, &ch, &errs)) != APP_OK) {
        api_fail(r, s, KIND_INQUIRY, &errs);
        return;
    }
    inquiry_answer(r, id);
}

/* R8: the teacher named in a request someone else sent answers it. */
void api_inquiry_confirmation(req *r)
{
    struct { const char *answer; } in = {0};
    if (!api_body_read(r, &api_confirmation_body, &in, NULL))
        return;
    int64_t id = req_id(r, "id");
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = id ? inquiry_teacher_answer(ctx_of(r), id, in.answer, &errs, &refusal)
                           : APP_NOT_FOUND;
    if (s != APP_OK) {
        api_refuse(r, s, refusal, KIND_INQUIRY, &errs);
        return;
    }
    json j;
    api_begin(r, &j, 200);
    json_obj_begin(&j);
    json_kv_int(&j, "id", id);
    json_kv_str(&j, "teacher_confirmation",
                teacher_confirmation_key(strcmp(in.answer, "confirm") == 0
                                             ? CONFIRMATION_CONFIRMED
                                             : CONFIRMATION_DECLINED));
    json_obj_end(&j);
}

/* api.c: /api/v1, JSON in and out. Dispatch has already checked the bearer
 * token and the route's policy and opened the transaction; each handler
 * reads the body strictly (api_body.c), calls the use case, which does its
 * own authorisation, and renders the record it touched. */
#include <inttypes.h>
#include <string.h>

#include "app/people.h"
#include "base/clock.h"
#include "web/api.h"
#include "web/handlers.h"

#define PEOPLE_PATH "/api/v1/people"
#define SCHOOLS_PATH "/api/v1/schools"

/* --- answers --- */

void api_fail(req *r, enum app_status s, enum record_kind kind, const struct errors *errs)
{
    api_refuse(r, s, NULL, kind, errs);
}

void api_refuse(req *r, enum app_status s, const char *refusal, enum record_kind kind,
                const struct errors *errs)
{
    if (s == APP_INVALID)
        web_api_invalid(r, errs);
    else
        web_refuse(r, s, refusal, kind);
}

void api_begin(req *r, json *j, int status)
{
    r->status = status;
    r->content_type = "application/json";
    buf_reset(&r->out);
    json_init(j, &r->out);
}

void api_created_at(req *r, const char *collection, int64_t id)
{
    res_header(r, "Location", arena_printf(r->a, "%s/%" PRId64, collection, id));
}

void api_kv_time(req *r, json *j, const char *k, int64_t t)
{
    json_kv_str(j, k, t ? clock_iso(r->a, t) : NULL);
}

void api_kv_id(json *j, const char *k, int64_t id)
{
    json_key(j, k);
    if (id)
        json_int(j, id);
    else
        json_null(j);
}

static void role_json(json *j, const struct person_role *pr)
{
    json_obj_begin(j);
    json_kv_int(j, "id", pr->id);
    json_kv_str(j, "role", role_key(pr->role));
    api_kv_id(j, "school_id", pr->school_id);
    json_kv_str(j, "seat", pr->seat);
    json_kv_str(j, "appointed_by", pr->appointed_by);
    json_kv_str(j, "term_start", pr->term_start);
    json_kv_str(j, "term_end", pr->term_end);
    json_obj_end(j);
}

static void roles_json(json *j, const struct person_role *roles, int n)
{
    json_arr_begin(j);
    for (int i = 0; i < n; i++)
        role_json(j, &roles[i]);
    json_arr_end(j);
}

/* full: people_list loads only what a list shows, so its items leave out
 * the fields it did not read rather than report them as false or 0. */
static void person_json(json *j, const struct person *p, bool full)
{
    json_obj_begin(j);
    json_kv_int(j, "id", p->id);
    json_kv_str(j, "name", p->name);
    json_kv_str(j, "email", p->email);
    json_kv_str(j, "employee_id", p->employee_id);
    api_kv_id(j, "school_id", p->school_id);
    json_kv_str(j, "school_name", p->school_name);
    if (full) {
        json_kv_bool(j, "union_member", p->union_member);
        json_kv_bool(j, "full_time", p->full_time);
        json_kv_int(j, "district_year", p->district_year);
        /* R1's old field: the full years behind them, one less (struct api_person) */
        json_kv_int(j, "years_in_district", p->district_year - 1);
        json_kv_str(j, "job_type", job_type_key(p->job_type));
        json_kv_int(j, "version", p->version);
    }
    json_key(j, "roles");
    roles_json(j, p->roles, p->nroles);
    json_obj_end(j);
}

static void school_json(json *j, const struct school *s)
{
    json_obj_begin(j);
    json_kv_int(j, "id", s->id);
    json_kv_str(j, "name", s->name);
    json_kv_str(j, "code", s->code);
    json_kv_str(j, "address", s->address);
    json_kv_int(j, "version", s->version);
    json_kv_int(j, "people", s->people);
    json_obj_end(j);
}

void api_list_begin(req *r, json *j)
{
    api_begin(r, j, 200);
    json_obj_begin(j);
    json_key(j, "items");
    json_arr_begin(j);
}

void api_list_end(json *j, int64_t total, const struct page_of *pg)
{
    json_arr_end(j);
    if (pg) {
        json_kv_int(j, "page", pg->page);
        json_kv_int(j, "per_page", pg->per_page);
    }
    json_kv_int(j, "total", total);
    json_obj_end(j);
}

bool api_version_current(req *r, const char *sent, int64_t current, enum record_kind kind)
{
    if (sent && strcmp(sent, arena_printf(r->a, "%" PRId64, current)) != 0) {
        web_fail(r, APP_CONFLICT, kind);
        return false;
    }
    return true;
}

/* --- query strings --- */

bool api_query_number(req *r, const char *name, int64_t max, int64_t *out)
{
    const char *v = req_query(r, name);
    if (!v || !*v)
        return true;
    int64_t n = parse_id(v);
    if (n < 1 || n > max)
        return api_bad_field(
            r, name, arena_printf(r->a, "%s must be a whole number from 1 to %" PRId64, name, max));
    *out = n;
    return true;
}

bool api_query_paging(req *r, struct page_of *pg)
{
    int64_t page = 1, per_page = 25;
    if (!api_query_number(r, "page", 100000, &page) ||
        !api_query_number(r, "per_page", 200, &per_page))
        return false;
    *pg = (struct page_of){.page = (int)page, .per_page = (int)per_page};
    return true;
}

static bool query_role(req *r, const char **role)
{
    enum role parsed;
    *role = req_query(r, "role");
    if (*role && **role && !role_parse(*role, &parsed))
        return api_bad_field(r, "role", "role must be a role key, such as consulting_teacher");
    return true;
}

/* --- the account --- */

void api_me(req *r)
{
    const struct actor *who = &ctx_of(r)->who;
    json j;
    api_begin(r, &j, 200);
    json_obj_begin(&j);
    json_kv_int(&j, "id", who->person_id);
    json_kv_str(&j, "name", who->name);
    json_kv_str(&j, "email", who->email);
    json_key(&j, "roles");
    json_arr_begin(&j);
    for (int i = 0; i < ROLE_COUNT; i++)
        if (role_set_has(who->roles, (enum role)i))
            json_str(&j, role_key((enum role)i));
    json_arr_end(&j);
    json_kv_str(&j, "today", clock_date(r->a, app_now(ctx_of(r))));
    json_obj_end(&j);
}

/* --- people --- */

void api_people(req *r)
{
    struct people_filter f = {.q = req_query(r, "q")};
    struct page_of pg;
    if (!api_query_paging(r, &pg) || !api_query_number(r, "school_id", INT64_MAX, &f.school_id) ||
        !query_role(r, &f.role))
        return;
    struct person *people;
    int n;
    enum app_status s = people_list(ctx_of(r), &f, &pg, &people, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_PERSON);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++)
        person_json(&j, &people[i], false);
    api_list_end(&j, pg.total, &pg);
}

/* Renders the person as stored now (after a write: what the write made). */
static void person_answer(req *r, int64_t id, int status)
{
    struct person p;
    enum app_status s = id ? person_get(ctx_of(r), id, &p) : APP_NOT_FOUND;
    if (s != APP_OK) {
        web_fail(r, s, KIND_PERSON);
        return;
    }
    json j;
    api_begin(r, &j, status);
    person_json(&j, &p, true);
}

void api_person(req *r)
{
    person_answer(r, req_id(r, "id"), 200);
}

/* The person sent, with R1's old field read as the new one. */
static bool person_body_read(req *r, struct person_input *in, const char **version)
{
    struct api_person body = {0};
    if (!api_body_read(r, &api_person_body, &body, version) ||
        !api_district_year(r, &body.in.district_year, body.years_in_district, "years_in_district"))
        return false;
    *in = body.in;
    return true;
}

void api_person_create(req *r)
{
    struct person_input in;
    if (!person_body_read(r, &in, NULL))
        return;
    struct errors errs = {.n = 0};
    int64_t id = 0;
    enum app_status s = person_create(ctx_of(r), &in, &id, &errs);
    if (s != APP_OK) {
        api_fail(r, s, KIND_PERSON, &errs);
        return;
    }
    person_answer(r, id, 201);
    if (r->status == 201)
        api_created_at(r, PEOPLE_PATH, id);
}

/* PATCH: the fields not sent keep the record's current values. */
static void person_input_keep(arena *a, struct person_input *in, const struct person *p)
{
    in->name = in->name ? in->name : p->name;
    in->email = in->email ? in->email : p->email;
    in->employee_id = in->employee_id ? in->employee_id : p->employee_id;
    if (!in->school_id)
        in->school_id = p->school_id ? arena_printf(a, "%" PRId64, p->school_id) : "";
    in->union_member = in->union_member ? in->union_member : p->union_member ? "yes" : "no";
    in->full_time = in->full_time ? in->full_time : p->full_time ? "yes" : "no";
    if (!in->district_year)
        in->district_year = arena_printf(a, "%d", p->district_year);
    in->job_type = in->job_type ? in->job_type : job_type_key(p->job_type);
}

void api_person_update(req *r)
{
    struct ctx *c = ctx_of(r);
    struct person_input in;
    const char *version = NULL;
    if (!person_body_read(r, &in, &version))
        return;
    int64_t id = req_id(r, "id");
    struct person cur;
    enum app_status s = id ? person_get(c, id, &cur) : APP_NOT_FOUND;
    if (s != APP_OK) {
        web_fail(r, s, KIND_PERSON);
        return;
    }
    if (!api_version_current(r, version, cur.version, KIND_PERSON))
        return;
    person_input_keep(r->a, &in, &cur);
    struct errors errs = {.n = 0};
    if ((s = person_update(c, id, cur.version, &in, &errs)) != APP_OK) {
        api_fail(r, s, KIND_PERSON, &errs);
        return;
    }
    person_answer(r, id, 200);
}

/* --- roles --- */

void api_roles(req *r)
{
    int64_t id = req_id(r, "id");
    struct person p;
    enum app_status s = id ? person_get(ctx_of(r), id, &p) : APP_NOT_FOUND;
    if (s != APP_OK) {
        web_fail(r, s, KIND_PERSON);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < p.nroles; i++)
        role_json(&j, &p.roles[i]);
    api_list_end(&j, p.nroles, NULL);
}

static const struct person_role *role_find(const struct person *p, int64_t role_id)
{
    for (int i = 0; i < p->nroles; i++)
        if (p->roles[i].id == role_id)
            return &p->roles[i];
    return NULL;
}

void api_role_add(req *r)
{
    struct ctx *c = ctx_of(r);
    struct role_input in = {0};
    if (!api_body_read(r, &api_role_body, &in, NULL))
        return;
    int64_t person_id = req_id(r, "id"), role_id = 0;
    struct errors errs = {.n = 0};
    enum app_status s = person_id ? role_add(c, person_id, &in, &role_id, &errs) : APP_NOT_FOUND;
    if (s != APP_OK) {
        api_fail(r, s, KIND_ROLE, &errs);
        return;
    }
    /* Reloaded so the answer shows the role as stored (dates as checked). */
    struct person p;
    const struct person_role *pr = NULL;
    if ((s = person_get(c, person_id, &p)) == APP_OK && !(pr = role_find(&p, role_id)))
        s = APP_ERROR;
    if (s != APP_OK) {
        web_fail(r, s, KIND_ROLE);
        return;
    }
    json j;
    api_begin(r, &j, 201);
    role_json(&j, pr);
    api_created_at(r, arena_printf(r->a, PEOPLE_PATH "/%" PRId64 "/roles", person_id), role_id);
}

void api_role_remove(req *r)
{
    int64_t person_id = req_id(r, "id"), role_id = req_id(r, "role_id");
    enum app_status s =
        person_id && role_id ? role_remove(ctx_of(r), person_id, role_id) : APP_NOT_FOUND;
    if (s != APP_OK) {
        web_fail(r, s, KIND_ROLE);
        return;
    }
    r->status = 204;
    buf_reset(&r->out);
}

/* --- schools --- */

void api_schools(req *r)
{
    struct page_of pg;
    if (!api_query_paging(r, &pg))
        return;
    struct school *schools;
    int n;
    enum app_status s = schools_list(ctx_of(r), req_query(r, "q"), &pg, &schools, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_SCHOOL);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++)
        school_json(&j, &schools[i]);
    api_list_end(&j, pg.total, &pg);
}

static void school_answer(req *r, int64_t id, int status)
{
    struct school sc;
    enum app_status s = id ? school_get(ctx_of(r), id, &sc) : APP_NOT_FOUND;
    if (s != APP_OK) {
        web_fail(r, s, KIND_SCHOOL);
        return;
    }
    json j;
    api_begin(r, &j, status);
    school_json(&j, &sc);
}

void api_school(req *r)
{
    school_answer(r, req_id(r, "id"), 200);
}

void api_school_create(req *r)
{
    struct school_input in = {0};
    if (!api_body_read(r, &api_school_body, &in, NULL))
        return;
    struct errors errs = {.n = 0};
    int64_t id = 0;
    enum app_status s = school_create(ctx_of(r), &in, &id, &errs);
    if (s != APP_OK) {
        api_fail(r, s, KIND_SCHOOL, &errs);
        return;
    }
    school_answer(r, id, 201);
    if (r->status == 201)
        api_created_at(r, SCHOOLS_PATH, id);
}

void api_school_update(req *r)
{
    struct ctx *c = ctx_of(r);
    struct school_input in = {0};
    const char *version = NULL;
    if (!api_body_read(r, &api_school_body, &in, &version))
        return;
    int64_t id = req_id(r, "id");
    struct school cur;
    enum app_status s = id ? school_get(c, id, &cur) : APP_NOT_FOUND;
    if (s != APP_OK) {
        web_fail(r, s, KIND_SCHOOL);
        return;
    }
    if (!api_version_current(r, version, cur.version, KIND_SCHOOL))
        return;
    /* PATCH: the fields not sent keep the school's current values. */
    in.name = in.name ? in.name : cur.name;
    in.code = in.code ? in.code : cur.code;
    in.address = in.address ? in.address : cur.address;
    struct errors errs = {.n = 0};
    if ((s = school_update(c, id, cur.version, &in, &errs)) != APP_OK) {
        api_fail(r, s, KIND_SCHOOL, &errs);
        return;
    }
    school_answer(r, id, 200);
}

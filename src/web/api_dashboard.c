/* api_dashboard.c: /api/v1/deadlines, /api/v1/caseload and /api/v1/week:
 * the dashboard's facts as JSON. */
#include "app/deadlines.h"
#include "base/clock.h"
#include "web/api.h"
#include "web/handlers.h"

void api_deadline_json(json *j, const struct case_deadline *cd)
{
    json_obj_begin(j);
    json_kv_int(j, "case_id", cd->case_id);
    json_kv_str(j, "teacher", cd->teacher_name);
    json_kv_str(j, "what", cd->label);
    json_kv_str(j, "rule", cd->d.rule);
    json_kv_str(j, "due_on", cd->d.due_on);
    if (*cd->d.from)
        json_kv_str(j, "window_opens", cd->d.from);
    json_kv_bool(j, "overdue", cd->d.overdue);
    json_kv_str(j, "part", cd->d.path);
    json_obj_end(j);
}

void api_deadlines(req *r)
{
    struct case_deadline *ds;
    int n = 0;
    enum app_status s = deadlines_mine(ctx_of(r), &ds, &n, NULL);
    if (s != APP_OK) {
        api_fail(r, s, KIND_CASE, NULL);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++)
        api_deadline_json(&j, &ds[i]);
    api_list_end(&j, n, NULL);
}

void api_caseload(req *r)
{
    struct caseload cl;
    enum app_status s = caseload_mine(ctx_of(r), &cl);
    if (s != APP_OK) {
        api_fail(r, s, KIND_CASE, NULL);
        return;
    }
    json j;
    api_begin(r, &j, 200);
    json_obj_begin(&j);
    json_kv_int(&j, "load", cl.load);
    json_kv_int(&j, "cap", cl.cap);
    json_kv_int(&j, "par", cl.par);
    json_kv_int(&j, "pa", cl.pa);
    json_key(&j, "cases");
    json_arr_begin(&j);
    for (int i = 0; i < cl.ncases; i++) {
        json_obj_begin(&j);
        json_kv_int(&j, "id", cl.cases[i].id);
        json_kv_str(&j, "teacher", cl.cases[i].teacher_name);
        json_kv_str(&j, "track", case_track_key(cl.cases[i].track));
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}

void api_week(req *r)
{
    struct ctx *c = ctx_of(r);
    const char *start = req_query(r, "start");
    char monday[11];
    if (!week_monday(start ? start : clock_date(r->a, app_now(c)), monday)) {
        api_bad_field(r, "start", "Give a date as YYYY-MM-DD.");
        return;
    }
    struct week_item *items;
    int n = 0;
    enum app_status s = week_mine(c, monday, &items, &n);
    if (s != APP_OK) {
        api_fail(r, s, KIND_CASE, NULL);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++) {
        json_obj_begin(&j);
        json_kv_str(&j, "date", items[i].date);
        json_kv_str(&j, "time", items[i].time);
        json_kv_str(&j, "what", items[i].what);
        json_kv_str(&j, "detail", items[i].detail);
        json_kv_int(&j, "case_id", items[i].case_id);
        json_kv_str(&j, "teacher", items[i].teacher_name);
        json_obj_end(&j);
    }
    api_list_end(&j, n, NULL);
}

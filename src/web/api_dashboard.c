/* api_dashboard.c: /api/v1/tasks, /api/v1/deadlines, /api/v1/caseload and
 * /api/v1/week: the dashboard's facts as JSON, from the process table and
 * each person's agenda. */
#include "app/agenda.h"
#include "app/process.h"
#include "app/tasks.h"
#include "base/clock.h"
#include "web/api.h"
#include "web/handlers.h"

void api_task_json(json *j, const struct case_task *t)
{
    const struct due *d = &t->t.due;
    json_obj_begin(j);
    if (t->case_id)
        json_kv_int(j, "case_id", t->case_id);
    else if (t->pss_case_id)
        json_kv_int(j, "pss_case_id", t->pss_case_id);
    else
        json_kv_int(j, "inquiry_id", t->inquiry_id);
    json_kv_str(j, "teacher", t->teacher_name);
    json_kv_str(j, "step", t->step);
    json_kv_str(j, "what", d->what);
    json_kv_str(j, "rule", t->rule);
    json_kv_str(j, d->waiting ? "waiting_since" : "due_on", d->on);
    if (*d->from)
        json_kv_str(j, "window_opens", d->from);
    json_kv_bool(j, "overdue", d->overdue);
    json_kv_bool(j, "optional", d->optional);
    json_kv_str(j, "from", t->who);
    json_kv_str(j, "link", t->link);
    if (t->not_yet) {
        json_kv_str(j, "not_yet", t->not_yet);
        json_kv_str(j, "not_yet_rule", t->not_yet_rule);
    }
    json_obj_end(j);
}

static void tasks_answer(req *r, bool mine)
{
    struct case_task *ts;
    int n = 0;
    /* Whole, unless a page is asked for (?page, ?per_page as every list). */
    struct page_of pg, *paged = req_query(r, "page") || req_query(r, "per_page") ? &pg : NULL;
    if (paged && !api_query_paging(r, paged))
        return;
    enum app_status s = tasks_of(ctx_of(r), mine, NULL, paged, &ts, &n);
    if (s != APP_OK) {
        api_fail(r, s, KIND_CASE, NULL);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++)
        api_task_json(&j, &ts[i]);
    api_list_end(&j, paged ? paged->total : n, paged);
}

void api_tasks(req *r)
{
    tasks_answer(r, true);
}

void api_deadlines(req *r)
{
    tasks_answer(r, false);
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
    char sunday[11];
    struct agenda_item *items;
    int n = 0;
    clock_add_days(monday, 6, sunday);
    enum app_status s = agenda_mine(c, monday, sunday, true, NULL, &items, &n);
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
        json_kv_str(&j, "detail", items[i].place ? items[i].place : "");
        if (items[i].case_id)
            json_kv_int(&j, "case_id", items[i].case_id);
        json_kv_str(&j, "teacher", items[i].teacher_name ? items[i].teacher_name : "");
        json_kv_bool(&j, "cancelled", items[i].cancelled);
        json_obj_end(&j);
    }
    api_list_end(&j, n, NULL);
}

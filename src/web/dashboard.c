/* dashboard.c: each person's work on their dashboard: their tasks from the
 * process table (overdue first, each with its date and, when a rule stops
 * it for now, why), a CT's weighted caseload against the cap, and the
 * week's meetings, sessions, visits and deadlines; and the deadlines page:
 * everything due on the cases they take part in, from whom (R17-R19, R22,
 * R24, R25, R30, R37). */
#include <inttypes.h>
#include <string.h>

#include "app/agenda.h"
#include "app/process.h"
#include "app/tasks.h"
#include "base/clock.h"
#include "out/html.h"
#include "web/handlers.h"
#include "web/web.h"

static const char *today(req *r)
{
    return clock_date(r->a, app_now(ctx_of(r)));
}

/* "due 12 Jan 2027", "was due…", "waiting since…", "you may, until…" */
static void task_when(req *r, const struct due *d)
{
    if (d->overdue)
        html_raw(&r->out, "<strong class=\"badge badge-warn\">Overdue</strong> was due ");
    else if (d->waiting)
        html_raw(&r->out, *d->on ? "waiting since " : "waiting");
    else if (d->optional)
        html_raw(&r->out, "if you wish, until ");
    else
        html_raw(&r->out, "due ");
    if (*d->on)
        html_date(r, d->on);
    if (*d->from && !d->overdue) {
        html_raw(&r->out, ", from ");
        html_date(r, d->from);
    }
}

static void task_item(req *r, const struct case_task *t, unsigned how)
{
    const struct due *d = &t->t.due;
    html_printf(&r->out, "<li class=\"task%s\"><a href=\"%s\">%s</a>", d->overdue ? " overdue" : "",
                t->link, d->what);
    if (how & TASK_WITH_TEACHER)
        html_printf(&r->out, " — %s", t->teacher_name);
    html_raw(&r->out, ": ");
    task_when(r, d);
    if (how & TASK_WITH_WHO)
        html_printf(&r->out, " <span class=\"who\">(from %s)</span>", t->who);
    if (t->not_yet)
        html_printf(&r->out, "<br><span class=\"hint\">Not yet: %s</span>", t->not_yet);
    html_raw(&r->out, "</li>");
}

void task_list(req *r, const struct case_task *ts, int n, unsigned how)
{
    if (!n) {
        html_raw(&r->out, "<p>Nothing is waiting for you, overdue or coming up.</p>");
        return;
    }
    html_raw(&r->out, "<ul class=\"tasks\">");
    for (int i = 0; i < n; i++)
        task_item(r, &ts[i], how);
    html_raw(&r->out, "</ul>");
}

static const struct case_task *next_task(const struct case_task *ts, int n, int64_t id)
{
    for (int i = 0; i < n; i++)   /* ts: overdue first, then by date */
        if (ts[i].case_id == id)
            return &ts[i];
    return NULL;
}

static void caseload_section(req *r, const struct caseload *cl, const struct case_task *ts,
                             int n)
{
    html_printf(&r->out, "<section><h2>Your caseload</h2><p>Weighted load <strong>%d</strong> "
                         "of the program's cap of %d: %d PAR and %d PA teachers (a PAR teacher "
                         "counts more).</p>",
                cl->load, cl->cap, cl->par, cl->pa);
    html_printf(&r->out, "<p><meter min=\"0\" max=\"%d\" value=\"%d\" high=\"%d\">%d of %d</meter>"
                         "</p>",
                cl->cap > 0 ? cl->cap : 1, cl->load, cl->cap, cl->load, cl->cap);
    if (!cl->ncases) {
        html_raw(&r->out, "<p>No teacher is on your caseload yet.</p></section>");
        return;
    }
    /* A list, not a table: it reads on a phone in a classroom. */
    html_raw(&r->out, "<h3 id=\"your-teachers\">Your teachers, the most urgent first</h3>"
                      "<ul class=\"caseload\" aria-labelledby=\"your-teachers\">");
    for (int pass = 0; pass < 2; pass++)   /* cases with something due first */
        for (int i = 0; i < cl->ncases; i++) {
            const struct case_record *k = &cl->cases[i];
            const struct case_task *t = next_task(ts, n, k->id);
            if ((pass == 0) != (t != NULL))
                continue;
            html_printf(&r->out, "<li><a href=\"/cases/%" PRId64 "\">%s</a> (%s): ", k->id,
                        k->teacher_name, case_track_label(k->track));
            if (t)
                task_list(r, t, 1, 0);
            else
                html_raw(&r->out, "nothing due from you.");
            html_raw(&r->out, "</li>");
        }
    html_raw(&r->out, "</ul></section>");
}

static void agenda_item_html(req *r, const struct agenda_item *it)
{
    html_printf(&r->out, "<li>%s%s", it->time, *it->time ? " " : "");
    if (it->link)
        html_printf(&r->out, "<a href=\"%s\">%s</a>", it->link, it->what);
    else
        html_printf(&r->out, "%s", it->what);
    if (it->place && *it->place)
        html_printf(&r->out, ": %s", it->place);
    if (it->cancelled)
        html_raw(&r->out, " <strong>(cancelled)</strong>");
    html_raw(&r->out, "</li>");
}

static void week_section(req *r, const char *monday, const struct cases_now *now)
{
    char sunday[11], prev[11], next[11];
    struct agenda_item *items;
    int n = 0;
    if (!clock_add_days(monday, 6, sunday) ||
        agenda_mine(ctx_of(r), monday, sunday, true, now, &items, &n) != APP_OK)
        return;
    clock_add_days(monday, -7, prev);
    clock_add_days(monday, 7, next);
    html_raw(&r->out, "<section><h2>The week of ");
    html_date(r, monday);
    html_printf(&r->out, "</h2><p class=\"week-nav\"><a href=\"/dashboard?week=%s\">Previous "
                         "week</a> · <a href=\"/dashboard\">This week</a> · <a href=\"/dashboard"
                         "?week=%s\">Next week</a></p>",
                prev, next);
    if (!n)
        html_raw(&r->out, "<p>No meetings, sessions, visits or deadlines this week.</p>");
    for (int i = 0; i < n; i++) {
        if (i == 0 || strcmp(items[i].date, items[i - 1].date) != 0) {
            html_raw(&r->out, i ? "</ul><h3>" : "<h3>");
            html_date(r, items[i].date);
            html_raw(&r->out, "</h3><ul class=\"week\">");
        }
        agenda_item_html(r, &items[i]);
    }
    if (n)
        html_raw(&r->out, "</ul>");
    html_raw(&r->out, "</section>");
}

void dashboard_work(req *r)
{
    struct ctx *c = ctx_of(r);
    struct case_task *ts;
    int n = 0;
    struct cases_now now; /* the tasks' and the week's */
    if (cases_now_load(c, &now) != APP_OK || tasks_of(c, true, &now, NULL, &ts, &n) != APP_OK)
        return;
    html_raw(&r->out, "<section aria-labelledby=\"h-tasks\"><h2 id=\"h-tasks\">Your tasks</h2>"
                      "<p>What is overdue, what waits for you, then the rest by date. <a "
                      "href=\"/deadlines\">Everything due on your cases, from whom</a></p>");
    task_list(r, ts, n, TASK_WITH_TEACHER);
    html_raw(&r->out, "</section>");
    struct caseload cl;
    if (role_set_has(c->who.roles, ROLE_CONSULTING_TEACHER) && caseload_mine(c, &cl) == APP_OK)
        caseload_section(r, &cl, ts, n);
    char monday[11];
    const char *week = req_query(r, "week");
    if (week_monday(week ? week : "", monday) || week_monday(today(r), monday))
        week_section(r, monday, &now);
}

/* A page of a hundred: a district's coordinator has tens of thousands
 * (issue 19), too many for one page on a phone. */
void page_deadlines(req *r)
{
    struct case_task *ts;
    int n = 0;
    struct page_of pg = {.page = req_page(r), .per_page = 100};
    enum app_status s = tasks_of(ctx_of(r), false, NULL, &pg, &ts, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CASE);
        return;
    }
    if (!n && pg.total) {   /* past the end (a typed address): the last page */
        res_redirect(r, arena_printf(r->a, "/deadlines?page=%" PRId64, page_of_pages(&pg)));
        return;
    }
    page_begin(r, "Deadlines");
    html_raw(&r->out, "<p>Everything due on the cases you take part in, overdue first, and "
                      "from whom.</p>");
    task_list(r, ts, n, TASK_WITH_TEACHER | TASK_WITH_WHO);
    pagination(r, "/deadlines", pg.page, pg.per_page, pg.total);
    page_end(r);
}

/* dashboard.c: the work on each person's dashboard (a CT's weighted
 * caseload against the cap, each case's next due item, overdue first, and
 * the week's visits and meetings), and the deadlines page: each role's
 * overdue and upcoming items, the teacher's all of theirs (R17-R19, R30,
 * R37). */
#include <inttypes.h>
#include <string.h>

#include "app/deadlines.h"
#include "base/clock.h"
#include "out/html.h"
#include "web/handlers.h"
#include "web/web.h"

#define UPCOMING_DAYS 14        /* what "coming up" means on the dashboard */

static const char *today(req *r)
{
    return clock_date(r->a, app_now(ctx_of(r)));
}

static void deadline_item(req *r, const struct case_deadline *cd, bool with_teacher)
{
    const struct deadline *d = &cd->d;
    html_printf(&r->out, "<li class=\"deadline%s\">", d->overdue ? " overdue" : "");
    if (d->overdue)
        html_raw(&r->out, "<strong class=\"badge badge-warn\">Overdue</strong> ");
    html_raw(&r->out, d->overdue ? "was due " : "due ");
    html_date(r, d->due_on);
    html_printf(&r->out, ": <a href=\"/cases/%" PRId64 "%s%s\">%s</a> (%s)", cd->case_id,
                *d->path ? "/" : "", d->path, cd->label, d->rule);
    if (*d->from && !d->overdue) {
        html_raw(&r->out, ", from ");
        html_date(r, d->from);
    }
    if (with_teacher)
        html_printf(&r->out, " — %s", cd->teacher_name);
    html_raw(&r->out, "</li>");
}

/* Overdue items, then those due within days (all when days < 0). */
void deadline_list(req *r, const struct case_deadline *ds, int n, int days, bool with_teacher)
{
    char until[11] = "9999-12-31";
    if (days >= 0)
        clock_add_days(today(r), days, until);
    int shown = 0;
    for (int i = 0; i < n; i++) {
        if (!ds[i].d.overdue && strcmp(ds[i].d.due_on, until) > 0)
            continue;
        if (!shown++)
            html_raw(&r->out, "<ul class=\"deadlines\">");
        deadline_item(r, &ds[i], with_teacher);
    }
    if (shown)
        html_raw(&r->out, "</ul>");
    else
        html_raw(&r->out, "<p>Nothing is overdue or coming up.</p>");
}

static const struct case_deadline *next_due(const struct case_deadline *ds, int n, int64_t id)
{
    for (int i = 0; i < n; i++)   /* ds: overdue first, then by date */
        if (ds[i].case_id == id)
            return &ds[i];
    return NULL;
}

static void caseload_section(req *r, const struct caseload *cl, const struct case_deadline *ds,
                             int n)
{
    html_printf(&r->out, "<section><h2>Your caseload</h2><p>Weighted load <strong>%d</strong> "
                         "of the program's cap of %d (R30): %d PAR and %d PA teachers.</p>",
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
            const struct case_deadline *d = next_due(ds, n, k->id);
            if ((pass == 0) != (d != NULL))
                continue;
            html_printf(&r->out, "<li><a href=\"/cases/%" PRId64 "\">%s</a> (%s): ", k->id,
                        k->teacher_name, case_track_label(k->track));
            if (d)
                deadline_list(r, d, 1, -1, false);
            else
                html_raw(&r->out, "nothing due.");
            html_raw(&r->out, "</li>");
        }
    html_raw(&r->out, "</ul></section>");
}

static void week_section(req *r, const char *monday)
{
    struct week_item *items;
    int n = 0;
    if (week_mine(ctx_of(r), monday, &items, &n) != APP_OK)
        return;
    char prev[11], next[11];
    clock_add_days(monday, -7, prev);
    clock_add_days(monday, 7, next);
    html_raw(&r->out, "<section><h2>The week of ");
    html_date(r, monday);
    html_printf(&r->out, "</h2><p class=\"week-nav\"><a href=\"/dashboard?week=%s\">Previous "
                         "week</a> · <a href=\"/dashboard\">This week</a> · <a href=\"/dashboard"
                         "?week=%s\">Next week</a></p>",
                prev, next);
    if (!n)
        html_raw(&r->out, "<p>No visits or meetings this week.</p>");
    for (int i = 0; i < n; i++) {
        if (i == 0 || strcmp(items[i].date, items[i - 1].date) != 0) {
            html_raw(&r->out, i ? "</ul><h3>" : "<h3>");
            html_date(r, items[i].date);
            html_raw(&r->out, "</h3><ul class=\"week\">");
        }
        html_printf(&r->out, "<li>%s%s%s — <a href=\"/cases/%" PRId64 "\">%s</a>%s%s</li>",
                    items[i].time, *items[i].time ? " " : "", items[i].what, items[i].case_id,
                    items[i].teacher_name, *items[i].detail ? ": " : "", items[i].detail);
    }
    if (n)
        html_raw(&r->out, "</ul>");
    html_raw(&r->out, "</section>");
}

void dashboard_work(req *r)
{
    struct ctx *c = ctx_of(r);
    struct case_deadline *ds;
    int n = 0;
    struct caseload cl;
    if (app_authorize(c, ACT_LIST, KIND_CASE, NULL) != APP_OK ||
        deadlines_mine(c, &ds, &n, &cl) != APP_OK)
        return;
    bool ct = role_set_has(c->who.roles, ROLE_CONSULTING_TEACHER);
    if (ct)
        caseload_section(r, &cl, ds, n);
    html_printf(&r->out, "<section><h2>What is due</h2><p>Overdue, and the next %d days. "
                         "<a href=\"/deadlines\">Every deadline</a></p>",
                UPCOMING_DAYS);
    deadline_list(r, ds, n, UPCOMING_DAYS, true);
    html_raw(&r->out, "</section>");
    char monday[11];
    const char *week = req_query(r, "week");
    if (ct && (week_monday(week ? week : "", monday) || week_monday(today(r), monday)))
        week_section(r, monday);
}

void page_deadlines(req *r)
{
    struct case_deadline *ds;
    int n = 0;
    enum app_status s = deadlines_mine(ctx_of(r), &ds, &n, NULL);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CASE);
        return;
    }
    page_begin(r, "Deadlines");
    html_raw(&r->out, "<p>Everything due on the cases you take part in, overdue first. Each "
                      "item names the rule that sets it.</p>");
    deadline_list(r, ds, n, -1, true);
    page_end(r);
}

/* agenda.c: a person's dated things, gathered from their cases (the
 * process table's tasks and the cases' meetings), the Panel's sessions and
 * the coaching log; each as agenda_item.c makes it. No rule is decided
 * here. */
#include "app/agenda.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/coaching.h"
#include "app/meetings.h"
#include "app/panel.h"
#include "app/process.h"
#include "base/clock.h"

#define REL(who) POLICY_REL(who)

struct agenda {
    struct ctx *c;
    const char *from, *to;
    struct agenda_item *items;
    int n, cap;
};

/* Keeps a copy of the item, if its date is in the range. */
static void keep(struct agenda *g, const struct agenda_item *item)
{
    if (strncmp(item->date, g->from, 10) < 0 || strncmp(item->date, g->to, 10) > 0)
        return;
    if (g->n == g->cap) {
        g->cap = g->cap * 2 + 16;
        struct agenda_item *more = arena_alloc(g->c->a, sizeof *more * (size_t)g->cap);
        if (g->n)
            memcpy(more, g->items, sizeof *more * (size_t)g->n);
        g->items = more;
    }
    g->items[g->n++] = *item;
}

/* The initial meeting and the agreement review: their people's (R10, R11). */
static void enrolment_meetings(struct agenda *g, const struct case_record *k)
{
    struct ctx *c = g->c;
    bool coordinator = role_set_has(c->who.roles, ROLE_COORDINATOR);
    unsigned mine = k->relations & (REL(WHO_CASE_TEACHER) | REL(WHO_CASE_CT));
    struct agenda_item it;
    if (*k->meeting_at && (mine || coordinator)) {
        agenda_initial_meeting(c, k, &it);
        keep(g, &it);
    }
    mine |= k->relations & REL(WHO_CASE_UNION_REP);
    if (*k->review_at && (mine || coordinator)) {
        agenda_agreement_review(c, k, &it);
        keep(g, &it);
    }
}

/* The parley meetings of the cases whose meetings the asker may see (the
 * policy table: R16), all read at once. ks: by id, as cases_with_appointments
 * gives them; the meetings come by case too. */
static enum app_status parley_meetings(struct agenda *g, const struct case_record *ks, int n)
{
    struct ctx *c = g->c;
    int64_t *ids = arena_alloc(c->a, sizeof *ids * (size_t)(n + 1));
    int nids = 0;
    for (int i = 0; i < n; i++)
        if (app_authorize(c, ACT_VIEW, KIND_MEETING, CASE_POLICY(&ks[i])) == APP_OK)
            ids[nids++] = ks[i].id;
    struct meeting *ms;
    int nms = 0;
    enum app_status s =
        nids ? meetings_of_cases(c, db_id_list(c->a, ids, nids), &ms, &nms) : APP_OK;
    for (int i = 0, k = 0; s == APP_OK && i < nms; i++) {
        while (k < n && ks[k].id != ms[i].case_id)
            k++;
        if (k == n)
            break;
        struct agenda_item it;
        agenda_parley_meeting(c, &ks[k], &ms[i], &it);
        keep(g, &it);
    }
    return s;
}

/* The deadlines of the asker's own tasks on the case (a task whose date is
 * an appointment shows as that appointment). */
static void task_deadlines(struct agenda *g, const struct case_record *k,
                           const struct case_facts *f)
{
    struct task ts[16];
    int n = workflow_tasks(f, g->c->who.roles, k->relations, ts, 16);
    for (int i = 0; i < n; i++) {
        const struct due *d = &ts[i].due;
        struct agenda_item it;
        if (d->waiting || d->step->appointment)
            continue;
        agenda_item_on(g->c, &it, d->on, 0);
        agenda_item_of_case(&it, g->c, k,
                            *d->step->path ? arena_printf(g->c->a, "/%s", d->step->path) : "");
        it.what = arena_printf(g->c->a, "Due: %s (%s)", d->what, k->teacher_name);
        it.uid = arena_printf(g->c->a, "case-%" PRId64 "-%s-%d@parley", k->id, d->step->key,
                              d->instance);
        keep(g, &it);
    }
}

/* The cases the asker takes part in with an appointment in the window,
 * finished ones too (a meeting held on a case since closed stays in the
 * calendar); then the deadlines of the cases in progress (now, or read
 * here), their facts read for all of them at once. Most of a district's
 * cases are finished: none of them is read whole (issue 19). */
static enum app_status cases(struct agenda *g, const struct cases_now *now)
{
    struct case_record *ks;
    int n = 0;
    enum app_status s = cases_with_appointments(g->c, g->from, g->to, &ks, &n);
    if (s == APP_OK)
        s = parley_meetings(g, ks, n);
    for (int i = 0; s == APP_OK && i < n; i++)
        enrolment_meetings(g, &ks[i]);
    struct cases_now read;
    if (s == APP_OK && !now && (s = cases_now_load(g->c, &read)) == APP_OK)
        now = &read;
    for (int i = 0; s == APP_OK && i < now->n; i++)
        task_deadlines(g, &now->ks[i], &now->facts[i]);
    return s;
}

/* The Panel's sessions: for the members who sit on its day (R29) and the
 * coordinator. */
static enum app_status panel_sessions(struct agenda *g)
{
    struct ctx *c = g->c;
    bool coordinator = role_set_has(c->who.roles, ROLE_COORDINATOR);
    if (!coordinator && !role_set_has(c->who.roles, ROLE_PANEL_MEMBER))
        return APP_OK;
    struct panel_session *ss;
    int n = 0;
    enum app_status s = panel_sessions_list(c, false, &ss, &n);
    for (int i = 0; s == APP_OK && i < n; i++) {
        if (!coordinator && !panel_sits_on(c, ss[i].held_on))
            continue;
        struct agenda_item it;
        agenda_panel_session(c, &ss[i], &it);
        keep(g, &it);
    }
    return s;
}

static enum app_status visits(struct agenda *g)
{
    struct coaching_item *es;
    int n = 0;
    enum app_status s = coaching_week(g->c, g->c->who.person_id, g->from, g->to, &es, &n);
    for (int i = 0; s == APP_OK && i < n; i++) {
        struct agenda_item it;
        agenda_item_on(g->c, &it, es[i].on_date, 0);
        it.what = arena_printf(g->c->a, "Coaching: %s (%s)", coaching_kind_label(es[i].kind),
                               es[i].teacher_name);
        it.place = es[i].focus;
        it.case_id = es[i].case_id;
        it.teacher_name = es[i].teacher_name;
        it.link = arena_printf(g->c->a, "/cases/%" PRId64 "/coaching", es[i].case_id);
        it.uid = arena_printf(g->c->a, "coaching-%" PRId64 "@parley", es[i].id);
        keep(g, &it);
    }
    return s;
}

static int by_date(const void *a, const void *b)
{
    const struct agenda_item *x = a, *y = b;
    int d = strcmp(x->date, y->date);
    return d ? d : strcmp(x->time, y->time);
}

enum app_status agenda_mine(struct ctx *c, const char *from, const char *to, bool with_visits,
                            const struct cases_now *now, struct agenda_item **out, int *n)
{
    struct agenda g = {.c = c, .from = from, .to = to};
    enum app_status s = app_authorize(c, ACT_VIEW, KIND_ACCOUNT, NULL);
    if (s == APP_OK && app_authorize(c, ACT_LIST, KIND_CASE, NULL) == APP_OK)
        s = cases(&g, now);
    if (s == APP_OK)
        s = panel_sessions(&g);
    if (s == APP_OK && with_visits && role_set_has(c->who.roles, ROLE_CONSULTING_TEACHER))
        s = visits(&g);
    if (s != APP_OK)
        return s;
    if (g.n)
        qsort(g.items, (size_t)g.n, sizeof *g.items, by_date);
    *out = g.items;
    *n = g.n;
    int64_t *ids = arena_alloc(c->a, sizeof *ids * (size_t)(g.n + 1));
    for (int i = 0; i < g.n; i++)
        ids[i] = g.items[i].case_id; /* 0: a Panel session's */
    return cases_seen(c, "their calendar", ids, g.n);
}

bool week_monday(const char *date, char out[11])
{
    int64_t day;
    if (!clock_day_number(date, &day))
        return false;
    /* 1970-01-01 was a Thursday: Monday is 3 days before it. */
    int64_t since_monday = ((day + 3) % 7 + 7) % 7;
    clock_day_date(day - since_monday, out);
    return true;
}

/* agenda.c: a person's dated things, gathered from their cases (the
 * process table's tasks and the cases' meetings), the Panel's sessions and
 * the coaching log. No rule is decided here. */
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

/* An item on date ("YYYY-MM-DD", or "YYYY-MM-DD HH:MM" with its time); an
 * empty date is in no range. */
static void item_on(struct ctx *c, struct agenda_item *it, const char *date, int minutes)
{
    memset(it, 0, sizeof *it);
    snprintf(it->date, sizeof it->date, "%.10s", date ? date : "");
    it->time = date && strlen(date) >= 16 ? arena_printf(c->a, "%.5s", date + 11) : "";
    it->minutes = minutes;
}

static void of_case(struct agenda_item *it, struct ctx *c, const struct case_record *k,
                    const char *path)
{
    it->case_id = k->id;
    it->teacher_name = k->teacher_name;
    it->link = arena_printf(c->a, "/cases/%" PRId64 "%s", k->id, path);
    it->updated_at = k->updated_at;
    it->organizer_name = *k->ct_name ? k->ct_name : NULL;
    it->organizer_email = *k->ct_email ? k->ct_email : NULL;
}

void agenda_initial_meeting(struct ctx *c, const struct case_record *k, struct agenda_item *it)
{
    item_on(c, it, k->meeting_at, 60);
    of_case(it, c, k, "");
    it->what = arena_printf(c->a, "Initial meeting: %s", k->teacher_name);
    it->place = k->meeting_place;
    it->description = arena_printf(c->a, "The initial meeting of %s with their Consulting "
                                         "Teacher, %s.",
                                   k->teacher_name, *k->ct_name ? k->ct_name : "not assigned");
    it->uid = arena_printf(c->a, "case-%" PRId64 "-initial@parley", k->id);
    it->sequence = k->meeting_sequence;
    it->cancelled = k->meeting_cancelled;
}

void agenda_agreement_review(struct ctx *c, const struct case_record *k, struct agenda_item *it)
{
    item_on(c, it, k->review_at, 60);
    of_case(it, c, k, "/agreement");
    it->what = arena_printf(c->a, "PAR Agreement review: %s", k->teacher_name);
    it->place = k->review_place;
    bool rep = *k->union_rep_name;
    it->description = arena_printf(c->a, "%s reviews the PAR Agreement with %s%s.",
                                   k->teacher_name,
                                   rep ? k->union_rep_name : "a union representative",
                                   rep ? ", union representative" : "");
    it->uid = arena_printf(c->a, "case-%" PRId64 "-review@parley", k->id);
    it->sequence = k->review_sequence;
    it->cancelled = k->review_cancelled;
}

void agenda_parley_meeting(struct ctx *c, const struct case_record *k, const struct meeting *m,
                           struct agenda_item *it)
{
    item_on(c, it, m->starts_at, m->minutes);
    of_case(it, c, k, "/meetings");
    it->what = arena_printf(c->a, "%s: %s (%s)",
                            k->track == TRACK_PAR ? "Parley meeting" : "Meeting", k->teacher_name,
                            meeting_phase_label(m->phase));
    it->place = m->place;
    it->description = arena_printf(
        c->a, "%s for the case of %s, with %s. Consulting Teacher: %s. %s.",
        meeting_phase_label(m->phase), k->teacher_name,
        k->track == TRACK_PAR ? "the teacher, the Consulting Teacher and the administrator"
                              : "the teacher and the Consulting Teacher",
        *k->ct_name ? k->ct_name : "not assigned", meeting_status_label(m->status));
    it->uid = m->uid;
    it->sequence = m->sequence;
    it->updated_at = m->updated_at;
    it->cancelled = m->status == MEETING_CANCELLED;
}

void agenda_panel_session(struct ctx *c, const struct panel_session *s, struct agenda_item *it)
{
    item_on(c, it, s->held_on, 120);
    it->time = s->starts_at;
    it->what = arena_printf(c->a, "Panel session: %d %s on the docket", s->ncases,
                            s->ncases == 1 ? "case" : "cases");
    it->place = s->place;
    it->link = arena_printf(c->a, "/panel/sessions/%" PRId64, s->id);
    it->uid = arena_printf(c->a, "panel-session-%" PRId64 "@parley", s->id);
    it->organizer_name = *s->arranged_by_name ? s->arranged_by_name : NULL;
    it->organizer_email = *s->arranged_by_email ? s->arranged_by_email : NULL;
    it->sequence = s->sequence;
    it->updated_at = s->updated_at;
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

/* The parley meetings the asker may see (the policy table: R16). */
static enum app_status parley_meetings(struct agenda *g, const struct case_record *k)
{
    struct meeting *ms;
    int n = 0;
    enum app_status s = meetings_of_case(g->c, k, &ms, &n);
    if (s == APP_FORBIDDEN || s == APP_NOT_FOUND)
        return APP_OK;
    for (int i = 0; s == APP_OK && i < n; i++) {
        struct agenda_item it;
        agenda_parley_meeting(g->c, k, &ms[i], &it);
        keep(g, &it);
    }
    return s;
}

/* The deadlines of the asker's own tasks on the case (a task whose date is
 * an appointment shows as that appointment). */
static enum app_status task_deadlines(struct agenda *g, const struct case_record *k)
{
    struct case_facts f;
    struct task ts[16];
    enum app_status s = case_facts_load(g->c, k, &f);
    int n = s == APP_OK ? workflow_tasks(&f, g->c->who.roles, k->relations, ts, 16) : 0;
    for (int i = 0; i < n; i++) {
        const struct due *d = &ts[i].due;
        struct agenda_item it;
        if (d->waiting || d->step->appointment)
            continue;
        item_on(g->c, &it, d->on, 0);
        of_case(&it, g->c, k, *d->step->path ? arena_printf(g->c->a, "/%s", d->step->path) : "");
        it.what = arena_printf(g->c->a, "Due: %s (%s)", d->what, k->teacher_name);
        it.uid = arena_printf(g->c->a, "case-%" PRId64 "-%s-%d@parley", k->id, d->step->key,
                              d->instance);
        keep(g, &it);
    }
    return s;
}

static enum app_status cases(struct agenda *g)
{
    struct case_record *ks;
    int n = 0;
    enum app_status s = cases_taking_part(g->c, &ks, &n);
    for (int i = 0; s == APP_OK && i < n; i++) {
        enrolment_meetings(g, &ks[i]);
        s = parley_meetings(g, &ks[i]);
        if (s == APP_OK)
            s = task_deadlines(g, &ks[i]);
    }
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
        item_on(g->c, &it, es[i].on_date, 0);
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
                            struct agenda_item **out, int *n)
{
    struct agenda g = {.c = c, .from = from, .to = to};
    enum app_status s = app_authorize(c, ACT_VIEW, KIND_ACCOUNT, NULL);
    if (s == APP_OK && app_authorize(c, ACT_LIST, KIND_CASE, NULL) == APP_OK)
        s = cases(&g);
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
        ids[i] = g.items[i].case_id;   /* 0: a Panel session's */
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

/* tasks.c: each person's tasks, across all they take part in: their PA
 * and PAR cases' (the process table's answers, process.c), the requests
 * that may become cases (the coordinator's), and the federation's peer
 * support cases' (pss_process.c); overdue first, then by date. No rule is
 * decided here. */
#include "app/tasks.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/enrolment.h"
#include "app/pss.h"
#include "base/clock.h"

static int by_urgency(const void *a, const void *b)
{
    const struct case_task *x = a, *y = b;
    int d = due_compare(&x->t.due, &y->t.due);
    return d ? d : (x->case_id > y->case_id) - (x->case_id < y->case_id);
}

/* The coordinator's: each request that may become a case (R8, R10). */
static enum app_status inquiry_tasks(struct ctx *c, struct case_task **out, int *n, int *cap)
{
    if (!role_set_has(c->who.roles, ROLE_COORDINATOR))
        return APP_OK;
    struct inquiry_choice *qs;
    int nq = 0;
    enum app_status s = case_open_inquiries(c, &qs, &nq);
    if (s != APP_OK)
        return s;
    for (int i = 0; i < nq; i++) {
        struct case_facts f;
        inquiry_facts_load(c, 0, &f);
        snprintf(f.entered[CASE_NONE], sizeof(date_text), "%s", clock_date(c->a, qs[i].created_at));
        struct task t[2];
        if (workflow_tasks(&f, c->who.roles, 0, t, 2) == 0)
            continue;
        struct case_task *ct = case_task_slot(c, out, n, cap);
        ct->t = t[0];
        ct->inquiry_id = qs[i].id;
        ct->step = t[0].due.step->key;
        ct->rule = t[0].due.step->rule;
        ct->teacher_name = qs[i].name;
        ct->who = due_who_words(c, t[0].due.who);
        ct->link = arena_printf(c->a, "/intake/%" PRId64, qs[i].id);
        ct->not_yet = guard_words(c, t[0].blocked, t[0].detail);
        ct->not_yet_rule = t[0].blocked ? t[0].blocked->rule : NULL;
    }
    return APP_OK;
}

#define TASKS_PER_CASE 16

/* One case's items into out, from its facts: the asker's own tasks
 * (mine), or everything due on it that they may see. */
static enum app_status case_items(struct ctx *c, const struct case_record *k,
                                  const struct case_facts *f, bool mine, struct case_task **out,
                                  int *n, int *cap)
{
    if (!mine) {
        struct case_task *due;
        int nd = 0;
        enum app_status s = case_due(c, k, f, &due, &nd);
        for (int j = 0; s == APP_OK && j < nd; j++)
            *case_task_slot(c, out, n, cap) = due[j];
        return s;
    }
    struct task t[TASKS_PER_CASE];
    int nt = workflow_tasks(f, c->who.roles, k->relations, t, TASKS_PER_CASE);
    for (int j = 0; j < nt; j++) {
        struct case_task *ct = case_task_slot(c, out, n, cap);
        ct->t = t[j];
        case_task_fill(c, k, ct);
    }
    return APP_OK;
}

/* The cases the asker may see, kept in place: a Panel member whose term
 * ended sees none of the Panel's (R29). */
static int cases_visible(struct ctx *c, struct case_record *cases, int n)
{
    int kept = 0;
    for (int i = 0; i < n; i++)
        if (app_authorize(c, ACT_VIEW, KIND_CASE, CASE_POLICY(&cases[i])) == APP_OK)
            cases[kept++] = cases[i];
    return kept;
}

enum app_status cases_now_load(struct ctx *c, struct cases_now *out)
{
    out->n = 0;
    enum app_status s = cases_in_progress(c, &out->ks, &out->n);
    if (s != APP_OK)
        return s;
    out->n = cases_visible(c, out->ks, out->n);
    out->facts = arena_alloc(c->a, sizeof *out->facts * (size_t)(out->n + 1));
    return case_facts_load_all(c, out->ks, out->n, out->facts);
}

/* The page of the list wanted, in place; pg's total: the list's length. */
static void tasks_page(struct page_of *pg, struct case_task **ts, int *n)
{
    pg->total = *n;
    int64_t from = page_of_offset(pg, 100, 200);
    if (from >= *n) {
        *n = 0;
        return;
    }
    *ts += from;
    *n = *n - from > pg->per_page ? pg->per_page : *n - (int)from;
}

enum app_status tasks_of(struct ctx *c, bool mine, const struct cases_now *now,
                         struct page_of *pg, struct case_task **out, int *n)
{
    struct cases_now read;
    enum app_status s = APP_OK;
    *n = 0;
    if (!now && (s = cases_now_load(c, &read)) != APP_OK)
        return s;
    now = now ? now : &read;
    int cap = now->n * 2 + 16;
    *out = arena_alloc(c->a, sizeof **out * (size_t)cap);
    for (int i = 0; i < now->n && s == APP_OK; i++)
        s = case_items(c, &now->ks[i], &now->facts[i], mine, out, n, &cap);
    if (s == APP_OK)
        s = inquiry_tasks(c, out, n, &cap);
    if (s == APP_OK)
        s = pss_case_tasks(c, mine, out, n, &cap);
    if (s != APP_OK)
        return s;
    qsort(*out, (size_t)*n, sizeof **out, by_urgency);
    if (pg)
        tasks_page(pg, out, n);
    int64_t *ids = arena_alloc(c->a, sizeof *ids * (size_t)(*n + 1));
    for (int i = 0; i < *n; i++)
        ids[i] = (*out)[i].case_id; /* 0 for a request: no case */
    return cases_seen(c, mine ? "their tasks" : "the deadlines", ids, *n);
}

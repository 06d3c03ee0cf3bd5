/* pss_process.c: a peer support case's facts for its process table
 * (domain/pss_process.c), read in one place, and the table's answers for
 * the asker: may they take a step now (the use cases of pss.c and
 * pss_work.c ask before writing), what may they do on the case (the pages'
 * buttons), and their tasks. No rule is decided here. */
#include "app/pss_internal.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "base/clock.h"

/* The releases as their steps see them: the case's loaded work, or (for
 * whoever does not read the work) what the steps need of it. */
static enum app_status releases_facts(struct ctx *c, const struct pss_case *k,
                                      struct pss_facts *f)
{
    struct pss_case work = *k;
    if (!work.work_loaded) {
        int64_t reports = 0;
        work.nreleases = 0;
        enum app_status s = app_db_status(db_int_query(
            c->db, &reports, "SELECT COUNT(*) FROM pss_report WHERE pss_case_id = ?", "i", k->id));
        if (s != APP_OK || (s = pss_releases_load(c, &work)) != APP_OK)
            return s;
        work.nreports = (int)reports;
    }
    struct pss_release_facts *xs = arena_alloc(c->a, sizeof *xs * (size_t)(work.nreleases + 1));
    for (int i = 0; i < work.nreleases; i++) {
        const struct pss_release_item *x = &work.releases[i];
        int64_t last = 0;
        for (int p = 0; p < PSS_PARTY_COUNT; p++)
            last = x->consents.at[p] > last ? x->consents.at[p] : last;
        xs[i] = (struct pss_release_facts){.id = x->id, .status = x->status,
                                           .consents = x->consents, .title = x->report_title,
                                           .recipient = x->recipient};
        app_date_text(c, x->created_at, xs[i].proposed_on);
        app_date_text(c, last, xs[i].consented_on);
    }
    f->reports = work.nreports;
    f->releases = xs;
    f->nreleases = work.nreleases;
    return APP_OK;
}

enum app_status pss_case_facts(struct ctx *c, const struct pss_case *k, struct pss_facts *f)
{
    memset(f, 0, sizeof *f);
    f->status = k->status;
    f->hold = k->hold;
    f->cost = k->cost;
    f->now = app_now(c);
    app_date_text(c, k->created_at, f->asked_on);
    app_date_text(c, k->agreement_at, f->agreed_on);
    app_date_text(c, k->hold_at, f->held_on);
    f->member_id = k->member_id;
    f->president_id = k->president_id;
    f->consultant_id = k->consultant_id;
    f->agreement_recorded = k->agreement_at && k->agreement_by && *k->agreement_by;
    f->release = -1;
    return releases_facts(c, k, f);
}

/* --- may the asker take this step now --- */

enum app_status pss_step_allows(struct ctx *c, const struct pss_case *k, const struct pss_facts *f,
                                const char *key, int release, struct errors *errs,
                                const char **refusal)
{
    const struct pss_step *t = pss_step_find(key);
    if (!t)
        return APP_ERROR;
    if (!pss_may(c, k, t->act, t->kind) || !workflow_who_may(t->who, c->who.roles, k->relations)) {
        *refusal = policy_refusal(t->act, t->kind);
        return APP_FORBIDDEN;
    }
    if (!pss_step_taken_in(t, f->status)) {
        *refusal = pss_status_refusal(f->status);
        return APP_CONFLICT;
    }
    char detail[300];
    const struct guard_def *g = pss_check(t, f, k->relations, release, false, detail,
                                          sizeof detail);
    enum app_status s = guard_answer(c, g, detail, APP_CONFLICT, errs, refusal);
    if (s != APP_OK && s != APP_INVALID)
        c->refused.step = t->key;
    return s;
}

enum app_status pss_step_open(struct ctx *c, int64_t id, const char *key, struct pss_case *k,
                              struct pss_facts *f, const char **refusal)
{
    const struct pss_step *t = pss_step_find(key);
    if (!t)
        return APP_ERROR;
    enum app_status s = pss_open(c, id, t->act, t->kind, k, refusal);
    return s == APP_OK ? pss_case_facts(c, k, f) : s;
}

int pss_release_index(const struct pss_facts *f, int64_t release_id)
{
    for (int i = 0; i < f->nreleases; i++)
        if (f->releases[i].id == release_id)
            return i;
    return -1;
}

bool pss_step_offer(struct ctx *c, const struct pss_case *k, const struct pss_facts *f,
                    const char *key, int release, struct pss_offer *o)
{
    const struct pss_step *t = pss_step_find(key);
    return t && pss_may(c, k, t->act, t->kind) &&
           pss_offer(t, f, c->who.roles, k->relations, release, o);
}

enum app_status pss_request_allowed(struct ctx *c)
{
    const struct pss_step *t = pss_step_find("request");
    enum app_status s = app_authorize(c, t->act, t->kind, NULL);
    return s == APP_OK && !workflow_who_may(t->who, c->who.roles, 0) ? APP_FORBIDDEN : s;
}

/* --- each person's tasks --- */

/* One item due on case k as a task of the dashboard's list. */
static void task_of(struct ctx *c, const struct pss_case *k, const struct pss_facts *f,
                    const struct pss_task *pt, struct case_task *out)
{
    const struct pss_due *d = &pt->due;
    const struct pss_step *t = d->step;
    const struct pss_release_facts *x = d->release >= 0 ? &f->releases[d->release] : NULL;
    memcpy(out->t.due.who, d->who, sizeof out->t.due.who);
    memcpy(out->t.due.on, d->since, sizeof out->t.due.on);
    out->t.due.waiting = true;
    out->t.due.instance = x ? (int)x->id : 0;
    out->t.due.what = x ? arena_printf(c->a, "%s: \"%s\" to %s", t->label, x->title, x->recipient)
                        : t->label;
    out->pss_case_id = k->id;
    out->teacher_name = k->member_name;
    out->step = t->key;
    out->rule = t->rule;
    out->who = due_who_words(c, d->who);
    out->link = arena_printf(c->a, "/pss/%" PRId64 "#%s", k->id, t->anchor);
    out->not_yet = guard_words(c, pt->offer.blocked, pt->offer.detail);
    out->not_yet_rule = pt->offer.blocked ? pt->offer.blocked->rule : NULL;
}

#define PSS_DUE_MAX 64

/* Case k's items: the asker's own (mine), or everything due that they may
 * see (R34: a release's items only to those who read the work). */
static enum app_status case_items(struct ctx *c, const struct pss_case *k, bool mine,
                                  struct case_task **out, int *n, int *cap)
{
    struct pss_facts f;
    enum app_status s = pss_case_facts(c, k, &f);
    if (s != APP_OK)
        return s;
    struct pss_task ts[PSS_DUE_MAX];
    int nt = 0;
    if (mine) {
        nt = pss_tasks(&f, c->who.roles, k->relations, ts, PSS_DUE_MAX);
    } else {
        struct pss_due ds[PSS_DUE_MAX];
        int nd = pss_due(&f, ds, PSS_DUE_MAX);
        for (int i = 0; i < nd; i++)
            if (pss_may(c, k, ACT_VIEW, ds[i].step->kind))
                ts[nt++] = (struct pss_task){.due = ds[i]};
    }
    for (int i = 0; i < nt; i++)
        task_of(c, k, &f, &ts[i], case_task_slot(c, out, n, cap));
    return APP_OK;
}

enum app_status pss_case_tasks(struct ctx *c, bool mine, struct case_task **out, int *n,
                               int *cap)
{
    /* The wall: only the federation's own people have peer support cases. */
    if (app_authorize(c, ACT_LIST, KIND_PSS_CASE, NULL) != APP_OK)
        return APP_OK;
    struct pss_case *ks;
    int nk = 0;
    enum app_status s = pss_cases_open(c, &ks, &nk);
    buf seen;
    buf_init(&seen, c->a);
    for (int i = 0; i < nk && s == APP_OK; i++) {
        int before = *n;
        s = case_items(c, &ks[i], mine, out, n, cap);
        if (*n > before)
            buf_printf(&seen, "%s%" PRId64, seen.len ? ", " : "", ks[i].id);
    }
    /* R38: the tasks show whom each case is about: a read of it. */
    if (s != APP_OK || !seen.len || db_in_transaction(c->db))
        return s;
    return audit_append(c, "read", "pss_case", 0, 0,
                        arena_printf(c->a, "Saw peer support cases %s in %s", buf_cstr(&seen),
                                     mine ? "their tasks" : "the deadlines"));
}

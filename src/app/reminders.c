/* reminders.c: the sweep that turns what is due into reminders in people's
 * inboxes. What is due, and from whom, is the process table's; this file
 * only decides when a due item is worth a reminder (the settings) and
 * keeps each one from going twice. */
#include "app/reminders.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "app/case_news.h"
#include "app/notify.h"
#include "app/process.h"
#include "base/clock.h"

#define REMINDER_PEOPLE 32

/* Which kind of reminder the item calls for today, or NULL for none. */
static const char *reminder_kind(struct ctx *c, const struct due *d, const char *today)
{
    if (!*d->on || d->optional)
        return NULL;
    int64_t on, now;
    if (!clock_day_number(d->on, &on) || !clock_day_number(today, &now))
        return NULL;
    if (d->waiting)
        return now - on >= program_setting_int(c, "reminder_wait_days") ? "waiting" : NULL;
    if (d->overdue)
        return "overdue";
    return on - now <= program_setting_int(c, "reminder_days") ? "soon" : NULL;
}

static const char *reminder_words(struct ctx *c, const char *kind, const struct due *d,
                                  const struct case_record *k)
{
    if (!strcmp(kind, "overdue"))
        return arena_printf(c->a, "Overdue since %s: %s (the case of %s).", d->on, d->what,
                            k->teacher_name);
    if (!strcmp(kind, "waiting"))
        return arena_printf(c->a, "Waiting for you since %s: %s (the case of %s).", d->on,
                            d->what, k->teacher_name);
    return arena_printf(c->a, "Due on %s: %s (the case of %s).", d->on, d->what, k->teacher_name);
}

/* The reminder to one person, once: false when it went before. */
static enum app_status remind(struct ctx *c, const struct case_record *k, const struct due *d,
                              const char *kind, int64_t person, int *sent)
{
    int rc = db_exec(c->db,
                     "INSERT INTO reminder (case_id, step, instance, person_id, kind, due_on, "
                     "sent_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                     "isdissi", k->id, d->step->key, d->instance, person, kind, d->on, app_now(c));
    if (rc != DB_OK)
        return app_db_status(rc);
    if (db_changes(c->db) != 1)
        return APP_OK;
    (*sent)++;
    const char *link = arena_printf(c->a, "/cases/%" PRId64 "%s%s", k->id,
                                    *d->step->path ? "/" : "", d->step->path);
    return notify_reminder(c, person, k->id, reminder_words(c, kind, d, k), link);
}

static enum app_status case_reminders(struct ctx *c, const struct case_record *k,
                                      const struct case_facts *f, const char *today, int *sent)
{
    struct due due[64];
    enum app_status s = APP_OK;
    int n = workflow_due(f, due, 64);
    for (int i = 0; i < n && s == APP_OK; i++) {
        const char *kind = reminder_kind(c, &due[i], today);
        for (int w = 0; kind && w < WORKFLOW_MAX_WHO && due[i].who[w] != WHO_END && s == APP_OK;
             w++) {
            int64_t people[REMINDER_PEOPLE];
            int np = case_people(c, k, due[i].who[w], people, REMINDER_PEOPLE);
            for (int p = 0; p < np && s == APP_OK; p++)
                s = remind(c, k, &due[i], kind, people[p], sent);
        }
    }
    return s;
}

/* The facts of every case in progress are read at once, a statement per
 * kind of fact: the sweep runs in one write transaction, and case by case
 * it held the writers back for most of a second on a district of 7,000
 * cases in progress (issue 19). */
enum app_status reminders_send(struct ctx *c, int *sent)
{
    struct case_record *cases;
    int n = 0;
    *sent = 0;
    enum app_status s = cases_in_progress(c, &cases, &n);
    struct case_facts *facts = arena_alloc(c->a, sizeof *facts * (size_t)(n + 1));
    if (s == APP_OK)
        s = case_facts_load_all(c, cases, n, facts);
    const char *today = app_today(c);
    for (int i = 0; i < n && s == APP_OK; i++)
        s = case_reminders(c, &cases[i], &facts[i], today, sent);
    return s;
}

/* digest.c: daily digests and the Consulting Teachers' weekly summaries
 * (see digest.h). */
#include "app/digest.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "app/agenda.h"
#include "app/enrolment.h"
#include "app/outbox.h"
#include "app/process.h"
#include "base/clock.h"

#define DIGEST_ITEMS 50      /* headlines a digest lists; the inbox has them all */
#define SUMMARY_LINES 200
#define ROUND_BATCH 1000     /* people a sweep serves; the rest, the next sweep */

/* Claims the round (person, kind, period): false when it was made before. */
static bool round_claim(struct ctx *c, int64_t person, const char *kind, const char *period,
                        int64_t through, enum app_status *s)
{
    int rc = db_exec(c->db,
                     "INSERT INTO mail_round (person_id, kind, period, through_id) VALUES "
                     "(?, ?, ?, ?) ON CONFLICT DO NOTHING",
                     "issi", person, kind, period, through);
    *s = app_db_status(rc);
    return rc == DB_OK && db_changes(c->db) == 1;
}

/* --- daily digests --- */

static const char *digest_text(struct ctx *c, int64_t person, int64_t after, int64_t through,
                               int *count)
{
    buf b;
    buf_init(&b, c->a);
    buf_puts(&b, "What happened in Parley since your last digest:\n");
    db_stmt *st = db_query(c->db,
                           "SELECT at, headline FROM notification WHERE person_id = ? AND id > ? "
                           "AND id <= ? ORDER BY id LIMIT ?",
                           "iiii", person, after, through, DIGEST_ITEMS);
    *count = 0;
    while (st && db_step(st) == DB_ROW) {
        buf_printf(&b, "\n- %s (%s)", db_text(st, 1), clock_date(c->a, db_int(st, 0)));
        (*count)++;
    }
    db_done(st);
    return buf_cstr(&b);
}

static enum app_status digests_send(struct ctx *c, const char *today, int *sent)
{
    struct pending {
        int64_t person, after, through;
    } *ps = arena_alloc(c->a, sizeof *ps * ROUND_BATCH);
    int n = 0;
    db_stmt *st = db_query(
        c->db,
        "SELECT p.id, COALESCE((SELECT MAX(r.through_id) FROM mail_round r WHERE r.person_id = "
        "p.id AND r.kind = 'digest'), 0) AS after, (SELECT MAX(n.id) FROM notification n WHERE "
        "n.person_id = p.id) FROM person p WHERE p.mail_choice = 'daily' AND p.active = 1",
        "");
    if (!st)
        return APP_ERROR;
    while (n < ROUND_BATCH && db_step(st) == DB_ROW)
        if (db_int(st, 2) > db_int(st, 1))   /* something new */
            ps[n++] = (struct pending){db_int(st, 0), db_int(st, 1), db_int(st, 2)};
    db_done(st);
    enum app_status s = APP_OK;
    for (int i = 0; i < n && s == APP_OK; i++) {
        if (!round_claim(c, ps[i].person, "digest", today, ps[i].through, &s))
            continue;
        int count;
        const char *text = digest_text(c, ps[i].person, ps[i].after, ps[i].through, &count);
        s = outbox_queue(c, &(struct mail){
            .kind = MAIL_DIGEST, .person_id = ps[i].person, .text = text, .link = "/inbox",
            .subject = arena_printf(c->a, "Your Parley digest: %d new", count)});
        *sent += s == APP_OK;
    }
    return s;
}

/* --- the Consulting Teachers' weekly summaries --- */

struct dated {
    char on[11];
    const char *line;
};

static int dated_compare(const void *a, const void *b)
{
    return strcmp(((const struct dated *)a)->on, ((const struct dated *)b)->on);
}

/* The dates of one case that a summary lists: what is due, by whom. */
static int case_lines(struct ctx *c, const struct case_record *k, struct dated *out, int max)
{
    struct case_facts f;
    struct due due[64];
    if (case_facts_load(c, k, &f) != APP_OK)
        return 0;
    int n = workflow_due(&f, due, 64), m = 0;
    for (int i = 0; i < n && m < max; i++) {
        if (!*due[i].on || due[i].optional)
            continue;
        memcpy(out[m].on, due[i].on, sizeof out[m].on);
        out[m++].line = arena_printf(c->a, "%s %s: %s (the case of %s)",
                                     due[i].overdue ? "Overdue since" : due[i].waiting
                                                                       ? "Waiting since"
                                                                       : "Due",
                                     due[i].on, due[i].what, k->teacher_name);
    }
    return m;
}

static enum app_status summary_send(struct ctx *c, int64_t ct, const struct case_record *ks,
                                    int nk, const char *monday, int *sent)
{
    enum app_status s;
    if (!round_claim(c, ct, "summary", monday, 0, &s))
        return s;
    struct dated *lines = arena_alloc(c->a, sizeof *lines * SUMMARY_LINES);
    int n = 0;
    for (int i = 0; i < nk && n < SUMMARY_LINES; i++)
        if (ks[i].ct_id == ct)
            n += case_lines(c, &ks[i], lines + n, SUMMARY_LINES - n);
    qsort(lines, (size_t)n, sizeof *lines, dated_compare);
    buf b;
    buf_init(&b, c->a);
    buf_printf(&b, "Your caseload's dates, week of %s:\n", monday);
    for (int i = 0; i < n; i++)
        buf_printf(&b, "\n- %s", lines[i].line);
    if (!n)
        buf_puts(&b, "\nNothing is due on your cases.");
    s = outbox_queue(c, &(struct mail){
        .kind = MAIL_SUMMARY, .person_id = ct, .text = buf_cstr(&b), .link = "/deadlines",
        .subject = arena_printf(c->a, "Your caseload this week: %d date%s", n, n == 1 ? "" : "s")});
    *sent += s == APP_OK;
    return s;
}

static enum app_status summaries_send(struct ctx *c, const char *today, int *sent)
{
    char monday[11];
    if (!week_monday(today, monday))
        return APP_ERROR;
    struct case_record *ks;
    int nk = 0;
    enum app_status s = cases_in_progress(c, &ks, &nk);
    /* Each CT once, in the order their first case comes. */
    for (int i = 0; i < nk && s == APP_OK; i++) {
        bool first = ks[i].ct_id != 0;
        for (int j = 0; j < i && first; j++)
            first = ks[j].ct_id != ks[i].ct_id;
        if (first)
            s = summary_send(c, ks[i].ct_id, ks, nk, monday, sent);
    }
    return s;
}

enum app_status mail_rounds_send(struct ctx *c, int *digests, int *summaries)
{
    const char *today = app_today(c);
    *digests = *summaries = 0;
    enum app_status s = digests_send(c, today, digests);
    return s != APP_OK ? s : summaries_send(c, today, summaries);
}

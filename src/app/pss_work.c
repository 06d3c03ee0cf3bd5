/* pss_work.c: a peer support consultant's work on a case: the log, the
 * reports, and their releases (R33-R35). */
#include "app/pss_internal.h"

#include <inttypes.h>

#include "base/clock.h"
#include "domain/people.h"

/* --- reading --- */

static enum app_status log_load(struct ctx *c, struct pss_case *k)
{
    db_stmt *st = db_query(c->db,
                           "SELECT l.id, l.created_at, l.kind, l.on_date, l.note, "
                           "COALESCE(p.name, 'command line') FROM pss_log l LEFT JOIN person p "
                           "ON p.id = l.created_by WHERE l.pss_case_id = ? "
                           "ORDER BY l.on_date, l.id LIMIT ?",
                           "id", k->id, WORK_MAX);
    if (!st)
        return APP_ERROR;
    k->log = arena_alloc(c->a, sizeof *k->log * WORK_MAX);
    while (k->nlog < WORK_MAX && db_step(st) == DB_ROW) {
        struct pss_log_entry *e = &k->log[k->nlog++];
        e->id = db_int(st, 0);
        e->created_at = db_int(st, 1);
        if (!pss_log_kind_parse(db_text(st, 2), &e->kind))
            e->kind = PSS_LOG_MEETING;
        e->on_date = db_text_copy(st, 3, c->a);
        e->note = db_text_copy(st, 4, c->a);
        e->author = db_text_copy(st, 5, c->a);
    }
    db_done(st);
    return APP_OK;
}

static enum app_status reports_load(struct ctx *c, struct pss_case *k)
{
    db_stmt *st = db_query(c->db,
                           "SELECT r.id, r.created_at, r.title, r.body, COALESCE(p.name, "
                           "'command line') FROM pss_report r LEFT JOIN person p ON p.id = "
                           "r.created_by WHERE r.pss_case_id = ? ORDER BY r.id LIMIT ?",
                           "id", k->id, WORK_MAX);
    if (!st)
        return APP_ERROR;
    k->reports = arena_alloc(c->a, sizeof *k->reports * WORK_MAX);
    while (k->nreports < WORK_MAX && db_step(st) == DB_ROW) {
        struct pss_report_item *e = &k->reports[k->nreports++];
        e->id = db_int(st, 0);
        e->created_at = db_int(st, 1);
        e->title = db_text_copy(st, 2, c->a);
        e->body = db_text_copy(st, 3, c->a);
        e->author = db_text_copy(st, 4, c->a);
    }
    db_done(st);
    return APP_OK;
}

enum app_status pss_work_load(struct ctx *c, struct pss_case *k)
{
    enum app_status s = log_load(c, k);
    if (s == APP_OK)
        s = reports_load(c, k);
    if (s == APP_OK)
        s = pss_releases_load(c, k);
    k->work_loaded = s == APP_OK;
    return s;
}

/* --- writing --- */

/* Opens the case for step key of its work (not on one release), through
 * the policy table and the process table: R33 first (no work before the
 * district's agreement), R35 for a release's proposal. */
static enum app_status work_open(struct ctx *c, int64_t id, const char *key, struct pss_case *k,
                                 struct pss_facts *f, const char **refusal)
{
    enum app_status s = pss_step_open(c, id, key, k, f, refusal);
    return s == APP_OK ? pss_step_allows(c, k, f, key, -1, NULL, refusal) : s;
}

/* The status the step leads to: the first work makes an agreed case active. */
static enum app_status status_after(struct ctx *c, const struct pss_case *k, const char *key)
{
    enum pss_status to = pss_step_target(pss_step_find(key), k->status);
    if (to == k->status)
        return APP_OK;
    return app_db_status(db_exec(c->db,
                                 "UPDATE pss_case SET status = ?, updated_at = ?, version = "
                                 "version + 1 WHERE id = ? AND program_id = ?",
                                 "siii", pss_status_key(to), app_now(c), k->id,
                                 c->who.program_id));
}

static const char *me(struct ctx *c)
{
    return c->who.person_id ? arena_printf(c->a, "%" PRId64, c->who.person_id) : NULL;
}

enum app_status pss_log_add(struct ctx *c, int64_t id, const char *kind, const char *on_date,
                            const char *note, int64_t *log_id, struct errors *errs,
                            const char **refusal)
{
    struct pss_case k;
    struct pss_facts f;
    enum app_status s = work_open(c, id, "log_work", &k, &f, refusal);
    if (s != APP_OK)
        return s;
    enum pss_log_kind lk;
    int64_t day;
    if (!pss_log_kind_parse(kind, &lk))
        errors_add(errs, "kind", "Choose what the work was: a visit, a meeting, a call or planning.");
    if (!on_date || !clock_day_number(on_date, &day))
        errors_add(errs, "on_date", "Write the day as YYYY-MM-DD, such as 2026-12-01.");
    pss_text_check(errs, "note", note, 8000, true, "Write what was done.");
    if (errs->n)
        return APP_INVALID;
    int rc = db_int_query(c->db, log_id,
                          "INSERT INTO pss_log (pss_case_id, on_date, kind, note, created_by, "
                          "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                          "issssi", id, on_date, pss_log_kind_key(lk), note, me(c), app_now(c));
    if (rc != DB_OK)
        return app_db_status(rc);
    if ((s = status_after(c, &k, "log_work")) != APP_OK)
        return s;
    return pss_record(c, &k, "create", "pss_log", *log_id,
                      arena_printf(c->a, "Peer support case %" PRId64 ": the consultant logged "
                                   "the work of %s", id, on_date), false);
}

enum app_status pss_report_add(struct ctx *c, int64_t id, const char *title, const char *body,
                               int64_t *report_id, struct errors *errs, const char **refusal)
{
    struct pss_case k;
    struct pss_facts f;
    enum app_status s = work_open(c, id, "write_report", &k, &f, refusal);
    if (s != APP_OK)
        return s;
    pss_text_check(errs, "title", title, 200, true, "Give the report a title.");
    pss_text_check(errs, "body", body, 20000, true, "Write the report.");
    if (errs->n)
        return APP_INVALID;
    int rc = db_int_query(c->db, report_id,
                          "INSERT INTO pss_report (pss_case_id, title, body, created_by, "
                          "created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                          "isssi", id, title, body, me(c), app_now(c));
    if (rc != DB_OK)
        return app_db_status(rc);
    if ((s = status_after(c, &k, "write_report")) != APP_OK)
        return s;
    return pss_record(c, &k, "create", "pss_report", *report_id,
                      arena_printf(c->a, "Peer support case %" PRId64 ": the consultant wrote "
                                   "a report (it goes to nobody without a release)", id),
                      true);
}

enum app_status pss_release_propose(struct ctx *c, int64_t id, const char *report_id,
                                    const char *recipient, const char *purpose,
                                    int64_t *release_id, struct errors *errs,
                                    const char **refusal)
{
    struct pss_case k;
    struct pss_facts f;
    enum app_status s = work_open(c, id, "propose_release", &k, &f, refusal);
    if (s != APP_OK)
        return s;
    int64_t report = parse_id(report_id ? report_id : ""), found = 0;
    if (report)
        db_int_query(c->db, &found, "SELECT id FROM pss_report WHERE id = ? AND pss_case_id = ?",
                     "ii", report, id);
    if (!found)
        errors_add(errs, "report_id", "Choose one of this case's reports.");
    pss_text_check(errs, "recipient", recipient, 200, true, "Say who would receive it (R34).");
    purpose = purpose ? purpose : "";
    pss_text_check(errs, "purpose", purpose, 2000, false, "");
    if (errs->n)
        return APP_INVALID;
    int rc = db_int_query(c->db, release_id,
                          "INSERT INTO pss_release (pss_case_id, report_id, recipient, purpose, "
                          "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                          "iisssi", id, report, recipient, purpose, me(c), app_now(c));
    if (rc != DB_OK)
        return app_db_status(rc);
    return pss_record(c, &k, "create", "pss_release", *release_id,
                      arena_printf(c->a, "Peer support case %" PRId64 ": a release of a report "
                                   "to %s was proposed; it needs the member's, the local "
                                   "president's and the consultant's consent", id,
                                   recipient), true);
}

/* One statement per party: the column is never taken from the request. */
static const char *const consent_sql[PSS_PARTY_COUNT] = {
    "UPDATE pss_release SET member_consent_at = ?, version = version + 1 WHERE id = ? AND "
    "member_consent_at = 0 AND status = 'proposed'",
    "UPDATE pss_release SET president_consent_at = ?, version = version + 1 WHERE id = ? AND "
    "president_consent_at = 0 AND status = 'proposed'",
    "UPDATE pss_release SET consultant_consent_at = ?, version = version + 1 WHERE id = ? AND "
    "consultant_consent_at = 0 AND status = 'proposed'",
};

/* Opens the case for step key on the release named in release_id: the
 * policy table, the release, then the process table's guards over it. */
static enum app_status release_open(struct ctx *c, int64_t id, const char *key,
                                    const char *release_id, struct pss_case *k,
                                    struct pss_release_item *x, struct errors *errs,
                                    const char **refusal)
{
    struct pss_facts f;
    enum app_status s = pss_step_open(c, id, key, k, &f, refusal);
    if (s == APP_OK)
        s = pss_release_find(c, id, release_id, x, errs);
    if (s != APP_OK)
        return s;
    return pss_step_allows(c, k, &f, key, pss_release_index(&f, x->id), NULL, refusal);
}

enum app_status pss_release_consent(struct ctx *c, int64_t id, const char *release_id,
                                    struct errors *errs, const char **refusal)
{
    struct pss_case k;
    struct pss_release_item x;
    enum app_status s = release_open(c, id, "consent", release_id, &k, &x, errs, refusal);
    if (s != APP_OK)
        return s;
    enum pss_party party = pss_party_of(k.relations);
    if (party >= PSS_PARTY_COUNT)
        return APP_FORBIDDEN;
    int rc = db_exec(c->db, consent_sql[party], "ii", app_now(c), x.id);
    if (rc != DB_OK)
        return app_db_status(rc);
    if (db_changes(c->db) != 1)
        return APP_CONFLICT;
    return pss_record(c, &k, "approve", "pss_release", x.id,
                      arena_printf(c->a, "Peer support case %" PRId64 ": %s consented to the "
                                   "release of \"%s\" to %s", id,
                                   pss_party_label(party), x.report_title, x.recipient), true);
}

enum app_status pss_release_make(struct ctx *c, int64_t id, const char *release_id,
                                 struct errors *errs, const char **refusal)
{
    struct pss_case k;
    struct pss_release_item x;
    enum app_status s = release_open(c, id, "release", release_id, &k, &x, errs, refusal);
    if (s != APP_OK)
        return s;
    int64_t now = app_now(c);
    int rc = db_exec(c->db,
                     "UPDATE pss_release SET status = 'released', released_at = ?, version = "
                     "version + 1 WHERE id = ? AND status = 'proposed'",
                     "ii", now, x.id);
    if (rc != DB_OK)
        return app_db_status(rc);
    if (db_changes(c->db) != 1)
        return APP_CONFLICT;
    return pss_record(c, &k, "release", "pss_release", x.id,
                      arena_printf(c->a, "Peer support case %" PRId64 ": the consultant released "
                                   "\"%s\" to %s, with the three consents", id,
                                   x.report_title, x.recipient), true);
}

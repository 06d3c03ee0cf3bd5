/* casework.c: the shared steps of the use cases of a case's parts. No
 * rule is decided here: the policy table decides who, the case's state
 * whether the cycle is under way. */
#include "app/casework.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/rubric.h"
#include "base/clock.h"

enum app_status casework_open(struct ctx *c, int64_t case_id, enum action act,
                              enum record_kind kind, struct case_record *k,
                              const char **refusal)
{
    *refusal = NULL;
    enum app_status s = case_load(c, case_id, k);
    return s != APP_OK ? s : casework_check(c, act, kind, k, refusal);
}

enum app_status casework_check(struct ctx *c, enum action act, enum record_kind kind,
                               const struct case_record *k, const char **refusal)
{
    *refusal = NULL;
    enum app_status s = app_authorize(c, act, kind, CASE_POLICY(k));
    if (s != APP_OK) {
        *refusal = policy_refusal(act, kind);
        return s;
    }
    if (act != ACT_VIEW) {
        if (!case_state_open_to(k->state, kind)) {
            *refusal = k->state == CASE_WITHDRAWN
                           ? "This case was withdrawn: its records are kept but no longer change."
                       : k->state == CASE_CYCLE_CLOSED
                           ? "This case's cycle is closed: its records are kept but no longer "
                             "change (R17)."
                           : "The work of the cycle starts once the case is on a Consulting "
                             "Teacher's caseload.";
            return APP_CONFLICT;
        }
        return APP_OK;
    }
    /* R37: the teacher sees who looked at their case's records. A request
     * that changes the case is audited as the change. */
    if (k->relations & POLICY_REL(WHO_CASE_TEACHER) || db_in_transaction(c->db))
        return APP_OK;
    return audit_append(c, "read", policy_part_key(kind), k->id, k->teacher_id,
                        arena_printf(c->a, "Viewed the %s of the case of %s",
                                     policy_kind_label(kind), k->teacher_name));
}

bool casework_may(struct ctx *c, const struct case_record *k, enum action act,
                  enum record_kind kind)
{
    return app_authorize(c, act, kind, CASE_POLICY(k)) == APP_OK;
}

bool casework_may_id(struct ctx *c, int64_t case_id, enum action act, enum record_kind kind)
{
    if (app_authorize(c, act, kind, &(struct policy_record){.known = true}) == APP_OK)
        return true;   /* a role grants it, whatever the case */
    struct case_record k;
    return case_load(c, case_id, &k) == APP_OK && casework_may(c, &k, act, kind);
}

enum app_status casework_record(struct ctx *c, const struct case_record *k, enum record_kind kind,
                                int64_t record_id, const char *what, const char *summary,
                                bool tell)
{
    return casework_record_step(c, k, kind, record_id, what, what, summary, tell);
}

enum app_status casework_record_step(struct ctx *c, const struct case_record *k,
                                     enum record_kind kind, int64_t record_id, const char *what,
                                     const char *words, const char *summary, bool tell)
{
    const char *part = policy_part_key(kind);
    enum app_status s = case_event_part(c, k, part, what, summary);
    if (s != APP_OK ||
        (s = audit_append(c, what, part, record_id, k->teacher_id,
                          arena_printf(c->a, "Case of %s: %s", k->teacher_name, summary))) !=
            APP_OK ||
        !tell)
        return s;
    /* R16: a PA case's records never reach an administrator, nor news of them. */
    static const int par_people[] = {TELL_TEACHER, TELL_CT, TELL_ADMINISTRATOR, 0};
    static const int pa_people[] = {TELL_TEACHER, TELL_CT, 0};
    /* The mail names the part and what happened to it, never its content
     * (603 CMR 35.10): "evaluations: added". */
    return case_tell(c, k, k->relations & POLICY_REL(WHO_CASE_EVALUATOR) || k->track == TRACK_PAR
                               ? par_people
                               : pa_people,
                     summary, arena_printf(c->a, "%s: %s", policy_kind_label(kind), words));
}

/* --- fields --- */

const char *casework_text(struct errors *errs, const char *field, const char *v, size_t max,
                          bool required)
{
    if (!v)
        v = "";
    if (required && !*v) {
        errors_add(errs, field, "This is needed.");
        return NULL;
    }
    if (strlen(v) > max) {
        errors_add(errs, field, max >= 1000 ? "This is too long: keep it under the limit."
                                            : "This is too long.");
        return NULL;
    }
    return v;
}

const char *casework_date(struct errors *errs, const char *field, const char *v)
{
    int y, m, d;
    if (v && clock_parse_date(v, &y, &m, &d))
        return v;
    errors_add(errs, field, "Give a date as YYYY-MM-DD.");
    return NULL;
}

int casework_number(struct errors *errs, const char *field, const char *v, int lo, int hi)
{
    char *end;
    long n = v && *v ? strtol(v, &end, 10) : -1;
    if (v && *v && *end == '\0' && n >= lo && n <= hi)
        return (int)n;
    errors_add(errs, field, "Give a whole number in the range allowed.");
    return -1;
}

const char *casework_time(arena *a, const char *v)
{
    int y, m, d, hh, mm;
    char rest;
    if (!v || strlen(v) != 16 || (v[10] != 'T' && v[10] != ' '))
        return NULL;
    char date[11];
    memcpy(date, v, 10);
    date[10] = '\0';
    if (!clock_parse_date(date, &y, &m, &d) || !isdigit((unsigned char)v[11]) || v[13] != ':' ||
        sscanf(v + 11, "%2d:%2d%c", &hh, &mm, &rest) != 2 || hh > 23 || mm > 59 || hh < 0 ||
        mm < 0)
        return NULL;
    return arena_printf(a, "%s %.5s", date, v + 11);
}

/* --- evidence --- */

bool evidence_ids(struct errors *errs, const char *const *vals, int nvals, int64_t *ids, int *n,
                  int max)
{
    *n = 0;
    for (int i = 0; i < nvals; i++) {
        char *end;
        long long id = strtoll(vals[i], &end, 10);
        if (!*vals[i] || *end || id <= 0 || *n == max) {
            errors_add(errs, "indicators", "Choose indicators of the program's rubric.");
            return false;
        }
        ids[(*n)++] = id;
    }
    return true;
}

enum app_status evidence_set(struct ctx *c, const struct case_record *k, int64_t observation_id,
                             int64_t artifact_id, const int64_t *indicator_ids, int n,
                             struct errors *errs)
{
    for (int i = 0; i < n; i++)
        if (!rubric_indicator_of_program(c, indicator_ids[i], true)) {
            errors_add(errs, "indicators", "Choose indicators of the program's rubric.");
            return APP_INVALID;
        }
    int rc = observation_id
                 ? db_exec(c->db, "DELETE FROM evidence WHERE observation_id = ?", "i",
                           observation_id)
                 : db_exec(c->db, "DELETE FROM evidence WHERE artifact_id = ?", "i", artifact_id);
    for (int i = 0; i < n && rc >= 0; i++)
        rc = db_exec(c->db,
                     "INSERT INTO evidence (case_id, indicator_id, observation_id, artifact_id, "
                     "created_by, created_at) VALUES (?, ?, NULLIF(?, 0), NULLIF(?, 0), "
                     "NULLIF(?, 0), ?)",
                     "iiiiii", k->id, indicator_ids[i], observation_id, artifact_id,
                     c->who.person_id, app_now(c));
    return app_db_status(rc);
}

enum app_status evidence_of(struct ctx *c, int64_t observation_id, int64_t artifact_id,
                            struct evidence_tag **out, int *n)
{
    /* Ids start at 1, so the other id, 0, matches nothing. */
    int64_t total = 0;
    if (db_int_query(c->db, &total,
                     "SELECT COUNT(*) FROM evidence WHERE observation_id = ? OR artifact_id = ?",
                     "ii", observation_id, artifact_id) != DB_OK)
        return APP_ERROR;
    db_stmt *st = db_query(c->db,
                           "SELECT i.id, i.code, i.title FROM evidence e JOIN rubric_indicator i "
                           "ON i.id = e.indicator_id WHERE e.observation_id = ? OR "
                           "e.artifact_id = ? ORDER BY i.code",
                           "ii", observation_id, artifact_id);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)(total + 1));
    *n = 0;
    while (db_step(st) == DB_ROW && *n <= total) {
        struct evidence_tag *t = &(*out)[(*n)++];
        t->indicator_id = db_int(st, 0);
        t->code = db_text_copy(st, 1, c->a);
        t->title = db_text_copy(st, 2, c->a);
    }
    db_done(st);
    return APP_OK;
}

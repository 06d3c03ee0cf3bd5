/* approval.c: the Panel's decisions on a case and the Superintendent's
 * answer (R25). The Panel's part (sessions, votes) writes panel_decision
 * rows when a vote closes; here they are read, and approved, which makes
 * the rating final, or returned with a reason, after which the Panel
 * decides again at a later session (a new row). */
#include "app/recommendation.h"

#include <string.h>

#include "base/clock.h"
#include "domain/outcome.h"
#include "domain/track_record.h"

#define REASON_MAX 4000

#define DECISION_COLUMNS                                                                           \
    "SELECT d.id, d.case_id, d.session_id, d.rating, d.tally, d.decided_at, d.approval, "          \
    "d.approval_reason, d.approved_at, d.version, COALESCE(a.name, ''), s.held_on, t.name "        \
    "FROM panel_decision d JOIN panel_session s ON s.id = d.session_id "                           \
    "JOIN teacher_case k ON k.id = d.case_id JOIN person t ON t.id = k.teacher_id "                \
    "LEFT JOIN person a ON a.id = d.approved_by "

static void decision_from_row(struct ctx *c, db_stmt *st, struct decision *d)
{
    memset(d, 0, sizeof *d);
    d->id = db_int(st, 0);
    d->case_id = db_int(st, 1);
    d->session_id = db_int(st, 2);
    if (!rating_parse(db_text(st, 3), &d->rating))
        d->rating = RATING_NONE;
    d->tally = db_text_copy(st, 4, c->a);
    d->decided_at = db_int(st, 5);
    if (!approval_parse(db_text(st, 6), &d->approval))
        d->approval = APPROVAL_PENDING;
    d->approval_reason = db_text_copy(st, 7, c->a);
    d->approved_at = db_int(st, 8);
    d->version = db_int(st, 9);
    d->approved_by = db_text_copy(st, 10, c->a);
    d->held_on = db_text_copy(st, 11, c->a);
    d->teacher_name = db_text_copy(st, 12, c->a);
}

/* Rows of DECISION_COLUMNS + where (one id parameter: a case, a decision,
 * or the program), counted by count_sql with the same parameter. */
static enum app_status decisions_load(struct ctx *c, const char *count_sql, const char *where,
                                      int64_t param, struct decision **out, int *n)
{
    int64_t total = 0;
    if (db_int_query(c->db, &total, count_sql, "i", param) != DB_OK)
        return APP_ERROR;
    db_stmt *st = db_query(c->db, arena_printf(c->a, "%s%s", DECISION_COLUMNS, where), "i", param);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)(total + 1));
    *n = 0;
    while (db_step(st) == DB_ROW && *n <= total)
        decision_from_row(c, st, &(*out)[(*n)++]);
    db_done(st);
    return APP_OK;
}

static enum app_status case_decisions(struct ctx *c, int64_t case_id, struct decision **out, int *n)
{
    return decisions_load(c, "SELECT COUNT(*) FROM panel_decision WHERE case_id = ?",
                          "WHERE d.case_id = ? ORDER BY d.decided_at DESC, d.id DESC", case_id, out,
                          n);
}

enum app_status decisions_list(struct ctx *c, int64_t case_id, struct case_record *k,
                               struct decision **out, int *n, const char **refusal)
{
    enum app_status s = casework_open(c, case_id, ACT_VIEW, KIND_DECISION, k, refusal);
    return s != APP_OK ? s : case_decisions(c, case_id, out, n);
}

bool decision_latest(struct ctx *c, int64_t case_id, struct decision *out)
{
    struct decision *all;
    int n = 0;
    if (case_decisions(c, case_id, &all, &n) != APP_OK || !n)
        return false;
    *out = all[0];
    return true;
}

enum app_status decisions_awaiting(struct ctx *c, struct decision **out, int *n)
{
    enum app_status s = app_authorize(c, ACT_LIST, KIND_DECISION, NULL);
    if (s == APP_OK)
        s = decisions_load(c,
                           "SELECT COUNT(*) FROM panel_decision d JOIN teacher_case k ON k.id = "
                           "d.case_id WHERE d.approval = 'pending' AND k.program_id = ?",
                           "WHERE d.approval = 'pending' AND k.program_id = ? "
                           "ORDER BY d.decided_at, d.id",
                           c->who.program_id, out, n);
    /* R24, R29: only the decisions the asker may read: none of a case a
     * member recused from, none to a member whose term has ended. */
    int kept = 0;
    for (int i = 0; s == APP_OK && i < *n; i++)
        if (casework_may_id(c, (*out)[i].case_id, ACT_VIEW, KIND_DECISION))
            (*out)[kept++] = (*out)[i];
    if (s == APP_OK)
        *n = kept;
    return s;
}

static enum app_status decision_find(struct ctx *c, int64_t case_id, int64_t decision_id,
                                     struct decision *d)
{
    struct decision *found;
    int n = 0;
    enum app_status s = decisions_load(c, "SELECT COUNT(*) FROM panel_decision WHERE id = ?",
                                       "WHERE d.id = ?", decision_id, &found, &n);
    if (s == APP_OK && (n != 1 || found[0].case_id != case_id))
        return APP_NOT_FOUND;
    if (s == APP_OK)
        *d = found[0];
    return s;
}

enum app_status decision_case_open(struct ctx *c, int64_t case_id, int64_t decision_id,
                                   struct case_record *k, const char **refusal)
{
    /* R25: ACT_APPROVE is WHO_CASE_APPROVER's alone (the policy table). */
    enum app_status s = casework_open(c, case_id, ACT_APPROVE, KIND_DECISION, k, refusal);
    struct decision d;
    /* Whoever reads the decision (the coordinator, say) is told plainly
     * why they may not answer it, rather than that it does not exist. */
    if (s == APP_NOT_FOUND && *refusal && casework_may(c, k, ACT_VIEW, KIND_DECISION) &&
        decision_find(c, case_id, decision_id, &d) == APP_OK)
        return APP_FORBIDDEN;
    return s;
}

/* The decision of the case, opened for the Superintendent's answer at the
 * version the answer is based on (0: the current one). */
static enum app_status decision_open(struct ctx *c, int64_t case_id, int64_t decision_id,
                                     int64_t version, struct case_record *k, struct decision *d,
                                     const char **refusal)
{
    enum app_status s = decision_case_open(c, case_id, decision_id, k, refusal);
    if (s != APP_OK || (s = decision_find(c, case_id, decision_id, d)) != APP_OK)
        return s;
    if ((*refusal = approval_step_refusal(d->approval)))
        return APP_CONFLICT;
    return version && version != d->version ? APP_CONFLICT : APP_OK;
}

enum app_status decision_answer(struct ctx *c, int64_t case_id, int64_t decision_id,
                                int64_t version, const char *approval, const char *reason,
                                struct errors *errs, const char **refusal)
{
    struct case_record k;
    struct decision d;
    enum app_status s = decision_open(c, case_id, decision_id, version, &k, &d, refusal);
    if (s != APP_OK)
        return s;
    enum approval answer = APPROVAL_PENDING;
    if (!approval_parse(approval, &answer))
        answer = APPROVAL_PENDING;
    if (!approval_answer_check(answer, reason, errs) ||
        (answer == APPROVAL_RETURNED && !casework_text(errs, "reason", reason, REASON_MAX, true)))
        return APP_INVALID;
    bool approve = answer == APPROVAL_APPROVED;
    int64_t now = app_now(c);
    int rc = db_exec(c->db,
                     "UPDATE panel_decision SET approval = ?, approval_reason = ?, "
                     "approved_by = ?, approved_at = ?, version = version + 1 WHERE id = ? AND "
                     "version = ? AND approval = 'pending'",
                     "ssiiii", approval_key(answer), approve ? "" : reason, c->who.person_id, now,
                     d.id, d.version);
    if (rc != DB_OK)
        return app_db_status(rc);
    if (db_changes(c->db) != 1)
        return APP_CONFLICT;
    const char *title = program_setting(c, "superintendent_title");
    const char *summary =
        approve ? arena_printf(c->a, "The %s approved the Panel's rating: %s is final", title,
                               rating_label(d.rating))
                : arena_printf(c->a,
                               "The %s returned the Panel's rating of %s to the Panel, which "
                               "decides again: %s",
                               title, rating_label(d.rating), reason);
    s = casework_record(c, &k, KIND_DECISION, d.id, approve ? "approved" : "returned", summary,
                        false);
    /* R25: everyone on the case is told; a return, the coordinator too,
     * who puts the case on a later session's docket. */
    static const int everyone[] = {TELL_TEACHER, TELL_CT, TELL_ADMINISTRATOR, TELL_UNION_REP, 0};
    static const int returned[] = {TELL_TEACHER,   TELL_CT,          TELL_ADMINISTRATOR,
                                   TELL_UNION_REP, TELL_COORDINATOR, 0};
    const char *headline =
        arena_printf(c->a, approve ? "the %s approved the Panel's decision"
                                   : "the %s returned the Panel's decision to the Panel", title);
    return s != APP_OK ? s : case_tell(c, &k, approve ? everyone : returned, summary, headline);
}

/* --- the final ratings, back to the district --- */

/* R39's school year: the one the cycle's last day is in; a case without
 * one, the approval's. */
static int final_rating_year(const char *cycle_end, const char *approved_on)
{
    int year = 0;
    if (!school_year_of_date(cycle_end, &year))
        school_year_of_date(approved_on, &year);
    return year;
}

static void final_rating_row(struct ctx *c, db_stmt *st, struct final_rating *f)
{
    *f = (struct final_rating){
        .decision_id = db_int(st, 0), .case_id = db_int(st, 1), .teacher_id = db_int(st, 2),
        .teacher = db_text_copy(st, 3, c->a), .email = db_text_copy(st, 4, c->a),
        .employee_id = db_text_copy(st, 5, c->a), .approved_on = clock_date(c->a, db_int(st, 7))};
    if (!rating_parse(db_text(st, 6), &f->rating))
        f->rating = RATING_NONE;
    f->school_year = final_rating_year(db_text(st, 8), f->approved_on);
}

enum app_status final_ratings_list(struct ctx *c, struct final_rating **out, int *n)
{
    enum app_status s = app_authorize(c, ACT_LIST, KIND_FINAL_RATING, NULL);
    int cap = 0;
    *out = NULL;
    *n = 0;
    if (s != APP_OK)
        return s;
    /* R25: only an approved rating is final. */
    db_stmt *st = db_query(c->db,
                           "SELECT d.id, d.case_id, t.id, t.name, t.email, t.employee_id, "
                           "d.rating, d.approved_at, k.cycle_end FROM panel_decision d "
                           "JOIN teacher_case k ON k.id = d.case_id "
                           "JOIN person t ON t.id = k.teacher_id "
                           "WHERE k.program_id = ? AND d.approval = 'approved' "
                           "ORDER BY d.approved_at, d.id",
                           "i", c->who.program_id);
    if (!st)
        return APP_ERROR;
    while (db_step(st) == DB_ROW) {
        *out = arena_grow(c->a, *out, *n, &cap, sizeof **out);
        final_rating_row(c, st, &(*out)[(*n)++]);
    }
    db_done(st);
    /* The reads are audited all together or, failing that, the ratings
     * are not given: a reading request has no transaction of its own. */
    bool own = !db_in_transaction(c->db);
    if (own && db_begin(c->db) != DB_OK)
        return APP_BUSY;
    char year[16];
    for (int i = 0; s == APP_OK && i < *n; i++) {
        const struct final_rating *f = &(*out)[i];
        s = audit_append(c, "read", "decision", f->decision_id, f->teacher_id,
                         arena_printf(c->a, "Sent the district the final rating of %s: %s, %s",
                                      f->teacher, rating_label(f->rating),
                                      school_year_label(f->school_year, year, sizeof year)));
    }
    if (own && (s != APP_OK || db_commit(c->db) != DB_OK)) {
        db_rollback(c->db);
        return s != APP_OK ? s : APP_ERROR;
    }
    return s;
}

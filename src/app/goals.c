/* goals.c: a case's goals (R14, R19). Each use case opens the case through
 * casework_open() (the policy table: who may see, add, revise or approve a
 * case's goals; R16 keeps a PA case's from its administrator), checks the
 * goal's step against domain/goal.h, checks the input, writes, and records
 * the change on the timeline and in the audit log, telling whom it
 * concerns: the CT when a goal is proposed, the teacher when it is approved
 * or returned. */
#include "app/goals.h"

#include <inttypes.h>
#include <string.h>

#include "base/clock.h"
#include "domain/cycle.h"
#include "domain/people.h"

#define REASON_MAX 2000

static const char *id_text(struct ctx *c, int64_t id)
{
    return id ? arena_printf(c->a, "%" PRId64, id) : "";
}

/* --- loading --- */

#define GOAL_COLUMNS                                                                               \
    "SELECT g.id, g.case_id, g.kind, g.title, g.specific, g.measure, g.actions, g.due_on, "        \
    "COALESCE(g.indicator_id, 0), COALESCE(g.bank_id, 0), g.status, g.status_note, "               \
    "g.approved_at, g.created_at, g.updated_at, g.version, COALESCE(i.code, ''), "                 \
    "COALESCE(i.title, ''), COALESCE(a.name, ''), COALESCE(p.name, '') FROM goal g "               \
    "LEFT JOIN rubric_indicator i ON i.id = g.indicator_id "                                       \
    "LEFT JOIN person a ON a.id = g.approved_by LEFT JOIN person p ON p.id = g.created_by "

static void goal_from_row(struct ctx *c, db_stmt *st, struct goal *g)
{
    memset(g, 0, sizeof *g);
    g->id = db_int(st, 0);
    g->case_id = db_int(st, 1);
    if (!goal_kind_parse(db_text(st, 2), &g->kind))
        g->kind = GOAL_PRACTICE;
    g->title = db_text_copy(st, 3, c->a);
    g->specific = db_text_copy(st, 4, c->a);
    g->measure = db_text_copy(st, 5, c->a);
    g->actions = db_text_copy(st, 6, c->a);
    g->due_on = db_text_copy(st, 7, c->a);
    g->indicator_id = db_int(st, 8);
    g->bank_id = db_int(st, 9);
    if (!goal_status_parse(db_text(st, 10), &g->status))
        g->status = GOAL_DRAFT;
    g->status_note = db_text_copy(st, 11, c->a);
    g->approved_at = db_int(st, 12);
    g->created_at = db_int(st, 13);
    g->updated_at = db_int(st, 14);
    g->version = db_int(st, 15);
    g->indicator_code = db_text_copy(st, 16, c->a);
    g->indicator_title = db_text_copy(st, 17, c->a);
    g->approved_by = db_text_copy(st, 18, c->a);
    g->created_by = db_text_copy(st, 19, c->a);
}

/* The case's goals (goal_id 0) or one of them. */
static enum app_status goals_load(struct ctx *c, int64_t case_id, int64_t goal_id,
                                  struct goal **out, int *n)
{
    int64_t total = 0;
    if (db_int_query(c->db, &total, "SELECT COUNT(*) FROM goal WHERE case_id = ?", "i", case_id) !=
        DB_OK)
        return APP_ERROR;
    db_stmt *st = db_query(c->db,
                           GOAL_COLUMNS "WHERE g.case_id = ? AND (? = 0 OR g.id = ?) "
                                        "ORDER BY g.kind, g.id",
                           "iii", case_id, goal_id, goal_id);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)(total + 1));
    *n = 0;
    while (db_step(st) == DB_ROW && *n <= total)
        goal_from_row(c, st, &(*out)[(*n)++]);
    db_done(st);
    return APP_OK;
}

static enum app_status goal_load(struct ctx *c, int64_t case_id, int64_t goal_id, struct goal *g)
{
    struct goal *found;
    int n = 0;
    enum app_status s = goal_id ? goals_load(c, case_id, goal_id, &found, &n) : APP_OK;
    if (s == APP_OK && n == 1)
        *g = found[0];
    return s != APP_OK ? s : n == 1 ? APP_OK : APP_NOT_FOUND;
}

enum app_status goals_status(struct ctx *c, int64_t case_id, int *approved_practice,
                             int *approved_learning, int *proposed)
{
    *approved_practice = *approved_learning = *proposed = 0;
    db_stmt *st = db_query(c->db,
                           "SELECT kind, status, COUNT(*) FROM goal WHERE case_id = ? "
                           "GROUP BY kind, status",
                           "i", case_id);
    if (!st)
        return APP_ERROR;
    while (db_step(st) == DB_ROW) {
        enum goal_kind kind;
        enum goal_status status;
        int count = (int)db_int(st, 2);
        if (!goal_kind_parse(db_text(st, 0), &kind) || !goal_status_parse(db_text(st, 1), &status))
            continue;
        if (status == GOAL_PROPOSED)
            *proposed += count;
        else if (status == GOAL_APPROVED && kind == GOAL_PRACTICE)
            *approved_practice += count;
        else if (status == GOAL_APPROVED)
            *approved_learning += count;
    }
    db_done(st);
    return APP_OK;
}

bool goals_due(struct ctx *c, const struct case_record *k, char out[11])
{
    int64_t at = 0;
    if (!*k->cycle_start)
        db_int_query(c->db, &at,
                     "SELECT COALESCE(MIN(at), 0) FROM case_event WHERE case_id = ? AND "
                     "to_state = 'on_caseload' AND from_state <> 'on_caseload'",
                     "i", k->id);
    return case_goals_due_on(k->cycle_start, at ? clock_date(c->a, at) : "",
                             program_setting_int(c, "goals_due_days"), out);
}

enum app_status goals_list(struct ctx *c, int64_t case_id, struct case_record *k, struct goal **out,
                           int *n, struct goals_summary *sum, const char **refusal)
{
    enum app_status s = casework_open(c, case_id, ACT_VIEW, KIND_GOAL, k, refusal);
    if (s != APP_OK || (s = goals_load(c, case_id, 0, out, n)) != APP_OK || !sum)
        return s;
    memset(sum, 0, sizeof *sum);
    s = goals_status(c, case_id, &sum->approved_practice, &sum->approved_learning, &sum->proposed);
    sum->total = *n;
    sum->met = goals_meet_r19(sum->approved_practice, sum->approved_learning);
    goals_due(c, k, sum->due_on);
    return s;
}

enum app_status goal_get(struct ctx *c, int64_t case_id, int64_t goal_id, enum action act,
                         struct case_record *k, struct goal *out, const char **refusal)
{
    enum app_status s = casework_open(c, case_id, act, KIND_GOAL, k, refusal);
    return s != APP_OK ? s : goal_load(c, case_id, goal_id, out);
}

/* --- writing --- */

/* The date, real and (when the cycle has dates) within the cycle. */
static const char *due_check(const struct case_record *k, const char *due, struct errors *errs)
{
    if (!due || !*due) {
        errors_add(errs, "due_on", "Give the date the goal is to be met by, as YYYY-MM-DD.");
        return NULL;
    }
    if (!casework_date(errs, "due_on", due))
        return NULL;
    if (*k->cycle_start && *k->cycle_end &&
        (strcmp(due, k->cycle_start) < 0 || strcmp(due, k->cycle_end) > 0)) {
        errors_add(errs, "due_on",
                   "Set a date within the cycle: from the cycle's start to its "
                   "end (see the case's dates).");
        return NULL;
    }
    return due;
}

/* status may ask to propose the goal once written; nothing else. */
static bool status_check(const char *status, bool *propose, struct errors *errs)
{
    *propose = status && strcmp(status, "proposed") == 0;
    if (!status || !*status || *propose || strcmp(status, "draft") == 0)
        return true;
    errors_add(errs, "status",
               "A goal's status can be set to proposed here; its Consulting "
               "Teacher approves or returns it (R14).");
    return false;
}

static enum app_status propose_write(struct ctx *c, const struct case_record *k, int64_t id,
                                     const char *title)
{
    int rc = db_exec(c->db,
                     "UPDATE goal SET status = 'proposed', status_note = '', updated_at = ?, "
                     "version = version + 1 WHERE id = ?",
                     "ii", app_now(c), id);
    const char *summary = arena_printf(c->a, "Proposed the goal \"%s\" for approval", title);
    enum app_status s = app_db_status(rc);
    if (s == APP_OK)
        s = casework_record(c, k, KIND_GOAL, id, "proposed", summary, false);
    /* The case's CT decides on it (R14). */
    return s != APP_OK ? s
                       : case_tell(c, k, (const int[]){TELL_CT, 0}, summary,
                                   "the teacher proposed a goal for your approval");
}

/* Starting from a bank goal: what is not sent is the bank goal's. */
static bool from_bank(struct ctx *c, const struct goal_input *in, struct goal_input *v,
                      int64_t *bank_id, struct errors *errs)
{
    *v = *in;
    *bank_id = 0;
    if (!in->bank_id || !*in->bank_id)
        return true;
    struct bank_goal b;
    if (goal_bank_get(c, parse_id(in->bank_id), &b) != APP_OK || b.retired) {
        errors_add(errs, "bank_id", "Choose a goal of the goals bank that is in use.");
        return false;
    }
    *bank_id = b.id;
    *v = goal_input_over(in, &(struct goal_input){.kind = goal_kind_key(b.kind),
                                                  .title = b.title,
                                                  .specific = b.specific,
                                                  .measure = b.measure,
                                                  .actions = b.actions,
                                                  .indicator_id = id_text(c, b.indicator_id)});
    return true;
}

enum app_status goal_create(struct ctx *c, int64_t case_id, const struct goal_input *in,
                            int64_t *id, struct errors *errs, const char **refusal)
{
    struct case_record k;
    enum app_status s = casework_open(c, case_id, ACT_CREATE, KIND_GOAL, &k, refusal);
    if (s != APP_OK)
        return s;
    struct goal_input v;
    struct goal_fields f;
    int64_t bank_id;
    bool propose;
    if (from_bank(c, in, &v, &bank_id, errs))
        goal_fields_check(c, &v, 0, &f, errs);
    const char *due = due_check(&k, v.due_on, errs);
    if (!status_check(in->status, &propose, errs) || errs->n)
        return APP_INVALID;
    int64_t now = app_now(c);
    int rc =
        db_int_query(c->db, id,
                     "INSERT INTO goal (case_id, kind, title, specific, measure, actions, "
                     "due_on, indicator_id, bank_id, created_by, created_at, updated_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), "
                     "?, ?) RETURNING id",
                     "issssssiiiii", case_id, goal_kind_key(f.kind), f.title, f.specific, f.measure,
                     f.actions, due, f.indicator_id, bank_id, c->who.person_id, now, now);
    if (rc != DB_OK)
        return app_db_status(rc == DB_DONE ? DB_ERROR : rc);
    s = casework_record(
        c, &k, KIND_GOAL, *id, "added",
        arena_printf(c->a, "Added a %s goal: %s",
                     f.kind == GOAL_PRACTICE ? "professional-practice" : "student-learning",
                     f.title),
        false);
    return s == APP_OK && propose ? propose_write(c, &k, *id, f.title) : s;
}

/* Opens the case for act and loads the goal at the version the change is
 * based on (0: the current one). */
static enum app_status goal_open(struct ctx *c, int64_t case_id, int64_t goal_id, int64_t version,
                                 enum action act, struct case_record *k, struct goal *g,
                                 const char **refusal)
{
    enum app_status s = goal_get(c, case_id, goal_id, act, k, g, refusal);
    return s == APP_OK && version && version != g->version ? APP_CONFLICT : s;
}

static enum app_status revise(struct ctx *c, const struct case_record *k, const struct goal *old,
                              const struct goal_input *in, struct errors *errs)
{
    struct goal_input v =
        goal_input_over(in, &(struct goal_input){.kind = goal_kind_key(old->kind),
                                                 .title = old->title,
                                                 .specific = old->specific,
                                                 .measure = old->measure,
                                                 .actions = old->actions,
                                                 .due_on = old->due_on,
                                                 .indicator_id = id_text(c, old->indicator_id)});
    struct goal_fields f;
    goal_fields_check(c, &v, old->indicator_id, &f, errs);
    const char *due = due_check(k, v.due_on, errs);
    if (errs->n)
        return APP_INVALID;
    int rc = db_exec(c->db,
                     "UPDATE goal SET kind = ?, title = ?, specific = ?, measure = ?, actions = ?, "
                     "due_on = ?, indicator_id = NULLIF(?, 0), updated_at = ?, "
                     "version = version + 1 WHERE id = ? AND version = ?",
                     "ssssssiiii", goal_kind_key(f.kind), f.title, f.specific, f.measure, f.actions,
                     due, f.indicator_id, app_now(c), old->id, old->version);
    if (rc != DB_OK)
        return app_db_status(rc);
    if (db_changes(c->db) != 1)
        return APP_CONFLICT;
    return casework_record(c, k, KIND_GOAL, old->id, "revised",
                           arena_printf(c->a, "Revised the goal \"%s\"", f.title), false);
}

enum app_status goal_update(struct ctx *c, int64_t case_id, int64_t goal_id, int64_t version,
                            const struct goal_input *in, struct errors *errs, const char **refusal)
{
    struct case_record k;
    struct goal old;
    bool propose;
    enum app_status s = goal_open(c, case_id, goal_id, version, ACT_EDIT, &k, &old, refusal);
    if (s != APP_OK)
        return s;
    if (!goal_editable(old.status) ||
        (in->status && *in->status && !goal_input_given(in) && !goal_may_propose(old.status))) {
        *refusal = goal_step_refusal(old.status);
        return APP_CONFLICT;
    }
    if (in->bank_id)
        errors_add(errs, "bank_id",
                   "A goal's starting point stays as it was; to start from "
                   "another bank goal, add a new goal.");
    if (!status_check(in->status, &propose, errs) || errs->n)
        return APP_INVALID;
    if (goal_input_given(in) && (s = revise(c, &k, &old, in, errs)) != APP_OK)
        return s;
    if (!propose || old.status == GOAL_PROPOSED)
        return APP_OK;
    return propose_write(c, &k, goal_id, in->title ? in->title : old.title);
}

enum app_status goal_propose(struct ctx *c, int64_t case_id, int64_t goal_id, int64_t version,
                             const char **refusal)
{
    struct case_record k;
    struct goal g;
    enum app_status s = goal_open(c, case_id, goal_id, version, ACT_EDIT, &k, &g, refusal);
    if (s != APP_OK)
        return s;
    if (!goal_may_propose(g.status)) {
        *refusal = goal_step_refusal(g.status);
        return APP_CONFLICT;
    }
    return propose_write(c, &k, goal_id, g.title);
}

enum app_status goal_decide(struct ctx *c, int64_t case_id, int64_t goal_id, int64_t version,
                            bool approve, const char *reason, struct errors *errs,
                            const char **refusal)
{
    struct case_record k;
    struct goal g;
    /* R14: ACT_APPROVE is the case's CT's alone (the policy table). */
    enum app_status s = goal_open(c, case_id, goal_id, version, ACT_APPROVE, &k, &g, refusal);
    if (s != APP_OK)
        return s;
    if (!goal_may_decide(g.status)) {
        *refusal = goal_step_refusal(g.status);
        return APP_CONFLICT;
    }
    if (!approve && (!reason || !*reason)) {
        errors_add(errs, "reason",
                   "Say why the goal goes back: the teacher reads it to revise "
                   "the goal.");
        return APP_INVALID;
    }
    if (!approve && !(reason = casework_text(errs, "reason", reason, REASON_MAX, true)))
        return APP_INVALID;
    int64_t now = app_now(c);
    int rc = db_exec(c->db,
                     "UPDATE goal SET status = ?, status_note = ?, approved_by = NULLIF(?, 0), "
                     "approved_at = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                     "ssiiii", approve ? "approved" : "returned", approve ? "" : reason,
                     approve ? c->who.person_id : 0, approve ? now : 0, now, goal_id);
    if (rc != DB_OK)
        return app_db_status(rc);
    const char *summary =
        approve ? arena_printf(c->a, "Approved the goal \"%s\"", g.title)
                : arena_printf(c->a, "Returned the goal \"%s\" for revision: %s", g.title, reason);
    s = casework_record(c, &k, KIND_GOAL, goal_id, approve ? "approved" : "returned", summary,
                        false);
    return s != APP_OK ? s
                       : case_tell(c, &k, (const int[]){TELL_TEACHER, 0}, summary,
                                   approve ? "your Consulting Teacher approved a goal"
                                           : "your Consulting Teacher returned a goal for "
                                             "revision");
}

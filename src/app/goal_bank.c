/* goal_bank.c: the goals bank the coordinator keeps (KIND_GOAL_BANK, R19):
 * goals a teacher and their Consulting Teacher start from. A bank goal is
 * retired rather than removed: goals started from it keep their link.
 * The SMART fields a bank goal and a case's goal share are checked here,
 * for both (goals.c starts a goal from a bank goal). */
#include <inttypes.h>
#include <string.h>

#include "app/goals.h"
#include "app/rubric_edit.h"

#define TITLE_MAX 200
#define TEXT_MAX 2000
#define ACTIONS_MAX 4000

/* --- the SMART fields (goals and the bank's goals alike) --- */

bool goal_fields_check(struct ctx *c, const struct goal_input *in, int64_t keep,
                       struct goal_fields *out, struct errors *errs)
{
    if (!goal_kind_parse(in->kind, &out->kind))
        errors_add(errs, "kind",
                   "Choose the kind of goal: professional practice or student "
                   "learning.");
    out->title = casework_text(errs, "title", in->title, TITLE_MAX, true);
    out->specific = casework_text(errs, "specific", in->specific, TEXT_MAX, true);
    out->measure = casework_text(errs, "measure", in->measure, TEXT_MAX, true);
    out->actions = casework_text(errs, "actions", in->actions, ACTIONS_MAX, false);
    out->indicator_id = in->indicator_id && *in->indicator_id ? parse_id(in->indicator_id) : 0;
    /* A goal keeps the indicator it has although it was retired since. */
    if (in->indicator_id && *in->indicator_id &&
        (!out->indicator_id ||
         (out->indicator_id != keep && !rubric_indicator_of_program(c, out->indicator_id, false))))
        errors_add(errs, "indicator_id", "Choose an indicator of the program's rubric, or none.");
    return errs->n == 0;
}

struct goal_input goal_input_over(const struct goal_input *in, const struct goal_input *base)
{
#define OVER(f) (in->f ? in->f : base->f)
    return (struct goal_input){OVER(kind),         OVER(title),   OVER(specific),
                               OVER(measure),      OVER(actions), OVER(due_on),
                               OVER(indicator_id), OVER(bank_id), OVER(status)};
#undef OVER
}

bool goal_input_given(const struct goal_input *in)
{
    return in->kind || in->title || in->specific || in->measure || in->actions || in->due_on ||
           in->indicator_id;
}

/* --- the bank --- */

#define BANK_COLUMNS                                                                               \
    "SELECT b.id, b.kind, b.title, b.specific, b.measure, b.actions, "                             \
    "COALESCE(b.indicator_id, 0), b.retired, b.created_at, b.updated_at, b.version, "              \
    "COALESCE(i.code, ''), COALESCE(i.title, '') FROM goal_bank b "                                \
    "LEFT JOIN rubric_indicator i ON i.id = b.indicator_id "

static void bank_from_row(struct ctx *c, db_stmt *st, struct bank_goal *b)
{
    memset(b, 0, sizeof *b);
    b->id = db_int(st, 0);
    if (!goal_kind_parse(db_text(st, 1), &b->kind))
        b->kind = GOAL_PRACTICE;
    b->title = db_text_copy(st, 2, c->a);
    b->specific = db_text_copy(st, 3, c->a);
    b->measure = db_text_copy(st, 4, c->a);
    b->actions = db_text_copy(st, 5, c->a);
    b->indicator_id = db_int(st, 6);
    b->retired = db_int(st, 7) != 0;
    b->created_at = db_int(st, 8);
    b->updated_at = db_int(st, 9);
    b->version = db_int(st, 10);
    b->indicator_code = db_text_copy(st, 11, c->a);
    b->indicator_title = db_text_copy(st, 12, c->a);
}

bool goal_bank_keeper(struct ctx *c)
{
    return app_authorize(c, ACT_EDIT, KIND_GOAL_BANK, NULL) == APP_OK;
}

/* The bank's goals (id 0) or one; retired ones for its keeper only. */
static enum app_status bank_load(struct ctx *c, int64_t id, struct bank_goal **out, int *n)
{
    int64_t total = 0, keeper = goal_bank_keeper(c);
    if (db_int_query(c->db, &total, "SELECT COUNT(*) FROM goal_bank WHERE program_id = ?", "i",
                     c->who.program_id) != DB_OK)
        return APP_ERROR;
    db_stmt *st = db_query(c->db,
                           BANK_COLUMNS "WHERE b.program_id = ? AND (? = 0 OR b.id = ?) "
                                        "AND (? = 1 OR b.retired = 0) "
                                        "ORDER BY b.retired, b.kind, b.title, b.id",
                           "iiii", c->who.program_id, id, id, keeper);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)(total + 1));
    *n = 0;
    while (db_step(st) == DB_ROW && *n <= total)
        bank_from_row(c, st, &(*out)[(*n)++]);
    db_done(st);
    return APP_OK;
}

enum app_status goal_bank_list(struct ctx *c, struct bank_goal **out, int *n)
{
    enum app_status s = app_authorize(c, ACT_LIST, KIND_GOAL_BANK, NULL);
    return s != APP_OK ? s : bank_load(c, 0, out, n);
}

enum app_status goal_bank_get(struct ctx *c, int64_t id, struct bank_goal *out)
{
    struct bank_goal *found;
    int n = 0;
    enum app_status s = app_authorize(c, ACT_LIST, KIND_GOAL_BANK, NULL);
    if (s == APP_OK && id)
        s = bank_load(c, id, &found, &n);
    if (s == APP_OK && n == 1)
        *out = found[0];
    return s != APP_OK ? s : n == 1 ? APP_OK : APP_NOT_FOUND;
}

static const char *kind_words(enum goal_kind k)
{
    return k == GOAL_PRACTICE ? "professional-practice" : "student-learning";
}

enum app_status goal_bank_create(struct ctx *c, const struct goal_input *in, int64_t *id,
                                 struct errors *errs)
{
    enum app_status s = app_authorize(c, ACT_CREATE, KIND_GOAL_BANK, NULL);
    struct goal_fields f;
    if (s != APP_OK)
        return s;
    if (!goal_fields_check(c, in, 0, &f, errs))
        return APP_INVALID;
    int64_t now = app_now(c);
    int rc = db_int_query(c->db, id,
                          "INSERT INTO goal_bank (program_id, kind, title, specific, measure, "
                          "actions, indicator_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, "
                          "?, NULLIF(?, 0), ?, ?) RETURNING id",
                          "isssssiii", c->who.program_id, goal_kind_key(f.kind), f.title,
                          f.specific, f.measure, f.actions, f.indicator_id, now, now);
    if (rc != DB_OK)
        return app_db_status(rc == DB_DONE ? DB_ERROR : rc);
    return audit_append(
        c, "create", "goal_bank", *id, 0,
        arena_printf(c->a, "Added a %s goal to the goals bank: %s", kind_words(f.kind), f.title));
}

/* Loads a bank goal for a change the policy table allows, at the version
 * the change is based on (0: the current one). */
static enum app_status bank_open(struct ctx *c, int64_t id, int64_t version, struct bank_goal *b)
{
    enum app_status s = app_authorize(c, ACT_EDIT, KIND_GOAL_BANK, NULL);
    if (s == APP_OK)
        s = goal_bank_get(c, id, b);
    return s == APP_OK && version && version != b->version ? APP_CONFLICT : s;
}

enum app_status goal_bank_update(struct ctx *c, int64_t id, int64_t version,
                                 const struct goal_input *in, struct errors *errs)
{
    struct bank_goal old;
    struct goal_fields f;
    enum app_status s = bank_open(c, id, version, &old);
    if (s != APP_OK)
        return s;
    struct goal_input v = goal_input_over(
        in, &(struct goal_input){
                .kind = goal_kind_key(old.kind),
                .title = old.title,
                .specific = old.specific,
                .measure = old.measure,
                .actions = old.actions,
                .indicator_id =
                    old.indicator_id ? arena_printf(c->a, "%" PRId64, old.indicator_id) : ""});
    if (!goal_fields_check(c, &v, old.indicator_id, &f, errs))
        return APP_INVALID;
    int rc = db_exec(c->db,
                     "UPDATE goal_bank SET kind = ?, title = ?, specific = ?, measure = ?, "
                     "actions = ?, indicator_id = NULLIF(?, 0), updated_at = ?, "
                     "version = version + 1 WHERE id = ? AND version = ?",
                     "sssssiiii", goal_kind_key(f.kind), f.title, f.specific, f.measure, f.actions,
                     f.indicator_id, app_now(c), id, old.version);
    if (rc != DB_OK)
        return app_db_status(rc);
    if (db_changes(c->db) != 1)
        return APP_CONFLICT;
    return audit_append(c, "update", "goal_bank", id, 0,
                        arena_printf(c->a, "Changed the goals bank's goal \"%s\"", f.title));
}

enum app_status goal_bank_retire(struct ctx *c, int64_t id, bool retired)
{
    struct bank_goal old;
    enum app_status s = bank_open(c, id, 0, &old);
    if (s != APP_OK)
        return s;
    int rc = db_exec(c->db,
                     "UPDATE goal_bank SET retired = ?, updated_at = ?, version = version + 1 "
                     "WHERE id = ?",
                     "dii", retired ? 1 : 0, app_now(c), id);
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, retired ? "retire" : "restore", "goal_bank", id, 0,
                        arena_printf(c->a,
                                     retired ? "Retired the goals bank's goal \"%s\""
                                             : "Restored the goals bank's goal \"%s\"",
                                     old.title));
}

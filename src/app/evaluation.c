/* evaluation.c: a PAR case's evaluations (R15, R20, R23, R26). Each use
 * case opens the case through casework_open() (the policy table: who may
 * read, create, revise, respond to, sign or reopen an evaluation), checks
 * the step against domain/evaluation.h's table, checks the input, writes,
 * and records the change on the timeline and in the audit log. */
#include "app/evaluation.h"

#include <inttypes.h>
#include <string.h>

#include "app/rubric.h"
#include "base/clock.h"

#define SUMMARY_MAX 20000
#define COMMENT_MAX 4000
#define RESPONSE_MAX 8000

/* --- loading --- */

#define EVALUATION_COLUMNS                                                                         \
    "SELECT e.id, e.case_id, e.kind, e.status, e.overall_rating, e.summary, e.admin_response, "    \
    "e.admin_responded_at, e.shared_admin_at, e.shared_teacher_at, e.teacher_signed_at, "         \
    "e.teacher_response, e.locked_at, COALESCE(e.unlock_asked_by, 0), e.unlock_reason, "           \
    "e.unlock_asked_at, e.created_at, e.updated_at, e.version, COALESCE(a.name, ''), "             \
    "COALESCE(u.name, ''), COALESCE(p.name, '') FROM evaluation e "                                \
    "LEFT JOIN person a ON a.id = e.admin_responded_by "                                           \
    "LEFT JOIN person u ON u.id = e.unlock_asked_by LEFT JOIN person p ON p.id = e.created_by "

static void evaluation_from_row(struct ctx *c, db_stmt *st, struct evaluation *e)
{
    memset(e, 0, sizeof *e);
    e->id = db_int(st, 0);
    e->case_id = db_int(st, 1);
    if (!evaluation_kind_parse(db_text(st, 2), &e->kind))
        e->kind = EVAL_FORMATIVE;
    if (!evaluation_status_parse(db_text(st, 3), &e->status))
        e->status = EVAL_DRAFT;
    if (!rating_parse(db_text(st, 4), &e->overall))
        e->overall = RATING_NONE;
    e->summary = db_text_copy(st, 5, c->a);
    e->admin_response = db_text_copy(st, 6, c->a);
    e->admin_responded_at = db_int(st, 7);
    e->shared_admin_at = db_int(st, 8);
    e->shared_teacher_at = db_int(st, 9);
    e->teacher_signed_at = db_int(st, 10);
    e->teacher_response = db_text_copy(st, 11, c->a);
    e->locked_at = db_int(st, 12);
    e->unlock_asked_by_id = db_int(st, 13);
    e->unlock_reason = db_text_copy(st, 14, c->a);
    e->unlock_asked_at = db_int(st, 15);
    e->created_at = db_int(st, 16);
    e->updated_at = db_int(st, 17);
    e->version = db_int(st, 18);
    e->admin_responded_by = db_text_copy(st, 19, c->a);
    e->unlock_asked_by = db_text_copy(st, 20, c->a);
    e->created_by = db_text_copy(st, 21, c->a);
}

/* One row per standard of the program's rubric, rated or not. */
static enum app_status ratings_load(struct ctx *c, struct evaluation *e)
{
    int64_t total = 0;
    if (!rubric_standards_count(c, c->who.program_id, &total))
        return APP_ERROR;
    db_stmt *st = db_query(c->db,
                           "SELECT s.id, s.code, s.title, COALESCE(r.rating, ''), "
                           "COALESCE(r.comment, '') FROM rubric_standard s LEFT JOIN "
                           "evaluation_rating r ON r.standard_id = s.id AND r.evaluation_id = ? "
                           "WHERE s.program_id = ? ORDER BY s.position, s.id",
                           "ii", e->id, c->who.program_id);
    if (!st)
        return APP_ERROR;
    e->ratings = arena_alloc(c->a, sizeof *e->ratings * (size_t)(total + 1));
    e->nratings = 0;
    while (db_step(st) == DB_ROW && e->nratings <= total) {
        struct evaluation_rating *r = &e->ratings[e->nratings++];
        r->standard_id = db_int(st, 0);
        r->code = db_text_copy(st, 1, c->a);
        r->title = db_text_copy(st, 2, c->a);
        if (!rating_parse(db_text(st, 3), &r->rating))
            r->rating = RATING_NONE;
        r->comment = db_text_copy(st, 4, c->a);
    }
    db_done(st);
    return APP_OK;
}

/* The case's evaluations (id 0) or one of them, with their ratings. */
static enum app_status evaluations_load(struct ctx *c, int64_t case_id, int64_t id,
                                        struct evaluation **out, int *n)
{
    db_stmt *st = db_query(c->db,
                           EVALUATION_COLUMNS "WHERE e.case_id = ? AND (? = 0 OR e.id = ?) "
                                              "ORDER BY e.kind, e.id",
                           "iii", case_id, id, id);
    if (!st)
        return APP_ERROR;
    /* UNIQUE (case_id, kind): at most one of each kind. */
    *out = arena_alloc(c->a, sizeof **out * (EVAL_KIND_COUNT + 1));
    *n = 0;
    while (db_step(st) == DB_ROW && *n < EVAL_KIND_COUNT)
        evaluation_from_row(c, st, &(*out)[(*n)++]);
    db_done(st);
    for (int i = 0; i < *n; i++)
        if (ratings_load(c, &(*out)[i]) != APP_OK)
            return APP_ERROR;
    return APP_OK;
}

static enum eval_reader reader_of(const struct case_record *k)
{
    if (k->relations & POLICY_REL(WHO_CASE_PRIMARY_EVALUATOR))
        return EVAL_READER_AUTHOR;
    if (k->relations & POLICY_REL(WHO_CASE_EVALUATOR))
        return EVAL_READER_ADMINISTRATOR;
    return EVAL_READER_OTHER;
}

static const char *const pa_refusal =
    "R15, R16: evaluations are written on a PAR case only, by its Consulting Teacher; this is "
    "a PA case, which has none.";

enum app_status evaluations_list(struct ctx *c, int64_t case_id, struct case_record *k,
                                 struct evaluation **out, int *n, const char **refusal)
{
    enum app_status s = casework_open(c, case_id, ACT_VIEW, KIND_EVALUATION, k, refusal);
    if (s != APP_OK || (s = evaluations_load(c, case_id, 0, out, n)) != APP_OK)
        return s;
    int kept = 0;
    for (int i = 0; i < *n; i++)
        if (evaluation_visible((*out)[i].status, reader_of(k)))
            (*out)[kept++] = (*out)[i];
    *n = kept;
    return APP_OK;
}

enum app_status evaluation_get(struct ctx *c, int64_t case_id, int64_t id, enum action act,
                               struct case_record *k, struct evaluation *out,
                               const char **refusal)
{
    enum app_status s = casework_open(c, case_id, act, KIND_EVALUATION, k, refusal);
    if (s != APP_OK)
        return s;
    if (k->track != TRACK_PAR) {
        *refusal = pa_refusal;
        return APP_CONFLICT;
    }
    struct evaluation *found;
    int n = 0;
    if (!id || (s = evaluations_load(c, case_id, id, &found, &n)) != APP_OK || n != 1)
        return s != APP_OK ? s : APP_NOT_FOUND;
    /* R20, R23: a draft is nobody's business but its author's until shared. */
    if (!evaluation_visible(found->status, reader_of(k)))
        return APP_NOT_FOUND;
    *out = found[0];
    return APP_OK;
}

/* --- writing --- */

/* How the timeline names it: "the summative evaluation". */
static const char *what_of(enum eval_kind kind)
{
    return kind == EVAL_SUMMATIVE ? "summative evaluation" : "formative assessment";
}

enum app_status evaluation_create(struct ctx *c, int64_t case_id, const char *kind, int64_t *id,
                                  struct errors *errs, const char **refusal)
{
    struct case_record k;
    /* R15: ACT_CREATE is the primary evaluator's alone (the policy table). */
    enum app_status s = casework_open(c, case_id, ACT_CREATE, KIND_EVALUATION, &k, refusal);
    if (s != APP_OK)
        return s;
    enum eval_kind ek;
    if (!evaluation_kind_parse(kind, &ek)) {
        errors_add(errs, "kind", "Choose formative or summative.");
        return APP_INVALID;
    }
    int64_t there = 0;
    if (db_int_query(c->db, &there, "SELECT COUNT(*) FROM evaluation WHERE case_id = ? AND kind = ?",
                     "is", case_id, evaluation_kind_key(ek)) != DB_OK)
        return APP_ERROR;
    if (there) {
        *refusal = arena_printf(c->a,
                                "This case has its %s already: a case has one formative "
                                "assessment and one summative evaluation. Open it to revise it.",
                                what_of(ek));
        return APP_CONFLICT;
    }
    int64_t now = app_now(c);
    int rc = db_int_query(c->db, id,
                          "INSERT INTO evaluation (case_id, kind, created_by, created_at, "
                          "updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                          "isiii", case_id, evaluation_kind_key(ek), c->who.person_id, now, now);
    if (rc != DB_OK)
        return app_db_status(rc == DB_DONE ? DB_ERROR : rc);
    return casework_record(c, &k, KIND_EVALUATION, *id, "added",
                           arena_printf(c->a, "Started the %s (a draft)", what_of(ek)),
                           false);
}

/* Opens the case for act and loads the evaluation at the version the
 * change is based on (0: the current one). */
static enum app_status evaluation_open(struct ctx *c, int64_t case_id, int64_t id, int64_t version,
                                       enum action act, struct case_record *k,
                                       struct evaluation *e, const char **refusal)
{
    enum app_status s = evaluation_get(c, case_id, id, act, k, e, refusal);
    return s == APP_OK && version && version != e->version ? APP_CONFLICT : s;
}

static struct evaluation_rating *rating_of(struct evaluation *e, int64_t standard_id)
{
    for (int i = 0; i < e->nratings; i++)
        if (e->ratings[i].standard_id == standard_id)
            return &e->ratings[i];
    return NULL;
}

/* What was sent, checked and laid over the draft (e, changed in place). */
static bool input_apply(struct evaluation *e, const struct evaluation_input *in,
                        struct errors *errs)
{
    if (in->summary)
        e->summary = casework_text(errs, "summary", in->summary, SUMMARY_MAX, false);
    if (in->overall_rating && !rating_parse(in->overall_rating, &e->overall))
        errors_add(errs, "overall_rating",
                   "Choose a rating: Exemplary, Proficient, Needs Improvement or Unsatisfactory.");
    for (int i = 0; i < in->nratings; i++) {
        const struct evaluation_rating_input *ri = &in->ratings[i];
        struct evaluation_rating *r = rating_of(e, ri->standard_id);
        if (!r) {
            errors_add(errs, ri->rating_field, "Choose a standard of the program's rubric.");
            continue;
        }
        if (ri->rating && !rating_parse(ri->rating, &r->rating))
            errors_add(errs, ri->rating_field,
                       "Choose a rating: Exemplary, Proficient, Needs Improvement or "
                       "Unsatisfactory.");
        if (ri->comment)
            r->comment = casework_text(errs, ri->comment_field, ri->comment, COMMENT_MAX, false);
    }
    return errs->n == 0;
}

static enum rating *standard_ratings(struct ctx *c, const struct evaluation *e)
{
    enum rating *out = arena_alloc(c->a, sizeof *out * (size_t)(e->nratings + 1));
    for (int i = 0; i < e->nratings; i++)
        out[i] = e->ratings[i].rating;
    return out;
}

static enum app_status ratings_write(struct ctx *c, const struct evaluation *e)
{
    int rc = db_exec(c->db, "DELETE FROM evaluation_rating WHERE evaluation_id = ?", "i", e->id);
    for (int i = 0; i < e->nratings && rc >= 0; i++) {
        const struct evaluation_rating *r = &e->ratings[i];
        if (r->rating == RATING_NONE && !*r->comment)
            continue;
        rc = db_exec(c->db,
                     "INSERT INTO evaluation_rating (evaluation_id, standard_id, rating, comment) "
                     "VALUES (?, ?, ?, ?)",
                     "iiss", e->id, r->standard_id,
                     r->rating == RATING_NONE ? "" : rating_key(r->rating), r->comment);
    }
    return app_db_status(rc);
}

enum app_status evaluation_update(struct ctx *c, int64_t case_id, int64_t id, int64_t version,
                                  const struct evaluation_input *in, struct errors *errs,
                                  const char **refusal)
{
    struct case_record k;
    struct evaluation e;
    enum app_status s = evaluation_open(c, case_id, id, version, ACT_EDIT, &k, &e, refusal);
    if (s != APP_OK)
        return s;
    if (!evaluation_editable(e.status)) {
        *refusal = "Only a draft is revised: once shared it stands as it was shared. A locked "
                   "evaluation is reopened with the other party's consent.";
        return APP_CONFLICT;
    }
    if (!input_apply(&e, in, errs))
        return APP_INVALID;
    /* R26: an overall rating that cannot stand with standards I and II is
     * refused as it is given, not only when the evaluation is shared. */
    const char *r26 = rating_overall_refusal(e.overall, e.nratings > 0 ? e.ratings[0].rating
                                                                       : RATING_NONE,
                                             e.nratings > 1 ? e.ratings[1].rating : RATING_NONE);
    if (r26) {
        errors_add(errs, "overall_rating", r26);
        return APP_INVALID;
    }
    int rc = db_exec(c->db,
                     "UPDATE evaluation SET summary = ?, overall_rating = ?, updated_at = ?, "
                     "version = version + 1 WHERE id = ? AND version = ?",
                     "ssiii", e.summary, e.overall == RATING_NONE ? "" : rating_key(e.overall),
                     app_now(c), e.id, e.version);
    if (rc != DB_OK)
        return app_db_status(rc);
    if (db_changes(c->db) != 1)
        return APP_CONFLICT;
    if ((s = ratings_write(c, &e)) != APP_OK)
        return s;
    return casework_record(c, &k, KIND_EVALUATION, e.id, "revised",
                           arena_printf(c->a, "Revised the draft %s", what_of(e.kind)), false);
}

/* --- the steps --- */

bool evaluation_step_open(struct ctx *c, const struct case_record *k, const struct evaluation *e,
                          enum eval_step step)
{
    const struct eval_step_def *d = evaluation_step(step);
    return d && case_state_open_to(k->state, KIND_EVALUATION) &&
           casework_may(c, k, d->act, KIND_EVALUATION) &&
           !evaluation_step_refusal(e->kind, e->status, step, e->unlock_asked_by_id,
                                    c->who.person_id);
}

/* The step's own text, checked: required for the response and the reason. */
static const char *step_text(enum eval_step step, const char *text, struct errors *errs)
{
    if (step == EVAL_RESPOND)
        return casework_text(errs, "response", text, RESPONSE_MAX, true);
    if (step == EVAL_SIGN)
        return casework_text(errs, "response", text, RESPONSE_MAX, false);
    if (step == EVAL_ASK_UNLOCK)
        return casework_text(errs, "reason", text, RESPONSE_MAX, true);
    return "";
}

/* The steps that move the evaluation on and only stamp when they were
 * taken: the status, then the time. */
static const char *const stamp_sql[EVAL_STEP_COUNT] = {
    [EVAL_SHARE_ADMIN] = "UPDATE evaluation SET status = ?, shared_admin_at = ? WHERE id = ?",
    [EVAL_SHARE_TEACHER] = "UPDATE evaluation SET status = ?, shared_teacher_at = ? WHERE id = ?",
    [EVAL_LOCK] = "UPDATE evaluation SET status = ?, locked_at = ? WHERE id = ?",
};

static int step_write(struct ctx *c, const struct evaluation *e, enum eval_step step,
                      const char *text)
{
    int64_t now = app_now(c), me = c->who.person_id;
    const char *to = evaluation_status_key(evaluation_step(step)->to);
    if (stamp_sql[step])
        return db_exec(c->db, stamp_sql[step], "sii", to, now, e->id);
    switch (step) {
    case EVAL_RESPOND:
        return db_exec(c->db,
                       "UPDATE evaluation SET admin_response = ?, admin_responded_by = ?, "
                       "admin_responded_at = ? WHERE id = ?",
                       "siii", text, me, now, e->id);
    case EVAL_SIGN:
        return db_exec(c->db,
                       "UPDATE evaluation SET status = ?, teacher_signed_at = ?, "
                       "teacher_response = ? WHERE id = ?",
                       "sisi", to, now, text, e->id);
    case EVAL_ASK_UNLOCK:
        return db_exec(c->db,
                       "UPDATE evaluation SET unlock_asked_by = ?, unlock_reason = ?, "
                       "unlock_asked_at = ? WHERE id = ?",
                       "isii", me, text, now, e->id);
    default:
        /* Back to a draft: the teacher signs again what they receive again. */
        return db_exec(c->db,
                       "UPDATE evaluation SET status = ?, shared_admin_at = 0, "
                       "shared_teacher_at = 0, teacher_signed_at = 0, locked_at = 0, "
                       "unlock_asked_by = NULL, unlock_reason = '', unlock_asked_at = 0 "
                       "WHERE id = ?",
                       "si", to, e->id);
    }
}

static const char *step_summary(struct ctx *c, const struct evaluation *e, enum eval_step step,
                                const char *text)
{
    const char *done = arena_printf(c->a, evaluation_step(step)->done, what_of(e->kind));
    if (step == EVAL_ASK_UNLOCK)
        return arena_printf(c->a, "%s, because: %s", done, text);
    if (step == EVAL_SIGN && *text)
        return arena_printf(c->a, "%s, with a written response", done);
    return done;
}

enum app_status evaluation_step_take(struct ctx *c, int64_t case_id, int64_t id, int64_t version,
                                     enum eval_step step, const char *text, struct errors *errs,
                                     const char **refusal)
{
    const struct eval_step_def *d = evaluation_step(step);
    struct case_record k;
    struct evaluation e;
    if (!d)
        return APP_NOT_FOUND;
    enum app_status s = evaluation_open(c, case_id, id, version, d->act, &k, &e, refusal);
    if (s != APP_OK)
        return s;
    if ((*refusal = evaluation_step_refusal(e.kind, e.status, step, e.unlock_asked_by_id,
                                            c->who.person_id)))
        return APP_CONFLICT;
    if ((step == EVAL_SHARE_ADMIN || step == EVAL_SHARE_TEACHER) &&
        (*refusal = evaluation_share_refusal(e.overall, standard_ratings(c, &e), e.nratings)))
        return APP_CONFLICT;
    const char *checked = step_text(step, text, errs);
    if (!checked)
        return APP_INVALID;
    int rc = step_write(c, &e, step, checked);
    if (rc >= 0)
        rc = db_exec(c->db,
                     "UPDATE evaluation SET updated_at = ?, version = version + 1 WHERE id = ? "
                     "AND version = ?",
                     "iii", app_now(c), e.id, e.version);
    if (rc < 0)
        return app_db_status(rc);
    if (db_changes(c->db) != 1)
        return APP_CONFLICT;
    return casework_record_step(c, &k, KIND_EVALUATION, e.id, d->key,
                                arena_printf(c->a, d->done, what_of(e.kind)),
                                step_summary(c, &e, step, checked), true);
}

/* --- evidence by standard --- */

struct evidence_row {
    int64_t standard_id, id;
    bool artifact;
    const char *code, *date, *title;
};

static int evidence_rows(struct ctx *c, int64_t case_id, bool artifacts, struct evidence_row *rows,
                         int n, int max)
{
    db_stmt *st = db_query(c->db,
                           artifacts
                               ? "SELECT i.standard_id, i.code, a.id, a.created_at, a.title FROM "
                                 "evidence e JOIN rubric_indicator i ON i.id = e.indicator_id "
                                 "JOIN artifact a ON a.id = e.artifact_id WHERE e.case_id = ? "
                                 "ORDER BY a.created_at, a.id, i.code"
                               : "SELECT i.standard_id, i.code, o.id, o.observed_on, '' FROM "
                                 "evidence e JOIN rubric_indicator i ON i.id = e.indicator_id "
                                 "JOIN observation o ON o.id = e.observation_id WHERE "
                                 "e.case_id = ? ORDER BY o.observed_on, o.id, i.code",
                           "i", case_id);
    if (!st)
        return -1;
    while (db_step(st) == DB_ROW && n < max) {
        struct evidence_row *r = &rows[n++];
        r->standard_id = db_int(st, 0);
        r->code = db_text_copy(st, 1, c->a);
        r->artifact = artifacts;
        r->id = db_int(st, 2);
        r->date = artifacts ? clock_date(c->a, db_int(st, 3)) : db_text_copy(st, 3, c->a);
        r->title = db_text_copy(st, 4, c->a);
    }
    db_done(st);
    return n;
}

/* Adds a row to its standard: one item per observation or artifact, with
 * every indicator of the standard it is tagged to. */
static void evidence_add(struct ctx *c, struct evaluation_evidence *ev,
                         const struct evidence_row *r)
{
    for (int i = 0; i < ev->n; i++)
        if (ev->items[i].artifact == r->artifact && ev->items[i].id == r->id) {
            ev->items[i].codes = arena_printf(c->a, "%s, %s", ev->items[i].codes, r->code);
            return;
        }
    ev->items[ev->n++] = (struct evaluation_evidence_item){r->artifact, r->id, r->date, r->title,
                                                           r->code};
    if (r->artifact)
        ev->artifacts++;
    else
        ev->observations++;
}

enum app_status evaluation_evidence(struct ctx *c, const struct case_record *k,
                                    struct evaluation_evidence **out, int *n)
{
    struct evaluation e = {.id = 0};
    int64_t total = 0;
    if (ratings_load(c, &e) != APP_OK ||
        db_int_query(c->db, &total, "SELECT COUNT(*) FROM evidence WHERE case_id = ?", "i",
                     k->id) != DB_OK)
        return APP_ERROR;
    struct evidence_row *rows = arena_alloc(c->a, sizeof *rows * (size_t)(total + 1));
    int nrows = evidence_rows(c, k->id, false, rows, 0, (int)total);
    if (nrows < 0 || (nrows = evidence_rows(c, k->id, true, rows, nrows, (int)total)) < 0)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)(e.nratings + 1));
    *n = e.nratings;
    for (int s = 0; s < e.nratings; s++) {
        struct evaluation_evidence *ev = &(*out)[s];
        *ev = (struct evaluation_evidence){.standard_id = e.ratings[s].standard_id,
                                           .code = e.ratings[s].code,
                                           .title = e.ratings[s].title};
        ev->items = arena_alloc(c->a, sizeof *ev->items * (size_t)(nrows + 1));
        for (int i = 0; i < nrows; i++)
            if (rows[i].standard_id == ev->standard_id)
                evidence_add(c, ev, &rows[i]);
    }
    return APP_OK;
}

/* --- what the printed evaluation carries --- */

static const char *administrators_of(struct ctx *c, const struct case_record *k)
{
    const char *names = "";
    db_stmt *st = db_query(c->db,
                           "SELECT DISTINCT p.name FROM person_role r JOIN person p ON "
                           "p.id = r.person_id WHERE r.role = 'administrator' AND "
                           "r.school_id = ? ORDER BY p.name",
                           "i", k->school_id);
    while (st && db_step(st) == DB_ROW)
        names = *names ? arena_printf(c->a, "%s, %s", names, db_text(st, 0))
                       : db_text_copy(st, 0, c->a);
    if (st)
        db_done(st);
    return names;
}

enum app_status evaluation_outcome_of(struct ctx *c, const struct case_record *k,
                                      struct evaluation_outcome *out)
{
    memset(out, 0, sizeof *out);
    out->administrators = administrators_of(c, k);
    out->approver_title = program_setting(c, "superintendent_title");
    /* R25: the newest decision stands; a returned one is decided again. */
    db_stmt *st = db_query(c->db,
                           "SELECT d.rating, d.tally, d.decided_at, d.approval, d.approved_at, "
                           "COALESCE(p.name, '') FROM panel_decision d LEFT JOIN person p ON "
                           "p.id = d.approved_by WHERE d.case_id = ? ORDER BY d.decided_at DESC, "
                           "d.id DESC",
                           "i", k->id);
    if (!st)
        return APP_ERROR;
    if (db_step(st) == DB_ROW) {
        out->decided = rating_parse(db_text(st, 0), &out->decision);
        out->tally = db_text_copy(st, 1, c->a);
        out->decided_at = db_int(st, 2);
        out->approved = strcmp(db_text(st, 3), "approved") == 0;
        out->approved_at = db_int(st, 4);
        out->approver = db_text_copy(st, 5, c->a);
    }
    db_done(st);
    return APP_OK;
}

enum app_status evaluation_downloaded(struct ctx *c, const struct case_record *k,
                                      const struct evaluation *e)
{
    return audit_append(c, "downloaded", policy_part_key(KIND_EVALUATION), e->id, k->teacher_id,
                        arena_printf(c->a, "Case of %s: downloaded the PDF of the %s",
                                     k->teacher_name, what_of(e->kind)));
}

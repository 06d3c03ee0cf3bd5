/* recommendation.c: the CT's recommendation to the Panel (R21), the preview
 * window (R22) and what the teacher and the administrator send the Panel in
 * it. Each use case opens the case through casework_open() (the policy
 * table), checks the step against domain/recommendation.h, writes, and
 * records the change on the timeline and in the audit log. */
#include "app/recommendation.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "app/process.h"

#define RATIONALE_MAX 8000
#define BODY_MAX 8000

/* --- loading --- */

static bool rec_load(struct ctx *c, int64_t case_id, struct recommendation *out)
{
    memset(out, 0, sizeof *out);
    out->case_id = case_id;
    out->rating = RATING_NONE;
    out->rationale = out->created_by = "";
    db_stmt *st = db_query(c->db,
                           "SELECT r.id, r.rating, r.rationale, r.status, r.preview_until, "
                           "r.submitted_at, r.created_at, r.updated_at, r.version, "
                           "COALESCE(p.name, '') FROM recommendation r LEFT JOIN person p ON "
                           "p.id = r.created_by WHERE r.case_id = ?",
                           "i", case_id);
    if (!st)
        return false;
    if (db_step(st) == DB_ROW) {
        out->id = db_int(st, 0);
        if (!rating_parse(db_text(st, 1), &out->rating))
            out->rating = RATING_NONE;
        out->rationale = db_text_copy(st, 2, c->a);
        if (!rec_status_parse(db_text(st, 3), &out->status))
            out->status = REC_DRAFT;
        snprintf(out->preview_until, sizeof out->preview_until, "%s", db_text(st, 4));
        out->submitted_at = db_int(st, 5);
        out->created_at = db_int(st, 6);
        out->updated_at = db_int(st, 7);
        out->version = db_int(st, 8);
        out->created_by = db_text_copy(st, 9, c->a);
    }
    db_done(st);
    return true;
}

static void preview_of(struct ctx *c, struct recommendation *rec)
{
    bool sent = rec->status == REC_SUBMITTED;
    rec->days_left = sent ? rec_preview_days_left(app_today(c), rec->preview_until) : 0;
    rec->preview_open = sent && rec_preview_open(rec->preview_until, app_today(c));
}

/* R22: a draft is its writer's alone: the teacher and the administrator
 * see the recommendation once it is sent. */
static void rec_as_seen(struct ctx *c, const struct case_record *k, struct recommendation *rec)
{
    if (rec->status == REC_DRAFT && !casework_may(c, k, ACT_EDIT, KIND_RECOMMENDATION)) {
        int64_t case_id = rec->case_id;
        memset(rec, 0, sizeof *rec);
        rec->case_id = case_id;
        rec->rating = RATING_NONE;
        rec->rationale = rec->created_by = "";
    }
    preview_of(c, rec);
}

enum app_status recommendation_get(struct ctx *c, int64_t case_id, struct case_record *k,
                                   struct recommendation *out, const char **refusal)
{
    enum app_status s = casework_open(c, case_id, ACT_VIEW, KIND_RECOMMENDATION, k, refusal);
    if (s != APP_OK)
        return s;
    if (!rec_load(c, case_id, out))
        return APP_ERROR;
    rec_as_seen(c, k, out);
    return APP_OK;
}

/* --- writing --- */

/* Opens the case for act and loads the recommendation at the version the
 * change is based on (0: the current one); a sent one no longer changes. */
static enum app_status rec_open(struct ctx *c, int64_t case_id, int64_t version, enum action act,
                                struct case_record *k, struct recommendation *rec,
                                const char **refusal)
{
    enum app_status s = casework_open(c, case_id, act, KIND_RECOMMENDATION, k, refusal);
    if (s != APP_OK)
        return s;
    if (!rec_load(c, case_id, rec))
        return APP_ERROR;
    if ((*refusal = rec_change_refusal(rec->status)))
        return APP_CONFLICT;
    return rec->id && version && version != rec->version ? APP_CONFLICT : APP_OK;
}

static enum app_status rec_write(struct ctx *c, const struct case_record *k,
                                 struct recommendation *old, enum rating rating,
                                 const char *rationale)
{
    int64_t now = app_now(c);
    int rc;
    if (!old->id) {
        rc = db_int_query(c->db, &old->id,
                          "INSERT INTO recommendation (case_id, rating, rationale, created_by, "
                          "created_at, updated_at) VALUES (?, ?, ?, NULLIF(?, 0), ?, ?) "
                          "RETURNING id",
                          "issiii", k->id, rating_key(rating), rationale, c->who.person_id, now,
                          now);
        if (rc != DB_OK)
            return app_db_status(rc == DB_DONE ? DB_ERROR : rc);
    } else {
        rc = db_exec(c->db,
                     "UPDATE recommendation SET rating = ?, rationale = ?, updated_at = ?, "
                     "version = version + 1 WHERE id = ? AND version = ? AND status = 'draft'",
                     "ssiii", rating_key(rating), rationale, now, old->id, old->version);
        if (rc != DB_OK)
            return app_db_status(rc);
        if (db_changes(c->db) != 1)
            return APP_CONFLICT;
    }
    return casework_record(c, k, KIND_RECOMMENDATION, old->id, old->version ? "revised" : "added",
                           arena_printf(c->a, "%s the draft recommendation to the Panel: %s",
                                        old->version ? "Revised" : "Wrote", rating_label(rating)),
                           false);
}

enum app_status recommendation_save(struct ctx *c, int64_t case_id, int64_t version,
                                    const struct rec_input *in, struct errors *errs,
                                    const char **refusal)
{
    struct case_record k;
    struct recommendation old;
    /* R21: ACT_CREATE and ACT_EDIT are the primary evaluator's alone. */
    enum app_status s = casework_open(c, case_id, ACT_CREATE, KIND_RECOMMENDATION, &k, refusal);
    if (s == APP_OK)
        s = rec_open(c, case_id, version, ACT_EDIT, &k, &old, refusal);
    if (s != APP_OK)
        return s;
    const char *rating = in->rating ? in->rating : old.id ? rating_key(old.rating) : NULL;
    const char *rationale = in->rationale ? in->rationale : old.rationale;
    enum rating r;
    if (!rec_fields_check(rating, rationale, &r, errs) ||
        !casework_text(errs, "rationale", rationale, RATIONALE_MAX, true))
        return APP_INVALID;
    return rec_write(c, &k, &old, r, rationale);
}

enum app_status recommendation_submit(struct ctx *c, int64_t case_id, int64_t version,
                                      const char **refusal)
{
    struct case_record k;
    struct recommendation rec;
    enum app_status s = rec_open(c, case_id, version, ACT_EDIT, &k, &rec, refusal);
    if (s != APP_OK)
        return s;
    if (!rec.id) {
        *refusal = "Write the recommendation, a rating and its rationale, before sending it to "
                   "the Panel.";
        return APP_CONFLICT;
    }
    /* R17, R20, R21: once the cycle is closed, the summative signed, three
     * parley meetings held with everyone present. */
    if ((s = process_check(c, &k, "send_recommendation", refusal)) != APP_OK)
        return s;
    char until[11];
    if (!rec_preview_until(app_today(c), program_setting_int(c, "panel_preview_days"), until))
        return APP_ERROR;
    int64_t now = app_now(c);
    int rc = db_exec(c->db,
                     "UPDATE recommendation SET status = 'submitted', preview_until = ?, "
                     "submitted_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND "
                     "version = ? AND status = 'draft'",
                     "siiii", until, now, now, rec.id, rec.version);
    if (rc != DB_OK)
        return app_db_status(rc);
    if (db_changes(c->db) != 1)
        return APP_CONFLICT;
    /* R22: the teacher and the administrator are told, with the deadline. */
    return casework_record(
        c, &k, KIND_RECOMMENDATION, rec.id, "submitted",
        arena_printf(c->a,
                     "Sent the Panel the recommendation of %s; the teacher and the "
                     "administrator may send the Panel evidence or ask to appear until %s",
                     rating_label(rec.rating), until),
        true);
}

/* --- submissions --- */

#define SUBMISSION_COLUMNS                                                                         \
    "SELECT s.id, s.person_id, s.created_at, p.name, s.party, s.kind, s.body, s.file_name, "       \
    "s.file_type, s.file_size, s.case_id FROM panel_submission s JOIN person p ON "                \
    "p.id = s.person_id "

static void submission_row(struct ctx *c, db_stmt *st, struct panel_submission *p)
{
    p->id = db_int(st, 0);
    p->person_id = db_int(st, 1);
    p->created_at = db_int(st, 2);
    p->person_name = db_text_copy(st, 3, c->a);
    p->party = db_text_copy(st, 4, c->a);
    if (!submission_kind_parse(db_text(st, 5), &p->kind))
        p->kind = SUBMISSION_WRITTEN;
    p->body = db_text_copy(st, 6, c->a);
    p->file_name = db_text_copy(st, 7, c->a);
    p->file_type = db_text_copy(st, 8, c->a);
    p->file_label = upload_type_label(p->file_type);
    p->file_size = db_int(st, 9);
    p->case_id = db_int(st, 10);
}

static enum app_status subs_load(struct ctx *c, int64_t case_id, struct panel_submission **out,
                                 int *n)
{
    int64_t total = 0;
    if (db_int_query(c->db, &total, "SELECT COUNT(*) FROM panel_submission WHERE case_id = ?", "i",
                     case_id) != DB_OK)
        return APP_ERROR;
    db_stmt *st = db_query(
        c->db, SUBMISSION_COLUMNS "WHERE s.case_id = ? ORDER BY s.created_at, s.id", "i", case_id);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)(total + 1));
    *n = 0;
    while (db_step(st) == DB_ROW && *n <= total)
        submission_row(c, st, &(*out)[(*n)++]);
    db_done(st);
    return APP_OK;
}

enum app_status panel_submissions_list(struct ctx *c, int64_t case_id, struct case_record *k,
                                       struct panel_submission **out, int *n, const char **refusal)
{
    enum app_status s = casework_open(c, case_id, ACT_VIEW, KIND_PANEL_SUBMISSION, k, refusal);
    return s != APP_OK ? s : subs_load(c, case_id, out, n);
}

enum app_status panel_submission_download(struct ctx *c, int64_t case_id, int64_t id,
                                          struct panel_submission *out, const char **data,
                                          size_t *len, const char **refusal)
{
    struct case_record k;
    enum app_status s = casework_open(c, case_id, ACT_VIEW, KIND_PANEL_SUBMISSION, &k, refusal);
    if (s != APP_OK)
        return s;
    /* R21: only a PAR case goes to the Panel. */
    if (k.track != TRACK_PAR) {
        *refusal = "Only a PAR case goes to the Panel; this is a PA case, and nothing was sent "
                   "to the Panel about it.";
        return APP_CONFLICT;
    }
    db_stmt *st = db_query(c->db,
                           SUBMISSION_COLUMNS "WHERE s.id = ? AND s.case_id = ? AND "
                                              "s.file_name <> ''",
                           "ii", id, case_id);
    if (!st)
        return APP_ERROR;
    bool found = db_step(st) == DB_ROW;
    if (found)
        submission_row(c, st, out);
    db_done(st);
    if (!found)
        return APP_NOT_FOUND;
    return upload_read(c, "SELECT content FROM panel_submission_file WHERE submission_id = ?", id,
                       data, len);
}

static bool submission_check(struct ctx *c, int64_t case_id, const struct submission_input *in,
                             enum submission_kind *kind, const char **body,
                             enum document_type *type, struct errors *errs)
{
    if (!submission_kind_parse(in->kind, kind))
        errors_add(errs, "kind",
                   "Choose what you send: written evidence, or a request to appear in person.");
    *body = casework_text(errs, "body", in->body, BODY_MAX, true);
    *type = DOC_UNKNOWN;
    if (in->file.data)
        *type = upload_accept(c, &in->file, DOCS_EVIDENCE, "the Panel takes", case_id, errs);
    return errs->n == 0;
}

/* The submission's row, and its file's bytes when one goes with it. */
static enum app_status submission_store(struct ctx *c, int64_t case_id, const char *party,
                                        enum submission_kind kind, const char *body,
                                        const struct upload *file, enum document_type type,
                                        int64_t *id)
{
    bool with_file = type != DOC_UNKNOWN;
    int rc = db_int_query(
        c->db, id,
        "INSERT INTO panel_submission (case_id, person_id, party, kind, body, "
        "created_at, file_name, file_type, file_size) VALUES (?, ?, ?, ?, ?, ?, "
        "?, ?, ?) RETURNING id",
        "iisssissi", case_id, c->who.person_id, party, submission_kind_key(kind), body, app_now(c),
        with_file ? upload_name(c->a, file->filename, type) : "",
        with_file ? document_media_type(type) : "", with_file ? (int64_t)file->len : 0);
    if (rc == DB_OK && with_file)
        rc = db_exec(c->db,
                     "INSERT INTO panel_submission_file (submission_id, content) VALUES (?, ?)",
                     "ib", *id, &(struct db_blob){file->data, file->len});
    return rc == DB_OK ? APP_OK : app_db_status(rc == DB_DONE ? DB_ERROR : rc);
}

enum app_status panel_submission_create(struct ctx *c, int64_t case_id,
                                        const struct submission_input *in, int64_t *id,
                                        struct errors *errs, const char **refusal)
{
    struct case_record k;
    enum app_status s = casework_open(c, case_id, ACT_CREATE, KIND_PANEL_SUBMISSION, &k, refusal);
    if (s != APP_OK)
        return s;
    /* R22: while the preview window is open, and the Panel has not decided. */
    if ((s = process_check(c, &k, "send_evidence", refusal)) != APP_OK)
        return s;
    enum submission_kind kind;
    const char *body;
    enum document_type type;
    if (!submission_check(c, case_id, in, &kind, &body, &type, errs))
        return APP_INVALID;
    /* The party is who the asker is to the case: its teacher, or (PAR) its
     * administrator; the policy table let no one else this far. */
    const char *party = k.relations & POLICY_REL(WHO_CASE_TEACHER) ? "teacher" : "administrator";
    if ((s = submission_store(c, case_id, party, kind, body, &in->file, type, id)) != APP_OK)
        return s;
    const char *summary = arena_printf(c->a, "The %s sent the Panel %s%s%s", party,
                                       kind == SUBMISSION_APPEAR ? "a request to appear in person"
                                                                 : "written evidence",
                                       type != DOC_UNKNOWN ? ", with a file: " : "",
                                       type != DOC_UNKNOWN ? document_label(type) : "");
    s = casework_record(c, &k, KIND_PANEL_SUBMISSION, *id, "added", summary, false);
    /* The CT, whose recommendation it answers, and the coordinator, who
     * sets the Panel's docket, are told. */
    return s != APP_OK ? s : case_tell(c, &k, (const int[]){TELL_CT, TELL_COORDINATOR, 0}, summary,
                                               NULL);
}

/* --- the evidence packet --- */

const char *packet_cell(const struct packet_table *t, int i, const char *name)
{
    for (int col = 0; col < t->ncols; col++)
        if (strcmp(t->cols[col], name) == 0 && i < t->n)
            return t->cells[i * t->ncols + col];
    return "";
}

/* Reads a query's rows (every column as text) about case_id. */
static enum app_status table_load(struct ctx *c, struct packet_table *t, const char *const *cols,
                                  int ncols, const char *count_sql, const char *sql,
                                  int64_t case_id)
{
    int64_t total = 0;
    t->cols = cols;
    t->ncols = ncols;
    t->n = 0;
    if (db_int_query(c->db, &total, count_sql, "i", case_id) != DB_OK)
        return APP_ERROR;
    t->cells = arena_alloc(c->a, sizeof *t->cells * (size_t)((total + 1) * ncols));
    db_stmt *st = db_query(c->db, sql, "i", case_id);
    if (!st)
        return APP_ERROR;
    while (db_step(st) == DB_ROW && t->n <= total) {
        for (int col = 0; col < ncols; col++)
            t->cells[t->n * ncols + col] = db_text_copy(st, col, c->a);
        t->n++;
    }
    db_done(st);
    return APP_OK;
}

/* R21: what the Panel reads. Evaluations show once shared with the
 * teacher, as the teacher sees them. */
#define SHARED_EVALUATION "e.status IN ('shared', 'signed', 'locked')"
static const char *const evaluation_cols[] = {
    "id", "kind", "status", "overall_rating", "summary", "teacher_response"};
static const char *const rating_cols[] = {"evaluation_id", "standard", "title", "rating",
                                          "comment"};
static const char *const goal_cols[] = {"kind", "title", "status", "due_on"};
static const char *const observation_cols[] = {"observed_on", "observers", "minutes",
                                               "feedback_shared"};
static const char *const artifact_cols[] = {"title", "added_at"};
static const char *const meeting_cols[] = {"phase", "starts_at"};

/* Each section of the packet: its columns and its query about the case
 * (with the count that sizes it). */
struct packet_section {
    size_t offset; /* of its struct packet_table in struct packet */
    const char *const *cols;
    int ncols;
    const char *count_sql, *sql;
};
#define SECTION(field, cols, count_sql, sql)                                                       \
    {                                                                                              \
        offsetof(struct packet, field), cols, (int)(sizeof cols / sizeof *cols), count_sql, sql    \
    }
static const struct packet_section packet_sections[] = {
    SECTION(evaluations, evaluation_cols,
            "SELECT COUNT(*) FROM evaluation e WHERE e.case_id = ? AND " SHARED_EVALUATION,
            "SELECT e.id, e.kind, e.status, e.overall_rating, e.summary, e.teacher_response "
            "FROM evaluation e WHERE e.case_id = ? AND " SHARED_EVALUATION " ORDER BY e.kind, "
            "e.id"),
    SECTION(ratings, rating_cols,
            "SELECT COUNT(*) FROM evaluation_rating x JOIN evaluation e ON e.id = "
            "x.evaluation_id WHERE e.case_id = ? AND " SHARED_EVALUATION,
            "SELECT x.evaluation_id, s.code, s.title, x.rating, x.comment FROM evaluation_rating "
            "x JOIN evaluation e ON e.id = x.evaluation_id JOIN rubric_standard s ON s.id = "
            "x.standard_id WHERE e.case_id = ? AND " SHARED_EVALUATION " ORDER BY "
            "x.evaluation_id, s.position, s.id"),
    SECTION(goals, goal_cols, "SELECT COUNT(*) FROM goal WHERE case_id = ?",
            "SELECT kind, title, status, due_on FROM goal WHERE case_id = ? ORDER BY kind, id"),
    SECTION(observations, observation_cols, "SELECT COUNT(*) FROM observation WHERE case_id = ?",
            "SELECT observed_on, observers, minutes, CASE WHEN feedback_shared_at > 0 THEN 'yes' "
            "ELSE 'no' END FROM observation WHERE case_id = ? ORDER BY observed_on, id"),
    SECTION(artifacts, artifact_cols, "SELECT COUNT(*) FROM artifact WHERE case_id = ?",
            "SELECT title, created_at FROM artifact WHERE case_id = ? ORDER BY created_at, id"),
    SECTION(meetings, meeting_cols,
            "SELECT COUNT(*) FROM meeting WHERE case_id = ? AND status = 'held'",
            "SELECT phase, starts_at FROM meeting WHERE case_id = ? AND status = 'held' "
            "ORDER BY starts_at, id"),
};
#undef SECTION

static enum app_status packet_tables(struct ctx *c, int64_t id, struct packet *p)
{
    enum app_status s = APP_OK;
    for (size_t i = 0; s == APP_OK && i < sizeof packet_sections / sizeof *packet_sections; i++) {
        const struct packet_section *ps = &packet_sections[i];
        s = table_load(c, (struct packet_table *)((char *)p + ps->offset), ps->cols, ps->ncols,
                       ps->count_sql, ps->sql, id);
    }
    return s;
}

enum app_status packet_get(struct ctx *c, int64_t case_id, struct case_record *k,
                           struct packet *out, const char **refusal)
{
    memset(out, 0, sizeof *out);
    enum app_status s = recommendation_get(c, case_id, k, &out->rec, refusal);
    if (s != APP_OK || (s = packet_tables(c, case_id, out)) != APP_OK)
        return s;
    /* The submissions, for whoever may read them (the policy table). */
    if (!casework_may(c, k, ACT_VIEW, KIND_PANEL_SUBMISSION))
        return APP_OK;
    return subs_load(c, case_id, &out->subs, &out->nsubs);
}

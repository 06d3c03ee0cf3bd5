/* artifact.c: a case's uploaded documents (R15, R19, R37). Who may see and
 * add them is the policy table's (KIND_ARTIFACT): on a PA case never the
 * administrator (R16). An artifact is not changed once added: the case's
 * record keeps what was shared. */
#include "app/artifact.h"

#include <string.h>

#include "app/observation.h"

#define ARTIFACT_COLUMNS                                                                     \
    "SELECT a.id, a.case_id, a.title, a.description, a.filename, a.media_type, a.size, "    \
    "COALESCE(a.uploaded_by, 0), COALESCE(p.name, ''), a.created_at FROM artifact a "       \
    "LEFT JOIN person p ON p.id = a.uploaded_by "
#define ARTIFACTS_MAX 500

static void artifact_row(struct ctx *c, db_stmt *st, struct artifact *a)
{
    memset(a, 0, sizeof *a);
    a->id = db_int(st, 0);
    a->case_id = db_int(st, 1);
    a->title = db_text_copy(st, 2, c->a);
    a->description = db_text_copy(st, 3, c->a);
    a->filename = db_text_copy(st, 4, c->a);
    a->media_type = db_text_copy(st, 5, c->a);
    a->size = db_int(st, 6);
    a->uploaded_by = db_int(st, 7);
    a->uploaded_by_name = db_text_copy(st, 8, c->a);
    a->created_at = db_int(st, 9);
    a->type_label = upload_type_label(a->media_type);
}

enum app_status artifacts_list(struct ctx *c, int64_t case_id, struct case_record *k,
                               struct artifact **out, int *n)
{
    const char *refusal;
    enum app_status s = casework_open(c, case_id, ACT_VIEW, KIND_ARTIFACT, k, &refusal);
    if (s != APP_OK)
        return s;
    db_stmt *st = db_query(c->db,
                           ARTIFACT_COLUMNS "WHERE a.case_id = ? ORDER BY a.created_at DESC, "
                                            "a.id DESC LIMIT ?",
                           "id", case_id, ARTIFACTS_MAX);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * ARTIFACTS_MAX);
    *n = 0;
    while (*n < ARTIFACTS_MAX && db_step(st) == DB_ROW)
        artifact_row(c, st, &(*out)[(*n)++]);
    db_done(st);
    for (int i = 0; i < *n && s == APP_OK; i++)
        s = evidence_of(c, 0, (*out)[i].id, &(*out)[i].tags, &(*out)[i].ntags);
    return s;
}

static enum app_status load(struct ctx *c, int64_t case_id, int64_t id, struct artifact *out)
{
    db_stmt *st = db_query(c->db, ARTIFACT_COLUMNS "WHERE a.id = ? AND a.case_id = ?", "ii", id,
                           case_id);
    if (!st)
        return APP_ERROR;
    bool found = db_step(st) == DB_ROW;
    if (found)
        artifact_row(c, st, out);
    db_done(st);
    return found ? evidence_of(c, 0, id, &out->tags, &out->ntags) : APP_NOT_FOUND;
}

enum app_status artifact_get(struct ctx *c, int64_t case_id, int64_t id, struct case_record *k,
                             struct artifact *out)
{
    const char *refusal;
    enum app_status s = casework_open(c, case_id, ACT_VIEW, KIND_ARTIFACT, k, &refusal);
    return s == APP_OK ? load(c, case_id, id, out) : s;
}

enum app_status artifact_download(struct ctx *c, int64_t case_id, int64_t id,
                                  struct artifact *out, const char **data, size_t *len)
{
    struct case_record k;
    enum app_status s = artifact_get(c, case_id, id, &k, out);
    if (s != APP_OK)
        return s;
    return upload_read(c, "SELECT content FROM artifact_file WHERE artifact_id = ?", id, data,
                       len);
}

struct artifact_fields {
    const char *title, *description;
    enum document_type type;
    int64_t ids[OBSERVATION_TAGS_MAX];
    int nids;
};

static bool artifact_check(struct ctx *c, int64_t case_id, const struct artifact_input *in,
                           struct artifact_fields *f, struct errors *errs)
{
    f->title = casework_text(errs, "title", in->title, ARTIFACT_TITLE_MAX, true);
    f->description = casework_text(errs, "description", in->description,
                                   ARTIFACT_DESCRIPTION_MAX, false);
    f->type = DOC_UNKNOWN;
    if (!in->file.data)
        errors_add(errs, "file",
                   arena_printf(c->a, "Choose the file to upload: %s.",
                                document_accepted(c->a, DOCS_ANY)));
    else
        f->type = upload_accept(c, &in->file, DOCS_ANY, "a case keeps", case_id, errs);
    evidence_ids_text(c, errs, in->indicators, f->ids, &f->nids, OBSERVATION_TAGS_MAX);
    return errs->n == 0;
}

enum app_status artifact_upload(struct ctx *c, int64_t case_id, const struct artifact_input *in,
                                int64_t *id, struct errors *errs, const char **refusal)
{
    struct case_record k;
    enum app_status s = casework_open(c, case_id, ACT_CREATE, KIND_ARTIFACT, &k, refusal);
    struct artifact_fields f;
    if (s != APP_OK)
        return s;
    if (!artifact_check(c, case_id, in, &f, errs))
        return APP_INVALID;
    int rc = db_int_query(c->db, id,
                          "INSERT INTO artifact (case_id, title, description, filename, "
                          "media_type, size, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, "
                          "?, ?) RETURNING id",
                          "issssiii", case_id, f.title, f.description,
                          upload_name(c->a, in->file.filename, f.type),
                          document_media_type(f.type), (int64_t)in->file.len,
                          c->who.person_id, app_now(c));
    if (rc == DB_OK)
        rc = db_exec(c->db, "INSERT INTO artifact_file (artifact_id, content) VALUES (?, ?)",
                     "ib", *id, &(struct db_blob){in->file.data, in->file.len});
    if (rc != DB_OK)
        return app_db_status(rc);
    if ((s = evidence_set(c, &k, 0, *id, f.ids, f.nids, errs)) != APP_OK)
        return s;
    return casework_record(c, &k, KIND_ARTIFACT, *id, "added",
                           arena_printf(c->a, "Added the artifact \"%s\" (%s, %zu bytes)",
                                        f.title, document_label(f.type), in->file.len),
                           true);
}

enum app_status artifacts_count(struct ctx *c, const struct case_record *k, int *n,
                                int64_t *newest_at)
{
    db_stmt *st = db_query(c->db,
                           "SELECT COUNT(*), COALESCE(MAX(created_at), 0) FROM artifact WHERE "
                           "case_id = ?",
                           "i", k->id);
    if (!st)
        return APP_ERROR;
    bool found = db_step(st) == DB_ROW;
    *n = found ? (int)db_int(st, 0) : 0;
    *newest_at = found ? db_int(st, 1) : 0;
    db_done(st);
    return found ? APP_OK : APP_ERROR;
}

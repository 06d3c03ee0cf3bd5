/* rubric_edit.c: the coordinator's edits of the program's rubric. The
 * order is always: ask the policy table, load the record of the asker's
 * program, check the input, write, audit. */
#include "app/rubric_edit.h"

#include <ctype.h>
#include <inttypes.h>
#include <string.h>

#include "app/casework.h"

#define CODE_MAX 16
#define TITLE_MAX 200
#define DESCRIPTION_MAX 2000

enum app_status rubric_start(struct ctx *c)
{
    enum app_status s = app_authorize(c, ACT_EDIT, KIND_RUBRIC, NULL);
    int64_t have = 0;
    if (s != APP_OK)
        return s;
    if (!rubric_standards_count(c, c->who.program_id, &have))
        return APP_ERROR;
    if (have)
        return APP_CONFLICT;
    if ((s = rubric_seed_program(c, c->who.program_id)) != APP_OK)
        return s;
    return audit_append(c, "create", "rubric", c->who.program_id, 0,
                        "Started the program's rubric from the Massachusetts teacher rubric");
}

enum app_status rubric_standard_get(struct ctx *c, int64_t id, struct rubric_standard *out)
{
    enum app_status s = app_authorize(c, ACT_VIEW, KIND_RUBRIC, NULL);
    if (s != APP_OK)
        return s;
    db_stmt *st = db_query(c->db,
                           "SELECT id, code, title, position FROM rubric_standard WHERE id = ? "
                           "AND program_id = ?",
                           "ii", id, c->who.program_id);
    if (!st)
        return APP_ERROR;
    s = APP_NOT_FOUND;
    if (db_step(st) == DB_ROW) {
        *out = (struct rubric_standard){.id = db_int(st, 0),
                                        .code = db_text_copy(st, 1, c->a),
                                        .title = db_text_copy(st, 2, c->a),
                                        .position = (int)db_int(st, 3)};
        s = APP_OK;
    }
    db_done(st);
    return s;
}

enum app_status rubric_indicator_get(struct ctx *c, int64_t id, struct rubric_indicator *out)
{
    enum app_status s = app_authorize(c, ACT_VIEW, KIND_RUBRIC, NULL);
    if (s != APP_OK)
        return s;
    db_stmt *st = db_query(c->db,
                           "SELECT i.id, i.standard_id, i.code, i.title, i.description, "
                           "i.position, i.retired FROM rubric_indicator i JOIN rubric_standard s "
                           "ON s.id = i.standard_id WHERE i.id = ? AND s.program_id = ?",
                           "ii", id, c->who.program_id);
    if (!st)
        return APP_ERROR;
    s = APP_NOT_FOUND;
    if (db_step(st) == DB_ROW) {
        *out = (struct rubric_indicator){.id = db_int(st, 0),
                                         .standard_id = db_int(st, 1),
                                         .code = db_text_copy(st, 2, c->a),
                                         .title = db_text_copy(st, 3, c->a),
                                         .description = db_text_copy(st, 4, c->a),
                                         .position = (int)db_int(st, 5),
                                         .retired = db_int(st, 6) != 0};
        s = APP_OK;
    }
    db_done(st);
    return s;
}

/* Loads what is edited once the policy table allows the edit. */
static enum app_status standard_for_edit(struct ctx *c, int64_t id, struct rubric_standard *out)
{
    enum app_status s = app_authorize(c, ACT_EDIT, KIND_RUBRIC, NULL);
    return s != APP_OK ? s : rubric_standard_get(c, id, out);
}

static enum app_status indicator_for_edit(struct ctx *c, int64_t id, struct rubric_indicator *out)
{
    enum app_status s = app_authorize(c, ACT_EDIT, KIND_RUBRIC, NULL);
    return s != APP_OK ? s : rubric_indicator_get(c, id, out);
}

enum app_status rubric_standard_rename(struct ctx *c, int64_t id, const char *title,
                                       struct errors *errs)
{
    struct rubric_standard old;
    enum app_status s = standard_for_edit(c, id, &old);
    if (s != APP_OK)
        return s;
    if (!(title = casework_text(errs, "title", title, TITLE_MAX, true)))
        return APP_INVALID;
    int rc = db_exec(c->db, "UPDATE rubric_standard SET title = ? WHERE id = ?", "si", title, id);
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, "update", "rubric", id, 0,
                        arena_printf(c->a,
                                     "Renamed standard %s of the rubric from \"%s\" to "
                                     "\"%s\"",
                                     old.code, old.title, title));
}

static bool code_shape(const char *code)
{
    for (const char *p = code; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '-' && *p != '.')
            return false;
    return true;
}

/* The indicator's fields (NULL: keep old's), checked; a code is unique
 * within its standard. */
static bool indicator_check(struct ctx *c, int64_t standard_id, int64_t id,
                            const struct indicator_input *in, const struct rubric_indicator *old,
                            struct indicator_input *out, struct errors *errs)
{
    out->code = casework_text(errs, "code", in->code ? in->code : old->code, CODE_MAX, true);
    out->title = casework_text(errs, "title", in->title ? in->title : old->title, TITLE_MAX, true);
    out->description =
        casework_text(errs, "description", in->description ? in->description : old->description,
                      DESCRIPTION_MAX, false);
    if (out->code && !code_shape(out->code)) {
        errors_add(errs, "code", "Use letters, digits, dashes and dots only, as in II-B.");
        out->code = NULL;
    }
    int64_t taken = 0;
    if (out->code)
        db_int_query(c->db, &taken,
                     "SELECT COUNT(*) FROM rubric_indicator WHERE standard_id = ? AND code = ? "
                     "AND id <> ?",
                     "isi", standard_id, out->code, id);
    if (taken)
        errors_add(errs, "code", "Another indicator of this standard has this code.");
    return errs->n == 0;
}

enum app_status rubric_indicator_add(struct ctx *c, int64_t standard_id,
                                     const struct indicator_input *in, int64_t *id,
                                     struct errors *errs)
{
    struct rubric_standard std;
    struct indicator_input v;
    enum app_status s = standard_for_edit(c, standard_id, &std);
    if (s != APP_OK)
        return s;
    if (!indicator_check(c, standard_id, 0, in, &(struct rubric_indicator){0}, &v, errs))
        return APP_INVALID;
    int rc = db_int_query(c->db, id,
                          "INSERT INTO rubric_indicator (standard_id, code, title, description, "
                          "position) VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 "
                          "FROM rubric_indicator WHERE standard_id = ?)) RETURNING id",
                          "isssi", standard_id, v.code, v.title, v.description, standard_id);
    if (rc != DB_OK)
        return app_db_status(rc == DB_DONE ? DB_ERROR : rc);
    return audit_append(c, "create", "rubric", *id, 0,
                        arena_printf(c->a, "Added indicator %s, %s, to standard %s of the rubric",
                                     v.code, v.title, std.code));
}

enum app_status rubric_indicator_update(struct ctx *c, int64_t id, const struct indicator_input *in,
                                        struct errors *errs)
{
    struct rubric_indicator old;
    struct indicator_input v;
    enum app_status s = indicator_for_edit(c, id, &old);
    if (s != APP_OK)
        return s;
    if (!indicator_check(c, old.standard_id, id, in, &old, &v, errs))
        return APP_INVALID;
    int rc = db_exec(c->db,
                     "UPDATE rubric_indicator SET code = ?, title = ?, description = ? "
                     "WHERE id = ?",
                     "sssi", v.code, v.title, v.description, id);
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, "update", "rubric", id, 0,
                        arena_printf(c->a, "Changed indicator %s of the rubric (now %s, %s)",
                                     old.code, v.code, v.title));
}

enum app_status rubric_indicator_retire(struct ctx *c, int64_t id, bool retired)
{
    struct rubric_indicator old;
    enum app_status s = indicator_for_edit(c, id, &old);
    if (s != APP_OK)
        return s;
    int rc = db_exec(c->db, "UPDATE rubric_indicator SET retired = ? WHERE id = ?", "di",
                     retired ? 1 : 0, id);
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, retired ? "retire" : "restore", "rubric", id, 0,
                        arena_printf(c->a,
                                     retired ? "Retired indicator %s, %s: kept for the "
                                               "evidence tagged to it, no longer offered"
                                             : "Restored indicator %s, %s",
                                     old.code, old.title));
}

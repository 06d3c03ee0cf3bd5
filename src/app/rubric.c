/* rubric.c: reading and seeding the program's rubric. Editing it is the
 * coordinator's (KIND_RUBRIC). */
#include "app/rubric.h"

#include <string.h>

#include "domain/rubric.h"

bool rubric_standards_count(struct ctx *c, int64_t program_id, int64_t *n)
{
    return db_int_query(c->db, n, "SELECT COUNT(*) FROM rubric_standard WHERE program_id = ?", "i",
                        program_id) == DB_OK;
}

bool rubric_indicator_of_program(struct ctx *c, int64_t id, bool retired_too)
{
    int64_t found = 0;
    db_int_query(c->db, &found,
                 "SELECT COUNT(*) FROM rubric_indicator i JOIN rubric_standard s ON "
                 "s.id = i.standard_id WHERE i.id = ? AND s.program_id = ? AND "
                 "(? = 1 OR i.retired = 0)",
                 "iii", id, c->who.program_id, (int64_t)retired_too);
    return found > 0;
}

enum app_status rubric_seed_program(struct ctx *c, int64_t program_id)
{
    int64_t have = 0;
    if (!rubric_standards_count(c, program_id, &have))
        return APP_ERROR;
    if (have)
        return APP_OK;
    int rc = DB_OK;
    for (int s = 0; s < rubric_seed_count && rc >= 0; s++) {
        const struct rubric_seed_standard *std = &rubric_seed[s];
        int64_t sid = 0;
        rc = db_int_query(c->db, &sid,
                          "INSERT INTO rubric_standard (program_id, code, title, position) "
                          "VALUES (?, ?, ?, ?) RETURNING id",
                          "issi", program_id, std->code, std->title, (int64_t)s + 1);
        for (int i = 0; i < std->nindicators && rc >= 0; i++)
            rc = db_exec(c->db,
                         "INSERT INTO rubric_indicator (standard_id, code, title, description, "
                         "position) VALUES (?, ?, ?, ?, ?)",
                         "isssi", sid, std->indicators[i].code, std->indicators[i].title,
                         std->indicators[i].description, (int64_t)i + 1);
    }
    return app_db_status(rc);
}

static enum app_status standards_load(struct ctx *c, struct rubric *out)
{
    int64_t n = 0;
    if (!rubric_standards_count(c, c->who.program_id, &n))
        return APP_ERROR;
    db_stmt *st = db_query(c->db,
                           "SELECT id, code, title, position FROM rubric_standard WHERE "
                           "program_id = ? ORDER BY position, id",
                           "i", c->who.program_id);
    if (!st)
        return APP_ERROR;
    out->standards = arena_alloc(c->a, sizeof *out->standards * (size_t)(n + 1));
    out->nstandards = 0;
    while (db_step(st) == DB_ROW && out->nstandards <= n) {
        struct rubric_standard *s = &out->standards[out->nstandards++];
        memset(s, 0, sizeof *s);
        s->id = db_int(st, 0);
        s->code = db_text_copy(st, 1, c->a);
        s->title = db_text_copy(st, 2, c->a);
        s->position = (int)db_int(st, 3);
    }
    db_done(st);
    return APP_OK;
}

static enum app_status indicators_load(struct ctx *c, struct rubric_standard *s,
                                       bool with_retired)
{
    int64_t n = 0;
    if (db_int_query(c->db, &n, "SELECT COUNT(*) FROM rubric_indicator WHERE standard_id = ?",
                     "i", s->id) != DB_OK)
        return APP_ERROR;
    db_stmt *st = db_query(c->db,
                           "SELECT id, code, title, description, position, retired FROM "
                           "rubric_indicator WHERE standard_id = ? AND (? = 1 OR retired = 0) "
                           "ORDER BY position, id",
                           "ii", s->id, (int64_t)with_retired);
    if (!st)
        return APP_ERROR;
    s->indicators = arena_alloc(c->a, sizeof *s->indicators * (size_t)(n + 1));
    while (db_step(st) == DB_ROW && s->nindicators <= n) {
        struct rubric_indicator *i = &s->indicators[s->nindicators++];
        i->id = db_int(st, 0);
        i->standard_id = s->id;
        i->code = db_text_copy(st, 1, c->a);
        i->title = db_text_copy(st, 2, c->a);
        i->description = db_text_copy(st, 3, c->a);
        i->position = (int)db_int(st, 4);
        i->retired = db_int(st, 5) != 0;
    }
    db_done(st);
    return APP_OK;
}

enum app_status rubric_load(struct ctx *c, bool with_retired, struct rubric *out)
{
    enum app_status s = app_authorize(c, ACT_VIEW, KIND_RUBRIC, NULL);
    if (s != APP_OK || (s = standards_load(c, out)) != APP_OK)
        return s;
    for (int i = 0; i < out->nstandards && s == APP_OK; i++)
        s = indicators_load(c, &out->standards[i], with_retired);
    return s;
}

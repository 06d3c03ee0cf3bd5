/* self_assessment.c: the teacher's self-assessment (R19): their strengths
 * and areas for growth against each standard of the program's rubric, one
 * row per standard. Only the teacher writes it; who reads it is the policy
 * table's (KIND_SELF_ASSESSMENT; never a PA case's administrator, R16). */
#include <inttypes.h>
#include <string.h>

#include "app/goals.h"
#include "app/rubric.h"

#define TEXT_MAX 4000

enum app_status self_assessment_get(struct ctx *c, int64_t case_id, struct case_record *k,
                                    struct self_assessment *out, const char **refusal)
{
    enum app_status s = casework_open(c, case_id, ACT_VIEW, KIND_SELF_ASSESSMENT, k, refusal);
    int64_t total = 0;
    if (s != APP_OK)
        return s;
    if (!rubric_standards_count(c, c->who.program_id, &total))
        return APP_ERROR;
    db_stmt *st = db_query(c->db,
                           "SELECT s.id, s.code, s.title, COALESCE(a.strengths, ''), "
                           "COALESCE(a.growth_areas, ''), COALESCE(a.updated_at, 0) FROM "
                           "rubric_standard s LEFT JOIN self_assessment a ON a.standard_id = s.id "
                           "AND a.case_id = ? WHERE s.program_id = ? ORDER BY s.position, s.id",
                           "ii", case_id, c->who.program_id);
    if (!st)
        return APP_ERROR;
    memset(out, 0, sizeof *out);
    out->entries = arena_alloc(c->a, sizeof *out->entries * (size_t)(total + 1));
    while (db_step(st) == DB_ROW && out->n <= total) {
        struct self_assessment_entry *e = &out->entries[out->n++];
        *e = (struct self_assessment_entry){.standard_id = db_int(st, 0),
                                            .code = db_text_copy(st, 1, c->a),
                                            .title = db_text_copy(st, 2, c->a),
                                            .strengths = db_text_copy(st, 3, c->a),
                                            .growth_areas = db_text_copy(st, 4, c->a),
                                            .updated_at = db_int(st, 5)};
        if (e->updated_at > out->updated_at)
            out->updated_at = e->updated_at;
    }
    db_done(st);
    return APP_OK;
}

static const char *standard_code(struct ctx *c, int64_t id)
{
    db_stmt *st = db_query(c->db,
                           "SELECT code FROM rubric_standard WHERE id = ? AND "
                           "program_id = ?",
                           "ii", id, c->who.program_id);
    const char *code = st && db_step(st) == DB_ROW ? db_text_copy(st, 0, c->a) : NULL;
    if (st)
        db_done(st);
    return code;
}

/* Each entry's standard is the program's; its texts not too long. codes
 * gets the standards' codes, for the timeline. */
static bool entries_check(struct ctx *c, const struct self_assessment_entry *in, int n, buf *codes,
                          struct errors *errs)
{
    for (int i = 0; i < n; i++) {
        const char *code = standard_code(c, in[i].standard_id);
        if (!code)
            errors_add(errs, in[i].standard_field ? in[i].standard_field : "standard_id",
                       "Choose a standard of the program's rubric.");
        else
            buf_printf(codes, "%s%s", codes->len ? ", " : "", code);
        casework_text(errs, in[i].strengths_field ? in[i].strengths_field : "strengths",
                      in[i].strengths, TEXT_MAX, false);
        casework_text(errs, in[i].growth_field ? in[i].growth_field : "growth_areas",
                      in[i].growth_areas, TEXT_MAX, false);
    }
    if (!n)
        errors_add(errs, "standard_id", "Choose a standard of the program's rubric.");
    return errs->n == 0;
}

enum app_status self_assessment_save(struct ctx *c, int64_t case_id,
                                     const struct self_assessment_entry *in, int n,
                                     struct errors *errs, const char **refusal)
{
    struct case_record k;
    enum app_status s = casework_open(c, case_id, ACT_EDIT, KIND_SELF_ASSESSMENT, &k, refusal);
    buf codes;
    buf_init(&codes, c->a);
    if (s != APP_OK)
        return s;
    if (!entries_check(c, in, n, &codes, errs))
        return APP_INVALID;
    int rc = DB_OK;
    for (int i = 0; i < n && rc == DB_OK; i++)
        rc = db_exec(c->db,
                     "INSERT INTO self_assessment (case_id, standard_id, strengths, growth_areas, "
                     "updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (case_id, standard_id) DO "
                     "UPDATE SET strengths = excluded.strengths, growth_areas = "
                     "excluded.growth_areas, updated_at = excluded.updated_at",
                     "iissi", case_id, in[i].standard_id, in[i].strengths ? in[i].strengths : "",
                     in[i].growth_areas ? in[i].growth_areas : "", app_now(c));
    if (rc != DB_OK)
        return app_db_status(rc);
    const char *summary = arena_printf(c->a, "Updated the self-assessment (standard%s %s)",
                                       n > 1 ? "s" : "", buf_cstr(&codes));
    s = casework_record(c, &k, KIND_SELF_ASSESSMENT, case_id, "updated", summary, false);
    /* The CT reads it before the goals are set (R19). */
    return s != APP_OK ? s : case_tell(c, &k, (const int[]){TELL_CT, 0}, summary, NULL);
}

/* program.c: the installation's program (parley init), with the rubric it
 * starts with. */
#include "app/app.h"
#include "app/rubric.h"
#include "base/clock.h"

enum app_status program_create(struct ctx *c, const char *name, const char *short_name,
                               const char *time_zone, int64_t *id)
{
    int rc = db_int_query(c->db, id,
                          "INSERT INTO program (name, short_name, time_zone, created_at) "
                          "VALUES (?, ?, ?, ?) RETURNING id",
                          "sssi", name, short_name, time_zone, clock_now());
    if (rc != DB_OK)
        return app_db_status(rc);
    c->who.program_id = *id;
    enum app_status s = rubric_seed_program(c, *id); /* R19: the rubric it starts with */
    if (s != APP_OK)
        return s;
    return audit_append(c, "create", "program", *id, 0,
                        arena_printf(c->a, "Created the program %s", name));
}

/* demo.c: the program (parley init) and a deterministic demo district
 * (parley demo) whose sign-ins the README lists. Everything goes through
 * the same use cases as the web pages, so the demo's audit log is real. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "app/auth.h"
#include "app/people.h"
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
    return audit_append(c, "create", "program", *id, 0,
                        arena_printf(c->a, "Created the program %s", name));
}

static const struct school_input demo_schools[] = {
    {"Harbor View Elementary School", "HVES", "12 Wharf Street"},
    {"Lincoln Park Middle School", "LPMS", "400 Park Avenue"},
    {"Riverside High School", "RHS", "1 River Road"},
    {"Maple Hill K-8 School", "MHK8", "77 Maple Hill"},
    {"Eastside Academy", "ESA", "230 East Boulevard"},
    {"Northgate Early Learning Center", "NELC", "9 Northgate Way"},
};

struct demo_person {
    const char *name, *email, *school_code, *job;
    int years;
    const char *roles[3];
    const char *seat, *appointed_by;
};

/* The README lists these sign-ins; keep the two in step. */
static const struct demo_person demo_people[] = {
    {"Morgan Ellis", "coordinator@parley.test", "", "classroom_teacher", 19, {"coordinator"}, 0, 0},
    {"Dana Whitfield", "ct1@parley.test", "RHS", "classroom_teacher", 16, {"consulting_teacher"}, 0, 0},
    {"Luis Ortega", "ct2@parley.test", "LPMS", "classroom_teacher", 12, {"consulting_teacher"}, 0, 0},
    {"Priya Raman", "ct3@parley.test", "HVES", "spc_teacher", 14, {"consulting_teacher"}, 0, 0},
    {"Grace Okafor", "principal@parley.test", "RHS", "other", 21, {"administrator"}, 0, 0},
    {"Thomas Byrne", "principal2@parley.test", "LPMS", "other", 17, {"administrator"}, 0, 0},
    {"Helen Park", "principal3@parley.test", "HVES", "other", 11, {"administrator", "panel_member"},
     "principal", "The Superintendent"},
    {"Samuel Reyes", "teacher@parley.test", "RHS", "classroom_teacher", 6, {"participating_teacher"}, 0, 0},
    {"Aisha Bello", "teacher2@parley.test", "LPMS", "classroom_teacher", 4, {"participating_teacher"}, 0, 0},
    {"Nora Lindqvist", "teacher3@parley.test", "HVES", "nurse", 9, {"participating_teacher"}, 0, 0},
    {"Kevin Tran", "kevin.tran@parley.test", "MHK8", "classroom_teacher", 2, {0}, 0, 0},
    {"Rosa Delgado", "rosa.delgado@parley.test", "ESA", "cosess", 8, {0}, 0, 0},
    {"Frank Moreau", "panel@parley.test", "RHS", "classroom_teacher", 23, {"panel_member"},
     "teacher", "The union president"},
    {"Ivy Chen", "panel2@parley.test", "ESA", "classroom_teacher", 15, {"panel_member"},
     "teacher", "The union president"},
    {"Omar Haddad", "panel3@parley.test", "NELC", "other", 18, {"panel_member"},
     "principal", "The Superintendent"},
    {"Beatrice Nolan", "superintendent@parley.test", "", "other", 25, {"superintendent"}, 0, 0},
    {"Walter Kim", "union@parley.test", "", "classroom_teacher", 20, {"union_rep"}, 0, 0},
};

static const char *school_id_of(struct ctx *c, const char *code)
{
    int64_t id = 0;
    if (*code)
        db_int_query(c->db, &id, "SELECT id FROM school WHERE code = ? AND program_id = ?", "si",
                     code, c->who.program_id);
    return id ? arena_printf(c->a, "%" PRId64, id) : "";
}

static enum app_status demo_roles(struct ctx *c, const struct demo_person *dp, int64_t pid,
                                  struct errors *errs)
{
    enum app_status s = APP_OK;
    for (int k = 0; k < 3 && dp->roles[k] && s == APP_OK; k++) {
        bool panel = strcmp(dp->roles[k], "panel_member") == 0;
        struct role_input ri = {
            .role = dp->roles[k], .school_id = school_id_of(c, dp->school_code),
            .seat = panel ? dp->seat : "", .appointed_by = panel ? dp->appointed_by : "",
            .term_start = panel ? "2025-09-01" : "", .term_end = panel ? "2028-08-31" : "",
        };
        int64_t rid;
        s = role_add(c, pid, &ri, &rid, errs);
    }
    return s;
}

static enum app_status demo_person_add(struct ctx *c, const struct demo_person *dp,
                                       const char *password, struct errors *errs)
{
    struct person_input in = {
        .name = dp->name, .email = dp->email, .employee_id = "",
        .school_id = school_id_of(c, dp->school_code), .union_member = "yes",
        .full_time = "yes", .years_in_district = arena_printf(c->a, "%d", dp->years),
        .job_type = dp->job,
    };
    int64_t pid;
    enum app_status s = person_create(c, &in, &pid, errs);
    if (s == APP_OK)
        s = demo_roles(c, dp, pid, errs);
    if (s == APP_OK)
        s = auth_password_set(c, pid, password, errs);
    return s;
}

enum app_status demo_build(struct ctx *c, const char *password)
{
    struct errors errs = {0};
    enum app_status s = APP_OK;
    for (size_t i = 0; s == APP_OK && i < sizeof demo_schools / sizeof *demo_schools; i++) {
        int64_t id;
        s = school_create(c, &demo_schools[i], &id, &errs);
    }
    for (size_t i = 0; s == APP_OK && i < sizeof demo_people / sizeof *demo_people; i++)
        s = demo_person_add(c, &demo_people[i], password, &errs);
    for (int i = 0; i < errs.n; i++)
        fprintf(stderr, "parley: demo: %s: %s\n", errs.e[i].field, errs.e[i].message);
    return s;
}

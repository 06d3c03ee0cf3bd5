/* people.c: schools, people and their roles (R27's bar on a former CT's
 * administrator post is read here, where roles are given; ct_terms.c
 * records it); the audit log's views. */
#include "app/people.h"

#include <ctype.h>
#include <inttypes.h>
#include <string.h>

#include "app/credential.h"
#include "domain/credential.h"
#include "domain/ct_term.h"

#define SELF(c, id) (&(struct policy_record){.known = true, .self = (id) == (c)->who.person_id})

/* --- roles --- */

#define ROLES_PER_PERSON 8
#define ROLE_COLUMNS                                                                       \
    "r.id, r.role, r.school_id, COALESCE(rs.name, ''), r.seat, r.appointed_by, "           \
    "r.term_start, r.term_end FROM person_role r LEFT JOIN school rs ON rs.id = r.school_id "

/* Appends the role in the row's columns from col on to p's roles. */
static void role_add_from_row(struct ctx *c, db_stmt *st, int col, struct person *p)
{
    if (!p->roles)
        p->roles = arena_alloc(c->a, sizeof *p->roles * ROLES_PER_PERSON);
    struct person_role *r = &p->roles[p->nroles];
    if (p->nroles == ROLES_PER_PERSON || !role_parse(db_text(st, col + 1), &r->role))
        return;
    r->id = db_int(st, col);
    r->school_id = db_int(st, col + 2);
    r->school_name = arena_strdup(c->a, db_text(st, col + 3));
    r->seat = arena_strdup(c->a, db_text(st, col + 4));
    r->appointed_by = arena_strdup(c->a, db_text(st, col + 5));
    r->term_start = arena_strdup(c->a, db_text(st, col + 6));
    r->term_end = arena_strdup(c->a, db_text(st, col + 7));
    p->nroles++;
}

role_set person_roles(struct ctx *c, int64_t person_id)
{
    role_set set = 0;
    /* Roles count only in the program they were given in. */
    db_stmt *st =
        db_query(c->db, "SELECT role FROM person_role WHERE person_id = ? AND program_id = ?", "ii",
                 person_id, c->who.program_id);
    enum role r;
    while (st && db_step(st) == DB_ROW)
        if (role_parse(db_text(st, 0), &r))
            set |= 1u << r;
    if (st)
        db_done(st);
    return set;
}

static enum app_status roles_load(struct ctx *c, struct person *p)
{
    /* The roles held in this program: another program's are its own. The
     * person's index, not the program's (the unary +): that one yields the
     * order wanted, and SQLite would walk every role of the program for it
     * (a district's thousands, at each request; issue 19). */
    db_stmt *st = db_query(c->db,
                           "SELECT " ROLE_COLUMNS "WHERE r.person_id = ? AND +r.program_id = ? "
                           "ORDER BY r.role, r.id",
                           "ii", p->id, c->who.program_id);
    if (!st)
        return APP_ERROR;
    p->roles = NULL;
    p->nroles = 0;
    while (db_step(st) == DB_ROW)
        role_add_from_row(c, st, 0, p);
    db_done(st);
    return APP_OK;
}

/* --- people --- */

#define PERSON_FILTER                                                                      \
    " FROM person p LEFT JOIN school s ON s.id = p.school_id WHERE p.program_id = ? "      \
    "AND (? = '' OR p.name LIKE ? ESCAPE '\\' OR p.email LIKE ? ESCAPE '\\' "              \
    "OR p.employee_id LIKE ? ESCAPE '\\') AND (? = 0 OR p.school_id = ?) "                 \
    "AND (? = '' OR EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = p.id AND r.role = ?))"

/* The roles of a page of people in one query, not one per person: the
 * subquery is the page itself, with the list's own parameters. */
static enum app_status people_roles_load(struct ctx *c, const struct people_filter *f,
                                         const struct page_of *pg, int64_t offset,
                                         struct person *people, int n)
{
    const char *q = f->q ? f->q : "", *like = like_pattern(c->a, q);
    const char *role = f->role ? f->role : "";
    db_stmt *st = db_query(c->db,
                           "SELECT r.person_id, " ROLE_COLUMNS "WHERE r.person_id IN (SELECT p.id"
                           PERSON_FILTER " ORDER BY p.name, p.id LIMIT ? OFFSET ?) "
                           "AND r.program_id = ? ORDER BY r.person_id, r.role, r.id",
                           "issssiissdii", c->who.program_id, q, like, like, like, f->school_id,
                           f->school_id, role, role, pg->per_page, offset, c->who.program_id);
    if (!st)
        return APP_ERROR;
    while (db_step(st) == DB_ROW) {
        int64_t pid = db_int(st, 0);
        for (int i = 0; i < n; i++)
            if (people[i].id == pid)
                role_add_from_row(c, st, 1, &people[i]);
    }
    db_done(st);
    return APP_OK;
}

enum app_status people_list(struct ctx *c, const struct people_filter *f, struct page_of *pg,
                            struct person **out, int *n)
{
    enum app_status s = app_authorize(c, ACT_LIST, KIND_PERSON, NULL);
    if (s != APP_OK)
        return s;
    const char *q = f->q ? f->q : "", *like = like_pattern(c->a, q);
    const char *role = f->role ? f->role : "";
    int64_t offset = page_of_offset(pg, 25, 200);
    /* Unfiltered, the count reads only the (program_id, name) index; the
     * filter's expressions would visit every person's row (the large
     * district's list was 7x slower than the demo's for this alone). */
    bool unfiltered = !*q && !f->school_id && !*role;
    if ((unfiltered ? db_int_query(c->db, &pg->total,
                                   "SELECT COUNT(*) FROM person WHERE program_id = ?", "i",
                                   c->who.program_id)
                    : db_int_query(c->db, &pg->total, "SELECT COUNT(*)" PERSON_FILTER, "issssiiss",
                                   c->who.program_id, q, like, like, like, f->school_id,
                                   f->school_id, role, role)) != DB_OK)
        return APP_ERROR;
    db_stmt *st = db_query(c->db,
                           "SELECT p.id, p.name, p.email, p.employee_id, COALESCE(s.name, ''), "
                           "p.school_id" PERSON_FILTER " ORDER BY p.name, p.id LIMIT ? OFFSET ?",
                           "issssiissdi", c->who.program_id, q, like, like, like, f->school_id,
                           f->school_id, role, role, pg->per_page, offset);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)pg->per_page);
    *n = 0;
    while (db_step(st) == DB_ROW && *n < pg->per_page) {
        struct person *p = &(*out)[(*n)++];
        p->id = db_int(st, 0);
        p->name = arena_strdup(c->a, db_text(st, 1));
        p->email = arena_strdup(c->a, db_text(st, 2));
        p->employee_id = arena_strdup(c->a, db_text(st, 3));
        p->school_name = arena_strdup(c->a, db_text(st, 4));
        p->school_id = db_int(st, 5);
    }
    db_done(st);
    return people_roles_load(c, f, pg, offset, *out, *n);
}

int64_t person_signing_in_as(struct ctx *c, const char *email, int64_t *program_id)
{
    char *lower = arena_strdup(c->a, email ? email : "");
    for (char *p = lower; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    int64_t id = 0;
    db_stmt *st = db_query(c->db,
                           "SELECT id, program_id FROM person WHERE email = ? "
                           "ORDER BY password_hash IS NULL, id LIMIT 1",
                           "s", lower);
    if (st && db_step(st) == DB_ROW) {
        id = db_int(st, 0);
        *program_id = db_int(st, 1);
    }
    if (st)
        db_done(st);
    return id;
}

static enum app_status person_load(struct ctx *c, int64_t id, struct person *p)
{
    db_stmt *st = db_query(c->db,
                           "SELECT p.id, p.name, p.email, p.employee_id, p.school_id, "
                           "COALESCE(s.name, ''), p.union_member, p.full_time, "
                           "p.district_year, p.job_type, p.version, p.created_at, "
                           "p.updated_at, p.password_hash IS NOT NULL, p.active FROM person p "
                           "LEFT JOIN school s ON s.id = p.school_id "
                           "WHERE p.id = ? AND p.program_id = ?",
                           "ii", id, c->who.program_id);
    if (!st)
        return APP_ERROR;
    if (db_step(st) != DB_ROW) {
        db_done(st);
        return APP_NOT_FOUND;
    }
    memset(p, 0, sizeof *p);
    p->id = db_int(st, 0);
    p->name = arena_strdup(c->a, db_text(st, 1));
    p->email = arena_strdup(c->a, db_text(st, 2));
    p->employee_id = arena_strdup(c->a, db_text(st, 3));
    p->school_id = db_int(st, 4);
    p->school_name = arena_strdup(c->a, db_text(st, 5));
    p->union_member = db_int(st, 6) != 0;
    p->full_time = db_int(st, 7) != 0;
    p->district_year = (int)db_int(st, 8);
    if (!job_type_parse(db_text(st, 9), &p->job_type))
        p->job_type = JOB_OTHER;
    p->version = db_int(st, 10);
    p->created_at = db_int(st, 11);
    p->updated_at = db_int(st, 12);
    p->can_sign_in = db_int(st, 13) != 0;
    p->active = db_int(st, 14) != 0;
    db_done(st);
    return roles_load(c, p);
}

enum app_status person_get(struct ctx *c, int64_t id, struct person *out)
{
    enum app_status s = app_authorize(c, ACT_VIEW, KIND_PERSON, SELF(c, id));
    if (s != APP_OK)
        return s;
    if ((s = person_load(c, id, out)) != APP_OK)
        return s;
    /* R37: the person sees who looked at their record. A request that is
     * changing the record (its transaction is open) is audited as the
     * change; only a request that just looks is audited as a view. */
    if (id == c->who.person_id || db_in_transaction(c->db))
        return APP_OK;
    return audit_append(c, "read", "person", id, id,
                        arena_printf(c->a, "Viewed the record of %s", out->name));
}

bool school_exists(struct ctx *c, int64_t school_id)
{
    int64_t found = 0;
    db_int_query(c->db, &found, "SELECT id FROM school WHERE id = ? AND program_id = ?", "ii",
                 school_id, c->who.program_id);
    return found != 0;
}

/* Checks what only the database knows: the school exists, the email is free
 * in the program. Only in the program: another program's people are not
 * this one's to learn of, not even that an address is theirs (finding 10;
 * 012 makes an email unique per program). */
static void person_check_store(struct ctx *c, int64_t id, const struct person_fields *pf,
                               struct errors *errs)
{
    if (pf->school_id && !school_exists(c, pf->school_id))
        errors_add(errs, "school_id", "Choose a school from the list.");
    int64_t other = 0;
    db_int_query(c->db, &other,
                 "SELECT id FROM person WHERE email = ? AND program_id = ? AND id <> ?", "sii",
                 pf->email, c->who.program_id, id);
    if (other)
        errors_add(errs, "email", "Another person already has this email address.");
}

const char *school_param(struct ctx *c, int64_t school_id)
{
    return school_id ? arena_printf(c->a, "%" PRId64, school_id) : NULL;
}

/* A unique key can still be taken between the checks and the write, by a
 * writer on another PostgreSQL connection. PostgreSQL then aborts the whole
 * transaction, and the form could not be shown again with the error; a
 * savepoint confines the failure to the one statement, as SQLite does.
 * Outside a transaction (the command line) a failed statement is alone. */
static bool unique_write_begin(struct ctx *c)
{
    return db_in_transaction(c->db) && db_exec(c->db, "SAVEPOINT unique_write", "") == DB_OK;
}

static void unique_write_end(struct ctx *c, bool savepoint, int rc)
{
    if (!savepoint)
        return;
    if (rc == DB_CONSTRAINT)
        db_exec(c->db, "ROLLBACK TO unique_write", "");
    db_exec(c->db, "RELEASE unique_write", "");
}

/* After a constraint failure: the field the checks now find taken, or the
 * failure as it was when they find none. */
static enum app_status unique_lost(int rc, const struct errors *errs)
{
    return rc == DB_CONSTRAINT && errs->n ? APP_INVALID : app_db_status(rc);
}

/* Issue 16: an address someone else typed may not be the person's own; a
 * password link asked for by the person goes to it only if their roles
 * stay in the program (domain/credential.h). The operator vouches for what
 * they type. */
static bool address_set_by_other(const struct ctx *c, int64_t person_id)
{
    return !c->who.operator && c->who.person_id != person_id;
}

enum app_status person_create(struct ctx *c, const struct person_input *in, int64_t *id,
                              struct errors *errs)
{
    enum app_status s = app_authorize(c, ACT_CREATE, KIND_PERSON, NULL);
    if (s != APP_OK)
        return s;
    struct person_fields pf;
    if (person_check(in, &pf, errs))
        person_check_store(c, 0, &pf, errs);
    if (errs->n)
        return APP_INVALID;
    int64_t now = app_now(c);
    bool sp = unique_write_begin(c);
    int rc = db_int_query(c->db, id,
                          "INSERT INTO person (program_id, name, email, employee_id, school_id, "
                          "union_member, full_time, district_year, job_type, created_at, "
                          "updated_at, email_set_by_other) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                          "?, ?) RETURNING id",
                          "issssdddsiid", c->who.program_id, pf.name, pf.email, pf.employee_id,
                          school_param(c, pf.school_id), pf.union_member, pf.full_time,
                          pf.district_year, job_type_key(pf.job_type), now, now,
                          address_set_by_other(c, 0));
    unique_write_end(c, sp, rc);
    if (rc == DB_CONSTRAINT)
        person_check_store(c, 0, &pf, errs);
    if (rc != DB_OK)
        return unique_lost(rc, errs);
    return audit_append(c, "create", "person", *id, *id,
                        arena_printf(c->a, "Added %s (%s)", pf.name, pf.email));
}

/* "name, school" : which fields an edit changed, for the audit log. */
static const char *person_changes(struct ctx *c, const struct person *old,
                                  const struct person_fields *pf)
{
    buf b;
    buf_init(&b, c->a);
    const struct {
        bool changed;
        const char *label;
    } fields[] = {
        {strcmp(old->name, pf->name) != 0, "name"},
        {strcmp(old->email, pf->email) != 0, "email"},
        {strcmp(old->employee_id, pf->employee_id) != 0, "employee id"},
        {old->school_id != pf->school_id, "school"},
        {old->union_member != pf->union_member, "union member"},
        {old->full_time != pf->full_time, "full time"},
        {old->district_year != pf->district_year, "year in the district"},
        {old->job_type != pf->job_type, "job type"},
    };
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (fields[i].changed)
            buf_printf(&b, "%s%s", b.len ? ", " : "", fields[i].label);
    return b.len ? b.s : "nothing";
}

enum app_status person_update(struct ctx *c, int64_t id, int64_t version,
                              const struct person_input *in, struct errors *errs)
{
    enum app_status s = app_authorize(c, ACT_EDIT, KIND_PERSON, SELF(c, id));
    struct person old;
    if (s != APP_OK || (s = person_load(c, id, &old)) != APP_OK)
        return s;
    if (old.version != version)
        return APP_CONFLICT;
    struct person_fields pf;
    if (person_check(in, &pf, errs))
        person_check_store(c, id, &pf, errs);
    if (errs->n)
        return APP_INVALID;
    /* One signs in with one's email: a new one ends the old sign-in, the
     * same whether or not the address signs someone in elsewhere (that is
     * not this program's to learn, finding 10). A new password comes with
     * a one-time link. */
    bool new_address = strcmp(old.email, pf.email) != 0;
    if (new_address && old.can_sign_in &&
        (s = auth_sign_in_end(c, id, TOKENS_ENDED_EMAIL)) != APP_OK)
        return s;
    bool sp = unique_write_begin(c);
    int rc = db_exec(c->db,
                     "UPDATE person SET name = ?, email = ?, employee_id = ?, school_id = ?, "
                     "union_member = ?, full_time = ?, district_year = ?, job_type = ?, "
                     "updated_at = ?, version = version + 1, email_set_by_other = CASE WHEN ? = 1 "
                     "THEN ? ELSE email_set_by_other END WHERE id = ? AND version = ?",
                     "ssssdddsiddii", pf.name, pf.email, pf.employee_id,
                     school_param(c, pf.school_id), pf.union_member, pf.full_time,
                     pf.district_year, job_type_key(pf.job_type), app_now(c), new_address,
                     address_set_by_other(c, id), id, version);
    unique_write_end(c, sp, rc);
    if (rc == DB_CONSTRAINT)
        person_check_store(c, id, &pf, errs);
    if (rc != DB_OK)
        return unique_lost(rc, errs);
    if (db_changes(c->db) != 1)
        return APP_CONFLICT;
    return audit_append(c, "update", "person", id, id,
                        arena_printf(c->a, "Changed %s of %s", person_changes(c, &old, &pf),
                                     pf.name));
}

static bool role_held(const struct person *p, const struct role_fields *rf)
{
    for (int i = 0; i < p->nroles; i++)
        if (p->roles[i].role == rf->role && p->roles[i].school_id == rf->school_id)
            return true;
    return false;
}

const char *ct_restricted_until(struct ctx *c, int64_t person_id)
{
    const char *now = app_today(c), *found = NULL;
    db_stmt *st = db_query(c->db,
                           "SELECT MAX(restricted_until) FROM ct_term WHERE person_id = ? "
                           "AND restricted_until <> ''",
                           "i", person_id);
    if (st && db_step(st) == DB_ROW && ct_barred_on(db_text(st, 0), now))
        found = db_text_copy(st, 0, c->a);
    if (st)
        db_done(st);
    return found;
}

/* R27: a Consulting Teacher who left waits before a principal's or an
 * assistant principal's post (an administrator of a school). */
static void check_ct_restriction(struct ctx *c, const struct person *p,
                                 const struct role_fields *rf, struct errors *errs)
{
    const char *until = rf->role == ROLE_ADMINISTRATOR ? ct_restricted_until(c, p->id) : NULL;
    if (until)
        errors_add(errs, "role",
                   arena_printf(c->a, "%s left the Consulting Teacher's role and may not take a "
                                      "principal or assistant-principal post until %s (R27).",
                                p->name, until));
}

enum app_status role_add(struct ctx *c, int64_t person_id, const struct role_input *in,
                         int64_t *role_id, struct errors *errs)
{
    enum app_status s = app_authorize(c, ACT_CREATE, KIND_ROLE, NULL);
    struct person p;
    if (s != APP_OK || (s = person_load(c, person_id, &p)) != APP_OK)
        return s;
    struct role_fields rf;
    if (role_check(in, program_setting_int(c, "panel_max_term_years"), &rf, errs)) {
        if (rf.school_id && !school_exists(c, rf.school_id))
            errors_add(errs, "school_id", "Choose a school from the list.");
        else if (role_held(&p, &rf))
            errors_add(errs, "role", "This person already holds that role.");
        else if (role_of_federation(rf.role) != c->who.federation)
            /* Each program's roles are its own: nothing crosses the wall. */
            errors_add(errs, "role", c->who.federation
                                         ? "This program is a Peer Support Service: give one "
                                           "of its roles."
                                         : "That is a role of a federation's Peer Support "
                                           "Service, given in its own program.");
        else
            check_ct_restriction(c, &p, &rf, errs);
    }
    if (errs->n)
        return APP_INVALID;
    int rc = db_int_query(c->db, role_id,
                          "INSERT INTO person_role (person_id, role, school_id, seat, appointed_by, "
                          "term_start, term_end, created_at, program_id) VALUES (?, ?, ?, ?, ?, "
                          "?, ?, ?, ?) RETURNING id",
                          "issssssii", person_id, role_key(rf.role), school_param(c, rf.school_id),
                          rf.seat, rf.appointed_by, rf.term_start, rf.term_end, app_now(c),
                          c->who.program_id);
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, "create", "role", *role_id, person_id,
                        arena_printf(c->a, "Gave %s the role %s", p.name, role_label(rf.role)));
}

enum app_status role_remove(struct ctx *c, int64_t person_id, int64_t role_id)
{
    enum app_status s = app_authorize(c, ACT_DELETE, KIND_ROLE, NULL);
    struct person p;
    if (s != APP_OK || (s = person_load(c, person_id, &p)) != APP_OK)
        return s;
    const struct person_role *r = NULL;
    for (int i = 0; i < p.nroles; i++)
        if (p.roles[i].id == role_id)
            r = &p.roles[i];
    if (!r)
        return APP_NOT_FOUND;
    if (r->role == ROLE_COORDINATOR) {
        /* The program must keep someone who can administer it. */
        int64_t coordinators = 0;
        db_int_query(c->db, &coordinators,
                     "SELECT COUNT(*) FROM person_role r JOIN person p ON p.id = r.person_id "
                     "WHERE r.role = 'coordinator' AND p.program_id = ? AND p.active = 1",
                     "i", c->who.program_id);
        if (coordinators <= 1)
            return APP_CONFLICT;
    }
    int rc = db_exec(c->db, "DELETE FROM person_role WHERE id = ? AND person_id = ?", "ii",
                     role_id, person_id);
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, "delete", "role", role_id, person_id,
                        arena_printf(c->a, "Took the role %s from %s", role_label(r->role),
                                     p.name));
}

/* --- schools --- */

static void school_row(struct ctx *c, db_stmt *st, struct school *s)
{
    s->id = db_int(st, 0);
    s->name = arena_strdup(c->a, db_text(st, 1));
    s->code = arena_strdup(c->a, db_text(st, 2));
    s->address = arena_strdup(c->a, db_text(st, 3));
    s->version = db_int(st, 4);
    s->people = db_int(st, 5);
}

#define SCHOOL_COLUMNS                                                                     \
    "SELECT s.id, s.name, s.code, s.address, s.version, "                                  \
    "(SELECT COUNT(*) FROM person p WHERE p.school_id = s.id) FROM school s "

static enum app_status schools_query(struct ctx *c, db_stmt *st, int cap, struct school **out,
                                     int *n)
{
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)(cap > 0 ? cap : 1));
    *n = 0;
    while (*n < cap && db_step(st) == DB_ROW)
        school_row(c, st, &(*out)[(*n)++]);
    db_done(st);
    return APP_OK;
}

enum app_status schools_list(struct ctx *c, const char *q, struct page_of *pg,
                             struct school **out, int *n)
{
    enum app_status s = app_authorize(c, ACT_LIST, KIND_SCHOOL, NULL);
    if (s != APP_OK)
        return s;
    q = q ? q : "";
    const char *like = like_pattern(c->a, q);
    int64_t offset = page_of_offset(pg, 25, 200);
    if (db_int_query(c->db, &pg->total,
                     "SELECT COUNT(*) FROM school s WHERE s.program_id = ? AND (? = '' OR "
                     "s.name LIKE ? ESCAPE '\\' OR s.code LIKE ? ESCAPE '\\')",
                     "isss", c->who.program_id, q, like, like) != DB_OK)
        return APP_ERROR;
    db_stmt *st = db_query(c->db,
                           SCHOOL_COLUMNS "WHERE s.program_id = ? AND (? = '' OR s.name LIKE ? "
                                          "ESCAPE '\\' OR s.code LIKE ? ESCAPE '\\') "
                                          "ORDER BY s.name LIMIT ? OFFSET ?",
                           "isssdi", c->who.program_id, q, like, like, pg->per_page, offset);
    return schools_query(c, st, pg->per_page, out, n);
}

enum app_status schools_all(struct ctx *c, struct school **out, int *n)
{
    int64_t count = 0;
    if (db_int_query(c->db, &count, "SELECT COUNT(*) FROM school WHERE program_id = ?", "i",
                     c->who.program_id) != DB_OK)
        return APP_ERROR;
    /* For choice lists: without the people count, whose cost grows with the
     * district (every page with a school list would pay it). */
    db_stmt *st = db_query(c->db,
                           "SELECT s.id, s.name, s.code, s.address, s.version, 0 FROM school s "
                           "WHERE s.program_id = ? ORDER BY s.name",
                           "i", c->who.program_id);
    return schools_query(c, st, (int)count, out, n);
}

enum app_status school_get(struct ctx *c, int64_t id, struct school *out)
{
    enum app_status s = app_authorize(c, ACT_VIEW, KIND_SCHOOL, NULL);
    if (s != APP_OK)
        return s;
    db_stmt *st = db_query(c->db, SCHOOL_COLUMNS "WHERE s.id = ? AND s.program_id = ?", "ii", id,
                           c->who.program_id);
    if (!st)
        return APP_ERROR;
    bool found = db_step(st) == DB_ROW;
    if (found)
        school_row(c, st, out);
    db_done(st);
    return found ? APP_OK : APP_NOT_FOUND;
}

static void school_check_store(struct ctx *c, int64_t id, const struct school_input *in,
                               struct errors *errs)
{
    int64_t other = 0;
    db_int_query(c->db, &other, "SELECT id FROM school WHERE program_id = ? AND name = ? AND id <> ?",
                 "isi", c->who.program_id, in->name, id);
    if (other)
        errors_add(errs, "name", "Another school already has this name.");
    other = 0;
    db_int_query(c->db, &other, "SELECT id FROM school WHERE program_id = ? AND code = ? AND id <> ?",
                 "isi", c->who.program_id, in->code, id);
    if (other)
        errors_add(errs, "code", "Another school already has this code.");
}

enum app_status school_create(struct ctx *c, const struct school_input *in, int64_t *id,
                              struct errors *errs)
{
    enum app_status s = app_authorize(c, ACT_CREATE, KIND_SCHOOL, NULL);
    if (s != APP_OK)
        return s;
    if (school_check(in, errs))
        school_check_store(c, 0, in, errs);
    if (errs->n)
        return APP_INVALID;
    int64_t now = app_now(c);
    bool sp = unique_write_begin(c);
    int rc = db_int_query(c->db, id,
                          "INSERT INTO school (program_id, name, code, address, created_at, "
                          "updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                          "isssii", c->who.program_id, in->name, in->code,
                          in->address ? in->address : "", now, now);
    unique_write_end(c, sp, rc);
    if (rc == DB_CONSTRAINT)
        school_check_store(c, 0, in, errs);
    if (rc != DB_OK)
        return unique_lost(rc, errs);
    return audit_append(c, "create", "school", *id, 0,
                        arena_printf(c->a, "Added the school %s (%s)", in->name, in->code));
}

enum app_status school_update(struct ctx *c, int64_t id, int64_t version,
                              const struct school_input *in, struct errors *errs)
{
    enum app_status s = app_authorize(c, ACT_EDIT, KIND_SCHOOL, NULL);
    struct school old;
    if (s != APP_OK || (s = school_get(c, id, &old)) != APP_OK)
        return s;
    if (old.version != version)
        return APP_CONFLICT;
    if (school_check(in, errs))
        school_check_store(c, id, in, errs);
    if (errs->n)
        return APP_INVALID;
    bool sp = unique_write_begin(c);
    int rc = db_exec(c->db,
                     "UPDATE school SET name = ?, code = ?, address = ?, updated_at = ?, "
                     "version = version + 1 WHERE id = ? AND version = ?",
                     "sssiii", in->name, in->code, in->address ? in->address : "", app_now(c), id,
                     version);
    unique_write_end(c, sp, rc);
    if (rc == DB_CONSTRAINT)
        school_check_store(c, id, in, errs);
    if (rc != DB_OK)
        return unique_lost(rc, errs);
    if (db_changes(c->db) != 1)
        return APP_CONFLICT;
    return audit_append(c, "update", "school", id, 0,
                        arena_printf(c->a, "Changed the school %s (was %s, %s)", in->name,
                                     old.name, old.code));
}

/* --- the audit log --- */

#define AUDIT_FIELDS                                                                               \
    "a.id, a.at, COALESCE(a.actor_id, 0), a.actor_label, a.action, a.record_kind, "                \
    "a.record_id, COALESCE(a.subject_id, 0), a.address, a.summary, COALESCE(p.name, '') "
#define AUDIT_SUBJECT "LEFT JOIN person p ON p.id = a.subject_id "

/* A program's log is its own rows (009; rows from before have none): the
 * federation's Peer Support Service is not in a district's log (R31-R36). */
#define AUDIT_PROGRAM "WHERE (a.program_id = ? OR a.program_id IS NULL) "
#define AUDIT_CONDITIONS                                                                           \
    "AND (? = '' OR a.summary LIKE ? ESCAPE '\\' OR a.actor_label LIKE ? ESCAPE '\\') "            \
    "AND (? = '' OR a.record_kind = ?) AND (? = 0 OR a.actor_id = ?) "                             \
    "AND (? = 0 OR a.subject_id = ?) "
#define AUDIT_FILTER AUDIT_PROGRAM AUDIT_CONDITIONS
/* A page of the log, newest first: the program's index is not used (the
 * unary +), so the engine walks the log backwards by id and stops at the
 * page, instead of gathering and sorting every row of the program first
 * (issue 19: 0.3 s on 300,000 rows, now a millisecond). */
#define AUDIT_PAGE_FILTER                                                                          \
    "WHERE (+a.program_id = ? OR +a.program_id IS NULL) " AUDIT_CONDITIONS

/* Reads AUDIT_FIELDS, and (folded) the times and the first's time after them. */
static void audit_entry_row(struct ctx *c, db_stmt *st, bool folded, struct audit_entry *e)
{
    e->id = db_int(st, 0);
    e->at = db_int(st, 1);
    e->actor_id = db_int(st, 2);
    e->actor = arena_strdup(c->a, db_text(st, 3));
    e->action = arena_strdup(c->a, db_text(st, 4));
    e->kind = arena_strdup(c->a, db_text(st, 5));
    e->record_id = db_int(st, 6);
    e->subject_id = db_int(st, 7);
    e->address = arena_strdup(c->a, db_text(st, 8));
    e->summary = arena_strdup(c->a, db_text(st, 9));
    e->subject_name = arena_strdup(c->a, db_text(st, 10));
    e->times = folded ? (int)db_int(st, 11) : 1;
    e->first_at = folded ? db_int(st, 12) : e->at;
}

static enum app_status audit_rows(struct ctx *c, const struct audit_filter *f, struct page_of *pg,
                                  struct audit_entry **out, int *n)
{
    const char *q = f->q ? f->q : "", *like = like_pattern(c->a, q);
    const char *kind = f->kind ? f->kind : "";
    int64_t offset = page_of_offset(pg, 25, 200);
    /* Unfiltered, the log's length is its tally (sql/024), not a count of
     * every row at each view. */
    bool all = !*q && !*kind && !f->actor_id && !f->subject_id;
    if (all ? db_int_query(c->db, &pg->total,
                           "SELECT COALESCE(SUM(entries), 0) FROM audit_tally "
                           "WHERE program_id IN (?, 0)",
                           "i", c->who.program_id) != DB_OK
            : db_int_query(c->db, &pg->total, "SELECT COUNT(*) FROM audit a " AUDIT_FILTER,
                           "isssssiiii", c->who.program_id, q, like, like, kind, kind,
                           f->actor_id, f->actor_id, f->subject_id, f->subject_id) != DB_OK)
        return APP_ERROR;
    db_stmt *st =
        db_query(c->db,
                 "SELECT " AUDIT_FIELDS "FROM audit a " AUDIT_SUBJECT AUDIT_PAGE_FILTER
                 "ORDER BY a.id DESC LIMIT ? OFFSET ?",
                 "isssssiiiidi", c->who.program_id, q, like, like, kind, kind, f->actor_id,
                 f->actor_id, f->subject_id, f->subject_id, pg->per_page, offset);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)pg->per_page);
    *n = 0;
    while (*n < pg->per_page && db_step(st) == DB_ROW)
        audit_entry_row(c, st, false, &(*out)[(*n)++]);
    db_done(st);
    return APP_OK;
}

enum app_status audit_list(struct ctx *c, const struct audit_filter *f, struct page_of *pg,
                           struct audit_entry **out, int *n)
{
    enum app_status s = app_authorize(c, ACT_LIST, KIND_AUDIT, NULL);
    return s != APP_OK ? s : audit_rows(c, f, pg, out, n);
}

/* --- a person's record's history (R37) --- */

#define HISTORY_WHERE                                                                              \
    AUDIT_PROGRAM "AND a.subject_id = ? AND (? = 0 OR a.actor_id = ?) "                            \
                  "AND (? = '' OR a.record_kind = ?) "
/* Views that say the same, of the same record by the same person, are one
 * group; any other entry is a group of its own. */
#define HISTORY_GROUPS                                                                             \
    "SELECT MAX(a.id) AS last_id, COUNT(*) AS times, MIN(a.at) AS first_at "                       \
    "FROM audit a " HISTORY_WHERE                                                                  \
    "GROUP BY COALESCE(a.actor_id, 0), a.actor_label, a.action, a.record_kind, a.record_id, "      \
    "a.summary, CASE WHEN a.action = 'read' THEN 0 ELSE a.id END"
#define HISTORY_MAX_CHOICES 500

static enum app_status history_rows(struct ctx *c, int64_t person_id, const struct audit_filter *f,
                                    struct page_of *pg, struct record_history *out)
{
    const char *kind = f->kind ? f->kind : "";
    int64_t offset = page_of_offset(pg, 25, 200);
    if (db_int_query(c->db, &pg->total, "SELECT COUNT(*) FROM (" HISTORY_GROUPS ") g", "iiiiss",
                     c->who.program_id, person_id, f->actor_id, f->actor_id, kind, kind) != DB_OK)
        return APP_ERROR;
    db_stmt *st = db_query(c->db,
                           "SELECT " AUDIT_FIELDS ", g.times, g.first_at FROM (" HISTORY_GROUPS
                           ") g JOIN audit a ON a.id = g.last_id " AUDIT_SUBJECT
                           "ORDER BY g.last_id DESC LIMIT ? OFFSET ?",
                           "iiiissdi", c->who.program_id, person_id, f->actor_id, f->actor_id, kind,
                           kind, pg->per_page, offset);
    if (!st)
        return APP_ERROR;
    out->rows = arena_alloc(c->a, sizeof *out->rows * (size_t)pg->per_page);
    out->n = 0;
    while (out->n < pg->per_page && db_step(st) == DB_ROW)
        audit_entry_row(c, st, true, &out->rows[out->n++]);
    db_done(st);
    return APP_OK;
}

/* Who acted on the record, and its kinds of record: the filter's choices. */
static enum app_status history_choices(struct ctx *c, int64_t person_id, struct record_history *out)
{
    db_stmt *st = db_query(c->db,
                           "SELECT a.actor_id, MAX(a.actor_label) FROM audit a " AUDIT_PROGRAM
                           "AND a.subject_id = ? AND a.actor_id IS NOT NULL GROUP BY "
                           "a.actor_id ORDER BY 2, 1 LIMIT ?",
                           "iid", c->who.program_id, person_id, HISTORY_MAX_CHOICES);
    if (!st)
        return APP_ERROR;
    int cap = 0;
    while (db_step(st) == DB_ROW) {
        out->actors = arena_grow(c->a, out->actors, out->nactors, &cap, sizeof *out->actors);
        out->actors[out->nactors++] =
            (struct history_actor){db_int(st, 0), db_text_copy(st, 1, c->a)};
    }
    db_done(st);
    st = db_query(c->db,
                  "SELECT DISTINCT a.record_kind FROM audit a " AUDIT_PROGRAM
                  "AND a.subject_id = ? ORDER BY 1 LIMIT ?",
                  "iid", c->who.program_id, person_id, HISTORY_MAX_CHOICES);
    if (!st)
        return APP_ERROR;
    cap = 0;
    while (db_step(st) == DB_ROW) {
        out->kinds = arena_grow(c->a, out->kinds, out->nkinds, &cap, sizeof *out->kinds);
        out->kinds[out->nkinds++] = db_text_copy(st, 0, c->a);
    }
    db_done(st);
    return APP_OK;
}

enum app_status audit_about(struct ctx *c, int64_t person_id, const struct audit_filter *f,
                            struct page_of *pg, struct record_history *out)
{
    memset(out, 0, sizeof *out);
    enum app_status s = app_authorize(c, ACT_VIEW_HISTORY, KIND_PERSON, SELF(c, person_id));
    if (s != APP_OK)
        return s;
    int64_t exists = 0;
    db_int_query(c->db, &exists, "SELECT id FROM person WHERE id = ? AND program_id = ?", "ii",
                 person_id, c->who.program_id);
    if (!exists)
        return APP_NOT_FOUND;
    s = history_rows(c, person_id, f, pg, out);
    return s != APP_OK ? s : history_choices(c, person_id, out);
}

/* roster_write.c: an import (roster.c's preview, then its writes, in the
 * caller's one transaction) and its one audit entry; the web's roster kept
 * between preview and import. */
#include <inttypes.h>
#include <string.h>

#include "app/credential.h"
#include "app/roster_internal.h"
#include "domain/credential.h"

static const char *id_param(struct ctx *c, int64_t id)
{
    return id ? arena_printf(c->a, "%" PRId64, id) : NULL;
}

static enum app_status schools_write(struct ctx *c, struct roster_work *w)
{
    int64_t now = app_now(c);
    for (int i = 0; i < w->nslots; i++) {
        struct roster_slot *s = &w->slots[i];
        int rc = DB_OK;
        if (!s->id)
            rc =
                db_int_query(c->db, &s->id,
                             "INSERT INTO school (program_id, name, code, roster_id, created_at, "
                             "updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                             "isssii", c->who.program_id, s->name, s->code, s->roster_id, now, now);
        else if (s->changed)
            rc = db_exec(c->db,
                         "UPDATE school SET name = ?, code = ?, roster_id = ?, updated_at = ?, "
                         "version = version + 1 WHERE id = ? AND program_id = ?",
                         "sssiii", s->name, s->code, s->roster_id, now, s->id, c->who.program_id);
        if (rc != DB_OK)
            return app_db_status(rc);
    }
    return APP_OK;
}

static int64_t slot_id(const struct roster_work *w, int slot)
{
    return slot >= 0 ? w->slots[slot].id : 0;
}

/* Issue 16: an address someone else typed may not be the person's own;
 * the operator vouches for what they import. */
static int address_set_by_other(const struct ctx *c)
{
    return !c->who.operator;
}

static enum app_status person_add(struct ctx *c, const struct roster_work *w,
                                  struct roster_person *rp)
{
    int64_t now = app_now(c);
    return app_db_status(db_int_query(
        c->db, &rp->id,
        "INSERT INTO person (program_id, name, email, employee_id, school_id, job_type, active, "
        "roster_id, rostered, email_set_by_other, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, 1, ?, 1, ?, ?, ?) RETURNING id",
        "issssssdii", c->who.program_id, rp->u.who.name, rp->u.who.email, rp->u.who.employee_id,
        id_param(c, slot_id(w, rp->school)), job_type_key(rp->job), rp->u.sourced_id,
        address_set_by_other(c), now, now));
}

static enum app_status person_change(struct ctx *c, const struct roster_work *w,
                                     struct roster_person *rp)
{
    const struct roster_known *k = &w->known[rp->known];
    rp->id = k->id;
    /* One signs in with one's address: a new one ends the old sign-in, as a
     * coordinator's change does (app/people.c). */
    enum app_status s =
        rp->new_address && k->can_sign_in ? auth_sign_in_end(c, k->id, TOKENS_ENDED_EMAIL) : APP_OK;
    if (s != APP_OK)
        return s;
    return app_db_status(db_exec(
        c->db,
        "UPDATE person SET name = ?, email = ?, employee_id = ?, school_id = ?, job_type = ?, "
        "active = ?, roster_id = CASE WHEN ? = '' THEN roster_id ELSE ? END, rostered = 1, "
        "email_set_by_other = CASE WHEN ? = 1 THEN ? ELSE email_set_by_other END, "
        "updated_at = ?, version = version + 1 WHERE id = ? AND program_id = ?",
        "sssssdssddiii", rp->u.who.name, rp->u.who.email, rp->u.who.employee_id,
        id_param(c, slot_id(w, rp->school)), job_type_key(rp->job), rp->active, rp->u.sourced_id,
        rp->u.sourced_id, rp->new_address, address_set_by_other(c), app_now(c), k->id,
        c->who.program_id));
}

static bool holds(const int64_t *ids, int n, int64_t id)
{
    for (int i = 0; i < n; i++)
        if (ids[i] == id)
            return true;
    return false;
}

/* The administrator roles the roster gives and takes: it carries no other
 * (domain/roster.h). */
static enum app_status admin_roles_write(struct ctx *c, const struct roster_work *w,
                                         const struct roster_person *rp)
{
    const struct roster_known *k = rp->known >= 0 ? &w->known[rp->known] : NULL;
    int64_t *want = arena_alloc(c->a, sizeof *want * (size_t)(rp->nadmin + 1));
    for (int i = 0; i < rp->nadmin; i++)
        want[i] = slot_id(w, rp->admin[i]);
    int rc = DB_OK;
    for (int i = 0; k && rc == DB_OK && i < k->nadmin; i++)
        if (!holds(want, rp->nadmin, k->admin[i]))
            rc = db_exec(c->db,
                         "DELETE FROM person_role WHERE person_id = ? AND program_id = ? "
                         "AND role = ? AND school_id = ?",
                         "iisi", rp->id, c->who.program_id, role_key(ROLE_ADMINISTRATOR),
                         k->admin[i]);
    for (int i = 0; rc == DB_OK && i < rp->nadmin; i++)
        if (!(k && holds(k->admin, k->nadmin, want[i])) && !holds(want, i, want[i]))
            rc = db_exec(c->db,
                         "INSERT INTO person_role (person_id, role, school_id, created_at, "
                         "program_id) VALUES (?, ?, ?, ?, ?)",
                         "isiii", rp->id, role_key(ROLE_ADMINISTRATOR), want[i], app_now(c),
                         c->who.program_id);
    return app_db_status(rc);
}

static enum app_status people_write(struct ctx *c, struct roster_work *w,
                                    const struct roster_progress *p)
{
    enum app_status s = APP_OK;
    for (int i = 0; s == APP_OK && i < w->npeople; i++) {
        struct roster_person *rp = &w->people[i];
        if (!rp->changed)
            continue;
        s = rp->known < 0 ? person_add(c, w, rp) : person_change(c, w, rp);
        if (s == APP_OK)
            s = admin_roles_write(c, w, rp);
        if (i % 500 == 0)
            roster_progress_step(p, "Writing", (size_t)i, (size_t)w->npeople);
    }
    for (int i = 0; s == APP_OK && i < w->ngone; i++)
        s = app_db_status(db_exec(c->db,
                                  "UPDATE person SET active = 0, updated_at = ?, "
                                  "version = version + 1 WHERE id = ? AND program_id = ?",
                                  "iii", app_now(c), w->known[w->gone[i]].id, c->who.program_id));
    return s;
}

/* The plan's writes and its audit entry. */
static enum app_status roster_write(struct ctx *c, struct roster_plan *plan,
                                    const struct roster_progress *p)
{
    struct roster_work *w = plan->work;
    enum app_status s = schools_write(c, w);
    if (s == APP_OK)
        s = people_write(c, w, p);
    roster_progress_step(p, "Writing", (size_t)w->npeople, (size_t)w->npeople);
    if (s != APP_OK)
        return s;
    /* R38: the whole import, one entry with its counts. */
    return audit_append(c, "import", "roster", 0, 0,
                        arena_printf(c->a, "Imported the district's roster (%s): %s.", w->files,
                                     roster_counts_text(c->a, &plan->n)));
}

enum app_status roster_import(struct ctx *c, const struct roster_files *f, struct roster_plan *plan,
                              const struct roster_progress *p)
{
    enum app_status s = roster_preview(c, f, plan, p);
    return s != APP_OK ? s : roster_write(c, plan, p);
}

/* --- the web's roster between its preview and its import --- */

#define KEPT_SECONDS 86400

static const struct db_blob *blob_of(struct ctx *c, const struct upload *u)
{
    if (!u->data)
        return NULL;
    struct db_blob *b = arena_alloc(c->a, sizeof *b);
    *b = (struct db_blob){u->data, u->len};
    return b;
}

enum app_status roster_upload_keep(struct ctx *c, const struct roster_files *f, int64_t *id)
{
    enum app_status s = app_authorize(c, ACT_CREATE, KIND_ROSTER, NULL);
    if (s != APP_OK)
        return s;
    int64_t now = app_now(c);
    /* The coordinator's own draft, not yet anyone's record: what it does
     * is audited when it is imported (roster_write), and it is gone within
     * a day either way. */
    int rc = db_exec(c->db, "DELETE FROM roster_upload WHERE program_id = ? AND created_at < ?",
                     "ii", c->who.program_id, now - KEPT_SECONDS);
    if (rc == DB_OK)
        rc = db_int_query(c->db, id,
                          "INSERT INTO roster_upload (program_id, uploaded_by, created_at, "
                          "users_name, users, orgs_name, orgs) VALUES (?, ?, ?, ?, ?, ?, ?) "
                          "RETURNING id",
                          "isisbsb", c->who.program_id, id_param(c, c->who.person_id), now,
                          f->users.filename ? f->users.filename : "", blob_of(c, &f->users),
                          f->orgs.filename ? f->orgs.filename : "", blob_of(c, &f->orgs));
    return app_db_status(rc);
}

enum app_status roster_upload_get(struct ctx *c, int64_t id, struct roster_files *f)
{
    enum app_status s = app_authorize(c, ACT_CREATE, KIND_ROSTER, NULL);
    if (s != APP_OK)
        return s;
    db_stmt *st =
        db_query(c->db,
                 "SELECT users_name, users, orgs_name, orgs FROM roster_upload "
                 "WHERE id = ? AND program_id = ? AND uploaded_by = ? AND "
                 "created_at >= ?",
                 "iiii", id, c->who.program_id, c->who.person_id, app_now(c) - KEPT_SECONDS);
    if (!st)
        return APP_ERROR;
    memset(f, 0, sizeof *f);
    bool found = db_step(st) == DB_ROW;
    if (found) {
        f->users.filename = db_text_copy(st, 0, c->a);
        f->users.data = db_blob_copy(st, 1, c->a, &f->users.len);
        f->orgs.filename = db_text_copy(st, 2, c->a);
        if (!db_is_null(st, 3))
            f->orgs.data = db_blob_copy(st, 3, c->a, &f->orgs.len);
    }
    db_done(st);
    return found ? APP_OK : APP_NOT_FOUND;
}

enum app_status roster_upload_drop(struct ctx *c, int64_t id)
{
    return app_db_status(db_exec(c->db, "DELETE FROM roster_upload WHERE id = ? AND program_id = ?",
                                 "ii", id, c->who.program_id));
}

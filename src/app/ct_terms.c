/* ct_terms.c: Consulting Teachers' terms and restriction dates (R27), the
 * Panel's yearly reviews (R28) and the Panel's roster (R29). */
#include "app/ct_terms.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "app/panel.h"
#include "app/people.h"
#include "base/clock.h"
#include "domain/people.h"

#define SELF(c, id) (&(struct policy_record){.known = true, .self = (id) == (c)->who.person_id})
/* A CT's record as the Panel's rows see it: the asker's own, or read by a
 * member whose term is running (panel: panel_sitting_rel, R29). */
#define CT_RECORD(c, id, panel)                                                             \
    (&(struct policy_record){.known = true, .self = (id) == (c)->who.person_id,               \
                             .relations = (panel)})
#define CT_MAX 500
#define ROSTER_MAX 200

/* --- reading --- */

#define TERM_COLUMNS "t.id, t.person_id, t.starts_on, t.committed_until, t.left_on, " \
                     "t.restricted_until, t.version"

static void term_from_row(struct ctx *c, db_stmt *st, int col, struct ct_term *t)
{
    t->id = db_int(st, col);
    t->person_id = db_int(st, col + 1);
    t->starts_on = db_text_copy(st, col + 2, c->a);
    t->committed_until = db_text_copy(st, col + 3, c->a);
    t->left_on = db_text_copy(st, col + 4, c->a);
    t->restricted_until = db_text_copy(st, col + 5, c->a);
    t->version = db_int(st, col + 6);
}

/* The person's latest term (id 0: none). */
static enum app_status latest_term(struct ctx *c, int64_t person_id, struct ct_term *t)
{
    memset(t, 0, sizeof *t);
    t->starts_on = t->committed_until = t->left_on = t->restricted_until = "";
    db_stmt *st = db_query(c->db, "SELECT " TERM_COLUMNS " FROM ct_term t WHERE t.person_id = ? "
                                  "ORDER BY t.starts_on DESC, t.id DESC LIMIT 1", "i", person_id);
    if (!st)
        return APP_ERROR;
    if (db_step(st) == DB_ROW)
        term_from_row(c, st, 0, t);
    db_done(st);
    return APP_OK;
}

/* Who the person is, as the CT pages need it (not the person's record). */
static enum app_status who_of(struct ctx *c, int64_t person_id, struct ct_summary *w)
{
    memset(w, 0, sizeof *w);
    db_stmt *st = db_query(c->db, "SELECT name, email, union_member FROM person "
                                  "WHERE id = ? AND program_id = ?", "ii", person_id,
                           c->who.program_id);
    if (!st)
        return APP_ERROR;
    bool found = db_step(st) == DB_ROW;
    if (found) {
        w->person_id = person_id;
        w->name = db_text_copy(st, 0, c->a);
        w->email = db_text_copy(st, 1, c->a);
        w->union_member = db_int(st, 2) != 0;
    }
    db_done(st);
    if (!found)
        return APP_NOT_FOUND;
    w->holds_role = role_set_has(person_roles(c, person_id), ROLE_CONSULTING_TEACHER);
    w->review_outcome = "";
    return latest_term(c, person_id, &w->term);
}

static void latest_review(struct ctx *c, struct ct_summary *w)
{
    db_stmt *st = db_query(c->db, "SELECT school_year, outcome FROM ct_review WHERE person_id = ? "
                                  "ORDER BY school_year DESC LIMIT 1", "i", w->person_id);
    if (st && db_step(st) == DB_ROW) {
        w->review_year = (int)db_int(st, 0);
        w->review_outcome = db_text_copy(st, 1, c->a);
    }
    if (st)
        db_done(st);
}

enum app_status ct_list(struct ctx *c, struct ct_summary **out, int *n)
{
    enum app_status s = app_authorize(c, ACT_LIST, KIND_CT_TERM, NULL);
    if (s != APP_OK)
        return s;
    /* Those who hold the role now, and those who held it (a term on record:
     * their restriction may still run). */
    db_stmt *st = db_query(c->db,
                           /* from the role's index, not every person of the program */
                           "SELECT p.id FROM (SELECT person_id FROM person_role WHERE role = "
                           "'consulting_teacher' UNION SELECT person_id FROM ct_term) ct CROSS "
                           "JOIN person p WHERE p.id = ct.person_id AND p.program_id = ? "
                           "ORDER BY p.name, p.id",
                           "i", c->who.program_id);
    if (!st)
        return APP_ERROR;
    int64_t *ids = arena_alloc(c->a, sizeof *ids * CT_MAX);
    *n = 0;
    while (*n < CT_MAX && db_step(st) == DB_ROW)
        ids[(*n)++] = db_int(st, 0);
    db_done(st);
    *out = arena_alloc(c->a, sizeof **out * (size_t)(*n ? *n : 1));
    unsigned panel = panel_sitting_rel(c);
    for (int i = 0; i < *n && s == APP_OK; i++) {
        s = who_of(c, ids[i], &(*out)[i]);
        /* R28, R29: the last review shows to those who may read the reviews. */
        (*out)[i].reviews_shown = app_authorize(c, ACT_VIEW, KIND_CT_REVIEW,
                                                CT_RECORD(c, ids[i], panel)) == APP_OK;
        if ((*out)[i].reviews_shown)
            latest_review(c, &(*out)[i]);
    }
    return s;
}

static enum app_status terms_of(struct ctx *c, struct ct_record *r)
{
    db_stmt *st = db_query(c->db, "SELECT " TERM_COLUMNS " FROM ct_term t WHERE t.person_id = ? "
                                  "ORDER BY t.starts_on DESC, t.id DESC", "i", r->who.person_id);
    if (!st)
        return APP_ERROR;
    r->terms = arena_alloc(c->a, sizeof *r->terms * 50);
    while (r->nterms < 50 && db_step(st) == DB_ROW)
        term_from_row(c, st, 0, &r->terms[r->nterms++]);
    db_done(st);
    return APP_OK;
}

static enum app_status reviews_of(struct ctx *c, struct ct_record *r)
{
    db_stmt *st = db_query(c->db,
                           "SELECT v.id, v.school_year, v.outcome, v.summary, v.created_at, "
                           "COALESCE(p.name, '') FROM ct_review v LEFT JOIN person p ON "
                           "p.id = v.recorded_by WHERE v.person_id = ? ORDER BY v.school_year DESC",
                           "i", r->who.person_id);
    if (!st)
        return APP_ERROR;
    r->reviews = arena_alloc(c->a, sizeof *r->reviews * 60);
    while (r->nreviews < 60 && db_step(st) == DB_ROW) {
        struct ct_review *v = &r->reviews[r->nreviews++];
        v->id = db_int(st, 0);
        v->person_id = r->who.person_id;
        v->school_year = (int)db_int(st, 1);
        v->outcome = db_text_copy(st, 2, c->a);
        v->summary = db_text_copy(st, 3, c->a);
        v->created_at = db_int(st, 4);
        v->recorded_by_name = db_text_copy(st, 5, c->a);
    }
    db_done(st);
    return APP_OK;
}

enum app_status ct_get(struct ctx *c, int64_t person_id, struct ct_record *out)
{
    memset(out, 0, sizeof *out);
    enum app_status s = app_authorize(c, ACT_VIEW, KIND_CT_TERM, SELF(c, person_id));
    if (s != APP_OK || (s = who_of(c, person_id, &out->who)) != APP_OK ||
        (s = terms_of(c, out)) != APP_OK)
        return s;
    /* R28, R29: the reviews are read, and written, by a member whose term
     * is running; a member whose term has ended reads none of them. */
    unsigned panel = panel_sitting_rel(c);
    out->may_see_reviews = out->who.reviews_shown =
        app_authorize(c, ACT_VIEW, KIND_CT_REVIEW, CT_RECORD(c, person_id, panel)) == APP_OK;
    out->may_review = app_authorize(c, ACT_CREATE, KIND_CT_REVIEW, SELF(c, person_id)) == APP_OK &&
                      panel;
    out->may_edit = app_authorize(c, ACT_EDIT, KIND_CT_TERM, SELF(c, person_id)) == APP_OK;
    if (out->may_see_reviews)
        latest_review(c, &out->who);
    if (out->may_see_reviews && (s = reviews_of(c, out)) != APP_OK)
        return s;
    /* R37, R38: a CT sees who read their terms and the Panel's reviews. */
    if (person_id == c->who.person_id || db_in_transaction(c->db))
        return APP_OK;
    return audit_append(c, "read", "ct_term", person_id, person_id,
                        arena_printf(c->a, "Viewed the Consulting Teacher's terms and reviews "
                                           "of %s", out->who.name));
}

/* --- R27: terms, leaving and the restriction --- */

/* R27: only a union member who holds the Consulting Teacher's role. */
static void check_ct(const struct ct_summary *w, struct errors *errs)
{
    if (!w->holds_role)
        errors_add(errs, "person_id", "Choose a Consulting Teacher: this person does not hold "
                                      "the Consulting Teacher's role (R27).");
    else if (!w->union_member)
        errors_add(errs, "person_id", "A Consulting Teacher is a union member (R27): record "
                                      "the union membership on the person's record first.");
}

enum app_status ct_term_add(struct ctx *c, const struct ct_term_request *in, int64_t *id,
                            struct errors *errs)
{
    enum app_status s = app_authorize(c, ACT_CREATE, KIND_CT_TERM, NULL);
    if (s != APP_OK)
        return s;
    int64_t person_id = parse_id(in->person_id);
    struct ct_summary w = {0};
    if (!person_id || (s = who_of(c, person_id, &w)) == APP_NOT_FOUND)
        errors_add(errs, "person_id", "Choose a Consulting Teacher from the list.");
    else if (s != APP_OK)
        return s;
    else
        check_ct(&w, errs);
    struct ct_term_input ti = {in->starts_on, in->committed_until};
    if (ct_term_check(&ti, program_setting_int(c, "ct_min_commitment_years"), errs) && w.term.id &&
        strcmp(in->starts_on, w.term.starts_on) <= 0)
        errors_add(errs, "starts_on", arena_printf(c->a, "A new term starts after the latest one "
                                                         "(which started %s).", w.term.starts_on));
    if (errs->n)
        return APP_INVALID;
    int64_t now = app_now(c);
    int rc = db_int_query(c->db, id,
                          "INSERT INTO ct_term (person_id, starts_on, committed_until, created_at, "
                          "updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                          "issii", person_id, in->starts_on, in->committed_until, now, now);
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, "create", "ct_term", *id, person_id,
                        arena_printf(c->a, "Recorded %s's term as a Consulting Teacher: from %s, "
                                           "committed until %s",
                                     w.name, in->starts_on, in->committed_until));
}

enum app_status ct_leave(struct ctx *c, int64_t person_id, const char *left_on,
                         const char *version, struct errors *errs)
{
    enum app_status s = app_authorize(c, ACT_EDIT, KIND_CT_TERM, SELF(c, person_id));
    struct ct_summary w;
    if (s != APP_OK || (s = who_of(c, person_id, &w)) != APP_OK)
        return s;
    struct ct_term *t = &w.term;
    if (!t->id) {
        errors_add(errs, "left_on", "Record the Consulting Teacher's term first: there is none "
                                    "to leave.");
        return APP_INVALID;
    }
    if (version && *version && parse_id(version) != t->version)
        return APP_CONFLICT;
    if (*t->left_on) {
        errors_add(errs, "left_on", arena_printf(c->a, "%s's latest term already ended on %s.",
                                                 w.name, t->left_on));
        return APP_INVALID;
    }
    char until[11];
    if (!ct_leaving_check(t->starts_on, left_on,
                          program_setting_int(c, "ct_admin_restriction_years"), until, errs))
        return APP_INVALID;
    int rc = db_exec(c->db, "UPDATE ct_term SET left_on = ?, restricted_until = ?, updated_at = ?, "
                            "version = version + 1 WHERE id = ? AND version = ?",
                     "ssiii", left_on, until, app_now(c), t->id, t->version);
    if (rc != DB_OK)
        return app_db_status(rc);
    if (db_changes(c->db) != 1)
        return APP_CONFLICT;
    return audit_append(c, "update", "ct_term", t->id, person_id,
                        arena_printf(c->a, "Recorded that %s left the Consulting Teacher's role "
                                           "on %s: no principal or assistant-principal post "
                                           "until %s", w.name, left_on, until));
}

/* --- R28: the Panel's yearly review --- */

enum app_status ct_review_add(struct ctx *c, int64_t person_id,
                              const struct ct_review_input *in, int64_t *id,
                              struct errors *errs, const char **refusal)
{
    enum app_status s = app_authorize(c, ACT_CREATE, KIND_CT_REVIEW, SELF(c, person_id));
    struct ct_summary w;
    if (s != APP_OK || (s = who_of(c, person_id, &w)) != APP_OK)
        return s;
    if (!panel_sits_on(c, app_today(c))) {
        *refusal = "Your term on the Panel is not running: only a serving member reviews a "
                   "Consulting Teacher for the Panel (R28, R29).";
        return APP_FORBIDDEN;
    }
    if (!w.term.id)
        errors_add(errs, "school_year", "Only a Consulting Teacher with a term on record is "
                                        "reviewed (R28): the coordinator records the term first.");
    struct ct_review_fields f;
    if (ct_review_check(in, &f, errs) && !errs->n) {
        int64_t taken = 0;
        db_int_query(c->db, &taken, "SELECT COUNT(*) FROM ct_review WHERE person_id = ? AND "
                                    "school_year = ?", "ii", person_id, (int64_t)f.school_year);
        if (taken)
            errors_add(errs, "school_year",
                       arena_printf(c->a, "The Panel has already reviewed %s for %d-%02d: one "
                                          "review a year (R28).", w.name, f.school_year,
                                    (f.school_year + 1) % 100));
    }
    if (errs->n)
        return APP_INVALID;
    int rc = db_int_query(c->db, id,
                          "INSERT INTO ct_review (person_id, school_year, outcome, summary, "
                          "recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                          "iissii", person_id, (int64_t)f.school_year, f.outcome, f.summary,
                          c->who.person_id, app_now(c));
    if (rc == DB_CONSTRAINT)
        return APP_CONFLICT;   /* another Panel member's review of the same year came first */
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, "create", "ct_review", *id, person_id,
                        arena_printf(c->a, "The Panel's review of %s for %d-%02d: %s",
                                     w.name, f.school_year, (f.school_year + 1) % 100,
                                     ct_review_outcome_label(f.outcome)));
}

/* --- R29: the Panel's roster --- */

const char *panel_appointer_of(struct ctx *c, const char *appointed_by)
{
    if (strcmp(appointed_by, APPOINTER_UNION) == 0)
        return "the union president";
    if (strcmp(appointed_by, APPOINTER_DISTRICT) == 0)
        return arena_printf(c->a, "the %s", program_setting(c, "panel_principal_appointer"));
    return appointed_by;   /* an older record's free text, as it was typed */
}

static void seat_from_row(struct ctx *c, db_stmt *st, const char *now, int64_t day,
                          struct panel_seat *p)
{
    p->role_id = db_int(st, 0);
    p->person_id = db_int(st, 1);
    p->name = db_text_copy(st, 2, c->a);
    p->email = db_text_copy(st, 3, c->a);
    p->seat = db_text_copy(st, 4, c->a);
    p->appointed_by = db_text_copy(st, 5, c->a);
    p->appointer = panel_appointer_of(c, p->appointed_by);
    p->term_start = db_text_copy(st, 6, c->a);
    p->term_end = db_text_copy(st, 7, c->a);
    /* R29: a member whose term has ended cannot vote (as cases.c decides). */
    p->current = strcmp(p->term_end, now) >= 0;
    p->started = strcmp(p->term_start, now) <= 0;
    int64_t end = 0;
    if (p->current && clock_day_number(p->term_end, &end))
        p->days_left = end - day;
}

enum app_status panel_roster(struct ctx *c, struct panel_seat **out, int *n)
{
    enum app_status s = app_authorize(c, ACT_LIST, KIND_PANEL_SESSION, NULL);
    if (s != APP_OK)
        return s;
    const char *now = app_today(c);
    int64_t day = 0;
    clock_day_number(now, &day);
    db_stmt *st = db_query(c->db,
                           "SELECT r.id, p.id, p.name, p.email, r.seat, r.appointed_by, "
                           "r.term_start, r.term_end FROM person_role r JOIN person p ON "
                           "p.id = r.person_id WHERE r.role = 'panel_member' AND p.program_id = ? "
                           "ORDER BY CASE WHEN r.term_end >= ? THEN 0 ELSE 1 END, r.seat DESC, "
                           "p.name, r.id",
                           "is", c->who.program_id, now);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * ROSTER_MAX);
    *n = 0;
    while (*n < ROSTER_MAX && db_step(st) == DB_ROW)
        seat_from_row(c, st, now, day, &(*out)[(*n)++]);
    db_done(st);
    return APP_OK;
}

bool ct_term_running(struct ctx *c, int64_t person_id, const char *date)
{
    db_stmt *st = db_query(c->db, "SELECT starts_on, left_on FROM ct_term WHERE person_id = ?",
                           "i", person_id);
    bool runs = false;
    while (st && !runs && db_step(st) == DB_ROW)
        runs = ct_term_runs(db_text(st, 0), db_text(st, 1), date);
    if (st)
        db_done(st);
    return runs;
}

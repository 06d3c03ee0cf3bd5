/* survey.c: the end-of-cycle survey (R39). Recording a case's outcome
 * invites its teacher and, on a PAR case, the administrators of the
 * teacher's school; each answers once. The answer goes into
 * survey_response with a random id and nothing that leads back to its
 * author (no case, no person, no time); the invitation keeps only that the
 * person responded. The audit log says that they answered, never what:
 * its time cannot be matched to an answer, which has none. */
#include "app/outcome.h"

#include <inttypes.h>
#include <string.h>

#include "app/notify.h"
#include "base/secret.h"

/* --- inviting --- */

static enum app_status invite(struct ctx *c, const struct case_record *k, int64_t person_id,
                              const char *party)
{
    int rc = db_exec(c->db,
                     "INSERT INTO survey_invitation (case_id, person_id, party, created_at) "
                     "VALUES (?, ?, ?, ?) ON CONFLICT (case_id, person_id) DO NOTHING",
                     "iisi", k->id, person_id, party, app_now(c));
    if (rc != DB_OK)
        return app_db_status(rc);
    if (db_changes(c->db) != 1)
        return APP_OK;   /* invited before */
    return notify_person(
        c, person_id, k->id,
        arena_printf(c->a,
                     "Case of %s: the cycle is over. Please answer the end-of-cycle survey: was "
                     "the process fair, transparent and humane? Your answers are kept without "
                     "your name.",
                     k->teacher_name),
        NULL, arena_printf(c->a, "/cases/%" PRId64 "/survey", k->id));
}

enum app_status survey_invite_all(struct ctx *c, const struct case_record *k)
{
    enum app_status s = invite(c, k, k->teacher_id, SURVEY_PARTY_TEACHER);
    /* R14, R16: on a PAR case the school's administrators are its
     * evaluators; a PA case's are no party to it and are not asked. */
    if (s != APP_OK || k->track != TRACK_PAR || !k->school_id)
        return s;
    int64_t ids[64];
    int n = 0;
    db_stmt *st = db_query(c->db,
                           "SELECT DISTINCT person_id FROM person_role WHERE role = "
                           "'administrator' AND school_id = ? AND program_id = ? ORDER BY "
                           "person_id",
                           "ii", k->school_id, c->who.program_id);
    if (!st)
        return APP_ERROR;
    while (db_step(st) == DB_ROW && n < 64)
        ids[n++] = db_int(st, 0);
    db_done(st);
    for (int i = 0; i < n && s == APP_OK; i++)
        if (ids[i] != k->teacher_id)
            s = invite(c, k, ids[i], SURVEY_PARTY_ADMINISTRATOR);
    return s;
}

/* --- answering --- */

static bool invitation_load(struct ctx *c, int64_t case_id, int64_t person_id,
                            struct survey_invite *inv)
{
    memset(inv, 0, sizeof *inv);
    db_stmt *st = db_query(c->db,
                           "SELECT id, party, responded, created_at FROM survey_invitation "
                           "WHERE case_id = ? AND person_id = ?",
                           "ii", case_id, person_id);
    if (st && db_step(st) == DB_ROW) {
        inv->id = db_int(st, 0);
        inv->party = db_text_copy(st, 1, c->a);
        inv->responded = db_int(st, 2) != 0;
        inv->created_at = db_int(st, 3);
        inv->case_id = case_id;
        inv->person_id = person_id;
    }
    if (st)
        db_done(st);
    return inv->id != 0;
}

enum app_status survey_open(struct ctx *c, int64_t case_id, struct case_record *k,
                            struct survey_invite *inv, const char **refusal)
{
    *refusal = NULL;
    memset(inv, 0, sizeof *inv);
    enum app_status s = case_load(c, case_id, k);
    /* The survey is no secret kind: a case that is not in the asker's
     * program (or none at all) is answered as a stranger's, 403, which
     * says no more than any other case's refusal. */
    if (s == APP_NOT_FOUND)
        memset(k, 0, sizeof *k);
    else if (s != APP_OK)
        return s;
    if ((s = app_authorize(c, ACT_RESPOND, KIND_SURVEY, CASE_POLICY(k))) != APP_OK) {
        *refusal = policy_refusal(ACT_RESPOND, KIND_SURVEY);
        return s;
    }
    if (!invitation_load(c, case_id, c->who.person_id, inv)) {
        *refusal = "R39: the end-of-cycle survey is sent once the case's cycle is closed and its "
                   "outcome recorded; you have not been asked to answer it.";
        return APP_FORBIDDEN;
    }
    inv->teacher_name = k->teacher_name;
    inv->track = k->track;
    if (inv->responded) {
        *refusal = "R39: you have answered this survey already. Each person answers once; "
                   "an answer is kept without a name, so it cannot be found again to change.";
        return APP_CONFLICT;
    }
    return APP_OK;
}

/* R39: a random id, not the order of answering: 53 bits (exact in JSON
 * numbers), never 0. Two answers drawing the same id is a chance of one in
 * 2^53 per pair; the insert would then fail and be retried by the person. */
static int64_t random_id(void)
{
    uint64_t v = 0;
    while (v == 0) {
        secret_random(&v, sizeof v);
        v &= (UINT64_C(1) << 53) - 1;
    }
    return (int64_t)v;
}

enum app_status survey_response_store(struct ctx *c, int school_year, const char *track,
                                      const char *party, const struct survey_answer *a)
{
    return app_db_status(db_exec(
        c->db,
        "INSERT INTO survey_response (id, program_id, school_year, track, party, fair, "
        "transparent, humane, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "iiissiiis", random_id(), c->who.program_id, (int64_t)school_year, track, party,
        (int64_t)a->fair, (int64_t)a->transparent, (int64_t)a->humane, a->comment));
}

enum app_status survey_answer(struct ctx *c, int64_t case_id, const struct survey_input *in,
                              struct errors *errs, const char **refusal)
{
    struct case_record k;
    struct survey_invite inv;
    enum app_status s = survey_open(c, case_id, &k, &inv, refusal);
    if (s != APP_OK)
        return s;
    struct survey_answer a;
    if (!survey_check(in->fair, in->transparent, in->humane, in->comment, &a, errs))
        return APP_INVALID;
    int64_t year = 0;
    if (db_int_query(c->db, &year, "SELECT school_year FROM case_outcome WHERE case_id = ?", "i",
                     case_id) != DB_OK)
        return APP_ERROR;
    /* One transaction (the request's): the invitation says responded and
     * the answer is stored, or neither. */
    int rc = db_exec(c->db,
                     "UPDATE survey_invitation SET responded = 1 WHERE id = ? AND responded = 0",
                     "i", inv.id);
    if (rc != DB_OK)
        return app_db_status(rc);
    if (db_changes(c->db) != 1) {
        *refusal = "R39: you have answered this survey already.";
        return APP_CONFLICT;
    }
    if ((s = survey_response_store(c, (int)year, case_track_key(k.track), inv.party, &a)) !=
        APP_OK)
        return s;
    /* R37, R38: that they answered, which the invitation keeps anyway;
     * never the answers nor the answer's id. */
    return audit_append(c, "answered", "survey", inv.id, k.teacher_id,
                        arena_printf(c->a, "Answered the end-of-cycle survey of the case of %s",
                                     k.teacher_name));
}

/* --- who was invited, who responded --- */

#define INVITE_COLUMNS                                                                        \
    "SELECT v.id, v.case_id, v.person_id, v.created_at, t.name, p.name, v.party, k.track, "   \
    "v.responded FROM survey_invitation v JOIN teacher_case k ON k.id = v.case_id JOIN "      \
    "person t ON t.id = k.teacher_id JOIN person p ON p.id = v.person_id "

static void invite_from_row(struct ctx *c, db_stmt *st, struct survey_invite *v)
{
    v->id = db_int(st, 0);
    v->case_id = db_int(st, 1);
    v->person_id = db_int(st, 2);
    v->created_at = db_int(st, 3);
    v->teacher_name = db_text_copy(st, 4, c->a);
    v->person_name = db_text_copy(st, 5, c->a);
    v->party = db_text_copy(st, 6, c->a);
    if (!case_track_parse(db_text(st, 7), &v->track))
        v->track = TRACK_NONE;
    v->responded = db_int(st, 8) != 0;
}

static enum app_status invites_read(struct ctx *c, db_stmt *st, int max,
                                    struct survey_invite **out, int *n)
{
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)(max + 1));
    *n = 0;
    while (*n < max && db_step(st) == DB_ROW)
        invite_from_row(c, st, &(*out)[(*n)++]);
    db_done(st);
    return APP_OK;
}

enum app_status surveys_list(struct ctx *c, int64_t case_id, struct page_of *pg,
                             struct survey_invite **out, int *n)
{
    enum app_status s = app_authorize(c, ACT_LIST, KIND_SURVEY, NULL);
    if (s != APP_OK)
        return s;
    int64_t offset = page_of_offset(pg, 50, 200);
    /* One case's by its index; all of them walked in the invitations'
     * order by case, which stops at the page, not sorted whole (the unary
     * +: not by the program's cases). Issue 19. */
    const char *which = case_id ? "WHERE k.program_id = ? AND v.case_id = ? "
                                : "WHERE +k.program_id = ? AND ? = 0 ";
    if (db_int_query(c->db, &pg->total,
                     arena_printf(c->a, "SELECT COUNT(*) FROM survey_invitation v JOIN "
                                        "teacher_case k ON k.id = v.case_id %s",
                                  which),
                     "ii", c->who.program_id, case_id) != DB_OK)
        return APP_ERROR;
    db_stmt *st = db_query(c->db,
                           arena_printf(c->a,
                                        INVITE_COLUMNS "%s ORDER BY v.case_id DESC, v.party DESC, "
                                                       "p.name, v.id LIMIT ? OFFSET ?",
                                        which),
                           "iiii", c->who.program_id, case_id, (int64_t)pg->per_page, offset);
    return invites_read(c, st, pg->per_page, out, n);
}

enum app_status surveys_waiting(struct ctx *c, struct survey_invite **out, int *n)
{
    *n = 0;
    *out = NULL;
    if (!c->who.person_id)
        return APP_OK;
    db_stmt *st = db_query(c->db,
                           INVITE_COLUMNS "WHERE v.person_id = ? AND v.responded = 0 AND "
                                          "k.program_id = ? ORDER BY v.case_id DESC LIMIT 20",
                           "ii", c->who.person_id, c->who.program_id);
    return invites_read(c, st, 20, out, n);
}

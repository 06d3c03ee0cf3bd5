/* cases.c: reading cases: one case with the asker's relationships to it
 * (the policy table's WHO_CASE_* facts, R14, R16), its timeline, a page of
 * cases, and every case on a caseload the asker takes part in. The steps
 * that change a case are enrolment.c's. */
#include <inttypes.h>
#include <string.h>

#include "app/enrolment.h"

#define REL(who) POLICY_REL(who)
/* The cases one reader is remembered to have seen today, read at once; a
 * reader who saw more is still audited once (case_seen's key). */
#define CASES_SEEN_MAX 8192

#define CASE_COLUMNS                                                                         \
    "SELECT k.id, k.version, k.inquiry_id, k.teacher_id, k.state, k.track, "                 \
    "COALESCE(k.ct_id, 0), COALESCE(k.union_rep_id, 0), k.meeting_at, k.meeting_place, "     \
    "k.review_at, k.review_place, k.teacher_signed_at, k.rep_signed_at, k.facts, "           \
    "k.cycle_start, k.cycle_end, k.plan_type, k.plan_months, k.timeline_at, "                \
    "k.withdrawn_reason, k.created_at, k.updated_at, t.name, t.email, "                      \
    "COALESCE(t.school_id, 0), COALESCE(s.name, ''), COALESCE(ct.name, ''), "                \
    "COALESCE(ur.name, ''), i.reference, COALESCE(tb.name, ''), "                            \
    "(SELECT COUNT(*) FROM person_role r WHERE r.person_id = ? AND r.role = 'administrator' " \
    "AND r.school_id = t.school_id), i.facts_at, i.district_year, i.plan_type, "             \
    "i.plan_months, i.rating, i.union_member, i.full_time, i.job_type, "                     \
    "COALESCE(k.handler_id, 0), COALESCE(hd.name, ''), COALESCE(ct.email, ''), "             \
    "k.meeting_sequence, k.meeting_cancelled, k.review_sequence, k.review_cancelled "        \
    "FROM teacher_case k JOIN person t ON t.id = k.teacher_id "                              \
    "LEFT JOIN school s ON s.id = t.school_id LEFT JOIN person ct ON ct.id = k.ct_id "      \
    "LEFT JOIN person ur ON ur.id = k.union_rep_id JOIN inquiry i ON i.id = k.inquiry_id "  \
    "LEFT JOIN person tb ON tb.id = k.timeline_by LEFT JOIN person hd ON hd.id = k.handler_id "

bool case_panel_recused(struct ctx *c, int64_t case_id, int64_t person_id)
{
    int64_t recused = 0;
    db_int_query(c->db, &recused,
                 "SELECT COUNT(*) FROM panel_recusal WHERE case_id = ? AND person_id = ?", "ii",
                 case_id, person_id);
    return recused > 0;
}

/* R21, R24, R29: a Panel member reaches a PAR case once its recommendation
 * has gone to the Panel, while their term is running, and not after
 * recusing themselves (k->panel_recused says so, for the page). */
static bool panel_sees(struct ctx *c, struct case_record *k)
{
    int64_t sitting = 0, sent = 0;
    const char *today = app_today(c);
    db_int_query(c->db, &sitting,
                 "SELECT COUNT(*) FROM person_role WHERE person_id = ? AND role = 'panel_member' "
                 "AND term_start <= ? AND term_end >= ?",
                 "iss", c->who.person_id, today, today);
    db_int_query(c->db, &sent,
                 "SELECT COUNT(*) FROM recommendation WHERE case_id = ? AND status = 'submitted'",
                 "i", k->id);
    bool recused = case_panel_recused(c, k->id, c->who.person_id);
    k->panel_recused = sitting && sent && recused;
    return sitting && sent && !recused;
}

/* R25: the Superintendent reaches a case the Panel has decided. */
static bool panel_decided(struct ctx *c, int64_t case_id)
{
    int64_t n = 0;
    db_int_query(c->db, &n, "SELECT COUNT(*) FROM panel_decision WHERE case_id = ?", "i", case_id);
    return n > 0;
}

static unsigned relations_of(struct ctx *c, struct case_record *k, bool administrator)
{
    int64_t me = c->who.person_id;
    unsigned r = 0;
    if (me && k->teacher_id == me)
        r |= REL(WHO_CASE_TEACHER);
    if (me && k->ct_id == me)
        r |= REL(WHO_CASE_CT);
    if (me && k->union_rep_id == me)
        r |= REL(WHO_CASE_UNION_REP);
    if (administrator)
        r |= REL(WHO_CASE_ADMINISTRATOR);
    /* R14: on a PAR case the administrator is the secondary evaluator; on a
     * PA case they are not, and so reach none of its records (R16). */
    if (administrator && k->track == TRACK_PAR)
        r |= REL(WHO_CASE_EVALUATOR);
    /* R14, R15: on a PAR case the CT is the primary evaluator. */
    if (me && k->ct_id == me && k->track == TRACK_PAR)
        r |= REL(WHO_CASE_PRIMARY_EVALUATOR);
    if (k->track == TRACK_PAR && role_set_has(c->who.roles, ROLE_PANEL_MEMBER) &&
        panel_sees(c, k))
        r |= REL(WHO_CASE_PANEL);
    if (k->track == TRACK_PAR && role_set_has(c->who.roles, ROLE_SUPERINTENDENT) &&
        panel_decided(c, k->id))
        r |= REL(WHO_CASE_APPROVER);
    return r;
}

static void case_from_row(struct ctx *c, db_stmt *st, struct case_record *k)
{
    memset(k, 0, sizeof *k);
    k->id = db_int(st, 0);
    k->version = db_int(st, 1);
    k->inquiry_id = db_int(st, 2);
    k->teacher_id = db_int(st, 3);
    if (!case_state_parse(db_text(st, 4), &k->state))
        k->state = CASE_NONE;
    if (!case_track_parse(db_text(st, 5), &k->track))
        k->track = TRACK_NONE;
    k->ct_id = db_int(st, 6);
    k->union_rep_id = db_int(st, 7);
    k->meeting_at = db_text_copy(st, 8, c->a);
    k->meeting_place = db_text_copy(st, 9, c->a);
    k->review_at = db_text_copy(st, 10, c->a);
    k->review_place = db_text_copy(st, 11, c->a);
    k->teacher_signed_at = db_int(st, 12);
    k->rep_signed_at = db_int(st, 13);
    k->facts = db_text_copy(st, 14, c->a);
    k->cycle_start = db_text_copy(st, 15, c->a);
    k->cycle_end = db_text_copy(st, 16, c->a);
    k->plan_type = db_text_copy(st, 17, c->a);
    k->plan_months = (int)db_int(st, 18);
    k->timeline_at = db_int(st, 19);
    k->withdrawn_reason = db_text_copy(st, 20, c->a);
    k->created_at = db_int(st, 21);
    k->updated_at = db_int(st, 22);
    k->teacher_name = db_text_copy(st, 23, c->a);
    k->teacher_email = db_text_copy(st, 24, c->a);
    k->school_id = db_int(st, 25);
    k->school_name = db_text_copy(st, 26, c->a);
    k->ct_name = db_text_copy(st, 27, c->a);
    k->union_rep_name = db_text_copy(st, 28, c->a);
    k->inquiry_ref = db_text_copy(st, 29, c->a);
    k->timeline_by = db_text_copy(st, 30, c->a);
    k->handler_id = db_int(st, 40);
    k->handler_name = db_text_copy(st, 41, c->a);
    k->ct_email = db_text_copy(st, 42, c->a);
    k->meeting_sequence = (int)db_int(st, 43);
    k->meeting_cancelled = db_int(st, 44) != 0;
    k->review_sequence = (int)db_int(st, 45);
    k->review_cancelled = db_int(st, 46) != 0;
    k->relations = relations_of(c, k, db_int(st, 31) > 0);
    if (db_int(st, 32))   /* the coordinator confirmed the facts at intake */
        k->confirmed = (struct case_input){
            .district_year = db_text_copy(st, 33, c->a), .plan = db_text_copy(st, 34, c->a), .months = db_text_copy(st, 35, c->a),
            .rating = db_text_copy(st, 36, c->a), .union_member = db_int(st, 37) ? "yes" : "no",
            .full_time = db_int(st, 38) ? "yes" : "no", .job = db_text_copy(st, 39, c->a)};
}

enum app_status case_load(struct ctx *c, int64_t id, struct case_record *k)
{
    db_stmt *st = db_query(c->db, CASE_COLUMNS "WHERE k.id = ? AND k.program_id = ?", "iii",
                           c->who.person_id, id, c->who.program_id);
    if (!st)
        return APP_ERROR;
    enum app_status s = APP_NOT_FOUND;
    if (db_step(st) == DB_ROW) {
        case_from_row(c, st, k);
        s = APP_OK;
    }
    db_done(st);
    return s;
}

static enum app_status events_load(struct ctx *c, struct case_record *k)
{
    int64_t total = 0;
    db_int_query(c->db, &total, "SELECT COUNT(*) FROM case_event WHERE case_id = ?", "i", k->id);
    db_stmt *st = db_query(c->db,
                           "SELECT id, at, actor_label, transition, from_state, to_state, summary, "
                           "part FROM case_event WHERE case_id = ? ORDER BY at, id",
                           "i", k->id);
    if (!st)
        return APP_ERROR;
    k->events = arena_alloc(c->a, sizeof *k->events * (size_t)(total + 1));
    k->nevents = 0;
    while (db_step(st) == DB_ROW && k->nevents <= total) {
        /* A part's event shows only to whoever may see that part (R16). */
        const char *part = db_text(st, 7);
        if (*part && app_authorize(c, ACT_VIEW, policy_part_kind(part), CASE_POLICY(k)) != APP_OK)
            continue;
        struct case_event *e = &k->events[k->nevents++];
        e->id = db_int(st, 0);
        e->at = db_int(st, 1);
        e->actor = db_text_copy(st, 2, c->a);
        e->transition = db_text_copy(st, 3, c->a);
        e->from = db_text_copy(st, 4, c->a);
        e->to = db_text_copy(st, 5, c->a);
        e->summary = db_text_copy(st, 6, c->a);
    }
    db_done(st);
    return APP_OK;
}

enum app_status case_get(struct ctx *c, int64_t id, struct case_record *out)
{
    enum app_status s = case_load(c, id, out);
    if (s != APP_OK || (s = app_authorize(c, ACT_VIEW, KIND_CASE, CASE_POLICY(out))) != APP_OK)
        return s;
    if ((s = events_load(c, out)) != APP_OK)
        return s;
    /* R37: the teacher sees who looked at their case. A request that is
     * changing it is audited as the change. */
    if (out->relations & REL(WHO_CASE_TEACHER) || db_in_transaction(c->db))
        return APP_OK;
    return audit_append(c, "read", "case", id, out->teacher_id,
                        arena_printf(c->a, "Viewed the case of %s", out->teacher_name));
}

/* Whether the reader saw case_id in a list today (seen: today's, sorted). */
static bool seen_today(const int64_t *seen, int n, int64_t case_id)
{
    for (int i = 0; i < n; i++)
        if (seen[i] == case_id)
            return true;
    return false;
}

/* The cases the reader saw in a list today, at most max. */
static int seen_load(struct ctx *c, const char *today, int64_t *seen, int max)
{
    db_stmt *st = db_query(c->db, "SELECT case_id FROM case_seen WHERE reader_id = ? AND day = ?",
                           "is", c->who.person_id, today);
    int n = 0;
    while (st && n < max && db_step(st) == DB_ROW)
        seen[n++] = db_int(st, 0);
    db_done(st);
    return n;
}

/* One case, first seen today: remembered and audited about its teacher. */
static enum app_status seen_first(struct ctx *c, const char *where, const char *today,
                                  int64_t case_id)
{
    int64_t teacher = 0;
    const char *name = NULL;
    db_stmt *st = db_query(c->db,
                           "SELECT t.id, t.name FROM teacher_case k JOIN person t ON "
                           "t.id = k.teacher_id WHERE k.id = ? AND k.program_id = ?",
                           "ii", case_id, c->who.program_id);
    if (st && db_step(st) == DB_ROW) {
        teacher = db_int(st, 0);
        name = arena_strdup(c->a, db_text(st, 1));
    }
    db_done(st);
    if (!teacher || teacher == c->who.person_id)
        return APP_OK;
    int rc = db_exec(c->db, "INSERT INTO case_seen (reader_id, day, case_id) VALUES (?, ?, ?) "
                     "ON CONFLICT DO NOTHING", "isi", c->who.person_id, today, case_id);
    if (rc != DB_OK)
        return app_db_status(rc);
    if (db_changes(c->db) != 1)
        return APP_OK;   /* another request of theirs saw it first */
    return audit_append(c, "read", "case", case_id, teacher,
                        arena_printf(c->a, "Saw the case of %s in %s", name, where));
}

enum app_status cases_seen(struct ctx *c, const char *where, const int64_t *case_ids, int n)
{
    if (!c->who.person_id || n == 0)
        return APP_OK;   /* the command line and the reminders' sweep read for nobody */
    const char *today = app_today(c);
    int64_t *seen = arena_alloc(c->a, sizeof *seen * CASES_SEEN_MAX);
    int nseen = seen_load(c, today, seen, CASES_SEEN_MAX);
    int fresh = 0;
    for (int i = 0; i < n; i++)
        fresh += case_ids[i] && !seen_today(seen, nseen, case_ids[i]);
    if (!fresh)
        return APP_OK;   /* the usual answer, and it writes nothing */
    bool own = !db_in_transaction(c->db);
    if (own && db_begin(c->db) != DB_OK)
        return APP_BUSY;
    enum app_status s = app_db_status(db_exec(c->db, "DELETE FROM case_seen WHERE reader_id = ? "
                                              "AND day <> ?", "is", c->who.person_id, today));
    for (int i = 0; i < n && s == APP_OK; i++) {
        if (!case_ids[i] || seen_today(seen, nseen, case_ids[i]))
            continue;
        s = seen_first(c, where, today, case_ids[i]);
        if (s == APP_OK && nseen < CASES_SEEN_MAX)
            seen[nseen++] = case_ids[i];   /* a case twice in one list: once */
    }
    if (own && (s != APP_OK || db_commit(c->db) != DB_OK)) {
        db_rollback(c->db);
        return s != APP_OK ? s : APP_ERROR;
    }
    return s;
}

enum app_status case_mine(struct ctx *c, struct case_record *out)
{
    int64_t id = 0;
    db_int_query(c->db, &id,
                 "SELECT id FROM teacher_case WHERE teacher_id = ? AND program_id = ? "
                 "ORDER BY (state = 'withdrawn'), id DESC LIMIT 1",
                 "ii", c->who.person_id, c->who.program_id);
    return id ? case_get(c, id, out) : APP_NOT_FOUND;
}

#define CASE_LIST_FILTER                                                                     \
    "WHERE k.program_id = ? AND (? = '' OR k.state = ?) AND (? = '' OR k.track = ?) "        \
    "AND (? = '' OR t.name LIKE ? ESCAPE '\\') AND (? = 1 OR k.teacher_id = ? OR "           \
    "k.ct_id = ? OR k.union_rep_id = ? OR EXISTS (SELECT 1 FROM person_role r WHERE "        \
    "r.person_id = ? AND r.role = 'administrator' AND r.school_id = t.school_id)) "

enum app_status cases_list(struct ctx *c, const struct case_filter *f, struct page_of *pg,
                           struct case_record **out, int *n)
{
    enum app_status s = app_authorize(c, ACT_LIST, KIND_CASE, NULL);
    if (s != APP_OK)
        return s;
    const char *state = f->state ? f->state : "", *track = f->track ? f->track : "";
    const char *q = f->q ? f->q : "", *like = like_pattern(c->a, q);
    int all = role_set_has(c->who.roles, ROLE_COORDINATOR) ? 1 : 0;
    int64_t me = c->who.person_id;
    int64_t offset = page_of_offset(pg, 25, 200);
    if (db_int_query(c->db, &pg->total,
                     "SELECT COUNT(*) FROM teacher_case k JOIN person t ON t.id = k.teacher_id "
                     CASE_LIST_FILTER,
                     "issssssdiiii", c->who.program_id, state, state, track, track, q, like, all,
                     me, me, me, me) != DB_OK)
        return APP_ERROR;
    db_stmt *st = db_query(c->db,
                           CASE_COLUMNS CASE_LIST_FILTER
                           "ORDER BY k.updated_at DESC, k.id DESC LIMIT ? OFFSET ?",
                           "iissssssdiiiidi", me, c->who.program_id, state, state, track, track, q,
                           like, all, me, me, me, me, pg->per_page, offset);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)pg->per_page);
    *n = 0;
    int64_t *ids = arena_alloc(c->a, sizeof *ids * (size_t)pg->per_page);
    while (db_step(st) == DB_ROW && *n < pg->per_page) {
        case_from_row(c, st, &(*out)[*n]);
        ids[*n] = (*out)[*n].id;
        (*n)++;
    }
    db_done(st);
    return cases_seen(c, "the list of cases", ids, *n);
}

/* Who takes part in which case, as the ids of the asker's cases, each kind
 * of part read by its own index: the teacher, the CT, the union
 * representative, the administrator of the teacher's school; with
 * before_panel, a Panel member's cases sent to the Panel and undecided and
 * the Superintendent's awaiting approval (R24, R25). A filter of OR terms
 * over every case of the program read each case of a district to find a
 * CT's seventeen (issue 19). The coordinator takes part in every case:
 * for them the list is "". A WHERE clause's fragment that keeps the
 * program's cases among them: its parameters are *ids, then the program.
 * NULL when the ids could not be read: no case must not pass for none.
 * by_program: the coordinator's cases are found through the program's
 * index; else another term of the query finds them. */
static const char *cases_taking_part(struct ctx *c, bool before_panel, bool by_program,
                                     const char **ids)
{
    *ids = "";
    if (role_set_has(c->who.roles, ROLE_COORDINATOR))
        return by_program ? "? = '' AND k.program_id = ? " : "? = '' AND +k.program_id = ? ";
    int64_t me = c->who.person_id;
    int panel = before_panel && role_set_has(c->who.roles, ROLE_PANEL_MEMBER);
    int approver = before_panel && role_set_has(c->who.roles, ROLE_SUPERINTENDENT);
    db_stmt *st = db_query(
        c->db,
        "SELECT id FROM teacher_case WHERE teacher_id = ? UNION "
        "SELECT id FROM teacher_case WHERE ct_id = ? UNION "
        "SELECT id FROM teacher_case WHERE union_rep_id = ? UNION "
        "SELECT k.id FROM person_role r JOIN person t ON t.school_id = r.school_id "
        "JOIN teacher_case k ON k.teacher_id = t.id WHERE r.person_id = ? AND "
        "r.role = 'administrator' UNION "
        "SELECT x.case_id FROM recommendation x WHERE ? = 1 AND x.status = 'submitted' AND NOT "
        "EXISTS (SELECT 1 FROM panel_decision d WHERE d.case_id = x.case_id AND d.approval <> "
        "'returned') UNION "
        "SELECT d.case_id FROM panel_decision d WHERE ? = 1 AND d.approval = 'pending'",
        "iiiidd", me, me, me, me, panel, approver);
    if (!st)
        return NULL;
    int cap = 0, n = 0, rc;
    int64_t *list = NULL;
    while ((rc = db_step(st)) == DB_ROW) {
        list = arena_grow(c->a, list, n, &cap, sizeof *list);
        list[n++] = db_int(st, 0);
    }
    db_done(st);
    if (rc != DB_DONE)
        return NULL;
    *ids = db_id_list(c->a, list, n);
    /* By the ids, not by the program's index (the unary +), which SQLite
     * would walk whole to test each case against the list. */
    return arena_printf(c->a, "k.id IN %s AND +k.program_id = ? ", db_id_set(c->db));
}

/* Every case on a caseload the asker takes part in, in no order: one pass
 * over the program's cases on a caseload (its state index), with no page. */
enum app_status cases_on_caseload(struct ctx *c, struct case_record **out, int *n)
{
    enum app_status s = app_authorize(c, ACT_LIST, KIND_CASE, NULL);
    if (s != APP_OK)
        return s;
    int64_t total = 0;
    if (db_int_query(c->db, &total,
                     "SELECT COUNT(*) FROM teacher_case WHERE program_id = ? AND state = ?", "is",
                     c->who.program_id, case_state_key(CASE_ON_CASELOAD)) != DB_OK)
        return APP_ERROR;
    const char *ids, *mine = cases_taking_part(c, false, true, &ids);
    if (!mine)
        return APP_ERROR;
    db_stmt *st = db_query(c->db,
                           arena_printf(c->a, CASE_COLUMNS "WHERE %sAND k.state = ?",
                                        mine),
                           "isis", c->who.person_id, ids, c->who.program_id,
                           case_state_key(CASE_ON_CASELOAD));
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)(total + 1));
    *n = 0;
    while (db_step(st) == DB_ROW && *n <= total)
        case_from_row(c, st, &(*out)[(*n)++]);
    db_done(st);
    return APP_OK;
}

/* The cases with an appointment on a day of the window, found by the
 * appointments' own indexes (the program's, walked whole, asked each case
 * of the district: issue 19): its parameters are the window thrice. */
#define WITH_APPOINTMENT                                                                     \
    "AND k.id IN (SELECT id FROM teacher_case WHERE meeting_at BETWEEN ? AND ? UNION "       \
    "SELECT id FROM teacher_case WHERE review_at BETWEEN ? AND ? UNION SELECT case_id FROM " \
    "meeting WHERE starts_at BETWEEN ? AND ?) "

/* Not finished: its parameter is the asker, whose survey may wait. */
#define NOT_FINISHED                                                                         \
    "AND k.state <> 'withdrawn' AND (k.state <> 'cycle_closed' OR NOT EXISTS (SELECT 1 "     \
    "FROM case_outcome o WHERE o.case_id = k.id) OR EXISTS (SELECT 1 FROM survey_invitation " \
    "v WHERE v.case_id = k.id AND v.person_id = ? AND v.responded = 0)) "

/* The program's cases not finished yet that the asker takes part in: not
 * withdrawn, and not closed with its outcome recorded (unless a survey of
 * theirs waits); a Panel member's those before the Panel, undecided; the
 * Superintendent's those awaiting approval (R24, R25). For the tasks.
 * With finished_too, finished ones as well, but only those with an
 * appointment (a parley meeting, the initial meeting or the agreement
 * review) on a day from..to: at district scale most cases are finished,
 * and the calendar wants a window of them (issue 19). */
static enum app_status cases_where(struct ctx *c, bool finished_too, const char *from,
                                   const char *to, struct case_record **out, int *n)
{
    int64_t me = c->who.person_id;
    const char *ids, *mine = cases_taking_part(c, !finished_too, !finished_too, &ids);
    if (!mine)
        return APP_ERROR;
    const char *sql = arena_printf(c->a, CASE_COLUMNS "WHERE %s%sORDER BY k.id", mine,
                                   finished_too ? WITH_APPOINTMENT : NOT_FINISHED);
    /* Appointments are 'YYYY-MM-DD HH:MM': the window's last day ends
     * before its ' 24'. */
    const char *last = finished_too ? arena_printf(c->a, "%.10s 24", to) : "";
    db_stmt *st = finished_too ? db_query(c->db, sql, "isissssss", me, ids, c->who.program_id,
                                          from, last, from, last, from, last)
                               : db_query(c->db, sql, "isii", me, ids, c->who.program_id, me);
    if (!st)
        return APP_ERROR;
    int cap = 64;
    *out = arena_alloc(c->a, sizeof **out * (size_t)cap);
    *n = 0;
    while (db_step(st) == DB_ROW) {
        if (*n == cap) {
            struct case_record *more = arena_alloc(c->a, sizeof *more * (size_t)cap * 2);
            memcpy(more, *out, sizeof *more * (size_t)*n);
            *out = more;
            cap *= 2;
        }
        case_from_row(c, st, &(*out)[(*n)++]);
    }
    db_done(st);
    return APP_OK;
}

enum app_status cases_in_progress(struct ctx *c, struct case_record **out, int *n)
{
    return cases_where(c, false, NULL, NULL, out, n);
}

enum app_status cases_with_appointments(struct ctx *c, const char *from, const char *to,
                                        struct case_record **out, int *n)
{
    return cases_where(c, true, from, to, out, n);
}

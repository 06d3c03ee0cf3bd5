/* pss.c: the Peer Support Service's cases (R31-R36): requests, the
 * coordinator's steps, reading them. The consultant's work is pss_work.c. */
#include "app/pss_internal.h"

#include <inttypes.h>
#include <string.h>

#include "app/notify.h"
#include "domain/people.h"

#define PSS_LIST_MAX 200

/* --- loading --- */

#define PSS_COLUMNS                                                                        \
    "SELECT k.id, k.version, k.created_at, k.updated_at, k.member_id, "                    \
    "COALESCE(k.president_id, 0), COALESCE(k.consultant_id, 0), k.agreement_at, k.hold_at, " \
    "k.referral, k.reason, k.cost, k.status, k.hold, k.leave_needed, m.name, "             \
    "COALESCE(pr.name, ''), COALESCE(co.name, ''), COALESCE(cb.name, 'command line'), "    \
    "k.district, k.request_note, k.cost_note, k.leave_from, k.leave_to, k.leave_note, "    \
    "k.agreement_by, k.agreement_note, k.hold_note FROM pss_case k "                       \
    "JOIN person m ON m.id = k.member_id LEFT JOIN person pr ON pr.id = k.president_id "   \
    "LEFT JOIN person co ON co.id = k.consultant_id LEFT JOIN person cb ON cb.id = k.created_by "

static void pss_row(struct ctx *c, db_stmt *st, struct pss_case *k)
{
    memset(k, 0, sizeof *k);
    int64_t *ids[] = {&k->id,        &k->version,       &k->created_at,    &k->updated_at,
                      &k->member_id, &k->president_id,  &k->consultant_id, &k->agreement_at,
                      &k->hold_at};
    for (int i = 0; i < 9; i++)
        *ids[i] = db_int(st, i);
    if (!pss_referral_parse(db_text(st, 9), &k->referral))
        k->referral = PSS_REF_SELF;
    if (!pss_reason_parse(db_text(st, 10), &k->reason))
        k->reason = PSS_SELF_REFERRAL;
    if (!pss_cost_parse(db_text(st, 11), &k->cost))
        k->cost = PSS_COST_UNDECIDED;
    if (!pss_status_parse(db_text(st, 12), &k->status))
        k->status = PSS_REQUESTED;
    if (!pss_hold_parse(db_text(st, 13), &k->hold))
        k->hold = PSS_HOLD_NONE;
    k->leave_needed = db_int(st, 14) != 0;
    const char **texts[] = {&k->member_name,  &k->president_name, &k->consultant_name,
                            &k->created_by_name, &k->district,    &k->request_note,
                            &k->cost_note,    &k->leave_from,     &k->leave_to,
                            &k->leave_note,   &k->agreement_by,   &k->agreement_note,
                            &k->hold_note};
    for (int i = 0; i < 13; i++)
        *texts[i] = db_text_copy(st, 15 + i, c->a);
    int64_t me = c->who.person_id;
    if (me && k->member_id == me)
        k->relations |= POLICY_REL(WHO_PSS_MEMBER);
    if (me && k->president_id == me)
        k->relations |= POLICY_REL(WHO_PSS_PRESIDENT);
    if (me && k->consultant_id == me)
        k->relations |= POLICY_REL(WHO_PSS_CONSULTANT);
}

static struct policy_record record_of(const struct pss_case *k)
{
    return (struct policy_record){.known = true, .relations = k->relations};
}

bool pss_may(struct ctx *c, const struct pss_case *k, enum action act, enum record_kind kind)
{
    struct policy_record rec = record_of(k);
    return app_authorize(c, act, kind, &rec) == APP_OK;
}

enum app_status pss_open(struct ctx *c, int64_t id, enum action act, enum record_kind kind,
                         struct pss_case *k, const char **refusal)
{
    /* The wall: only this program's cases exist for the asker. */
    db_stmt *st = db_query(c->db, PSS_COLUMNS "WHERE k.id = ? AND k.program_id = ?", "ii", id,
                           c->who.program_id);
    if (!st)
        return APP_ERROR;
    bool found = db_step(st) == DB_ROW;
    if (found)
        pss_row(c, st, k);
    db_done(st);
    if (!found || !pss_may(c, k, ACT_VIEW, KIND_PSS_CASE))
        return APP_NOT_FOUND;
    if (pss_may(c, k, act, kind))
        return APP_OK;
    *refusal = policy_refusal(act, kind);
    return APP_FORBIDDEN;
}

enum app_status pss_case_get(struct ctx *c, int64_t id, struct pss_case *out)
{
    const char *refusal = NULL;
    enum app_status s = pss_open(c, id, ACT_VIEW, KIND_PSS_CASE, out, &refusal);
    if (s == APP_OK && pss_may(c, out, ACT_VIEW, KIND_PSS_REPORT))
        s = pss_work_load(c, out);
    /* R38: every read of a confidential record is audited; a request that
     * changes the case is audited as the change. */
    if (s != APP_OK || db_in_transaction(c->db))
        return s;
    return audit_append(c, "read", "pss_case", id, out->member_id,
                        arena_printf(c->a, "Viewed peer support case %" PRId64 "%s", id,
                                     out->work_loaded ? " with its log, reports and releases" : ""));
}

/* Every case of the program for whoever may see one that is not theirs
 * (the coordinator): 0; anyone else's own id, to keep the cases they take
 * part in. */
static int64_t cases_of_whom(struct ctx *c)
{
    struct policy_record stranger = {.known = true};
    return app_authorize(c, ACT_VIEW, KIND_PSS_CASE, &stranger) == APP_OK ? 0 : c->who.person_id;
}

#define PSS_FILTER "WHERE k.program_id = ? AND (? = 0 OR k.member_id = ? OR k.president_id = ? " \
                   "OR k.consultant_id = ?) "

enum app_status pss_cases_list(struct ctx *c, struct page_of *pg, struct pss_case **out, int *n)
{
    enum app_status s = app_authorize(c, ACT_LIST, KIND_PSS_CASE, NULL);
    if (s != APP_OK)
        return s;
    int64_t mine = cases_of_whom(c);
    if (pg->per_page < 1 || pg->per_page > PSS_LIST_MAX)
        pg->per_page = 50;
    if (pg->page < 1 || pg->page > 100000)
        pg->page = 1;
    if (db_int_query(c->db, &pg->total, "SELECT COUNT(*) FROM pss_case k " PSS_FILTER, "iiiii",
                     c->who.program_id, mine, mine, mine, mine) != DB_OK)
        return APP_ERROR;
    db_stmt *st = db_query(c->db, PSS_COLUMNS PSS_FILTER "ORDER BY k.id DESC LIMIT ? OFFSET ?",
                           "iiiiidi", c->who.program_id, mine, mine, mine, mine, pg->per_page,
                           (int64_t)(pg->page - 1) * pg->per_page);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)pg->per_page);
    *n = 0;
    while (*n < pg->per_page && db_step(st) == DB_ROW)
        pss_row(c, st, &(*out)[(*n)++]);
    db_done(st);
    if (db_in_transaction(c->db))
        return APP_OK;
    return audit_append(c, "read", "pss_case", 0, 0,
                        arena_printf(c->a, "Listed peer support cases (%d shown)", *n));
}

enum app_status pss_cases_open(struct ctx *c, struct pss_case **out, int *n)
{
    int64_t mine = cases_of_whom(c), total = 0;
#define PSS_OPEN PSS_FILTER "AND k.status <> 'closed' "
    if (db_int_query(c->db, &total, "SELECT COUNT(*) FROM pss_case k " PSS_OPEN, "iiiii",
                     c->who.program_id, mine, mine, mine, mine) != DB_OK)
        return APP_ERROR;
    db_stmt *st = db_query(c->db, PSS_COLUMNS PSS_OPEN "ORDER BY k.id", "iiiii",
                           c->who.program_id, mine, mine, mine, mine);
#undef PSS_OPEN
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)(total + 1));
    *n = 0;
    while (*n < total && db_step(st) == DB_ROW)
        pss_row(c, st, &(*out)[(*n)++]);
    db_done(st);
    return APP_OK;
}

/* --- people --- */

enum app_status pss_people(struct ctx *c, enum role role, struct pss_person **out, int *n)
{
    /* Only those who hold the role in this program: a district's people
     * are not the federation's. */
    const char *from = "FROM person p JOIN person_role r ON r.person_id = p.id "
                       "WHERE r.program_id = ? AND r.role = ? AND p.active = 1";
    int64_t count = 0;
    if (db_int_query(c->db, &count, arena_printf(c->a, "SELECT COUNT(DISTINCT p.id) %s", from),
                     "is", c->who.program_id, role_key(role)) != DB_OK)
        return APP_ERROR;
    db_stmt *st = db_query(c->db,
                           arena_printf(c->a, "SELECT DISTINCT p.id, p.name, p.email %s "
                                              "ORDER BY p.name, p.id", from),
                           "is", c->who.program_id, role_key(role));
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)(count ? count : 1));
    *n = 0;
    while (*n < count && db_step(st) == DB_ROW) {
        struct pss_person *p = &(*out)[(*n)++];
        p->id = db_int(st, 0);
        p->name = db_text_copy(st, 1, c->a);
        p->email = db_text_copy(st, 2, c->a);
    }
    db_done(st);
    return APP_OK;
}

/* The id typed in field, if it is one of this program's people holding role. */
static int64_t person_of_role(struct ctx *c, enum role role, const char *field, const char *v,
                              const char *what, struct errors *errs)
{
    int64_t id = parse_id(v ? v : ""), found = 0;
    if (id)
        db_int_query(c->db, &found,
                     "SELECT p.id FROM person p JOIN person_role r ON r.person_id = p.id "
                     "WHERE p.id = ? AND r.program_id = ? AND r.role = ? AND p.active = 1",
                     "iis", id, c->who.program_id, role_key(role));
    if (!found)
        errors_add(errs, field, what);
    return found;
}

/* --- recording --- */

static enum app_status tell_person(struct ctx *c, int64_t person, const char *message,
                                   const char *link)
{
    /* Only the federation's own people hear of it: the inbox is the same
     * whatever program one works in, so a person whose home is another
     * program (a district's) is not told there; they see it here. */
    int64_t home = 0;
    if (!person || person == c->who.person_id)
        return APP_OK;
    db_int_query(c->db, &home, "SELECT program_id FROM person WHERE id = ?", "i", person);
    if (home != c->who.program_id)
        return APP_OK;
    /* R33-R35: nothing of a peer support case leaves by e-mail. */
    return notify_person(c, person, 0, message,
                         "There is news for you in the Peer Support Service.", link);
}

static enum app_status tell_coordinators(struct ctx *c, const char *message, const char *link)
{
    struct pss_person *ps;
    int n;
    enum app_status s = pss_people(c, ROLE_PSS_COORDINATOR, &ps, &n);
    for (int i = 0; s == APP_OK && i < n; i++)
        s = tell_person(c, ps[i].id, message, link);
    return s;
}

enum app_status pss_record(struct ctx *c, const struct pss_case *k, const char *action,
                           const char *kind, int64_t record_id, const char *summary, bool tell)
{
    enum app_status s = audit_append(c, action, kind, record_id, k->member_id, summary);
    if (s != APP_OK || !tell)
        return s;
    const char *link = arena_printf(c->a, "/pss/%" PRId64, k->id);
    int64_t people[] = {k->member_id, k->president_id, k->consultant_id};
    for (int i = 0; s == APP_OK && i < 3; i++)
        s = tell_person(c, people[i], summary, link);
    return s;
}

/* --- requests (R31) --- */

struct request_people {
    int64_t member, president;
};

/* Who the request is for, and through whom, by who asks (R31). */
static void request_people(struct ctx *c, const struct pss_request_form *in,
                           const struct pss_request *rq, struct request_people *p,
                           struct errors *errs)
{
    role_set roles = c->who.roles;
    const char *choose_member = "Choose the member from the federation's members.";
    if (role_set_has(roles, ROLE_PSS_COORDINATOR)) {
        /* a request made to the coordinator by telephone */
        p->member = person_of_role(c, ROLE_MEMBER, "member_id", in->member_id, choose_member, errs);
        if (rq->referral == PSS_REF_PRESIDENT)
            p->president = person_of_role(c, ROLE_LOCAL_PRESIDENT, "president_id",
                                          in->president_id, "Choose the local president who "
                                          "referred the member.", errs);
    } else if (rq->referral == PSS_REF_PRESIDENT && role_set_has(roles, ROLE_LOCAL_PRESIDENT)) {
        p->member = person_of_role(c, ROLE_MEMBER, "member_id", in->member_id, choose_member, errs);
        p->president = c->who.person_id;
    } else if (rq->referral == PSS_REF_SELF && role_set_has(roles, ROLE_MEMBER)) {
        p->member = c->who.person_id;
    } else {
        errors_add(errs, "referral", role_set_has(roles, ROLE_MEMBER)
                                         ? "As a member, you ask for yourself (R31)."
                                         : "As a local president, you refer a member (R31).");
    }
    if (p->member && p->member == p->president)
        errors_add(errs, "member_id", "A local president asks for themselves as a member (R31).");
}

enum app_status pss_request(struct ctx *c, const struct pss_request_form *in, int64_t *id,
                            struct errors *errs)
{
    enum app_status s = pss_request_allowed(c);
    if (s != APP_OK)
        return s;
    struct pss_request rq;
    struct request_people p = {0};
    if (pss_request_check(&in->rq, &rq, errs))
        request_people(c, in, &rq, &p, errs);
    if (errs->n)
        return APP_INVALID;
    int64_t now = app_now(c);
    int rc = db_int_query(c->db, id,
                          "INSERT INTO pss_case (program_id, member_id, referral, president_id, "
                          "reason, district, request_note, cost, created_by, created_at, "
                          "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                          "iisssssssii", c->who.program_id, p.member, pss_referral_key(rq.referral),
                          p.president ? arena_printf(c->a, "%" PRId64, p.president) : NULL,
                          pss_reason_key(rq.reason), rq.district, rq.note,
                          pss_cost_key(pss_cost_default(rq.reason)),
                          c->who.person_id ? arena_printf(c->a, "%" PRId64, c->who.person_id) : NULL,
                          now, now);
    if (rc != DB_OK)
        return app_db_status(rc);
    struct pss_case k = {.id = *id, .member_id = p.member, .president_id = p.president};
    const char *summary = arena_printf(c->a, "Peer support case %" PRId64 ": a request (%s)", *id,
                                       pss_referral_label(rq.referral));
    s = pss_record(c, &k, "create", "pss_case", *id, summary, true);
    return s == APP_OK ? tell_coordinators(c, summary, arena_printf(c->a, "/pss/%" PRId64, *id)) : s;
}

/* --- the coordinator's steps --- */

/* The change, checked step by step through the process table, the
 * status it leads to, and the sentence the audit log keeps. */
struct checked {
    int64_t consultant;
    enum pss_cost cost;
    struct pss_leave leave;
    enum pss_hold hold;
    enum pss_status to;
    enum app_status status;      /* the first refusal's */
    const char *refusal;
    buf summary;
};

static void said(struct checked *ck, const char *what)
{
    buf_printf(&ck->summary, "%s%s", ck->summary.len ? "; " : "", what);
}

/* Whether the table lets the asker take step key now (f: the facts with
 * its input); the first refusal is kept, a field's error goes to errs. */
static bool step_ok(struct ctx *c, const struct pss_case *k, const struct pss_facts *f,
                    const char *key, struct checked *ck, struct errors *errs)
{
    if (ck->status != APP_OK)
        return false;
    enum app_status s = pss_step_allows(c, k, f, key, -1, errs, &ck->refusal);
    if (s == APP_OK)
        ck->to = pss_step_target(pss_step_find(key), ck->to);
    else if (s != APP_INVALID)
        ck->status = s;
    return s == APP_OK;
}

static void check_consultant(struct ctx *c, const struct pss_case *k, const struct pss_facts *f,
                             const char *v, struct checked *ck, struct errors *errs)
{
    ck->consultant = person_of_role(c, ROLE_PSS_CONSULTANT, "consultant_id", v,
                                    "Choose a consultant of the service.", errs);
    struct pss_facts chosen = *f;
    chosen.consultant_chosen = ck->consultant;
    if (ck->consultant && step_ok(c, k, &chosen, "assign_consultant", ck, errs))
        said(ck, "assigned the consultant");
}

/* A hold of ck->hold: setting one, or clearing the one that stands. */
static void check_hold(struct ctx *c, const struct pss_case *k, const struct pss_facts *f,
                       const struct pss_change *ch, struct checked *ck, struct errors *errs)
{
    if (!pss_hold_check(ch->hold, ch->hold_note, &ck->hold, errs))
        return;
    if (ck->hold == PSS_HOLD_NONE && k->hold == PSS_HOLD_NONE)
        return;   /* no hold to clear: nothing changes */
    if (ck->hold == PSS_HOLD_NONE && step_ok(c, k, f, "clear_hold", ck, errs))
        said(ck, "cleared the hold");
    else if (ck->hold != PSS_HOLD_NONE && step_ok(c, k, f, "set_hold", ck, errs))
        said(ck, arena_printf(c->a, "hold: %s", pss_hold_label(ck->hold)));
}

static void check_change(struct ctx *c, const struct pss_case *k, const struct pss_facts *f,
                         const struct pss_change *ch, struct checked *ck, struct errors *errs)
{
    if (ch->consultant_id)
        check_consultant(c, k, f, ch->consultant_id, ck, errs);
    if (ch->cost && step_ok(c, k, f, "decide_cost", ck, errs) &&
        pss_cost_check(ch->cost, ch->cost_note, &ck->cost, errs))
        said(ck, arena_printf(c->a, "cost: %s", pss_cost_label(ck->cost)));
    if (ch->leave_needed && step_ok(c, k, f, "record_leave", ck, errs) &&
        pss_leave_check(ch->leave_needed, ch->leave_from, ch->leave_to, ch->leave_note,
                        &ck->leave, errs))
        said(ck, ck->leave.needed ? arena_printf(c->a, "leave of absence %s to %s",
                                                 ck->leave.from, ck->leave.to)
                                  : "no leave of absence");
    if (ch->agreement_by && step_ok(c, k, f, "record_agreement", ck, errs) &&
        pss_agreement_check(ch->agreement_by, ch->agreement_note, errs))
        said(ck, "recorded the district's agreement");
    if (ch->hold)
        check_hold(c, k, f, ch, ck, errs);
    if (ch->close && strcmp(ch->close, "yes"))
        errors_add(errs, "close", "Confirm the close.");
    else if (ch->close && step_ok(c, k, f, "close", ck, errs))
        said(ck, "closed the case");
}

static int64_t changed_at(int64_t now, bool changing, int64_t kept)
{
    return changing ? now : kept;
}

static enum app_status change_store(struct ctx *c, const struct pss_case *k, int64_t version,
                                    const struct pss_change *ch, const struct checked *ck)
{
    int64_t now = app_now(c);
    enum pss_status status = ck->to;
    bool hold_set = ch->hold && ck->hold != PSS_HOLD_NONE;
    int rc = db_exec(
        c->db,
        "UPDATE pss_case SET consultant_id = ?, cost = ?, cost_note = ?, leave_needed = ?, "
        "leave_from = ?, leave_to = ?, leave_note = ?, agreement_at = ?, agreement_by = ?, "
        "agreement_note = ?, hold = ?, hold_at = ?, hold_note = ?, status = ?, updated_at = ?, "
        "version = version + 1 WHERE id = ? AND program_id = ? AND version = ?",
        "sssdsssisssissiiii",
        ch->consultant_id ? arena_printf(c->a, "%" PRId64, ck->consultant)
        : k->consultant_id ? arena_printf(c->a, "%" PRId64, k->consultant_id) : NULL,
        pss_cost_key(ch->cost ? ck->cost : k->cost),
        ch->cost ? (ch->cost_note ? ch->cost_note : "") : k->cost_note,
        ch->leave_needed ? ck->leave.needed : k->leave_needed,
        ch->leave_needed ? ck->leave.from : k->leave_from, ch->leave_needed ? ck->leave.to : k->leave_to,
        ch->leave_needed ? ck->leave.note : k->leave_note,
        changed_at(now, ch->agreement_by, k->agreement_at),
        ch->agreement_by ? ch->agreement_by : k->agreement_by,
        ch->agreement_by ? (ch->agreement_note ? ch->agreement_note : "") : k->agreement_note,
        pss_hold_key(ch->hold ? ck->hold : k->hold), ch->hold ? (hold_set ? now : 0) : k->hold_at,
        ch->hold ? (hold_set ? ch->hold_note : "") : k->hold_note, pss_status_key(status), now,
        k->id, c->who.program_id, version);
    if (rc != DB_OK)
        return app_db_status(rc);
    return db_changes(c->db) == 1 ? APP_OK : APP_CONFLICT;
}

enum app_status pss_case_change(struct ctx *c, int64_t id, int64_t version,
                                const struct pss_change *ch, struct errors *errs,
                                const char **refusal)
{
    struct pss_case k;
    struct pss_facts f;
    /* Each of the coordinator's steps goes through this row of the policy
     * table, and then through the process table (step_ok). */
    enum app_status s = pss_open(c, id, ACT_EDIT, KIND_PSS_CASE, &k, refusal);
    if (s != APP_OK)
        return s;
    if (k.version != version)
        return APP_CONFLICT;
    if ((s = pss_case_facts(c, &k, &f)) != APP_OK)
        return s;
    struct checked ck = {.to = k.status};
    buf_init(&ck.summary, c->a);
    check_change(c, &k, &f, ch, &ck, errs);
    if (ck.status != APP_OK) {
        *refusal = ck.refusal;
        return ck.status;
    }
    if (errs->n)
        return APP_INVALID;
    if (!ck.summary.len)
        return APP_OK;
    if ((s = change_store(c, &k, version, ch, &ck)) != APP_OK)
        return s;
    if (ch->consultant_id)
        k.consultant_id = ck.consultant;   /* the new consultant is told too */
    return pss_record(c, &k, "update", "pss_case", id,
                      arena_printf(c->a, "Peer support case %" PRId64 ": %s", id,
                                   buf_cstr(&ck.summary)),
                      true);
}

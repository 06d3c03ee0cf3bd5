/* pss.c: the Peer Support Service's cases (R31-R36): reading one with its
 * work, requests, the coordinator's steps. Loading, lists and records are
 * pss_case.c's; the consultant's work is pss_work.c. */
#include "app/pss_internal.h"

#include <inttypes.h>
#include <string.h>

#include "domain/people.h"

/* --- loading --- */

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

/* --- requests (R31) --- */

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
    return s == APP_OK ? pss_tell_coordinators(c, summary, arena_printf(c->a, "/pss/%" PRId64, *id))
                       : s;
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
    return app_changed_one(c, rc);
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

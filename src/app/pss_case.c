/* pss_case.c: a peer support case at its root (R31-R36): loading one
 * through the policy table (the wall between programs: only this
 * program's cases exist), the lists of cases, the people who hold the
 * service's roles, the case's releases as they stand, and a write's record
 * (the audit log and the inboxes). pss_process.c, pss_work.c and pss.c
 * call down into it. */
#include "app/pss_internal.h"

#include <inttypes.h>
#include <string.h>

#include "app/notify.h"
#include "domain/people.h"

#define PSS_LIST_MAX 200

/* --- loading --- */

#define PSS_COLUMNS                                                                                \
    "SELECT k.id, k.version, k.created_at, k.updated_at, k.member_id, "                            \
    "COALESCE(k.president_id, 0), COALESCE(k.consultant_id, 0), k.agreement_at, k.hold_at, "       \
    "k.referral, k.reason, k.cost, k.status, k.hold, k.leave_needed, m.name, "                     \
    "COALESCE(pr.name, ''), COALESCE(co.name, ''), COALESCE(cb.name, 'command line'), "            \
    "k.district, k.request_note, k.cost_note, k.leave_from, k.leave_to, k.leave_note, "            \
    "k.agreement_by, k.agreement_note, k.hold_note FROM pss_case k "                               \
    "JOIN person m ON m.id = k.member_id LEFT JOIN person pr ON pr.id = k.president_id "           \
    "LEFT JOIN person co ON co.id = k.consultant_id LEFT JOIN person cb ON cb.id = k.created_by "

static void pss_row(struct ctx *c, db_stmt *st, struct pss_case *k)
{
    memset(k, 0, sizeof *k);
    int64_t *ids[] = {&k->id,        &k->version,      &k->created_at,    &k->updated_at,
                      &k->member_id, &k->president_id, &k->consultant_id, &k->agreement_at,
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
    const char **texts[] = {&k->member_name,     &k->president_name, &k->consultant_name,
                            &k->created_by_name, &k->district,       &k->request_note,
                            &k->cost_note,       &k->leave_from,     &k->leave_to,
                            &k->leave_note,      &k->agreement_by,   &k->agreement_note,
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

/* Every case of the program for whoever may see one that is not theirs
 * (the coordinator): 0; anyone else's own id, to keep the cases they take
 * part in. */
static int64_t cases_of_whom(struct ctx *c)
{
    struct policy_record stranger = {.known = true};
    return app_authorize(c, ACT_VIEW, KIND_PSS_CASE, &stranger) == APP_OK ? 0 : c->who.person_id;
}

#define PSS_FILTER                                                                                 \
    "WHERE k.program_id = ? AND (? = 0 OR k.member_id = ? OR k.president_id = ? "                  \
    "OR k.consultant_id = ?) "

enum app_status pss_cases_list(struct ctx *c, struct page_of *pg, struct pss_case **out, int *n)
{
    enum app_status s = app_authorize(c, ACT_LIST, KIND_PSS_CASE, NULL);
    if (s != APP_OK)
        return s;
    int64_t mine = cases_of_whom(c);
    int64_t offset = page_of_offset(pg, 50, PSS_LIST_MAX);
    if (db_int_query(c->db, &pg->total, "SELECT COUNT(*) FROM pss_case k " PSS_FILTER, "iiiii",
                     c->who.program_id, mine, mine, mine, mine) != DB_OK)
        return APP_ERROR;
    db_stmt *st =
        db_query(c->db, PSS_COLUMNS PSS_FILTER "ORDER BY k.id DESC LIMIT ? OFFSET ?", "iiiiidi",
                 c->who.program_id, mine, mine, mine, mine, pg->per_page, offset);
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
    db_stmt *st = db_query(c->db, PSS_COLUMNS PSS_OPEN "ORDER BY k.id", "iiiii", c->who.program_id,
                           mine, mine, mine, mine);
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
                           arena_printf(c->a,
                                        "SELECT DISTINCT p.id, p.name, p.email %s "
                                        "ORDER BY p.name, p.id",
                                        from),
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

/* --- releases --- */

static void release_row(struct ctx *c, db_stmt *st, struct pss_release_item *e)
{
    e->id = db_int(st, 0);
    e->report_id = db_int(st, 1);
    e->version = db_int(st, 2);
    e->created_at = db_int(st, 3);
    e->released_at = db_int(st, 4);
    for (int p = 0; p < PSS_PARTY_COUNT; p++)
        e->consents.at[p] = db_int(st, 5 + p);
    if (!pss_release_status_parse(db_text(st, 8), &e->status))
        e->status = PSS_RELEASE_PROPOSED;
    e->report_title = db_text_copy(st, 9, c->a);
    e->recipient = db_text_copy(st, 10, c->a);
    e->purpose = db_text_copy(st, 11, c->a);
}

#define RELEASE_COLUMNS                                                                            \
    "SELECT x.id, x.report_id, x.version, x.created_at, x.released_at, "                           \
    "x.member_consent_at, x.president_consent_at, x.consultant_consent_at, x.status, "             \
    "r.title, x.recipient, x.purpose FROM pss_release x JOIN pss_report r ON r.id = x.report_id "

enum app_status pss_releases_load(struct ctx *c, struct pss_case *k)
{
    db_stmt *st = db_query(c->db, RELEASE_COLUMNS "WHERE x.pss_case_id = ? ORDER BY x.id LIMIT ?",
                           "id", k->id, WORK_MAX);
    if (!st)
        return APP_ERROR;
    k->releases = arena_alloc(c->a, sizeof *k->releases * WORK_MAX);
    while (k->nreleases < WORK_MAX && db_step(st) == DB_ROW)
        release_row(c, st, &k->releases[k->nreleases++]);
    db_done(st);
    return APP_OK;
}

/* The release of this case named in v, or APP_NOT_FOUND. */
enum app_status pss_release_find(struct ctx *c, int64_t case_id, const char *v,
                                 struct pss_release_item *x, struct errors *errs)
{
    int64_t rid = parse_id(v ? v : "");
    db_stmt *st =
        db_query(c->db, RELEASE_COLUMNS "WHERE x.id = ? AND x.pss_case_id = ?", "ii", rid, case_id);
    if (!st)
        return APP_ERROR;
    bool found = db_step(st) == DB_ROW;
    if (found)
        release_row(c, st, x);
    db_done(st);
    if (!found)
        errors_add(errs, "release_id", "Choose one of this case's releases.");
    return found ? APP_OK : APP_INVALID;
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

enum app_status pss_tell_coordinators(struct ctx *c, const char *message, const char *link)
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

/* pss.c: the demo's peer support case, made through the use cases by
 * the people who take each step (R31-R34): president@ refers member@ on a
 * plan of assistance; pss@ assigns consultant@ and records the district's
 * agreement; consultant@ logs a visit, writes a report and proposes its
 * release to the member's principal. Nothing is released: the three
 * consents are the visitor's to give. */
#include "app/pss.h"
#include "demo/demo.h"

#include <inttypes.h>
#include <stdio.h>

struct demo_actor {
    const char *email;
    enum role role;
};

/* Acts as the person with this email, holding this role in the federation. */
static bool act_as(struct ctx *c, const struct demo_actor *who)
{
    db_stmt *st = db_query(c->db, "SELECT id, name FROM person WHERE email = ?", "s", who->email);
    bool found = st && db_step(st) == DB_ROW;
    c->who.person_id = found ? db_int(st, 0) : 0;
    c->who.name = found ? db_text_copy(st, 1, c->a) : "";
    c->who.roles = 1u << who->role;
    if (st)
        db_done(st);
    return found;
}

static int64_t person_id(struct ctx *c, const char *email)
{
    int64_t id = 0;
    db_int_query(c->db, &id, "SELECT id FROM person WHERE email = ?", "s", email);
    return id;
}

static const char *text_of(struct ctx *c, int64_t id)
{
    return arena_printf(c->a, "%" PRId64, id);
}

static enum app_status demo_steps(struct ctx *c, struct errors *errs, const char **refusal)
{
    static const struct demo_actor president = {"president@parley.test", ROLE_LOCAL_PRESIDENT},
                                   coordinator = {"pss@parley.test", ROLE_PSS_COORDINATOR},
                                   consultant = {"consultant@parley.test", ROLE_PSS_CONSULTANT};
    int64_t id = 0, log = 0, report = 0, release = 0;
    if (!act_as(c, &president))
        return APP_NOT_FOUND;
    struct pss_request_form rq = {
        {"president", "plan_of_assistance", "Harbor City School District",
         "Asked for help with classroom management after her plan of assistance began."},
        text_of(c, person_id(c, "member@parley.test")),
        NULL};
    enum app_status s = pss_request(c, &rq, &id, errs);
    if (s == APP_OK && act_as(c, &coordinator))
        s = pss_case_change(
            c, id, 1,
            &(struct pss_change){.consultant_id = text_of(c, person_id(c, consultant.email))}, errs,
            refusal);
    if (s == APP_OK)
        s = pss_case_change(c, id, 2,
                            &(struct pss_change){.agreement_by = "Dr. Alan Ames, Superintendent",
                                                 .agreement_note = "Signed 2026-09-14."},
                            errs, refusal);
    if (s == APP_OK && act_as(c, &consultant))
        s = pss_log_add(c, id, "visit", "2026-09-21",
                        "First classroom visit; agreed on two goals for routines.", &log, errs,
                        refusal);
    if (s == APP_OK)
        s = pss_report_add(c, id, "Progress in September",
                           "Routines are settling; transitions take half the time they did.",
                           &report, errs, refusal);
    if (s == APP_OK)
        s = pss_release_propose(c, id, text_of(c, report), "The member's principal",
                                "To show the work done under the plan of assistance.", &release,
                                errs, refusal);
    return s;
}

enum app_status pss_demo(struct ctx *c)
{
    struct actor before = c->who;
    int64_t federation = 0;
    db_int_query(c->db, &federation,
                 "SELECT id FROM program WHERE kind = 'federation' ORDER BY id LIMIT 1", "");
    if (!federation)
        return APP_OK; /* no federation in this installation */
    c->who.program_id = federation;
    c->who.federation = true;
    c->who.operator= false;
    struct errors errs = {0};
    const char *refusal = NULL;
    enum app_status s = demo_steps(c, &errs, &refusal);
    for (int i = 0; i < errs.n; i++)
        fprintf(stderr, "parley: demo: peer support: %s: %s\n", errs.e[i].field, errs.e[i].message);
    if (refusal)
        fprintf(stderr, "parley: demo: peer support: %s\n", refusal);
    c->who = before;
    return s;
}

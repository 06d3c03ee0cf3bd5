/* test_pss_process.c: a peer support case's process table
 * (domain/pss_process.c): each guard refuses where RULES.md says the step
 * must not be taken and allows where it may (R31-R36), what each step
 * makes due and for whom, each person's tasks, and the table's agreement
 * with the policy table. Each test fails when its rule is broken. */
#include "testing.h"

#include <stdio.h>
#include <string.h>

#include "domain/policy.h"
#include "domain/pss_process.h"

#define ROLE(r) (1u << (r))
#define REL(w) POLICY_REL(w)
#define NOW 1800000000
#define MEMBER REL(WHO_PSS_MEMBER)
#define PRESIDENT REL(WHO_PSS_PRESIDENT)
#define CONSULTANT REL(WHO_PSS_CONSULTANT)

static const struct pss_step *step(const char *key)
{
    const struct pss_step *t = pss_step_find(key);
    if (!t)
        fail_msg("no step %s", key);
    return t;
}

static struct pss_release_facts releases[2];

/* A case referred by a president (7) for a member (5), consultant 9
 * assigned, the district's agreement recorded, one report and one release
 * of it proposed, nobody has consented yet, no hold. */
static struct pss_facts agreed_case(void)
{
    memset(releases, 0, sizeof releases);
    releases[0] = (struct pss_release_facts){.id = 41, .status = PSS_RELEASE_PROPOSED,
                                             .proposed_on = "2026-10-02", .title = "October",
                                             .recipient = "The principal"};
    return (struct pss_facts){
        .status = PSS_ACTIVE, .hold = PSS_HOLD_NONE, .cost = PSS_COST_DISTRICT, .now = NOW,
        .asked_on = "2026-09-01", .agreed_on = "2026-09-14", .member_id = 5,
        .president_id = 7, .consultant_id = 9, .agreement_recorded = true, .reports = 1,
        .releases = releases, .nreleases = 1, .release = -1,
    };
}

/* The rule of the first guard that stops the asker's step (input included), or NULL. */
static const char *refused_by(const char *key, const struct pss_facts *f, unsigned relations,
                              int release)
{
    char detail[300];
    const struct guard_def *g = pss_check(step(key), f, relations, release, false, detail,
                                          sizeof detail);
    return g ? g->rule : NULL;
}

/* Whether the step is offered to them now: applies and no rule stops it. */
static bool may(const char *key, const struct pss_facts *f, role_set roles, unsigned relations,
                int release)
{
    struct pss_offer o;
    return pss_offer(step(key), f, roles, relations, release, &o) && !o.blocked;
}

static void consent_all(int64_t at)
{
    for (int p = 0; p < PSS_PARTY_COUNT; p++)
        releases[0].consents.at[p] = at;
}

/* The asker's tasks of step key. */
static int tasks_of(const struct pss_facts *f, role_set roles, unsigned relations,
                    const char *key)
{
    struct pss_task ts[32];
    int n = pss_tasks(f, roles, relations, ts, 32), found = 0;
    for (int i = 0; i < n; i++)
        found += strcmp(ts[i].due.step->key, key) == 0;
    return found;
}

/* --- the table --- */

static void test_table_agrees_with_the_policy_table(void **state)
{
    (void)state;
    for (int i = 0; i < pss_step_count; i++) {
        const struct pss_step *t = &pss_steps[i];
        assert_ptr_equal(pss_step_find(t->key), t);
        assert_true(t->who[0] != WHO_END);
        /* everyone the table names for a step, the policy table allows */
        for (int w = 0; w < WORKFLOW_MAX_WHO && t->who[w] != WHO_END; w++) {
            bool rel = POLICY_IS_CASE_REL(t->who[w]);
            struct policy_record rec = {.known = true,
                                        .relations = rel ? POLICY_REL(t->who[w]) : 0};
            role_set roles = rel ? 0 : ROLE(t->who[w]);
            assert_int_equal(policy_decide(true, roles, t->act, t->kind,
                                           t->from & PSS_BEFORE_CASE ? NULL : &rec),
                             POLICY_ALLOW);
        }
        for (int g = 0; g < WORKFLOW_MAX_GUARDS && t->guards[g]; g++) {
            assert_true(t->guards[g]->rule[0] == 'R');       /* names its rule, for the help */
            assert_null(strstr(t->guards[g]->refusal, "R3"));   /* but speaks plainly */
            assert_non_null(t->guards[g]->holds);
        }
    }
}

/* --- R31: requests --- */

static void test_R31_a_request_from_the_member_their_president_or_the_coordinator(void **state)
{
    (void)state;
    const struct pss_step *t = step("request");
    assert_true(t->from & PSS_BEFORE_CASE);
    assert_int_equal(t->to, PSS_REQUESTED);
    assert_true(workflow_who_may(t->who, ROLE(ROLE_MEMBER), 0));
    assert_true(workflow_who_may(t->who, ROLE(ROLE_LOCAL_PRESIDENT), 0));
    assert_true(workflow_who_may(t->who, ROLE(ROLE_PSS_COORDINATOR), 0));
    /* nobody else asks: not a consultant, not a district's people */
    assert_false(workflow_who_may(t->who, ROLE(ROLE_PSS_CONSULTANT), 0));
    assert_false(workflow_who_may(t->who, ROLE(ROLE_COORDINATOR) | ROLE(ROLE_ADMINISTRATOR), 0));
}

/* After a request the coordinator assigns a consultant, decides who pays
 * when the reason does not say (R32), and records the district's agreement
 * (R33): their tasks, nobody else's. */
static void test_R31_R32_R33_a_request_makes_the_coordinators_work_due(void **state)
{
    (void)state;
    struct pss_facts f = {.status = PSS_REQUESTED, .cost = PSS_COST_UNDECIDED, .now = NOW,
                          .asked_on = "2026-09-01", .member_id = 5, .release = -1};
    role_set coord = ROLE(ROLE_PSS_COORDINATOR);
    assert_int_equal(tasks_of(&f, coord, 0, "assign_consultant"), 1);
    assert_int_equal(tasks_of(&f, coord, 0, "decide_cost"), 1);
    assert_int_equal(tasks_of(&f, coord, 0, "record_agreement"), 1);
    struct pss_due ds[16];
    int n = pss_due(&f, ds, 16);
    for (int i = 0; i < n; i++) {
        assert_string_equal(ds[i].since, "2026-09-01");
        assert_true(workflow_who_may(ds[i].who, coord, 0));
        assert_false(workflow_who_may(ds[i].who, ROLE(ROLE_MEMBER), MEMBER));
    }
    /* R32: a plan of assistance or a self-referral says who pays */
    f.cost = PSS_COST_DISTRICT;
    assert_int_equal(tasks_of(&f, coord, 0, "decide_cost"), 0);
    f.consultant_id = 9;
    assert_int_equal(tasks_of(&f, coord, 0, "assign_consultant"), 0);
    /* a district coordinator holds no role of the service: nothing of it is theirs */
    assert_int_equal(pss_tasks(&f, ROLE(ROLE_COORDINATOR), 0, (struct pss_task[4]){0}, 4), 0);
}

/* --- R33: the district's agreement first --- */

static void test_R33_no_work_before_the_districts_agreement(void **state)
{
    (void)state;
    struct pss_facts f = agreed_case();
    f.agreement_recorded = false;
    f.status = PSS_REQUESTED;
    const char *work[] = {"log_work", "write_report", "propose_release"};
    for (int i = 0; i < 3; i++) {
        assert_string_equal(refused_by(work[i], &f, CONSULTANT, -1), "R33");
        assert_false(may(work[i], &f, 0, CONSULTANT, -1));
    }
    assert_string_equal(refused_by("consent", &f, MEMBER, 0), "R33");
    assert_string_equal(refused_by("release", &f, CONSULTANT, 0), "R33");
    /* recorded: the work may start */
    f.agreement_recorded = true;
    f.status = PSS_AGREED;
    for (int i = 0; i < 3; i++)
        assert_true(may(work[i], &f, 0, CONSULTANT, -1));
    /* the first work makes the case active; the agreement makes it agreed */
    assert_int_equal(pss_step_target(step("log_work"), PSS_AGREED), PSS_ACTIVE);
    assert_int_equal(pss_step_target(step("record_agreement"), PSS_REQUESTED), PSS_AGREED);
}

static void test_R33_the_agreement_is_recorded_once_and_then_work_is_due(void **state)
{
    (void)state;
    struct pss_facts f = agreed_case();
    f.status = PSS_REQUESTED;
    f.agreement_recorded = false;
    role_set coord = ROLE(ROLE_PSS_COORDINATOR);
    assert_true(may("record_agreement", &f, coord, 0, -1));
    assert_int_equal(tasks_of(&f, 0, CONSULTANT, "log_work"), 0);   /* nothing to start yet */
    f.agreement_recorded = true;
    f.status = PSS_AGREED;
    assert_string_equal(refused_by("record_agreement", &f, 0, -1), "R33");
    struct pss_offer o;
    assert_false(pss_offer(step("record_agreement"), &f, coord, 0, -1, &o));   /* not offered */
    assert_int_equal(tasks_of(&f, coord, 0, "record_agreement"), 0);
    /* the consultant starts the work */
    assert_int_equal(tasks_of(&f, 0, CONSULTANT, "log_work"), 1);
    f.status = PSS_ACTIVE;
    assert_int_equal(tasks_of(&f, 0, CONSULTANT, "log_work"), 0);
}

/* --- R34: the three consents, given first --- */

static void test_R34_the_consultant_is_none_of_the_other_two(void **state)
{
    (void)state;
    struct pss_facts f = agreed_case();
    f.consultant_chosen = 5;   /* the member */
    assert_string_equal(refused_by("assign_consultant", &f, 0, -1), "R34");
    f.consultant_chosen = 7;   /* the local president */
    assert_string_equal(refused_by("assign_consultant", &f, 0, -1), "R34");
    f.consultant_chosen = 9;
    assert_null(refused_by("assign_consultant", &f, 0, -1));
    /* the guard waits for the input: the form is offered */
    f.consultant_chosen = 5;
    assert_true(may("assign_consultant", &f, ROLE(ROLE_PSS_COORDINATOR), 0, -1));
}

static void test_R34_a_release_needs_the_three_consents_recorded_before_it(void **state)
{
    (void)state;
    struct pss_facts f = agreed_case();
    assert_string_equal(refused_by("release", &f, CONSULTANT, 0), "R34");
    /* each of the three missing is enough to refuse */
    for (int p = 0; p < PSS_PARTY_COUNT; p++) {
        consent_all(NOW - 10);
        releases[0].consents.at[p] = 0;
        assert_string_equal(refused_by("release", &f, CONSULTANT, 0), "R34");
        assert_false(may("release", &f, 0, CONSULTANT, 0));
        /* a consent recorded after the release is no consent */
        releases[0].consents.at[p] = NOW + 1;
        assert_string_equal(refused_by("release", &f, CONSULTANT, 0), "R34");
    }
    consent_all(NOW - 10);
    assert_null(refused_by("release", &f, CONSULTANT, 0));
    assert_true(may("release", &f, 0, CONSULTANT, 0));
    /* the consultant's only: not the member's, the president's or the coordinator's */
    assert_false(may("release", &f, ROLE(ROLE_PSS_COORDINATOR), MEMBER | PRESIDENT, 0));
    /* made once: then neither released again nor consented to */
    releases[0].status = PSS_RELEASE_RELEASED;
    assert_string_equal(refused_by("release", &f, CONSULTANT, 0), "R34");
    releases[0].consents.at[PSS_PARTY_MEMBER] = 0;
    assert_string_equal(refused_by("consent", &f, MEMBER, 0), "R34");
}

static void test_R34_the_page_says_whose_consent_is_missing(void **state)
{
    (void)state;
    struct pss_facts f = agreed_case();
    releases[0].consents.at[PSS_PARTY_MEMBER] = NOW - 5;
    struct pss_offer o;
    assert_true(pss_offer(step("release"), &f, 0, CONSULTANT, 0, &o));
    assert_non_null(o.blocked);   /* shown with its reason, not hidden */
    assert_non_null(strstr(o.detail, "the local president"));
    assert_non_null(strstr(o.detail, "the consultant"));
    assert_null(strstr(o.detail, "the member"));
    assert_null(strstr(o.blocked->refusal, "R34"));
}

/* R34: what is released is a report: with none, no release is proposed. */
static void test_R34_a_release_is_of_a_report(void **state)
{
    (void)state;
    struct pss_facts f = agreed_case();
    assert_true(may("propose_release", &f, 0, CONSULTANT, -1));
    f.reports = 0;
    assert_string_equal(refused_by("propose_release", &f, CONSULTANT, -1), "R34");
    struct pss_offer o;
    assert_false(pss_offer(step("propose_release"), &f, 0, CONSULTANT, -1, &o));
}

static void test_R34_each_consents_once_for_themselves(void **state)
{
    (void)state;
    struct pss_facts f = agreed_case();
    unsigned party[PSS_PARTY_COUNT] = {MEMBER, PRESIDENT, CONSULTANT};
    for (int p = 0; p < PSS_PARTY_COUNT; p++) {
        assert_true(may("consent", &f, 0, party[p], 0));
        releases[0].consents.at[p] = NOW - 1;
        assert_string_equal(refused_by("consent", &f, party[p], 0), "R34");
        struct pss_offer o;   /* once given, the form goes */
        assert_false(pss_offer(step("consent"), &f, 0, party[p], 0, &o));
        releases[0].consents.at[p] = 0;
    }
    /* the coordinator does not consent (R34 names three) */
    assert_false(may("consent", &f, ROLE(ROLE_PSS_COORDINATOR), 0, 0));
}

/* R34: the consents are due from whoever of the three has not given one;
 * the release from the consultant once all three have. */
static void test_R34_consents_are_due_from_each_who_has_not_consented(void **state)
{
    (void)state;
    struct pss_facts f = agreed_case();
    assert_int_equal(tasks_of(&f, 0, MEMBER, "consent"), 1);
    assert_int_equal(tasks_of(&f, 0, PRESIDENT, "consent"), 1);
    assert_int_equal(tasks_of(&f, 0, CONSULTANT, "consent"), 1);
    assert_int_equal(tasks_of(&f, ROLE(ROLE_PSS_COORDINATOR), 0, "consent"), 0);
    assert_int_equal(tasks_of(&f, 0, CONSULTANT, "release"), 0);
    releases[0].consents.at[PSS_PARTY_MEMBER] = NOW - 3;
    assert_int_equal(tasks_of(&f, 0, MEMBER, "consent"), 0);     /* gone once given */
    assert_int_equal(tasks_of(&f, 0, PRESIDENT, "consent"), 1);
    releases[0].consents.at[PSS_PARTY_PRESIDENT] = NOW - 2;
    assert_int_equal(tasks_of(&f, 0, CONSULTANT, "release"), 0);
    releases[0].consents.at[PSS_PARTY_CONSULTANT] = NOW - 1;
    assert_int_equal(tasks_of(&f, 0, CONSULTANT, "release"), 1);
    assert_int_equal(tasks_of(&f, 0, MEMBER | PRESIDENT, "release"), 0);
    releases[0].status = PSS_RELEASE_RELEASED;
    assert_int_equal(tasks_of(&f, 0, CONSULTANT, "release"), 0);
}

/* --- R35: a hold blocks every disclosure --- */

static void test_R35_a_hold_blocks_every_release(void **state)
{
    (void)state;
    for (enum pss_hold h = PSS_HOLD_GRIEVANCE; h < PSS_HOLD_COUNT; h++) {
        struct pss_facts f = agreed_case();
        consent_all(NOW - 10);
        releases[0].consents.at[PSS_PARTY_PRESIDENT] = 0;
        f.hold = h;
        assert_string_equal(refused_by("propose_release", &f, CONSULTANT, -1), "R35");
        assert_string_equal(refused_by("consent", &f, PRESIDENT, 0), "R35");
        assert_false(may("consent", &f, 0, PRESIDENT, 0));
        consent_all(NOW - 10);
        assert_string_equal(refused_by("release", &f, CONSULTANT, 0), "R35");
        /* cleared: it may go */
        f.hold = PSS_HOLD_NONE;
        assert_null(refused_by("release", &f, CONSULTANT, 0));
        assert_null(refused_by("propose_release", &f, CONSULTANT, -1));
    }
    /* the work itself goes on: a hold stops disclosure, not the log */
    struct pss_facts f = agreed_case();
    f.hold = PSS_HOLD_GRIEVANCE;
    assert_true(may("log_work", &f, 0, CONSULTANT, -1));
}

static void test_R35_a_hold_makes_nothing_due_but_its_clearing(void **state)
{
    (void)state;
    struct pss_facts f = agreed_case();
    role_set coord = ROLE(ROLE_PSS_COORDINATOR);
    assert_false(may("clear_hold", &f, coord, 0, -1));   /* no hold to clear */
    assert_int_equal(tasks_of(&f, coord, 0, "clear_hold"), 0);
    f.hold = PSS_HOLD_REGULATORY;
    snprintf(f.held_on, sizeof f.held_on, "2026-11-02");
    assert_true(may("clear_hold", &f, coord, 0, -1));
    assert_int_equal(tasks_of(&f, coord, 0, "clear_hold"), 1);
    /* no consent is asked for, no release is due */
    for (unsigned who = MEMBER; who <= CONSULTANT; who <<= 1)
        assert_int_equal(tasks_of(&f, 0, who, "consent"), 0);
    consent_all(NOW - 1);
    assert_int_equal(tasks_of(&f, 0, CONSULTANT, "release"), 0);
    f.hold = PSS_HOLD_NONE;
    assert_int_equal(tasks_of(&f, 0, CONSULTANT, "release"), 1);
}

/* --- the end --- */

/* Issue 18: clearing a hold, closing and releasing ask to confirm, saying
 * that the member is told; every other step is taken at once. */
static void test_weighty_steps_ask_to_confirm(void **state)
{
    (void)state;
    for (int i = 0; i < pss_step_count; i++) {
        const struct pss_step *t = &pss_steps[i];
        bool weighty = strcmp(t->key, "clear_hold") == 0 || strcmp(t->key, "close") == 0 ||
                       strcmp(t->key, "release") == 0;
        if (weighty != (t->confirm != NULL))
            fail_msg("%s %s", t->key, weighty ? "asks no confirmation" : "asks to confirm");
        if (weighty && !strstr(t->confirm, "member"))
            fail_msg("%s: its confirmation does not say the member is told", t->key);
    }
}

static void test_a_closed_case_takes_no_step_and_has_nothing_due(void **state)
{
    (void)state;
    struct pss_facts f = agreed_case();
    f.status = PSS_CLOSED;
    f.hold = PSS_HOLD_GRIEVANCE;
    struct pss_due ds[16];
    assert_int_equal(pss_due(&f, ds, 16), 0);
    for (int i = 0; i < pss_step_count; i++)
        assert_false(pss_step_taken_in(&pss_steps[i], PSS_CLOSED));
    assert_int_equal(pss_step_target(step("close"), PSS_ACTIVE), PSS_CLOSED);
    assert_non_null(strstr(pss_status_refusal(PSS_CLOSED), "closed"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_agrees_with_the_policy_table),
        cmocka_unit_test(test_R31_a_request_from_the_member_their_president_or_the_coordinator),
        cmocka_unit_test(test_R31_R32_R33_a_request_makes_the_coordinators_work_due),
        cmocka_unit_test(test_R33_no_work_before_the_districts_agreement),
        cmocka_unit_test(test_R33_the_agreement_is_recorded_once_and_then_work_is_due),
        cmocka_unit_test(test_R34_the_consultant_is_none_of_the_other_two),
        cmocka_unit_test(test_R34_a_release_needs_the_three_consents_recorded_before_it),
        cmocka_unit_test(test_R34_the_page_says_whose_consent_is_missing),
        cmocka_unit_test(test_R34_a_release_is_of_a_report),
        cmocka_unit_test(test_R34_each_consents_once_for_themselves),
        cmocka_unit_test(test_R34_consents_are_due_from_each_who_has_not_consented),
        cmocka_unit_test(test_R35_a_hold_blocks_every_release),
        cmocka_unit_test(test_R35_a_hold_makes_nothing_due_but_its_clearing),
        cmocka_unit_test(test_weighty_steps_ask_to_confirm),
        cmocka_unit_test(test_a_closed_case_takes_no_step_and_has_nothing_due),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

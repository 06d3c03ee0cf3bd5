/* test_goal.c: the rules of a case's goals, tested directly (they are
 * pure): R19 (one approved professional-practice and one approved
 * student-learning goal; a goal is revised until approved, then stands),
 * and the policy table's rows for goals: R14 (only the case's Consulting
 * Teacher approves) and R16 (a PA case's administrator reaches none). */
#include "testing.h"

#include "domain/cycle.h"
#include "domain/goal.h"
#include "domain/policy.h"

#define REL(who) POLICY_REL(who)

static void test_R19_one_approved_goal_of_each_kind(void **state)
{
    (void)state;
    assert_true(goals_meet_r19(1, 1));
    assert_true(goals_meet_r19(2, 3));
    assert_false(goals_meet_r19(1, 0));   /* no student-learning goal approved */
    assert_false(goals_meet_r19(0, 1));   /* no professional-practice goal approved */
    assert_false(goals_meet_r19(0, 0));
}

static void test_R19_goal_steps(void **state)
{
    (void)state;
    assert_true(goal_may_propose(GOAL_DRAFT));
    assert_true(goal_may_propose(GOAL_RETURNED));
    assert_false(goal_may_propose(GOAL_PROPOSED));
    assert_false(goal_may_propose(GOAL_APPROVED));
    assert_true(goal_may_decide(GOAL_PROPOSED));
    for (int s = 0; s < GOAL_STATUS_COUNT; s++) {
        if (s != GOAL_PROPOSED)
            assert_false(goal_may_decide((enum goal_status)s));
        /* an approved goal stands; every other may be revised */
        assert_int_equal(goal_editable((enum goal_status)s), s != GOAL_APPROVED);
        assert_non_null(strstr(goal_step_refusal((enum goal_status)s), " "));
    }
    assert_non_null(strstr(goal_step_refusal(GOAL_APPROVED), "R19"));
}

static void test_keys_round_trip(void **state)
{
    (void)state;
    for (int k = 0; k < GOAL_KIND_COUNT; k++) {
        enum goal_kind back;
        assert_true(goal_kind_parse(goal_kind_key((enum goal_kind)k), &back));
        assert_int_equal(back, k);
    }
    for (int s = 0; s < GOAL_STATUS_COUNT; s++) {
        enum goal_status back;
        assert_true(goal_status_parse(goal_status_key((enum goal_status)s), &back));
        assert_int_equal(back, s);
    }
    enum goal_kind k;
    assert_false(goal_kind_parse("Practice", &k));
    assert_false(goal_kind_parse(NULL, &k));
}

static void test_R19_goals_due_after_the_cycle_starts(void **state)
{
    (void)state;
    char due[11];
    assert_true(goals_due_on("2026-09-08", 30, due));
    assert_string_equal(due, "2026-10-08");
    assert_false(goals_due_on("", 30, due));
}

static enum policy_answer ask(enum action act, enum record_kind kind, role_set roles,
                              unsigned relations)
{
    return policy_decide(true, roles, act, kind,
                         &(struct policy_record){.known = true, .relations = relations});
}

static void test_R14_only_the_cases_ct_approves_goals(void **state)
{
    (void)state;
    role_set ct = 1u << ROLE_CONSULTING_TEACHER, teacher = 1u << ROLE_PARTICIPATING_TEACHER;
    role_set admin = 1u << ROLE_ADMINISTRATOR, coordinator = 1u << ROLE_COORDINATOR;
    assert_int_equal(ask(ACT_APPROVE, KIND_GOAL, ct, REL(WHO_CASE_CT)), POLICY_ALLOW);
    assert_int_equal(ask(ACT_APPROVE, KIND_GOAL, teacher, REL(WHO_CASE_TEACHER)),
                     POLICY_FORBIDDEN);
    /* the secondary evaluator on a PAR case sees the goals but does not approve them */
    unsigned evaluator = REL(WHO_CASE_ADMINISTRATOR) | REL(WHO_CASE_EVALUATOR);
    assert_int_equal(ask(ACT_VIEW, KIND_GOAL, admin, evaluator), POLICY_ALLOW);
    assert_int_equal(ask(ACT_APPROVE, KIND_GOAL, admin, evaluator), POLICY_FORBIDDEN);
    assert_int_equal(ask(ACT_APPROVE, KIND_GOAL, coordinator, 0), POLICY_HIDDEN);
    /* a CT of another case is not told the goals exist */
    assert_int_equal(ask(ACT_APPROVE, KIND_GOAL, ct, 0), POLICY_HIDDEN);
    assert_non_null(strstr(policy_refusal(ACT_APPROVE, KIND_GOAL), "R14"));
}

static void test_R16_a_pa_cases_administrator_reaches_no_goals(void **state)
{
    (void)state;
    role_set admin = 1u << ROLE_ADMINISTRATOR;
    unsigned pa_admin = REL(WHO_CASE_ADMINISTRATOR);   /* never WHO_CASE_EVALUATOR on PA */
    for (int act = ACT_VIEW; act < ACT_COUNT; act++) {
        assert_int_not_equal(ask((enum action)act, KIND_GOAL, admin, pa_admin), POLICY_ALLOW);
        assert_int_not_equal(ask((enum action)act, KIND_SELF_ASSESSMENT, admin, pa_admin),
                             POLICY_ALLOW);
    }
}

static void test_R19_only_the_teacher_writes_the_self_assessment(void **state)
{
    (void)state;
    role_set teacher = 1u << ROLE_PARTICIPATING_TEACHER, ct = 1u << ROLE_CONSULTING_TEACHER;
    assert_int_equal(ask(ACT_EDIT, KIND_SELF_ASSESSMENT, teacher, REL(WHO_CASE_TEACHER)),
                     POLICY_ALLOW);
    assert_int_equal(ask(ACT_EDIT, KIND_SELF_ASSESSMENT, ct, REL(WHO_CASE_CT)), POLICY_FORBIDDEN);
    assert_int_equal(ask(ACT_VIEW, KIND_SELF_ASSESSMENT, ct, REL(WHO_CASE_CT)), POLICY_ALLOW);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_R19_one_approved_goal_of_each_kind),
        cmocka_unit_test(test_R19_goal_steps),
        cmocka_unit_test(test_keys_round_trip),
        cmocka_unit_test(test_R19_goals_due_after_the_cycle_starts),
        cmocka_unit_test(test_R14_only_the_cases_ct_approves_goals),
        cmocka_unit_test(test_R16_a_pa_cases_administrator_reaches_no_goals),
        cmocka_unit_test(test_R19_only_the_teacher_writes_the_self_assessment),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

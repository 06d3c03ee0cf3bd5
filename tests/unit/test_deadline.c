/* test_deadline.c: what is due on a case (domain/deadline.c), and the
 * policy rows that keep a PA case's records from its evaluators. Each of
 * R14, R16, R17, R18 and R19 has a test that fails when the rule is
 * broken. */
#include "testing.h"

#include "domain/deadline.h"
#include "domain/policy.h"

#define ROLE(r) (1u << (r))

/* A PAR cycle of 300 days, 45 days under way, nothing done yet. */
static struct deadline_facts par_case(void)
{
    return (struct deadline_facts){
        .par = true, .today = "2026-11-24", .cycle_start = "2026-10-10",
        .cycle_end = "2027-08-06", .goals_due_days = 30, .feedback_days = 5,
    };
}

static const struct deadline *find(const struct deadline *ds, int n, enum deadline_what what,
                                   enum meeting_phase phase)
{
    for (int i = 0; i < n; i++)
        if (ds[i].what == what && (what != DUE_MEETING || ds[i].phase == phase))
            return &ds[i];
    return NULL;
}

static void test_R17_three_meetings_due_in_their_windows(void **state)
{
    (void)state;
    struct deadline_facts f = par_case();
    struct deadline ds[16];
    int n = deadlines_of_case(&f, ds, 16);
    const struct deadline *start = find(ds, n, DUE_MEETING, PHASE_START);
    const struct deadline *middle = find(ds, n, DUE_MEETING, PHASE_MIDDLE);
    const struct deadline *end = find(ds, n, DUE_MEETING, PHASE_END);
    assert_non_null(start);
    assert_non_null(middle);
    assert_non_null(end);
    assert_string_equal(start->from, "2026-10-10");
    assert_string_equal(start->due_on, "2026-12-09");   /* the first fifth of 300 days */
    assert_string_equal(middle->from, "2027-02-07");
    assert_string_equal(middle->due_on, "2027-04-08");
    assert_string_equal(end->due_on, "2027-08-06");
    assert_false(start->overdue);
    assert_string_equal(start->rule, "R17");
    /* overdue once its window has closed */
    f.today = "2026-12-10";
    n = deadlines_of_case(&f, ds, 16);
    assert_true(find(ds, n, DUE_MEETING, PHASE_START)->overdue);
    /* a meeting held is no longer due */
    f.meeting_held[PHASE_START] = true;
    n = deadlines_of_case(&f, ds, 16);
    assert_null(find(ds, n, DUE_MEETING, PHASE_START));
    assert_non_null(find(ds, n, DUE_MEETING, PHASE_MIDDLE));
    /* and a cycle closes only with three held */
    assert_false(cycle_may_close(2));
    assert_true(cycle_may_close(CYCLE_MIN_MEETINGS_HELD));
    assert_int_equal(CYCLE_MIN_MEETINGS_HELD, 3);
}

static void test_R18_joint_observation_flagged(void **state)
{
    (void)state;
    struct deadline_facts f = par_case();
    struct deadline ds[16];
    int n = deadlines_of_case(&f, ds, 16);
    const struct deadline *joint = find(ds, n, DUE_JOINT_OBSERVATION, 0);
    assert_non_null(joint);
    assert_string_equal(joint->rule, "R18");
    assert_string_equal(joint->due_on, "2027-04-08");   /* by the middle of the cycle */
    f.joint_observations = 1;
    n = deadlines_of_case(&f, ds, 16);
    assert_null(find(ds, n, DUE_JOINT_OBSERVATION, 0));
}

static void test_R19_goals_and_feedback_due(void **state)
{
    (void)state;
    struct deadline_facts f = par_case();
    struct deadline ds[16];
    int n = deadlines_of_case(&f, ds, 16);
    const struct deadline *goals = find(ds, n, DUE_GOALS, 0);
    assert_non_null(goals);
    assert_string_equal(goals->due_on, "2026-11-09");
    assert_true(goals->overdue);
    /* a practice goal alone is not enough: a student-learning goal too */
    f.approved_practice = 1;
    n = deadlines_of_case(&f, ds, 16);
    assert_non_null(find(ds, n, DUE_GOALS, 0));
    f.approved_learning = 1;
    n = deadlines_of_case(&f, ds, 16);
    assert_null(find(ds, n, DUE_GOALS, 0));
    /* feedback: due feedback_days after the observation, late after that */
    f.feedback_pending[0] = "2026-11-20";
    f.nfeedback_pending = 1;
    n = deadlines_of_case(&f, ds, 16);
    const struct deadline *fb = find(ds, n, DUE_FEEDBACK, 0);
    assert_non_null(fb);
    assert_string_equal(fb->due_on, "2026-11-25");
    assert_false(fb->overdue);
    assert_true(feedback_late("2026-11-18", 5, "", "2026-11-24"));
    assert_false(feedback_late("2026-11-18", 5, "2026-11-23", "2026-11-30"));
    assert_true(feedback_late("2026-11-18", 5, "2026-11-24", "2026-11-30"));
}

static void test_pa_case_has_no_evaluation_deadlines(void **state)
{
    (void)state;
    struct deadline_facts f = par_case();
    f.par = false;
    struct deadline ds[16];
    int n = deadlines_of_case(&f, ds, 16);
    assert_null(find(ds, n, DUE_MEETING, PHASE_START));
    assert_null(find(ds, n, DUE_JOINT_OBSERVATION, 0));
    assert_null(find(ds, n, DUE_CYCLE_END, 0));
    /* R19 still holds: a PA case (no cycle dates) counts from its caseload day */
    f.cycle_start = f.cycle_end = "";
    f.caseload_since = "2026-10-01";
    n = deadlines_of_case(&f, ds, 16);
    assert_non_null(find(ds, n, DUE_GOALS, 0));
    assert_string_equal(find(ds, n, DUE_GOALS, 0)->due_on, "2026-10-31");
}

static void test_overdue_first_then_by_date(void **state)
{
    (void)state;
    struct deadline a = {.overdue = false, .due_on = "2026-01-01"};
    struct deadline b = {.overdue = true, .due_on = "2026-06-01"};
    struct deadline c = {.overdue = false, .due_on = "2025-01-01"};
    assert_true(deadline_compare(&b, &a) < 0);
    assert_true(deadline_compare(&c, &a) < 0);
}

/* R14, R16: the administrator reaches a case's records only as a PAR
 * case's secondary evaluator; on a PA case they see none of them. */
static void test_R16_pa_records_never_reach_an_evaluator(void **state)
{
    (void)state;
    role_set admin = ROLE(ROLE_ADMINISTRATOR);
    struct policy_record pa = {.known = true, .relations = POLICY_REL(WHO_CASE_ADMINISTRATOR)};
    struct policy_record par = {.known = true, .relations = POLICY_REL(WHO_CASE_ADMINISTRATOR) |
                                                            POLICY_REL(WHO_CASE_EVALUATOR)};
    enum record_kind parts[] = {KIND_SELF_ASSESSMENT, KIND_GOAL, KIND_OBSERVATION,
                                KIND_ARTIFACT, KIND_COACHING, KIND_MEETING};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        assert_int_not_equal(policy_decide(true, admin, ACT_VIEW, parts[i], &pa), POLICY_ALLOW);
        assert_int_equal(policy_decide(true, admin, ACT_VIEW, parts[i], &par), POLICY_ALLOW);
        assert_int_not_equal(policy_decide(true, admin, ACT_CREATE, parts[i], &pa), POLICY_ALLOW);
    }
    /* no rule names the bare administrator relation for a case's parts */
    for (int i = 0; i < policy_rule_count; i++)
        if (policy_kind_casework(policy_rules[i].kind))
            assert_int_not_equal(policy_rules[i].who, WHO_CASE_ADMINISTRATOR);
}

/* R14, R15: the secondary evaluator records observations and artifacts;
 * only the CT, the primary evaluator, approves goals. */
static void test_R14_R15_evaluators(void **state)
{
    (void)state;
    role_set admin = ROLE(ROLE_ADMINISTRATOR);
    struct policy_record par = {.known = true, .relations = POLICY_REL(WHO_CASE_ADMINISTRATOR) |
                                                            POLICY_REL(WHO_CASE_EVALUATOR)};
    struct policy_record ct = {.known = true, .relations = POLICY_REL(WHO_CASE_CT)};
    struct policy_record teacher = {.known = true, .relations = POLICY_REL(WHO_CASE_TEACHER)};
    assert_int_equal(policy_decide(true, admin, ACT_CREATE, KIND_OBSERVATION, &par), POLICY_ALLOW);
    assert_int_equal(policy_decide(true, admin, ACT_CREATE, KIND_ARTIFACT, &par), POLICY_ALLOW);
    assert_int_not_equal(policy_decide(true, admin, ACT_APPROVE, KIND_GOAL, &par), POLICY_ALLOW);
    assert_int_not_equal(policy_decide(true, ROLE(ROLE_PARTICIPATING_TEACHER), ACT_APPROVE,
                                       KIND_GOAL, &teacher), POLICY_ALLOW);
    assert_int_equal(policy_decide(true, ROLE(ROLE_CONSULTING_TEACHER), ACT_APPROVE, KIND_GOAL,
                                   &ct), POLICY_ALLOW);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_R17_three_meetings_due_in_their_windows),
        cmocka_unit_test(test_R18_joint_observation_flagged),
        cmocka_unit_test(test_R19_goals_and_feedback_due),
        cmocka_unit_test(test_pa_case_has_no_evaluation_deadlines),
        cmocka_unit_test(test_overdue_first_then_by_date),
        cmocka_unit_test(test_R16_pa_records_never_reach_an_evaluator),
        cmocka_unit_test(test_R14_R15_evaluators),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

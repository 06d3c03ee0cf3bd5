/* test_workflow.c: the enrolment steps of the process table and their
 * guards, tested directly (they are pure). Each of R7, R8, R10, R11, R12,
 * R13, R17 and R30 has a test that fails when the rule is broken; the rest
 * of the case's process is test_process.c's. */
#include "testing.h"

#include "domain/caseload.h"
#include "domain/ct_term.h"
#include "domain/inquiry.h"
#include "domain/policy.h"
#include "domain/workflow.h"

#define ROLE(r) (1u << (r))

static const struct step_def *step(const char *key)
{
    const struct step_def *t = workflow_find(key);
    if (!t)
        fail_msg("no transition %s", key);
    return t;
}

/* A case every guard admits; each test changes one fact. */
static struct case_facts facts(void)
{
    return (struct case_facts){
        .state = CASE_MEETING_HELD, .track = TRACK_PAR, .inquiry_open = true,
        .elig = {.district_year = 5, .plan = PLAN_IMPROVEMENT, .plan_months = 12,
                 .rating = RATING_NEEDS_IMPROVEMENT, .union_member = true, .full_time = true,
                 .job = JOB_CLASSROOM_TEACHER},
        .elig_settings = {.min_years_experience = 2, .par_min_plan_months = 6},
        .ct_load = 0, .case_weight = 2, .caseload_cap = 20, .today = "2026-08-01",
        .current_cycle_start = "", .cycle_start = "2026-09-01", .cycle_end = "2027-06-30",
        .plan_months = 10, .par_min_plan_months = 6, .cycle_min_months = 6,
        .cycle_max_months = 12, .teacher_signed = true, .rep_signed = true,
        .ct_chosen = true, .ct_term_running = true, .inquiry_confirmed = true,
    };
}

/* The rule named by the first guard that refuses, or NULL. */
static const char *refused_by(const char *key, const struct case_facts *f)
{
    char detail[600];
    const struct guard_def *g = workflow_check(step(key), f, false, detail, sizeof detail);
    return g ? g->rule : NULL;
}

static void test_table_is_consistent(void **state)
{
    (void)state;
    for (int i = 0; i < case_step_count; i++) {
        const struct step_def *t = &case_steps[i];
        assert_non_null(t->who_refusal);
        assert_true(t->who[0] != WHO_END);
        assert_ptr_equal(workflow_find(t->key), t);
        for (int g = 0; g < WORKFLOW_MAX_GUARDS && t->guards[g]; g++) {
            assert_true(t->guards[g]->rule[0] == 'R');   /* names its rule, for the help */
            assert_null(strstr(t->guards[g]->refusal, "(R"));   /* but speaks plainly */
            assert_non_null(t->guards[g]->holds);
        }
    }
    /* every active state but the caseload can be left other than by withdrawing */
    for (int s = CASE_INQUIRY_RECEIVED; s < CASE_ON_CASELOAD; s++) {
        bool onward = false;
        for (int i = 0; i < case_step_count; i++)
            onward |= case_steps[i].to != CASE_WITHDRAWN && !case_steps[i].stays &&
                      workflow_leaves(&case_steps[i], (enum case_state)s);
        assert_true(onward);
    }
}

/* R10: a case starts from the inquiry, and the CT meeting comes first. */
static void test_R10_inquiry_then_initial_meeting(void **state)
{
    (void)state;
    assert_int_equal(step("open")->from[0], CASE_NONE);
    assert_int_equal(step("open")->to, CASE_INQUIRY_RECEIVED);
    assert_int_equal(workflow_resolve("meeting_scheduled", CASE_INQUIRY_RECEIVED),
                     step("schedule_meeting"));
    /* nothing but scheduling the meeting (or withdrawing) leaves the inquiry */
    for (int i = 0; i < case_step_count; i++) {
        const struct step_def *t = &case_steps[i];
        if (workflow_leaves(t, CASE_INQUIRY_RECEIVED) && t->to != CASE_WITHDRAWN)
            assert_int_equal(t->to, CASE_MEETING_SCHEDULED);
    }
    assert_false(workflow_leaves(step("choose_track"), CASE_INQUIRY_RECEIVED));
    assert_false(workflow_leaves(step("choose_track"), CASE_MEETING_SCHEDULED));
    struct case_facts f = facts();
    assert_null(refused_by("open", &f));
    f.inquiry_open = false;   /* closed, or a case already */
    assert_string_equal(refused_by("open", &f), "R8");
}

/* R8: "A request sent by someone else in a teacher's name becomes a case
 * only when the teacher confirms it." */
static void test_R8_a_request_in_the_teachers_name_waits_for_them(void **state)
{
    (void)state;
    struct case_facts f = {.today = "2026-08-01"};
    inquiry_open_facts(INQUIRY_NEW, false, CONFIRMATION_AWAITING, &f);
    const struct guard_def *g = workflow_check(step("open"), &f, false, NULL, 0);
    assert_non_null(g);
    assert_string_equal(g->rule, "R8");
    assert_string_equal(g->name, "inquiry_confirmed_by_teacher");
    assert_null(g->field);                          /* a refusal, not a field's error */
    inquiry_open_facts(INQUIRY_NEW, false, CONFIRMATION_CONFIRMED, &f);
    assert_null(workflow_check(step("open"), &f, false, NULL, 0));
    inquiry_open_facts(INQUIRY_IN_PROGRESS, false, CONFIRMATION_NOT_NEEDED, &f);
    assert_null(workflow_check(step("open"), &f, false, NULL, 0));
    inquiry_open_facts(INQUIRY_CLOSED, false, CONFIRMATION_DECLINED, &f);
    assert_non_null(workflow_check(step("open"), &f, false, NULL, 0));
    inquiry_open_facts(INQUIRY_NEW, true, CONFIRMATION_NOT_NEEDED, &f);   /* a case already */
    assert_non_null(workflow_check(step("open"), &f, false, NULL, 0));
}

/* R8: the teacher's own request; an administrator can neither enrol nor
 * withdraw (block) a teacher; the teacher may withdraw. */
static void test_R8_administrator_cannot_enrol_or_block(void **state)
{
    (void)state;
    unsigned admin = POLICY_REL(WHO_CASE_ADMINISTRATOR), teacher = POLICY_REL(WHO_CASE_TEACHER);
    assert_false(workflow_may_fire(step("open"), ROLE(ROLE_ADMINISTRATOR), admin));
    assert_true(workflow_may_fire(step("open"), ROLE(ROLE_COORDINATOR), 0));
    assert_false(workflow_may_fire(step("withdraw"), ROLE(ROLE_ADMINISTRATOR), admin));
    assert_false(workflow_may_fire(step("choose_track"), ROLE(ROLE_ADMINISTRATOR), admin));
    assert_true(workflow_may_fire(step("withdraw"), ROLE(ROLE_PARTICIPATING_TEACHER), teacher));
    assert_true(workflow_may_fire(step("withdraw"), ROLE(ROLE_COORDINATOR), 0));
    /* the policy table agrees: no administrator opens a case */
    struct policy_record rec = {.known = true, .relations = admin};
    assert_int_not_equal(policy_decide(true, ROLE(ROLE_ADMINISTRATOR), ACT_CREATE, KIND_CASE, NULL),
                         POLICY_ALLOW);
    assert_int_equal(policy_decide(true, ROLE(ROLE_ADMINISTRATOR), ACT_VIEW, KIND_CASE, &rec),
                     POLICY_ALLOW);
    /* a CT of another case is not told this one exists */
    struct policy_record stranger = {.known = true};
    assert_int_equal(policy_decide(true, ROLE(ROLE_CONSULTING_TEACHER), ACT_VIEW, KIND_CASE,
                                   &stranger), POLICY_HIDDEN);
    /* the track is the teacher's choice: they may record it themselves */
    assert_true(workflow_may_fire(step("choose_track"), ROLE(ROLE_PARTICIPATING_TEACHER), teacher));
}

/* R7: never PA and PAR at once. */
static void test_R7_not_pa_and_par_at_once(void **state)
{
    (void)state;
    struct case_facts f = facts();
    assert_null(refused_by("choose_track", &f));
    f.other_active_pa = true;
    assert_string_equal(refused_by("choose_track", &f), "R7");
    f = facts();
    f.track = TRACK_PA;
    f.other_active_par = true;
    assert_string_equal(refused_by("choose_track", &f), "R7");
    f.track = TRACK_CONSULTANCY;   /* a consultancy visit is neither */
    assert_null(refused_by("choose_track", &f));
}

/* R7: a second active PA or PAR case is refused when it would open, before
 * any meeting is held; R8: a request sent in a teacher's name waits for
 * them. */
static void test_R7_R8_when_a_case_opens(void **state)
{
    (void)state;
    struct case_facts f = facts();
    f.state = CASE_NONE;
    assert_null(refused_by("open", &f));
    f.teacher_other_cases = 1;
    assert_string_equal(refused_by("open", &f), "R7");
    f.teacher_other_cases = 0;
    f.inquiry_confirmed = false;
    assert_string_equal(refused_by("open", &f), "R8");
}

/* R27: only a Consulting Teacher whose term runs takes on teachers. */
static void test_R27_ct_in_their_term(void **state)
{
    (void)state;
    struct case_facts f = facts();
    f.state = CASE_AGREEMENT_SIGNED;
    f.ct_term_running = false;
    assert_string_equal(refused_by("assign_ct", &f), "R27");
    f.state = CASE_INQUIRY_RECEIVED;
    assert_string_equal(refused_by("schedule_meeting", &f), "R27");
    f.ct_term_running = true;
    assert_null(refused_by("schedule_meeting", &f));
    assert_true(ct_term_runs("2024-08-15", "", "2026-12-07"));
    assert_true(ct_term_runs("2024-08-15", "2026-12-08", "2026-12-07"));
    assert_false(ct_term_runs("2024-08-15", "2026-12-07", "2026-12-07"));   /* left that day */
    assert_false(ct_term_runs("2026-12-08", "", "2026-12-07"));             /* not started */
}

static void test_track_rechecks_eligibility(void **state)
{
    (void)state;
    struct case_facts f = facts();
    f.elig.plan_months = 4;   /* R4: short plan, PA only */
    char detail[600];
    const struct guard_def *g = workflow_check(step("choose_track"), &f, false, detail,
                                               sizeof detail);
    assert_non_null(g);
    assert_string_equal(g->name, "eligible_for_track");
    assert_non_null(strstr(detail, "PAR needs at least 6"));   /* the failing criterion, said */
    f.track = TRACK_PA;
    assert_null(refused_by("choose_track", &f));
}

/* R11: PAR only; signed by both before the caseload; PA skips it. */
static void test_R11_agreement_signed_before_caseload(void **state)
{
    (void)state;
    struct case_facts f = facts();
    f.state = CASE_TRACK_CHOSEN;
    f.teacher_signed = f.rep_signed = false;
    assert_string_equal(refused_by("assign_ct", &f), "R11");   /* PAR straight to caseload */
    f.track = TRACK_PA;
    assert_null(refused_by("assign_ct", &f));
    assert_string_equal(refused_by("schedule_review", &f), "R11");   /* PA has no review */
    /* one signature keeps the case where it is; the second moves it on */
    const struct step_def *sign = step("sign_agreement");
    f = facts();
    f.state = CASE_REVIEW_HELD;
    f.teacher_signed = true;
    f.rep_signed = false;
    assert_int_equal(workflow_target(sign, &f), CASE_REVIEW_HELD);
    f.rep_signed = true;
    assert_int_equal(workflow_target(sign, &f), CASE_AGREEMENT_SIGNED);
    assert_false(workflow_leaves(step("assign_ct"), CASE_REVIEW_HELD));
    f.me.signed_agreement = true;
    assert_string_equal(refused_by("sign_agreement", &f), "R11");
    /* only the teacher and the union rep sign */
    assert_false(workflow_may_fire(sign, ROLE(ROLE_COORDINATOR), 0));
    assert_true(workflow_may_fire(sign, 0, POLICY_REL(WHO_CASE_UNION_REP)));
}

/* R12: the administrator sets the timeline, before the cycle starts. */
static void test_R12_administrator_sets_timeline_before_start(void **state)
{
    (void)state;
    const struct step_def *t = step("set_timeline");
    assert_true(workflow_may_fire(t, ROLE(ROLE_ADMINISTRATOR), POLICY_REL(WHO_CASE_ADMINISTRATOR)));
    assert_false(workflow_may_fire(t, ROLE(ROLE_COORDINATOR), 0));
    assert_false(workflow_may_fire(t, ROLE(ROLE_ADMINISTRATOR), 0));   /* another school's */
    struct case_facts f = facts();
    f.current_cycle_start = "2026-09-01";   /* set, not started */
    assert_null(refused_by("set_timeline", &f));
    f.today = "2026-09-01";
    assert_string_equal(refused_by("set_timeline", &f), "R12");
    /* a timeline does not start in the past */
    f = facts();
    f.cycle_start = "2026-07-31";
    f.cycle_end = "2027-06-30";
    assert_string_equal(refused_by("set_timeline", &f), "R12");
    f.cycle_start = "2026-08-01";   /* today is fine */
    assert_null(refused_by("set_timeline", &f));
    /* R12 is PAR's: a PA case has no timeline to set (the step is not offered) */
    f.track = TRACK_PA;
    char detail[200];
    const struct guard_def *g = workflow_check(t, &f, true, detail, sizeof detail);
    assert_non_null(g);
    assert_true(g->hides);
}

/* R12: once started, the coordinator corrects a timeline, with a reason;
 * the start it had may stay, a new start is not in the past. */
static void test_R12_coordinator_corrects_a_started_timeline(void **state)
{
    (void)state;
    const struct step_def *t = step("correct_timeline");
    assert_true(workflow_may_fire(t, ROLE(ROLE_COORDINATOR), 0));
    assert_false(workflow_may_fire(t, ROLE(ROLE_ADMINISTRATOR),
                                   POLICY_REL(WHO_CASE_ADMINISTRATOR)));
    assert_true(t->needs & NEED_REASON);
    struct case_facts f = facts();
    f.state = CASE_ON_CASELOAD;
    f.today = "2026-11-01";
    f.current_cycle_start = "2026-09-01";
    f.current_cycle_end = "2027-06-30";
    f.cycle_start = "2026-09-01";   /* kept */
    f.cycle_end = "2027-08-31";
    assert_null(refused_by("correct_timeline", &f));
    f.cycle_start = "2026-10-01";   /* moved into the past */
    f.cycle_end = "2027-06-30";
    assert_string_equal(refused_by("correct_timeline", &f), "R12");
    f.cycle_start = "2026-12-01";   /* moved later: fine */
    assert_null(refused_by("correct_timeline", &f));
    f.current_cycle_start = f.current_cycle_end = "";   /* nothing set: not offered */
    char detail[200];
    assert_true(workflow_check(t, &f, true, detail, sizeof detail)->hides);
}

/* R13: from cycle_min_months to cycle_max_months. */
static void test_R13_cycle_length(void **state)
{
    (void)state;
    struct case_facts f = facts();
    f.cycle_end = "2027-02-28";   /* 6 months less 1 day */
    assert_string_equal(refused_by("set_timeline", &f), "R13");
    f.cycle_end = "2027-03-01";   /* 6 months */
    assert_null(refused_by("set_timeline", &f));
    f.cycle_end = "2027-09-01";   /* one year */
    assert_null(refused_by("set_timeline", &f));
    f.cycle_end = "2027-09-02";
    assert_string_equal(refused_by("set_timeline", &f), "R13");
    f.cycle_max_months = 18;      /* the setting, not a constant */
    assert_null(refused_by("set_timeline", &f));
}

/* R30: weighted caseload (PAR 2, PA 1) against the cap. */
static void test_R30_weighted_caseload_cap(void **state)
{
    (void)state;
    struct caseload_weights w = {.par = 2, .pa = 1, .cap = 20};
    assert_int_equal(caseload_weight("par", &w), 2);
    assert_int_equal(caseload_weight("pa", &w), 1);
    assert_int_equal(caseload_weight("consultancy", &w), 1);
    assert_true(caseload_fits(18, 2, &w));
    assert_false(caseload_fits(19, 2, &w));
    assert_true(caseload_fits(19, 1, &w));
    struct case_facts f = facts();
    f.state = CASE_AGREEMENT_SIGNED;
    f.ct_load = 19;
    f.case_weight = 2;
    assert_string_equal(refused_by("assign_ct", &f), "R30");
    f.ct_load = 18;
    assert_null(refused_by("assign_ct", &f));
}

/* R17: a PAR cycle closes only with at least three parley meetings held;
 * the refusal names the rule and says how many are held. */
static void test_R17_cycle_closes_with_three_meetings_held(void **state)
{
    (void)state;
    const struct step_def *t = step("close_cycle");
    assert_true(workflow_leaves(t, CASE_ON_CASELOAD));
    assert_int_equal(t->to, CASE_CYCLE_CLOSED);
    assert_false(case_states[CASE_CYCLE_CLOSED].active);   /* off the caseload, out of R7 */
    struct case_facts f = facts();
    f.state = CASE_ON_CASELOAD;
    for (int held = 0; held < 3; held++) {
        f.meetings_held = held;
        char detail[600];
        const struct guard_def *g = workflow_check(t, &f, false, detail, sizeof detail);
        assert_non_null(g);
        assert_string_equal(g->rule, "R17");
        assert_null(g->field);   /* a refusal about the process, not a field */
        assert_non_null(strstr(detail, held == 1 ? "1 has been held" : "have been held"));
        assert_non_null(strstr(detail, "all three present"));
    }
    f.meetings_held = 3;
    assert_null(refused_by("close_cycle", &f));
    f.meetings_held = 0;
    f.track = TRACK_PA;   /* R17 is PAR's */
    assert_null(refused_by("close_cycle", &f));
    /* the case's CT or the coordinator, nobody else */
    assert_true(workflow_may_fire(t, ROLE(ROLE_CONSULTING_TEACHER), POLICY_REL(WHO_CASE_CT)));
    assert_true(workflow_may_fire(t, ROLE(ROLE_COORDINATOR), 0));
    assert_false(workflow_may_fire(t, ROLE(ROLE_CONSULTING_TEACHER), 0));
    assert_false(workflow_may_fire(t, ROLE(ROLE_PARTICIPATING_TEACHER),
                                   POLICY_REL(WHO_CASE_TEACHER)));
    assert_false(workflow_may_fire(t, ROLE(ROLE_ADMINISTRATOR),
                                   POLICY_REL(WHO_CASE_ADMINISTRATOR) |
                                       POLICY_REL(WHO_CASE_EVALUATOR)));
}

static void test_withdraw_from_every_active_state(void **state)
{
    (void)state;
    for (int s = 0; s < CASE_STATE_COUNT; s++)
        assert_int_equal(workflow_leaves(step("withdraw"), (enum case_state)s),
                         case_states[s].active);
    assert_true(step("withdraw")->needs & NEED_REASON);
}

static void test_diagram_from_the_table(void **state)
{
    (void)state;
    buf b;
    buf_init(&b, NULL);
    workflow_dot(&b);
    const char *dot = buf_cstr(&b);
    assert_non_null(strstr(dot, "digraph case_workflow"));
    for (int i = 0; i < case_step_count; i++)
        if (workflow_moves_case(&case_steps[i]))
            assert_non_null(strstr(dot, case_steps[i].label));
    assert_non_null(strstr(dot, "agreement_signed -> on_caseload"));
    buf_release(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_is_consistent),
        cmocka_unit_test(test_R10_inquiry_then_initial_meeting),
        cmocka_unit_test(test_R8_administrator_cannot_enrol_or_block),
        cmocka_unit_test(test_R8_a_request_in_the_teachers_name_waits_for_them),
        cmocka_unit_test(test_R7_not_pa_and_par_at_once),
        cmocka_unit_test(test_R7_R8_when_a_case_opens),
        cmocka_unit_test(test_R27_ct_in_their_term),
        cmocka_unit_test(test_track_rechecks_eligibility),
        cmocka_unit_test(test_R11_agreement_signed_before_caseload),
        cmocka_unit_test(test_R12_administrator_sets_timeline_before_start),
        cmocka_unit_test(test_R12_coordinator_corrects_a_started_timeline),
        cmocka_unit_test(test_R13_cycle_length),
        cmocka_unit_test(test_R30_weighted_caseload_cap),
        cmocka_unit_test(test_R17_cycle_closes_with_three_meetings_held),
        cmocka_unit_test(test_withdraw_from_every_active_state),
        cmocka_unit_test(test_diagram_from_the_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

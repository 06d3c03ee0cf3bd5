/* test_process.c: the case as one process (domain/process.c walked by
 * domain/workflow.c): the guards that hold across the whole case (R17,
 * R20-R25, R39), what each step makes due and for whom (R17-R19), each
 * person's tasks, the steps offered and why not, and where the case stands
 * in words. Expected answers come from RULES.md: each test fails when its
 * rule is broken. */
#include "testing.h"

#include <stdio.h>
#include <string.h>

#include "domain/policy.h"
#include "domain/workflow.h"

#define ROLE(r) (1u << (r))
#define REL(w) POLICY_REL(w)

static const struct step_def *step(const char *key)
{
    const struct step_def *t = workflow_find(key);
    if (!t)
        fail_msg("no step %s", key);
    return t;
}

/* A PAR cycle of 300 days, 45 days under way, nothing done yet. */
static struct case_facts par_cycle(void)
{
    return (struct case_facts){
        .state = CASE_ON_CASELOAD, .track = TRACK_PAR, .today = "2026-11-24",
        .current_cycle_start = "2026-10-10", .current_cycle_end = "2027-08-06",
        .goals_due_days = 30, .feedback_days = 5, .approval = APPROVAL_PENDING,
    };
}

/* The same case at the end: closed, the summative signed, three meetings
 * held with everyone present. */
static struct case_facts par_closed(void)
{
    struct case_facts f = par_cycle();
    f.state = CASE_CYCLE_CLOSED;
    f.today = "2027-08-10";
    f.meetings_held = 3;
    f.meeting_held[PHASE_START] = f.meeting_held[PHASE_MIDDLE] = f.meeting_held[PHASE_END] = true;
    f.has_eval[EVAL_FORMATIVE] = f.has_eval[EVAL_SUMMATIVE] = true;
    f.eval[EVAL_FORMATIVE] = f.eval[EVAL_SUMMATIVE] = EVAL_SIGNED;
    return f;
}

/* ...sent to the Panel on 2027-08-10, evidence until 2027-08-20. */
static struct case_facts par_sent(void)
{
    struct case_facts f = par_closed();
    f.rec = REC_SUBMITTED;
    snprintf(f.rec_sent_on, sizeof f.rec_sent_on, "2027-08-10");
    snprintf(f.preview_until, sizeof f.preview_until, "2027-08-20");
    return f;
}

/* ...on the docket of the session of 2027-09-02. */
static struct case_facts par_docketed(void)
{
    struct case_facts f = par_sent();
    f.on_open_docket = true;
    snprintf(f.session_on, sizeof f.session_on, "2027-09-02");
    f.me.panel_present = true;
    return f;
}

/* The rule of the first guard that stops the step (input included), or NULL. */
static const char *refused_by(const char *key, const struct case_facts *f)
{
    char detail[600];
    const struct guard_def *g = workflow_check(step(key), f, false, detail, sizeof detail);
    return g ? g->rule : NULL;
}

static const struct due *due_of(const struct due *ds, int n, const char *key, int instance)
{
    for (int i = 0; i < n; i++)
        if (strcmp(ds[i].step->key, key) == 0 && ds[i].instance == instance)
            return &ds[i];
    return NULL;
}

/* --- the guards over the whole case --- */

/* R17: a meeting counts only with everyone who must take part present. */
static void test_R17_meeting_counts_with_all_three(void **state)
{
    (void)state;
    unsigned all = ATTENDED_TEACHER | ATTENDED_CT | ATTENDED_ADMINISTRATOR;
    assert_true(meeting_counts(true, all));
    assert_false(meeting_counts(true, ATTENDED_TEACHER | ATTENDED_CT));   /* no administrator */
    assert_false(meeting_counts(true, ATTENDED_TEACHER | ATTENDED_ADMINISTRATOR));
    assert_false(meeting_counts(true, ATTENDED_TEACHER));
    /* a PA case's meetings are the teacher's and the CT's (R16) */
    assert_true(meeting_counts(false, ATTENDED_TEACHER | ATTENDED_CT));
    assert_false(meeting_counts(false, ATTENDED_TEACHER));
}

/* R17, R20, R21: the recommendation goes once the cycle is closed, with the
 * summative signed for and three full meetings held. */
static void test_R21_recommendation_after_the_cycle(void **state)
{
    (void)state;
    struct case_facts f = par_closed();
    assert_null(refused_by("send_recommendation", &f));
    f.state = CASE_ON_CASELOAD;
    assert_string_equal(refused_by("send_recommendation", &f), "R21");
    f = par_closed();
    f.eval[EVAL_SUMMATIVE] = EVAL_SHARED;   /* shared, not signed for */
    assert_string_equal(refused_by("send_recommendation", &f), "R20");
    f.has_eval[EVAL_SUMMATIVE] = false;
    assert_string_equal(refused_by("send_recommendation", &f), "R20");
    f = par_closed();
    f.meetings_held = 2;
    assert_string_equal(refused_by("send_recommendation", &f), "R17");
    /* once sent it is not offered again, and a PA case never has one */
    f = par_sent();
    char detail[200];
    assert_true(workflow_check(step("send_recommendation"), &f, true, detail, 200)->hides);
    f = par_closed();
    f.track = TRACK_PA;
    assert_true(workflow_check(step("send_recommendation"), &f, true, detail, 200)->hides);
}

/* R22: evidence through the preview deadline and not after the decision;
 * the Panel votes only after that deadline. */
static void test_R22_preview_window_then_vote(void **state)
{
    (void)state;
    struct case_facts f = par_docketed();
    f.today = "2027-08-20";   /* the last day of the window */
    assert_null(refused_by("send_evidence", &f));
    assert_string_equal(refused_by("vote", &f), "R22");
    assert_string_equal(refused_by("close_vote", &f), "R22");
    f.today = "2027-08-21";
    assert_string_equal(refused_by("send_evidence", &f), "R22");
    f = par_docketed();
    f.today = "2027-08-12";
    f.decided = true;   /* decided: nothing more is taken */
    assert_non_null(refused_by("send_evidence", &f));
    /* R24: at the session, not before it */
    f = par_docketed();
    f.today = "2027-08-25";
    assert_string_equal(refused_by("vote", &f), "R24");
    f.today = "2027-09-02";
    assert_null(refused_by("vote", &f));
    assert_string_equal(refused_by("close_vote", &f), "R24");   /* no vote cast yet */
    f.votes_cast = 3;
    assert_null(refused_by("close_vote", &f));
}

/* R24: one vote each, by a member present and not recused. */
static void test_R24_one_vote_each(void **state)
{
    (void)state;
    struct case_facts f = par_docketed();
    f.today = "2027-09-02";
    f.me.panel_voted = true;
    assert_string_equal(refused_by("vote", &f), "R24");
    f.me.panel_voted = false;
    f.me.panel_present = false;
    assert_string_equal(refused_by("vote", &f), "R24");
    f.me.panel_present = true;
    f.me.panel_recused = true;
    assert_string_equal(refused_by("vote", &f), "R24");
    /* only through the Panel's relation to the case (R29: term running) */
    assert_false(workflow_may_fire(step("vote"), ROLE(ROLE_PANEL_MEMBER), 0));
    assert_true(workflow_may_fire(step("vote"), ROLE(ROLE_PANEL_MEMBER), REL(WHO_CASE_PANEL)));
}

/* One open docket at a time; a session after the preview deadline. */
static void test_one_open_docket_after_the_preview(void **state)
{
    (void)state;
    struct case_facts f = par_sent();
    f.docket_session_on = "2027-09-02";
    assert_null(refused_by("put_on_docket", &f));
    f.docket_session_on = "2027-08-20";   /* the last day of the window */
    assert_string_equal(refused_by("put_on_docket", &f), "R22");
    f = par_docketed();
    f.docket_session_on = "2027-10-07";   /* a second session */
    assert_string_equal(refused_by("put_on_docket", &f), "R24");
}

/* R25: a PAR outcome records the final rating: after approval only. */
static void test_R25_outcome_after_approval(void **state)
{
    (void)state;
    struct case_facts f = par_sent();
    assert_string_equal(refused_by("record_outcome", &f), "R25");
    f.decided = true;   /* decided, awaiting approval */
    assert_string_equal(refused_by("record_outcome", &f), "R25");
    f.approval = APPROVAL_APPROVED;
    assert_null(refused_by("record_outcome", &f));
    f = par_closed();
    f.track = TRACK_PA;   /* a PA case has no Panel */
    assert_null(refused_by("record_outcome", &f));
    /* and only the Superintendent answers a pending decision */
    f = par_sent();
    f.decided = true;
    assert_null(refused_by("approve", &f));
    f.approval = APPROVAL_APPROVED;
    char detail[200];
    assert_true(workflow_check(step("approve"), &f, true, detail, 200)->hides);
    assert_false(workflow_may_fire(step("approve"), ROLE(ROLE_COORDINATOR), 0));
}

/* --- what is due, for whom, by when --- */

static void test_R17_three_meetings_due_in_their_windows(void **state)
{
    (void)state;
    struct case_facts f = par_cycle();
    struct due ds[64];
    int n = workflow_due(&f, ds, 64);
    const struct due *start = due_of(ds, n, "parley_meeting", PHASE_START);
    const struct due *middle = due_of(ds, n, "parley_meeting", PHASE_MIDDLE);
    const struct due *end = due_of(ds, n, "parley_meeting", PHASE_END);
    assert_non_null(start);
    assert_non_null(middle);
    assert_non_null(end);
    assert_string_equal(start->from, "2026-10-10");
    assert_string_equal(start->on, "2026-12-09");   /* the first fifth of 300 days */
    assert_string_equal(middle->from, "2027-02-07");
    assert_string_equal(middle->on, "2027-04-08");
    assert_string_equal(end->on, "2027-08-06");
    assert_false(start->overdue);
    /* the CT's, whom the coordinator does not replace as its task-holder */
    assert_int_equal(middle->who[0], WHO_CASE_CT);
    assert_int_equal(middle->who[1], WHO_END);
    f.today = "2026-12-10";   /* overdue once its window has closed */
    n = workflow_due(&f, ds, 64);
    assert_true(due_of(ds, n, "parley_meeting", PHASE_START)->overdue);
    f.meeting_held[PHASE_START] = true;   /* held: no longer due */
    n = workflow_due(&f, ds, 64);
    assert_null(due_of(ds, n, "parley_meeting", PHASE_START));
    assert_non_null(due_of(ds, n, "parley_meeting", PHASE_MIDDLE));
}

static void test_R18_joint_observation_flagged_then_confirmed(void **state)
{
    (void)state;
    struct case_facts f = par_cycle();
    struct due ds[64];
    int n = workflow_due(&f, ds, 64);
    const struct due *joint = due_of(ds, n, "joint_observation", 0);
    assert_non_null(joint);
    assert_string_equal(joint->on, "2027-04-08");   /* by the middle of the cycle */
    f.joint_awaiting = 1;   /* recorded by one, not yet confirmed by the other */
    snprintf(f.joint_awaiting_on, sizeof f.joint_awaiting_on, "2026-11-20");
    n = workflow_due(&f, ds, 64);
    assert_null(due_of(ds, n, "joint_observation", 0));
    assert_non_null(due_of(ds, n, "confirm_joint", 0));
    f.joint_awaiting = 0;
    f.joint_observations = 1;
    n = workflow_due(&f, ds, 64);
    assert_null(due_of(ds, n, "joint_observation", 0));
    assert_null(due_of(ds, n, "confirm_joint", 0));
}

static void test_R19_goals_and_feedback_due(void **state)
{
    (void)state;
    struct case_facts f = par_cycle();
    struct due ds[64];
    int n = workflow_due(&f, ds, 64);
    const struct due *goals = due_of(ds, n, "propose_goals", 0);
    assert_non_null(goals);
    assert_string_equal(goals->on, "2026-11-09");
    assert_true(goals->overdue);
    f.goals_proposed = 1;   /* proposed: now the CT's to approve */
    n = workflow_due(&f, ds, 64);
    assert_null(due_of(ds, n, "propose_goals", 0));
    assert_non_null(due_of(ds, n, "approve_goals", 0));
    f.goals_proposed = 0;
    f.approved_practice = 1;   /* a practice goal alone is not enough */
    n = workflow_due(&f, ds, 64);
    assert_non_null(due_of(ds, n, "propose_goals", 0));
    f.approved_learning = 1;
    n = workflow_due(&f, ds, 64);
    assert_null(due_of(ds, n, "propose_goals", 0));
    /* feedback: due feedback_days after the observation, from whoever observed */
    f.feedback_pending[0] = "2026-11-20";
    f.feedback_by_evaluator[0] = true;
    f.nfeedback_pending = 1;
    n = workflow_due(&f, ds, 64);
    const struct due *fb = due_of(ds, n, "share_feedback", 0);
    assert_non_null(fb);
    assert_string_equal(fb->on, "2026-11-25");
    assert_int_equal(fb->who[0], WHO_CASE_EVALUATOR);
    assert_int_equal(fb->who[1], WHO_END);
}

static void test_pa_case_has_no_evaluation_deadlines(void **state)
{
    (void)state;
    struct case_facts f = par_cycle();
    f.track = TRACK_PA;
    f.current_cycle_start = f.current_cycle_end = "";
    snprintf(f.entered[CASE_ON_CASELOAD], sizeof(date_text), "2026-10-01");
    struct due ds[64];
    int n = workflow_due(&f, ds, 64);
    for (int i = 0; i < n; i++) {
        const char *k = ds[i].step->key;
        assert_true(strcmp(k, "parley_meeting") && strcmp(k, "joint_observation") &&
                    strcmp(k, "write_formative") && strcmp(k, "close_cycle") &&
                    strcmp(k, "set_timeline"));
    }
    /* R19 still holds: a PA case counts from the day it joined the caseload */
    assert_string_equal(due_of(ds, n, "propose_goals", 0)->on, "2026-10-31");
}

/* Each role's tasks at each stage: what the dashboards show (issue: "nothing
 * due" while work was due). */
static void test_each_role_has_its_tasks(void **state)
{
    (void)state;
    struct task ts[32];
    /* the administrator: the timeline of a PAR case on the caseload (R12) */
    struct case_facts f = par_cycle();
    f.current_cycle_start = f.current_cycle_end = "";
    snprintf(f.entered[CASE_TRACK_CHOSEN], sizeof(date_text), "2026-10-01");
    unsigned admin = REL(WHO_CASE_ADMINISTRATOR) | REL(WHO_CASE_EVALUATOR);
    int n = workflow_tasks(&f, ROLE(ROLE_ADMINISTRATOR), admin, ts, 32);
    assert_true(n > 0);
    assert_string_equal(ts[0].due.step->key, "set_timeline");
    assert_true(ts[0].due.waiting);
    /* the teacher: a signature (R20), then evidence until the deadline (R22) */
    f = par_closed();
    f.eval[EVAL_SUMMATIVE] = EVAL_SHARED;
    n = workflow_tasks(&f, ROLE(ROLE_PARTICIPATING_TEACHER), REL(WHO_CASE_TEACHER), ts, 32);
    assert_int_equal(n, 1);
    assert_string_equal(ts[0].due.step->key, "sign_evaluation");
    f = par_sent();
    f.today = "2027-08-12";
    n = workflow_tasks(&f, ROLE(ROLE_PARTICIPATING_TEACHER), REL(WHO_CASE_TEACHER), ts, 32);
    assert_int_equal(n, 1);
    assert_string_equal(ts[0].due.step->key, "send_evidence");
    assert_string_equal(ts[0].due.on, "2027-08-20");
    assert_true(ts[0].due.optional);
    /* the coordinator: the docket; a Panel member: the vote on the session's day */
    n = workflow_tasks(&f, ROLE(ROLE_COORDINATOR), 0, ts, 32);
    assert_int_equal(n, 1);
    assert_string_equal(ts[0].due.step->key, "put_on_docket");
    f = par_docketed();
    f.today = "2027-09-01";
    n = workflow_tasks(&f, ROLE(ROLE_PANEL_MEMBER), REL(WHO_CASE_PANEL), ts, 32);
    assert_int_equal(n, 1);
    assert_string_equal(ts[0].due.step->key, "vote");
    assert_string_equal(ts[0].due.on, "2027-09-02");
    assert_non_null(ts[0].blocked);   /* not before the session: the reason shows */
    /* the Superintendent: the decision; then the coordinator: the outcome */
    f = par_sent();
    f.decided = true;
    snprintf(f.decided_on, sizeof f.decided_on, "2027-09-02");
    n = workflow_tasks(&f, ROLE(ROLE_SUPERINTENDENT), REL(WHO_CASE_APPROVER), ts, 32);
    assert_int_equal(n, 1);
    assert_string_equal(ts[0].due.step->key, "approve");
    assert_int_equal(workflow_tasks(&f, ROLE(ROLE_COORDINATOR), 0, ts, 32), 0);
    f.approval = APPROVAL_APPROVED;
    n = workflow_tasks(&f, ROLE(ROLE_COORDINATOR), 0, ts, 32);
    assert_int_equal(n, 1);
    assert_string_equal(ts[0].due.step->key, "record_outcome");
    /* a teacher invited to the survey (R39) */
    f.outcome_recorded = true;
    f.surveys_waiting = 1;
    f.me.survey_waiting = true;
    n = workflow_tasks(&f, ROLE(ROLE_PARTICIPATING_TEACHER), REL(WHO_CASE_TEACHER), ts, 32);
    assert_int_equal(n, 1);
    assert_string_equal(ts[0].due.step->key, "answer_survey");
}

static void test_overdue_first_then_by_date(void **state)
{
    (void)state;
    struct due a = {.overdue = false, .on = "2026-01-01"};
    struct due b = {.overdue = true, .on = "2026-06-01"};
    struct due c = {.overdue = false, .on = "2025-01-01"};
    assert_true(due_compare(&b, &a) < 0);
    assert_true(due_compare(&c, &a) < 0);
}

/* --- the steps offered: never a button that would be refused --- */

static bool offered(const struct case_facts *f, role_set roles, unsigned rel, const char *key,
                    bool *blocked)
{
    struct step_offer o[32];
    int n = workflow_offers(f, roles, rel, o, 32);
    for (int i = 0; i < n; i++)
        if (strcmp(o[i].step->key, key) == 0) {
            *blocked = o[i].blocked != NULL;
            return true;
        }
    return false;
}

static void test_no_step_offered_that_would_be_refused(void **state)
{
    (void)state;
    bool blocked = false;
    /* the union representative who signed sees why, not a second "Sign" */
    struct case_facts f = par_cycle();
    f.state = CASE_REVIEW_HELD;
    f.rep_signed = true;
    f.me.signed_agreement = true;
    assert_true(offered(&f, ROLE(ROLE_UNION_REP), REL(WHO_CASE_UNION_REP), "sign_agreement",
                        &blocked));
    assert_true(blocked);
    /* a PA case: no agreement review, no timeline for the administrator */
    f = par_cycle();
    f.state = CASE_TRACK_CHOSEN;
    f.track = TRACK_PA;
    assert_false(offered(&f, ROLE(ROLE_COORDINATOR), 0, "schedule_review", &blocked));
    assert_true(offered(&f, ROLE(ROLE_COORDINATOR), 0, "assign_ct", &blocked));
    assert_false(blocked);
    f.state = CASE_ON_CASELOAD;
    assert_false(offered(&f, ROLE(ROLE_ADMINISTRATOR), REL(WHO_CASE_ADMINISTRATOR),
                         "set_timeline", &blocked));
    /* closing a PAR cycle with two full meetings: shown with its reason */
    f = par_cycle();
    f.meetings_held = 2;
    assert_true(offered(&f, ROLE(ROLE_CONSULTING_TEACHER), REL(WHO_CASE_CT), "close_cycle",
                        &blocked));
    assert_true(blocked);
}

/* --- where the case stands, in words (R37) --- */

static const char *status(const struct case_facts *f, bool teacher, buf *b)
{
    buf_reset(b);
    workflow_status(f, teacher, b);
    return buf_cstr(b);
}

static void test_status_words_follow_the_whole_case(void **state)
{
    (void)state;
    buf b;
    buf_init(&b, NULL);
    struct case_facts f = par_cycle();
    f.state = CASE_REVIEW_HELD;   /* reviewed, not signed yet */
    assert_null(strstr(status(&f, true, &b), "is signed"));
    assert_non_null(strstr(status(&f, true, &b), "sign it"));
    f = par_sent();
    f.today = "2027-08-12";
    assert_non_null(strstr(status(&f, true, &b), "Until 2027-08-20"));
    f.decided = true;
    snprintf(f.decided_on, sizeof f.decided_on, "2027-09-02");
    assert_non_null(strstr(status(&f, true, &b), "not final"));
    f.approval = APPROVAL_APPROVED;
    const char *final = status(&f, true, &b);
    assert_non_null(strstr(final, "it is final"));
    assert_null(strstr(final, "goes to the Panel next"));
    f.outcome_recorded = true;
    assert_non_null(strstr(status(&f, true, &b), "outcome is recorded"));
    assert_null(strstr(status(&f, true, &b), "records the cycle's outcome next"));
    buf_release(&b);
}

/* --- the policy rows that keep a PA case's records from its evaluators --- */

/* R14, R16: the administrator reaches a case's records only as a PAR
 * case's secondary evaluator; on a PA case they see none of them. */
/* Issue 18: withdrawing, closing the cycle, sending the recommendation,
 * a Panel member's vote (final: R24), closing the vote and approving ask
 * to confirm, saying who is told; the other steps are taken at once. */
static void test_weighty_steps_ask_to_confirm(void **state)
{
    (void)state;
    const char *weighty[] = {"withdraw", "close_cycle", "send_recommendation", "vote",
                             "close_vote", "approve"};
    int n = 0;
    for (int i = 0; i < case_step_count; i++)
        n += case_steps[i].confirm != NULL;
    assert_int_equal(n, 6);
    for (size_t i = 0; i < sizeof weighty / sizeof *weighty; i++) {
        const char *words = step(weighty[i])->confirm;
        assert_non_null(words);
        assert_non_null(strstr(words, "told"));
    }
}

static void test_R16_pa_records_never_reach_an_evaluator(void **state)
{
    (void)state;
    role_set admin = ROLE(ROLE_ADMINISTRATOR);
    struct policy_record pa = {.known = true, .relations = REL(WHO_CASE_ADMINISTRATOR)};
    struct policy_record par = {.known = true, .relations = REL(WHO_CASE_ADMINISTRATOR) |
                                                            REL(WHO_CASE_EVALUATOR)};
    enum record_kind parts[] = {KIND_SELF_ASSESSMENT, KIND_GOAL, KIND_OBSERVATION,
                                KIND_ARTIFACT, KIND_COACHING, KIND_MEETING};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        assert_int_not_equal(policy_decide(true, admin, ACT_VIEW, parts[i], &pa), POLICY_ALLOW);
        assert_int_equal(policy_decide(true, admin, ACT_VIEW, parts[i], &par), POLICY_ALLOW);
        assert_int_not_equal(policy_decide(true, admin, ACT_CREATE, parts[i], &pa), POLICY_ALLOW);
    }
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
    struct policy_record par = {.known = true, .relations = REL(WHO_CASE_ADMINISTRATOR) |
                                                            REL(WHO_CASE_EVALUATOR)};
    struct policy_record ct = {.known = true, .relations = REL(WHO_CASE_CT)};
    struct policy_record teacher = {.known = true, .relations = REL(WHO_CASE_TEACHER)};
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
        cmocka_unit_test(test_R17_meeting_counts_with_all_three),
        cmocka_unit_test(test_R21_recommendation_after_the_cycle),
        cmocka_unit_test(test_R22_preview_window_then_vote),
        cmocka_unit_test(test_R24_one_vote_each),
        cmocka_unit_test(test_one_open_docket_after_the_preview),
        cmocka_unit_test(test_R25_outcome_after_approval),
        cmocka_unit_test(test_R17_three_meetings_due_in_their_windows),
        cmocka_unit_test(test_R18_joint_observation_flagged_then_confirmed),
        cmocka_unit_test(test_R19_goals_and_feedback_due),
        cmocka_unit_test(test_pa_case_has_no_evaluation_deadlines),
        cmocka_unit_test(test_each_role_has_its_tasks),
        cmocka_unit_test(test_overdue_first_then_by_date),
        cmocka_unit_test(test_no_step_offered_that_would_be_refused),
        cmocka_unit_test(test_status_words_follow_the_whole_case),
        cmocka_unit_test(test_weighty_steps_ask_to_confirm),
        cmocka_unit_test(test_R16_pa_records_never_reach_an_evaluator),
        cmocka_unit_test(test_R14_R15_evaluators),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

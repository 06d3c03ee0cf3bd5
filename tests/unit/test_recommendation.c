/* test_recommendation.c: the rules of the recommendation to the Panel,
 * tested directly (they are pure): R21 (a rating and a rationale; only the
 * case's Consulting Teacher recommends: the policy table's row), R22 (the
 * preview window: submissions through preview_until inclusive, refused
 * after naming the date and the rule; the recommendation no longer changes
 * once sent) and R25 (only a pending decision is answered; returning needs
 * a reason; only an approved rating is final; only the Superintendent
 * approves). */
#include "testing.h"

#include "domain/policy.h"
#include "domain/recommendation.h"

#define REL(who) POLICY_REL(who)

static bool may(unsigned relations, enum action act, enum record_kind kind)
{
    const struct policy_record rec = {.known = true, .relations = relations};
    return policy_decide(true, 0, act, kind, &rec) == POLICY_ALLOW;
}

static void test_R21_rating_and_rationale_needed(void **state)
{
    (void)state;
    enum rating r;
    struct errors errs = {.n = 0};
    assert_true(rec_fields_check("proficient", "Growth seen in every observation.", &r, &errs));
    assert_int_equal(r, RATING_PROFICIENT);
    assert_false(rec_fields_check("none", "", &r, &errs));
    assert_non_null(strstr(errors_get(&errs, "rating"), "R21"));
    assert_non_null(errors_get(&errs, "rationale"));
    errs.n = 0;
    assert_false(rec_fields_check("brilliant", "Why", &r, &errs)); /* not a rating */
    assert_non_null(errors_get(&errs, "rating"));
    assert_null(errors_get(&errs, "rationale"));
}

static void test_R21_only_the_primary_evaluator_recommends(void **state)
{
    (void)state;
    assert_true(may(REL(WHO_CASE_PRIMARY_EVALUATOR), ACT_CREATE, KIND_RECOMMENDATION));
    assert_true(may(REL(WHO_CASE_PRIMARY_EVALUATOR), ACT_EDIT, KIND_RECOMMENDATION));
    static const int others[] = {WHO_CASE_TEACHER,   WHO_CASE_EVALUATOR, WHO_CASE_CT,
                                 WHO_CASE_UNION_REP, WHO_CASE_PANEL,     WHO_CASE_APPROVER};
    for (size_t i = 0; i < sizeof others / sizeof *others; i++) {
        assert_false(may(REL(others[i]), ACT_CREATE, KIND_RECOMMENDATION));
        assert_false(may(REL(others[i]), ACT_EDIT, KIND_RECOMMENDATION));
    }
    assert_non_null(strstr(policy_refusal(ACT_EDIT, KIND_RECOMMENDATION), "R21"));
}

static void test_R22_sent_recommendation_no_longer_changes(void **state)
{
    (void)state;
    assert_null(rec_change_refusal(REC_NONE));
    assert_null(rec_change_refusal(REC_DRAFT));
    assert_non_null(strstr(rec_change_refusal(REC_SUBMITTED), "no longer changes"));
}

static void test_R22_preview_window(void **state)
{
    (void)state;
    char until[11];
    assert_true(rec_preview_until("2026-11-24", 10, until));
    assert_string_equal(until, "2026-12-04");
    assert_true(rec_preview_until("2026-12-28", 10, until));
    assert_string_equal(until, "2027-01-07");
    assert_int_equal(rec_preview_days_left("2026-11-24", "2026-12-04"), 10);
    assert_int_equal(rec_preview_days_left("2026-12-05", "2026-12-04"), -1);
    /* accepted through preview_until inclusive; after it, the Panel may vote */
    assert_true(rec_preview_open("2026-12-04", "2026-11-24"));
    assert_true(rec_preview_open("2026-12-04", "2026-12-04"));
    assert_false(rec_preview_open("2026-12-04", "2026-12-05"));
    /* no window before the recommendation is sent */
    assert_false(rec_preview_open("", "2026-11-24"));
}

static void test_R22_who_sends_the_panel_evidence(void **state)
{
    (void)state;
    assert_true(may(REL(WHO_CASE_TEACHER), ACT_CREATE, KIND_PANEL_SUBMISSION));
    assert_true(may(REL(WHO_CASE_EVALUATOR), ACT_CREATE, KIND_PANEL_SUBMISSION));
    assert_false(may(REL(WHO_CASE_PRIMARY_EVALUATOR), ACT_CREATE, KIND_PANEL_SUBMISSION));
    /* a PA case's administrator has no relation to it (R16): nothing */
    assert_false(may(0, ACT_VIEW, KIND_RECOMMENDATION));
    enum submission_kind k;
    assert_true(submission_kind_parse("written", &k) && k == SUBMISSION_WRITTEN);
    assert_true(submission_kind_parse("appear", &k) && k == SUBMISSION_APPEAR);
    assert_false(submission_kind_parse("phone", &k));
}

static void test_R25_approval(void **state)
{
    (void)state;
    struct errors errs = {.n = 0};
    assert_null(approval_step_refusal(APPROVAL_PENDING));
    assert_non_null(strstr(approval_step_refusal(APPROVAL_APPROVED), "R25"));
    assert_non_null(strstr(approval_step_refusal(APPROVAL_APPROVED), "final"));
    assert_non_null(strstr(approval_step_refusal(APPROVAL_RETURNED), "R25"));
    assert_true(approval_answer_check(APPROVAL_APPROVED, "", &errs));
    assert_false(approval_answer_check(APPROVAL_RETURNED, "", &errs));
    assert_non_null(strstr(errors_get(&errs, "reason"), "R25"));
    errs.n = 0;
    assert_true(approval_answer_check(APPROVAL_RETURNED, "The vote missed the evidence.", &errs));
    assert_true(approval_final(APPROVAL_APPROVED));
    assert_false(approval_final(APPROVAL_PENDING));
    assert_false(approval_final(APPROVAL_RETURNED));
    /* only the Superintendent, on a decided case, approves */
    assert_true(may(REL(WHO_CASE_APPROVER), ACT_APPROVE, KIND_DECISION));
    assert_false(may(REL(WHO_CASE_PANEL), ACT_APPROVE, KIND_DECISION));
    assert_false(may(REL(WHO_CASE_CT), ACT_APPROVE, KIND_DECISION));
    const struct policy_record none = {.known = true};
    assert_int_not_equal(
        policy_decide(true, 1u << ROLE_COORDINATOR, ACT_APPROVE, KIND_DECISION, &none),
        POLICY_ALLOW);
    assert_non_null(strstr(policy_refusal(ACT_APPROVE, KIND_DECISION), "R25"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_R21_rating_and_rationale_needed),
        cmocka_unit_test(test_R21_only_the_primary_evaluator_recommends),
        cmocka_unit_test(test_R22_sent_recommendation_no_longer_changes),
        cmocka_unit_test(test_R22_preview_window),
        cmocka_unit_test(test_R22_who_sends_the_panel_evidence),
        cmocka_unit_test(test_R25_approval),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

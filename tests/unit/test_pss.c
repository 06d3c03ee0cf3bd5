/* test_pss.c: the Peer Support Service's rules (R31-R36), pure. Each test
 * names its rule and fails when the rule is broken. */
#include "testing.h"

#include "domain/pss.h"

static void test_R31_referral_and_reason_are_checked(void **state)
{
    (void)state;
    struct pss_request rq;
    struct errors errs = {0};
    struct pss_request_input good = {"president", "plan_of_assistance", "Harbor City SD 12", ""};
    assert_true(pss_request_check(&good, &rq, &errs));
    assert_int_equal(rq.referral, PSS_REF_PRESIDENT);
    assert_int_equal(rq.reason, PSS_PLAN_OF_ASSISTANCE);
    struct pss_request_input bad = {"district", "discipline", "", ""};
    assert_false(pss_request_check(&bad, &rq, &errs));
    assert_non_null(errors_get(&errs, "referral"));
    assert_non_null(errors_get(&errs, "reason"));
    assert_non_null(errors_get(&errs, "district"));
    assert_non_null(strstr(errors_get(&errs, "reason"), "R31"));
    /* every reason of the rule is one */
    enum pss_reason r;
    assert_true(pss_reason_parse("concerns_before_evaluation", &r));
    assert_true(pss_reason_parse("self_referral", &r));
}

static void test_R32_cost_defaults_from_the_reason(void **state)
{
    (void)state;
    assert_int_equal(pss_cost_default(PSS_PLAN_OF_ASSISTANCE), PSS_COST_DISTRICT);
    assert_int_equal(pss_cost_default(PSS_SELF_REFERRAL), PSS_COST_FEDERATION);
    assert_int_equal(pss_cost_default(PSS_CONCERNS_BEFORE_EVALUATION), PSS_COST_UNDECIDED);
}

static void test_R32_a_shared_cost_says_the_share(void **state)
{
    (void)state;
    enum pss_cost cost;
    struct errors errs = {0};
    assert_false(pss_cost_check("shared", "", &cost, &errs));
    assert_non_null(strstr(errors_get(&errs, "cost_note"), "R32"));
    errs.n = 0;
    assert_true(pss_cost_check("shared", "District 60%, federation 40%", &cost, &errs));
    assert_int_equal(cost, PSS_COST_SHARED);
    assert_true(pss_cost_check("district", "", &cost, &errs));
    assert_false(pss_cost_check("", "", &cost, &errs));
    assert_non_null(errors_get(&errs, "cost"));
}

static void test_R33_no_work_before_the_districts_agreement(void **state)
{
    (void)state;
    const char *why = pss_work_refusal(PSS_REQUESTED, 0, "");
    assert_non_null(why);
    assert_non_null(strstr(why, "R33"));
    assert_non_null(pss_work_refusal(PSS_REQUESTED, 1700000000, ""));   /* who signed is needed */
    assert_null(pss_work_refusal(PSS_AGREED, 1700000000, "Dr. Ames, Superintendent"));
    assert_non_null(pss_work_refusal(PSS_CLOSED, 1700000000, "Dr. Ames"));
    assert_int_equal(pss_status_after_work(PSS_AGREED), PSS_ACTIVE);
    struct errors errs = {0};
    assert_false(pss_agreement_check("", "", &errs));
    assert_non_null(strstr(errors_get(&errs, "agreement_by"), "R33"));
}

static void test_R34_a_release_needs_three_consents_given_first(void **state)
{
    (void)state;
    int64_t now = 1800000000;
    struct pss_consents k = {{now - 10, now - 5, 0}};
    const char *why = pss_release_refusal(&k, PSS_RELEASE_PROPOSED, PSS_HOLD_NONE, now);
    assert_non_null(why);
    assert_non_null(strstr(why, "R34"));
    k.at[PSS_PARTY_CONSULTANT] = now + 1;            /* a consent after the release is no consent */
    assert_non_null(pss_release_refusal(&k, PSS_RELEASE_PROPOSED, PSS_HOLD_NONE, now));
    k.at[PSS_PARTY_CONSULTANT] = now;
    assert_null(pss_release_refusal(&k, PSS_RELEASE_PROPOSED, PSS_HOLD_NONE, now));
    assert_non_null(pss_release_refusal(&k, PSS_RELEASE_RELEASED, PSS_HOLD_NONE, now));
    /* each consents once, and only before the release */
    assert_non_null(pss_consent_refusal(&k, PSS_RELEASE_PROPOSED, PSS_HOLD_NONE, PSS_PARTY_MEMBER));
    k.at[PSS_PARTY_MEMBER] = 0;
    assert_null(pss_consent_refusal(&k, PSS_RELEASE_PROPOSED, PSS_HOLD_NONE, PSS_PARTY_MEMBER));
    assert_non_null(strstr(pss_consent_refusal(&k, PSS_RELEASE_RELEASED, PSS_HOLD_NONE, PSS_PARTY_MEMBER), "R34"));
}

static void test_R35_a_hold_blocks_every_release(void **state)
{
    (void)state;
    int64_t now = 1800000000;
    struct pss_consents k = {{now - 3, now - 2, now - 1}}, none = {{0, 0, 0}};
    assert_null(pss_hold_refusal(PSS_HOLD_NONE));
    for (enum pss_hold h = PSS_HOLD_GRIEVANCE; h < PSS_HOLD_COUNT; h++) {
        const char *why = pss_release_refusal(&k, PSS_RELEASE_PROPOSED, h, now);
        assert_non_null(why);
        assert_non_null(strstr(why, "R35"));
        /* nothing is requested or offered: no release proposed, no consent given */
        assert_non_null(strstr(pss_hold_refusal(h), "R35"));
        assert_non_null(strstr(pss_consent_refusal(&none, PSS_RELEASE_PROPOSED, h,
                                                   PSS_PARTY_MEMBER), "R35"));
    }
    enum pss_hold hold;
    struct errors errs = {0};
    assert_false(pss_hold_check("grievance", "", &hold, &errs));   /* a hold says why */
    assert_true(pss_hold_check("", "", &hold, &errs));             /* clearing it */
    assert_int_equal(hold, PSS_HOLD_NONE);
    assert_false(pss_hold_check("strike", "x", &hold, &errs));
}

static void test_R36_leave_is_recorded_with_dates(void **state)
{
    (void)state;
    struct pss_leave l;
    struct errors errs = {0};
    assert_true(pss_leave_check("no", "", "", "", &l, &errs));
    assert_false(l.needed);
    assert_false(pss_leave_check("yes", "2026-12-10", "2026-12-01", "", &l, &errs));
    assert_non_null(errors_get(&errs, "leave_to"));
    errs.n = 0;
    assert_false(pss_leave_check("yes", "soon", "", "", &l, &errs));
    assert_non_null(errors_get(&errs, "leave_from"));
    assert_non_null(errors_get(&errs, "leave_to"));
    errs.n = 0;
    assert_true(pss_leave_check("yes", "2026-12-01", "2026-12-10", "", &l, &errs));
    assert_true(l.needed);
    assert_non_null(strstr(pss_leave_notice, "R36"));
    assert_non_null(strstr(pss_leave_notice, "does not cover"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_R31_referral_and_reason_are_checked),
        cmocka_unit_test(test_R32_cost_defaults_from_the_reason),
        cmocka_unit_test(test_R32_a_shared_cost_says_the_share),
        cmocka_unit_test(test_R33_no_work_before_the_districts_agreement),
        cmocka_unit_test(test_R34_a_release_needs_three_consents_given_first),
        cmocka_unit_test(test_R35_a_hold_blocks_every_release),
        cmocka_unit_test(test_R36_leave_is_recorded_with_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

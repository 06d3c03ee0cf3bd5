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

/* R33: the agreement says who signed it for the district. (No work before
 * it, R34's consents and R35's hold are the process table's guards:
 * test_pss_process.c.) */
static void test_R33_the_agreement_names_who_signed_for_the_district(void **state)
{
    (void)state;
    struct errors errs = {0};
    assert_false(pss_agreement_check("", "", &errs));
    assert_non_null(strstr(errors_get(&errs, "agreement_by"), "R33"));
    errs.n = 0;
    assert_true(pss_agreement_check("Dr. Ames, Superintendent", "", &errs));
}

/* R35: a hold is a grievance or a regulatory case, and says what it is about. */
static void test_R35_a_hold_says_what_it_is_about(void **state)
{
    (void)state;
    enum pss_hold hold;
    struct errors errs = {0};
    assert_false(pss_hold_check("grievance", "", &hold, &errs));   /* a hold says why */
    assert_non_null(errors_get(&errs, "hold_note"));
    errs.n = 0;
    assert_true(pss_hold_check("regulatory", "Regulation Branch", &hold, &errs));
    assert_int_equal(hold, PSS_HOLD_REGULATORY);
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
    /* shown to people as it is: the rule in words, without its number */
    assert_null(strstr(pss_leave_notice, "R36"));
    assert_non_null(strstr(pss_leave_notice, "does not cover"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_R31_referral_and_reason_are_checked),
        cmocka_unit_test(test_R32_cost_defaults_from_the_reason),
        cmocka_unit_test(test_R32_a_shared_cost_says_the_share),
        cmocka_unit_test(test_R33_the_agreement_names_who_signed_for_the_district),
        cmocka_unit_test(test_R35_a_hold_says_what_it_is_about),
        cmocka_unit_test(test_R36_leave_is_recorded_with_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_ct_term.c: the rules about the people who run the program, tested
 * directly (they are pure): R27 (a Consulting Teacher commits to at least 2
 * years; leaving bars a principal's or assistant principal's post for a
 * year, computed), R28 (the Panel's yearly review: an outcome and a
 * summary; only the Panel writes it, the CT reads their own) and R29 (the
 * seat decides the appointer). */
#include "testing.h"

#include "domain/ct_term.h"
#include "domain/people.h"
#include "domain/policy.h"

static void test_R27_commitment_of_at_least_two_years(void **state)
{
    (void)state;
    struct errors errs = {0};
    assert_true(ct_term_check(&(struct ct_term_input){"2024-08-15", "2026-08-14"}, 2, &errs));
    assert_true(ct_term_check(&(struct ct_term_input){"2024-08-15", "2027-06-30"}, 2, &errs));
    assert_int_equal(errs.n, 0);
    assert_false(ct_term_check(&(struct ct_term_input){"2024-08-15", "2026-08-13"}, 2, &errs));
    assert_non_null(strstr(errors_get(&errs, "committed_until"), "R27"));
    struct errors errs3 = {0};
    /* the setting decides: three years asked, two refused */
    assert_false(ct_term_check(&(struct ct_term_input){"2024-08-15", "2027-08-13"}, 3, &errs3));
    assert_non_null(strstr(errors_get(&errs3, "committed_until"), "R27"));
    struct errors errs2 = {0};
    assert_false(ct_term_check(&(struct ct_term_input){"2024-02-30", "soon"}, 2, &errs2));
    assert_non_null(errors_get(&errs2, "starts_on"));
    assert_non_null(errors_get(&errs2, "committed_until"));
}

static void test_R27_leaving_computes_the_restriction(void **state)
{
    (void)state;
    char until[11];
    struct errors errs = {0};
    assert_true(ct_leaving_check("2024-08-15", "2026-06-30", 1, until, &errs));
    assert_string_equal(until, "2027-06-30");
    assert_true(ct_leaving_check("2023-08-15", "2024-02-29", 2, until, &errs));
    assert_string_equal(until, "2026-02-28");   /* no 29 February in 2026 */
    assert_false(ct_leaving_check("2024-08-15", "2024-08-14", 1, until, &errs));
    assert_non_null(errors_get(&errs, "left_on"));
    struct errors errs2 = {0};
    assert_false(ct_leaving_check("2024-08-15", "", 1, until, &errs2));
    assert_non_null(errors_get(&errs2, "left_on"));
}

static void test_R27_barred_until_the_restriction_ends(void **state)
{
    (void)state;
    assert_true(ct_barred_on("2027-06-30", "2026-06-30"));
    assert_true(ct_barred_on("2027-06-30", "2027-06-29"));
    assert_false(ct_barred_on("2027-06-30", "2027-06-30"));
    assert_false(ct_barred_on("2027-06-30", "2028-01-01"));
    assert_false(ct_barred_on("", "2026-01-01"));   /* never left: no bar */
}

static void test_R28_review_needs_year_outcome_and_summary(void **state)
{
    (void)state;
    struct ct_review_fields f;
    struct errors errs = {0};
    assert_true(ct_review_check(&(struct ct_review_input){"2025", "continue", "Strong year."}, &f,
                                &errs));
    assert_int_equal(f.school_year, 2025);
    assert_string_equal(f.outcome, "continue");
    assert_false(ct_review_check(&(struct ct_review_input){"25x", "fired", ""}, &f, &errs));
    assert_non_null(errors_get(&errs, "school_year"));
    assert_non_null(errors_get(&errs, "outcome"));
    assert_non_null(strstr(errors_get(&errs, "summary"), "R28"));
    assert_string_equal(ct_review_outcome_label("not_continue"),
                        "Does not continue as a Consulting Teacher");
    assert_null(ct_review_outcome_label("maybe"));
}

static enum policy_answer ask(enum action act, enum record_kind kind, enum role role, bool self)
{
    return policy_decide(true, 1u << role, act, kind,
                         &(struct policy_record){.known = true, .self = self});
}

static void test_R28_only_the_panel_reviews_and_the_ct_reads_their_own(void **state)
{
    (void)state;
    assert_int_equal(ask(ACT_CREATE, KIND_CT_REVIEW, ROLE_PANEL_MEMBER, false), POLICY_ALLOW);
    assert_int_equal(ask(ACT_CREATE, KIND_CT_REVIEW, ROLE_COORDINATOR, false), POLICY_FORBIDDEN);
    assert_int_equal(ask(ACT_CREATE, KIND_CT_REVIEW, ROLE_CONSULTING_TEACHER, true),
                     POLICY_FORBIDDEN);
    assert_int_equal(ask(ACT_VIEW, KIND_CT_REVIEW, ROLE_CONSULTING_TEACHER, true), POLICY_ALLOW);
    assert_int_equal(ask(ACT_VIEW, KIND_CT_REVIEW, ROLE_CONSULTING_TEACHER, false),
                     POLICY_FORBIDDEN);
    assert_int_equal(ask(ACT_VIEW, KIND_CT_REVIEW, ROLE_COORDINATOR, false), POLICY_ALLOW);
    /* R27: only the coordinator records terms and leaving */
    assert_int_equal(ask(ACT_EDIT, KIND_CT_TERM, ROLE_CONSULTING_TEACHER, true), POLICY_FORBIDDEN);
    assert_int_equal(ask(ACT_CREATE, KIND_CT_TERM, ROLE_PANEL_MEMBER, false), POLICY_FORBIDDEN);
}

static void test_R29_the_seat_decides_the_appointer(void **state)
{
    (void)state;
    struct role_input in = {.role = "panel_member", .seat = "teacher",
                            .appointed_by = APPOINTER_UNION, .term_start = "2025-09-01",
                            .term_end = "2028-08-31"};
    struct role_fields rf;
    struct errors errs = {0};
    assert_true(role_check(&in, 4, &rf, &errs));
    assert_string_equal(rf.appointed_by, "union_president");
    in.appointed_by = APPOINTER_DISTRICT;
    assert_false(role_check(&in, 4, &rf, &errs));
    assert_non_null(strstr(errors_get(&errs, "appointed_by"), "R29"));
    struct errors errs2 = {0};
    in.seat = "principal";
    assert_true(role_check(&in, 4, &rf, &errs2));
    in.appointed_by = "The Superintendent";   /* free text is no longer taken */
    assert_false(role_check(&in, 4, &rf, &errs2));
    assert_non_null(strstr(errors_get(&errs2, "appointed_by"), "R29"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_R27_commitment_of_at_least_two_years),
        cmocka_unit_test(test_R27_leaving_computes_the_restriction),
        cmocka_unit_test(test_R27_barred_until_the_restriction_ends),
        cmocka_unit_test(test_R28_review_needs_year_outcome_and_summary),
        cmocka_unit_test(test_R28_only_the_panel_reviews_and_the_ct_reads_their_own),
        cmocka_unit_test(test_R29_the_seat_decides_the_appointer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_outcome.c: R39's pure parts: an outcome's fields (the rating after
 * the cycle is needed; whether the teacher stayed is yes, no or not known),
 * the school year a cycle counts in, the survey's answer (each question 1 to
 * 5, a comment of at most 2,000 characters), and the policy rows: only the
 * coordinator records an outcome, only the teacher and, on a PAR case, the
 * administrator answer the survey (R16). */
#include "testing.h"

#include "domain/outcome.h"
#include "domain/policy.h"

#define REL(who) POLICY_REL(who)

static void test_R39_outcome_fields(void **state)
{
    (void)state;
    struct outcome_fields f;
    struct errors errs = {.n = 0};
    assert_true(outcome_check("needs_improvement", "proficient", "yes", "", &f, &errs));
    assert_int_equal(f.before, RATING_NEEDS_IMPROVEMENT);
    assert_int_equal(f.after, RATING_PROFICIENT);
    assert_int_equal(f.stayed, STAYED_YES);
    /* the rating before may be unknown; the one after is what R39 counts */
    assert_true(outcome_check("none", "unsatisfactory", "unknown", "Mentoring", &f, &errs));
    assert_int_equal(f.before, RATING_NONE);
    assert_int_equal(f.stayed, STAYED_UNKNOWN);
    assert_false(outcome_check("great", "none", "maybe", "", &f, &errs));
    assert_non_null(errors_get(&errs, "rating_before"));
    assert_non_null(strstr(errors_get(&errs, "rating_after"), "R39"));
    assert_non_null(strstr(errors_get(&errs, "stayed"), "R39"));
    errs.n = 0;
    char long_text[OUTCOME_SUPPORT_MAX + 2];
    memset(long_text, 'a', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    assert_false(outcome_check("none", "proficient", "no", long_text, &f, &errs));
    assert_non_null(errors_get(&errs, "continued_support"));
    assert_string_equal(stayed_key(STAYED_NO), "no");
}

static void test_R39_school_year_starts_in_july(void **state)
{
    (void)state;
    int y = 0;
    assert_int_equal(school_year_of(2026, 6), 2025);
    assert_int_equal(school_year_of(2026, 7), 2026);
    assert_true(school_year_of_date("2026-06-30", &y));
    assert_int_equal(y, 2025);
    assert_true(school_year_of_date("2026-07-01", &y));
    assert_int_equal(y, 2026);
    assert_true(school_year_of_date("2027-01-15", &y));
    assert_int_equal(y, 2026);
    assert_false(school_year_of_date("", &y));
    assert_false(school_year_of_date("2026-13-01", &y));
}

static void test_R39_survey_answer(void **state)
{
    (void)state;
    struct survey_answer a;
    struct errors errs = {.n = 0};
    assert_true(survey_check("1", "3", "5", "", &a, &errs));
    assert_int_equal(a.fair, 1);
    assert_int_equal(a.transparent, 3);
    assert_int_equal(a.humane, 5);
    assert_string_equal(a.comment, "");
    assert_false(survey_check("0", "6", "", NULL, &a, &errs));
    /* each error names its question (issue 18) */
    assert_non_null(strstr(errors_get(&errs, "fair"), "felt fair"));
    assert_non_null(strstr(errors_get(&errs, "transparent"), "felt transparent"));
    assert_non_null(strstr(errors_get(&errs, "humane"), "felt humane"));
    assert_null(errors_get(&errs, "comment"));
    errs.n = 0;
    assert_false(survey_check("3x", "2", "2", "", &a, &errs));
    assert_non_null(errors_get(&errs, "fair"));
    errs.n = 0;
    char comment[3 * (SURVEY_COMMENT_MAX + 1) + 1] = "";
    for (int i = 0; i < SURVEY_COMMENT_MAX; i++)
        strcat(comment, "é");   /* 2,000 characters, 4,000 bytes: allowed */
    assert_true(survey_check("2", "2", "2", comment, &a, &errs));
    strcat(comment, "é");
    assert_false(survey_check("2", "2", "2", comment, &a, &errs));
    assert_non_null(errors_get(&errs, "comment"));
    assert_string_equal(likert_label(1), "Strongly disagree");
    assert_string_equal(likert_label(5), "Strongly agree");
    assert_string_equal(likert_label(6), "");
    assert_string_equal(survey_questions[2].statement, "The process felt humane");
}

static bool may(role_set roles, unsigned relations, enum action act, enum record_kind kind)
{
    const struct policy_record rec = {.known = true, .relations = relations};
    return policy_decide(true, roles, act, kind, &rec) == POLICY_ALLOW;
}

static void test_R39_who_records_and_who_answers(void **state)
{
    (void)state;
    assert_true(may(1u << ROLE_COORDINATOR, 0, ACT_EDIT, KIND_OUTCOME));
    static const int others[] = {WHO_CASE_TEACHER, WHO_CASE_CT, WHO_CASE_EVALUATOR,
                                 WHO_CASE_ADMINISTRATOR, WHO_CASE_PANEL};
    for (size_t i = 0; i < sizeof others / sizeof *others; i++)
        assert_false(may(0, REL(others[i]), ACT_EDIT, KIND_OUTCOME));
    assert_non_null(strstr(policy_refusal(ACT_EDIT, KIND_OUTCOME), "R39"));
    assert_true(may(0, REL(WHO_CASE_TEACHER), ACT_RESPOND, KIND_SURVEY));
    assert_true(may(0, REL(WHO_CASE_EVALUATOR), ACT_RESPOND, KIND_SURVEY));
    /* R16: a PA case's administrator is no evaluator and is not asked */
    assert_false(may(0, REL(WHO_CASE_ADMINISTRATOR), ACT_RESPOND, KIND_SURVEY));
    assert_false(may(1u << ROLE_COORDINATOR, REL(WHO_CASE_CT), ACT_RESPOND, KIND_SURVEY));
    /* the coordinator lists who was invited and who responded */
    assert_true(may(1u << ROLE_COORDINATOR, 0, ACT_LIST, KIND_SURVEY));
    assert_false(may(1u << ROLE_PARTICIPATING_TEACHER, 0, ACT_LIST, KIND_SURVEY));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_R39_outcome_fields),
        cmocka_unit_test(test_R39_school_year_starts_in_july),
        cmocka_unit_test(test_R39_survey_answer),
        cmocka_unit_test(test_R39_who_records_and_who_answers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_eligibility.c: R1-R6 and R9, each by a test that fails when the rule
 * is broken. */
#include "testing.h"

#include "domain/eligibility.h"

static const struct eligibility_settings defaults = {.min_years_experience = 2,
                                                     .par_min_plan_months = 6};

/* A teacher every rule admits; each test changes one fact. */
static struct eligibility_facts eligible(void)
{
    return (struct eligibility_facts){.district_year = 5, .plan = PLAN_DIRECTED_GROWTH,
                                      .plan_months = 12, .rating = RATING_NEEDS_IMPROVEMENT,
                                      .union_member = true, .full_time = true,
                                      .job = JOB_CLASSROOM_TEACHER};
}

static const struct criterion *criterion(const struct eligibility *e, const char *rule)
{
    for (int i = 0; i < e->n; i++)
        if (strcmp(e->c[i].rule, rule) == 0)
            return &e->c[i];
    fail_msg("no criterion for %s", rule);
    return NULL;
}

static void test_all_pass_opens_both_tracks(void **state)
{
    (void)state;
    struct eligibility_facts f = eligible();
    struct eligibility e;
    eligibility_check(&f, &defaults, &e);
    assert_true(e.par);
    assert_true(e.pa);
    for (int i = 0; i < e.n; i++)
        assert_true(e.c[i].passed);
}

/* 000: "Teachers in their 1st or 2nd year are not eligible"; RULES.md R1:
 * "so a teacher in their 3rd year is". */
static void test_R1_from_the_third_year_in_the_district(void **state)
{
    (void)state;
    struct eligibility_facts f = eligible();
    struct eligibility e;
    f.district_year = 2;   /* a second-year teacher */
    eligibility_check(&f, &defaults, &e);
    assert_false(criterion(&e, "R1")->passed);
    assert_false(e.pa);
    assert_false(e.par);
    assert_string_equal(criterion(&e, "R1")->sentence,
                        "You are in your 2nd year in the district: teachers in their 1st or 2nd "
                        "year are not eligible yet. From your 3rd year you are.");
    f.district_year = 3;   /* two full years behind them */
    eligibility_check(&f, &defaults, &e);
    assert_true(criterion(&e, "R1")->passed);
    assert_true(e.par);
    assert_string_equal(criterion(&e, "R1")->sentence,
                        "You are in your 3rd year in the district: the program is open from the "
                        "3rd year on.");
    /* A setting, not the code: a program that asks for 4 years. */
    struct eligibility_settings strict = {.min_years_experience = 4, .par_min_plan_months = 6};
    eligibility_check(&f, &strict, &e);
    assert_false(e.pa);
}

/* R1 said back the way teachers count. */
static void test_R1_ordinals(void **state)
{
    (void)state;
    const struct {
        int n;
        const char *words;
    } cases[] = {{1, "1st"},   {2, "2nd"},   {3, "3rd"},   {4, "4th"},   {11, "11th"},
                 {12, "12th"}, {13, "13th"}, {21, "21st"}, {22, "22nd"}, {23, "23rd"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[16];
        ordinal(cases[i].n, out, sizeof out);
        assert_string_equal(out, cases[i].words);
    }
    assert_int_equal(district_year_after_full_years(2), 3);
    assert_string_equal(district_year_question(true), "Which year in the district are you in?");
}

/* R1: the first year is 1; there is no year 0. */
static void test_R1_the_year_is_counted_from_one(void **state)
{
    (void)state;
    struct eligibility_answers in = {"0", "improvement", "12", "needs_improvement", "yes", "yes",
                                     "classroom_teacher"};
    struct eligibility_facts f;
    struct errors errs = {0};
    assert_false(eligibility_facts_parse(&in, true, &f, &errs));
    assert_non_null(errors_get(&errs, "district_year"));
    in.district_year = "1";
    errs.n = 0;
    assert_true(eligibility_facts_parse(&in, true, &f, &errs));
    assert_int_equal(f.district_year, 1);
}

static void test_R2_plans_that_qualify(void **state)
{
    (void)state;
    enum plan_type ok[] = {PLAN_DIRECTED_GROWTH, PLAN_IMPROVEMENT, PLAN_DEVELOPING_EDUCATOR};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        struct eligibility_facts f = eligible();
        struct eligibility e;
        f.plan = ok[i];
        eligibility_check(&f, &defaults, &e);
        assert_true(criterion(&e, "R2")->passed);
        assert_true(e.par);
    }
}

static void test_R3_self_directed_not_par_but_consultancy(void **state)
{
    (void)state;
    struct eligibility_facts f = eligible();
    struct eligibility e;
    f.plan = PLAN_SELF_DIRECTED;
    eligibility_check(&f, &defaults, &e);
    assert_false(criterion(&e, "R3")->passed);
    assert_false(e.par);
    assert_true(e.consultancy);
    assert_non_null(strstr(criterion(&e, "R3")->sentence, "consultancy"));
}

static void test_R4_short_plan_is_pa_only(void **state)
{
    (void)state;
    struct eligibility_facts f = eligible();
    struct eligibility e;
    f.plan_months = 5;
    eligibility_check(&f, &defaults, &e);
    assert_false(criterion(&e, "R4")->passed);
    assert_false(e.par);
    assert_true(e.pa);
    assert_non_null(strstr(criterion(&e, "R4")->sentence, "5 months"));
    assert_non_null(strstr(e.advice, "Peer Assistance"));
    f.plan_months = 6;   /* at least 6 */
    eligibility_check(&f, &defaults, &e);
    assert_true(e.par);
}

static void test_R5_union_member_and_full_time(void **state)
{
    (void)state;
    struct eligibility_facts f = eligible();
    struct eligibility e;
    f.union_member = false;
    eligibility_check(&f, &defaults, &e);
    assert_false(e.pa);
    assert_false(e.par);
    f = eligible();
    f.full_time = false;
    eligibility_check(&f, &defaults, &e);
    assert_false(e.pa);
    /* SPC teachers, nurses and CoSESS staff are eligible like everyone else. */
    enum job_type jobs[] = {JOB_SPC_TEACHER, JOB_NURSE, JOB_COSESS};
    for (size_t i = 0; i < sizeof jobs / sizeof *jobs; i++) {
        f = eligible();
        f.job = jobs[i];
        eligibility_check(&f, &defaults, &e);
        assert_true(e.par);
    }
}

static void test_R6_proficient_gets_consultancy(void **state)
{
    (void)state;
    struct eligibility_facts f = eligible();
    struct eligibility e;
    f.rating = RATING_PROFICIENT;
    eligibility_check(&f, &defaults, &e);
    assert_false(criterion(&e, "R6")->passed);
    assert_false(e.pa);
    assert_true(e.consultancy);
    assert_non_null(strstr(e.advice, "consultancy"));
}

static void test_R9_every_criterion_explained(void **state)
{
    (void)state;
    struct eligibility_facts f = eligible();
    f.district_year = 1;
    f.plan_months = 3;
    f.union_member = false;
    struct eligibility e;
    eligibility_check(&f, &defaults, &e);
    /* Passed and failed alike: a rule and a sentence each, and advice. */
    assert_true(e.n >= 6);
    for (int i = 0; i < e.n; i++) {
        assert_non_null(e.c[i].rule);
        assert_true(strlen(e.c[i].sentence) > 10);
    }
    assert_non_null(e.advice);
    assert_non_null(strstr(criterion(&e, "R1")->sentence, "You are in your 1st year in the district"));
}

static void test_keys_round_trip(void **state)
{
    (void)state;
    for (int p = 0; p < PLAN_COUNT; p++) {
        enum plan_type back;
        assert_true(plan_type_parse(plan_type_key((enum plan_type)p), &back));
        assert_int_equal(back, p);
    }
    for (int r = 0; r < RATING_COUNT; r++) {
        enum rating back;
        assert_true(rating_parse(rating_key((enum rating)r), &back));
        assert_int_equal(back, r);
    }
    enum rating x;
    assert_false(rating_parse("great", &x));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_pass_opens_both_tracks),
        cmocka_unit_test(test_R1_from_the_third_year_in_the_district),
        cmocka_unit_test(test_R1_ordinals),
        cmocka_unit_test(test_R1_the_year_is_counted_from_one),
        cmocka_unit_test(test_R2_plans_that_qualify),
        cmocka_unit_test(test_R3_self_directed_not_par_but_consultancy),
        cmocka_unit_test(test_R4_short_plan_is_pa_only),
        cmocka_unit_test(test_R5_union_member_and_full_time),
        cmocka_unit_test(test_R6_proficient_gets_consultancy),
        cmocka_unit_test(test_R9_every_criterion_explained),
        cmocka_unit_test(test_keys_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

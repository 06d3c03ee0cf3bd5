/* test_panel.c: how the Panel decides (R24), tested directly (it is
 * pure): the three vote rules (majority of those present, a fixed number
 * such as Toledo's 6 of 9, consensus), the quorum, recusals taking
 * members out of those who count, and ties. Each test fails if its rule
 * is broken. */
#include "testing.h"

#include "domain/panel.h"

#define P RATING_PROFICIENT
#define N RATING_NEEDS_IMPROVEMENT
#define E RATING_EXEMPLARY
#define U RATING_UNSATISFACTORY

static struct panel_rule rule(const char *text)
{
    struct panel_rule r;
    assert_true(panel_rule_parse(text, &r));
    return r;
}

static void tally(const char *text, int quorum, int eligible, const enum rating *v, int n,
                  struct panel_tally *t)
{
    struct panel_rule r = rule(text);
    panel_vote_tally(&r, quorum, eligible, v, n, t);
}

static void test_R24_rules_parse_as_the_setting_allows(void **state)
{
    (void)state;
    struct panel_rule r;
    assert_true(panel_rule_parse("majority", &r));
    assert_int_equal(r.kind, PANEL_MAJORITY);
    assert_true(panel_rule_parse("consensus", &r));
    assert_int_equal(r.kind, PANEL_CONSENSUS);
    assert_true(panel_rule_parse("fixed:6", &r));
    assert_int_equal(r.kind, PANEL_FIXED);
    assert_int_equal(r.fixed, 6);
    assert_false(panel_rule_parse("fixed:0", &r));
    assert_false(panel_rule_parse("fixed:", &r));
    assert_false(panel_rule_parse("Majority", &r));
    assert_false(panel_rule_parse("", &r));
    assert_false(panel_rule_parse(NULL, &r));
    char words[100];
    panel_rule_words(&(struct panel_rule){PANEL_FIXED, 6}, words, sizeof words);
    assert_string_equal(words, "6 votes for one rating (fixed:6)");
}

static void test_R24_majority_of_the_members_present(void **state)
{
    (void)state;
    struct panel_tally t;
    const enum rating four[] = {P, P, P, N, P};
    tally("majority", 5, 5, four, 5, &t);
    assert_int_equal(t.outcome, PANEL_DECIDED);
    assert_int_equal(t.rating, P);
    assert_int_equal(t.needed, 3);
    assert_string_equal(t.words, "4 of 5 members present voted Proficient; a majority needs 3.");
    /* half is not more than half */
    const enum rating half[] = {P, P, P, N, N, N};
    tally("majority", 5, 6, half, 6, &t);
    assert_int_equal(t.outcome, PANEL_UNDECIDED);
    assert_int_equal(t.needed, 4);
    assert_non_null(strstr(t.words, "No decision"));
    /* a member present who does not vote counts against */
    const enum rating two[] = {P, P};
    tally("majority", 3, 4, two, 2, &t);
    assert_int_equal(t.outcome, PANEL_UNDECIDED);
    assert_string_equal(t.words,
                        "No decision: 2 of 4 members present voted Proficient; a majority needs 3.");
}

static void test_R24_fixed_number_like_six_of_nine(void **state)
{
    (void)state;
    struct panel_tally t;
    const enum rating six[] = {P, P, P, P, P, P, N, N, N};
    tally("fixed:6", 5, 9, six, 9, &t);
    assert_int_equal(t.outcome, PANEL_DECIDED);
    assert_int_equal(t.rating, P);
    const enum rating five[] = {P, P, P, P, P, N, N, N, N};
    tally("fixed:6", 5, 9, five, 9, &t);
    assert_int_equal(t.outcome, PANEL_UNDECIDED);
    assert_non_null(strstr(t.words, "fixed:6"));
    /* the same votes, two rules, two outcomes: 4 of 6 for Proficient */
    const enum rating same[] = {P, P, P, P, N, N};
    tally("majority", 5, 6, same, 6, &t);
    assert_int_equal(t.outcome, PANEL_DECIDED);
    tally("fixed:5", 5, 6, same, 6, &t);
    assert_int_equal(t.outcome, PANEL_UNDECIDED);
    assert_string_equal(t.words, "No decision: 4 of 6 members present voted Proficient; the rule "
                                 "(fixed:5) needs 5 votes for one rating.");
}

static void test_R24_consensus_needs_everyone_present(void **state)
{
    (void)state;
    struct panel_tally t;
    const enum rating all[] = {E, E, E, E, E};
    tally("consensus", 5, 5, all, 5, &t);
    assert_int_equal(t.outcome, PANEL_DECIDED);
    assert_int_equal(t.rating, E);
    assert_string_equal(t.words, "All 5 members present voted Exemplary: consensus.");
    const enum rating one_other[] = {E, E, E, E, P};
    tally("consensus", 5, 5, one_other, 5, &t);
    assert_int_equal(t.outcome, PANEL_UNDECIDED);
    /* one member present did not vote: no consensus */
    tally("consensus", 5, 5, all, 4, &t);
    assert_int_equal(t.outcome, PANEL_UNDECIDED);
}

static void test_R24_quorum(void **state)
{
    (void)state;
    struct panel_tally t;
    const enum rating v[] = {P, P, P, P};
    tally("majority", 5, 4, v, 4, &t);
    assert_int_equal(t.outcome, PANEL_NO_QUORUM);
    assert_string_equal(t.words,
                        "No quorum: 4 members present and not recused; the quorum is 5. No decision.");
    tally("majority", 4, 4, v, 4, &t);
    assert_int_equal(t.outcome, PANEL_DECIDED);
    tally("majority", 0, 0, NULL, 0, &t);
    assert_int_equal(t.outcome, PANEL_NO_QUORUM);
}

static void test_R24_recusals_reduce_those_who_count(void **state)
{
    (void)state;
    struct panel_tally t;
    /* 6 present, 1 recused: 5 eligible, 3 for Proficient is a majority of
     * 5 (it would not be of 6) */
    const enum rating v[] = {P, P, P, N, N};
    tally("majority", 5, 5, v, 5, &t);
    assert_int_equal(t.outcome, PANEL_DECIDED);
    tally("majority", 5, 6, v, 5, &t);
    assert_int_equal(t.outcome, PANEL_UNDECIDED);
    /* a recusal below the quorum stops the vote */
    tally("majority", 5, 4, v, 4, &t);
    assert_int_equal(t.outcome, PANEL_NO_QUORUM);
}

static void test_R24_ties_decide_nothing(void **state)
{
    (void)state;
    struct panel_tally t;
    const enum rating v[] = {P, P, P, N, N, N};
    tally("fixed:3", 5, 6, v, 6, &t);
    assert_int_equal(t.outcome, PANEL_UNDECIDED);
    assert_non_null(strstr(t.words, "tie"));
    assert_non_null(strstr(t.words, "Proficient and Needs Improvement have 3 votes each"));
    tally("fixed:2", 5, 6, (const enum rating[]){P, P, P, N, N, U}, 6, &t);
    assert_int_equal(t.outcome, PANEL_DECIDED);   /* the most, alone, and enough */
    assert_int_equal(t.rating, P);
    tally("majority", 5, 5, NULL, 0, &t);
    assert_int_equal(t.outcome, PANEL_UNDECIDED);
    assert_non_null(strstr(t.words, "none of the 5 members present voted"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_R24_rules_parse_as_the_setting_allows),
        cmocka_unit_test(test_R24_majority_of_the_members_present),
        cmocka_unit_test(test_R24_fixed_number_like_six_of_nine),
        cmocka_unit_test(test_R24_consensus_needs_everyone_present),
        cmocka_unit_test(test_R24_quorum),
        cmocka_unit_test(test_R24_recusals_reduce_those_who_count),
        cmocka_unit_test(test_R24_ties_decide_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

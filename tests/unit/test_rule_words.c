/* test_rule_words.c: the rules' words (domain/rule_words.c, issue 18).
 * The rules expected are read from RULES.md itself, never from the table:
 * a rule added there without its words turns this test red. */
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>

#include "domain/rule_words.h"

/* The numbers of RULES.md's rules: its lines "- R17 ...". */
static int rules_md_numbers(int *out, int max)
{
    FILE *f = fopen(RULES_MD, "r");
    if (!f)
        fail_msg("cannot read %s (the oracle, tests/oracle/RULES.md)", RULES_MD);
    char line[4096];
    int n = 0, number;
    while (fgets(line, sizeof line, f) && n < max)
        if (sscanf(line, "- R%d ", &number) == 1)
            out[n++] = number;
    fclose(f);
    return n;
}

static void test_every_rule_of_rules_md_has_a_title_and_an_explanation(void **state)
{
    (void)state;
    int numbers[100];
    int n = rules_md_numbers(numbers, 100);
    assert_true(n >= 39); /* RULES.md numbers R1-R39 today */
    for (int i = 0; i < n; i++) {
        const struct rule_words *w = rule_words_find(numbers[i]);
        if (!w)
            fail_msg("R%d of RULES.md has no words in domain/rule_words.c", numbers[i]);
        assert_true(w->title && *w->title);
        assert_true(w->explanation && *w->explanation);
        assert_true(w->source && *w->source);
        assert_true(w->section && *w->section);
    }
    assert_int_equal(rule_words_count, n); /* no words for a rule RULES.md does not have */
}

/* docs/rules.md (parley rules) has every rule of RULES.md by its title. */
static void test_the_docs_name_every_rule_by_its_title(void **state)
{
    (void)state;
    int numbers[100];
    int n = rules_md_numbers(numbers, 100);
    buf b, heading;
    buf_init(&b, NULL);
    buf_init(&heading, NULL);
    rule_words_markdown(&b);
    for (int i = 0; i < n; i++) {
        buf_reset(&heading);
        buf_printf(&heading, "\n### R%d: %s\n\n", numbers[i], rule_words_find(numbers[i])->title);
        if (!strstr(buf_cstr(&b), buf_cstr(&heading)))
            fail_msg("docs/rules.md lacks R%d", numbers[i]);
    }
    buf_release(&heading);
    buf_release(&b);
}

/* The guards' codes name a rule, a range or a list: the first rule named. */
static void test_a_guards_code_finds_its_first_rule(void **state)
{
    (void)state;
    int several = -1;
    assert_int_equal(rule_words_of("R17", &several)->number, 17);
    assert_false(several);
    assert_int_equal(rule_words_of("R1-R6", &several)->number, 1);
    assert_true(several);
    assert_int_equal(rule_words_of("R27, R28", &several)->number, 27);
    assert_true(several);
    assert_null(rule_words_of("R99", NULL));
    assert_null(rule_words_of("", NULL));
    assert_null(rule_words_of(NULL, NULL));
}

/* A refusal that names several rules names each (its links: rule_link). */
static void test_a_list_of_rules_gives_each(void **state)
{
    (void)state;
    const struct rule_words *ws[4];
    bool range = true;
    assert_int_equal(rule_words_list("R24, R25, R29", ws, 4, &range), 3);
    assert_int_equal(ws[0]->number, 24);
    assert_int_equal(ws[1]->number, 25);
    assert_int_equal(ws[2]->number, 29);
    assert_false(range);
    assert_int_equal(rule_words_list("R27,R28).", ws, 4, &range), 2);
    assert_int_equal(ws[1]->number, 28);
    assert_int_equal(rule_words_list("R24, R25, R29", ws, 2, &range), 2);
    assert_int_equal(rule_words_list("R1-R6", ws, 4, &range), 1);
    assert_true(range);
    assert_int_equal(rule_words_list("R17, then", ws, 4, &range), 1);
    assert_false(range);
    assert_int_equal(rule_words_list("R99, R17", ws, 4, &range), 0);
    assert_int_equal(rule_words_list(NULL, ws, 4, &range), 0);
}

/* A message without its rule numbers reads as a sentence (issue 18). */
static void unnumbered(const char *text, const char *words, const char *first)
{
    buf b;
    buf_init(&b, NULL);
    const char *at = rule_words_unnumbered(&b, text);
    assert_string_equal(buf_cstr(&b), words);
    if (first)
        assert_string_equal(at, first);
    else
        assert_null(at);
    buf_release(&b);
}

static void test_a_message_reads_without_its_rule_numbers(void **state)
{
    (void)state;
    unnumbered("R15: only the primary evaluator writes one.",
               "Only the primary evaluator writes one.",
               "R15: only the primary evaluator writes one.");
    unnumbered("Choose one (R24). Then vote.", "Choose one. Then vote.", "R24). Then vote.");
    unnumbered("R14, R19: only the CT approves.", "Only the CT approves.",
               "R14, R19: only the CT approves.");
    unnumbered("Eligibility (R1\xe2\x80\x93R6)", "Eligibility", "R1\xe2\x80\x93R6)");
    unnumbered("Committed until (R27: at least 2 years)", "Committed until (at least 2 years)",
               "R27: at least 2 years)");
    unnumbered("a report (nobody reads it without a release, R34)",
               "a report (nobody reads it without a release)", "R34)");
    unnumbered("Done. R29: Edith's term ended.", "Done. Edith's term ended.",
               "R29: Edith's term ended.");
    unnumbered("Rooms R2D2 and PR12 stay; so does room 12.",
               "Rooms R2D2 and PR12 stay; so does room 12.", NULL);
    /* a number not written as a rule's reference is someone's text: kept */
    unnumbered("We meet in room R12, then R14 at 3.", "We meet in room R12, then R14 at 3.", NULL);
    int several = 0;
    assert_int_equal(rule_words_of("R1\xe2\x80\x93R6", &several)->number, 1);
    assert_true(several);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_rule_of_rules_md_has_a_title_and_an_explanation),
        cmocka_unit_test(test_the_docs_name_every_rule_by_its_title),
        cmocka_unit_test(test_a_guards_code_finds_its_first_rule),
        cmocka_unit_test(test_a_list_of_rules_gives_each),
        cmocka_unit_test(test_a_message_reads_without_its_rule_numbers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

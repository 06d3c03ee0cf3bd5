/* test_search.c: what the one search box looks for (issue 18): a query
 * becomes words of letters and digits, and nothing typed reaches the
 * full-text grammar as an operator; an empty, a one-letter or an over-long
 * query is refused with a sentence for the page; and why a result was
 * found. */
#include "testing.h"

#include <stdbool.h>

#include "domain/search.h"

static void read_ok(const char *typed, struct search_query *q)
{
    const char *problem = NULL;
    assert_true(search_query_read(typed, q, &problem));
    assert_null(problem);
}

static void test_words_are_letters_and_digits_lower_cased(void **state)
{
    (void)state;
    struct search_query q;
    read_ok("  Rodr  ", &q);
    assert_int_equal(q.n, 1);
    assert_string_equal(q.terms[0], "rodr");
    read_ok("maria.rodriguez@district.org", &q);
    assert_int_equal(q.n, 4);
    assert_string_equal(q.terms[0], "maria");
    assert_string_equal(q.terms[3], "org");
    read_ok("INQ-2026-0042", &q);
    assert_int_equal(q.n, 3);
    assert_string_equal(q.terms[1], "2026");
    read_ok("José Núñez", &q); /* a letter beyond ASCII is a letter, kept as typed */
    assert_int_equal(q.n, 2);
    assert_string_equal(q.terms[0], "josé");
    assert_string_equal(q.terms[1], "núñez");
}

/* Quotes, '*', and the engines' operators split words or are dropped: no
 * term holds anything but letters and digits. */
static void test_no_operator_survives(void **state)
{
    (void)state;
    const char *typed[] = {"\"Rodr\"*",       "rodr OR smith", "NEAR(rodr smith)",
                           "rodr:* & !smith", "-rodr +smith",  "'rodr' | (smith)",
                           "rodr\\",          "{name}: rodr^"};
    for (size_t i = 0; i < sizeof typed / sizeof *typed; i++) {
        struct search_query q;
        read_ok(typed[i], &q);
        for (int t = 0; t < q.n; t++)
            for (const char *p = q.terms[t]; *p; p++)
                assert_true((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'));
    }
    struct search_query q;
    read_ok("rodr OR smith", &q);
    assert_int_equal(q.n, 3); /* "or" is a word like any other */
    assert_string_equal(q.terms[1], "or");
}

static void refused(const char *typed, const char *says)
{
    struct search_query q;
    const char *problem = NULL;
    assert_false(search_query_read(typed, &q, &problem));
    assert_non_null(problem);
    assert_non_null(strstr(problem, says));
}

static void test_nothing_to_look_for_is_said(void **state)
{
    (void)state;
    struct search_query q;
    refused("", "Type what to look for");
    refused("  \"*'  ", "Type what to look for");
    refused(NULL, "Type what to look for");
    refused("R", "at least 2 letters or digits");
    refused("a b c", "at least 2 letters or digits");
    read_ok("J Sm", &q); /* one word long enough is enough */
    read_ok("Né", &q);   /* two letters, one of them beyond ASCII */
    char long_query[SEARCH_MAX_BYTES + 2];
    memset(long_query, 'a', sizeof long_query - 1);
    long_query[sizeof long_query - 1] = '\0';
    refused(long_query, "at most 200 characters");
    refused("a1 b2 c3 d4 e5 f6 g7 h8 i9", "at most 8 words");
    read_ok("a1 b2 c3 d4 e5 f6 g7 h8", &q);
    assert_int_equal(q.n, SEARCH_MAX_TERMS);
}

static void test_which_field_matched(void **state)
{
    (void)state;
    struct search_query q;
    read_ok("Rodr", &q);
    assert_true(search_text_matches(&q, "Maria Rodriguez"));
    assert_true(search_text_matches(&q, "maria.rodriguez@district.org"));
    assert_false(search_text_matches(&q, "Lincoln Elementary"));
    assert_false(search_text_matches(&q, "Alrodriguez")); /* the start of a word only */
    read_ok("linc mar", &q);
    assert_true(search_text_matches(&q, "Lincoln Elementary"));
    assert_true(search_text_matches(&q, "Maria Rodriguez"));
    assert_false(search_text_matches(&q, ""));
}

/* R31-R36: a peer support case is found by its member's name only; the
 * rest of what the index holds about them is the district's. */
static void test_why_in_words(void **state)
{
    (void)state;
    assert_string_equal(search_why(SEARCH_PEOPLE, SEARCH_NAME), "name matches");
    assert_string_equal(search_why(SEARCH_PEOPLE, SEARCH_SCHOOL), "school matches");
    assert_string_equal(search_why(SEARCH_CASES, SEARCH_EMAIL),
                        "the teacher's email address matches");
    assert_string_equal(search_why(SEARCH_INQUIRIES, SEARCH_REFERENCE), "reference matches");
    assert_non_null(search_why(SEARCH_PSS_CASES, SEARCH_NAME));
    assert_null(search_why(SEARCH_PSS_CASES, SEARCH_EMAIL));
    assert_null(search_why(SEARCH_PSS_CASES, SEARCH_SCHOOL));
    assert_null(search_why(SEARCH_PSS_CASES, SEARCH_REFERENCE));
    assert_string_equal(search_kind_label(SEARCH_INQUIRIES), "Inquiries");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_are_letters_and_digits_lower_cased),
        cmocka_unit_test(test_no_operator_survives),
        cmocka_unit_test(test_nothing_to_look_for_is_said),
        cmocka_unit_test(test_which_field_matched),
        cmocka_unit_test(test_why_in_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

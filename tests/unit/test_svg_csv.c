/* test_svg_csv.c: the SVG bar chart (a text alternative, escaped text, a
 * hidden figure drawn without its number: R39) and the RFC 4180 CSV writer
 * with its formula guard. */
#include "testing.h"

#include "base/arena.h"
#include "base/buf.h"
#include "out/csv.h"
#include "out/svg.h"

static int setup(void **state)
{
    *state = arena_new(0);
    return 0;
}

static int teardown(void **state)
{
    arena_free(*state);
    return 0;
}

static const char *chart(void **state, const struct svg_bar *bars, int n)
{
    buf b;
    buf_init(&b, *state);
    svg_bar_chart(&b, &(struct svg_chart){"prof", "Reached <Proficient>",
                                          "Share of teachers & more", 100, bars, n});
    return buf_cstr(&b);
}

static void test_svg_has_a_text_alternative(void **state)
{
    const char *s = chart(state, (const struct svg_bar[]){{"2025-26 PAR", 83, "83%", NULL}}, 1);
    assert_non_null(strstr(s, "role=\"img\" aria-labelledby=\"prof-title prof-desc\""));
    assert_non_null(strstr(s, "<title id=\"prof-title\">Reached &lt;Proficient&gt;</title>"));
    assert_non_null(strstr(s, "<desc id=\"prof-desc\">Share of teachers &amp; more</desc>"));
    assert_non_null(strstr(s, ">2025-26 PAR</text>"));
    assert_non_null(strstr(s, ">83%</text>"));
    assert_non_null(strstr(s, "width=\"183\""));   /* 83% of 220 */
}

/* R39: a hidden figure is an outline with words, no length, no number. */
static void test_R39_svg_hidden_bar_is_an_outline_without_its_number(void **state)
{
    const char *s = chart(state,
                          (const struct svg_bar[]){{"2024-25 PA", 25, "25%", "fewer than 5: not shown"}},
                          1);
    assert_non_null(strstr(s, "fill=\"none\""));
    assert_non_null(strstr(s, ">fewer than 5: not shown</text>"));
    assert_null(strstr(s, "25%"));
    assert_null(strstr(s, "width=\"55\""));
}

static void test_svg_without_bars_says_so(void **state)
{
    assert_non_null(strstr(chart(state, NULL, 0), "No figures yet."));
}

static const char *csv_of(void **state, const char *const *fields, int n)
{
    buf b;
    buf_init(&b, *state);
    csv c;
    csv_init(&c, &b);
    for (int i = 0; i < n; i++)
        csv_field(&c, fields[i]);
    csv_int(&c, 42);
    csv_row_end(&c);
    return buf_cstr(&b);
}

static void test_csv_quotes_as_rfc_4180_says(void **state)
{
    const char *s = csv_of(state, (const char *const[]){"plain", "a,b", "say \"hi\"", "two\nlines", "", NULL}, 6);
    assert_string_equal(s, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,,42\r\n");
}

/* A field a spreadsheet would run as a formula is written as text. */
static void test_csv_guards_formulas(void **state)
{
    const char *s = csv_of(state, (const char *const[]){"=SUM(A1)", "+1", "-2", "@cmd", "=HYPERLINK(\"x\",1)"}, 5);
    assert_string_equal(s, "'=SUM(A1),'+1,'-2,'@cmd,\"'=HYPERLINK(\"\"x\"\",1)\",42\r\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_svg_has_a_text_alternative, setup, teardown),
        cmocka_unit_test_setup_teardown(test_R39_svg_hidden_bar_is_an_outline_without_its_number, setup, teardown),
        cmocka_unit_test_setup_teardown(test_svg_without_bars_says_so, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_quotes_as_rfc_4180_says, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_guards_formulas, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_svg_csv.c: the SVG bar chart (a text alternative, escaped text, a
 * hidden figure drawn without its number: R39), the RFC 4180 CSV writer
 * with its formula guard, and the reader (a district's roster, issue 17). */
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
    csv_begin(&c, &b);
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

static struct csv_table read_ok(void **state, const char *data)
{
    struct csv_table t;
    const char *err = NULL;
    assert_true(csv_read(*state, data, strlen(data), &t, &err));
    assert_null(err);
    return t;
}

/* RFC 4180: a quoted field holds commas, line breaks and doubled quotes;
 * CRLF and LF both end a record. */
static void test_csv_reads_what_rfc_4180_writes(void **state)
{
    struct csv_table t = read_ok(state, "name,email\r\n\"Bello, Aisha\",\"say \"\"hi\"\"\"\n"
                                        "\"two\nlines\",,x\r\n");
    assert_int_equal(t.n, 3);
    assert_int_equal(t.records[0].n, 2);
    assert_string_equal(t.records[1].fields[0], "Bello, Aisha");
    assert_string_equal(t.records[1].fields[1], "say \"hi\"");
    assert_int_equal(t.records[2].n, 3);
    assert_string_equal(t.records[2].fields[0], "two\nlines");
    assert_string_equal(t.records[2].fields[1], "");
    assert_int_equal(t.records[2].row, 3);
}

/* What a spreadsheet writes: a byte order mark first, spaces around
 * fields, no line break after the last record. */
static void test_csv_reads_a_spreadsheets_export(void **state)
{
    struct csv_table t = read_ok(state, "\xEF\xBB\xBFsourcedId , role\r\n  t1 ,\tteacher");
    assert_int_equal(t.n, 2);
    assert_string_equal(t.records[0].fields[0], "sourcedId");
    assert_string_equal(t.records[1].fields[0], "t1");
    assert_string_equal(t.records[1].fields[1], "teacher");
}

static const char *read_error(void **state, const char *data, size_t len)
{
    struct csv_table t;
    const char *err = NULL;
    assert_false(csv_read(*state, data, len, &t, &err));
    assert_non_null(err);
    return err;
}

/* A broken quote is an error naming its row, never a guess. */
static void test_csv_refuses_a_broken_quote_naming_its_row(void **state)
{
    const char *data = "a,b\n1,2\n\"3\"x,4\n5,6\n";
    assert_non_null(strstr(read_error(state, data, strlen(data)), "row 3 "));
    data = "a,b\n\"never closed,2\n";
    assert_non_null(strstr(read_error(state, data, strlen(data)), "row 2 "));
}

/* Text in another encoding (Latin-1's é) is refused, with what to do. */
static void test_csv_refuses_what_is_not_utf8(void **state)
{
    const char *data = "name\nRen\xE9\n";
    const char *err = read_error(state, data, strlen(data));
    assert_non_null(strstr(err, "row 2, field 1 is not UTF-8"));
    assert_non_null(strstr(err, "CSV UTF-8"));
    assert_non_null(strstr(read_error(state, "a\nb\0c\n", 6), "row 2"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_svg_has_a_text_alternative, setup, teardown),
        cmocka_unit_test_setup_teardown(test_R39_svg_hidden_bar_is_an_outline_without_its_number, setup, teardown),
        cmocka_unit_test_setup_teardown(test_svg_without_bars_says_so, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_quotes_as_rfc_4180_says, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_guards_formulas, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_reads_what_rfc_4180_writes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_reads_a_spreadsheets_export, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_refuses_a_broken_quote_naming_its_row, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_refuses_what_is_not_utf8, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

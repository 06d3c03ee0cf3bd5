/* test_out.c: the HTML and JSON writers. */
#include "testing.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/buf.h"
#include "out/html.h"
#include "out/json.h"
#include "out/table_labels.h"
#include "out/markdown.h"

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

static buf new_buf(void **state)
{
    buf b;
    buf_init(&b, *state);
    return b;
}

/* ---- HTML ---- */

static void test_html_escapes_every_special(void **state)
{
    buf b = new_buf(state);
    html_text(&b, "a&b<c>d\"e'f");
    assert_string_equal(buf_cstr(&b), "a&amp;b&lt;c&gt;d&quot;e&#39;f");
}

static void test_html_escape_only_specials_run(void **state)
{
    buf b = new_buf(state);
    html_text(&b, "<<>>&&");
    assert_string_equal(buf_cstr(&b), "&lt;&lt;&gt;&gt;&amp;&amp;");
    buf_reset(&b);
    html_text(&b, "");
    assert_string_equal(buf_cstr(&b), "");
    html_text(&b, NULL);
    assert_string_equal(buf_cstr(&b), "");
}

static void test_html_escape_counted(void **state)
{
    buf b = new_buf(state);
    html_escape(&b, "<ab>", 2);
    assert_string_equal(buf_cstr(&b), "&lt;a");
}

static void test_html_keeps_utf8(void **state)
{
    buf b = new_buf(state);
    html_text(&b, "Zoë — 先生");
    assert_string_equal(buf_cstr(&b), "Zoë — 先生");
}

static void test_html_printf_escapes_s(void **state)
{
    buf b = new_buf(state);
    html_printf(&b, "<p title=\"%s\">%s</p>", "\"><script>", "Tom & 'Jerry'");
    assert_string_equal(buf_cstr(&b),
                        "<p title=\"&quot;&gt;&lt;script&gt;\">"
                        "Tom &amp; &#39;Jerry&#39;</p>");
}

static void test_html_printf_null_s(void **state)
{
    buf b = new_buf(state);
    html_printf(&b, "[%s]", (const char *)NULL);
    assert_string_equal(buf_cstr(&b), "[]");
}

static void test_html_printf_url(void **state)
{
    buf b = new_buf(state);
    html_printf(&b, "<a href=\"/search?q=%U\">", "a b&c=d/é\"<~-._");
    assert_string_equal(buf_cstr(&b),
                        "<a href=\"/search?q=a%20b%26c%3Dd%2F%C3%A9%22%3C~-._\">");
    buf_reset(&b);
    html_printf(&b, "[%U]", (const char *)NULL);
    assert_string_equal(buf_cstr(&b), "[]");
}

static void test_url_encode(void **state)
{
    buf b = new_buf(state);
    url_encode(&b, "AZaz09-._~ %+?#\n");
    assert_string_equal(buf_cstr(&b), "AZaz09-._~%20%25%2B%3F%23%0A");
}

static void test_html_printf_numbers(void **state)
{
    buf b = new_buf(state);
    html_printf(&b, "%d %ld %lld %u %lu %zu %llu %%", -42, -7L, (long long)INT64_MIN,
                4000000000u, 123456789UL, (size_t)17, (unsigned long long)UINT64_MAX);
    assert_string_equal(buf_cstr(&b),
                        "-42 -7 -9223372036854775808 4000000000 123456789 17 "
                        "18446744073709551615 %");
}

static void test_html_printf_mixed(void **state)
{
    buf b = new_buf(state);
    html_printf(&b, "<li><a href=\"/cases/%d\">%s</a> (%zu%%)</li>", 7, "A<B",
                (size_t)50);
    assert_string_equal(buf_cstr(&b),
                        "<li><a href=\"/cases/7\">A&lt;B</a> (50%)</li>");
}

/* An unknown conversion stops output rather than misreading arguments. */
static void test_html_printf_unknown_stops(void **state)
{
    buf b = new_buf(state);
    html_printf(&b, "ok %q then %s", "never");
    assert_string_equal(buf_cstr(&b), "ok ");
    buf_reset(&b);
    html_printf(&b, "a %ls b", "never");
    assert_string_equal(buf_cstr(&b), "a ");
    buf_reset(&b);
    html_printf(&b, "trailing %");
    assert_string_equal(buf_cstr(&b), "trailing ");
}

static void test_html_raw(void **state)
{
    buf b = new_buf(state);
    html_raw(&b, "<b>&amp;</b>");
    html_raw(&b, NULL);
    assert_string_equal(buf_cstr(&b), "<b>&amp;</b>");
}

static void test_html_long_output_grows(void **state)
{
    buf b = new_buf(state);
    for (int i = 0; i < 1000; i++)
        html_printf(&b, "<i>%s</i>", "&");
    assert_int_equal(b.len, 1000 * strlen("<i>&amp;</i>"));
}

/* ---- JSON ---- */

static void test_json_nested(void **state)
{
    buf b = new_buf(state);
    json j;
    json_init(&j, &b);
    json_obj_begin(&j);
    json_kv_int(&j, "id", 12);
    json_kv_str(&j, "name", "Ana");
    json_key(&j, "tags");
    json_arr_begin(&j);
    json_str(&j, "a");
    json_arr_begin(&j);
    json_arr_end(&j);
    json_obj_begin(&j);
    json_obj_end(&j);
    json_int(&j, -1);
    json_arr_end(&j);
    json_key(&j, "inner");
    json_obj_begin(&j);
    json_kv_bool(&j, "ok", true);
    json_key(&j, "none");
    json_null(&j);
    json_obj_end(&j);
    json_kv_bool(&j, "last", false);
    json_obj_end(&j);
    assert_string_equal(buf_cstr(&b),
                        "{\"id\":12,\"name\":\"Ana\",\"tags\":[\"a\",[],{},-1],"
                        "\"inner\":{\"ok\":true,\"none\":null},\"last\":false}");
    assert_int_equal(j.depth, 0);
}

static void test_json_top_level_array_of_objects(void **state)
{
    buf b = new_buf(state);
    json j;
    json_init(&j, &b);
    json_arr_begin(&j);
    for (int i = 0; i < 3; i++) {
        json_obj_begin(&j);
        json_kv_int(&j, "i", i);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    assert_string_equal(buf_cstr(&b), "[{\"i\":0},{\"i\":1},{\"i\":2}]");
}

/* Deeper than the comma slots: commas must still be right. */
static void test_json_deep_nesting(void **state)
{
    buf b = new_buf(state);
    buf want = new_buf(state);
    json j;
    json_init(&j, &b);
    for (int i = 0; i < 40; i++) {
        json_arr_begin(&j);
        json_int(&j, i);
        buf_printf(&want, i ? ",[%d" : "[%d", i);
    }
    for (int i = 0; i < 40; i++) {
        json_arr_end(&j);
        buf_putc(&want, ']');
        if (i < 39) {
            json_int(&j, 100 + i);
            buf_printf(&want, ",%d", 100 + i);
        }
    }
    assert_string_equal(buf_cstr(&b), buf_cstr(&want));
    assert_int_equal(j.depth, 0);
}

static void test_json_null_string(void **state)
{
    buf b = new_buf(state);
    json j;
    json_init(&j, &b);
    json_arr_begin(&j);
    json_str(&j, NULL);
    json_obj_begin(&j);
    json_kv_str(&j, "k", NULL);
    json_obj_end(&j);
    json_arr_end(&j);
    assert_string_equal(buf_cstr(&b), "[null,{\"k\":null}]");
}

static void test_json_quote_escapes(void **state)
{
    buf b = new_buf(state);
    json_quote(&b, "q\" b\\ n\n t\t r\r f\f b\b \x01\x1f\x7f");
    assert_string_equal(buf_cstr(&b),
                        "\"q\\\" b\\\\ n\\n t\\t r\\r f\\f b\\b \\u0001\\u001f\x7f\"");
}

static void test_json_quote_html_safe(void **state)
{
    buf b = new_buf(state);
    json_quote(&b, "</script><!--&");
    assert_string_equal(buf_cstr(&b), "\"\\u003c/script\\u003e\\u003c!--\\u0026\"");
}

static void test_json_quote_utf8(void **state)
{
    buf b = new_buf(state);
    json_quote(&b, "é 先 😀 \xe2\x80\xa8\xe2\x80\xa9");
    assert_string_equal(buf_cstr(&b), "\"é 先 😀 \\u2028\\u2029\"");
}

static void test_json_quote_invalid_utf8(void **state)
{
    buf b = new_buf(state);
    /* stray continuation, overlong '/', surrogate, truncated, past U+10FFFF */
    json_quote(&b, "a\x80" "b\xc0\xaf" "c\xed\xa0\x80" "d\xe2\x82" "e\xf4\x90\x80\x80");
    assert_string_equal(buf_cstr(&b),
                        "\"a\\ufffdb\\ufffd\\ufffdc\\ufffd\\ufffd\\ufffdd"
                        "\\ufffd\\ufffde\\ufffd\\ufffd\\ufffd\\ufffd\"");
    buf_reset(&b);
    json_quote(&b, NULL);
    assert_string_equal(buf_cstr(&b), "\"\"");
}

static void test_json_real(void **state)
{
    buf b = new_buf(state);
    json j;
    json_init(&j, &b);
    json_arr_begin(&j);
    json_real(&j, 0.1);
    json_real(&j, 2.0);
    json_real(&j, NAN);
    json_real(&j, INFINITY);
    json_real(&j, -INFINITY);
    json_real(&j, -0.25);
    json_real(&j, 1e22);
    json_arr_end(&j);
    assert_string_equal(buf_cstr(&b),
                        "[0.10000000000000001,2,null,null,null,-0.25,1e+22]");
}

static void test_json_int_extremes(void **state)
{
    buf b = new_buf(state);
    json j;
    json_init(&j, &b);
    json_arr_begin(&j);
    json_int(&j, INT64_MIN);
    json_int(&j, INT64_MAX);
    json_bool(&j, true);
    json_arr_end(&j);
    assert_string_equal(buf_cstr(&b),
                        "[-9223372036854775808,9223372036854775807,true]");
}

/* ---- Table labels (stacked rows on a phone) ---- */

static void test_table_labels_from_headers(void **state)
{
    buf b = new_buf(state);
    html_raw(&b, "<table><caption>Cases</caption><thead><tr><th scope=\"col\">Teacher</th>"
                 "<th scope=\"col\">Last <abbr>step</abbr></th><th class=\"num\">Days</th></tr>"
                 "</thead><tbody><tr><th scope=\"row\">Ann</th><td>Sept &amp; Oct</td>"
                 "<td class=\"num\">4</td><td>extra</td></tr></tbody></table>");
    table_labels_add(&b);
    assert_string_equal(buf_cstr(&b),
                        "<table><caption>Cases</caption><thead><tr><th scope=\"col\">Teacher</th>"
                        "<th scope=\"col\">Last <abbr>step</abbr></th><th class=\"num\">Days</th>"
                        "</tr></thead><tbody><tr><th data-label=\"Teacher\" scope=\"row\">Ann</th>"
                        "<td data-label=\"Last step\">Sept &amp; Oct</td>"
                        "<td data-label=\"Days\" class=\"num\">4</td><td>extra</td></tr>"
                        "</tbody></table>");
}

static void test_table_labels_per_table(void **state)
{
    buf b = new_buf(state);
    html_raw(&b, "<table><thead><tr><th>A &quot;x&quot;</th><th>B</th></tr></thead>"
                 "<tbody><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></tbody></table>"
                 "<table><tr><th>Key</th><td>value</td></tr></table><tdx>");
    table_labels_add(&b);
    assert_string_equal(buf_cstr(&b),
                        "<table><thead><tr><th>A &quot;x&quot;</th><th>B</th></tr></thead>"
                        "<tbody><tr><td data-label=\"A &quot;x&quot;\">1</td>"
                        "<td data-label=\"B\">2</td></tr><tr><td data-label=\"A &quot;x&quot;\">3"
                        "</td></tr></tbody></table>"
                        "<table><tr><th>Key</th><td>value</td></tr></table><tdx>");
}

static void test_table_labels_no_header_unchanged(void **state)
{
    buf b = new_buf(state);
    const char *page = "<p>No table <td>here</td>, only text &lt;thead&gt;.</p>";
    html_raw(&b, page);
    table_labels_add(&b);
    assert_string_equal(buf_cstr(&b), page);
}

/* A text is rendered once and then kept (issue 19): asked again it is the
 * same safe HTML, and an edit is a new text, never the old one's HTML.
 * Twice as many texts as the cache holds, twice round, all still right. */
static void test_markdown_kept_and_never_stale(void **state)
{
    (void)state;
    buf b;
    buf_init(&b, NULL);
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < 128; i++) {
            char md[96], want[160];
            snprintf(md, sizeof md, "# Title %d\n\n[x](javascript:alert(%d)) *%d*", i, i, i);
            snprintf(want, sizeof want,
                     "<h2>Title %d</h2>\n<p><a href=\"\">x</a> <em>%d</em></p>\n", i, i);
            buf_reset(&b);
            html_markdown(&b, md);
            assert_string_equal(buf_cstr(&b), want);
        }
    buf_reset(&b);
    html_markdown(&b, "# Title 1\n\nedited");
    assert_string_equal(buf_cstr(&b), "<h2>Title 1</h2>\n<p>edited</p>\n");
    buf_release(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_html_escapes_every_special, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_escape_only_specials_run, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_escape_counted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_keeps_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_printf_escapes_s, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_printf_null_s, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_printf_url, setup, teardown),
        cmocka_unit_test_setup_teardown(test_url_encode, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_printf_numbers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_printf_mixed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_printf_unknown_stops, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_raw, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_long_output_grows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_table_labels_from_headers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_table_labels_per_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_table_labels_no_header_unchanged, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_nested, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_top_level_array_of_objects, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_deep_nesting, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_null_string, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_quote_escapes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_quote_html_safe, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_quote_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_quote_invalid_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_real, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_int_extremes, setup, teardown),
        cmocka_unit_test(test_markdown_kept_and_never_stale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_base.c: arena, buf, utf8, clock, secret. */
#include "testing.h"

#include <stdalign.h>
#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/clock.h"
#include "base/secret.h"
#include "base/utf8.h"

/* ---- arena ---- */

static void test_arena_alignment_and_zero(void **state)
{
    (void)state;
    arena *a = arena_new(256);
    for (size_t n = 0; n < 40; n++) {
        unsigned char *p = arena_alloc(a, n);
        assert_int_equal((uintptr_t)p % alignof(max_align_t), 0);
        for (size_t i = 0; i < n; i++)
            assert_int_equal(p[i], 0);
        memset(p, 0xab, n);   /* ASan: the whole request is ours */
    }
    arena_free(a);
}

static void test_arena_large_allocations(void **state)
{
    (void)state;
    arena *a = arena_new(1024);
    char *small = arena_alloc(a, 16);
    char *big = arena_alloc(a, 100000);      /* larger than a block */
    char *half = arena_alloc(a, 700);        /* more than half a block */
    char *after = arena_alloc(a, 16);
    memset(big, 1, 100000);
    memset(half, 2, 700);
    memset(small, 3, 16);
    memset(after, 4, 16);
    assert_int_equal(big[99999], 1);
    assert_int_equal(small[0], 3);
    assert_true(arena_used(a) >= 16 + 100000 + 700 + 16);
    /* Many allocations across many blocks. */
    for (int i = 0; i < 1000; i++)
        memset(arena_alloc(a, 300), 5, 300);
    arena_free(a);
    arena_free(NULL);
}

static void test_arena_strings(void **state)
{
    (void)state;
    arena *a = arena_new(0);
    assert_string_equal(arena_strdup(a, "teacher"), "teacher");
    assert_null(arena_strdup(a, NULL));
    assert_string_equal(arena_strndup(a, "abcdef", 3), "abc");
    assert_string_equal(arena_strdup(a, ""), "");
    assert_string_equal(arena_printf(a, "%s-%d", "case", 42), "case-42");
    char big[5000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    char *p = arena_printf(a, "<%s>", big);
    assert_int_equal(strlen(p), sizeof big + 1);
    assert_int_equal(p[0], '<');
    assert_int_equal(p[sizeof big], '>');
    arena_free(a);
}

/* ---- buf ---- */

static void fill_and_check(buf *b)
{
    assert_string_equal(buf_cstr(b), "");
    for (int i = 0; i < 10000; i++)
        buf_putc(b, (char)('a' + i % 26));
    assert_int_equal(b->len, 10000);
    assert_int_equal(strlen(buf_cstr(b)), 10000);
    assert_int_equal(b->s[9999], 'a' + 9999 % 26);
    buf_puts(b, "!");
    buf_append(b, "xyz", 2);
    buf_append(b, NULL, 0);
    assert_string_equal(buf_cstr(b) + 10000, "!xy");
    buf_reset(b);
    assert_string_equal(buf_cstr(b), "");
    buf_puts(b, "again");
    assert_string_equal(buf_cstr(b), "again");
}

static void test_buf_growth_malloc(void **state)
{
    (void)state;
    buf b;
    buf_init(&b, NULL);
    fill_and_check(&b);
    buf_release(&b);
    assert_null(b.s);
    buf_release(&b);   /* twice is harmless */
}

static void test_buf_growth_arena(void **state)
{
    (void)state;
    arena *a = arena_new(512);
    buf b;
    buf_init(&b, a);
    fill_and_check(&b);
    buf_release(&b);
    arena_free(a);
}

static void printf_checks(buf *b)
{
    buf_printf(b, "%d+%s", 1, "one");
    assert_string_equal(buf_cstr(b), "1+one");
    char big[3000];
    memset(big, 'y', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    buf_printf(b, "[%s]", big);   /* past the 256-byte fast path */
    assert_int_equal(b->len, 5 + sizeof big + 1);
    assert_int_equal(strlen(buf_cstr(b)), b->len);
    assert_int_equal(b->s[5], '[');
    assert_int_equal(b->s[b->len - 1], ']');
    buf_printf(b, "%s", "");
    buf_puts(b, "z");
    assert_int_equal(b->s[b->len - 1], 'z');
}

static void test_buf_printf_long(void **state)
{
    (void)state;
    buf b;
    buf_init(&b, NULL);
    printf_checks(&b);
    buf_release(&b);
    arena *a = arena_new(0);
    buf_init(&b, a);
    printf_checks(&b);
    arena_free(a);
}

/* ---- utf8 ---- */

static bool valid(const char *s)
{
    return utf8_valid(s, strlen(s));
}

static void test_utf8_valid_text(void **state)
{
    (void)state;
    assert_true(valid(""));
    assert_true(valid("plain ASCII, with punctuation!"));
    assert_true(valid("tab\tCR\rLF\n"));
    assert_true(valid("\xc2\xa9"));                 /* U+00A9, 2 bytes */
    assert_true(valid("\xdf\xbf"));                 /* U+07FF */
    assert_true(valid("\xe0\xa0\x80"));             /* U+0800, 3 bytes */
    assert_true(valid("\xef\xbf\xbd"));             /* U+FFFD */
    assert_true(valid("\xed\x9f\xbf"));             /* U+D7FF, below surrogates */
    assert_true(valid("\xf0\x90\x80\x80"));         /* U+10000, 4 bytes */
    assert_true(valid("\xf4\x8f\xbf\xbf"));         /* U+10FFFF, the last */
    assert_true(valid("Zoë Ñúñez — 先生 😀"));
}

static void test_utf8_rejects_malformed(void **state)
{
    (void)state;
    assert_false(valid("\xc0\x80"));                /* overlong NUL */
    assert_false(valid("\xc1\xbf"));                /* overlong 2-byte */
    assert_false(valid("\xe0\x9f\xbf"));            /* overlong 3-byte */
    assert_false(valid("\xf0\x8f\xbf\xbf"));        /* overlong 4-byte */
    assert_false(valid("\xed\xa0\x80"));            /* U+D800 */
    assert_false(valid("\xed\xbf\xbf"));            /* U+DFFF */
    assert_false(valid("\xf4\x90\x80\x80"));        /* U+110000 */
    assert_false(valid("\xf5\x80\x80\x80"));
    assert_false(valid("\xf8\x88\x80\x80\x80"));    /* 5-byte form */
    assert_false(valid("\xff"));
    assert_false(valid("\x80"));                    /* lone continuation */
    assert_false(valid("a\xc3"));                   /* truncated at end */
    assert_false(valid("\xe2\x82"));
    assert_false(valid("\xf0\x9f\x98"));
    assert_false(valid("\xe2(\xa1"));               /* bad continuation */
    /* Truncated by the length, though the bytes follow in memory. */
    assert_false(utf8_valid("\xc3\xa9", 1));
    assert_true(utf8_valid("\xc3\xa9", 2));
}

static void test_utf8_rejects_controls(void **state)
{
    (void)state;
    assert_false(utf8_valid("a\0b", 3));            /* embedded NUL */
    assert_false(valid("\x01"));
    assert_false(valid("bell\x07"));
    assert_false(valid("esc\x1b[0m"));
    assert_false(valid("\x1f"));
    assert_false(valid("del\x7f"));
}

static void test_utf8_length(void **state)
{
    (void)state;
    assert_int_equal(utf8_length(""), 0);
    assert_int_equal(utf8_length("abc"), 3);
    assert_int_equal(utf8_length("Zoë"), 3);
    assert_int_equal(utf8_length("先生😀"), 3);
}

/* ---- clock ---- */

static bool date_ok(const char *s)
{
    int y, m, d;
    return clock_parse_date(s, &y, &m, &d);
}

static void test_clock_parse_date(void **state)
{
    (void)state;
    int y = 0, m = 0, d = 0;
    assert_true(clock_parse_date("2026-11-24", &y, &m, &d));
    assert_int_equal(y, 2026);
    assert_int_equal(m, 11);
    assert_int_equal(d, 24);
    assert_true(date_ok("2024-02-29"));             /* divisible by 4 */
    assert_false(date_ok("2023-02-29"));
    assert_false(date_ok("2100-02-29"));            /* century, not leap */
    assert_true(date_ok("2000-02-29"));             /* divisible by 400 */
    assert_true(date_ok("2026-12-31"));
    assert_false(date_ok("2026-04-31"));
    assert_false(date_ok("2026-13-01"));
    assert_false(date_ok("2026-00-10"));
    assert_false(date_ok("2026-01-00"));
    assert_false(date_ok("2026-01-32"));
}

static void test_clock_parse_date_bad_shapes(void **state)
{
    (void)state;
    int y, m, d;
    assert_false(clock_parse_date(NULL, &y, &m, &d));
    assert_false(date_ok(""));
    assert_false(date_ok("2026-1-01"));
    assert_false(date_ok("2026-01-1"));
    assert_false(date_ok("2026/01/01"));
    assert_false(date_ok("2026-01-01 "));
    assert_false(date_ok(" 2026-01-01"));
    assert_false(date_ok("2026-01-0a"));
    assert_false(date_ok("+026-01-01"));
    assert_false(date_ok("2026--1-01"));
    assert_false(date_ok("0000-01-01"));
    assert_false(date_ok("24/11/2026"));
}

static void test_clock_iso(void **state)
{
    (void)state;
    arena *a = arena_new(0);
    assert_string_equal(clock_iso(a, 0), "1970-01-01T00:00:00Z");
    assert_string_equal(clock_iso(a, 1795515900), "2026-11-24T10:25:00Z");
    assert_true(clock_now() > 1700000000);
    int64_t t0 = clock_micros();
    assert_true(clock_micros() >= t0);
    arena_free(a);
}

/* A date in words, its weekday from a calendar (2026-11-24 is a Tuesday;
 * 1970-01-01 a Thursday; 2024-02-29 a Thursday). */
static void test_clock_day_words(void **state)
{
    (void)state;
    arena *a = arena_new(0);
    assert_string_equal(clock_day_words(a, "2026-11-24"), "Tue 24 Nov 2026");
    assert_string_equal(clock_day_words(a, "1970-01-01"), "Thu 1 Jan 1970");
    assert_string_equal(clock_day_words(a, "2024-02-29"), "Thu 29 Feb 2024");
    assert_string_equal(clock_day_words(a, "1969-12-28"), "Sun 28 Dec 1969");
    assert_null(clock_day_words(a, "2023-02-29"));
    assert_null(clock_day_words(a, NULL));
    arena_free(a);
}

/* ---- secret ---- */

static bool all_lower_hex(const char *s)
{
    for (; *s; s++)
        if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
            return false;
    return true;
}

static void test_secret_token(void **state)
{
    (void)state;
    arena *a = arena_new(0);
    char *t1 = secret_token(a, 32);
    char *t2 = secret_token(a, 32);
    assert_int_equal(strlen(t1), 64);
    assert_true(all_lower_hex(t1));
    assert_string_not_equal(t1, t2);
    char *longer = secret_token(a, 100);
    assert_int_equal(strlen(longer), 200);
    assert_true(all_lower_hex(longer));
    assert_string_equal(secret_token(a, 0), "");
    arena_free(a);
}

static void test_secret_sha256(void **state)
{
    (void)state;
    char out[65];
    secret_sha256_hex("abc", 3, out);
    assert_string_equal(out,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    secret_sha256_hex("", 0, out);
    assert_string_equal(out,
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void test_secret_equal(void **state)
{
    (void)state;
    assert_true(secret_equal("abc123", "abc123"));
    assert_true(secret_equal("", ""));
    assert_false(secret_equal("abc123", "abc124"));
    assert_false(secret_equal("abc", "abc1"));
    assert_false(secret_equal("abc1", "abc"));
    assert_false(secret_equal("", "a"));
}

static int init_secret(void **state)
{
    (void)state;
    return secret_init() ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_alignment_and_zero),
        cmocka_unit_test(test_arena_large_allocations),
        cmocka_unit_test(test_arena_strings),
        cmocka_unit_test(test_buf_growth_malloc),
        cmocka_unit_test(test_buf_growth_arena),
        cmocka_unit_test(test_buf_printf_long),
        cmocka_unit_test(test_utf8_valid_text),
        cmocka_unit_test(test_utf8_rejects_malformed),
        cmocka_unit_test(test_utf8_rejects_controls),
        cmocka_unit_test(test_utf8_length),
        cmocka_unit_test(test_clock_parse_date),
        cmocka_unit_test(test_clock_parse_date_bad_shapes),
        cmocka_unit_test(test_clock_iso),
        cmocka_unit_test(test_clock_day_words),
        cmocka_unit_test(test_secret_token),
        cmocka_unit_test(test_secret_sha256),
        cmocka_unit_test(test_secret_equal),
    };
    return cmocka_run_group_tests(tests, init_secret, NULL);
}

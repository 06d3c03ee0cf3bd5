/* test_cycle.c: the parley meetings' windows and the closing count (R17),
 * domain/cycle.c tested directly: the start meeting in the cycle's first
 * fifth, the middle one from 40% to 60%, the end one in the last fifth;
 * no PAR cycle closes with fewer than three held. */
#include "testing.h"

#include "base/clock.h"
#include "domain/cycle.h"

static void window(const char *start, const char *end, enum meeting_phase p, const char *from,
                   const char *to)
{
    struct date_window w;
    assert_true(cycle_meeting_window(start, end, p, &w));
    assert_string_equal(w.from, from);
    assert_string_equal(w.to, to);
}

/* R17: a 300-day cycle in fifths of 60 days. */
static void test_R17_windows_are_fifths_of_the_cycle(void **state)
{
    (void)state;
    const char *s = "2026-09-01", *e = "2027-06-28";   /* 300 days apart */
    window(s, e, PHASE_START, "2026-09-01", "2026-10-31");
    window(s, e, PHASE_MIDDLE, "2026-12-30", "2027-02-28");
    window(s, e, PHASE_END, "2027-04-29", "2027-06-28");
}

/* Uneven lengths round down, day by day; the windows stay in order, the
 * first starts on the cycle's first day and the last ends on its last. */
static void test_R17_windows_round_down_and_keep_order(void **state)
{
    (void)state;
    const char *s = "2026-09-01", *e = "2027-06-30";   /* 302 days: 60.4, 120.8, 181.2, 241.6 */
    window(s, e, PHASE_START, "2026-09-01", "2026-10-31");
    window(s, e, PHASE_MIDDLE, "2026-12-30", "2027-03-01");
    window(s, e, PHASE_END, "2027-04-30", "2027-06-30");
    /* across 29 February: a cycle of 365 days, 73 a fifth */
    window("2027-09-01", "2028-08-31", PHASE_MIDDLE, "2028-01-25", "2028-04-07");
    struct date_window a, b, c;
    for (int days = 1; days <= 400; days += 7) {
        char end[11];
        assert_true(clock_add_days("2026-01-15", days, end));
        assert_true(cycle_meeting_window("2026-01-15", end, PHASE_START, &a));
        assert_true(cycle_meeting_window("2026-01-15", end, PHASE_MIDDLE, &b));
        assert_true(cycle_meeting_window("2026-01-15", end, PHASE_END, &c));
        assert_string_equal(a.from, "2026-01-15");
        assert_string_equal(c.to, end);
        assert_true(strcmp(a.from, a.to) <= 0 && strcmp(a.to, b.from) <= 0);
        assert_true(strcmp(b.from, b.to) <= 0 && strcmp(b.to, c.from) <= 0);
        assert_true(strcmp(c.from, c.to) <= 0);
    }
}

static void test_no_window_without_a_real_cycle(void **state)
{
    (void)state;
    struct date_window w;
    assert_false(cycle_meeting_window("2026-09-01", "2027-06-28", PHASE_EXTRA, &w));
    assert_false(cycle_meeting_window("2026-09-01", "2026-09-01", PHASE_START, &w));
    assert_false(cycle_meeting_window("2027-06-28", "2026-09-01", PHASE_START, &w));
    assert_false(cycle_meeting_window("", "2027-06-28", PHASE_START, &w));
    assert_false(cycle_meeting_window("2026-02-30", "2027-06-28", PHASE_START, &w));
}

/* R17: three held, at least. */
static void test_R17_cycle_may_close_with_three_held(void **state)
{
    (void)state;
    assert_int_equal(CYCLE_MIN_MEETINGS_HELD, 3);
    assert_false(cycle_may_close(0));
    assert_false(cycle_may_close(2));
    assert_true(cycle_may_close(3));
    assert_true(cycle_may_close(4));
}

static void test_phases_by_key(void **state)
{
    (void)state;
    enum meeting_phase p;
    for (int i = 0; i < PHASE_COUNT; i++) {
        assert_true(meeting_phase_parse(meeting_phase_key((enum meeting_phase)i), &p));
        assert_int_equal(p, i);
        assert_true(*meeting_phase_label((enum meeting_phase)i));
    }
    assert_false(meeting_phase_parse("Start", &p));
    assert_false(meeting_phase_parse(NULL, &p));
    assert_string_equal(meeting_phase_key(PHASE_COUNT), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_R17_windows_are_fifths_of_the_cycle),
        cmocka_unit_test(test_R17_windows_round_down_and_keep_order),
        cmocka_unit_test(test_no_window_without_a_real_cycle),
        cmocka_unit_test(test_R17_cycle_may_close_with_three_held),
        cmocka_unit_test(test_phases_by_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

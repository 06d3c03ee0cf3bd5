/* test_track_record.c: R39's small-group rule, domain/track_record.c
 * tested directly: no figure for a group of fewer than small_group_min
 * people, and no hidden figure recoverable by subtracting the shown ones
 * from a shown total (complementary suppression). And the arithmetic the
 * reports use: shares, the school year of a date, medians. */
#include "testing.h"

#include "domain/outcome.h"
#include "domain/track_record.h"

/* R39: a group of 4 is not shown, a group of 5 is (the default minimum). */
static void test_R39_small_group_is_not_shown(void **state)
{
    (void)state;
    assert_false(small_group_shown(4, 5));
    assert_true(small_group_shown(5, 5));
    assert_true(small_group_shown(6, 5));
    assert_false(small_group_shown(0, 5));
    assert_false(small_group_shown(9, 10));   /* the setting decides */
    assert_true(small_group_shown(2, 2));
}

/* R39: PA with 4 people is hidden; PAR with 7 would be shown, but the year's
 * total (11) is shown, and 11 - 7 gives PA's 4 away: PAR is hidden too. */
static void test_R39_complementary_suppression_hides_the_other_cell(void **state)
{
    (void)state;
    enum cell_shown out[3];
    small_group_row((const int[]){4, 7}, 2, 5, out);
    assert_int_equal(out[0], CELL_SMALL);
    assert_int_equal(out[1], CELL_COMPLEMENT);
    assert_int_equal(out[2], CELL_SHOWN);
    /* the smallest shown group is the one hidden with it */
    enum cell_shown three[4];
    small_group_row((const int[]){9, 3, 6}, 3, 5, three);
    assert_int_equal(three[0], CELL_SHOWN);
    assert_int_equal(three[1], CELL_SMALL);
    assert_int_equal(three[2], CELL_COMPLEMENT);
    assert_int_equal(three[3], CELL_SHOWN);
}

/* Two hidden groups hide each other; a row with nothing hidden shows all;
 * a lone small group makes a small total, hidden as well. */
static void test_R39_rows_without_a_lone_hidden_cell(void **state)
{
    (void)state;
    enum cell_shown out[3];
    small_group_row((const int[]){3, 2}, 2, 5, out);
    assert_int_equal(out[0], CELL_SMALL);
    assert_int_equal(out[1], CELL_SMALL);
    assert_int_equal(out[2], CELL_SHOWN);
    small_group_row((const int[]){6, 5}, 2, 5, out);
    assert_int_equal(out[0], CELL_SHOWN);
    assert_int_equal(out[1], CELL_SHOWN);
    assert_int_equal(out[2], CELL_SHOWN);
    small_group_row((const int[]){4, 0}, 2, 5, out);
    assert_int_equal(out[0], CELL_SMALL);
    assert_int_equal(out[1], CELL_EMPTY);
    assert_int_equal(out[2], CELL_SMALL);
    small_group_row((const int[]){0, 6}, 2, 5, out);
    assert_int_equal(out[0], CELL_EMPTY);
    assert_int_equal(out[1], CELL_SHOWN);
    assert_int_equal(out[2], CELL_SHOWN);
}

static void test_R39_hidden_cells_say_why_without_a_number(void **state)
{
    (void)state;
    char t[96];
    assert_string_equal(cell_hidden_text(CELL_SMALL, 5, t, sizeof t), "fewer than 5: not shown");
    assert_string_equal(cell_hidden_text(CELL_COMPLEMENT, 5, t, sizeof t),
                        "not shown: reveals a small group");
}

static void test_shares_years_and_medians(void **state)
{
    (void)state;
    assert_int_equal(share_percent(5, 6), 83);
    assert_int_equal(share_percent(1, 2), 50);
    assert_int_equal(share_percent(1, 8), 13);   /* 12.5 rounds up */
    assert_int_equal(share_percent(3, 0), 0);
    int sy = 0;
    assert_true(school_year_of_date("2026-09-01", &sy) && sy == 2026);
    assert_true(school_year_of_date("2027-06-30", &sy) && sy == 2026);
    assert_true(school_year_of_date("2027-07-01", &sy) && sy == 2027);
    assert_false(school_year_of_date("2027-02-30", &sy));
    assert_false(school_year_of_date("", &sy));
    char y[16];
    assert_string_equal(school_year_label(2026, y, sizeof y), "2026-27");
    assert_string_equal(school_year_label(1999, y, sizeof y), "1999-00");
    assert_int_equal(median_of_counts((const int[]){1, 3, 8}, (const int[]){2, 1, 2}, 3), 3);
    assert_int_equal(median_of_counts((const int[]){2, 4}, (const int[]){2, 2}, 2), 2);
    assert_int_equal(median_of_counts(NULL, NULL, 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_R39_small_group_is_not_shown),
        cmocka_unit_test(test_R39_complementary_suppression_hides_the_other_cell),
        cmocka_unit_test(test_R39_rows_without_a_lone_hidden_cell),
        cmocka_unit_test(test_R39_hidden_cells_say_why_without_a_number),
        cmocka_unit_test(test_shares_years_and_medians),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

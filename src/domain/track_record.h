/* track_record.h: what the Track Record and the program's reports may
 * publish (R39). A figure about a group of fewer than small_group_min
 * people (setting, 5 by default) is never shown, and a figure that would
 * let a reader recover a hidden one by subtraction is hidden with it
 * (complementary suppression). Also the arithmetic of the figures: shares,
 * means, medians, and the school year a date falls in. Pure functions. */
#ifndef PARLEY_TRACK_RECORD_H
#define PARLEY_TRACK_RECORD_H
#include <stdbool.h>

/* Why a cell of a table is or is not shown. */
enum cell_shown {
    CELL_SHOWN = 0,
    CELL_EMPTY,        /* nobody in the group: nothing to hide, nothing to show */
    CELL_SMALL,        /* R39: fewer than small_group_min people */
    CELL_COMPLEMENT,   /* R39: shown, it would give away a small group by subtraction */
};

/* R39: whether a figure about a group of this many people may be shown. */
bool small_group_shown(int people, int small_group_min);

/* R39 for one row of a table: n[0..k-1] are the sizes of the row's groups
 * (the tracks of one school year), and the row also shows their total (the
 * sum). Sets out[0..k] (out[k]: the total). A group with fewer than
 * small_group_min people is hidden; and when exactly one group of the row is
 * hidden as small while the total is shown, the smallest group still shown
 * is hidden too (complementary suppression), so that no hidden figure is the
 * total minus the shown ones. Rows are independent because no table shows a
 * total across rows (across years or parties). */
void small_group_row(const int *n, int k, int small_group_min, enum cell_shown *out);

/* Whole per cent of num over den, rounded half up; 0 when den is 0. */
int share_percent(int num, int den);

/* The words a table or chart shows in place of a hidden figure. */
const char *cell_hidden_text(enum cell_shown why, int small_group_min, char *out, int size);
/* "2026-27" for 2026. */
const char *school_year_label(int year, char *out, int size);
/* The median of values given as (value, count) pairs sorted by value;
 * the lower middle when the count is even. 0 when there are none. */
int median_of_counts(const int *values, const int *counts, int n);

#endif

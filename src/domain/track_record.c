/* track_record.c: the small-group rule and the report arithmetic (R39). */
#include "domain/track_record.h"

#include <stdio.h>

#include "base/clock.h"

bool small_group_shown(int people, int small_group_min)
{
    return people >= small_group_min && people > 0;
}

static enum cell_shown cell_of(int people, int small_group_min)
{
    if (people <= 0)
        return CELL_EMPTY;
    return small_group_shown(people, small_group_min) ? CELL_SHOWN : CELL_SMALL;
}

void small_group_row(const int *n, int k, int small_group_min, enum cell_shown *out)
{
    int total = 0, small = 0, smallest = -1;
    for (int i = 0; i < k; i++) {
        total += n[i];
        out[i] = cell_of(n[i], small_group_min);
        small += out[i] == CELL_SMALL;
    }
    out[k] = cell_of(total, small_group_min);
    /* R39: total minus the shown groups would be the one hidden group. */
    if (small != 1 || out[k] != CELL_SHOWN)
        return;
    for (int i = 0; i < k; i++)
        if (out[i] == CELL_SHOWN && (smallest < 0 || n[i] < n[smallest]))
            smallest = i;
    if (smallest >= 0)
        out[smallest] = CELL_COMPLEMENT;
}

const char *cell_hidden_text(enum cell_shown why, int small_group_min, char *out, int size)
{
    switch (why) {
    case CELL_SMALL:
        snprintf(out, (size_t)size, "fewer than %d: not shown", small_group_min);
        break;
    case CELL_COMPLEMENT:
        snprintf(out, (size_t)size, "not shown: reveals a small group");
        break;
    case CELL_EMPTY:
        snprintf(out, (size_t)size, "none");
        break;
    default:
        snprintf(out, (size_t)size, "%s", "");
    }
    return out;
}

int share_percent(int num, int den)
{
    if (den <= 0)
        return 0;
    return (int)(((long long)num * 200 + den) / (2LL * den));
}

const char *school_year_label(int year, char *out, int size)
{
    snprintf(out, (size_t)size, "%d-%02d", year, (year + 1) % 100);
    return out;
}

int median_of_counts(const int *values, const int *counts, int n)
{
    long long total = 0, seen = 0;
    for (int i = 0; i < n; i++)
        total += counts[i];
    if (total <= 0)
        return 0;
    long long middle = (total + 1) / 2;   /* the lower middle, 1-based */
    for (int i = 0; i < n; i++) {
        seen += counts[i];
        if (seen >= middle)
            return values[i];
    }
    return values[n - 1];
}

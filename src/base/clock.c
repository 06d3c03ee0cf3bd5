#include "base/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void clock_set_zone(const char *tz)
{
    if (tz && *tz)
        setenv("TZ", tz, 1);
    tzset();
}

int64_t clock_now(void)
{
    return (int64_t)time(NULL);
}

int64_t clock_calendar_now(void)
{
    int64_t offset = 0;
#ifdef PARLEY_TEST_CLOCK
    const char *path = getenv("PARLEY_TEST_CLOCK");
    FILE *f = path && *path ? fopen(path, "r") : NULL;
    if (f) {
        long long v = 0;
        if (fscanf(f, "%lld", &v) == 1)
            offset = (int64_t)v;
        fclose(f);
    }
#endif
    return clock_now() + offset;
}

int64_t clock_micros(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static char *format_local(arena *a, int64_t t, const char *fmt)
{
    time_t tt = (time_t)t;
    struct tm tm;
    char out[64];
    localtime_r(&tt, &tm);
    strftime(out, sizeof out, fmt, &tm);
    return arena_strdup(a, out);
}

char *clock_format(arena *a, int64_t t)
{
    return format_local(a, t, "%-d %b %Y, %H:%M");
}

char *clock_date(arena *a, int64_t t)
{
    return format_local(a, t, "%Y-%m-%d");
}

char *clock_iso(arena *a, int64_t t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    char out[32];
    gmtime_r(&tt, &tm);
    strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return arena_strdup(a, out);
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

bool clock_parse_date(const char *s, int *y, int *m, int *d)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    *y = atoi(s);
    *m = atoi(s + 5);
    *d = atoi(s + 8);
    return *y >= 1900 && *y <= 2999 && *m >= 1 && *m <= 12 && *d >= 1 &&
           *d <= days_in_month(*y, *m);
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static int64_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

bool clock_day_number(const char *date, int64_t *day)
{
    int y, m, d;
    if (!clock_parse_date(date, &y, &m, &d))
        return false;
    *day = days_from_civil(y, m, d);
    return true;
}

void clock_day_date(int64_t day, char out[11])
{
    day += 719468;
    int64_t era = (day >= 0 ? day : day - 146096) / 146097;
    int64_t doe = day - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    int y = (int)(yoe + era * 400 + (m <= 2));
    /* Kept to four-digit years, so it always fits. */
    unsigned uy = y < 1000 ? 1000u : y > 9999 ? 9999u : (unsigned)y;
    snprintf(out, 11, "%04u-%02u-%02u", uy % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
}

char *clock_day_words(arena *a, const char *date)
{
    static const char *const weekdays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int y, m, d;
    int64_t day;
    if (!date || !clock_parse_date(date, &y, &m, &d) || !clock_day_number(date, &day))
        return NULL;
    /* 1970-01-01, day 0, was a Thursday. */
    return arena_printf(a, "%s %d %s %d", weekdays[((day % 7) + 7) % 7], d, months[m - 1], y);
}

bool clock_add_days(const char *date, int days, char out[11])
{
    int64_t n;
    if (!clock_day_number(date, &n))
        return false;
    clock_day_date(n + days, out);
    return true;
}

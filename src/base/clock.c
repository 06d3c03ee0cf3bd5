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

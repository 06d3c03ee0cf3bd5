/* clock.h: time. Stored times are Unix seconds (UTC); what people see is in
 * the program's time zone, set once at start-up. Dates as "YYYY-MM-DD". */
#ifndef PARLEY_CLOCK_H
#define PARLEY_CLOCK_H
#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"

/* Sets the process time zone (TZ) once, before threads start. */
void clock_set_zone(const char *tz);
int64_t clock_now(void);
/* Now on the program's calendar: the time records are stamped with and
 * deadlines are counted from. In the test build only (PARLEY_TEST_CLOCK),
 * the file named by the environment's PARLEY_TEST_CLOCK may hold seconds
 * to add, so that a test walks a case through its months in seconds;
 * sign-ins and sessions keep clock_now(). */
int64_t clock_calendar_now(void);
/* Microseconds on a monotonic clock, for durations. */
int64_t clock_micros(void);
/* "24 Nov 2026, 10:05" in the program's zone. */
char *clock_format(arena *a, int64_t t);
/* "2026-11-24" in the program's zone. */
char *clock_date(arena *a, int64_t t);
/* ISO 8601 UTC: "2026-11-24T10:05:00Z". */
char *clock_iso(arena *a, int64_t t);
/* Parses "YYYY-MM-DD" strictly (a real calendar date). */
bool clock_parse_date(const char *s, int *y, int *m, int *d);
/* A date's day number (days since 1970-01-01), for date arithmetic;
 * false when it is not a real "YYYY-MM-DD". */
bool clock_day_number(const char *date, int64_t *day);
/* The date of a day number, "YYYY-MM-DD". */
void clock_day_date(int64_t day, char out[11]);
/* "Sat 2 May 2026"; NULL when date is not a real "YYYY-MM-DD". */
char *clock_day_words(arena *a, const char *date);
/* date + days (negative: before); false when date is not a real date. */
bool clock_add_days(const char *date, int days, char out[11]);

#endif

/* ical.h: iCalendar text (RFC 5545) for the parley meetings' calendar
 * files and personal feeds (R17): one VCALENDAR (METHOD:PUBLISH) of
 * VEVENTs. Lines end in CRLF and are folded at 75 octets, never inside a
 * UTF-8 character; TEXT values are escaped (\\ \; \, \n). Times are written
 * in UTC ("...Z"), so no VTIMEZONE is needed. */
#ifndef PARLEY_ICAL_H
#define PARLEY_ICAL_H
#include <stdbool.h>
#include <stdint.h>

#include "base/buf.h"

struct ical_event {
    const char *uid;                 /* stable across changes: "...@parley" */
    int64_t start, end;              /* Unix seconds */
    bool all_day;                    /* a day, not a time (a deadline): DTSTART;VALUE=DATE */
    const char *date;                /* that day, "YYYY-MM-DD" */
    int64_t stamp;                   /* DTSTAMP: when this text was made */
    int sequence;                    /* bumped when the time or status changes */
    const char *summary, *location, *description;   /* plain text; NULL: left out */
    /* ORGANIZER, which iTIP's PUBLISH asks for (RFC 5546): who arranges it. */
    const char *organizer_name, *organizer_email;   /* NULL email: left out */
    bool cancelled;                  /* STATUS:CANCELLED, else CONFIRMED */
};

/* name: the calendar's name for clients that show one (NULL: none). */
void ical_begin(buf *b, const char *prodid, const char *name);
void ical_event(buf *b, const struct ical_event *e);
void ical_end(buf *b);

/* "YYYY-MM-DD HH:MM" in the process's time zone (TZ, which
 * clock_set_zone() sets at start-up) as Unix seconds; false when it is not
 * such a time. */
bool ical_local_time(const char *local, int64_t *out);

#endif

/* ical.h: iCalendar (RFC 5545), built as libical's components and
 * written by libical (its folding and escaping): the calendar files and
 * personal feeds (METHOD:PUBLISH), and the invitations to one meeting or
 * Panel session (RFC 5546, iTIP: METHOD:REQUEST, sent again with a
 * greater SEQUENCE when it changes, and METHOD:CANCEL). Times are written
 * in UTC ("...Z"), so no VTIMEZONE is needed. */
#ifndef PARLEY_ICAL_H
#define PARLEY_ICAL_H
#include <stdbool.h>
#include <stdint.h>

#include "base/buf.h"

enum ical_method { ICAL_PUBLISH, ICAL_REQUEST, ICAL_CANCEL };

struct ical_person {
    const char *name;                /* the CN; NULL: none */
    const char *email;               /* NULL or "": the person is left out */
};

struct ical_event {
    const char *uid;                 /* stable across changes: "...@parley" */
    int64_t start, end;              /* Unix seconds */
    bool all_day;                    /* a day, not a time (a deadline): DTSTART;VALUE=DATE */
    const char *date;                /* that day, "YYYY-MM-DD" */
    int64_t stamp;                   /* DTSTAMP: when this text was made */
    int sequence;                    /* bumped when the time, place or status changes */
    const char *summary, *location, *description;   /* plain text; NULL: left out */
    struct ical_person organizer;    /* who arranges it (iTIP asks for one) */
    /* Who is invited: REQUEST and CANCEL only (PUBLISH carries none, RFC
     * 5546 3.2.1). Each is a required participant who need not reply. */
    const struct ical_person *attendees;
    int nattendees;
    bool cancelled;                  /* STATUS:CANCELLED (always so with CANCEL) */
};

struct ical_calendar {
    enum ical_method method;
    const char *prodid;
    const char *name;                /* for clients that show one; NULL: none */
};

/* The calendar with its n events, appended to b as text: CRLF lines
 * folded at 75 octets. Text given is plain: a CR or CRLF is a line break,
 * other control characters are dropped. */
void ical_write(buf *b, const struct ical_calendar *cal, const struct ical_event *events, int n);

/* "YYYY-MM-DD HH:MM" in the process's time zone (TZ, which
 * clock_set_zone() sets at start-up) as Unix seconds; false when it is not
 * such a time. */
bool ical_local_time(const char *local, int64_t *out);

#endif

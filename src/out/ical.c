/* ical.c: the iCalendar writer. Each property is built as one logical
 * line and then folded, so that escaping and folding each happen in one
 * place. */
#include "out/ical.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/clock.h"

#define FOLD_AT 75   /* octets per physical line, CRLF excluded (RFC 5545 3.1) */

/* Writes one content line, folded: a continuation line starts with a
 * space, which counts toward its 75 octets. A cut never falls before a
 * UTF-8 continuation byte (10xxxxxx), so no character is split. */
static void put_folded(buf *b, const char *line, size_t len)
{
    size_t room = FOLD_AT;
    while (len > room) {
        size_t cut = room;
        while (cut > 1 && ((unsigned char)line[cut] & 0xC0) == 0x80)
            cut--;
        buf_append(b, line, cut);
        buf_puts(b, "\r\n ");
        line += cut;
        len -= cut;
        room = FOLD_AT - 1;
    }
    buf_append(b, line, len);
    buf_puts(b, "\r\n");
}

/* TEXT (RFC 5545 3.3.11): backslash, semicolon and comma escaped, a line
 * break (LF, CRLF or CR) as \n; other control characters are dropped. */
static void escape_text(buf *out, const char *s)
{
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '\\' || ch == ';' || ch == ',') {
            buf_putc(out, '\\');
            buf_putc(out, (char)ch);
        } else if (ch == '\r' || ch == '\n') {
            if (ch == '\r' && s[1] == '\n')
                s++;
            buf_puts(out, "\\n");
        } else if (ch >= 0x20 && ch != 0x7F) {
            buf_putc(out, (char)ch);
        } else if (ch == '\t') {
            buf_putc(out, ' ');
        }
    }
}

static void prop_raw(buf *b, const char *name, const char *value)
{
    buf line;
    buf_init(&line, NULL);
    buf_printf(&line, "%s:%s", name, value);
    put_folded(b, line.s, line.len);
    buf_release(&line);
}

static void prop_text(buf *b, const char *name, const char *value)
{
    if (!value)
        return;
    buf line;
    buf_init(&line, NULL);
    buf_printf(&line, "%s:", name);
    escape_text(&line, value);
    put_folded(b, line.s, line.len);
    buf_release(&line);
}

/* ORGANIZER;CN="Name":mailto:address. A quoted parameter value holds no
 * double quote and no control character (RFC 5545 3.1), nor does the
 * address. */
static void prop_organizer(buf *b, const char *name, const char *email)
{
    buf line;
    buf_init(&line, NULL);
    buf_puts(&line, "ORGANIZER;CN=\"");
    for (const char *p = name ? name : ""; *p; p++)
        if ((unsigned char)*p >= 0x20 && *p != '"' && *p != 0x7F)
            buf_putc(&line, *p);
    buf_puts(&line, "\":mailto:");
    for (const char *p = email; *p; p++)
        if ((unsigned char)*p > 0x20 && *p != 0x7F)
            buf_putc(&line, *p);
    put_folded(b, line.s, line.len);
    buf_release(&line);
}

/* DATE-TIME in UTC: 20260914T193000Z. */
static void prop_utc(buf *b, const char *name, int64_t t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    char value[20];
    gmtime_r(&tt, &tm);
    strftime(value, sizeof value, "%Y%m%dT%H%M%SZ", &tm);
    prop_raw(b, name, value);
}

/* A whole day, "YYYY-MM-DD" plus days_after (DTEND is the day after). */
static void prop_day(buf *b, const char *name, const char *date, int days_after)
{
    struct tm tm = {0};
    char value[16];
    if (sscanf(date ? date : "", "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
        return;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    tm.tm_mday += days_after;
    tm.tm_hour = 12;   /* away from any daylight-saving edge */
    time_t t = timegm(&tm);
    gmtime_r(&t, &tm);
    strftime(value, sizeof value, "%Y%m%d", &tm);
    buf_printf(b, "%s;VALUE=DATE:%s\r\n", name, value);
}

void ical_begin(buf *b, const char *prodid, const char *name)
{
    prop_raw(b, "BEGIN", "VCALENDAR");
    prop_raw(b, "VERSION", "2.0");
    prop_text(b, "PRODID", prodid);
    prop_raw(b, "CALSCALE", "GREGORIAN");
    prop_raw(b, "METHOD", "PUBLISH");
    prop_text(b, "X-WR-CALNAME", name);
}

void ical_event(buf *b, const struct ical_event *e)
{
    char sequence[16];
    snprintf(sequence, sizeof sequence, "%d", e->sequence);
    prop_raw(b, "BEGIN", "VEVENT");
    prop_text(b, "UID", e->uid);
    prop_utc(b, "DTSTAMP", e->stamp);
    if (e->all_day) {
        prop_day(b, "DTSTART", e->date, 0);
        prop_day(b, "DTEND", e->date, 1);
    } else {
        prop_utc(b, "DTSTART", e->start);
        prop_utc(b, "DTEND", e->end);
    }
    prop_raw(b, "SEQUENCE", sequence);
    if (e->organizer_email)
        prop_organizer(b, e->organizer_name, e->organizer_email);
    prop_text(b, "SUMMARY", e->summary);
    prop_text(b, "LOCATION", e->location);
    prop_text(b, "DESCRIPTION", e->description);
    prop_raw(b, "STATUS", e->cancelled ? "CANCELLED" : "CONFIRMED");
    prop_raw(b, "END", "VEVENT");
}

void ical_end(buf *b)
{
    prop_raw(b, "END", "VCALENDAR");
}

bool ical_local_time(const char *local, int64_t *out)
{
    int y, mo, d, h, mi;
    char date[11], rest;
    if (!local || strlen(local) != 16 || local[10] != ' ' || local[13] != ':')
        return false;
    memcpy(date, local, 10);
    date[10] = '\0';
    if (!clock_parse_date(date, &y, &mo, &d) ||
        sscanf(local + 11, "%2d:%2d%c", &h, &mi, &rest) != 2 || h < 0 || h > 23 || mi < 0 ||
        mi > 59)
        return false;
    /* mktime reads the wall clock in TZ and settles daylight saving
     * itself (tm_isdst -1). */
    struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h,
                    .tm_min = mi, .tm_isdst = -1};
    time_t t = mktime(&tm);
    if (t == (time_t)-1)
        return false;
    *out = (int64_t)t;
    return true;
}

/* ical.c: the iCalendar writer on libical. Each calendar is built as a
 * tree of components and properties, and libical writes it: the folding
 * and the escaping are libical's. Here only what is given is made plain
 * (no control characters) before libical sees it. */
#include "out/ical.h"

#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/clock.h"

/* How a value is made plain: TEXT keeps line breaks (as LF); a name (a
 * CN, the calendar's name) is one line and holds no double quote (RFC
 * 5545 3.1: a quoted parameter value cannot), which clients that do not
 * know RFC 6868's ^' would show; an address holds no space either. */
enum plain { PLAIN_TEXT, PLAIN_NAME, PLAIN_ADDRESS };

/* Appends s to out, made plain. */
static void plain(buf *out, const char *s, enum plain how)
{
    buf_puts(out, "");
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        bool line_break = ch == '\r' || ch == '\n';
        if (ch == '\r' && s[1] == '\n')
            s++;
        if (line_break && how == PLAIN_TEXT)
            buf_putc(out, '\n');
        else if ((line_break || ch == '\t' || ch == ' ') && how != PLAIN_ADDRESS)
            buf_putc(out, ' ');
        else if (ch > 0x20 && ch != 0x7F && (how == PLAIN_TEXT || ch != '"'))
            buf_putc(out, (char)ch);
    }
}

/* A property made by make from the plain value (libical copies it). */
static icalproperty *property(icalproperty *(*make)(const char *), const char *prefix,
                              const char *value, enum plain how)
{
    buf v;
    buf_init(&v, NULL);
    buf_puts(&v, prefix);
    plain(&v, value, how);
    icalproperty *p = make(v.s);
    buf_release(&v);
    return p;
}

/* A TEXT property (SUMMARY, LOCATION...), left out when value is NULL. */
static void add_text(icalcomponent *c, icalproperty *(*make)(const char *), const char *value)
{
    if (value)
        icalcomponent_add_property(c, property(make, "", value, PLAIN_TEXT));
}

static struct icaltimetype utc(int64_t t)
{
    return icaltime_from_timet_with_zone((time_t)t, 0, icaltimezone_get_utc_timezone());
}

/* "YYYY-MM-DD" as a DATE value, days_after it (DTEND is the day after). */
static bool day(const char *date, int days_after, struct icaltimetype *out)
{
    int y, m, d;
    if (!date || !clock_parse_date(date, &y, &m, &d))
        return false;
    *out = icaltime_null_date();
    out->year = y;
    out->month = m;
    out->day = d;
    icaltime_adjust(out, days_after, 0, 0, 0);
    return true;
}

static icalparameter *common_name(const char *name)
{
    buf v;
    buf_init(&v, NULL);
    plain(&v, name, PLAIN_NAME);
    icalparameter *p = icalparameter_new_cn(v.s);
    buf_release(&v);
    return p;
}

/* ORGANIZER or ATTENDEE: "mailto:" the address, its CN the name. */
static icalproperty *person(icalproperty *(*make)(const char *), const struct ical_person *p)
{
    icalproperty *prop = property(make, "mailto:", p->email, PLAIN_ADDRESS);
    if (p->name)
        icalproperty_add_parameter(prop, common_name(p->name));
    return prop;
}

/* An invited person: required, no reply asked for (Parley takes none). */
static icalproperty *attendee(const struct ical_person *p)
{
    icalproperty *prop = person(icalproperty_new_attendee, p);
    icalproperty_add_parameter(prop, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
    icalproperty_add_parameter(prop, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
    icalproperty_add_parameter(prop, icalparameter_new_rsvp(ICAL_RSVP_FALSE));
    return prop;
}

static bool has_email(const struct ical_person *p)
{
    return p->email && *p->email;
}

static void add_times(icalcomponent *ev, const struct ical_event *e)
{
    struct icaltimetype from, to;
    if (e->all_day && day(e->date, 0, &from) && day(e->date, 1, &to)) {
        icalcomponent_add_property(ev, icalproperty_new_dtstart(from));
        icalcomponent_add_property(ev, icalproperty_new_dtend(to));
    } else if (!e->all_day) {
        icalcomponent_add_property(ev, icalproperty_new_dtstart(utc(e->start)));
        icalcomponent_add_property(ev, icalproperty_new_dtend(utc(e->end)));
    }
}

static icalcomponent *event(enum ical_method method, const struct ical_event *e)
{
    icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    add_text(ev, icalproperty_new_uid, e->uid);
    icalcomponent_add_property(ev, icalproperty_new_dtstamp(utc(e->stamp)));
    add_times(ev, e);
    icalcomponent_add_property(ev, icalproperty_new_sequence(e->sequence));
    if (has_email(&e->organizer))
        icalcomponent_add_property(ev, person(icalproperty_new_organizer, &e->organizer));
    /* RFC 5546 3.2.1: a PUBLISH names no attendees. */
    for (int i = 0; method != ICAL_PUBLISH && i < e->nattendees; i++)
        if (has_email(&e->attendees[i]))
            icalcomponent_add_property(ev, attendee(&e->attendees[i]));
    add_text(ev, icalproperty_new_summary, e->summary);
    add_text(ev, icalproperty_new_location, e->location);
    add_text(ev, icalproperty_new_description, e->description);
    bool cancelled = e->cancelled || method == ICAL_CANCEL;   /* RFC 5546 3.2.5 */
    icalcomponent_add_property(
        ev, icalproperty_new_status(cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
    return ev;
}

static const icalproperty_method methods[] = {
    [ICAL_PUBLISH] = ICAL_METHOD_PUBLISH,
    [ICAL_REQUEST] = ICAL_METHOD_REQUEST,
    [ICAL_CANCEL] = ICAL_METHOD_CANCEL,
};

void ical_write(buf *b, const struct ical_calendar *cal, const struct ical_event *events, int n)
{
    icalcomponent *root = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
    icalcomponent_add_property(root, icalproperty_new_version("2.0"));
    add_text(root, icalproperty_new_prodid, cal->prodid);
    icalcomponent_add_property(root, icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(root, icalproperty_new_method(methods[cal->method]));
    if (cal->name) {
        /* An X- property's value is written as it is: one plain line. */
        icalproperty *p = property(icalproperty_new_x, "", cal->name, PLAIN_NAME);
        icalproperty_set_x_name(p, "X-WR-CALNAME");
        icalcomponent_add_property(root, p);
    }
    for (int i = 0; i < n; i++)
        icalcomponent_add_component(root, event(cal->method, &events[i]));
    char *text = icalcomponent_as_ical_string_r(root);
    buf_puts(b, text);
    free(text);
    icalcomponent_free(root);
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

/* test_ical.c: what out/ical.c writes, parsed back with libical (R17's
 * calendar files and feeds must import cleanly): tricky text (commas,
 * semicolons, backslashes, line breaks, long UTF-8 text) comes back
 * unchanged; lines are CRLF and folded at 75 octets, never inside a
 * character; times are UTC; local times convert through the zone. An
 * invitation (RFC 5546) is a REQUEST naming each person invited, or a
 * CANCEL whose event says CANCELLED; a feed (PUBLISH) names nobody. */
#include "testing.h"

#include <libical/ical.h>
#include <stdlib.h>

#include "base/clock.h"
#include "out/ical.h"

#define START 1789414200   /* 2026-09-14 19:30:00Z */

static const char *summary = "Parley meeting: Dana Whitfield; \"start\", room 12 \\ annex";
static const char *location = "Riverside HS, library; 2nd floor\nby the lab";
/* Long, multibyte, so that folds fall near characters of 2, 3 and 4 octets. */
static char description[2048];

static void fill_description(void)
{
    description[0] = '\0';
    for (int i = 0; i < 12; i++)
        strcat(description, "Zoë's café — 日本語のテキスト ✓ 🙂, ");
    strcat(description, "\nNext; bring the plan.");
}

static const struct ical_person invited[] = {
    {"Zoë O'Neil, teacher", "teacher@parley.test"},
    {"Dana \"DW\" Whitfield", "ct1@parley.test"},
    {"Nobody without an address", NULL},
    {"Pat; Principal", "principal@parley.test"},
};
#define NINVITED ((int)(sizeof invited / sizeof *invited))

/* A calendar of one event, as text to free. */
static char *write_one(enum ical_method method, const char *name, const struct ical_event *e)
{
    buf b;
    buf_init(&b, NULL);
    ical_write(&b, &(struct ical_calendar){method, "-//Parley//Test//EN", name}, e, 1);
    char *text = strdup(buf_cstr(&b));
    buf_release(&b);
    return text;
}

static char *write_method(enum ical_method method, bool cancelled)
{
    return write_one(method, "Parley meetings of Zoë",
                     &(struct ical_event){.uid = "0123abcd@parley", .start = START,
                                          .end = START + 45 * 60, .stamp = START - 86400,
                                          .sequence = 2, .summary = summary, .location = location,
                                          .description = description, .cancelled = cancelled,
                                          .organizer = {"Dana \"DW\" Whitfield", "ct1@parley.test"},
                                          .attendees = invited, .nattendees = NINVITED});
}

static char *write_calendar(bool cancelled)
{
    return write_method(ICAL_PUBLISH, cancelled);
}

/* Every line ends in CRLF, is at most 75 octets, and a continuation line
 * starts with a space followed by the start of a character. */
static void test_lines_are_crlf_and_folded(void **state)
{
    (void)state;
    char *text = write_calendar(false);
    int folds = 0;
    for (char *line = text; *line;) {
        char *end = strstr(line, "\r\n");
        assert_non_null(end);
        assert_true(end - line <= 75);
        for (char *p = line; p < end; p++)
            assert_true(*p != '\n' && *p != '\r');
        if (*line == ' ') {
            folds++;
            assert_true(((unsigned char)line[1] & 0xC0) != 0x80);
        }
        line = end + 2;
    }
    assert_true(folds >= 5);
    free(text);
}

static icalcomponent *parse_event(const char *text, icalcomponent **cal)
{
    *cal = icalparser_parse_string(text);
    assert_non_null(*cal);
    assert_int_equal(icalcomponent_isa(*cal), ICAL_VCALENDAR_COMPONENT);
    assert_int_equal(icalcomponent_count_errors(*cal), 0);
    assert_int_equal(icalcomponent_count_components(*cal, ICAL_VEVENT_COMPONENT), 1);
    return icalcomponent_get_first_component(*cal, ICAL_VEVENT_COMPONENT);
}

static void test_libical_reads_it_back(void **state)
{
    (void)state;
    char *text = write_calendar(false);
    icalcomponent *cal, *ev = parse_event(text, &cal);
    assert_int_equal(icalcomponent_get_method(cal), ICAL_METHOD_PUBLISH);
    /* iTIP's restrictions for PUBLISH (RFC 5546) hold: ORGANIZER included,
     * no ATTENDEE */
    assert_int_equal(icalrestriction_check(cal), 1);
    assert_null(icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY));
    icalproperty *organizer = icalcomponent_get_first_property(ev, ICAL_ORGANIZER_PROPERTY);
    assert_string_equal(icalproperty_get_organizer(organizer), "mailto:ct1@parley.test");
    icalparameter *cn = icalproperty_get_first_parameter(organizer, ICAL_CN_PARAMETER);
    assert_string_equal(icalparameter_get_cn(cn), "Dana DW Whitfield");
    icalproperty *version = icalcomponent_get_first_property(cal, ICAL_VERSION_PROPERTY);
    assert_string_equal(icalproperty_get_version(version), "2.0");
    assert_non_null(icalcomponent_get_first_property(cal, ICAL_PRODID_PROPERTY));
    assert_string_equal(icalcomponent_get_uid(ev), "0123abcd@parley");
    assert_string_equal(icalcomponent_get_summary(ev), summary);
    assert_string_equal(icalcomponent_get_location(ev), location);
    assert_string_equal(icalcomponent_get_description(ev), description);
    struct icaltimetype start = icalcomponent_get_dtstart(ev);
    assert_true(icaltime_is_utc(start));
    assert_int_equal(icaltime_as_timet(start), START);
    assert_int_equal(icaltime_as_timet(icalcomponent_get_dtend(ev)), START + 45 * 60);
    assert_int_equal(icaltime_as_timet(icalcomponent_get_dtstamp(ev)), START - 86400);
    assert_int_equal(icalcomponent_get_sequence(ev), 2);
    assert_int_equal(icalcomponent_get_status(ev), ICAL_STATUS_CONFIRMED);
    icalcomponent_free(cal);
    free(text);
}

static void test_a_cancelled_meeting_says_so(void **state)
{
    (void)state;
    char *text = write_calendar(true);
    icalcomponent *cal, *ev = parse_event(text, &cal);
    assert_int_equal(icalcomponent_get_status(ev), ICAL_STATUS_CANCELLED);
    icalcomponent_free(cal);
    free(text);
}

/* A CRLF or a lone CR in the text is a line break too; control
 * characters are dropped rather than written into the calendar. */
static void test_line_breaks_and_control_characters(void **state)
{
    (void)state;
    char *text = write_one(ICAL_PUBLISH, NULL,
                           &(struct ical_event){.uid = "x@parley", .start = START,
                                                .end = START + 60, .stamp = START,
                                                .summary = "one\r\ntwo\rthree\x01!"});
    icalcomponent *cal, *ev = parse_event(text, &cal);
    assert_string_equal(icalcomponent_get_summary(ev), "one\ntwo\nthree!");
    assert_null(icalcomponent_get_first_property(ev, ICAL_LOCATION_PROPERTY));
    assert_null(strstr(text, "X-WR-CALNAME"));
    icalcomponent_free(cal);
    free(text);
}

/* The invited people as the parsed event names them: "mailto:..." and
 * their CN, each a required participant asked for no reply. */
static int attendees_of(icalcomponent *ev, const char **addresses, const char **names, int max)
{
    int n = 0;
    for (icalproperty *p = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY);
         p && n < max; p = icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY), n++) {
        addresses[n] = icalproperty_get_attendee(p);
        names[n] = icalparameter_get_cn(icalproperty_get_first_parameter(p, ICAL_CN_PARAMETER));
        icalparameter *role = icalproperty_get_first_parameter(p, ICAL_ROLE_PARAMETER);
        icalparameter *partstat = icalproperty_get_first_parameter(p, ICAL_PARTSTAT_PARAMETER);
        icalparameter *rsvp = icalproperty_get_first_parameter(p, ICAL_RSVP_PARAMETER);
        assert_non_null(role);
        assert_int_equal(icalparameter_get_role(role), ICAL_ROLE_REQPARTICIPANT);
        assert_non_null(partstat);
        assert_int_equal(icalparameter_get_partstat(partstat), ICAL_PARTSTAT_NEEDSACTION);
        assert_non_null(rsvp);
        assert_int_equal(icalparameter_get_rsvp(rsvp), ICAL_RSVP_FALSE);
    }
    return n;
}

/* The invitation written with method and parsed back: iTIP's restrictions
 * for its method met (RFC 5546), its UID, and the three people invited
 * who have an address. */
static icalcomponent *invitation(enum ical_method method, char **text, icalcomponent **cal,
                                 const char **addresses, const char **names)
{
    *text = write_method(method, false);
    icalcomponent *ev = parse_event(*text, cal);
    assert_int_equal(icalrestriction_check(*cal), 1);
    assert_string_equal(icalcomponent_get_uid(ev), "0123abcd@parley");
    assert_int_equal(attendees_of(ev, addresses, names, 8), 3);
    return ev;
}

/* RFC 5546: a REQUEST names its organizer and everyone invited who has an
 * address. */
static void test_an_invitation_is_a_request_naming_who_is_invited(void **state)
{
    (void)state;
    char *text;
    const char *addresses[8], *names[8];
    icalcomponent *cal, *ev = invitation(ICAL_REQUEST, &text, &cal, addresses, names);
    assert_int_equal(icalcomponent_get_method(cal), ICAL_METHOD_REQUEST);
    assert_int_equal(icalcomponent_get_sequence(ev), 2);
    assert_int_equal(icalcomponent_get_status(ev), ICAL_STATUS_CONFIRMED);
    assert_string_equal(addresses[0], "mailto:teacher@parley.test");
    assert_string_equal(names[0], "Zoë O'Neil, teacher");
    assert_string_equal(addresses[1], "mailto:ct1@parley.test");
    assert_string_equal(names[1], "Dana DW Whitfield");
    assert_string_equal(addresses[2], "mailto:principal@parley.test");
    assert_string_equal(names[2], "Pat; Principal");
    icalproperty *organizer = icalcomponent_get_first_property(ev, ICAL_ORGANIZER_PROPERTY);
    assert_string_equal(icalproperty_get_organizer(organizer), "mailto:ct1@parley.test");
    icalcomponent_free(cal);
    free(text);
}

/* RFC 5546 3.2.5: a CANCEL's event is CANCELLED, whatever it was given,
 * and names who it is cancelled for. */
static void test_a_cancel_says_cancelled(void **state)
{
    (void)state;
    char *text;
    const char *addresses[8], *names[8];
    icalcomponent *cal, *ev = invitation(ICAL_CANCEL, &text, &cal, addresses, names);
    assert_int_equal(icalcomponent_get_method(cal), ICAL_METHOD_CANCEL);
    assert_int_equal(icalcomponent_get_status(ev), ICAL_STATUS_CANCELLED);
    icalcomponent_free(cal);
    free(text);
}

/* An address cannot carry a line of its own into the calendar. */
static void test_an_address_stays_one_value(void **state)
{
    (void)state;
    const struct ical_person sly = {"Sly\r\nATTENDEE:mailto:x@evil.test", "a@b.test\r\nX-EVIL:1 "};
    char *text = write_one(ICAL_REQUEST, NULL,
                           &(struct ical_event){.uid = "y@parley", .start = START,
                                                .end = START + 60, .stamp = START,
                                                .summary = "s", .organizer = sly,
                                                .attendees = &sly, .nattendees = 1});
    icalcomponent *cal, *ev = parse_event(text, &cal);
    assert_null(strstr(text, "\r\nX-EVIL"));
    assert_null(strstr(text, "\r\nATTENDEE:mailto:x@evil"));
    const char *addresses[8], *names[8];
    assert_int_equal(attendees_of(ev, addresses, names, 8), 1);
    assert_string_equal(addresses[0], "mailto:a@b.testX-EVIL:1");
    assert_string_equal(names[0], "Sly ATTENDEE:mailto:x@evil.test");
    icalcomponent_free(cal);
    free(text);
}

/* The program's local "YYYY-MM-DD HH:MM" through the zone, daylight
 * saving included. */
static void test_local_time_through_the_zone(void **state)
{
    (void)state;
    clock_set_zone("America/New_York");
    int64_t t;
    assert_true(ical_local_time("2026-10-20 15:00", &t));
    assert_int_equal(t, 1792522800);   /* 19:00Z: EDT, UTC-4 */
    assert_true(ical_local_time("2027-01-15 15:00", &t));
    assert_int_equal(t, 1800043200);   /* 20:00Z: EST, UTC-5 */
    assert_false(ical_local_time("2026-10-20T15:00", &t));
    assert_false(ical_local_time("2026-02-30 15:00", &t));
    assert_false(ical_local_time("2026-10-20 24:00", &t));
    assert_false(ical_local_time("2026-10-20 15:00:00", &t));
    assert_false(ical_local_time(NULL, &t));
}

int main(void)
{
    fill_description();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lines_are_crlf_and_folded),
        cmocka_unit_test(test_libical_reads_it_back),
        cmocka_unit_test(test_a_cancelled_meeting_says_so),
        cmocka_unit_test(test_line_breaks_and_control_characters),
        cmocka_unit_test(test_an_invitation_is_a_request_naming_who_is_invited),
        cmocka_unit_test(test_a_cancel_says_cancelled),
        cmocka_unit_test(test_an_address_stays_one_value),
        cmocka_unit_test(test_local_time_through_the_zone),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

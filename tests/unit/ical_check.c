/* ical_check: reads a calendar file (a person's feed, as a calendar app
 * fetches it) with libical, the way an importing calendar does, and says
 * whether it imports cleanly: one VCALENDAR, no parse errors, iTIP's
 * restrictions for its METHOD (RFC 5546) met, every event with a UID, a
 * start and an end. Prints "N events" and exits 0, or says what is wrong
 * and exits 1. The browser suite runs it on a feed it downloaded (issue 7). */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *text = malloc(cap + 1);
    size_t got;
    while (text && (got = fread(text + n, 1, cap - n, f)) > 0)
        if ((n += got) == cap && !(text = realloc(text, (cap *= 2) + 1)))
            break;
    fclose(f);
    if (text)
        text[n] = '\0';
    return text;
}

static int fail(const char *what)
{
    fprintf(stderr, "ical_check: %s\n", what);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return fail("usage: ical_check FILE");
    char *text = read_file(argv[1]);
    if (!text)
        return fail("cannot read the file");
    icalcomponent *cal = icalparser_parse_string(text);
    free(text);
    if (!cal || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT)
        return fail("not a VCALENDAR");
    if (icalcomponent_count_errors(cal) != 0)
        return fail("libical found errors in it");
    if (icalrestriction_check(cal) != 1)
        return fail("iTIP's restrictions for its METHOD are not met");
    int n = 0;
    for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), n++)
        if (!icalcomponent_get_uid(ev) || icaltime_is_null_time(icalcomponent_get_dtstart(ev)) ||
            icaltime_is_null_time(icalcomponent_get_dtend(ev)))
            return fail("an event without a UID, a start or an end");
    icalcomponent_free(cal);
    printf("%d events\n", n);
    return 0;
}

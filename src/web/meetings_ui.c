/* meetings_ui.c: dates in words and refusals for the coaching log's, the
 * meetings' and the calendar's pages. */
#include "web/meetings_ui.h"

#include <inttypes.h>
#include <string.h>

#include "base/clock.h"
#include "out/html.h"

/* "Sat 2 May 2026": the weekday from the day number (1970-01-01 was a
 * Thursday). */
static const char *day_words(req *r, const char *ymd)
{
    static const char *const weekdays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int y, m, d;
    int64_t day;
    if (!clock_parse_date(ymd, &y, &m, &d) || !clock_day_number(ymd, &day))
        return NULL;
    return arena_printf(r->a, "%s %d %s %d", weekdays[((day % 7) + 7) % 7], d, months[m - 1], y);
}

void html_day(req *r, const char *ymd)
{
    const char *words = day_words(r, ymd);
    if (words)
        html_printf(&r->out, "<time datetime=\"%s\">%s, %s</time>", ymd, ymd, words);
    else
        html_printf(&r->out, "%s", ymd);
}

void html_local_time(req *r, const char *local)
{
    const char *date = local ? arena_strndup(r->a, local, 10) : "";
    const char *words = local && strlen(local) == 16 ? day_words(r, date) : NULL;
    if (words)
        html_printf(&r->out, "<time datetime=\"%sT%s\">%s, %s</time>", date, local + 11, local,
                    words);
    else
        html_printf(&r->out, "%s", local ? local : "");
}


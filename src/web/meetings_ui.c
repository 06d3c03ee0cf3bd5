/* meetings_ui.c: dates in words and refusals for the coaching log's, the
 * meetings' and the calendar's pages. */
#include "web/meetings_ui.h"

#include <inttypes.h>
#include <string.h>

#include "base/clock.h"
#include "out/html.h"

void html_day(req *r, const char *ymd)
{
    const char *words = clock_day_words(r->a, ymd);
    if (words)
        html_printf(&r->out, "<time datetime=\"%s\">%s, %s</time>", ymd, ymd, words);
    else
        html_printf(&r->out, "%s", ymd);
}

void html_local_time(req *r, const char *local)
{
    const char *date = local ? arena_strndup(r->a, local, 10) : "";
    const char *words = local && strlen(local) == 16 ? clock_day_words(r->a, date) : NULL;
    if (words)
        html_printf(&r->out, "<time datetime=\"%sT%s\">%s, %s</time>", date, local + 11, local,
                    words);
    else
        html_printf(&r->out, "%s", local ? local : "");
}


/* panel_roster.c: the Panel's roster (R29): current members by seat
 * (teacher seats, appointed by the union president; principal seats,
 * appointed by the district), each with the term's start, end and days
 * left; members whose term ended are listed apart: they cannot vote. */
#include <inttypes.h>
#include <string.h>

#include "app/ct_terms.h"
#include "domain/people.h"
#include "out/html.h"
#include "web/handlers.h"
#include "web/meetings_ui.h"
#include "web/web.h"

static void member_item(req *r, const struct panel_seat *p)
{
    html_printf(&r->out, "<li><strong>%s</strong> (%s), appointed by %s. Term ", p->name, p->email,
                p->appointer);
    html_day(r, p->term_start);
    html_raw(&r->out, " to ");
    html_day(r, p->term_end);
    if (!p->current)
        html_raw(&r->out, ": <strong>term ended — cannot vote</strong>.");
    else if (!p->started)
        html_raw(&r->out, ": the term has not started yet.");
    else
        html_printf(&r->out, ": %s day%s left.", id_text(r, p->days_left),
                    p->days_left == 1 ? "" : "s");
    html_raw(&r->out, "</li>");
}

/* One group: the current members of a seat, or (seat NULL) past members. */
static void seat_group(req *r, const struct panel_seat *seats, int n, const char *seat,
                       const char *heading, const char *id)
{
    int shown = 0;
    html_printf(&r->out, "<section aria-labelledby=\"%s\"><h2 id=\"%s\">%s</h2><ul>", id, id,
                heading);
    for (int i = 0; i < n; i++) {
        bool here = seat ? seats[i].current && strcmp(seats[i].seat, seat) == 0 : !seats[i].current;
        if (here) {
            member_item(r, &seats[i]);
            shown++;
        }
    }
    html_raw(&r->out, "</ul>");
    if (!shown)
        html_raw(&r->out, "<p>None.</p>");
    html_raw(&r->out, "</section>");
}

void page_panel_roster(req *r)
{
    struct panel_seat *seats;
    int n;
    enum app_status s = panel_roster(ctx_of(r), &seats, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_PANEL_SESSION);
        return;
    }
    page_begin(r, "The Panel's roster");
    html_printf(&r->out, "<p>Teacher members are appointed by the union president, principal "
                         "members by %s; a term lasts at most %s years, and a member whose term "
                         "has ended cannot vote.</p>",
                panel_appointer_of(ctx_of(r), APPOINTER_DISTRICT),
                id_text(r, program_setting_int(ctx_of(r), "panel_max_term_years")));
    seat_group(r, seats, n, "teacher", "Teacher seats", "teacher-seats");
    seat_group(r, seats, n, "principal", "Principal seats", "principal-seats");
    seat_group(r, seats, n, NULL, "Past members: term ended — cannot vote", "past-members");
    page_end(r);
}

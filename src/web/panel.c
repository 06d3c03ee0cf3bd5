/* panel.c: the Panel on the web (R24, R25, R29): the overview for the
 * Panel and the coordinator (sessions to come, cases awaiting a decision,
 * decisions awaiting the Superintendent's approval), the list of sessions
 * and the coordinator's form to schedule one. A session's page is
 * panel_session.c's; a case's deliberation panel_case.c's. */
#include <inttypes.h>
#include <string.h>

#include "out/html.h"
#include "web/goals.h"
#include "web/handlers.h"
#include "web/panel.h"

const char *panel_url(req *r, int64_t session_id, int64_t case_id, const char *rest)
{
    return case_id ? arena_printf(r->a, "/panel/sessions/%" PRId64 "/cases/%" PRId64 "%s",
                                  session_id, case_id, rest)
                   : arena_printf(r->a, "/panel/sessions/%" PRId64 "%s", session_id, rest);
}

const char *panel_session_name(req *r, const struct panel_session *s)
{
    return arena_printf(r->a, "Panel session of %s at %s", s->held_on, s->starts_at);
}

void panel_rule_line(req *r, const struct panel_session *s)
{
    struct panel_rule rule;
    char words[120] = "";
    if (panel_rule_parse(s->vote_rule, &rule))
        panel_rule_words(&rule, words, sizeof words);
    html_printf(&r->out,
                "<p>The Panel decides by %s (rule <code>%s</code>); quorum: %d members present "
                "and not recused.</p>",
                words, s->vote_rule, s->quorum);
}

/* --- lists --- */

static void sessions_table(req *r, const struct panel_session *s, int n, const char *caption)
{
    if (!n) {
        html_raw(&r->out, "<p>None.</p>");
        return;
    }
    html_printf(&r->out,
                "<div class=\"table-wrap\" tabindex=\"0\"><table><caption class=\"visually-hidden\">"
                "%s</caption><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Time and "
                "place</th><th scope=\"col\">Rule</th><th scope=\"col\">Cases</th><th "
                "scope=\"col\">Present</th><th scope=\"col\">Status</th></tr></thead><tbody>",
                caption);
    for (int i = 0; i < n; i++) {
        html_printf(&r->out, "<tr><td><a href=\"%s\">", panel_url(r, s[i].id, 0, ""));
        date_words(r, s[i].held_on);
        html_printf(&r->out,
                    "</a></td><td>%s, %s</td><td>%s, quorum %d</td><td>%d</td><td>%d</td>"
                    "<td>%s</td></tr>",
                    s[i].starts_at, s[i].place, s[i].vote_rule, s[i].quorum, s[i].ncases,
                    s[i].npresent, s[i].closed ? "Closed" : "Scheduled");
    }
    table_end(r);
}

static void case_rows(req *r, const struct panel_case_row *rows, int n, bool decisions)
{
    if (!n) {
        html_raw(&r->out, "<p>None.</p>");
        return;
    }
    html_raw(&r->out, "<ul>");
    for (int i = 0; i < n; i++) {
        const struct panel_case_row *row = &rows[i];
        html_printf(&r->out, "<li><a href=\"/cases/%" PRId64 "\">Case of %s</a>%s%s: ",
                    row->case_id, row->teacher_name, *row->school_name ? ", " : "",
                    row->school_name);
        if (decisions) {
            html_printf(&r->out, "the Panel rated it <strong>%s</strong> at <a href=\"%s\">its "
                                 "session of %s</a>, ",
                        rating_label(row->rating), panel_url(r, row->session_id, 0, ""),
                        row->held_on);
            html_time(r, row->decided_at);
            html_raw(&r->out, "; it awaits approval.</li>");
        } else {
            html_printf(&r->out, "the Consulting Teacher recommends <strong>%s</strong>.</li>",
                        rating_label(row->rating));
        }
    }
    html_raw(&r->out, "</ul>");
}

void page_panel(req *r)
{
    struct panel_overview o;
    enum app_status s = panel_overview_get(ctx_of(r), &o);
    if (s != APP_OK) {
        web_fail(r, s, KIND_PANEL_SESSION);
        return;
    }
    page_begin(r, "The Panel");
    html_raw(&r->out, "<p>The Panel deliberates and votes on the rating of each PAR case the "
                      "Consulting Teacher sends it; the Superintendent approves the "
                      "Panel's rating, and only then is it final.</p>"
                      "<p class=\"page-actions\"><a class=\"button\" href=\"/panel/sessions\">"
                      "All sessions</a></p><h2>Sessions to come</h2>");
    sessions_table(r, o.upcoming, o.nupcoming, "The Panel's sessions to come, soonest first");
    html_raw(&r->out, "<h2>Cases awaiting a decision</h2>");
    case_rows(r, o.awaiting, o.nawaiting, false);
    html_raw(&r->out, "<h2>Decisions awaiting approval</h2>");
    case_rows(r, o.pending, o.npending, true);
    page_end(r);
}

/* --- sessions, and scheduling one --- */

static void schedule_form(req *r, const struct panel_session_input *in, const struct errors *errs)
{
    struct ctx *c = ctx_of(r);
    html_raw(&r->out, "<section class=\"panel\" aria-labelledby=\"h-schedule\"><h2 "
                      "id=\"h-schedule\">Schedule a session</h2>");
    form_errors(r, errs);
    form_begin(r, "/panel/sessions");
    field_input(r, &(struct field){.name = "held_on", .label = "Date", .type = "date",
                                   .value = in->held_on, .required = true,
                                   .hint = "The day the Panel meets."}, errs);
    field_input(r, &(struct field){.name = "starts_at", .label = "Time", .type = "time",
                                   .value = in->starts_at, .required = true,
                                   .hint = "When the session starts."}, errs);
    field_input(r, &(struct field){.name = "place", .label = "Place", .value = in->place,
                                   .required = true}, errs);
    field_input(r, &(struct field){.name = "vote_rule", .label = "Vote rule",
                                   .value = in->vote_rule ? in->vote_rule
                                                          : program_setting(c, "panel_vote_rule"),
                                   .required = true,
                                   .hint = "majority (of the members present), consensus, or "
                                           "fixed:N (for example fixed:6 for six of nine). The "
                                           "program's setting unless changed."}, errs);
    field_input(r, &(struct field){.name = "quorum", .label = "Quorum", .type = "number",
                                   .value = in->quorum ? in->quorum
                                                       : arena_printf(r->a, "%d",
                                                                      program_setting_int(
                                                                          c, "panel_quorum")),
                                   .required = true,
                                   .hint = "Members present and not recused needed for a "
                                           "vote."}, errs);
    form_end(r, "Schedule the session");
    html_raw(&r->out, "</section>");
}

static void sessions_page(req *r, const struct panel_session_input *in, const struct errors *errs)
{
    struct ctx *c = ctx_of(r);
    struct panel_session *s;
    int n;
    enum app_status st = panel_sessions_list(c, false, &s, &n);
    if (st != APP_OK) {
        web_fail(r, st, KIND_PANEL_SESSION);
        return;
    }
    if (errs)
        r->status = 400;
    page_begin(r, "The Panel's sessions");
    html_raw(&r->out, "<p><a href=\"/panel\">The Panel's overview</a></p>");
    sessions_table(r, s, n, "The Panel's sessions, by date");
    if (app_authorize(c, ACT_CREATE, KIND_PANEL_SESSION, NULL) == APP_OK)
        schedule_form(r, in, errs);
    page_end(r);
}

void page_panel_sessions(req *r)
{
    sessions_page(r, &(struct panel_session_input){0}, NULL);
}

void do_panel_session_create(req *r)
{
    struct panel_session_input in = {
        form_value(r, "held_on"), form_value(r, "starts_at"), form_value(r, "place"),
        form_value(r, "vote_rule"), form_value(r, "quorum"), NULL, NULL};
    struct errors errs = {.n = 0};
    int64_t id = 0;
    enum app_status s = panel_session_create(ctx_of(r), &in, &id, &errs);
    if (s == APP_INVALID) {
        sessions_page(r, &in, &errs);
        return;
    }
    if (s != APP_OK) {
        web_fail(r, s, KIND_PANEL_SESSION);
        return;
    }
    web_flash(r, "The session is scheduled. Put the cases on its docket, and on the day record "
                 "who is present.");
    res_redirect(r, panel_url(r, id, 0, ""));
}

/* calendar.c: the meetings in people's own calendars (R10, R11, R17,
 * R24): one meeting's .ics file, the personal feed at a secret URL
 * (public: a calendar app signs in to nothing; the route logs its
 * pattern, not the secret), and
 * the account page where a person makes, replaces or revokes their link.
 * The link is shown once, on the answer to making it: only its SHA-256 is
 * kept. */
#include <inttypes.h>
#include <string.h>

#include "app/calendar.h"
#include "out/html.h"
#include "web/handlers.h"
#include "web/meetings_ui.h"

/* --- iCalendar answers --- */

static void ics_answer(req *r, const struct agenda_item *events, int n, const char *name,
                       const char *disposition)
{
    r->content_type = "text/calendar; charset=utf-8";
    res_header(r, "Content-Disposition", disposition);
    res_header(r, "Cache-Control", "private, no-store");
    buf_reset(&r->out);
    buf_puts(&r->out, calendar_publish(ctx_of(r), name, events, n));
}

void page_meeting_ics(req *r)
{
    struct agenda_item e;
    const char *refusal = NULL;
    int64_t item = req_id(r, "item");
    enum app_status s = calendar_meeting_event(ctx_of(r), req_id(r, "id"), item, &e, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_MEETING);
        return;
    }
    ics_answer(r, &e, 1, NULL,
               arena_printf(r->a, "attachment; filename=\"meeting-%" PRId64 ".ics\"", item));
}

void page_calendar_feed(req *r)
{
    /* The link may end in .ics, which some calendar apps look for. */
    const char *token = req_param(r, "feed");
    size_t len = token ? strlen(token) : 0;
    if (len > 4 && strcmp(token + len - 4, ".ics") == 0)
        token = arena_strndup(r->a, token, len - 4);
    struct agenda_item *events;
    const char *owner;
    int n;
    enum app_status s = calendar_feed_events(ctx_of(r), token, &owner, &events, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_MEETING);
        return;
    }
    ics_answer(r, events, n, arena_printf(r->a, "Parley: %s", owner),
               "inline; filename=\"parley.ics\"");
}

/* --- the account page --- */

/* The feed's address as a calendar app needs it: absolute. */
static const char *feed_url(req *r, const char *token)
{
    const struct web_server *srv = r->ctx;
    const char *host = req_header(r, "Host");
    return arena_printf(r->a, "%s://%s/calendar/%s.ics",
                        srv->app.cfg.secure_cookies ? "https" : "http",
                        host && *host ? host : "localhost", token);
}

/* token: the new link's secret, shown this once (NULL: none made now). */
static void calendar_page(req *r, const char *token)
{
    int64_t since = 0;
    enum app_status s = calendar_feed_status(ctx_of(r), &since);
    if (s != APP_OK) {
        web_fail(r, s, KIND_ACCOUNT);
        return;
    }
    page_begin(r, "Your calendar feed");
    html_raw(&r->out, "<p>The meetings you take part in (initial meetings, PAR Agreement "
                      "reviews, parley meetings, Panel sessions) and the deadlines of your "
                      "tasks, in your own calendar app: subscribe to your secret link. Whoever has the link sees the meetings' "
                      "times and places, so keep it to yourself. If it gets out, make a new "
                      "link: the old one stops working at once.</p>");
    if (token) {
        const char *url = feed_url(r, token);
        /* In a field: a phone's width wraps no URL, and it copies whole. */
        html_printf(&r->out, "<div class=\"flash flash-ok\" role=\"status\"><div "
                             "class=\"field\"><label for=\"feed-url\">Your new link, shown "
                             "only now: copy it into your calendar app (\"subscribe by "
                             "URL\")</label><input type=\"text\" id=\"feed-url\" readonly "
                             "value=\"%s\"></div></div>",
                    url);
    }
    if (since) {
        html_raw(&r->out, "<p>You have a link, made ");
        html_time(r, since);
        html_raw(&r->out, ".</p>");
    } else {
        html_raw(&r->out, "<p>You have no link now.</p>");
    }
    form_begin(r, "/account/calendar");
    form_end(r, since ? "Make a new link (the old one stops working)" : "Make a link");
    if (since)
        button_form(r, "/account/calendar/revoke", "Revoke the link", "button button-danger");
    page_end(r);
}

void page_calendar(req *r)
{
    calendar_page(r, NULL);
}

void do_calendar_create(req *r)
{
    const char *token = NULL;
    enum app_status s = calendar_feed_create(ctx_of(r), &token);
    if (s != APP_OK) {
        web_fail(r, s, KIND_ACCOUNT);
        return;
    }
    /* Answered here, not after a redirect: the secret is never stored. */
    calendar_page(r, token);
}

void do_calendar_revoke(req *r)
{
    enum app_status s = calendar_feed_revoke(ctx_of(r));
    if (s != APP_OK) {
        web_fail(r, s, KIND_ACCOUNT);
        return;
    }
    web_flash(r, "Your calendar feed link is revoked: it no longer works.");
    res_redirect(r, "/account/calendar");
}

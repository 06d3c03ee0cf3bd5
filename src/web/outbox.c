/* outbox.c: the coordinator's view of the program's mail (issue 16): what
 * went, what waits and why, what failed with the relay's reason and a
 * button to send it again. With no relay set, it is what would be sent. */
#include <inttypes.h>
#include <string.h>

#include "app/outbox.h"
#include "out/html.h"
#include "web/handlers.h"
#include "web/web.h"

#define OUTBOX_MAX 200

static void state_cell(req *r, const struct outbox_item *m)
{
    if (!strcmp(m->state, "sent")) {
        html_raw(&r->out, "Sent ");
        html_time(r, m->sent_at);
    } else if (!strcmp(m->state, "failed")) {
        html_printf(&r->out, "<strong>Not sent</strong> after %d tr%s: %s ", m->tries,
                    m->tries == 1 ? "y" : "ies", m->last_error);
        button_form(r, arena_printf(r->a, "/outbox/%" PRId64 "/retry", m->id), "Send it again",
                    "button button-secondary");
    } else if (m->tries) {
        html_printf(&r->out, "Waiting: try %d failed (%s); the next ", m->tries, m->last_error);
        html_time(r, m->next_try_at);
    } else {
        html_raw(&r->out, web_of(r)->srv->app.cfg.mail_relay ? "Being sent" : "Kept (no relay)");
    }
}

static void message_cell(req *r, const struct outbox_item *m)
{
    html_printf(&r->out, "<details><summary>%s</summary>", m->subject);
    if (m->text)
        html_printf(&r->out, "<pre class=\"mail-text\">%s</pre>", m->text);
    else
        html_raw(&r->out, "<p>A one-time link: only the person it is for reads it.</p>");
    html_raw(&r->out, "</details>");
}

static void outbox_table(req *r, const struct outbox_item *ms, int n)
{
    table_begin(r, "Outgoing mail", false,
                (const char *const[]){"Made", "To", "What", "Message", "Now"}, 5);
    for (int i = 0; i < n; i++) {
        const struct outbox_item *m = &ms[i];
        html_raw(&r->out, "<tr><td>");
        html_time(r, m->created_at);
        html_printf(&r->out, "</td><td>%s &lt;%s&gt;</td><td>%s</td><td>", m->to_name,
                    m->to_address, mail_kind_label(m->kind));
        message_cell(r, m);
        html_raw(&r->out, "</td><td>");
        state_cell(r, m);
        html_raw(&r->out, "</td></tr>");
    }
    table_end(r);
}

static void state_filter(req *r, const char *state)
{
    static const struct option states[] = {
        {"", "All"}, {"queued", "Waiting"}, {"failed", "Not sent"}, {"sent", "Sent"}};
    html_raw(&r->out, "<nav aria-label=\"Show\"><p>Show: ");
    for (size_t i = 0; i < sizeof states / sizeof *states; i++) {
        html_printf(&r->out, "%s<a href=\"/outbox%s%s\"", i ? " · " : "",
                    *states[i].value ? "?state=" : "", states[i].value);
        if (!strcmp(state, states[i].value))
            html_raw(&r->out, " aria-current=\"page\"");
        html_printf(&r->out, ">%s</a>", states[i].label);
    }
    html_raw(&r->out, "</p></nav>");
}

void page_outbox(req *r)
{
    const char *state = req_query(r, "state");
    if (!state || (strcmp(state, "queued") && strcmp(state, "failed") && strcmp(state, "sent")))
        state = "";
    struct outbox_item *ms;
    int n;
    enum app_status s = outbox_list(ctx_of(r), state, &ms, &n, OUTBOX_MAX);
    if (s != APP_OK) {
        web_fail(r, s, KIND_MAIL);
        return;
    }
    page_begin(r, "Outgoing mail");
    if (!web_of(r)->srv->app.cfg.mail_relay)
        html_raw(&r->out, "<p class=\"flash\">No mail relay is set (<code>parley serve "
                          "--smtp-url</code>): nothing leaves. This is the mail that would be "
                          "sent.</p>");
    html_raw(&r->out, "<p>The mail Parley sends the program's people: news of their cases as "
                      "each chose, reminders, invitations and one-time links. Messages say what "
                      "happened and link to Parley; they never hold notes, ratings or reasons.</p>");
    state_filter(r, state);
    if (n)
        outbox_table(r, ms, n);
    else
        html_raw(&r->out, "<p>No messages here.</p>");
    page_end(r);
}

void do_outbox_retry(req *r)
{
    enum app_status s = outbox_retry(ctx_of(r), req_id(r, "id"));
    if (s != APP_OK) {
        web_fail(r, s, KIND_MAIL);
        return;
    }
    web_flash(r, "The message goes again, from its first try.");
    res_redirect(r, "/outbox?state=queued");
}

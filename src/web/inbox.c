/* inbox.c: one's in-app notifications (each step of a case tells the
 * people it concerns); the unread count shows in the menu. */
#include "app/notify.h"
#include "out/html.h"
#include "web/handlers.h"
#include "web/web.h"

#define INBOX_MAX 100

void page_inbox(req *r)
{
    struct notification *msgs;
    int n;
    enum app_status s = notify_inbox(ctx_of(r), &msgs, &n, INBOX_MAX);
    if (s != APP_OK) {
        web_fail(r, s, KIND_ACCOUNT);
        return;
    }
    page_begin(r, "Inbox");
    int64_t unread = notify_unread(ctx_of(r));
    html_printf(&r->out, "<p role=\"status\">%lld unread.</p>", (long long)unread);
    if (unread)
        button_form(r, "/inbox/read", "Mark all as read", "button button-secondary");
    if (!n)
        html_raw(&r->out, "<p>Nothing here yet. When a step of a case concerns you, it is "
                          "listed here.</p>");
    html_raw(&r->out, "<ul class=\"inbox\">");
    for (int i = 0; i < n; i++) {
        html_printf(&r->out, "<li class=\"%s\"><p>%s%s</p><p>", msgs[i].read_at ? "read" : "unread",
                    msgs[i].read_at ? "" : "New: ", msgs[i].message);
        html_time(r, msgs[i].at);
        if (*msgs[i].link)
            html_printf(&r->out, " · <a href=\"%s\">Open</a>", msgs[i].link);
        html_raw(&r->out, "</p></li>");
    }
    html_raw(&r->out, "</ul>");
    page_end(r);
}

void do_inbox_read(req *r)
{
    enum app_status s = notify_mark_read(ctx_of(r));
    if (s != APP_OK) {
        web_fail(r, s, KIND_ACCOUNT);
        return;
    }
    web_flash(r, "Every message is marked as read.");
    res_redirect(r, "/inbox");
}

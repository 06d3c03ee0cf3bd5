/* inbox.c: one's in-app notifications (each step of a case tells the
 * people it concerns); the unread count shows in the menu. */
#include <string.h>

#include "app/notify.h"
#include "out/html.h"
#include "web/case_parts.h"
#include "web/handlers.h"
#include "web/web.h"

#define INBOX_MAX 100

/* Issue 18: each link is named by what it opens, never just "Open": a
 * part of a case and whose case it is, the case, the inquiry, the peer
 * support case. */
static const char *link_words(req *r, const struct notification *m)
{
    if (strncmp(m->link, "/pss/", 5) == 0)
        return "Open the peer support case";
    if (strncmp(m->link, "/intake/", 8) == 0)
        return "Open the inquiry";
    if (!m->case_id)
        return "Open the page it is about";
    const char *whose =
        m->mine ? "your case" : arena_printf(r->a, "the case of %s", m->teacher_name);
    const char *part = strchr(m->link + strlen("/cases/"), '/');
    const char *title = !part                              ? NULL
                        : strncmp(part, "/survey", 7) == 0 ? "The end-of-cycle survey"
                                                           : case_part_title(part + 1);
    return title ? arena_printf(r->a, "%s of %s", title, whose)
                 : arena_printf(r->a, "Open %s", whose);
}

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
                    msgs[i].read_at ? "" : "New: ", plain_words(r, msgs[i].message, NULL));
        html_time(r, msgs[i].at);
        if (*msgs[i].link)
            html_printf(&r->out, " · <a href=\"%s\">%s</a>", msgs[i].link, link_words(r, &msgs[i]));
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

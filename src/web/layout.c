/* layout.c: the frame of every page: landmarks, navigation by role,
 * the flash message, pagination and dates. */
#include <inttypes.h>
#include <string.h>

#include "app/auth.h"
#include "app/notify.h"
#include "app/track_record.h"
#include "base/clock.h"
#include "out/html.h"
#include "out/table_labels.h"
#include "web/handlers.h"
#include "web/web.h"

struct nav_item {
    const char *href, *label;
    int role;                       /* -1: anyone signed in */
};

static const struct nav_item staff_nav[] = {
    {"/dashboard", "Dashboard", -1},
    {"/people", "People", ROLE_COORDINATOR},
    {"/schools", "Schools", ROLE_COORDINATOR},
    {"/intake", "Intake", ROLE_COORDINATOR},
    {"/intake", "Intake", ROLE_CONSULTING_TEACHER},   /* once, if both */
    {"/cases", "Cases", ROLE_COORDINATOR},
    {"/cases", "Cases", ROLE_CONSULTING_TEACHER},
    {"/cases", "Cases", ROLE_ADMINISTRATOR},
    {"/cases", "Cases", ROLE_UNION_REP},
    {"/my-case", "My case", ROLE_PARTICIPATING_TEACHER},
    {"/panel", "Panel", ROLE_COORDINATOR},
    {"/panel", "Panel", ROLE_PANEL_MEMBER},
    {"/decisions", "Decisions", ROLE_SUPERINTENDENT},
    {"/cts", "Consulting Teachers", ROLE_COORDINATOR},
    {"/cts", "Consulting Teachers", ROLE_PANEL_MEMBER},
    {"/surveys", "Surveys", ROLE_COORDINATOR},
    {"/reports", "Reports", ROLE_COORDINATOR},
    {"/reports", "Reports", ROLE_PANEL_MEMBER},
    {"/pss", "Peer support", ROLE_PSS_COORDINATOR},
    {"/pss", "Peer support", ROLE_LOCAL_PRESIDENT},
    {"/pss", "Peer support", ROLE_PSS_CONSULTANT},
    {"/pss", "Peer support", ROLE_MEMBER},
    {"/site", "Public site", ROLE_COORDINATOR},
    {"/audit", "Audit log", ROLE_COORDINATOR},
    {"/outbox", "Outgoing mail", ROLE_COORDINATOR},
    {"/settings", "Settings", -1},
    {"/account", "My account", -1},
    {"/help/permissions", "Who may do what", -1},
};

/* The visitor's menu: the public site (issue 6). "Contact us" is the
 * program's details, from which the contact form (/contact/new) is one
 * click; the item stays current on the form too. */
static const struct nav_item public_nav[] = {
    {"/", "Home", -1},
    {"/about", "About", -1},
    {"/faq", "FAQ", -1},
    {"/enroll", "Enroll", -1},
    {"/eligibility", "Am I eligible?", -1},
    {"/resources", "Resources", -1},
    {"/news", "News", -1},
    {"/track-record", "Track record", -1},
    {"/contact", "Contact us", -1},
    {"/help/permissions", "Who may do what", -1},
    {"/login", "Sign in", -1},
};

static bool current(req *r, const char *href)
{
    size_t n = strlen(href);
    return strncmp(r->path, href, n) == 0 && (r->path[n] == '\0' || r->path[n] == '/');
}

static void nav_link(req *r, const char *href, const char *label)
{
    if (current(r, href))
        html_printf(&r->out, "<li><a href=\"%s\" aria-current=\"page\">%s</a></li>", href, label);
    else
        html_printf(&r->out, "<li><a href=\"%s\">%s</a></li>", href, label);
}

/* Where a role alone does not decide, the page's own check: the menu
 * offers no page that would refuse the person. */
static const struct {
    const char *href;
    int role;
    enum app_status (*allowed)(struct ctx *c);
} nav_checks[] = {
    {"/reports", ROLE_PANEL_MEMBER, work_report_allowed},   /* R29: while their term runs */
};

static bool offered(struct web *w, const struct nav_item *n)
{
    if (n->role >= 0 && !role_set_has(w->c.who.roles, (enum role)n->role))
        return false;
    for (size_t i = 0; i < sizeof nav_checks / sizeof *nav_checks; i++)
        if (nav_checks[i].role == n->role && strcmp(nav_checks[i].href, n->href) == 0 &&
            nav_checks[i].allowed(&w->c) != APP_OK)
            return false;
    return true;
}

/* A link several roles share (Cases) is shown once. */
static bool shown_before(struct web *w, size_t i)
{
    for (size_t k = 0; k < i; k++)
        if (strcmp(staff_nav[k].href, staff_nav[i].href) == 0 && offered(w, &staff_nav[k]))
            return true;
    return false;
}

static void nav(req *r, struct web *w)
{
    buf *o = &r->out;
    html_raw(o, "<nav class=\"site-nav\" aria-label=\"Main\"><ul>");
    if (!w || !app_signed_in(&w->c)) {
        for (size_t i = 0; i < sizeof public_nav / sizeof *public_nav; i++)
            nav_link(r, public_nav[i].href, public_nav[i].label);
        html_raw(o, "</ul></nav>");
        return;
    }
    for (size_t i = 0; i < sizeof staff_nav / sizeof *staff_nav; i++)
        if (!shown_before(w, i) && offered(w, &staff_nav[i]))   /* the cheaper test first */
            nav_link(r, staff_nav[i].href, staff_nav[i].label);
    /* The inbox says how many messages are new (notify.c). */
    int64_t unread = notify_unread(&w->c);
    nav_link(r, "/inbox", unread ? arena_printf(r->a, "Inbox (%lld new)", (long long)unread)
                                 : "Inbox");
    html_printf(o, "<li><form class=\"signout\" method=\"post\" action=\"/logout\">"
                   "<input type=\"hidden\" name=\"csrf\" value=\"%s\">"
                   "<button type=\"submit\">Sign out</button></form></li></ul></nav>",
                w->csrf);
}

void table_begin(req *r, const char *caption, bool caption_shown, const char *const *heads, int n)
{
    html_raw(&r->out, "<div class=\"table-wrap\" tabindex=\"0\"><table>");
    if (caption && caption_shown)
        html_printf(&r->out, "<caption>%s</caption>", caption);
    else if (caption)
        html_printf(&r->out, "<caption class=\"visually-hidden\">%s</caption>", caption);
    html_raw(&r->out, "<thead><tr>");
    for (int i = 0; i < n; i++)
        html_printf(&r->out, "<th scope=\"col\">%s</th>", heads[i]);
    html_raw(&r->out, "</tr></thead><tbody>");
}

void record_row(req *r, const char *label, const char *value)
{
    html_printf(&r->out, "<div><dt>%s</dt><dd>%s</dd></div>", label, value);
}

void record_row_or_dash(req *r, const char *label, const char *value)
{
    record_row(r, label, value && *value ? value : "—");
}

void table_end(req *r)
{
    html_raw(&r->out, "</tbody></table></div>");
}

void page_begin(req *r, const char *title)
{
    struct web *w = r->app;
    struct web_server *srv = r->ctx;
    /* A signed-in person sees the program they work in (a district's or a
     * federation's); a visitor the installation's own. */
    const char *program = w && w->c.who.program_name ? w->c.who.program_name
                          : srv && srv->program_name ? srv->program_name
                                                     : "Parley";
    buf *o = &r->out;
    html_printf(o,
                "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                "<title>%s%s%s</title>"
                "<link rel=\"stylesheet\" href=\"/static/parley.css\">"
                "<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">"
                "</head><body><a class=\"skip-link\" href=\"#main\">Skip to the main content</a>"
                "<header class=\"site-header\"><div class=\"inner\">"
                "<a class=\"brand\" href=\"/\">%s</a>",
                title, strcmp(title, program) ? " · " : "", strcmp(title, program) ? program : "",
                program);
    html_raw(o, "<details class=\"menu\"><summary>Menu</summary>"); /* folds on a phone */
    nav(r, w);
    if (w && app_signed_in(&w->c))   /* in the menu: folded on a phone with it */
        search_box(r, "header-search", "Search people, cases and inquiries", false);
    html_raw(o, "</details></div></header><main id=\"main\" tabindex=\"-1\">");
    if (w && w->flash && *w->flash)
        html_printf(o, "<div class=\"flash flash-ok\" role=\"status\">%s</div>",
                    plain_words(r, w->flash, NULL));
    html_printf(o, "<h1>%s</h1>", title);
    if (w && w->refusal)
        web_refusal_show(r);
}

void page_end(req *r)
{
    struct web *w = r->app;
    buf *o = &r->out;
    html_raw(o, "</main><footer class=\"site-footer\"><div class=\"inner\"><p>");
    if (w && app_signed_in(&w->c))
        html_printf(o, "Signed in as %s. ", w->c.who.name);
    html_raw(o, "Parley keeps a record of every change and of who viewed confidential "
                "records; you can see every entry about yourself under "
                "<a href=\"/account\">My account</a>.</p></div></footer></body></html>\n");
    table_labels_add(o); /* each cell names its column on a phone */
}

void web_flash(req *r, const char *message)
{
    auth_session_set_flash(ctx_of(r), message);
}

void html_time(req *r, int64_t t)
{
    html_printf(&r->out, "<time datetime=\"%s\">%s</time>", clock_iso(r->a, t),
                clock_format(r->a, t));
}

void html_date(req *r, const char *date)
{
    const char *words = clock_day_words(r->a, date);
    if (!words) {
        html_printf(&r->out, "%s", date);
        return;
    }
    html_printf(&r->out, "<time datetime=\"%s\">%s</time>", date, words);
}

/* base already holds the query without page, e.g. "/people?q=ann". */
static void page_link(req *r, const char *base, int page, const char *label, bool here)
{
    const char *sep = strchr(base, '?') ? "&" : "?";
    if (here)
        html_printf(&r->out, "<li><a href=\"%s%spage=%d\" aria-current=\"page\">%s</a></li>",
                    base, sep, page, label);
    else
        html_printf(&r->out, "<li><a href=\"%s%spage=%d\">%s</a></li>", base, sep, page, label);
}

void pagination(req *r, const char *base, int page, int per_page, int64_t total)
{
    int64_t pages = page_of_pages(&(struct page_of){page, per_page, total});
    if (pages <= 1)
        return;
    html_printf(&r->out, "<nav class=\"pagination\" aria-label=\"Pages\"><p>Page %d of %lld "
                         "(%lld in all)</p><ul>",
                page, (long long)pages, (long long)total);
    if (page > 1)
        page_link(r, base, page - 1, "Previous page", false);
    int from = page > 3 ? page - 2 : 1;
    for (int p = from; p <= pages && p < from + 5; p++)
        page_link(r, base, p, arena_printf(r->a, "%d", p), p == page);
    if (page < pages)
        page_link(r, base, page + 1, "Next page", false);
    html_raw(&r->out, "</ul></nav>");
}

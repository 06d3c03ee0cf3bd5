/* site.c: the public site, for visitors (no sign-in): About, FAQ, Enroll,
 * Resources, News, Track Record, Contact and the feedback form. The texts
 * are the coordinator's Markdown (app/content.h), rendered safely; what
 * the program's rules decide (the PA/PAR comparison) is written here,
 * beside the rules it names. */
#include <inttypes.h>
#include <string.h>

#include "app/content.h"
#include "domain/policy.h"
#include "out/html.h"
#include "out/markdown.h"
#include "web/download.h"
#include "web/handlers.h"
#include "web/reports.h"
#include "web/site.h"
#include "web/web.h"

/* Begins the page for slug with its title and Markdown; false after
 * answering with the failure. */
bool site_page_begin(req *r, const char *slug)
{
    struct site_page p;
    enum app_status s = site_page_get(ctx_of(r), slug, &p);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CONTENT);
        return false;
    }
    page_begin(r, p.title);
    site_markdown(r, p.body);
    return true;
}

void site_markdown(req *r, const char *md)
{
    html_raw(&r->out, "<div class=\"prose\">");
    html_markdown(&r->out, md);
    html_raw(&r->out, "</div>");
}

void site_quote(req *r, const struct feedback *f)
{
    const char *who = feedback_attribution(f->role);
    html_printf(&r->out, "<figure class=\"quote\"><blockquote><p>%s</p></blockquote>", f->comment);
    if (who)
        html_printf(&r->out, "<figcaption>— %s in the program</figcaption>", who);
    html_raw(&r->out, "</figure>");
}

/* --- About: how the tracks work, side by side, and who is who --- */

/* R2, R4, R14-R17, R21-R25: what differs between the tracks is the
 * program's rules, so the table is written from them, not edited. */
static void tracks_compared(req *r)
{
    int months = program_setting_int(ctx_of(r), "par_min_plan_months");
    html_raw(&r->out,
             "<h2 id=\"compare\">PA and PAR side by side</h2>"
             "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"compare\">"
             "<table class=\"compare\"><thead><tr><th scope=\"col\">Question</th>"
             "<th scope=\"col\">Peer Assistance (PA)</th>"
             "<th scope=\"col\">Peer Assistance and Review (PAR)</th></tr></thead><tbody>"
             "<tr><th scope=\"row\">What the Consulting Teacher does</th>"
             "<td>Coaches you. Never evaluates you.</td>"
             "<td>Coaches you and is your primary evaluator; your principal is the "
             "secondary evaluator.</td></tr>"
             "<tr><th scope=\"row\">Is it an evaluation?</th>"
             "<td>No. Nothing from PA is used in an evaluation.</td>"
             "<td>Yes, a real one, with a second set of eyes and hands.</td></tr>"
             "<tr><th scope=\"row\">Who may join</th>"
             "<td>Teachers on a Directed Growth, Improvement or Developing Educator plan, "
             "whatever its length.</td>");
    html_printf(&r->out, "<td>The same teachers, when their plan lasts at least %d months.</td>"
                         "</tr>",
                months);
    html_raw(&r->out,
             "<tr><th scope=\"row\">Meetings with your administrator</th>"
             "<td>As you and your Consulting Teacher choose.</td>"
             "<td>At least three parley meetings: start, middle and end.</td></tr>"
             "<tr><th scope=\"row\">How it ends</th>"
             "<td>When the coaching has done its work.</td>"
             "<td>Your Consulting Teacher recommends a rating; the Panel votes on it; the "
             "Superintendent approves it.</td></tr>"
             "</tbody></table></div>"
             "<p>You cannot be in PA and PAR at the same time. Either way, joining is your "
             "choice alone: an administrator can neither enrol you nor stop you.</p>");
}

static void team_section(req *r, const struct team_member *team, int n, enum role role,
                         const char *title, const char *none)
{
    html_printf(&r->out, "<h2>%s</h2>", title);
    int shown = 0;
    for (int i = 0; i < n; i++) {
        const struct team_member *m = &team[i];
        if (m->role != role)
            continue;
        if (!shown++)
            html_raw(&r->out, "<ul class=\"team\">");
        if (*m->seat)
            html_printf(&r->out, "<li>%s, %s seat, term %s to %s</li>", m->name, m->seat,
                        m->term_start, m->term_end);
        else
            html_printf(&r->out, "<li>%s</li>", m->name);
    }
    html_raw(&r->out, shown ? "</ul>" : "");
    if (!shown)
        html_printf(&r->out, "<p>%s</p>", none);
}

void page_about(req *r)
{
    struct team_member *team;
    int n;
    enum app_status s = team_list(ctx_of(r), &team, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CONTENT);
        return;
    }
    if (!site_page_begin(r, "about"))
        return;
    tracks_compared(r);
    team_section(r, team, n, ROLE_CONSULTING_TEACHER, "Our Consulting Teachers",
                 "The program is appointing its Consulting Teachers.");
    team_section(r, team, n, ROLE_PANEL_MEMBER, "The Panel",
                 "The Panel's members are being appointed.");
    html_raw(&r->out, "<p>Questions? Read the <a href=\"/faq\">answers by audience</a>.</p>");
    page_end(r);
}

/* --- FAQ, by audience --- */

void page_faq(req *r)
{
    struct faq_entry *faq;
    int n;
    enum app_status s = faq_list(ctx_of(r), false, &faq, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CONTENT);
        return;
    }
    page_begin(r, "Frequently asked questions");
    html_raw(&r->out, "<nav aria-label=\"Audiences\"><ul>");
    for (int a = 0; a < FAQ_AUDIENCE_COUNT; a++)
        html_printf(&r->out, "<li><a href=\"#%s\">%s</a></li>", faq_audience_key((enum faq_audience)a),
                    faq_audience_label((enum faq_audience)a));
    html_raw(&r->out, "</ul></nav>");
    for (int a = 0; a < FAQ_AUDIENCE_COUNT; a++) {
        html_printf(&r->out, "<section aria-labelledby=\"%s\"><h2 id=\"%s\">%s</h2>",
                    faq_audience_key((enum faq_audience)a), faq_audience_key((enum faq_audience)a),
                    faq_audience_label((enum faq_audience)a));
        int shown = 0;
        for (int i = 0; i < n; i++) {
            if ((int)faq[i].audience != a)
                continue;
            shown++;
            html_printf(&r->out, "<h3>%s</h3>", faq[i].question);
            site_markdown(r, faq[i].answer);
        }
        if (!shown)
            html_raw(&r->out, "<p>No questions here yet.</p>");
        html_raw(&r->out, "</section>");
    }
    page_end(r);
}

/* --- Enroll, Contact, Track Record: the coordinator's text, then what
 * the program fixes --- */

void page_enroll(req *r)
{
    if (!site_page_begin(r, "enroll"))
        return;
    html_raw(&r->out, "<h2>Start here</h2><ul class=\"next-steps\">"
                      "<li><a href=\"/eligibility\">Check whether PA or PAR is open to you</a>: "
                      "a few questions, nothing stored.</li>"
                      "<li><a href=\"/contact/new\">Send us the contact form</a> to meet a "
                      "Consulting Teacher; no account is needed.</li>"
                      "<li><a href=\"/contact\">Other ways to reach us</a>.</li></ul>");
    page_end(r);
}

void page_contact(req *r)
{
    if (!site_page_begin(r, "contact"))
        return;
    html_raw(&r->out, "<p><a class=\"button\" href=\"/contact/new\">Send us the contact form</a></p>"
                      "<p>Have a comment about the program rather than a question? "
                      "<a href=\"/feedback\">Tell us what you think</a>.</p>");
    page_end(r);
}

void page_track_record(req *r)
{
    struct feedback *quotes;
    int n;
    struct track_record t;
    enum app_status s = feedback_list(ctx_of(r), true, 20, &quotes, &n);
    if (s == APP_OK)
        s = track_record_read(ctx_of(r), &t);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CONTENT);
        return;
    }
    if (!site_page_begin(r, "track-record"))
        return;
    /* R39: outcomes and survey answers in aggregate only, never for a
     * group so small that a person could be recognised. */
    track_record_section(r, &t);
    html_raw(&r->out, "<h2>In their words</h2>");
    for (int i = 0; i < n; i++)
        site_quote(r, &quotes[i]);
    if (!n)
        html_raw(&r->out, "<p>No comments are published yet.</p>");
    html_raw(&r->out, "<p><a href=\"/feedback\">Tell us what you think</a></p>");
    page_end(r);
}

/* --- Resources --- */

static const char *size_label(req *r, int64_t bytes)
{
    if (bytes < 1024)
        return arena_printf(r->a, "%" PRId64 " bytes", bytes);
    if (bytes < 1024 * 1024)
        return arena_printf(r->a, "%" PRId64 " KB", (bytes + 1023) / 1024);
    return arena_printf(r->a, "%.1f MB", (double)bytes / (1024.0 * 1024.0));
}

void page_resources(req *r)
{
    struct resource *res;
    int n;
    enum app_status s = resource_list(ctx_of(r), false, &res, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CONTENT);
        return;
    }
    page_begin(r, "Resources");
    html_raw(&r->out, "<p>Documents for teachers, administrators and other districts.</p>");
    if (!n)
        html_raw(&r->out, "<p>No documents are published yet.</p>");
    html_raw(&r->out, n ? "<ul class=\"resources\">" : "");
    for (int i = 0; i < n; i++) {
        html_printf(&r->out, "<li><h2>%s</h2>", res[i].title);
        if (*res[i].description)
            html_printf(&r->out, "<p>%s</p>", res[i].description);
        html_printf(&r->out, "<p><a href=\"/resources/%lld/download\" download>Download %s</a> "
                             "<span class=\"muted\">(%s, %s)</span></p></li>",
                    (long long)res[i].id, res[i].title, res[i].filename,
                    size_label(r, res[i].size));
    }
    html_raw(&r->out, n ? "</ul>" : "");
    page_end(r);
}

/* The document as an attachment: the browser saves it, never shows it in
 * the site's origin; its type is the one its content was checked to be. */
void page_resource_download(req *r)
{
    struct resource res;
    const char *data;
    size_t len;
    enum app_status s = resource_download(ctx_of(r), req_id(r, "id"), &res, &data, &len);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CONTENT);
        return;
    }
    web_download(r, data, len, res.media_type, res.filename);
}

/* --- News --- */

void page_news(req *r)
{
    struct news_post *posts;
    int n;
    enum app_status s = news_list(ctx_of(r), false, 50, &posts, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CONTENT);
        return;
    }
    page_begin(r, "News");
    if (!n)
        html_raw(&r->out, "<p>No news yet.</p>");
    html_raw(&r->out, n ? "<ul class=\"news\">" : "");
    for (int i = 0; i < n; i++)
        html_printf(&r->out, "<li><a href=\"/news/%lld\">%s</a> <span class=\"muted\">"
                             "<time datetime=\"%s\">%s</time></span></li>",
                    (long long)posts[i].id, posts[i].title, posts[i].published_on,
                    posts[i].published_on);
    html_raw(&r->out, n ? "</ul>" : "");
    page_end(r);
}

void page_news_post(req *r)
{
    struct news_post p;
    enum app_status s = news_get(ctx_of(r), req_id(r, "id"), &p);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CONTENT);
        return;
    }
    page_begin(r, p.title);
    html_printf(&r->out, "<p class=\"muted\">Posted <time datetime=\"%s\">%s</time>%s</p>",
                p.published_on, p.published_on, p.published ? "" : " (not published)");
    site_markdown(r, p.body);
    html_raw(&r->out, "<p><a href=\"/news\">All news</a></p>");
    page_end(r);
}

/* --- Feedback: "tell us what you think" --- */

static void feedback_form(req *r, const struct feedback_input *in, const struct errors *errs)
{
    form_errors(r, errs);
    form_begin(r, "/feedback");
    struct option roles[] = {{"", "I would rather not say"},
                             {"teacher", "I am a teacher"},
                             {"administrator", "I am an administrator"}};
    field_select(r, &(struct field){.name = "role", .label = "Who are you?", .value = in->role,
                                    .hint = "Only this is said of you if your comment is "
                                            "published: \"a teacher\" or \"an administrator\"."},
                 roles, 3, errs);
    field_textarea(r, &(struct field){.name = "comment", .label = "Your comment",
                                      .value = in->comment, .required = true,
                                      .hint = "Please write no names, yours or anyone's: the "
                                              "coordinator may publish your words on this "
                                              "site. At most 2,000 characters."},
                   errs);
    /* The honeypot: kept out of sight and out of the tab order; a person
     * who reaches it with a screen reader is told to leave it. */
    html_raw(&r->out, "<div class=\"honeypot\"><label for=\"f-website\">Leave this field empty"
                      "</label><input type=\"text\" id=\"f-website\" name=\"website\" value=\"\" "
                      "tabindex=\"-1\" autocomplete=\"off\"></div>");
    form_end(r, "Send my comment");
}

static void feedback_page(req *r, const struct feedback_input *in, const struct errors *errs,
                          const char *problem)
{
    page_begin(r, "Tell us what you think");
    html_raw(&r->out, "<p>Has the program helped you, or could it do better? We read every "
                      "comment. No account and no name are needed.</p>");
    form_problem(r, problem);
    feedback_form(r, in, errs);
    page_end(r);
}

void page_feedback(req *r)
{
    feedback_page(r, &(struct feedback_input){0}, NULL, NULL);
}

void do_feedback(req *r)
{
    struct feedback_input in = {.role = form_value(r, "role"), .comment = form_value(r, "comment"),
                                .honeypot = form_value(r, "website")};
    struct errors errs = {0};
    bool stored;
    struct rate_refusal refused;
    enum app_status s = feedback_submit(ctx_of(r), &in, &stored, &refused, &errs);
    if (s == APP_INVALID) {
        r->status = 400;
        feedback_page(r, &in, &errs, NULL);
        return;
    }
    if (s == APP_THROTTLED) {
        feedback_page(r, &in, NULL,
                      form_rate_limited(r, "comments", refused.limit, refused.retry_at));
        return;
    }
    if (s != APP_OK) {
        web_fail(r, s, KIND_FEEDBACK);
        return;
    }
    res_redirect(r, "/feedback/thanks");
}

void page_feedback_thanks(req *r)
{
    page_begin(r, "Thank you");
    html_raw(&r->out, "<p role=\"status\">Your comment has reached the program's coordinator.</p>"
                      "<p><a href=\"/\">Back to the home page</a></p>");
    page_end(r);
}

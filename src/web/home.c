/* home.c: the public front page: the coordinator's welcome (the mission,
 * the two tracks), how to start, and a quote from someone who took part. */
#include "app/content.h"
#include "out/html.h"
#include "web/handlers.h"
#include "web/site.h"
#include "web/web.h"

static void how_to_start(req *r)
{
    html_raw(&r->out, "<h2>How to start</h2><ol class=\"next-steps\">"
                      "<li><a href=\"/eligibility\">Check whether PA or PAR is open to you</a>: "
                      "a few questions, nothing stored.</li>"
                      "<li><a href=\"/contact/new\">Send us the contact form</a>; a Consulting "
                      "Teacher will meet you.</li>"
                      "<li>Read <a href=\"/enroll\">how enrolment works</a> and the "
                      "<a href=\"/faq\">answers to common questions</a>.</li></ol>");
}

void page_home(req *r)
{
    struct web *w = web_of(r);
    struct feedback *quotes;
    int n;
    enum app_status s = feedback_list(&w->c, true, 1, &quotes, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CONTENT);
        return;
    }
    if (!site_page_begin(r, "home"))
        return;
    how_to_start(r);
    if (n)
        site_quote(r, &quotes[0]);
    html_raw(&r->out, "<p><a href=\"/feedback\">Tell us what you think</a> · "
                      "<a href=\"/track-record\">Our track record</a></p>");
    if (app_signed_in(&w->c))
        html_raw(&r->out, "<p><a class=\"button\" href=\"/dashboard\">Go to your dashboard</a></p>");
    else
        html_raw(&r->out, "<p>Staff of the program and participating teachers: "
                          "<a class=\"button\" href=\"/login\">Sign in</a></p>");
    page_end(r);
}

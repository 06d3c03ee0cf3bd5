/* home.c: the public front page. The public site (issue: public site and
 * enrolment) grows from here. */
#include "out/html.h"
#include "web/handlers.h"
#include "web/web.h"

void page_home(req *r)
{
    struct web *w = web_of(r);
    page_begin(r, w->srv->program_name);
    html_raw(&r->out,
             "<p class=\"lead\">Coaching and evaluation by experienced peers, in a process that "
             "feels fair, transparent and humane.</p>"
             "<h2>Two ways to take part</h2><ul>"
             "<li><strong>Peer Assistance (PA)</strong>: a Consulting Teacher coaches you. "
             "Nothing from PA is used to evaluate you.</li>"
             "<li><strong>Peer Assistance and Review (PAR)</strong>: a Consulting Teacher "
             "coaches you and is your primary evaluator; a joint union and district Panel "
             "decides the final rating.</li></ul>");
    html_raw(&r->out, "<p><a href=\"/eligibility\">Check whether PA or PAR is open to you</a>: "
                      "a few questions, nothing stored.</p>");
    if (app_signed_in(&w->c))
        html_raw(&r->out, "<p><a class=\"button\" href=\"/dashboard\">Go to your dashboard</a></p>");
    else
        html_raw(&r->out, "<p>Staff of the program and participating teachers: "
                          "<a class=\"button\" href=\"/login\">Sign in</a></p>");
    page_end(r);
}

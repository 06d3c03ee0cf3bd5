/* site.c: the demo program's public site, written for Parley from the
 * facts of the program documents (seeds/000-003), for the fictional Harbor
 * City Educator Supports Program. It goes through the same use cases as
 * the coordinator's editor, so every piece is in the audit log. */
#include <string.h>

#include "app/content.h"
#include "base/log.h"
#include "demo/demo.h"

struct demo_page {
    const char *slug, *title, *body;
};

static const struct demo_page demo_pages[] = {
    {"home", "Harbor City Educator Supports Program",
     "Our mission is to strengthen student learning and teaching practice through coaching "
     "and evaluation that every participant can call **fair, transparent and humane**.\n\n"
     "The program is a partnership between the Harbor City Public Schools and the Harbor City "
     "Teachers Union. It works with teachers whose latest evaluation rated them below "
     "Proficient. A teacher who chooses to take part is paired with an experienced colleague, "
     "a *Consulting Teacher*, who visits their classroom regularly.\n\n"
     "## Two tracks\n\n"
     "- **Peer Assistance (PA)**: your Consulting Teacher is your coach, and only your coach. "
     "Nothing from PA is used to evaluate you.\n"
     "- **Peer Assistance and Review (PAR)**: your Consulting Teacher coaches you *and* is your "
     "primary evaluator. A Panel of teachers and principals recommends your final rating.\n\n"
     "Taking part is always your own decision."},
    {"about", "About the program",
     "Peer Assistance and Review began in Toledo, Ohio, in 1981 and has since served districts "
     "across the country. Harbor City's program follows the same idea: teachers helping "
     "teachers, with the union and the district as partners.\n\n"
     "## How it works\n\n"
     "You work side by side with a Consulting Teacher: a coach, a sounding board and a "
     "teammate. Together you name what to improve, set goals for your practice and for your "
     "students' learning, and go round a loop of coaching, observing, reflecting and "
     "assessing. A cycle lasts from six months to a year.\n\n"
     "In **PAR**, your principal is the secondary evaluator. You, your Consulting Teacher and "
     "your administrator meet at least three times, in *parley meetings*, to check that "
     "everyone sees the same progress. At the end, your Consulting Teacher recommends a "
     "rating; you and your administrator see it first and may add evidence; the Panel votes; "
     "the Superintendent gives final approval.\n\n"
     "## Consultancy visits\n\n"
     "Already Proficient, or not eligible for PA or PAR? Ask for a *consultancy visit*: an "
     "informal observation and some short-term coaching, with no evaluation."},
    {"enroll", "How to enroll",
     "1. **Check your eligibility.** PA and PAR are for union members working full time with "
     "more than two years in the district (from your 3rd year on), on a Directed Growth, "
     "Improvement or Developing Educator plan. PAR also needs a plan of at least six months.\n"
     "2. **Send us the contact form.** It takes two minutes and needs no account.\n"
     "3. **Meet a Consulting Teacher.** We explain how the program works and answer your "
     "questions.\n"
     "4. **For PAR: review the agreement.** You go through the PAR Agreement with a union "
     "representative, so you know your rights. Once you both sign it, you join the PAR "
     "caseload.\n\n"
     "School nurses, SPC teachers and CoSESS staff can take part like classroom teachers."},
    {"track-record", "Track record",
     "We judge ourselves in two ways: whether teachers improve their practice and their "
     "ratings, and whether the teachers and administrators we work with find the process "
     "fair, transparent and humane. We ask them in a survey at the end of every cycle."},
    {"contact", "Contact us",
     "**Email:** esp@harborcity-schools.example\n\n"
     "**Phone:** (555) 010-0142, school days 8 am to 4 pm\n\n"
     "**Office:** Educator Supports Program, 100 Harbor Street, second floor.\n\n"
     "To set up a first meeting with a Consulting Teacher, use the contact form."},
};

static const struct faq_input demo_faq[] = {
    {"teachers", "What is the Educator Supports Program?",
     "A program that pairs you with an experienced colleague who coaches you, and in PAR also "
     "evaluates you. It may suit you if your last evaluation rated you below Proficient.",
     "1", "yes"},
    {"teachers", "How are PA and PAR different?",
     "Both give you a Consulting Teacher who coaches you one to one. In **PA** the coaching is "
     "all there is: nothing is used in an evaluation, and any plan length will do. In **PAR** "
     "your Consulting Teacher is also your primary evaluator, and your plan must last at least "
     "six months. See [the comparison](/about#compare).",
     "2", "yes"},
    {"teachers", "Is PAR a real evaluation?",
     "Yes. You get a second pair of eyes on your teaching and a second pair of hands for your "
     "planning, but the rating at the end is a real one: the Panel recommends it and the "
     "Superintendent approves it.",
     "3", "yes"},
    {"teachers", "Why does PAR need a plan of six months or more?",
     "Real growth takes time. A shorter plan leaves too little room for intensive support, "
     "so teachers on short plans are offered PA, which has no length requirement.",
     "4", "yes"},
    {"teachers", "Can I be in PA and PAR at the same time?",
     "No. One track at a time keeps the Consulting Teachers' time available to everyone who "
     "asks.",
     "5", "yes"},
    {"administrators", "What does an administrator do in PAR?",
     "You are the secondary evaluator: you may observe, add observations and artifacts, and "
     "present evidence to the Panel. You set the initial timeline of the cycle, and you "
     "preview and may respond to the summative evaluation before the Panel approves it.",
     "1", "yes"},
    {"administrators", "How will I be kept informed?",
     "There are at least three parley meetings in each PAR cycle, with the teacher and the "
     "Consulting Teacher. Be as involved as you like; ideally you and the Consulting Teacher "
     "observe together at least once.",
     "2", "yes"},
    {"administrators", "Can I enrol a teacher, or stop one from enrolling?",
     "Neither. Taking part is the teacher's decision. You may share information and encourage "
     "a teacher to learn more, but PAR is a bargained right: an eligible teacher who wants to "
     "join may join.",
     "3", "yes"},
    {"panel_and_cts", "Who do the Consulting Teachers work for?",
     "They are union members on assignment to the district's human resources office. The "
     "Panel hires, supervises and evaluates them.",
     "1", "yes"},
    {"panel_and_cts", "How can I become a Consulting Teacher?",
     "Consulting Teachers are experienced teachers and union members who commit to at least "
     "two years in the role. For a year afterwards they may not take a principal or assistant "
     "principal post in the district. Openings are announced in our news.",
     "2", "yes"},
    {"panel_and_cts", "Who sits on the Panel?",
     "Teachers appointed by the union president, for terms of two to four years, and "
     "principals appointed by the district. Members with a conflict of interest in a case do "
     "not vote on it.",
     "3", "yes"},
};

static const struct news_input demo_news[] = {
    {"A new home for the program on the web",
     "The program's site now lives in Parley. Check whether PA or PAR is open to you, read "
     "the answers to common questions, and send us the contact form, all without an account.",
     "2026-09-02", "yes"},
    {"We are hiring a Consulting Teacher",
     "Enjoy helping colleagues grow? We are looking for an experienced teacher to join the "
     "team for at least two years. Read [how to become a Consulting Teacher](/faq#panel_and_cts) "
     "and write to us.",
     "2026-03-12", "yes"},
    {"Consultancy visits are open",
     "You do not need to be on a plan to ask for feedback. Book a consultancy visit through the "
     "contact form: an informal observation and a conversation, with no evaluation.",
     "2025-12-14", "yes"},
};

static const char demo_glance[] =
    "PA and PAR at a glance\n"
    "======================\n\n"
    "Peer Assistance (PA): coaching by a Consulting Teacher. No evaluation.\n"
    "Open to teachers on a Directed Growth, Improvement or Developing Educator plan.\n\n"
    "Peer Assistance and Review (PAR): coaching and evaluation by a Consulting Teacher,\n"
    "with the principal as secondary evaluator. Plans of six months or more.\n"
    "At least three parley meetings. The Panel recommends the final rating;\n"
    "the Superintendent approves it.\n\n"
    "Start with the eligibility checker and the contact form on our site.\n";

static const char demo_goals[] =
    "standard,goal type,example goal\n"
    "I. Curriculum planning and assessment,professional practice,"
    "\"Plan each unit backwards from a common end-of-unit assessment.\"\n"
    "II. Teaching all students,professional practice,"
    "\"Use three checks for understanding in every lesson and adjust on the spot.\"\n"
    "II. Teaching all students,student learning,"
    "\"80% of my students will reach the unit's reading target by March.\"\n"
    "III. Family and community engagement,professional practice,"
    "\"Contact every family with good news at least once a term.\"\n"
    "IV. Professional culture,professional practice,"
    "\"Observe a colleague twice a term and share one idea with my team.\"\n";

static enum app_status demo_resources(struct ctx *c, struct errors *errs)
{
    const struct resource_input res[] = {
        {"PA and PAR at a glance", "A one-page summary of the two tracks, to print or share.",
         "yes", "pa-and-par-at-a-glance.txt", demo_glance, sizeof demo_glance - 1},
        {"Goals bank",
         "Example goals for each standard, to start a conversation with your "
         "Consulting Teacher.",
         "yes", "goals-bank.csv", demo_goals, sizeof demo_goals - 1},
    };
    enum app_status s = APP_OK;
    for (size_t i = 0; s == APP_OK && i < sizeof res / sizeof *res; i++) {
        int64_t id;
        s = resource_create(c, &res[i], &id, errs);
    }
    return s;
}

/* A comment sent as a visitor sends it, then published by the coordinator. */
static enum app_status demo_feedback(struct ctx *c, struct errors *errs)
{
    struct ctx visitor = *c;
    visitor.who = (struct actor){.program_id = c->who.program_id};
    visitor.address = "198.51.100.40";
    bool stored;
    struct rate_refusal refused;
    struct feedback_input in = {"teacher",
                                "My Consulting Teacher helped me take charge of my teaching "
                                "again. I felt heard at every step.",
                                ""};
    enum app_status s = feedback_submit(&visitor, &in, &stored, &refused, errs);
    int64_t id = 0;
    if (s == APP_OK)
        db_int_query(c->db, &id, "SELECT MAX(id) FROM feedback WHERE program_id = ?", "i",
                     c->who.program_id);
    return s == APP_OK ? feedback_publish(c, id, true) : s;
}

enum app_status demo_site_build(struct ctx *c)
{
    struct errors errs = {0};
    enum app_status s = APP_OK;
    for (size_t i = 0; s == APP_OK && i < sizeof demo_pages / sizeof *demo_pages; i++)
        s = site_page_save(c, demo_pages[i].slug, 0,
                           &(struct page_input){demo_pages[i].title, demo_pages[i].body}, &errs);
    for (size_t i = 0; s == APP_OK && i < sizeof demo_faq / sizeof *demo_faq; i++) {
        int64_t id;
        s = faq_create(c, &demo_faq[i], &id, &errs);
    }
    for (size_t i = 0; s == APP_OK && i < sizeof demo_news / sizeof *demo_news; i++) {
        int64_t id;
        s = news_create(c, &demo_news[i], &id, &errs);
    }
    if (s == APP_OK)
        s = demo_resources(c, &errs);
    if (s == APP_OK)
        s = demo_feedback(c, &errs);
    for (int i = 0; i < errs.n; i++)
        log_error("demo site: %s: %s", errs.e[i].field, errs.e[i].message);
    return s;
}

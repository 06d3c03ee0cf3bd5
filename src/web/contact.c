/* contact.c: the public contact form. R10: enrolment starts here, with no
 * account; a Consulting Teacher answers with a first meeting. Visitors'
 * forms carry a CSRF token bound to a cookie (dispatch.c), so this POST
 * needs no session. Against spam: a honeypot field and a per-address limit
 * (the contact_per_hour setting). */
#include <inttypes.h>
#include <string.h>

#include "app/inquiry.h"
#include "out/html.h"
#include "web/handlers.h"
#include "web/web.h"

/* The field a person never sees or fills; robots fill every field. */
#define HONEYPOT "website"

static struct inquiry_input contact_input_from_form(req *r)
{
    return (struct inquiry_input){
        .name = form_value(r, "name"), .email = form_value(r, "email"),
        .school_id = form_value(r, "school_id"), .school_other = form_value(r, "school_other"),
        .contact_by = form_value(r, "contact_by"), .phone = form_value(r, "phone"),
        .interest = form_value(r, "interest"), .message = form_value(r, "message"),
    };
}

/* The program's schools, then "not listed" (R5: every school's staff may ask). */
static struct option *school_choices(req *r, int *n)
{
    struct school *schools;
    int count = 0;
    if (schools_all(ctx_of(r), &schools, &count) != APP_OK)
        count = 0;
    struct option *opts = arena_alloc(r->a, sizeof *opts * (size_t)(count + 2));
    opts[0] = (struct option){"", "Choose your school"};
    for (int i = 0; i < count; i++)
        opts[i + 1] = (struct option){arena_printf(r->a, "%" PRId64, schools[i].id), schools[i].name};
    opts[count + 1] = (struct option){SCHOOL_OTHER, "My school is not listed"};
    *n = count + 2;
    return opts;
}

/* Visually hidden and hidden from assistive technology, out of the tab
 * order, never autofilled: only a robot fills it in. */
static void honeypot_field(req *r)
{
    html_raw(&r->out, "<div class=\"visually-hidden\" aria-hidden=\"true\">"
                      "<label for=\"f-" HONEYPOT "\">Leave this field empty</label>"
                      "<input type=\"text\" id=\"f-" HONEYPOT "\" name=\"" HONEYPOT "\" "
                      "tabindex=\"-1\" autocomplete=\"off\" value=\"\"></div>");
}

static void choice_fields(req *r, const struct inquiry_input *in, const struct errors *errs)
{
    struct option ways[CONTACT_COUNT + 1] = {{"", "Choose how"}};
    for (int i = 0; i < CONTACT_COUNT; i++)
        ways[i + 1] = (struct option){contact_by_key((enum contact_by)i),
                                      contact_by_label((enum contact_by)i)};
    field_select(r, &(struct field){.name = "contact_by", .label = "How should we reach you?",
                                    .value = in->contact_by, .required = true},
                 ways, CONTACT_COUNT + 1, errs);
    field_input(r, &(struct field){.name = "phone", .label = "Phone number", .type = "tel",
                                   .value = in->phone, .autocomplete = "tel",
                                   .hint = "Needed if you would like a call."}, errs);
    struct option interests[INTEREST_COUNT + 1] = {{"", "Choose one"}};
    for (int i = 0; i < INTEREST_COUNT; i++)
        interests[i + 1] = (struct option){interest_key((enum interest)i),
                                           interest_label((enum interest)i)};
    field_select(r, &(struct field){.name = "interest", .label = "What are you interested in?",
                                    .value = in->interest, .required = true,
                                    .hint = "Not sure? Choose a question, or check first whether "
                                            "you are eligible."},
                 interests, INTEREST_COUNT + 1, errs);
}

static void contact_form(req *r, const struct inquiry_input *in, const struct errors *errs)
{
    form_errors(r, errs);
    form_begin(r, "/contact/new");
    field_input(r, &(struct field){.name = "name", .label = "Your name", .value = in->name,
                                   .required = true, .autocomplete = "name"}, errs);
    field_input(r, &(struct field){.name = "email", .label = "Your email address", .type = "email",
                                   .value = in->email, .required = true, .autocomplete = "email"},
                errs);
    int nschools;
    struct option *schools = school_choices(r, &nschools);
    field_select(r, &(struct field){.name = "school_id", .label = "Your school",
                                    .value = in->school_id, .required = true},
                 schools, nschools, errs);
    field_input(r, &(struct field){.name = "school_other", .label = "Your school's name",
                                   .value = in->school_other,
                                   .hint = "If your school is not listed."}, errs);
    choice_fields(r, in, errs);
    field_textarea(r, &(struct field){.name = "message", .label = "Your message",
                                      .value = in->message,
                                      .hint = "Anything you would like us to know. Needed for a "
                                              "question."}, errs);
    honeypot_field(r);
    form_end(r, "Send");
}

static void contact_page(req *r, const struct inquiry_input *in, const struct errors *errs,
                         const char *problem)
{
    page_begin(r, "Contact the program");
    html_raw(&r->out, "<p>This is how joining starts: send this form, no account needed, and a "
                      "Consulting Teacher will contact you to set up a first meeting, where you "
                      "talk through how PA and PAR work. Participation is your choice. "
                      "You can also <a href=\"/eligibility\">check whether you are "
                      "eligible</a> first.</p>");
    struct ctx *c = ctx_of(r);
    if (app_signed_in(c))
        html_printf(&r->out, "<p class=\"panel\">You are signed in as %s. A request you send "
                             "in someone else's name waits for them: it becomes a case only "
                             "once they confirm it themselves.</p>",
                    c->who.name ? c->who.name : "");
    form_problem(r, problem);
    contact_form(r, in, errs);
    page_end(r);
}

void page_contact_new(req *r)
{
    contact_page(r, &(struct inquiry_input){0}, NULL, NULL);
}

/* "INQ-2026-0042": what the thank-you page may show back. */
static bool reference_shaped(const char *v)
{
    size_t n = v ? strlen(v) : 0;
    if (n < 13 || n > 24 || strncmp(v, "INQ-", 4) != 0)
        return false;
    for (const char *p = v + 4; *p; p++)
        if (!strchr("0123456789-", *p))
            return false;
    return true;
}

/* Post/Redirect/Get: the form's answer sends the browser here, so that a
 * reload shows the thank-you again instead of sending the form twice.
 * Only the reference: nothing of what was sent is shown back, and nothing
 * is looked up (the page says what its address says). */
void page_contact_sent(req *r)
{
    const char *reference = req_query(r, "reference");
    page_begin(r, "Thank you: your message is sent");
    if (reference_shaped(reference))
        html_printf(&r->out, "<div class=\"panel\" role=\"status\"><p>Your reference number is "
                             "<strong class=\"reference\">%s</strong>.</p></div>",
                    reference);
    html_printf(&r->out, "<p>Keep it: quote it if you write to us again.</p><p>%s</p><p>%s</p>"
                         "<p><a href=\"/\">Back to the home page</a></p>",
                inquiry_next_words, inquiry_your_choice_words);
    page_end(r);
}

void do_contact(req *r)
{
    struct inquiry_input in = contact_input_from_form(r);
    struct errors errs = {0};
    struct inquiry_receipt rc;
    bool honeypot = *form_value(r, HONEYPOT) != '\0';
    enum app_status s = inquiry_submit(ctx_of(r), &in, honeypot, &rc, &errs);
    if (s == APP_INVALID) {
        r->status = 400;
        contact_page(r, &in, &errs, NULL);
    } else if (s == APP_THROTTLED) {
        contact_page(r, &in, NULL, form_rate_limited(r, "messages", rc.limit, rc.retry_at));
    } else if (s != APP_OK) {
        web_fail(r, s, KIND_INQUIRY);
    } else {
        buf to;
        buf_init(&to, r->a);
        buf_puts(&to, "/contact/sent?reference=");
        url_encode(&to, rc.reference);
        res_redirect(r, buf_cstr(&to));
    }
}

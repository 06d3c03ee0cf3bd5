/* intake.c: the coordinator's intake queue and one inquiry's page. The
 * coordinator sees and assigns every inquiry; a Consulting Teacher sees and
 * works those assigned to them; to anyone else an inquiry does not exist
 * (404: who asked for help is private). */
#include <inttypes.h>
#include <string.h>

#include "app/inquiry.h"
#include "base/clock.h"
#include "out/html.h"
#include "web/eligibility.h"
#include "web/handlers.h"
#include "web/web.h"

/* What was typed into the page's forms, shown again beside their errors. */
struct intake_typed {
    const char *handler_id, *status, *close_reason, *note;
    struct eligibility_answers facts;
};

static void age_cell(req *r, int64_t created_at)
{
    char age[32];
    inquiry_age(age, sizeof age, app_now(ctx_of(r)) - created_at);
    html_printf(&r->out, "%s<br><small>", age);
    html_time(r, created_at);
    html_raw(&r->out, "</small>");
}

static const char *school_of(const struct inquiry *q)
{
    return q->school_id ? q->school_name : *q->school_other ? q->school_other : "Not listed";
}

/* --- the queue --- */

static struct option *handler_options(req *r, const char *none, int *n)
{
    struct inquiry_handler *hs;
    int count = 0;
    if (inquiry_handlers(ctx_of(r), &hs, &count) != APP_OK)
        count = 0;
    struct option *opts = arena_alloc(r->a, sizeof *opts * (size_t)(count + 1));
    opts[0] = (struct option){"", none};
    for (int i = 0; i < count; i++)
        opts[i + 1] = (struct option){id_text(r, hs[i].id),
                                      arena_printf(r->a, "%s (%s)", hs[i].name, hs[i].role)};
    *n = count + 1;
    return opts;
}

static void queue_filters(req *r, const struct inquiry_filter *f, bool sees_all)
{
    html_raw(&r->out, "<form method=\"get\" action=\"/intake\" class=\"search\" role=\"search\">");
    field_input(r, &(struct field){.name = "q", .label = "Name, email or reference",
                                   .type = "search", .value = f->q, .filter = true}, NULL);
    struct option statuses[] = {{"open", "Open (new or in progress)"}, {"new", "New"},
                                {"in_progress", "In progress"}, {"closed", "Closed"}, {"", "Any"}};
    field_select(r, &(struct field){.name = "status", .label = "Status", .value = f->status,
                                    .filter = true}, statuses, 5, NULL);
    struct option interests[INTEREST_COUNT + 1] = {{"", "Any interest"}};
    for (int i = 0; i < INTEREST_COUNT; i++)
        interests[i + 1] = (struct option){interest_key((enum interest)i),
                                           interest_label((enum interest)i)};
    field_select(r, &(struct field){.name = "interest", .label = "Interest", .value = f->interest,
                                    .filter = true}, interests, INTEREST_COUNT + 1, NULL);
    if (sees_all) {
        int n;
        struct option *hs = handler_options(r, "Anyone", &n);
        struct option *all = arena_alloc(r->a, sizeof *all * (size_t)(n + 1));
        memcpy(all, hs, sizeof *all * (size_t)n);
        all[n] = (struct option){"none", "Nobody yet"};
        field_select(r, &(struct field){.name = "handler", .label = "Handled by",
                                        .value = f->handler, .filter = true}, all, n + 1, NULL);
    }
    html_raw(&r->out, "<div class=\"form-actions\"><button type=\"submit\" class=\"button\">"
                      "Filter</button></div></form>");
}

static const char *queue_base(req *r, const struct inquiry_filter *f)
{
    buf b;
    buf_init(&b, r->a);
    const char *names[] = {"q", "status", "interest", "handler"};
    const char *values[] = {f->q, f->status, f->interest, f->handler};
    for (int i = 0; i < 4; i++) {
        buf_printf(&b, "%s%s=", i ? "&" : "/intake?", names[i]);
        url_encode(&b, values[i] ? values[i] : "");
    }
    return buf_cstr(&b);
}

/* The status, and R8's wait for the teacher while it lasts. */
static const char *status_words(req *r, const struct inquiry *q)
{
    if (q->confirmation == CONFIRMATION_AWAITING && q->status != INQUIRY_CLOSED)
        return arena_printf(r->a, "%s: %s", inquiry_status_label(q->status),
                            teacher_confirmation_label(q->confirmation));
    return inquiry_status_label(q->status);
}

static void queue_row(req *r, const struct inquiry *q)
{
    html_printf(&r->out, "<tr><td><a href=\"/intake/%lld\">%s</a></td><td>", (long long)q->id,
                q->reference);
    age_cell(r, q->created_at);
    html_printf(&r->out, "</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
                q->name, interest_label(q->interest), school_of(q),
                *q->handler_name ? q->handler_name : "Nobody yet", status_words(r, q));
}

static void queue_table(req *r, const struct inquiry *qs, int n)
{
    table_begin(r, "Inquiries", false,
                (const char *const[]){"Reference", "Waiting since", "From", "Interest", "School",
                                      "Handled by", "Status"},
                7);
    for (int i = 0; i < n; i++)
        queue_row(r, &qs[i]);
    table_end(r);
}

void page_intake(req *r)
{
    struct ctx *c = ctx_of(r);
    const char *status = req_query(r, "status");
    struct inquiry_filter f = {.q = req_query(r, "q"), .status = status ? status : "open",
                               .interest = req_query(r, "interest"), .handler = req_query(r, "handler")};
    struct page_of pg = {.page = req_page(r), .per_page = 25};
    struct inquiry *qs;
    int n;
    struct errors errs = {0};
    enum app_status s = inquiries_list(c, &f, &pg, &qs, &n, &errs);
    if (s != APP_OK) {
        web_fail(r, s, KIND_INQUIRY);
        return;
    }
    bool sees_all = app_authorize(c, ACT_ASSIGN, KIND_INQUIRY, NULL) == APP_OK;
    page_begin(r, "Intake");
    html_raw(&r->out, sees_all ? "<p>Inquiries sent with the contact form, the longest waiting "
                                 "first. Assign each to yourself or a Consulting Teacher.</p>"
                               : "<p>The inquiries assigned to you, the longest waiting first.</p>");
    queue_filters(r, &f, sees_all);
    html_printf(&r->out, "<p role=\"status\">%lld %s found.</p>", (long long)pg.total,
                pg.total == 1 ? "inquiry" : "inquiries");
    queue_table(r, qs, n);
    pagination(r, queue_base(r, &f), pg.page, pg.per_page, pg.total);
    page_end(r);
}

/* --- one inquiry --- */

/* R8: the teacher, or someone else in their name and the teacher's word. */
static const char *who_asked(req *r, const struct inquiry *q)
{
    switch (q->confirmation) {
    case CONFIRMATION_NOT_NEEDED:
        return "The teacher, with the contact form";
    case CONFIRMATION_AWAITING:
        return arena_printf(r->a, "%s, in the teacher's name: awaiting %s's confirmation. It "
                                  "becomes a case only once they confirm it.",
                            q->sent_by_name, q->name);
    case CONFIRMATION_CONFIRMED:
        return arena_printf(r->a, "%s, in the teacher's name; %s confirmed it on %s",
                            q->sent_by_name, q->name, clock_date(r->a, q->confirmed_at));
    default:
        return arena_printf(r->a, "%s, in the teacher's name; %s says they did not ask for it",
                            q->sent_by_name, q->name);
    }
}

static void inquiry_details(req *r, const struct inquiry *q)
{
    html_raw(&r->out, "<dl class=\"record\"><div><dt>Received</dt><dd>");
    age_cell(r, q->created_at);
    html_raw(&r->out, "</dd></div>");
    record_row(r, "From", q->name);
    record_row(r, "Email", q->email);
    record_row(r, "Phone", *q->phone ? q->phone : "—");
    record_row(r, "How to reach them", contact_by_label(q->contact_by));
    record_row(r, "School", school_of(q));
    record_row(r, "Interest", interest_label(q->interest));
    record_row(r, "Message", *q->message ? q->message : "—");
    record_row(r, "Status",
               *q->close_reason
                   ? arena_printf(r->a, "%s: %s", inquiry_status_label(q->status), q->close_reason)
                   : inquiry_status_label(q->status));
    record_row(r, "Handled by", *q->handler_name ? q->handler_name : "Nobody yet");
    record_row(r, "Who asked", who_asked(r, q));
    html_raw(&r->out, "</dl>");
}

static void assign_form(req *r, const struct inquiry *q, const struct intake_typed *t,
                        const struct errors *errs)
{
    html_raw(&r->out, "<h2 id=\"assign\">Who handles it</h2>");
    form_begin(r, arena_printf(r->a, "/intake/%" PRId64 "/assign", q->id));
    version_field(r, q->version);
    int n;
    struct option *hs = handler_options(r, "Nobody yet", &n);
    field_select(r, &(struct field){.name = "handler_id", .label = "Assign to",
                                    .value = t->handler_id ? t->handler_id : id_text(r, q->handler_id),
                                    .filter = true}, hs, n, errs);
    form_end(r, "Assign");
}

static void status_form(req *r, const struct inquiry *q, const struct intake_typed *t,
                        const struct errors *errs)
{
    html_raw(&r->out, "<h2 id=\"status\">Status</h2>");
    form_begin(r, arena_printf(r->a, "/intake/%" PRId64 "/status", q->id));
    version_field(r, q->version);
    struct option opts[INQUIRY_STATUS_COUNT];
    for (int i = 0; i < INQUIRY_STATUS_COUNT; i++)
        opts[i] = (struct option){inquiry_status_key((enum inquiry_status)i),
                                  inquiry_status_label((enum inquiry_status)i)};
    field_select(r, &(struct field){.name = "status", .label = "Status", .required = true,
                                    .value = t->status ? t->status : inquiry_status_key(q->status)},
                 opts, INQUIRY_STATUS_COUNT, errs);
    field_input(r, &(struct field){.name = "close_reason", .label = "Why it is closed",
                                   .value = t->close_reason ? t->close_reason : q->close_reason,
                                   .hint = "Only when closing, such as \"enrolled in PA\" or "
                                           "\"answered the question\"."}, errs);
    form_end(r, "Save the status");
}

static void notes_section(req *r, const struct inquiry *q, const struct intake_typed *t,
                          const struct errors *errs)
{
    html_raw(&r->out, "<h2 id=\"notes\">Notes</h2>");
    if (!q->nnotes)
        html_raw(&r->out, "<p>No notes yet.</p>");
    else
        html_raw(&r->out, "<ul class=\"notes\">");
    for (int i = 0; i < q->nnotes; i++) {
        html_printf(&r->out, "<li><p>%s</p><p class=\"hint\">%s, ", q->notes[i].body,
                    q->notes[i].author);
        html_time(r, q->notes[i].at);
        html_raw(&r->out, "</p></li>");
    }
    if (q->nnotes)
        html_raw(&r->out, "</ul>");
    form_begin(r, arena_printf(r->a, "/intake/%" PRId64 "/notes", q->id));
    field_textarea(r, &(struct field){.name = "body", .label = "New note", .value = t->note,
                                      .required = true}, errs);
    form_end(r, "Add the note");
}

/* The facts as stored, as the form shows them. */
static struct eligibility_answers facts_of(req *r, const struct inquiry *q)
{
    if (!q->facts_at)
        return (struct eligibility_answers){0};
    const struct eligibility_facts *f = &q->facts;
    return (struct eligibility_answers){
        arena_printf(r->a, "%d", f->district_year), plan_type_key(f->plan),
        arena_printf(r->a, "%d", f->plan_months), rating_key(f->rating),
        f->union_member ? "yes" : "no", f->full_time ? "yes" : "no", job_type_key(f->job),
    };
}

/* The public checker's questions (web/eligibility.c), as the coordinator
 * confirms them with the teacher. */
static void facts_form(req *r, const struct inquiry *q, const struct eligibility_answers *in,
                       const struct errors *errs)
{
    form_begin(r, arena_printf(r->a, "/intake/%" PRId64 "/facts", q->id));
    version_field(r, q->version);
    eligibility_fields(r, in, false, errs);
    form_end(r, "Confirm these facts");
}

/* The answer in the public checker's words: every criterion, its rule. */
static void eligibility_answer(req *r, const struct inquiry *q)
{
    struct eligibility e;
    if (!inquiry_eligibility(ctx_of(r), q, &e)) {
        html_raw(&r->out, "<p>Not confirmed yet. Confirm the facts with the teacher, at the "
                          "first meeting at the latest; the answer appears here.</p>");
        return;
    }
    eligibility_criteria(r, &e);
    html_printf(&r->out, "<p class=\"hint\">Confirmed by %s, ",
                *q->facts_by_name ? q->facts_by_name : "the command line");
    html_time(r, q->facts_at);
    html_raw(&r->out, ".</p>");
}

static void eligibility_section(req *r, const struct inquiry *q, const struct intake_typed *t,
                                const struct errors *errs)
{
    html_raw(&r->out, "<h2 id=\"eligibility\">Eligibility</h2>");
    eligibility_answer(r, q);
    struct eligibility_answers shown = t->facts.district_year || t->facts.plan ? t->facts : facts_of(r, q);
    facts_form(r, q, &shown, errs);
}

/* The inquiry and its case are one journey: its case, or the step that
 * opens one when the case workflow allows it, or why not. */
static void case_section(req *r, const struct inquiry *q)
{
    html_raw(&r->out, "<h2 id=\"case\">Case</h2>");
    if (q->case_id) {
        html_printf(&r->out, "<p><a href=\"/cases/%" PRId64 "\">The case of %s</a> came from "
                             "this inquiry.</p>",
                    q->case_id, q->name);
        return;
    }
    const char *why;
    if (inquiry_may_open_case(ctx_of(r), q, &why)) {
        form_begin(r, "/cases");
        html_printf(&r->out, "<input type=\"hidden\" name=\"inquiry_id\" value=\"%" PRId64 "\">"
                             "<p>%s becomes a participating teacher with a case; its next "
                             "step is the first meeting with a Consulting Teacher.</p>",
                    q->id, q->name);
        form_end(r, "Open a case");
    } else {
        html_raw(&r->out, "<p>No case yet. ");
        rule_text(r, why);
        html_raw(&r->out, "</p>");
    }
}

static void inquiry_page(req *r, const struct inquiry *q, const struct intake_typed *t,
                         const struct errors *errs)
{
    page_begin(r, arena_printf(r->a, "Inquiry %s", q->reference));
    form_errors(r, errs);
    html_raw(&r->out, "<p><a href=\"/intake\">Back to the intake queue</a></p>");
    inquiry_details(r, q);
    case_section(r, q);
    if (app_authorize(ctx_of(r), ACT_ASSIGN, KIND_INQUIRY, NULL) == APP_OK)
        assign_form(r, q, t, errs);
    status_form(r, q, t, errs);
    notes_section(r, q, t, errs);
    eligibility_section(r, q, t, errs);
    page_end(r);
}

void page_inquiry(req *r)
{
    struct inquiry q;
    enum app_status s = inquiry_get(ctx_of(r), req_id(r, "id"), &q);
    if (s != APP_OK) {
        web_fail(r, s, KIND_INQUIRY);
        return;
    }
    inquiry_page(r, &q, &(struct intake_typed){0}, NULL);
}

/* After a write: back to the page, or the page again with the errors. */
static void inquiry_written(req *r, int64_t id, enum app_status s, const struct intake_typed *t,
                            const struct errors *errs, const char *done)
{
    struct inquiry q;
    if (s == APP_INVALID && inquiry_get(ctx_of(r), id, &q) == APP_OK) {
        r->status = 400;
        inquiry_page(r, &q, t, errs);
        return;
    }
    if (s != APP_OK) {
        web_fail(r, s, KIND_INQUIRY);
        return;
    }
    web_flash(r, done);
    res_redirect(r, arena_printf(r->a, "/intake/%" PRId64, id));
}

void do_inquiry_assign(req *r)
{
    int64_t id = req_id(r, "id");
    struct intake_typed t = {.handler_id = form_value(r, "handler_id")};
    struct errors errs = {0};
    enum app_status s = inquiry_update(ctx_of(r), id, parse_id(req_form(r, "version")),
                                       &(struct inquiry_change){.handler_id = t.handler_id}, &errs);
    inquiry_written(r, id, s, &t, &errs, "The inquiry is assigned.");
}

void do_inquiry_status(req *r)
{
    int64_t id = req_id(r, "id");
    struct intake_typed t = {.status = form_value(r, "status"),
                             .close_reason = form_value(r, "close_reason")};
    struct errors errs = {0};
    struct inquiry_change ch = {.status = t.status, .close_reason = t.close_reason};
    enum app_status s = inquiry_update(ctx_of(r), id, parse_id(req_form(r, "version")), &ch, &errs);
    inquiry_written(r, id, s, &t, &errs, "The status is saved.");
}

void do_inquiry_note(req *r)
{
    int64_t id = req_id(r, "id");
    struct intake_typed t = {.note = form_value(r, "body")};
    struct errors errs = {0};
    enum app_status s = inquiry_note_add(ctx_of(r), id, t.note, &errs);
    inquiry_written(r, id, s, &t, &errs, "The note is added.");
}

void do_inquiry_facts(req *r)
{
    int64_t id = req_id(r, "id");
    struct intake_typed t = {.facts = eligibility_answers_from_form(r)};
    struct errors errs = {0};
    enum app_status s = inquiry_facts_confirm(ctx_of(r), id, parse_id(req_form(r, "version")),
                                              &t.facts, &errs);
    inquiry_written(r, id, s, &t, &errs, "The eligibility facts are confirmed.");
}

/* --- R8: a request someone else sent in the asker's name --- */

static void sent_in_your_name(req *r, const struct inquiry *q)
{
    html_printf(&r->out, "<li><p><strong>%s</strong> sent the program a request in your name "
                         "(%s, ",
                *q->sent_by_name ? q->sent_by_name : "Someone", q->reference);
    html_time(r, q->created_at);
    html_printf(&r->out, "): %s.%s%s</p>", interest_label(q->interest), *q->message ? " " : "",
                q->message);
    html_printf(&r->out, "<form method=\"post\" action=\"/inquiries/%" PRId64 "/confirmation\" "
                         "class=\"inline-form\"><input type=\"hidden\" name=\"csrf\" "
                         "value=\"%s\"><button type=\"submit\" name=\"answer\" value=\"confirm\" "
                         "class=\"button\">Yes, I asked for this</button> <button type=\"submit\" "
                         "name=\"answer\" value=\"decline\" class=\"button button-secondary\">This "
                         "wasn't me</button></form></li>",
                q->id, web_of(r)->csrf);
}

void sent_in_your_name_section(req *r)
{
    struct inquiry *qs;
    int n = 0;
    if (inquiries_sent_in_my_name(ctx_of(r), &qs, &n) != APP_OK || !n)
        return;
    html_raw(&r->out, "<section class=\"panel\" id=\"sent-in-your-name\" aria-labelledby="
                      "\"sent-in-your-name-h\"><h2 id=\"sent-in-your-name-h\">Sent in your "
                      "name</h2><p>Joining the program is your choice. Nothing happens with these "
                      "requests unless you confirm them.</p><ul class=\"notes\">");
    for (int i = 0; i < n; i++)
        sent_in_your_name(r, &qs[i]);
    html_raw(&r->out, "</ul></section>");
}

void do_inquiry_confirmation(req *r)
{
    struct errors errs = {.n = 0};
    const char *refusal = NULL, *answer = form_value(r, "answer");
    enum app_status s = inquiry_teacher_answer(ctx_of(r), req_id(r, "id"), answer, &errs,
                                               &refusal);
    if (s == APP_INVALID) {
        web_error(r, 400, errs.e[0].message);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_INQUIRY);
        return;
    }
    web_flash(r, strcmp(answer, "confirm") == 0
                     ? "Thank you: your request is confirmed. The program will contact you."
                     : "Thank you: the request is closed, and nothing more will come of it.");
    res_redirect(r, "/dashboard");
}

/* survey.c: the end-of-cycle survey on the web (R39). The invited teacher
 * or administrator answers three Likert questions and may comment, once;
 * the page says plainly that the answer is kept without their name and
 * shown only in groups. The coordinator's /surveys lists who was invited
 * and who responded: names and yes or no, never an answer. */
#include <inttypes.h>
#include <string.h>

#include "app/outcome.h"
#include "out/html.h"
#include "web/case_parts.h"
#include "web/handlers.h"

static const char *survey_url(req *r, int64_t case_id)
{
    return arena_printf(r->a, "/cases/%" PRId64 "/survey", case_id);
}

/* One question: a radio group from 1 (strongly disagree) to 5 (strongly
 * agree) in a fieldset whose legend is the statement. */
static void likert_field(req *r, const struct survey_question *q, const char *value,
                         const struct errors *errs)
{
    const char *error = errs ? errors_get(errs, q->key) : NULL;
    html_printf(&r->out, "<fieldset class=\"field\" id=\"f-%s\"", q->key);
    if (error)
        html_raw(&r->out, " aria-invalid=\"true\"");
    html_printf(&r->out, "><legend>%s</legend>", q->statement);
    field_error_text(r, NULL, error);
    for (int v = LIKERT_MIN; v <= LIKERT_MAX; v++) {
        const char *id = arena_printf(r->a, "f-%s-%d", q->key, v);
        bool checked = value && value[0] == '0' + v && !value[1];
        html_printf(&r->out, "<div class=\"field-check\"><input type=\"radio\" id=\"%s\" "
                             "name=\"%s\" value=\"%d\"%s><label for=\"%s\">%d — %s</label></div>",
                    id, q->key, v, checked ? " checked" : "", id, v, likert_label(v));
    }
    html_raw(&r->out, "</fieldset>");
}

static void survey_form(req *r, const struct case_record *k, const struct survey_invite *inv,
                        const struct survey_input *in, const struct errors *errs)
{
    const char *values[SURVEY_QUESTIONS] = {in->fair, in->transparent, in->humane};
    if (strcmp(inv->party, SURVEY_PARTY_TEACHER) == 0)
        html_raw(&r->out, "<p>Your cycle in the program is over. ");
    else
        html_printf(&r->out, "<p>The cycle of the case of %s is over. ", k->teacher_name);
    html_printf(&r->out,
                "Please tell the program how the process felt to you.</p><p><strong>Your answers are stored without your "
                "name</strong>, your case or the time you answered; only whether you answered "
                "is kept with your name, so that you are not asked again. The answers are "
                "shown only as totals for groups of at least %d people. You answer once; "
                "an answer cannot be changed afterwards, since nothing leads back to it.</p>",
                program_setting_int(ctx_of(r), "small_group_min"));
    form_errors(r, errs);
    form_begin(r, survey_url(r, k->id));
    for (int i = 0; i < SURVEY_QUESTIONS; i++)
        likert_field(r, &survey_questions[i], values[i], errs);
    field_textarea(r,
                   &(struct field){.name = "comment", .label = "Comment", .value = in->comment,
                                   .hint = "Anything you wish to add, up to 2,000 characters. "
                                           "Leave out names and details that would tell who "
                                           "you are."},
                   errs);
    form_end(r, "Send my answers");
}

static void survey_page(req *r, const struct case_record *k, const struct survey_invite *inv,
                        const struct survey_input *in, const struct errors *errs)
{
    page_begin(r, "End-of-cycle survey");
    survey_form(r, k, inv, in, errs);
    page_end(r);
}

void page_survey(req *r)
{
    struct case_record k;
    struct survey_invite inv;
    const char *refusal = NULL;
    enum app_status s = survey_open(ctx_of(r), req_id(r, "id"), &k, &inv, &refusal);
    if (s == APP_CONFLICT && inv.responded) {
        page_begin(r, "End-of-cycle survey");
        html_raw(&r->out, "<p>You have answered this survey. Thank you: your answers are "
                          "stored without your name.</p>");
        page_end(r);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_SURVEY);
        return;
    }
    survey_page(r, &k, &inv, &(struct survey_input){"", "", "", ""}, NULL);
}

void do_survey_answer(req *r)
{
    int64_t case_id = req_id(r, "id");
    struct survey_input in = {form_value(r, "fair"), form_value(r, "transparent"),
                              form_value(r, "humane"), form_value(r, "comment")};
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = survey_answer(ctx_of(r), case_id, &in, &errs, &refusal);
    if (s == APP_INVALID) {
        struct case_record k;
        struct survey_invite inv;
        if ((s = survey_open(ctx_of(r), case_id, &k, &inv, &refusal)) != APP_OK) {
            web_refuse(r, s, refusal, KIND_SURVEY);
            return;
        }
        r->status = 400;
        survey_page(r, &k, &inv, &in, &errs);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_SURVEY);
        return;
    }
    web_flash(r, "Thank you. Your answers are stored without your name.");
    res_redirect(r, "/dashboard");
}

/* --- the coordinator's list --- */

static void invite_row(req *r, const struct survey_invite *v)
{
    html_printf(&r->out, "<tr><td><a href=\"/cases/%" PRId64 "/outcome\">%s</a></td><td>%s</td>"
                         "<td>%s</td><td>%s</td><td>",
                v->case_id, v->teacher_name, case_track_label(v->track), v->person_name,
                v->party);
    html_time(r, v->created_at);
    html_printf(&r->out, "</td><td>%s</td></tr>", v->responded ? "Yes" : "No");
}

void page_surveys(req *r)
{
    struct survey_invite *v;
    int n = 0;
    struct page_of pg = {.page = req_page(r), .per_page = 50};
    enum app_status s = surveys_list(ctx_of(r), 0, &pg, &v, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_SURVEY);
        return;
    }
    page_begin(r, "End-of-cycle surveys");
    html_raw(&r->out, "<p>Who was asked to answer the end-of-cycle survey of each closed case, "
                      "and who did. The answers themselves are kept without names: this list "
                      "says who responded, never what anyone answered. The results are "
                      "in the program's reports.</p>");
    if (!n) {
        html_raw(&r->out, "<p>Nobody has been asked yet: the survey goes out when a closed "
                          "case's outcome is recorded.</p>");
        page_end(r);
        return;
    }
    table_begin(r, "Survey invitations by case", false,
                (const char *const[]){"Case of", "Track", "Asked", "As", "Invited", "Responded"},
                6);
    for (int i = 0; i < n; i++)
        invite_row(r, &v[i]);
    table_end(r);
    pagination(r, "/surveys", pg.page, pg.per_page, pg.total);
    page_end(r);
}

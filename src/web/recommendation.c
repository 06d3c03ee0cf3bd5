/* recommendation.c: the recommendation to the Panel on the web (R21, R22):
 * the CT writes it (an overall rating and its rationale) and sends it to
 * the Panel; the teacher and the administrator read it once sent, with the
 * preview deadline, and send the Panel written evidence or ask to appear;
 * the evidence packet the Panel reads, printable. Who may do what is
 * decided by app/recommendation.c through the policy table; a page only
 * offers what the asker may do. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "domain/cycle.h"
#include "domain/evaluation.h"
#include "domain/goal.h"
#include "domain/observation.h"
#include "out/html.h"
#include "web/case_parts.h"
#include "web/download.h"
#include "web/goals.h"
#include "web/handlers.h"
#include "web/recommendation.h"

static const char *rec_url(req *r, int64_t case_id, const char *rest)
{
    return arena_printf(r->a, "/cases/%" PRId64 "%s", case_id, rest);
}

void preview_deadline(req *r, const struct recommendation *rec)
{
    html_printf(&r->out, "until <time datetime=\"%s\">%s</time>", rec->preview_until,
                rec->preview_until);
    if (!rec->preview_open)
        html_raw(&r->out, ": <strong>the preview window is closed</strong>");
    else if (rec->days_left == 0)
        html_raw(&r->out, " (today is the last day)");
    else
        html_printf(&r->out, " (%d day%s left)", rec->days_left, rec->days_left == 1 ? "" : "s");
}

/* --- the case page's section --- */

void recommendation_summary(req *r, const struct case_record *k)
{
    struct recommendation rec;
    struct case_record again;
    const char *refusal;
    if (k->track != TRACK_PAR) {
        case_part_not_par(r, k, "recommendation to the Panel");
        return;
    }
    if (recommendation_get(ctx_of(r), k->id, &again, &rec, &refusal) != APP_OK)
        return;
    if (rec.status == REC_NONE)
        html_raw(&r->out, "<p>Not sent to the Panel yet.</p>");
    else if (rec.status == REC_DRAFT)
        html_printf(&r->out,
                    "<p>Your draft recommends %s; only you see it until you send it to "
                    "the Panel.</p>",
                    rating_label(rec.rating));
    else {
        html_printf(&r->out, "<p>Sent to the Panel: %s. Evidence is taken ",
                    rating_label(rec.rating));
        preview_deadline(r, &rec);
        html_raw(&r->out, ".</p>");
    }
}

/* --- the page --- */

static const struct option rating_options[] = {
    {"", "Choose a rating"},
    {"exemplary", "Exemplary"},
    {"proficient", "Proficient"},
    {"needs_improvement", "Needs Improvement"},
    {"unsatisfactory", "Unsatisfactory"},
};

/* The CT's form: the rating and its rationale (R21), then sending it. */
static void rec_form(req *r, const struct case_record *k, const struct recommendation *rec,
                     const struct rec_input *in, const struct errors *errs)
{
    html_raw(&r->out, "<section class=\"panel\" aria-labelledby=\"write\"><h2 id=\"write\">"
                      "Your recommendation</h2><p>You recommend an overall rating to the "
                      "Panel, with your rationale. It stays a draft, seen by you alone, until "
                      "you send it; then the teacher and the administrator read it and may send "
                      "the Panel evidence, and it no longer changes.</p>");
    form_errors(r, errs);
    form_begin(r, rec_url(r, k->id, "/recommendation"));
    version_field(r, rec->version);
    field_select(r,
                 &(struct field){.name = "rating",
                                 .label = "Overall rating you recommend",
                                 .value = in->rating,
                                 .required = true},
                 rating_options, (int)(sizeof rating_options / sizeof *rating_options), errs);
    field_textarea(r,
                   &(struct field){.name = "rationale",
                                   .label = "Rationale",
                                   .value = in->rationale,
                                   .required = true,
                                   .hint = "Why this rating: the evidence of the cycle. The "
                                           "Panel, the teacher and the administrator read it."},
                   errs);
    form_end(r, "Save the draft");
    if (rec->id && step_offered(r, k, "send_recommendation")) {
        form_begin(r, rec_url(r, k->id, "/recommendation/submit"));
        version_field(r, rec->version);
        step_confirm_field(r, "send_recommendation", NULL, "Send to the Panel", errs);
        form_end(r, "Send to the Panel");
    }
    html_raw(&r->out, "</section>");
}

static void rec_record(req *r, const struct recommendation *rec)
{
    html_raw(&r->out, "<dl class=\"record\">");
    html_printf(&r->out, "<div><dt>Rating recommended</dt><dd>%s</dd></div>",
                rating_label(rec->rating));
    html_printf(&r->out, "<div><dt>Rationale</dt><dd>%s</dd></div>", rec->rationale);
    html_printf(&r->out, "<div><dt>By</dt><dd>%s</dd></div>", rec->created_by);
    if (rec->status == REC_SUBMITTED) {
        html_raw(&r->out, "<div><dt>Sent to the Panel</dt><dd>");
        html_time(r, rec->submitted_at);
        html_raw(&r->out, "</dd></div><div><dt>Evidence and requests to appear taken</dt><dd>");
        preview_deadline(r, rec);
        html_raw(&r->out, "</dd></div>");
    }
    html_raw(&r->out, "</dl>");
}

static const struct option kind_options[] = {
    {"written", "Written evidence"},
    {"appear", "A request to appear in person"},
};

static void submission_form(req *r, const struct case_record *k, const struct submission_input *in,
                            const struct errors *errs)
{
    html_raw(&r->out, "<section class=\"panel\" aria-labelledby=\"send\"><h2 id=\"send\">"
                      "Send the Panel your evidence</h2><p>Before the Panel meets you may "
                      "send it written evidence, or ask to appear in person.</p>");
    form_errors(r, errs);
    form_begin_upload(r, rec_url(r, k->id, "/panel-submissions"));
    field_select(r,
                 &(struct field){
                     .name = "kind", .label = "What you send", .value = in->kind, .required = true},
                 kind_options, 2, errs);
    field_textarea(r,
                   &(struct field){.name = "body",
                                   .label = "Your evidence, or what you wish to tell the Panel "
                                            "in person",
                                   .value = in->body,
                                   .required = true},
                   errs);
    field_input(r,
                &(struct field){.name = "file",
                                .label = "A file to go with it",
                                .type = "file",
                                .hint = arena_printf(r->a,
                                                     "%s: a document, or a photo of one. The "
                                                     "file is checked by its content; the "
                                                     "Panel opens it.",
                                                     document_accepted(r->a, DOCS_EVIDENCE))},
                errs);
    form_end(r, "Send this to the Panel");
    html_raw(&r->out, "</section>");
}

/* R22: the file sent with it; opening it is a read of the Panel's record,
 * audited (panel_submission_download). */
static void submission_file_link(req *r, int64_t case_id, const struct panel_submission *p)
{
    html_printf(&r->out,
                "<p>File: <a href=\"/cases/%" PRId64 "/panel-submissions/%" PRId64
                "/file\">%s</a> (%s, %s)</p>",
                case_id, p->id, p->file_name, p->file_label, file_size_words(r, p->file_size));
}

static void submissions_list(req *r, int64_t case_id, const struct panel_submission *subs, int n)
{
    html_raw(&r->out, "<h2>Sent to the Panel by the teacher and the administrator</h2>");
    if (!n) {
        html_raw(&r->out, "<p>Nothing yet.</p>");
        return;
    }
    html_raw(&r->out, "<ul class=\"submissions\">");
    for (int i = 0; i < n; i++) {
        html_printf(&r->out, "<li><strong>%s</strong>, from %s (the %s), ",
                    submission_kind_label(subs[i].kind), subs[i].person_name, subs[i].party);
        html_time(r, subs[i].created_at);
        html_printf(&r->out, "<p>%s</p>", subs[i].body);
        if (*subs[i].file_name)
            submission_file_link(r, case_id, &subs[i]);
        html_raw(&r->out, "</li>");
    }
    html_raw(&r->out, "</ul>");
}

static void rec_page(req *r, const struct case_record *k, const struct recommendation *rec,
                     const struct rec_input *in, const struct submission_input *sub,
                     const struct errors *errs)
{
    struct ctx *c = ctx_of(r);
    /* Only forms that may be sent now: a withdrawn case's records stand. */
    bool open = case_state_open_to(k->state, KIND_RECOMMENDATION);
    case_part_begin(r, k, "Recommendation to the Panel", "recommendation");
    if (rec->status == REC_NONE)
        html_raw(&r->out, "<p>The Consulting Teacher has not sent a recommendation to the "
                          "Panel yet.</p>");
    else
        rec_record(r, rec);
    if (open && rec->status != REC_SUBMITTED && casework_may(c, k, ACT_EDIT, KIND_RECOMMENDATION))
        rec_form(r, k, rec, in, errs);
    if (open && rec->status == REC_SUBMITTED && step_offered(r, k, "send_evidence"))
        submission_form(r, k, sub, errs);
    struct panel_submission *subs;
    int n = 0;
    struct case_record again;
    const char *refusal;
    if (rec->status == REC_SUBMITTED && casework_may(c, k, ACT_VIEW, KIND_PANEL_SUBMISSION) &&
        panel_submissions_list(c, k->id, &again, &subs, &n, &refusal) == APP_OK)
        submissions_list(r, k->id, subs, n);
    html_printf(&r->out, "<p><a href=\"%s\">The evidence packet</a> the Panel reads.</p>",
                rec_url(r, k->id, "/packet"));
    page_end(r);
}

static bool rec_open_page(req *r, struct case_record *k, struct recommendation *rec)
{
    const char *refusal = NULL;
    enum app_status s = recommendation_get(ctx_of(r), req_id(r, "id"), k, rec, &refusal);
    if (s != APP_OK)
        web_refuse(r, s, refusal, KIND_RECOMMENDATION);
    return s == APP_OK;
}

void page_recommendation(req *r)
{
    struct case_record k;
    struct recommendation rec;
    if (!rec_open_page(r, &k, &rec))
        return;
    struct rec_input in = {rec.id ? rating_key(rec.rating) : "", rec.rationale};
    rec_page(r, &k, &rec, &in, &(struct submission_input){.kind = "written", .body = ""}, NULL);
}

/* An invalid or refused form: the page again, with what was typed (in
 * NULL: the draft as stored) and the errors, or the refusal at its top. */
static void rec_again(req *r, const struct rec_input *in, const struct submission_input *sub,
                      const struct errors *errs)
{
    struct case_record k;
    struct recommendation rec;
    if (!rec_open_page(r, &k, &rec))
        return;
    if (r->status < 400)
        r->status = 400;
    struct rec_input stored = {rec.id ? rating_key(rec.rating) : "", rec.rationale};
    rec_page(r, &k, &rec, in ? in : &stored, sub, errs);
}

void do_recommendation_save(req *r)
{
    int64_t case_id = req_id(r, "id");
    struct rec_input in = {form_value(r, "rating"), form_value(r, "rationale")};
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = recommendation_save(ctx_of(r), case_id, parse_id(form_value(r, "version")),
                                            &in, &errs, &refusal);
    if (s == APP_INVALID || web_refused(r, s, refusal)) {
        rec_again(r, &in, &(struct submission_input){.kind = "written", .body = ""}, &errs);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_RECOMMENDATION);
        return;
    }
    web_flash(r, "The draft is saved; only you see it until you send it to the Panel.");
    res_redirect(r, rec_url(r, case_id, "/recommendation"));
}

void do_recommendation_submit(req *r)
{
    int64_t case_id = req_id(r, "id");
    const char *refusal = NULL;
    struct errors errs = {.n = 0};
    enum app_status s = step_awaits_confirmation(r, case_id, "send_recommendation", NULL, &errs)
                            ? APP_INVALID
                            : recommendation_submit(ctx_of(r), case_id,
                                                    parse_id(form_value(r, "version")), &refusal);
    if (s == APP_INVALID || web_refused(r, s, refusal)) {
        rec_again(r, NULL, &(struct submission_input){.kind = "written", .body = ""}, &errs);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_RECOMMENDATION);
        return;
    }
    web_flash(r, "The recommendation is sent to the Panel; the teacher and the administrator "
                 "are told and may send the Panel their evidence.");
    res_redirect(r, rec_url(r, case_id, "/recommendation"));
}

struct submission_input submission_input_from(req *r)
{
    return (struct submission_input){form_value(r, "kind"), form_value(r, "body"),
                                     form_file(r, "file")};
}

void do_panel_submission(req *r)
{
    int64_t case_id = req_id(r, "id"), id = 0;
    struct submission_input in = submission_input_from(r);
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = panel_submission_create(ctx_of(r), case_id, &in, &id, &errs, &refusal);
    if (s == APP_INVALID || web_refused(r, s, refusal)) {
        rec_again(r, &(struct rec_input){"", ""}, &in, &errs);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_PANEL_SUBMISSION);
        return;
    }
    web_flash(r, "Sent to the Panel. The Consulting Teacher and the coordinator are told.");
    res_redirect(r, rec_url(r, case_id, "/recommendation"));
}

/* Pages and API alike: the file sent with a submission (R22), to those
 * who read what was sent to the Panel; the read is audited. */
void page_panel_submission_file(req *r)
{
    struct panel_submission p;
    const char *data, *refusal = NULL;
    size_t len;
    enum app_status s = panel_submission_download(ctx_of(r), req_id(r, "id"), req_id(r, "item"), &p,
                                                  &data, &len, &refusal);
    if (s != APP_OK)
        web_refuse(r, s, refusal, KIND_PANEL_SUBMISSION);
    else
        web_download(r, data, len, p.file_type, p.file_name);
}

/* --- the evidence packet (R21) --- */

static void packet_list_begin(req *r, const char *title, int n)
{
    html_printf(&r->out, "<h2>%s</h2>", title);
    html_raw(&r->out, n ? "<ul>" : "<p>None.</p>");
}

/* The packet keeps the records' keys; the page shows each by its label
 * (issue 18). */
#define PACKET_WORDS(name, type, parse, label)                                                     \
    static const char *name(const char *key)                                                       \
    {                                                                                              \
        type v;                                                                                    \
        return parse(key, &v) ? label(v) : key;                                                    \
    }
PACKET_WORDS(rating_words, enum rating, rating_parse, rating_label)
PACKET_WORDS(evaluation_kind_words, enum eval_kind, evaluation_kind_parse, evaluation_kind_label)
PACKET_WORDS(evaluation_status_words, enum eval_status, evaluation_status_parse,
             evaluation_status_label)
PACKET_WORDS(goal_kind_words, enum goal_kind, goal_kind_parse, goal_kind_label)
PACKET_WORDS(goal_status_words, enum goal_status, goal_status_parse, goal_status_label)
PACKET_WORDS(observers_words, enum observers, observers_parse, observers_label)
PACKET_WORDS(phase_words, enum meeting_phase, meeting_phase_parse, meeting_phase_label)

static void packet_evaluations(req *r, const struct packet *p)
{
    packet_list_begin(r, "Evaluations", p->evaluations.n);
    for (int i = 0; i < p->evaluations.n; i++) {
        const char *id = packet_cell(&p->evaluations, i, "id");
        html_printf(&r->out, "<li><strong>%s</strong> (%s): overall %s<p>%s</p>",
                    evaluation_kind_words(packet_cell(&p->evaluations, i, "kind")),
                    evaluation_status_words(packet_cell(&p->evaluations, i, "status")),
                    rating_words(packet_cell(&p->evaluations, i, "overall_rating")),
                    packet_cell(&p->evaluations, i, "summary"));
        html_raw(&r->out, "<ul>");
        for (int j = 0; j < p->ratings.n; j++)
            if (strcmp(packet_cell(&p->ratings, j, "evaluation_id"), id) == 0)
                html_printf(&r->out, "<li>Standard %s, %s: %s. %s</li>",
                            packet_cell(&p->ratings, j, "standard"),
                            packet_cell(&p->ratings, j, "title"),
                            rating_words(packet_cell(&p->ratings, j, "rating")),
                            packet_cell(&p->ratings, j, "comment"));
        html_raw(&r->out, "</ul>");
        if (*packet_cell(&p->evaluations, i, "teacher_response"))
            html_printf(&r->out, "<p>The teacher's response: %s</p>",
                        packet_cell(&p->evaluations, i, "teacher_response"));
        html_raw(&r->out, "</li>");
    }
    if (p->evaluations.n)
        html_raw(&r->out, "</ul>");
}

static void packet_rest(req *r, const struct packet *p)
{
    const struct packet_table *t = &p->goals;
    packet_list_begin(r, "Goals", t->n);
    for (int i = 0; i < t->n; i++)
        html_printf(&r->out, "<li>%s (%s goal): %s, due %s</li>", packet_cell(t, i, "title"),
                    goal_kind_words(packet_cell(t, i, "kind")),
                    goal_status_words(packet_cell(t, i, "status")), packet_cell(t, i, "due_on"));
    html_raw(&r->out, t->n ? "</ul>" : "");
    t = &p->observations;
    packet_list_begin(r, "Observations", t->n);
    for (int i = 0; i < t->n; i++)
        html_printf(&r->out, "<li>%s, %s minutes, by %s; feedback %s</li>",
                    packet_cell(t, i, "observed_on"), packet_cell(t, i, "minutes"),
                    observers_words(packet_cell(t, i, "observers")),
                    strcmp(packet_cell(t, i, "feedback_shared"), "yes") == 0
                        ? "shared with the teacher"
                        : "not shared yet");
    html_raw(&r->out, t->n ? "</ul>" : "");
    t = &p->artifacts;
    packet_list_begin(r, "Artifacts", t->n);
    for (int i = 0; i < t->n; i++) {
        html_printf(&r->out, "<li>%s, added ", packet_cell(t, i, "title"));
        html_time(r, strtoll(packet_cell(t, i, "added_at"), NULL, 10));
        html_raw(&r->out, "</li>");
    }
    html_raw(&r->out, t->n ? "</ul>" : "");
    t = &p->meetings;
    packet_list_begin(r, "Meetings held", t->n);
    for (int i = 0; i < t->n; i++)
        html_printf(&r->out, "<li>%s: %s</li>", packet_cell(t, i, "starts_at"),
                    phase_words(packet_cell(t, i, "phase")));
    html_raw(&r->out, t->n ? "</ul>" : "");
}

void page_packet(req *r)
{
    struct case_record k;
    struct packet p;
    const char *refusal = NULL;
    enum app_status s = packet_get(ctx_of(r), req_id(r, "id"), &k, &p, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_RECOMMENDATION);
        return;
    }
    case_part_begin(r, &k, "Evidence packet for the Panel", NULL);
    html_raw(&r->out, "<p class=\"no-print\">What the Panel reads about this case, "
                      "compiled from it. Print this page for a paper copy.</p>");
    html_raw(&r->out, "<h2>The Consulting Teacher's recommendation</h2>");
    if (p.rec.status == REC_NONE)
        html_raw(&r->out, "<p>Not sent to the Panel yet.</p>");
    else
        rec_record(r, &p.rec);
    final_rating_line(r, &k);
    packet_evaluations(r, &p);
    packet_rest(r, &p);
    if (casework_may(ctx_of(r), &k, ACT_VIEW, KIND_PANEL_SUBMISSION))
        submissions_list(r, k.id, p.subs, p.nsubs);
    page_end(r);
}

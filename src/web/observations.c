/* observations.c: a case's observations on the web (R15, R16, R18, R19):
 * the list, newest first, with each one's feedback and reflection status
 * and the R18 flag; the form to record one, made for a phone in a
 * classroom (one column, the notes first-class); one observation's page,
 * with its form until the feedback is shared and the teacher's reflection
 * after. A draft is never lost to a dropped connection: the form carries
 * its own key, so a save sent again updates the observation it made
 * instead of making a second one; and assets/draft.js keeps what was
 * typed on the device until a page says the server has it. */
#include <inttypes.h>
#include <string.h>

#include "app/observation.h"
#include "base/clock.h"
#include "base/secret.h"
#include "out/html.h"
#include "web/case_parts.h"
#include "web/evidence.h"
#include "web/handlers.h"

static const char *case_path(req *r, const struct case_record *k)
{
    return arena_printf(r->a, "/cases/%" PRId64 "/observations", k->id);
}

/* --- where the feedback and the reflection stand (R19) --- */

static const char *feedback_words(req *r, const struct observation *o)
{
    const char *shared = o->feedback_shared_at ? clock_date(r->a, o->feedback_shared_at) : "";
    switch (o->feedback_state) {
    case FEEDBACK_SHARED:
        return arena_printf(r->a, "Shared on %s", shared);
    case FEEDBACK_SHARED_LATE:
        return arena_printf(r->a, "Shared on %s, late: it was due %s", shared, o->feedback_due);
    case FEEDBACK_LATE:
        return arena_printf(r->a, "LATE: not shared yet, it was due %s", o->feedback_due);
    default:
        return arena_printf(r->a, "Not shared yet: due %s", o->feedback_due);
    }
}

static const char *reflection_words(req *r, const struct observation *o)
{
    if (o->reflection_at)
        return arena_printf(r->a, "Added on %s", clock_date(r->a, o->reflection_at));
    return o->feedback_shared_at ? "Not written yet" : "Once the feedback is shared";
}

/* R18: a joint observation says whether it counts yet, and whose
 * confirmation it awaits. */
static const char *observers_words(req *r, const struct observation *o)
{
    if (o->joint == JOINT_NOT)
        return observers_label(o->observers);
    if (o->joint == JOINT_CONFIRMED)
        return arena_printf(r->a, "%s: confirmed by both", observers_label(o->observers));
    return arena_printf(r->a, "%s: awaiting %s's confirmation", observers_label(o->observers),
                        o->joint_awaiting);
}

/* --- the form: one column, big targets, the notes near the top --- */

struct observation_form {
    const char *action;
    const char *scope;               /* draft.js keeps the typing under this name */
    int64_t version;                 /* 0: a new observation */
    struct observation_input in;
};

/* R16: on a PA case the CT observes alone; on PAR each observer names
 * what they took part in (R15, R18). Only the choices they may make. */
static void observers_field(req *r, const struct case_record *k, const char *value,
                            const struct errors *errs)
{
    bool ct = k->relations & POLICY_REL(WHO_CASE_CT);
    bool evaluator = k->relations & POLICY_REL(WHO_CASE_EVALUATOR);
    if (k->track != TRACK_PAR) {
        html_raw(&r->out, "<input type=\"hidden\" name=\"observers\" value=\"ct\"><p>Observed "
                          "by the Consulting Teacher. In PA the CT observes alone, as a "
                          "coach; the administrator is not part of a PA case.</p>");
        return;
    }
    const char *error = errs ? errors_get(errs, "observers") : NULL;
    html_printf(&r->out, "<fieldset class=\"field\" id=\"f-observers\"%s><legend>Who observed"
                         "</legend>",
                error ? " aria-invalid=\"true\"" : "");
    field_error_text(r, NULL, error);
    for (int o = 0; o < OBSERVERS_COUNT; o++) {
        if (observers_refusal(true, (enum observers)o, ct, evaluator))
            continue;
        const char *key = observers_key((enum observers)o);
        html_printf(&r->out, "<div class=\"field-check\"><input type=\"radio\" "
                             "id=\"f-observers-%s\" name=\"observers\" value=\"%s\"%s><label "
                             "for=\"f-observers-%s\">%s</label></div>",
                    key, key, value && strcmp(value, key) == 0 ? " checked" : "", key,
                    observers_label((enum observers)o));
    }
    html_raw(&r->out, "<p class=\"hint\">The CT and the administrator should observe "
                      "together at least once a cycle.</p></fieldset>");
}

static void observation_fields(req *r, const struct case_record *k,
                               const struct observation_input *in, const struct errors *errs)
{
    field_input(r, &(struct field){.name = "observed_on", .label = "Date observed",
                                   .type = "date", .value = in->observed_on, .required = true,
                                   .hint = "The day of the lesson."},
                errs);
    field_yes_no(r, &(struct field){.name = "announced", .label = "Was it announced?",
                                    .value = in->announced},
                 errs);
    field_input(r, &(struct field){.name = "minutes", .label = "Length in minutes",
                                   .type = "number", .value = in->minutes, .required = true,
                                   .hint = "From 1 to 600."},
                errs);
    observers_field(r, k, in->observers, errs);
    field_textarea(r, &(struct field){.name = "notes", .label = "Notes", .value = in->notes,
                                      .hint = "What you saw and heard. The teacher reads them "
                                              "once you share the feedback."},
                   errs);
    evidence_fields(r, in->indicators, errs);
    field_textarea(r, &(struct field){.name = "feedback", .label = "Feedback for the teacher",
                                      .value = in->feedback,
                                      .hint = arena_printf(r->a, "Share it within %d days "
                                                                 "of the observation.",
                                                           observation_feedback_days(
                                                               ctx_of(r)))},
                   errs);
}

#define DRAFT_SCRIPT "<script src=\"/static/draft.js\" defer></script>"

static void observation_form(req *r, const struct case_record *k,
                             const struct observation_form *f, const struct errors *errs)
{
    form_errors(r, errs);
    html_printf(&r->out, "<form method=\"post\" action=\"%s\" novalidate class=\"observation-"
                         "form\" data-draft=\"%s\"><input type=\"hidden\" name=\"csrf\" "
                         "value=\"%s\"><input type=\"hidden\" name=\"draft_key\" value=\"%s\">",
                f->action, f->scope, web_of(r)->csrf, f->in.draft_key);
    if (f->version)
        version_field(r, f->version);
    html_raw(&r->out, "<p class=\"draft-restored\" role=\"status\" hidden>What you typed on "
                      "this device and had not saved yet is back in the form.</p>");
    observation_fields(r, k, &f->in, errs);
    html_raw(&r->out, "<div class=\"form-actions\"><button type=\"submit\" name=\"share\" "
                      "value=\"no\" class=\"button button-secondary\">Save as a draft</button>"
                      "<button type=\"submit\" name=\"share\" value=\"yes\" class=\"button\">"
                      "Save and share the feedback with the teacher</button></div></form>");
}

/* --- the list --- */

/* R18: a PAR cycle under way with no joint observation yet is flagged,
 * in words (the badge's colour only adds to them). */
static void no_joint_flag(req *r)
{
    html_raw(&r->out, "<p class=\"joint-flag\"><span class=\"badge badge-warn\">To do</span> "
                      "<strong>No joint observation yet.</strong> The CT and the "
                      "administrator should observe together at least once this cycle.</p>");
}

static void joint_flag(req *r, const struct case_record *k)
{
    int count, joint, late, pending;
    char due[11];
    if (k->track != TRACK_PAR || k->state != CASE_ON_CASELOAD ||
        observations_status(ctx_of(r), k, &count, &joint, &late, &pending, due) != APP_OK)
        return;
    if (!joint)
        no_joint_flag(r);
    else
        html_printf(&r->out, "<p class=\"joint-flag\">Joint observations this cycle: %d."
                             "</p>",
                    joint);
}

/* R18: joint observations that count once the other observer confirms. */
static void awaiting_note(req *r, const struct observation *list, int n)
{
    int awaiting = 0;
    for (int i = 0; i < n; i++)
        awaiting += list[i].joint != JOINT_NOT && list[i].joint != JOINT_CONFIRMED;
    if (awaiting)
        html_printf(&r->out, "<p class=\"joint-flag\">%d joint %s await%s a confirmation: a "
                             "joint observation counts once the CT and the administrator have "
                             "both confirmed that they were there.</p>",
                    awaiting, awaiting == 1 ? "observation" : "observations",
                    awaiting == 1 ? "s" : "");
}

static void observation_card(req *r, const struct case_record *k, const struct observation *o)
{
    html_printf(&r->out, "<article class=\"panel observation\"><h3><a href=\"%s/%" PRId64 "\">"
                         "Observation of %s</a></h3><dl class=\"record\">",
                case_path(r, k), o->id, o->observed_on);
    record_row(r, "Kind", o->announced ? "Announced" : "Unannounced");
    record_row(r, "Length", arena_printf(r->a, "%d minutes", o->minutes));
    record_row(r, "Observers", observers_words(r, o));
    record_row(r, "Feedback", feedback_words(r, o));
    record_row(r, "Reflection", reflection_words(r, o));
    html_raw(&r->out, "</dl>");
    if (o->ntags)
        evidence_list(r, o->tags, o->ntags);
    html_raw(&r->out, "</article>");
}

static void list_page(req *r, const struct case_record *k, const struct observation *list,
                      int n, const struct observation_input *in, const struct errors *errs)
{
    struct ctx *c = ctx_of(r);
    bool may_record = k->state == CASE_ON_CASELOAD && casework_may(c, k, ACT_CREATE,
                                                                   KIND_OBSERVATION);
    case_part_begin(r, k, "Observations", "observations");
    if (may_record)
        html_raw(&r->out, "<p class=\"page-actions\"><a class=\"button\" href=\"#record\">"
                          "Record an observation</a></p>");
    joint_flag(r, k);
    awaiting_note(r, list, n);
    html_printf(&r->out, "<p>Feedback on an observation is shared with the teacher within "
                         "%d days; the teacher may then add a reflection.</p>",
                observation_feedback_days(c));
    if (!n)
        html_raw(&r->out, "<p>No observation recorded yet.</p>");
    for (int i = 0; i < n; i++)
        observation_card(r, k, &list[i]);
    if (may_record) {
        html_raw(&r->out, "<h2 id=\"record\">Record an observation</h2>");
        observation_form(r, k, &(struct observation_form){case_path(r, k),
                                                          arena_printf(r->a, "new:%s",
                                                                       case_path(r, k)),
                                                          0, *in},
                         errs);
        html_raw(&r->out, DRAFT_SCRIPT);
    }
    page_end(r);
}

static enum app_status show_list(req *r, const struct observation_input *in,
                                 const struct errors *errs)
{
    struct case_record k;
    struct observation *list;
    int n;
    enum app_status s = observations_list(ctx_of(r), req_id(r, "id"), &k, &list, &n);
    if (s == APP_OK)
        list_page(r, &k, list, n, in, errs);
    return s;
}

void page_observations(req *r)
{
    struct ctx *c = ctx_of(r);
    struct observation_input in = {.draft_key = secret_token(r->a, 16),
                                   .observed_on = clock_date(r->a, app_now(c)), .indicators = ""};
    enum app_status s = show_list(r, &in, NULL);
    if (s != APP_OK)
        web_fail(r, s, KIND_OBSERVATION);
}

static struct observation_input input_from_form(req *r)
{
    return (struct observation_input){
        .draft_key = form_value(r, "draft_key"), .announced = form_value(r, "announced"),
        .observed_on = form_value(r, "observed_on"), .minutes = form_value(r, "minutes"),
        .observers = form_value(r, "observers"), .notes = form_value(r, "notes"),
        .feedback = form_value(r, "feedback"), .indicators = form_indicators(r),
        .share = strcmp(form_value(r, "share"), "yes") == 0,
    };
}

static void saved(req *r, const struct observation_input *in, int64_t case_id, int64_t id)
{
    web_flash(r, in->share ? "The observation is saved and its feedback shared with the "
                             "teacher."
                           : "The observation is saved as a draft.");
    res_redirect(r, arena_printf(r->a, "/cases/%" PRId64 "/observations/%" PRId64, case_id, id));
}

void do_observation_record(req *r)
{
    struct observation_input in = input_from_form(r);
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    int64_t case_id = req_id(r, "id"), id = 0;
    enum app_status s = observation_record(ctx_of(r), case_id, &in, &id, &errs, &refusal);
    if (s == APP_INVALID) {
        r->status = 400;
        if ((s = show_list(r, &in, &errs)) != APP_OK)
            web_fail(r, s, KIND_OBSERVATION);
        return;
    }
    if (s != APP_OK)
        web_refuse(r, s, refusal, KIND_OBSERVATION);
    else
        saved(r, &in, case_id, id);
}

/* --- one observation --- */

static void observation_details(req *r, const struct observation *o)
{
    html_raw(&r->out, "<dl class=\"record\">");
    record_row(r, "Date observed", o->observed_on);
    record_row(r, "Kind", o->announced ? "Announced" : "Unannounced");
    record_row(r, "Length", arena_printf(r->a, "%d minutes", o->minutes));
    record_row(r, "Observers", observers_words(r, o));
    record_row(r, "Recorded by", *o->created_by_name ? o->created_by_name : "—");
    record_row(r, "Feedback", feedback_words(r, o));
    record_row(r, "Reflection", reflection_words(r, o));
    html_raw(&r->out, "</dl>");
    if (o->withheld) {
        html_printf(&r->out, "<p>The notes, the evidence and the feedback are yours to read "
                             "once the observer shares the feedback: due by %s.</p>",
                    o->feedback_due);
        return;
    }
    html_raw(&r->out, "<h2>Notes</h2>");
    if (*o->notes)
        text_lines(r, o->notes);
    else
        html_raw(&r->out, "<p>No notes.</p>");
    html_raw(&r->out, "<h2>Evidence</h2>");
    evidence_list(r, o->tags, o->ntags);
    html_raw(&r->out, "<h2>Feedback</h2>");
    if (*o->feedback)
        text_lines(r, o->feedback);
    else
        html_raw(&r->out, "<p>No feedback written yet.</p>");
}

static void reflection_section(req *r, const struct case_record *k, const struct observation *o,
                               const char *typed, const struct errors *errs)
{
    html_raw(&r->out, "<h2 id=\"reflection\">The teacher's reflection</h2>");
    if (*o->reflection)
        text_lines(r, o->reflection);
    if (!observation_may_reflect(ctx_of(r), k, o)) {
        if (!*o->reflection)
            html_printf(&r->out, "<p>%s.</p>", reflection_words(r, o));
        return;
    }
    form_errors(r, errs);
    form_begin(r, arena_printf(r->a, "%s/%" PRId64 "/reflection", case_path(r, k), o->id));
    version_field(r, o->version);
    field_textarea(r, &(struct field){.name = "reflection", .label = "Your reflection",
                                      .value = typed ? typed : o->reflection, .required = true,
                                      .hint = "What you take from the feedback; the "
                                              "observer and your CT read it."},
                   errs);
    form_end(r, *o->reflection ? "Save my reflection" : "Add my reflection");
}

struct item_view {
    const struct observation_input *edit;     /* NULL: the record's own values */
    const struct errors *edit_errs;
    const char *reflection;                   /* as typed, or NULL */
    const struct errors *reflection_errs;
};

static struct observation_input input_of(req *r, const struct observation *o)
{
    buf ids;
    buf_init(&ids, r->a);
    buf_puts(&ids, "");
    for (int i = 0; i < o->ntags; i++)
        buf_printf(&ids, "%s%" PRId64, i ? "," : "", o->tags[i].indicator_id);
    return (struct observation_input){
        .draft_key = o->draft_key, .announced = o->announced ? "yes" : "no",
        .observed_on = o->observed_on, .minutes = arena_printf(r->a, "%d", o->minutes),
        .observers = observers_key(o->observers), .notes = o->notes, .feedback = o->feedback,
        .indicators = buf_cstr(&ids),
    };
}

static void item_page(req *r, const struct case_record *k, const struct observation *o,
                      const struct item_view *v)
{
    case_part_begin(r, k, arena_printf(r->a, "Observation of %s", o->observed_on),
                    "observations");
    /* draft.js: what this device kept of this observation, up to this
     * version, is saved: it forgets it, whether or not the page has a form
     * (a shared observation has none). */
    html_printf(&r->out, "<div hidden data-draft-saved=\"%s\" data-draft-version=\"%" PRId64
                         "\"></div>",
                o->draft_key, o->version);
    html_raw(&r->out, DRAFT_SCRIPT);
    html_printf(&r->out, "<p><a href=\"%s\">All the observations of this case</a></p>",
                case_path(r, k));
    observation_details(r, o);
    if (observation_may_confirm_joint(ctx_of(r), k, o)) {
        html_raw(&r->out, "<h2 id=\"joint\">Were you there?</h2><p>This observation was "
                          "recorded as joint. It counts as the joint observation of the cycle"
                          " once you confirm that you observed it too.</p>");
        button_form(r, arena_printf(r->a, "%s/%" PRId64 "/joint-confirmation", case_path(r, k),
                                    o->id),
                    "I was there: confirm this joint observation", NULL);
    }
    if (o->feedback_shared_at || o->reflection_at)
        reflection_section(r, k, o, v->reflection, v->reflection_errs);
    if (observation_may_edit(ctx_of(r), k, o)) {
        struct observation_input in = v->edit ? *v->edit : input_of(r, o);
        const char *path = arena_printf(r->a, "%s/%" PRId64, case_path(r, k), o->id);
        html_raw(&r->out, "<h2 id=\"edit\">Complete the observation</h2>");
        observation_form(r, k, &(struct observation_form){path,
                                                          arena_printf(r->a, "edit:%s", path),
                                                          o->version, in},
                         v->edit_errs);
    }
    page_end(r);
}

static enum app_status show_item(req *r, const struct item_view *v)
{
    struct case_record k;
    struct observation o;
    enum app_status s = observation_get(ctx_of(r), req_id(r, "id"), req_id(r, "item"), &k, &o);
    if (s == APP_OK)
        item_page(r, &k, &o, v);
    return s;
}

void page_observation(req *r)
{
    enum app_status s = show_item(r, &(struct item_view){0});
    if (s != APP_OK)
        web_fail(r, s, KIND_OBSERVATION);
}

/* A form sent back with its errors: 400, the typed values kept. */
static void invalid(req *r, const struct item_view *v)
{
    r->status = 400;
    enum app_status s = show_item(r, v);
    if (s != APP_OK)
        web_fail(r, s, KIND_OBSERVATION);
}

void do_observation_update(req *r)
{
    struct observation_input in = input_from_form(r);
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    int64_t case_id = req_id(r, "id"), id = req_id(r, "item");
    enum app_status s = observation_update(ctx_of(r), case_id, id,
                                           parse_id(form_value(r, "version")), &in, &errs,
                                           &refusal);
    if (s == APP_INVALID)
        invalid(r, &(struct item_view){.edit = &in, .edit_errs = &errs});
    else if (s != APP_OK)
        web_refuse(r, s, refusal, KIND_OBSERVATION);
    else
        saved(r, &in, case_id, id);
}

void do_observation_reflect(req *r)
{
    const char *text = form_value(r, "reflection");
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    int64_t case_id = req_id(r, "id"), id = req_id(r, "item");
    enum app_status s = observation_reflect(ctx_of(r), case_id, id,
                                            parse_id(form_value(r, "version")), text, &errs,
                                            &refusal);
    if (s == APP_INVALID) {
        invalid(r, &(struct item_view){.reflection = text, .reflection_errs = &errs});
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_OBSERVATION);
        return;
    }
    web_flash(r, "Your reflection is saved; your Consulting Teacher is told.");
    res_redirect(r, arena_printf(r->a, "/cases/%" PRId64 "/observations/%" PRId64 "#reflection",
                                 case_id, id));
}

void do_observation_confirm_joint(req *r)
{
    const char *refusal = NULL;
    int64_t case_id = req_id(r, "id"), id = req_id(r, "item");
    enum app_status s = observation_confirm_joint(ctx_of(r), case_id, id, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_OBSERVATION);
        return;
    }
    web_flash(r, "Thank you: you confirmed that you took part in this joint observation.");
    res_redirect(r, arena_printf(r->a, "/cases/%" PRId64 "/observations/%" PRId64, case_id, id));
}

/* --- the case page's section --- */

void observations_summary(req *r, const struct case_record *k)
{
    int count, joint, late, pending;
    char due[11];
    if (observations_status(ctx_of(r), k, &count, &joint, &late, &pending, due) != APP_OK)
        return;
    html_printf(&r->out, "<p>%d %s", count, count == 1 ? "observation" : "observations");
    if (k->track == TRACK_PAR)
        html_printf(&r->out, ", %d joint", joint);
    if (late)
        html_printf(&r->out, "; feedback LATE on %d", late);
    else if (pending)
        html_printf(&r->out, "; feedback due %s", due);
    html_raw(&r->out, ".</p>");
    if (k->track == TRACK_PAR && k->state == CASE_ON_CASELOAD && !joint)
        no_joint_flag(r);
}

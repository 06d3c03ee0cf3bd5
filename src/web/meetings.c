/* meetings.c: a case's meetings on the web (R17). For a PAR case with a
 * timeline, the three windows, each with its meeting or when it is due
 * (or since when it is overdue) and "N of 3 held"; the list of meetings;
 * the form to schedule one. One meeting's page shows it and, to the CT and
 * the coordinator, the forms to reschedule, cancel and record it held. A
 * PA case's meetings are the teacher's and the CT's only (R16). */
#include <inttypes.h>
#include <string.h>

#include "app/casework.h"
#include "app/meetings.h"
#include "base/clock.h"
#include "out/html.h"
#include "web/case_parts.h"
#include "web/handlers.h"
#include "web/meetings_ui.h"

#define MAX_ATTENDED 3

static struct meeting_input input_from_form(req *r)
{
    const char *vals[MAX_ATTENDED];
    size_t n = req_form_all(r, "attended", vals, MAX_ATTENDED);
    buf attended;
    buf_init(&attended, r->a);
    for (size_t i = 0; i < n; i++)
        buf_printf(&attended, "%s%s", i ? "," : "", vals[i]);
    return (struct meeting_input){form_value(r, "phase"), form_value(r, "at"),
                                  form_value(r, "minutes"), form_value(r, "place"),
                                  buf_cstr(&attended), form_value(r, "notes")};
}

static const char *title_of(const struct case_record *k)
{
    return k->track == TRACK_PAR ? "Parley meetings" : "Meetings";
}

/* --- the forms --- */

static void time_fields(req *r, const struct meeting_input *in, const struct errors *errs)
{
    struct option phases[PHASE_COUNT + 1] = {{"", "Choose which meeting"}};
    for (int p = 0; p < PHASE_COUNT; p++)
        phases[p + 1] = (struct option){meeting_phase_key((enum meeting_phase)p),
                                        meeting_phase_label((enum meeting_phase)p)};
    field_select(r, &(struct field){.name = "phase", .label = "Which meeting", .value = in->phase,
                                    .required = true,
                                    .hint = "One each at the start, middle and end of the "
                                            "cycle; any number of additional ones."},
                 phases, PHASE_COUNT + 1, errs);
    /* A datetime-local field shows its value with a T. */
    const char *at = in->at && strlen(in->at) == 16 && in->at[10] == ' '
                         ? arena_printf(r->a, "%.10sT%s", in->at, in->at + 11)
                         : in->at;
    field_input(r, &(struct field){.name = "at", .label = "Date and time", .type = "datetime-local",
                                   .value = at, .required = true,
                                   .hint = "The day, then the time."}, errs);
    field_input(r, &(struct field){.name = "minutes", .label = "Length in minutes",
                                   .type = "number", .value = in->minutes, .required = true,
                                   .hint = "From 15 to 480."}, errs);
    field_input(r, &(struct field){.name = "place", .label = "Place", .value = in->place,
                                   .required = true}, errs);
}

/* Who attended: the administrator only on a PAR case (R16). */
static void attended_field(req *r, const struct case_record *k, unsigned ticked,
                           const struct errors *errs)
{
    static const struct {
        const char *key, *label;
        unsigned bit;
    } people[] = {{"teacher", "The teacher", ATTENDED_TEACHER},
                  {"ct", "The Consulting Teacher", ATTENDED_CT},
                  {"administrator", "The administrator", ATTENDED_ADMINISTRATOR}};
    const char *error = errs ? errors_get(errs, "attended") : NULL;
    html_printf(&r->out, "<fieldset class=\"field\" id=\"f-attended\"%s><legend>Who attended"
                         "</legend>",
                error ? " aria-invalid=\"true\"" : "");
    field_error_text(r, "e-attended", error);
    int n = k->track == TRACK_PAR ? 3 : 2;
    for (int i = 0; i < n; i++)
        html_printf(&r->out, "<div class=\"field-check\"><input type=\"checkbox\" "
                             "id=\"f-attended-%s\" name=\"attended\" value=\"%s\"%s><label "
                             "for=\"f-attended-%s\">%s</label></div>",
                    people[i].key, people[i].key, ticked & people[i].bit ? " checked" : "",
                    people[i].key, people[i].label);
    html_raw(&r->out, "</fieldset>");
}

/* The boxes ticked in a form sent back: "teacher,ct". */
static unsigned ticked_of(req *r, const char *attended)
{
    static const char *const keys[] = {"teacher", "ct", "administrator"};
    static const unsigned bits[] = {ATTENDED_TEACHER, ATTENDED_CT, ATTENDED_ADMINISTRATOR};
    unsigned ticked = 0;
    char *copy = arena_strdup(r->a, attended ? attended : ""), *save = NULL;
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save))
        for (int i = 0; i < 3; i++)
            if (strcmp(t, keys[i]) == 0)
                ticked |= bits[i];
    return ticked;
}

/* --- the case's meetings --- */

static void window_item(req *r, const struct meeting_window *w)
{
    html_printf(&r->out, "<li><strong>%s</strong> (", meeting_phase_label(w->phase));
    html_day(r, w->window.from);
    html_raw(&r->out, " to ");
    html_day(r, w->window.to);
    html_raw(&r->out, "): ");
    const struct meeting *m = w->meeting;
    if (m && m->status == MEETING_HELD)
        html_raw(&r->out, "held on ");
    else if (m)
        html_raw(&r->out, "scheduled for ");
    if (m)
        html_local_time(r, m->starts_at);
    if (w->overdue) {
        html_raw(&r->out, m ? "; " : "");
        html_raw(&r->out, "<strong>OVERDUE since ");
        html_day(r, w->overdue_since);
        html_raw(&r->out, "</strong>");
    } else if (!m) {
        html_raw(&r->out, "due by ");
        html_day(r, w->window.to);
    }
    html_raw(&r->out, ".</li>");
}

/* R17: "2 of 3 held", or "4 held (at least 3)" once there are enough. */
static void held_count(req *r, int held)
{
    html_printf(&r->out, held <= CYCLE_MIN_MEETINGS_HELD ? "%d of %d held" : "%d held (at least %d)",
                held, CYCLE_MIN_MEETINGS_HELD);
}

static void windows_section(req *r, const struct case_record *k, const struct meetings_view *v)
{
    if (k->track != TRACK_PAR) {
        html_raw(&r->out, "<p>On a PA case the meetings are the teacher's and the Consulting "
                          "Teacher's only: the administrator is not invited and not told."
                          "</p>");
        return;
    }
    html_raw(&r->out, "<p>The teacher, the Consulting Teacher and the administrator "
                      "meet at least three times, typically at the start, the middle and the "
                      "end of the cycle; the cycle cannot close with fewer than three held.</p>"
                      "<p role=\"status\"><strong>");
    held_count(r, v->held);
    html_raw(&r->out, "</strong>.</p>");
    if (!v->has_windows) {
        html_raw(&r->out, "<p>When each meeting is due shows here once the administrator has "
                          "set the cycle's timeline.</p>");
        return;
    }
    html_raw(&r->out, "<h2>When they are due</h2><ul class=\"windows\">");
    for (int p = PHASE_START; p <= PHASE_END; p++)
        window_item(r, &v->windows[p]);
    html_raw(&r->out, "</ul>");
}

static void meetings_table(req *r, const struct case_record *k, const struct meetings_view *v)
{
    html_raw(&r->out, "<h2>All meetings</h2>");
    if (!v->n) {
        html_raw(&r->out, "<p>No meeting is scheduled yet.</p>");
        return;
    }
    html_raw(&r->out, "<div class=\"table-wrap\" tabindex=\"0\"><table><caption "
                      "class=\"visually-hidden\">The case's meetings, soonest first</caption>"
                      "<thead><tr><th scope=\"col\">When</th><th scope=\"col\">Which</th>"
                      "<th scope=\"col\">Place</th><th scope=\"col\">Status</th></tr></thead>"
                      "<tbody>");
    for (int i = 0; i < v->n; i++) {
        const struct meeting *m = &v->items[i];
        html_printf(&r->out, "<tr><td><a href=\"/cases/%" PRId64 "/meetings/%" PRId64 "\">",
                    k->id, m->id);
        html_local_time(r, m->starts_at);
        html_printf(&r->out, "</a></td><td>%s</td><td>%s</td><td>%s</td></tr>",
                    meeting_phase_label(m->phase), m->place, meeting_status_label(m->status));
    }
    table_end(r);
}

static bool may_change(req *r, const struct case_record *k, enum action act)
{
    return casework_may(ctx_of(r), k, act, KIND_MEETING) && k->state == CASE_ON_CASELOAD;
}

static void meetings_page(req *r, int64_t case_id, const struct meeting_input *in,
                          const struct errors *errs)
{
    struct case_record k;
    struct meetings_view v;
    const char *refusal = NULL;
    enum app_status s = meetings_list(ctx_of(r), case_id, &k, &v, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_MEETING);
        return;
    }
    if (errs)
        r->status = 400;
    case_part_begin(r, &k, title_of(&k), "meetings");
    windows_section(r, &k, &v);
    meetings_table(r, &k, &v);
    if (may_change(r, &k, ACT_CREATE)) {
        html_raw(&r->out, "<section class=\"panel\" aria-labelledby=\"h-schedule\"><h2 "
                          "id=\"h-schedule\">Schedule a meeting</h2><p>The people of the case "
                          "are told.</p>");
        form_errors(r, errs);
        form_begin(r, arena_printf(r->a, "/cases/%" PRId64 "/meetings", k.id));
        time_fields(r, in ? in : &(struct meeting_input){.minutes = "60"}, errs);
        form_end(r, "Schedule the meeting");
        html_raw(&r->out, "</section>");
    }
    html_raw(&r->out, "<p>To see your meetings in your own calendar app, use <a "
                      "href=\"/account/calendar\">your calendar feed</a>.</p>");
    page_end(r);
}

void page_meetings(req *r)
{
    meetings_page(r, req_id(r, "id"), NULL, NULL);
}

void do_meeting_schedule(req *r)
{
    int64_t case_id = req_id(r, "id"), id = 0;
    struct meeting_input in = input_from_form(r);
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = meeting_schedule(ctx_of(r), case_id, &in, &id, &errs, &refusal);
    if (s == APP_INVALID) {
        meetings_page(r, case_id, &in, &errs);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_MEETING);
        return;
    }
    web_flash(r, "The meeting is scheduled; the people of the case are told.");
    res_redirect(r, arena_printf(r->a, "/cases/%" PRId64 "/meetings", case_id));
}

/* --- one meeting --- */

static void meeting_details(req *r, const struct case_record *k, const struct meeting *m)
{
    html_raw(&r->out, "<dl class=\"record\"><div><dt>When</dt><dd>");
    html_local_time(r, m->starts_at);
    html_printf(&r->out, "</dd></div><div><dt>Length</dt><dd>%d minutes</dd></div><div><dt>"
                         "Place</dt><dd>%s</dd></div><div><dt>Which</dt><dd>%s</dd></div><div>"
                         "<dt>Status</dt><dd>%s</dd></div><div><dt>With</dt><dd>%s</dd></div>",
                m->minutes, m->place, meeting_phase_label(m->phase),
                meeting_status_label(m->status),
                k->track == TRACK_PAR ? "The teacher, the Consulting Teacher and the "
                                        "administrator"
                                      : "The teacher and the Consulting Teacher");
    if (m->status == MEETING_HELD) {
        html_printf(&r->out, "<div><dt>Attended</dt><dd>%s%s%s</dd></div><div><dt>Minutes"
                             "</dt><dd>%s</dd></div>",
                    m->attended & ATTENDED_TEACHER ? "the teacher; " : "",
                    m->attended & ATTENDED_CT ? "the Consulting Teacher; " : "",
                    m->attended & ATTENDED_ADMINISTRATOR ? "the administrator" : "",
                    *m->notes ? m->notes : "—");
    }
    html_printf(&r->out, "</dl><p><a href=\"/cases/%" PRId64 "/meetings/%" PRId64 "/ics\" "
                         "download>Add it to your calendar (.ics file)</a></p>",
                k->id, m->id);
}

/* in, errs: the form as sent, when it had errors (else NULL). */
static void held_form(req *r, const struct case_record *k, const struct meeting *m,
                      const char *base, const struct meeting_input *in,
                      const struct errors *errs)
{
    html_printf(&r->out, "<section class=\"panel\" id=\"held\" aria-labelledby=\"h-held\"><h2 "
                         "id=\"h-held\">%s</h2>",
                m->status == MEETING_HELD ? "Correct the record of the meeting"
                                          : "Record the meeting as held");
    form_errors(r, errs);
    form_begin(r, arena_printf(r->a, "%s/held", base));
    version_field(r, m->version);
    attended_field(r, k, in ? ticked_of(r, in->attended) : m->attended, errs);
    field_textarea(r, &(struct field){.name = "notes", .label = "Minutes of the meeting",
                                      .value = in ? in->notes : m->notes},
                   errs);
    form_end(r, "Record it held");
    html_raw(&r->out, "</section>");
}

/* failed: the form ("reschedule", "held") to show again with in and errs. */
static void meeting_forms(req *r, const struct case_record *k, const struct meeting *m,
                          const char *failed, const struct meeting_input *in,
                          const struct errors *errs)
{
    bool again_time = failed && strcmp(failed, "reschedule") == 0;
    bool again_held = failed && strcmp(failed, "held") == 0;
    const char *base = arena_printf(r->a, "/cases/%" PRId64 "/meetings/%" PRId64, k->id, m->id);
    if (m->status == MEETING_SCHEDULED) {
        struct meeting_input now = {meeting_phase_key(m->phase), m->starts_at,
                                    arena_printf(r->a, "%d", m->minutes), m->place, NULL, NULL};
        html_raw(&r->out, "<section class=\"panel\" id=\"reschedule\" aria-labelledby="
                          "\"h-reschedule\"><h2 id=\"h-reschedule\">Reschedule</h2>");
        form_errors(r, again_time ? errs : NULL);
        form_begin(r, arena_printf(r->a, "%s/reschedule", base));
        version_field(r, m->version);
        time_fields(r, again_time ? in : &now, again_time ? errs : NULL);
        form_end(r, "Reschedule the meeting");
        html_raw(&r->out, "</section>");
    }
    const char *today = clock_date(r->a, app_now(ctx_of(r)));
    if (strncmp(m->starts_at, today, 10) > 0) {
        html_raw(&r->out, "<p>Once the meeting has taken place, record it as held here: who "
                          "attended and its minutes.</p>");
    } else {
        held_form(r, k, m, base, again_held ? in : NULL, again_held ? errs : NULL);
    }
    if (m->status == MEETING_SCHEDULED) {
        html_raw(&r->out, "<section class=\"panel\" aria-labelledby=\"h-cancel\"><h2 "
                          "id=\"h-cancel\">Cancel</h2><p>The people of the case are told; the "
                          "meeting stays on the record as cancelled.</p>");
        form_begin(r, arena_printf(r->a, "%s/cancel", base));
        version_field(r, m->version);
        html_raw(&r->out, "<div class=\"form-actions\"><button type=\"submit\" class=\"button "
                          "button-danger\">Cancel the meeting</button></div></form></section>");
    }
}

static void meeting_page(req *r, const char *failed, const struct meeting_input *in,
                         const struct errors *errs)
{
    int64_t case_id = req_id(r, "id"), id = req_id(r, "item");
    struct case_record k;
    struct meeting m;
    const char *refusal = NULL;
    enum app_status s = meeting_get(ctx_of(r), case_id, id, ACT_VIEW, &k, &m, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_MEETING);
        return;
    }
    if (errs)
        r->status = 400;
    case_part_begin(r, &k, arena_printf(r->a, "%s: %s", meeting_phase_label(m.phase),
                                        meeting_status_label(m.status)),
                    "meetings");
    meeting_details(r, &k, &m);
    if (may_change(r, &k, ACT_EDIT) && m.status != MEETING_CANCELLED)
        meeting_forms(r, &k, &m, failed, in, errs);
    html_printf(&r->out, "<p><a href=\"/cases/%" PRId64 "/meetings\">Back to the meetings</a>"
                         "</p>",
                case_id);
    page_end(r);
}

void page_meeting(req *r)
{
    meeting_page(r, NULL, NULL, NULL);
}

typedef enum app_status (*meeting_change)(struct ctx *c, int64_t case_id, int64_t id,
                                          const char *version, const struct meeting_input *in,
                                          struct errors *errs, const char **refusal);

static enum app_status cancel_change(struct ctx *c, int64_t case_id, int64_t id,
                                     const char *version, const struct meeting_input *in,
                                     struct errors *errs, const char **refusal)
{
    (void)in, (void)errs;
    return meeting_cancel(c, case_id, id, version, refusal);
}

/* Each change: the use case, the form it came from, what is said after. */
static void meeting_post(req *r, meeting_change change, const char *form, const char *done)
{
    int64_t case_id = req_id(r, "id"), id = req_id(r, "item");
    struct meeting_input in = input_from_form(r);
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = change(ctx_of(r), case_id, id, form_value(r, "version"), &in, &errs,
                               &refusal);
    if (s == APP_INVALID) {
        meeting_page(r, form, &in, &errs);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_MEETING);
        return;
    }
    web_flash(r, done);
    res_redirect(r, arena_printf(r->a, "/cases/%" PRId64 "/meetings", case_id));
}

void do_meeting_reschedule(req *r)
{
    meeting_post(r, meeting_reschedule, "reschedule",
                 "The meeting is rescheduled; the people of the case are told.");
}

void do_meeting_cancel(req *r)
{
    meeting_post(r, cancel_change, "cancel",
                 "The meeting is cancelled; the people of the case are told.");
}

void do_meeting_held(req *r)
{
    meeting_post(r, meeting_hold, "held", "The meeting is recorded as held.");
}

/* The case page's section: "2 of 3 held; the middle meeting is due by ...". */
void meetings_section(req *r, const struct case_record *k)
{
    int held = 0, scheduled = 0;
    struct meeting_due due;
    if (meetings_status(ctx_of(r), k, &held, &scheduled, &due) != APP_OK)
        return;
    html_raw(&r->out, "<p>");
    if (k->track == TRACK_PAR)
        held_count(r, held);
    else
        html_printf(&r->out, "%d held", held);
    html_printf(&r->out, "; %d scheduled", scheduled);
    if (due.phase != PHASE_COUNT) {
        html_printf(&r->out, "; the %s meeting ", meeting_phase_key(due.phase));
        if (due.scheduled_at) {
            html_raw(&r->out, "is scheduled for ");
            html_local_time(r, due.scheduled_at);
        } else {
            html_raw(&r->out, due.overdue ? "was due by " : "is due by ");
            html_day(r, due.window.to);
        }
        if (due.overdue)
            html_raw(&r->out, " <strong>(OVERDUE)</strong>");
    }
    html_raw(&r->out, ".</p>");
}

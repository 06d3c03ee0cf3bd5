/* panel_session.c: one Panel session on the web (R24, R25, R29): its date,
 * rule and quorum; the coordinator's forms for who is present (only
 * members whose term covers the date, R29), the docket, recusals and
 * closing the session; and each case on the docket with its
 * recommendation, recusals, who voted (how, once closed), the asker's
 * vote, closing the vote, and the outcome. */
#include <inttypes.h>
#include <string.h>

#include "base/clock.h"
#include "out/html.h"
#include "web/goals.h"
#include "web/handlers.h"
#include "web/panel.h"

/* --- the parts of a case on the docket (panel_case.c uses them too) --- */

static void field_error(req *r, const struct errors *errs, const char *field, const char *id)
{
    field_error_text(r, arena_printf(r->a, "e-%s", id), errs ? errors_get(errs, field) : NULL);
}

static void rating_options(req *r, const char *chosen)
{
    html_raw(&r->out, "<option value=\"\">Choose a rating</option>");
    for (int i = 0; i < RATING_NONE; i++)
        html_printf(&r->out, "<option value=\"%s\"%s>%s</option>", rating_key((enum rating)i),
                    chosen && strcmp(chosen, rating_key((enum rating)i)) == 0 ? " selected" : "",
                    rating_label((enum rating)i));
}

void panel_outcome(req *r, const struct panel_docket_item *it)
{
    if (it->decided) {
        const char *approval = it->decision.approval;
        html_printf(&r->out,
                    "<p role=\"status\"><strong>The Panel's rating: %s.</strong> %s %s</p>",
                    rating_label(it->decision.rating), it->decision.tally,
                    strcmp(approval, "approved") == 0
                        ? "The Superintendent approved it: the rating is final."
                    : strcmp(approval, "returned") == 0
                        ? "The Superintendent returned it to the Panel, which decides again."
                        : "It awaits the Superintendent's approval; only then is it final.");
    } else if (it->closed) {
        html_printf(&r->out, "<p role=\"status\"><strong>No decision at this session.</strong> %s</p>",
                    it->tally.words);
    }
}

void panel_votes(req *r, const struct panel_session *s, const struct panel_docket_item *it,
                 const struct errors *errs)
{
    html_printf(&r->out, "<p>Votes cast: %d", it->nvotes);
    for (int i = 0; i < it->nvotes; i++)
        html_printf(&r->out, "%s%s", i ? ", " : " (", it->votes[i].name);
    html_raw(&r->out, it->nvotes ? ")." : ".");
    if (it->closed && it->nvotes) {
        html_raw(&r->out, " By rating:");
        for (int i = 0, shown = 0; i < RATING_NONE; i++)
            if (it->tally.counts[i])
                html_printf(&r->out, "%s %s %d", shown++ ? "," : "", rating_label((enum rating)i),
                            it->tally.counts[i]);
        html_raw(&r->out, ".");
    } else if (it->nvotes) {
        html_raw(&r->out, " How each member voted shows once the vote is closed.");
    }
    html_raw(&r->out, "</p>");
    if (it->my_vote != RATING_NONE)
        html_printf(&r->out, "<p>You voted <strong>%s</strong>.</p>", rating_label(it->my_vote));
    if (!it->vote_refusal) {
        const char *id = arena_printf(r->a, "vote-%" PRId64, it->k.id);
        form_begin(r, panel_url(r, s->id, it->k.id, "/vote"));
        html_printf(&r->out, "<div class=\"field\"><label for=\"%s\">Your vote on the case of %s"
                             "</label><p class=\"hint\" id=\"h-%s\">One vote per member; it "
                             "cannot be changed.</p>",
                    id, it->k.teacher_name, id);
        field_error(r, errs, "rating", id);
        html_printf(&r->out, "<select id=\"%s\" name=\"rating\" aria-describedby=\"h-%s\">", id, id);
        rating_options(r, errs ? form_value(r, "rating") : NULL);
        html_raw(&r->out, "</select></div>");
        step_confirm_field(r, "vote", panel_vote_key(r, it->k.id), "Cast my vote", errs);
        form_end(r, "Cast my vote");
    } else if (role_set_has(ctx_of(r)->who.roles, ROLE_PANEL_MEMBER) && !it->closed &&
               !it->recused && it->my_vote == RATING_NONE) {
        html_raw(&r->out, "<p>You cannot vote on this case now. ");
        rule_text(r, it->vote_refusal);
        html_raw(&r->out, "</p>");
    }
}

/* The members who may still recuse from the case: sitting, not recused. */
static void member_options(req *r, const struct panel_session_view *v,
                           const struct panel_docket_item *it)
{
    html_raw(&r->out, "<option value=\"\">Choose a member</option>");
    for (int i = 0; i < v->nmembers; i++) {
        bool recused = false;
        for (int k = 0; k < it->nrecusals; k++)
            recused |= it->recusals[k].person_id == v->members[i].person_id;
        if (v->members[i].sitting && !recused)
            html_printf(&r->out, "<option value=\"%s\">%s</option>",
                        id_text(r, v->members[i].person_id), v->members[i].name);
    }
}

void panel_recusal_form(req *r, const struct panel_session_view *v,
                        const struct panel_docket_item *it, const struct errors *errs)
{
    struct ctx *c = ctx_of(r);
    bool coordinator = role_set_has(c->who.roles, ROLE_COORDINATOR);
    if (it->closed || v->s.closed || !casework_may(c, &it->k, ACT_CREATE, KIND_RECUSAL))
        return;
    const char *id = arena_printf(r->a, "recuse-%" PRId64, it->k.id);
    form_begin(r, panel_url(r, v->s.id, it->k.id, "/recusal"));
    if (coordinator) {
        html_printf(&r->out, "<div class=\"field\"><label for=\"%s-person\">Member who recuses"
                             "</label>",
                    id);
        field_error(r, errs, "person_id", arena_printf(r->a, "%s-person", id));
        html_printf(&r->out, "<select id=\"%s-person\" name=\"person_id\">", id);
        member_options(r, v, it);
        html_raw(&r->out, "</select></div>");
    }
    html_printf(&r->out, "<div class=\"field\"><label for=\"%s-reason\">%s</label><p "
                         "class=\"hint\" id=\"h-%s-reason\">The conflict of interest, in a few "
                         "words. The Panel and the coordinator read it.</p>",
                id, coordinator ? "Why they recuse" : "Why you recuse yourself", id);
    field_error(r, errs, "reason", arena_printf(r->a, "%s-reason", id));
    html_printf(&r->out, "<textarea id=\"%s-reason\" name=\"reason\" rows=\"2\" "
                         "aria-describedby=\"h-%s-reason\">%s</textarea></div>",
                id, id, errs ? form_value(r, "reason") : "");
    form_end(r, coordinator ? "Record the recusal" : "Recuse myself from this case");
}

/* The confirmation's key on the session's page (its error's too). */
#define SESSION_CLOSE_KEY "close-session"

const char *panel_close_vote_key(req *r, int64_t case_id)
{
    return arena_printf(r->a, "close_vote-%" PRId64, case_id);
}

const char *panel_vote_key(req *r, int64_t case_id)
{
    return arena_printf(r->a, "vote-%" PRId64, case_id);
}

void panel_close_vote_button(req *r, const struct panel_session *s,
                             const struct panel_docket_item *it, const struct errors *errs)
{
    struct ctx *c = ctx_of(r);
    if (it->closed || strcmp(s->held_on, clock_date(r->a, app_now(c))) > 0 ||
        !casework_may(c, &it->k, ACT_CREATE, KIND_DECISION))
        return;
    const char *label = arena_printf(r->a, "Close the vote on the case of %s and tally it",
                                     it->k.teacher_name);
    form_begin(r, panel_url(r, s->id, it->k.id, "/close"));
    step_confirm_field(r, "close_vote", panel_close_vote_key(r, it->k.id), label, errs);
    form_end(r, label);
}

/* --- the session page --- */

static void attendance_form(req *r, const struct panel_session_view *v)
{
    html_raw(&r->out, "<section class=\"panel\" aria-labelledby=\"h-present\"><h2 "
                      "id=\"h-present\">Who is present</h2>");
    form_begin(r, panel_url(r, v->s.id, 0, "/attendance"));
    version_field(r, v->s.version);
    html_raw(&r->out, "<fieldset class=\"field\" id=\"f-present\"><legend>Members present at "
                      "this session</legend>");
    for (int i = 0; i < v->nmembers; i++) {
        const struct panel_member *m = &v->members[i];
        if (m->sitting)
            html_printf(&r->out, "<div class=\"field-check\"><input type=\"checkbox\" "
                                 "id=\"present-%s\" name=\"present\" value=\"%s\"%s><label "
                                 "for=\"present-%s\">%s</label></div>",
                        id_text(r, m->person_id), id_text(r, m->person_id),
                        m->present ? " checked" : "", id_text(r, m->person_id), m->name);
    }
    html_raw(&r->out, "</fieldset>");
    form_end(r, "Save who is present");
    int shown = 0;
    for (int i = 0; i < v->nmembers; i++) {
        if (v->members[i].sitting)
            continue;
        html_raw(&r->out, shown++ ? ", " : "<p>A member whose term does not cover this date "
                                           "cannot sit or vote: ");
        html_printf(&r->out, "%s (term %s to %s)", v->members[i].name, v->members[i].term_start,
                    v->members[i].term_end);
    }
    html_raw(&r->out, shown ? ".</p></section>" : "</section>");
}

static void present_line(req *r, const struct panel_session_view *v)
{
    html_raw(&r->out, "<p>Present: ");
    int shown = 0;
    for (int i = 0; i < v->nmembers; i++)
        if (v->members[i].present)
            html_printf(&r->out, "%s%s", shown++ ? ", " : "", v->members[i].name);
    html_raw(&r->out, shown ? ".</p>" : "nobody recorded yet.</p>");
}

static void recusal_lines(req *r, const struct panel_docket_item *it)
{
    for (int i = 0; i < it->nrecusals; i++)
        html_printf(&r->out, "<p>Recused: %s, because: %s</p>", it->recusals[i].name,
                    it->recusals[i].reason);
}

/* R24, R29: a case the asker does not sit on: why, and their own recusal. */
static void withheld_item(req *r, const struct panel_docket_item *it)
{
    html_printf(&r->out, "<h3 id=\"case-%s\">A case on the docket</h3><p><strong>",
                id_text(r, it->k.id));
    rule_text(r, it->withheld);
    html_raw(&r->out, "</strong></p>");
    recusal_lines(r, it);
    html_raw(&r->out, "</section>");
}

static void docket_item(req *r, const struct panel_session_view *v,
                        const struct panel_docket_item *it, const struct errors *errs)
{
    struct ctx *c = ctx_of(r);
    html_printf(&r->out, "<section class=\"case-part\" aria-labelledby=\"case-%s\">",
                id_text(r, it->k.id));
    if (it->withheld) {
        withheld_item(r, it);
        return;
    }
    html_printf(&r->out, "<h3 id=\"case-%s\"><a href=\"/cases/%" PRId64 "\">Case of %s</a></h3>",
                id_text(r, it->k.id), it->k.id, it->k.teacher_name);
    if (it->recused)
        html_raw(&r->out, "<p><strong>You recused yourself from this case</strong>: you do "
                          "not see its deliberation and do not vote on it.</p>");
    if (it->recommended != RATING_NONE) {
        html_printf(&r->out, "<p>The Consulting Teacher recommends <strong>%s</strong>. The "
                             "teacher and the administrator send the Panel evidence until ",
                    rating_label(it->recommended));
        html_date(r, it->preview_until);
        html_raw(&r->out, "; the Panel votes after that day.</p>");
    }
    if (casework_may(c, &it->k, ACT_VIEW, KIND_PANEL_SUBMISSION))
        html_printf(&r->out, "<p>Sent to the Panel: <strong>%d</strong> written %s and "
                             "<strong>%d</strong> %s to appear in person. <a href=\"/cases/%"
                             PRId64 "/packet\">Read them in the evidence packet</a>.</p>",
                    it->written, it->written == 1 ? "piece of evidence" : "pieces of evidence",
                    it->appear, it->appear == 1 ? "request" : "requests", it->k.id);
    recusal_lines(r, it);
    panel_outcome(r, it);
    panel_votes(r, &v->s, it, errs);
    if (casework_may(c, &it->k, ACT_VIEW, KIND_PANEL_NOTE))
        html_printf(&r->out, "<p><a href=\"%s\">The Panel's deliberation on this case</a>: notes, "
                             "and recusing yourself.</p>",
                    panel_url(r, v->s.id, it->k.id, ""));
    if (role_set_has(c->who.roles, ROLE_COORDINATOR))
        panel_recusal_form(r, v, it, errs);
    panel_close_vote_button(r, &v->s, it, errs);
    if (!v->s.closed && !it->nvotes && app_authorize(c, ACT_EDIT, KIND_PANEL_SESSION, NULL) == APP_OK)
        button_form(r, panel_url(r, v->s.id, it->k.id, "/remove"),
                    arena_printf(r->a, "Take the case of %s off the docket", it->k.teacher_name),
                    "button-secondary");
    html_raw(&r->out, "</section>");
}

static void docket_form(req *r, const struct panel_session_view *v, const struct errors *errs)
{
    struct panel_case_row *rows;
    int n, shown = 0;
    if (panel_cases_awaiting(ctx_of(r), &rows, &n) != APP_OK)
        return;
    struct option *opts = arena_alloc(r->a, sizeof *opts * (size_t)(n + 1));
    opts[shown++] = (struct option){"", "Choose a case"};
    for (int i = 0; i < n; i++) {
        bool on = false;
        for (int k = 0; k < v->ndocket; k++)
            on |= v->docket[k].k.id == rows[i].case_id;
        if (!on)
            opts[shown++] = (struct option){
                id_text(r, rows[i].case_id),
                arena_printf(r->a, "Case of %s (recommended: %s)", rows[i].teacher_name,
                             rating_label(rows[i].rating))};
    }
    html_raw(&r->out, "<section class=\"panel\" aria-labelledby=\"h-docket\"><h2 "
                      "id=\"h-docket\">Add a case to the docket</h2>");
    if (shown == 1 && !errs) {
        html_raw(&r->out, "<p>No other case awaits the Panel: a PAR case comes before it once "
                          "its Consulting Teacher sends the recommendation.</p></section>");
        return;
    }
    form_begin(r, panel_url(r, v->s.id, 0, "/docket"));
    field_select(r, &(struct field){.name = "case_id", .label = "Case to add", .required = true,
                                    .hint = "PAR cases whose recommendation was sent to the "
                                            "Panel and that it has not decided."},
                 opts, shown, errs);
    form_end(r, "Add to the docket");
    html_raw(&r->out, "</section>");
}

static void session_page(req *r, int64_t id, const struct errors *errs, int64_t errs_case)
{
    struct ctx *c = ctx_of(r);
    struct panel_session_view v;
    enum app_status s = panel_session_get(c, id, &v);
    if (s != APP_OK) {
        web_fail(r, s, KIND_PANEL_SESSION);
        return;
    }
    if (errs && errs->n)
        r->status = 400;
    bool edit = !v.s.closed && app_authorize(c, ACT_EDIT, KIND_PANEL_SESSION, NULL) == APP_OK;
    page_begin(r, panel_session_name(r, &v.s));
    html_raw(&r->out, "<p><a href=\"/panel\">The Panel's overview</a> · <a "
                      "href=\"/panel/sessions\">All sessions</a></p>");
    form_errors(r, errs);
    html_raw(&r->out, "<dl class=\"record\"><div><dt>Date</dt><dd>");
    date_words(r, v.s.held_on);
    html_printf(&r->out, "</dd></div><div><dt>Time and place</dt><dd>%s, %s</dd></div><div>"
                         "<dt>Status</dt><dd>%s</dd></div></dl>",
                v.s.starts_at, v.s.place, v.s.closed ? "Closed" : "Scheduled");
    panel_rule_line(r, &v.s);
    if (edit)
        attendance_form(r, &v);
    else
        present_line(r, &v);
    html_raw(&r->out, "<h2>The docket</h2>");
    if (!v.ndocket)
        html_raw(&r->out, "<p>No case is on the docket yet.</p>");
    for (int i = 0; i < v.ndocket; i++)
        docket_item(r, &v, &v.docket[i], v.docket[i].k.id == errs_case ? errs : NULL);
    if (edit) {
        docket_form(r, &v, errs_case ? NULL : errs);
        form_begin(r, panel_url(r, id, 0, "/close"));
        version_field(r, v.s.version);
        field_confirm(r, SESSION_CLOSE_KEY, "Close this session", panel_session_close_words,
                      errs_case ? NULL : errs);
        form_end(r, "Close this session");
    }
    page_end(r);
}

void page_panel_session(req *r)
{
    session_page(r, req_id(r, "item"), NULL, 0);
}

/* A session-level change's answer: back to the session, or its refusal. */
static void session_answer(req *r, enum app_status s, const char *refusal,
                           const struct errors *errs, const char *done)
{
    int64_t id = req_id(r, "item");
    if (s == APP_INVALID)
        session_page(r, id, errs, 0);
    else if (s != APP_OK)
        web_refuse(r, s, refusal, KIND_PANEL_SESSION);
    else {
        web_flash(r, done);
        res_redirect(r, panel_url(r, id, 0, ""));
    }
}

void do_panel_attendance(req *r)
{
    const char *vals[64];
    size_t n = req_form_all(r, "present", vals, 64);
    buf ids;
    buf_init(&ids, r->a);
    for (size_t i = 0; i < n; i++)
        buf_printf(&ids, "%s%s", i ? "," : "", vals[i]);
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = panel_session_update(
        ctx_of(r), req_id(r, "item"), parse_id(form_value(r, "version")),
        &(struct panel_session_input){.present = buf_cstr(&ids)}, &errs, &refusal);
    session_answer(r, s, refusal, &errs, "Who is present is saved.");
}

void do_panel_docket_add(req *r)
{
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    const char *v = form_value(r, "case_id");
    enum app_status s =
        panel_docket_change(ctx_of(r), req_id(r, "item"), *v ? parse_id(v) : 0, true,
                                            &errs, &refusal);
    session_answer(r, s, refusal, &errs, "The case is on the docket.");
}

void do_panel_docket_remove(req *r)
{
    const char *refusal = NULL;
    enum app_status s =
        panel_docket_change(ctx_of(r), req_id(r, "item"), req_id(r, "id"), false, NULL, &refusal);
    session_answer(r, s, refusal, NULL, "The case is off the docket.");
}

/* Closing is final (R24): an open session is closed once the box says they
 * are sure; a closed one, or one they may not close, gets its refusal. */
void do_panel_session_close(req *r)
{
    const char *refusal = NULL;
    struct errors errs = {.n = 0};
    struct panel_session open;
    int64_t id = req_id(r, "item");
    if (!form_confirmed(r) && panel_session_load(ctx_of(r), id, &open) == APP_OK && !open.closed) {
        form_unconfirmed(r, SESSION_CLOSE_KEY, &errs);
        session_answer(r, APP_INVALID, NULL, &errs, NULL);
        return;
    }
    enum app_status s =
        panel_session_close(ctx_of(r), id, parse_id(form_value(r, "version")), &refusal);
    session_answer(r, s, refusal, NULL, "The session is closed.");
}

/* The coordinator records a member's recusal here; a member recuses on the
 * case's deliberation page (panel_case.c), which answers theirs. */
void panel_session_refused(req *r, enum app_status s, const char *refusal,
                           const struct errors *errs, enum record_kind kind)
{
    if (s == APP_INVALID)
        r->status = 400;
    if (s == APP_INVALID || web_refused(r, s, refusal))
        session_page(r, req_id(r, "item"), errs, req_id(r, "id"));
    else
        web_refuse(r, s, refusal, kind);
}

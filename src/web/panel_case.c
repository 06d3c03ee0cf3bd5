/* panel_case.c: the Panel's deliberation on one case of a session (R24):
 * the notes only the Panel reads, a member's recusal, their vote, and
 * closing the vote. A member who recused is told so (R24), one whose term
 * has ended so (R29), rather than a bare refusal. */
#include <inttypes.h>
#include <string.h>

#include "out/html.h"
#include "web/goals.h"
#include "web/handlers.h"
#include "web/panel.h"

static void notes_section(req *r, const struct panel_case_view *cv, const struct errors *errs)
{
    html_raw(&r->out, "<section class=\"panel\" aria-labelledby=\"h-notes\"><h2 id=\"h-notes\">"
                      "Deliberation notes</h2><p>Only the Panel reads these notes: not the "
                      "teacher, the Consulting Teacher, the administrator, the coordinator or the "
                      "Superintendent. They are not on the case's timeline.</p>");
    if (!cv->nnotes)
        html_raw(&r->out, "<p>No notes yet.</p>");
    else
        html_raw(&r->out, "<ul class=\"inbox\">");
    for (int i = 0; i < cv->nnotes; i++) {
        const struct panel_note_row *n = &cv->notes[i];
        html_printf(&r->out, "<li><p><strong>%s</strong>, session of %s, ", n->author, n->held_on);
        html_time(r, n->created_at);
        html_printf(&r->out, "</p><p class=\"prose\">%s</p></li>", n->body);
    }
    if (cv->nnotes)
        html_raw(&r->out, "</ul>");
    if (!cv->v.s.closed && casework_may(ctx_of(r), &cv->item->k, ACT_CREATE, KIND_PANEL_NOTE)) {
        form_begin(r, panel_url(r, cv->v.s.id, cv->item->k.id, "/notes"));
        field_textarea(r, &(struct field){.name = "body", .label = "Add a note",
                                          .value = errs ? form_value(r, "body") : "",
                                          .required = true}, errs);
        form_end(r, "Add the note");
    }
    html_raw(&r->out, "</section>");
}

static void case_page(req *r, const struct errors *errs)
{
    struct panel_case_view cv;
    const char *refusal = NULL;
    enum app_status s = panel_case_get(ctx_of(r), req_id(r, "item"), req_id(r, "id"), &cv, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_PANEL_NOTE);
        return;
    }
    if (errs)
        r->status = 400;
    const struct panel_docket_item *it = cv.item;
    page_begin(r, arena_printf(r->a, "Deliberation: case of %s", it->k.teacher_name));
    html_printf(&r->out, "<p><a href=\"%s\">%s</a> · <a href=\"/cases/%" PRId64 "\">The case"
                         "</a></p>",
                panel_url(r, cv.v.s.id, 0, ""), panel_session_name(r, &cv.v.s), it->k.id);
    form_errors(r, errs);
    if (it->recommended != RATING_NONE)
        html_printf(&r->out, "<p>The Consulting Teacher recommends <strong>%s</strong>.</p>",
                    rating_label(it->recommended));
    panel_rule_line(r, &cv.v.s);
    panel_outcome(r, it);
    panel_votes(r, &cv.v.s, it, errs);
    panel_close_vote_button(r, &cv.v.s, it, errs);
    notes_section(r, &cv, errs);
    if (!it->closed) {
        html_raw(&r->out, "<section class=\"panel\" aria-labelledby=\"h-recuse\"><h2 "
                          "id=\"h-recuse\">A conflict of interest?</h2><p>A member with a "
                          "conflict of interest recuses themselves: for good, they no longer see "
                          "this case's deliberation and do not vote on it.</p>");
        panel_recusal_form(r, &cv.v, it, errs);
        html_raw(&r->out, "</section>");
    }
    page_end(r);
}

void page_panel_case(req *r)
{
    case_page(r, NULL);
}

void do_panel_note(req *r)
{
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    int64_t id = 0, session = req_id(r, "item"), case_id = req_id(r, "id");
    enum app_status s = panel_note_add(ctx_of(r), session, case_id, form_value(r, "body"), &id,
                                       &errs, &refusal);
    if (s == APP_INVALID) {
        case_page(r, &errs);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_PANEL_NOTE);
        return;
    }
    web_flash(r, "The note is added. Only the Panel reads it.");
    res_redirect(r, panel_url(r, session, case_id, ""));
}

void do_panel_recuse(req *r)
{
    struct ctx *c = ctx_of(r);
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    int64_t session = req_id(r, "item"), case_id = req_id(r, "id");
    enum app_status s = panel_recuse(c, session, case_id, form_value(r, "person_id"),
                                     form_value(r, "reason"), &errs, &refusal);
    bool coordinator = role_set_has(c->who.roles, ROLE_COORDINATOR);
    if (s == APP_INVALID && !coordinator) {
        case_page(r, &errs);
        return;
    }
    if (s != APP_OK) {
        panel_session_refused(r, s, refusal, &errs, KIND_RECUSAL);
        return;
    }
    web_flash(r, coordinator ? "The recusal is recorded."
                             : "You recused yourself from this case: you no longer see its "
                               "deliberation and do not vote on it.");
    res_redirect(r, panel_url(r, session, 0, ""));
}

void do_panel_vote(req *r)
{
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    int64_t session = req_id(r, "item"), case_id = req_id(r, "id");
    enum app_status s =
        step_awaits_confirmation(r, case_id, "vote", panel_vote_key(r, case_id), &errs)
            ? APP_INVALID
            : panel_vote_cast(ctx_of(r), session, case_id, form_value(r, "rating"), &errs,
                              &refusal);
    if (s != APP_OK) {
        panel_session_refused(r, s, refusal, &errs, KIND_PANEL_VOTE);
        return;
    }
    web_flash(r, "Your vote is cast. How each member voted shows once the vote is closed.");
    res_redirect(r, panel_url(r, session, 0, ""));
}

void do_panel_vote_close(req *r)
{
    struct panel_tally t;
    int64_t decision = 0, session = req_id(r, "item");
    int64_t case_id = req_id(r, "id");
    const char *refusal = NULL;
    struct errors errs = {.n = 0};
    enum app_status s =
        step_awaits_confirmation(r, case_id, "close_vote", panel_close_vote_key(r, case_id), &errs)
            ? APP_INVALID
            : panel_vote_close(ctx_of(r), session, case_id, &t, &decision, &refusal);
    if (s != APP_OK) {
        panel_session_refused(r, s, refusal, &errs, KIND_DECISION);
        return;
    }
    web_flash(r, decision ? arena_printf(r->a, "The Panel decided: %s. %s It awaits the "
                                               "Superintendent's approval.",
                                         rating_label(t.rating), t.words)
                          : arena_printf(r->a, "%s The case stays before the Panel.", t.words));
    res_redirect(r, panel_url(r, session, 0, ""));
}

/* panel.h (web): what the Panel's pages share (panel.c, panel_session.c,
 * panel_case.c): addresses, a session's name, and the forms a member or
 * the coordinator uses on a case of a session (R24, R29). */
#ifndef PARLEY_WEB_PANEL_H
#define PARLEY_WEB_PANEL_H

#include "app/panel.h"
#include "web/web.h"

/* /panel/sessions/{id}, or /panel/sessions/{id}/cases/{case_id}{rest}. */
const char *panel_url(req *r, int64_t session_id, int64_t case_id, const char *rest);
/* "Panel session of 2026-12-08 at 16:00" */
const char *panel_session_name(req *r, const struct panel_session *s);
/* "The votes: majority of the members present; quorum 5." */
void panel_rule_line(req *r, const struct panel_session *s);
/* The outcome of a closed vote, or where the vote stands. */
void panel_outcome(req *r, const struct panel_docket_item *it);
/* Who voted (how, once closed), and the asker's vote form or why not. */
void panel_votes(req *r, const struct panel_session *s, const struct panel_docket_item *it,
                 const struct errors *errs);
/* The recusal form: a member's own, or the coordinator's for a member. */
void panel_recusal_form(req *r, const struct panel_session_view *v,
                        const struct panel_docket_item *it, const struct errors *errs);
/* The button that closes the vote on a case, for whoever may: it records
 * the Panel's decision, and asks to confirm (issue 18). */
void panel_close_vote_button(req *r, const struct panel_session *s,
                             const struct panel_docket_item *it, const struct errors *errs);
/* The names of the boxes to tick of a case's vote and of closing it: one
 * per case on the session's page. */
const char *panel_vote_key(req *r, int64_t case_id);
const char *panel_close_vote_key(req *r, int64_t case_id);

/* A refused change to a case of the session: a form's errors on the
 * session's page (400), or a rule's refusal at its top (409), else the
 * refusal. */
void panel_session_refused(req *r, enum app_status s, const char *refusal,
                           const struct errors *errs, enum record_kind kind);

#endif

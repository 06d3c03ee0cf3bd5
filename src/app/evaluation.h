/* evaluation.h: a PAR case's formative and summative evaluations (R15,
 * R20, R23, R26). The primary evaluator (the case's CT) creates one of
 * each, writes and rates it, shares the draft with the administrator for
 * preview and response (R23; a summative must go there first), then with
 * the teacher, who signs it (receipt, not agreement, R20, with a written
 * response if they wish); the CT locks it; reopening needs the other
 * party's consent. The states and steps are domain/evaluation.h's table,
 * who takes each step the policy table's (KIND_EVALUATION); every step is
 * on the case's timeline, audited, and told to the case's people. */
#ifndef PARLEY_APP_EVALUATION_H
#define PARLEY_APP_EVALUATION_H

#include "app/casework.h"
#include "domain/evaluation.h"

/* One standard's rating and comment. */
struct evaluation_rating {
    int64_t standard_id;
    const char *code, *title; /* the standard's: "II", "Teaching All Students" */
    enum rating rating;
    const char *comment;
};

struct evaluation {
    int64_t id, case_id, version, created_at, updated_at;
    int64_t shared_admin_at, shared_teacher_at, teacher_signed_at, locked_at;
    int64_t admin_responded_at, unlock_asked_at, unlock_asked_by_id;
    enum eval_kind kind;
    enum eval_status status;
    enum rating overall;
    const char *summary, *admin_response, *teacher_response, *unlock_reason;
    const char *admin_responded_by, *unlock_asked_by, *created_by; /* names; "" for none */
    struct evaluation_rating *ratings; /* one per standard of the rubric, in order */
    int nratings;
};

/* A change to a draft, as a form or the API sends it: strings, checked
 * here; NULL: not sent (kept as it is). */
struct evaluation_rating_input {
    int64_t standard_id;
    const char *rating, *comment;
    const char *rating_field, *comment_field; /* the names errors are reported on */
};
struct evaluation_input {
    const char *summary, *overall_rating;
    const struct evaluation_rating_input *ratings;
    int nratings;
};

/* The case's evaluations the asker may read (R20, R23: not before they are
 * shared with them), formative first. Opens the case for a view (audited). */
enum app_status evaluations_list(struct ctx *c, int64_t case_id, struct case_record *k,
                                 struct evaluation **out, int *n, const char **refusal);
/* One evaluation, the case opened for act (ACT_VIEW audited). One the
 * asker may not read yet is APP_NOT_FOUND; a PA case has none (R15):
 * APP_CONFLICT with the words. */
enum app_status evaluation_get(struct ctx *c, int64_t case_id, int64_t id, enum action act,
                               struct case_record *k, struct evaluation *out,
                               const char **refusal);
/* R15: the primary evaluator starts one formative and one summative per
 * case (kind: "formative" | "summative"; a second of a kind: APP_CONFLICT). */
enum app_status evaluation_create(struct ctx *c, int64_t case_id, const char *kind, int64_t *id,
                                  struct errors *errs, const char **refusal);
/* Revises a draft: summary, overall rating, standards' ratings and
 * comments. R26 is checked on what the draft would hold (an error on
 * "overall_rating"). version: the one the change is based on (stale:
 * APP_CONFLICT, refusal NULL); 0 takes the current one. */
enum app_status evaluation_update(struct ctx *c, int64_t case_id, int64_t id, int64_t version,
                                  const struct evaluation_input *in, struct errors *errs,
                                  const char **refusal);
/* Takes a step of the table. text: the administrator's response (respond,
 * required), the teacher's response (sign, optional), the reason to reopen
 * (ask_unlock, required); errs on "response" or "reason". Sharing needs
 * every rating given and R26 (APP_CONFLICT with the words). */
enum app_status evaluation_step_take(struct ctx *c, int64_t case_id, int64_t id, int64_t version,
                                     enum eval_step step, const char *text, struct errors *errs,
                                     const char **refusal);
/* Whether the asker may take this step now (the policy table and the
 * table of steps): to offer its form. */
bool evaluation_step_open(struct ctx *c, const struct case_record *k, const struct evaluation *e,
                          enum eval_step step);

/* The evidence of the case, by standard: its observations and artifacts
 * tagged to the standard's indicators (R19). */
struct evaluation_evidence_item {
    bool artifact;              /* else an observation */
    int64_t id;
    const char *date, *title;   /* "YYYY-MM-DD"; the artifact's title, "" for an observation */
    const char *codes;          /* the indicators it is tagged to: "II-A, II-B" */
};
struct evaluation_evidence {
    int64_t standard_id;
    const char *code, *title;
    int observations, artifacts;
    struct evaluation_evidence_item *items;
    int n;
};
/* No authorisation: the caller opened the case's evaluation. */
enum app_status evaluation_evidence(struct ctx *c, const struct case_record *k,
                                    struct evaluation_evidence **out, int *n);

/* What the printed evaluation carries beyond itself: the school's
 * administrators, and once made, the Panel's decision and the
 * Superintendent's approval (R24, R25). No authorisation, as above. */
struct evaluation_outcome {
    const char *administrators;        /* names, "" for none */
    bool decided;
    enum rating decision;
    const char *tally;
    int64_t decided_at;
    bool approved;
    int64_t approved_at;
    const char *approver, *approver_title;
};
enum app_status evaluation_outcome_of(struct ctx *c, const struct case_record *k,
                                      struct evaluation_outcome *out);
/* Audits the download of the evaluation's PDF (R37, R38). */
enum app_status evaluation_downloaded(struct ctx *c, const struct case_record *k,
                                      const struct evaluation *e);

#endif

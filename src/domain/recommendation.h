/* recommendation.h: the CT's rating recommendation to the Panel (R21), the
 * preview window in which the teacher and the administrator see it and send
 * the Panel their evidence (R22), and the Superintendent's answer to the
 * Panel's decision (R25). Pure rules; who may take each step is the policy
 * table's (KIND_RECOMMENDATION, KIND_PANEL_SUBMISSION, KIND_DECISION). */
#ifndef PARLEY_DOMAIN_RECOMMENDATION_H
#define PARLEY_DOMAIN_RECOMMENDATION_H
#include <stdbool.h>
#include <stddef.h>

#include "domain/errors.h"
#include "domain/rating.h"

/* --- the recommendation (R21) --- */

enum rec_status { REC_NONE, REC_DRAFT, REC_SUBMITTED, REC_STATUS_COUNT };
const char *rec_status_key(enum rec_status s); /* "none" | "draft" | "submitted" */
bool rec_status_parse(const char *key, enum rec_status *out);

/* R21: an overall rating (not "none") and a rationale are needed; errors on
 * the fields "rating" and "rationale". */
bool rec_fields_check(const char *rating, const char *rationale, enum rating *out,
                      struct errors *errs);
/* R21, R22: once sent to the Panel the recommendation no longer changes:
 * the refusal, or NULL while it is a draft (or not written). */
const char *rec_change_refusal(enum rec_status s);

/* --- the preview window (R22) --- */

/* The last day the teacher and the administrator may send evidence: the
 * day it was sent plus preview_days (a day accepted through its end). */
bool rec_preview_until(const char *sent_on, int preview_days, char out[11]);
/* Whole days from today to preview_until (0 on its last day; negative once
 * over); 0 when a date cannot be read. */
int rec_preview_days_left(const char *today, const char *preview_until);
/* R22: evidence is taken through the last day of the window (inclusive);
 * after it, and only after it, the Panel may vote. */
bool rec_preview_open(const char *preview_until, const char *today);
/* What is sent: written evidence, or a request to appear in person. */
enum submission_kind { SUBMISSION_WRITTEN, SUBMISSION_APPEAR, SUBMISSION_KIND_COUNT };
const char *submission_kind_key(enum submission_kind k);   /* "written" | "appear" */
const char *submission_kind_label(enum submission_kind k); /* "Written evidence" */
bool submission_kind_parse(const char *key, enum submission_kind *out);

/* --- the Superintendent's approval (R25) --- */

enum approval { APPROVAL_PENDING, APPROVAL_APPROVED, APPROVAL_RETURNED, APPROVAL_COUNT };
const char *approval_key(enum approval a); /* "pending" | "approved" | "returned" */
bool approval_parse(const char *key, enum approval *out);
/* R25: only a pending decision is answered: NULL then; else why not (an
 * approved one is final, a returned one goes back to the Panel). */
const char *approval_step_refusal(enum approval current);
/* R25: returning needs a reason (error on "reason"). */
bool approval_answer_check(enum approval answer, const char *reason, struct errors *errs);
/* R25: only an approved rating is final. */
bool approval_final(enum approval a);

#endif

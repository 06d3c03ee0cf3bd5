/* recommendation.c: the rules of the recommendation to the Panel (R21),
 * its preview window (R22) and the Superintendent's approval (R25). */
#include "domain/recommendation.h"

#include <stdio.h>
#include <string.h>

#include "base/clock.h"

static const char *const rec_keys[REC_STATUS_COUNT] = {"none", "draft", "submitted"};

const char *rec_status_key(enum rec_status s)
{
    return s < REC_STATUS_COUNT ? rec_keys[s] : "";
}

static bool parse_key(const char *key, const char *const *keys, int n, int *out)
{
    for (int i = 0; key && i < n; i++)
        if (strcmp(key, keys[i]) == 0) {
            *out = i;
            return true;
        }
    return false;
}

bool rec_status_parse(const char *key, enum rec_status *out)
{
    int i;
    if (!parse_key(key, rec_keys, REC_STATUS_COUNT, &i))
        return false;
    *out = (enum rec_status)i;
    return true;
}

bool rec_fields_check(const char *rating, const char *rationale, enum rating *out,
                      struct errors *errs)
{
    if (!rating_parse(rating, out) || *out == RATING_NONE)
        errors_add(errs, "rating",
                   "Choose the overall rating you recommend to the Panel: Exemplary, Proficient, "
                   "Needs Improvement or Unsatisfactory (R21).");
    if (!rationale || !*rationale)
        errors_add(errs, "rationale",
                   "Give the rationale: the Panel, the teacher and the administrator read why "
                   "you recommend this rating (R21, R22).");
    return errs->n == 0;
}

const char *rec_change_refusal(enum rec_status s)
{
    return s == REC_SUBMITTED ? "R21, R22: the recommendation has gone to the Panel, and the "
                                "teacher and the administrator have read it: it no longer "
                                "changes."
                              : NULL;
}

/* --- the preview window --- */

bool rec_preview_until(const char *sent_on, int preview_days, char out[11])
{
    return clock_add_days(sent_on, preview_days < 0 ? 0 : preview_days, out);
}

int rec_preview_days_left(const char *today, const char *preview_until)
{
    int64_t a, b;
    if (!clock_day_number(today, &a) || !clock_day_number(preview_until, &b))
        return 0;
    return (int)(b - a);
}

bool rec_preview_open(const char *preview_until, const char *today)
{
    return preview_until && *preview_until && strcmp(today, preview_until) <= 0;
}

static const char *const kind_keys[SUBMISSION_KIND_COUNT] = {"written", "appear"};

const char *submission_kind_key(enum submission_kind k)
{
    return k < SUBMISSION_KIND_COUNT ? kind_keys[k] : "";
}

const char *submission_kind_label(enum submission_kind k)
{
    return k == SUBMISSION_APPEAR ? "A request to appear in person" : "Written evidence";
}

bool submission_kind_parse(const char *key, enum submission_kind *out)
{
    int i;
    if (!parse_key(key, kind_keys, SUBMISSION_KIND_COUNT, &i))
        return false;
    *out = (enum submission_kind)i;
    return true;
}

/* --- the approval --- */

static const char *const approval_keys[APPROVAL_COUNT] = {"pending", "approved", "returned"};

const char *approval_key(enum approval a)
{
    return a < APPROVAL_COUNT ? approval_keys[a] : "";
}

bool approval_parse(const char *key, enum approval *out)
{
    int i;
    if (!parse_key(key, approval_keys, APPROVAL_COUNT, &i))
        return false;
    *out = (enum approval)i;
    return true;
}

const char *approval_step_refusal(enum approval current)
{
    if (current == APPROVAL_APPROVED)
        return "R25: this decision is approved: the rating is final and no longer changes.";
    if (current == APPROVAL_RETURNED)
        return "R25: this decision was returned to the Panel, which decides again at a later "
               "session; that new decision is the one to answer.";
    return NULL;
}

bool approval_answer_check(enum approval answer, const char *reason, struct errors *errs)
{
    if (answer == APPROVAL_PENDING)
        errors_add(errs, "approval", "Answer approved or returned.");
    else if (answer == APPROVAL_RETURNED && (!reason || !*reason))
        errors_add(errs, "reason",
                   "Say why the decision goes back to the Panel: the Panel and everyone on the "
                   "case read it (R25).");
    return errs->n == 0;
}

bool approval_final(enum approval a)
{
    return a == APPROVAL_APPROVED;
}

/* evaluation.c: an evaluation's kinds, states and steps, as tables (R15,
 * R20, R23, R26). */
#include "domain/evaluation.h"

#include <string.h>

static const struct {
    const char *key, *label;
} kinds[EVAL_KIND_COUNT] = {
    [EVAL_FORMATIVE] = {"formative", "Formative assessment"},
    [EVAL_SUMMATIVE] = {"summative", "Summative evaluation"},
};

static const struct {
    const char *key, *label;
} statuses[EVAL_STATUS_COUNT] = {
    [EVAL_DRAFT] = {"draft", "Draft, seen only by the Consulting Teacher"},
    [EVAL_ADMIN_PREVIEW] = {"admin_preview",
                            "Shared with the administrator for preview and response"},
    [EVAL_SHARED] = {"shared", "Shared with the teacher, waiting for their signature"},
    [EVAL_SIGNED] = {"signed", "Signed by the teacher: receipt, not agreement"},
    [EVAL_LOCKED] = {"locked", "Locked"},
};

/* THE table of steps: the state each leaves and reaches, and the policy
 * table's action that says who takes it. */
static const struct eval_step_def steps[EVAL_STEP_COUNT] = {
    [EVAL_SHARE_ADMIN] = {"share_admin", "Share it with the administrator for preview", ACT_EDIT,
                          EVAL_FROM(EVAL_DRAFT), EVAL_ADMIN_PREVIEW,
                          "Shared the %s with the administrator for preview and response"},
    [EVAL_RESPOND] = {"respond", "Save my response", ACT_RESPOND, EVAL_FROM(EVAL_ADMIN_PREVIEW),
                      EVAL_ADMIN_PREVIEW, "The administrator responded to the %s"},
    [EVAL_SHARE_TEACHER] = {"share_teacher", "Share it with the teacher", ACT_EDIT,
                            EVAL_FROM(EVAL_DRAFT) | EVAL_FROM(EVAL_ADMIN_PREVIEW), EVAL_SHARED,
                            "Shared the %s with the teacher"},
    [EVAL_SIGN] = {"sign", "Sign to acknowledge receipt", ACT_SIGN, EVAL_FROM(EVAL_SHARED),
                   EVAL_SIGNED, "The teacher signed the %s: receipt, not agreement"},
    [EVAL_LOCK] = {"lock", "Lock the evaluation", ACT_EDIT, EVAL_FROM(EVAL_SIGNED), EVAL_LOCKED,
                   "Locked the %s"},
    [EVAL_ASK_UNLOCK] = {"ask_unlock", "Ask to reopen it", ACT_UNLOCK, EVAL_FROM(EVAL_LOCKED),
                         EVAL_LOCKED, "Asked to reopen the %s"},
    [EVAL_CONSENT_UNLOCK] = {"consent_unlock", "Consent to reopening it", ACT_UNLOCK,
                             EVAL_FROM(EVAL_LOCKED), EVAL_DRAFT,
                             "Consented to reopen the %s: it is a draft again, and the "
                             "teacher's signature is to be given again"},
};

const struct eval_step_def *evaluation_step(enum eval_step s)
{
    return s < EVAL_STEP_COUNT ? &steps[s] : NULL;
}

bool evaluation_step_parse(const char *key, enum eval_step *out)
{
    for (int s = 0; key && s < EVAL_STEP_COUNT; s++)
        if (strcmp(steps[s].key, key) == 0) {
            *out = (enum eval_step)s;
            return true;
        }
    return false;
}

const char *evaluation_kind_key(enum eval_kind k)
{
    return k < EVAL_KIND_COUNT ? kinds[k].key : "";
}

const char *evaluation_kind_label(enum eval_kind k)
{
    return k < EVAL_KIND_COUNT ? kinds[k].label : "";
}

bool evaluation_kind_parse(const char *key, enum eval_kind *out)
{
    for (int k = 0; key && k < EVAL_KIND_COUNT; k++)
        if (strcmp(kinds[k].key, key) == 0) {
            *out = (enum eval_kind)k;
            return true;
        }
    return false;
}

const char *evaluation_status_key(enum eval_status s)
{
    return s < EVAL_STATUS_COUNT ? statuses[s].key : "";
}

const char *evaluation_status_label(enum eval_status s)
{
    return s < EVAL_STATUS_COUNT ? statuses[s].label : "";
}

bool evaluation_status_parse(const char *key, enum eval_status *out)
{
    for (int s = 0; key && s < EVAL_STATUS_COUNT; s++)
        if (strcmp(statuses[s].key, key) == 0) {
            *out = (enum eval_status)s;
            return true;
        }
    return false;
}

/* The words when a step does not leave the evaluation's state. */
static const char *state_refusal(enum eval_step step, enum eval_status s)
{
    switch (step) {
    case EVAL_SHARE_ADMIN:
        return "R23: only a draft is shared with the administrator for preview.";
    case EVAL_RESPOND:
        return "R23: the administrator responds while the draft is shared with them for "
               "preview, before it goes to the teacher.";
    case EVAL_SHARE_TEACHER:
        return s == EVAL_SHARED || s == EVAL_SIGNED || s == EVAL_LOCKED
                   ? "The evaluation is already shared with the teacher."
                   : "Only a draft, or a draft the administrator has previewed, is shared with "
                     "the teacher.";
    case EVAL_SIGN:
        return s == EVAL_SIGNED || s == EVAL_LOCKED
                   ? "R20: the teacher has signed this evaluation already."
                   : "R20: the teacher signs an evaluation once it is shared with them.";
    case EVAL_LOCK:
        return "An evaluation is locked once the teacher has signed it (R20).";
    default:
        return "Only a locked evaluation is reopened; a draft is simply revised.";
    }
}

const char *evaluation_step_refusal(enum eval_kind kind, enum eval_status s, enum eval_step step,
                                    int64_t unlock_asked_by, int64_t asker)
{
    if (step >= EVAL_STEP_COUNT || s >= EVAL_STATUS_COUNT)
        return "There is no such step.";
    /* R23: the administrator previews the summative draft before the teacher
     * has it; a formative may go straight to the teacher. */
    if (step == EVAL_SHARE_TEACHER && kind == EVAL_SUMMATIVE && s == EVAL_DRAFT)
        return "R23: a summative evaluation goes to the administrator for preview and response "
               "before it is shared with the teacher.";
    if (!(steps[step].from & EVAL_FROM(s)))
        return state_refusal(step, s);
    if (step == EVAL_ASK_UNLOCK && unlock_asked_by)
        return "Reopening this evaluation is asked already: it waits for the other party's "
               "consent.";
    if (step == EVAL_CONSENT_UNLOCK && !unlock_asked_by)
        return "Nobody has asked to reopen this evaluation: ask first; the other party "
               "consents.";
    if (step == EVAL_CONSENT_UNLOCK && unlock_asked_by == asker)
        return "Reopening a locked evaluation needs the other party's consent: you asked, so the "
               "other party (the teacher or the Consulting Teacher) consents, not you.";
    return NULL;
}

bool evaluation_editable(enum eval_status s)
{
    return s == EVAL_DRAFT;
}

bool evaluation_visible(enum eval_status s, enum eval_reader reader)
{
    if (reader == EVAL_READER_AUTHOR)
        return true;
    if (reader == EVAL_READER_ADMINISTRATOR)
        return s >= EVAL_ADMIN_PREVIEW;
    return s >= EVAL_SHARED;
}

const char *evaluation_share_refusal(enum rating overall, const enum rating *standards, int n)
{
    if (overall == RATING_NONE)
        return "R26: give the overall rating before sharing the evaluation.";
    for (int i = 0; i < n; i++)
        if (standards[i] == RATING_NONE)
            return "R26: rate every standard before sharing the evaluation.";
    return rating_overall_refusal(overall, n > 0 ? standards[0] : RATING_NONE,
                                  n > 1 ? standards[1] : RATING_NONE);
}

/* goal.c: the kinds and steps of a case's goals (R19), as tables. */
#include "domain/goal.h"

#include <string.h>

static const struct {
    const char *key, *label;
} kinds[GOAL_KIND_COUNT] = {
    [GOAL_PRACTICE] = {"practice", "Professional practice"},
    [GOAL_STUDENT_LEARNING] = {"student_learning", "Student learning"},
};

static const struct {
    const char *key, *label;
} statuses[GOAL_STATUS_COUNT] = {
    [GOAL_DRAFT] = {"draft", "Draft"},
    [GOAL_PROPOSED] = {"proposed", "Proposed, waiting for approval"},
    [GOAL_APPROVED] = {"approved", "Approved"},
    [GOAL_RETURNED] = {"returned", "Returned for revision"},
};

const char *goal_kind_key(enum goal_kind k)
{
    return k < GOAL_KIND_COUNT ? kinds[k].key : "";
}

const char *goal_kind_label(enum goal_kind k)
{
    return k < GOAL_KIND_COUNT ? kinds[k].label : "";
}

bool goal_kind_parse(const char *key, enum goal_kind *out)
{
    for (int k = 0; key && k < GOAL_KIND_COUNT; k++)
        if (strcmp(kinds[k].key, key) == 0) {
            *out = (enum goal_kind)k;
            return true;
        }
    return false;
}

const char *goal_status_key(enum goal_status s)
{
    return s < GOAL_STATUS_COUNT ? statuses[s].key : "";
}

const char *goal_status_label(enum goal_status s)
{
    return s < GOAL_STATUS_COUNT ? statuses[s].label : "";
}

bool goal_status_parse(const char *key, enum goal_status *out)
{
    for (int s = 0; key && s < GOAL_STATUS_COUNT; s++)
        if (strcmp(statuses[s].key, key) == 0) {
            *out = (enum goal_status)s;
            return true;
        }
    return false;
}

bool goal_editable(enum goal_status s)
{
    return s != GOAL_APPROVED;
}

bool goal_may_propose(enum goal_status s)
{
    return s == GOAL_DRAFT || s == GOAL_RETURNED;
}

bool goal_may_decide(enum goal_status s)
{
    return s == GOAL_PROPOSED;
}

const char *goal_step_refusal(enum goal_status s)
{
    switch (s) {
    case GOAL_APPROVED:
        return "R19: this goal is approved; an approved goal stands as it is. Add a new goal "
               "if the plan changes.";
    case GOAL_PROPOSED:
        return "This goal is already proposed: its Consulting Teacher approves it or returns it "
               "with a reason.";
    default:
        return "This goal is not proposed yet: it is approved or returned once the teacher or "
               "the Consulting Teacher proposes it.";
    }
}

bool goals_meet_r19(int approved_practice, int approved_learning)
{
    return approved_practice >= 1 && approved_learning >= 1;
}

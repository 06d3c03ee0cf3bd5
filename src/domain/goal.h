/* goal.h: a case's goals (R19): their two kinds, the steps a goal goes
 * through (draft, proposed, approved or returned) and what R19 asks of a
 * case's goals. Pure rules; who may take each step is the policy table's
 * (KIND_GOAL: the case's Consulting Teacher approves, R14). */
#ifndef PARLEY_DOMAIN_GOAL_H
#define PARLEY_DOMAIN_GOAL_H
#include <stdbool.h>

enum goal_kind { GOAL_PRACTICE, GOAL_STUDENT_LEARNING, GOAL_KIND_COUNT };
enum goal_status { GOAL_DRAFT, GOAL_PROPOSED, GOAL_APPROVED, GOAL_RETURNED, GOAL_STATUS_COUNT };

const char *goal_kind_key(enum goal_kind k);   /* "practice" */
const char *goal_kind_label(enum goal_kind k); /* "Professional practice" */
bool goal_kind_parse(const char *key, enum goal_kind *out);
const char *goal_status_key(enum goal_status s);   /* "proposed" */
const char *goal_status_label(enum goal_status s); /* "Proposed, waiting for approval" */
bool goal_status_parse(const char *key, enum goal_status *out);

/* R19: a goal is revised until it is approved; once approved it stands. */
bool goal_editable(enum goal_status s);
/* A draft, or a goal returned for revision, may be proposed for approval. */
bool goal_may_propose(enum goal_status s);
/* Only a proposed goal is approved or returned. */
bool goal_may_decide(enum goal_status s);
/* The words shown when a goal's step does not fit its status. */
const char *goal_step_refusal(enum goal_status s);

/* R19: the goals of a case are set when at least one professional-practice
 * and one student-learning goal are approved. */
bool goals_meet_r19(int approved_practice, int approved_learning);

#endif

/* goals.h: a case's goals and self-assessment, and the goals bank (R14,
 * R16, R19, R37). The teacher writes their self-assessment and, with their
 * Consulting Teacher, drafts goals (SMART: specific, measured, the actions,
 * a date), possibly starting from a goal of the bank the coordinator keeps;
 * either proposes them; the case's CT approves them or returns them with a
 * reason. R19 asks for at least one approved professional-practice goal and
 * one approved student-learning goal by goals_due_days after the cycle's
 * start. Who may do each is the policy table's (KIND_GOAL, KIND_GOAL_BANK,
 * KIND_SELF_ASSESSMENT); every change is on the case's timeline, audited,
 * and told to whom it concerns. */
#ifndef PARLEY_GOALS_H
#define PARLEY_GOALS_H

#include "app/casework.h"
#include "domain/goal.h"

/* A goal, or a goal of the bank, as a form or the API sends it: strings,
 * checked here. NULL: not sent. An edit keeps the goal's value for what is
 * not sent; a new goal started from a bank goal (bank_id) takes the bank
 * goal's. indicator_id "" means none. The bank has no due_on, bank_id or
 * status. status: "proposed" proposes the goal once written (the API). */
struct goal_input {
    const char *kind, *title, *specific, *measure, *actions, *due_on, *indicator_id, *bank_id;
    const char *status;
};

struct goal {
    int64_t id, case_id, indicator_id, bank_id, approved_at, created_at, updated_at, version;
    enum goal_kind kind;
    enum goal_status status;
    const char *title, *specific, *measure, *actions, *due_on;
    const char *status_note;                      /* why it was returned */
    const char *indicator_code, *indicator_title; /* "" when none */
    const char *approved_by, *created_by;         /* names; "" when none */
};

/* Where a case stands on R19. */
struct goals_summary {
    int approved_practice, approved_learning, proposed, total;
    bool met;        /* goals_meet_r19() */
    char due_on[11]; /* when they are due; "" when it cannot be known */
};

/* The case's goals, practice first, and where it stands on R19 (sum may be
 * NULL). Opens the case for a view of its goals (audited, R37). */
enum app_status goals_list(struct ctx *c, int64_t case_id, struct case_record *k, struct goal **out,
                           int *n, struct goals_summary *sum, const char **refusal);
/* One goal of the case (APP_NOT_FOUND when it is not the case's), the
 * case opened for act: ACT_VIEW to show it (audited), ACT_EDIT or
 * ACT_APPROVE for a form that changes it. */
enum app_status goal_get(struct ctx *c, int64_t case_id, int64_t goal_id, enum action act,
                         struct case_record *k, struct goal *out, const char **refusal);
/* A new goal, a draft (proposed too when in->status says so). */
enum app_status goal_create(struct ctx *c, int64_t case_id, const struct goal_input *in,
                            int64_t *id, struct errors *errs, const char **refusal);
/* Revises a goal not yet approved. version: the one the change is based on
 * (a stale one: APP_CONFLICT, refusal NULL); 0 takes the current one. */
enum app_status goal_update(struct ctx *c, int64_t case_id, int64_t goal_id, int64_t version,
                            const struct goal_input *in, struct errors *errs, const char **refusal);
/* Draft or returned -> proposed; the case's CT is told. */
enum app_status goal_propose(struct ctx *c, int64_t case_id, int64_t goal_id, int64_t version,
                             const char **refusal);
/* R14, R19: the case's CT approves a proposed goal or returns it with a
 * reason (required: errs on "reason"); the teacher is told. */
enum app_status goal_decide(struct ctx *c, int64_t case_id, int64_t goal_id, int64_t version,
                            bool approve, const char *reason, struct errors *errs,
                            const char **refusal);

/* For the dashboard and deadlines: how many of the case's goals are
 * approved of each kind, and how many wait for approval. No authorisation
 * and no audit: the caller has authorised its view of the case. */
enum app_status goals_status(struct ctx *c, int64_t case_id, int *approved_practice,
                             int *approved_learning, int *proposed);
/* R19: the date the goals are due (goals_due_on() of the cycle's start and
 * the goals_due_days setting). A case with no cycle dates (PA) counts from
 * the day it went on the caseload. false (out "") when neither is known.
 * No authorisation, as goals_status(). */
bool goals_due(struct ctx *c, const struct case_record *k, char out[11]);

/* The goals bank (KIND_GOAL_BANK). */
struct bank_goal {
    int64_t id, indicator_id, created_at, updated_at, version;
    enum goal_kind kind;
    const char *title, *specific, *measure, *actions;
    const char *indicator_code, *indicator_title; /* "" when none */
    bool retired;
};
/* The bank's goals, practice first; retired ones only for whoever keeps the
 * bank (the coordinator), marked. */
enum app_status goal_bank_list(struct ctx *c, struct bank_goal **out, int *n);
enum app_status goal_bank_get(struct ctx *c, int64_t id, struct bank_goal *out);
/* Whether the asker keeps the bank: sees retired goals, adds and edits. */
bool goal_bank_keeper(struct ctx *c);
enum app_status goal_bank_create(struct ctx *c, const struct goal_input *in, int64_t *id,
                                 struct errors *errs);
/* version as goal_update(). */
enum app_status goal_bank_update(struct ctx *c, int64_t id, int64_t version,
                                 const struct goal_input *in, struct errors *errs);
/* A retired bank goal is no longer offered; goals started from it keep it. */
enum app_status goal_bank_retire(struct ctx *c, int64_t id, bool retired);

/* The SMART fields a goal and a bank goal share, checked: kind, title,
 * specific, measure, actions, indicator_id (keep: an indicator the record
 * already has, accepted although retired since). */
struct goal_fields {
    enum goal_kind kind;
    const char *title, *specific, *measure, *actions;
    int64_t indicator_id;
};
bool goal_fields_check(struct ctx *c, const struct goal_input *in, int64_t keep,
                       struct goal_fields *out, struct errors *errs);
/* Whether any of the SMART fields, due_on or indicator_id was sent. */
bool goal_input_given(const struct goal_input *in);
/* What was sent over base: what is not sent (NULL) keeps base's value. */
struct goal_input goal_input_over(const struct goal_input *in, const struct goal_input *base);

/* The teacher's self-assessment (KIND_SELF_ASSESSMENT): strengths and
 * areas for growth against each standard of the program's rubric. */
struct self_assessment_entry {
    int64_t standard_id;
    const char *code, *title; /* the standard's */
    const char *strengths, *growth_areas;
    int64_t updated_at; /* 0: not written yet */
    /* For a save: the names of the fields an error is reported on. */
    const char *standard_field, *strengths_field, *growth_field;
};
struct self_assessment {
    struct self_assessment_entry *entries; /* one per standard, in order */
    int n;
    int64_t updated_at; /* the latest; 0: nothing written */
};
enum app_status self_assessment_get(struct ctx *c, int64_t case_id, struct case_record *k,
                                    struct self_assessment *out, const char **refusal);
/* Writes the entries given (standard_id, strengths, growth_areas; NULL
 * texts as ""), as one change on the case's timeline. */
enum app_status self_assessment_save(struct ctx *c, int64_t case_id,
                                     const struct self_assessment_entry *in, int n,
                                     struct errors *errs, const char **refusal);

#endif

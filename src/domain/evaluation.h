/* evaluation.h: a PAR case's formative and summative evaluations (R15,
 * R20, R23, R26): their kinds, their states and the steps between them as
 * ONE table, who of the evaluation's readers sees which state, and what
 * must hold of the ratings before the evaluation is shared. Pure rules;
 * who may take each step is the policy table's (KIND_EVALUATION: the
 * step's action says which row). */
#ifndef PARLEY_DOMAIN_EVALUATION_H
#define PARLEY_DOMAIN_EVALUATION_H
#include <stdbool.h>
#include <stdint.h>

#include "domain/policy.h"
#include "domain/rating.h"

enum eval_kind { EVAL_FORMATIVE, EVAL_SUMMATIVE, EVAL_KIND_COUNT };

/* draft -> admin_preview (R23) -> shared (with the teacher) -> signed
 * (receipt, not agreement, R20) -> locked; unlocked back to draft. */
enum eval_status {
    EVAL_DRAFT,
    EVAL_ADMIN_PREVIEW,
    EVAL_SHARED,
    EVAL_SIGNED,
    EVAL_LOCKED,
    EVAL_STATUS_COUNT
};

enum eval_step {
    EVAL_SHARE_ADMIN,      /* the CT shares the draft with the administrator (R23) */
    EVAL_RESPOND,          /* the administrator writes their response (R23) */
    EVAL_SHARE_TEACHER,    /* the CT shares it with the teacher */
    EVAL_SIGN,             /* the teacher signs: receipt, not agreement (R20) */
    EVAL_LOCK,             /* the CT locks the signed evaluation */
    EVAL_ASK_UNLOCK,       /* the CT or the teacher asks to reopen it, with a reason */
    EVAL_CONSENT_UNLOCK,   /* the other party consents: back to draft, signature cleared */
    EVAL_STEP_COUNT
};

struct eval_step_def {
    const char *key;       /* "share_teacher": the API's step, the page's path with '-' */
    const char *label;     /* the button: "Share it with the teacher" */
    enum action act;       /* the policy table's action for it */
    unsigned from;         /* EVAL_FROM() bits of the states it leaves */
    enum eval_status to;   /* the state it reaches */
    const char *done;      /* what the timeline says: "Shared ... with the teacher" */
};
#define EVAL_FROM(s) (1u << (s))

const struct eval_step_def *evaluation_step(enum eval_step s);
bool evaluation_step_parse(const char *key, enum eval_step *out);

const char *evaluation_kind_key(enum eval_kind k);     /* "summative" */
const char *evaluation_kind_label(enum eval_kind k);   /* "Summative evaluation" */
bool evaluation_kind_parse(const char *key, enum eval_kind *out);
const char *evaluation_status_key(enum eval_status s); /* "admin_preview" */
const char *evaluation_status_label(enum eval_status s);
bool evaluation_status_parse(const char *key, enum eval_status *out);

/* Why this step cannot be taken now, in plain words naming the rule; NULL
 * when it can. unlock_asked_by: who asked to reopen it (0: nobody);
 * asker: who takes the step (the asker cannot consent to their own
 * request). */
const char *evaluation_step_refusal(enum eval_kind kind, enum eval_status s, enum eval_step step,
                                    int64_t unlock_asked_by, int64_t asker);

/* Only a draft is written, rated and revised. */
bool evaluation_editable(enum eval_status s);

/* Who reads an evaluation: its author (the primary evaluator) every state;
 * the administrator (the secondary evaluator) once shared for preview,
 * R23; everyone else who may see the case's evaluations (the teacher, the
 * Panel...) once shared with the teacher. */
enum eval_reader { EVAL_READER_AUTHOR, EVAL_READER_ADMINISTRATOR, EVAL_READER_OTHER };
bool evaluation_visible(enum eval_status s, enum eval_reader reader);

/* Before the evaluation is shared: every standard and the overall rating
 * given, and the overall rating standing with standards I and II (R26).
 * standards: the rating of each of the rubric's standards, in order, the
 * first two being I and II. NULL when it may be shared. */
const char *evaluation_share_refusal(enum rating overall, const enum rating *standards, int n);

#endif

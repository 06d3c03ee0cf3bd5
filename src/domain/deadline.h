/* deadline.h: what is due on a case, and when (R17, R18, R19, R37): the
 * goals, each observation's feedback, the three parley meetings, the joint
 * observation, the cycle's end. Pure: the use case gathers the facts, this
 * says what is due and whether it is overdue; every list of deadlines in
 * the program (the case page, the dashboards, the deadlines page, the API)
 * comes from here. */
#ifndef PARLEY_DEADLINE_H
#define PARLEY_DEADLINE_H
#include <stdbool.h>
#include <stdint.h>

#include "domain/cycle.h"
#include "domain/policy.h"

enum deadline_what {
    DUE_GOALS,            /* R19: a practice and a student-learning goal, approved */
    DUE_FEEDBACK,         /* R19: feedback on an observation, shared with the teacher */
    DUE_MEETING,          /* R17: a parley meeting, held in its window */
    DUE_JOINT_OBSERVATION,/* R18: the CT and the administrator observe together */
    DUE_CYCLE_END,        /* the cycle ends: the summative evaluation follows */
};

#define DEADLINE_FEEDBACK_MAX 8   /* pending feedback dates a case reports at most */

/* What the use case knows of one case. Dates "YYYY-MM-DD" ("" unknown). */
struct deadline_facts {
    bool par;                     /* a PAR case: meetings, joint observation, cycle */
    const char *today, *cycle_start, *cycle_end;
    const char *caseload_since;   /* the day it went on the caseload: PA's goals count from it */
    int goals_due_days, feedback_days;        /* the program's settings */
    int approved_practice, approved_learning; /* approved goals by kind */
    bool meeting_held[PHASE_EXTRA];           /* start, middle, end */
    int joint_observations;
    /* observations whose feedback is not shared yet: their dates */
    const char *feedback_pending[DEADLINE_FEEDBACK_MAX];
    int nfeedback_pending;
};

struct deadline {
    enum deadline_what what;
    enum meeting_phase phase;     /* DUE_MEETING */
    enum record_kind kind;        /* the part it is about: who may see it (R16) */
    const char *rule;             /* "R17" */
    const char *path;             /* the part's page under the case: "meetings" */
    char due_on[11];
    char from[11];                /* a meeting's window opens ("" otherwise) */
    bool overdue;
};

/* The deadlines of one case, in date order; returns how many (at most max). */
int deadlines_of_case(const struct deadline_facts *f, struct deadline *out, int max);
/* "Goals approved", "Start-of-cycle parley meeting"... in plain words. */
const char *deadline_label(const struct deadline *d);
/* Overdue first, then by date: for qsort. */
int deadline_compare(const struct deadline *a, const struct deadline *b);

#endif

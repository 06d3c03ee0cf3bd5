/* workflow.h: a case's enrolment as ONE table of states and transitions
 * (R7, R8, R10-R13, R30). Each transition names the states it leaves, the
 * state it reaches, who may fire it (a role or a relationship to the case,
 * the policy table's own codes), what it records and which guards must
 * hold; each guard has a name and a refusal in plain words that names its
 * rule. The use cases (app/enrolment.c), the pages, the API, the help page,
 * the docs' diagram (`parley workflow`) and the unit tests all read it. Pure:
 * no I/O, no allocation. */
#ifndef PARLEY_WORKFLOW_H
#define PARLEY_WORKFLOW_H
#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "domain/eligibility.h"
#include "domain/policy.h"

enum case_state {
    CASE_NONE,                   /* before the case exists: the inquiry */
    CASE_INQUIRY_RECEIVED,
    CASE_MEETING_SCHEDULED,
    CASE_MEETING_HELD,
    CASE_TRACK_CHOSEN,
    CASE_REVIEW_SCHEDULED,       /* PAR: the agreement review with a union rep */
    CASE_REVIEW_HELD,
    CASE_AGREEMENT_SIGNED,
    CASE_ON_CASELOAD,
    CASE_CYCLE_CLOSED,           /* the cycle's work is over (R17) */
    CASE_WITHDRAWN,
    CASE_STATE_COUNT
};

enum case_track { TRACK_NONE, TRACK_PA, TRACK_PAR, TRACK_CONSULTANCY, TRACK_COUNT };

struct state_def {
    const char *key, *label;
    const char *for_teacher;     /* what it means, said to the teacher (R37) */
    bool active;                 /* counts for R7 and the caseload */
};
extern const struct state_def case_states[CASE_STATE_COUNT];

const char *case_state_key(enum case_state s);
const char *case_state_label(enum case_state s);
bool case_state_parse(const char *key, enum case_state *out);
/* Whether a case's part of this kind may still change in state s: the work
 * of the cycle while the case is on a caseload; the evaluations, the
 * recommendation and the Panel's work also once the cycle is closed (R17,
 * R21-R25). A withdrawn case's records never change. */
bool case_state_open_to(enum case_state s, enum record_kind kind);
const char *case_track_key(enum case_track t);
const char *case_track_label(enum case_track t);
bool case_track_parse(const char *key, enum case_track *out);

/* What a transition asks for (bits of transition_def.needs). */
enum {
    NEED_INQUIRY = 1 << 0,       /* inquiry_id */
    NEED_MEETING = 1 << 1,       /* at (date and time), place */
    NEED_CT = 1 << 2,            /* ct_id */
    NEED_TRACK = 1 << 3,         /* track and the confirmed eligibility facts */
    NEED_UNION_REP = 1 << 4,     /* union_rep_id */
    NEED_TIMELINE = 1 << 5,      /* cycle_start, cycle_end, plan_type, plan_months */
    NEED_REASON = 1 << 6,        /* reason */
    NEED_NOTES = 1 << 7,         /* notes (optional) */
    NEED_SIGNATURE = 1 << 8,     /* the asker signs, as the teacher or the union rep */
};

/* What the guards may look at: the case as it is, and the step asked for,
 * parsed. The use case fills it from the database and the request. */
struct case_facts {
    enum case_state state;
    enum case_track track;              /* chosen so far (or being chosen) */
    bool inquiry_open;                  /* the inquiry exists, is not closed, has no case */
    bool inquiry_teachers_own;          /* R8: the teacher sent it, or confirmed it */
    bool teacher_signed, rep_signed;    /* the PAR Agreement's two signatures */
    bool signer_already_signed;         /* the asker signed before */
    bool other_active_pa, other_active_par;   /* the teacher's other active cases (R7) */
    /* choose_track: the confirmed facts and the program's settings */
    struct eligibility_facts elig;
    struct eligibility_settings elig_settings;
    /* assign_ct (R30): the CT's weighted load without this case, this
     * case's weight, and the cap */
    int ct_load, case_weight, caseload_cap;
    /* set_timeline (R4, R12, R13): dates as YYYY-MM-DD */
    const char *today, *current_cycle_start;  /* "" when none is set yet */
    const char *cycle_start, *cycle_end;
    int plan_months, par_min_plan_months, cycle_min_months, cycle_max_months;
    /* close_cycle (R17): the case's parley meetings recorded as held */
    int meetings_held;
};

struct guard_def {
    const char *name;            /* the function's name, for docs and diagram */
    const char *rule;            /* "R13" */
    const char *field;           /* the input it is about (400 beside it), or NULL (403) */
    const char *refusal;         /* plain words naming the rule */
    /* true when the step may go ahead; detail may receive specifics
     * (the failing criteria, the numbers) to add to the refusal. */
    bool (*holds)(const struct case_facts *f, char *detail, size_t n);
};

#define WORKFLOW_MAX_FROM 8
#define WORKFLOW_MAX_WHO 4
#define WORKFLOW_MAX_GUARDS 3
#define WORKFLOW_MAX_NOTIFY 5
#define WHO_END (-1)

/* Who is told, besides the asker (who knows already). */
enum notify_who { TELL_TEACHER = 1, TELL_CT, TELL_ADMINISTRATOR, TELL_UNION_REP, TELL_COORDINATOR };

struct transition_def {
    const char *key, *label;     /* "schedule_meeting", "Schedule the initial meeting" */
    enum case_state from[WORKFLOW_MAX_FROM];   /* ends at the first CASE_NONE after [0] */
    enum case_state to;
    bool stays;                  /* records without moving (the timeline) */
    int who[WORKFLOW_MAX_WHO];   /* roles or WHO_CASE_* relationships; WHO_END ends */
    const char *who_refusal;     /* said to anyone else, naming the rule */
    unsigned needs;              /* NEED_* */
    const char *records;         /* what it records, in plain words */
    const struct guard_def *guards[WORKFLOW_MAX_GUARDS];
    /* Some steps take several people: each firing is recorded, and the case
     * moves on only when this holds (NULL: at once). */
    bool (*complete)(const struct case_facts *after);
    int notify[WORKFLOW_MAX_NOTIFY];   /* enum notify_who; 0 ends */
};
extern const struct transition_def case_transitions[];
extern const int case_transition_count;

const struct transition_def *workflow_find(const char *key);
bool workflow_leaves(const struct transition_def *t, enum case_state s);
/* The asker's roles and relationships (POLICY_REL bits) to the case. */
bool workflow_may_fire(const struct transition_def *t, role_set roles, unsigned relations);
/* "to" as the API sends it: a transition's key, or a state that exactly one
 * transition from the current state reaches. */
const struct transition_def *workflow_resolve(const char *to, enum case_state from);
/* The first guard that does not hold, or NULL. detail: specifics for it. */
const struct guard_def *workflow_check(const struct transition_def *t, const struct case_facts *f,
                                       char *detail, size_t n);
/* The state after the transition was recorded (after: the facts then). */
enum case_state workflow_target(const struct transition_def *t, const struct case_facts *after);
/* "the case's Consulting Teacher or the coordinator" */
void workflow_who_text(buf *b, const struct transition_def *t);

/* The diagram, from the table: Graphviz DOT, or Markdown (a table of
 * transitions with the DOT text) for docs/workflow.md. */
void workflow_dot(buf *b);
void workflow_markdown(buf *b);

#endif

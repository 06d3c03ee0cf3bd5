/* workflow.h: a case's whole process as ONE table of steps, from the
 * teacher's inquiry to the end-of-cycle survey (R7-R30, R37, R39). Each
 * step names the states it is taken in, the state it reaches (or that it
 * records without moving), who takes it (a role or a relationship to the
 * case, the policy table's own codes), the record kind and action the
 * policy table must allow, its guards over the WHOLE case (struct
 * case_facts), and what it makes due, for whom and by when. The use cases,
 * the pages' buttons, the status words, each person's task list, the
 * deadlines, the calendar feed, the reminders, the help page and the docs'
 * diagram all read it (workflow.c walks it, process.c is the table). Pure:
 * no I/O, no allocation. */
#ifndef PARLEY_WORKFLOW_H
#define PARLEY_WORKFLOW_H
#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "domain/cycle.h"
#include "domain/eligibility.h"
#include "domain/evaluation.h"
#include "domain/policy.h"
#include "domain/recommendation.h"

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

/* What a step asks for (bits of step_def.needs). */
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

/* Dates are "YYYY-MM-DD" ("" when there is none yet); they compare as text. */
typedef char date_text[11];

/* What the asker is, beyond their relationship to the case: the facts of
 * the steps each person takes for themselves. */
struct asker_facts {
    bool signed_agreement;       /* R11: signed the PAR Agreement already */
    bool panel_present;          /* R24: ticked present at the case's open session */
    bool panel_recused;          /* R24: recused from this case */
    bool panel_voted;            /* R24: voted on it at the open session */
    bool survey_waiting;         /* R39: invited to its survey, not answered */
    bool joint_to_confirm;       /* R18: a joint observation waits for their word */
};

/* The whole case as the guards and the due rules see it. The use case
 * (app/process.c) fills it from the database; a step being asked for adds
 * what its input says (the track, the CT, the dates). */
struct case_facts {
    enum case_state state;
    enum case_track track;              /* chosen so far (or being chosen) */
    const char *today;
    date_text entered[CASE_STATE_COUNT];   /* the day the case first reached each state */
    /* enrolment */
    bool inquiry_open;                  /* the inquiry exists, is not closed, has no case */
    bool inquiry_confirmed;             /* R8: sent by the teacher, or confirmed by them */
    int teacher_other_cases;            /* R7: the teacher's other active cases, PA/PAR
                                           or with no track yet */
    bool other_active_pa, other_active_par;   /* the teacher's other active cases (R7) */
    date_text meeting_on, review_on;    /* the initial meeting's, the agreement review's */
    bool teacher_signed, rep_signed;    /* the PAR Agreement's two signatures */
    /* choose_track: the confirmed facts and the program's settings */
    struct eligibility_facts elig;
    struct eligibility_settings elig_settings;
    /* assign_ct and schedule_meeting (R27, R30): the CT asked for, their
     * weighted load without this case, this case's weight, and the cap */
    bool ct_chosen, ct_term_running;
    int ct_load, case_weight, caseload_cap;
    /* set_timeline, correct_timeline (R4, R12, R13) */
    const char *current_cycle_start, *current_cycle_end;   /* "" when none is set yet */
    const char *cycle_start, *cycle_end;                   /* the dates asked for */
    int plan_months, par_min_plan_months, cycle_min_months, cycle_max_months;
    /* the cycle's records (R17-R19) */
    int goals_due_days, feedback_days;
    int approved_practice, approved_learning, goals_proposed;
#define FACTS_FEEDBACK_MAX 8
    const char *feedback_pending[FACTS_FEEDBACK_MAX];   /* observations' dates */
    bool feedback_by_evaluator[FACTS_FEEDBACK_MAX];     /* recorded by the administrator */
    int nfeedback_pending;
    int joint_observations;             /* R18: confirmed by both observers */
    int joint_awaiting;                 /* R18: recorded, one confirmation missing */
    date_text joint_awaiting_on;        /* the first such observation's date */
    bool meeting_held[PHASE_EXTRA];     /* R17: held, everyone who must attend present */
    int meetings_held;                  /* R17: of any phase, everyone present */
    date_text meeting_scheduled[PHASE_EXTRA];   /* the date of the one scheduled, "" */
    /* evaluations (R15, R20, R23) */
    bool has_eval[EVAL_KIND_COUNT];
    enum eval_status eval[EVAL_KIND_COUNT];
    /* the recommendation, the Panel, the Superintendent (R21-R25) */
    enum rec_status rec;
    date_text preview_until;            /* R22: the last day evidence is taken */
    bool on_open_docket;                /* on the docket of a session still open */
    date_text session_on;               /* that session's date */
    const char *docket_session_on;      /* put_on_docket: the session asked for */
    int votes_cast;                     /* at that session */
    date_text rec_sent_on;
    bool decided;                       /* a decision of the Panel stands (not returned) */
    enum approval approval;             /* its answer (R25) */
    date_text decided_on;
    /* the end (R39) */
    bool outcome_recorded;
    date_text outcome_on;
    int surveys_waiting;                /* invited, not answered */
    struct asker_facts me;
};

/* A guard of a step, in any process table (this one over struct
 * case_facts, domain/pss_process.c's over a peer support case's facts). */
struct guard_def {
    const char *name;            /* the function's name, for docs and diagram */
    const char *rule;            /* "R13" */
    const char *field;           /* the input it is about (400 beside it), or NULL (403).
                                    A field's guard waits for the input: it is not
                                    asked when offering the step. */
    /* The step does not apply when this fails (a PA case has no agreement
     * review): not offered, and no reason shown. Otherwise a failing guard
     * shows its refusal in place of the button. */
    bool hides;
    const char *refusal;         /* plain words naming the rule */
    /* true when the step may go ahead; detail may receive specifics
     * (the failing criteria, the numbers) to add to the refusal. facts:
     * the table's own facts struct. */
    bool (*holds)(const void *facts, char *detail, size_t n);
};
/* Defines guard fn over a table's facts type: fn is what struct guard_def
 * holds; the body reads `f` (the facts), `detail` and `n`. */
#define WORKFLOW_GUARD(facts_type, fn)                                                      \
    static bool fn##_over(const facts_type *f, char *detail, size_t n);                      \
    static bool fn(const void *facts, char *detail, size_t n)                                \
    {                                                                                       \
        return fn##_over(facts, detail, n);                                                 \
    }                                                                                       \
    static bool fn##_over(const facts_type *f, char *detail, size_t n)

#define WORKFLOW_MAX_FROM 8
#define WORKFLOW_MAX_WHO 4
#define WORKFLOW_MAX_GUARDS 5
#define WORKFLOW_MAX_NOTIFY 5
#define WHO_END (-1)

/* Who is told, besides the asker (who knows already). */
enum notify_who { TELL_TEACHER = 1, TELL_CT, TELL_ADMINISTRATOR, TELL_UNION_REP, TELL_COORDINATOR };

/* What a step makes due: one item of a case's work, for some of the
 * step's people, by (or, waiting, since) a date. */
struct due {
    const struct step_def *step;
    int who[WORKFLOW_MAX_WHO];   /* whom it is due from: the step's, or fewer; WHO_END ends */
    date_text on;                /* due by, or (waiting) due since */
    date_text from;              /* a window opens ("" otherwise) */
    bool waiting;                /* no deadline: it waits for them since `on` */
    bool optional;               /* they may do it (evidence to the Panel, R22) */
    bool overdue;
    int instance;                /* which one: a meeting's phase, an evaluation's kind */
    const char *what;            /* its words: "Start-of-cycle parley meeting" */
};
typedef int (*due_rule)(const struct case_facts *f, const struct step_def *s, struct due *out,
                        int max);

struct step_def {
    const char *key, *label;     /* "schedule_meeting", "Schedule the initial meeting" */
    enum case_state from[WORKFLOW_MAX_FROM];   /* ends at the first CASE_NONE after [0] */
    enum case_state to;
    bool stays;                  /* records without moving */
    int who[WORKFLOW_MAX_WHO];   /* roles or WHO_CASE_* relationships; WHO_END ends */
    const char *who_refusal;     /* said to anyone else, naming the rule */
    unsigned needs;              /* NEED_* */
    const char *records;         /* what it records, in plain words */
    const struct guard_def *guards[WORKFLOW_MAX_GUARDS];
    /* Some steps take several people: each firing is recorded, and the case
     * moves on only when this holds (NULL: at once). */
    bool (*complete)(const struct case_facts *after);
    int notify[WORKFLOW_MAX_NOTIFY];   /* enum notify_who; 0 ends */
    /* The policy table's row the step goes through besides `who`: KIND_CASE
     * and ACT_EDIT for the case's own steps (taken through case_fire); a
     * part's kind for the steps its own use case takes. */
    enum record_kind kind;
    enum action act;
    const char *path;            /* where it is taken under /cases/ID ("" the case page) */
    const char *rule;            /* the rule its due date comes from */
    due_rule due;                /* what it makes due now; NULL: never a task */
    bool appointment;            /* its due date is a meeting's or a session's, which the
                                    calendar shows as such */
    /* A weighty or final step asks the person to confirm first (issue 18):
     * what will happen and who will be told, in plain words; NULL: taken at once. */
    const char *confirm;
};
extern const struct step_def case_steps[];
extern const int case_step_count;

const struct step_def *workflow_find(const char *key);
bool workflow_leaves(const struct step_def *t, enum case_state s);
/* A step the case's own use case takes (case_fire), not a part's. */
bool workflow_moves_case(const struct step_def *t);
/* The asker's roles and relationships (POLICY_REL bits) to the case. */
bool workflow_may_fire(const struct step_def *t, role_set roles, unsigned relations);
bool workflow_who_may(const int *who, role_set roles, unsigned relations);
/* "to" as the API sends it: a step's key, or a state that exactly one
 * step from the current state reaches. */
const struct step_def *workflow_resolve(const char *to, enum case_state from);
/* Shared by every process table: the first of guards (at most max, a NULL
 * ends them) that does not hold over facts, or NULL. detail: specifics for
 * it. offering: only the guards that need no input (no field). */
const struct guard_def *guards_check(const struct guard_def *const *guards, int max,
                                     const void *facts, bool offering, char *detail, size_t n);
/* Shared by every process table: whether a step applies to the asker now
 * (taken in the case's state: in_state; theirs: who), and in *blocked the
 * first guard that stops it for now (NULL: they may take it). A hiding
 * guard that fails: the step does not apply. */
bool step_applies(bool in_state, const int *who, const struct guard_def *const *guards, int max,
                  const void *facts, role_set roles, unsigned relations,
                  const struct guard_def **blocked, char *detail, size_t n);
/* workflow_check: guards_check over the step's guards. */
const struct guard_def *workflow_check(const struct step_def *t, const struct case_facts *f,
                                       bool offering, char *detail, size_t n);
/* The state after the step was recorded (after: the facts then). */
enum case_state workflow_target(const struct step_def *t, const struct case_facts *after);
/* "the case's Consulting Teacher or the coordinator" */
void workflow_who_text(buf *b, const int *who);
/* "`cycle_not_started` (R12), `start_not_past` (R12)", for the docs. */
void workflow_guards_text(buf *b, const struct guard_def *const *guards, int max);

/* What may this person do on this case now: each step taken in the case's
 * state that they take, with why not when a guard stops it (the button is
 * then not offered; its reason is shown). Steps that do not apply (a hiding
 * guard) are left out. */
struct step_offer {
    const struct step_def *step;
    const struct guard_def *blocked;   /* NULL: they may take it now */
    char detail[200];
};
int workflow_offers(const struct case_facts *f, role_set roles, unsigned relations,
                    struct step_offer *out, int max);
/* The same answer for one step: NULL when it applies and they may take it;
 * otherwise its offer (blocked or hidden) says why. false when it does not
 * apply to them at all. */
bool workflow_offer(const struct step_def *t, const struct case_facts *f, role_set roles,
                    unsigned relations, struct step_offer *out);

/* What is due on the case now, for whom, by when: every step's due rule,
 * overdue first, then by date. */
int workflow_due(const struct case_facts *f, struct due *out, int max);
/* Of those, the asker's own tasks: due from them, and applying to them
 * (a blocked one keeps its reason in blocked/detail). */
struct task {
    struct due due;
    const struct guard_def *blocked;
    char detail[200];
};
int workflow_tasks(const struct case_facts *f, role_set roles, unsigned relations,
                   struct task *out, int max);
/* Overdue first, then by date: for qsort. */
int due_compare(const struct due *a, const struct due *b);

/* Where the case stands, in plain words, from the whole case: the teacher's
 * words (for_teacher) or everyone else's. */
void workflow_status(const struct case_facts *f, bool for_teacher, buf *b);

/* The diagram, from the table: Graphviz DOT, or Markdown (a table of
 * steps with the DOT text) for docs/workflow.md. */
void workflow_dot(buf *b);
void workflow_markdown(buf *b);

#endif

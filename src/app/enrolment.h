/* enrolment.h: a teacher's case from their inquiry to a Consulting
 * Teacher's caseload. Every step goes through workflow.h's table: who may
 * take it, its guards, what it records; then the timeline, the audit log
 * and the inboxes of the people it concerns (R7, R8, R10-R13, R30, R37). */
#ifndef PARLEY_ENROLMENT_H
#define PARLEY_ENROLMENT_H

#include "app/app.h"
#include "app/people.h"
#include "domain/caseload.h"
#include "domain/workflow.h"

struct case_event {
    int64_t id, at;
    const char *actor, *transition, *from, *to, *summary;
};

/* A step as a form or the API sends it: strings, checked here. */
struct case_input {
    const char *to;                  /* a transition key, or the state it reaches */
    const char *at, *place, *ct_id, *union_rep_id, *track;
    const char *district_year, *plan, *months, *rating, *union_member, *full_time, *job;
    const char *cycle_start, *cycle_end, *plan_type, *plan_months, *reason, *notes;
};

struct case_record {
    int64_t id, version, inquiry_id, teacher_id, ct_id, union_rep_id, school_id;
    int64_t handler_id;              /* who handled the inquiry it came from (0: nobody) */
    int64_t teacher_signed_at, rep_signed_at, timeline_at, created_at, updated_at;
    enum case_state state;
    enum case_track track;
    const char *teacher_name, *teacher_email, *school_name, *ct_name, *ct_email, *union_rep_name;
    const char *handler_name;
    const char *inquiry_ref, *meeting_at, *meeting_place, *review_at, *review_place, *facts;
    /* the calendar's SEQUENCE of the initial meeting and the agreement
     * review, and whether they were cancelled (the case withdrawn first) */
    int meeting_sequence, review_sequence;
    bool meeting_cancelled, review_cancelled;
    const char *cycle_start, *cycle_end, *plan_type, *timeline_by, *withdrawn_reason;
    int plan_months;
    struct case_input confirmed;     /* the inquiry's confirmed eligibility facts, as
                                        form values ("" where not confirmed) */
    unsigned relations;              /* the asker's POLICY_REL bits to this case */
    bool panel_recused;              /* the asker sits on the Panel and recused themselves
                                        from this case (R24) */
    struct case_event *events;       /* the timeline, oldest first (case_get only) */
    int nevents;
};

struct case_filter {
    const char *state, *track, *q;   /* q: the teacher's name contains */
};

/* The coordinator sees every case; anyone else the cases they take part in. */
enum app_status cases_list(struct ctx *c, const struct case_filter *f, struct page_of *pg,
                           struct case_record **out, int *n);
/* The case and the asker's relationships to it, without its timeline and
 * not yet authorised: for the use cases of a case's parts (goals,
 * observations...), which ask the policy table about their own kind with
 * CASE_POLICY(k). APP_NOT_FOUND when there is no such case. */
enum app_status case_load(struct ctx *c, int64_t id, struct case_record *k);
#define CASE_POLICY(k) (&(struct policy_record){.known = true, .relations = (k)->relations})
/* R24: whether this Panel member recused themselves from the case. */
bool case_panel_recused(struct ctx *c, int64_t case_id, int64_t person_id);
/* With its timeline; a view by anyone but the teacher is audited (R37). */
enum app_status case_get(struct ctx *c, int64_t id, struct case_record *out);
/* A list that shows cases (the list of cases, the deadlines, a person's
 * tasks or calendar: each case's teacher and where it stands) is a read of
 * each (R37, R38): audited about its teacher, "Saw the case of T in where",
 * the first time the reader sees it in a day; a teacher's own case is not.
 * The case's page is audited at every view (case_get). */
enum app_status cases_seen(struct ctx *c, const char *where, const int64_t *case_ids, int n);
/* Every case on a caseload the asker takes part in (the coordinator: the
 * program's), in no order: for the deadlines and the caseload. */
enum app_status cases_on_caseload(struct ctx *c, struct case_record **out, int *n);
/* The cases not finished that the asker takes part in (their tasks). */
enum app_status cases_in_progress(struct ctx *c, struct case_record **out, int *n);
/* Every case the asker takes part in, finished or not, with an appointment
 * (a parley meeting, the initial meeting or the agreement review) on a day
 * from..to, dates 'YYYY-MM-DD' (the calendar). */
enum app_status cases_with_appointments(struct ctx *c, const char *from, const char *to,
                                        struct case_record **out, int *n);
/* The asker's own most recent case (the teacher's status page). */
enum app_status case_mine(struct ctx *c, struct case_record *out);
/* Opens a case from the teacher's inquiry (R8, R10): the inquiry's sender
 * becomes, or is matched to, a person with the participating_teacher role.
 * refusal: the rule's words when the answer is APP_FORBIDDEN. */
enum app_status case_open(struct ctx *c, int64_t inquiry_id, int64_t *id, struct errors *errs,
                          const char **refusal);
/* Fires one transition. APP_INVALID: errs (a guard about a field is one);
 * APP_FORBIDDEN or APP_CONFLICT: refusal says which rule or state. */
enum app_status case_fire(struct ctx *c, int64_t id, const struct case_input *in,
                          struct errors *errs, const char **refusal);
/* The steps the asker may take now, from the table. */
int case_steps_open(const struct ctx *c, const struct case_record *k,
                    const struct step_def **out, int max);

/* R30: the program's caseload weights and cap (its settings). */
struct caseload_weights case_caseload_weights(struct ctx *c);
/* R30: a Consulting Teacher's caseload now: the asker's own. */
struct caseload {
    int load, cap;                   /* weighted, and the program's cap */
    int par, pa;                     /* cases by track */
    struct case_record *cases;
    int ncases;
};
enum app_status caseload_mine(struct ctx *c, struct caseload *out);

struct ct_choice {
    int64_t id, school_id;
    const char *name, *school_name;
    int load;                        /* weighted, R30 */
};
/* Every Consulting Teacher with their weighted caseload; cap: the setting. */
enum app_status case_ct_choices(struct ctx *c, struct ct_choice **out, int *n, int *cap);
struct person_choice {
    int64_t id;
    const char *name;
};
enum app_status case_union_reps(struct ctx *c, struct person_choice **out, int *n);
struct inquiry_choice {
    int64_t id, created_at;
    const char *reference, *name, *email, *interest;
};
/* Inquiries that may become a case (the coordinator's form). */
enum app_status case_open_inquiries(struct ctx *c, struct inquiry_choice **out, int *n);

#endif

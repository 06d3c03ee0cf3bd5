/* observation.h: a case's observations (R15, R16, R18, R19): recorded by
 * the CT and, on a PAR case, by the administrator (the secondary
 * evaluator), alone or together; notes and evidence tagged to the rubric's
 * indicators; feedback shared with the teacher within the program's
 * feedback_days; the teacher's reflection. Who may do what is the policy
 * table's (KIND_OBSERVATION); a PA case's observations never reach an
 * administrator (R16). */
#ifndef PARLEY_APP_OBSERVATION_H
#define PARLEY_APP_OBSERVATION_H

#include "app/casework.h"
#include "domain/observation.h"

#define OBSERVATION_TEXT_MAX 20000      /* notes, feedback, a reflection */

/* R18: a joint observation counts (the flag, the dashboards, the
 * deadlines) only once both the CT and the administrator confirmed they
 * were there. The one SQL condition for it, on an observation row aliased
 * o: OBSERVATION_JOINT_CONFIRMED("o"). */
#define OBSERVATION_JOINT_CONFIRMED(o)                                                     \
    "(" o ".observers = 'joint' AND " o ".ct_confirmed_at > 0 AND " o                      \
    ".administrator_confirmed_at > 0)"
#define OBSERVATION_TAGS_MAX 64         /* indicators one observation is tagged to */

struct observation {
    int64_t id, case_id, version, created_by, created_at, updated_at;
    int64_t feedback_shared_at, reflection_at;    /* 0: not yet */
    const char *draft_key, *observed_on, *notes, *feedback, *reflection, *created_by_name;
    enum observers observers;
    int64_t ct_confirmed_at, administrator_confirmed_at;   /* R18: 0, not yet */
    enum joint_standing joint;                    /* R18: whose confirmation it awaits */
    const char *joint_awaiting;                   /* their name(s), "" when none */
    bool announced;
    int minutes;
    enum feedback_state feedback_state;           /* R19 */
    char feedback_due[11];
    /* The teacher, before the feedback is shared with them: the notes, the
     * evidence and the feedback are the observer's draft, left out here. */
    bool withheld;
    struct evidence_tag *tags;
    int ntags;
};

/* As a form or the API sends it: strings, checked here. */
struct observation_input {
    /* The form's own key, made when the form is first shown: a save sent
     * again (a retry after a dropped connection) updates the observation
     * it made instead of making a second one. NULL or "": a new key. */
    const char *draft_key;
    const char *announced, *observed_on, *minutes, *observers, *notes, *feedback;
    const char *indicators;         /* indicator ids, "12,14"; NULL: not sent (a change
                                       keeps the tags) */
    bool share;                     /* share the feedback with the teacher now */
};

/* The case's observations, newest first. k gets the case. A view by
 * anyone but the teacher is audited (R37, R38). */
enum app_status observations_list(struct ctx *c, int64_t case_id, struct case_record *k,
                                  struct observation **out, int *n);
enum app_status observation_get(struct ctx *c, int64_t case_id, int64_t id,
                                struct case_record *k, struct observation *out);
/* Records an observation, or, when in->draft_key is one this case already
 * has, updates that one (the same person's retried save). APP_INVALID:
 * errs; APP_FORBIDDEN, APP_CONFLICT: refusal says why. */
enum app_status observation_record(struct ctx *c, int64_t case_id,
                                   const struct observation_input *in, int64_t *id,
                                   struct errors *errs, const char **refusal);
/* Changes an observation whose feedback is not shared yet; version: what
 * the editor saw (another: APP_CONFLICT). Only those who took part in it
 * complete it. */
enum app_status observation_update(struct ctx *c, int64_t case_id, int64_t id, int64_t version,
                                   const struct observation_input *in, struct errors *errs,
                                   const char **refusal);
/* R18: the CT or the administrator confirms taking part in a joint
 * observation the other recorded; whenever, even once its feedback is
 * shared. APP_FORBIDDEN or APP_CONFLICT: refusal says why. */
enum app_status observation_confirm_joint(struct ctx *c, int64_t case_id, int64_t id,
                                          const char **refusal);
bool observation_may_confirm_joint(struct ctx *c, const struct case_record *k,
                                   const struct observation *o);
/* The teacher's reflection, once the feedback is shared (R19). */
enum app_status observation_reflect(struct ctx *c, int64_t case_id, int64_t id, int64_t version,
                                    const char *reflection, struct errors *errs,
                                    const char **refusal);
/* For the pages: whether the asker may change it now, or reflect on it. */
bool observation_may_edit(struct ctx *c, const struct case_record *k,
                          const struct observation *o);
bool observation_may_reflect(struct ctx *c, const struct case_record *k,
                             const struct observation *o);
/* The program's feedback_days setting (R19, default 5). */
int observation_feedback_days(struct ctx *c);

/* For the dashboard, the deadlines and the case page: a case's
 * observations counted (R18, R19). The caller has authorised the asker to
 * see the case's observations; nothing is checked or audited here.
 *   count             observations recorded, drafts included
 *   joint             of them, observed by the CT and the administrator
 *                     together, confirmed by both (R18: 0 on a PAR case is
 *                     flagged)
 *   feedback_late     feedback not shared and past its due date
 *   feedback_pending  feedback not shared yet (late or not)
 *   next_feedback_due the earliest due date of the feedback not shared
 *                     ("YYYY-MM-DD"; "" when none is pending)
 * APP_ERROR if the database fails. */
enum app_status observations_status(struct ctx *c, const struct case_record *k, int *count,
                                    int *joint, int *feedback_late, int *feedback_pending,
                                    char next_feedback_due[11]);

/* Indicator ids as the forms and the API send them ("12,14", or "" for
 * none) into ids (at most max); false with an error on "indicators" when
 * one is not a number. evidence_set() checks they are the rubric's. */
bool evidence_ids_text(struct ctx *c, struct errors *errs, const char *text, int64_t *ids,
                       int *n, int max);

#endif

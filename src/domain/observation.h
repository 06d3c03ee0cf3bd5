/* observation.h: the rules of an observation that need no database (R15,
 * R16, R18, R19): who observed and who may record it, whether the
 * feedback is shared, due or late, and a case's tally of its
 * observations. */
#ifndef PARLEY_OBSERVATION_H
#define PARLEY_OBSERVATION_H
#include <stdbool.h>

/* Who observed: the CT, the administrator, or both together (R18: a
 * "joint" observation). */
enum observers { OBSERVERS_CT, OBSERVERS_ADMINISTRATOR, OBSERVERS_JOINT, OBSERVERS_COUNT };

const char *observers_key(enum observers o);     /* "ct", "administrator", "joint" */
const char *observers_label(enum observers o);   /* "Joint: the CT and the administrator together" */
bool observers_parse(const char *key, enum observers *out);

/* Whether the person recording may name these observers: NULL when they
 * may, else why not, in plain words that name the rule. On a PA case only
 * the CT observes (R16: the administrator is not part of a PA case); on a
 * PAR case the CT and the administrator (the secondary evaluator, R15)
 * each record what they took part in, alone or together (R18). */
const char *observers_refusal(bool par, enum observers o, bool by_ct, bool by_evaluator);
/* Whether someone took part in an observation with these observers: only
 * they complete it (notes, evidence, feedback). */
bool observers_took_part(enum observers o, bool is_ct, bool is_evaluator);

/* R18: a joint observation counts only once both who took part confirmed
 * they were there: whoever records it confirms for themselves, the other
 * from the observation's page. Where one stands: */
enum joint_standing {
    JOINT_NOT,                   /* not a joint observation */
    JOINT_CONFIRMED,             /* both confirmed: it counts */
    JOINT_AWAITING_CT,           /* the administrator confirmed; the CT has not yet */
    JOINT_AWAITING_ADMINISTRATOR,/* the CT confirmed; the administrator has not yet */
    JOINT_AWAITING_BOTH,
};
enum joint_standing joint_standing_of(enum observers o, bool ct_confirmed,
                                      bool administrator_confirmed);
/* R18: whether this person may confirm being at the observation now: NULL
 * if they may, else why not in plain words. is_ct: the case's CT;
 * is_evaluator: the PAR case's administrator. */
const char *joint_confirm_refusal(enum observers o, bool is_ct, bool is_evaluator,
                                  bool ct_confirmed, bool administrator_confirmed);

/* R19: where the feedback on one observation stands. */
enum feedback_state {
    FEEDBACK_DUE,        /* not shared, the due date not passed */
    FEEDBACK_LATE,       /* not shared, the due date passed */
    FEEDBACK_SHARED,     /* shared by the due date */
    FEEDBACK_SHARED_LATE /* shared after it */
};
/* shared_on: the date it was shared, "" when not yet; today: the program's
 * date. due gets the due date ("" when observed_on is not a date). */
enum feedback_state feedback_state_of(const char *observed_on, int feedback_days,
                                      const char *shared_on, const char *today, char due[11]);

/* A case's observations counted (R18, R19): how many, how many joint and
 * confirmed by both, how many with feedback late or not shared yet, and the
 * earliest due date of the feedback still to share ("" when none). */
struct observation_tally {
    int count, joint, late, pending;
    char next_due[11];
};
void observation_tally_add(struct observation_tally *t, const char *observed_on,
                           bool joint_confirmed, int feedback_days, const char *shared_on,
                           const char *today);

#endif

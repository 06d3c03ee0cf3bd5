/* observation.c: who observed, who may say so, and where the feedback
 * stands. Dates are "YYYY-MM-DD", which sort as the days do. */
#include "domain/observation.h"

#include <string.h>

#include "domain/cycle.h"

static const struct {
    const char *key, *label;
} observers[OBSERVERS_COUNT] = {
    [OBSERVERS_CT] = {"ct", "Consulting Teacher"},
    [OBSERVERS_ADMINISTRATOR] = {"administrator", "Administrator"},
    [OBSERVERS_JOINT] = {"joint", "Joint: the CT and the administrator together"},
};

const char *observers_key(enum observers o)
{
    return o < OBSERVERS_COUNT ? observers[o].key : "";
}

const char *observers_label(enum observers o)
{
    return o < OBSERVERS_COUNT ? observers[o].label : "";
}

bool observers_parse(const char *key, enum observers *out)
{
    for (int o = 0; key && o < OBSERVERS_COUNT; o++)
        if (strcmp(key, observers[o].key) == 0) {
            *out = (enum observers)o;
            return true;
        }
    return false;
}

const char *observers_refusal(bool par, enum observers o, bool by_ct, bool by_evaluator)
{
    if (!par)
        return o == OBSERVERS_CT && by_ct
                   ? NULL
                   : "R16: in PA the Consulting Teacher observes alone, as a coach; the "
                     "administrator is not part of a PA case.";
    if (observers_took_part(o, by_ct, by_evaluator))
        return NULL;
    return by_evaluator ? "R15: record the observations you took part in: alone, or jointly "
                          "with the Consulting Teacher."
                        : "Record the observations you took part in: alone, or jointly with "
                          "the administrator (R18). The administrator records their own (R15).";
}

bool observers_took_part(enum observers o, bool is_ct, bool is_evaluator)
{
    switch (o) {
    case OBSERVERS_CT: return is_ct;
    case OBSERVERS_ADMINISTRATOR: return is_evaluator;
    case OBSERVERS_JOINT: return is_ct || is_evaluator;
    default: return false;
    }
}

enum joint_standing joint_standing_of(enum observers o, bool ct_confirmed,
                                      bool administrator_confirmed)
{
    if (o != OBSERVERS_JOINT)
        return JOINT_NOT;
    if (ct_confirmed && administrator_confirmed)
        return JOINT_CONFIRMED;
    return ct_confirmed ? JOINT_AWAITING_ADMINISTRATOR
           : administrator_confirmed ? JOINT_AWAITING_CT
                                     : JOINT_AWAITING_BOTH;
}

const char *joint_confirm_refusal(enum observers o, bool is_ct, bool is_evaluator,
                                  bool ct_confirmed, bool administrator_confirmed)
{
    if (o != OBSERVERS_JOINT)
        return "Only a joint observation is confirmed by both observers (R18).";
    if (!is_ct && !is_evaluator)
        return "R18: the case's Consulting Teacher and its administrator confirm that they "
               "observed together.";
    if ((!is_ct || ct_confirmed) && (!is_evaluator || administrator_confirmed))
        return "You have confirmed that you took part in this observation already.";
    return NULL;
}

enum feedback_state feedback_state_of(const char *observed_on, int feedback_days,
                                      const char *shared_on, const char *today, char due[11])
{
    if (!feedback_due_on(observed_on, feedback_days, due))
        due[0] = '\0';
    bool shared = shared_on && *shared_on;
    bool late = feedback_late(observed_on, feedback_days, shared_on, today);
    if (shared)
        return late ? FEEDBACK_SHARED_LATE : FEEDBACK_SHARED;
    return late ? FEEDBACK_LATE : FEEDBACK_DUE;
}

void observation_tally_add(struct observation_tally *t, const char *observed_on,
                           bool joint_confirmed, int feedback_days, const char *shared_on,
                           const char *today)
{
    char due[11];
    enum feedback_state f = feedback_state_of(observed_on, feedback_days, shared_on, today, due);
    t->count++;
    t->joint += joint_confirmed;
    t->late += f == FEEDBACK_LATE;
    if (f != FEEDBACK_DUE && f != FEEDBACK_LATE)
        return;
    t->pending++;
    if (*due && (!t->next_due[0] || strcmp(due, t->next_due) < 0))
        memcpy(t->next_due, due, sizeof t->next_due);
}

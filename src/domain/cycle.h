/* cycle.h: the dates of a cycle's work (R17, R18, R19): the windows of the
 * three parley meetings, when feedback on an observation is due, when the
 * goals are due, and whether a cycle may close. Pure date arithmetic on
 * "YYYY-MM-DD"; the settings are passed in. */
#ifndef PARLEY_CYCLE_H
#define PARLEY_CYCLE_H
#include <stdbool.h>

enum meeting_phase { PHASE_START, PHASE_MIDDLE, PHASE_END, PHASE_EXTRA, PHASE_COUNT };

const char *meeting_phase_key(enum meeting_phase p);     /* "start" */
const char *meeting_phase_label(enum meeting_phase p);   /* "Start of the cycle" */
bool meeting_phase_parse(const char *key, enum meeting_phase *out);

/* A window of dates, both ends included. */
struct date_window {
    char from[11], to[11];
};
/* R17: when each of the three parley meetings is due. The start meeting
 * falls in the cycle's first fifth, the middle one between 40% and 60% of
 * it, the end one in its last fifth. false for PHASE_EXTRA (no window) or
 * when the cycle's dates are not a real start before a real end. */
bool cycle_meeting_window(const char *cycle_start, const char *cycle_end, enum meeting_phase p,
                          struct date_window *w);
/* Who attended a held meeting: bits of these. */
enum { ATTENDED_TEACHER = 1, ATTENDED_CT = 2, ATTENDED_ADMINISTRATOR = 4 };
/* R17: a parley meeting counts only when everyone who must take part
 * attended: the teacher, the CT and, on a PAR case, the administrator (on
 * a PA case the administrator takes no part, R16). */
bool meeting_counts(bool par, unsigned attended);
/* The least number of parley meetings held before a PAR cycle may close (R17). */
#define CYCLE_MIN_MEETINGS_HELD 3
bool cycle_may_close(int meetings_held);

/* R19: feedback on an observation is due feedback_days after it. */
bool feedback_due_on(const char *observed_on, int feedback_days, char out[11]);
/* Late: shared after the due date, or not shared (shared_on "") and today
 * is past it. */
bool feedback_late(const char *observed_on, int feedback_days, const char *shared_on,
                   const char *today);
/* R19: the goals are set and approved within goals_due_days of the cycle's
 * start. A case with no cycle dates (PA: R12 is PAR's) counts from the day
 * it went on the caseload (caseload_since; "" or NULL when unknown). */
bool goals_due_on(const char *cycle_start, int goals_due_days, char out[11]);
bool case_goals_due_on(const char *cycle_start, const char *caseload_since, int goals_due_days,
                       char out[11]);

#endif

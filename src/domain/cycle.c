#include "domain/cycle.h"

#include <stdint.h>
#include <string.h>

#include "base/clock.h"

static const char *const phase_keys[PHASE_COUNT] = {"start", "middle", "end", "extra"};
static const char *const phase_labels[PHASE_COUNT] = {
    "Start of the cycle", "Middle of the cycle", "End of the cycle", "Additional meeting"};

const char *meeting_phase_key(enum meeting_phase p)
{
    return p < PHASE_COUNT ? phase_keys[p] : "";
}

const char *meeting_phase_label(enum meeting_phase p)
{
    return p < PHASE_COUNT ? phase_labels[p] : "";
}

bool meeting_phase_parse(const char *key, enum meeting_phase *out)
{
    for (int p = 0; p < PHASE_COUNT; p++)
        if (key && strcmp(key, phase_keys[p]) == 0) {
            *out = (enum meeting_phase)p;
            return true;
        }
    return false;
}

bool cycle_meeting_window(const char *cycle_start, const char *cycle_end, enum meeting_phase p,
                          struct date_window *w)
{
    int64_t a, b;
    if (p == PHASE_EXTRA || p >= PHASE_COUNT || !clock_day_number(cycle_start, &a) ||
        !clock_day_number(cycle_end, &b) || b <= a)
        return false;
    /* Fifths of the cycle, in days: [0, 1/5], [2/5, 3/5], [4/5, 1]. */
    static const int from_fifth[] = {0, 2, 4}, to_fifth[] = {1, 3, 5};
    int64_t len = b - a;
    clock_day_date(a + len * from_fifth[p] / 5, w->from);
    clock_day_date(a + len * to_fifth[p] / 5, w->to);
    return true;
}

bool meeting_counts(bool par, unsigned attended)
{
    unsigned needed = ATTENDED_TEACHER | ATTENDED_CT | (par ? ATTENDED_ADMINISTRATOR : 0);
    return (attended & needed) == needed;
}

bool cycle_may_close(int meetings_held)
{
    return meetings_held >= CYCLE_MIN_MEETINGS_HELD;
}

bool feedback_due_on(const char *observed_on, int feedback_days, char out[11])
{
    return clock_add_days(observed_on, feedback_days, out);
}

bool feedback_late(const char *observed_on, int feedback_days, const char *shared_on,
                   const char *today)
{
    char due[11];
    if (!feedback_due_on(observed_on, feedback_days, due))
        return false;
    const char *when = shared_on && *shared_on ? shared_on : today;
    return strcmp(when, due) > 0;   /* "YYYY-MM-DD" sorts as dates do */
}

bool goals_due_on(const char *cycle_start, int goals_due_days, char out[11])
{
    return clock_add_days(cycle_start, goals_due_days, out);
}

bool case_goals_due_on(const char *cycle_start, const char *caseload_since, int goals_due_days,
                       char out[11])
{
    const char *from = cycle_start && *cycle_start ? cycle_start : caseload_since;
    out[0] = '\0';
    return from && goals_due_on(from, goals_due_days, out);
}

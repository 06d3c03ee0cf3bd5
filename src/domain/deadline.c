#include "domain/deadline.h"

#include <stdio.h>
#include <string.h>

static struct deadline *add(struct deadline *out, int *n, int max, enum deadline_what what,
                            enum record_kind kind, const char *rule, const char *path,
                            const char *due_on, const char *today)
{
    if (*n == max)
        return NULL;
    struct deadline *d = &out[(*n)++];
    memset(d, 0, sizeof *d);
    d->what = what;
    d->kind = kind;
    d->rule = rule;
    d->path = path;
    snprintf(d->due_on, sizeof d->due_on, "%s", due_on);
    d->overdue = strcmp(today, due_on) > 0;   /* "YYYY-MM-DD" sorts as dates do */
    return d;
}

static void goals_due(const struct deadline_facts *f, struct deadline *out, int *n, int max)
{
    char due[11];
    if (f->approved_practice > 0 && f->approved_learning > 0)
        return;
    if (case_goals_due_on(f->cycle_start, f->caseload_since, f->goals_due_days, due))
        add(out, n, max, DUE_GOALS, KIND_GOAL, "R19", "goals", due, f->today);
}

static void feedback_due(const struct deadline_facts *f, struct deadline *out, int *n, int max)
{
    char due[11];
    for (int i = 0; i < f->nfeedback_pending && i < DEADLINE_FEEDBACK_MAX; i++)
        if (feedback_due_on(f->feedback_pending[i], f->feedback_days, due))
            add(out, n, max, DUE_FEEDBACK, KIND_OBSERVATION, "R19", "observations", due,
                f->today);
}

/* R17: each of the three meetings not held yet is due by its window's end. */
static void meetings_due(const struct deadline_facts *f, struct deadline *out, int *n, int max)
{
    for (int p = PHASE_START; p < PHASE_EXTRA; p++) {
        struct date_window w;
        if (f->meeting_held[p] ||
            !cycle_meeting_window(f->cycle_start, f->cycle_end, (enum meeting_phase)p, &w))
            continue;
        struct deadline *d = add(out, n, max, DUE_MEETING, KIND_MEETING, "R17", "meetings",
                                 w.to, f->today);
        if (d) {
            d->phase = (enum meeting_phase)p;
            memcpy(d->from, w.from, sizeof d->from);
        }
    }
}

/* R18: a joint observation is wanted; flagged by the middle of the cycle,
 * so that there is time to arrange one. */
static void joint_due(const struct deadline_facts *f, struct deadline *out, int *n, int max)
{
    struct date_window w;
    if (!f->joint_observations && cycle_meeting_window(f->cycle_start, f->cycle_end,
                                                       PHASE_MIDDLE, &w))
        add(out, n, max, DUE_JOINT_OBSERVATION, KIND_OBSERVATION, "R18", "observations", w.to,
            f->today);
}

int deadline_compare(const struct deadline *a, const struct deadline *b)
{
    if (a->overdue != b->overdue)
        return a->overdue ? -1 : 1;
    return strcmp(a->due_on, b->due_on);
}

int deadlines_of_case(const struct deadline_facts *f, struct deadline *out, int max)
{
    int n = 0;
    bool cycle = f->cycle_start && *f->cycle_start && f->cycle_end && *f->cycle_end;
    feedback_due(f, out, &n, max);
    goals_due(f, out, &n, max);
    if (cycle && f->par) {
        meetings_due(f, out, &n, max);
        joint_due(f, out, &n, max);
        add(out, &n, max, DUE_CYCLE_END, KIND_CASE, "R13", "", f->cycle_end, f->today);
    }
    /* in date order (insertion sort: a case has a handful) */
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && strcmp(out[j - 1].due_on, out[j].due_on) > 0; j--) {
            struct deadline t = out[j];
            out[j] = out[j - 1];
            out[j - 1] = t;
        }
    return n;
}

const char *deadline_label(const struct deadline *d)
{
    static const char *const meetings[] = {"Start-of-cycle parley meeting",
                                           "Mid-cycle parley meeting",
                                           "End-of-cycle parley meeting"};
    switch (d->what) {
    case DUE_GOALS: return "Goals set and approved (a practice and a student-learning goal)";
    case DUE_FEEDBACK: return "Feedback on an observation shared with the teacher";
    case DUE_MEETING: return d->phase < PHASE_EXTRA ? meetings[d->phase] : "Parley meeting";
    case DUE_JOINT_OBSERVATION: return "A joint observation by the CT and the administrator";
    case DUE_CYCLE_END: return "The cycle ends";
    }
    return "";
}

/* goals.c: the small demo's goals bank, self-assessments and goals,
 * each made through its use case by the person whose work it is. Case 2
 * (PAR: teacher@, ct1@) has both its goals approved and meets R19; case 1
 * (PA: teacher2@, ct2@) has its practice goal approved and its
 * student-learning goal proposed, waiting for ct2@. */
#include <inttypes.h>

#include "app/goals.h"
#include "base/clock.h"
#include "demo/demo.h"

#define DAY 86400

static const char *indicator(struct ctx *c, const char *code)
{
    int64_t id = demo_indicator_id(c, code);
    return id ? arena_printf(c->a, "%" PRId64, id) : "";
}

static const struct goal_input bank[] = {
    {.kind = "practice",
     .title = "Check for understanding in every lesson",
     .specific = "Plan two or three checks for understanding into each lesson and adjust the "
                 "lesson when they show students have not understood.",
     .measure = "Lesson plans and observations show the checks and what changed because of "
                "them, in at least four of five observed lessons.",
     .actions = "Co-plan with the Consulting Teacher; observe a colleague who does this well.",
     .indicator_id = "II-A"},
    {.kind = "practice",
     .title = "A calm, predictable classroom",
     .specific = "Teach and practise routines for the start and end of lessons and for "
                 "transitions.",
     .measure = "Time lost to transitions, logged in observations, falls by half.",
     .actions = "Write the routines down; rehearse them with the class; review weekly.",
     .indicator_id = "II-B"},
    {.kind = "student_learning",
     .title = "Students' growth in writing",
     .specific = "Every student's writing grows by at least one level on the school's rubric.",
     .measure = "Writing samples scored in the first month and the last.",
     .actions = "Weekly writing conferences; shared scoring with a colleague.",
     .indicator_id = "I-B"},
};

static enum app_status bank_demo(struct ctx *c, int64_t at, int64_t *ids)
{
    enum app_status s = APP_OK;
    c->now = at;
    if (!demo_act_as(c, "coordinator@parley.test"))
        return APP_ERROR;
    for (int i = 0; i < 3 && s == APP_OK; i++) {
        struct errors errs = {.n = 0};
        struct goal_input in = bank[i];
        in.indicator_id = indicator(c, in.indicator_id);
        s = goal_bank_create(c, &in, &ids[i], &errs);
    }
    return s;
}

/* One step of the demo's casework, as who, on day (seconds since 1970). */
static bool demo_as(struct ctx *c, const char *who, int64_t day)
{
    c->now = day;
    return demo_act_as(c, who);
}

static enum app_status self_assessment_demo(struct ctx *c, int64_t case_id, const char *teacher,
                                            int64_t at)
{
    static const struct self_assessment_entry texts[] = {
        {.strengths = "I know my subject well and plan units carefully.",
         .growth_areas = "Using what assessments tell me to change the next lesson."},
        {.strengths = "Students say my classroom is a safe place to ask questions.",
         .growth_areas = "Transitions and the first minutes of a lesson; reaching every student."},
        {.strengths = "I call families with good news as well as concerns.",
         .growth_areas = "Regular two-way contact with the families I hear from least."},
        {.strengths = "I reflect honestly and ask colleagues for help.",
         .growth_areas = "Taking part in the school's planning teams."},
    };
    struct self_assessment sa;
    struct case_record k;
    const char *refusal = NULL;
    struct errors errs = {.n = 0};
    if (!demo_as(c, teacher, at))
        return APP_ERROR;
    enum app_status s = self_assessment_get(c, case_id, &k, &sa, &refusal);
    for (int i = 0; i < sa.n && i < 4 && s == APP_OK; i++) {
        sa.entries[i].strengths = texts[i].strengths;
        sa.entries[i].growth_areas = texts[i].growth_areas;
    }
    return s == APP_OK
               ? self_assessment_save(c, case_id, sa.entries, sa.n < 4 ? sa.n : 4, &errs, &refusal)
               : s;
}

struct demo_goal {
    const char *author; /* adds it (from the bank when bank >= 0) */
    int bank;           /* index into bank[], or -1 */
    struct goal_input in;
    const char *proposer, *approver; /* NULL: not (yet) */
};

static enum app_status goal_demo(struct ctx *c, int64_t case_id, const struct demo_goal *d,
                                 const int64_t *bank_ids, int64_t at)
{
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    int64_t id = 0;
    struct goal_input in = d->in;
    in.due_on = clock_date(c->a, at + 150 * DAY);
    if (d->bank >= 0)
        in.bank_id = arena_printf(c->a, "%" PRId64, bank_ids[d->bank]);
    if (!demo_as(c, d->author, at))
        return APP_ERROR;
    enum app_status s = goal_create(c, case_id, &in, &id, &errs, &refusal);
    if (s == APP_OK && d->proposer && demo_as(c, d->proposer, at + DAY))
        s = goal_propose(c, case_id, id, 0, &refusal);
    if (s == APP_OK && d->approver && demo_as(c, d->approver, at + 2 * DAY))
        s = goal_decide(c, case_id, id, 0, true, NULL, &errs, &refusal);
    return demo_said(s, arena_printf(c->a, "goal on case %" PRId64, case_id), &errs, refusal);
}

enum app_status goals_demo(struct ctx *c)
{
    int64_t now = app_now(c), bank_ids[3] = {0};
    int64_t par_case = demo_case_of(c, "teacher@parley.test"),
            pa_case = demo_case_of(c, "teacher2@parley.test");
    const struct demo_goal par[] = {
        {"teacher@parley.test",
         0,
         {.title = "Check for understanding in my Grade 10 lessons"},
         "teacher@parley.test",
         "ct1@parley.test"},
        {"teacher@parley.test", 2, {0}, "teacher@parley.test", "ct1@parley.test"},
    };
    const struct demo_goal pa[] = {
        {"ct2@parley.test", 1, {0}, "teacher2@parley.test", "ct2@parley.test"},
        {"teacher2@parley.test",
         -1,
         {.kind = "student_learning",
          .title = "Reading fluency in my Grade 7 class",
          .specific = "Students reading below grade level gain at least 20 words a minute.",
          .measure = "Fluency checks in the first and last month of the cycle.",
          .actions = "Paired reading three times a week; a reading log sent home."},
         "teacher2@parley.test",
         NULL},
    };
    enum app_status s = bank_demo(c, now - 60 * DAY, bank_ids);
    if (s == APP_OK)
        s = self_assessment_demo(c, par_case, "teacher@parley.test", now - 40 * DAY);
    for (int i = 0; i < 2 && s == APP_OK; i++)
        s = goal_demo(c, par_case, &par[i], bank_ids, now - (38 - 2 * i) * DAY);
    if (s == APP_OK)
        s = self_assessment_demo(c, pa_case, "teacher2@parley.test", now - 9 * DAY);
    for (int i = 0; i < 2 && s == APP_OK; i++)
        s = goal_demo(c, pa_case, &pa[i], bank_ids, now - (8 - 4 * i) * DAY);
    return s;
}

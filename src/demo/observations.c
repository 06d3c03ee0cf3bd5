/* observations.c: the small demo's observations and artifacts, made
 * through their use cases by the people whose work they are, on dates
 * within each cycle. Case 1 (PA): the CT's observation, its feedback
 * shared and the teacher's reflection; the teacher's artifact. Case 2
 * (PAR): the CT's unannounced observation with evidence and feedback
 * shared, the administrator's draft; the administrator's artifact. No
 * joint observation yet: the R18 flag shows. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "app/artifact.h"
#include "app/observation.h"
#include "base/clock.h"
#include "demo/demo.h"

#define DAY 86400

/* The indicators' ids, by their codes ("II-A,II-B"). */
static const char *indicator_ids(struct ctx *c, const char *const *codes)
{
    buf b;
    buf_init(&b, c->a);
    buf_puts(&b, "");
    for (int i = 0; codes[i]; i++)
        buf_printf(&b, "%s%" PRId64, b.len ? "," : "", demo_indicator_id(c, codes[i]));
    return buf_cstr(&b);
}

/* Acts as who, days after (negative: before) the demo's now. */
static void demo_at(struct ctx *c, int64_t now, const char *who, int days)
{
    demo_act_as(c, who);
    c->now = now + days * DAY;
}

/* who records an observation days before now, and shares its feedback
 * share_after days later (0: it stays a draft). */
static enum app_status observe(struct ctx *c, int64_t now, int64_t case_id, const char *who,
                               int days, int share_after, struct observation_input in, int64_t *id)
{
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    demo_at(c, now, who, -days);
    in.observed_on = clock_date(c->a, c->now);
    enum app_status s = observation_record(c, case_id, &in, id, &errs, &refusal);
    if (s != APP_OK || !share_after)
        return demo_said(s, "an observation", &errs, refusal);
    demo_at(c, now, who, share_after - days);
    in.share = true;
    return demo_said(observation_update(c, case_id, *id, 1, &in, &errs, &refusal),
                     "sharing feedback", &errs, refusal);
}

/* who adds a small text file days before now. */
static enum app_status upload(struct ctx *c, int64_t now, int64_t case_id, const char *who,
                              int days, struct artifact_input in)
{
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    int64_t id;
    demo_at(c, now, who, -days);
    in.file.len = strlen(in.file.data);
    return demo_said(artifact_upload(c, case_id, &in, &id, &errs, &refusal), "an artifact", &errs,
                     refusal);
}

/* Case 1, PA: teacher2@ with ct2@; on the caseload since 11 days ago. */
static enum app_status pa_case(struct ctx *c, int64_t now)
{
    static const char *const tags[] = {"II-A", "II-B", NULL};
    struct observation_input in = {
        .draft_key = "demo-pa-observation-1",
        .announced = "yes",
        .minutes = "40",
        .observers = "ct",
        .notes = "Fractions lesson, period 2. Clear opening; pairs used fraction strips.\n"
                 "Three students at the back were not drawn in during the practice.",
        .feedback = "The opening and the fraction strips worked well. Next time, try "
                    "cold-calling from the back rows during practice.",
        .indicators = indicator_ids(c, tags)};
    int64_t id = 0;
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = observe(c, now, 1, "ct2@parley.test", 8, 1, in, &id);
    demo_at(c, now, "teacher2@parley.test", -6);
    if (s == APP_OK)
        s = demo_said(observation_reflect(c, 1, id, 2,
                                          "I had not noticed the back rows. I will move around the "
                                          "room during practice.",
                                          &errs, &refusal),
                      "a reflection", &errs, refusal);
    struct artifact_input plan = {.title = "Unit plan: fractions",
                                  .indicators = "",
                                  .file = {.filename = "unit-plan.txt",
                                           .data = "Unit plan: fractions, grade 6\n"
                                                   "Week 1: fraction strips\n"
                                                   "Week 2: comparing fractions\n"}};
    return s == APP_OK ? upload(c, now, 1, "teacher2@parley.test", 5, plan) : s;
}

/* Case 2, PAR: teacher@ with ct1@ and principal@; the cycle started 45 days ago. */
static enum app_status par_case(struct ctx *c, int64_t now)
{
    static const char *const tags[] = {"I-A", "II-A", "II-D", NULL};
    struct observation_input ct = {
        .draft_key = "demo-par-observation-1",
        .announced = "no",
        .minutes = "50",
        .observers = "ct",
        .notes = "Chemistry lab, period 4: safety briefing, then groups of three.\n"
                 "Objectives on the board; groups finished at different times.",
        .feedback = "The lab was well prepared and the objectives clear. Plan an extension "
                    "for the groups that finish early.",
        .indicators = indicator_ids(c, tags)};
    struct observation_input admin = {.draft_key = "demo-par-observation-2",
                                      .announced = "yes",
                                      .minutes = "30",
                                      .observers = "administrator",
                                      .notes = "Walkthrough, period 1: the lesson started "
                                               "on time; homework review took 12 minutes.",
                                      .indicators = ""};
    struct artifact_input checklist = {
        .title = "Walkthrough checklist",
        .indicators = indicator_ids(c, (const char *const[]){"II-B", NULL}),
        .file = {.filename = "walkthrough.txt",
                 .data = "Walkthrough checklist\n- Objectives posted: yes\n"
                         "- Students on task at 10 minutes: most\n"}};
    int64_t id = 0;
    enum app_status s = observe(c, now, 2, "ct1@parley.test", 30, 2, ct, &id);
    if (s == APP_OK)
        s = observe(c, now, 2, "principal@parley.test", 3, 0, admin, &id);
    return s == APP_OK ? upload(c, now, 2, "principal@parley.test", 2, checklist) : s;
}

enum app_status observations_demo(struct ctx *c)
{
    int64_t now = app_now(c);
    enum app_status s = pa_case(c, now);
    return s == APP_OK ? par_case(c, now) : s;
}

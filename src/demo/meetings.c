/* meetings.c: the small demo's coaching logs and meetings, made
 * through the use cases by the person whose work each is, at the time it
 * happened (c->now). Case 1 (PA, CT ct2): two coaching entries and one
 * meeting to come. Case 2 (PAR, CT ct1; the cycle began 45 days ago and
 * ends in 255): two coaching entries, its start meeting held and its middle
 * meeting scheduled (R17). */
#include <inttypes.h>

#include "app/coaching.h"
#include "app/meetings.h"
#include "base/clock.h"
#include "demo/demo.h"

#define DAY 86400

struct demo_entry {
    int day; /* days from today (negative: before) */
    struct coaching_input in;
};

static enum app_status demo_log(struct ctx *c, int64_t case_id, int64_t today,
                                const struct demo_entry *e, int n)
{
    enum app_status s = APP_OK;
    for (int i = 0; i < n && s == APP_OK; i++) {
        struct errors errs = {.n = 0};
        const char *refusal = NULL;
        int64_t id;
        struct coaching_input in = e[i].in;
        c->now = today + e[i].day * DAY;
        in.on_date = clock_date(c->a, c->now);
        s = demo_said(coaching_add(c, case_id, &in, &id, &errs, &refusal), "coaching", &errs,
                      refusal);
    }
    return s;
}

/* Scheduled on day `on`, for day `day` at `at`. */
static enum app_status demo_meeting(struct ctx *c, int64_t case_id, int64_t today, int on, int day,
                                    struct meeting_input in, int64_t *id)
{
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    c->now = today + on * DAY;
    in.at = arena_printf(c->a, "%s %s", clock_date(c->a, today + day * DAY), in.at);
    return demo_said(meeting_schedule(c, case_id, &in, id, &errs, &refusal), "meeting", &errs,
                     refusal);
}

static enum app_status demo_pa(struct ctx *c, int64_t today)
{
    static const struct demo_entry log[] = {
        {-10,
         {.minutes = "45",
          .kind = "visit",
          .focus = "Routines at the start of period 3; how the class settles.",
          .next_steps = "Try a written do-now task; I visit again next week."}},
        {-3,
         {.minutes = "20",
          .kind = "phone",
          .focus = "How the do-now task went; planning the unit on fractions.",
          .next_steps = "Share the unit plan by Friday."}},
    };
    int64_t case_id = demo_case_of(c, "teacher2@parley.test"), id;
    if (!case_id || !demo_act_as(c, "ct2@parley.test"))
        return APP_ERROR;
    enum app_status s = demo_log(c, case_id, today, log, 2);
    return s != APP_OK ? s
                       : demo_meeting(c, case_id, today, -3, 7,
                                      (struct meeting_input){.phase = "start",
                                                             .at = "15:30",
                                                             .minutes = "45",
                                                             .place = "Lincoln Park MS, room 204"},
                                      &id);
}

static enum app_status demo_par(struct ctx *c, int64_t today)
{
    static const struct demo_entry log[] = {
        {-30,
         {.minutes = "50",
          .kind = "visit",
          .focus = "Questioning in the Year 10 chemistry lab: who answers, and how long "
                   "the wait is.",
          .next_steps = "Plan three open questions for Thursday's lab."}},
        {-8,
         {.minutes = "30",
          .kind = "video",
          .focus = "The open questions; what the students said.",
          .next_steps = "Observe together with the principal next month."}},
    };
    int64_t case_id = demo_case_of(c, "teacher@parley.test"), start, middle;
    if (!case_id || !demo_act_as(c, "ct1@parley.test"))
        return APP_ERROR;
    enum app_status s = demo_log(c, case_id, today, log, 2);
    if (s == APP_OK)
        s = demo_meeting(c, case_id, today, -40, -35,
                         (struct meeting_input){
                             .phase = "start", .at = "15:00", .place = "Riverside HS, library"},
                         &start);
    if (s == APP_OK) {
        struct errors errs = {.n = 0};
        const char *refusal = NULL;
        c->now = today - 34 * DAY; /* the minutes, written the day after */
        struct meeting_input held = {
            .attended = "teacher,ct,administrator",
            .notes = "Agreed the goals' focus (questioning, lab safety) and the observation "
                     "plan; the principal joins the second observation."};
        s = demo_said(meeting_hold(c, case_id, start, NULL, &held, &errs, &refusal), "held", &errs,
                      refusal);
    }
    if (s == APP_OK)
        s = demo_meeting(c, case_id, today, -5, 95,
                         (struct meeting_input){
                             .phase = "middle", .at = "15:00", .place = "Riverside HS, room 12"},
                         &middle);
    return s;
}

enum app_status meetings_demo(struct ctx *c)
{
    int64_t today = app_now(c);
    enum app_status s = demo_pa(c, today);
    return s == APP_OK ? demo_par(c, today) : s;
}

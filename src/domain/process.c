/* process.c: the case's process as data. Reading order: the guards (each a
 * small pure function with its rule and refusal, over the whole case), the
 * due rules (what each step makes due, for whom, by when), then the one
 * table of steps from the inquiry to the survey. workflow.c walks it. */
#include "domain/workflow.h"

#include <stdio.h>
#include <string.h>

#include "domain/caseload.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof *(a)))
#define GUARD(fn) WORKFLOW_GUARD(struct case_facts, fn)
#define NO_DETAIL ((void)detail, (void)n)

static bool is_par(const struct case_facts *f)
{
    return f->track == TRACK_PAR;
}

static bool has_timeline(const struct case_facts *f)
{
    return f->current_cycle_start && *f->current_cycle_start && f->current_cycle_end &&
           *f->current_cycle_end;
}

/* --- guards: enrolment (R7, R8, R10-R13, R27, R30) --- */

/* R8, R10: a case starts only from the teacher's own inquiry. */
GUARD(inquiry_is_open)
{
    NO_DETAIL;
    return f->inquiry_open;
}
static const struct guard_def guard_inquiry_open = {
    "inquiry_is_open", "R8", "inquiry_id", false,
    "A case starts only from the teacher's own request, sent with the contact form; this "
    "request is closed or already has a case.", inquiry_is_open};

/* R8: a request sent by someone else in a teacher's name waits for them. */
GUARD(inquiry_confirmed_by_teacher)
{
    NO_DETAIL;
    return f->inquiry_confirmed;
}
static const struct guard_def guard_inquiry_confirmed = {
    "inquiry_confirmed_by_teacher", "R8", NULL, false,
    "Taking part is the teacher's own choice: this request was sent in their name by someone "
    "else, and becomes a case only once the teacher confirms it themselves.",
    inquiry_confirmed_by_teacher};

/* R7: one active PA or PAR case per teacher, checked when a case opens. */
GUARD(no_other_active_case)
{
    if (f->teacher_other_cases == 0)
        return true;
    snprintf(detail, n, " They have %d.", f->teacher_other_cases);
    return false;
}
static const struct guard_def guard_one_active_case = {
    "no_other_active_case", "R7", NULL, false,
    "A teacher takes part in one case at a time, never PA and PAR together: this teacher "
    "already has an active case. Continue that one, or withdraw it first.",
    no_other_active_case};

/* R1-R6 re-checked with the confirmed facts; the detail lists what failed (R9). */
GUARD(eligible_for_track)
{
    if (f->track == TRACK_CONSULTANCY)
        return true;   /* R6: open to everyone */
    struct eligibility e;
    eligibility_check(&f->elig, &f->elig_settings, &e);
    if (is_par(f) ? e.par : e.pa)
        return true;
    size_t used = 0;
    for (int i = 0; i < e.n && used + 1 < n; i++) {
        bool counts = is_par(f) || !e.c[i].for_par_only;
        if (!e.c[i].passed && counts)
            used += (size_t)snprintf(detail + used, n - used, " %s", e.c[i].sentence);
    }
    return false;
}
static const struct guard_def guard_eligible = {
    "eligible_for_track", "R1-R6", "track", false,
    "The confirmed facts do not meet what this track asks for.", eligible_for_track};

/* R7: never PA and PAR at the same time. */
GUARD(not_in_pa_and_par)
{
    NO_DETAIL;
    if (is_par(f))
        return !f->other_active_pa;
    if (f->track == TRACK_PA)
        return !f->other_active_par;
    return true;
}
static const struct guard_def guard_not_pa_and_par = {
    "not_in_pa_and_par", "R7", "track", false,
    "A teacher cannot be in PA and PAR at the same time; this teacher has another active "
    "case on the other track. Withdraw or finish it first.", not_in_pa_and_par};

/* R11 and the evaluation's steps: only PAR reviews an agreement, has a
 * timeline set by the administrator (R12), evaluations, a recommendation. */
GUARD(track_is_par)
{
    NO_DETAIL;
    return is_par(f);
}
static const struct guard_def guard_track_is_par = {
    "track_is_par", "R11", NULL, true,
    "Only PAR has this step; PA and consultancy go straight to a Consulting Teacher's "
    "caseload.", track_is_par};

/* R11: a PAR teacher joins the caseload only once both have signed. */
GUARD(agreement_signed_if_par)
{
    NO_DETAIL;
    return !is_par(f) || (f->teacher_signed && f->rep_signed);
}
static const struct guard_def guard_agreement_signed = {
    "agreement_signed_if_par", "R11", NULL, false,
    "A PAR teacher joins the caseload only after the PAR Agreement is signed by the teacher "
    "and the union representative.", agreement_signed_if_par};

GUARD(signer_has_not_signed)
{
    NO_DETAIL;
    return !f->me.signed_agreement;
}
static const struct guard_def guard_not_signed_twice = {
    "signer_has_not_signed", "R11", NULL, false,
    "You have signed the PAR Agreement; the case moves on once the other party signs too.",
    signer_has_not_signed};

/* R27: only a Consulting Teacher whose term is running takes on teachers. */
GUARD(ct_term_running)
{
    NO_DETAIL;
    return !f->ct_chosen || f->ct_term_running;
}
static const struct guard_def guard_ct_term = {
    "ct_term_running", "R27", "ct_id", false,
    "This Consulting Teacher's term is not running today (it has not started, or it has "
    "ended): choose a Consulting Teacher in their term.", ct_term_running};

/* R30: the weighted caseload stays under the cap. */
GUARD(ct_under_cap)
{
    struct caseload_weights w = {.cap = f->caseload_cap};
    if (!f->ct_chosen || caseload_fits(f->ct_load, f->case_weight, &w))
        return true;
    snprintf(detail, n, " This Consulting Teacher carries %d of %d; this case weighs %d.",
             f->ct_load, f->caseload_cap, f->case_weight);
    return false;
}
static const struct guard_def guard_under_cap = {
    "ct_under_cap", "R30", "ct_id", false,
    "This would take the Consulting Teacher over the program's caseload cap (a PAR teacher "
    "weighs more than a PA teacher). Choose another Consulting Teacher, or the coordinator "
    "raises the cap in the settings.", ct_under_cap};

/* R12: the administrator sets the timeline before the cycle starts. */
GUARD(cycle_not_started)
{
    if (!f->current_cycle_start || !*f->current_cycle_start ||
        strcmp(f->current_cycle_start, f->today) > 0)
        return true;
    snprintf(detail, n, " It started on %s.", f->current_cycle_start);
    return false;
}
static const struct guard_def guard_cycle_not_started = {
    "cycle_not_started", "R12", NULL, false,
    "The administrator sets the cycle's timeline before the cycle starts; this cycle has "
    "started, so the coordinator corrects its timeline, with a reason.", cycle_not_started};

/* R12: a cycle cannot have started before it was set. */
GUARD(start_not_past)
{
    if (!f->cycle_start || strcmp(f->cycle_start, f->today) >= 0)
        return true;
    snprintf(detail, n, " Today is %s.", f->today);
    return false;
}
static const struct guard_def guard_start_not_past = {
    "start_not_past", "R12", "cycle_start", false,
    "The cycle's timeline is set before it starts: choose a start date from today on.",
    start_not_past};

/* R12: a correction keeps a start already passed, or starts from today on. */
GUARD(corrected_start_not_past)
{
    bool kept = f->cycle_start && f->current_cycle_start &&
                strcmp(f->cycle_start, f->current_cycle_start) == 0;
    return kept || start_not_past(f, detail, n);
}
static const struct guard_def guard_corrected_start = {
    "corrected_start_not_past", "R12", "cycle_start", false,
    "A corrected timeline keeps the start the cycle already had, or starts from today on.",
    corrected_start_not_past};

GUARD(timeline_is_set)
{
    NO_DETAIL;
    return has_timeline(f);
}
static const struct guard_def guard_timeline_set = {
    "timeline_is_set", "R12", NULL, true,
    "There is no timeline to correct yet: the administrator sets it first.", timeline_is_set};

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* "YYYY-MM-DD" plus months, the day clamped to the month's end. */
static void date_add_months(const char *date, int months, char out[32])
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = 0, m = 1, d = 1;
    sscanf(date ? date : "", "%4d-%2d-%2d", &y, &m, &d);
    if (m < 1 || m > 12)
        m = 1;
    int total = y * 12 + (m - 1) + months;
    y = total / 12;
    m = total % 12 + 1;
    int last = days[m - 1] + (m == 2 && leap(y));
    snprintf(out, 32, "%04d-%02d-%02d", y, m, d > last ? last : d);
}

/* R13: from cycle_min_months to cycle_max_months. */
GUARD(cycle_length_allowed)
{
    char earliest[32], latest[32];
    date_add_months(f->cycle_start, f->cycle_min_months, earliest);
    date_add_months(f->cycle_start, f->cycle_max_months, latest);
    if (f->cycle_end && strcmp(f->cycle_end, earliest) >= 0 && strcmp(f->cycle_end, latest) <= 0)
        return true;
    snprintf(detail, n, " Starting %s, it ends from %s to %s.", f->cycle_start, earliest, latest);
    return false;
}
static const struct guard_def guard_cycle_length = {
    "cycle_length_allowed", "R13", "cycle_end", false,
    "A cycle lasts from the program's shortest to its longest cycle (6 months to one year "
    "unless the program set otherwise).", cycle_length_allowed};

/* R4: PAR needs a plan at least par_min_plan_months long. */
GUARD(plan_long_enough)
{
    if (!is_par(f) || f->plan_months >= f->par_min_plan_months)
        return true;
    snprintf(detail, n, " PAR needs at least %d months.", f->par_min_plan_months);
    return false;
}
static const struct guard_def guard_plan_length = {
    "plan_long_enough", "R4", "plan_months", false,
    "A PAR teacher's evaluation plan must be long enough; a shorter plan is for PA.",
    plan_long_enough};

/* R17: three parley meetings, each with everyone who must attend present. */
GUARD(enough_meetings_if_par)
{
    if (!is_par(f) || cycle_may_close(f->meetings_held))
        return true;
    snprintf(detail, n, " %d %s been held with all three present so far.", f->meetings_held,
             f->meetings_held == 1 ? "has" : "have");
    return false;
}
static const struct guard_def guard_enough_meetings = {
    "enough_meetings_if_par", "R17", NULL, false,
    "A PAR cycle ends only after at least three parley meetings held with the teacher, the "
    "Consulting Teacher and the administrator all present.", enough_meetings_if_par};

static bool both_signed(const struct case_facts *after)
{
    return after->teacher_signed && after->rep_signed;
}

/* --- guards: the cycle's records and the evaluations (R15, R18-R20, R23) --- */

GUARD(goals_not_all_approved)
{
    NO_DETAIL;
    return !(f->approved_practice > 0 && f->approved_learning > 0);
}
static const struct guard_def guard_goals_open = {
    "goals_not_all_approved", "R19", NULL, true,
    "The goals are approved.", goals_not_all_approved};

GUARD(goals_proposed)
{
    NO_DETAIL;
    return f->goals_proposed > 0;
}
static const struct guard_def guard_goals_proposed = {
    "goals_proposed", "R19", NULL, true, "No goal waits for approval.", goals_proposed};

GUARD(joint_wanted)
{
    NO_DETAIL;
    return f->joint_observations == 0 && f->joint_awaiting == 0;
}
static const struct guard_def guard_joint_wanted = {
    "joint_wanted", "R18", NULL, true, "A joint observation is recorded.", joint_wanted};

GUARD(joint_to_confirm)
{
    NO_DETAIL;
    return f->me.joint_to_confirm;
}
static const struct guard_def guard_joint_to_confirm = {
    "joint_to_confirm", "R18", NULL, true,
    "No joint observation waits for your confirmation.", joint_to_confirm};

static bool eval_shared(const struct case_facts *f, enum eval_kind k)
{
    return f->has_eval[k] && f->eval[k] >= EVAL_SHARED;
}

GUARD(summative_in_preview)
{
    NO_DETAIL;
    return f->has_eval[EVAL_SUMMATIVE] && f->eval[EVAL_SUMMATIVE] == EVAL_ADMIN_PREVIEW;
}
static const struct guard_def guard_summative_preview = {
    "summative_in_preview", "R23", NULL, true,
    "No summative evaluation waits for the administrator's preview.", summative_in_preview};

GUARD(evaluation_to_sign)
{
    NO_DETAIL;
    for (int k = 0; k < EVAL_KIND_COUNT; k++)
        if (f->has_eval[k] && f->eval[k] == EVAL_SHARED)
            return true;
    return false;
}
static const struct guard_def guard_eval_to_sign = {
    "evaluation_to_sign", "R20", NULL, true, "No evaluation waits for your signature.",
    evaluation_to_sign};

/* --- guards: the recommendation, the Panel, the approval (R20-R25) --- */

GUARD(rec_not_sent)
{
    NO_DETAIL;
    return f->rec != REC_SUBMITTED;
}
static const struct guard_def guard_rec_not_sent = {
    "rec_not_sent", "R21", NULL, true, "The recommendation has gone to the Panel.",
    rec_not_sent};

/* R21: the recommendation follows the cycle: it goes once the cycle is closed. */
GUARD(cycle_is_closed)
{
    NO_DETAIL;
    return f->state == CASE_CYCLE_CLOSED;
}
static const struct guard_def guard_cycle_closed = {
    "cycle_is_closed", "R21", NULL, false,
    "The recommendation goes to the Panel at the end of the cycle: close the cycle first.",
    cycle_is_closed};

/* R20, R21: the Panel reads a summative the teacher has signed for. */
GUARD(summative_signed)
{
    NO_DETAIL;
    return f->has_eval[EVAL_SUMMATIVE] && f->eval[EVAL_SUMMATIVE] >= EVAL_SIGNED;
}
static const struct guard_def guard_summative_signed = {
    "summative_signed", "R20", NULL, false,
    "The recommendation goes with the summative evaluation, shared with the teacher and "
    "signed for (receipt, not agreement): share it and wait for the signature first.",
    summative_signed};

GUARD(rec_sent)
{
    NO_DETAIL;
    return f->rec == REC_SUBMITTED;
}
static const struct guard_def guard_rec_sent = {
    "rec_sent", "R21", NULL, true, "The recommendation has not gone to the Panel.", rec_sent};

/* R22: evidence is taken through the last day of the preview window. */
GUARD(preview_open)
{
    if (rec_preview_open(f->preview_until, f->today))
        return true;
    snprintf(detail, n, " It closed on %s.", f->preview_until);
    return false;
}
static const struct guard_def guard_preview_open = {
    "preview_open", "R22", NULL, false,
    "Evidence for the Panel is taken until the preview deadline; that deadline has passed.",
    preview_open};

/* R22: the Panel votes only once the teacher and the administrator had
 * their whole window. */
GUARD(preview_over)
{
    if (*f->preview_until && !rec_preview_open(f->preview_until, f->today))
        return true;
    snprintf(detail, n, " Evidence is taken until %s; the Panel votes after that day.",
             f->preview_until);
    return false;
}
static const struct guard_def guard_preview_over = {
    "preview_over", "R22", NULL, false,
    "The Panel does not vote on a case before its preview deadline has passed.", preview_over};

GUARD(not_decided)
{
    NO_DETAIL;
    return !f->decided;
}
static const struct guard_def guard_not_decided = {
    "not_decided", "R22", NULL, false,
    "The Panel has decided this case: nothing more is taken for it.", not_decided};
static const struct guard_def guard_undecided_hides = {
    "not_decided", "R24", NULL, true, "The Panel has decided this case.", not_decided};

/* One open docket per case: a second would split its votes. */
GUARD(not_on_open_docket)
{
    if (!f->on_open_docket)
        return true;
    snprintf(detail, n, " It is on the docket of the session of %s.", f->session_on);
    return false;
}
static const struct guard_def guard_not_on_docket = {
    "not_on_open_docket", "R24", "case_id", false,
    "A case is on one open session's docket at a time: take it off that one first.",
    not_on_open_docket};

/* R22: a session may take the case only after its preview deadline. */
GUARD(session_after_preview)
{
    if (!f->docket_session_on || strcmp(f->docket_session_on, f->preview_until) > 0)
        return true;
    snprintf(detail, n, " Its preview deadline is %s; this session meets on %s.",
             f->preview_until, f->docket_session_on);
    return false;
}
static const struct guard_def guard_session_after_preview = {
    "session_after_preview", "R22", "case_id", false,
    "The Panel takes a case at a session after its preview deadline, so that the teacher "
    "and the administrator have their whole window.", session_after_preview};

GUARD(on_open_docket)
{
    NO_DETAIL;
    return f->on_open_docket;
}
static const struct guard_def guard_on_docket = {
    "on_open_docket", "R24", NULL, true, "The case is on no open session's docket.",
    on_open_docket};

/* R24: the Panel deliberates and votes when it meets. */
GUARD(session_has_met)
{
    if (*f->session_on && strcmp(f->today, f->session_on) >= 0)
        return true;
    snprintf(detail, n, " The session meets on %s.", f->session_on);
    return false;
}
static const struct guard_def guard_session_met = {
    "session_has_met", "R24", NULL, false,
    "The Panel votes at its session, on the day it meets.", session_has_met};

/* R24: one vote each, by members present and not recused. */
GUARD(member_may_vote)
{
    if (f->me.panel_recused) {
        snprintf(detail, n, " You recused yourself from this case.");
        return false;
    }
    if (!f->me.panel_present) {
        snprintf(detail, n, " You are not recorded as present at this session.");
        return false;
    }
    if (f->me.panel_voted) {
        snprintf(detail, n, " You have voted on it.");
        return false;
    }
    return true;
}
static const struct guard_def guard_member_may_vote = {
    "member_may_vote", "R24", NULL, false,
    "Each member present at the session and not recused votes once.", member_may_vote};

GUARD(votes_were_cast)
{
    NO_DETAIL;
    return f->votes_cast > 0;
}
static const struct guard_def guard_votes_cast = {
    "votes_were_cast", "R24", NULL, false, "No member has voted on this case yet.",
    votes_were_cast};

GUARD(decision_pending)
{
    NO_DETAIL;
    return f->decided && f->approval == APPROVAL_PENDING;
}
static const struct guard_def guard_decision_pending = {
    "decision_pending", "R25", NULL, true, "No decision of the Panel awaits approval.",
    decision_pending};

/* R25: a PAR case's outcome records its final rating: after approval. */
GUARD(final_if_par)
{
    NO_DETAIL;
    return !is_par(f) || (f->decided && f->approval == APPROVAL_APPROVED);
}
static const struct guard_def guard_final_if_par = {
    "final_if_par", "R25", NULL, false,
    "A PAR case's outcome records its final rating, which exists only once the "
    "Superintendent has approved the Panel's decision.", final_if_par};

GUARD(survey_waiting)
{
    NO_DETAIL;
    return f->me.survey_waiting;
}
static const struct guard_def guard_survey_waiting = {
    "survey_waiting", "R39", NULL, true, "No survey waits for your answer.", survey_waiting};

/* --- due rules: what each step makes due, for whom, by when --- */

static struct due *due_add(struct due *out, int *n, int max, const struct step_def *s,
                           const char *on, bool waiting)
{
    if (*n == max)
        return NULL;
    struct due *d = &out[(*n)++];
    memset(d, 0, sizeof *d);
    d->step = s;
    memcpy(d->who, s->who, sizeof d->who);
    snprintf(d->on, sizeof d->on, "%s", on ? on : "");
    d->waiting = waiting;
    d->what = s->label;
    return d;
}

/* Due from only one of the step's people (the others may take it, but it
 * is not their task: the coordinator may close any cycle, the CT's is due). */
static void due_only(struct due *d, int who)
{
    if (!d)
        return;
    d->who[0] = who;
    d->who[1] = WHO_END;
}

/* Due from the teacher, whose choice it is, and their CT who records it. */
static void due_teacher_and_ct(struct due *d)
{
    if (!d)
        return;
    d->who[0] = WHO_CASE_TEACHER;
    d->who[1] = WHO_CASE_CT;
    d->who[2] = WHO_END;
}

#define DUE(fn) static int fn(const struct case_facts *f, const struct step_def *s, \
                              struct due *out, int max)

/* It waits for its people since the case reached state. */
static int waiting_in(const struct case_facts *f, const struct step_def *s, struct due *out,
                      int max, enum case_state state)
{
    int n = 0;
    if (f->state == state)
        due_add(out, &n, max, s, f->entered[state], true);
    return n;
}

DUE(due_open)
{
    return waiting_in(f, s, out, max, CASE_NONE);
}

DUE(due_schedule_meeting)
{
    return waiting_in(f, s, out, max, CASE_INQUIRY_RECEIVED);
}

DUE(due_hold_meeting)
{
    int n = 0;
    if (f->state == CASE_MEETING_SCHEDULED)
        due_add(out, &n, max, s, f->meeting_on, false);
    return n;
}

DUE(due_choose_track)
{
    int n = waiting_in(f, s, out, max, CASE_MEETING_HELD);
    if (n)
        due_teacher_and_ct(&out[0]);
    return n;
}

DUE(due_schedule_review)
{
    return is_par(f) ? waiting_in(f, s, out, max, CASE_TRACK_CHOSEN) : 0;
}

DUE(due_hold_review)
{
    int n = 0;
    if (f->state == CASE_REVIEW_SCHEDULED)
        due_add(out, &n, max, s, f->review_on, false);
    return n;
}

DUE(due_sign_agreement)
{
    int n = 0;
    if (f->state != CASE_REVIEW_HELD)
        return 0;
    if (!f->teacher_signed)
        due_only(due_add(out, &n, max, s, f->entered[CASE_REVIEW_HELD], true), WHO_CASE_TEACHER);
    if (!f->rep_signed)
        due_only(due_add(out, &n, max, s, f->entered[CASE_REVIEW_HELD], true),
                 WHO_CASE_UNION_REP);
    return n;
}

DUE(due_assign_ct)
{
    if (f->state == CASE_TRACK_CHOSEN && !is_par(f))
        return waiting_in(f, s, out, max, CASE_TRACK_CHOSEN);
    return waiting_in(f, s, out, max, CASE_AGREEMENT_SIGNED);
}

DUE(due_set_timeline)
{
    int n = 0;
    bool enrolled = f->state >= CASE_TRACK_CHOSEN && f->state <= CASE_ON_CASELOAD;
    if (is_par(f) && enrolled && !has_timeline(f))
        due_add(out, &n, max, s, f->entered[CASE_TRACK_CHOSEN], true);
    return n;
}

DUE(due_close_cycle)
{
    int n = 0;
    if (f->state == CASE_ON_CASELOAD && is_par(f) && has_timeline(f))
        due_only(due_add(out, &n, max, s, f->current_cycle_end, false), WHO_CASE_CT);
    return n;
}

/* R19: goals by goals_due_days after the cycle starts (PA: after joining
 * the caseload). */
static bool goals_due(const struct case_facts *f, char out[11])
{
    return f->state == CASE_ON_CASELOAD && goals_not_all_approved(f, NULL, 0) &&
           case_goals_due_on(f->current_cycle_start, f->entered[CASE_ON_CASELOAD],
                             f->goals_due_days, out);
}

DUE(due_propose_goals)
{
    int n = 0;
    char on[11];
    if (f->goals_proposed == 0 && goals_due(f, on))
        due_add(out, &n, max, s, on, false);
    return n;
}

DUE(due_approve_goals)
{
    int n = 0;
    char on[11];
    if (f->goals_proposed > 0 && goals_due(f, on))
        due_add(out, &n, max, s, on, false);
    return n;
}

/* R19: feedback on each observation within feedback_days. */
DUE(due_feedback)
{
    int n = 0;
    char on[11];
    for (int i = 0; f->state == CASE_ON_CASELOAD && i < f->nfeedback_pending; i++) {
        if (!feedback_due_on(f->feedback_pending[i], f->feedback_days, on))
            continue;
        struct due *d = due_add(out, &n, max, s, on, false);
        due_only(d, f->feedback_by_evaluator[i] ? WHO_CASE_EVALUATOR : WHO_CASE_CT);
        if (d)
            d->instance = i;
    }
    return n;
}

/* R18: a joint observation is wanted; flagged by the middle of the cycle,
 * so that there is time to arrange one. */
DUE(due_joint)
{
    int n = 0;
    struct date_window w;
    if (f->state == CASE_ON_CASELOAD && is_par(f) && joint_wanted(f, NULL, 0) &&
        cycle_meeting_window(f->current_cycle_start, f->current_cycle_end, PHASE_MIDDLE, &w))
        due_add(out, &n, max, s, w.to, false);
    return n;
}

DUE(due_confirm_joint)
{
    int n = 0;
    if (f->state == CASE_ON_CASELOAD && f->joint_awaiting > 0)
        due_add(out, &n, max, s, f->joint_awaiting_on, true);
    return n;
}

/* R17: each of the three meetings not held yet is due by its window's end. */
DUE(due_parley_meetings)
{
    static const char *const what[PHASE_EXTRA] = {
        "Hold the start-of-cycle parley meeting", "Hold the mid-cycle parley meeting",
        "Hold the end-of-cycle parley meeting"};
    int n = 0;
    if (f->state != CASE_ON_CASELOAD || !is_par(f))
        return 0;
    for (int p = PHASE_START; p < PHASE_EXTRA; p++) {
        struct date_window w;
        if (f->meeting_held[p] || !cycle_meeting_window(f->current_cycle_start,
                                                        f->current_cycle_end,
                                                        (enum meeting_phase)p, &w))
            continue;
        struct due *d = due_add(out, &n, max, s, w.to, false);
        if (d) {
            d->instance = p;
            d->what = what[p];
            memcpy(d->from, w.from, sizeof d->from);
        }
    }
    return n;
}

/* R15: the formative by the middle of the cycle, the summative by its end,
 * each shared with the teacher. */
static int due_evaluation(const struct case_facts *f, const struct step_def *s, struct due *out,
                          int max, enum eval_kind kind)
{
    int n = 0;
    struct date_window w;
    bool working = f->state == CASE_ON_CASELOAD ||
                   (kind == EVAL_SUMMATIVE && f->state == CASE_CYCLE_CLOSED);
    if (!working || !is_par(f) || eval_shared(f, kind) || !has_timeline(f))
        return 0;
    if (kind == EVAL_SUMMATIVE)
        due_add(out, &n, max, s, f->current_cycle_end, false);
    else if (cycle_meeting_window(f->current_cycle_start, f->current_cycle_end, PHASE_MIDDLE, &w))
        due_add(out, &n, max, s, w.to, false);
    if (n)
        out[0].instance = kind;
    return n;
}

DUE(due_formative)
{
    return due_evaluation(f, s, out, max, EVAL_FORMATIVE);
}

DUE(due_summative)
{
    return due_evaluation(f, s, out, max, EVAL_SUMMATIVE);
}

/* R23: the administrator may preview and respond; optional. */
DUE(due_preview_summative)
{
    int n = 0;
    if (summative_in_preview(f, NULL, 0)) {
        struct due *d = due_add(out, &n, max, s, f->today, true);
        if (d)
            d->optional = true;
    }
    return n;
}

DUE(due_sign_evaluation)
{
    static const char *const what[EVAL_KIND_COUNT] = {"Sign the formative evaluation",
                                                      "Sign the summative evaluation"};
    int n = 0;
    for (int k = 0; k < EVAL_KIND_COUNT; k++)
        if (f->has_eval[k] && f->eval[k] == EVAL_SHARED) {
            struct due *d = due_add(out, &n, max, s, f->today, true);
            if (d) {
                d->instance = k;
                d->what = what[k];
            }
        }
    return n;
}

DUE(due_send_recommendation)
{
    return is_par(f) && f->rec != REC_SUBMITTED ? waiting_in(f, s, out, max, CASE_CYCLE_CLOSED)
                                                : 0;
}

/* R22: they may send evidence or ask to appear, by the preview deadline. */
DUE(due_evidence)
{
    int n = 0;
    if (rec_sent(f, NULL, 0) && !f->decided && rec_preview_open(f->preview_until, f->today)) {
        struct due *d = due_add(out, &n, max, s, f->preview_until, false);
        if (d)
            d->optional = true;
    }
    return n;
}

DUE(due_docket)
{
    int n = 0;
    if (rec_sent(f, NULL, 0) && !f->decided && !f->on_open_docket)
        due_add(out, &n, max, s, f->preview_until, true);
    return n;
}

DUE(due_vote)
{
    int n = 0;
    if (f->on_open_docket && !f->decided)
        due_add(out, &n, max, s, f->session_on, false);
    return n;
}

DUE(due_close_vote)
{
    int n = 0;
    if (f->on_open_docket && !f->decided && f->votes_cast > 0)
        due_only(due_add(out, &n, max, s, f->session_on, false), ROLE_COORDINATOR);
    return n;
}

DUE(due_approve)
{
    int n = 0;
    if (decision_pending(f, NULL, 0))
        due_add(out, &n, max, s, f->decided_on, true);
    return n;
}

DUE(due_outcome)
{
    int n = 0;
    if (f->state != CASE_CYCLE_CLOSED || f->outcome_recorded || !final_if_par(f, NULL, 0))
        return 0;
    due_add(out, &n, max, s, is_par(f) ? f->decided_on : f->entered[CASE_CYCLE_CLOSED], true);
    return n;
}

DUE(due_survey)
{
    int n = 0;
    if (f->surveys_waiting > 0)
        due_add(out, &n, max, s, f->outcome_on, true);
    return n;
}

/* --- the table --- */

#define ACTIVE_STATES                                                                        \
    {CASE_INQUIRY_RECEIVED, CASE_MEETING_SCHEDULED, CASE_MEETING_HELD, CASE_TRACK_CHOSEN,    \
     CASE_REVIEW_SCHEDULED, CASE_REVIEW_HELD, CASE_AGREEMENT_SIGNED, CASE_ON_CASELOAD}
#define CASE_STEP KIND_CASE, ACT_EDIT
#define ON_CASELOAD {CASE_ON_CASELOAD}
#define TO_THE_END {CASE_ON_CASELOAD, CASE_CYCLE_CLOSED}
#define AFTER_CLOSE {CASE_CYCLE_CLOSED}
/* A part's step records without moving the case, and tells through its own use case. */
#define PART_STEP CASE_NONE, true

const struct step_def case_steps[] = {
    /* --- enrolment (R7, R8, R10-R13, R27, R30) --- */
    {"open", "Open the case from the teacher's request", {CASE_NONE}, CASE_INQUIRY_RECEIVED,
     false, {ROLE_COORDINATOR, WHO_END},
     "Only the coordinator opens a case, and only from the teacher's own request; an "
     "administrator cannot enrol a teacher.",
     NEED_INQUIRY, "The inquiry it comes from; the teacher's person record and role.",
     {&guard_inquiry_open, &guard_inquiry_confirmed, &guard_one_active_case}, NULL,
     {TELL_TEACHER}, CASE_STEP, "", "R10", due_open, false, NULL},
    {"schedule_meeting", "Schedule the initial meeting",
     {CASE_INQUIRY_RECEIVED, CASE_MEETING_SCHEDULED}, CASE_MEETING_SCHEDULED, false,
     {ROLE_COORDINATOR, WHO_END},
     "The coordinator arranges the initial meeting with a Consulting Teacher.",
     NEED_MEETING | NEED_CT, "Date, time, place and the Consulting Teacher.",
     {&guard_ct_term}, NULL, {TELL_TEACHER, TELL_CT}, CASE_STEP, "", "R10",
     due_schedule_meeting, false, NULL},
    {"hold_meeting", "Record the initial meeting as held", {CASE_MEETING_SCHEDULED},
     CASE_MEETING_HELD, false, {WHO_CASE_CT, WHO_END},
     "The Consulting Teacher who met the teacher records the initial meeting.",
     NEED_NOTES, "That it was held, by whom, when; notes.", {0}, NULL,
     {TELL_TEACHER, TELL_COORDINATOR}, CASE_STEP, "", "R10", due_hold_meeting, true, NULL},
    {"choose_track", "Choose the track", {CASE_MEETING_HELD}, CASE_TRACK_CHOSEN, false,
     {WHO_CASE_TEACHER, WHO_CASE_CT, ROLE_COORDINATOR, WHO_END},
     "The teacher chooses; their Consulting Teacher or the coordinator may record it.",
     NEED_TRACK, "The track and the eligibility facts it was checked with.",
     {&guard_eligible, &guard_not_pa_and_par}, NULL,
     {TELL_TEACHER, TELL_CT, TELL_ADMINISTRATOR, TELL_COORDINATOR}, CASE_STEP, "", "R8",
     due_choose_track, false, NULL},
    {"schedule_review", "Schedule the PAR Agreement review", {CASE_TRACK_CHOSEN},
     CASE_REVIEW_SCHEDULED, false, {ROLE_COORDINATOR, WHO_CASE_CT, WHO_END},
     "The coordinator or the case's Consulting Teacher arranges the agreement review.",
     NEED_MEETING | NEED_UNION_REP, "Date, time, place and the union representative.",
     {&guard_track_is_par}, NULL, {TELL_TEACHER, TELL_UNION_REP}, CASE_STEP, "", "R11",
     due_schedule_review, false, NULL},
    {"hold_review", "Record the agreement review as held", {CASE_REVIEW_SCHEDULED},
     CASE_REVIEW_HELD, false, {WHO_CASE_UNION_REP, WHO_END},
     "The union representative who reviewed the agreement records it.", NEED_NOTES,
     "That it was held, by whom, when; notes.", {0}, NULL, {TELL_TEACHER, TELL_COORDINATOR},
     CASE_STEP, "", "R11", due_hold_review, true, NULL},
    {"sign_agreement", "Sign the PAR Agreement", {CASE_REVIEW_HELD}, CASE_AGREEMENT_SIGNED,
     false, {WHO_CASE_TEACHER, WHO_CASE_UNION_REP, WHO_END},
     "The PAR Agreement is signed by the teacher and the union representative, each for "
     "themselves.",
     NEED_SIGNATURE, "Who signed and when; the case moves on once both have signed.",
     {&guard_not_signed_twice}, both_signed, {TELL_TEACHER, TELL_UNION_REP, TELL_COORDINATOR},
     CASE_STEP, "", "R11", due_sign_agreement, false, NULL},
    {"assign_ct", "Assign a Consulting Teacher: onto the caseload",
     {CASE_TRACK_CHOSEN, CASE_AGREEMENT_SIGNED}, CASE_ON_CASELOAD, false,
     {ROLE_COORDINATOR, WHO_END}, "The coordinator assigns Consulting Teachers.", NEED_CT,
     "The Consulting Teacher whose caseload the teacher joins.",
     {&guard_agreement_signed, &guard_ct_term, &guard_under_cap}, NULL,
     {TELL_TEACHER, TELL_CT, TELL_ADMINISTRATOR}, CASE_STEP, "", "R30", due_assign_ct, false, NULL},
    {"set_timeline", "Set the cycle's timeline",
     {CASE_TRACK_CHOSEN, CASE_REVIEW_SCHEDULED, CASE_REVIEW_HELD, CASE_AGREEMENT_SIGNED,
      CASE_ON_CASELOAD},
     CASE_NONE, true, {WHO_CASE_ADMINISTRATOR, WHO_END},
     "The administrator of the teacher's school sets the cycle's timeline.",
     NEED_TIMELINE, "Start and end dates, plan type and length; who set them, when.",
     {&guard_track_is_par, &guard_cycle_not_started, &guard_start_not_past,
      &guard_cycle_length, &guard_plan_length},
     NULL, {TELL_TEACHER, TELL_CT, TELL_COORDINATOR}, CASE_STEP, "", "R12", due_set_timeline, false,
     NULL},
    {"correct_timeline", "Correct the cycle's timeline",
     {CASE_TRACK_CHOSEN, CASE_REVIEW_SCHEDULED, CASE_REVIEW_HELD, CASE_AGREEMENT_SIGNED,
      CASE_ON_CASELOAD},
     CASE_NONE, true, {ROLE_COORDINATOR, WHO_END},
     "Once a timeline is set, only the coordinator corrects it, with a reason.",
     NEED_TIMELINE | NEED_REASON, "The corrected dates and plan, the reason, who and when.",
     {&guard_track_is_par, &guard_timeline_set, &guard_corrected_start, &guard_cycle_length,
      &guard_plan_length},
     NULL, {TELL_TEACHER, TELL_CT, TELL_ADMINISTRATOR}, CASE_STEP, "", "R12", NULL, false, NULL},
    {"close_cycle", "Close the cycle", {CASE_ON_CASELOAD}, CASE_CYCLE_CLOSED, false,
     {WHO_CASE_CT, ROLE_COORDINATOR, WHO_END},
     "The case's Consulting Teacher or the coordinator closes the cycle.", NEED_NOTES,
     "Who closed the cycle and when, with the parley meetings held; notes.",
     {&guard_enough_meetings}, NULL, {TELL_TEACHER, TELL_CT, TELL_ADMINISTRATOR}, CASE_STEP,
     "", "R13", due_close_cycle, false,
     "The cycle's work ends: no more observations, goals or parley meetings are recorded "
     "on it; the evaluations and, on PAR, the recommendation to the Panel come next. The "
     "teacher, their Consulting Teacher and the administrator are told."},
    {"withdraw", "Withdraw the case", ACTIVE_STATES, CASE_WITHDRAWN, false,
     {WHO_CASE_TEACHER, ROLE_COORDINATOR, WHO_END},
     "Only the teacher or the coordinator withdraws a case; an administrator cannot block "
     "an eligible teacher.",
     NEED_REASON, "The reason, who withdrew it, when.", {0}, NULL,
     {TELL_TEACHER, TELL_CT, TELL_ADMINISTRATOR, TELL_UNION_REP, TELL_COORDINATOR}, CASE_STEP,
     "", "R8", NULL, false,
     "The case stops for good where it is: nothing more is recorded on it, and it leaves "
     "the Consulting Teacher's caseload. The teacher, their Consulting Teacher, the "
     "administrator, the union representative and the coordinator are told."},
    /* --- the cycle's records (R15-R19): each taken on its part's page --- */
    {"propose_goals", "Draft and propose the goals", ON_CASELOAD, PART_STEP,
     {WHO_CASE_TEACHER, WHO_CASE_CT, WHO_END},
     "The teacher drafts their goals with their Consulting Teacher.", 0,
     "A professional-practice and a student-learning goal.", {&guard_goals_open}, NULL, {0},
     KIND_GOAL, ACT_CREATE, "goals", "R19", due_propose_goals, false, NULL},
    {"approve_goals", "Approve the goals", ON_CASELOAD, PART_STEP, {WHO_CASE_CT, WHO_END},
     "The case's Consulting Teacher approves the goals or returns them.", 0,
     "Who approved each goal, when.", {&guard_goals_open, &guard_goals_proposed}, NULL, {0},
     KIND_GOAL, ACT_APPROVE, "goals", "R19", due_approve_goals, false, NULL},
    {"share_feedback", "Share the feedback on an observation", ON_CASELOAD, PART_STEP,
     {WHO_CASE_CT, WHO_CASE_EVALUATOR, WHO_END},
     "Whoever observed shares their feedback with the teacher.", 0,
     "The feedback, shared with the teacher, when.", {0}, NULL, {0}, KIND_OBSERVATION,
     ACT_EDIT, "observations", "R19", due_feedback, false, NULL},
    {"joint_observation", "Observe together (CT and administrator)", ON_CASELOAD, PART_STEP,
     {WHO_CASE_CT, WHO_CASE_EVALUATOR, WHO_END},
     "The Consulting Teacher and the administrator observe together.", 0,
     "A joint observation, confirmed by both.", {&guard_track_is_par, &guard_joint_wanted},
     NULL, {0}, KIND_OBSERVATION, ACT_CREATE, "observations", "R18", due_joint, false, NULL},
    {"confirm_joint", "Confirm the joint observation", ON_CASELOAD, PART_STEP,
     {WHO_CASE_CT, WHO_CASE_EVALUATOR, WHO_END},
     "Each observer confirms a joint observation for themselves.", 0,
     "Who confirmed being there, when.", {&guard_joint_to_confirm}, NULL, {0},
     KIND_OBSERVATION, ACT_EDIT, "observations", "R18", due_confirm_joint, false, NULL},
    {"parley_meeting", "Schedule and hold the parley meetings", ON_CASELOAD, PART_STEP,
     {WHO_CASE_CT, WHO_END},
     "The case's Consulting Teacher schedules the parley meetings and records them held.", 0,
     "Each meeting, who attended, the minutes.", {&guard_track_is_par}, NULL, {0},
     KIND_MEETING, ACT_CREATE, "meetings", "R17", due_parley_meetings, false, NULL},
    /* --- the evaluations (R15, R20, R23, R26); their own steps are
     * domain/evaluation.c's table --- */
    {"write_formative", "Write and share the formative evaluation", TO_THE_END, PART_STEP,
     {WHO_CASE_PRIMARY_EVALUATOR, WHO_END},
     "Only the primary evaluator, the case's Consulting Teacher, writes evaluations.", 0,
     "The formative evaluation, shared with the teacher.", {&guard_track_is_par}, NULL, {0},
     KIND_EVALUATION, ACT_CREATE, "evaluations", "R15", due_formative, false, NULL},
    {"write_summative", "Write and share the summative evaluation", TO_THE_END, PART_STEP,
     {WHO_CASE_PRIMARY_EVALUATOR, WHO_END},
     "Only the primary evaluator, the case's Consulting Teacher, writes evaluations.", 0,
     "The summative evaluation, previewed by the administrator, shared with the teacher.",
     {&guard_track_is_par}, NULL, {0}, KIND_EVALUATION, ACT_CREATE, "evaluations", "R15",
     due_summative, false, NULL},
    {"preview_summative", "Preview and respond to the summative evaluation", TO_THE_END,
     PART_STEP, {WHO_CASE_EVALUATOR, WHO_END},
     "The administrator previews the summative evaluation and may respond.", 0,
     "The administrator's response.", {&guard_summative_preview}, NULL, {0},
     KIND_EVALUATION, ACT_RESPOND, "evaluations", "R23", due_preview_summative, false, NULL},
    {"sign_evaluation", "Sign the evaluation", TO_THE_END, PART_STEP,
     {WHO_CASE_TEACHER, WHO_END},
     "The teacher signs their own evaluation: receipt, not agreement.", 0,
     "The signature and the teacher's written response, if any.", {&guard_eval_to_sign},
     NULL, {0}, KIND_EVALUATION, ACT_SIGN, "evaluations", "R20", due_sign_evaluation, false, NULL},
    /* --- the recommendation, the Panel, the approval (R21-R25) --- */
    {"send_recommendation", "Send the recommendation to the Panel", TO_THE_END, PART_STEP,
     {WHO_CASE_PRIMARY_EVALUATOR, WHO_END},
     "The case's Consulting Teacher, its primary evaluator, recommends a rating.", 0,
     "The rating, the rationale, and the preview deadline it sets.",
     {&guard_track_is_par, &guard_rec_not_sent, &guard_cycle_closed, &guard_summative_signed,
      &guard_enough_meetings},
     NULL, {0}, KIND_RECOMMENDATION, ACT_EDIT, "recommendation", "R21",
     due_send_recommendation, false,
     "The recommendation goes to the Panel as it stands and no longer changes. The "
     "teacher and the administrator are told, and may send the Panel their evidence "
     "until the preview deadline."},
    {"send_evidence", "Send the Panel evidence or ask to appear", AFTER_CLOSE, PART_STEP,
     {WHO_CASE_TEACHER, WHO_CASE_EVALUATOR, WHO_END},
     "The teacher and the administrator send the Panel their evidence.", 0,
     "The written evidence, or the request to appear in person.",
     {&guard_rec_sent, &guard_not_decided, &guard_preview_open}, NULL, {0},
     KIND_PANEL_SUBMISSION, ACT_CREATE, "recommendation", "R22", due_evidence, false, NULL},
    {"put_on_docket", "Put the case on a Panel session's docket", AFTER_CLOSE, PART_STEP,
     {ROLE_COORDINATOR, WHO_END}, "The coordinator sets the Panel's dockets.", 0,
     "The session whose docket it is on.",
     {&guard_rec_sent, &guard_undecided_hides, &guard_not_on_docket,
      &guard_session_after_preview},
     NULL, {0}, KIND_PANEL_SESSION, ACT_EDIT, "", "R22", due_docket, false, NULL},
    {"vote", "Vote on the rating", AFTER_CLOSE, PART_STEP, {WHO_CASE_PANEL, WHO_END},
     "Panel members whose term is running vote; a member with a conflict recuses.", 0,
     "One vote per member present.",
     {&guard_on_docket, &guard_undecided_hides, &guard_preview_over, &guard_session_met,
      &guard_member_may_vote},
     NULL, {0}, KIND_PANEL_VOTE, ACT_CREATE, "", "R24", due_vote, true,
     "Your vote is final: each member votes once, and a vote is not changed. Nobody is told "
     "how you voted until the vote is closed; then the Panel's members see every vote."},
    {"close_vote", "Close the vote and record the Panel's decision", AFTER_CLOSE, PART_STEP,
     {ROLE_COORDINATOR, WHO_CASE_PANEL, WHO_END},
     "The coordinator or a sitting member closes the vote.", 0,
     "The tally and, when it decides, the Panel's rating.",
     {&guard_on_docket, &guard_undecided_hides, &guard_preview_over, &guard_session_met,
      &guard_votes_cast},
     NULL, {0}, KIND_DECISION, ACT_CREATE, "", "R24", due_close_vote, false,
     "The vote ends: when the votes cast decide, the Panel's rating is recorded and "
     "waits for the Superintendent's approval. The teacher, their Consulting Teacher, "
     "the administrator and the union representative are told."},
    {"approve", "Approve or return the Panel's decision", AFTER_CLOSE, PART_STEP,
     {WHO_CASE_APPROVER, WHO_END},
     "The Superintendent approves the Panel's rating; only then is it final.", 0,
     "The answer, and a reason when it is returned.", {&guard_decision_pending}, NULL, {0},
     KIND_DECISION, ACT_APPROVE, "decision", "R25", due_approve, false,
     "Approving makes the Panel's rating final: it becomes the cycle's outcome and no longer "
     "changes. The teacher, their Consulting Teacher, the administrator and the union "
     "representative are told. (Returning it is not final: the Panel decides again.)"},
    /* --- the end (R25, R39) --- */
    {"record_outcome", "Record the cycle's outcome", AFTER_CLOSE, PART_STEP,
     {ROLE_COORDINATOR, WHO_END},
     "The coordinator records each closed case's outcome.", 0,
     "The ratings before and after, whether the teacher stayed; the survey's invitations.",
     {&guard_final_if_par}, NULL, {0}, KIND_OUTCOME, ACT_EDIT, "outcome", "R39", due_outcome, false,
     NULL},
    {"answer_survey", "Answer the end-of-cycle survey", AFTER_CLOSE, PART_STEP,
     {WHO_CASE_TEACHER, WHO_CASE_EVALUATOR, WHO_END},
     "The teacher and, on a PAR case, the administrator answer once, apart from their names.",
     0, "That they answered; the answer apart from their name.", {&guard_survey_waiting},
     NULL, {0}, KIND_SURVEY, ACT_RESPOND, "survey", "R39", due_survey, false, NULL},
};
const int case_step_count = COUNT(case_steps);

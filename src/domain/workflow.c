/* workflow.c: the case workflow as data. Reading order: the states, the
 * guards (each a small pure function with its rule and refusal), then the
 * one table of transitions; the functions below only walk the tables. */
#include "domain/workflow.h"

#include <stdio.h>
#include <string.h>

#include "domain/caseload.h"
#include "domain/cycle.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof *(a)))

const struct state_def case_states[CASE_STATE_COUNT] = {
    [CASE_NONE] = {"none", "No case yet", "", false},
    [CASE_INQUIRY_RECEIVED] = {"inquiry_received", "Inquiry received",
                               "We have your request. The coordinator will arrange a first "
                               "meeting with a Consulting Teacher (R10).", true},
    [CASE_MEETING_SCHEDULED] = {"meeting_scheduled", "Initial meeting scheduled",
                                "Your first meeting with a Consulting Teacher is arranged.", true},
    [CASE_MEETING_HELD] = {"meeting_held", "Initial meeting held",
                           "You have met your Consulting Teacher. Next you choose a track: PA, "
                           "PAR or a consultancy visit.", true},
    [CASE_TRACK_CHOSEN] = {"track_chosen", "Track chosen",
                           "Your track is chosen. For PAR you next review the PAR Agreement "
                           "with a union representative (R11); PA and consultancy go straight "
                           "to a Consulting Teacher's caseload.", true},
    [CASE_REVIEW_SCHEDULED] = {"review_scheduled", "Agreement review scheduled",
                               "A union representative will review the PAR Agreement with you "
                               "(R11).", true},
    [CASE_REVIEW_HELD] = {"review_held", "Agreement review held",
                          "You have reviewed the PAR Agreement. It is signed by you and the "
                          "union representative (R11).", true},
    [CASE_AGREEMENT_SIGNED] = {"agreement_signed", "Agreement signed",
                               "The PAR Agreement is signed. The coordinator now assigns your "
                               "Consulting Teacher and you join the caseload.", true},
    [CASE_ON_CASELOAD] = {"on_caseload", "On the caseload",
                          "You are on a Consulting Teacher's caseload. Your administrator sets "
                          "the cycle's timeline before it starts (R12).", true},
    /* Not active: the case leaves its CT's caseload (which counts only
     * cases on it) and no longer counts for R7; its records stay. */
    [CASE_CYCLE_CLOSED] = {"cycle_closed", "Cycle closed",
                           "Your cycle is closed. Its records are kept and you still see all of "
                           "them (R37); in PAR the Consulting Teacher's recommendation goes to "
                           "the Panel next (R21).", false},
    [CASE_WITHDRAWN] = {"withdrawn", "Withdrawn",
                        "This case was withdrawn. You can ask again at any time with the "
                        "contact form (R8).", false},
};

static const char *const track_keys[TRACK_COUNT] = {"", "pa", "par", "consultancy"};
static const char *const track_labels[TRACK_COUNT] = {
    "Not chosen yet", "Peer Assistance (PA)", "Peer Assistance and Review (PAR)",
    "Consultancy visit"};

const char *case_state_key(enum case_state s)
{
    return s < CASE_STATE_COUNT ? case_states[s].key : "";
}

const char *case_state_label(enum case_state s)
{
    return s < CASE_STATE_COUNT ? case_states[s].label : "";
}

bool case_state_parse(const char *key, enum case_state *out)
{
    for (int s = 0; key && s < CASE_STATE_COUNT; s++)
        if (strcmp(key, case_states[s].key) == 0) {
            *out = (enum case_state)s;
            return true;
        }
    return false;
}

bool case_state_open_to(enum case_state s, enum record_kind kind)
{
    bool end_of_cycle = kind == KIND_EVALUATION || kind == KIND_RECOMMENDATION ||
                        kind == KIND_PANEL_SUBMISSION || kind == KIND_PANEL_NOTE ||
                        kind == KIND_RECUSAL || kind == KIND_PANEL_VOTE || kind == KIND_DECISION;
    return s == CASE_ON_CASELOAD || (end_of_cycle && s == CASE_CYCLE_CLOSED);
}

const char *case_track_key(enum case_track t)
{
    return t < TRACK_COUNT ? track_keys[t] : "";
}

const char *case_track_label(enum case_track t)
{
    return t < TRACK_COUNT ? track_labels[t] : "";
}

bool case_track_parse(const char *key, enum case_track *out)
{
    for (int t = 1; key && t < TRACK_COUNT; t++)
        if (strcmp(key, track_keys[t]) == 0) {
            *out = (enum case_track)t;
            return true;
        }
    return false;
}

/* --- guards --- */

/* R8, R10: a case starts only from the teacher's own inquiry. */
static bool inquiry_is_open(const struct case_facts *f, char *detail, size_t n)
{
    (void)detail, (void)n;
    return f->inquiry_open;
}
static const struct guard_def guard_inquiry_open = {
    "inquiry_is_open", "R8", "inquiry_id",
    "R8, R10: a case starts only from the teacher's own request, the contact form's inquiry; "
    "this inquiry is closed or already has a case.", inquiry_is_open};

/* R8: a request someone else sent in the teacher's name becomes a case
 * only once the teacher confirms it themselves. */
static bool teacher_stands_behind_it(const struct case_facts *f, char *detail, size_t n)
{
    (void)detail, (void)n;
    return f->inquiry_teachers_own;
}
static const struct guard_def guard_teacher_confirmed = {
    "teacher_confirmed", "R8", NULL,
    "R8: this request was sent in the teacher's name by someone else. Joining is the teacher's "
    "choice, so it becomes a case only once the teacher confirms it themselves (on their "
    "dashboard, or by sending the contact form).", teacher_stands_behind_it};

/* R1-R6 re-checked with the confirmed facts; the detail lists what failed (R9). */
static bool eligible_for_track(const struct case_facts *f, char *detail, size_t n)
{
    if (f->track == TRACK_CONSULTANCY)
        return true;   /* R6: open to everyone */
    struct eligibility e;
    eligibility_check(&f->elig, &f->elig_settings, &e);
    if (f->track == TRACK_PAR ? e.par : e.pa)
        return true;
    size_t used = 0;
    for (int i = 0; i < e.n && used + 1 < n; i++) {
        bool counts = f->track == TRACK_PAR || !e.c[i].for_par_only;
        if (!e.c[i].passed && counts)
            used += (size_t)snprintf(detail + used, n - used, " %s: %s", e.c[i].rule,
                                     e.c[i].sentence);
    }
    return false;
}
static const struct guard_def guard_eligible = {
    "eligible_for_track", "R1-R6", "track",
    "The confirmed facts do not meet the criteria for this track (R1-R6).", eligible_for_track};

/* R7: never PA and PAR at the same time. */
static bool not_in_pa_and_par(const struct case_facts *f, char *detail, size_t n)
{
    (void)detail, (void)n;
    if (f->track == TRACK_PAR)
        return !f->other_active_pa;
    if (f->track == TRACK_PA)
        return !f->other_active_par;
    return true;
}
static const struct guard_def guard_not_pa_and_par = {
    "not_in_pa_and_par", "R7", "track",
    "R7: a teacher cannot be in PA and PAR at the same time; this teacher has another active "
    "case on the other track. Withdraw or finish it first.", not_in_pa_and_par};

/* R11: only PAR goes through the agreement review. */
static bool track_is_par(const struct case_facts *f, char *detail, size_t n)
{
    (void)detail, (void)n;
    return f->track == TRACK_PAR;
}
static const struct guard_def guard_track_is_par = {
    "track_is_par", "R11", NULL,
    "R11: only PAR has an agreement review; PA and consultancy go straight to a Consulting "
    "Teacher's caseload.", track_is_par};

/* R11: a PAR teacher joins the caseload only once both have signed. */
static bool agreement_signed_if_par(const struct case_facts *f, char *detail, size_t n)
{
    (void)detail, (void)n;
    return f->track != TRACK_PAR || (f->teacher_signed && f->rep_signed);
}
static const struct guard_def guard_agreement_signed = {
    "agreement_signed_if_par", "R11", NULL,
    "R11: a PAR teacher moves to the caseload only after the PAR Agreement is signed by the "
    "teacher and the union representative.", agreement_signed_if_par};

static bool signer_has_not_signed(const struct case_facts *f, char *detail, size_t n)
{
    (void)detail, (void)n;
    return !f->signer_already_signed;
}
static const struct guard_def guard_not_signed_twice = {
    "signer_has_not_signed", "R11", NULL,
    "R11: you have already signed this PAR Agreement; it now waits for the other signature.",
    signer_has_not_signed};

/* R30: the CT's weighted caseload stays within the cap. */
static bool ct_under_cap(const struct case_facts *f, char *detail, size_t n)
{
    struct caseload_weights w = {.cap = f->caseload_cap};
    if (caseload_fits(f->ct_load, f->case_weight, &w))
        return true;
    snprintf(detail, n, " This Consulting Teacher carries %d of %d; this case weighs %d.",
             f->ct_load, f->caseload_cap, f->case_weight);
    return false;
}
static const struct guard_def guard_under_cap = {
    "ct_under_cap", "R30", "ct_id",
    "R30: this would take the Consulting Teacher over the program's caseload cap (a PAR "
    "teacher weighs more than a PA teacher). Choose another CT, or the coordinator raises "
    "the cap in the settings.", ct_under_cap};

/* R12: the administrator sets the timeline before the cycle starts. */
static bool cycle_not_started(const struct case_facts *f, char *detail, size_t n)
{
    if (!f->current_cycle_start || !*f->current_cycle_start ||
        strcmp(f->current_cycle_start, f->today) > 0)
        return true;
    snprintf(detail, n, " It started on %s.", f->current_cycle_start);
    return false;
}
static const struct guard_def guard_cycle_not_started = {
    "cycle_not_started", "R12", NULL,
    "R12: the administrator sets the cycle's timeline before the cycle starts; this cycle "
    "has started, so its timeline is no longer changed here.", cycle_not_started};

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* "YYYY-MM-DD" plus months, the day clamped to the month's end. */
static void date_add_months(const char *date, int months, char out[32])
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = 0, m = 0, d = 0;
    sscanf(date, "%4d-%2d-%2d", &y, &m, &d);
    int total = y * 12 + (m - 1) + months;
    y = total / 12;
    m = total % 12 + 1;
    int last = days[m - 1] + (m == 2 && leap(y));
    snprintf(out, 32, "%04d-%02d-%02d", y, m, d > last ? last : d);
}

/* R13: from cycle_min_months to cycle_max_months (dates compare as text). */
static bool cycle_length_allowed(const struct case_facts *f, char *detail, size_t n)
{
    char earliest[32], latest[32];
    date_add_months(f->cycle_start, f->cycle_min_months, earliest);
    date_add_months(f->cycle_start, f->cycle_max_months, latest);
    if (strcmp(f->cycle_end, earliest) >= 0 && strcmp(f->cycle_end, latest) <= 0)
        return true;
    snprintf(detail, n, " Starting %s, it ends from %s to %s.", f->cycle_start, earliest, latest);
    return false;
}
static const struct guard_def guard_cycle_length = {
    "cycle_length_allowed", "R13", "cycle_end",
    "R13: a cycle lasts from 6 months to one year (the program's cycle_min_months and "
    "cycle_max_months).", cycle_length_allowed};

/* R4: PAR needs a plan at least par_min_plan_months long. */
static bool plan_long_enough(const struct case_facts *f, char *detail, size_t n)
{
    if (f->track != TRACK_PAR || f->plan_months >= f->par_min_plan_months)
        return true;
    snprintf(detail, n, " PAR needs at least %d months.", f->par_min_plan_months);
    return false;
}
static const struct guard_def guard_plan_length = {
    "plan_long_enough", "R4", "plan_months",
    "R4: a PAR teacher's evaluation plan must be long enough; a shorter plan is for PA.",
    plan_long_enough};

/* R17: a PAR cycle closes only with at least three parley meetings held. */
static bool enough_meetings_if_par(const struct case_facts *f, char *detail, size_t n)
{
    if (f->track != TRACK_PAR || cycle_may_close(f->meetings_held))
        return true;
    snprintf(detail, n, " %d %s been held so far.", f->meetings_held,
             f->meetings_held == 1 ? "has" : "have");
    return false;
}
static const struct guard_def guard_enough_meetings = {
    "enough_meetings_if_par", "R17", NULL,
    "R17: a PAR cycle closes only once at least three parley meetings of the teacher, the "
    "Consulting Teacher and the administrator have been held and recorded.",
    enough_meetings_if_par};

static bool both_signed(const struct case_facts *after)
{
    return after->teacher_signed && after->rep_signed;
}

/* --- the table --- */

#define ACTIVE_STATES                                                                        \
    {CASE_INQUIRY_RECEIVED, CASE_MEETING_SCHEDULED, CASE_MEETING_HELD, CASE_TRACK_CHOSEN,    \
     CASE_REVIEW_SCHEDULED, CASE_REVIEW_HELD, CASE_AGREEMENT_SIGNED, CASE_ON_CASELOAD}

const struct transition_def case_transitions[] = {
    {"open", "Open the case from the teacher's inquiry", {CASE_NONE}, CASE_INQUIRY_RECEIVED,
     false, {ROLE_COORDINATOR, WHO_END},
     "R8: only the coordinator opens a case, and only from the teacher's own inquiry; an "
     "administrator cannot enrol a teacher.",
     NEED_INQUIRY, "The inquiry it comes from; the teacher's person record and role.",
     {&guard_inquiry_open, &guard_teacher_confirmed}, NULL, {TELL_TEACHER}},
    {"schedule_meeting", "Schedule the initial meeting",
     {CASE_INQUIRY_RECEIVED, CASE_MEETING_SCHEDULED}, CASE_MEETING_SCHEDULED, false,
     {ROLE_COORDINATOR, WHO_END},
     "R10: the coordinator arranges the initial meeting with a Consulting Teacher.",
     NEED_MEETING | NEED_CT, "Date, time, place and the Consulting Teacher.", {0}, NULL,
     {TELL_TEACHER, TELL_CT}},
    {"hold_meeting", "Record the initial meeting as held", {CASE_MEETING_SCHEDULED},
     CASE_MEETING_HELD, false, {WHO_CASE_CT, WHO_END},
     "R10: the Consulting Teacher who met the teacher records the initial meeting.",
     NEED_NOTES, "That it was held, by whom, when; notes.", {0}, NULL,
     {TELL_TEACHER, TELL_COORDINATOR}},
    {"choose_track", "Choose the track", {CASE_MEETING_HELD}, CASE_TRACK_CHOSEN, false,
     {WHO_CASE_TEACHER, WHO_CASE_CT, ROLE_COORDINATOR, WHO_END},
     "R8: the teacher chooses; their Consulting Teacher or the coordinator may record it.",
     NEED_TRACK, "The track and the eligibility facts it was checked with.",
     {&guard_eligible, &guard_not_pa_and_par}, NULL,
     {TELL_TEACHER, TELL_CT, TELL_ADMINISTRATOR, TELL_COORDINATOR}},
    {"schedule_review", "Schedule the PAR Agreement review", {CASE_TRACK_CHOSEN},
     CASE_REVIEW_SCHEDULED, false, {ROLE_COORDINATOR, WHO_CASE_CT, WHO_END},
     "R11: the coordinator or the case's Consulting Teacher arranges the agreement review.",
     NEED_MEETING | NEED_UNION_REP, "Date, time, place and the union representative.",
     {&guard_track_is_par}, NULL, {TELL_TEACHER, TELL_UNION_REP}},
    {"hold_review", "Record the agreement review as held", {CASE_REVIEW_SCHEDULED},
     CASE_REVIEW_HELD, false, {WHO_CASE_UNION_REP, WHO_END},
     "R11: the union representative who reviewed the agreement records it.", NEED_NOTES,
     "That it was held, by whom, when; notes.", {0}, NULL, {TELL_TEACHER, TELL_COORDINATOR}},
    {"sign_agreement", "Sign the PAR Agreement", {CASE_REVIEW_HELD}, CASE_AGREEMENT_SIGNED,
     false, {WHO_CASE_TEACHER, WHO_CASE_UNION_REP, WHO_END},
     "R11: the PAR Agreement is signed by the teacher and the union representative, each "
     "for themselves.",
     NEED_SIGNATURE, "Who signed and when; the case moves on once both have signed.",
     {&guard_not_signed_twice}, both_signed,
     {TELL_TEACHER, TELL_UNION_REP, TELL_COORDINATOR}},
    {"assign_ct", "Assign a Consulting Teacher: onto the caseload",
     {CASE_TRACK_CHOSEN, CASE_AGREEMENT_SIGNED}, CASE_ON_CASELOAD, false,
     {ROLE_COORDINATOR, WHO_END}, "R30: the coordinator assigns Consulting Teachers.", NEED_CT,
     "The Consulting Teacher whose caseload the teacher joins.",
     {&guard_agreement_signed, &guard_under_cap}, NULL,
     {TELL_TEACHER, TELL_CT, TELL_ADMINISTRATOR}},
    {"set_timeline", "Set the cycle's timeline",
     {CASE_TRACK_CHOSEN, CASE_REVIEW_SCHEDULED, CASE_REVIEW_HELD, CASE_AGREEMENT_SIGNED,
      CASE_ON_CASELOAD},
     CASE_NONE, true, {WHO_CASE_ADMINISTRATOR, WHO_END},
     "R12: the administrator of the teacher's school sets the cycle's timeline.",
     NEED_TIMELINE, "Start and end dates, plan type and length; who set them, when.",
     {&guard_cycle_not_started, &guard_cycle_length, &guard_plan_length}, NULL,
     {TELL_TEACHER, TELL_CT, TELL_COORDINATOR}},
    {"close_cycle", "Close the cycle", {CASE_ON_CASELOAD}, CASE_CYCLE_CLOSED, false,
     {WHO_CASE_CT, ROLE_COORDINATOR, WHO_END},
     "R17: the case's Consulting Teacher or the coordinator closes the cycle.", NEED_NOTES,
     "Who closed the cycle and when, with the parley meetings held; notes.",
     {&guard_enough_meetings}, NULL, {TELL_TEACHER, TELL_CT, TELL_ADMINISTRATOR}},
    {"withdraw", "Withdraw the case", ACTIVE_STATES, CASE_WITHDRAWN, false,
     {WHO_CASE_TEACHER, ROLE_COORDINATOR, WHO_END},
     "R8: only the teacher or the coordinator withdraws a case; an administrator cannot "
     "block an eligible teacher.",
     NEED_REASON, "The reason, who withdrew it, when.", {0}, NULL,
     {TELL_TEACHER, TELL_CT, TELL_ADMINISTRATOR, TELL_UNION_REP, TELL_COORDINATOR}},
};
const int case_transition_count = COUNT(case_transitions);

/* --- walking the table --- */

const struct transition_def *workflow_find(const char *key)
{
    for (int i = 0; key && i < case_transition_count; i++)
        if (strcmp(case_transitions[i].key, key) == 0)
            return &case_transitions[i];
    return NULL;
}

bool workflow_leaves(const struct transition_def *t, enum case_state s)
{
    for (int i = 0; i < WORKFLOW_MAX_FROM; i++) {
        if (i > 0 && t->from[i] == CASE_NONE)
            break;
        if (t->from[i] == s)
            return true;
    }
    return false;
}

bool workflow_may_fire(const struct transition_def *t, role_set roles, unsigned relations)
{
    for (int i = 0; i < WORKFLOW_MAX_WHO && t->who[i] != WHO_END; i++) {
        int who = t->who[i];
        if (POLICY_IS_CASE_REL(who) ? (relations & POLICY_REL(who)) != 0
                                    : who < ROLE_COUNT && role_set_has(roles, (enum role)who))
            return true;
    }
    return false;
}

const struct transition_def *workflow_resolve(const char *to, enum case_state from)
{
    const struct transition_def *t = workflow_find(to);
    if (t)
        return t;
    enum case_state target;
    if (!case_state_parse(to, &target))
        return NULL;
    const struct transition_def *found = NULL;
    for (int i = 0; i < case_transition_count; i++) {
        const struct transition_def *c = &case_transitions[i];
        if (!c->stays && c->to == target && workflow_leaves(c, from)) {
            if (found)
                return NULL;   /* ambiguous: the key must be named */
            found = c;
        }
    }
    return found;
}

const struct guard_def *workflow_check(const struct transition_def *t, const struct case_facts *f,
                                       char *detail, size_t n)
{
    for (int i = 0; i < WORKFLOW_MAX_GUARDS && t->guards[i]; i++) {
        if (n)
            detail[0] = '\0';
        if (!t->guards[i]->holds(f, detail, n))
            return t->guards[i];
    }
    return NULL;
}

enum case_state workflow_target(const struct transition_def *t, const struct case_facts *after)
{
    if (t->stays || (t->complete && !t->complete(after)))
        return after->state;
    return t->to;
}

void workflow_who_text(buf *b, const struct transition_def *t)
{
    for (int i = 0; i < WORKFLOW_MAX_WHO && t->who[i] != WHO_END; i++) {
        bool last = i + 1 == WORKFLOW_MAX_WHO || t->who[i + 1] == WHO_END;
        buf_printf(b, "%s%s", i == 0 ? "" : last ? " or " : ", ", policy_who_label(t->who[i]));
    }
}

/* --- the diagram --- */

static void dot_edge(buf *b, const struct transition_def *t, const char *from)
{
    buf_printf(b, "  %s -> %s [label=\"%s\\n(", from, t->stays ? from : case_state_key(t->to),
               t->label);
    workflow_who_text(b, t);
    buf_puts(b, ")");
    for (int g = 0; g < WORKFLOW_MAX_GUARDS && t->guards[g]; g++)
        buf_printf(b, "%s%s %s", g ? ", " : "\\nguards: ", t->guards[g]->rule, t->guards[g]->name);
    buf_puts(b, "\"];\n");
}

void workflow_dot(buf *b)
{
    buf_puts(b, "// Generated by `parley workflow` from src/domain/workflow.c.\n"
                "digraph case_workflow {\n  rankdir=TB;\n  node [shape=box, style=rounded];\n");
    for (int s = 0; s < CASE_STATE_COUNT; s++)
        buf_printf(b, "  %s [label=\"%s\"%s];\n", case_states[s].key,
                   s == CASE_NONE ? "Inquiry (contact form)" : case_states[s].label,
                   case_states[s].active || s == CASE_NONE ? "" : ", shape=doubleoctagon");
    for (int i = 0; i < case_transition_count; i++) {
        const struct transition_def *t = &case_transitions[i];
        /* Withdrawal leaves every state: one edge per state would bury the
         * diagram, so it is drawn once, from a note. */
        if (t->to == CASE_WITHDRAWN) {
            buf_printf(b, "  any_active [label=\"any active state\", shape=note];\n");
            dot_edge(b, t, "any_active");
            continue;
        }
        for (int k = 0; k < WORKFLOW_MAX_FROM && (k == 0 || t->from[k] != CASE_NONE); k++)
            dot_edge(b, t, case_state_key(t->from[k]));
    }
    buf_puts(b, "}\n");
}

static void markdown_row(buf *b, const struct transition_def *t)
{
    buf_printf(b, "| `%s` | ", t->key);
    for (int k = 0; k < WORKFLOW_MAX_FROM && (k == 0 || t->from[k] != CASE_NONE); k++)
        buf_printf(b, "%s%s", k ? ", " : "", case_state_label(t->from[k]));
    buf_printf(b, " | %s | ", t->stays ? "(stays)" : case_state_label(t->to));
    workflow_who_text(b, t);
    buf_puts(b, " | ");
    for (int g = 0; g < WORKFLOW_MAX_GUARDS && t->guards[g]; g++)
        buf_printf(b, "%s`%s` (%s)", g ? ", " : "", t->guards[g]->name, t->guards[g]->rule);
    buf_printf(b, " | %s |\n", t->records);
}

void workflow_markdown(buf *b)
{
    buf_puts(b, "# The case workflow\n\nGenerated by `parley workflow --format md` from the one "
                "table in `src/domain/workflow.c`; the help page /help/workflow is made from the "
                "same table. Do not edit by hand.\n\n## States\n\n| State | Meaning for the "
                "teacher |\n|---|---|\n");
    for (int s = 1; s < CASE_STATE_COUNT; s++)
        buf_printf(b, "| %s (`%s`) | %s |\n", case_states[s].label, case_states[s].key,
                   case_states[s].for_teacher);
    buf_puts(b, "\n## Transitions\n\n| Key | From | To | Who may fire it | Guards | Records |\n"
                "|---|---|---|---|---|---|\n");
    for (int i = 0; i < case_transition_count; i++)
        markdown_row(b, &case_transitions[i]);
    buf_puts(b, "\n## Guards' refusals\n\n");
    for (int i = 0; i < case_transition_count; i++)
        for (int g = 0; g < WORKFLOW_MAX_GUARDS && case_transitions[i].guards[g]; g++)
            buf_printf(b, "- `%s` (%s): %s\n", case_transitions[i].guards[g]->name,
                       case_transitions[i].guards[g]->rule, case_transitions[i].guards[g]->refusal);
    buf_puts(b, "\n## Diagram (Graphviz)\n\n```dot\n");
    workflow_dot(b);
    buf_puts(b, "```\n");
}

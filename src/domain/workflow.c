/* workflow.c: walking the process table (process.c): the case's states,
 * who may take a step, the guards, what may this person do now, what is
 * due for whom, where the case stands in words, and the diagram. Nothing
 * here decides a rule: the rules are the table's rows. */
#include "domain/workflow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct state_def case_states[CASE_STATE_COUNT] = {
    [CASE_NONE] = {"none", "No case yet", "", false},
    [CASE_INQUIRY_RECEIVED] = {"inquiry_received", "Request received",
                               "We have your request. The coordinator will arrange a first "
                               "meeting with a Consulting Teacher.", true},
    [CASE_MEETING_SCHEDULED] = {"meeting_scheduled", "Initial meeting scheduled",
                                "Your first meeting with a Consulting Teacher is arranged.", true},
    [CASE_MEETING_HELD] = {"meeting_held", "Initial meeting held",
                           "You have met your Consulting Teacher. Next you choose a track: PA, "
                           "PAR or a consultancy visit.", true},
    [CASE_TRACK_CHOSEN] = {"track_chosen", "Track chosen",
                           "Your track is chosen. For PAR you next review the PAR Agreement "
                           "with a union representative; PA and consultancy go straight to a "
                           "Consulting Teacher's caseload.", true},
    [CASE_REVIEW_SCHEDULED] = {"review_scheduled", "Agreement review scheduled",
                               "A union representative will review the PAR Agreement with you.",
                               true},
    [CASE_REVIEW_HELD] = {"review_held", "Agreement review held",
                          "You have reviewed the PAR Agreement with the union representative. "
                          "Next you and they each sign it.", true},
    [CASE_AGREEMENT_SIGNED] = {"agreement_signed", "Agreement signed",
                               "The PAR Agreement is signed by you and the union representative. "
                               "The coordinator now assigns your Consulting Teacher and you join "
                               "the caseload.", true},
    [CASE_ON_CASELOAD] = {"on_caseload", "On the caseload",
                          "You are on a Consulting Teacher's caseload: the work of the cycle.",
                          true},
    /* Not active: the case leaves its CT's caseload (which counts only
     * cases on it) and no longer counts for R7; its records stay. */
    [CASE_CYCLE_CLOSED] = {"cycle_closed", "Cycle closed",
                           "Your cycle is closed. Its records are kept and you still see all of "
                           "them.", false},
    [CASE_WITHDRAWN] = {"withdrawn", "Withdrawn",
                        "This case was withdrawn. You can ask again at any time with the "
                        "contact form.", false},
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


/* --- walking the table --- */

const struct step_def *workflow_find(const char *key)
{
    for (int i = 0; key && i < case_step_count; i++)
        if (strcmp(case_steps[i].key, key) == 0)
            return &case_steps[i];
    return NULL;
}

bool workflow_leaves(const struct step_def *t, enum case_state s)
{
    for (int i = 0; i < WORKFLOW_MAX_FROM; i++) {
        if (i > 0 && t->from[i] == CASE_NONE)
            break;
        if (t->from[i] == s)
            return true;
    }
    return false;
}

bool workflow_moves_case(const struct step_def *t)
{
    return t->kind == KIND_CASE;
}

bool workflow_who_may(const int *who, role_set roles, unsigned relations)
{
    for (int i = 0; i < WORKFLOW_MAX_WHO && who[i] != WHO_END; i++) {
        int w = who[i];
        if (POLICY_IS_CASE_REL(w) ? (relations & POLICY_REL(w)) != 0
                                  : w < ROLE_COUNT && role_set_has(roles, (enum role)w))
            return true;
    }
    return false;
}

bool workflow_may_fire(const struct step_def *t, role_set roles, unsigned relations)
{
    return workflow_who_may(t->who, roles, relations);
}

const struct step_def *workflow_resolve(const char *to, enum case_state from)
{
    const struct step_def *t = workflow_find(to);
    if (t)
        return workflow_moves_case(t) ? t : NULL;
    enum case_state target;
    if (!case_state_parse(to, &target))
        return NULL;
    const struct step_def *found = NULL;
    for (int i = 0; i < case_step_count; i++) {
        const struct step_def *c = &case_steps[i];
        if (workflow_moves_case(c) && !c->stays && c->to == target && workflow_leaves(c, from)) {
            if (found)
                return NULL;   /* ambiguous: the key must be named */
            found = c;
        }
    }
    return found;
}

const struct guard_def *guards_check(const struct guard_def *const *guards, int max,
                                     const void *facts, bool offering, char *detail, size_t n)
{
    for (int i = 0; i < max && guards[i]; i++) {
        const struct guard_def *g = guards[i];
        if (offering && g->field)
            continue;
        if (n)
            detail[0] = '\0';
        if (!g->holds(facts, detail, n))
            return g;
    }
    return NULL;
}

const struct guard_def *workflow_check(const struct step_def *t, const struct case_facts *f,
                                       bool offering, char *detail, size_t n)
{
    return guards_check(t->guards, WORKFLOW_MAX_GUARDS, f, offering, detail, n);
}

enum case_state workflow_target(const struct step_def *t, const struct case_facts *after)
{
    if (t->stays || (t->complete && !t->complete(after)))
        return after->state;
    return t->to;
}

void workflow_who_text(buf *b, const int *who)
{
    for (int i = 0; i < WORKFLOW_MAX_WHO && who[i] != WHO_END; i++) {
        bool last = i + 1 == WORKFLOW_MAX_WHO || who[i + 1] == WHO_END;
        buf_printf(b, "%s%s", i == 0 ? "" : last ? " or " : ", ", policy_who_label(who[i]));
    }
}

/* --- what may this person do now --- */

bool step_applies(bool in_state, const int *who, const struct guard_def *const *guards, int max,
                  const void *facts, role_set roles, unsigned relations,
                  const struct guard_def **blocked, char *detail, size_t n)
{
    *blocked = NULL;
    if (!in_state || !workflow_who_may(who, roles, relations))
        return false;
    *blocked = guards_check(guards, max, facts, true, detail, n);
    return !*blocked || !(*blocked)->hides;
}

bool workflow_offer(const struct step_def *t, const struct case_facts *f, role_set roles,
                    unsigned relations, struct step_offer *out)
{
    memset(out, 0, sizeof *out);
    out->step = t;
    return step_applies(workflow_leaves(t, f->state), t->who, t->guards, WORKFLOW_MAX_GUARDS, f,
                        roles, relations, &out->blocked, out->detail, sizeof out->detail);
}

int workflow_offers(const struct case_facts *f, role_set roles, unsigned relations,
                    struct step_offer *out, int max)
{
    int n = 0;
    for (int i = 0; i < case_step_count && n < max; i++)
        if (case_steps[i].from[0] != CASE_NONE &&
            workflow_offer(&case_steps[i], f, roles, relations, &out[n]))
            n++;
    return n;
}

/* --- what is due, for whom --- */

int due_compare(const struct due *a, const struct due *b)
{
    if (a->overdue != b->overdue)
        return a->overdue ? -1 : 1;
    return strcmp(a->on, b->on);
}

static int by_due(const void *a, const void *b)
{
    return due_compare(a, b);
}

int workflow_due(const struct case_facts *f, struct due *out, int max)
{
    int n = 0;
    for (int i = 0; i < case_step_count && n < max; i++) {
        const struct step_def *t = &case_steps[i];
        if (t->due && workflow_leaves(t, f->state))
            n += t->due(f, t, out + n, max - n);
    }
    for (int i = 0; i < n; i++)   /* "YYYY-MM-DD" sorts as dates do */
        out[i].overdue = !out[i].waiting && !out[i].optional && *out[i].on &&
                         strcmp(f->today, out[i].on) > 0;
    qsort(out, (size_t)n, sizeof *out, by_due);
    return n;
}

int workflow_tasks(const struct case_facts *f, role_set roles, unsigned relations,
                   struct task *out, int max)
{
    struct due due[64];
    int nd = workflow_due(f, due, 64), n = 0;
    for (int i = 0; i < nd && n < max; i++) {
        struct step_offer o;
        if (!workflow_who_may(due[i].who, roles, relations) ||
            !workflow_offer(due[i].step, f, roles, relations, &o))
            continue;
        out[n].due = due[i];
        out[n].blocked = o.blocked;
        memcpy(out[n].detail, o.detail, sizeof out[n].detail);
        n++;
    }
    return n;
}

/* --- where the case stands, in words --- */

static void say(buf *b, bool for_teacher, const char *to_teacher, const char *to_others)
{
    buf_puts(b, for_teacher ? to_teacher : to_others);
}

static void status_cycle(const struct case_facts *f, bool t, buf *b)
{
    say(b, t, "You are on a Consulting Teacher's caseload: the work of the cycle.",
        "On the caseload: the work of the cycle.");
    if (f->current_cycle_start && *f->current_cycle_start)
        buf_printf(b, " %s from %s to %s.", t ? "Your cycle runs" : "The cycle runs",
                   f->current_cycle_start, f->current_cycle_end);
    else if (f->track == TRACK_PAR)
        say(b, t, " Your administrator sets the cycle's timeline before it starts.",
            " The administrator has not set the cycle's timeline yet.");
}

static void status_panel(const struct case_facts *f, bool t, buf *b)
{
    if (f->rec != REC_SUBMITTED) {
        say(b, t, " Your Consulting Teacher sends their recommendation to the Panel next.",
            " The Consulting Teacher sends their recommendation to the Panel next.");
    } else if (f->decided && f->approval == APPROVAL_APPROVED) {
        buf_printf(b, " The Superintendent approved the Panel's rating on %s: it is final.",
                   f->decided_on);
        if (!f->outcome_recorded)
            buf_puts(b, " The coordinator records the cycle's outcome next.");
    } else if (f->decided) {
        buf_printf(b, " The Panel decided on %s. Its rating waits for the Superintendent's "
                      "approval and is not final until then.", f->decided_on);
    } else if (rec_preview_open(f->preview_until, f->today)) {
        buf_printf(b, " The recommendation went to the Panel on %s. Until %s %s may send the "
                      "Panel written evidence or ask to appear in person.",
                   f->rec_sent_on, f->preview_until,
                   t ? "you and your administrator" : "the teacher and the administrator");
    } else if (f->on_open_docket) {
        buf_printf(b, " The Panel takes the case at its session of %s.", f->session_on);
    } else {
        if (f->approval == APPROVAL_RETURNED)
            buf_puts(b, " The Superintendent returned the Panel's decision to it.");
        buf_printf(b, " The preview window ended on %s; the coordinator puts the case on a "
                      "Panel session next.", f->preview_until);
    }
}

void workflow_status(const struct case_facts *f, bool t, buf *b)
{
    if (f->state == CASE_ON_CASELOAD) {
        status_cycle(f, t, b);
        return;
    }
    if (f->state != CASE_CYCLE_CLOSED) {
        buf_puts(b, t ? case_states[f->state].for_teacher
                      : case_state_label(f->state));
        if (!t)
            buf_puts(b, ".");
        return;
    }
    say(b, t, "Your cycle is closed; its records are kept and you still see all of them.",
        "The cycle is closed.");
    if (f->track == TRACK_PAR)
        status_panel(f, t, b);
    else if (!f->outcome_recorded)
        buf_puts(b, " The coordinator records the cycle's outcome next.");
    if (f->outcome_recorded)
        say(b, t, " Its outcome is recorded.", " Its outcome is recorded.");
    if (t && f->me.survey_waiting)
        buf_puts(b, " An end-of-cycle survey waits for your answer: it is kept apart from "
                    "your name.");
}

/* --- the diagram --- */

static void dot_edge(buf *b, const struct step_def *t, const char *from)
{
    buf_printf(b, "  %s -> %s [label=\"%s\\n(", from, t->stays ? from : case_state_key(t->to),
               t->label);
    workflow_who_text(b, t->who);
    buf_puts(b, ")");
    for (int g = 0; g < WORKFLOW_MAX_GUARDS && t->guards[g]; g++)
        buf_printf(b, "%s%s %s", g ? ", " : "\\nguards: ", t->guards[g]->rule, t->guards[g]->name);
    buf_puts(b, "\"];\n");
}

void workflow_dot(buf *b)
{
    buf_puts(b, "// Generated by `parley workflow` from src/domain/process.c.\n"
                "digraph case_workflow {\n  rankdir=TB;\n  node [shape=box, style=rounded];\n");
    for (int s = 0; s < CASE_STATE_COUNT; s++)
        buf_printf(b, "  %s [label=\"%s\"%s];\n", case_states[s].key,
                   s == CASE_NONE ? "Inquiry (contact form)" : case_states[s].label,
                   case_states[s].active || s == CASE_NONE ? "" : ", shape=doubleoctagon");
    for (int i = 0; i < case_step_count; i++) {
        const struct step_def *t = &case_steps[i];
        /* Withdrawal leaves every state: one edge per state would bury the
         * diagram, so it is drawn once, from a note. A part's steps are
         * listed in the table, not drawn. */
        if (t->to == CASE_WITHDRAWN) {
            buf_printf(b, "  any_active [label=\"any active state\", shape=note];\n");
            dot_edge(b, t, "any_active");
            continue;
        }
        if (!workflow_moves_case(t))
            continue;
        for (int k = 0; k < WORKFLOW_MAX_FROM && (k == 0 || t->from[k] != CASE_NONE); k++)
            dot_edge(b, t, case_state_key(t->from[k]));
    }
    buf_puts(b, "}\n");
}

void workflow_guards_text(buf *b, const struct guard_def *const *guards, int max)
{
    for (int g = 0; g < max && guards[g]; g++)
        buf_printf(b, "%s`%s` (%s)", g ? ", " : "", guards[g]->name, guards[g]->rule);
}

static void markdown_row(buf *b, const struct step_def *t)
{
    buf_printf(b, "| `%s` | ", t->key);
    for (int k = 0; k < WORKFLOW_MAX_FROM && (k == 0 || t->from[k] != CASE_NONE); k++)
        buf_printf(b, "%s%s", k ? ", " : "", case_state_label(t->from[k]));
    buf_printf(b, " | %s | ", t->stays ? "(stays)" : case_state_label(t->to));
    workflow_who_text(b, t->who);
    buf_puts(b, " | ");
    workflow_guards_text(b, t->guards, WORKFLOW_MAX_GUARDS);
    buf_printf(b, " | %s | %s |\n", t->rule, t->records);
}

void workflow_markdown(buf *b)
{
    buf_puts(b, "# The case's process\n\nGenerated by `parley workflow --format md` from the one "
                "table in `src/domain/process.c`; the help page /help/workflow is made from the "
                "same table. Do not edit by hand.\n\n## States\n\n| State | Meaning for the "
                "teacher |\n|---|---|\n");
    for (int s = 1; s < CASE_STATE_COUNT; s++)
        buf_printf(b, "| %s (`%s`) | %s |\n", case_states[s].label, case_states[s].key,
                   case_states[s].for_teacher);
    buf_puts(b, "\n## Steps\n\n| Key | Taken in | Reaches | Who takes it | Guards | Rule | "
                "Records |\n|---|---|---|---|---|---|---|\n");
    for (int i = 0; i < case_step_count; i++)
        markdown_row(b, &case_steps[i]);
    buf_puts(b, "\n## Guards' refusals\n\n");
    for (int i = 0; i < case_step_count; i++)
        for (int g = 0; g < WORKFLOW_MAX_GUARDS && case_steps[i].guards[g]; g++)
            buf_printf(b, "- `%s` (%s): %s\n", case_steps[i].guards[g]->name,
                       case_steps[i].guards[g]->rule, case_steps[i].guards[g]->refusal);
    buf_puts(b, "\n## Diagram (Graphviz)\n\n```dot\n");
    workflow_dot(b);
    buf_puts(b, "```\n");
}

/* pss_process.c: a peer support case's process as data (R31-R36). Reading
 * order: the guards (each a small pure function with its rule and its
 * refusal in plain words, over the whole case), the due rules (what each
 * step makes due, for whom), the one table of steps, then its walking:
 * what the shared walking of workflow.c does not already do. */
#include "domain/pss_process.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define COUNT(a) ((int)(sizeof(a) / sizeof *(a)))
#define GUARD(fn) WORKFLOW_GUARD(struct pss_facts, fn)
#define NO_DETAIL ((void)detail, (void)n)

/* Who each of the three is, in the policy table's codes (R34). */
static const int party_who[PSS_PARTY_COUNT] = {WHO_PSS_MEMBER, WHO_PSS_PRESIDENT,
                                               WHO_PSS_CONSULTANT};

/* The release the step is about, or NULL. */
static const struct pss_release_facts *the_release(const struct pss_facts *f)
{
    return f->release >= 0 && f->release < f->nreleases ? &f->releases[f->release] : NULL;
}

/* --- guards --- */

/* R34: each of the three consents for themselves, so they are three people. */
GUARD(consultant_not_a_party)
{
    NO_DETAIL;
    return !f->consultant_chosen ||
           (f->consultant_chosen != f->member_id && f->consultant_chosen != f->president_id);
}
static const struct guard_def guard_consultant_not_a_party = {
    "consultant_not_a_party", "R34", "consultant_id", false,
    "The consultant is someone other than the member and the local president: each of the "
    "three consents to a release for themselves.",
    consultant_not_a_party};

/* R33: the district's agreement is recorded once. */
GUARD(agreement_not_recorded)
{
    NO_DETAIL;
    return !f->agreement_recorded;
}
static const struct guard_def guard_agreement_not_recorded = {
    "agreement_not_recorded", "R33", NULL, true,
    "The district's agreement is already recorded: it is recorded once.",
    agreement_not_recorded};

/* R33: no work before the district's agreement. */
GUARD(agreement_recorded)
{
    NO_DETAIL;
    return f->agreement_recorded;
}
static const struct guard_def guard_agreement_recorded = {
    "agreement_recorded", "R33", NULL, false,
    "Work starts only once the district's agreement not to use anything from the service in "
    "evaluation or discipline is recorded. The service coordinator records it.",
    agreement_recorded};

/* R35: under a grievance or regulatory hold nothing from the consultant is
 * requested or offered. */
GUARD(no_hold)
{
    NO_DETAIL;
    return f->hold == PSS_HOLD_NONE;
}
static const struct guard_def guard_no_hold = {
    "no_hold", "R35", NULL, false,
    "A grievance or regulatory hold stands on this case: nothing from the consultant is "
    "requested or offered while it does. No release is proposed, consented to or made until "
    "the service coordinator clears the hold.",
    no_hold};

GUARD(hold_stands)
{
    NO_DETAIL;
    return f->hold != PSS_HOLD_NONE;
}
static const struct guard_def guard_hold_stands = {
    "hold_stands", "R35", NULL, true, "No hold stands on this case.", hold_stands};

GUARD(has_report)
{
    NO_DETAIL;
    return f->reports > 0;
}
static const struct guard_def guard_has_report = {
    "has_report", "R34", NULL, true, "There is no report to release yet.", has_report};

/* R34: consent is given in advance, and a release is made once. */
GUARD(release_not_made)
{
    NO_DETAIL;
    const struct pss_release_facts *x = the_release(f);
    return x && x->status == PSS_RELEASE_PROPOSED;
}
static const struct guard_def guard_release_not_made = {
    "release_not_made", "R34", NULL, true,
    "This release is already made: consent is given before a release, and a release is made "
    "once.",
    release_not_made};

GUARD(not_consented_yet)
{
    NO_DETAIL;
    const struct pss_release_facts *x = the_release(f);
    return x && f->me < PSS_PARTY_COUNT && !x->consents.at[f->me];
}
static const struct guard_def guard_not_consented_yet = {
    "not_consented_yet", "R34", NULL, true, "Your consent to this release is already recorded.",
    not_consented_yet};

/* R34: the three consents, each recorded before the release. */
GUARD(all_consented_first)
{
    const struct pss_release_facts *x = the_release(f);
    int missing = 0;
    size_t used = 0;
    for (int p = 0; x && p < PSS_PARTY_COUNT; p++) {
        if (x->consents.at[p] && x->consents.at[p] <= f->now)
            continue;
        const char *who = pss_party_label((enum pss_party)p);   /* "The member" */
        if (used < n)
            used += (size_t)snprintf(detail + used, n - used, "%s%c%s",
                                     missing ? ", " : " Waiting for the consent of ",
                                     tolower((unsigned char)who[0]), who + 1);
        missing++;
    }
    if (x && !missing)
        return true;
    if (missing && used < n)
        snprintf(detail + used, n - used, ".");
    return false;
}
static const struct guard_def guard_all_consented = {
    "all_consented_first", "R34", NULL, false,
    "A report is released only with the consent of the member, the local president and the "
    "consultant, each recorded before the release.",
    all_consented_first};

/* --- due rules: what each step makes due, for whom --- */

static struct pss_due *due_add(struct pss_due *out, int *n, int max, const struct pss_step *s,
                               const char *since, int release)
{
    if (*n == max)
        return NULL;
    struct pss_due *d = &out[(*n)++];
    memset(d, 0, sizeof *d);
    d->step = s;
    memcpy(d->who, s->who, sizeof d->who);
    snprintf(d->since, sizeof d->since, "%s", since ? since : "");
    d->release = release;
    return d;
}

#define DUE(fn) static int fn(const struct pss_facts *f, const struct pss_step *s, \
                              struct pss_due *out, int max)

/* The step waits for its people since `since` while it is pending. */
static int waits(bool pending, const char *since, const struct pss_step *s, struct pss_due *out,
                 int max)
{
    int n = 0;
    if (pending)
        due_add(out, &n, max, s, since, -1);
    return n;
}

/* After a request, the coordinator assigns a consultant (R31)... */
DUE(due_assign)
{
    return waits(!f->consultant_id, f->asked_on, s, out, max);
}

/* ...decides who pays when the reason does not say (R32)... */
DUE(due_cost)
{
    return waits(f->cost == PSS_COST_UNDECIDED, f->asked_on, s, out, max);
}

/* ...and records the district's agreement, without which nothing starts (R33). */
DUE(due_agreement)
{
    return waits(!f->agreement_recorded, f->asked_on, s, out, max);
}

/* Once agreed, the consultant starts the work. */
DUE(due_start_work)
{
    bool waiting = f->status == PSS_AGREED && f->consultant_id && f->agreement_recorded;
    return waits(waiting, f->agreed_on, s, out, max);
}

/* R34: each proposed release waits for the consent of each of the three
 * who has not given it; R35: under a hold nothing is asked for. */
DUE(due_consents)
{
    int n = 0;
    for (int i = 0; f->hold == PSS_HOLD_NONE && i < f->nreleases; i++) {
        const struct pss_release_facts *x = &f->releases[i];
        for (int p = 0; x->status == PSS_RELEASE_PROPOSED && p < PSS_PARTY_COUNT; p++) {
            struct pss_due *d = x->consents.at[p] ? NULL
                                                  : due_add(out, &n, max, s, x->proposed_on, i);
            if (d) {
                d->who[0] = party_who[p];
                d->who[1] = WHO_END;
            }
        }
    }
    return n;
}

/* R34: once all three consented, the consultant releases it (R35: no hold). */
DUE(due_release)
{
    int n = 0;
    for (int i = 0; f->hold == PSS_HOLD_NONE && i < f->nreleases; i++) {
        const struct pss_release_facts *x = &f->releases[i];
        bool all = x->status == PSS_RELEASE_PROPOSED;
        for (int p = 0; p < PSS_PARTY_COUNT; p++)
            all = all && x->consents.at[p];
        if (all)
            due_add(out, &n, max, s, x->consented_on, i);
    }
    return n;
}

/* R35: a hold makes nothing due but its clearing, when its case is over. */
DUE(due_clear_hold)
{
    return waits(f->hold != PSS_HOLD_NONE, f->held_on, s, out, max);
}

/* --- the table --- */

#define OPEN (PSS_IN(PSS_REQUESTED) | PSS_IN(PSS_AGREED) | PSS_IN(PSS_ACTIVE))
#define COORDINATOR {ROLE_PSS_COORDINATOR, WHO_END}
#define CONSULTANT {WHO_PSS_CONSULTANT, WHO_END}
#define CASE_EDIT KIND_PSS_CASE, ACT_EDIT
/* A step that records without moving the case, on the case or on one release. */
#define STAYS PSS_REQUESTED, true, false
#define ON_A_RELEASE PSS_REQUESTED, true, true

const struct pss_step pss_steps[] = {
    {"request", "Ask for peer support", PSS_BEFORE_CASE, PSS_REQUESTED, false, false,
     {ROLE_MEMBER, ROLE_LOCAL_PRESIDENT, ROLE_PSS_COORDINATOR, WHO_END}, KIND_PSS_CASE,
     ACT_CREATE,
     "Who asks (the member, or their local president for them), the reason, the district; "
     "who pays, as the reason implies.",
     "R31", {0}, NULL, "ask", NULL},
    /* --- the service coordinator's steps --- */
    {"assign_consultant", "Assign the consultant", OPEN, STAYS, COORDINATOR, CASE_EDIT,
     "The consultant.", "R31", {&guard_consultant_not_a_party}, due_assign, "steps", NULL},
    {"decide_cost", "Decide who pays", OPEN, STAYS, COORDINATOR, CASE_EDIT,
     "The district, the federation, or the share each pays as negotiated.", "R32", {0},
     due_cost, "steps", NULL},
    {"record_leave", "Record the leave of absence", OPEN, STAYS, COORDINATOR, CASE_EDIT,
     "Whether the member needs a leave of absence, and its dates.", "R36", {0}, NULL, "steps",
     NULL},
    {"record_agreement", "Record the district's agreement", OPEN, PSS_AGREED, false, false,
     COORDINATOR, CASE_EDIT,
     "Who agreed for the district not to use anything from the service in evaluation or "
     "discipline, and when.",
     "R33", {&guard_agreement_not_recorded}, due_agreement, "steps", NULL},
    {"set_hold", "Set a grievance or regulatory hold", OPEN, STAYS, COORDINATOR, CASE_EDIT,
     "The hold, what it is about, since when.", "R35", {0}, NULL, "steps", NULL},
    {"clear_hold", "Clear the hold", OPEN, STAYS, COORDINATOR, CASE_EDIT,
     "That the hold is cleared, and when.", "R35", {&guard_hold_stands}, due_clear_hold,
     "steps",
     "The hold ends: the consultant's work may be requested and offered again, and the "
     "releases waiting ask for their consents again. The member, the local president and "
     "the consultant are told."},
    {"close", "Close the case", OPEN, PSS_CLOSED, false, false, COORDINATOR, CASE_EDIT,
     "Who closed it, and when; its records are kept as they are.", "R31-R36", {0}, NULL,
     "steps",
     "The case closes for good: its records are kept as they are and nothing more is "
     "recorded on it. The member, the local president and the consultant are told."},
    /* --- the consultant's work (R33, R34) --- */
    {"log_work", "Log the work", OPEN, PSS_ACTIVE, false, false, CONSULTANT, KIND_PSS_REPORT,
     ACT_CREATE, "A visit, a meeting, a call or planning: the day and what was done.", "R33",
     {&guard_agreement_recorded}, due_start_work, "work", NULL},
    {"write_report", "Write a report", OPEN, PSS_ACTIVE, false, false, CONSULTANT,
     KIND_PSS_REPORT, ACT_CREATE, "The report; it goes to nobody without a release.", "R34",
     {&guard_agreement_recorded}, NULL, "work", NULL},
    {"propose_release", "Propose a release of a report", OPEN, STAYS, CONSULTANT,
     KIND_PSS_REPORT, ACT_CREATE, "The report, to whom it would go, and what for.", "R34",
     {&guard_has_report, &guard_agreement_recorded, &guard_no_hold}, NULL, "work", NULL},
    /* --- a release (R34, R35) --- */
    {"consent", "Consent to the release", OPEN, ON_A_RELEASE,
     {WHO_PSS_MEMBER, WHO_PSS_PRESIDENT, WHO_PSS_CONSULTANT, WHO_END}, KIND_PSS_REPORT,
     ACT_APPROVE, "Who consented, and when: each before the release.", "R34",
     {&guard_release_not_made, &guard_not_consented_yet, &guard_agreement_recorded,
      &guard_no_hold},
     due_consents, "releases", NULL},
    {"release", "Release the report", OPEN, ON_A_RELEASE, CONSULTANT, KIND_PSS_REPORT, ACT_EDIT,
     "That the report went to its recipient, and when.", "R34",
     {&guard_release_not_made, &guard_agreement_recorded, &guard_no_hold, &guard_all_consented},
     due_release, "releases",
     "The report goes to its recipient, and a release cannot be taken back. The member "
     "and the local president are told."},
};
const int pss_step_count = COUNT(pss_steps);

/* --- walking it --- */

const struct pss_step *pss_step_find(const char *key)
{
    for (int i = 0; key && i < pss_step_count; i++)
        if (strcmp(pss_steps[i].key, key) == 0)
            return &pss_steps[i];
    return NULL;
}

bool pss_step_taken_in(const struct pss_step *t, enum pss_status s)
{
    return (t->from & PSS_IN(s)) != 0;
}

enum pss_status pss_step_target(const struct pss_step *t, enum pss_status s)
{
    return t->stays ? s : t->to;
}

enum pss_party pss_party_of(unsigned relations)
{
    for (int p = 0; p < PSS_PARTY_COUNT; p++)
        if (relations & POLICY_REL(party_who[p]))
            return (enum pss_party)p;
    return PSS_PARTY_COUNT;
}

const char *pss_status_refusal(enum pss_status s)
{
    if (s == PSS_CLOSED)
        return "This case is closed: it is kept as it was, and nothing more is recorded on it.";
    return "This step is not taken at this point of the case.";
}

const struct guard_def *pss_check(const struct pss_step *t, const struct pss_facts *f,
                                  unsigned relations, int release, bool offering, char *detail,
                                  size_t n)
{
    struct pss_facts asked = *f;
    asked.release = t->per_release ? release : -1;
    asked.me = pss_party_of(relations);
    return guards_check(t->guards, WORKFLOW_MAX_GUARDS, &asked, offering, detail, n);
}

bool pss_offer(const struct pss_step *t, const struct pss_facts *f, role_set roles,
               unsigned relations, int release, struct pss_offer *out)
{
    memset(out, 0, sizeof *out);
    out->step = t;
    out->release = t->per_release ? release : -1;
    struct pss_facts asked = *f;
    asked.release = out->release;
    asked.me = pss_party_of(relations);
    return step_applies(pss_step_taken_in(t, f->status), t->who, t->guards, WORKFLOW_MAX_GUARDS,
                        &asked, roles, relations, &out->blocked, out->detail, sizeof out->detail);
}

int pss_due(const struct pss_facts *f, struct pss_due *out, int max)
{
    int n = 0;
    for (int i = 0; i < pss_step_count && n < max; i++)
        if (pss_steps[i].due && pss_step_taken_in(&pss_steps[i], f->status))
            n += pss_steps[i].due(f, &pss_steps[i], out + n, max - n);
    return n;
}

int pss_tasks(const struct pss_facts *f, role_set roles, unsigned relations,
              struct pss_task *out, int max)
{
    struct pss_due due[64];
    int nd = pss_due(f, due, 64), n = 0;
    for (int i = 0; i < nd && n < max; i++) {
        struct pss_task *t = &out[n];
        t->due = due[i];
        n += workflow_who_may(t->due.who, roles, relations) &&
             pss_offer(t->due.step, f, roles, relations, t->due.release, &t->offer);
    }
    return n;
}

/* --- the table in words --- */

int pss_guards(const struct guard_def **out, int max)
{
    int n = 0;
    for (int i = 0; i < pss_step_count; i++)
        for (int g = 0; g < WORKFLOW_MAX_GUARDS && pss_steps[i].guards[g]; g++) {
            bool seen = false;
            for (int j = 0; j < n; j++)
                seen |= out[j] == pss_steps[i].guards[g];
            if (!seen && n < max)
                out[n++] = pss_steps[i].guards[g];
        }
    return n;
}

static void statuses_text(buf *b, unsigned from)
{
    int k = 0;
    if (from & PSS_BEFORE_CASE)
        buf_printf(b, "%s(no case yet)", k++ ? ", " : "");
    for (int s = 0; s < PSS_STATUS_COUNT; s++)
        if (from & PSS_IN(s))
            buf_printf(b, "%s`%s`", k++ ? ", " : "", pss_status_key((enum pss_status)s));
}

void pss_process_markdown(buf *b)
{
    buf_puts(b, "\n# A peer support case's process\n\nThe confidential Peer Support Service "
                "(R31-R36) has its own table, in `src/domain/pss_process.c`.\n\n## Statuses\n\n"
                "| Status | Meaning |\n|---|---|\n");
    for (int s = 0; s < PSS_STATUS_COUNT; s++)
        buf_printf(b, "| `%s` | %s |\n", pss_status_key((enum pss_status)s),
                   pss_status_label((enum pss_status)s));
    buf_puts(b, "\n## Steps\n\n| Key | Taken in | Reaches | Who takes it | Guards | Rule | "
                "Records |\n|---|---|---|---|---|---|---|\n");
    for (int i = 0; i < pss_step_count; i++) {
        const struct pss_step *t = &pss_steps[i];
        buf_printf(b, "| `%s`%s | ", t->key, t->per_release ? " (each release)" : "");
        statuses_text(b, t->from);
        if (t->stays)
            buf_puts(b, " | (stays) | ");
        else
            buf_printf(b, " | `%s` | ", pss_status_key(t->to));
        workflow_who_text(b, t->who);
        buf_puts(b, " | ");
        workflow_guards_text(b, t->guards, WORKFLOW_MAX_GUARDS);
        buf_printf(b, " | %s | %s |\n", t->rule, t->records);
    }
    buf_puts(b, "\n## Guards' refusals\n\n");
    const struct guard_def *gs[32];
    int ng = pss_guards(gs, 32);
    for (int i = 0; i < ng; i++)
        buf_printf(b, "- `%s` (%s): %s\n", gs[i]->name, gs[i]->rule, gs[i]->refusal);
}

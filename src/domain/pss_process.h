/* pss_process.h: a peer support case's process as ONE table of steps
 * (R31-R36), the sibling of the PA/PAR case's (workflow.h). Each step names
 * the statuses it is taken in and the one it reaches, who takes it (the
 * policy table's codes: a federation role or a relationship to the case),
 * the policy row it goes through, its guards over the WHOLE case (struct
 * pss_facts) with each refusal in plain words, and what it makes due for
 * whom. The use cases (app/pss.c, app/pss_work.c), the pages' buttons, each
 * person's tasks, /help/workflow and docs/workflow.md all read it
 * (pss_process.c is the table and its walking; the walking shared with the
 * case's table is workflow.c's). Pure: no I/O, no allocation. */
#ifndef PARLEY_PSS_PROCESS_H
#define PARLEY_PSS_PROCESS_H
#include <stdbool.h>
#include <stdint.h>

#include "base/buf.h"
#include "domain/pss.h"
#include "domain/workflow.h"

/* The statuses a step is taken in, as bits; PSS_BEFORE_CASE: a request,
 * before the case exists. */
#define PSS_IN(status) (1u << (status))
#define PSS_BEFORE_CASE (1u << PSS_STATUS_COUNT)

/* One release of a report, as its steps see it (R34, R35). */
struct pss_release_facts {
    int64_t id;
    enum pss_release_status status;
    struct pss_consents consents;    /* when each of the three consented, 0: not yet */
    date_text proposed_on;           /* the day it was proposed */
    date_text consented_on;          /* the day of the last consent so far, "" */
    const char *title, *recipient;   /* its words, for the tasks */
};

/* The whole case as the guards and the due rules see it. The use case
 * (app/pss_process.c) fills it from the database; a step being asked for
 * adds its input (the consultant chosen). */
struct pss_facts {
    enum pss_status status;
    enum pss_hold hold;
    enum pss_cost cost;
    int64_t now;                     /* R34: every consent is recorded before it */
    date_text asked_on, agreed_on, held_on;   /* the request's, the agreement's, the hold's */
    int64_t member_id, president_id, consultant_id;   /* 0: none */
    bool agreement_recorded;         /* R33: when, and who signed for the district */
    int reports;
    const struct pss_release_facts *releases;   /* oldest first */
    int nreleases;
    int64_t consultant_chosen;       /* assign_consultant's input; 0: none asked */
    /* Set by the walking, not by the app: the release a step is about (an
     * index into releases, -1 for none) and the asker's own party. */
    int release;
    enum pss_party me;               /* PSS_PARTY_COUNT: none of the three */
};

struct pss_step;
/* What a step makes due: one item, from some of the step's people, waiting
 * for them since a day (the service has no deadlines of its own). */
struct pss_due {
    const struct pss_step *step;
    int who[WORKFLOW_MAX_WHO];       /* WHO_END ends */
    date_text since;
    int release;                     /* the release it is about, -1 */
};
typedef int (*pss_due_rule)(const struct pss_facts *f, const struct pss_step *s,
                            struct pss_due *out, int max);

struct pss_step {
    const char *key, *label;         /* "consent", "Consent to the release" */
    unsigned from;                   /* PSS_IN bits, PSS_BEFORE_CASE */
    enum pss_status to;
    bool stays;                      /* records without moving the case */
    bool per_release;                /* taken on one release: facts.release */
    int who[WORKFLOW_MAX_WHO];       /* roles or WHO_PSS_* relationships; WHO_END ends */
    enum record_kind kind;           /* the policy table's row it goes through */
    enum action act;
    const char *records;             /* what it records, in plain words */
    const char *rule;                /* the rule it serves */
    const struct guard_def *guards[WORKFLOW_MAX_GUARDS];
    pss_due_rule due;                /* what it makes due now; NULL: never a task */
    const char *anchor;              /* where on the case's page it is taken */
    /* A weighty or final step asks the person to confirm first (issue 18):
     * what will happen and who will be told, in plain words; NULL: taken at once. */
    const char *confirm;
};
extern const struct pss_step pss_steps[];
extern const int pss_step_count;

const struct pss_step *pss_step_find(const char *key);
bool pss_step_taken_in(const struct pss_step *t, enum pss_status s);
/* The status after the step (from s). */
enum pss_status pss_step_target(const struct pss_step *t, enum pss_status s);
/* Which of the three the asker is (R34), from their relations to the case
 * (POLICY_REL bits); PSS_PARTY_COUNT for none. */
enum pss_party pss_party_of(unsigned relations);
/* Why a step is not taken in status s, in plain words. */
const char *pss_status_refusal(enum pss_status s);

/* The first guard that stops the step on this case now for the asker
 * (relations: theirs; release: the index it is about, or -1), or NULL.
 * detail: specifics. offering: the guards about an input wait. */
const struct guard_def *pss_check(const struct pss_step *t, const struct pss_facts *f,
                                  unsigned relations, int release, bool offering, char *detail,
                                  size_t n);

/* What may this person do now: a step applies when it is taken in the
 * case's status, is theirs, and no hiding guard fails; blocked then says
 * why it cannot be taken yet (NULL: they may). */
struct pss_offer {
    const struct pss_step *step;
    int release;
    const struct guard_def *blocked;
    char detail[200];
};
bool pss_offer(const struct pss_step *t, const struct pss_facts *f, role_set roles,
               unsigned relations, int release, struct pss_offer *out);

/* What is due on the case now, for whom, in the table's order. */
int pss_due(const struct pss_facts *f, struct pss_due *out, int max);
/* Of those, the asker's own: due from them, and applying to them (a
 * blocked one keeps its reason). */
struct pss_task {
    struct pss_due due;
    struct pss_offer offer;          /* offer.blocked: why not yet */
};
int pss_tasks(const struct pss_facts *f, role_set roles, unsigned relations,
              struct pss_task *out, int max);

/* Every guard of the table, each once, in the table's order (for the help). */
int pss_guards(const struct guard_def **out, int max);
/* The table in Markdown, for docs/workflow.md after the case's. */
void pss_process_markdown(buf *b);

#endif

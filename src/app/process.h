/* process.h: the whole case as the process table sees it (domain/
 * workflow.h), gathered from the database in ONE place, and the answers
 * everyone asks of it: may this person take this step now (the use cases
 * of every part call it before writing), what may they do on this case,
 * what is due on it and for whom (each person's tasks across the cases
 * they take part in are app/tasks.h's: dashboards, /deadlines, the API). */
#ifndef PARLEY_APP_PROCESS_H
#define PARLEY_APP_PROCESS_H

#include "app/enrolment.h"

/* The case's facts, and the asker's own (k: loaded with their relations). */
enum app_status case_facts_load(struct ctx *c, const struct case_record *k,
                                struct case_facts *f);
/* The same for n cases at once, into out[0..n-1]: as many statements for
 * any number of cases (a dashboard's, the reminders' sweep). */
enum app_status case_facts_load_all(struct ctx *c, const struct case_record *ks, int n,
                                    struct case_facts *out);

/* May the asker take this step of the table on this case now: the case's
 * state, who takes it, and its guards over the whole case (those about an
 * input field too, when the caller filled that input into f). f: the
 * case's facts (case_facts_load), with the step's input added. On a
 * refusal, refusal gets the words (naming no rule number) and the answer is
 * APP_CONFLICT for a state that does not take the step, APP_FORBIDDEN for
 * someone who does not take it or a guard that stops it; a guard about a
 * field adds its error to errs and answers APP_INVALID. with_input false:
 * those guards wait (the input is not read yet). */
enum app_status process_allows(struct ctx *c, const char *step, const struct case_facts *f,
                               unsigned relations, bool with_input, struct errors *errs,
                               const char **refusal);
/* Any process table's guard g (NULL: none stopped the step) as the use
 * case answers it: APP_OK; a guard about an input field adds its words to
 * errs (APP_INVALID); any other answers refused with its words in refusal,
 * and its words and rule in c->refused (the callers that walk a table add
 * the step). */
enum app_status guard_answer(struct ctx *c, const struct guard_def *g, const char *detail,
                             enum app_status refused, struct errors *errs, const char **refusal);
/* A guard's refusal and its specifics, in plain words; NULL for none. */
const char *guard_words(struct ctx *c, const struct guard_def *g, const char *detail);
/* A request not yet a case (R7, R8): the facts of the teacher it names
 * (teacher_id 0: nobody yet). */
void inquiry_facts_load(struct ctx *c, int64_t teacher_id, struct case_facts *f);
/* The same, loading the facts itself. */
enum app_status process_check(struct ctx *c, const struct case_record *k, const char *step,
                              const char **refusal);

/* The asker's offer of one step of the case now: false when the step is
 * not theirs or does not apply; o->blocked when a rule stops it for now. */
bool case_step_offer(struct ctx *c, const struct case_record *k, const char *step,
                     struct step_offer *o);
/* The asker's steps on the case now (the page's buttons and reasons). */
int case_offers(struct ctx *c, const struct case_record *k, const struct case_facts *f,
                struct step_offer *out, int max);

/* An item of work on a case: what is due, for whom, by when. */
struct case_task {
    struct task t;                   /* the due item; blocked: why it cannot be done yet.
                                        A peer support case's has no t.due.step. */
    int64_t case_id, inquiry_id;     /* inquiry_id: a request not yet a case */
    int64_t pss_case_id;             /* a peer support case's (app/pss_process.c) */
    const char *step, *rule;         /* its step's key, and the rule its date comes from */
    const char *teacher_name;        /* or the member's, on a peer support case */
    const char *who;                 /* whom it is due from, in words */
    const char *link;                /* where it is taken */
    const char *not_yet;             /* why a rule stops it for now, in words; NULL */
    const char *not_yet_rule;        /* that rule's code ("R22"), for the API; NULL */
};
/* Everything due on one case that the asker may see, for whom (R16: a
 * part's items only to those who may see that part). */
enum app_status case_due(struct ctx *c, const struct case_record *k, const struct case_facts *f,
                         struct case_task **out, int *n);
/* Whom an item is due from, in words ("The case's Consulting Teacher or
 * the coordinator"). */
const char *due_who_words(struct ctx *c, const int *who);
/* The item's step, rule, words and link, for the asker (out->t set). */
void case_task_fill(struct ctx *c, const struct case_record *k, struct case_task *out);
/* The next free task of a list being built (out, n of cap), grown as needed. */
struct case_task *case_task_slot(struct ctx *c, struct case_task **out, int *n, int *cap);
/* The case's status in plain words, for the asker. */
const char *case_status_words(struct ctx *c, const struct case_record *k,
                              const struct case_facts *f);

#endif

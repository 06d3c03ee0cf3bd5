/* outcome.h: a closed case's outcome and its end-of-cycle survey (R39).
 * The coordinator records the outcome once the cycle is closed; recording
 * it invites the teacher and, on a PAR case, the administrators of the
 * teacher's school to answer the survey. An answer is stored with nothing
 * that leads back to its author: no case, no person, no time, a random id;
 * only whether a person responded is kept with their name. */
#ifndef PARLEY_APP_OUTCOME_H
#define PARLEY_APP_OUTCOME_H

#include "app/casework.h"
#include "app/people.h"
#include "domain/outcome.h"

struct outcome {
    int64_t case_id, recorded_at, version;   /* version 0: not recorded yet */
    enum rating before, after;
    enum stayed stayed;
    const char *continued_support, *recorded_by;
    int school_year;                         /* the year it starts: 2026 for 2026-27 */
};
/* As a form or the API sends it: strings, checked here. */
struct outcome_input {
    const char *rating_before, *rating_after, *stayed, *continued_support;
};

/* The outcome as recorded; when none is yet, prefilled: the rating before
 * from the inquiry's confirmed rating, the rating after from the Panel's
 * approved decision on a PAR case (R25), the school year from the cycle's
 * last day. A read by anyone but the teacher is audited (R37). */
enum app_status outcome_get(struct ctx *c, int64_t case_id, struct case_record *k,
                            struct outcome *out, const char **refusal);
/* Opens the case for recording its outcome: the coordinator's (R39), on a
 * case whose cycle is closed (APP_CONFLICT otherwise, refusal says why). */
enum app_status outcome_open(struct ctx *c, int64_t case_id, struct case_record *k,
                             const char **refusal);
/* Records or revises it (version: the one the change is based on; 0 for
 * the current). The first recording invites the survey's respondents. */
enum app_status outcome_save(struct ctx *c, int64_t case_id, int64_t version,
                             const struct outcome_input *in, struct errors *errs,
                             const char **refusal);

/* --- the end-of-cycle survey (survey.c) --- */

struct survey_invite {
    int64_t id, case_id, person_id, created_at;
    const char *teacher_name, *person_name, *party;
    enum case_track track;
    bool responded;
};
struct survey_input {
    const char *fair, *transparent, *humane, *comment;
};

/* Invites the teacher and, on a PAR case, each administrator of the
 * teacher's school (R14, R16: a PA case's administrator is no party to
 * it); each invited once, told in their inbox. */
enum app_status survey_invite_all(struct ctx *c, const struct case_record *k);
/* The asker's invitation to this case's survey, not yet answered: the
 * policy table's ACT_RESPOND (R39), then an invitation of theirs
 * (APP_FORBIDDEN without one, APP_CONFLICT once answered). */
enum app_status survey_open(struct ctx *c, int64_t case_id, struct case_record *k,
                            struct survey_invite *inv, const char **refusal);
/* Answers once, in one transaction: the invitation says responded, and the
 * answer is stored apart from the name (R39). */
enum app_status survey_answer(struct ctx *c, int64_t case_id, const struct survey_input *in,
                              struct errors *errs, const char **refusal);
/* Stores an answer with a random id and nothing else that leads back to
 * its author (also the large demo's import). */
enum app_status survey_response_store(struct ctx *c, int school_year, const char *track,
                                      const char *party, const struct survey_answer *a);
/* Who was invited and who responded, names and yes/no only: the program's
 * (the coordinator's, ACT_LIST), newest case first, paged; or one case's
 * (case_id not 0). */
enum app_status surveys_list(struct ctx *c, int64_t case_id, struct page_of *pg,
                             struct survey_invite **out, int *n);
/* The asker's own invitations not yet answered (their dashboard). */
enum app_status surveys_waiting(struct ctx *c, struct survey_invite **out, int *n);

#endif

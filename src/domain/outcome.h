/* outcome.h: what R39 measures of a closed PA/PAR cycle, and the
 * end-of-cycle survey's answer. Pure rules: the fields and their checks,
 * the school year a cycle counts in. Who records an outcome and who answers
 * a survey is the policy table's (KIND_OUTCOME, KIND_SURVEY). */
#ifndef PARLEY_DOMAIN_OUTCOME_H
#define PARLEY_DOMAIN_OUTCOME_H
#include <stdbool.h>

#include "domain/errors.h"
#include "domain/rating.h"

/* --- the outcome --- */

enum stayed { STAYED_UNKNOWN, STAYED_YES, STAYED_NO, STAYED_COUNT };
const char *stayed_key(enum stayed s);     /* "unknown" | "yes" | "no" */
const char *stayed_label(enum stayed s);   /* "Not known yet", "Stayed on the job", ... */
bool stayed_parse(const char *key, enum stayed *out);

#define OUTCOME_SUPPORT_MAX 4000

struct outcome_fields {
    enum rating before, after;
    enum stayed stayed;
    const char *continued_support;
};
/* R39: rating_before a rating or "none" (the inquiry did not say);
 * rating_after a rating (the share who reach Proficient is counted from it);
 * stayed yes, no or unknown; continued_support optional text. Errors on the
 * fields by their names. */
bool outcome_check(const char *rating_before, const char *rating_after, const char *stayed,
                   const char *continued_support, struct outcome_fields *out,
                   struct errors *errs);
/* R25, R39: a PAR case's rating after the cycle is its final rating, the
 * one the Superintendent approved (final); error on "rating_after". */
bool outcome_final_check(enum rating after, enum rating final, struct errors *errs);

/* The school year a day counts in, by the year it starts: the school year
 * runs from July 1 to June 30 (Massachusetts' school year, M.G.L. c. 71
 * s. 1B, and the program's), so 2026-06-30 is in 2025 (2025-26) and
 * 2026-07-01 in 2026 (2026-27). A cycle's outcome counts in the school year
 * its last day is in. */
int school_year_of(int year, int month);
/* The same for "YYYY-MM-DD"; false when it is not a date. */
bool school_year_of_date(const char *date, int *year);

/* --- the end-of-cycle survey --- */

#define LIKERT_MIN 1                /* strongly disagree */
#define LIKERT_MAX 5                /* strongly agree */
#define SURVEY_COMMENT_MAX 2000
/* "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree",
 * "Strongly agree"; "" outside 1..5. */
const char *likert_label(int v);

/* The three questions, in order: key, statement, and the error that names
 * the question when it is left unanswered. */
struct survey_question {
    const char *key, *statement, *unanswered;
};
#define SURVEY_QUESTIONS 3
extern const struct survey_question survey_questions[SURVEY_QUESTIONS];

struct survey_answer {
    int fair, transparent, humane;  /* 1..5 */
    const char *comment;            /* "" when none */
};
/* R39: each question answered 1 to 5; the comment optional, at most
 * SURVEY_COMMENT_MAX characters. Errors on "fair", "transparent", "humane",
 * "comment". */
bool survey_check(const char *fair, const char *transparent, const char *humane,
                  const char *comment, struct survey_answer *out, struct errors *errs);

/* Who answers: "teacher" | "administrator" (a PAR case's, R16). */
#define SURVEY_PARTY_TEACHER "teacher"
#define SURVEY_PARTY_ADMINISTRATOR "administrator"

#endif

/* eligibility.h: who may join PA or PAR (R1-R6), explained criterion by
 * criterion in plain words with what the teacher can do instead (R9). The
 * public checker and the coordinator's intake call the same function. */
#ifndef PARLEY_ELIGIBILITY_H
#define PARLEY_ELIGIBILITY_H
#include <stdbool.h>
#include <stddef.h>

#include "domain/people.h"
#include "domain/rating.h"

enum plan_type {
    PLAN_SELF_DIRECTED,
    PLAN_DIRECTED_GROWTH,
    PLAN_IMPROVEMENT,
    PLAN_DEVELOPING_EDUCATOR,
    PLAN_COUNT
};

const char *plan_type_key(enum plan_type p);
const char *plan_type_label(enum plan_type p);
bool plan_type_parse(const char *key, enum plan_type *out);

struct eligibility_facts {
    int district_year;           /* R1: which year in the district they are in, 1 for the
                                    first: the way teachers count */
    enum plan_type plan;
    int plan_months;
    enum rating rating;
    bool union_member, full_time;
    enum job_type job;
};

/* The facts as typed, under the public checker's field names; the
 * coordinator's intake and the case workflow ask with the same names. */
struct eligibility_answers {
    const char *district_year, *plan, *months, *rating, *union_member, *full_time, *job;
};

/* R1, asked the way teachers count their years: "Which year in the
 * district are you in?" (yours) or "...are they in?" (staff recording it),
 * and the hint beside it. The same words on every form that asks. */
const char *district_year_question(bool yours);
const char *district_year_hint(bool yours);
/* "1st", "2nd", "3rd", "11th", "21st"... */
void ordinal(int n, char *out, size_t size);
/* R1: a teacher with this many full years behind them is in the next one
 * (what the question asked before it was asked this way). */
int district_year_after_full_years(int full_years);

struct errors;
/* Fills f from the answers, or names every field that is missing or wrong.
 * yours: the teacher answers for themselves ("your plan"); else staff
 * record them ("the plan"). */
bool eligibility_facts_parse(const struct eligibility_answers *in, bool yours,
                             struct eligibility_facts *f, struct errors *errs);

/* The program's settings that the rules read (RULES.md defaults 2 and 6). */
struct eligibility_settings {
    int min_years_experience;    /* R1: teachers in their first this-many years are not
                                    eligible: with 2, one in their 3rd year is */
    int par_min_plan_months;     /* R4 */
};

#define ELIGIBILITY_CRITERIA 8

struct criterion {
    const char *rule;            /* "R1" */
    bool passed;
    bool for_par_only;           /* failing it leaves PA open */
    const char *sentence;        /* what was found, in plain words */
};

struct eligibility {
    struct criterion c[ELIGIBILITY_CRITERIA];
    int n;
    bool pa, par;                /* may join Peer Assistance / PAR */
    bool consultancy;            /* may ask for a consultancy visit (R6) */
    const char *advice;          /* what to do next, in plain words (R9) */
    char text[ELIGIBILITY_CRITERIA][200];   /* sentences that carry numbers */
};

/* Every criterion, passed or failed, and the tracks that are open. Pure:
 * sentences are static text or written into out's own buffer. */
void eligibility_check(const struct eligibility_facts *f, const struct eligibility_settings *s,
                       struct eligibility *out);

#endif

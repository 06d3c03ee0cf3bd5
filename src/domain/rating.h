/* rating.h: the four performance ratings (603 CMR 35.08, R26), per
 * standard and overall: a teacher's last rating at intake (R2-R6), an
 * evaluation's, the CT's recommendation, the Panel's vote. And the rule
 * that binds the overall rating to standards I and II. Pure. */
#ifndef PARLEY_RATING_H
#define PARLEY_RATING_H
#include <stdbool.h>

enum rating {                    /* from the best to the worst */
    RATING_EXEMPLARY,
    RATING_PROFICIENT,
    RATING_NEEDS_IMPROVEMENT,
    RATING_UNSATISFACTORY,
    RATING_NONE,                 /* not rated yet */
    RATING_COUNT
};

const char *rating_key(enum rating r);       /* "needs_improvement"; "none" */
const char *rating_label(enum rating r);     /* "Needs Improvement"; "Not rated yet" */
/* "none" and "" (a rating not given yet) parse as RATING_NONE; false for
 * anything that is not a rating. */
bool rating_parse(const char *key, enum rating *out);
/* Whether a is as good as b or better; never for RATING_NONE. */
bool rating_at_least(enum rating a, enum rating b);
/* R26: the refusal, in plain words naming the rule, when an overall rating
 * cannot stand with standard I's and II's; NULL when it can. An overall
 * Proficient or Exemplary needs Proficient or better on both standards I
 * and II (a standard not yet rated does not count). */
const char *rating_overall_refusal(enum rating overall, enum rating standard_1,
                                   enum rating standard_2);

#endif

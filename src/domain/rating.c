#include "domain/rating.h"

#include <string.h>

static const char *const keys[RATING_COUNT] = {
    [RATING_NONE] = "none", [RATING_EXEMPLARY] = "exemplary", [RATING_PROFICIENT] = "proficient",
    [RATING_NEEDS_IMPROVEMENT] = "needs_improvement", [RATING_UNSATISFACTORY] = "unsatisfactory",
};
static const char *const labels[RATING_COUNT] = {
    [RATING_NONE] = "Not rated yet", [RATING_EXEMPLARY] = "Exemplary",
    [RATING_PROFICIENT] = "Proficient", [RATING_NEEDS_IMPROVEMENT] = "Needs Improvement",
    [RATING_UNSATISFACTORY] = "Unsatisfactory",
};

const char *rating_key(enum rating r)
{
    return r < RATING_COUNT ? keys[r] : "";
}

const char *rating_label(enum rating r)
{
    return r < RATING_COUNT ? labels[r] : "";
}

bool rating_parse(const char *key, enum rating *out)
{
    if (key && !*key) {
        *out = RATING_NONE;
        return true;
    }
    for (int r = 0; key && r < RATING_COUNT; r++)
        if (strcmp(keys[r], key) == 0) {
            *out = (enum rating)r;
            return true;
        }
    return false;
}

bool rating_at_least(enum rating a, enum rating b)
{
    /* The enum runs from the best rating to the worst. */
    return a < RATING_NONE && b < RATING_NONE && a <= b;
}

const char *rating_overall_refusal(enum rating overall, enum rating standard_1,
                                   enum rating standard_2)
{
    if (!rating_at_least(overall, RATING_PROFICIENT))
        return NULL;
    if (rating_at_least(standard_1, RATING_PROFICIENT) &&
        rating_at_least(standard_2, RATING_PROFICIENT))
        return NULL;
    return "R26: an overall rating of Proficient or better needs Proficient or better on "
           "standard I (Curriculum, Planning and Assessment) and standard II (Teaching All "
           "Students).";
}

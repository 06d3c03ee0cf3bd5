/* outcome.c: the outcome's fields, the school year, the survey's answer. */
#include "domain/outcome.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/utf8.h"

static const char *const stayed_keys[STAYED_COUNT] = {
    [STAYED_UNKNOWN] = "unknown", [STAYED_YES] = "yes", [STAYED_NO] = "no"};
static const char *const stayed_labels[STAYED_COUNT] = {
    [STAYED_UNKNOWN] = "Not known yet", [STAYED_YES] = "Stayed on the job",
    [STAYED_NO] = "Left the job"};

const char *stayed_key(enum stayed s)
{
    return s < STAYED_COUNT ? stayed_keys[s] : "";
}

const char *stayed_label(enum stayed s)
{
    return s < STAYED_COUNT ? stayed_labels[s] : "";
}

bool stayed_parse(const char *key, enum stayed *out)
{
    for (int s = 0; key && s < STAYED_COUNT; s++)
        if (strcmp(key, stayed_keys[s]) == 0) {
            *out = (enum stayed)s;
            return true;
        }
    return false;
}

bool outcome_check(const char *rating_before, const char *rating_after, const char *stayed,
                   const char *continued_support, struct outcome_fields *out,
                   struct errors *errs)
{
    int before = errs->n;
    if (!rating_before || !rating_parse(rating_before, &out->before))
        errors_add(errs, "rating_before", "Choose the rating before the cycle, or \"not known\".");
    if (!rating_after || !rating_parse(rating_after, &out->after) || out->after == RATING_NONE)
        errors_add(errs, "rating_after",
                   "R39: choose the rating after the cycle: the share who reach Proficient is "
                   "counted from it.");
    if (!stayed || !stayed_parse(stayed, &out->stayed))
        errors_add(errs, "stayed", "R39: say whether the teacher stayed on the job: yes, no or "
                                   "not known yet.");
    out->continued_support = continued_support ? continued_support : "";
    if (strlen(out->continued_support) > OUTCOME_SUPPORT_MAX)
        errors_add(errs, "continued_support", "This is too long: keep it under 4,000 characters.");
    return errs->n == before;
}

int school_year_of(int year, int month)
{
    return month >= 7 ? year : year - 1;
}

bool school_year_of_date(const char *date, int *year)
{
    int y, m, d;
    if (!date || !clock_parse_date(date, &y, &m, &d))
        return false;
    *year = school_year_of(y, m);
    return true;
}

/* --- the survey --- */

/* Each error names its question: three alike would not say which. */
#define UNANSWERED(felt)                                                                      \
    "Say how far you agree that the process felt " felt ": choose one answer, from 1 "       \
    "(strongly disagree) to 5 (strongly agree)."

const struct survey_question survey_questions[SURVEY_QUESTIONS] = {
    {"fair", "The process felt fair", UNANSWERED("fair")},
    {"transparent", "The process felt transparent", UNANSWERED("transparent")},
    {"humane", "The process felt humane", UNANSWERED("humane")},
};

const char *likert_label(int v)
{
    static const char *const labels[] = {"Strongly disagree", "Disagree",
                                         "Neither agree nor disagree", "Agree", "Strongly agree"};
    return v >= LIKERT_MIN && v <= LIKERT_MAX ? labels[v - LIKERT_MIN] : "";
}

static int likert(struct errors *errs, int question, const char *v)
{
    char *end;
    long n = v && *v ? strtol(v, &end, 10) : 0;
    if (v && *v && !*end && n >= LIKERT_MIN && n <= LIKERT_MAX)
        return (int)n;
    errors_add(errs, survey_questions[question].key, survey_questions[question].unanswered);
    return 0;
}

bool survey_check(const char *fair, const char *transparent, const char *humane,
                  const char *comment, struct survey_answer *out, struct errors *errs)
{
    int before = errs->n;
    out->fair = likert(errs, 0, fair);
    out->transparent = likert(errs, 1, transparent);
    out->humane = likert(errs, 2, humane);
    out->comment = comment ? comment : "";
    if (utf8_length(out->comment) > SURVEY_COMMENT_MAX)
        errors_add(errs, "comment", "This is too long: keep your comment under 2,000 characters.");
    return errs->n == before;
}

bool outcome_final_check(enum rating after, enum rating final, struct errors *errs)
{
#define FINAL_IS "On a PAR case the rating after the cycle is its final rating, the one the " \
                 "Superintendent approved: "
    static const char *const words[RATING_COUNT] = {
        FINAL_IS "Exemplary.", FINAL_IS "Proficient.", FINAL_IS "Needs Improvement.",
        FINAL_IS "Unsatisfactory.",
        "On a PAR case the rating after the cycle is its final rating, which exists only once "
        "the Superintendent has approved the Panel's decision."};
#undef FINAL_IS
    if (after == final && final != RATING_NONE)
        return true;
    errors_add(errs, "rating_after", words[final < RATING_COUNT ? final : RATING_NONE]);
    return false;
}

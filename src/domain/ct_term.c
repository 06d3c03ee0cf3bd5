#include "domain/ct_term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"

bool date_add_years(const char *date, int years, char out[11])
{
    int y, m, d;
    if (!clock_parse_date(date, &y, &m, &d) || y + years < 1 || y + years > 9999)
        return false;
    snprintf(out, 11, "%04d-%02d-%02d", y + years, m, d);
    if (!clock_parse_date(out, &y, &m, &d))   /* 29 February in a common year */
        snprintf(out, 11, "%04d-02-28", y);
    return true;
}

bool ct_term_check(const struct ct_term_input *in, int min_years, struct errors *errs)
{
    /* committed_until is the last day: 2024-08-15 to 2026-08-14 is two years. */
    char years_on[11], least[11];
    bool start_ok = in->starts_on && date_add_years(in->starts_on, min_years, years_on) &&
                    clock_add_days(years_on, -1, least);
    int y, m, d;
    bool until_ok = in->committed_until && clock_parse_date(in->committed_until, &y, &m, &d);
    if (!start_ok)
        errors_add(errs, "starts_on", "Enter the date the term starts (YYYY-MM-DD).");
    if (!until_ok)
        errors_add(errs, "committed_until",
                   "Enter the date the Consulting Teacher is committed until (YYYY-MM-DD).");
    else if (start_ok && strcmp(in->committed_until, least) < 0)
        errors_add(errs, "committed_until",
                   min_years == 2
                       ? "A Consulting Teacher commits to at least 2 years (R27): the "
                         "commitment must run to at least two years after the start."
                       : "A Consulting Teacher commits to at least the years the program's "
                         "settings ask (R27): the commitment ends too soon.");
    return start_ok && until_ok && !errors_get(errs, "committed_until");
}

bool ct_leaving_check(const char *starts_on, const char *left_on, int restriction_years,
                      char restricted_until[11], struct errors *errs)
{
    int y, m, d;
    if (!left_on || !clock_parse_date(left_on, &y, &m, &d)) {
        errors_add(errs, "left_on", "Enter the date the Consulting Teacher leaves the role "
                                    "(YYYY-MM-DD).");
        return false;
    }
    if (strcmp(left_on, starts_on) < 0) {
        errors_add(errs, "left_on", "A Consulting Teacher leaves on or after the day the term "
                                    "started.");
        return false;
    }
    /* R27: at least one year (the setting) before a principal's post. */
    return date_add_years(left_on, restriction_years, restricted_until);
}

bool ct_barred_on(const char *restricted_until, const char *date)
{
    return restricted_until && *restricted_until && strcmp(date, restricted_until) < 0;
}

static const struct {
    const char *key, *label;
} outcomes[] = {
    {"continue", "Continues as a Consulting Teacher"},
    {"not_continue", "Does not continue as a Consulting Teacher"},
};

const char *ct_review_outcome_key(int i)
{
    return i >= 0 && i < 2 ? outcomes[i].key : NULL;
}

const char *ct_review_outcome_label(const char *key)
{
    for (int i = 0; key && i < 2; i++)
        if (strcmp(key, outcomes[i].key) == 0)
            return outcomes[i].label;
    return NULL;
}

bool ct_review_check(const struct ct_review_input *in, struct ct_review_fields *out,
                     struct errors *errs)
{
    int before = errs->n;
    memset(out, 0, sizeof *out);
    char *end = NULL;
    long year = in->school_year && *in->school_year ? strtol(in->school_year, &end, 10) : 0;
    if (!end || *end || year < 2000 || year > 2100)
        errors_add(errs, "school_year", "Enter the year the school year starts, such as 2026 "
                                        "for 2026-27.");
    else
        out->school_year = (int)year;
    if (!ct_review_outcome_label(in->outcome))
        errors_add(errs, "outcome", "Choose the outcome: continues, or does not continue.");
    else
        out->outcome = in->outcome;
    if (!in->summary || !*in->summary)
        errors_add(errs, "summary", "Write the Panel's summary of the year's work (R28).");
    else if (strlen(in->summary) > 20000)
        errors_add(errs, "summary", "Keep the summary under 20,000 characters.");
    else
        out->summary = in->summary;
    return errs->n == before;
}

bool ct_term_runs(const char *starts_on, const char *left_on, const char *date)
{
    return strcmp(starts_on, date) <= 0 && (!*left_on || strcmp(date, left_on) < 0);
}

/* ct_term.h: the people who run the program, as pure rules. A Consulting
 * Teacher's term: a commitment of at least ct_min_commitment_years, the day
 * they leave and the day until which they may not take a principal or
 * assistant-principal post (R27); the Panel's yearly review of each CT
 * (R28). */
#ifndef PARLEY_CT_TERM_H
#define PARLEY_CT_TERM_H
#include <stdbool.h>

#include "domain/errors.h"

/* date + years, "YYYY-MM-DD" (29 February becomes 28 February in a common
 * year); false when date is not a real date. */
bool date_add_years(const char *date, int years, char out[11]);

/* R27: a term runs from starts_on and is committed to at least min_years:
 * committed_until, the commitment's last day, is no earlier than the day
 * before starts_on + min_years. */
struct ct_term_input {
    const char *starts_on, *committed_until;
};
bool ct_term_check(const struct ct_term_input *in, int min_years, struct errors *errs);

/* R27: the day a CT leaves (on or after the term's start) and, computed
 * from it, the day until which they are barred: left_on + years. */
bool ct_leaving_check(const char *starts_on, const char *left_on, int restriction_years,
                      char restricted_until[11], struct errors *errs);
/* R27: a term runs from starts_on until the day the CT leaves (left_on,
 * "" while they serve): on left_on itself they no longer take teachers. */
bool ct_term_runs(const char *starts_on, const char *left_on, const char *date);
/* R27: barred from a principal or assistant-principal post on date (the
 * bar ends on restricted_until itself; "" bars nobody). */
bool ct_barred_on(const char *restricted_until, const char *date);

/* R28: the Panel's review of a CT for the school year that starts in
 * school_year (2026 for 2026-27). */
struct ct_review_input {
    const char *school_year, *outcome, *summary;
};
struct ct_review_fields {
    int school_year;
    const char *outcome, *summary;
};
bool ct_review_check(const struct ct_review_input *in, struct ct_review_fields *out,
                     struct errors *errs);
/* "continue" → "Continues as a Consulting Teacher"; NULL for an unknown key. */
const char *ct_review_outcome_label(const char *key);
/* The two outcomes' keys, for lists: i = 0, 1. */
const char *ct_review_outcome_key(int i);

#endif

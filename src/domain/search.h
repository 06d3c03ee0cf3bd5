/* search.h: the one search box (issue 18): what a typed query looks for,
 * and why a result was found, in words. Pure: no I/O. The store turns the
 * terms into its engine's full-text query (store.h: db_fulltext_query);
 * which results a person may see is the policy table's (app/search.c). */
#ifndef PARLEY_SEARCH_H
#define PARLEY_SEARCH_H
#include <stdbool.h>

#define SEARCH_MAX_BYTES 200 /* what may be typed */
#define SEARCH_MAX_TERMS 8
#define SEARCH_MIN_CHARS 2 /* the longest term at least: one letter finds too much */

/* The words a query looks for, each the start of a word in a result. The
 * terms point into words: read it where it is kept, never a copy. */
struct search_query {
    char words[SEARCH_MAX_BYTES + 1]; /* the terms, each ended by a NUL */
    const char *terms[SEARCH_MAX_TERMS];
    int n;
};

/* Reads what was typed into terms: runs of letters and digits (a character
 * beyond ASCII counts as a letter), ASCII lower-cased. Every other
 * character separates terms, so quotes, '*', '-', ':', '&' and the like
 * never reach the full-text grammar as operators. false, with the
 * sentence to show beside the box, when there is nothing to look for. */
bool search_query_read(const char *typed, struct search_query *out, const char **problem);

/* What a record is found by (sql/022's columns of search_text). */
enum search_field { SEARCH_NAME, SEARCH_EMAIL, SEARCH_SCHOOL, SEARCH_REFERENCE, SEARCH_FIELDS };
#define SEARCH_FIELD_BIT(f) (1u << (f))

/* What a result is, as the results are grouped. */
enum search_kind { SEARCH_PEOPLE, SEARCH_CASES, SEARCH_INQUIRIES, SEARCH_PSS_CASES, SEARCH_KINDS };

const char *search_kind_label(enum search_kind k); /* "People", "Cases"... */
/* Why a result of kind k was found by field f: "name matches", "the
 * teacher's school matches"; NULL when f does not find k. */
const char *search_why(enum search_kind k, enum search_field f);
/* Whether a word of text starts with one of the query's terms (ASCII case
 * ignored, as the index ignores it). */
bool search_text_matches(const struct search_query *q, const char *text);

#endif

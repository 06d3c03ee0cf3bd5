/* ct_terms.h: the people who run the program. The coordinator records each
 * Consulting Teacher's term and the day they leave; the restriction that
 * follows is computed and enforced when a role is given (R27). The Panel
 * reviews each CT every year (R28). The Panel's roster: seats, appointers
 * and terms (R29). */
#ifndef PARLEY_APP_CT_TERMS_H
#define PARLEY_APP_CT_TERMS_H

#include "app/app.h"
#include "domain/ct_term.h"

struct ct_term {
    int64_t id, person_id, version;
    const char *starts_on, *committed_until, *left_on, *restricted_until;
};

struct ct_review {
    int64_t id, person_id, created_at;
    int school_year;
    const char *outcome, *summary, *recorded_by_name;
};

/* A person who holds, or held, the Consulting Teacher's role. */
struct ct_summary {
    int64_t person_id;
    const char *name, *email;
    bool union_member, holds_role;   /* holds the consulting_teacher role now */
    struct ct_term term;             /* the latest term; id 0: none recorded */
    bool reviews_shown;              /* the asker may read the Panel's reviews of them
                                        (R28, R29); if not, no review is given here */
    int review_year;                 /* the latest review's school year; 0: none */
    const char *review_outcome;
};

/* One CT's page: every term, newest first, and the reviews when the asker
 * may read them. */
struct ct_record {
    struct ct_summary who;
    struct ct_term *terms;
    int nterms;
    struct ct_review *reviews;
    int nreviews;
    bool may_see_reviews, may_review, may_edit;
};

/* R27: a term as the coordinator types it. */
struct ct_term_request {
    const char *person_id, *starts_on, *committed_until;
};

enum app_status ct_list(struct ctx *c, struct ct_summary **out, int *n);
enum app_status ct_get(struct ctx *c, int64_t person_id, struct ct_record *out);
/* R27: the person holds the consulting_teacher role and is a union member;
 * the commitment runs at least ct_min_commitment_years. */
enum app_status ct_term_add(struct ctx *c, const struct ct_term_request *in, int64_t *id,
                            struct errors *errs);
/* R27: records the day the latest term's CT leaves; restricted_until is
 * left_on + ct_admin_restriction_years. version: the term's, as read. */
enum app_status ct_leave(struct ctx *c, int64_t person_id, const char *left_on,
                         const char *version, struct errors *errs);
/* R28: one review per CT per school year, by a Panel member whose term is
 * running (R29); *refusal says why when forbidden. */
enum app_status ct_review_add(struct ctx *c, int64_t person_id, const struct ct_review_input *in,
                              int64_t *id, struct errors *errs, const char **refusal);

/* R29: one Panel seat's holder. */
struct panel_seat {
    int64_t role_id, person_id;
    const char *name, *email, *seat, *term_start, *term_end;
    const char *appointed_by;        /* as stored: union_president, district */
    const char *appointer;           /* in words (panel_appointer_of) */
    bool current;                    /* the term has not ended: may vote */
    bool started;
    int64_t days_left;               /* to the term's end, when current */
};
/* Every Panel term, current ones first (teacher seats, then principal
 * seats), then those that ended. */
enum app_status panel_roster(struct ctx *c, struct panel_seat **out, int *n);
/* R29: who appointed a Panel member, in words: "the union president", "the
 * Superintendent" (the setting panel_principal_appointer), or an older
 * record's free text as it was typed. */
const char *panel_appointer_of(struct ctx *c, const char *appointed_by);

/* R27: whether a term of this Consulting Teacher runs on date. No
 * authorisation: a fact the process's guards read. */
bool ct_term_running(struct ctx *c, int64_t person_id, const char *date);

#endif

/* inquiry.h: what the public contact form must hold (R10: enrolment starts
 * with it, no account needed), the intake queue's words (interest, status,
 * how to reach the sender), the reference shown to the sender and the age
 * shown to the coordinator. Pure: no I/O. */
#ifndef PARLEY_INQUIRY_H
#define PARLEY_INQUIRY_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/errors.h"

enum interest { INTEREST_PA, INTEREST_PAR, INTEREST_CONSULTANCY, INTEREST_QUESTION, INTEREST_COUNT };
enum contact_by { CONTACT_EMAIL, CONTACT_PHONE, CONTACT_EITHER, CONTACT_COUNT };
enum inquiry_status { INQUIRY_NEW, INQUIRY_IN_PROGRESS, INQUIRY_CLOSED, INQUIRY_STATUS_COUNT };
/* R8: participation is voluntary. A request someone else sent in a
 * teacher's name (signed in, with an address not theirs) waits for the
 * teacher's word; the teacher's own request needs none. */
enum teacher_confirmation {
    CONFIRMATION_NOT_NEEDED,     /* the teacher sent it */
    CONFIRMATION_AWAITING,       /* sent in their name by someone else */
    CONFIRMATION_CONFIRMED,      /* ...and the teacher confirmed it */
    CONFIRMATION_DECLINED,       /* ...and the teacher said it was not them */
    CONFIRMATION_COUNT
};

const char *interest_key(enum interest i);
const char *interest_label(enum interest i);
bool interest_parse(const char *key, enum interest *out);
const char *contact_by_key(enum contact_by c);
const char *contact_by_label(enum contact_by c);
bool contact_by_parse(const char *key, enum contact_by *out);
const char *inquiry_status_key(enum inquiry_status s);
const char *inquiry_status_label(enum inquiry_status s);
bool inquiry_status_parse(const char *key, enum inquiry_status *out);
const char *teacher_confirmation_key(enum teacher_confirmation c);
const char *teacher_confirmation_label(enum teacher_confirmation c);
bool teacher_confirmation_parse(const char *key, enum teacher_confirmation *out);

/* R8: the teacher stands behind the request: they sent it or confirmed it. */
bool inquiry_is_teachers_own(enum teacher_confirmation c);
/* What the case workflow's "open" step knows of an inquiry (R8, R10): it is
 * not closed, it has no case yet, and it is the teacher's own. */
struct case_facts;
void inquiry_open_facts(enum inquiry_status status, bool has_case, enum teacher_confirmation c,
                        struct case_facts *f);

/* R10: what happens after the contact form, in the program documents'
 * words (seeds 000, 003), for its thank-you page and its confirmation by
 * e-mail. Neither the seeds nor the settings say within how long, so the
 * words promise no time. */
extern const char inquiry_next_words[];
/* R8, for the same: nothing starts in a teacher's name without them. */
extern const char inquiry_your_choice_words[];

/* The school choice's value for a school that is not in the list. */
#define SCHOOL_OTHER "other"

/* The contact form as typed, so it can be shown again as it was. */
struct inquiry_input {
    const char *name, *email, *school_id, *school_other, *contact_by, *phone, *interest, *message;
};

/* A checked inquiry, ready to store. */
struct inquiry_fields {
    const char *name, *school_other, *phone, *message;
    char email[256];                /* lower-cased */
    int64_t school_id;              /* 0: other / not listed */
    enum contact_by contact_by;
    enum interest interest;
};

/* Fills out and returns true, or adds every problem to errs, each under
 * the form's own field name. */
bool inquiry_check(const struct inquiry_input *in, struct inquiry_fields *out, struct errors *errs);

/* A closed inquiry says why; a reason belongs to a closed one only. */
bool inquiry_status_check(const char *status, const char *reason, enum inquiry_status *out,
                          struct errors *errs);

/* "INQ-2026-0042": the year it came in and its number in that year. */
void inquiry_reference(char *out, size_t n, int year, int64_t seq);
/* "today", "1 day", "3 days": how long an inquiry has waited. */
void inquiry_age(char *out, size_t n, int64_t seconds);

#endif

/* people.h: what a person and a school must be, checked before any write. */
#ifndef PARLEY_PEOPLE_H
#define PARLEY_PEOPLE_H
#include <stdbool.h>
#include <stdint.h>

#include "domain/errors.h"
#include "domain/role.h"

/* R5: SPC teachers, nurses and CoSESS staff are eligible like classroom
 * teachers; the job type is recorded so eligibility can say so. */
enum job_type {
    JOB_CLASSROOM_TEACHER,
    JOB_SPC_TEACHER,
    JOB_NURSE,
    JOB_COSESS,
    JOB_OTHER,
    JOB_COUNT
};
const char *job_type_key(enum job_type j);
const char *job_type_label(enum job_type j);
bool job_type_parse(const char *key, enum job_type *out);

/* Fields as typed (strings), so a form can be shown again as it was. */
struct person_input {
    const char *name, *email, *employee_id, *school_id;
    const char *union_member, *full_time;     /* "1"/"0", "yes"/"no", "on" */
    const char *district_year, *job_type;     /* R1: which year in the district, 1 first */
};

/* A checked person, ready to store. */
struct person_fields {
    char email[256];          /* lower-cased */
    const char *name, *employee_id;
    int64_t school_id;        /* 0: none */
    bool union_member, full_time;
    int district_year;        /* R1: 1 for a first year in the district */
    enum job_type job_type;
};

/* Fills out and returns true, or adds every problem to errs. */
bool person_check(const struct person_input *in, struct person_fields *out,
                  struct errors *errs);
/* Its part that says who the person is: their name, email address (out's
 * lower-cased) and employee id, under "name", "email" and "employee_id";
 * the rest of out is left as it was. A roster's rows are checked by it too. */
bool person_identity_check(const char *name, const char *email, const char *employee_id,
                           struct person_fields *out, struct errors *errs);

struct school_input {
    const char *name, *code, *address;
};
bool school_check(const struct school_input *in, struct errors *errs);

struct role_input {
    const char *role, *school_id, *seat, *appointed_by, *term_start, *term_end;
};
struct role_fields {
    enum role role;
    int64_t school_id;
    const char *seat, *appointed_by, *term_start, *term_end;
};
/* R29: a Panel member has a seat, the appointer that seat's rule names
 * (panel_seat_appointer) and a term of at most max_term_years. */
bool role_check(const struct role_input *in, int max_term_years, struct role_fields *out,
                struct errors *errs);

/* R29: who appoints a Panel seat, as appointed_by stores it: the union
 * president a teacher seat, the district (the official the setting
 * panel_principal_appointer names) a principal seat. */
#define APPOINTER_UNION "union_president"
#define APPOINTER_DISTRICT "district"
/* The appointer a seat ("teacher", "principal") needs; NULL for no seat. */
const char *panel_seat_appointer(const char *seat);

/* A plausible address: one @, a dot after it, no spaces (people and the
 * contact form alike). */
bool email_plausible(const char *e);
/* The asker's own address (the contact form, "Forgot your password?"),
 * lower-cased into out; else false, with the reason under "email". */
#define EMAIL_MAX 255   /* characters kept; a plausible address has at most 254 */
bool email_check_yours(const char *v, char out[EMAIL_MAX + 1], struct errors *errs);
/* Parses a positive record id ("42"); 0 if it is not one. */
int64_t parse_id(const char *s);
/* "1", "yes", "on", "true" → true; "0", "no", "off", "false", "" → false;
 * anything else: false and *ok = false. */
bool parse_flag(const char *s, bool *ok);
/* A whole number from lo to hi, as typed ("12"): it, with *ok = true; else
 * 0, with *ok = false. */
int parse_number_in(const char *v, int lo, int hi, bool *ok);

#endif

/* roster.h: what a district's roster may say about the program's schools
 * and people (issue 17). A roster is OneRoster 1.1 CSV (orgs.csv for the
 * schools, users.csv for the people with their roles and schools) or a
 * plain CSV of name, email, school and role. Pure rules: how OneRoster's
 * roles map to Parley's job types and roles, which roles a roster may carry
 * at all, and what each row must hold, in the words of the file's own
 * columns. Which school or person a row is, and what an import changes, is
 * app/roster.c's. */
#ifndef PARLEY_DOMAIN_ROSTER_H
#define PARLEY_DOMAIN_ROSTER_H
#include <stdbool.h>

#include "base/arena.h"
#include "domain/errors.h"
#include "domain/people.h"
#include "domain/role.h"

/* A role a roster names: OneRoster 1.1's vocabulary (users.csv's role),
 * which the plain CSV's role column uses too. */
struct roster_role {
    const char *key;            /* "teacher" */
    bool staff;                 /* a person of the program: students and families are not */
    enum job_type job;          /* the job a person new to Parley starts with */
    unsigned jobs;              /* (1u << job) for each job the role may mean (R5) */
    bool administrator;         /* carries Parley's administrator of their schools (R14) */
};
/* NULL: not one of OneRoster 1.1's roles. Case is ignored. */
const struct roster_role *roster_role_find(const char *key);

/* R5: a roster says "teacher", never which kind: an SPC teacher, a nurse
 * or a CoSESS specialist the coordinator recorded stays so. A job the role
 * cannot mean (a teacher who became an administrator) becomes the role's. */
enum job_type roster_job(const struct roster_role *r, const enum job_type *current);

/* Of Parley's roles, only the administrator of a school comes with a
 * roster. The others the program grants: a Consulting Teacher, a Panel
 * member, a union representative, the coordinator, the Superintendent, a
 * participating teacher (their case makes them one) and the roles of a
 * federation's Peer Support Service. A roster never gives nor takes them. */
bool roster_carries(enum role r);

enum roster_format {
    ROSTER_ONEROSTER,           /* users.csv and orgs.csv */
    ROSTER_PLAIN,               /* name, email, school, role (and employee_id) */
};

/* A users.csv row, or a plain CSV's, by column; a column the file lacks is
 * NULL. Fields are as read (the CSV reader took the spaces around them). */
struct roster_user_in {
    const char *sourced_id, *status, *enabled, *orgs, *role;   /* OneRoster */
    const char *given, *family, *identifier;                   /* OneRoster */
    const char *name, *school, *employee_id;                   /* plain */
    const char *email;                                         /* both */
};

struct roster_user {
    const char *sourced_id;     /* OneRoster's sourcedId; "" in a plain CSV */
    const struct roster_role *role;
    struct person_fields who;   /* name, email (lower-cased) and employee id */
    bool active;                /* enabledUser not false, status not tobedeleted */
    const char *schools;        /* orgSourcedIds as given, or the plain CSV's school */
};

/* Checks a row; each problem goes to errs under the format's column name
 * ("givenName", "email", "orgSourcedIds"...). A row of someone who is not
 * staff (a student, a parent) is checked for its role only: it is left out.
 * OneRoster's given and family names are joined into out's name, in a. */
bool roster_user_check(arena *a, enum roster_format f, const struct roster_user_in *in,
                       struct roster_user *out, struct errors *errs);

/* An orgs.csv row. */
struct roster_org_in {
    const char *sourced_id, *status, *name, *type, *identifier;
};
struct roster_org {
    const char *sourced_id, *name;
    const char *code;           /* a school's: its identifier, else its sourcedId */
    bool school;                /* type "school": a Parley school; a district is not one */
    bool active;                /* status not tobedeleted */
};
bool roster_org_check(const struct roster_org_in *in, struct roster_org *out,
                      struct errors *errs);

/* orgSourcedIds' list ("org1,org2"), each id trimmed, empty ones left
 * out; returns how many. */
int roster_org_ids(arena *a, const char *list, const char ***out);

#endif

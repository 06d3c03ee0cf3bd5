/* role.h: the roles a person may hold, several at once. */
#ifndef PARLEY_ROLE_H
#define PARLEY_ROLE_H
#include <stdbool.h>

enum role {
    ROLE_COORDINATOR,
    ROLE_CONSULTING_TEACHER,
    ROLE_PARTICIPATING_TEACHER,
    ROLE_ADMINISTRATOR,          /* principal or assistant principal, tied to schools */
    ROLE_PANEL_MEMBER,           /* teacher or principal seat, with a term (R29) */
    ROLE_SUPERINTENDENT,         /* the final approver (R25); title is a setting */
    ROLE_UNION_REP,
    ROLE_COUNT
};

typedef unsigned role_set;       /* bit (1u << role) per role held */

const char *role_key(enum role r);          /* "consulting_teacher" */
const char *role_label(enum role r);        /* "Consulting Teacher" */
bool role_parse(const char *key, enum role *out);
bool role_set_has(role_set s, enum role r);
/* Roles that need a school (administrator) or a Panel seat and term. */
bool role_needs_school(enum role r);
bool role_needs_term(enum role r);

#endif

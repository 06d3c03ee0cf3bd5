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
    /* A federation's Peer Support Service (R31-R36): held in its program only. */
    ROLE_PSS_COORDINATOR,        /* the service coordinator: requests, costs, agreements */
    ROLE_LOCAL_PRESIDENT,        /* refers members and consents to releases (R31, R34) */
    ROLE_PSS_CONSULTANT,         /* the peer support consultant */
    ROLE_MEMBER,                 /* a member of the federation, who may ask for support */
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
/* A role of a federation's Peer Support Service, held only in a program of
 * kind "federation"; the others only in a district's PA/PAR program. */
bool role_of_federation(enum role r);

#endif

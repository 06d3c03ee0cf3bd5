#include "domain/role.h"

#include <string.h>

static const struct {
    const char *key, *label;
} roles[ROLE_COUNT] = {
    [ROLE_COORDINATOR] = {"coordinator", "Program Coordinator"},
    [ROLE_CONSULTING_TEACHER] = {"consulting_teacher", "Consulting Teacher"},
    [ROLE_PARTICIPATING_TEACHER] = {"participating_teacher", "Participating Teacher"},
    [ROLE_ADMINISTRATOR] = {"administrator", "Administrator"},
    [ROLE_PANEL_MEMBER] = {"panel_member", "Panel Member"},
    [ROLE_SUPERINTENDENT] = {"superintendent", "Superintendent"},
    [ROLE_UNION_REP] = {"union_rep", "Union Representative"},
    [ROLE_PSS_COORDINATOR] = {"pss_coordinator", "Peer Support Service Coordinator"},
    [ROLE_LOCAL_PRESIDENT] = {"local_president", "Local President"},
    [ROLE_PSS_CONSULTANT] = {"pss_consultant", "Peer Support Consultant"},
    [ROLE_MEMBER] = {"member", "Federation Member"},
};

const char *role_key(enum role r)
{
    return r < ROLE_COUNT ? roles[r].key : "";
}

const char *role_label(enum role r)
{
    return r < ROLE_COUNT ? roles[r].label : "";
}

bool role_parse(const char *key, enum role *out)
{
    for (int r = 0; key && r < ROLE_COUNT; r++) {
        if (strcmp(key, roles[r].key) == 0) {
            *out = (enum role)r;
            return true;
        }
    }
    return false;
}

bool role_set_has(role_set s, enum role r)
{
    return (s >> r) & 1u;
}

bool role_needs_school(enum role r)
{
    return r == ROLE_ADMINISTRATOR;
}

bool role_needs_term(enum role r)
{
    return r == ROLE_PANEL_MEMBER;
}

bool role_of_federation(enum role r)
{
    return r >= ROLE_PSS_COORDINATOR && r < ROLE_COUNT;
}

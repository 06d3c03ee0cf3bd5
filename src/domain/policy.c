#include "domain/policy.h"

/* The table. Adding a capability means adding rows here; nothing else in
 * the program grants a permission. */
const struct policy_rule policy_rules[] = {
    {WHO_SIGNED_IN, ACT_VIEW, KIND_ACCOUNT,
     "Everyone with an account sees their own dashboard and account."},
    {WHO_SIGNED_IN, ACT_EDIT, KIND_ACCOUNT,
     "Everyone with an account changes their own password and signs out their sessions."},
    {WHO_SELF, ACT_VIEW, KIND_PERSON,
     "Everyone sees their own record."},
    {WHO_SELF, ACT_VIEW_HISTORY, KIND_PERSON,
     "Everyone sees who has viewed or changed their own record (R37)."},
    {ROLE_COORDINATOR, ACT_LIST, KIND_PERSON,
     "The coordinator lists and searches the program's people."},
    {ROLE_COORDINATOR, ACT_VIEW, KIND_PERSON,
     "The coordinator sees every person's record."},
    {ROLE_COORDINATOR, ACT_CREATE, KIND_PERSON,
     "The coordinator adds people to the program."},
    {ROLE_COORDINATOR, ACT_EDIT, KIND_PERSON,
     "The coordinator corrects people's details."},
    {ROLE_COORDINATOR, ACT_RESET_PASSWORD, KIND_PERSON,
     "The coordinator issues a one-time link to set a new password."},
    {ROLE_COORDINATOR, ACT_VIEW_HISTORY, KIND_PERSON,
     "The coordinator sees the history of any person's record."},
    {ROLE_COORDINATOR, ACT_LIST, KIND_SCHOOL,
     "The coordinator lists the program's schools."},
    {ROLE_COORDINATOR, ACT_VIEW, KIND_SCHOOL,
     "The coordinator sees each school."},
    {ROLE_COORDINATOR, ACT_CREATE, KIND_SCHOOL,
     "The coordinator adds schools."},
    {ROLE_COORDINATOR, ACT_EDIT, KIND_SCHOOL,
     "The coordinator corrects schools' details."},
    {ROLE_COORDINATOR, ACT_LIST, KIND_ROLE,
     "The coordinator sees who holds which role."},
    {ROLE_COORDINATOR, ACT_CREATE, KIND_ROLE,
     "The coordinator gives people roles."},
    {ROLE_COORDINATOR, ACT_DELETE, KIND_ROLE,
     "The coordinator takes roles away."},
    {ROLE_COORDINATOR, ACT_LIST, KIND_AUDIT,
     "The coordinator browses the whole audit log (R38)."},
    {WHO_SIGNED_IN, ACT_VIEW, KIND_SETTINGS,
     "Everyone with an account sees the program's settings: the rules apply to all alike."},
    {ROLE_COORDINATOR, ACT_EDIT, KIND_SETTINGS,
     "The coordinator changes the program's settings."},
};
const int policy_rule_count = sizeof policy_rules / sizeof policy_rules[0];

static bool rule_grants(const struct policy_rule *rule, bool signed_in, role_set roles,
                        const struct policy_record *rec)
{
    if (rule->who == WHO_SIGNED_IN)
        return signed_in;
    if (rule->who == WHO_SELF)
        return signed_in && rec && rec->known && rec->self;
    return signed_in && role_set_has(roles, (enum role)rule->who);
}

enum policy_answer policy_decide(bool signed_in, role_set roles, enum action act,
                                 enum record_kind kind, const struct policy_record *rec)
{
    if (act == ACT_PUBLIC)
        return POLICY_ALLOW;
    bool relationship_possible = false;
    for (int i = 0; i < policy_rule_count; i++) {
        const struct policy_rule *rule = &policy_rules[i];
        if (rule->action != act || rule->kind != kind)
            continue;
        if (rule_grants(rule, signed_in, roles, rec))
            return POLICY_ALLOW;
        if (rule->who == WHO_SELF && signed_in)
            relationship_possible = true;
    }
    if (relationship_possible && !(rec && rec->known))
        return POLICY_NEEDS_RECORD;
    /* A stranger's private record is denied as if it did not exist; one's
     * own record plainly exists, so a refusal there says so. */
    if (rec && rec->known && !rec->self && policy_kind_private(kind))
        return POLICY_HIDDEN;
    return POLICY_FORBIDDEN;
}

bool policy_kind_private(enum record_kind kind)
{
    /* A person's record is private: a stranger is not told it exists. */
    return kind == KIND_PERSON;
}

const char *policy_action_label(enum action act)
{
    static const char *labels[ACT_COUNT] = {
        [ACT_PUBLIC] = "visit", [ACT_VIEW] = "see", [ACT_LIST] = "list",
        [ACT_CREATE] = "add", [ACT_EDIT] = "change", [ACT_DELETE] = "remove",
        [ACT_RESET_PASSWORD] = "issue a password link for",
        [ACT_VIEW_HISTORY] = "see the history of",
    };
    return act < ACT_COUNT ? labels[act] : "";
}

const char *policy_kind_label(enum record_kind kind)
{
    static const char *labels[KIND_COUNT] = {
        [KIND_NONE] = "public pages", [KIND_ACCOUNT] = "own account",
        [KIND_PERSON] = "people", [KIND_SCHOOL] = "schools",
        [KIND_ROLE] = "roles", [KIND_AUDIT] = "audit log",
        [KIND_SETTINGS] = "program settings",
    };
    return kind < KIND_COUNT ? labels[kind] : "";
}

const char *policy_who_label(int who)
{
    if (who == WHO_SIGNED_IN)
        return "Anyone signed in";
    if (who == WHO_SELF)
        return "The person the record is about";
    return role_label((enum role)who);
}

const char *policy_refusal(enum action act, enum record_kind kind)
{
    (void)act;
    switch (kind) {
    case KIND_PERSON:
    case KIND_ROLE:
        return "Only the program coordinator manages people and their roles.";
    case KIND_SCHOOL:
        return "Only the program coordinator manages schools.";
    case KIND_SETTINGS:
        return "Only the program coordinator changes the program's settings.";
    case KIND_AUDIT:
        return "Only the program coordinator browses the whole audit log. "
               "You can see every entry about your own record under My record.";
    default:
        return "Your role does not include this.";
    }
}

/* roster.c: OneRoster's roles and a roster's rows (see roster.h). */
#include "domain/roster.h"

#include <string.h>
#include <strings.h>

#include "base/utf8.h"

#define JOB(j) (1u << (j))
#define TEACHING_JOBS                                                                              \
    (JOB(JOB_CLASSROOM_TEACHER) | JOB(JOB_SPC_TEACHER) | JOB(JOB_NURSE) | JOB(JOB_COSESS))

/* OneRoster 1.1's roles (its CSV binding, users.csv). An aide or a proctor
 * may be a school's nurse or CoSESS specialist as well as anyone else. */
static const struct roster_role roles[] = {
    {"teacher", true, JOB_CLASSROOM_TEACHER, TEACHING_JOBS, false},
    {"administrator", true, JOB_OTHER, JOB(JOB_OTHER), true},
    {"aide", true, JOB_OTHER, JOB(JOB_OTHER) | JOB(JOB_NURSE) | JOB(JOB_COSESS), false},
    {"proctor", true, JOB_OTHER, JOB(JOB_OTHER) | JOB(JOB_NURSE) | JOB(JOB_COSESS), false},
    {"student", false, JOB_OTHER, 0, false},
    {"parent", false, JOB_OTHER, 0, false},
    {"guardian", false, JOB_OTHER, 0, false},
    {"relative", false, JOB_OTHER, 0, false},
};

const struct roster_role *roster_role_find(const char *key)
{
    for (size_t i = 0; key && i < sizeof roles / sizeof *roles; i++)
        if (strcasecmp(key, roles[i].key) == 0)
            return &roles[i];
    return NULL;
}

enum job_type roster_job(const struct roster_role *r, const enum job_type *current)
{
    return current && (r->jobs & JOB(*current)) ? *current : r->job;
}

bool roster_carries(enum role r)
{
    return r == ROLE_ADMINISTRATOR;
}

/* One line of text: no line break, tab or other control character. */
static bool one_line(const char *v)
{
    for (const char *p = v; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            return false;
    return true;
}

/* A required value of at most max characters on one line. */
static bool required(const char *v, size_t max, const char *column, const char *missing,
                     struct errors *errs)
{
    if (!v || !*v)
        errors_add(errs, column, missing);
    else if (!one_line(v) || utf8_length(v) > max)
        errors_add(errs, column,
                   max > 200 ? "Keep it to one line of at most 255 characters."
                             : "Keep it to one line of at most 200 characters.");
    else
        return true;
    return false;
}

/* OneRoster's status: empty in a bulk file, "active" or "tobedeleted" in a
 * delta. Whoever is to be deleted is gone from the roster. */
static bool status_active(const char *v, bool *active, struct errors *errs)
{
    if (!v || !*v || strcasecmp(v, "active") == 0)
        return true;
    if (strcasecmp(v, "tobedeleted") == 0) {
        *active = false;
        return true;
    }
    errors_add(errs, "status", "OneRoster's status is empty, active or tobedeleted.");
    return false;
}

/* enabledUser: true or false (empty: true, as a roster that leaves it out
 * means everyone it names). */
static void enabled_user(const char *v, bool *active, struct errors *errs)
{
    if (!v || !*v || strcasecmp(v, "true") == 0)
        return;
    if (strcasecmp(v, "false") == 0)
        *active = false;
    else
        errors_add(errs, "enabledUser", "Say true or false.");
}

/* person_identity_check's errors, under the file's column names. */
static void identity_check(const char *name, const char *email, const char *employee_id,
                           const char *name_column, const char *id_column, struct roster_user *out,
                           struct errors *errs)
{
    struct errors found = {.n = 0};
    person_identity_check(name, email, employee_id, &out->who, &found);
    for (int i = 0; i < found.n; i++) {
        const char *field = found.e[i].field;
        errors_add(errs,
                   strcmp(field, "name") == 0          ? name_column
                   : strcmp(field, "employee_id") == 0 ? id_column
                                                       : field,
                   found.e[i].message);
    }
}

static void oneroster_user(const struct roster_user_in *in, arena *a, struct roster_user *out,
                           struct errors *errs)
{
    if (required(in->sourced_id, 255, "sourcedId", "Give the person's sourcedId.", errs))
        out->sourced_id = in->sourced_id;
    status_active(in->status, &out->active, errs);
    enabled_user(in->enabled, &out->active, errs);
    bool given = required(in->given, 200, "givenName", "Give the person's given name.", errs);
    bool family = required(in->family, 200, "familyName", "Give the person's family name.", errs);
    const char *name = given && family ? arena_printf(a, "%s %s", in->given, in->family) : "-";
    identity_check(name, in->email, in->identifier, "givenName", "identifier", out, errs);
    out->schools = in->orgs ? in->orgs : "";
}

static void plain_user(const struct roster_user_in *in, struct roster_user *out,
                       struct errors *errs)
{
    identity_check(in->name, in->email, in->employee_id, "name", "employee_id", out, errs);
    if (in->school && *in->school && (!one_line(in->school) || utf8_length(in->school) > 200))
        errors_add(errs, "school", "Give the school's name or code, on one line.");
    out->schools = in->school ? in->school : "";
}

bool roster_user_check(arena *a, enum roster_format f, const struct roster_user_in *in,
                       struct roster_user *out, struct errors *errs)
{
    int before = errs->n;
    memset(out, 0, sizeof *out);
    out->sourced_id = out->schools = "";
    out->active = true;
    out->role = roster_role_find(in->role);
    if (!out->role) {
        errors_add(errs, "role",
                   in->role && *in->role ? "Not a role OneRoster 1.1 knows: say teacher, "
                                           "administrator, aide or proctor (a student or a parent "
                                           "is left out)."
                                         : "Say the person's role: teacher, administrator, aide or "
                                           "proctor.");
        return false;
    }
    if (!out->role->staff)
        return true;
    if (f == ROSTER_ONEROSTER)
        oneroster_user(in, a, out, errs);
    else
        plain_user(in, out, errs);
    return errs->n == before;
}

/* OneRoster 1.1's org types. */
static const char *const org_types[] = {"department", "school", "district",
                                        "local",      "state",  "national"};

bool roster_org_check(const struct roster_org_in *in, struct roster_org *out, struct errors *errs)
{
    int before = errs->n;
    memset(out, 0, sizeof *out);
    out->active = true;
    if (required(in->sourced_id, 255, "sourcedId", "Give the org's sourcedId.", errs))
        out->sourced_id = in->sourced_id;
    status_active(in->status, &out->active, errs);
    if (required(in->name, 200, "name", "Give the org's name.", errs))
        out->name = in->name;
    bool known = false;
    for (size_t i = 0; in->type && i < sizeof org_types / sizeof *org_types; i++)
        known = known || strcasecmp(in->type, org_types[i]) == 0;
    if (!known)
        errors_add(errs, "type",
                   "Say the org's type as OneRoster 1.1 does: school, district, "
                   "local, state, national or department.");
    out->school = known && strcasecmp(in->type, "school") == 0;
    /* Parley shows a school by a short code: its identifier, or failing
     * that its sourcedId, if short enough. */
    const char *code = in->identifier && *in->identifier ? in->identifier : in->sourced_id;
    if (out->school && code && (!one_line(code) || utf8_length(code) > 40))
        errors_add(errs, "identifier",
                   "Give the school a short identifier, at most 40 "
                   "characters on one line: Parley shows it as the "
                   "school's code.");
    else
        out->code = code;
    return errs->n == before;
}

int roster_org_ids(arena *a, const char *list, const char ***out)
{
    int n = 0, cap = 1;
    for (const char *p = list ? list : ""; *p; p++)
        cap += *p == ',';
    *out = arena_alloc(a, sizeof **out * (size_t)cap);
    for (const char *p = list ? list : ""; *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        while (len && (*p == ' ' || *p == '\t'))
            p++, len--;
        while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
            len--;
        if (len)
            (*out)[n++] = arena_strndup(a, p, len);
        p = end ? end + 1 : p + len;
        if (!end)
            break;
    }
    return n;
}

#include "domain/people.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/utf8.h"

static const struct {
    const char *key, *label;
} job_types[JOB_COUNT] = {
    [JOB_CLASSROOM_TEACHER] = {"classroom_teacher", "Classroom teacher"},
    [JOB_SPC_TEACHER] = {"spc_teacher", "SPC teacher (Suitable Professional Capacity)"},
    [JOB_NURSE] = {"nurse", "School nurse"},
    [JOB_COSESS] = {"cosess", "CoSESS (non-classroom specialist)"},
    [JOB_OTHER] = {"other", "Other"},
};

const char *job_type_key(enum job_type j)
{
    return j < JOB_COUNT ? job_types[j].key : "";
}

const char *job_type_label(enum job_type j)
{
    return j < JOB_COUNT ? job_types[j].label : "";
}

bool job_type_parse(const char *key, enum job_type *out)
{
    for (int j = 0; key && j < JOB_COUNT; j++) {
        if (strcmp(key, job_types[j].key) == 0) {
            *out = (enum job_type)j;
            return true;
        }
    }
    return false;
}

int parse_number_in(const char *v, int lo, int hi, bool *ok)
{
    char *end;
    long n = v && *v ? strtol(v, &end, 10) : -1;
    *ok = v && *v && *end == '\0' && n >= lo && n <= hi;
    return *ok ? (int)n : 0;
}

int64_t parse_id(const char *s)
{
    if (!s || !*s || strlen(s) > 18)
        return 0;
    for (const char *p = s; *p; p++)
        if (!isdigit((unsigned char)*p))
            return 0;
    return strtoll(s, NULL, 10);
}

bool parse_flag(const char *s, bool *ok)
{
    static const char *const yes[] = {"1", "yes", "on", "true"};
    static const char *const no[] = {"0", "no", "off", "false", ""};
    if (!s)
        return false;
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        if (strcmp(s, yes[i]) == 0)
            return true;
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (strcmp(s, no[i]) == 0)
            return false;
    *ok = false;
    return false;
}

/* A required single-line text of 1..max characters. */
static bool check_text(const char *v, size_t max, bool required, const char *field,
                       const char *what, struct errors *errs)
{
    if (!v || !*v) {
        if (required)
            errors_add(errs, field, what);
        return !required;
    }
    if (utf8_length(v) > max || strpbrk(v, "\r\n\t")) {
        errors_add(errs, field, max <= 40 ? "Keep it to one short line (at most 40 characters)."
                                          : "Keep it to one line of at most 200 characters.");
        return false;
    }
    /* Forms trim what is typed; the API and the command line send text as
     * is, where "   " would pass as a name and " RHS" as a second code RHS. */
    if (isspace((unsigned char)v[0]) || isspace((unsigned char)v[strlen(v) - 1])) {
        size_t blanks = strspn(v, " \f\v");
        errors_add(errs, field, v[blanks] == '\0' && required
                                    ? what
                                    : "Remove the spaces at the start and the end.");
        return false;
    }
    return true;
}

bool email_plausible(const char *e)
{
    const char *at = strchr(e, '@');
    if (!at || at == e || strchr(at + 1, '@') || strlen(e) > 254)
        return false;
    const char *dot = strrchr(at, '.');
    if (!dot || dot == at + 1 || dot[1] == '\0')
        return false;
    for (const char *p = e; *p; p++)
        if (isspace((unsigned char)*p) || *p == '<' || *p == '>' || *p == ',')
            return false;
    return true;
}

bool email_check_yours(const char *v, char out[EMAIL_MAX + 1], struct errors *errs)
{
    if (!v || !*v || !email_plausible(v)) {
        errors_add(errs, "email", v && *v ? "Enter an email address in the form name@school.org."
                                          : "Enter your email address, such as name@school.org.");
        return false;
    }
    size_t i = 0;
    for (; v[i] && i < EMAIL_MAX; i++)
        out[i] = (char)tolower((unsigned char)v[i]);
    out[i] = '\0';
    return true;
}

static void check_email(const char *v, struct person_fields *out, struct errors *errs)
{
    if (!v || !*v) {
        errors_add(errs, "email", "Enter an email address, such as name@school.org.");
        return;
    }
    if (!email_plausible(v)) {
        errors_add(errs, "email", "Enter an email address in the form name@school.org.");
        return;
    }
    size_t i = 0;
    for (; v[i] && i < sizeof out->email - 1; i++)
        out->email[i] = (char)tolower((unsigned char)v[i]);
    out->email[i] = '\0';
}

/* R1: the year in the district they are in, as teachers count it. */
static void check_district_year(const char *v, struct person_fields *out, struct errors *errs)
{
    char *end;
    long n = v && *v ? strtol(v, &end, 10) : -1;
    if (!v || !*v || *end != '\0' || n < 1 || n > 60) {
        errors_add(errs, "district_year",
                   "Enter which year in the district they are in, from 1 to 60: 1 for a first "
                   "year.");
        return;
    }
    out->district_year = (int)n;
}

bool person_identity_check(const char *name, const char *email, const char *employee_id,
                           struct person_fields *out, struct errors *errs)
{
    int before = errs->n;
    if (check_text(name, 200, true, "name", "Enter the person's full name.", errs))
        out->name = name;
    check_email(email, out, errs);
    if (check_text(employee_id, 40, false, "employee_id", NULL, errs))
        out->employee_id = employee_id ? employee_id : "";
    return errs->n == before;
}

bool person_check(const struct person_input *in, struct person_fields *out,
                  struct errors *errs)
{
    int before = errs->n;
    memset(out, 0, sizeof *out);
    person_identity_check(in->name, in->email, in->employee_id, out, errs);
    if (in->school_id && *in->school_id && !(out->school_id = parse_id(in->school_id)))
        errors_add(errs, "school_id", "Choose a school from the list.");
    bool ok = true;
    out->union_member = parse_flag(in->union_member, &ok);
    if (!ok)
        errors_add(errs, "union_member", "Say whether they are a member of the union: yes or no.");
    ok = true;
    out->full_time = in->full_time ? parse_flag(in->full_time, &ok) : false;
    if (!ok)
        errors_add(errs, "full_time", "Say whether they work full time: yes or no.");
    check_district_year(in->district_year, out, errs);
    if (!job_type_parse(in->job_type, &out->job_type))
        errors_add(errs, "job_type", "Choose a job type from the list.");
    return errs->n == before;
}

bool school_check(const struct school_input *in, struct errors *errs)
{
    int before = errs->n;
    check_text(in->name, 200, true, "name", "Enter the school's name.", errs);
    check_text(in->code, 40, true, "code", "Enter the school's short code, such as BLHS.", errs);
    check_text(in->address, 200, false, "address", NULL, errs);
    return errs->n == before;
}

static bool check_term(const struct role_input *in, int max_term_years, struct errors *errs)
{
    int y1, m1, d1, y2, m2, d2;
    bool start_ok = clock_parse_date(in->term_start, &y1, &m1, &d1);
    bool end_ok = clock_parse_date(in->term_end, &y2, &m2, &d2);
    if (!start_ok)
        errors_add(errs, "term_start", "Enter the date the term starts (YYYY-MM-DD).");
    if (!end_ok)
        errors_add(errs, "term_end", "Enter the date the term ends (YYYY-MM-DD).");
    if (!start_ok || !end_ok)
        return false;
    if (strcmp(in->term_end, in->term_start) <= 0) {
        errors_add(errs, "term_end", "The term must end after it starts.");
        return false;
    }
    /* R29: a term lasts at most max_term_years (default 4). */
    char limit[16];
    snprintf(limit, sizeof limit, "%04d-%02d-%02d", y1 + max_term_years, m1, d1);
    if (strcmp(in->term_end, limit) > 0) {
        errors_add(errs, "term_end", max_term_years == 4
                                         ? "A Panel term lasts at most 4 years (R29)."
                                         : "A Panel term is longer than the program allows (R29).");
        return false;
    }
    return true;
}

const char *panel_seat_appointer(const char *seat)
{
    if (seat && strcmp(seat, "teacher") == 0)
        return APPOINTER_UNION;
    if (seat && strcmp(seat, "principal") == 0)
        return APPOINTER_DISTRICT;
    return NULL;
}

/* R29: the seat decides who appoints: no one else's appointment stands. */
static void check_appointer(const struct role_input *in, struct role_fields *out,
                            struct errors *errs)
{
    const char *needed = panel_seat_appointer(out->seat);
    if (!needed) {
        if (!in->appointed_by || !*in->appointed_by)
            errors_add(errs, "appointed_by", "Say who appointed this member (R29).");
        return;
    }
    if (in->appointed_by && strcmp(in->appointed_by, needed) == 0) {
        out->appointed_by = needed;
        return;
    }
    errors_add(errs, "appointed_by",
               strcmp(needed, APPOINTER_UNION) == 0
                   ? "A teacher seat on the Panel is appointed by the union president (R29): "
                     "choose the union president."
                   : "A principal seat on the Panel is appointed by the district (R29): "
                     "choose the district's appointer (the Superintendent, or whom the "
                     "program's settings name).");
}

bool role_check(const struct role_input *in, int max_term_years, struct role_fields *out,
                struct errors *errs)
{
    int before = errs->n;
    memset(out, 0, sizeof *out);
    out->seat = out->appointed_by = out->term_start = out->term_end = "";
    if (!role_parse(in->role, &out->role)) {
        errors_add(errs, "role", "Choose a role from the list.");
        return false;
    }
    if (role_needs_school(out->role) && !(out->school_id = parse_id(in->school_id)))
        errors_add(errs, "school_id", "An administrator belongs to a school: choose one.");
    else if (!role_needs_school(out->role) && in->school_id && *in->school_id)
        errors_add(errs, "school_id", "Only an administrator's role names a school; leave the "
                                      "school empty for this role.");
    if (!role_needs_term(out->role))
        return errs->n == before;
    if (!in->seat || (strcmp(in->seat, "teacher") != 0 && strcmp(in->seat, "principal") != 0))
        errors_add(errs, "seat", "Choose the seat: teacher or principal.");
    else
        out->seat = in->seat;
    check_appointer(in, out, errs);
    if (check_term(in, max_term_years, errs)) {
        out->term_start = in->term_start;
        out->term_end = in->term_end;
    }
    return errs->n == before;
}

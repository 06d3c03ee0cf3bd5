#include "domain/eligibility.h"

#include <stdio.h>
#include <string.h>

#include "domain/errors.h"

static const struct {
    const char *key, *label;
} plans[PLAN_COUNT] = {
    [PLAN_SELF_DIRECTED] = {"self_directed", "Self-Directed Growth Plan"},
    [PLAN_DIRECTED_GROWTH] = {"directed_growth", "Directed Growth Plan"},
    [PLAN_IMPROVEMENT] = {"improvement", "Improvement Plan"},
    [PLAN_DEVELOPING_EDUCATOR] = {"developing_educator", "Developing Educator Plan"},
};

const char *plan_type_key(enum plan_type p) { return p < PLAN_COUNT ? plans[p].key : ""; }
const char *plan_type_label(enum plan_type p) { return p < PLAN_COUNT ? plans[p].label : ""; }

bool plan_type_parse(const char *key, enum plan_type *out)
{
    for (int p = 0; key && p < PLAN_COUNT; p++)
        if (strcmp(key, plans[p].key) == 0) {
            *out = (enum plan_type)p;
            return true;
        }
    return false;
}

static void add(struct eligibility *e, const char *rule, bool passed, bool par_only,
                const char *sentence)
{
    if (e->n < ELIGIBILITY_CRITERIA)
        e->c[e->n++] = (struct criterion){rule, passed, par_only, sentence};
}

/* R2, R3: the plan decides whether PA and PAR are open at all. */
static void check_plan(const struct eligibility_facts *f, struct eligibility *e)
{
    if (f->plan == PLAN_SELF_DIRECTED) {
        add(e, "R3", false, false,
            "You are on a Self-Directed plan. PA and PAR are for teachers on a Directed "
            "Growth, Improvement or Developing Educator plan; you may ask for coaching "
            "(a consultancy visit) instead.");
        return;
    }
    add(e, "R2", true, false,
        "You are on a Directed Growth, Improvement or Developing Educator plan, which PA "
        "and PAR are for.");
}

/* R4: PAR needs time for intensive support; PA has no plan-length rule. */
static void check_plan_length(const struct eligibility_facts *f,
                              const struct eligibility_settings *s, struct eligibility *e)
{
    bool long_enough = f->plan_months >= s->par_min_plan_months;
    char *t = e->text[e->n];
    if (long_enough)
        snprintf(t, sizeof e->text[0], "Your plan is %d months long; PAR needs at least %d.",
                 f->plan_months, s->par_min_plan_months);
    else
        snprintf(t, sizeof e->text[0],
                 "Your plan is %d months long and PAR needs at least %d, so PAR is not open "
                 "to you; PA has no plan-length requirement.",
                 f->plan_months, s->par_min_plan_months);
    add(e, "R4", long_enough, true, t);
}

/* R5: union membership and full-time work; job type never excludes. */
static void check_membership(const struct eligibility_facts *f, struct eligibility *e)
{
    add(e, "R5", f->union_member, false,
        f->union_member ? "You are a member of the union."
                        : "PA and PAR are part of the union contract: they are for union "
                          "members.");
    add(e, "R5", f->full_time, false,
        f->full_time ? "You work full time." : "PA and PAR are for full-time employees.");
    if (f->job == JOB_SPC_TEACHER || f->job == JOB_NURSE || f->job == JOB_COSESS)
        add(e, "R5", true, false,
            "SPC teachers, nurses and CoSESS staff take part like classroom teachers.");
}

/* R6: the program's aim is teachers not yet rated Proficient. */
static void check_rating(const struct eligibility_facts *f, struct eligibility *e)
{
    bool below = f->rating == RATING_NEEDS_IMPROVEMENT || f->rating == RATING_UNSATISFACTORY ||
                 f->rating == RATING_NONE;
    add(e, "R6", below, false,
        below ? "You are not currently rated Proficient, which is who the program serves."
              : "You are already rated Proficient or better: PA and PAR are not for you, "
                "but you may ask for a consultancy visit (feedback or short-term coaching).");
}

static const char *advice(const struct eligibility *e)
{
    if (e->par)
        return "You can choose PA or PAR. Send the contact form to set up a first meeting "
               "with a Consulting Teacher.";
    if (e->pa)
        return "You can join Peer Assistance (PA). Send the contact form to set up a first "
               "meeting with a Consulting Teacher.";
    return "PA and PAR are not open to you now, but you may ask for a consultancy visit: "
           "send the contact form and choose \"consultancy visit\".";
}

const char *district_year_question(bool yours)
{
    return yours ? "Which year in the district are you in?"
                 : "Which year in the district are they in?";
}

const char *district_year_hint(bool yours)
{
    return yours ? "Count this school year: 1 if it is your first year in the district, 3 if "
                   "it is your third."
                 : "Count this school year: 1 for a first year in the district, 3 for a third.";
}

void ordinal(int n, char *out, size_t size)
{
    int tens = n % 100, ones = n % 10;
    const char *suffix = tens >= 11 && tens <= 13 ? "th"
                         : ones == 1              ? "st"
                         : ones == 2              ? "nd"
                         : ones == 3              ? "rd"
                                                  : "th";
    snprintf(out, size, "%d%s", n, suffix);
}

int district_year_after_full_years(int full_years)
{
    return full_years + 1;
}

/* "1st or 2nd year", "1st, 2nd or 3rd year", "first 5 years". */
static void first_years(int n, char *out, size_t size)
{
    if (n > 3) {
        snprintf(out, size, "first %d years", n);
        return;
    }
    size_t used = 0;
    for (int y = 1; y <= n && used < size; y++) {
        char o[16];
        ordinal(y, o, sizeof o);
        used += (size_t)snprintf(out + used, size - used, "%s%s", y == 1 ? "" : y == n ? " or " : ", ",
                                 o);
    }
    if (used < size)
        snprintf(out + used, size - used, " year");
}

/* R1: teachers in their first min_years_experience years (1st and 2nd by
 * default) are not eligible; from the next year they are, so a teacher in
 * their 3rd year is. Said back the way they counted. */
static void check_experience(const struct eligibility_facts *f,
                             const struct eligibility_settings *s, struct eligibility *e)
{
    bool experienced = f->district_year > s->min_years_experience;
    char year[16], from[16], first[64];
    ordinal(f->district_year, year, sizeof year);
    ordinal(s->min_years_experience + 1, from, sizeof from);
    first_years(s->min_years_experience, first, sizeof first);
    char *t = e->text[e->n];
    if (experienced)
        snprintf(t, sizeof e->text[0],
                 "You are in your %s year in the district: the program is open from the %s "
                 "year on.",
                 year, from);
    else
        snprintf(t, sizeof e->text[0],
                 "You are in your %s year in the district: teachers in their %s are not "
                 "eligible yet. From your %s year you are.",
                 year, first, from);
    add(e, "R1", experienced, false, t);
}

void eligibility_check(const struct eligibility_facts *f, const struct eligibility_settings *s,
                       struct eligibility *out)
{
    memset(out, 0, sizeof *out);
    check_experience(f, s, out);
    check_plan(f, out);
    check_plan_length(f, s, out);
    check_membership(f, out);
    check_rating(f, out);
    out->pa = true;
    out->par = true;
    for (int i = 0; i < out->n; i++) {
        if (out->c[i].passed)
            continue;
        out->par = false;
        if (!out->c[i].for_par_only)
            out->pa = false;
    }
    out->consultancy = true;   /* R6: anyone may ask; the program decides */
    out->advice = advice(out);
}

static bool yes_no(const char *v, bool *out)
{
    bool ok = true;
    *out = parse_flag(v, &ok);
    return ok && v && *v;
}

bool eligibility_facts_parse(const struct eligibility_answers *in, bool yours,
                             struct eligibility_facts *f, struct errors *errs)
{
    bool ok;
    f->district_year = parse_number_in(in->district_year, 1, 60, &ok);
    if (!ok)
        errors_add(errs, "district_year",
                   yours ? "Enter which year in the district you are in, from 1 to 60: 1 if "
                           "this is your first year."
                         : "Enter which year in the district they are in, from 1 to 60: 1 for "
                           "a first year.");
    if (!plan_type_parse(in->plan, &f->plan))
        errors_add(errs, "plan",
                   yours ? "Choose your evaluation plan." : "Choose the evaluation plan.");
    f->plan_months = parse_number_in(in->months, 0, 36, &ok);
    if (!ok)
        errors_add(errs, "months",
                   yours ? "Enter your plan's length in months, from 0 to 36."
                         : "Enter the plan's length in months, from 0 to 36.");
    /* An answer left empty is no answer ("none" is: not rated yet). */
    if (!in->rating || !*in->rating || !rating_parse(in->rating, &f->rating))
        errors_add(errs, "rating",
                   yours ? "Choose your most recent overall rating."
                         : "Choose the most recent overall rating.");
    /* Each names its question: two "Answer yes or no." would not say which. */
    if (!yes_no(in->union_member, &f->union_member))
        errors_add(errs, "union_member",
                   yours ? "Say whether you are a member of the union: yes or no."
                         : "Say whether the teacher is a member of the union: yes or no.");
    if (!yes_no(in->full_time, &f->full_time))
        errors_add(errs, "full_time",
                   yours ? "Say whether you work full time: yes or no."
                         : "Say whether the teacher works full time: yes or no.");
    if (!job_type_parse(in->job, &f->job))
        errors_add(errs, "job", yours ? "Choose your job." : "Choose the job.");
    return errs->n == 0;
}

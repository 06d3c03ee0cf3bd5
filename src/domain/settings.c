#include "domain/settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "domain/credential.h"

/* Each row: its rule, its name for people, its bounds and why. The bounds
 * keep the rule on: a small-group minimum of 1 would publish a figure about
 * one person (R39), a Panel term of 10 years is not a term of up to 4 (R29). */
const struct setting_def setting_defs[] = {
    {.key = "min_years_experience", .default_value = "2", .rule = "R1",
     .label = "Years in the district before a teacher may join",
     .meaning = "Teachers in this many first years in the district are not eligible yet: with 2, "
                "a teacher in their 1st or 2nd year is not, one in their 3rd year is.",
     .lo = 2, .hi = 10,
     .bounds = "Give a number of years from 2 to 10; the program is for teachers past their "
               "first two years in the district."},
    {.key = "par_min_plan_months", .default_value = "6", .rule = "R4",
     .label = "Shortest evaluation plan for PAR, in months",
     .meaning = "PAR needs an evaluation plan at least this many months long; a shorter plan is "
                "for PA.",
     .lo = 6, .hi = 12,
     .bounds = "Give a number of months from 6 to 12; PAR needs a plan at least 6 months long, "
               "and a plan lasts at most a year."},
    {.key = "cycle_min_months", .default_value = "6", .rule = "R13",
     .label = "Shortest evaluation cycle, in months", .meaning = "Shortest evaluation cycle, in months.",
     .lo = 6, .hi = 12,
     .bounds = "Give a number of months from 6 to 12; a cycle lasts from 6 months to one year."},
    {.key = "cycle_max_months", .default_value = "12", .rule = "R13",
     .label = "Longest evaluation cycle, in months", .meaning = "Longest evaluation cycle, in months.",
     .lo = 6, .hi = 12,
     .bounds = "Give a number of months from 6 to 12; a cycle lasts from 6 months to one year."},
    {.key = "caseload_weight_par", .default_value = "2", .rule = "R30",
     .label = "Caseload weight of a PAR teacher", .meaning = "Caseload weight of a PAR teacher.",
     .lo = 1, .hi = 10,
     .bounds = "Give a weight from 1 to 10; every teacher counts on a caseload."},
    {.key = "caseload_weight_pa", .default_value = "1", .rule = "R30",
     .label = "Caseload weight of a PA teacher", .meaning = "Caseload weight of a PA teacher.",
     .lo = 1, .hi = 10,
     .bounds = "Give a weight from 1 to 10; every teacher counts on a caseload."},
    {.key = "caseload_cap", .default_value = "20", .rule = "R30",
     .label = "Caseload cap of a Consulting Teacher",
     .meaning = "Most weighted cases one Consulting Teacher carries.", .lo = 1, .hi = 200,
     .bounds = "Give a weighted load from 1 to 200."},
    {.key = "panel_vote_rule", .default_value = "majority", .rule = "R24",
     .label = "How the Panel decides",
     .meaning = "How the Panel decides: majority (of members present), fixed:N, or consensus.",
     .kind = SETTING_VOTE_RULE, .lo = 1, .hi = 99,
     .bounds = "Use majority, consensus, or fixed:N (for example fixed:6 for six of nine)."},
    {.key = "panel_quorum", .default_value = "5", .rule = "R24", .label = "Panel quorum",
     .meaning = "Members who must be present for a Panel vote.", .lo = 1, .hi = 99,
     .bounds = "Give a number of members from 1 to 99; the Panel votes with its members present."},
    {.key = "panel_max_term_years", .default_value = "4", .rule = "R29",
     .label = "Longest Panel term, in years", .meaning = "Longest term of a Panel member, in years.",
     .lo = 2, .hi = 4,
     .bounds = "Give a number of years from 2 to 4; Panel members serve terms of 2 to 4 years."},
    {.key = "ct_min_commitment_years", .default_value = "2", .rule = "R27",
     .label = "A Consulting Teacher's shortest commitment, in years",
     .meaning = "A Consulting Teacher's least commitment, in years.", .lo = 2, .hi = 10,
     .bounds = "Give a number of years from 2 to 10; Consulting Teachers commit to at least 2 "
               "years."},
    {.key = "ct_admin_restriction_years", .default_value = "1", .rule = "R27",
     .label = "Years a former Consulting Teacher may not be a principal",
     .meaning = "Years after leaving the role during which a CT may not take a principal post.",
     .lo = 1, .hi = 10,
     .bounds = "Give a number of years from 1 to 10; the restriction lasts at least one year "
               "after leaving the role."},
    {.key = "feedback_days", .default_value = "5", .rule = "R19",
     .label = "Days to share an observation's feedback",
     .meaning = "Days within which observation feedback is shared.", .lo = 1, .hi = 30,
     .bounds = "Give a number of days from 1 to 30; feedback that comes later no longer helps "
               "the next lesson."},
    {.key = "goals_due_days", .default_value = "30", .rule = "R19", .label = "Days to set the goals",
     .meaning = "Days after the cycle starts by which the goals are set and approved.",
     .lo = 1, .hi = 90,
     .bounds = "Give a number of days from 1 to 90; the goals are set early enough to work on "
               "them in a cycle of 6 months."},
    {.key = "small_group_min", .default_value = "5", .rule = "R39",
     .label = "Smallest group whose figures are published",
     .meaning = "Smallest group for which a figure is published.", .lo = 5, .hi = 100,
     .bounds = "Give a number of people from 5 to 100; a figure about fewer than 5 people "
               "could tell who they are."},
    {.key = "superintendent_title", .default_value = "Superintendent", .rule = "R25",
     .label = "Title of the final approver", .meaning = "The title of the final approver.",
     .kind = SETTING_TEXT, .lo = 1, .hi = 80, .bounds = "Give a title of 1 to 80 characters."},
    {.key = "panel_principal_appointer", .default_value = "Superintendent", .rule = "R29",
     .label = "Who appoints the Panel's principal members",
     .meaning = "Who appoints the Panel's principal members (003: the Assistant Superintendent of "
                "Human Capital); the union president appoints its teacher members.",
     .kind = SETTING_TEXT, .lo = 1, .hi = 80, .bounds = "Give a title of 1 to 80 characters."},
    {.key = "panel_preview_days", .default_value = "10", .rule = "R22",
     .label = "Days to send the Panel evidence",
     .meaning = "Days the teacher and the administrator have, once the recommendation goes to the "
                "Panel, to send it their evidence or ask to appear.",
     .lo = 1, .hi = 60,
     .bounds = "Give a number of days from 1 to 60; the teacher and the administrator see the "
               "recommendation, and may answer it, before the Panel votes."},
    {.key = "reminder_days", .default_value = "3", .rule = "R37",
     .label = "Days before a due date that people are reminded",
     .meaning = "Days before a task is due that the people it is due from are reminded in their "
                "inbox.",
     .lo = 0, .hi = 30, .bounds = "Give a number of days from 0 (on the day) to 30."},
    {.key = "reminder_wait_days", .default_value = "7", .rule = "R37",
     .label = "Days a task waits before a reminder",
     .meaning = "Days a task waits for someone before they are reminded of it.",
     .lo = 1, .hi = 60, .bounds = "Give a number of days from 1 to 60."},
    {.key = "contact_per_hour", .default_value = "5", .rule = "R10",
     .label = "Contact forms accepted from one address in an hour",
     .meaning = "Contact-form inquiries accepted from one address in an hour, against spam; 0 turns "
                "the limit off.",
     .lo = 0, .hi = 1000, .bounds = "Give a number from 0 (no limit) to 1000."},
    /* Issue 15: no value lets a token live for ever. */
    {.key = "api_token_days", .default_value = "90", .rule = "",
     .label = "Longest life of an API token, in days",
     .meaning = "The longest an API token lasts, in days; a token lasts this long unless its "
                "maker asks for fewer.",
     .lo = TOKEN_DAYS_MIN, .hi = TOKEN_DAYS_MAX,
     .bounds = "Give a whole number of days from 1 to 365."},
    /* Limits that protect the service (issue 15): none switches off. */
    {.key = "feedback_per_hour", .default_value = "5", .rule = "",
     .label = "Comments the feedback form accepts from one address in an hour",
     .meaning = "Comments the feedback form accepts from one address in an hour, against spam.",
     .lo = 1, .hi = 1000, .bounds = "Give a whole number from 1 to 1000."},
    /* Issue 16: "Forgot your password?" cannot flood a mailbox. */
    {.key = "password_links_per_hour", .default_value = "3", .rule = "",
     .label = "Password links one email address is sent in an hour",
     .meaning = "Links to set a password that \"Forgot your password?\" sends one email address "
                "in an hour, so that nobody can fill someone's mailbox with them.",
     .lo = 1, .hi = 20, .bounds = "Give a whole number from 1 to 20."},
    {.key = "password_link_asks_per_hour", .default_value = "20", .rule = "",
     .label = "Password links asked for from one network address in an hour",
     .meaning = "Times \"Forgot your password?\" is sent from one network address in an hour, "
                "whatever email addresses it names (a school's staff may share one).",
     .lo = 1, .hi = 1000, .bounds = "Give a whole number from 1 to 1000."},
    /* Issue 17: with an OpenID provider, a program may turn passwords off
     * for its people; never without one, so that nobody is locked out. */
    {.key = "password_sign_in", .default_value = "yes", .rule = "",
     .label = "People may sign in with a password",
     .meaning = "No: the program's people sign in only through its OpenID provider (\"Sign in "
                "with...\"). Without a provider for the program, passwords still work, so that "
                "nobody is locked out.",
     .kind = SETTING_YES_NO, .lo = 0, .hi = 1, .bounds = "Answer yes or no."},
    {.key = "upload_case_quota_mib", .default_value = "100", .rule = "",
     .label = "Files one case keeps, in MiB",
     .meaning = "Most megabytes (MiB) of files one case keeps: its artifacts together.",
     .lo = 1, .hi = 10240, .bounds = "Give a whole number of MiB from 1 to 10240 (10 GiB)."},
    {.key = "upload_person_quota_mib", .default_value = "500", .rule = "",
     .label = "Files one person uploads, in MiB",
     .meaning = "Most megabytes (MiB) of files one person uploads: artifacts and the site's "
                "documents together.",
     .lo = 1, .hi = 102400, .bounds = "Give a whole number of MiB from 1 to 102400 (100 GiB)."},
};
const int setting_def_count = sizeof setting_defs / sizeof setting_defs[0];

const struct setting_def *setting_find(const char *key)
{
    for (int i = 0; key && i < setting_def_count; i++)
        if (strcmp(setting_defs[i].key, key) == 0)
            return &setting_defs[i];
    return NULL;
}

static bool whole_number(const char *v, long lo, long hi, long *n)
{
    char *end;
    *n = strtol(v, &end, 10);
    return *v && *v != ' ' && *v != '+' && *end == '\0' && *n >= lo && *n <= hi;
}

static bool vote_rule_ok(const struct setting_def *d, const char *v)
{
    long n;
    return strcmp(v, "majority") == 0 || strcmp(v, "consensus") == 0 ||
           (strncmp(v, "fixed:", 6) == 0 && whole_number(v + 6, d->lo, d->hi, &n));
}

static bool text_ok(const struct setting_def *d, const char *v)
{
    size_t len = strlen(v);
    return utf8_valid(v, len) && !strpbrk(v, "\r\n\t") && utf8_length(v) >= (size_t)d->lo &&
           utf8_length(v) <= (size_t)d->hi;
}

static bool value_ok(const struct setting_def *d, const char *v)
{
    long n;
    switch (d->kind) {
    case SETTING_TEXT: return text_ok(d, v);
    case SETTING_VOTE_RULE: return vote_rule_ok(d, v);
    case SETTING_YES_NO: return strcmp(v, "yes") == 0 || strcmp(v, "no") == 0;
    default: return whole_number(v, d->lo, d->hi, &n);
    }
}

const char *setting_invalid(const char *key, const char *value)
{
    const struct setting_def *def = setting_find(key);
    if (!def)
        return "There is no such setting.";
    return value && value_ok(def, value) ? NULL : def->bounds;
}

/* --- relations between two settings --- */

static bool at_most(const char *a, const char *b)
{
    return atol(a) <= atol(b);
}

static bool less_than(const char *a, const char *b)
{
    return atol(a) < atol(b);
}

/* R24: a fixed number of votes is more than half the quorum, or two
 * ratings could both reach it when only a quorum is present. */
static bool fixed_is_a_majority_of_quorum(const char *rule, const char *quorum)
{
    return strncmp(rule, "fixed:", 6) != 0 || 2 * atol(rule + 6) > atol(quorum);
}

struct setting_relation {
    const char *a, *b;                          /* the two settings' keys */
    bool (*holds)(const char *a, const char *b);
    const char *words;                          /* why, in plain words */
};

static const struct setting_relation setting_relations[] = {
    /* R13 */
    {"cycle_min_months", "cycle_max_months", at_most,
     "The shortest cycle cannot be longer than the longest cycle."},
    /* R30 */
    {"caseload_weight_pa", "caseload_weight_par", less_than,
     "A PAR teacher counts more on a caseload than a PA teacher."},
    /* R30, R8: a cap below one PAR teacher's weight would shut every
     * eligible teacher out of PAR. */
    {"caseload_weight_par", "caseload_cap", at_most,
     "The caseload cap must leave room for at least one PAR teacher."},
    /* R24 */
    {"panel_vote_rule", "panel_quorum", fixed_is_a_majority_of_quorum,
     "A fixed number of votes must be more than half the quorum, so that only one rating can "
     "reach it."},
};

static int def_index(const char *key)
{
    const struct setting_def *d = setting_find(key);
    return d ? (int)(d - setting_defs) : -1;
}

/* The words "Label: why." for a problem with setting i, kept in w. */
static void problem(struct errors *errs, char (*w)[SETTING_WORDS_MAX], int i, const char *why)
{
    if (errs->n >= ERRORS_MAX)
        return;
    char *t = w[errs->n];
    snprintf(t, SETTING_WORDS_MAX, "%s: %s", setting_defs[i].label, why);
    errors_add(errs, setting_defs[i].key, t);
}

bool settings_check(const char *const *values, const bool *sent, char (*words)[SETTING_WORDS_MAX],
                    struct errors *errs)
{
    int before = errs->n;
    bool ok[sizeof setting_defs / sizeof setting_defs[0]];
    for (int i = 0; i < setting_def_count; i++) {
        ok[i] = values[i] && value_ok(&setting_defs[i], values[i]);
        if (sent[i] && !ok[i])
            problem(errs, words, i, setting_defs[i].bounds);
    }
    for (size_t r = 0; r < sizeof setting_relations / sizeof setting_relations[0]; r++) {
        const struct setting_relation *rel = &setting_relations[r];
        int a = def_index(rel->a), b = def_index(rel->b);
        if (a < 0 || b < 0 || !ok[a] || !ok[b] || (!sent[a] && !sent[b]) ||
            rel->holds(values[a], values[b]))
            continue;
        /* Beside the one the person sent; if both, the first. */
        problem(errs, words, sent[a] ? a : b, rel->words);
    }
    return errs->n == before;
}

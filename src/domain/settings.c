#include "domain/settings.h"

#include <stdlib.h>
#include <string.h>

const struct setting_def setting_defs[] = {
    {"min_years_experience", "2", "R1",
     "Teachers need strictly more than this many years in the district."},
    {"par_min_plan_months", "6", "R4",
     "PAR needs an evaluation plan at least this many months long."},
    {"cycle_min_months", "6", "R13", "Shortest evaluation cycle, in months."},
    {"cycle_max_months", "12", "R13", "Longest evaluation cycle, in months."},
    {"caseload_weight_par", "2", "R30", "Caseload weight of a PAR teacher."},
    {"caseload_weight_pa", "1", "R30", "Caseload weight of a PA teacher."},
    {"caseload_cap", "20", "R30", "Most weighted cases one Consulting Teacher carries."},
    {"panel_vote_rule", "majority", "R24",
     "How the Panel decides: majority (of members present), fixed:N, or consensus."},
    {"panel_quorum", "5", "R24", "Members who must be present for a Panel vote."},
    {"panel_max_term_years", "4", "R29", "Longest term of a Panel member, in years."},
    {"ct_min_commitment_years", "2", "R27", "A Consulting Teacher's least commitment, in years."},
    {"ct_admin_restriction_years", "1", "R27",
     "Years after leaving the role during which a CT may not take a principal post."},
    {"feedback_days", "5", "R19", "Days within which observation feedback is shared."},
    {"goals_due_days", "30", "R19",
     "Days after the cycle starts by which the goals are set and approved."},
    {"small_group_min", "5", "R39", "Smallest group for which a figure is published."},
    {"superintendent_title", "Superintendent", "R25", "The title of the final approver."},
    {"panel_principal_appointer", "Superintendent", "R29",
     "Who appoints the Panel's principal members (003: the Assistant Superintendent of Human "
     "Capital); the union president appoints its teacher members."},
    {"panel_preview_days", "10", "R22",
     "Days the teacher and the administrator have, once the recommendation goes to the Panel, "
     "to send it their evidence or ask to appear."},
    {"contact_per_hour", "5", "R10",
     "Contact-form inquiries accepted from one address in an hour, against spam; 0 turns the limit off."},
    /* Limits that protect the service (issue 15): bounded in limit_bounds below. */
    {"feedback_per_hour", "5", NULL,
     "Comments the feedback form accepts from one address in an hour, against spam."},
    {"upload_case_quota_mib", "100", NULL,
     "Most megabytes (MiB) of files one case keeps: its artifacts together."},
    {"upload_person_quota_mib", "500", NULL,
     "Most megabytes (MiB) of files one person uploads: artifacts and the site's documents "
     "together."},
};
const int setting_def_count = sizeof setting_defs / sizeof setting_defs[0];

const struct setting_def *setting_find(const char *key)
{
    for (int i = 0; i < setting_def_count; i++)
        if (strcmp(setting_defs[i].key, key) == 0)
            return &setting_defs[i];
    return NULL;
}

static bool whole_number(const char *v, long lo, long hi)
{
    char *end;
    long n = strtol(v, &end, 10);
    return *v && *end == '\0' && n >= lo && n <= hi;
}

/* The limits' bounds: no value switches a limit off or makes it
 * meaningless. */
static const struct {
    const char *key;
    long lo, hi;
    const char *why;
} limit_bounds[] = {
    {"feedback_per_hour", 1, 1000, "Give a whole number from 1 to 1000."},
    {"upload_case_quota_mib", 1, 10240, "Give a whole number of MiB from 1 to 10240 (10 GiB)."},
    {"upload_person_quota_mib", 1, 102400,
     "Give a whole number of MiB from 1 to 102400 (100 GiB)."},
};

const char *setting_invalid(const char *key, const char *value)
{
    const struct setting_def *def = setting_find(key);
    if (!def)
        return "There is no such setting.";
    for (size_t i = 0; i < sizeof limit_bounds / sizeof limit_bounds[0]; i++)
        if (strcmp(key, limit_bounds[i].key) == 0)
            return whole_number(value, limit_bounds[i].lo, limit_bounds[i].hi)
                       ? NULL
                       : limit_bounds[i].why;
    if (strcmp(key, "superintendent_title") == 0 || strcmp(key, "panel_principal_appointer") == 0)
        return *value && strlen(value) <= 80 ? NULL : "Give a title of 1 to 80 characters.";
    if (strcmp(key, "panel_vote_rule") == 0) {
        if (strcmp(value, "majority") == 0 || strcmp(value, "consensus") == 0)
            return NULL;
        if (strncmp(value, "fixed:", 6) == 0 && whole_number(value + 6, 1, 99))
            return NULL;
        return "Use majority, consensus, or fixed:N (for example fixed:6 for six of nine).";
    }
    return whole_number(value, 0, 1000) ? NULL : "Give a whole number from 0 to 1000.";
}

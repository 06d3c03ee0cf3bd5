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
    {"reminder_days", "3", "R37",
     "Days before a task is due that the person it is due from is reminded in their inbox."},
    {"reminder_wait_days", "7", "R37",
     "Days a task waits for someone before they are reminded of it."},
    {"contact_per_hour", "5", "R10",
     "Contact-form inquiries accepted from one address in an hour, against spam; 0 turns the limit off."},
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

const char *setting_invalid(const char *key, const char *value)
{
    const struct setting_def *def = setting_find(key);
    if (!def)
        return "There is no such setting.";
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

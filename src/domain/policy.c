#include "domain/policy.h"

#include <string.h>

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
    {ROLE_COORDINATOR, ACT_LIST, KIND_CASE,
     "The coordinator lists every case."},
    {ROLE_CONSULTING_TEACHER, ACT_LIST, KIND_CASE,
     "A Consulting Teacher lists the cases they work on."},
    {ROLE_ADMINISTRATOR, ACT_LIST, KIND_CASE,
     "An administrator lists the cases of their school's teachers."},
    {ROLE_UNION_REP, ACT_LIST, KIND_CASE,
     "A union representative lists the cases whose PAR Agreement they review."},
    {ROLE_PARTICIPATING_TEACHER, ACT_LIST, KIND_CASE,
     "A teacher lists their own cases (R37)."},
    {ROLE_COORDINATOR, ACT_CREATE, KIND_CASE,
     "The coordinator opens a case from the teacher's own inquiry (R8, R10); nobody else, "
     "an administrator included, can enrol a teacher."},
    {ROLE_COORDINATOR, ACT_VIEW, KIND_CASE,
     "The coordinator sees every case."},
    {WHO_CASE_TEACHER, ACT_VIEW, KIND_CASE,
     "A teacher sees everything in their own case (R37)."},
    {WHO_CASE_CT, ACT_VIEW, KIND_CASE,
     "The case's Consulting Teacher sees it."},
    {WHO_CASE_ADMINISTRATOR, ACT_VIEW, KIND_CASE,
     "The administrator of the teacher's school sees the case."},
    {WHO_CASE_UNION_REP, ACT_VIEW, KIND_CASE,
     "The union representative who reviews the PAR Agreement sees the case."},
    {ROLE_COORDINATOR, ACT_EDIT, KIND_CASE,
     "The coordinator takes the steps the case workflow gives them, and may withdraw a case "
     "with a reason."},
    {WHO_CASE_TEACHER, ACT_EDIT, KIND_CASE,
     "A teacher takes their own steps: choosing a track, signing the PAR Agreement, "
     "withdrawing (R8)."},
    {WHO_CASE_CT, ACT_EDIT, KIND_CASE,
     "The case's Consulting Teacher records the initial meeting and the track chosen."},
    {WHO_CASE_ADMINISTRATOR, ACT_EDIT, KIND_CASE,
     "The teacher's administrator sets the cycle's timeline (R12); they can neither enrol "
     "a teacher nor withdraw or block an eligible teacher's case (R8)."},
    {WHO_CASE_UNION_REP, ACT_EDIT, KIND_CASE,
     "The union representative records the agreement review and signs the PAR Agreement (R11)."},
    /* --- the work of the cycle (R14-R19). Evaluators reach a case's records
     * only through WHO_CASE_EVALUATOR, which never holds on a PA case: that
     * is R16, here and nowhere else. --- */
    {WHO_SIGNED_IN, ACT_VIEW, KIND_RUBRIC,
     "Everyone with an account reads the program's rubric: the standards apply to all alike."},
    {ROLE_COORDINATOR, ACT_EDIT, KIND_RUBRIC,
     "The coordinator edits the program's rubric: its standards and indicators."},
    {ROLE_COORDINATOR, ACT_LIST, KIND_GOAL_BANK,
     "The coordinator keeps the goals bank."},
    {ROLE_CONSULTING_TEACHER, ACT_LIST, KIND_GOAL_BANK,
     "A Consulting Teacher starts a teacher's goals from the goals bank."},
    {ROLE_PARTICIPATING_TEACHER, ACT_LIST, KIND_GOAL_BANK,
     "A teacher starts their goals from the goals bank."},
    {ROLE_COORDINATOR, ACT_CREATE, KIND_GOAL_BANK,
     "The coordinator adds goals to the goals bank."},
    {ROLE_COORDINATOR, ACT_EDIT, KIND_GOAL_BANK,
     "The coordinator edits and retires the goals bank's goals."},
    {ROLE_COORDINATOR, ACT_VIEW, KIND_SELF_ASSESSMENT,
     "The coordinator sees every case's self-assessment."},
    {WHO_CASE_TEACHER, ACT_VIEW, KIND_SELF_ASSESSMENT,
     "A teacher sees their own self-assessment (R37)."},
    {WHO_CASE_CT, ACT_VIEW, KIND_SELF_ASSESSMENT,
     "The case's Consulting Teacher reads the teacher's self-assessment."},
    {WHO_CASE_EVALUATOR, ACT_VIEW, KIND_SELF_ASSESSMENT,
     "On a PAR case, the administrator, its secondary evaluator (R14), reads the "
     "self-assessment; never on a PA case (R16)."},
    {WHO_CASE_TEACHER, ACT_EDIT, KIND_SELF_ASSESSMENT,
     "Only the teacher writes their self-assessment (R19)."},
    {ROLE_COORDINATOR, ACT_VIEW, KIND_GOAL,
     "The coordinator sees every case's goals."},
    {WHO_CASE_TEACHER, ACT_VIEW, KIND_GOAL,
     "A teacher sees their own goals (R37)."},
    {WHO_CASE_CT, ACT_VIEW, KIND_GOAL,
     "The case's Consulting Teacher sees its goals."},
    {WHO_CASE_EVALUATOR, ACT_VIEW, KIND_GOAL,
     "On a PAR case, the secondary evaluator sees the goals (R14); never on a PA case (R16)."},
    {WHO_CASE_TEACHER, ACT_CREATE, KIND_GOAL,
     "A teacher drafts and proposes their goals (R19)."},
    {WHO_CASE_CT, ACT_CREATE, KIND_GOAL,
     "The case's Consulting Teacher drafts goals with the teacher."},
    {WHO_CASE_TEACHER, ACT_EDIT, KIND_GOAL,
     "A teacher revises their goals until they are approved."},
    {WHO_CASE_CT, ACT_EDIT, KIND_GOAL,
     "The case's Consulting Teacher revises goals with the teacher until they are approved."},
    {WHO_CASE_CT, ACT_APPROVE, KIND_GOAL,
     "The case's Consulting Teacher approves the goals or returns them with a reason: in "
     "PAR as the primary evaluator (R14, R19), in PA as the teacher's coach."},
    {ROLE_COORDINATOR, ACT_VIEW, KIND_OBSERVATION,
     "The coordinator sees every case's observations."},
    {WHO_CASE_TEACHER, ACT_VIEW, KIND_OBSERVATION,
     "A teacher sees every observation of their teaching, notes and feedback (R37)."},
    {WHO_CASE_CT, ACT_VIEW, KIND_OBSERVATION,
     "The case's Consulting Teacher sees its observations."},
    {WHO_CASE_EVALUATOR, ACT_VIEW, KIND_OBSERVATION,
     "On a PAR case, the secondary evaluator sees the observations (R14); never on a PA "
     "case (R16)."},
    {WHO_CASE_CT, ACT_CREATE, KIND_OBSERVATION,
     "The case's Consulting Teacher records observations."},
    {WHO_CASE_EVALUATOR, ACT_CREATE, KIND_OBSERVATION,
     "On a PAR case, the secondary evaluator records observations, alone or jointly with "
     "the CT (R15, R18)."},
    {WHO_CASE_CT, ACT_EDIT, KIND_OBSERVATION,
     "The case's Consulting Teacher completes observations: notes, evidence, feedback."},
    {WHO_CASE_EVALUATOR, ACT_EDIT, KIND_OBSERVATION,
     "On a PAR case, the secondary evaluator completes the observations they record (R15)."},
    {WHO_CASE_TEACHER, ACT_RESPOND, KIND_OBSERVATION,
     "A teacher adds their reflection to the feedback on an observation (R19)."},
    {ROLE_COORDINATOR, ACT_VIEW, KIND_ARTIFACT,
     "The coordinator sees every case's artifacts."},
    {WHO_CASE_TEACHER, ACT_VIEW, KIND_ARTIFACT,
     "A teacher sees every document in their own case (R37)."},
    {WHO_CASE_CT, ACT_VIEW, KIND_ARTIFACT,
     "The case's Consulting Teacher sees its artifacts."},
    {WHO_CASE_EVALUATOR, ACT_VIEW, KIND_ARTIFACT,
     "On a PAR case, the secondary evaluator sees the artifacts (R14); never on a PA case (R16)."},
    {WHO_CASE_TEACHER, ACT_CREATE, KIND_ARTIFACT,
     "A teacher uploads artifacts of their practice."},
    {WHO_CASE_CT, ACT_CREATE, KIND_ARTIFACT,
     "The case's Consulting Teacher uploads artifacts."},
    {WHO_CASE_EVALUATOR, ACT_CREATE, KIND_ARTIFACT,
     "On a PAR case, the secondary evaluator uploads artifacts (R15)."},
    {ROLE_COORDINATOR, ACT_VIEW, KIND_COACHING,
     "The coordinator sees every case's coaching log."},
    {WHO_CASE_TEACHER, ACT_VIEW, KIND_COACHING,
     "A teacher sees the coaching log of their own case (R37)."},
    {WHO_CASE_CT, ACT_VIEW, KIND_COACHING,
     "The case's Consulting Teacher sees the coaching log they keep."},
    {WHO_CASE_EVALUATOR, ACT_VIEW, KIND_COACHING,
     "On a PAR case, the secondary evaluator sees the coaching log (R14). A PA case's "
     "coaching log is never shown to an evaluator (R16)."},
    {WHO_CASE_CT, ACT_CREATE, KIND_COACHING,
     "The case's Consulting Teacher logs visits and contacts."},
    {WHO_CASE_CT, ACT_EDIT, KIND_COACHING,
     "The case's Consulting Teacher corrects the coaching log."},
    {ROLE_COORDINATOR, ACT_VIEW, KIND_MEETING,
     "The coordinator sees every case's parley meetings."},
    {WHO_CASE_TEACHER, ACT_VIEW, KIND_MEETING,
     "A teacher sees the meetings of their own case (R17, R37)."},
    {WHO_CASE_CT, ACT_VIEW, KIND_MEETING,
     "The case's Consulting Teacher sees its meetings."},
    {WHO_CASE_EVALUATOR, ACT_VIEW, KIND_MEETING,
     "On a PAR case, the administrator sees the parley meetings they attend (R17)."},
    {ROLE_COORDINATOR, ACT_CREATE, KIND_MEETING,
     "The coordinator schedules parley meetings."},
    {WHO_CASE_CT, ACT_CREATE, KIND_MEETING,
     "The case's Consulting Teacher schedules parley meetings (R17)."},
    {ROLE_COORDINATOR, ACT_EDIT, KIND_MEETING,
     "The coordinator reschedules meetings and records them held."},
    {WHO_CASE_CT, ACT_EDIT, KIND_MEETING,
     "The case's Consulting Teacher reschedules meetings, records them held and keeps the "
     "minutes (R17)."},
    {WHO_ANYONE, ACT_VIEW, KIND_CONTENT,
     "Anyone, signed in or not, reads the published pages, FAQ, news and resources."},
    {ROLE_COORDINATOR, ACT_LIST, KIND_CONTENT,
     "The coordinator lists the public site's content, drafts included."},
    {ROLE_COORDINATOR, ACT_CREATE, KIND_CONTENT,
     "The coordinator writes FAQ entries and news and uploads resources."},
    {ROLE_COORDINATOR, ACT_EDIT, KIND_CONTENT,
     "The coordinator edits the public site's pages, FAQ, news and resources, "
     "and publishes or withdraws them."},
    {ROLE_COORDINATOR, ACT_DELETE, KIND_CONTENT,
     "The coordinator removes FAQ entries, news and resources."},
    {WHO_ANYONE, ACT_CREATE, KIND_FEEDBACK,
     "Anyone may tell the program what they think, without giving a name."},
    {ROLE_COORDINATOR, ACT_LIST, KIND_FEEDBACK,
     "The coordinator reads the feedback."},
    {ROLE_COORDINATOR, ACT_EDIT, KIND_FEEDBACK,
     "The coordinator publishes a comment as a quote, attributed only by role, or withdraws it."},
    {ROLE_COORDINATOR, ACT_DELETE, KIND_FEEDBACK,
     "The coordinator removes feedback (spam, or a comment that names someone)."},
    {ROLE_COORDINATOR, ACT_LIST, KIND_INQUIRY,
     "The coordinator sees the intake queue: every inquiry sent with the contact form (R10)."},
    {ROLE_CONSULTING_TEACHER, ACT_LIST, KIND_INQUIRY,
     "A Consulting Teacher sees the inquiries assigned to them in the intake queue."},
    {ROLE_COORDINATOR, ACT_VIEW, KIND_INQUIRY,
     "The coordinator reads every inquiry."},
    {WHO_ASSIGNED, ACT_VIEW, KIND_INQUIRY,
     "The person an inquiry is assigned to reads it."},
    {ROLE_COORDINATOR, ACT_EDIT, KIND_INQUIRY,
     "The coordinator works every inquiry: notes, status and the eligibility facts confirmed."},
    {WHO_ASSIGNED, ACT_EDIT, KIND_INQUIRY,
     "The person an inquiry is assigned to works it: notes, status and the eligibility facts confirmed."},
    {ROLE_COORDINATOR, ACT_ASSIGN, KIND_INQUIRY,
     "The coordinator assigns each inquiry to themselves or a Consulting Teacher."},
};
const int policy_rule_count = sizeof policy_rules / sizeof policy_rules[0];

static bool rule_grants(const struct policy_rule *rule, bool signed_in, role_set roles,
                        const struct policy_record *rec)
{
    if (rule->who == WHO_SIGNED_IN)
        return signed_in;
    if (rule->who == WHO_SELF)
        return signed_in && rec && rec->known && rec->self;
    if (POLICY_IS_CASE_REL(rule->who))
        return signed_in && rec && rec->known && (rec->relations & POLICY_REL(rule->who));
    if (rule->who == WHO_ANYONE)
        return true;
    if (rule->who == WHO_ASSIGNED)
        return signed_in && rec && rec->known && rec->assigned;
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
        if ((rule->who == WHO_SELF || rule->who == WHO_ASSIGNED ||
             POLICY_IS_CASE_REL(rule->who)) && signed_in)
            relationship_possible = true;
    }
    if (relationship_possible && !(rec && rec->known))
        return POLICY_NEEDS_RECORD;
    /* A stranger's private record is denied as if it did not exist; one's
     * own record plainly exists, so a refusal there says so. */
    if (rec && rec->known && !rec->self && !rec->relations && policy_kind_private(kind))
        return POLICY_HIDDEN;
    return POLICY_FORBIDDEN;
}

bool policy_kind_casework(enum record_kind kind)
{
    return kind == KIND_SELF_ASSESSMENT || kind == KIND_GOAL || kind == KIND_OBSERVATION ||
           kind == KIND_ARTIFACT || kind == KIND_COACHING || kind == KIND_MEETING;
}

static const char *const part_keys[KIND_COUNT] = {
    [KIND_SELF_ASSESSMENT] = "self_assessment", [KIND_GOAL] = "goal",
    [KIND_OBSERVATION] = "observation", [KIND_ARTIFACT] = "artifact",
    [KIND_COACHING] = "coaching", [KIND_MEETING] = "meeting",
};

const char *policy_part_key(enum record_kind kind)
{
    return kind < KIND_COUNT && part_keys[kind] ? part_keys[kind] : "";
}

enum record_kind policy_part_kind(const char *key)
{
    for (int k = 0; k < KIND_COUNT; k++)
        if (part_keys[k] && strcmp(part_keys[k], key) == 0)
            return (enum record_kind)k;
    return KIND_NONE;
}

bool policy_kind_private(enum record_kind kind)
{
    /* A person's record is private: a stranger is not told it exists; nor
     * that someone asked the program for help (an inquiry). */
    return kind == KIND_PERSON || kind == KIND_INQUIRY || kind == KIND_CASE ||
           policy_kind_casework(kind);
}

const char *policy_action_label(enum action act)
{
    static const char *labels[ACT_COUNT] = {
        [ACT_PUBLIC] = "visit", [ACT_VIEW] = "see", [ACT_LIST] = "list",
        [ACT_CREATE] = "add", [ACT_EDIT] = "change", [ACT_DELETE] = "remove",
        [ACT_RESET_PASSWORD] = "issue a password link for",
        [ACT_VIEW_HISTORY] = "see the history of", [ACT_ASSIGN] = "assign",
        [ACT_APPROVE] = "approve", [ACT_RESPOND] = "respond to",
    };
    return act < ACT_COUNT ? labels[act] : "";
}

const char *policy_kind_label(enum record_kind kind)
{
    static const char *labels[KIND_COUNT] = {
        [KIND_NONE] = "public pages", [KIND_ACCOUNT] = "own account",
        [KIND_PERSON] = "people", [KIND_SCHOOL] = "schools",
        [KIND_ROLE] = "roles", [KIND_AUDIT] = "audit log",
        [KIND_SETTINGS] = "program settings", [KIND_CONTENT] = "public site",
        [KIND_FEEDBACK] = "feedback", [KIND_INQUIRY] = "inquiries (intake)", [KIND_CASE] = "cases",
        [KIND_RUBRIC] = "rubric", [KIND_GOAL_BANK] = "goals bank",
        [KIND_SELF_ASSESSMENT] = "self-assessments", [KIND_GOAL] = "goals",
        [KIND_OBSERVATION] = "observations", [KIND_ARTIFACT] = "artifacts",
        [KIND_COACHING] = "coaching logs", [KIND_MEETING] = "parley meetings",
    };
    return kind < KIND_COUNT ? labels[kind] : "";
}

const char *policy_who_label(int who)
{
    if (who == WHO_SIGNED_IN)
        return "Anyone signed in";
    if (who == WHO_SELF)
        return "The person the record is about";
    if (who == WHO_CASE_TEACHER)
        return "The case's teacher";
    if (who == WHO_CASE_CT)
        return "The case's Consulting Teacher";
    if (who == WHO_CASE_ADMINISTRATOR)
        return "The administrator of the teacher's school";
    if (who == WHO_CASE_UNION_REP)
        return "The case's union representative";
    if (who == WHO_CASE_EVALUATOR)
        return "On a PAR case, the administrator of the teacher's school (its secondary evaluator)";
    if (who == WHO_ANYONE)
        return "Anyone, visitors too";
    if (who == WHO_ASSIGNED)
        return "The person the record is assigned to";
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
    case KIND_CONTENT:
        return "Only the program coordinator edits the public site.";
    case KIND_FEEDBACK:
        return "Only the program coordinator reads and publishes feedback.";
    case KIND_INQUIRY:
        return "Only the program coordinator, and the Consulting Teacher an inquiry is "
               "assigned to, work the intake queue.";
    case KIND_CASE:
        if (act == ACT_CREATE)
            return "R8, R10: only the coordinator opens a case, and only from the teacher's own "
                   "inquiry; an administrator cannot enrol a teacher.";
        return "Only the coordinator and the people taking part in a case (the teacher, their "
               "Consulting Teacher, their school's administrator and the union representative) "
               "see it or move it along.";
    case KIND_RUBRIC:
    case KIND_GOAL_BANK:
        return "Only the program coordinator edits the rubric and the goals bank.";
    case KIND_SELF_ASSESSMENT:
        return "R19: only the teacher writes their self-assessment.";
    case KIND_GOAL:
        if (act == ACT_APPROVE)
            return "R14, R19: only the case's Consulting Teacher, the primary evaluator, approves "
                   "goals.";
        return "R16, R37: a case's goals are the teacher's, their Consulting Teacher's and, on a "
               "PAR case only, their administrator's.";
    case KIND_OBSERVATION:
    case KIND_ARTIFACT:
        if (act == ACT_RESPOND)
            return "R19: only the teacher writes their reflection.";
        return "R15, R16: the case's Consulting Teacher and, on a PAR case only, the "
               "administrator (the secondary evaluator) record observations and artifacts; "
               "nothing of a PA case reaches an evaluator.";
    case KIND_COACHING:
        return "R16: the coaching log is kept by the case's Consulting Teacher; a PA case's is "
               "never shown to an evaluator.";
    case KIND_MEETING:
        if (act == ACT_VIEW)
            return "R16, R17: a case's meetings are its teacher's, its Consulting Teacher's and, "
                   "on a PAR case only, its administrator's.";
        return "R17: the case's Consulting Teacher or the coordinator schedules and records the "
               "parley meetings.";
    case KIND_AUDIT:
        return "Only the program coordinator browses the whole audit log. "
               "You can see every entry about your own record under My record.";
    default:
        return "Your role does not include this.";
    }
}

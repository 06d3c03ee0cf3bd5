/* test_policy_oracle.c: who may do what, written by hand from RULES.md and
 * the seeds, row by row, and asked of policy_decide(): a wrong row of
 * src/domain/policy.c (a relationship widened to a role, an action given to
 * the wrong person, a wall opened) turns a row here red. The expected
 * answers are never read from the policy table or from `parley routes`.
 *
 * An asker is a set of roles and what they are to the record (the
 * relationships app/cases.c and app/pss.c work out); each row says the
 * rule it comes from. Where the rules are silent there is no row. */
#include <stdbool.h>
#include <stdio.h>

#include "testing.h"

#include "domain/policy.h"

#define ROLE(r) (1u << (r))
#define REL(w) POLICY_REL(w)

struct asker {
    const char *name;
    role_set roles;
    unsigned relations;
    bool self;
};

/* --- a PA case: the CT coaches, nobody evaluates (R16) --- */
static const struct asker pa_teacher = {"the PA case's teacher", ROLE(ROLE_PARTICIPATING_TEACHER),
                                        REL(WHO_CASE_TEACHER), false};
static const struct asker pa_ct = {"the PA case's CT", ROLE(ROLE_CONSULTING_TEACHER),
                                   REL(WHO_CASE_CT), false};
/* An administrator of the PA teacher's school: never an evaluator of a PA case. */
static const struct asker pa_admin = {"the PA teacher's administrator", ROLE(ROLE_ADMINISTRATOR),
                                      REL(WHO_CASE_ADMINISTRATOR), false};
/* --- a PAR case: the CT is the primary evaluator, the administrator the
 * secondary (R14) --- */
static const struct asker par_teacher = {"the PAR case's teacher", ROLE(ROLE_PARTICIPATING_TEACHER),
                                         REL(WHO_CASE_TEACHER), false};
static const struct asker par_ct = {"the PAR case's CT", ROLE(ROLE_CONSULTING_TEACHER),
                                    REL(WHO_CASE_CT) | REL(WHO_CASE_PRIMARY_EVALUATOR), false};
static const struct asker par_admin = {"the PAR teacher's administrator", ROLE(ROLE_ADMINISTRATOR),
                                       REL(WHO_CASE_ADMINISTRATOR) | REL(WHO_CASE_EVALUATOR), false};
static const struct asker par_rep = {"the PAR case's union representative", ROLE(ROLE_UNION_REP),
                                     REL(WHO_CASE_UNION_REP), false};
/* A Panel member whose term runs, on a case sent to the Panel, not recused. */
static const struct asker panel_sitting = {"a sitting Panel member", ROLE(ROLE_PANEL_MEMBER),
                                           REL(WHO_CASE_PANEL), false};
/* A Panel member whose term has ended, or who recused, or a case not sent. */
static const struct asker panel_away = {"a Panel member the case is not before",
                                        ROLE(ROLE_PANEL_MEMBER), 0, false};
static const struct asker supt_decided = {"the Superintendent, on a case the Panel decided",
                                          ROLE(ROLE_SUPERINTENDENT), REL(WHO_CASE_APPROVER), false};
static const struct asker supt_undecided = {"the Superintendent, on a case not decided",
                                            ROLE(ROLE_SUPERINTENDENT), 0, false};
/* --- people with no part in the record --- */
static const struct asker coordinator = {"the program coordinator", ROLE(ROLE_COORDINATOR), 0, false};
static const struct asker other_teacher = {"another teacher", ROLE(ROLE_PARTICIPATING_TEACHER), 0, false};
static const struct asker other_ct = {"another CT", ROLE(ROLE_CONSULTING_TEACHER), 0, false};
static const struct asker other_admin = {"an administrator of another school",
                                         ROLE(ROLE_ADMINISTRATOR), 0, false};
/* --- the federation's Peer Support Service (R31-R36) --- */
static const struct asker pss_coordinator = {"the service coordinator", ROLE(ROLE_PSS_COORDINATOR), 0, false};
static const struct asker pss_member = {"the member the case is for", ROLE(ROLE_MEMBER),
                                        REL(WHO_PSS_MEMBER), false};
static const struct asker pss_president = {"the case's local president", ROLE(ROLE_LOCAL_PRESIDENT),
                                           REL(WHO_PSS_PRESIDENT), false};
static const struct asker pss_consultant = {"the case's consultant", ROLE(ROLE_PSS_CONSULTANT),
                                            REL(WHO_PSS_CONSULTANT), false};
static const struct asker self = {"the person the record is about", ROLE(ROLE_PARTICIPATING_TEACHER),
                                  0, true};

enum want { DENY, ALLOW };

struct oracle_row {
    const struct asker *who;
    enum action act;
    enum record_kind kind;
    enum want want;
};

static const struct oracle_row rows[] = {
    /* R8, R10: a case opens from the teacher's own inquiry, by the
     * coordinator; an administrator cannot enrol a teacher. */
    {&coordinator, ACT_CREATE, KIND_CASE, ALLOW},
    {&pa_admin, ACT_CREATE, KIND_CASE, DENY},
    {&other_admin, ACT_CREATE, KIND_CASE, DENY},
    {&pa_teacher, ACT_CREATE, KIND_CASE, DENY},
    {&other_admin, ACT_LIST, KIND_INQUIRY, DENY},
    {&other_teacher, ACT_LIST, KIND_INQUIRY, DENY},
    /* R8: a request sent in a teacher's name becomes a case only when the
     * teacher confirms it: the teacher it names answers, nobody else. */
    {&self, ACT_RESPOND, KIND_INQUIRY, ALLOW},
    {&coordinator, ACT_RESPOND, KIND_INQUIRY, DENY},
    {&other_admin, ACT_RESPOND, KIND_INQUIRY, DENY},
    {&other_teacher, ACT_RESPOND, KIND_INQUIRY, DENY},
    /* R37: a teacher sees everything in their own case. */
    {&pa_teacher, ACT_VIEW, KIND_CASE, ALLOW},
    {&pa_teacher, ACT_VIEW, KIND_OBSERVATION, ALLOW},
    {&pa_teacher, ACT_VIEW, KIND_COACHING, ALLOW},
    {&pa_teacher, ACT_VIEW, KIND_GOAL, ALLOW},
    {&pa_teacher, ACT_VIEW, KIND_ARTIFACT, ALLOW},
    {&par_teacher, ACT_VIEW, KIND_EVALUATION, ALLOW},
    {&par_teacher, ACT_VIEW, KIND_RECOMMENDATION, ALLOW},      /* R22 too */
    {&par_teacher, ACT_VIEW, KIND_PANEL_SUBMISSION, ALLOW},
    {&par_teacher, ACT_VIEW, KIND_DECISION, ALLOW},            /* R25 */
    {&self, ACT_VIEW, KIND_PERSON, ALLOW},
    {&self, ACT_VIEW_HISTORY, KIND_PERSON, ALLOW},
    /* ...and nobody else's. */
    {&other_teacher, ACT_VIEW, KIND_CASE, DENY},
    {&other_teacher, ACT_VIEW, KIND_OBSERVATION, DENY},
    {&other_ct, ACT_VIEW, KIND_CASE, DENY},
    {&other_ct, ACT_VIEW, KIND_COACHING, DENY},
    {&other_admin, ACT_VIEW, KIND_CASE, DENY},
    {&other_admin, ACT_VIEW, KIND_OBSERVATION, DENY},
    /* R8: the teacher takes their own steps (choosing, signing, withdrawing). */
    {&pa_teacher, ACT_EDIT, KIND_CASE, ALLOW},
    /* R12: the administrator sets the cycle's timeline. */
    {&pa_admin, ACT_EDIT, KIND_CASE, ALLOW},
    {&par_admin, ACT_EDIT, KIND_CASE, ALLOW},
    /* R11: the union representative reviews and signs the PAR Agreement. */
    {&par_rep, ACT_VIEW, KIND_CASE, ALLOW},
    {&par_rep, ACT_EDIT, KIND_CASE, ALLOW},
    /* R16: in PA the CT is a non-evaluative coach; nothing of a PA case
     * reaches an evaluator: not the coaching log, nor anything else of its
     * work. */
    {&pa_ct, ACT_VIEW, KIND_COACHING, ALLOW},
    {&pa_ct, ACT_CREATE, KIND_COACHING, ALLOW},
    {&pa_ct, ACT_CREATE, KIND_OBSERVATION, ALLOW},
    {&pa_admin, ACT_VIEW, KIND_COACHING, DENY},
    {&pa_admin, ACT_VIEW, KIND_OBSERVATION, DENY},
    {&pa_admin, ACT_CREATE, KIND_OBSERVATION, DENY},
    {&pa_admin, ACT_VIEW, KIND_GOAL, DENY},
    {&pa_admin, ACT_VIEW, KIND_SELF_ASSESSMENT, DENY},
    {&pa_admin, ACT_VIEW, KIND_ARTIFACT, DENY},
    {&pa_admin, ACT_CREATE, KIND_ARTIFACT, DENY},
    {&pa_admin, ACT_VIEW, KIND_MEETING, DENY},
    {&pa_admin, ACT_VIEW, KIND_EVALUATION, DENY},
    {&pa_ct, ACT_CREATE, KIND_EVALUATION, DENY},               /* R15, R16: no evaluation in PA */
    {&pa_ct, ACT_VIEW, KIND_EVALUATION, DENY},
    {&pa_ct, ACT_CREATE, KIND_RECOMMENDATION, DENY},           /* R21: PAR only */
    {&pa_teacher, ACT_CREATE, KIND_OBSERVATION, DENY},
    /* R14, R15: in PAR the CT is the primary evaluator and alone creates a
     * formative or summative evaluation; the administrator, secondary,
     * uploads observations and artifacts. */
    {&par_ct, ACT_CREATE, KIND_EVALUATION, ALLOW},
    {&par_ct, ACT_EDIT, KIND_EVALUATION, ALLOW},
    {&par_ct, ACT_CREATE, KIND_OBSERVATION, ALLOW},
    {&par_ct, ACT_APPROVE, KIND_GOAL, ALLOW},                  /* R14, R19 */
    {&par_admin, ACT_CREATE, KIND_OBSERVATION, ALLOW},
    {&par_admin, ACT_CREATE, KIND_ARTIFACT, ALLOW},
    {&par_admin, ACT_VIEW, KIND_OBSERVATION, ALLOW},
    {&par_admin, ACT_CREATE, KIND_EVALUATION, DENY},
    {&par_admin, ACT_EDIT, KIND_EVALUATION, DENY},
    {&par_admin, ACT_APPROVE, KIND_GOAL, DENY},
    {&par_teacher, ACT_CREATE, KIND_EVALUATION, DENY},
    {&par_rep, ACT_CREATE, KIND_EVALUATION, DENY},
    {&coordinator, ACT_CREATE, KIND_EVALUATION, DENY},
    {&coordinator, ACT_CREATE, KIND_OBSERVATION, DENY},
    {&panel_sitting, ACT_CREATE, KIND_EVALUATION, DENY},
    /* R17: the parley meetings are the teacher's, the CT's and the
     * administrator's of a PAR case. */
    {&par_admin, ACT_VIEW, KIND_MEETING, ALLOW},
    {&par_teacher, ACT_VIEW, KIND_MEETING, ALLOW},
    /* R19: the teacher reflects on the feedback, writes their self-assessment. */
    {&pa_teacher, ACT_RESPOND, KIND_OBSERVATION, ALLOW},
    {&pa_ct, ACT_RESPOND, KIND_OBSERVATION, DENY},
    {&pa_teacher, ACT_EDIT, KIND_SELF_ASSESSMENT, ALLOW},
    {&pa_ct, ACT_EDIT, KIND_SELF_ASSESSMENT, DENY},
    /* R20: the teacher signs for receipt; nobody signs for them. */
    {&par_teacher, ACT_SIGN, KIND_EVALUATION, ALLOW},
    {&par_ct, ACT_SIGN, KIND_EVALUATION, DENY},
    {&par_admin, ACT_SIGN, KIND_EVALUATION, DENY},
    /* R21: the CT recommends a rating to the Panel. */
    {&par_ct, ACT_CREATE, KIND_RECOMMENDATION, ALLOW},
    {&par_admin, ACT_CREATE, KIND_RECOMMENDATION, DENY},
    {&coordinator, ACT_CREATE, KIND_RECOMMENDATION, DENY},
    {&panel_sitting, ACT_EDIT, KIND_RECOMMENDATION, DENY},
    /* R22: the teacher and the administrator see it first and may send the
     * Panel their evidence; the Panel sees every submission. */
    {&par_admin, ACT_VIEW, KIND_RECOMMENDATION, ALLOW},
    {&par_teacher, ACT_CREATE, KIND_PANEL_SUBMISSION, ALLOW},
    {&par_admin, ACT_CREATE, KIND_PANEL_SUBMISSION, ALLOW},
    {&par_ct, ACT_CREATE, KIND_PANEL_SUBMISSION, DENY},
    {&panel_sitting, ACT_VIEW, KIND_PANEL_SUBMISSION, ALLOW},
    {&panel_sitting, ACT_VIEW, KIND_RECOMMENDATION, ALLOW},
    {&panel_sitting, ACT_VIEW, KIND_CASE, ALLOW},
    /* R23: the administrator previews and responds to the summative draft;
     * the Panel reads it before approving. */
    {&par_admin, ACT_RESPOND, KIND_EVALUATION, ALLOW},
    {&par_teacher, ACT_RESPOND, KIND_EVALUATION, DENY},
    {&panel_sitting, ACT_VIEW, KIND_EVALUATION, ALLOW},
    /* R24, R29: a sitting member, not recused, votes; nobody else. */
    {&panel_sitting, ACT_CREATE, KIND_PANEL_VOTE, ALLOW},
    {&panel_sitting, ACT_CREATE, KIND_RECUSAL, ALLOW},
    {&panel_away, ACT_CREATE, KIND_PANEL_VOTE, DENY},
    {&panel_away, ACT_VIEW, KIND_CASE, DENY},
    {&coordinator, ACT_CREATE, KIND_PANEL_VOTE, DENY},
    {&par_ct, ACT_CREATE, KIND_PANEL_VOTE, DENY},
    {&par_teacher, ACT_CREATE, KIND_PANEL_VOTE, DENY},
    {&supt_decided, ACT_CREATE, KIND_PANEL_VOTE, DENY},
    /* R21: the Panel reaches PAR cases sent to it, never a PA case. */
    {&panel_away, ACT_VIEW, KIND_COACHING, DENY},
    {&panel_away, ACT_VIEW, KIND_OBSERVATION, DENY},
    /* R25: the Superintendent approves the Panel's rating, and only then. */
    {&supt_decided, ACT_APPROVE, KIND_DECISION, ALLOW},
    {&supt_decided, ACT_VIEW, KIND_DECISION, ALLOW},
    {&supt_decided, ACT_VIEW, KIND_CASE, ALLOW},
    {&supt_undecided, ACT_APPROVE, KIND_DECISION, DENY},
    {&supt_undecided, ACT_VIEW, KIND_CASE, DENY},
    {&coordinator, ACT_APPROVE, KIND_DECISION, DENY},
    {&panel_sitting, ACT_APPROVE, KIND_DECISION, DENY},
    {&par_ct, ACT_APPROVE, KIND_DECISION, DENY},
    {&supt_decided, ACT_CREATE, KIND_EVALUATION, DENY},
    /* R28: the Panel evaluates the Consulting Teachers. */
    {&panel_away, ACT_CREATE, KIND_CT_REVIEW, ALLOW},
    {&coordinator, ACT_CREATE, KIND_CT_REVIEW, DENY},
    {&other_ct, ACT_CREATE, KIND_CT_REVIEW, DENY},
    /* R31: requests come to the service coordinator, from the member or
     * through the local president. */
    {&pss_coordinator, ACT_LIST, KIND_PSS_CASE, ALLOW},
    {&pss_coordinator, ACT_VIEW, KIND_PSS_CASE, ALLOW},
    {&pss_member, ACT_CREATE, KIND_PSS_CASE, ALLOW},
    {&pss_president, ACT_CREATE, KIND_PSS_CASE, ALLOW},
    {&pss_member, ACT_VIEW, KIND_PSS_CASE, ALLOW},          /* R37 */
    /* R33-R35: nothing of the service reaches the district: no district
     * role sees a peer support case or report. */
    {&coordinator, ACT_LIST, KIND_PSS_CASE, DENY},
    {&coordinator, ACT_VIEW, KIND_PSS_CASE, DENY},
    {&other_admin, ACT_LIST, KIND_PSS_CASE, DENY},
    {&other_admin, ACT_VIEW, KIND_PSS_REPORT, DENY},
    {&supt_undecided, ACT_VIEW, KIND_PSS_CASE, DENY},
    {&panel_away, ACT_VIEW, KIND_PSS_REPORT, DENY},
    {&other_ct, ACT_LIST, KIND_PSS_CASE, DENY},
    {&other_teacher, ACT_CREATE, KIND_PSS_CASE, DENY},
    /* ...nor do the service's roles reach the district's cases. */
    {&pss_coordinator, ACT_LIST, KIND_CASE, DENY},
    {&pss_consultant, ACT_LIST, KIND_CASE, DENY},
    {&pss_member, ACT_LIST, KIND_INQUIRY, DENY},
    /* R34: a report goes nowhere without the member's, the president's and
     * the consultant's consent; the service coordinator is not one of them. */
    {&pss_consultant, ACT_CREATE, KIND_PSS_REPORT, ALLOW},
    {&pss_member, ACT_VIEW, KIND_PSS_REPORT, ALLOW},
    {&pss_member, ACT_APPROVE, KIND_PSS_REPORT, ALLOW},
    {&pss_president, ACT_APPROVE, KIND_PSS_REPORT, ALLOW},
    {&pss_consultant, ACT_APPROVE, KIND_PSS_REPORT, ALLOW},
    {&pss_coordinator, ACT_VIEW, KIND_PSS_REPORT, DENY},
    {&pss_coordinator, ACT_APPROVE, KIND_PSS_REPORT, DENY},
    {&pss_member, ACT_CREATE, KIND_PSS_REPORT, DENY},
    /* R38: the audit log is the coordinator's to browse; the program's
     * settings bind everyone alike and only the coordinator changes them. */
    {&coordinator, ACT_LIST, KIND_AUDIT, ALLOW},
    {&other_admin, ACT_LIST, KIND_AUDIT, DENY},
    {&coordinator, ACT_EDIT, KIND_SETTINGS, ALLOW},
    {&other_teacher, ACT_VIEW, KIND_SETTINGS, ALLOW},
    {&other_teacher, ACT_EDIT, KIND_SETTINGS, DENY},
    {&other_admin, ACT_EDIT, KIND_SETTINGS, DENY},
    /* Issue 17: the coordinator, who administers the program's people,
     * brings in the district's roster; nobody else does. */
    {&coordinator, ACT_CREATE, KIND_ROSTER, ALLOW},
    {&other_admin, ACT_CREATE, KIND_ROSTER, DENY},
    {&supt_undecided, ACT_CREATE, KIND_ROSTER, DENY},
    {&other_ct, ACT_CREATE, KIND_ROSTER, DENY},
    {&panel_sitting, ACT_CREATE, KIND_ROSTER, DENY},
    {&pss_coordinator, ACT_CREATE, KIND_ROSTER, DENY},
    /* R25, issue 17: the final ratings go back to the district from the
     * coordinator and the Superintendent who approved them; not from the
     * Panel, a CT, an administrator or a teacher (R37: their own is in
     * their case). */
    {&coordinator, ACT_LIST, KIND_FINAL_RATING, ALLOW},
    {&supt_undecided, ACT_LIST, KIND_FINAL_RATING, ALLOW},
    {&panel_sitting, ACT_LIST, KIND_FINAL_RATING, DENY},
    {&par_ct, ACT_LIST, KIND_FINAL_RATING, DENY},
    {&par_admin, ACT_LIST, KIND_FINAL_RATING, DENY},
    {&par_teacher, ACT_LIST, KIND_FINAL_RATING, DENY},
    {&par_rep, ACT_LIST, KIND_FINAL_RATING, DENY},
};

static void test_policy_answers_as_the_rules_say(void **state)
{
    (void)state;
    int wrong = 0;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const struct oracle_row *row = &rows[i];
        struct policy_record rec = {.known = true, .self = row->who->self,
                                    .relations = row->who->relations};
        bool allowed = policy_decide(true, row->who->roles, row->act, row->kind, &rec) ==
                       POLICY_ALLOW;
        if (allowed != (row->want == ALLOW)) {
            print_error("row %zu: %s may%s %s %s\n", i, row->who->name,
                        row->want == ALLOW ? "" : " not", policy_action_label(row->act),
                        policy_kind_label(row->kind));
            wrong++;
        }
    }
    assert_int_equal(wrong, 0);
}

/* A visitor gets nothing but the public site (R10: the contact form). */
static void test_visitors_reach_only_the_public_site(void **state)
{
    (void)state;
    assert_int_equal(policy_decide(false, 0, ACT_CREATE, KIND_FEEDBACK, NULL), POLICY_ALLOW);
    const enum record_kind kinds[] = {KIND_CASE, KIND_INQUIRY, KIND_PERSON, KIND_PSS_CASE,
                                      KIND_SETTINGS, KIND_OBSERVATION};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        assert_int_not_equal(policy_decide(false, 0, ACT_VIEW, kinds[i], NULL), POLICY_ALLOW);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_policy_answers_as_the_rules_say),
        cmocka_unit_test(test_visitors_reach_only_the_public_site),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

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
    {WHO_SELF, ACT_LIST, KIND_API_TOKEN,
     "Everyone sees their own API tokens: what each is for, when it was last used and when "
     "it expires."},
    {WHO_SELF, ACT_CREATE, KIND_API_TOKEN,
     "Everyone makes API tokens for themselves; nobody makes one for someone else."},
    {WHO_SELF, ACT_DELETE, KIND_API_TOKEN,
     "Everyone revokes their own API tokens."},
    {ROLE_COORDINATOR, ACT_LIST, KIND_API_TOKEN,
     "The coordinator sees the API tokens made in the program."},
    {ROLE_COORDINATOR, ACT_DELETE, KIND_API_TOKEN,
     "The coordinator revokes anyone's API token made in the program."},
    {ROLE_COORDINATOR, ACT_LIST, KIND_PERSON,
     "The coordinator lists and searches the program's people."},
    {ROLE_COORDINATOR, ACT_VIEW, KIND_PERSON,
     "The coordinator sees every person's record."},
    {ROLE_COORDINATOR, ACT_CREATE, KIND_PERSON,
     "The coordinator adds people to the program."},
    {ROLE_COORDINATOR, ACT_EDIT, KIND_PERSON,
     "The coordinator corrects people's details."},
    {ROLE_COORDINATOR, ACT_CREATE, KIND_PASSWORD_LINK,
     "The coordinator has Parley e-mail a person of the program a one-time link to set a "
     "password; only the person reads it."},
    {ROLE_COORDINATOR, ACT_CREATE, KIND_ROSTER,
     "The coordinator brings in the district's roster: its schools and people, each import "
     "previewed first; it never gives or takes the roles the program grants."},
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
    {ROLE_COORDINATOR, ACT_LIST, KIND_MAIL,
     "The coordinator reads the program's outgoing mail, what was sent and what could not be, "
     "except the text of one-time links."},
    {ROLE_COORDINATOR, ACT_EDIT, KIND_MAIL,
     "The coordinator sends again a message that could not be sent."},
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
    /* --- the end of the cycle (R15, R20-R29). Evaluations are written
     * only by WHO_CASE_PRIMARY_EVALUATOR, the CT of a PAR case (R15); the
     * Panel reaches a case only through WHO_CASE_PANEL, which a recusal
     * or an ended term takes away (R24, R29). --- */
    {WHO_CASE_PANEL, ACT_VIEW, KIND_CASE,
     "A Panel member whose term is running sees a PAR case the Consulting Teacher has sent "
     "to the Panel, unless they recused themselves from it (R21, R24, R29)."},
    {WHO_CASE_APPROVER, ACT_VIEW, KIND_CASE,
     "The Superintendent sees a case the Panel has decided (R25)."},
    {ROLE_COORDINATOR, ACT_VIEW, KIND_EVALUATION,
     "The coordinator sees every case's evaluations."},
    {WHO_CASE_TEACHER, ACT_VIEW, KIND_EVALUATION,
     "A teacher sees their evaluations once they are shared with them (R20, R37)."},
    {WHO_CASE_PRIMARY_EVALUATOR, ACT_VIEW, KIND_EVALUATION,
     "The case's Consulting Teacher sees the evaluations they write (R15)."},
    {WHO_CASE_EVALUATOR, ACT_VIEW, KIND_EVALUATION,
     "On a PAR case, the administrator sees the evaluations once shared with them for "
     "preview (R23)."},
    {WHO_CASE_PANEL, ACT_VIEW, KIND_EVALUATION,
     "The Panel reads the evaluations of a case before it (R21)."},
    {WHO_CASE_APPROVER, ACT_VIEW, KIND_EVALUATION,
     "The Superintendent reads the evaluations of a case the Panel has decided (R25)."},
    {WHO_CASE_PRIMARY_EVALUATOR, ACT_CREATE, KIND_EVALUATION,
     "Only the primary evaluator, the Consulting Teacher of a PAR case, creates a formative "
     "or summative evaluation (R15)."},
    {WHO_CASE_PRIMARY_EVALUATOR, ACT_EDIT, KIND_EVALUATION,
     "The primary evaluator writes, rates (R26), shares and locks the evaluations (R15)."},
    {WHO_CASE_EVALUATOR, ACT_RESPOND, KIND_EVALUATION,
     "On a PAR case, the administrator previews the summative draft and responds (R23)."},
    {WHO_CASE_TEACHER, ACT_SIGN, KIND_EVALUATION,
     "A teacher signs an evaluation shared with them: receipt, not agreement, with a written "
     "response if they wish (R20)."},
    {WHO_CASE_PRIMARY_EVALUATOR, ACT_UNLOCK, KIND_EVALUATION,
     "The primary evaluator asks to reopen a locked evaluation, or consents when the teacher "
     "asks; it reopens only with both."},
    {WHO_CASE_TEACHER, ACT_UNLOCK, KIND_EVALUATION,
     "A teacher asks to reopen a locked evaluation, or consents when the evaluator asks; it "
     "reopens only with both."},
    {ROLE_COORDINATOR, ACT_VIEW, KIND_RECOMMENDATION,
     "The coordinator sees every case's recommendation to the Panel."},
    {WHO_CASE_PRIMARY_EVALUATOR, ACT_VIEW, KIND_RECOMMENDATION,
     "The case's Consulting Teacher sees the recommendation they write (R21)."},
    {WHO_CASE_TEACHER, ACT_VIEW, KIND_RECOMMENDATION,
     "A teacher sees the recommendation before the Panel meets (R22)."},
    {WHO_CASE_EVALUATOR, ACT_VIEW, KIND_RECOMMENDATION,
     "On a PAR case, the administrator sees the recommendation before the Panel meets (R22)."},
    {WHO_CASE_PANEL, ACT_VIEW, KIND_RECOMMENDATION,
     "The Panel reads the recommendation and its evidence packet (R21)."},
    {WHO_CASE_APPROVER, ACT_VIEW, KIND_RECOMMENDATION,
     "The Superintendent reads the recommendation on a case the Panel decided (R25)."},
    {WHO_CASE_PRIMARY_EVALUATOR, ACT_CREATE, KIND_RECOMMENDATION,
     "The Consulting Teacher of a PAR case recommends a rating to the Panel (R21)."},
    {WHO_CASE_PRIMARY_EVALUATOR, ACT_EDIT, KIND_RECOMMENDATION,
     "The Consulting Teacher revises the recommendation and sends it to the Panel (R21)."},
    {ROLE_COORDINATOR, ACT_VIEW, KIND_PANEL_SUBMISSION,
     "The coordinator sees what is sent to the Panel."},
    {WHO_CASE_TEACHER, ACT_VIEW, KIND_PANEL_SUBMISSION,
     "A teacher sees everything sent to the Panel about their case (R22, R37)."},
    {WHO_CASE_PRIMARY_EVALUATOR, ACT_VIEW, KIND_PANEL_SUBMISSION,
     "The Consulting Teacher sees what is sent to the Panel about their recommendation (R22)."},
    {WHO_CASE_EVALUATOR, ACT_VIEW, KIND_PANEL_SUBMISSION,
     "On a PAR case, the administrator sees what is sent to the Panel (R22)."},
    {WHO_CASE_PANEL, ACT_VIEW, KIND_PANEL_SUBMISSION,
     "The Panel reads what the teacher and the administrator send it (R22)."},
    {WHO_CASE_APPROVER, ACT_VIEW, KIND_PANEL_SUBMISSION,
     "The Superintendent reads what was sent to the Panel on a case it decided (R25)."},
    {WHO_CASE_TEACHER, ACT_CREATE, KIND_PANEL_SUBMISSION,
     "A teacher sends the Panel written evidence, or asks to appear in person, until the "
     "preview deadline (R22)."},
    {WHO_CASE_EVALUATOR, ACT_CREATE, KIND_PANEL_SUBMISSION,
     "On a PAR case, the administrator sends the Panel written evidence, or asks to appear "
     "in person, until the preview deadline (R22)."},
    {ROLE_COORDINATOR, ACT_LIST, KIND_PANEL_SESSION,
     "The coordinator sees the Panel's sessions, its roster and what awaits it."},
    {ROLE_PANEL_MEMBER, ACT_LIST, KIND_PANEL_SESSION,
     "A Panel member sees the Panel's sessions, its roster and what awaits it."},
    {ROLE_COORDINATOR, ACT_VIEW, KIND_PANEL_SESSION,
     "The coordinator sees each Panel session: docket, attendance, recusals, outcomes."},
    {ROLE_PANEL_MEMBER, ACT_VIEW, KIND_PANEL_SESSION,
     "A Panel member sees each Panel session: docket, attendance, recusals, outcomes."},
    {ROLE_COORDINATOR, ACT_CREATE, KIND_PANEL_SESSION,
     "The coordinator schedules the Panel's sessions."},
    {ROLE_COORDINATOR, ACT_EDIT, KIND_PANEL_SESSION,
     "The coordinator sets a session's docket and records who is present (R24)."},
    {WHO_CASE_PANEL, ACT_VIEW, KIND_PANEL_NOTE,
     "Only the Panel reads its deliberation notes."},
    {WHO_CASE_PANEL, ACT_CREATE, KIND_PANEL_NOTE,
     "A Panel member adds to the deliberation notes on a case before the Panel."},
    {ROLE_COORDINATOR, ACT_VIEW, KIND_RECUSAL,
     "The coordinator sees who recused from a case before the Panel, and why (R24)."},
    {WHO_CASE_PANEL, ACT_VIEW, KIND_RECUSAL,
     "A Panel member sitting on a case, not recused from it, sees who recused and why (R24, "
     "R29)."},
    {WHO_CASE_PANEL, ACT_CREATE, KIND_RECUSAL,
     "A Panel member with a conflict of interest recuses themselves from a case; they no "
     "longer see it or vote on it (R24)."},
    {ROLE_COORDINATOR, ACT_CREATE, KIND_RECUSAL,
     "The coordinator records a recusal a Panel member declares at a session (R24)."},
    {ROLE_COORDINATOR, ACT_VIEW, KIND_PANEL_VOTE,
     "The coordinator sees who voted on a case, and how once the vote is closed (R24)."},
    {WHO_CASE_PANEL, ACT_VIEW, KIND_PANEL_VOTE,
     "A Panel member sitting on a case, not recused from it, sees who voted, and how once the "
     "vote is closed (R24, R29)."},
    {WHO_CASE_PANEL, ACT_CREATE, KIND_PANEL_VOTE,
     "A Panel member present at the session, not recused and whose term is running, casts "
     "one vote on a case (R24, R29)."},
    {ROLE_COORDINATOR, ACT_LIST, KIND_DECISION,
     "The coordinator sees the cases awaiting a decision and the decisions awaiting approval."},
    {ROLE_PANEL_MEMBER, ACT_LIST, KIND_DECISION,
     "A Panel member sees the decisions awaiting approval."},
    {ROLE_SUPERINTENDENT, ACT_LIST, KIND_DECISION,
     "The Superintendent sees the Panel's decisions awaiting approval (R25)."},
    {ROLE_COORDINATOR, ACT_VIEW, KIND_DECISION,
     "The coordinator sees every Panel decision and its approval."},
    {WHO_CASE_TEACHER, ACT_VIEW, KIND_DECISION,
     "A teacher sees the Panel's decision and the Superintendent's answer (R25, R37)."},
    {WHO_CASE_CT, ACT_VIEW, KIND_DECISION,
     "The case's Consulting Teacher sees the Panel's decision and its approval (R25)."},
    {WHO_CASE_EVALUATOR, ACT_VIEW, KIND_DECISION,
     "On a PAR case, the administrator sees the Panel's decision and its approval (R25)."},
    {WHO_CASE_UNION_REP, ACT_VIEW, KIND_DECISION,
     "The case's union representative sees the Panel's decision and its approval (R25)."},
    {WHO_CASE_PANEL, ACT_VIEW, KIND_DECISION,
     "The Panel sees its decisions and the Superintendent's answers."},
    {WHO_CASE_APPROVER, ACT_VIEW, KIND_DECISION,
     "The Superintendent sees the Panel's decisions (R25)."},
    {ROLE_COORDINATOR, ACT_CREATE, KIND_DECISION,
     "The coordinator closes the Panel's vote on a case: the tally decides (R24)."},
    {WHO_CASE_PANEL, ACT_CREATE, KIND_DECISION,
     "A Panel member closes the Panel's vote on a case: the tally decides (R24)."},
    {WHO_CASE_APPROVER, ACT_APPROVE, KIND_DECISION,
     "Only the Superintendent approves the Panel's rating, making it final, or returns it "
     "with a reason (R25)."},
    {ROLE_COORDINATOR, ACT_LIST, KIND_FINAL_RATING,
     "The coordinator sends the district the final ratings, those the Superintendent approved "
     "(R25); each teacher sees that theirs was sent (R37)."},
    {ROLE_SUPERINTENDENT, ACT_LIST, KIND_FINAL_RATING,
     "The Superintendent sends the district the final ratings they approved (R25)."},
    {ROLE_COORDINATOR, ACT_LIST, KIND_CT_TERM,
     "The coordinator sees every Consulting Teacher's term (R27)."},
    {ROLE_PANEL_MEMBER, ACT_LIST, KIND_CT_TERM,
     "The Panel, which supervises the Consulting Teachers, sees their terms (R27, R28)."},
    {ROLE_COORDINATOR, ACT_VIEW, KIND_CT_TERM,
     "The coordinator sees a Consulting Teacher's terms and reviews (R27, R28)."},
    {ROLE_PANEL_MEMBER, ACT_VIEW, KIND_CT_TERM,
     "The Panel sees a Consulting Teacher's terms and reviews (R27, R28)."},
    {WHO_SELF, ACT_VIEW, KIND_CT_TERM,
     "A Consulting Teacher sees their own term, restriction dates and reviews (R27, R28)."},
    {ROLE_COORDINATOR, ACT_CREATE, KIND_CT_TERM,
     "The coordinator records a Consulting Teacher's term and commitment (R27)."},
    {ROLE_COORDINATOR, ACT_EDIT, KIND_CT_TERM,
     "The coordinator records the day a Consulting Teacher leaves the role (R27)."},
    {ROLE_COORDINATOR, ACT_VIEW, KIND_CT_REVIEW,
     "The coordinator reads the Panel's reviews of the Consulting Teachers (R28)."},
    {WHO_PANEL_SITTING, ACT_VIEW, KIND_CT_REVIEW,
     "A Panel member whose term is running reads the Panel's reviews of the Consulting "
     "Teachers (R28, R29)."},
    {WHO_SELF, ACT_VIEW, KIND_CT_REVIEW,
     "A Consulting Teacher reads the Panel's reviews of their own work (R28)."},
    {ROLE_PANEL_MEMBER, ACT_CREATE, KIND_CT_REVIEW,
     "The Panel reviews each Consulting Teacher every year (R28)."},
    /* --- the federation's Peer Support Service (R31-R36). Its kinds are
     * granted only to its own roles, held only in its own program, and to
     * the people of a case: no district role reaches any of it. --- */
    {ROLE_PSS_COORDINATOR, ACT_LIST, KIND_PSS_CASE,
     "The service coordinator sees every request and case of the Peer Support Service (R31)."},
    {ROLE_PSS_CONSULTANT, ACT_LIST, KIND_PSS_CASE,
     "A peer support consultant lists the cases they work on."},
    {ROLE_LOCAL_PRESIDENT, ACT_LIST, KIND_PSS_CASE,
     "A local president lists the cases they referred or take part in."},
    {ROLE_MEMBER, ACT_LIST, KIND_PSS_CASE,
     "A member lists their own requests for peer support."},
    {ROLE_PSS_COORDINATOR, ACT_VIEW, KIND_PSS_CASE,
     "The service coordinator sees each case's request, consultant, costs, leave, the "
     "district's agreement and any hold; not the consultant's reports (R34)."},
    {WHO_PSS_MEMBER, ACT_VIEW, KIND_PSS_CASE,
     "A member sees everything in their own case (R37)."},
    {WHO_PSS_PRESIDENT, ACT_VIEW, KIND_PSS_CASE,
     "The local president of a case sees it."},
    {WHO_PSS_CONSULTANT, ACT_VIEW, KIND_PSS_CASE,
     "The case's consultant sees it."},
    {ROLE_MEMBER, ACT_CREATE, KIND_PSS_CASE,
     "A member asks for peer support themselves (self-referral, R31)."},
    {ROLE_LOCAL_PRESIDENT, ACT_CREATE, KIND_PSS_CASE,
     "A local president passes a member's request to the service coordinator (R31)."},
    {ROLE_PSS_COORDINATOR, ACT_CREATE, KIND_PSS_CASE,
     "The service coordinator records a request a member made by telephone (R31)."},
    {ROLE_PSS_COORDINATOR, ACT_EDIT, KIND_PSS_CASE,
     "The service coordinator assigns the consultant and records the costs (R32), the leave "
     "(R36), the district's agreement (R33), a hold (R35) and the case's close."},
    {WHO_PSS_CONSULTANT, ACT_VIEW, KIND_PSS_REPORT,
     "The consultant sees their work log, reports and releases."},
    {WHO_PSS_MEMBER, ACT_VIEW, KIND_PSS_REPORT,
     "The member sees every report about them and every release (R34, R37)."},
    {WHO_PSS_PRESIDENT, ACT_VIEW, KIND_PSS_REPORT,
     "The local president sees the reports and releases they must consent to (R34)."},
    {WHO_PSS_CONSULTANT, ACT_CREATE, KIND_PSS_REPORT,
     "The consultant logs the work, writes reports and proposes a release to a recipient "
     "(R34), once the district's agreement is recorded (R33)."},
    {WHO_PSS_MEMBER, ACT_APPROVE, KIND_PSS_REPORT,
     "The member consents, in advance, to a release to its recipient (R34)."},
    {WHO_PSS_PRESIDENT, ACT_APPROVE, KIND_PSS_REPORT,
     "The local president consents, in advance, to a release to its recipient (R34)."},
    {WHO_PSS_CONSULTANT, ACT_APPROVE, KIND_PSS_REPORT,
     "The consultant consents, in advance, to a release to its recipient (R34)."},
    {WHO_PSS_CONSULTANT, ACT_EDIT, KIND_PSS_REPORT,
     "The consultant releases a report once all three have consented and no hold stands "
     "(R34, R35)."},
    /* The routes of the work and of the consents are gated by role (the
     * wall: no district role passes); the case's own relation decides. */
    {ROLE_PSS_CONSULTANT, ACT_LIST, KIND_PSS_REPORT,
     "A peer support consultant opens the work of the cases given to them: the log, reports "
     "and releases (R34)."},
    {ROLE_MEMBER, ACT_RESPOND, KIND_PSS_REPORT,
     "A member answers a proposed release in their own case with their consent (R34)."},
    {ROLE_LOCAL_PRESIDENT, ACT_RESPOND, KIND_PSS_REPORT,
     "A local president answers a proposed release in a case they take part in with their "
     "consent (R34)."},
    {ROLE_PSS_CONSULTANT, ACT_RESPOND, KIND_PSS_REPORT,
     "A consultant answers a proposed release in a case they work on with their consent (R34)."},
    /* --- outcomes, surveys and reports (R39) --- */
    {ROLE_COORDINATOR, ACT_VIEW, KIND_OUTCOME,
     "The coordinator sees each closed case's outcome."},
    {WHO_CASE_TEACHER, ACT_VIEW, KIND_OUTCOME,
     "A teacher sees the outcome recorded for their own case (R37)."},
    {WHO_CASE_CT, ACT_VIEW, KIND_OUTCOME,
     "The case's Consulting Teacher sees its outcome."},
    {ROLE_COORDINATOR, ACT_EDIT, KIND_OUTCOME,
     "The coordinator records a closed case's outcome: the rating before and after, whether "
     "the teacher stayed, continued support (R39)."},
    {WHO_CASE_TEACHER, ACT_RESPOND, KIND_SURVEY,
     "A teacher answers the end-of-cycle survey of their case; the answer is kept apart from "
     "their name (R39)."},
    {WHO_CASE_EVALUATOR, ACT_RESPOND, KIND_SURVEY,
     "On a PAR case, the administrator answers the end-of-cycle survey; the answer is kept "
     "apart from their name (R39)."},
    {ROLE_COORDINATOR, ACT_LIST, KIND_SURVEY,
     "The coordinator sees who was invited to answer the end-of-cycle survey and who "
     "responded, never whose answer is whose (R39)."},
    {ROLE_COORDINATOR, ACT_LIST, KIND_PROGRAM_REPORT,
     "The coordinator reads the program's reports: outcomes, surveys, the work (R39)."},
    {WHO_PANEL_SITTING, ACT_LIST, KIND_PROGRAM_REPORT,
     "A Panel member whose term is running reads the program's reports: outcomes, surveys, "
     "the work (R29, R39)."},
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
    {WHO_SELF, ACT_RESPOND, KIND_INQUIRY,
     "A request someone else sent in a teacher's name waits for the teacher: only they "
     "confirm it, or say it was not them (R8)."},
};
const int policy_rule_count = sizeof policy_rules / sizeof policy_rules[0];

/* Whether a relationship rule may grant once the record is known: a
 * sitting Panel member holds the Panel's role (R29). */
static bool rule_may_relate(const struct policy_rule *rule, bool signed_in, role_set roles)
{
    if (!signed_in)
        return false;
    if (rule->who == WHO_PANEL_SITTING)
        return role_set_has(roles, ROLE_PANEL_MEMBER);
    return rule->who == WHO_SELF || rule->who == WHO_ASSIGNED || POLICY_IS_CASE_REL(rule->who);
}

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
        if (rule_may_relate(rule, signed_in, roles))
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
    return policy_part_key(kind)[0] != '\0';
}

static const char *const part_keys[KIND_COUNT] = {
    [KIND_SELF_ASSESSMENT] = "self_assessment", [KIND_GOAL] = "goal",
    [KIND_OBSERVATION] = "observation", [KIND_ARTIFACT] = "artifact",
    [KIND_COACHING] = "coaching", [KIND_MEETING] = "meeting",
    [KIND_EVALUATION] = "evaluation", [KIND_RECOMMENDATION] = "recommendation",
    [KIND_PANEL_SUBMISSION] = "panel_submission", [KIND_PANEL_NOTE] = "panel_note",
    [KIND_RECUSAL] = "recusal", [KIND_PANEL_VOTE] = "panel_vote", [KIND_DECISION] = "decision",
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
    /* A person's record is private, and their API tokens: a stranger is
     * not told it exists; nor that someone asked the program for help (an
     * inquiry), nor for peer support (R31-R36). */
    return kind == KIND_PERSON || kind == KIND_API_TOKEN || kind == KIND_INQUIRY ||
           kind == KIND_CASE || kind == KIND_PSS_CASE || kind == KIND_PSS_REPORT ||
           kind == KIND_OUTCOME || policy_kind_casework(kind);
}

const char *policy_action_label(enum action act)
{
    static const char *labels[ACT_COUNT] = {
        [ACT_PUBLIC] = "visit", [ACT_VIEW] = "see", [ACT_LIST] = "list",
        [ACT_CREATE] = "add", [ACT_EDIT] = "change", [ACT_DELETE] = "remove",
        [ACT_VIEW_HISTORY] = "see the history of", [ACT_ASSIGN] = "assign",
        [ACT_APPROVE] = "approve", [ACT_RESPOND] = "respond to",
        [ACT_SIGN] = "sign", [ACT_UNLOCK] = "reopen",
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
        [KIND_EVALUATION] = "evaluations", [KIND_RECOMMENDATION] = "recommendations to the Panel",
        [KIND_PANEL_SUBMISSION] = "evidence sent to the Panel",
        [KIND_PANEL_SESSION] = "Panel sessions", [KIND_PANEL_NOTE] = "Panel deliberation notes",
        [KIND_RECUSAL] = "Panel recusals", [KIND_PANEL_VOTE] = "Panel votes",
        [KIND_DECISION] = "Panel decisions and approvals",
        [KIND_CT_TERM] = "Consulting Teachers' terms", [KIND_CT_REVIEW] = "Consulting Teachers' reviews",
        [KIND_PSS_CASE] = "peer support cases", [KIND_PSS_REPORT] = "peer support reports",
        [KIND_OUTCOME] = "case outcomes", [KIND_SURVEY] = "end-of-cycle surveys",
        [KIND_PROGRAM_REPORT] = "the program's reports", [KIND_API_TOKEN] = "API tokens",
        [KIND_MAIL] = "outgoing mail", [KIND_PASSWORD_LINK] = "password links",
        [KIND_ROSTER] = "the district's roster", [KIND_FINAL_RATING] = "final ratings for the district",
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
    if (who == WHO_CASE_PRIMARY_EVALUATOR)
        return "On a PAR case, its Consulting Teacher (its primary evaluator)";
    if (who == WHO_CASE_PANEL)
        return "A sitting Panel member, on a case before the Panel they have not recused from";
    if (who == WHO_CASE_APPROVER)
        return "The Superintendent, on a case the Panel has decided";
    if (who == WHO_PSS_MEMBER)
        return "The member a peer support case is for";
    if (who == WHO_PSS_PRESIDENT)
        return "The peer support case's local president";
    if (who == WHO_PSS_CONSULTANT)
        return "The peer support case's consultant";
    if (who == WHO_PANEL_SITTING)
        return "A Panel member whose term is running";
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
            return "Only the coordinator opens a case, and only from the teacher's own request; "
                   "an administrator cannot enrol a teacher.";
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
    case KIND_EVALUATION:
        if (act == ACT_RESPOND)
            return "R23: only the administrator of a PAR case previews and responds to its "
                   "summative draft.";
        if (act == ACT_SIGN)
            return "R20: only the teacher signs their evaluation, to say they received it.";
        if (act == ACT_UNLOCK)
            return "Only the evaluator and the teacher reopen a locked evaluation, each with the "
                   "other's consent.";
        if (act == ACT_VIEW)
            return "R16, R37: a case's evaluations are its teacher's, its Consulting Teacher's, its "
                   "PAR administrator's and, once it is before them, the Panel's.";
        return "R15: only the primary evaluator, the Consulting Teacher of a PAR case, creates a "
               "formative or summative evaluation; the secondary evaluator may add observations "
               "and artifacts.";
    case KIND_RECOMMENDATION:
        return "R21: only the Consulting Teacher of a PAR case recommends a rating to the Panel.";
    case KIND_PANEL_SUBMISSION:
        return "R22: the teacher and the administrator of a PAR case send the Panel their "
               "evidence.";
    case KIND_PANEL_SESSION:
        return "Only the coordinator and the Panel's members see the Panel's sessions; the "
               "coordinator schedules them.";
    case KIND_PANEL_NOTE:
    case KIND_RECUSAL:
    case KIND_PANEL_VOTE:
        return "R24, R29: only a Panel member whose term is running, and who has not recused "
               "themselves, deliberates and votes on a case before the Panel.";
    case KIND_DECISION:
        if (act == ACT_APPROVE)
            return "R25: only the Superintendent approves the Panel's rating.";
        return "R24, R25: the Panel decides by its vote; the Superintendent approves.";
    case KIND_CT_TERM:
    case KIND_CT_REVIEW:
        return "R27, R28, R29: the coordinator records the Consulting Teachers' terms; the "
               "Panel, its members while their term runs, reviews their work.";
    case KIND_PSS_CASE:
        return "R31-R36: a peer support case is the member's, their local president's, their "
               "consultant's and the service coordinator's only; no district role sees any of it.";
    case KIND_PSS_REPORT:
        if (act == ACT_APPROVE || act == ACT_RESPOND)
            return "R34: only the member, the local president and the consultant consent to a "
                   "release.";
        return "R34: a consultant's reports go to nobody but the member, the local president and "
               "the consultant, except as all three agreed in advance.";
    case KIND_OUTCOME:
        return "R39: the coordinator records a closed case's outcome.";
    case KIND_SURVEY:
        return "R39: the survey is answered by the case's teacher and, on a PAR case, its "
               "administrator.";
    case KIND_PROGRAM_REPORT:
        return "R29, R39: the program's reports are the coordinator's and the Panel's, for a "
               "member while their term runs; the public Track Record shows what may be "
               "published.";
    case KIND_API_TOKEN:
        return "Everyone makes and revokes their own API tokens; the program coordinator may "
               "also revoke the program's people's.";
    case KIND_MAIL:
        return "Only the program coordinator reads the program's outgoing mail.";
    case KIND_PASSWORD_LINK:
        return "Only the program coordinator has Parley e-mail someone a password link. To set "
               "your own password, use \"Forgot your password?\" on the sign-in page.";
    case KIND_ROSTER:
        return "Only the program coordinator brings in the district's roster.";
    case KIND_FINAL_RATING:
        return "R25: only the program coordinator and the Superintendent send the district the "
               "final ratings.";
    case KIND_AUDIT:
        return "Only the program coordinator browses the whole audit log. "
               "You can see every entry about your own record under My record.";
    default:
        return "Your role does not include this.";
    }
}

/* handlers.h: every page and API handler, one file per area. */
#ifndef PARLEY_HANDLERS_H
#define PARLEY_HANDLERS_H

#include "http/http.h"

/* home.c, static.c */
void page_home(req *r);
void page_healthz(req *r);
void page_static(req *r);
/* eligibility.c */
void page_eligibility(req *r);
/* site.c: the public site */
void page_about(req *r);
void page_faq(req *r);
void page_enroll(req *r);
void page_contact(req *r);
void page_track_record(req *r);
void page_resources(req *r);
void page_resource_download(req *r);
void page_news(req *r);
void page_news_post(req *r);
void page_feedback(req *r);
void do_feedback(req *r);
void page_feedback_thanks(req *r);
/* site_edit.c: the coordinator edits the public site */
void page_site_admin(req *r);
void page_site_page_edit(req *r);
void do_site_page_save(req *r);
void page_faq_new(req *r);
void do_faq_create(req *r);
void page_faq_edit(req *r);
void do_faq_update(req *r);
void do_faq_delete(req *r);
void page_news_new(req *r);
void do_news_create(req *r);
void page_news_edit(req *r);
void do_news_update(req *r);
void do_news_delete(req *r);
void page_resource_new(req *r);
void do_resource_create(req *r);
void page_resource_edit(req *r);
void do_resource_update(req *r);
void do_resource_delete(req *r);
void page_feedback_admin(req *r);
void do_feedback_publish(req *r);
void do_feedback_withdraw(req *r);
void do_feedback_delete(req *r);
/* account.c: signing in and out, one's own account and password */
void page_login(req *r);
void do_login(req *r);
/* The sign-in page answering status, with a problem above the form. */
void login_page(req *r, int status, const char *next, const char *problem);
/* next if it is a path on this site, else "/dashboard". */
const char *login_next(const char *next);
/* sso.c: signing in through the program's OpenID provider (issue 17) */
void sso_choice(req *r, const char *next);   /* its button on the sign-in page, if any */
void page_sso_start(req *r);
void page_sso_return(req *r);
void do_logout(req *r);
void do_logout_everywhere(req *r);
void page_dashboard(req *r);
void page_account(req *r);
void do_password_change(req *r);
void do_program_switch(req *r);
void page_reset(req *r);
void do_reset(req *r);
void page_forgot(req *r);
void do_forgot(req *r);
void page_forgot_sent(req *r);
/* tokens.c: one's API tokens (issue 15) */
void page_tokens(req *r);
void do_token_create(req *r);
void do_token_revoke(req *r);
/* final_ratings.c: the final ratings back to the district (R25, issue 17) */
void page_final_ratings_csv(req *r);
void api_final_ratings(req *r);
/* The link to them, for those who may have them (the decisions page, the
 * reports). */
void final_ratings_link(req *r);
/* roster.c: the district's roster brought in (issue 17) */
void page_roster_import(req *r);
void do_roster_preview(req *r);
void do_roster_import(req *r);
/* search.c: one search box (issue 18) */
void page_search(req *r);
void api_search(req *r);
/* The box in a page: a search landmark named label, its input's id; the
 * label is read out but not shown where the box speaks for itself. */
void search_box(req *r, const char *id, const char *label, bool label_shown);
/* people.c */
void page_people(req *r);
void page_person_new(req *r);
void do_person_create(req *r);
void page_person(req *r);
void page_person_edit(req *r);
void do_person_update(req *r);
void do_role_add(req *r);
void do_role_remove(req *r);
void do_password_link(req *r);
void page_person_history(req *r);
/* schools.c */
void page_schools(req *r);
void page_school_new(req *r);
void do_school_create(req *r);
void page_school(req *r);
void page_school_edit(req *r);
void do_school_update(req *r);
/* settings.c */
void page_settings(req *r);
void do_settings_update(req *r);
/* audit.c, help.c */
void page_audit(req *r);
void page_permissions(req *r);
void page_rules(req *r);
/* api.c: /api/v1, JSON in and out */
void api_me(req *r);
/* api_tokens.c: one's API tokens (issue 15) */
void api_tokens(req *r);
void api_token_create(req *r);
void api_token_revoke(req *r);
void api_people(req *r);
void api_person_create(req *r);
void api_person(req *r);
void api_person_update(req *r);
void api_roles(req *r);
void api_role_add(req *r);
void api_role_remove(req *r);
void api_schools(req *r);
void api_school_create(req *r);
void api_school(req *r);
void api_school_update(req *r);
void api_openapi(req *r);
/* contact.c: the public contact form (R10) */
void page_contact_new(req *r);
void page_contact_sent(req *r);
void do_contact(req *r);
/* intake.c: the intake queue and one inquiry */
void page_intake(req *r);
void page_inquiry(req *r);
void do_inquiry_assign(req *r);
void do_inquiry_status(req *r);
void do_inquiry_note(req *r);
void do_inquiry_facts(req *r);
void do_inquiry_confirmation(req *r);
/* The dashboard's requests someone else sent in the asker's name (R8). */
void sent_in_your_name_section(req *r);
/* cases.c: a case's enrolment, the teacher's status page, the workflow */
void page_cases(req *r);
void page_case_new(req *r);
void do_case_create(req *r);
void page_case(req *r);
void page_case_agreement(req *r);
void do_case_transition(req *r);
void page_my_case(req *r);
void page_workflow(req *r);
/* inbox.c */
void page_inbox(req *r);
void do_inbox_read(req *r);
/* outbox.c */
void page_outbox(req *r);
void do_outbox_retry(req *r);
/* account.c: what mail one gets */
void do_mail_choice(req *r);
/* api_cases.c */
void api_cases(req *r);
void api_case(req *r);
void api_case_transition(req *r);
void api_case_open(req *r);
/* api_inquiry.c */
void api_inquiries(req *r);
void api_inquiry(req *r);
void api_inquiry_update(req *r);
void api_inquiry_confirmation(req *r);
/* goals */
/* rubric.c: the program's rubric */
void page_rubric(req *r);
void do_rubric_seed(req *r);
void page_rubric_standard_edit(req *r);
void do_rubric_standard_rename(req *r);
void page_rubric_indicator_new(req *r);
void do_rubric_indicator_create(req *r);
void page_rubric_indicator_edit(req *r);
void do_rubric_indicator_update(req *r);
void do_rubric_indicator_retire(req *r);
void do_rubric_indicator_restore(req *r);
/* goal_bank.c: the goals bank */
void page_goal_bank(req *r);
void page_goal_bank_new(req *r);
void do_goal_bank_create(req *r);
void page_goal_bank_edit(req *r);
void do_goal_bank_update(req *r);
void do_goal_bank_retire(req *r);
void do_goal_bank_restore(req *r);
/* goals.c, self_assessment.c: a case's goals and self-assessment */
void page_goals(req *r);
void page_goal_new(req *r);
void do_goal_create(req *r);
void page_goal(req *r);
void page_goal_edit(req *r);
void do_goal_update(req *r);
void do_goal_propose(req *r);
void do_goal_approve(req *r);
void do_goal_return(req *r);
void page_self_assessment(req *r);
void do_self_assessment(req *r);
struct case_record;
void goals_case_summary(req *r, const struct case_record *k);   /* the case page's section */
/* api_goals.c */
void api_rubric(req *r);
void api_goal_bank(req *r);
void api_goal_bank_create(req *r);
void api_goal_bank_update(req *r);
void api_goals(req *r);
void api_goal_create(req *r);
void api_goal_update(req *r);
void api_goal_decision(req *r);
void api_self_assessment_put(req *r);
/* end goals */
/* observations */
/* observations.c, artifacts.c: a case's observations and artifacts */
void page_observations(req *r);
void do_observation_record(req *r);
void page_observation(req *r);
void do_observation_update(req *r);
void do_observation_reflect(req *r);
void do_observation_confirm_joint(req *r);
void page_artifacts(req *r);
void do_artifact_upload(req *r);
void page_artifact_file(req *r);
/* api_observations.c */
void api_observations(req *r);
void api_observation_create(req *r);
void api_observation(req *r);
void api_observation_update(req *r);
void api_observation_reflect(req *r);
void api_observation_confirm_joint(req *r);
void api_artifacts(req *r);
void api_artifact_create(req *r);
void api_artifact(req *r);
/* their sections of the case page (case_parts.c) */
struct case_record;
void observations_summary(req *r, const struct case_record *k);
void artifacts_summary(req *r, const struct case_record *k);
/* end observations */
/* meetings */
/* coaching.c: a case's coaching log (R16) */
struct case_record;
void page_coaching(req *r);
void do_coaching_add(req *r);
void page_coaching_edit(req *r);
void do_coaching_update(req *r);
void coaching_section(req *r, const struct case_record *k);   /* the case page's */
/* meetings.c: a case's parley meetings (R17) */
void page_meetings(req *r);
void do_meeting_schedule(req *r);
void page_meeting(req *r);
void do_meeting_reschedule(req *r);
void do_meeting_cancel(req *r);
void do_meeting_held(req *r);
void meetings_section(req *r, const struct case_record *k);   /* the case page's */
/* calendar.c: a meeting's .ics, the personal feed and its account page */
void page_meeting_ics(req *r);
void page_calendar(req *r);
void do_calendar_create(req *r);
void do_calendar_revoke(req *r);
void page_calendar_feed(req *r);
/* api_meetings.c */
void api_coaching_list(req *r);
void api_coaching_create(req *r);
void api_coaching_update(req *r);
void api_meetings_list(req *r);
void api_meeting_create(req *r);
void api_meeting_update(req *r);
/* end meetings */
/* dashboard */
/* dashboard.c: the work on the dashboard, the deadlines page */
void dashboard_work(req *r);
void page_deadlines(req *r);
/* Whether the case's process offers the asker this step now (cases.c):
 * when a rule stops it, a paragraph says why instead of the form; nothing
 * when the step is not theirs. */
bool step_offered(req *r, const struct case_record *k, const char *step);
struct errors;
/* A weighty step of the case's process (its table row has confirm words,
 * issue 18): its form says what will happen and who is told, with a box
 * to tick, "Yes, <button>" (field_confirm); nothing for another step. key:
 * the box's own name on the page ("close_vote-12" where several cases
 * have one; NULL: the step's key). */
void step_confirm_field(req *r, const char *step, const char *key, const char *button,
                        const struct errors *errs);
/* Whether a weighty step (its key, or the state it reaches) waits for the
 * person's confirmation: asked only when the asker may take it now (else
 * the use case's refusal comes first), and then said beside the box key
 * (NULL: the step's key) in errs. */
bool step_awaits_confirmation(req *r, int64_t case_id, const char *step, const char *key,
                              struct errors *errs);
struct case_task;
/* What the list says of each task, besides what and when. */
enum { TASK_WITH_TEACHER = 1, TASK_WITH_WHO = 2 };
/* The tasks as they come: overdue and waiting first, then by date. */
void task_list(req *r, const struct case_task *ts, int n, unsigned how);
/* api_dashboard.c */
void api_deadlines(req *r);
void api_tasks(req *r);
void api_caseload(req *r);
void api_week(req *r);
/* end dashboard */
/* evaluations */
/* evaluations.c, evaluation_pdf.c: a PAR case's evaluations (R15, R20, R23, R26) */
void page_evaluations(req *r);
void do_evaluation_create(req *r);
void page_evaluation(req *r);
void do_evaluation_update(req *r);
void do_evaluation_share_admin(req *r);
void do_evaluation_respond(req *r);
void do_evaluation_share_teacher(req *r);
void do_evaluation_sign(req *r);
void do_evaluation_lock(req *r);
void do_evaluation_ask_unlock(req *r);
void do_evaluation_consent_unlock(req *r);
void page_evaluation_print(req *r);
void page_evaluation_pdf(req *r);
void evaluations_case_summary(req *r, const struct case_record *k);   /* the case page's section */
/* api_evaluations.c */
void api_evaluations(req *r);
void api_evaluation(req *r);
void api_evaluation_create(req *r);
void api_evaluation_update(req *r);
void api_evaluation_step(req *r);
/* end evaluations */
/* recommendation */
void page_recommendation(req *r);      /* recommendation.c */
void do_recommendation_save(req *r);
void do_recommendation_submit(req *r);
void do_panel_submission(req *r);
void page_panel_submission_file(req *r);
void page_packet(req *r);
void recommendation_summary(req *r, const struct case_record *k);
void page_case_decision(req *r);       /* decisions.c */
void do_decision_approve(req *r);
void do_decision_return(req *r);
void page_decisions(req *r);
void decision_summary(req *r, const struct case_record *k);
void api_recommendation(req *r);       /* api_recommendation.c */
void api_recommendation_put(req *r);
void api_recommendation_submit(req *r);
void api_panel_submissions(req *r);
void api_panel_submission_create(req *r);
void api_packet(req *r);
void api_case_decisions(req *r);
void api_decision_approval(req *r);
void api_decisions(req *r);
/* end recommendation */
/* panel */
void page_panel(req *r);              /* panel.c */
void page_panel_sessions(req *r);
void do_panel_session_create(req *r);
void page_panel_session(req *r);      /* panel_session.c */
void do_panel_attendance(req *r);
void do_panel_docket_add(req *r);
void do_panel_docket_remove(req *r);
void do_panel_session_close(req *r);
void page_panel_case(req *r);         /* panel_case.c */
void do_panel_note(req *r);
void do_panel_recuse(req *r);
void do_panel_vote(req *r);
void do_panel_vote_close(req *r);
void api_panel_overview(req *r);      /* api_panel.c */
void api_panel_sessions(req *r);
void api_panel_session_create(req *r);
void api_panel_session(req *r);
void api_panel_session_update(req *r);
void api_panel_notes(req *r);
void api_panel_note_create(req *r);
void api_panel_recuse(req *r);
void api_panel_vote(req *r);
void api_panel_vote_close(req *r);
/* end panel */
/* terms */
void page_cts(req *r);            /* ct_terms.c */
void do_ct_term_create(req *r);
void page_ct(req *r);
void do_ct_leave(req *r);
void do_ct_review(req *r);
void page_panel_roster(req *r);   /* panel_roster.c */
void api_cts(req *r);             /* api_terms.c */
void api_ct(req *r);
void api_ct_term_create(req *r);
void api_ct_leave(req *r);
void api_ct_review_create(req *r);
void api_panel_roster(req *r);
/* end terms */
/* pss */
void page_pss(req *r);               /* pss.c */
void do_pss_request(req *r);
void page_pss_case(req *r);          /* pss_case.c */
void do_pss_change(req *r);
void do_pss_log(req *r);
void do_pss_report(req *r);
void do_pss_release_propose(req *r);
void do_pss_consent(req *r);
void do_pss_release(req *r);
void api_pss_list(req *r);           /* api_pss.c */
void api_pss_create(req *r);
void api_pss_case(req *r);
void api_pss_update(req *r);
void api_pss_hold(req *r);
void api_pss_log(req *r);
void api_pss_report(req *r);
void api_pss_release_propose(req *r);
void api_pss_consent(req *r);
void api_pss_release(req *r);
/* end pss */
/* outcomes */
void outcome_summary(req *r, const struct case_record *k);   /* outcomes.c */
void page_outcome(req *r);
void do_outcome_save(req *r);
void page_survey(req *r);                                    /* survey.c */
void do_survey_answer(req *r);
void page_surveys(req *r);

void api_outcome(req *r);                                    /* api_outcomes.c */
void api_outcome_put(req *r);
void api_survey_answer(req *r);
void api_surveys(req *r);
/* end outcomes */
/* reports */
void page_reports(req *r);            /* work_reports.c */
void page_report_csv(req *r);         /* report_csv.c */
void page_track_record_csv(req *r);
void api_track_record(req *r);        /* api_reports.c */
void api_work_report(req *r);
/* end reports */

#endif

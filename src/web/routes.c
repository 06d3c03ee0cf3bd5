/* routes.c: the static route table. Each route names the policy action
 * and record kind it needs; web_dispatch() asks the policy table before the
 * handler runs, and the handler asks again about the record itself. */
#include "domain/policy.h"
#include "web/handlers.h"
#include "web/web.h"

#define PUBLIC ACT_PUBLIC, KIND_NONE

const struct route web_routes[] = {
    {"GET", "/", page_home, PUBLIC, 0, "The public home page"},
    {"GET", "/healthz", page_healthz, PUBLIC, 0, "200 ok when the database answers"},
    {"GET", "/static/{name}", page_static, PUBLIC, 0, "Style sheet and images"},
    {"GET", "/help/permissions", page_permissions, PUBLIC, 0, "Who may do what, in plain words"},
    {"GET", "/eligibility", page_eligibility, PUBLIC, 0, "Check eligibility for PA and PAR"},
    {"GET", "/about", page_about, PUBLIC, 0, "How PA, PAR and consultancy visits work; who is who"},
    {"GET", "/faq", page_faq, PUBLIC, 0, "Questions and answers, by audience"},
    {"GET", "/enroll", page_enroll, PUBLIC, 0, "How to enroll"},
    {"GET", "/resources", page_resources, PUBLIC, 0, "Documents to download"},
    {"GET", "/resources/{id}/download", page_resource_download, PUBLIC, 0, "Download a document"},
    {"GET", "/news", page_news, PUBLIC, 0, "The program's news"},
    {"GET", "/news/{id}", page_news_post, PUBLIC, 0, "A news post"},
    {"GET", "/track-record", page_track_record, PUBLIC, 0, "Outcomes so far, and what people say"},
    {"GET", "/contact", page_contact, PUBLIC, 0, "The program's contact details"},
    {"GET", "/feedback", page_feedback, PUBLIC, 0, "Tell us what you think"},
    {"POST", "/feedback", do_feedback, PUBLIC, 0, "Send a comment"},
    {"GET", "/feedback/thanks", page_feedback_thanks, PUBLIC, 0, "Thanks for a comment"},
    {"GET", "/contact/new", page_contact_new, PUBLIC, 0, "The contact form: how joining starts (R10)"},
    {"POST", "/contact/new", do_contact, PUBLIC, 0, "Send the contact form (R10)"},
    {"GET", "/login", page_login, PUBLIC, 0, "The sign-in form"},
    {"POST", "/login", do_login, PUBLIC, ROUTE_HASHES_FIRST, "Sign in"},
    {"GET", "/reset/{token}", page_reset, PUBLIC, ROUTE_SECRET_PATH, "Set a password with a one-time link"},
    {"POST", "/reset/{token}", do_reset, PUBLIC, ROUTE_SECRET_PATH | ROUTE_HASHES_FIRST, "Set a password with a one-time link"},
    {"POST", "/logout", do_logout, ACT_EDIT, KIND_ACCOUNT, 0, "Sign out"},
    {"POST", "/logout-everywhere", do_logout_everywhere, ACT_EDIT, KIND_ACCOUNT, 0, "Sign out of every session"},
    {"GET", "/dashboard", page_dashboard, ACT_VIEW, KIND_ACCOUNT, 0, "One's own dashboard"},
    {"GET", "/account", page_account, ACT_VIEW, KIND_ACCOUNT, 0, "One's own account and its history"},
    {"POST", "/account/password", do_password_change, ACT_EDIT, KIND_ACCOUNT, ROUTE_HASHES_FIRST, "Change one's own password"},
    {"GET", "/people", page_people, ACT_LIST, KIND_PERSON, 0, "List and search people"},
    {"GET", "/people/new", page_person_new, ACT_CREATE, KIND_PERSON, 0, "The form to add a person"},
    {"POST", "/people", do_person_create, ACT_CREATE, KIND_PERSON, 0, "Add a person"},
    {"GET", "/people/{id}", page_person, ACT_VIEW, KIND_PERSON, 0, "A person's record"},
    {"GET", "/people/{id}/edit", page_person_edit, ACT_EDIT, KIND_PERSON, 0, "The form to change a person"},
    {"POST", "/people/{id}", do_person_update, ACT_EDIT, KIND_PERSON, 0, "Change a person"},
    {"POST", "/people/{id}/roles", do_role_add, ACT_CREATE, KIND_ROLE, 0, "Give a person a role"},
    {"POST", "/people/{id}/roles/{role_id}/delete", do_role_remove, ACT_DELETE, KIND_ROLE, 0, "Take a role away"},
    {"POST", "/people/{id}/password-link", do_reset_issue, ACT_RESET_PASSWORD, KIND_PERSON, 0, "Issue a one-time password link"},
    {"GET", "/people/{id}/history", page_person_history, ACT_VIEW_HISTORY, KIND_PERSON, 0, "Who viewed or changed a person's record"},
    {"GET", "/schools", page_schools, ACT_LIST, KIND_SCHOOL, 0, "List schools"},
    {"GET", "/schools/new", page_school_new, ACT_CREATE, KIND_SCHOOL, 0, "The form to add a school"},
    {"POST", "/schools", do_school_create, ACT_CREATE, KIND_SCHOOL, 0, "Add a school"},
    {"GET", "/schools/{id}", page_school, ACT_VIEW, KIND_SCHOOL, 0, "A school"},
    {"GET", "/schools/{id}/edit", page_school_edit, ACT_EDIT, KIND_SCHOOL, 0, "The form to change a school"},
    {"POST", "/schools/{id}", do_school_update, ACT_EDIT, KIND_SCHOOL, 0, "Change a school"},
    {"GET", "/settings", page_settings, ACT_VIEW, KIND_SETTINGS, 0, "The program's settings"},
    {"POST", "/settings", do_settings_update, ACT_EDIT, KIND_SETTINGS, 0, "Change the program's settings"},
    {"GET", "/audit", page_audit, ACT_LIST, KIND_AUDIT, 0, "Browse and filter the audit log"},
    {"GET", "/site", page_site_admin, ACT_LIST, KIND_CONTENT, 0, "The public site's content, drafts included"},
    {"GET", "/site/pages/{slug}/edit", page_site_page_edit, ACT_EDIT, KIND_CONTENT, 0, "The form to edit a public page"},
    {"POST", "/site/pages/{slug}", do_site_page_save, ACT_EDIT, KIND_CONTENT, 0, "Save a public page"},
    {"GET", "/site/faq/new", page_faq_new, ACT_CREATE, KIND_CONTENT, 0, "The form to add a FAQ entry"},
    {"POST", "/site/faq", do_faq_create, ACT_CREATE, KIND_CONTENT, 0, "Add a FAQ entry"},
    {"GET", "/site/faq/{id}/edit", page_faq_edit, ACT_EDIT, KIND_CONTENT, 0, "The form to edit a FAQ entry"},
    {"POST", "/site/faq/{id}", do_faq_update, ACT_EDIT, KIND_CONTENT, 0, "Save a FAQ entry"},
    {"POST", "/site/faq/{id}/delete", do_faq_delete, ACT_DELETE, KIND_CONTENT, 0, "Remove a FAQ entry"},
    {"GET", "/site/news/new", page_news_new, ACT_CREATE, KIND_CONTENT, 0, "The form to write a news post"},
    {"POST", "/site/news", do_news_create, ACT_CREATE, KIND_CONTENT, 0, "Add a news post"},
    {"GET", "/site/news/{id}/edit", page_news_edit, ACT_EDIT, KIND_CONTENT, 0, "The form to edit a news post"},
    {"POST", "/site/news/{id}", do_news_update, ACT_EDIT, KIND_CONTENT, 0, "Save a news post"},
    {"POST", "/site/news/{id}/delete", do_news_delete, ACT_DELETE, KIND_CONTENT, 0, "Remove a news post"},
    {"GET", "/site/resources/new", page_resource_new, ACT_CREATE, KIND_CONTENT, 0, "The form to upload a document"},
    {"POST", "/site/resources", do_resource_create, ACT_CREATE, KIND_CONTENT, ROUTE_UPLOAD, "Upload a document"},
    {"GET", "/site/resources/{id}/edit", page_resource_edit, ACT_EDIT, KIND_CONTENT, 0, "The form to edit a document"},
    {"POST", "/site/resources/{id}", do_resource_update, ACT_EDIT, KIND_CONTENT, ROUTE_UPLOAD, "Save a document, or replace its file"},
    {"POST", "/site/resources/{id}/delete", do_resource_delete, ACT_DELETE, KIND_CONTENT, 0, "Remove a document"},
    {"GET", "/site/feedback", page_feedback_admin, ACT_LIST, KIND_FEEDBACK, 0, "Read the feedback"},
    {"POST", "/site/feedback/{id}/publish", do_feedback_publish, ACT_EDIT, KIND_FEEDBACK, 0, "Publish a comment as a quote"},
    {"POST", "/site/feedback/{id}/withdraw", do_feedback_withdraw, ACT_EDIT, KIND_FEEDBACK, 0, "Withdraw a published quote"},
    {"POST", "/site/feedback/{id}/delete", do_feedback_delete, ACT_DELETE, KIND_FEEDBACK, 0, "Remove a comment"},
    {"GET", "/intake", page_intake, ACT_LIST, KIND_INQUIRY, 0, "The intake queue: inquiries from the contact form"},
    {"GET", "/intake/{id}", page_inquiry, ACT_VIEW, KIND_INQUIRY, 0, "An inquiry, its notes and eligibility"},
    {"POST", "/intake/{id}/assign", do_inquiry_assign, ACT_ASSIGN, KIND_INQUIRY, 0, "Assign an inquiry"},
    {"POST", "/intake/{id}/status", do_inquiry_status, ACT_EDIT, KIND_INQUIRY, 0, "Change an inquiry's status"},
    {"POST", "/intake/{id}/notes", do_inquiry_note, ACT_EDIT, KIND_INQUIRY, 0, "Add a note to an inquiry"},
    {"POST", "/intake/{id}/facts", do_inquiry_facts, ACT_EDIT, KIND_INQUIRY, 0, "Confirm an inquiry's eligibility facts"},
    {"GET", "/cases", page_cases, ACT_LIST, KIND_CASE, 0, "Cases: list and filter"},
    {"GET", "/cases/new", page_case_new, ACT_CREATE, KIND_CASE, 0, "The form to open a case from an inquiry"},
    {"POST", "/cases", do_case_create, ACT_CREATE, KIND_CASE, 0, "Open a case from the teacher's inquiry (R8, R10)"},
    {"GET", "/cases/{id}", page_case, ACT_VIEW, KIND_CASE, 0, "A case: where it is, its timeline, the next steps"},
    {"GET", "/cases/{id}/agreement", page_case_agreement, ACT_VIEW, KIND_CASE, 0, "The PAR Agreement, printable (R11)"},
    {"POST", "/cases/{id}/transitions", do_case_transition, ACT_EDIT, KIND_CASE, 0, "Take a step of the case workflow"},
    {"GET", "/my-case", page_my_case, ACT_VIEW, KIND_ACCOUNT, 0, "A teacher's own case: where it is, what comes next (R37)"},
    /* goals: the rubric, the goals bank, self-assessments and goals */
    /* end goals */
    /* observations: observations and artifacts */
    /* end observations */
    /* meetings: the coaching log, parley meetings and calendars */
    /* end meetings */
    /* dashboard: caseloads and deadlines */
    {"GET", "/deadlines", page_deadlines, ACT_LIST, KIND_CASE, 0, "Everything due on one's cases, overdue first (R17-R19, R37)"},
    /* end dashboard */
    {"GET", "/inbox", page_inbox, ACT_VIEW, KIND_ACCOUNT, 0, "One's notifications"},
    {"POST", "/inbox/read", do_inbox_read, ACT_EDIT, KIND_ACCOUNT, 0, "Mark one's notifications read"},
    {"GET", "/help/workflow", page_workflow, PUBLIC, 0, "The case workflow, from its table"},
    {"GET", "/api/v1/openapi.json", api_openapi, PUBLIC, 0, "This API's OpenAPI 3 document"},
    {"GET", "/api/v1/me", api_me, ACT_VIEW, KIND_ACCOUNT, 0, "Who the token belongs to"},
    {"GET", "/api/v1/people", api_people, ACT_LIST, KIND_PERSON, 0, "List and search people"},
    {"POST", "/api/v1/people", api_person_create, ACT_CREATE, KIND_PERSON, 0, "Add a person"},
    {"GET", "/api/v1/people/{id}", api_person, ACT_VIEW, KIND_PERSON, 0, "A person"},
    {"PATCH", "/api/v1/people/{id}", api_person_update, ACT_EDIT, KIND_PERSON, 0, "Change a person"},
    {"GET", "/api/v1/people/{id}/roles", api_roles, ACT_VIEW, KIND_PERSON, 0, "A person's roles"},
    {"POST", "/api/v1/people/{id}/roles", api_role_add, ACT_CREATE, KIND_ROLE, 0, "Give a person a role"},
    {"DELETE", "/api/v1/people/{id}/roles/{role_id}", api_role_remove, ACT_DELETE, KIND_ROLE, 0, "Take a role away"},
    {"GET", "/api/v1/schools", api_schools, ACT_LIST, KIND_SCHOOL, 0, "List schools"},
    {"POST", "/api/v1/schools", api_school_create, ACT_CREATE, KIND_SCHOOL, 0, "Add a school"},
    {"GET", "/api/v1/schools/{id}", api_school, ACT_VIEW, KIND_SCHOOL, 0, "A school"},
    {"PATCH", "/api/v1/schools/{id}", api_school_update, ACT_EDIT, KIND_SCHOOL, 0, "Change a school"},
    {"GET", "/api/v1/inquiries", api_inquiries, ACT_LIST, KIND_INQUIRY, 0, "The intake queue: filter, search, page"},
    {"GET", "/api/v1/inquiries/{id}", api_inquiry, ACT_VIEW, KIND_INQUIRY, 0, "An inquiry with its notes and eligibility"},
    {"PATCH", "/api/v1/inquiries/{id}", api_inquiry_update, ACT_EDIT, KIND_INQUIRY, 0, "Assign an inquiry or change its status"},
    {"GET", "/api/v1/cases", api_cases, ACT_LIST, KIND_CASE, 0, "List cases (filters: state, track, q)"},
    {"GET", "/api/v1/cases/{id}", api_case, ACT_VIEW, KIND_CASE, 0, "A case with its timeline and next steps"},
    {"POST", "/api/v1/cases/{id}/transitions", api_case_transition, ACT_EDIT, KIND_CASE, 0, "Take a step of the case workflow"},
    /* api goals: the rubric, the goals bank, self-assessments and goals */
    /* end api goals */
    /* api observations: observations and artifacts */
    /* end api observations */
    /* api meetings: the coaching log, parley meetings and calendars */
    /* end api meetings */
    /* api dashboard: caseloads and deadlines */
    {"GET", "/api/v1/deadlines", api_deadlines, ACT_LIST, KIND_CASE, 0, "Everything due on one's cases, overdue first"},
    {"GET", "/api/v1/caseload", api_caseload, ACT_LIST, KIND_CASE, 0, "A Consulting Teacher's weighted caseload (R30)"},
    {"GET", "/api/v1/week", api_week, ACT_LIST, KIND_CASE, 0, "A Consulting Teacher's visits and meetings in a week (?start=YYYY-MM-DD)"},
    /* end api dashboard */
};
const size_t web_route_count = sizeof web_routes / sizeof web_routes[0];

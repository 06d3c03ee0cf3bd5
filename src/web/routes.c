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
};
const size_t web_route_count = sizeof web_routes / sizeof web_routes[0];

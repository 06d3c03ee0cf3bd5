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
/* account.c: signing in and out, one's own account and password */
void page_login(req *r);
void do_login(req *r);
void do_logout(req *r);
void do_logout_everywhere(req *r);
void page_dashboard(req *r);
void page_account(req *r);
void do_password_change(req *r);
void page_reset(req *r);
void do_reset(req *r);
/* people.c */
void page_people(req *r);
void page_person_new(req *r);
void do_person_create(req *r);
void page_person(req *r);
void page_person_edit(req *r);
void do_person_update(req *r);
void do_role_add(req *r);
void do_role_remove(req *r);
void do_reset_issue(req *r);
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
/* api.c: /api/v1, JSON in and out */
void api_me(req *r);
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

#endif

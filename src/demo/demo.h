/* demo.h: the demo district (parley demo), made through the use cases of
 * app/ by the person whose step each is. Nothing in app/ calls it: it sits
 * above app/, beside web/, and only the demo command and tests that start
 * from the demo's data use it. */
#ifndef PARLEY_DEMO_H
#define PARLEY_DEMO_H

#include <stdbool.h>

#include "app/app.h"

/* Builds the deterministic demo program (parley demo). scale 0: the demo
 * alone; 1: with it a district of 60 schools and 4,000 teachers with ten
 * years of history (the benchmark's large district); 10: ten times that
 * (the huge one). */
enum app_status demo_build(struct ctx *c, const char *password, int scale);
/* The demo acts as the person with this email (false: no such person). */
bool demo_act_as(struct ctx *c, const char *email);
/* The first case of the teacher with this email in the program the demo
 * acts in (0: none). */
int64_t demo_case_of(struct ctx *c, const char *teacher_email);
/* The id of the indicator with this code ("II-A") in the rubric of the
 * program the demo acts in (0: none). */
int64_t demo_indicator_id(struct ctx *c, const char *code);
/* s, after saying on standard error what failed and why (its first error
 * or its refusal) when it is not APP_OK. */
enum app_status demo_said(enum app_status s, const char *what, const struct errors *errs,
                          const char *refusal);

/* The parts demo_build puts together, in its order. */
/* The demo program's public site (site.c). */
enum app_status demo_site_build(struct ctx *c);
/* The small demo's Consulting Teachers' terms and review (terms.c). */
enum app_status terms_demo(struct ctx *c);
/* The small demo's cases: case 1 is PA, case 2 PAR, both on a caseload
 * (cases.c). */
enum app_status enrolment_demo(struct ctx *c);
/* The small demo's casework on those two cases (casework.c), made of: */
enum app_status casework_demo(struct ctx *c);
/* its goals, bank and self-assessments (goals.c), */
enum app_status goals_demo(struct ctx *c);
/* its observations and artifacts (observations.c), */
enum app_status observations_demo(struct ctx *c);
/* its coaching entries and meetings (meetings.c), */
enum app_status meetings_demo(struct ctx *c);
/* and the formative evaluation on the PAR case, shared and signed
 * (evaluations.c); acts as the case's CT and its teacher. */
enum app_status evaluations_demo(struct ctx *c);
/* A Panel session two weeks ahead, nothing on its docket yet (panel.c). */
enum app_status panel_demo(struct ctx *c);
/* The outcome and surveys of each closed case, through the use cases, as
 * the coordinator (outcomes.c). */
enum app_status outcomes_demo(struct ctx *c);
/* The peer support case (pss.c): member@'s, referred by president@, with
 * consultant@, the district's agreement, a log entry, a report and a
 * proposed release. Run with the federation as c->who's program. */
enum app_status pss_demo(struct ctx *c);

#endif

/* eligibility.h (web): the eligibility questions (R1-R6) as one set of
 * fields, asked the same way wherever they are asked: the public checker
 * (the teacher, "your plan"), the coordinator's intake and the case's
 * choice of track (staff recording them, "the plan"). */
#ifndef PARLEY_WEB_ELIGIBILITY_H
#define PARLEY_WEB_ELIGIBILITY_H

#include "domain/eligibility.h"
#include "web/web.h"

/* The fields, under eligibility_answers' names; yours: the teacher answers. */
void eligibility_fields(req *r, const struct eligibility_answers *in, bool yours,
                        const struct errors *errs);
/* The answer: its advice, then every criterion met or not, named by its
 * rule's title (linked to the rule), with its sentence (R9). */
void eligibility_criteria(req *r, const struct eligibility *e);
/* The same answers as a form sent them. */
struct eligibility_answers eligibility_answers_from_form(req *r);

#endif

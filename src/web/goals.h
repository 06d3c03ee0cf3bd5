/* goals.h (web): what the pages of goals, the goals bank, the
 * self-assessment and the rubric share (goal_form.c). */
#ifndef PARLEY_WEB_GOALS_H
#define PARLEY_WEB_GOALS_H

#include "app/goals.h"
#include "web/web.h"

/* The SMART fields of a goal (with_due) or of a bank goal, keeping what
 * was typed and showing errors beside the fields. */
void goal_fields_form(req *r, const struct goal_input *in, bool with_due,
                      const struct errors *errs);
/* The same fields read back from the form. */
struct goal_input goal_input_from_form(req *r, bool with_due);
/* A goal's SMART fields as a record (dl rows; the caller opens the dl). */
void goal_smart_rows(req *r, enum goal_kind kind, const char *specific, const char *measure,
                     const char *actions, const char *indicator_code, const char *indicator_title);
/* "YYYY-MM-DD" as a <time>, with how far it is from today in words. */
void date_words(req *r, const char *date);
/* The teacher's self-assessment, on the goals page (self_assessment.c);
 * nothing for someone who may not see it. */
void self_assessment_section(req *r, const struct case_record *k);

#endif

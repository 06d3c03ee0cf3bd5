/* casework.h: what the use cases of a case's parts share (R14-R19, R37):
 * goals, observations, artifacts, the coaching log and the meetings each
 * open their case the same way, check the same kinds of fields, record
 * their changes on the case's timeline and in the audit log, and tag
 * evidence to the rubric's indicators the same way. */
#ifndef PARLEY_CASEWORK_H
#define PARLEY_CASEWORK_H

#include "app/case_news.h"
#include "app/enrolment.h"

/* Loads the case and asks the policy table about act on kind for it. A
 * change (any act but ACT_VIEW) also needs the cycle under way: the work
 * starts once the case is on a caseload (APP_CONFLICT otherwise). refusal
 * gets the words for APP_FORBIDDEN and APP_CONFLICT. A view by anyone but
 * the teacher is audited as a read of that part (R37, R38). */
enum app_status casework_open(struct ctx *c, int64_t case_id, enum action act,
                              enum record_kind kind, struct case_record *k,
                              const char **refusal);
/* The same for a case already loaded, whose relations the caller may have
 * set for a context of its own (a Panel session's date, R29). */
enum app_status casework_check(struct ctx *c, enum action act, enum record_kind kind,
                               const struct case_record *k, const char **refusal);
/* Whether the asker may do act on kind of this case: to show or hide a
 * section, a form or a button. Never audited. */
bool casework_may(struct ctx *c, const struct case_record *k, enum action act,
                  enum record_kind kind);
/* The same for the case with this id, as a list's row: a role that grants
 * it for every case answers without loading the case. */
bool casework_may_id(struct ctx *c, int64_t case_id, enum action act, enum record_kind kind);
/* Records a change to a part: the case's timeline (seen only by those who
 * may see that part, R16), the audit log about the teacher (R37, R38),
 * and, when tell is true, the inboxes of the teacher, the CT and, on a PAR
 * case only, the school's administrators. what: "added", "approved"... */
enum app_status casework_record(struct ctx *c, const struct case_record *k, enum record_kind kind,
                                int64_t record_id, const char *what, const char *summary,
                                bool tell);
/* The same for a step whose audit action is a key ("share_teacher"): the
 * mail says words instead ("shared the summative evaluation with the
 * teacher"), never the record's content. */
enum app_status casework_record_step(struct ctx *c, const struct case_record *k,
                                     enum record_kind kind, int64_t record_id, const char *what,
                                     const char *words, const char *summary, bool tell);

/* Field checks: each adds the field's error in plain words and returns
 * the checked value (NULL, 0 or -1 when wrong). */
const char *casework_text(struct errors *errs, const char *field, const char *v, size_t max,
                          bool required);
/* "YYYY-MM-DD", a real date. */
const char *casework_date(struct errors *errs, const char *field, const char *v);
/* A whole number from lo to hi; -1 when wrong. */
int casework_number(struct errors *errs, const char *field, const char *v, int lo, int hi);
/* "YYYY-MM-DDTHH:MM" (a datetime-local field) or "YYYY-MM-DD HH:MM", as
 * "YYYY-MM-DD HH:MM"; NULL when wrong. */
const char *casework_time(arena *a, const char *v);

/* Evidence (R19): the indicators an observation or an artifact is tagged to. */
struct evidence_tag {
    int64_t indicator_id;
    const char *code, *title;        /* "II-A", "Instruction" */
};
/* Replaces the tags of one observation (or one artifact: the other id 0)
 * with these indicators of the program's rubric; an id that is not one
 * gets an error on field "indicators". */
enum app_status evidence_set(struct ctx *c, const struct case_record *k, int64_t observation_id,
                             int64_t artifact_id, const int64_t *indicator_ids, int n,
                             struct errors *errs);
enum app_status evidence_of(struct ctx *c, int64_t observation_id, int64_t artifact_id,
                            struct evidence_tag **out, int *n);
/* Reads indicator ids as a form sends them ("12") into ids (at most max);
 * false with an error on "indicators" when one is not a number. */
bool evidence_ids(struct errors *errs, const char *const *vals, int nvals, int64_t *ids,
                  int *n, int max);

#endif

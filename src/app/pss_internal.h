/* pss_internal.h: what the peer support files share, from the bottom up:
 * pss_case.c (loading, records), pss_process.c (the process table's
 * answers), pss_work.c (the consultant's work), pss.c (requests and the
 * coordinator's steps); and search.c, which opens a case found as its
 * page would. */
#ifndef PARLEY_APP_PSS_INTERNAL_H
#define PARLEY_APP_PSS_INTERNAL_H

#include "app/pss.h"

#define WORK_MAX 200 /* a case's log entries, reports and releases, each */

/* Loads the case of this program and asks the policy table about act on
 * kind for it, with the asker's relations. Another program's case, or one
 * the asker may not see, is APP_NOT_FOUND; one they may see but not do
 * this to, APP_FORBIDDEN with the policy's words in *refusal. */
enum app_status pss_open(struct ctx *c, int64_t id, enum action act, enum record_kind kind,
                         struct pss_case *k, const char **refusal);
/* A write's record: the audit log about the member (R38) and, when tell,
 * the inboxes of the case's people other than the asker. kind: "pss_case",
 * "pss_log", "pss_report", "pss_release". */
enum app_status pss_record(struct ctx *c, const struct pss_case *k, const char *action,
                           const char *kind, int64_t record_id, const char *summary, bool tell);
/* The case's releases (k->releases, k->nreleases), oldest first. */
enum app_status pss_releases_load(struct ctx *c, struct pss_case *k);
/* The release of this case named in v; else APP_INVALID with the field
 * release_id's error in errs. */
enum app_status pss_release_find(struct ctx *c, int64_t case_id, const char *v,
                                 struct pss_release_item *x, struct errors *errs);
/* Tells the service's coordinators (those of its own program) in their
 * inboxes, with a link; nothing of a case leaves by e-mail (R33-R35). */
enum app_status pss_tell_coordinators(struct ctx *c, const char *message, const char *link);
/* The open cases the asker may see (the coordinator's: every one of the
 * program; anyone else's: those they take part in), oldest first. */
enum app_status pss_cases_open(struct ctx *c, struct pss_case **out, int *n);

/* The case's log, reports and releases, oldest first (pss_work.c). */
enum app_status pss_work_load(struct ctx *c, struct pss_case *k);

/* Opens the case for step key through the policy table's row the step
 * goes through (pss_open), with its facts. */
enum app_status pss_step_open(struct ctx *c, int64_t id, const char *key, struct pss_case *k,
                              struct pss_facts *f, const char **refusal);
/* May the asker take step key on case k now (release: the index of the
 * release it is about, or -1)? Theirs (the policy table and the step's who,
 * else APP_FORBIDDEN with the policy's words), taken in the case's status
 * (else APP_CONFLICT), and its guards over the whole case: APP_CONFLICT
 * with the guard's plain words, or for a guard about an input field its
 * error in errs (APP_INVALID). f: the facts with the step's input. */
enum app_status pss_step_allows(struct ctx *c, const struct pss_case *k, const struct pss_facts *f,
                                const char *key, int release, struct errors *errs,
                                const char **refusal);

#endif

/* pss.h: the federation's confidential Peer Support Service (R31-R36). A
 * member asks for support, or their local president asks for them, or the
 * service coordinator records a request made by telephone (R31). The
 * coordinator assigns a consultant and records the cost (R32), the leave
 * of absence (R36), the district's agreement (R33), any hold (R35) and
 * the close. The consultant logs the work and writes reports, which go to
 * nobody until a release to a named recipient has the member's, the local
 * president's and the consultant's consent (R34) and no hold stands (R35).
 * Each of these is a step of the case's process table
 * (domain/pss_process.c): every use case asks it before writing, and the
 * pages offer what it allows (pss_process.c).
 *
 * The wall: every query is bound to the program the asker works in, so a
 * case of another program does not exist (404), whatever roles the asker
 * holds there; the policy table's PSS kinds are granted to federation roles
 * and to a case's people only. Every read and every write is audited (R38). */
#ifndef PARLEY_APP_PSS_H
#define PARLEY_APP_PSS_H

#include "app/app.h"
#include "app/people.h"
#include "app/process.h"
#include "domain/pss.h"
#include "domain/pss_process.h"

struct pss_log_entry {
    int64_t id, created_at;
    enum pss_log_kind kind;
    const char *on_date, *note, *author;
};
struct pss_report_item {
    int64_t id, created_at;
    const char *title, *body, *author;
};
struct pss_release_item {
    int64_t id, report_id, version, created_at, released_at;
    enum pss_release_status status;
    const char *report_title, *recipient, *purpose;
    struct pss_consents consents;
};

struct pss_case {
    int64_t id, version, created_at, updated_at;
    int64_t member_id, president_id, consultant_id, agreement_at, hold_at;   /* 0: none */
    enum pss_referral referral;
    enum pss_reason reason;
    enum pss_cost cost;
    enum pss_status status;
    enum pss_hold hold;
    bool leave_needed;
    const char *member_name, *president_name, *consultant_name, *created_by_name;
    const char *district, *request_note, *cost_note, *leave_from, *leave_to, *leave_note;
    const char *agreement_by, *agreement_note, *hold_note;
    unsigned relations;          /* the asker's: POLICY_REL(WHO_PSS_...) bits */
    /* The work (KIND_PSS_REPORT): loaded only for the member, the local
     * president and the consultant; the coordinator does not read it (R34). */
    bool work_loaded;
    struct pss_log_entry *log;
    struct pss_report_item *reports;
    struct pss_release_item *releases;
    int nlog, nreports, nreleases;
};

/* The cases the asker may see: every one for the service coordinator, else
 * those they are the member, local president or consultant of. Newest
 * first; audited as a read (R38). */
enum app_status pss_cases_list(struct ctx *c, struct page_of *pg, struct pss_case **out, int *n);
/* One case, with its work when the asker may read it. A case of another
 * program, or one the asker has no part in, is APP_NOT_FOUND. Audited. */
enum app_status pss_case_get(struct ctx *c, int64_t id, struct pss_case *out);
/* Whether the asker may do act on kind of this case (the policy table). */
bool pss_may(struct ctx *c, const struct pss_case *k, enum action act, enum record_kind kind);

/* The case's facts for its process table (pss_process.c). */
enum app_status pss_case_facts(struct ctx *c, const struct pss_case *k, struct pss_facts *f);
/* The asker's offer of step key on the case now (release: an index into
 * f->releases, or -1): false when the step is not theirs (the policy
 * table, the process table's who) or does not apply; o->blocked when a
 * rule stops it for now, with why. */
bool pss_step_offer(struct ctx *c, const struct pss_case *k, const struct pss_facts *f,
                    const char *key, int release, struct pss_offer *o);
/* Whether the asker may ask for peer support (the request step): APP_OK,
 * or why not. */
enum app_status pss_request_allowed(struct ctx *c);
/* The index in f->releases of the release with this id, or -1. */
int pss_release_index(const struct pss_facts *f, int64_t release_id);
/* The asker's tasks on the open peer support cases of the program they
 * work in (mine), or everything due on them that they may see (R34: a
 * release's items only to those who read the work), appended to out (n of
 * cap): the federation's own people only. Audited as a read (R38). */
enum app_status pss_case_tasks(struct ctx *c, bool mine, struct case_task **out, int *n,
                               int *cap);

/* People of this program holding a role (members to refer, consultants
 * to assign), by name. */
struct pss_person {
    int64_t id;
    const char *name, *email;
};
enum app_status pss_people(struct ctx *c, enum role role, struct pss_person **out, int *n);

/* R31: a request. A member asks for themselves (referral "self"); a local
 * president for a member of the federation (referral "president", member_id);
 * the coordinator records one made by telephone (member_id, and president_id
 * when a president called). The cost starts as the reason implies (R32). */
struct pss_request_form {
    struct pss_request_input rq;
    const char *member_id, *president_id;
};
enum app_status pss_request(struct ctx *c, const struct pss_request_form *in, int64_t *id,
                            struct errors *errs);

/* The coordinator's changes (ACT_EDIT KIND_PSS_CASE); NULL members are
 * not changed. consultant_id: a consultant of this program. cost, cost_note
 * (R32). leave_needed "yes"|"no", leave_from, leave_to, leave_note (R36).
 * agreement_by, agreement_note: the district's agreement (R33), recorded
 * once. hold "" | grievance | regulatory, hold_note (R35). close "yes". */
struct pss_change {
    const char *consultant_id, *cost, *cost_note, *leave_needed, *leave_from, *leave_to,
        *leave_note, *agreement_by, *agreement_note, *hold, *hold_note, *close;
};
/* version: the one the change is based on (stale: APP_CONFLICT with refusal
 * NULL). A closed case, or an agreement already recorded: APP_CONFLICT
 * with the words. */
enum app_status pss_case_change(struct ctx *c, int64_t id, int64_t version,
                                const struct pss_change *ch, struct errors *errs,
                                const char **refusal);

/* The consultant's work (pss_work.c). Each is refused before the district's
 * agreement (R33: APP_CONFLICT naming it) and on a closed case. */
enum app_status pss_log_add(struct ctx *c, int64_t id, const char *kind, const char *on_date,
                            const char *note, int64_t *log_id, struct errors *errs,
                            const char **refusal);
enum app_status pss_report_add(struct ctx *c, int64_t id, const char *title, const char *body,
                               int64_t *report_id, struct errors *errs, const char **refusal);
/* R34: a release of one report to one recipient, for the three to consent to;
 * none while a hold stands (R35: APP_CONFLICT naming it). */
enum app_status pss_release_propose(struct ctx *c, int64_t id, const char *report_id,
                                    const char *recipient, const char *purpose,
                                    int64_t *release_id, struct errors *errs,
                                    const char **refusal);
/* R34: the member, the local president or the consultant consents, in
 * advance, to that release to that recipient; not while a hold stands (R35:
 * nothing from the consultant is requested or offered). */
enum app_status pss_release_consent(struct ctx *c, int64_t id, const char *release_id,
                                    struct errors *errs, const char **refusal);
/* R34, R35: the consultant releases it: all three consents recorded first,
 * no hold standing (APP_CONFLICT naming the rule otherwise). */
enum app_status pss_release_make(struct ctx *c, int64_t id, const char *release_id,
                                 struct errors *errs, const char **refusal);

#endif

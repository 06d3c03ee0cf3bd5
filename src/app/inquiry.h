/* inquiry.h: the contact form and the intake queue. A visitor sends an
 * inquiry without an account (R10: enrolment starts here); the coordinator
 * assigns it to themselves or a Consulting Teacher, who works it: notes,
 * status, and the eligibility facts confirmed with the teacher, judged by
 * domain/eligibility.c as the public checker judges them. The sender is not
 * a person record yet: enrolment makes them one (inquiry.person_id). */
#ifndef PARLEY_APP_INQUIRY_H
#define PARLEY_APP_INQUIRY_H

#include "app/app.h"
#include "app/people.h"
#include "domain/eligibility.h"
#include "domain/inquiry.h"
#include "domain/workflow.h"

struct inquiry_note {
    int64_t id, at;
    const char *author, *body;
};

struct inquiry {
    int64_t id, version, created_at, updated_at;
    int64_t school_id, handler_id, person_id;   /* 0: none */
    const char *reference, *name, *email, *school_name, *school_other, *phone, *message;
    const char *close_reason, *handler_name;
    enum contact_by contact_by;
    enum interest interest;
    enum inquiry_status status;
    int64_t facts_at;                           /* 0: not confirmed yet */
    const char *facts_by_name;
    struct eligibility_facts facts;
    enum teacher_confirmation confirmation;     /* R8 */
    const char *sent_by_name;                   /* who sent it in the teacher's name ("") */
    int64_t confirmed_at;                       /* when the teacher answered (0: not yet) */
    int64_t case_id;                            /* the case it became (0: none yet) */
    struct inquiry_note *notes;                 /* inquiry_get only, oldest first */
    int nnotes;
};

/* What the contact form's sender sees: the reference, or when to retry. */
struct inquiry_receipt {
    char reference[32];
    int64_t retry_at;                           /* APP_THROTTLED: try again from then */
    int limit;                                  /* the setting that was reached */
};

/* The public form (no authorisation: R10). honeypot: the hidden field a
 * person never fills was filled; the answer is the same, nothing stored.
 * APP_INVALID with errs, APP_THROTTLED over contact_per_hour. */
enum app_status inquiry_submit(struct ctx *c, const struct inquiry_input *in, bool honeypot,
                               struct inquiry_receipt *out, struct errors *errs);

struct inquiry_filter {
    const char *q;                              /* name, email or reference contains */
    const char *status;                         /* a status key, "open", or "" for any */
    const char *interest;                       /* an interest key or "" */
    const char *handler;                        /* a person id, "none", or "" for anyone */
};
/* The queue: every inquiry for the coordinator; for a Consulting Teacher,
 * those assigned to them. Bad filter values give APP_INVALID with errs. */
enum app_status inquiries_list(struct ctx *c, const struct inquiry_filter *f, struct page_of *pg,
                               struct inquiry **out, int *n, struct errors *errs);
/* APP_NOT_FOUND also when the asker may not know it exists. With notes. */
enum app_status inquiry_get(struct ctx *c, int64_t id, struct inquiry *out);
/* The same for a list that shows it (search): without its notes, and not
 * audited, as the queue that shows it is not. */
enum app_status inquiry_find(struct ctx *c, int64_t id, struct inquiry *out);

/* A change to an inquiry; NULL members keep their value. handler_id "":
 * nobody. Assigning takes the coordinator (ACT_ASSIGN). */
struct inquiry_change {
    const char *handler_id, *status, *close_reason;
};
enum app_status inquiry_update(struct ctx *c, int64_t id, int64_t version,
                               const struct inquiry_change *ch, struct errors *errs);
enum app_status inquiry_note_add(struct ctx *c, int64_t id, const char *body, struct errors *errs);

/* The eligibility facts as the coordinator confirms them, as typed, under
 * the public checker's field names. */
enum app_status inquiry_facts_confirm(struct ctx *c, int64_t id, int64_t version,
                                      const struct eligibility_answers *in, struct errors *errs);
/* R1-R6: the same eligibility_check() as the public checker, with the
 * program's settings; false if no facts are confirmed yet. */
bool inquiry_eligibility(struct ctx *c, const struct inquiry *q, struct eligibility *out);

/* R8: the requests someone else sent in the asker's name that wait for
 * their word (at most 20), for their dashboard. */
enum app_status inquiries_sent_in_my_name(struct ctx *c, struct inquiry **out, int *n);
/* R8: the teacher named in the request answers it, signed in as
 * themselves: "confirm" (it may become a case) or "decline" (it was not
 * them: it is closed). The words are the teacher's only; a link sent to
 * their address could answer the same way later. APP_CONFLICT (refusal)
 * when it waits for no answer. */
enum app_status inquiry_teacher_answer(struct ctx *c, int64_t id, const char *answer,
                                       struct errors *errs, const char **refusal);
/* Whether the asker may open a case from it now: the case workflow's
 * "open" step, its who and its guards (R8, R10); why not, in the guard's
 * words, when a guard stops it. */
bool inquiry_may_open_case(struct ctx *c, const struct inquiry *q, const char **why);
/* Its case ended (withdrawn, or the cycle closed): the inquiry is closed
 * with the case's outcome in words. */
enum app_status inquiry_follow_case(struct ctx *c, int64_t inquiry_id, enum case_state ended,
                                    enum case_track track, const char *reason);

/* Who may handle inquiries: the program's coordinators and CTs. */
struct inquiry_handler {
    int64_t id;
    const char *name, *role;
};
enum app_status inquiry_handlers(struct ctx *c, struct inquiry_handler **out, int *n);

#endif

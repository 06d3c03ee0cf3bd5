/* people.h: the coordinator administers the program's schools, people and
 * roles; everyone sees their own record and its history (R37). */
#ifndef PARLEY_APP_PEOPLE_H
#define PARLEY_APP_PEOPLE_H

#include "app/app.h"
#include "domain/people.h"

struct school {
    int64_t id, version;
    const char *name, *code, *address;
    int64_t people;                  /* how many people belong to it */
};

struct person_role {
    int64_t id, school_id;
    enum role role;
    const char *school_name, *seat, *appointed_by, *term_start, *term_end;
};

struct person {
    int64_t id, school_id, version, created_at, updated_at;
    const char *name, *email, *employee_id, *school_name;
    bool union_member, full_time, can_sign_in;
    bool active;                     /* false: no longer signs in (gone from the roster) */
    int district_year;               /* 0: not recorded (a roster does not say) */
    enum job_type job_type;
    struct person_role *roles;
    int nroles;
};

struct people_filter {
    const char *q;                   /* name, email or employee id contains */
    int64_t school_id;
    const char *role;                /* a role key, or NULL */
};

/* The roles a person holds in the program the asker acts in. */
role_set person_roles(struct ctx *c, int64_t person_id);

/* The person who signs in with this email: emails are unique in a
 * program, and at most one person of any program holds a password for an
 * address (012); else the first person with it. 0: nobody has it.
 * *program_id: their home program. For the command line and sign-in. */
int64_t person_signing_in_as(struct ctx *c, const char *email, int64_t *program_id);

enum app_status people_list(struct ctx *c, const struct people_filter *f, struct page_of *pg,
                            struct person **out, int *n);
/* APP_NOT_FOUND also when the asker may not know the person exists. The
 * view is audited when someone other than the person looks (R37). */
enum app_status person_get(struct ctx *c, int64_t id, struct person *out);
enum app_status person_create(struct ctx *c, const struct person_input *in, int64_t *id,
                              struct errors *errs);
/* version: the version the editor saw; a newer one gives APP_CONFLICT. */
enum app_status person_update(struct ctx *c, int64_t id, int64_t version,
                              const struct person_input *in, struct errors *errs);

/* R27: the day a former CT's bar on principal and assistant-principal posts
 * ends, when it is still running today; NULL when none is. */
const char *ct_restricted_until(struct ctx *c, int64_t person_id);
enum app_status role_add(struct ctx *c, int64_t person_id, const struct role_input *in,
                         int64_t *role_id, struct errors *errs);
enum app_status role_remove(struct ctx *c, int64_t person_id, int64_t role_id);

enum app_status schools_list(struct ctx *c, const char *q, struct page_of *pg,
                             struct school **out, int *n);
/* Every school, by name, for choice lists (no authorisation: names of
 * schools are public); their people counts are left 0. */
enum app_status schools_all(struct ctx *c, struct school **out, int *n);
enum app_status school_get(struct ctx *c, int64_t id, struct school *out);
/* Whether the school is one of the asker's program's. No authorisation. */
bool school_exists(struct ctx *c, int64_t school_id);
/* A school id as the parameter a row's school_id is written with: NULL for
 * none. */
const char *school_param(struct ctx *c, int64_t school_id);
enum app_status school_create(struct ctx *c, const struct school_input *in, int64_t *id,
                              struct errors *errs);
enum app_status school_update(struct ctx *c, int64_t id, int64_t version,
                              const struct school_input *in, struct errors *errs);

struct audit_entry {
    int64_t id, at, actor_id, record_id, subject_id;
    const char *actor, *action, *kind, *address, *summary, *subject_name;
    /* In a record's history, repeated views folded into this, the latest
     * (R37): how many, and when the first was; 1 and at for any other. */
    int times;
    int64_t first_at;
};
struct audit_filter {
    const char *q;                   /* summary or actor contains */
    const char *kind;                /* record kind, or NULL */
    int64_t actor_id, subject_id;    /* 0: any */
};
/* The whole log (coordinator). */
enum app_status audit_list(struct ctx *c, const struct audit_filter *f, struct page_of *pg,
                           struct audit_entry **out, int *n);
/* One person's record's history (R37), newest first: every change, and
 * every view by someone else, with the views of one record by one person
 * that say the same folded into one row. */
struct history_actor {
    int64_t id;
    const char *name;
};
struct record_history {
    struct audit_entry *rows; /* the page's rows */
    int n;
    struct history_actor *actors; /* who acted on the record, by name: to filter by */
    int nactors;
    const char **kinds; /* the kinds of record in it (the log's keys) */
    int nkinds;
};
/* The person, or the coordinator, reads it. f->actor_id and f->kind filter
 * it; f's other fields are not used. */
enum app_status audit_about(struct ctx *c, int64_t person_id, const struct audit_filter *f,
                            struct page_of *pg, struct record_history *out);

#endif

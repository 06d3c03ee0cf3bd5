/* roster_internal.h: what roster.c (reading and planning) and
 * roster_write.c (the import's writes) share and no one else needs. */
#ifndef PARLEY_APP_ROSTER_INTERNAL_H
#define PARLEY_APP_ROSTER_INTERNAL_H

#include "app/roster.h"

/* A school: the program's, or one the roster adds (id 0 until written). */
struct roster_slot {
    int64_t id;
    const char *name, *code, *roster_id;     /* as stored, or the new school's */
    int row;                                 /* the orgs.csv row naming it; 0: none */
    bool changed;                            /* the roster renames or re-codes it */
};

/* One of the program's people, as stored. */
struct roster_known {
    int64_t id, school_id;
    const char *roster_id, *email, *name, *employee_id;
    enum job_type job;
    bool active, rostered, can_sign_in;
    bool elsewhere;                          /* holds a role in another program */
    int64_t *admin;                          /* administrator of these schools */
    int nadmin, admin_cap;
    int row;                                 /* the users row naming them; 0: none */
};

/* A staff member's row, resolved: who they are now and will be. */
struct roster_person {
    int row;
    struct roster_user u;
    int known;                               /* index of known, -1: new to Parley */
    int school;                              /* slot of their school, -1: none */
    int *admin;                              /* slots they are the administrator of */
    int nadmin;
    enum job_type job;
    bool active, changed, new_address;
    bool repeated;                           /* the same as an earlier row: a problem */
    int64_t id;                              /* once written */
};

struct roster_work {
    struct roster_slot *slots;
    int nslots;
    struct roster_known *known;
    int nknown;
    struct roster_person *people;
    int npeople;
    int *gone;                               /* known people to make inactive */
    int ngone;
    const char *files;                       /* "users.csv, orgs.csv": for the audit */
};

void roster_progress_step(const struct roster_progress *p, const char *what, size_t done,
                          size_t total);

#endif

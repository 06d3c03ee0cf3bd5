/* roster.h: bringing in a district's roster (issue 17): OneRoster 1.1 CSV
 * (orgs.csv, users.csv) or a plain CSV of name, email, school and role.
 *
 * A preview first: what an import adds, changes and leaves, and every bad
 * row by file, row and column with the reason. The import is the preview
 * and then its writes, all of them or none: a file with any bad row is
 * refused whole. Importing the same files again changes nothing. A person
 * is found by their roster id (OneRoster's sourcedId), then by e-mail
 * address, only among the program's own people: a roster never reaches
 * another program's (the wall of a federation's Peer Support Service).
 * People a roster named before and names no longer become inactive, never
 * deleted (R37). Of Parley's roles a roster carries only the school's
 * administrator (domain/roster.h); the program's own it never gives or
 * takes. The whole import is one audit entry with its counts (R38). */
#ifndef PARLEY_APP_ROSTER_H
#define PARLEY_APP_ROSTER_H
#include <stddef.h>

#include "app/app.h"
#include "app/upload.h"
#include "domain/roster.h"

struct roster_files {
    struct upload users;        /* users.csv, or a plain CSV */
    struct upload orgs;         /* orgs.csv; data NULL: none (a plain CSV) */
};

/* A bad row: its file, its row (1 the header; 0 the file as a whole), the
 * column and why. */
struct roster_problem {
    const char *file, *column, *reason;
    int row;
    int found;                  /* the order it was found in */
};

/* One person the import adds, changes or makes inactive, for the preview. */
enum roster_change_kind { ROSTER_ADDED, ROSTER_CHANGED, ROSTER_INACTIVE };
struct roster_change {
    enum roster_change_kind kind;
    const char *name, *email;
    const char *what;           /* what changes, in words: "school, job" */
};

struct roster_counts {
    int added, changed, left, inactive;      /* people */
    int left_out;                            /* students and their families */
    int schools_added, schools_changed, schools_left;
};

struct roster_work;             /* what the import writes (roster.c's) */

struct roster_plan {
    enum roster_format format;
    struct roster_counts n;
    struct roster_problem *problems;
    int nproblems;
    struct roster_change *changes;   /* in the files' order, the inactive last */
    int nchanges;
    struct roster_work *work;
};

/* Told how far reading and writing have come (the command line's bar). */
struct roster_progress {
    void (*step)(void *arg, const char *what, size_t done, size_t total);
    void *arg;
};

/* Works out what importing the files would do. Writes nothing. APP_OK, or
 * APP_INVALID with plan->problems naming every bad row. */
enum app_status roster_preview(struct ctx *c, const struct roster_files *f,
                               struct roster_plan *plan, const struct roster_progress *p);
/* The preview, then its writes in the caller's transaction and the audit
 * entry; nothing is written when a row is bad (APP_INVALID). */
enum app_status roster_import(struct ctx *c, const struct roster_files *f,
                              struct roster_plan *plan, const struct roster_progress *p);
/* The counts in words, in one line: "3 people added, 1 changed...". */
const char *roster_counts_text(arena *a, const struct roster_counts *n);
/* What the plan does, in a short key: the same key, the same changes to
 * the same people; an import tells by it that it does what its preview
 * said. */
const char *roster_plan_key(arena *a, const struct roster_plan *plan);

/* The web's roster between its preview and its import: kept (a day at
 * most) for the coordinator who uploaded it, then read back. */
enum app_status roster_upload_keep(struct ctx *c, const struct roster_files *f, int64_t *id);
enum app_status roster_upload_get(struct ctx *c, int64_t id, struct roster_files *f);
/* Forgets it once imported. */
enum app_status roster_upload_drop(struct ctx *c, int64_t id);

#endif

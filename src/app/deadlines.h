/* deadlines.h: what is due, for whom (R17, R18, R19, R30, R37). The facts
 * of each case are gathered here and judged by domain/deadline.h; each
 * person sees the deadlines of the cases they take part in, and of each
 * case only those about parts they may see (the policy table: R16). */
#ifndef PARLEY_APP_DEADLINES_H
#define PARLEY_APP_DEADLINES_H

#include "app/enrolment.h"
#include "domain/deadline.h"

struct case_deadline {
    struct deadline d;
    int64_t case_id;
    const char *teacher_name, *label;
};

/* One case's deadlines the asker may see, in date order (k: loaded with
 * the asker's relations, and authorised by the caller). */
enum app_status deadlines_case(struct ctx *c, const struct case_record *k,
                               struct case_deadline **out, int *n);
struct caseload;
/* The deadlines of every case on a caseload the asker takes part in (the
 * coordinator: the program's), overdue first, then by date; and, when cl
 * is not NULL, the asker's own caseload from the same cases (R30). */
enum app_status deadlines_mine(struct ctx *c, struct case_deadline **out, int *n,
                               struct caseload *cl);

/* R30: a Consulting Teacher's caseload now. */
struct caseload {
    int load, cap;                   /* weighted, and the program's cap */
    int par, pa;                     /* cases by track */
    struct case_record *cases;
    int ncases;
};
enum app_status caseload_mine(struct ctx *c, struct caseload *out);

/* The week view: a CT's coaching visits and contacts and the parley
 * meetings of their cases, in the seven days from monday. */
struct week_item {
    char date[11];
    const char *time;                /* "15:30" for a meeting, "" for a visit */
    const char *what, *detail;       /* "Parley meeting (start)", its place */
    int64_t case_id;
    const char *teacher_name;
};
enum app_status week_mine(struct ctx *c, const char *monday, struct week_item **out, int *n);
/* The Monday of the week a date falls in (false: not a date). */
bool week_monday(const char *date, char out[11]);

#endif

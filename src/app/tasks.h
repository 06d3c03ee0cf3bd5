/* tasks.h: each person's tasks: what is due from them, or everything due
 * that they may see, across their cases, requests and peer support cases. */
#ifndef PARLEY_APP_TASKS_H
#define PARLEY_APP_TASKS_H

#include "app/process.h"

/* The cases in progress the asker takes part in and may see, with their
 * facts: read once (a statement per kind of fact) for a view that shows
 * both the tasks and the week, the dashboard, and handed to both
 * (issue 19: on a district of 7,000 cases, reading them twice was half of
 * the coordinator's dashboard). */
struct cases_now {
    struct case_record *ks;
    struct case_facts *facts;
    int n;
};
enum app_status cases_now_load(struct ctx *c, struct cases_now *out);

/* Across every case (and, for the coordinator, request; and every peer
 * support case of the federation they work in) the asker takes part in,
 * overdue first, then by date: their own tasks (mine), or everything due
 * that they may see, for whomever (/deadlines). now: the cases as
 * cases_now_load read them for this view, or NULL to read them. pg: the
 * page of them wanted (its total set to how many in all), or NULL for all
 * (a district's coordinator has tens of thousands: issue 19). The cases of
 * those given are seen by the asker (R37). */
enum app_status tasks_of(struct ctx *c, bool mine, const struct cases_now *now,
                         struct page_of *pg, struct case_task **out, int *n);

#endif

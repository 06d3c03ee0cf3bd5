/* tasks.h: each person's tasks: what is due from them, or everything due
 * that they may see, across their cases, requests and peer support cases. */
#ifndef PARLEY_APP_TASKS_H
#define PARLEY_APP_TASKS_H

#include "app/process.h"

/* Across every case (and, for the coordinator, request; and every peer
 * support case of the federation they work in) the asker takes part in,
 * overdue first, then by date: their own tasks (mine), or everything due
 * that they may see, for whomever (/deadlines). */
enum app_status tasks_of(struct ctx *c, bool mine, struct case_task **out, int *n);

#endif

/* reminders.h: the inbox's reminders, from each person's tasks in the
 * case's process (app/process.h): a task due within reminder_days, one
 * overdue, and one waiting for reminder_wait_days (the program's
 * settings). Each goes once to each person it is due from (the reminder
 * table keeps which went), however often the sweep runs and on however
 * many nodes; e-mail (a later part) reads the same. */
#ifndef PARLEY_REMINDERS_H
#define PARLEY_REMINDERS_H

#include "app/app.h"

/* One sweep over the program's cases not finished: *sent reminders went.
 * The caller owns the transaction; c acts as the operator. */
enum app_status reminders_send(struct ctx *c, int *sent);

#endif

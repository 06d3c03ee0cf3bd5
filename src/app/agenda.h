/* agenda.h: each person's dated things: the meetings they take part in
 * (initial meetings, agreement reviews, parley meetings), the Panel's
 * sessions they sit at, the coaching visits of a Consulting Teacher, and
 * the deadlines of their own tasks (the process table's, app/process.h).
 * The week view, the calendar feed and the API read it. Each item is the
 * asker's to see: the policy table decides each case's meetings (R16). */
#ifndef PARLEY_AGENDA_H
#define PARLEY_AGENDA_H

#include "app/agenda_item.h"
#include "app/tasks.h"

/* From `from` to `to` (YYYY-MM-DD, both included), by date and time;
 * visits: with a Consulting Teacher's coaching visits. now: the cases in
 * progress as cases_now_load read them for this view, or NULL to read them. */
enum app_status agenda_mine(struct ctx *c, const char *from, const char *to, bool visits,
                            const struct cases_now *now, struct agenda_item **out, int *n);
/* The Monday of the week a date falls in (false: not a date). */
bool week_monday(const char *date, char out[11]);

#endif

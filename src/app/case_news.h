/* case_news.h: a case's news: its timeline and its people's inboxes. */
#ifndef PARLEY_APP_CASE_NEWS_H
#define PARLEY_APP_CASE_NEWS_H

#include "app/enrolment.h"

/* Puts a step of the case on its timeline: transition from one state to
 * another (the same for a part's change), with its summary; part: as for
 * case_event_part ("" for the case's own steps). */
enum app_status case_event_add(struct ctx *c, int64_t case_id, const char *transition,
                               enum case_state from, enum case_state to, const char *summary,
                               const char *part);
/* Puts a change to one of the case's parts on its timeline (R37); part:
 * policy_part_key() of its kind, so that only those who may see the part
 * see the event (R16). what: a short key ("added", "approved"). */
enum app_status case_event_part(struct ctx *c, const struct case_record *k, const char *part,
                                const char *what, const char *summary);
/* Tells the people of the case (enum notify_who, 0-ended), the asker
 * excepted, with a link to the case. headline: the summary's words fit
 * for e-mail (notify.h), NULL when the summary is such words already. */
enum app_status case_tell(struct ctx *c, const struct case_record *k, const int *who,
                          const char *summary, const char *headline);
/* The people a case relationship or a role names (policy.h's WHO_CASE_*
 * or a role): the case's teacher, its CT, its school's administrators, the
 * Panel's members sitting today (R29)... at most max. */
int case_people(struct ctx *c, const struct case_record *k, int who, int64_t *ids, int max);

#endif

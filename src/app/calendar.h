/* calendar.h: people's agendas in their own calendars (R10, R11, R17,
 * R24, R37): one meeting's calendar file, and each person's feed (their
 * initial meetings, agreement reviews, parley meetings, Panel sessions and
 * deadlines), a secret URL they can replace or revoke. Only the SHA-256
 * of a feed's token is stored, as for sessions and API tokens. A feed
 * holds its owner's agenda (app/agenda.h): the policy table decides each
 * case's meetings (R16: never a PA case's for an administrator). */
#ifndef PARLEY_CALENDAR_H
#define PARLEY_CALENDAR_H

#include "app/agenda.h"
#include "out/ical.h"

/* The events as an iCalendar file (METHOD:PUBLISH), as the calendar
 * files and feeds give them; name: the calendar's (NULL: none). */
const char *calendar_publish(struct ctx *c, const char *name, const struct agenda_item *events,
                             int n);

/* One meeting of a case, for whoever may see it (the view is audited). */
enum app_status calendar_meeting_event(struct ctx *c, int64_t case_id, int64_t meeting_id,
                                       struct agenda_item *out, const char **refusal);

/* The asker's feed: since when it works (0: they have none). */
enum app_status calendar_feed_status(struct ctx *c, int64_t *created_at);
/* Makes a new feed for the asker, revoking the one they had; *token, the
 * URL's secret, is shown once and never stored. Audited. */
enum app_status calendar_feed_create(struct ctx *c, const char **token);
/* Revokes the asker's feed: its URL answers 404 from now on. Audited. */
enum app_status calendar_feed_revoke(struct ctx *c);
/* The feed's events, acting as its owner (c->who becomes them): their
 * agenda from a year ago to two years ahead (meetings scheduled, held and
 * cancelled, Panel sessions, their tasks' deadlines). APP_NOT_FOUND for a
 * token unknown or revoked. *owner: the owner's name. */
enum app_status calendar_feed_events(struct ctx *c, const char *token, const char **owner,
                                     struct agenda_item **out, int *n);

#endif

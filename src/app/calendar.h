/* calendar.h: the parley meetings as calendar events (R17): one meeting's
 * calendar file, and each person's feed, a secret URL they can replace or
 * revoke. Only the SHA-256 of a feed's token is stored, as for sessions
 * and API tokens. A feed holds its owner's meetings as the teacher, the
 * Consulting Teacher or, on a PAR case only, the administrator of the
 * teacher's school (R16: never a PA case's); the policy table decides each
 * case. */
#ifndef PARLEY_CALENDAR_H
#define PARLEY_CALENDAR_H

#include "app/app.h"

/* One event, as plain text: the web layer writes it (out/ical.h). */
struct calendar_event {
    const char *uid, *summary, *location, *description;
    const char *organizer_name, *organizer_email;   /* the case's CT (NULL: none) */
    const char *starts_at;           /* the program's local "YYYY-MM-DD HH:MM" */
    int minutes, sequence;
    int64_t updated_at;
    bool cancelled;
};

/* One meeting of a case, for whoever may see it (the view is audited). */
enum app_status calendar_meeting_event(struct ctx *c, int64_t case_id, int64_t meeting_id,
                                       struct calendar_event *out, const char **refusal);

/* The asker's feed: since when it works (0: they have none). */
enum app_status calendar_feed_status(struct ctx *c, int64_t *created_at);
/* Makes a new feed for the asker, revoking the one they had; *token, the
 * URL's secret, is shown once and never stored. Audited. */
enum app_status calendar_feed_create(struct ctx *c, const char **token);
/* Revokes the asker's feed: its URL answers 404 from now on. Audited. */
enum app_status calendar_feed_revoke(struct ctx *c);
/* The feed's events, scheduled, held and cancelled, acting as its owner
 * (c->who becomes them): APP_NOT_FOUND for a token unknown or revoked.
 * *owner: the owner's name. */
enum app_status calendar_feed_events(struct ctx *c, const char *token, const char **owner,
                                     struct calendar_event **out, int *n);

#endif

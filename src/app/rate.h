/* rate.h: events counted per key in a window that starts with its first
 * event, kept in the database so that every node counts the same. The
 * public forms' limits per address and the sign-in throttle use them. */
#ifndef PARLEY_RATE_H
#define PARLEY_RATE_H

#include "app/app.h"

struct rate {
    int64_t events;       /* in the window now; 0 once it has ended */
    int64_t window_end;   /* when the count starts again */
    int64_t last_at;      /* the latest event's time (0: none) */
};
/* The count under key now (all zero if none). */
enum app_status rate_get(struct ctx *c, const char *key, struct rate *out);
/* Counts n events (n < 0 takes back what was counted, never below 0); a
 * window that has ended starts again, window_seconds long. Windows long
 * over are removed on the way. */
enum app_status rate_add(struct ctx *c, const char *key, int window_seconds, int64_t n);
enum app_status rate_clear(struct ctx *c, const char *key);

/* A limit that was reached: the most accepted and from when another is. */
struct rate_refusal {
    int limit;
    int64_t retry_at;
};

#endif

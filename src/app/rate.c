/* rate.c: counters of events per key in a window (rate.h). */
#include "app/rate.h"

#include "base/secret.h"

/* Windows that ended over an hour ago are removed, by one add in PRUNE_EVERY
 * (at random): rarely enough that two nodes seldom prune at once, and
 * late enough that nobody is counting in them. */
#define PRUNE_EVERY 32
#define PRUNE_AFTER 3600

enum app_status rate_get(struct ctx *c, const char *key, struct rate *out)
{
    *out = (struct rate){0};
    db_stmt *st = db_query(c->db, "SELECT events, window_end, last_at FROM rate_counter "
                                  "WHERE key = ?",
                           "s", key);
    if (!st)
        return APP_ERROR;
    if (db_step(st) == DB_ROW) {
        out->window_end = db_int(st, 1);
        out->last_at = db_int(st, 2);
        out->events = out->window_end > app_now(c) ? db_int(st, 0) : 0;
    }
    db_done(st);
    return APP_OK;
}

static int prune(struct ctx *c, int64_t now)
{
    unsigned char dice;
    secret_random(&dice, 1);
    if (dice % PRUNE_EVERY)
        return DB_OK;
    return db_exec(c->db, "DELETE FROM rate_counter WHERE window_end < ?", "i", now - PRUNE_AFTER);
}

/* One statement, so that two nodes counting at once both count. Taking
 * back (n < 0) leaves the latest event's time as it was. */
enum app_status rate_add(struct ctx *c, const char *key, int window_seconds, int64_t n)
{
    int64_t now = app_now(c);
    int rc = prune(c, now);
    if (rc == DB_OK)
        rc = db_exec(c->db,
                     "INSERT INTO rate_counter (key, events, window_end, last_at) "
                     "VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
                     "events = CASE WHEN rate_counter.window_end <= ? THEN excluded.events "
                     "WHEN rate_counter.events + ? < 0 THEN 0 "
                     "ELSE rate_counter.events + ? END, "
                     "window_end = CASE WHEN rate_counter.window_end <= ? "
                     "THEN excluded.window_end ELSE rate_counter.window_end END, "
                     "last_at = CASE WHEN ? > 0 THEN excluded.last_at ELSE rate_counter.last_at END",
                     "siiiiiiii", key, n > 0 ? n : 0, now + window_seconds, n > 0 ? now : 0, now,
                     n, n, now, n);
    return app_db_status(rc);
}

enum app_status rate_clear(struct ctx *c, const char *key)
{
    return app_db_status(db_exec(c->db, "DELETE FROM rate_counter WHERE key = ?", "s", key));
}

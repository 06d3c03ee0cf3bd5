/* calendar.c: a meeting's calendar file and the personal feeds (each item
 * an iCalendar event as agenda_item.c makes it). A feed acts as its
 * owner: their agenda, in which the policy table decides, case by case,
 * which meetings they may see (R16: an administrator never a PA case's). */
#include "app/calendar.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "app/enrolment.h"
#include "app/meetings.h"
#include "app/people.h"
#include "base/clock.h"
#include "base/secret.h"

#define TOKEN_BYTES 32       /* 256 bits, as sessions and API tokens */
#define PRODID "-//Parley//Parley meetings//EN"

const char *calendar_publish(struct ctx *c, const char *name, const struct agenda_item *events,
                             int n)
{
    struct ical_event *es = arena_alloc(c->a, sizeof *es * (size_t)(n + 1));
    int kept = 0;
    for (int i = 0; i < n; i++)
        kept += calendar_event(c, &events[i], &es[kept]);
    buf b;
    buf_init(&b, c->a);
    ical_write(&b, &(struct ical_calendar){ICAL_PUBLISH, PRODID, name}, es, kept);
    return buf_cstr(&b);
}

/* --- one meeting --- */

enum app_status calendar_meeting_event(struct ctx *c, int64_t case_id, int64_t meeting_id,
                                       struct agenda_item *out, const char **refusal)
{
    struct case_record k;
    struct meeting m;
    enum app_status s = meeting_get(c, case_id, meeting_id, ACT_VIEW, &k, &m, refusal);
    if (s != APP_OK)
        return s;
    struct agenda_item *items;
    int n = 0;
    char day[11];
    snprintf(day, sizeof day, "%.10s", m.starts_at);
    if ((s = agenda_mine(c, day, day, false, NULL, &items, &n)) != APP_OK)
        return s;
    for (int i = 0; i < n; i++)
        if (items[i].uid && strcmp(items[i].uid, m.uid) == 0) {
            *out = items[i];
            return APP_OK;
        }
    return APP_NOT_FOUND;
}

/* --- feeds --- */

enum app_status calendar_feed_status(struct ctx *c, int64_t *created_at)
{
    *created_at = 0;
    int rc = db_int_query(c->db, created_at,
                          "SELECT created_at FROM calendar_feed WHERE person_id = ? AND "
                          "revoked_at = 0 ORDER BY id DESC LIMIT 1",
                          "i", c->who.person_id);
    return rc == DB_OK || rc == DB_DONE ? APP_OK : APP_ERROR;
}

/* Revokes the asker's live feeds; *n: how many there were. */
static enum app_status feeds_revoke(struct ctx *c, int64_t *n)
{
    int rc = db_exec(c->db, "UPDATE calendar_feed SET revoked_at = ? WHERE person_id = ? AND "
                            "revoked_at = 0",
                     "ii", app_now(c), c->who.person_id);
    *n = rc == DB_OK ? db_changes(c->db) : 0;
    return app_db_status(rc);
}

enum app_status calendar_feed_create(struct ctx *c, const char **token)
{
    int64_t revoked = 0, id = 0;
    enum app_status s = app_authorize(c, ACT_EDIT, KIND_ACCOUNT, NULL);
    if (s != APP_OK || (s = feeds_revoke(c, &revoked)) != APP_OK)
        return s;
    char hash[65];
    const char *t = secret_token(c->a, TOKEN_BYTES);
    secret_sha256_hex(t, strlen(t), hash);
    int rc = db_int_query(c->db, &id,
                          "INSERT INTO calendar_feed (person_id, token_hash, created_at) "
                          "VALUES (?, ?, ?) RETURNING id",
                          "isi", c->who.person_id, hash, app_now(c));
    if (rc != DB_OK)
        return app_db_status(rc);
    *token = t;
    return audit_append(c, "create", "calendar_feed", id, c->who.person_id,
                        revoked ? "Made a new calendar feed link; the previous one no longer "
                                  "works"
                                : "Made a calendar feed link");
}

enum app_status calendar_feed_revoke(struct ctx *c)
{
    int64_t revoked = 0;
    enum app_status s = app_authorize(c, ACT_EDIT, KIND_ACCOUNT, NULL);
    if (s != APP_OK || (s = feeds_revoke(c, &revoked)) != APP_OK || !revoked)
        return s;
    return audit_append(c, "revoke", "calendar_feed", 0, c->who.person_id,
                        "Revoked the calendar feed link");
}

/* The feed's owner becomes the asker; false for an unknown or revoked token. */
static bool feed_owner(struct ctx *c, const char *token)
{
    char hash[65];
    if (!token || strlen(token) != TOKEN_BYTES * 2)
        return false;
    secret_sha256_hex(token, strlen(token), hash);
    db_stmt *st = db_query(c->db,
                           "SELECT p.id, p.program_id, p.name, p.email FROM calendar_feed f "
                           "JOIN person p ON p.id = f.person_id WHERE f.token_hash = ? AND "
                           "f.revoked_at = 0 AND p.active = 1",
                           "s", hash);
    bool found = st && db_step(st) == DB_ROW;
    if (found) {
        c->who = (struct actor){.person_id = db_int(st, 0), .program_id = db_int(st, 1),
                                .name = db_text_copy(st, 2, c->a),
                                .email = db_text_copy(st, 3, c->a)};
    }
    if (st)
        db_done(st);
    if (found)
        c->who.roles = person_roles(c, c->who.person_id);
    return found;
}

enum app_status calendar_feed_events(struct ctx *c, const char *token, const char **owner,
                                     struct agenda_item **out, int *n)
{
    if (!feed_owner(c, token))
        return APP_NOT_FOUND;
    *owner = c->who.name;
    char from[11], to[11];
    const char *today = app_today(c);
    if (!clock_add_days(today, -365, from) || !clock_add_days(today, 730, to))
        return APP_ERROR;
    return agenda_mine(c, from, to, false, NULL, out, n);
}

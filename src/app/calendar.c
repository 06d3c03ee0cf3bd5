/* calendar.c: meetings as calendar events, and the personal feeds. A feed
 * acts as its owner: the policy table decides, case by case, which
 * meetings they may see (R16: an administrator never a PA case's). */
#include "app/calendar.h"

#include <inttypes.h>
#include <string.h>

#include "app/enrolment.h"
#include "app/meetings.h"
#include "base/secret.h"

#define TOKEN_BYTES 32       /* 256 bits, as sessions and API tokens */
#define FEED_MAX_CASES 200   /* a CT's caseload is far smaller */

/* --- events --- */

/* The case's CT arranges its meetings: the events' organizer. */
static const char *ct_email(struct ctx *c, const struct case_record *k)
{
    db_stmt *st = k->ct_id ? db_query(c->db, "SELECT email FROM person WHERE id = ?", "i",
                                      k->ct_id)
                           : NULL;
    const char *email = st && db_step(st) == DB_ROW ? db_text_copy(st, 0, c->a) : NULL;
    if (st)
        db_done(st);
    return email;
}

static struct calendar_event event_of(struct ctx *c, const struct case_record *k,
                                      const struct meeting *m)
{
    bool par = k->track == TRACK_PAR;
    const char *who = par ? "the teacher, the Consulting Teacher and the administrator (R17)"
                          : "the teacher and the Consulting Teacher";
    return (struct calendar_event){
        .uid = m->uid,
        .summary = arena_printf(c->a, "%s: %s (%s)", par ? "Parley meeting" : "Meeting",
                                k->teacher_name, meeting_phase_label(m->phase)),
        .location = m->place,
        .organizer_name = k->ct_name,
        .organizer_email = ct_email(c, k),
        .description = arena_printf(c->a, "%s for the case of %s, with %s. Consulting Teacher: "
                                          "%s. %s.",
                                    meeting_phase_label(m->phase), k->teacher_name, who,
                                    *k->ct_name ? k->ct_name : "not assigned",
                                    meeting_status_label(m->status)),
        .starts_at = m->starts_at,
        .minutes = m->minutes,
        .sequence = m->sequence,
        .updated_at = m->updated_at,
        .cancelled = m->status == MEETING_CANCELLED,
    };
}

enum app_status calendar_meeting_event(struct ctx *c, int64_t case_id, int64_t meeting_id,
                                       struct calendar_event *out, const char **refusal)
{
    struct case_record k;
    struct meeting m;
    enum app_status s = meeting_get(c, case_id, meeting_id, ACT_VIEW, &k, &m, refusal);
    if (s == APP_OK)
        *out = event_of(c, &k, &m);
    return s;
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

/* The cases with meetings the owner may take part in: as the teacher, the
 * CT, or an administrator of the teacher's school. The policy table then
 * decides each (R16: a PA case's are not an administrator's). */
static int feed_cases(struct ctx *c, int64_t *ids)
{
    int64_t me = c->who.person_id;
    db_stmt *st = db_query(c->db,
                           "SELECT k.id FROM teacher_case k JOIN person t ON t.id = k.teacher_id "
                           "WHERE k.program_id = ? AND EXISTS (SELECT 1 FROM meeting m WHERE "
                           "m.case_id = k.id) AND (k.teacher_id = ? OR k.ct_id = ? OR EXISTS "
                           "(SELECT 1 FROM person_role r WHERE r.person_id = ? AND r.role = "
                           "'administrator' AND r.school_id = t.school_id)) ORDER BY k.id",
                           "iiii", c->who.program_id, me, me, me);
    int n = 0;
    while (st && db_step(st) == DB_ROW && n < FEED_MAX_CASES)
        ids[n++] = db_int(st, 0);
    if (st)
        db_done(st);
    return n;
}

enum app_status calendar_feed_events(struct ctx *c, const char *token, const char **owner,
                                     struct calendar_event **out, int *n)
{
    if (!feed_owner(c, token))
        return APP_NOT_FOUND;
    *owner = c->who.name;
    int64_t ids[FEED_MAX_CASES];
    int ncases = feed_cases(c, ids), cap = 0;
    struct case_record *cases = arena_alloc(c->a, sizeof *cases * (size_t)(ncases + 1));
    struct meeting **meetings = arena_alloc(c->a, sizeof *meetings * (size_t)(ncases + 1));
    int *counts = arena_alloc(c->a, sizeof *counts * (size_t)(ncases + 1));
    for (int i = 0; i < ncases; i++) {
        enum app_status s = case_load(c, ids[i], &cases[i]);
        if (s == APP_OK)
            s = meetings_of_case(c, &cases[i], &meetings[i], &counts[i]);
        if (s == APP_ERROR)
            return s;
        if (s != APP_OK)
            counts[i] = 0;   /* not theirs to see (R16) */
        cap += counts[i];
    }
    *out = arena_alloc(c->a, sizeof **out * (size_t)(cap + 1));
    *n = 0;
    for (int i = 0; i < ncases; i++)
        for (int m = 0; m < counts[i]; m++)
            (*out)[(*n)++] = event_of(c, &cases[i], &meetings[i][m]);
    return APP_OK;
}

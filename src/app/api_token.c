/* api_token.c: API tokens (issue 15): made, listed and revoked through the
 * policy table; auth.c checks one presented with a request, and every
 * token of a person ends at once through credential.c. */
#include "app/api_token.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "app/credential.h"
#include "base/clock.h"

#define DAY 86400

static struct policy_record owner_record(const struct ctx *c, int64_t person_id)
{
    return (struct policy_record){.known = true, .self = person_id == c->who.person_id};
}

#define TOKEN_COLUMNS                                                                              \
    "SELECT t.id, t.person_id, t.program_id, t.name, t.created_at, t.expires_at, "                 \
    "t.last_used, t.revoked_at, t.revoked_note, p.email FROM api_token t "                         \
    "JOIN person p ON p.id = t.person_id "

static void token_row(struct ctx *c, db_stmt *st, int64_t now, struct api_token *t)
{
    t->id = db_int(st, 0);
    t->person_id = db_int(st, 1);
    t->program_id = db_int(st, 2);
    t->name = db_text_copy(st, 3, c->a);
    t->created_at = db_int(st, 4);
    t->expires_at = db_int(st, 5);
    t->last_used = db_int(st, 6);
    t->revoked_at = db_int(st, 7);
    t->revoked_note = db_text_copy(st, 8, c->a);
    t->person_email = db_text_copy(st, 9, c->a);
    t->state = token_state_at(now, t->expires_at, t->revoked_at);
}

static enum app_status token_load(struct ctx *c, int64_t id, struct api_token *out)
{
    db_stmt *st = db_query(c->db, TOKEN_COLUMNS "WHERE t.id = ?", "i", id);
    if (!st)
        return APP_ERROR;
    bool found = db_step(st) == DB_ROW;
    if (found)
        token_row(c, st, app_now(c), out);
    db_done(st);
    return found ? APP_OK : APP_NOT_FOUND;
}

/* The token is stored for person_id in program_id, lasting days (and no
 * longer than not_after when that is set). */
static enum app_status token_store(struct ctx *c, int64_t person_id, int64_t program_id,
                                   const struct token_fields *tf, int64_t not_after,
                                   struct api_token *out, const char **secret)
{
    char hash[65], *t = auth_secret_new(c, hash);
    int64_t now = app_now(c), expires = now + (int64_t)tf->days * DAY, id = 0;
    if (not_after && expires > not_after)
        expires = not_after;
    int rc = db_int_query(c->db, &id,
                          "INSERT INTO api_token (token_hash, person_id, program_id, name, "
                          "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                          "siisii", hash, person_id, program_id, tf->name, now, expires);
    if (rc != DB_OK)
        return app_db_status(rc);
    enum app_status s = token_load(c, id, out);
    if (s != APP_OK)
        return s;
    *secret = t;
    return audit_append(c, "create", "api_token", id, person_id,
                        arena_printf(c->a, "Made the API token \"%s\", until %s", tf->name,
                                     clock_format(c->a, expires)));
}

enum app_status token_create(struct ctx *c, const struct token_input *in, struct api_token *out,
                             const char **secret, struct errors *errs)
{
    struct policy_record own = owner_record(c, c->who.person_id);
    enum app_status s = app_authorize(c, ACT_CREATE, KIND_API_TOKEN, &own);
    if (s != APP_OK)
        return s;
    struct token_fields tf;
    if (!token_check(c->a, in, program_setting_int(c, "api_token_days"), &tf, errs))
        return APP_INVALID;
    int64_t not_after = 0;
    if (c->who.token_id)
        db_int_query(c->db, &not_after, "SELECT expires_at FROM api_token WHERE id = ?", "i",
                     c->who.token_id);
    return token_store(c, c->who.person_id, c->who.program_id, &tf, not_after, out, secret);
}

enum app_status token_create_for(struct ctx *c, const char *email, const struct token_input *in,
                                 struct api_token *out, const char **secret, struct errors *errs)
{
    if (!c->who.operator)
        return APP_FORBIDDEN;   /* nobody else makes a credential for someone else */
    int64_t program = 0, pid = person_signing_in_as(c, email, &program);
    if (!pid)
        return APP_NOT_FOUND;
    struct token_fields tf;
    int max_days = atoi(program_setting_of(c, program, "api_token_days"));
    if (!token_check(c->a, in, max_days, &tf, errs))
        return APP_INVALID;
    return token_store(c, pid, program, &tf, 0, out, secret);
}

/* Whether the asker may know of person_id's tokens at all: their own, a
 * person of the program they act in, or anyone for the operator. */
static bool person_in_reach(struct ctx *c, int64_t person_id)
{
    if (c->who.operator || person_id == c->who.person_id)
        return true;
    int64_t found = 0;
    db_int_query(c->db, &found, "SELECT id FROM person WHERE id = ? AND program_id = ?", "ii",
                 person_id, c->who.program_id);
    return found != 0;
}

#define TOKEN_FILTER                                                                       \
    "WHERE (? = 0 OR t.person_id = ?) AND (? = 1 OR t.program_id = ?) "                   \
    "AND (? = '' OR t.name LIKE ? ESCAPE '\\') "

enum app_status tokens_list(struct ctx *c, int64_t person_id, const char *q, struct page_of *pg,
                            struct api_token **out, int *n)
{
    struct policy_record rec = owner_record(c, person_id);
    enum app_status s = app_authorize(c, ACT_LIST, KIND_API_TOKEN, &rec);
    if (s != APP_OK)
        return s;
    if ((!person_id && !c->who.operator) || !person_in_reach(c, person_id))
        return APP_NOT_FOUND;
    q = q ? q : "";
    const char *like = like_pattern(c->a, q);
    int all_programs = c->who.operator;
    int64_t offset = page_of_offset(pg, 25, 200);
    if (db_int_query(c->db, &pg->total, "SELECT COUNT(*) FROM api_token t " TOKEN_FILTER,
                     "iiiiss", person_id, person_id, all_programs, c->who.program_id, q,
                     like) != DB_OK)
        return APP_ERROR;
    db_stmt *st = db_query(c->db, TOKEN_COLUMNS TOKEN_FILTER "ORDER BY t.id DESC LIMIT ? OFFSET ?",
                           "iiiissdi", person_id, person_id, all_programs, c->who.program_id, q,
                           like, pg->per_page, offset);
    if (!st)
        return APP_ERROR;
    int64_t now = app_now(c);
    *out = arena_alloc(c->a, sizeof **out * (size_t)pg->per_page);
    *n = 0;
    while (*n < pg->per_page && db_step(st) == DB_ROW)
        token_row(c, st, now, &(*out)[(*n)++]);
    db_done(st);
    return APP_OK;
}

enum app_status token_revoke(struct ctx *c, int64_t token_id, struct api_token *out)
{
    enum app_status s = token_load(c, token_id, out);
    if (s != APP_OK)
        return s;
    struct policy_record rec = owner_record(c, out->person_id);
    if ((s = app_authorize(c, ACT_DELETE, KIND_API_TOKEN, &rec)) != APP_OK)
        return s;
    /* The coordinator's reach ends at their program: another program's
     * token is not theirs to know of (R31-R36). */
    if (!rec.self && !c->who.operator && out->program_id != c->who.program_id)
        return APP_NOT_FOUND;
    int64_t now = app_now(c);
    const char *by = rec.self ? "its owner" : c->who.operator ? "the operator" : c->who.name;
    int rc = db_exec(c->db,
                     "UPDATE api_token SET revoked_at = ?, revoked_note = ? "
                     "WHERE id = ? AND revoked_at = 0",
                     "isi", now, arena_printf(c->a, "by %s", by), token_id);
    if (rc != DB_OK || db_changes(c->db) == 0)
        return app_db_status(rc);
    if ((s = token_load(c, token_id, out)) != APP_OK)
        return s;
    return audit_append(c, "revoke", "api_token", token_id, out->person_id,
                        arena_printf(c->a, "Revoked the API token \"%s\"", out->name));
}

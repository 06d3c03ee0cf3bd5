/* coaching.c: the coaching log's use cases. casework_open() asks the
 * policy table (R16 lives there) and audits reads; casework_record() puts
 * each change on the case's timeline, seen only by those who may see the
 * log. */
#include "app/coaching.h"

#include <inttypes.h>
#include <string.h>

#include "app/casework.h"

static const char *const kind_keys[COACHING_KIND_COUNT] = {"visit", "meeting", "phone",
                                                           "video", "email", "other"};
static const char *const kind_labels[COACHING_KIND_COUNT] = {
    "Classroom visit", "Meeting", "Phone call", "Video call", "Email", "Other contact"};

const char *coaching_kind_key(enum coaching_kind k)
{
    return k < COACHING_KIND_COUNT ? kind_keys[k] : "";
}

const char *coaching_kind_label(enum coaching_kind k)
{
    return k < COACHING_KIND_COUNT ? kind_labels[k] : "";
}

bool coaching_kind_parse(const char *key, enum coaching_kind *out)
{
    for (int k = 0; key && k < COACHING_KIND_COUNT; k++)
        if (strcmp(key, kind_keys[k]) == 0) {
            *out = (enum coaching_kind)k;
            return true;
        }
    return false;
}

/* --- reading --- */

#define ENTRY_COLUMNS                                                                        \
    "SELECT e.id, e.case_id, COALESCE(e.author_id, 0), e.created_at, e.updated_at, "         \
    "e.version, e.on_date, e.kind, e.minutes, e.focus, e.next_steps, COALESCE(p.name, '') "  \
    "FROM coaching_entry e LEFT JOIN person p ON p.id = e.author_id "

static void entry_from_row(struct ctx *c, db_stmt *st, struct coaching_entry *e)
{
    memset(e, 0, sizeof *e);
    e->id = db_int(st, 0);
    e->case_id = db_int(st, 1);
    e->author_id = db_int(st, 2);
    e->created_at = db_int(st, 3);
    e->updated_at = db_int(st, 4);
    e->version = db_int(st, 5);
    e->on_date = db_text_copy(st, 6, c->a);
    if (!coaching_kind_parse(db_text(st, 7), &e->kind))
        e->kind = COACHING_OTHER;
    e->minutes = (int)db_int(st, 8);
    e->focus = db_text_copy(st, 9, c->a);
    e->next_steps = db_text_copy(st, 10, c->a);
    e->author_name = db_text_copy(st, 11, c->a);
}

enum app_status coaching_list(struct ctx *c, int64_t case_id, struct case_record *k,
                              struct coaching_entry **out, int *n, const char **refusal)
{
    enum app_status s = casework_open(c, case_id, ACT_VIEW, KIND_COACHING, k, refusal);
    if (s != APP_OK)
        return s;
    int64_t total = 0;
    if (db_int_query(c->db, &total, "SELECT COUNT(*) FROM coaching_entry WHERE case_id = ?", "i",
                     case_id) != DB_OK)
        return APP_ERROR;
    db_stmt *st = db_query(c->db, ENTRY_COLUMNS "WHERE e.case_id = ? ORDER BY e.on_date DESC, "
                                                "e.id DESC",
                           "i", case_id);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)(total + 1));
    *n = 0;
    while (db_step(st) == DB_ROW && *n <= total)
        entry_from_row(c, st, &(*out)[(*n)++]);
    db_done(st);
    return APP_OK;
}

static enum app_status entry_load(struct ctx *c, int64_t case_id, int64_t id,
                                  struct coaching_entry *e)
{
    db_stmt *st = db_query(c->db, ENTRY_COLUMNS "WHERE e.id = ? AND e.case_id = ?", "ii", id,
                           case_id);
    if (!st)
        return APP_ERROR;
    enum app_status s = APP_NOT_FOUND;
    if (db_step(st) == DB_ROW) {
        entry_from_row(c, st, e);
        s = APP_OK;
    }
    db_done(st);
    return s;
}

enum app_status coaching_get(struct ctx *c, int64_t case_id, int64_t id, enum action act,
                             struct case_record *k, struct coaching_entry *out,
                             const char **refusal)
{
    enum app_status s = casework_open(c, case_id, act, KIND_COACHING, k, refusal);
    return s == APP_OK ? entry_load(c, case_id, id, out) : s;
}

enum app_status coaching_summary(struct ctx *c, const struct case_record *k, int *count,
                                 const char **last_on)
{
    db_stmt *st = db_query(c->db, "SELECT COUNT(*), COALESCE(MAX(on_date), '') FROM "
                                  "coaching_entry WHERE case_id = ?",
                           "i", k->id);
    if (!st)
        return APP_ERROR;
    *count = 0;
    *last_on = "";
    if (db_step(st) == DB_ROW) {
        *count = (int)db_int(st, 0);
        *last_on = db_text_copy(st, 1, c->a);
    }
    db_done(st);
    return APP_OK;
}

/* --- checking and writing --- */

struct checked {
    const char *on_date, *focus, *next_steps;
    int minutes;
    enum coaching_kind kind;
};

static bool entry_check(struct ctx *c, const struct coaching_input *in, struct checked *out,
                        struct errors *errs)
{
    const char *today = app_today(c);
    out->on_date = casework_date(errs, "on_date", in->on_date);
    /* A log records what happened: a date to come is a slip of the finger. */
    if (out->on_date && strcmp(out->on_date, today) > 0) {
        errors_add(errs, "on_date", arena_printf(c->a, "The log records contacts that took "
                                                       "place: give a date on or before today "
                                                       "(%s).", today));
        out->on_date = NULL;
    }
    out->minutes = casework_number(errs, "minutes", in->minutes, 1, 600);
    if (!coaching_kind_parse(in->kind, &out->kind))
        errors_add(errs, "kind", "Choose the kind of contact: a classroom visit, a meeting, a "
                                 "phone or video call, an email, or another contact.");
    out->focus = casework_text(errs, "focus", in->focus, 2000, true);
    out->next_steps = casework_text(errs, "next_steps", in->next_steps, 2000, false);
    return errs->n == 0;
}

static const char *entry_summary(struct ctx *c, const char *what, const struct checked *e)
{
    return arena_printf(c->a, "Coaching log %s: %s on %s, %d minutes", what,
                        coaching_kind_label(e->kind), e->on_date, e->minutes);
}

enum app_status coaching_add(struct ctx *c, int64_t case_id, const struct coaching_input *in,
                             int64_t *id, struct errors *errs, const char **refusal)
{
    struct case_record k;
    struct checked e;
    enum app_status s = casework_open(c, case_id, ACT_CREATE, KIND_COACHING, &k, refusal);
    if (s != APP_OK)
        return s;
    if (!entry_check(c, in, &e, errs))
        return APP_INVALID;
    int64_t now = app_now(c);
    int rc = db_int_query(c->db, id,
                          "INSERT INTO coaching_entry (case_id, on_date, minutes, kind, focus, "
                          "next_steps, author_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, "
                          "?, ?, ?, ?) RETURNING id",
                          "isdsssiii", case_id, e.on_date, e.minutes, coaching_kind_key(e.kind),
                          e.focus, e.next_steps, c->who.person_id, now, now);
    if (rc != DB_OK)
        return app_db_status(rc);
    return casework_record(c, &k, KIND_COACHING, *id, "added", entry_summary(c, "entry", &e),
                           false);
}

static const char *sent_or(const char *sent, const char *current)
{
    return sent ? sent : current;
}

enum app_status coaching_update(struct ctx *c, int64_t case_id, int64_t id, const char *version,
                                const struct coaching_input *in, struct errors *errs,
                                const char **refusal)
{
    struct case_record k;
    struct coaching_entry old;
    enum app_status s = coaching_get(c, case_id, id, ACT_EDIT, &k, &old, refusal);
    if (s != APP_OK)
        return s;
    if (version && *version && strcmp(version, arena_printf(c->a, "%" PRId64, old.version)))
        return APP_CONFLICT;
    struct coaching_input merged = {
        sent_or(in->on_date, old.on_date),
        sent_or(in->minutes, arena_printf(c->a, "%d", old.minutes)),
        sent_or(in->kind, coaching_kind_key(old.kind)), sent_or(in->focus, old.focus),
        sent_or(in->next_steps, old.next_steps)};
    struct checked e;
    if (!entry_check(c, &merged, &e, errs))
        return APP_INVALID;
    int rc = db_exec(c->db,
                     "UPDATE coaching_entry SET on_date = ?, minutes = ?, kind = ?, focus = ?, "
                     "next_steps = ?, updated_at = ?, version = version + 1 "
                     "WHERE id = ? AND version = ?",
                     "sdsssiii", e.on_date, e.minutes, coaching_kind_key(e.kind), e.focus,
                     e.next_steps, app_now(c), id, old.version);
    if (rc != DB_OK)
        return app_db_status(rc);
    if (db_changes(c->db) != 1)
        return APP_CONFLICT;   /* someone else's change came first */
    return casework_record(c, &k, KIND_COACHING, id, "corrected",
                           entry_summary(c, "entry corrected", &e), false);
}

/* --- the dashboard's week --- */

/* Driven from the CT's cases (their index), not from the program's. */
#define WEEK_WHERE                                                                           \
    "FROM coaching_entry e JOIN teacher_case k ON k.id = e.case_id JOIN person t ON "        \
    "t.id = k.teacher_id WHERE k.ct_id = ? AND +k.program_id = ? AND e.on_date >= ? "        \
    "AND e.on_date <= ? "

enum app_status coaching_week(struct ctx *c, int64_t ct_id, const char *from, const char *to,
                              struct coaching_item **out, int *n)
{
    int64_t total = 0;
    if (db_int_query(c->db, &total, "SELECT COUNT(*) " WEEK_WHERE, "iiss", ct_id,
                     c->who.program_id, from, to) != DB_OK)
        return APP_ERROR;
    db_stmt *st = db_query(c->db,
                           "SELECT e.id, e.case_id, e.on_date, t.name, e.focus, e.kind, "
                           "e.minutes " WEEK_WHERE "ORDER BY e.on_date, e.id",
                           "iiss", ct_id, c->who.program_id, from, to);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)(total + 1));
    *n = 0;
    while (db_step(st) == DB_ROW && *n <= total) {
        struct coaching_item *it = &(*out)[(*n)++];
        it->id = db_int(st, 0);
        it->case_id = db_int(st, 1);
        it->on_date = db_text_copy(st, 2, c->a);
        it->teacher_name = db_text_copy(st, 3, c->a);
        it->focus = db_text_copy(st, 4, c->a);
        if (!coaching_kind_parse(db_text(st, 5), &it->kind))
            it->kind = COACHING_OTHER;
        it->minutes = (int)db_int(st, 6);
    }
    db_done(st);
    return APP_OK;
}

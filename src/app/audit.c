/* audit.c: R38, an append-only log of every write and every read of a
 * confidential record, chained by SHA-256 so an edit or deletion shows. */
#include "app/app.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/clock.h"
#include "base/secret.h"

struct audit_row {
    int64_t id, at, actor_id, record_id, subject_id;
    int64_t program_id;     /* 0: a row from before programs were told apart (009) */
    const char *actor_label, *action, *kind, *address, *summary, *prev_hash;
};

/* The hashed content: every field, each prefixed by its length, so no two
 * different rows hash the same text. */
static void audit_row_hash(const struct audit_row *row, char out[65])
{
    buf b;
    buf_init(&b, NULL);
    buf_printf(&b, "%" PRId64 "|%" PRId64 "|%" PRId64 "|%" PRId64 "|%" PRId64 "|", row->id,
               row->at, row->actor_id, row->record_id, row->subject_id);
    const char *fields[] = {row->actor_label, row->action, row->kind,
                            row->address,     row->summary, row->prev_hash};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        buf_printf(&b, "%zu:%s|", strlen(fields[i]), fields[i]);
    /* The program joined the chain with 009; older rows hash as they did. */
    if (row->program_id)
        buf_printf(&b, "program:%" PRId64 "|", row->program_id);
    secret_sha256_hex(b.s, b.len, out);
    buf_release(&b);
}

static enum app_status audit_insert(struct ctx *c, const char *action, const char *kind,
                                    int64_t record_id, int64_t subject_id, const char *summary)
{
    struct audit_row row = {
        .at = app_now(c), .actor_id = c->who.person_id, .record_id = record_id,
        .subject_id = subject_id, .action = action, .kind = kind,
        .program_id = c->who.program_id,
        .address = c->address ? c->address : "", .summary = summary,
        /* A visitor (the contact form) is known by address only. */
        .actor_label = c->who.person_id ? c->who.name : c->who.operator ? "command line" : "visitor",
    };
    /* Moving the head first locks its row until the transaction ends, so
     * concurrent writers (PostgreSQL's READ COMMITTED; SQLite has one
     * writer anyway) take their ids in turn instead of forking the chain.
     * last_hash is still the previous row's: it is set below. */
    db_stmt *st = db_query(c->db,
                           "UPDATE audit_head SET last_id = last_id + 1 WHERE one = 1 "
                           "RETURNING last_id, last_hash",
                           "");
    int rc = st ? db_step(st) : DB_ERROR;
    if (rc != DB_ROW) {
        db_done(st);
        return app_db_status(rc == DB_DONE ? DB_ERROR : rc);
    }
    row.id = db_int(st, 0);
    row.prev_hash = arena_strdup(c->a, db_text(st, 1));
    db_done(st);
    char hash[65];
    audit_row_hash(&row, hash);
    rc = db_exec(c->db,
                 "INSERT INTO audit (id, at, actor_id, actor_label, action, record_kind, "
                 "record_id, subject_id, address, summary, prev_hash, hash, program_id) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 "iissssissssss", row.id, row.at,
                 row.actor_id ? arena_printf(c->a, "%" PRId64, row.actor_id) : NULL,
                 row.actor_label, action, kind, record_id,
                 subject_id ? arena_printf(c->a, "%" PRId64, subject_id) : NULL, row.address,
                 summary, row.prev_hash, hash,
                 row.program_id ? arena_printf(c->a, "%" PRId64, row.program_id) : NULL);
    if (rc == DB_OK)
        rc = db_exec(c->db, "UPDATE audit_head SET last_hash = ? WHERE one = 1", "s", hash);
    return app_db_status(rc);
}

enum app_status audit_append(struct ctx *c, const char *action, const char *kind,
                             int64_t record_id, int64_t subject_id, const char *summary)
{
    /* The chain needs its head read and moved in one transaction. A reading
     * request that audits (R38) has none of its own, so it gets one here. */
    bool own = !db_in_transaction(c->db);
    if (own && db_begin(c->db) != DB_OK)
        return APP_BUSY;
    enum app_status s = audit_insert(c, action, kind, record_id, subject_id, summary);
    if (own && (s != APP_OK || db_commit(c->db) != DB_OK)) {
        db_rollback(c->db);
        return s != APP_OK ? s : APP_ERROR;
    }
    return s;
}

/* --- verification --- */

/* A walk along the chain. */
struct chain_walk {
    int64_t max_id;                   /* the log's last row, read before the head */
    int64_t head_id;
    char head_hash[65];
    int64_t rows;                     /* rows found sound, 1 to rows */
    char last[65];                    /* row `rows`'s hash */
};

/* Row `expect`'s id, its own hash and its link to the row before; a line
 * in report says which failed. */
static bool audit_row_sound(db_stmt *st, int64_t expect, const char *prev, char hash[65],
                            buf *report)
{
    struct audit_row row = {
        .id = db_int(st, 0), .at = db_int(st, 1), .actor_id = db_int(st, 2),
        .actor_label = db_text(st, 3), .action = db_text(st, 4), .kind = db_text(st, 5),
        .record_id = db_int(st, 6), .subject_id = db_int(st, 7), .address = db_text(st, 8),
        .summary = db_text(st, 9), .prev_hash = db_text(st, 10), .program_id = db_int(st, 12),
    };
    if (row.id == expect)
        audit_row_hash(&row, hash);
    if (row.id != expect || strcmp(hash, db_text(st, 11)) != 0) {
        buf_printf(report, "audit: row %" PRId64 " was changed, or a row before it removed\n", expect);
        return false;
    }
    if (strcmp(row.prev_hash, prev) != 0) {
        buf_printf(report,
                   "audit: row %" PRId64 " does not link to row %" PRId64 " as it was: row %" PRId64
                   " was changed and its hash made again\n",
                   expect, expect - 1, expect - 1);
        return false;
    }
    return true;
}

/* Reads the log's extent, then its head, then walks its rows up to the
 * head. In that order, rows appended meanwhile (each with its head, in one
 * transaction) are left for the next verification instead of looking
 * like a head that fell behind. Returns the first bad row, 0 if the chain
 * is sound, -1 if the database failed. */
static int64_t chain_walk(db *d, struct chain_walk *w, buf *report)
{
    if (db_int_query(d, &w->max_id, "SELECT COALESCE(MAX(id), 0) FROM audit", "") != DB_OK)
        return -1;
    db_stmt *st = db_query(d, "SELECT last_id, last_hash FROM audit_head WHERE one = 1", "");
    if (st && db_step(st) == DB_ROW) {
        w->head_id = db_int(st, 0);
        snprintf(w->head_hash, sizeof w->head_hash, "%s", db_text(st, 1));
    }
    db_done(st);
    st = db_query(d,
                  "SELECT id, at, actor_id, actor_label, action, record_kind, record_id, "
                  "subject_id, address, summary, prev_hash, hash, COALESCE(program_id, 0) "
                  "FROM audit WHERE id <= ? ORDER BY id",
                  "i", w->max_id > w->head_id ? w->max_id : w->head_id);
    if (!st)
        return -1;
    char hash[65];
    int64_t bad = 0;
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        if (!audit_row_sound(st, w->rows + 1, w->last, hash, report)) {
            bad = w->rows + 1;
            break;
        }
        memcpy(w->last, hash, sizeof w->last);
        w->rows++;
    }
    db_done(st);
    return rc < 0 ? -1 : bad;
}

/* The head names the last row and its hash. */
static bool head_sound(const struct chain_walk *w, buf *report)
{
    if (w->head_id < w->max_id) {
        buf_printf(report,
                   "audit: the log goes on to row %" PRId64 " but its head names row %" PRId64
                   ": the head was reset or rewritten\n",
                   w->max_id, w->head_id);
        return false;
    }
    if (w->head_id != w->rows) {
        buf_printf(report,
                   "audit: the log ends at row %" PRId64 " but its head names row %" PRId64
                   ": rows were removed from the end\n",
                   w->rows, w->head_id);
        return false;
    }
    if (strcmp(w->head_hash, w->last) != 0) {
        buf_printf(report,
                   "audit: the head names row %" PRId64 " with a hash that is not the row's: the "
                   "head was rewritten\n",
                   w->rows);
        return false;
    }
    return true;
}

int64_t audit_verify(db *d, buf *report)
{
    struct chain_walk w = {0};
    int64_t bad = chain_walk(d, &w, report);
    if (bad)
        return bad;
    if (!head_sound(&w, report))
        return w.rows + 1;
    buf_printf(report, "audit: %" PRId64 " rows, chain intact\n", w.rows);
    return 0;
}

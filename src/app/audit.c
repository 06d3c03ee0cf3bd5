/* audit.c: R38, an append-only log of every write and every read of a
 * confidential record, chained by SHA-256 so an edit or deletion shows,
 * and verified against checkpoints signed with a key kept outside the
 * database (audit_key.c, audit_checkpoint.c), so that a rewrite shows too. */
#include "app/app.h"
#include "app/audit_internal.h"
#include "app/audit_writer.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/clock.h"
#include "base/secret.h"

enum app_status audit_append(struct ctx *c, const char *action, const char *kind,
                             int64_t record_id, int64_t subject_id, const char *summary)
{
    /* The chain needs its head read and moved in one transaction. A reading
     * request that audits (R38) has none of its own, so it gets one here. */
    bool own = !db_in_transaction(c->db);
    if (own && c->app && c->app->audit_writer)   /* the server: by group commit */
        return audit_writer_append(c->app->audit_writer, c, action, kind, record_id, subject_id,
                                   summary);
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

/* A walk along the chain, meeting the checkpoints (sorted by row) on the
 * way. */
struct chain_walk {
    int64_t max_id;                   /* the log's last row, read before the head */
    int64_t head_id;
    char head_hash[65];
    int64_t rows;                     /* rows found sound, 1 to rows */
    char last[65];                    /* row `rows`'s hash */
    const struct audit_checkpoint *cp;
    size_t ncp, next;
    const struct audit_checkpoint *differs;   /* the first whose row is not the one signed */
};

/* "2026-03-01 14:05 UTC": when a checkpoint was signed. */
static void when(int64_t t, char out[32])
{
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(out, 32, "%Y-%m-%d %H:%M UTC", &tm);
}

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

/* The checkpoints of row id: each must have signed the hash it has now. */
static void walk_meet(struct chain_walk *w, int64_t id, const char *hash)
{
    for (; w->next < w->ncp && w->cp[w->next].id <= id; w->next++)
        if (w->cp[w->next].id == id && strcmp(w->cp[w->next].hash, hash) != 0 && !w->differs)
            w->differs = &w->cp[w->next];
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
        walk_meet(w, w->rows, hash);
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

/* --- verification against the key --- */

/* The triggers by which the database refuses to change the log (sql/002,
 * sql/011). Dropping one leaves no trace in the rows: it is looked for. */
static const struct audit_guard {
    const char *name, *what;
    bool postgres_only;
} audit_guards[] = {
    {"audit_no_update", "refuses to edit a row", false},
    {"audit_no_delete", "refuses to delete a row", false},
    {"audit_no_replace", "refuses to write a row over another (INSERT OR REPLACE)", false},
    {"audit_no_truncate", "refuses to empty the log (TRUNCATE)", true},
};

/* The catalogs differ: one named variant each. A disabled trigger
 * (PostgreSQL's ALTER TABLE ... DISABLE TRIGGER) counts as missing. */
static const char *guard_sql(bool postgres)
{
    return postgres ? "SELECT COUNT(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                      "WHERE c.relname = 'audit' AND c.relnamespace = current_schema()::regnamespace "
                      "AND t.tgname = ? AND t.tgenabled <> 'D'"
                    : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' "
                      "AND tbl_name = 'audit' AND name = ?";
}

static bool guards_sound(db *d, buf *report)
{
    bool postgres = db_is_postgres(d), ok = true;
    for (size_t i = 0; i < sizeof audit_guards / sizeof *audit_guards; i++) {
        const struct audit_guard *g = &audit_guards[i];
        int64_t n = 0;
        if (g->postgres_only && !postgres)
            continue;
        if (db_int_query(d, &n, guard_sql(postgres), "s", g->name) == DB_OK && n == 1)
            continue;
        buf_printf(report,
                   "audit: the database's guard %s (it %s) is missing or disabled: the log could "
                   "be changed behind its back\n",
                   g->name, g->what);
        ok = false;
    }
    return ok;
}

static int checkpoint_order(const void *x, const void *y)
{
    const struct audit_checkpoint *a = x, *b = y;
    return a->id < b->id ? -1 : a->id > b->id;
}

/* The database's checkpoint of cp's row (db_list is sorted by row), or
 * NULL. */
static const struct audit_checkpoint *in_db(const struct audit_checkpoints *db_list,
                                            const struct audit_checkpoint *cp)
{
    return db_list->n ? bsearch(cp, db_list->v, db_list->n, sizeof *cp, checkpoint_order) : NULL;
}

static bool same_checkpoint(const struct audit_checkpoint *a, const struct audit_checkpoint *b)
{
    return a && a->id == b->id && a->at == b->at && strcmp(a->hash, b->hash) == 0 &&
           strcmp(a->signature, b->signature) == 0;
}

/* Adds to signed the checkpoints of from that the key signed; reports the
 * first that it did not. One the database holds as well (seen, when from
 * is a file) was checked with the database's: a file repeats most of them. */
static bool keep_signed(const struct audit_anchor *anchor, const struct audit_checkpoints *from,
                        const struct audit_checkpoints *seen, struct audit_checkpoints *signed_by_key,
                        buf *report)
{
    bool ok = true;
    for (size_t i = 0; i < from->n; i++) {
        const struct audit_checkpoint *cp = &from->v[i];
        if (seen && same_checkpoint(in_db(seen, cp), cp))
            continue;
        if (audit_signature_valid(anchor->public_key, cp->id, cp->hash, cp->at, cp->signature)) {
            audit_checkpoints_add(signed_by_key, cp);
        } else if (ok) {
            buf_printf(report,
                       "audit: the checkpoint of row %" PRId64 " in %s is not signed by this key: "
                       "it was forged, or the log is checked against another key than its own\n",
                       cp->id, cp->source);
            ok = false;
        }
    }
    return ok;
}

/* A file keeps every checkpoint written while it was beside the key: the
 * database must still have each that the key signed. */
static bool file_in_db(const struct audit_anchor *anchor, const struct audit_checkpoints *file,
                       const struct audit_checkpoints *db_list, buf *report)
{
    size_t lost = 0;
    int64_t last = 0;
    for (size_t i = 0; i < file->n; i++) {
        const struct audit_checkpoint *cp = &file->v[i];
        if (!in_db(db_list, cp) &&
            audit_signature_valid(anchor->public_key, cp->id, cp->hash, cp->at, cp->signature)) {
            lost++;
            last = cp->id > last ? cp->id : last;
        }
    }
    if (lost)
        buf_printf(report,
                   "audit: the database has lost %zu checkpoint%s that %s keeps (the last of row "
                   "%" PRId64 "): checkpoint rows were deleted\n",
                   lost, lost == 1 ? "" : "s", file->v[0].source, last);
    return lost == 0;
}

/* A checkpoint file's, if it is there; false (reported) if it is missing
 * but required, or is not a checkpoint file. */
static bool file_read(const struct audit_anchor *anchor, int i, struct audit_checkpoints *list,
                      buf *report)
{
    const char *path = anchor->files[i].path;
    if (access(path, F_OK) == 0)
        return audit_checkpoints_read_file(path, list, report);
    if (anchor->files[i].required)
        buf_printf(report, "audit: the checkpoint file %s is missing: it was deleted or moved\n",
                   path);
    return !anchor->files[i].required;
}

/* Every checkpoint the key signed, from the files and the database, sorted
 * by row; what is wrong with the sources goes to report. The files are read
 * first: a line is written there only once its row is in the database, so
 * one signed meanwhile is not taken for a deleted row. */
static bool checkpoints_gather(db *d, const struct audit_anchor *anchor,
                               struct audit_checkpoints *all, buf *report)
{
    struct audit_checkpoints files[sizeof anchor->files / sizeof *anchor->files] = {{0}},
                             db_list = {0};
    bool ok = true;
    for (int i = 0; i < anchor->nfiles; i++)
        ok = file_read(anchor, i, &files[i], report) && ok;
    if (!audit_checkpoints_read_db(d, &db_list)) {
        buf_printf(report, "audit: cannot read the database's checkpoints: %s\n", db_errmsg(d));
        ok = false;
    }
    ok = keep_signed(anchor, &db_list, NULL, all, report) && ok;
    for (int i = 0; i < anchor->nfiles; i++) {
        ok = keep_signed(anchor, &files[i], &db_list, all, report) &&
             file_in_db(anchor, &files[i], &db_list, report) && ok;
        audit_checkpoints_free(&files[i]);
    }
    audit_checkpoints_free(&db_list);
    if (all->n)
        qsort(all->v, all->n, sizeof *all->v, checkpoint_order);
    return ok;
}

/* What the walk found against the checkpoints: a signed row that changed,
 * and (when it went to the end) a signed row that is gone. */
static bool checkpoints_met(const struct chain_walk *w, const struct audit_checkpoints *all,
                            bool walked_all, buf *report)
{
    char at[32];
    if (w->differs) {
        when(w->differs->at, at);
        buf_printf(report,
                   "audit: row %" PRId64 " is not the row signed on %s (%s): the log was "
                   "rewritten up to there\n",
                   w->differs->id, at, w->differs->source);
        return false;
    }
    const struct audit_checkpoint *last = all->n ? &all->v[all->n - 1] : NULL;
    if (!walked_all || !last || last->id <= w->rows)
        return true;
    when(last->at, at);
    if (w->rows == 0)
        buf_printf(report,
                   "audit: the log is empty but a checkpoint signed on %s (%s) names row %" PRId64
                   ": the log was emptied\n",
                   at, last->source, last->id);
    else
        buf_printf(report,
                   "audit: the log ends at row %" PRId64 " but a checkpoint signed on %s (%s) "
                   "names row %" PRId64 ": rows were removed from the end\n",
                   w->rows, at, last->source, last->id);
    return false;
}

static void sound_line(const struct chain_walk *w, const struct audit_anchor *anchor,
                       const struct audit_checkpoints *all, buf *report)
{
    char key[65], at[32];
    audit_public_key_hex(anchor->public_key, key);
    buf_printf(report, "audit: %" PRId64 " rows, chain intact", w->rows);
    if (all->n) {
        const struct audit_checkpoint *last = &all->v[all->n - 1];
        when(last->at, at);
        buf_printf(report, "; signed up to row %" PRId64 " on %s by key %.16s", last->id, at, key);
        if (last->id < w->rows)
            buf_printf(report, "; rows %" PRId64 " to %" PRId64 " are signed at the next checkpoint",
                       last->id + 1, w->rows);
    }
    buf_puts(report, "\n");
}

bool audit_verify_signed(db *d, const struct audit_anchor *anchor, buf *report)
{
    struct audit_checkpoints all = {0};
    bool ok = checkpoints_gather(d, anchor, &all, report);
    struct chain_walk w = {.cp = all.v, .ncp = all.n};
    int64_t bad = chain_walk(d, &w, report);
    if (bad < 0) {
        buf_printf(report, "audit: cannot read the log: %s\n", db_errmsg(d));
        audit_checkpoints_free(&all);
        return false;
    }
    ok = checkpoints_met(&w, &all, bad == 0, report) && ok;
    ok = bad == 0 && head_sound(&w, report) && ok;
    ok = guards_sound(d, report) && ok;
    if (!all.n && w.rows) {
        buf_printf(report,
                   "audit: no checkpoint signed by this key covers the log's %" PRId64 " rows: "
                   "it cannot be told from a rewritten one\n",
                   w.rows);
        ok = false;
    }
    if (ok)
        sound_line(&w, anchor, &all, report);
    audit_checkpoints_free(&all);
    return ok;
}

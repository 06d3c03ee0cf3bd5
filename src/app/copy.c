/* copy.c: `parley copy`, moving a deployment between databases: an SQLite
 * file to PostgreSQL when one machine is not enough, and back. Written
 * against store.h only, so any pair of engines works the same way.
 *
 * Lossless means: the destination is migrated to the source's schema
 * version; every table's rows are copied as text or NULL (each engine turns
 * the text back into the column's type) with the columns the source has;
 * then, before the destination's one transaction commits, each table's row
 * count and content digest are compared with the source's, and the audit
 * chain (R38) is recomputed and must end in the source's hash.
 *
 * Files: a stored file's bytes are rows too (resource_file, artifact_file;
 * bytes since migration 013; panel_submission_file since 023), so they are
 * copied and verified like any table, as bytes ('b'), never through text;
 * the report counts them. The one file outside the database, the audit key
 * with its checkpoint file (R38), is main.c's to move: it is no table.
 *
 * SQL text: the only names formatted into statements are identifiers,
 * which cannot be bound: table names from copy_tables[] below and column
 * names that plain_name() has checked. Every value is a bound parameter. */
#include "app/copy.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/app.h"
#include "base/secret.h"
#include "store/store.h"

#define COPY_MAX_COLUMNS 64

struct copy_table {
    const char *name;
    /* For a table the migrations seed with a row: the condition that marks a
     * row as the deployment's data (NULL: every row is). */
    const char *data_rows;
};

/* Every table of a deployment, each after the tables it references
 * (foreign-key order), as sql/ creates them. A migration that adds a table
 * must add it here too, in its place: copy_catalog_check() refuses a source
 * with a table this list does not name, so a forgotten one fails loudly
 * instead of being left behind. */
static const struct copy_table copy_tables[] = {
    {"program", NULL},
    {"program_setting", NULL},
    {"school", NULL},
    {"person", NULL},
    {"person_role", NULL},
    {"session", NULL},
    {"api_token", NULL},
    {"password_reset", NULL},
    {"site_page", NULL}, /* 003 */
    {"faq_entry", NULL},
    {"news_post", NULL},
    {"resource", NULL},
    {"resource_file", NULL},
    {"feedback", NULL},
    {"inquiry", NULL}, /* 004 */
    {"inquiry_note", NULL},
    {"teacher_case", NULL}, /* 005 */
    {"case_event", NULL},
    {"notification", NULL},
    {"rubric_standard", NULL}, /* 006 */
    {"rubric_indicator", NULL},
    {"self_assessment", NULL},
    {"goal_bank", NULL},
    {"goal", NULL},
    {"observation", NULL},
    {"artifact", NULL},
    {"artifact_file", NULL},
    {"evidence", NULL},
    {"coaching_entry", NULL},
    {"meeting", NULL},
    {"calendar_feed", NULL},
    {"evaluation", NULL}, /* 007 */
    {"evaluation_rating", NULL},
    {"recommendation", NULL},
    {"panel_submission", NULL},
    {"panel_submission_file", NULL}, /* 023 */
    {"panel_session", NULL},
    {"panel_docket", NULL},
    {"panel_attendance", NULL},
    {"panel_recusal", NULL},
    {"panel_note", NULL},
    {"panel_vote", NULL},
    {"panel_decision", NULL},
    {"ct_term", NULL},
    {"ct_review", NULL},
    {"pss_case", NULL}, /* 008 */
    {"pss_log", NULL},
    {"pss_report", NULL},
    {"pss_release", NULL},
    {"case_outcome", NULL},
    {"survey_invitation", NULL},
    {"survey_response", NULL},
    {"reminder", NULL}, /* 010 */
    {"rate_counter", NULL}, /* 013 */
    {"case_seen", NULL},    /* 016 */
    {"mail", NULL},         /* 017 */
    {"mail_round", NULL},
    {"sso_attempt", NULL},  /* 020 */
    {"roster_upload", NULL}, /* 021 */
    {"audit", NULL},
    /* 001 seeds the chain's head as (1, 0, ''); the copy replaces it. */
    {"audit_head", "last_id <> 0"},
    {"audit_checkpoint", NULL}, /* 011 */
};
#define COPY_TABLES (sizeof copy_tables / sizeof *copy_tables)

/* Where stored files' bytes are kept: one row per file. */
#define FILES_TABLE "resource_file"

/* Tables about the database rather than the deployment: each side keeps
 * its own (the destination's migrations fill schema_version). The search
 * index (022) and the reports' tallies (024) are made of the rows copied:
 * the destination's triggers fill them as they arrive. On SQLite the index
 * is an FTS5 table and the tables that hold it. */
static const char *const own_tables[] = {
    "schema_version",      "search_text",         "search_text_data",
    "search_text_idx",     "search_text_content", "search_text_docsize",
    "search_text_config",  "observation_tally",   "feedback_tally",
    "feedback_case_tally", "audit_tally",         "outcome_tally",
    "survey_tally",
};

struct table_tally {
    int64_t rows;
    uint64_t digest; /* the sum of the rows' hashes: independent of row order */
    int ncols;
    bool has_id; /* an "id" column, whose PostgreSQL sequence must move past it */
    buf cols;    /* the source's columns, quoted, comma-separated */
};

struct copy_run {
    const char *from, *to;
    db *src, *dst;
    bool src_pg, dst_pg;
    buf *report, *err;
    bool present[COPY_TABLES]; /* in the source; a listed table it lacks holds nothing */
    struct table_tally tally[COPY_TABLES];
};

static const char *engine_label(bool pg)
{
    return pg ? "PostgreSQL" : "SQLite";
}

/* --- opening both sides --- */

/* The source must exist: opening a missing SQLite file would create one. */
static db *open_source(struct copy_run *r)
{
    struct stat st;
    if (!r->src_pg && stat(r->from, &st) != 0) {
        buf_printf(r->err, "there is no database at %s", r->from);
        return NULL;
    }
    char *msg = NULL;
    db *d = db_open(r->from, &msg);
    if (!d)
        buf_printf(r->err, "cannot open %s: %s", r->from, msg ? msg : "unknown error");
    free(msg);
    return d;
}

/* The destination is migrated by this program, so its schema is the one
 * the source must have too (versions_match). */
static db *open_destination(struct copy_run *r)
{
    char *msg = NULL;
    db *d = db_open(r->to, &msg);
    if (!d) {
        buf_printf(r->err, "cannot open %s: %s", r->to, msg ? msg : "unknown error");
    } else if (db_migrate(d, &msg) != DB_OK) {
        buf_printf(r->err, "cannot migrate %s: %s", r->to, msg ? msg : "unknown error");
        db_close(d);
        d = NULL;
    }
    free(msg);
    return d;
}

/* The copy is not migrated: it only reads. An older source is brought up to
 * date by any command that opens it, such as parley check. */
static bool versions_match(struct copy_run *r)
{
    int have = db_schema_version(r->src), want = db_schema_version(r->dst);
    if (have == want)
        return true;
    if (have == 0)
        buf_printf(r->err, "%s is not a Parley database (it has no schema version)", r->from);
    else if (have < want)
        buf_printf(r->err,
                   "%s is at schema version %d and %s at %d: bring the source up to date "
                   "first with parley check --db %s",
                   r->from, have, r->to, want, r->from);
    else
        buf_printf(r->err,
                   "%s is at schema version %d, newer than this parley (%d): copy with "
                   "the newer parley",
                   r->from, have, want);
    return false;
}

/* --- what the source holds --- */

/* Marks a source table as present; false if neither list names it. */
static bool table_known(struct copy_run *r, const char *name)
{
    for (size_t i = 0; i < COPY_TABLES; i++)
        if (strcmp(copy_tables[i].name, name) == 0)
            return r->present[i] = true;
    for (size_t i = 0; i < sizeof own_tables / sizeof *own_tables; i++)
        if (strcmp(own_tables[i], name) == 0)
            return true;
    return false;
}

/* The engines name their tables in different catalogs: one named variant
 * each. PostgreSQL's is the schema the connection works in. */
static const char *catalog_sql(bool pg)
{
    return pg ? "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
              : "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
}

/* Refuses a source with a table copy_tables does not name: it would be left
 * behind without a word. */
static bool copy_catalog_check(struct copy_run *r)
{
    db_stmt *st = db_query(r->src, catalog_sql(r->src_pg), "");
    if (!st) {
        buf_printf(r->err, "cannot list the tables of %s: %s", r->from, db_errmsg(r->src));
        return false;
    }
    buf unknown;
    buf_init(&unknown, NULL);
    int rc;
    while ((rc = db_step(st)) == DB_ROW)
        if (!table_known(r, db_text(st, 0)))
            buf_printf(&unknown, "%s%s", unknown.len ? ", " : "", db_text(st, 0));
    db_done(st);
    if (unknown.len) {
        buf_printf(r->err,
                   "%s has tables that parley copy's list (src/app/copy.c) does not name: "
                   "%s; nothing was copied",
                   r->from, buf_cstr(&unknown));
        buf_release(&unknown);
        return false;
    }
    buf_release(&unknown);
    if (rc != DB_DONE) {
        buf_printf(r->err, "cannot list the tables of %s: %s", r->from, db_errmsg(r->src));
        return false;
    }
    return true;
}

/* A copy fills a new database; merging two deployments is not a copy. */
static bool destination_empty(struct copy_run *r)
{
    for (size_t i = 0; i < COPY_TABLES; i++) {
        const struct copy_table *t = &copy_tables[i];
        if (!r->present[i])
            continue;
        char sql[256];
        snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM %s%s%s", t->name,
                 t->data_rows ? " WHERE " : "", t->data_rows ? t->data_rows : "");
        int64_t n = 0;
        if (db_int_query(r->dst, &n, sql, "") != DB_OK) {
            buf_printf(r->err, "cannot count %s in %s: %s", t->name, r->to, db_errmsg(r->dst));
            return false;
        }
        if (n > 0) {
            buf_printf(r->err,
                       "%s already holds data (%s: %" PRId64 " %s): parley copy fills "
                       "only a new, empty database; nothing was copied",
                       r->to, t->name, n, n == 1 ? "row" : "rows");
            return false;
        }
    }
    return true;
}

/* --- rows --- */

/* A row's hash, over each value's length and text or bytes (or a NULL
 * mark), added into the table's digest: the same rows give the same sum in
 * any order. Both engines render integers and text alike; a REAL column,
 * should one come, would need one rendering here. */
/* A value's text, or a file's bytes copied into *files (made when first
 * needed: most tables hold no files). */
static const char *value_of(db_stmt *st, int c, arena **files, size_t *len)
{
    if (!db_is_blob(st, c)) {
        const char *v = db_text(st, c);
        *len = strlen(v);
        return v;
    }
    if (!*files)
        *files = arena_new(0);
    return db_blob_copy(st, c, *files, len);
}

static void digest_add(db_stmt *st, int ncols, uint64_t *digest)
{
    buf b;
    buf_init(&b, NULL);
    arena *files = NULL;
    for (int c = 0; c < ncols; c++) {
        if (db_is_null(st, c)) {
            buf_puts(&b, "N|");
            continue;
        }
        size_t len;
        const char *v = value_of(st, c, &files, &len);
        buf_printf(&b, "%zu:", len);
        buf_append(&b, v, len);
        buf_putc(&b, '|');
    }
    arena_free(files);
    char hex[65];
    secret_sha256_hex(b.s ? b.s : "", b.len, hex);
    buf_release(&b);
    hex[16] = '\0';
    *digest += strtoull(hex, NULL, 16);
}

/* Column names come from the source's catalog, not from a user, but they
 * are still spliced into SQL: only plain lower-case names are taken. */
static bool plain_name(const char *s)
{
    if (!*s || (*s >= '0' && *s <= '9'))
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

static bool column_list(struct copy_run *r, const char *table, db_stmt *st, struct table_tally *t)
{
    t->ncols = db_columns(st);
    if (t->ncols > COPY_MAX_COLUMNS) {
        buf_printf(r->err, "%s has %d columns; parley copy takes up to %d (COPY_MAX_COLUMNS)",
                   table, t->ncols, COPY_MAX_COLUMNS);
        return false;
    }
    for (int c = 0; c < t->ncols; c++) {
        const char *name = db_column_name(st, c);
        if (!plain_name(name)) {
            buf_printf(r->err, "%s has a column named '%s', which parley copy does not take", table,
                       name);
            return false;
        }
        buf_printf(&t->cols, "%s\"%s\"", c ? ", " : "", name);
        t->has_id |= strcmp(name, "id") == 0;
    }
    return true;
}

/* db_exec takes one variadic value per letter of its types; a row's width
 * is known only at run time, so every call passes COPY_MAX_COLUMNS values
 * and types names only the first ncols (unread trailing arguments are
 * allowed in C). */
#define V4(i) v[i], v[i + 1], v[i + 2], v[i + 3]
#define V16(i) V4(i), V4(i + 4), V4(i + 8), V4(i + 12)
#define V64 V16(0), V16(16), V16(32), V16(48)

static int insert_row(db *dst, const char *sql, db_stmt *st, int ncols)
{
    /* 's' reads a const char *, 'b' a const struct db_blob *. */
    const void *v[COPY_MAX_COLUMNS] = {0};
    struct db_blob blobs[COPY_MAX_COLUMNS];
    char types[COPY_MAX_COLUMNS + 1];
    arena *files = NULL;
    for (int c = 0; c < ncols; c++) {
        types[c] = 's';
        if (db_is_null(st, c))
            continue;
        v[c] = blobs[c].data = value_of(st, c, &files, &blobs[c].len);
        if (db_is_blob(st, c)) {
            types[c] = 'b';
            v[c] = &blobs[c];
        }
    }
    types[ncols] = '\0';
    int rc = db_exec(dst, sql, types, V64);
    arena_free(files);
    return rc;
}

static void insert_sql(buf *sql, const char *table, struct table_tally *t)
{
    buf_printf(sql, "INSERT INTO %s (%s) VALUES (", table, buf_cstr(&t->cols));
    for (int c = 0; c < t->ncols; c++)
        buf_puts(sql, c ? ", ?" : "?");
    buf_putc(sql, ')');
}

/* Reads every row of one table from the source and writes it to the
 * destination, tallying what was read. */
static bool copy_table(struct copy_run *r, size_t i)
{
    const char *table = copy_tables[i].name;
    struct table_tally *t = &r->tally[i];
    char select[128];
    snprintf(select, sizeof select, "SELECT * FROM %s", table);
    db_stmt *st = db_query(r->src, select, "");
    if (!st) {
        buf_printf(r->err, "cannot read %s from %s: %s", table, r->from, db_errmsg(r->src));
        return false;
    }
    buf sql;
    buf_init(&sql, NULL);
    int rc = DB_OK;
    bool ok = true;
    while (ok && (rc = db_step(st)) == DB_ROW) {
        /* The columns are known once a row is there; an empty table has none to copy. */
        if (t->rows == 0) {
            if (!column_list(r, table, st, t)) {
                ok = false;
                break;
            }
            insert_sql(&sql, table, t);
        }
        digest_add(st, t->ncols, &t->digest);
        t->rows++;
        if (insert_row(r->dst, buf_cstr(&sql), st, t->ncols) != DB_OK) {
            buf_printf(r->err, "cannot write %s row %" PRId64 " to %s: %s", table, t->rows, r->to,
                       db_errmsg(r->dst));
            ok = false;
        }
    }
    db_done(st);
    buf_release(&sql);
    if (ok && rc != DB_DONE) {
        buf_printf(r->err, "cannot read %s from %s: %s", table, r->from, db_errmsg(r->src));
        ok = false;
    }
    return ok;
}

/* PostgreSQL hands out ids from a sequence that the copied rows (inserted
 * with their own ids) did not move: set it past the largest id, or the next
 * insert collides. A PostgreSQL-only statement; SQLite needs nothing. */
static bool pg_sequence_past_max(struct copy_run *r, size_t i)
{
    if (!r->dst_pg || !r->tally[i].has_id)
        return true;
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT setval(pg_get_serial_sequence(?, 'id'), COALESCE(MAX(id), 0) + 1, false) "
             "FROM %s",
             copy_tables[i].name);
    if (db_exec(r->dst, sql, "s", copy_tables[i].name) == DB_OK)
        return true;
    buf_printf(r->err, "cannot move %s's id sequence in %s: %s", copy_tables[i].name, r->to,
               db_errmsg(r->dst));
    return false;
}

/* A seeded row (the chain's empty head) gives way to the source's. */
static bool clear_seed(struct copy_run *r, size_t i)
{
    if (!copy_tables[i].data_rows)
        return true;
    char sql[128];
    snprintf(sql, sizeof sql, "DELETE FROM %s", copy_tables[i].name);
    if (db_exec(r->dst, sql, "") == DB_OK)
        return true;
    buf_printf(r->err, "cannot clear %s in %s: %s", copy_tables[i].name, r->to, db_errmsg(r->dst));
    return false;
}

/* --- verification, on the destination before it commits --- */

/* Reads the table back with the source's columns, in their order, so the
 * digests are comparable. */
static bool verify_table(struct copy_run *r, size_t i)
{
    const char *table = copy_tables[i].name;
    struct table_tally *t = &r->tally[i];
    buf sql;
    buf_init(&sql, NULL);
    buf_printf(&sql, "SELECT %s FROM %s", t->rows ? buf_cstr(&t->cols) : "1", table);
    db_stmt *st = db_query(r->dst, buf_cstr(&sql), "");
    buf_release(&sql);
    struct table_tally got = {0};
    int rc = st ? DB_ROW : DB_ERROR;
    while (st && (rc = db_step(st)) == DB_ROW) {
        if (t->rows)
            digest_add(st, t->ncols, &got.digest);
        got.rows++;
    }
    db_done(st);
    if (rc != DB_DONE) {
        buf_printf(r->err, "cannot read %s back from %s: %s", table, r->to, db_errmsg(r->dst));
        return false;
    }
    if (got.rows != t->rows || got.digest != t->digest) {
        buf_printf(r->err,
                   "%s in %s does not match the source: %" PRId64 " rows (digest %016" PRIx64
                   ") where %s has %" PRId64 " (digest %016" PRIx64 "); nothing was copied",
                   table, r->to, got.rows, got.digest, r->from, t->rows, t->digest);
        return false;
    }
    buf_printf(r->report, "  %-16s %9" PRId64 " %-4s  digest %016" PRIx64 "  verified\n", table,
               t->rows, t->rows == 1 ? "row" : "rows", t->digest);
    return true;
}

/* audit_verify's report line, without its newline. */
static const char *first_line(buf *b)
{
    const char *s = buf_cstr(b);
    char *nl = strchr(s, '\n');
    if (nl)
        *nl = '\0';
    return s;
}

static bool audit_last_hash(db *d, char out[65])
{
    db_stmt *st = db_query(d, "SELECT last_hash FROM audit_head WHERE one = 1", "");
    bool ok = st && db_step(st) == DB_ROW;
    if (ok)
        snprintf(out, 65, "%s", db_text(st, 0));
    db_done(st);
    return ok;
}

/* R38: the copied chain must verify on its own and end where the source's
 * does, so no row was changed, lost or added on the way. */
static bool verify_audit(struct copy_run *r, const char *src_hash)
{
    buf found;
    buf_init(&found, NULL);
    int64_t bad = audit_verify(r->dst, &found);
    char dst_hash[65] = "";
    bool ok = bad == 0 && audit_last_hash(r->dst, dst_hash) && strcmp(dst_hash, src_hash) == 0;
    if (ok)
        buf_printf(r->report, "  %-16s %s; last hash %s\n", "audit chain", first_line(&found),
                   dst_hash);
    else
        buf_printf(r->err,
                   "the audit chain in %s does not verify (%s; last hash '%s', the source's "
                   "'%s'); nothing was copied",
                   r->to, bad ? first_line(&found) : "head differs", dst_hash, src_hash);
    buf_release(&found);
    return ok;
}

/* A broken source chain is reported as the source's, before anything is
 * written: the copy would carry the damage over. */
static bool source_audit_sound(struct copy_run *r, char hash[65])
{
    buf found;
    buf_init(&found, NULL);
    int64_t bad = audit_verify(r->src, &found);
    bool ok = bad == 0 && audit_last_hash(r->src, hash);
    if (!ok)
        buf_printf(r->err,
                   "the audit chain of %s does not verify (%s): nothing was copied; "
                   "parley audit verify --db %s says more",
                   r->from, bad ? first_line(&found) : "no chain head", r->from);
    buf_release(&found);
    return ok;
}

/* Stored files travel as rows of FILES_TABLE, verified with it above. */
static void report_files(struct copy_run *r)
{
    for (size_t i = 0; i < COPY_TABLES; i++) {
        if (strcmp(copy_tables[i].name, FILES_TABLE) != 0 || !r->present[i])
            continue;
        buf_printf(r->report, "  %-16s %9" PRId64 " stored in %s, verified with it\n", "files",
                   r->tally[i].rows, FILES_TABLE);
        return;
    }
    buf_printf(r->report, "  %-16s none: this schema stores no files\n", "files");
}

/* --- the whole copy --- */

/* The source is read in one snapshot, so a server still writing to it
 * cannot tear the copy (PostgreSQL needs REPEATABLE READ for that; an
 * SQLite read transaction is one already). */
static const char *snapshot_sql(bool pg)
{
    return pg ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN";
}

static bool copy_all(struct copy_run *r)
{
    char src_hash[65];
    if (!source_audit_sound(r, src_hash))
        return false;
    buf_printf(r->report, "parley copy: %s (%s) -> %s (%s), schema version %d\n", r->from,
               engine_label(r->src_pg), r->to, engine_label(r->dst_pg), db_schema_version(r->dst));
    for (size_t i = 0; i < COPY_TABLES; i++)
        if (r->present[i] &&
            (!clear_seed(r, i) || !copy_table(r, i) || !pg_sequence_past_max(r, i)))
            return false;
    for (size_t i = 0; i < COPY_TABLES; i++)
        if (r->present[i] && !verify_table(r, i))
            return false;
    if (!verify_audit(r, src_hash))
        return false;
    report_files(r);
    return true;
}

/* PostgreSQL plans queries from table statistics, which a bulk load leaves
 * empty until autovacuum comes by; until then large lists are slow. Not
 * needed for the copy to be whole, so a failure is only reported. */
static void pg_analyze(struct copy_run *r)
{
    if (!r->dst_pg)
        return;
    if (db_exec(r->dst, "ANALYZE", "") == DB_OK)
        buf_printf(r->report, "  %-16s analyzed\n", "statistics");
    else
        buf_printf(r->report, "  %-16s not gathered (%s): run ANALYZE\n", "statistics",
                   db_errmsg(r->dst));
}

/* Everything on the destination happens in one transaction, committed only
 * once verified: a failed copy leaves it as empty as it was. */
static bool copy_in_transactions(struct copy_run *r)
{
    if (db_exec(r->src, snapshot_sql(r->src_pg), "") != DB_OK) {
        buf_printf(r->err, "cannot read %s: %s", r->from, db_errmsg(r->src));
        return false;
    }
    bool ok = copy_catalog_check(r);
    if (ok && db_begin(r->dst) != DB_OK) {
        buf_printf(r->err, "cannot begin writing %s: %s", r->to, db_errmsg(r->dst));
        ok = false;
    }
    ok = ok && destination_empty(r) && copy_all(r);
    if (ok && db_commit(r->dst) != DB_OK) {
        buf_printf(r->err, "cannot commit %s: %s", r->to, db_errmsg(r->dst));
        ok = false;
    }
    if (!ok)
        db_rollback(r->dst);
    db_rollback(r->src);
    if (ok)
        pg_analyze(r);
    return ok;
}

bool deployment_copy(const char *from, const char *to, buf *report, buf *err)
{
    struct copy_run r = {.from = from,
                         .to = to,
                         .report = report,
                         .err = err,
                         .src_pg = db_url_is_postgres(from),
                         .dst_pg = db_url_is_postgres(to)};
    if (strcmp(from, to) == 0) {
        buf_printf(err, "--from and --to name the same database");
        return false;
    }
    for (size_t i = 0; i < COPY_TABLES; i++)
        buf_init(&r.tally[i].cols, NULL);
    bool ok = (r.src = open_source(&r)) && (r.dst = open_destination(&r)) && versions_match(&r) &&
              copy_in_transactions(&r);
    int64_t rows = 0, tables = 0;
    for (size_t i = 0; i < COPY_TABLES; i++) {
        rows += r.tally[i].rows;
        tables += r.present[i];
        buf_release(&r.tally[i].cols);
    }
    if (ok)
        buf_printf(report,
                   "parley copy: %" PRId64 " tables, %" PRId64 " rows copied and verified\n",
                   tables, rows);
    db_close(r.src);
    db_close(r.dst);
    return ok;
}

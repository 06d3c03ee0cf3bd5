/* store.c: the engine-independent half of store.h. Picks the engine from
 * the URL and builds the convenience calls (db_exec, db_int_query,
 * transactions) on the engine's query/step/done. */
#include "store/store.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "store/engine.h"

void db_set_errmsg(db *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->errmsg, sizeof d->errmsg, fmt, ap);
    va_end(ap);
}

void db_set_err(char **err, const char *fmt, ...)
{
    if (!err)
        return;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(err, fmt, ap) < 0)
        die("out of memory (error message)");
    va_end(ap);
}

static bool has_prefix(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

db *db_open(const char *url, char **err)
{
    if (err)
        *err = NULL;
    if (!url || !*url) {
        db_set_err(err, "no database given");
        return NULL;
    }
    if (db_url_is_postgres(url))
        return pg_engine_open(url, err);
    return sqlite_engine_open(url, err);
}

bool db_url_is_postgres(const char *url)
{
    return has_prefix(url, "postgres://") || has_prefix(url, "postgresql://");
}

void db_close(db *d)
{
    if (d)
        d->engine->close(d);
}

/* Every statement starts here, counted. */
static db_stmt *statement(db *d, const char *sql, const char *types, va_list ap)
{
    d->statements++;
    return d->engine->query(d, sql, types, ap);
}

uint64_t db_statements(db *d)
{
    return d->statements;
}

db_stmt *db_query(db *d, const char *sql, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    db_stmt *st = statement(d, sql, types, ap);
    va_end(ap);
    return st;
}

int db_step(db_stmt *st)
{
    return st->d->engine->step(st);
}

const char *db_text(db_stmt *st, int col)
{
    return st->d->engine->text(st, col);
}

const char *db_text_copy(db_stmt *st, int col, arena *a)
{
    return arena_strdup(a, db_text(st, col));
}

int64_t db_int(db_stmt *st, int col)
{
    return st->d->engine->integer(st, col);
}

const char *db_blob_copy(db_stmt *st, int col, arena *a, size_t *len)
{
    return st->d->engine->blob_copy(st, col, a, len);
}

bool db_is_blob(db_stmt *st, int col)
{
    return st->d->engine->is_blob(st, col);
}

double db_real(db_stmt *st, int col)
{
    return st->d->engine->real(st, col);
}

bool db_is_null(db_stmt *st, int col)
{
    return st->d->engine->is_null(st, col);
}

int db_columns(db_stmt *st)
{
    return st->d->engine->columns(st);
}

const char *db_column_name(db_stmt *st, int col)
{
    return st->d->engine->column_name(st, col);
}

/* NULL is accepted so that a failed db_query needs no special case. */
void db_done(db_stmt *st)
{
    if (st)
        st->d->engine->done(st);
}

/* Steps to the end, so that a statement with RETURNING (or a PRAGMA that
 * answers) still runs completely. */
static int run_to_end(db_stmt *st)
{
    int rc;
    while ((rc = db_step(st)) == DB_ROW)
        ;
    db_done(st);
    return rc == DB_DONE ? DB_OK : rc;
}

int db_exec(db *d, const char *sql, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    db_stmt *st = statement(d, sql, types, ap);
    va_end(ap);
    if (!st)
        return DB_ERROR;
    return run_to_end(st);
}

int db_int_query(db *d, int64_t *out, const char *sql, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    db_stmt *st = statement(d, sql, types, ap);
    va_end(ap);
    if (!st)
        return DB_ERROR;
    int rc = db_step(st);
    if (rc == DB_ROW) {
        *out = db_int(st, 0);
        /* One more step lets a single-row write finish and report a late
         * error (a deferred constraint, a failed autocommit) here. */
        rc = db_step(st);
        if (rc == DB_ROW || rc == DB_DONE)
            rc = DB_OK;
    }
    db_done(st);
    return rc;
}

int db_exec_script(db *d, const char *sql)
{
    return d->engine->exec_script(d, sql);
}

int db_begin(db *d)
{
    return db_exec(d, d->engine->begin_sql, "");
}

int db_commit(db *d)
{
    return db_exec(d, "COMMIT", "");
}

/* A no-op outside a transaction: the engine may already have rolled back
 * after an error (SQLite does on SQLITE_FULL, for one), and the caller's
 * cleanup path should not then fail. */
int db_rollback(db *d)
{
    if (!db_in_transaction(d))
        return DB_OK;
    return db_exec(d, "ROLLBACK", "");
}

bool db_in_transaction(db *d)
{
    return d->engine->in_transaction(d);
}

int64_t db_changes(db *d)
{
    return d->engine->changes(d);
}

const char *db_errmsg(db *d)
{
    return d->errmsg;
}

bool db_is_postgres(db *d)
{
    return strcmp(d->engine->name, "postgresql") == 0;
}

const char *db_id_set(db *d)
{
    return d->engine->id_set;
}

const char *db_id_list(arena *a, const int64_t *ids, int n)
{
    buf b;
    buf_init(&b, a);
    for (int i = 0; i < n; i++)
        buf_printf(&b, "%s%" PRId64, i ? "," : "", ids[i]);
    return buf_cstr(&b);
}

const char *db_fulltext_match(db *d)
{
    return d->engine->fulltext_match;
}

const char *db_fulltext_query(db *d, arena *a, const char *const *terms, int n)
{
    buf q;
    buf_init(&q, a);
    for (int i = 0; i < n; i++)
        d->engine->fulltext_term(&q, terms[i]);
    return buf_cstr(&q);
}

int db_backup(db *d, const char *dest_path, char **err)
{
    if (err)
        *err = NULL;
    return d->engine->backup(d, dest_path, err);
}

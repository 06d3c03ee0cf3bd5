/* engine.h: what a database engine provides behind store.h. Private to
 * src/store/: callers see only store.h. Each engine embeds struct db and
 * struct db_stmt as the first member of its own connection and statement. */
#ifndef PARLEY_STORE_ENGINE_H
#define PARLEY_STORE_ENGINE_H
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include "base/buf.h"
#include "store/store.h"

struct db_engine {
    const char *name;
    const char *begin_sql;   /* starts a transaction that will write */
    void (*close)(db *d);
    /* Prepares (or reuses) and binds; NULL on error with db_errmsg set. */
    db_stmt *(*query)(db *d, const char *sql, const char *types, va_list ap);
    int (*step)(db_stmt *st);
    const char *(*text)(db_stmt *st, int col);
    int64_t (*integer)(db_stmt *st, int col);
    /* A BLOB/bytea column's bytes, copied into a (NUL after them). */
    const char *(*blob_copy)(db_stmt *st, int col, arena *a, size_t *len);
    bool (*is_blob)(db_stmt *st, int col);
    double (*real)(db_stmt *st, int col);
    bool (*is_null)(db_stmt *st, int col);
    int (*columns)(db_stmt *st);
    const char *(*column_name)(db_stmt *st, int col);
    void (*done)(db_stmt *st);
    int (*exec_script)(db *d, const char *sql);
    bool (*in_transaction)(db *d);
    int64_t (*changes)(db *d);
    bool (*has_table)(db *d, const char *name);
    /* Appends "integrity: ..." and "foreign keys: ..." lines. */
    int (*check)(db *d, buf *report);
    int (*backup)(db *d, const char *dest_path, char **err);
    /* Held around db_migrate so that processes starting together apply
     * each migration once. NULL where the engine's write lock already
     * serialises them (SQLite's BEGIN IMMEDIATE). */
    int (*lock_migrations)(db *d);
    void (*unlock_migrations)(db *d);
    /* Where a column's constraint changes only by building its table again
     * (SQLite), migrations run with foreign keys off, as that engine's
     * documentation prescribes: dropping the old table would otherwise
     * check every row that refers to it. Turned off and on outside any
     * transaction; every foreign key is checked before each migration
     * commits (DB_ERROR and db_errmsg naming a broken row). NULL: the
     * engine changes constraints in place (PostgreSQL). */
    int (*migration_keys_off)(db *d);
    void (*migration_keys_on)(db *d);
    int (*migration_keys_check)(db *d);
    /* Full-text search over sql/022's search_text: the condition on that
     * table that takes the query as its one parameter, and one term of the
     * query appended in the engine's grammar, quoted so that nothing in it
     * is an operator, standing for every word the term starts. */
    const char *fulltext_match;
    const char *id_set;      /* db_id_set */
    void (*fulltext_term)(buf *query, const char *term);
};

struct db {
    const struct db_engine *engine;
    char errmsg[512];   /* the last error on this connection */
    uint64_t statements;   /* run on this connection so far (db_statements) */
};

struct db_stmt {
    db *d;
};

/* Records the connection's last error (what db_errmsg returns). */
void db_set_errmsg(db *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A malloc'd message for a char **err out-parameter; does nothing if err is
 * NULL. */
void db_set_err(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

db *sqlite_engine_open(const char *path, char **err);
db *pg_engine_open(const char *url, char **err);

#endif

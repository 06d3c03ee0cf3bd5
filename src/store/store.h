/* store.h: the one database interface. Callers write portable SQL with
 * bound '?' parameters only; the engine (SQLite or PostgreSQL) is chosen
 * by the URL given to db_pool_open(). No caller includes sqlite3.h or
 * libpq-fe.h. */
#ifndef PARLEY_STORE_H
#define PARLEY_STORE_H
#include <stdbool.h>
#include <stdint.h>

#include "base/buf.h"

typedef struct db db;             /* one connection, used by one thread at a time */
typedef struct db_pool db_pool;   /* connections shared by the server's threads */
typedef struct db_stmt db_stmt;

enum db_status {
    DB_OK = 0,
    DB_ROW = 1,          /* db_step(): a row is ready */
    DB_DONE = 2,         /* db_step(): no more rows */
    DB_ERROR = -1,
    DB_BUSY = -2,        /* locked past the busy timeout */
    DB_CONSTRAINT = -3,  /* unique, foreign key or check constraint */
};

/* url: a file path for SQLite, or "postgres://..." (or "postgresql://")
 * for PostgreSQL. Opens and configures the connection (SQLite: WAL,
 * foreign keys, the busy timeout; PostgreSQL: the lock timeout). On failure returns
 * NULL and, if err is given, a malloc'd message. */
db *db_open(const char *url, char **err);
/* Whether url names a PostgreSQL database (else it is an SQLite file). */
bool db_url_is_postgres(const char *url);
void db_close(db *d);

db_pool *db_pool_open(const char *url, int size, char **err);
void db_pool_close(db_pool *p);
db *db_acquire(db_pool *p);        /* blocks until a connection is free */
void db_release(db_pool *p, db *d);

/* Applies the numbered migrations of sql/ (compiled in) that are newer than
 * the database; each in its own transaction. */
int db_migrate(db *d, char **err);
/* The same, up to and including version only: what a database of an
 * older release had (a migration's test starts from it). */
int db_migrate_to(db *d, int version, char **err);
int db_schema_version(db *d);      /* highest applied migration, 0 if none */
int db_latest_version(void);       /* highest migration compiled in */
/* Integrity check and version check; appends a report of what it found.
 * Returns DB_OK when everything is sound. */
int db_check(db *d, buf *report);
/* Online backup to a new file (SQLite's backup API); PostgreSQL refuses
 * and names pg_dump. */
int db_backup(db *d, const char *dest_path, char **err);

int db_begin(db *d);               /* BEGIN IMMEDIATE on SQLite, BEGIN on PostgreSQL */
int db_commit(db *d);
int db_rollback(db *d);
bool db_in_transaction(db *d);
/* The statements run on this connection so far (db_query, db_exec,
 * db_int_query): the test build reports each request's count (issue 19),
 * so tests can find a page whose queries grow with the data. */
uint64_t db_statements(db *d);

/* A file's bytes as a parameter: a BLOB on SQLite, a bytea on PostgreSQL,
 * never text. The bytes are not copied: they stay valid until db_done. */
struct db_blob {
    const void *data;
    size_t len;
};

/* Prepares (statements are cached per connection by SQL text) and binds.
 * types has one letter per '?': 's' const char * (NULL binds NULL),
 * 'i' int64_t, 'd' int, 'f' double, 'b' const struct db_blob * (NULL binds
 * NULL). Returns NULL on error (db_errmsg).
 * On PostgreSQL 'i' is a bigint and 'd' an integer parameter, 's' takes
 * the type its use implies; LIKE ignores ASCII case as on SQLite. */
db_stmt *db_query(db *d, const char *sql, const char *types, ...);
int db_step(db_stmt *st);          /* DB_ROW, DB_DONE or an error */
/* Column values of the current row; text is valid until the next step. */
const char *db_text(db_stmt *st, int col);   /* "" for NULL */
/* The column's text copied into a (it outlives the statement). */
const char *db_text_copy(db_stmt *st, int col, arena *a);
int64_t db_int(db_stmt *st, int col);
/* A BLOB (bytea) column's bytes copied into a, with a NUL after them
 * that *len does not count. */
const char *db_blob_copy(db_stmt *st, int col, arena *a, size_t *len);
/* The column of the current row holds bytes (BLOB, bytea), not text. */
bool db_is_blob(db_stmt *st, int col);
double db_real(db_stmt *st, int col);
bool db_is_null(db_stmt *st, int col);
int db_columns(db_stmt *st);
const char *db_column_name(db_stmt *st, int col);
/* Ends use of a statement (resets it for the cache). Always call it. */
void db_done(db_stmt *st);

/* Runs a statement that returns no rows. DB_OK or an error status. */
int db_exec(db *d, const char *sql, const char *types, ...);
/* Runs a query expected to return one integer (e.g. COUNT(*) or
 * INSERT ... RETURNING id). Returns DB_OK and sets *out, DB_DONE if no row. */
int db_int_query(db *d, int64_t *out, const char *sql, const char *types, ...);
/* Runs a list of statements separated by ';' with no parameters (used by
 * migrations and tests). */
int db_exec_script(db *d, const char *sql);
int64_t db_changes(db *d);
const char *db_errmsg(db *d);
/* For the few statements that must differ between the engines (catalog
 * queries): one named variant each. */
bool db_is_postgres(db *d);

/* A set of ids in one parameter, so that one statement asks about many
 * records (no query per record, issue 19): "x IN " db_id_set(d) in the
 * statement's text, and db_id_list's "12,14" bound to its parameter. */
const char *db_id_set(db *d);
const char *db_id_list(arena *a, const int64_t *ids, int n);

/* Full-text search (sql/022's search_text: SQLite's FTS5, PostgreSQL's
 * tsvector). db_fulltext_match: the condition on search_text, written
 * into a statement's text, taking one parameter: the query that
 * db_fulltext_query makes of terms, in the engine's own grammar, each term
 * quoted (a term is a word's start, never an operator) and all of them
 * required. n >= 1; the query is allocated in a. */
const char *db_fulltext_match(db *d);
const char *db_fulltext_query(db *d, arena *a, const char *const *terms, int n);

#endif

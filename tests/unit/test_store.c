/* test_store.c: the store against real SQLite files in a temporary
 * directory: migrations, binding, errors, transactions, the statement
 * cache, check, backup and the pool under concurrent writers. With
 * PARLEY_TEST_PG=postgres://USER@HOST:PORT the same cases, and those only
 * PostgreSQL has, run again on the database parley_test_store of that
 * server, which they drop and create: never point it at a real one. */
#include "testing.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "store/dialect.h"
#include "store/store.h"

struct fixture {
    char dir[64];
    char path[128];
    const char *url;   /* what db_open is given: path, or the PostgreSQL URL */
    bool pg;
    db *d;
};

static char pg_url[512];   /* postgres://.../parley_test_store; "" on SQLite */

static void path_in(const struct fixture *f, const char *name, char *out, size_t n)
{
    snprintf(out, n, "%s/%s", f->dir, name);
}

/* PostgreSQL's equivalent of a new file: an empty public schema. */
static void pg_reset(db *d)
{
    assert_int_equal(db_exec_script(d, "DROP SCHEMA public CASCADE; CREATE SCHEMA public"), DB_OK);
}

/* Each test gets a fresh, migrated database: a file in its own directory,
 * or PostgreSQL's test database emptied. */
static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    snprintf(f->dir, sizeof f->dir, "/tmp/parley-store-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    path_in(f, "test.db", f->path, sizeof f->path);
    f->pg = pg_url[0] != '\0';
    f->url = f->pg ? pg_url : f->path;
    char *err = NULL;
    f->d = db_open(f->url, &err);
    if (!f->d)
        fail_msg("%s", err);
    if (f->pg)
        pg_reset(f->d);
    assert_int_equal(db_migrate(f->d, &err), DB_OK);
    assert_null(err);
    *state = f;
    return 0;
}

/* Where a test wants a database of its own that nothing has touched: a new
 * file, or on PostgreSQL the one test database emptied again. */
static const char *fresh_database(struct fixture *f, const char *name, char *out, size_t n)
{
    if (f->pg) {
        pg_reset(f->d);
        return f->url;
    }
    path_in(f, name, out, n);
    return out;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    db_close(f->d);
    DIR *dir = opendir(f->dir);
    struct dirent *e;
    while (dir && (e = readdir(dir))) {
        if (e->d_name[0] == '.')
            continue;
        char p[512];
        snprintf(p, sizeof p, "%s/%s", f->dir, e->d_name);
        unlink(p);
    }
    if (dir)
        closedir(dir);
    rmdir(f->dir);
    free(f);
    return 0;
}

static int64_t count(db *d, const char *sql)
{
    int64_t n = -1;
    assert_int_equal(db_int_query(d, &n, sql, ""), DB_OK);
    return n;
}

static int64_t add_program(db *d, const char *name)
{
    int64_t id = 0;
    int rc = db_int_query(d, &id,
                          "INSERT INTO program (name, short_name, created_at) VALUES (?, ?, ?) RETURNING id",
                          "ssi", name, "P", (int64_t)1700000000);
    assert_int_equal(rc, DB_OK);
    return id;
}

static void test_migrate_creates_schema(void **state)
{
    struct fixture *f = *state;
    assert_true(db_latest_version() >= 1);
    assert_int_equal(db_schema_version(f->d), db_latest_version());
    db_stmt *st = db_query(f->d, "SELECT name FROM schema_version WHERE version = 1", "");
    assert_non_null(st);
    assert_int_equal(db_step(st), DB_ROW);
    assert_string_equal(db_text(st, 0), "001_foundation.sql");
    db_done(st);
    /* The tables of 001 are there and empty. */
    assert_int_equal(count(f->d, "SELECT count(*) FROM person"), 0);
    assert_int_equal(count(f->d, "SELECT count(*) FROM audit"), 0);
}

static void test_remigrate_is_noop(void **state)
{
    struct fixture *f = *state;
    int64_t before = count(f->d, "SELECT count(*) FROM schema_version");
    char *err = NULL;
    assert_int_equal(db_migrate(f->d, &err), DB_OK);
    /* A second process starting on the same file changes nothing either. */
    db *other = db_open(f->url, &err);
    assert_non_null(other);
    assert_int_equal(db_migrate(other, &err), DB_OK);
    assert_int_equal(db_schema_version(other), db_latest_version());
    db_close(other);
    assert_int_equal(count(f->d, "SELECT count(*) FROM schema_version"), before);
}

static void *migrate_fresh(void *arg)
{
    char *err = NULL;
    db *d = db_open(arg, &err);
    int rc = d ? db_migrate(d, &err) : DB_ERROR;
    db_close(d);
    free(err);
    return rc == DB_OK ? NULL : (void *)1;
}

/* Two servers starting on a new database at once apply each migration
 * once (SQLite: BEGIN IMMEDIATE; PostgreSQL: the advisory lock). */
static void test_concurrent_migrate(void **state)
{
    struct fixture *f = *state;
    char buf_p[128], *err = NULL;
    const char *p = fresh_database(f, "race.db", buf_p, sizeof buf_p);
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        assert_int_equal(pthread_create(&t[i], NULL, migrate_fresh, (void *)p), 0);
    for (int i = 0; i < 3; i++) {
        void *res;
        pthread_join(t[i], &res);
        assert_null(res);
    }
    db *d = db_open(p, &err);
    assert_non_null(d);
    assert_int_equal(db_schema_version(d), db_latest_version());
    int64_t n = 0, files = 0;
    assert_int_equal(db_int_query(d, &n, "SELECT count(*) FROM schema_version", ""), DB_OK);
    assert_int_equal(db_int_query(d, &files, "SELECT count(DISTINCT version) FROM schema_version", ""),
                     DB_OK);
    assert_int_equal(n, files);
    db_close(d);
}

static void test_fresh_database_is_version_zero(void **state)
{
    struct fixture *f = *state;
    char buf_p[128], *err = NULL;
    const char *p = fresh_database(f, "empty.db", buf_p, sizeof buf_p);
    db *d = db_open(p, &err);
    assert_non_null(d);
    assert_int_equal(db_schema_version(d), 0);
    db_close(d);
}

static void test_bind_all_types(void **state)
{
    struct fixture *f = *state;
    /* Types both engines know: SQLite reads BIGINT and DOUBLE PRECISION by
     * affinity; PostgreSQL's INTEGER alone would not hold 2^40. */
    assert_int_equal(db_exec_script(f->d, "CREATE TABLE t (s TEXT, i BIGINT, d INTEGER, "
                                          "f DOUBLE PRECISION, n INTEGER);"),
                     DB_OK);
    int64_t big = (int64_t)1 << 40;
    assert_int_equal(db_exec(f->d, "INSERT INTO t VALUES (?, ?, ?, ?, 1)", "sidf", "héllo", big, -7, 2.5),
                     DB_OK);
    assert_int_equal(db_changes(f->d), 1);
    assert_int_equal(db_exec(f->d, "INSERT INTO t VALUES (?, ?, ?, ?, 2)", "sidf", NULL, (int64_t)0, 0, 0.0),
                     DB_OK);
    db_stmt *st = db_query(f->d, "SELECT s, i, d, f FROM t ORDER BY n", "");
    assert_non_null(st);
    assert_int_equal(db_columns(st), 4);
    assert_string_equal(db_column_name(st, 2), "d");
    assert_int_equal(db_step(st), DB_ROW);
    assert_string_equal(db_text(st, 0), "héllo");
    assert_true(db_int(st, 1) == big);
    assert_int_equal(db_int(st, 2), -7);
    assert_true(db_real(st, 3) == 2.5);
    assert_false(db_is_null(st, 0));
    assert_int_equal(db_step(st), DB_ROW);
    assert_true(db_is_null(st, 0));
    assert_string_equal(db_text(st, 0), "");
    assert_int_equal(db_step(st), DB_DONE);
    db_done(st);
}

/* A file's bytes go in and come out as they are: every byte value, NULs
 * included, an empty file, and no file (NULL). */
static void test_blob_roundtrip(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(db_exec_script(f->d, f->pg ? "CREATE TABLE b (n INTEGER, t TEXT, content BYTEA)"
                                                : "CREATE TABLE b (n INTEGER, t TEXT, content BLOB)"),
                     DB_OK);
    unsigned char bytes[512];
    for (size_t i = 0; i < sizeof bytes; i++)
        bytes[i] = (unsigned char)(i * 7);
    struct db_blob all = {bytes, sizeof bytes}, empty = {NULL, 0};
    const char *ins = "INSERT INTO b VALUES (?, 'text', ?)";
    assert_int_equal(db_exec(f->d, ins, "db", 1, &all), DB_OK);
    assert_int_equal(db_exec(f->d, ins, "db", 2, &empty), DB_OK);
    assert_int_equal(db_exec(f->d, ins, "db", 3, (const struct db_blob *)NULL), DB_OK);
    arena *a = arena_new(0);
    db_stmt *st = db_query(f->d, "SELECT content, t FROM b ORDER BY n", "");
    assert_non_null(st);
    size_t len = 99;
    assert_int_equal(db_step(st), DB_ROW);
    assert_true(db_is_blob(st, 0));
    assert_false(db_is_blob(st, 1));
    const char *got = db_blob_copy(st, 0, a, &len);
    assert_int_equal(len, sizeof bytes);
    assert_memory_equal(got, bytes, sizeof bytes);
    assert_int_equal(db_step(st), DB_ROW);
    got = db_blob_copy(st, 0, a, &len);
    assert_int_equal(len, 0);
    assert_false(db_is_null(st, 0));
    assert_int_equal(db_step(st), DB_ROW);
    assert_true(db_is_null(st, 0));
    assert_int_equal(db_step(st), DB_DONE);
    db_done(st);
    /* Bound bytes compare as bytes. */
    int64_t n = 0;
    assert_int_equal(db_int_query(f->d, &n, "SELECT n FROM b WHERE content = ?", "b", &all), DB_OK);
    assert_int_equal(n, 1);
    arena_free(a);
}

/* Migration 013: files kept as base64 text before it are bytes after it,
 * the same bytes, in both tables that keep files. */
#define FILES_AS_BYTES 13
static void test_files_become_bytes(void **state)
{
    struct fixture *f = *state;
    char buf_p[128], *err = NULL;
    db *d = db_open(fresh_database(f, "old.db", buf_p, sizeof buf_p), &err);
    assert_non_null(d);
    assert_int_equal(db_migrate_to(d, FILES_AS_BYTES - 1, &err), DB_OK);
    assert_true(db_schema_version(d) < FILES_AS_BYTES);
    /* "hello\0world\xff" (as base64: aGVsbG8Ad29ybGT/) and an empty file,
     * as they were stored. */
    assert_int_equal(db_exec_script(d,
        "INSERT INTO program (id, name, short_name, created_at) VALUES (1, 'P', 'P', 0);"
        "INSERT INTO person (id, program_id, name, email, created_at, updated_at) "
        "VALUES (1, 1, 'T', 't@x', 0, 0);"
        "INSERT INTO inquiry (id, program_id, reference, name, email, interest, created_at, "
        "updated_at) VALUES (1, 1, 'INQ-1', 'T', 't@x', 'pa', 0, 0);"
        "INSERT INTO teacher_case (id, program_id, inquiry_id, teacher_id, state, created_at, "
        "updated_at) VALUES (1, 1, 1, 1, 'open', 0, 0);"
        "INSERT INTO artifact (id, case_id, title, filename, media_type, size, created_at) "
        "VALUES (1, 1, 'A', 'a.pdf', 'application/pdf', 12, 0);"
        "INSERT INTO artifact_file VALUES (1, 'aGVsbG8Ad29ybGT/');"
        "INSERT INTO resource (id, program_id, title, filename, media_type, size, created_at, "
        "updated_at) VALUES (1, 1, 'R', 'r.pdf', 'application/pdf', 12, 0, 0), "
        "(2, 1, 'E', 'e.pdf', 'application/pdf', 0, 0, 0);"
        "INSERT INTO resource_file VALUES (1, 'aGVsbG8Ad29ybGT/'), (2, '')"), DB_OK);
    assert_int_equal(db_migrate(d, &err), DB_OK);
    arena *a = arena_new(0);
    const char *sql[] = {"SELECT content FROM artifact_file WHERE artifact_id = 1",
                         "SELECT content FROM resource_file WHERE resource_id = 1"};
    for (size_t i = 0; i < 2; i++) {
        db_stmt *st = db_query(d, sql[i], "");
        assert_int_equal(db_step(st), DB_ROW);
        assert_true(db_is_blob(st, 0));
        size_t len;
        const char *got = db_blob_copy(st, 0, a, &len);
        assert_int_equal(len, 12);
        assert_memory_equal(got, "hello\0world\xff", 12);
        db_done(st);
    }
    int64_t empty = -1;
    assert_int_equal(db_int_query(d, &empty, "SELECT length(content) FROM resource_file "
                                             "WHERE resource_id = 2", ""), DB_OK);
    assert_int_equal(empty, 0);
    arena_free(a);
    db_close(d);
}

static void test_programming_errors(void **state)
{
    struct fixture *f = *state;
    assert_null(db_query(f->d, "SELECT ?", "ss", "a", "b"));
    assert_non_null(strstr(db_errmsg(f->d), "parameters"));
    assert_null(db_query(f->d, "SELECT ?, ?", "s", "a"));
    assert_null(db_query(f->d, "SELECT ?", "x", 1));
    assert_non_null(strstr(db_errmsg(f->d), "type letter"));
    assert_null(db_query(f->d, "SELECT 1; SELECT 2", ""));
    assert_null(db_query(f->d, "SELEKT 1", ""));
    assert_int_equal(db_exec(f->d, "SELECT * FROM no_such_table", ""), DB_ERROR);
    assert_non_null(strstr(db_errmsg(f->d), "no_such_table"));
    /* The connection still works after each of them. */
    assert_int_equal(count(f->d, "SELECT 42"), 42);
}

static void test_constraints(void **state)
{
    struct fixture *f = *state;
    int64_t prog = add_program(f->d, "District");
    const char *ins = "INSERT INTO person (program_id, name, email, created_at, updated_at) VALUES (?, ?, ?, 0, 0)";
    assert_int_equal(db_exec(f->d, ins, "iss", prog, "Ann", "ann@example.org"), DB_OK);
    assert_int_equal(db_exec(f->d, ins, "iss", prog, "Ann 2", "ann@example.org"), DB_CONSTRAINT);
    assert_non_null(strcasestr(db_errmsg(f->d), "UNIQUE"));
    /* Foreign keys are enforced. */
    assert_int_equal(db_exec(f->d, ins, "iss", (int64_t)999, "Bob", "bob@example.org"), DB_CONSTRAINT);
    /* NOT NULL. */
    assert_int_equal(db_exec(f->d, ins, "iss", prog, NULL, "cy@example.org"), DB_CONSTRAINT);
    assert_int_equal(count(f->d, "SELECT count(*) FROM person"), 1);
    /* 012: an email is unique in its program, not across programs; and one
     * address signs in one person (finding 10 of issue 15). */
    int64_t other = add_program(f->d, "Federation");
    assert_int_equal(db_exec(f->d, ins, "iss", other, "Ann F", "ann@example.org"), DB_OK);
    const char *pw = "UPDATE person SET password_hash = 'x' WHERE email = ? AND program_id = ?";
    assert_int_equal(db_exec(f->d, pw, "si", "ann@example.org", prog), DB_OK);
    assert_int_equal(db_exec(f->d, pw, "si", "ann@example.org", other), DB_CONSTRAINT);
    assert_int_equal(db_exec(f->d, "DELETE FROM person WHERE program_id = ?", "i", other), DB_OK);
    /* A trigger's RAISE(ABORT) is a constraint too (R38's audit guard). */
    assert_int_equal(db_exec(f->d,
                             "INSERT INTO audit (id, at, actor_label, action, record_kind, summary, "
                             "prev_hash, hash) VALUES (1, 0, 'test', 'create', 'person', 'x', '', '')",
                             ""),
                     DB_OK);
    assert_int_equal(db_exec(f->d, "UPDATE audit SET summary = ?", "s", "changed"), DB_CONSTRAINT);
    assert_int_equal(db_exec(f->d, "DELETE FROM audit", ""), DB_CONSTRAINT);
    assert_int_equal(count(f->d, "SELECT count(*) FROM audit WHERE summary = 'x'"), 1);
}

static void test_rollback_leaves_nothing(void **state)
{
    struct fixture *f = *state;
    assert_false(db_in_transaction(f->d));
    assert_int_equal(db_begin(f->d), DB_OK);
    assert_true(db_in_transaction(f->d));
    add_program(f->d, "A");
    add_program(f->d, "B");
    assert_int_equal(db_rollback(f->d), DB_OK);
    assert_false(db_in_transaction(f->d));
    assert_int_equal(count(f->d, "SELECT count(*) FROM program"), 0);
    /* Outside a transaction rollback is harmless. */
    assert_int_equal(db_rollback(f->d), DB_OK);
    assert_int_equal(db_begin(f->d), DB_OK);
    add_program(f->d, "C");
    assert_int_equal(db_commit(f->d), DB_OK);
    assert_int_equal(count(f->d, "SELECT count(*) FROM program"), 1);
}

static void test_statement_cache(void **state)
{
    struct fixture *f = *state;
    for (int i = 0; i < 3; i++) {
        int64_t n = 0;
        assert_int_equal(db_int_query(f->d, &n, "SELECT ? * 2", "d", i), DB_OK);
        assert_int_equal(n, i * 2);
    }
    /* Far more distinct statements than the cache holds. */
    for (int i = 0; i < 300; i++) {
        char sql[64];
        snprintf(sql, sizeof sql, "SELECT ? + %d", i);
        int64_t n = 0;
        assert_int_equal(db_int_query(f->d, &n, sql, "d", 1), DB_OK);
        assert_int_equal(n, i + 1);
    }
    /* The same text in a reused buffer must not pick up a stale statement. */
    char sql[64];
    snprintf(sql, sizeof sql, "SELECT 1");
    assert_int_equal(count(f->d, sql), 1);
    snprintf(sql, sizeof sql, "SELECT 2");
    assert_int_equal(count(f->d, sql), 2);
}

/* Statements in use are never evicted, even past the cache's size, and
 * the same SQL may be open twice (a nested query). */
static void test_statements_open_together(void **state)
{
    struct fixture *f = *state;
    enum { N = 100 };
    db_stmt *open[N];
    for (int i = 0; i < N; i++) {
        char sql[64];
        snprintf(sql, sizeof sql, "SELECT %d, ?", i);
        open[i] = db_query(f->d, sql, "d", i);
        assert_non_null(open[i]);
    }
    db_stmt *again = db_query(f->d, "SELECT 0, ?", "d", 1000);
    assert_non_null(again);
    assert_int_equal(db_step(again), DB_ROW);
    assert_int_equal(db_int(again, 1), 1000);
    db_done(again);
    for (int i = 0; i < N; i++) {
        assert_int_equal(db_step(open[i]), DB_ROW);
        assert_int_equal(db_int(open[i], 0), i);
        assert_int_equal(db_int(open[i], 1), i);
        db_done(open[i]);
    }
    db_done(NULL);
}

static void test_int_query(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(add_program(f->d, "One"), 1);
    assert_int_equal(add_program(f->d, "Two"), 2);
    int64_t n = 77;
    assert_int_equal(db_int_query(f->d, &n, "SELECT id FROM program WHERE name = ?", "s", "None"), DB_DONE);
    assert_int_equal(n, 77);
    assert_int_equal(db_exec(f->d, "UPDATE program SET short_name = ?", "s", "X"), DB_OK);
    assert_int_equal(db_changes(f->d), 2);
}

static void test_check_ok(void **state)
{
    struct fixture *f = *state;
    buf report;
    buf_init(&report, NULL);
    assert_int_equal(db_check(f->d, &report), DB_OK);
    const char *r = buf_cstr(&report);
    assert_non_null(strstr(r, f->pg ? "integrity: ok (PostgreSQL)\n" : "integrity: ok\n"));
    assert_non_null(strstr(r, "foreign keys: ok\n"));
    char line[64];
    snprintf(line, sizeof line, "schema version: %d (latest %d)\n", db_latest_version(), db_latest_version());
    assert_non_null(strstr(r, line));
    buf_release(&report);
}

static void test_check_finds_orphans(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(db_exec_script(f->d, "PRAGMA foreign_keys = OFF;"
                                          "INSERT INTO program (id, name, short_name, created_at) VALUES (5, 'P', 'P', 0);"
                                          "INSERT INTO school (program_id, name, code, created_at, updated_at) "
                                          "VALUES (6, 'S', 'S', 0, 0);"
                                          "PRAGMA foreign_keys = ON;"),
                     DB_OK);
    buf report;
    buf_init(&report, NULL);
    assert_int_equal(db_check(f->d, &report), DB_ERROR);
    assert_non_null(strstr(buf_cstr(&report), "foreign keys: school row"));
    buf_release(&report);
}

static void test_newer_schema_is_refused(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(db_exec(f->d, "INSERT INTO schema_version (version, name, applied_at) VALUES (999, ?, 0)",
                             "s", "999_future.sql"),
                     DB_OK);
    assert_int_equal(db_schema_version(f->d), 999);
    buf report;
    buf_init(&report, NULL);
    assert_int_equal(db_check(f->d, &report), DB_ERROR);
    char line[64];
    snprintf(line, sizeof line, "schema version: 999 (latest %d)", db_latest_version());
    assert_non_null(strstr(buf_cstr(&report), line));
    buf_release(&report);
    char *err = NULL;
    assert_int_equal(db_migrate(f->d, &err), DB_ERROR);
    assert_non_null(err);
    assert_non_null(strstr(err, "newer parley"));
    free(err);
}

static void test_backup(void **state)
{
    struct fixture *f = *state;
    for (int i = 0; i < 10; i++)
        add_program(f->d, "P");
    char dest[128], *err = NULL;
    path_in(f, "backup.db", dest, sizeof dest);
    assert_int_equal(db_backup(f->d, dest, &err), DB_OK);
    assert_null(err);
    db *b = db_open(dest, &err);
    assert_non_null(b);
    assert_int_equal(count(b, "SELECT count(*) FROM program"), 10);
    assert_int_equal(db_schema_version(b), db_latest_version());
    db_close(b);
    /* Never overwrites. */
    assert_int_equal(db_backup(f->d, dest, &err), DB_ERROR);
    assert_non_null(err);
    assert_non_null(strstr(err, "already exists"));
    free(err);
}

/* A URL that names no server fails at open, with the URL in the message. */
static void test_unreachable_databases(void **state)
{
    (void)state;
    char *err = NULL;
    assert_null(db_open("postgres://nobody@127.0.0.1:1/parley", &err));
    assert_non_null(err);
    assert_non_null(strstr(err, "127.0.0.1:1"));
    free(err);
    assert_null(db_pool_open("postgresql://nobody@127.0.0.1:1/parley", 2, &err));
    assert_non_null(err);
    free(err);
    assert_null(db_open("/nonexistent-dir/x/y.db", &err));
    assert_non_null(err);
    free(err);
}

enum { WRITERS = 4, ROWS_EACH = 50 };

/* Each row is its own transaction, so the four threads interleave and
 * contend for SQLite's write lock on every one. */
static void *writer(void *arg)
{
    db_pool *p = arg;
    for (int i = 0; i < ROWS_EACH; i++) {
        db *d = db_acquire(p);
        int rc = db_begin(d);
        if (rc == DB_OK)
            rc = db_exec(d, "INSERT INTO program (name, short_name, created_at) VALUES (?, 'P', ?)", "si",
                         "Threaded", (int64_t)i);
        rc = rc == DB_OK ? db_commit(d) : rc;
        if (rc != DB_OK)
            db_rollback(d);
        db_release(p, d);
        if (rc != DB_OK)
            return (void *)1;
    }
    return NULL;
}

static void test_pool_concurrent_writers(void **state)
{
    struct fixture *f = *state;
    char *err = NULL;
    db_pool *p = db_pool_open(f->url, WRITERS, &err);
    assert_non_null(p);
    pthread_t t[WRITERS];
    for (int i = 0; i < WRITERS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, writer, p), 0);
    for (int i = 0; i < WRITERS; i++) {
        void *res;
        pthread_join(t[i], &res);
        assert_null(res);
    }
    assert_int_equal(count(f->d, "SELECT count(*) FROM program"), WRITERS * ROWS_EACH);
    /* A connection handed back inside a transaction is rolled back. */
    db *d = db_acquire(p);
    assert_int_equal(db_begin(d), DB_OK);
    add_program(d, "Forgotten");
    db_release(p, d);
    assert_int_equal(count(f->d, "SELECT count(*) FROM program"), WRITERS * ROWS_EACH);
    db_pool_close(p);
}

enum { CHAINERS = 4, LINKS_EACH = 25 };

/* One link of a chain the way app/audit.c appends to the audit log: the
 * head is moved first, which locks it, then the row goes in and the head
 * takes the row's value. Each row names the previous row's value. */
static int chain_link(db *d)
{
    int rc = db_begin(d);
    db_stmt *st = rc == DB_OK ? db_query(d, "UPDATE audit_head SET last_id = last_id + 1 WHERE one = 1 "
                                            "RETURNING last_id, last_hash", "")
                              : NULL;
    if (!st || db_step(st) != DB_ROW) {
        db_done(st);
        db_rollback(d);
        return DB_ERROR;
    }
    int64_t id = db_int(st, 0);
    char prev[32], value[32];
    snprintf(prev, sizeof prev, "%s", db_text(st, 1));
    snprintf(value, sizeof value, "v%lld", (long long)id);
    db_done(st);
    rc = db_exec(d, "INSERT INTO audit (id, at, actor_label, action, record_kind, summary, prev_hash, hash) "
                    "VALUES (?, 0, 'test', 'create', 'chain', 'x', ?, ?)",
                 "iss", id, prev, value);
    if (rc == DB_OK)
        rc = db_exec(d, "UPDATE audit_head SET last_hash = ? WHERE one = 1", "s", value);
    rc = rc == DB_OK ? db_commit(d) : rc;
    if (rc != DB_OK)
        db_rollback(d);
    return rc;
}

static void *chainer(void *arg)
{
    db_pool *p = arg;
    for (int i = 0; i < LINKS_EACH; i++) {
        db *d = db_acquire(p);
        int rc = chain_link(d);
        db_release(p, d);
        if (rc != DB_OK)
            return (void *)1;
    }
    return NULL;
}

/* R38: writers on several connections extend one chain, never fork it
 * (on PostgreSQL two READ COMMITTED readers of the head would). */
static void test_audit_chain_from_threads(void **state)
{
    struct fixture *f = *state;
    char *err = NULL;
    db_pool *p = db_pool_open(f->url, CHAINERS, &err);
    assert_non_null(p);
    pthread_t t[CHAINERS];
    for (int i = 0; i < CHAINERS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, chainer, p), 0);
    for (int i = 0; i < CHAINERS; i++) {
        void *res;
        pthread_join(t[i], &res);
        assert_null(res);
    }
    db_pool_close(p);
    int64_t n = CHAINERS * LINKS_EACH;
    assert_int_equal(count(f->d, "SELECT count(*) FROM audit"), n);
    assert_int_equal(count(f->d, "SELECT max(id) FROM audit"), n);
    /* Every row's previous value is the row before it. */
    assert_int_equal(count(f->d, "SELECT count(*) FROM audit a JOIN audit b ON b.id = a.id - 1 "
                                 "WHERE a.prev_hash <> b.hash"),
                     0);
    assert_int_equal(count(f->d, "SELECT count(*) FROM audit_head h JOIN audit a ON a.id = h.last_id "
                                 "WHERE h.last_hash = a.hash"),
                     1);
}

/* ---- PostgreSQL only ---- */

static int64_t backend_pid(db *d)
{
    return count(d, "SELECT pg_backend_pid()");
}

static void terminate(db *by, db *victim)
{
    int64_t ok = 0;
    /* 'd': the function takes an integer, and 'i' is a bigint. */
    assert_int_equal(db_int_query(by, &ok, "SELECT pg_terminate_backend(?)", "d", (int)backend_pid(victim)),
                     DB_OK);
    assert_true(ok);
    usleep(100 * 1000);   /* the server ends the backend asynchronously */
}

/* A connection the server dropped fails the statement that finds it
 * dropped; the next statement reconnects (and prepares again). */
static void test_pg_reconnects(void **state)
{
    struct fixture *f = *state;
    char *err = NULL;
    db *d = db_open(f->url, &err);
    assert_non_null(d);
    assert_int_equal(count(d, "SELECT 7"), 7);
    terminate(f->d, d);
    int64_t n = 0;
    assert_int_not_equal(db_int_query(d, &n, "SELECT 7", ""), DB_OK);
    assert_int_equal(count(d, "SELECT 7"), 7);
    assert_int_equal(count(d, "SELECT count(*) FROM program"), 0);
    db_close(d);
}

/* Lost inside a transaction: nothing runs (least of all in autocommit on
 * the new connection) until the caller rolls back; nothing was written. */
static void test_pg_lost_transaction(void **state)
{
    struct fixture *f = *state;
    char *err = NULL;
    db *d = db_open(f->url, &err);
    assert_non_null(d);
    assert_int_equal(db_begin(d), DB_OK);
    add_program(d, "Half");
    terminate(f->d, d);
    assert_int_not_equal(db_exec(d, "INSERT INTO program (name, short_name, created_at) VALUES ('Rest', 'R', 0)",
                                 ""),
                         DB_OK);
    assert_true(db_in_transaction(d));
    assert_null(db_query(d, "SELECT 1", ""));
    assert_non_null(strstr(db_errmsg(d), "roll"));
    assert_int_equal(db_rollback(d), DB_OK);
    assert_false(db_in_transaction(d));
    assert_int_equal(count(d, "SELECT count(*) FROM program"), 0);
    db_close(d);
}

/* LIKE keeps SQLite's meaning (ASCII case ignored); '?' inside a literal
 * is text, not a parameter. */
static void test_pg_rewrites(void **state)
{
    struct fixture *f = *state;
    add_program(f->d, "Lincoln District");
    assert_int_equal(count(f->d, "SELECT count(*) FROM program WHERE name LIKE 'lincoln%'"), 1);
    db_stmt *st = db_query(f->d, "SELECT 'why?', ?, 'it''s ?'", "s", "a");
    assert_non_null(st);
    assert_int_equal(db_step(st), DB_ROW);
    assert_string_equal(db_text(st, 0), "why?");
    assert_string_equal(db_text(st, 1), "a");
    assert_string_equal(db_text(st, 2), "it's ?");
    db_done(st);
    /* Booleans read as 1 and 0. */
    assert_int_equal(count(f->d, "SELECT 1 = 1"), 1);
    assert_int_equal(count(f->d, "SELECT 1 = 2"), 0);
}

static void test_pg_busy(void **state)
{
    struct fixture *f = *state;
    char *err = NULL;
    db *other = db_open(f->url, &err);
    assert_non_null(other);
    add_program(f->d, "Locked");
    assert_int_equal(db_begin(f->d), DB_OK);
    assert_int_equal(db_exec(f->d, "UPDATE program SET name = 'Mine'", ""), DB_OK);
    assert_int_equal(db_exec_script(other, "SET lock_timeout = '50ms'"), DB_OK);
    assert_int_equal(db_exec(other, "UPDATE program SET name = 'Theirs'", ""), DB_BUSY);
    assert_int_equal(db_rollback(f->d), DB_OK);
    db_close(other);
}

static void test_pg_check_and_backup(void **state)
{
    struct fixture *f = *state;
    add_program(f->d, "P");
    assert_int_equal(db_exec_script(f->d, "ALTER TABLE program ADD CONSTRAINT named_short "
                                          "CHECK (short_name <> '') NOT VALID"),
                     DB_OK);
    buf report;
    buf_init(&report, NULL);
    assert_int_equal(db_check(f->d, &report), DB_ERROR);
    assert_non_null(strstr(buf_cstr(&report), "1 constraints not validated"));
    buf_release(&report);
    char *err = NULL;
    assert_int_equal(db_backup(f->d, "/tmp/never.db", &err), DB_ERROR);
    assert_non_null(strstr(err, "pg_dump"));
    free(err);
    assert_int_equal(access("/tmp/never.db", F_OK), -1);
}

/* --- one schema on both engines (issue 20) --- */

/* One source, spelled for SQLite word by word; comments and the other
 * engine's lines are as written, and left out. */
static void test_dialect_spells_each_engine(void **state)
{
    (void)state;
    static const char source[] =
        "CREATE TABLE t (\n"
        "    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
        "    at bigint NOT NULL,   -- BIGINT stays in a comment\n"
        "    bigints_seen BIGINT, body BYTEA\n"
        ");\n"
        "-- @postgresql\n"
        "CREATE FUNCTION f() RETURNS BIGINT;\n"
        "-- @sqlite\n"
        "CREATE TRIGGER g;\n"
        "-- @both\n"
        "CREATE INDEX t_at ON t(at);\n";
    buf lite, pg;
    buf_init(&lite, NULL);
    buf_init(&pg, NULL);
    dialect_spell(source, "sqlite", &lite);
    dialect_spell(source, "postgresql", &pg);
    assert_string_equal(buf_cstr(&lite), "CREATE TABLE t (\n"
                                         "    id INTEGER PRIMARY KEY,\n"
                                         "    at INTEGER NOT NULL,   -- BIGINT stays in a comment\n"
                                         "    bigints_seen INTEGER, body BLOB\n"
                                         ");\n"
                                         "CREATE TRIGGER g;\n"
                                         "CREATE INDEX t_at ON t(at);\n");
    assert_string_equal(buf_cstr(&pg), "CREATE TABLE t (\n"
                                       "    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
                                       "    at bigint NOT NULL,   -- BIGINT stays in a comment\n"
                                       "    bigints_seen BIGINT, body BYTEA\n"
                                       ");\n"
                                       "CREATE FUNCTION f() RETURNS BIGINT;\n"
                                       "CREATE INDEX t_at ON t(at);\n");
    buf_release(&lite);
    buf_release(&pg);
}


/* Each engine's words for a column's type, stated once: PostgreSQL's
 * data_type and what SQLite declares for it. schema_version's applied_at
 * is declared BIGINT on both (migrate.c makes it before any migration). */
static const char sqlite_type_of_pg[] =
    "CASE data_type WHEN 'bigint' THEN 'INTEGER' WHEN 'integer' THEN 'INTEGER' "
    "WHEN 'text' THEN 'TEXT' WHEN 'bytea' THEN 'BLOB' ELSE upper(data_type) END";

/* The schema, engine-neutral, one line per column, foreign key and index,
 * sorted. The search index (022) is each engine's own full-text search:
 * search_text and FTS5's tables behind it are left out. A primary key is not null on both (SQLite reports an INTEGER
 * PRIMARY KEY as nullable); the primary key's own index is left out (an
 * INTEGER PRIMARY KEY is the rowid, with none); a unique constraint's
 * index is named by its columns (each engine names it its own way). */
static const char *const sqlite_schema[] = {
    "SELECT 'column ' || m.name || '.' || p.name || ' ' || "
    "  CASE WHEN p.type = 'BIGINT' THEN 'INTEGER' ELSE p.type END || "
    "  CASE WHEN p.\"notnull\" OR p.pk THEN ' not null' ELSE '' END || "
    "  CASE WHEN p.pk THEN ' primary key' ELSE '' END "
    "FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' "
    "AND m.name NOT LIKE 'search_text%'",
    "SELECT 'foreign key ' || m.name || '.' || f.\"from\" || ' -> ' || f.\"table\" || '.' || f.\"to\" "
    "FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'",
    "SELECT 'index ' || m.name || '(' || (SELECT group_concat(name, ',') FROM "
    "  (SELECT ii.name FROM pragma_index_info(i.name) ii ORDER BY ii.seqno)) || ')' || "
    "  CASE WHEN i.\"unique\" THEN ' unique' ELSE '' END || "
    "  CASE WHEN i.partial THEN ' partial' ELSE '' END || "
    "  CASE WHEN i.origin = 'c' THEN ' ' || i.name ELSE '' END "
    "FROM sqlite_master m, pragma_index_list(m.name) i "
    "WHERE m.type = 'table' AND i.origin <> 'pk' AND m.name NOT LIKE 'search_text%'",
};

/* printf formats: %s is sqlite_type_of_pg, %% a LIKE's %. */
static const char *const pg_schema_parts[] = {
    "SELECT 'column ' || c.table_name || '.' || c.column_name || ' ' || %s || "
    "  CASE WHEN c.is_nullable = 'NO' THEN ' not null' ELSE '' END || "
    "  CASE WHEN EXISTS (SELECT 1 FROM pg_index x JOIN pg_attribute a ON a.attrelid = x.indrelid "
    "    AND a.attnum = ANY (x.indkey) WHERE x.indisprimary AND x.indrelid = "
    "    (quote_ident(c.table_name))::regclass AND a.attname = c.column_name) "
    "  THEN ' primary key' ELSE '' END "
    "FROM information_schema.columns c WHERE c.table_schema = 'public' "
    "AND c.table_name NOT LIKE 'search_text%%'",
    "SELECT 'foreign key ' || k.conrelid::regclass::text || '.' || a.attname || ' -> ' || "
    "  k.confrelid::regclass::text || '.' || af.attname "
    "FROM pg_constraint k "
    "JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
    "JOIN pg_attribute af ON af.attrelid = k.confrelid AND af.attnum = k.confkey[1] "
    "WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace",
    "SELECT 'index ' || x.indrelid::regclass::text || '(' || "
    "  (SELECT string_agg(a.attname, ',' ORDER BY o.n) FROM unnest(x.indkey) WITH ORDINALITY o(k, n) "
    "   JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = o.k) || ')' || "
    "  CASE WHEN x.indisunique THEN ' unique' ELSE '' END || "
    "  CASE WHEN x.indpred IS NOT NULL THEN ' partial' ELSE '' END || "
    "  CASE WHEN NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid) "
    "  THEN ' ' || i.relname ELSE '' END "
    "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
    "WHERE i.relnamespace = 'public'::regnamespace AND NOT x.indisprimary "
    "AND x.indrelid::regclass::text NOT LIKE 'search_text%%'",
};

/* Appends each row's one text column, a line each, in order. */
static void schema_lines(db *d, const char *sql, buf *out)
{
    db_stmt *st = db_query(d, sql, "");
    if (!st)
        fail_msg("%s: %s", sql, db_errmsg(d));
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        buf_puts(out, db_text(st, 0));
        buf_putc(out, '\n');
    }
    db_done(st);
    if (rc != DB_DONE)
        fail_msg("%s: %s", sql, db_errmsg(d));
}

static int line_order(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The description's lines, sorted, in a NULL-ended array into text. */
static char **sorted_lines(char *text, int *n)
{
    int cap = 1;
    for (char *p = text; *p; p++)
        cap += *p == '\n';
    char **lines = calloc((size_t)cap + 1, sizeof *lines);
    *n = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
        lines[(*n)++] = line;
    qsort(lines, (size_t)*n, sizeof *lines, line_order);
    return lines;
}

/* Names every line one side has and the other lacks; 0 when none. */
static int schema_differences(char **a, int na, char **b, int nb)
{
    int i = 0, j = 0, differences = 0;
    while (i < na || j < nb) {
        int c = i == na ? 1 : j == nb ? -1 : strcmp(a[i], b[j]);
        if (c < 0)
            printf("only on SQLite:     %s\n", a[i++]), differences++;
        else if (c > 0)
            printf("only on PostgreSQL: %s\n", b[j++]), differences++;
        else
            i++, j++;
    }
    return differences;
}

/* Every migration, run on each engine from its one source, makes the same
 * tables, columns, nullability, keys and indexes. */
static void test_pg_schema_matches_sqlite(void **state)
{
    struct fixture *f = *state;
    char path[160], *err = NULL;
    path_in(f, "compare.db", path, sizeof path);
    db *lite = db_open(path, &err);
    assert_non_null(lite);
    assert_int_equal(db_migrate(lite, &err), DB_OK);
    buf on_sqlite, on_pg, sql;
    buf_init(&on_sqlite, NULL);
    buf_init(&on_pg, NULL);
    buf_init(&sql, NULL);
    for (size_t i = 0; i < sizeof sqlite_schema / sizeof *sqlite_schema; i++)
        schema_lines(lite, sqlite_schema[i], &on_sqlite);
    for (size_t i = 0; i < sizeof pg_schema_parts / sizeof *pg_schema_parts; i++) {
        buf_reset(&sql);
        buf_printf(&sql, pg_schema_parts[i], sqlite_type_of_pg);
        schema_lines(f->d, buf_cstr(&sql), &on_pg);
    }
    db_close(lite);
    int na, nb;
    char **a = sorted_lines((char *)buf_cstr(&on_sqlite), &na);
    char **b = sorted_lines((char *)buf_cstr(&on_pg), &nb);
    assert_true(na > 300);   /* the description saw the schema */
    assert_int_equal(schema_differences(a, na, b, nb), 0);
    free(a);
    free(b);
    buf_release(&on_sqlite);
    buf_release(&on_pg);
    buf_release(&sql);
}

/* --- 015_intake: what a database of the release before holds, moved on --- */

static int64_t one(db *d, const char *sql)
{
    int64_t n = -1;
    if (db_int_query(d, &n, sql, "") != DB_OK)
        fail_msg("%s: %s", sql, db_errmsg(d));
    return n;
}

/* R1: what was kept was the full years behind a person ("Full years in the
 * district"); 015 keeps the year they are in, one more, as teachers count
 * (a teacher with 2 full years behind them is in their 3rd year). An
 * inquiry's facts count only once confirmed. Every inquiry before 015 is
 * the teacher's own (R8); a case takes its inquiry's handler, and an
 * inquiry whose case was withdrawn is closed. R18: whoever recorded a joint
 * observation confirmed for themselves; the other is asked. */
static void test_migration_015_moves_old_data_on(void **state)
{
    struct fixture *f = *state;
    char path[160], *err = NULL;
    const char *url = fresh_database(f, "old.db", path, sizeof path);
    db *d = db_open(url, &err);
    assert_non_null(d);
    assert_int_equal(db_migrate_to(d, 14, &err), DB_OK);
    int64_t program = add_program(d, "Before 015");
    assert_int_equal(db_exec(d, "INSERT INTO person (program_id, name, email, years_in_district, "
                                "created_at, updated_at) VALUES (?, 'Third Year', 'third@x.test', 2, "
                                "1, 1), (?, 'First Year', 'first@x.test', 0, 1, 1)",
                             "ii", program, program),
                     DB_OK);
    assert_int_equal(db_exec(d, "INSERT INTO inquiry (program_id, reference, name, email, interest, "
                                "facts_at, years_in_district, created_at, updated_at) VALUES "
                                "(?, 'INQ-1', 'Confirmed', 'c@x.test', 'par', 5, 2, 1, 1), "
                                "(?, 'INQ-2', 'Not yet', 'n@x.test', 'par', 0, 0, 1, 1)",
                             "ii", program, program),
                     DB_OK);
    assert_int_equal(db_exec(d, "UPDATE inquiry SET handler_id = (SELECT id FROM person WHERE "
                                "email = 'first@x.test'), status = 'in_progress' WHERE reference = "
                                "'INQ-1'", ""),
                     DB_OK);
    assert_int_equal(db_exec(d, "INSERT INTO teacher_case (program_id, inquiry_id, teacher_id, "
                                "state, created_at, updated_at) SELECT ?, i.id, p.id, 'withdrawn', 1, "
                                "1 FROM inquiry i, person p WHERE i.reference = 'INQ-1' AND p.email "
                                "= 'third@x.test'",
                             "i", program),
                     DB_OK);
    assert_int_equal(db_exec(d, "UPDATE teacher_case SET ct_id = (SELECT id FROM person WHERE "
                                "email = 'first@x.test')", ""),
                     DB_OK);
    assert_int_equal(db_exec(d, "INSERT INTO observation (case_id, draft_key, observed_on, minutes, "
                                "observers, created_by, created_at, updated_at) SELECT k.id, x.key, "
                                "'2026-01-05', 30, 'joint', p.id, 7, 7 FROM teacher_case k, person p, "
                                "(SELECT 'by-ct' AS key, 'first@x.test' AS email UNION ALL SELECT "
                                "'by-admin', 'third@x.test') x WHERE p.email = x.email",
                             ""),
                     DB_OK);
    assert_int_equal(db_migrate(d, &err), DB_OK);
    assert_int_equal(one(d, "SELECT ct_confirmed_at * 10 + administrator_confirmed_at FROM "
                            "observation WHERE draft_key = 'by-ct'"), 70);
    assert_int_equal(one(d, "SELECT ct_confirmed_at * 10 + administrator_confirmed_at FROM "
                            "observation WHERE draft_key = 'by-admin'"), 7);
    assert_int_equal(one(d, "SELECT COUNT(*) FROM inquiry WHERE teacher_confirmation = "
                            "'not_needed'"), 2);
    assert_int_equal(one(d, "SELECT COUNT(*) FROM inquiry WHERE reference = 'INQ-1' AND status = "
                            "'closed' AND close_reason = 'The case was withdrawn.'"), 1);
    assert_int_equal(one(d, "SELECT COUNT(*) FROM teacher_case k JOIN person h ON h.id = "
                            "k.handler_id WHERE h.email = 'first@x.test'"), 1);
    assert_int_equal(one(d, "SELECT district_year FROM person WHERE email = 'third@x.test'"), 3);
    assert_int_equal(one(d, "SELECT district_year FROM person WHERE email = 'first@x.test'"), 1);
    assert_int_equal(one(d, "SELECT district_year FROM inquiry WHERE reference = 'INQ-1'"), 3);
    assert_int_equal(one(d, "SELECT district_year FROM inquiry WHERE reference = 'INQ-2'"), 0);
    db_close(d);
}

/* The names a full-text query looks at after each statement below. */
static int64_t found(db *d, const char *const *terms, int n)
{
    arena *a = arena_new(1024);
    int64_t hits = -1;
    const char *sql = arena_printf(a, "SELECT COUNT(*) FROM search_text WHERE %s", db_fulltext_match(d));
    assert_int_equal(db_int_query(d, &hits, sql, "s", db_fulltext_query(d, a, terms, n)), DB_OK);
    arena_free(a);
    return hits;
}

/* Issue 18 (sql/022): a person's row is found by the start of a word of
 * their name, email or school; the index follows a rename and a school's;
 * each term is quoted into the engine's grammar, so quotes and operators
 * in it are words, never syntax, and never an error. */
static void test_fulltext_follows_the_rows_and_quotes_terms(void **state)
{
    struct fixture *f = *state;
    int64_t program = add_program(f->d, "District"), school = 0;
    assert_int_equal(db_int_query(f->d, &school,
                                  "INSERT INTO school (program_id, name, code, created_at, updated_at) "
                                  "VALUES (?, 'Lincoln Elementary', 'LE', 1, 1) RETURNING id",
                                  "i", program),
                     DB_OK);
    assert_int_equal(db_exec(f->d,
                             "INSERT INTO person (program_id, name, email, school_id, created_at, "
                             "updated_at) VALUES (?, 'Maria Rodriguez', 'maria.r@district.org', ?, 1, 1)",
                             "ii", program, school),
                     DB_OK);
    const char *rodr[] = {"rodr"}, *both[] = {"mar", "rod"}, *wrong[] = {"mar", "smith"};
    const char *mail[] = {"district"}, *school_word[] = {"linc"}, *middle[] = {"odr"};
    assert_int_equal(found(f->d, rodr, 1), 1);
    assert_int_equal(found(f->d, both, 2), 1);
    assert_int_equal(found(f->d, wrong, 2), 0);   /* every term must match */
    assert_int_equal(found(f->d, mail, 1), 1);
    assert_int_equal(found(f->d, school_word, 1), 1);
    assert_int_equal(found(f->d, middle, 1), 0);   /* the start of a word, not its middle */
    assert_int_equal(db_exec(f->d, "UPDATE person SET name = 'Maria Lopez'", ""), DB_OK);
    assert_int_equal(found(f->d, rodr, 1), 0);
    assert_int_equal(db_exec(f->d, "UPDATE school SET name = 'Adams Elementary'", ""), DB_OK);
    const char *adams[] = {"adams"};
    assert_int_equal(found(f->d, school_word, 1), 0);
    assert_int_equal(found(f->d, adams, 1), 1);
    /* None of these words starts a word of the row ("org" would: "or" is not here). */
    const char *hostile[] = {"\"", "'", "zz\"*", "NOT", "NEAR(", "q'z\\", "-x:*", "&|!", "(", "*"};
    for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++)
        assert_int_equal(found(f->d, &hostile[i], 1), 0);
    assert_int_equal(found(f->d, hostile, (int)(sizeof hostile / sizeof *hostile)), 0);
    const char *quoted[] = {"\"adams\""};   /* the quotes are not the grammar's */
    assert_int_equal(found(f->d, quoted, 1), 1);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

/* PARLEY_TEST_PG's server and credentials with the test database's name:
 * whatever database the URL named is left alone. */
static bool pg_test_database(const char *server)
{
    const char *host = strstr(server, "://");
    if (!host)
        return false;
    size_t len = strcspn(host + 3, "/?") + (size_t)(host + 3 - server);
    char *err = NULL;
    snprintf(pg_url, sizeof pg_url, "%.*s/postgres", (int)len, server);
    db *admin = db_open(pg_url, &err);
    if (!admin) {
        fprintf(stderr, "test_store: %s\n", err);
        free(err);
        return false;
    }
    bool ok = db_exec_script(admin, "DROP DATABASE IF EXISTS parley_test_store WITH (FORCE)") == DB_OK &&
              db_exec_script(admin, "CREATE DATABASE parley_test_store") == DB_OK;
    db_close(admin);
    snprintf(pg_url, sizeof pg_url, "%.*s/parley_test_store", (int)len, server);
    return ok;
}

/* The cases that hold on every engine. */
#define ENGINE_TESTS                                                                               \
    T(test_migrate_creates_schema), T(test_remigrate_is_noop), T(test_concurrent_migrate),         \
        T(test_fresh_database_is_version_zero), T(test_bind_all_types), T(test_blob_roundtrip), T(test_files_become_bytes),                            \
        T(test_programming_errors), T(test_constraints), T(test_rollback_leaves_nothing),          \
        T(test_statement_cache), T(test_statements_open_together), T(test_int_query),              \
        T(test_check_ok), T(test_newer_schema_is_refused), T(test_pool_concurrent_writers),        \
        T(test_audit_chain_from_threads), T(test_migration_015_moves_old_data_on),   \
        T(test_fulltext_follows_the_rows_and_quotes_terms)

int main(void)
{
    const struct CMUnitTest on_sqlite[] = {
        ENGINE_TESTS,
        T(test_check_finds_orphans),
        T(test_backup),
        cmocka_unit_test(test_unreachable_databases),
        cmocka_unit_test(test_dialect_spells_each_engine),
    };
    const struct CMUnitTest on_pg[] = {
        ENGINE_TESTS,
        T(test_pg_reconnects),
        T(test_pg_lost_transaction),
        T(test_pg_rewrites),
        T(test_pg_busy),
        T(test_pg_check_and_backup),
        T(test_pg_schema_matches_sqlite),
    };
    int failed = cmocka_run_group_tests_name("sqlite", on_sqlite, NULL, NULL);
    const char *server = getenv("PARLEY_TEST_PG");
    if (!server || !*server) {
        printf("test_store: PostgreSQL cases skipped (set PARLEY_TEST_PG=postgres://USER@HOST:PORT)\n");
        return failed;
    }
    if (!pg_test_database(server)) {
        fprintf(stderr, "test_store: cannot make the test database on %s\n", server);
        return failed + 1;
    }
    return failed + cmocka_run_group_tests_name("postgresql", on_pg, NULL, NULL);
}

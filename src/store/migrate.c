/* migrate.c: the schema's version history. sql/NNN_name.sql files are
 * compiled in (embedded_migrations); schema_version records which ones a
 * database has. Each file is the one source of its migration on every
 * engine, spelled for the engine by dialect.c. Written against store.h and
 * the engine's hooks only, so it serves every engine. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/embedded.h"
#include "base/log.h"
#include "store/dialect.h"
#include "store/engine.h"
#include "store/store.h"

/* Portable on purpose: it exists before any migration is spelled for an
 * engine. BIGINT: PostgreSQL's INTEGER is 32 bits (SQLite's is 64). */
static const char create_version_table[] = "CREATE TABLE IF NOT EXISTS schema_version ("
                                           "version INTEGER PRIMARY KEY, "
                                           "name TEXT NOT NULL, "
                                           "applied_at BIGINT NOT NULL)";

/* The leading number of "001_foundation.sql"; -1 if the name has none. */
static int migration_version(const char *name)
{
    int v = 0;
    const char *p = name;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (v > 99999)
            return -1;
        v = v * 10 + (*p - '0');
    }
    return p == name || *p != '_' ? -1 : v;
}

int db_latest_version(void)
{
    int latest = 0;
    for (const struct embedded_file *m = embedded_migrations; m->name; m++) {
        int v = migration_version(m->name);
        if (v > latest)
            latest = v;
    }
    return latest;
}

int db_schema_version(db *d)
{
    if (!d->engine->has_table(d, "schema_version"))
        return 0;
    int64_t v = 0;
    if (db_int_query(d, &v, "SELECT COALESCE(MAX(version), 0) FROM schema_version", "") != DB_OK)
        return 0;
    return (int)v;
}

/* The build sorts the files of sql/ by name; a misnamed file or a repeated
 * number is a mistake in the source tree, reported before touching the data. */
static int check_embedded(char **err)
{
    int prev = 0;
    for (const struct embedded_file *m = embedded_migrations; m->name; m++) {
        int v = migration_version(m->name);
        if (v <= prev) {
            db_set_err(err, "migration %s: expected a number above %d and '_' at the start", m->name,
                       prev);
            return DB_ERROR;
        }
        prev = v;
    }
    return DB_OK;
}

/* Applies one migration in its own transaction. The version is read again
 * under the write lock, so two processes starting together apply it once.
 * schema_version records the file's name: the history is the same on every
 * engine. */
static int apply(db *d, const struct embedded_file *m, int v, char **err)
{
    int rc = db_begin(d);
    if (rc != DB_OK) {
        db_set_err(err, "migration %s: cannot begin: %s", m->name, db_errmsg(d));
        return rc;
    }
    if (db_schema_version(d) >= v)
        return db_commit(d);
    log_info("applying migration %s", m->name);
    buf sql;
    buf_init(&sql, NULL);
    dialect_spell(m->data, d->engine->name, &sql);
    rc = db_exec_script(d, buf_cstr(&sql));
    buf_release(&sql);
    if (rc == DB_OK && d->engine->migration_keys_check)
        rc = d->engine->migration_keys_check(d);
    if (rc == DB_OK)
        rc = db_exec(d, "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)", "dsi", v,
                     m->name, clock_now());
    if (rc == DB_OK)
        rc = db_commit(d);
    if (rc != DB_OK) {
        db_set_err(err, "migration %s: %s", m->name, db_errmsg(d));
        db_rollback(d);
    }
    return rc;
}

static int migrate_locked(db *d, int target, char **err)
{
    if (db_exec(d, create_version_table, "") != DB_OK) {
        db_set_err(err, "schema_version: %s", db_errmsg(d));
        return DB_ERROR;
    }
    int current = db_schema_version(d), latest = db_latest_version();
    if (current > latest) {
        db_set_err(err,
                   "the database is at schema version %d but this program knows only up to %d; "
                   "run a newer parley",
                   current, latest);
        return DB_ERROR;
    }
    for (const struct embedded_file *m = embedded_migrations; m->name; m++) {
        int v = migration_version(m->name);
        if (v <= current || v > target)
            continue;
        int rc = apply(d, m, v, err);
        if (rc != DB_OK)
            return rc;
    }
    return DB_OK;
}

int db_migrate_to(db *d, int version, char **err)
{
    if (err)
        *err = NULL;
    if (check_embedded(err) != DB_OK)
        return DB_ERROR;
    const struct db_engine *e = d->engine;
    if (e->lock_migrations && e->lock_migrations(d) != DB_OK) {
        db_set_err(err, "cannot take the migration lock: %s", db_errmsg(d));
        return DB_ERROR;
    }
    if (e->migration_keys_off && e->migration_keys_off(d) != DB_OK) {
        db_set_err(err, "cannot turn foreign keys off for the migrations: %s", db_errmsg(d));
        if (e->unlock_migrations)
            e->unlock_migrations(d);
        return DB_ERROR;
    }
    int rc = migrate_locked(d, version, err);
    if (e->migration_keys_on)
        e->migration_keys_on(d);
    if (e->unlock_migrations)
        e->unlock_migrations(d);
    return rc;
}

int db_migrate(db *d, char **err)
{
    return db_migrate_to(d, db_latest_version(), err);
}

int db_check(db *d, buf *report)
{
    int rc = d->engine->check(d, report);
    int current = db_schema_version(d), latest = db_latest_version();
    const char *note = current == latest ? "" : current > latest ? ": newer than this program" : ": not migrated";
    buf_printf(report, "schema version: %d (latest %d)%s\n", current, latest, note);
    return rc == DB_OK && current == latest ? DB_OK : DB_ERROR;
}

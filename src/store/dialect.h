/* dialect.h: one migration source for every engine (issue 20). */
#ifndef PARLEY_STORE_DIALECT_H
#define PARLEY_STORE_DIALECT_H

#include "base/buf.h"

/* Appends to out the migration source as the engine named (a db_engine's
 * name) runs it. The source spells types as PostgreSQL names them; for
 * "sqlite", BIGINT reads INTEGER (SQLite's INTEGER is 64 bits), BYTEA
 * reads BLOB and an identity primary key reads INTEGER PRIMARY KEY (the
 * rowid). A line "-- @sqlite" or "-- @postgresql" starts lines for that
 * engine only; "-- @both" ends them. */
void dialect_spell(const char *source, const char *engine, buf *out);

#endif

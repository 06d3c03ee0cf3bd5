/* copy.h: `parley copy`, moving a whole deployment from one database to
 * another (an SQLite file to PostgreSQL, and back) through store.h. */
#ifndef PARLEY_COPY_H
#define PARLEY_COPY_H
#include <stdbool.h>

#include "base/buf.h"

/* Copies every table of from (a file path or postgres:// URL) into to, which
 * is migrated to the same schema version and must hold no data yet, in one
 * transaction on to; verifies row counts, each table's content digest and
 * the audit chain before committing. report gets a line per table; on
 * failure err says why and to is left without any copied row. */
bool deployment_copy(const char *from, const char *to, buf *report, buf *err);

#endif

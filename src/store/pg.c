/* pg.c: the PostgreSQL engine (libpq). The store's portable SQL arrives
 * with '?' placeholders; each text is rewritten once to PostgreSQL's $n
 * form, prepared once per connection and executed with text parameters.
 * A query's rows are all fetched when it runs; db_step walks them. */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/log.h"
#include "store/engine.h"

/* Prepared statements kept per connection; beyond it the least recently
 * used is deallocated. */
#define STMT_CACHE_SIZE 128
/* Parameter types given to PostgreSQL (pg_type OIDs), as wide as the C
 * type: 'i' (int64_t) int8, 'd' (int) int4, 'f' float8, 'b' (a file's
 * bytes, sent in binary) bytea. 's' is left for PostgreSQL to infer from
 * its use, so that a nullable id passed as text still compares with a
 * bigint. A function taking integer wants 'd'. */
#define OID_BYTEA 17
#define OID_INT8 20
#define OID_INT4 23
#define OID_FLOAT8 701
/* Any fixed number: it names the lock that one migrating node holds. */
#define MIGRATION_LOCK_KEY "7150615362"
/* As SQLite's busy timeout: a row lock waited on for longer is DB_BUSY
 * (55P03), not a request that hangs. */
#define SET_LOCK_TIMEOUT "SET lock_timeout = '5s'"

/* bytea columns come back as hex text ("\x0a1b..."), which pg_blob_copy
 * reads. */
static const char pg_settings[] = "SET client_min_messages = warning;"
                                  "SET standard_conforming_strings = on;"
                                  "SET bytea_output = 'hex';" SET_LOCK_TIMEOUT;

struct pg_prepared {
    char *sql;             /* NULL: free cache slot */
    char *types;
    uint32_t hash;
    uint64_t last_used;
    int nparams;
    char name[24];
};

struct pg_stmt {
    db_stmt base;          /* first: store.c sees only this */
    PGresult *res;         /* NULL for a ROLLBACK answered without the server */
    int status;            /* reported by the first step if not DB_OK */
    int row;               /* the current row; -1 before the first step */
};

struct pg_db {
    db base;
    PGconn *conn;
    bool broken;           /* a call failed for the connection's sake */
    bool lost_txn;         /* ...while a transaction was open */
    int64_t changes;
    uint64_t tick, names;
    struct pg_prepared cache[STMT_CACHE_SIZE];
};

static const struct db_engine pg_engine;

static struct pg_db *pg(db *d)
{
    return (struct pg_db *)d;
}

static struct pg_stmt *pg_st(db_stmt *st)
{
    return (struct pg_stmt *)st;
}

/* ---- errors and the connection's health ---- */

static int map_sqlstate(const char *state)
{
    if (!state)
        return DB_ERROR;
    if (strncmp(state, "23", 2) == 0)
        return DB_CONSTRAINT;
    if (!strcmp(state, "40001") || !strcmp(state, "40P01") || !strcmp(state, "55P03"))
        return DB_BUSY;
    return DB_ERROR;
}

static bool in_txn_status(PGconn *conn)
{
    PGTransactionStatusType t = PQtransactionStatus(conn);
    return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

/* Called after every round trip that failed. A dead connection is marked
 * so that the next query reconnects; if it died inside a transaction, that
 * transaction is remembered as lost until the caller rolls it back. */
static void note_broken(struct pg_db *p, bool was_in_txn)
{
    if (PQstatus(p->conn) == CONNECTION_OK)
        return;
    p->broken = true;
    p->lost_txn = p->lost_txn || was_in_txn;
}

/* Records the server's message; returns the status. Constraint failures
 * are the caller's to turn into a user message, so they are not logged. */
static int pg_fail(struct pg_db *p, const PGresult *res, const char *sql, bool was_in_txn)
{
    note_broken(p, was_in_txn);
    const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    if (!msg)
        msg = PQerrorMessage(p->conn);
    db_set_errmsg(&p->base, "%s", msg && *msg ? msg : "unknown PostgreSQL error");
    size_t n = strlen(p->base.errmsg);
    while (n && p->base.errmsg[n - 1] == '\n')
        p->base.errmsg[--n] = '\0';
    int status = map_sqlstate(res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL);
    if (status != DB_CONSTRAINT)
        log_error("postgresql: %s (in: %s)", p->base.errmsg, sql ? sql : "?");
    return status;
}

static bool result_ok(const PGresult *res)
{
    ExecStatusType s = PQresultStatus(res);
    return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_EMPTY_QUERY;
}

static void cache_clear(struct pg_db *p)
{
    for (int i = 0; i < STMT_CACHE_SIZE; i++) {
        free(p->cache[i].sql);
        free(p->cache[i].types);
        memset(&p->cache[i], 0, sizeof p->cache[i]);
    }
}

static int apply_settings(struct pg_db *p)
{
    PGresult *res = PQexec(p->conn, pg_settings);
    int rc = result_ok(res) ? DB_OK : pg_fail(p, res, pg_settings, false);
    PQclear(res);
    return rc;
}

/* "A lost connection is re-established": PQreset reconnects with the same
 * parameters; the server forgot our prepared statements, so we do too. */
static int reconnect(struct pg_db *p)
{
    log_info("postgresql: connection lost; reconnecting");
    cache_clear(p);
    PQreset(p->conn);
    if (PQstatus(p->conn) != CONNECTION_OK) {
        db_set_errmsg(&p->base, "reconnecting: %s", PQerrorMessage(p->conn));
        log_error("postgresql: %s", p->base.errmsg);
        return DB_ERROR;
    }
    p->broken = false;
    return apply_settings(p);
}

/* ---- rewriting and preparing ---- */

static bool word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* The bare word LIKE at s (not part of a longer name). */
static bool is_like(const char *sql, const char *s)
{
    return strncasecmp(s, "like", 4) == 0 && !word_char(s[4]) && (s == sql || !word_char(s[-1]));
}

/* '?' becomes $1, $2...; outside quotes only. LIKE becomes ILIKE: SQLite's
 * LIKE ignores ASCII case and the portable SQL is written for that. */
static char *rewrite(const char *sql, int *nparams)
{
    buf b;
    buf_init(&b, NULL);
    char quote = 0;
    int n = 0;
    for (const char *s = sql; *s; s++) {
        if (quote) {
            if (*s == quote)
                quote = 0;   /* a doubled quote reopens at once: same result */
            buf_putc(&b, *s);
        } else if (*s == '\'' || *s == '"') {
            quote = *s;
            buf_putc(&b, *s);
        } else if (*s == '?') {
            buf_printf(&b, "$%d", ++n);
        } else if (is_like(sql, s)) {
            buf_puts(&b, "ILIKE");
            s += 3;
        } else {
            buf_putc(&b, *s);
        }
    }
    *nparams = n;
    char *out = strdup(buf_cstr(&b));
    buf_release(&b);
    if (!out)
        die("out of memory (statement)");
    return out;
}

/* FNV-1a over the SQL text and the type letters: the same text bound with
 * other types is prepared with other parameter types. */
static uint32_t stmt_hash(const char *sql, const char *types)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *s = (const unsigned char *)sql; *s; s++)
        h = (h ^ *s) * 16777619u;
    for (const unsigned char *s = (const unsigned char *)types; *s; s++)
        h = (h ^ *s) * 16777619u;
    return h;
}

static struct pg_prepared *cache_find(struct pg_db *p, const char *sql, const char *types,
                                      uint32_t hash)
{
    for (int i = 0; i < STMT_CACHE_SIZE; i++) {
        struct pg_prepared *e = &p->cache[i];
        if (e->sql && e->hash == hash && !strcmp(e->sql, sql) && !strcmp(e->types, types))
            return e;
    }
    return NULL;
}

/* A free slot, else the least recently used one, deallocated. A failure to
 * deallocate (in an aborted transaction) only leaves an unused name. */
static struct pg_prepared *cache_slot(struct pg_db *p)
{
    struct pg_prepared *victim = &p->cache[0];
    for (int i = 0; i < STMT_CACHE_SIZE; i++) {
        if (!p->cache[i].sql)
            return &p->cache[i];
        if (p->cache[i].last_used < victim->last_used)
            victim = &p->cache[i];
    }
    char sql[64];
    snprintf(sql, sizeof sql, "DEALLOCATE %s", victim->name);
    PQclear(PQexec(p->conn, sql));
    free(victim->sql);
    free(victim->types);
    memset(victim, 0, sizeof *victim);
    return victim;
}

static Oid param_type(char letter)
{
    switch (letter) {
    case 'i':
        return OID_INT8;
    case 'd':
        return OID_INT4;
    case 'f':
        return OID_FLOAT8;
    case 'b':
        return OID_BYTEA;
    default:
        return 0;
    }
}

static int prepare(struct pg_db *p, struct pg_prepared *e, const char *sql, const char *types)
{
    int n = 0;
    char *text = rewrite(sql, &n);
    int ntypes = (int)strlen(types);
    if (n != ntypes) {
        free(text);
        db_set_errmsg(&p->base, "%d type letters for %d parameters", ntypes, n);
        log_error("postgresql: %s (in: %s)", p->base.errmsg, sql);
        return DB_ERROR;
    }
    Oid *oids = calloc((size_t)n + 1, sizeof *oids);
    if (!oids)
        die("out of memory (statement)");
    for (int i = 0; i < n; i++)
        oids[i] = param_type(types[i]);
    snprintf(e->name, sizeof e->name, "parley_%llu", (unsigned long long)++p->names);
    bool was_in_txn = in_txn_status(p->conn);
    PGresult *res = PQprepare(p->conn, e->name, text, n, oids);
    free(oids);
    free(text);
    int rc = result_ok(res) ? DB_OK : pg_fail(p, res, sql, was_in_txn);
    PQclear(res);
    if (rc != DB_OK)
        return rc;
    e->sql = strdup(sql);
    e->types = strdup(types);
    if (!e->sql || !e->types)
        die("out of memory (statement)");
    e->nparams = n;
    return DB_OK;
}

static struct pg_prepared *stmt_get(struct pg_db *p, const char *sql, const char *types)
{
    uint32_t hash = stmt_hash(sql, types);
    struct pg_prepared *e = cache_find(p, sql, types, hash);
    if (!e) {
        e = cache_slot(p);
        if (prepare(p, e, sql, types) != DB_OK)
            return NULL;
        e->hash = hash;
    }
    e->last_used = ++p->tick;
    return e;
}

/* ---- running statements ---- */

/* Parameters as text: what PostgreSQL parses for the inferred or given
 * type. Numbers are formatted into slots of nums; NULL strings stay NULL.
 * A file's bytes go as they are (binary format, with their length). */
struct pg_params {
    const char **values;
    char (*nums)[32];
    int *lengths, *formats;
};

static bool format_params(const char *types, va_list *ap, struct pg_params *p)
{
    const char **values = p->values;
    char(*nums)[32] = p->nums;
    for (int i = 0; types[i]; i++) {
        values[i] = nums[i];
        switch (types[i]) {
        case 'b': {
            const struct db_blob *b = va_arg(*ap, const struct db_blob *);
            values[i] = b ? (b->len ? b->data : "") : NULL;
            p->lengths[i] = b ? (int)b->len : 0;
            p->formats[i] = 1;
            break;
        }
        case 's':
            values[i] = va_arg(*ap, const char *);
            break;
        case 'i':
            snprintf(nums[i], 32, "%lld", (long long)va_arg(*ap, int64_t));
            break;
        case 'd':
            snprintf(nums[i], 32, "%d", va_arg(*ap, int));
            break;
        case 'f':
            snprintf(nums[i], 32, "%.17g", va_arg(*ap, double));
            break;
        default:
            return false;
        }
    }
    return true;
}

/* Only what a write reports counts as changes, as with SQLite's
 * sqlite3_changes(): a SELECT in between does not reset it. */
static void note_changes(struct pg_db *p, PGresult *res)
{
    const char *tag = PQcmdStatus(res);
    if (!strncmp(tag, "INSERT", 6) || !strncmp(tag, "UPDATE", 6) || !strncmp(tag, "DELETE", 6))
        p->changes = strtoll(PQcmdTuples(res), NULL, 10);
}

static struct pg_stmt *stmt_new(struct pg_db *p, PGresult *res, int status)
{
    struct pg_stmt *st = calloc(1, sizeof *st);
    if (!st)
        die("out of memory (statement)");
    st->base.d = &p->base;
    st->res = res;
    st->status = status;
    st->row = -1;
    return st;
}

static struct pg_stmt *execute(struct pg_db *p, struct pg_prepared *e, const char *sql,
                               const struct pg_params *params)
{
    bool was_in_txn = in_txn_status(p->conn);
    PGresult *res = PQexecPrepared(p->conn, e->name, e->nparams, params->values,
                                   params->lengths, params->formats, 0);
    int status = DB_OK;
    if (result_ok(res))
        note_changes(p, res);
    else
        status = pg_fail(p, res, sql, was_in_txn);
    return stmt_new(p, res, status);
}

/* The connection died inside a transaction: like PostgreSQL's own aborted
 * transaction, nothing runs until the caller's ROLLBACK, which is then
 * answered here; a statement run on a fresh connection in autocommit could
 * otherwise commit half of the request. */
static db_stmt *after_lost_txn(struct pg_db *p, const char *sql)
{
    if (strcasecmp(sql, "ROLLBACK") == 0) {
        p->lost_txn = false;
        return &stmt_new(p, NULL, DB_OK)->base;
    }
    db_set_errmsg(&p->base, "the connection was lost inside a transaction; roll it back");
    return NULL;
}

static db_stmt *pg_query(db *d, const char *sql, const char *types, va_list ap)
{
    struct pg_db *p = pg(d);
    if (p->lost_txn)
        return after_lost_txn(p, sql);
    if (p->broken && reconnect(p) != DB_OK)
        return NULL;
    types = types ? types : "";
    struct pg_prepared *e = stmt_get(p, sql, types);
    if (!e)
        return NULL;
    size_t n = (size_t)e->nparams + 1;
    struct pg_params params = {calloc(n, sizeof *params.values), calloc(n, sizeof *params.nums),
                               calloc(n, sizeof *params.lengths),
                               calloc(n, sizeof *params.formats)};
    if (!params.values || !params.nums || !params.lengths || !params.formats)
        die("out of memory (parameters)");
    va_list copy;
    va_copy(copy, ap);
    bool ok = format_params(types, &copy, &params);
    va_end(copy);
    struct pg_stmt *st = ok ? execute(p, e, sql, &params) : NULL;
    free(params.values);
    free(params.nums);
    free(params.lengths);
    free(params.formats);
    if (!ok) {
        db_set_errmsg(d, "unknown type letter in '%s'", types);
        log_error("postgresql: %s (in: %s)", d->errmsg, sql);
        return NULL;
    }
    return &st->base;
}

/* An error from running the statement is reported here, where SQLite
 * reports it, so callers see one behaviour from both engines. */
static int pg_step(db_stmt *st)
{
    struct pg_stmt *s = pg_st(st);
    if (s->status != DB_OK)
        return s->status;
    int nrows = s->res ? PQntuples(s->res) : 0;
    if (s->row < nrows)
        s->row++;
    return s->row < nrows ? DB_ROW : DB_DONE;
}

static const char *pg_text(db_stmt *st, int col)
{
    struct pg_stmt *s = pg_st(st);
    return PQgetvalue(s->res, s->row, col);
}

/* Integers, and PostgreSQL's booleans ('t', 'f') as SQLite's 1 and 0. */
static int64_t pg_integer(db_stmt *st, int col)
{
    const char *v = pg_text(st, col);
    if (v[0] == 't' && !v[1])
        return 1;
    return strtoll(v, NULL, 10);
}

/* PostgreSQL writes lower-case hex digits only. */
static unsigned hex_digit(char c)
{
    return c >= '0' && c <= '9' ? (unsigned)(c - '0') : (unsigned)(c - 'a' + 10) & 15u;
}

/* bytea in hex output ("\x" then two digits a byte), decoded straight
 * into a: no copy of the hex text is made. */
static const char *pg_blob_copy(db_stmt *st, int col, arena *a, size_t *len)
{
    const char *v = pg_text(st, col);
    size_t n = strlen(v);
    if (n < 2 || v[0] != '\\' || v[1] != 'x') {
        *len = 0;
        return arena_strdup(a, "");
    }
    *len = (n - 2) / 2;
    char *out = arena_alloc(a, *len + 1);
    for (size_t i = 0; i < *len; i++)
        out[i] = (char)(hex_digit(v[2 + 2 * i]) << 4 | hex_digit(v[3 + 2 * i]));
    return out;
}

static bool pg_is_blob(db_stmt *st, int col)
{
    struct pg_stmt *s = pg_st(st);
    return s->res && PQftype(s->res, col) == OID_BYTEA;
}

static double pg_real(db_stmt *st, int col)
{
    return strtod(pg_text(st, col), NULL);
}

static bool pg_is_null(db_stmt *st, int col)
{
    struct pg_stmt *s = pg_st(st);
    return PQgetisnull(s->res, s->row, col) != 0;
}

static int pg_columns(db_stmt *st)
{
    struct pg_stmt *s = pg_st(st);
    return s->res ? PQnfields(s->res) : 0;
}

static const char *pg_column_name(db_stmt *st, int col)
{
    const char *name = pg_st(st)->res ? PQfname(pg_st(st)->res, col) : NULL;
    return name ? name : "";
}

static void pg_done(db_stmt *st)
{
    PQclear(pg_st(st)->res);
    free(st);
}

static int pg_exec_script(db *d, const char *sql)
{
    struct pg_db *p = pg(d);
    if (p->lost_txn) {
        db_set_errmsg(d, "the connection was lost inside a transaction; roll it back");
        return DB_ERROR;
    }
    if (p->broken && reconnect(p) != DB_OK)
        return DB_ERROR;
    bool was_in_txn = in_txn_status(p->conn);
    PGresult *res = PQexec(p->conn, sql);
    int rc = result_ok(res) ? DB_OK : pg_fail(p, res, "script", was_in_txn);
    PQclear(res);
    return rc;
}

static bool pg_in_transaction(db *d)
{
    struct pg_db *p = pg(d);
    return p->lost_txn || (!p->broken && in_txn_status(p->conn));
}

static int64_t pg_changes(db *d)
{
    return pg(d)->changes;
}

static bool pg_has_table(db *d, const char *name)
{
    int64_t n = 0;
    int rc = db_int_query(d, &n, "SELECT to_regclass(?) IS NOT NULL", "s", name);
    return rc == DB_OK && n;
}

/* Migrations take a session-level advisory lock, so nodes starting
 * together apply each migration once; it waits however long another
 * node's migration takes (lock_timeout off for this one wait). */
static int pg_lock_migrations(db *d)
{
    return pg_exec_script(d, "SET lock_timeout = 0;"
                             "SELECT pg_advisory_lock(" MIGRATION_LOCK_KEY ");" SET_LOCK_TIMEOUT);
}

static void pg_unlock_migrations(db *d)
{
    pg_exec_script(d, "SELECT pg_advisory_unlock(" MIGRATION_LOCK_KEY ")");
}

static void pg_close(db *d)
{
    struct pg_db *p = pg(d);
    cache_clear(p);
    PQfinish(p->conn);
    free(p);
}

/* ---- check and backup ---- */

/* PostgreSQL keeps its own pages sound (amcheck is a separate extension);
 * what can be wrong at our level is a constraint not validated, e.g. a
 * foreign key added NOT VALID or left so by a bulk load. */
static int pg_check(db *d, buf *report)
{
    buf_puts(report, "integrity: ok (PostgreSQL)\n");
    int64_t invalid = -1;
    int rc = db_int_query(d, &invalid,
                          "SELECT count(*) FROM pg_constraint c JOIN pg_namespace n "
                          "ON n.oid = c.connamespace WHERE n.nspname = current_schema() "
                          "AND NOT c.convalidated",
                          "");
    if (rc != DB_OK)
        return DB_ERROR;
    if (invalid)
        buf_printf(report, "foreign keys: %lld constraints not validated\n", (long long)invalid);
    else
        buf_puts(report, "foreign keys: ok\n");
    return invalid ? DB_ERROR : DB_OK;
}

static int pg_backup(db *d, const char *dest_path, char **err)
{
    (void)d;
    (void)dest_path;
    db_set_err(err, "backup: this is a PostgreSQL database; back it up with pg_dump "
                    "(see docs/deploy.md)");
    return DB_ERROR;
}

/* ---- opening ---- */

/* Server notices (below warning, see pg_settings) go to the log, not to
 * stderr in the middle of a command's output. */
static void pg_notice(void *arg, const char *message)
{
    (void)arg;
    log_info("postgresql: %.*s", (int)strcspn(message, "\n"), message);
}

db *pg_engine_open(const char *url, char **err)
{
    struct pg_db *p = calloc(1, sizeof *p);
    if (!p)
        die("out of memory (connection)");
    p->base.engine = &pg_engine;
    p->conn = PQconnectdb(url);
    if (PQstatus(p->conn) != CONNECTION_OK) {
        const char *msg = PQerrorMessage(p->conn);
        db_set_err(err, "%s: %.*s", url, (int)strcspn(msg, "\n"), msg);
        pg_close(&p->base);
        return NULL;
    }
    PQsetNoticeProcessor(p->conn, pg_notice, NULL);
    if (apply_settings(p) != DB_OK) {
        db_set_err(err, "%s: %s", url, p->base.errmsg);
        pg_close(&p->base);
        return NULL;
    }
    return &p->base;
}

/* tsquery: a lexeme in single quotes (a quote or a backslash in it
 * doubled) is a word, never an operator; ':*' matches every word it
 * starts; '&' requires both sides. */
static void pg_fulltext_term(buf *query, const char *term)
{
    buf_puts(query, query->len ? " & '" : "'");
    for (const char *p = term; *p; p++) {
        if (*p == '\'' || *p == '\\')
            buf_putc(query, *p);
        buf_putc(query, *p);
    }
    buf_puts(query, "':*");
}

static const struct db_engine pg_engine = {
    .name = "postgresql",
    .fulltext_match = "search_text.words @@ to_tsquery('simple', ?)",
    .id_set = "(SELECT unnest(string_to_array(?, ',')::bigint[]))",
    .fulltext_term = pg_fulltext_term,
    /* READ COMMITTED: writers that need a row to stay as read lock it
     * (UPDATE ... RETURNING, version columns), as audit.c does. */
    .begin_sql = "BEGIN",
    .close = pg_close,
    .query = pg_query,
    .step = pg_step,
    .text = pg_text,
    .integer = pg_integer,
    .blob_copy = pg_blob_copy,
    .is_blob = pg_is_blob,
    .real = pg_real,
    .is_null = pg_is_null,
    .columns = pg_columns,
    .column_name = pg_column_name,
    .done = pg_done,
    .exec_script = pg_exec_script,
    .in_transaction = pg_in_transaction,
    .changes = pg_changes,
    .has_table = pg_has_table,
    .check = pg_check,
    .backup = pg_backup,
    .lock_migrations = pg_lock_migrations,
    .unlock_migrations = pg_unlock_migrations,
};

/* sqlite.c: the SQLite engine. One connection per struct; the store's
 * contract is one thread per connection at a time, so connections are
 * opened NOMUTEX and carry a small cache of prepared statements. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/log.h"
#include "store/engine.h"

/* Enough for every statement a request path uses; beyond it the least
 * recently used idle statement is finalized. */
#define STMT_CACHE_SIZE 64
#define BUSY_TIMEOUT_MS 5000

struct sq_stmt {
    db_stmt base;          /* first: store.c sees only this */
    sqlite3_stmt *h;       /* NULL: free cache slot */
    uint32_t hash;         /* of the SQL text */
    uint64_t last_used;
    bool busy;             /* handed out by query, not yet done */
    bool transient;        /* outside the cache: freed by done */
};

struct sq_db {
    db base;
    sqlite3 *h;
    uint64_t tick;         /* orders last_used */
    bool writing;          /* holds the process's writer turn */
    struct sq_stmt cache[STMT_CACHE_SIZE];
};

/* One writer at a time in the process (issue 19). SQLite lets one
 * connection write at a time; a second writer would wait in the busy
 * handler, which sleeps and retries (1 ms, then 2, 5, 10... up to 100), so
 * that under load a write could wait far longer than the one before it took.
 * Instead a connection takes this turn before its first write, and gives it
 * back when its transaction ends: writers in the process queue on a mutex
 * and each starts the moment the last is done. The busy handler stays for
 * other processes (parley remind, a backup). Recursive: a thread writing on
 * two connections at once gets SQLite's own answer (busy), not a deadlock.
 * One turn for every database the process opens: a process serves one. */
static pthread_mutex_t writer_turn;
static pthread_once_t writer_turn_once = PTHREAD_ONCE_INIT;

static void writer_turn_init(void)
{
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&writer_turn, &attr);
    pthread_mutexattr_destroy(&attr);
}

/* Before a statement that may write (BEGIN IMMEDIATE among them). */
static void writer_take(struct sq_db *s, sqlite3_stmt *h)
{
    if (s->writing || sqlite3_stmt_readonly(h))
        return;
    pthread_once(&writer_turn_once, writer_turn_init);
    pthread_mutex_lock(&writer_turn);
    s->writing = true;
}

/* Once the connection is out of any transaction: its writes are done. */
static void writer_give(struct sq_db *s)
{
    if (s->writing && sqlite3_get_autocommit(s->h)) {
        s->writing = false;
        pthread_mutex_unlock(&writer_turn);
    }
}

static const struct db_engine sqlite_engine;

static struct sq_db *sq(db *d)
{
    return (struct sq_db *)d;
}

static struct sq_stmt *sq_st(db_stmt *st)
{
    return (struct sq_stmt *)st;
}

static int map_status(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_OK:
        return DB_OK;
    case SQLITE_CONSTRAINT:
        return DB_CONSTRAINT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return DB_BUSY;
    default:
        return DB_ERROR;
    }
}

/* Records SQLite's message and logs what is not an expected outcome:
 * constraint failures are the caller's to turn into a user message. */
static int sq_fail(struct sq_db *s, int rc, const char *sql)
{
    int status = map_status(rc);
    db_set_errmsg(&s->base, "%s", sqlite3_errmsg(s->h));
    if (status != DB_CONSTRAINT)
        log_error("sqlite: %s (in: %s)", s->base.errmsg, sql ? sql : "?");
    return status;
}

/* FNV-1a: the cache compares hashes first and the full text only on a
 * match. The text, not the pointer, is the key: SQL built in an arena may
 * reuse an address for different text. */
static uint32_t sql_hash(const char *sql)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)sql; *p; p++)
        h = (h ^ *p) * 16777619u;
    return h;
}

static struct sq_stmt *cache_find(struct sq_db *s, const char *sql, uint32_t hash)
{
    for (int i = 0; i < STMT_CACHE_SIZE; i++) {
        struct sq_stmt *e = &s->cache[i];
        if (e->h && !e->busy && e->hash == hash && strcmp(sqlite3_sql(e->h), sql) == 0)
            return e;
    }
    return NULL;
}

/* A free slot, else the least recently used idle one (finalized). NULL
 * when every slot is in use, e.g. 64 nested queries. */
static struct sq_stmt *cache_slot(struct sq_db *s)
{
    struct sq_stmt *victim = NULL;
    for (int i = 0; i < STMT_CACHE_SIZE; i++) {
        struct sq_stmt *e = &s->cache[i];
        if (!e->h)
            return e;
        if (!e->busy && (!victim || e->last_used < victim->last_used))
            victim = e;
    }
    if (victim) {
        sqlite3_finalize(victim->h);
        victim->h = NULL;
    }
    return victim;
}

/* Only one statement per call: a second one after ';' would be silently
 * ignored by sqlite3_prepare_v2, which hides a bug. */
static bool only_blanks(const char *p)
{
    for (; *p; p++)
        if (*p != ';' && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            return false;
    return true;
}

static sqlite3_stmt *prepare(struct sq_db *s, const char *sql)
{
    sqlite3_stmt *h = NULL;
    const char *tail = NULL;
    int rc = sqlite3_prepare_v2(s->h, sql, -1, &h, &tail);
    if (rc != SQLITE_OK) {
        sq_fail(s, rc, sql);
        return NULL;
    }
    if (!h || !only_blanks(tail)) {
        sqlite3_finalize(h);
        db_set_errmsg(&s->base, "%s", h ? "more than one statement" : "empty statement");
        log_error("sqlite: %s (in: %s)", s->base.errmsg, sql);
        return NULL;
    }
    return h;
}

/* A cached statement if an idle one has this text, else a new one placed
 * in the cache or, when every slot is in use, a transient one. */
static struct sq_stmt *stmt_get(struct sq_db *s, const char *sql)
{
    uint32_t hash = sql_hash(sql);
    struct sq_stmt *e = cache_find(s, sql, hash);
    if (e)
        return e;
    sqlite3_stmt *h = prepare(s, sql);
    if (!h)
        return NULL;
    e = cache_slot(s);
    if (!e) {
        e = calloc(1, sizeof *e);
        if (!e)
            die("out of memory (statement)");
        e->transient = true;
    }
    e->base.d = &s->base;
    e->h = h;
    e->hash = hash;
    return e;
}

static int bind_one(sqlite3_stmt *h, int i, char type, va_list *ap)
{
    switch (type) {
    case 's':
        /* TRANSIENT: the caller's string may not outlive the call. */
        return sqlite3_bind_text(h, i, va_arg(*ap, const char *), -1, SQLITE_TRANSIENT);
    case 'i':
        return sqlite3_bind_int64(h, i, va_arg(*ap, int64_t));
    case 'd':
        return sqlite3_bind_int(h, i, va_arg(*ap, int));
    case 'f':
        return sqlite3_bind_double(h, i, va_arg(*ap, double));
    case 'b': {
        /* STATIC: a file is not copied again; the caller keeps it until
         * db_done, which clears the bindings. "" because SQLite binds a
         * NULL pointer as NULL, not as an empty file. */
        const struct db_blob *b = va_arg(*ap, const struct db_blob *);
        if (!b)
            return sqlite3_bind_null(h, i);
        return sqlite3_bind_blob64(h, i, b->len ? b->data : "", b->len, SQLITE_STATIC);
    }
    default:
        return -1;
    }
}

/* A mismatch between the type letters and the '?' count is a programming
 * error; catching it here beats binding garbage from va_arg. */
static int bind_all(struct sq_db *s, sqlite3_stmt *h, const char *sql, const char *types,
                    va_list *ap)
{
    int n = types ? (int)strlen(types) : 0;
    int want = sqlite3_bind_parameter_count(h);
    if (n != want) {
        db_set_errmsg(&s->base, "%d type letters for %d parameters", n, want);
        log_error("sqlite: %s (in: %s)", s->base.errmsg, sql);
        return DB_ERROR;
    }
    for (int i = 0; i < n; i++) {
        int rc = bind_one(h, i + 1, types[i], ap);
        if (rc == -1) {
            db_set_errmsg(&s->base, "unknown type letter '%c'", types[i]);
            log_error("sqlite: %s (in: %s)", s->base.errmsg, sql);
            return DB_ERROR;
        }
        if (rc != SQLITE_OK)
            return sq_fail(s, rc, sql);
    }
    return DB_OK;
}

static void sq_done(db_stmt *st)
{
    struct sq_stmt *e = sq_st(st);
    if (e->transient) {
        sqlite3_finalize(e->h);
        writer_give(sq(st->d));
        free(e);
        return;
    }
    sqlite3_reset(e->h);
    sqlite3_clear_bindings(e->h);
    e->busy = false;
    writer_give(sq(st->d));
}

static db_stmt *sq_query(db *d, const char *sql, const char *types, va_list ap)
{
    struct sq_db *s = sq(d);
    struct sq_stmt *e = stmt_get(s, sql);
    if (!e)
        return NULL;
    e->busy = true;
    e->last_used = ++s->tick;
    va_list copy;
    va_copy(copy, ap);
    int rc = bind_all(s, e->h, sql, types, &copy);
    va_end(copy);
    if (rc != DB_OK) {
        sq_done(&e->base);
        return NULL;
    }
    return &e->base;
}

static int sq_step(db_stmt *st)
{
    struct sq_stmt *e = sq_st(st);
    writer_take(sq(st->d), e->h);
    int rc = sqlite3_step(e->h);
    if (rc == SQLITE_ROW)
        return DB_ROW;
    if (rc == SQLITE_DONE)
        return DB_DONE;
    return sq_fail(sq(st->d), rc, sqlite3_sql(e->h));
}

static const char *sq_text(db_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(sq_st(st)->h, col);
    return t ? (const char *)t : "";
}

static int64_t sq_integer(db_stmt *st, int col)
{
    return sqlite3_column_int64(sq_st(st)->h, col);
}

static const char *sq_blob_copy(db_stmt *st, int col, arena *a, size_t *len)
{
    sqlite3_stmt *h = sq_st(st)->h;
    const void *data = sqlite3_column_blob(h, col);
    *len = (size_t)sqlite3_column_bytes(h, col);
    return data ? arena_strndup(a, data, *len) : arena_strdup(a, "");
}

static bool sq_is_blob(db_stmt *st, int col)
{
    return sqlite3_column_type(sq_st(st)->h, col) == SQLITE_BLOB;
}

static double sq_real(db_stmt *st, int col)
{
    return sqlite3_column_double(sq_st(st)->h, col);
}

static bool sq_is_null(db_stmt *st, int col)
{
    return sqlite3_column_type(sq_st(st)->h, col) == SQLITE_NULL;
}

static int sq_columns(db_stmt *st)
{
    return sqlite3_column_count(sq_st(st)->h);
}

static const char *sq_column_name(db_stmt *st, int col)
{
    const char *name = sqlite3_column_name(sq_st(st)->h, col);
    return name ? name : "";
}

static int sq_exec_script(db *d, const char *sql)
{
    struct sq_db *s = sq(d);
    char *msg = NULL;
    int rc = sqlite3_exec(s->h, sql, NULL, NULL, &msg);
    writer_give(s); /* a script may end the transaction (migrations) */
    if (rc == SQLITE_OK)
        return DB_OK;
    db_set_errmsg(d, "%s", msg ? msg : sqlite3_errstr(rc));
    sqlite3_free(msg);
    int status = map_status(rc);
    if (status != DB_CONSTRAINT)
        log_error("sqlite: %s (in script)", d->errmsg);
    return status;
}

static bool sq_in_transaction(db *d)
{
    return !sqlite3_get_autocommit(sq(d)->h);
}

static int64_t sq_changes(db *d)
{
    return sqlite3_changes64(sq(d)->h);
}

static bool sq_has_table(db *d, const char *name)
{
    int64_t n = 0;
    int rc = db_int_query(d, &n, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?",
                          "s", name);
    return rc == DB_OK && n > 0;
}

static void sq_close(db *d)
{
    struct sq_db *s = sq(d);
    for (int i = 0; i < STMT_CACHE_SIZE; i++) {
        if (s->cache[i].busy)
            log_error("sqlite: closing with a statement not done: %s", sqlite3_sql(s->cache[i].h));
        sqlite3_finalize(s->cache[i].h);
    }
    /* close_v2 so that a leaked transient statement does not keep the
     * connection open forever; it is freed when that is finalized. */
    if (sqlite3_close_v2(s->h) != SQLITE_OK)
        log_error("sqlite: close: %s", sqlite3_errmsg(s->h));
    if (s->writing) /* closed inside a transaction, which closing rolled back */
        pthread_mutex_unlock(&writer_turn);
    free(s);
}

/* ---- check and backup ---- */

static int check_integrity(db *d, buf *report)
{
    db_stmt *st = db_query(d, "PRAGMA integrity_check", "");
    if (!st)
        return DB_ERROR;
    int rc, problems = 0;
    while ((rc = db_step(st)) == DB_ROW) {
        const char *line = db_text(st, 0);
        if (strcmp(line, "ok") != 0)
            problems++;
        buf_printf(report, "integrity: %s\n", line);
    }
    db_done(st);
    return rc == DB_DONE && problems == 0 ? DB_OK : DB_ERROR;
}

static int check_foreign_keys(db *d, buf *report)
{
    db_stmt *st = db_query(d, "PRAGMA foreign_key_check", "");
    if (!st)
        return DB_ERROR;
    int rc, problems = 0;
    while ((rc = db_step(st)) == DB_ROW) {
        problems++;
        buf_printf(report, "foreign keys: %s row %lld refers to a missing %s\n", db_text(st, 0),
                   (long long)db_int(st, 1), db_text(st, 2));
    }
    db_done(st);
    if (rc == DB_DONE && problems == 0)
        buf_puts(report, "foreign keys: ok\n");
    return rc == DB_DONE && problems == 0 ? DB_OK : DB_ERROR;
}

/* Migrations run with foreign keys off (engine.h: a table is rebuilt to
 * change a column's constraint, as 012 does) and are checked before each
 * commits. */
static int sq_migration_keys_off(db *d)
{
    return sq_exec_script(d, "PRAGMA foreign_keys = OFF");
}

static void sq_migration_keys_on(db *d)
{
    sq_exec_script(d, "PRAGMA foreign_keys = ON");
}

static int sq_migration_keys_check(db *d)
{
    buf report;
    buf_init(&report, NULL);
    int rc = check_foreign_keys(d, &report);
    if (rc != DB_OK)
        db_set_errmsg(d, "%s", buf_cstr(&report));
    buf_release(&report);
    return rc;
}

static int sq_check(db *d, buf *report)
{
    int a = check_integrity(d, report);
    int b = check_foreign_keys(d, report);
    return a == DB_OK && b == DB_OK ? DB_OK : DB_ERROR;
}

static int copy_pages(sqlite3 *src, sqlite3 *dst, char **err)
{
    sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
    if (!b) {
        db_set_err(err, "backup: %s", sqlite3_errmsg(dst));
        return DB_ERROR;
    }
    int step = sqlite3_backup_step(b, -1);
    int rc = sqlite3_backup_finish(b);
    if (step != SQLITE_DONE || rc != SQLITE_OK) {
        db_set_err(err, "backup: %s", sqlite3_errstr(step != SQLITE_DONE ? step : rc));
        return map_status(step != SQLITE_DONE ? step : rc);
    }
    return DB_OK;
}

/* The destination is created with O_EXCL so an existing file (perhaps an
 * earlier backup) is never overwritten, and 0600 because it holds
 * confidential records. */
static int sq_backup(db *d, const char *dest_path, char **err)
{
    int fd = open(dest_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        db_set_err(err, "backup: %s: %s", dest_path,
                   errno == EEXIST ? "already exists" : strerror(errno));
        return DB_ERROR;
    }
    close(fd);
    sqlite3 *dst = NULL;
    int rc = sqlite3_open_v2(dest_path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        db_set_err(err, "backup: %s: %s", dest_path, dst ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
        rc = DB_ERROR;
    } else {
        rc = copy_pages(sq(d)->h, dst, err);
    }
    sqlite3_close(dst);
    if (rc != DB_OK)
        unlink(dest_path);
    return rc;
}

/* ---- opening ---- */

/* synchronous=NORMAL: in WAL mode a commit is in the WAL file before
 * COMMIT returns, so a killed process (even SIGKILL) loses nothing; only
 * a power failure or OS crash can lose the last transactions, never
 * corrupt the file. FULL would fsync on every commit for that case. */
static const char sq_settings[] = "PRAGMA foreign_keys = ON;"
                                  "PRAGMA synchronous = NORMAL;";

static int set_wal(struct sq_db *s)
{
    db_stmt *st = db_query(&s->base, "PRAGMA journal_mode = WAL", "");
    if (!st)
        return DB_ERROR;
    int rc = db_step(st);
    /* An in-memory database answers "memory"; that is fine for tests. */
    if (rc == DB_ROW && strcmp(db_text(st, 0), "wal") != 0 && strcmp(db_text(st, 0), "memory") != 0) {
        db_set_errmsg(&s->base, "cannot use WAL journal mode (got %s)", db_text(st, 0));
        rc = DB_ERROR;
    }
    db_done(st);
    return rc == DB_ROW ? DB_OK : rc;
}

/* parley_base64_decode(text): the bytes of base64 text, for migration
 * 013, which turned the files kept as base64 into bytes. Invalid base64 is
 * an error, so the migration stops rather than keep damaged files. */
static void base64_decode_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *text = (const char *)sqlite3_value_text(argv[0]);
    size_t n = (size_t)sqlite3_value_bytes(argv[0]), len = 0;
    unsigned char *bytes = sqlite3_malloc64(n / 4 * 3 + 3);
    if (!bytes) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    if (sodium_base642bin(bytes, n / 4 * 3 + 3, text ? text : "", n, NULL, &len, NULL,
                          sodium_base64_VARIANT_ORIGINAL) != 0) {
        sqlite3_free(bytes);
        sqlite3_result_error(ctx, "parley_base64_decode: not base64", -1);
        return;
    }
    sqlite3_result_blob64(ctx, bytes, len, sqlite3_free);
}

static int configure(struct sq_db *s)
{
    sqlite3_extended_result_codes(s->h, 1);
    sqlite3_create_function_v2(s->h, "parley_base64_decode", 1,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, base64_decode_fn, NULL,
                               NULL, NULL);
    /* Set first: switching to WAL can itself wait on another starter. */
    sqlite3_busy_timeout(s->h, BUSY_TIMEOUT_MS);
    int rc = sq_exec_script(&s->base, sq_settings);
    return rc == DB_OK ? set_wal(s) : rc;
}

db *sqlite_engine_open(const char *path, char **err)
{
    struct sq_db *s = calloc(1, sizeof *s);
    if (!s)
        die("out of memory (connection)");
    s->base.engine = &sqlite_engine;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(path, &s->h, flags, NULL);
    if (rc != SQLITE_OK) {
        db_set_err(err, "%s: %s", path, s->h ? sqlite3_errmsg(s->h) : sqlite3_errstr(rc));
        sqlite3_close(s->h);
        free(s);
        return NULL;
    }
    if (configure(s) != DB_OK) {
        db_set_err(err, "%s: %s", path, s->base.errmsg);
        sq_close(&s->base);
        return NULL;
    }
    return &s->base;
}

/* FTS5: a string in double quotes (a quote in it doubled) is words, never
 * an operator; '*' after it matches every word it starts. Phrases side by
 * side must all match. */
static void sq_fulltext_term(buf *query, const char *term)
{
    buf_puts(query, query->len ? " \"" : "\"");
    for (const char *p = term; *p; p++) {
        if (*p == '"')
            buf_putc(query, '"');
        buf_putc(query, *p);
    }
    buf_puts(query, "\"*");
}

static const struct db_engine sqlite_engine = {
    .name = "sqlite",
    .fulltext_match = "search_text MATCH ?",
    .id_set = "(SELECT value FROM json_each('[' || ? || ']'))",
    .fulltext_term = sq_fulltext_term,
    /* IMMEDIATE takes the write lock at BEGIN, so two writers queue on the
     * busy timeout instead of one failing at its first write. */
    .begin_sql = "BEGIN IMMEDIATE",
    .close = sq_close,
    .query = sq_query,
    .step = sq_step,
    .text = sq_text,
    .integer = sq_integer,
    .blob_copy = sq_blob_copy,
    .is_blob = sq_is_blob,
    .real = sq_real,
    .is_null = sq_is_null,
    .columns = sq_columns,
    .column_name = sq_column_name,
    .done = sq_done,
    .exec_script = sq_exec_script,
    .in_transaction = sq_in_transaction,
    .changes = sq_changes,
    .has_table = sq_has_table,
    .check = sq_check,
    .backup = sq_backup,
    .migration_keys_off = sq_migration_keys_off,
    .migration_keys_on = sq_migration_keys_on,
    .migration_keys_check = sq_migration_keys_check,
};

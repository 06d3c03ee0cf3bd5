/* audit_checkpoint.c: R38's signed heads. A checkpoint is the audit
 * chain's head (a row's id and hash) signed with the key outside the
 * database. Each is written twice: a row of audit_checkpoint (sql/011) and a
 * line of the checkpoint file beside the key, so that deleting the rows
 * along with the log's tail still leaves the file to tell.
 *
 * When: every command that writes signs the head once it has committed;
 * `parley serve` signs when it starts, every minute while the head moves
 * (--audit-checkpoint-seconds) and when it stops. A minute bounds what a
 * rewrite could take unseen, at a line a minute at the most: a year of
 * working days is some 120,000 lines, which verify in about ten seconds
 * (Ed25519, some 80 microseconds each). Rows written since the last
 * checkpoint are covered by the chain and the head only, until the next.
 *
 * The file's format, also that of `parley audit checkpoints`, is one line a
 * checkpoint, '#' lines being comments:
 *     ROW HASH SIGNED_AT SIGNATURE
 * ROW the audit row's id, HASH its SHA-256 (64 hex digits), SIGNED_AT Unix
 * seconds, SIGNATURE Ed25519 (128 hex digits) over "parley audit checkpoint
 * v1\nROW\nHASH\nSIGNED_AT\n". */
#include "app/audit_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/clock.h"
#include "base/log.h"

/* --- writing --- */

static void checkpoint_line(char *out, size_t n, const struct audit_checkpoint *cp)
{
    snprintf(out, n, "%" PRId64 " %s %" PRId64 " %s\n", cp->id, cp->hash, cp->at, cp->signature);
}

/* The file is made with the key (audit_key_create): a missing one is not
 * made again here, where it would hide that it went missing. One write()
 * of one short line with O_APPEND: processes signing at once (a command
 * while serving, two nodes) do not mix their lines. */
static bool file_append(const char *path, const char *line, buf *err)
{
    return audit_file_write(path, O_APPEND, 0, line, err);
}

/* Reads the head and signs it into cp inside the caller's transaction;
 * false when there is nothing to sign. */
static bool head_signed(db *d, const struct audit_key *k, struct audit_checkpoint *cp)
{
    db_stmt *st = db_query(d,
                           "SELECT h.last_id, h.last_hash, "
                           "(SELECT COUNT(*) FROM audit_checkpoint c WHERE c.audit_id = h.last_id) "
                           "FROM audit_head h WHERE h.one = 1",
                           "");
    bool sign = st && db_step(st) == DB_ROW && db_int(st, 0) > 0 && db_int(st, 2) == 0;
    if (sign) {
        cp->id = db_int(st, 0);
        snprintf(cp->hash, sizeof cp->hash, "%s", db_text(st, 1));
    }
    db_done(st);
    if (sign) {
        cp->at = clock_now();
        audit_sign(k, cp->id, cp->hash, cp->at, cp->signature);
    }
    return sign;
}

bool audit_checkpoint(db *d, const struct audit_key *k, buf *err)
{
    struct audit_checkpoint cp = {0};
    if (db_begin(d) != DB_OK) {
        buf_printf(err, "cannot sign the audit log's head: %s", db_errmsg(d));
        return false;
    }
    bool sign = head_signed(d, k, &cp);
    /* Another process may have signed this head since: theirs stands. */
    int rc = sign ? db_exec(d,
                            "INSERT INTO audit_checkpoint (audit_id, hash, signed_at, signature) "
                            "VALUES (?, ?, ?, ?) ON CONFLICT (audit_id) DO NOTHING",
                            "isis", cp.id, cp.hash, cp.at, cp.signature)
                  : DB_OK;
    bool inserted = rc == DB_OK && sign && db_changes(d) == 1;
    if (rc == DB_OK)
        rc = db_commit(d);
    if (rc != DB_OK) {
        buf_printf(err, "cannot sign the audit log's head: %s", db_errmsg(d));
        db_rollback(d);
        return false;
    }
    /* The file only after the commit: a line there names a head that is
     * in the database for good. */
    char line[320];
    checkpoint_line(line, sizeof line, &cp);
    return !inserted || file_append(k->checkpoints, line, err);
}

bool audit_checkpoints_export(db *d, buf *out)
{
    struct audit_checkpoints list = {0};
    bool ok = audit_checkpoints_read_db(d, &list);
    buf_puts(out, audit_checkpoints_header);
    char line[320];
    for (size_t i = 0; ok && i < list.n; i++) {
        checkpoint_line(line, sizeof line, &list.v[i]);
        buf_puts(out, line);
    }
    audit_checkpoints_free(&list);
    return ok;
}

/* --- reading --- */

void audit_checkpoints_add(struct audit_checkpoints *list, const struct audit_checkpoint *cp)
{
    if (list->n == list->cap) {
        list->cap = list->cap ? 2 * list->cap : 64;
        list->v = realloc(list->v, list->cap * sizeof *list->v);
        if (!list->v)
            die("out of memory (audit checkpoints)");
    }
    list->v[list->n++] = *cp;
}

void audit_checkpoints_free(struct audit_checkpoints *list)
{
    free(list->v);
    *list = (struct audit_checkpoints){0};
}

bool audit_checkpoints_read_db(db *d, struct audit_checkpoints *list)
{
    db_stmt *st = db_query(d,
                           "SELECT audit_id, hash, signed_at, signature FROM audit_checkpoint "
                           "ORDER BY audit_id",
                           "");
    if (!st)
        return false;
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        struct audit_checkpoint cp = {.id = db_int(st, 0), .at = db_int(st, 2),
                                      .source = "the database"};
        snprintf(cp.hash, sizeof cp.hash, "%s", db_text(st, 1));
        snprintf(cp.signature, sizeof cp.signature, "%s", db_text(st, 3));
        audit_checkpoints_add(list, &cp);
    }
    db_done(st);
    return rc == DB_DONE;
}

/* "ROW HASH SIGNED_AT SIGNATURE" with a hash of 64 and a signature of 128
 * hex digits. */
static bool line_parse(const char *line, struct audit_checkpoint *cp)
{
    char hash[66], sig[132];
    int used = 0;
    if (sscanf(line, "%" SCNd64 " %65s %" SCNd64 " %131s %n", &cp->id, hash, &cp->at, sig, &used) != 4 ||
        line[used] != '\0' || cp->id <= 0 || strlen(hash) != 64 || strlen(sig) != 128 ||
        strspn(hash, "0123456789abcdef") != 64 || strspn(sig, "0123456789abcdef") != 128)
        return false;
    memcpy(cp->hash, hash, sizeof cp->hash);
    memcpy(cp->signature, sig, sizeof cp->signature);
    return true;
}

bool audit_checkpoints_read_file(const char *path, struct audit_checkpoints *list, buf *report)
{
    FILE *f = fopen(path, "re");
    if (!f) {
        buf_printf(report, "audit: cannot read the checkpoint file %s: %s\n", path,
                   strerror(errno));
        return false;
    }
    char line[512];
    bool ok = true;
    for (int n = 1; ok && fgets(line, sizeof line, f); n++) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[strspn(line, " \t")] == '\0')
            continue;
        struct audit_checkpoint cp = {.source = path};
        ok = line_parse(line, &cp);
        if (ok)
            audit_checkpoints_add(list, &cp);
        else
            buf_printf(report, "audit: line %d of %s is not a checkpoint: the file was edited\n",
                       n, path);
    }
    fclose(f);
    return ok;
}

/* --- while serving --- */

struct audit_signer {
    db *d;
    struct audit_key key;
    int seconds;
    bool stop;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    pthread_t thread;
};

static void signer_sign(struct audit_signer *s)
{
    buf err;
    buf_init(&err, NULL);
    if (!audit_checkpoint(s->d, &s->key, &err))
        log_error("%s", buf_cstr(&err));
    buf_release(&err);
}

static void *signer_run(void *arg)
{
    struct audit_signer *s = arg;
    pthread_mutex_lock(&s->lock);
    while (!s->stop) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += s->seconds;
        pthread_cond_timedwait(&s->wake, &s->lock, &until);
        pthread_mutex_unlock(&s->lock);
        signer_sign(s);   /* once more after stop: the last rows are signed too */
        pthread_mutex_lock(&s->lock);
    }
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

struct audit_signer *audit_signer_start(const char *db_url, const struct audit_key *k,
                                        int seconds, buf *err)
{
    struct audit_signer *s = calloc(1, sizeof *s);
    if (!s)
        die("out of memory (audit signer)");
    char *msg = NULL;
    s->d = db_open(db_url, &msg);
    if (!s->d) {
        buf_printf(err, "cannot open %s to sign the audit log: %s", db_url, msg ? msg : "unknown error");
        free(msg);
        free(s);
        return NULL;
    }
    s->key = *k;
    s->seconds = seconds;
    pthread_mutex_init(&s->lock, NULL);
    pthread_cond_init(&s->wake, NULL);
    signer_sign(s);   /* a head left unsigned (a crash, an older parley) */
    if (pthread_create(&s->thread, NULL, signer_run, s) != 0)
        die("cannot start the audit signer");
    return s;
}

void audit_signer_stop(struct audit_signer *s)
{
    if (!s)
        return;
    pthread_mutex_lock(&s->lock);
    s->stop = true;
    pthread_cond_signal(&s->wake);
    pthread_mutex_unlock(&s->lock);
    pthread_join(s->thread, NULL);
    pthread_cond_destroy(&s->wake);
    pthread_mutex_destroy(&s->lock);
    db_close(s->d);
    audit_key_forget(&s->key);
    free(s);
}

/* audit_writer.c: audited reads by group commit (audit_writer.h). One
 * thread, one connection of its own, one queue: the requests that read a
 * confidential record put their row on the queue and wait; the thread
 * writes all the rows waiting in one transaction and wakes them. */
#include "app/audit_writer.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdlib.h>

#include "app/audit_internal.h"
#include "base/log.h"

/* One request's row, on the queue until written. It lives on the waiting
 * request's stack, and the row's words in its arena: the request does
 * nothing else until done is set. */
struct pending {
    struct ctx *c;
    const char *action, *kind, *summary;
    int64_t record_id, subject_id;
    enum app_status status;
    bool done;
    struct pending *next;
};

struct audit_writer {
    db *d;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t work;    /* a row came, or stop */
    pthread_cond_t written; /* a batch is done */
    struct pending *head, **tail;
    bool stop;
    int64_t batches, rows, largest; /* for the log at the end */
};

/* The row in the writer's transaction, as its request's asker. */
static enum app_status write_row(struct audit_writer *w, struct pending *p)
{
    struct ctx c = *p->c;
    c.db = w->d;
    return audit_insert(&c, p->action, p->kind, p->record_id, p->subject_id, p->summary);
}

/* The rows from first to the end in one transaction: every row written,
 * or none. */
static enum app_status write_together(struct audit_writer *w, struct pending *first)
{
    if (db_begin(w->d) != DB_OK)
        return APP_BUSY;
    enum app_status s = APP_OK;
    for (struct pending *p = first; p && s == APP_OK; p = p->next)
        s = write_row(w, p);
    if (s == APP_OK && db_commit(w->d) != DB_OK)
        s = APP_BUSY;
    if (s != APP_OK)
        db_rollback(w->d);
    return s;
}

/* A batch: together when it can be; if that fails, each row alone, so
 * that one row the database refuses fails its own request only. */
static void write_batch(struct audit_writer *w, struct pending *batch)
{
    enum app_status together = write_together(w, batch);
    for (struct pending *p = batch; p; p = p->next) {
        if (together == APP_OK) {
            p->status = APP_OK;
            continue;
        }
        struct pending *next = p->next;
        p->next = NULL;
        p->status = write_together(w, p);
        p->next = next;
    }
}

static void *writer_run(void *arg)
{
    struct audit_writer *w = arg;
    pthread_mutex_lock(&w->lock);
    for (;;) {
        while (!w->head && !w->stop)
            pthread_cond_wait(&w->work, &w->lock);
        if (!w->head)
            break;
        struct pending *batch = w->head;
        w->head = NULL;
        w->tail = &w->head;
        pthread_mutex_unlock(&w->lock);
        write_batch(w, batch);
        int64_t n = 0;
        pthread_mutex_lock(&w->lock);
        for (struct pending *p = batch, *next; p; p = next, n++) {
            next = p->next;
            p->done = true;
        }
        w->batches++;
        w->rows += n;
        w->largest = n > w->largest ? n : w->largest;
        pthread_cond_broadcast(&w->written);
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

struct audit_writer *audit_writer_start(const char *db_url, buf *err)
{
    struct audit_writer *w = calloc(1, sizeof *w);
    if (!w)
        die("out of memory (audit writer)");
    char *msg = NULL;
    if (!(w->d = db_open(db_url, &msg))) {
        buf_printf(err, "cannot start the audit log's writer on %s: %s", db_url, msg);
        free(msg);
        free(w);
        return NULL;
    }
    w->tail = &w->head;
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->work, NULL);
    pthread_cond_init(&w->written, NULL);
    if (pthread_create(&w->thread, NULL, writer_run, w) != 0)
        die("cannot start the audit log's writer");
    return w;
}

void audit_writer_stop(struct audit_writer *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    w->stop = true;
    pthread_cond_signal(&w->work);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->thread, NULL);
    log_info("audited reads: %" PRId64 " rows in %" PRId64 " commits, at most %" PRId64 " in one",
             w->rows, w->batches, w->largest);
    pthread_cond_destroy(&w->written);
    pthread_cond_destroy(&w->work);
    pthread_mutex_destroy(&w->lock);
    db_close(w->d);
    free(w);
}

enum app_status audit_writer_append(struct audit_writer *w, struct ctx *c, const char *action,
                                    const char *kind, int64_t record_id, int64_t subject_id,
                                    const char *summary)
{
    struct pending p = {.c = c,
                        .action = action,
                        .kind = kind,
                        .summary = summary,
                        .record_id = record_id,
                        .subject_id = subject_id};
    pthread_mutex_lock(&w->lock);
    *w->tail = &p;
    w->tail = &p.next;
    pthread_cond_signal(&w->work);
    while (!p.done)
        pthread_cond_wait(&w->written, &w->lock);
    pthread_mutex_unlock(&w->lock);
    return p.status;
}

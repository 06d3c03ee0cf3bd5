/* mail_worker.c: the outbox's delivery (see mail_worker.h). */
#include "app/mail_worker.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/log.h"

#define BACKOFF_MAX (6 * 60 * 60)

struct claimed {
    int64_t id;
    int tries;
    const char *to, *message;
};

/* The lease outlives a send that times out, so that no other node takes
 * the message while this one may still be sending it. */
static int64_t lease_seconds(const struct mail_delivery *d)
{
    return d->relay.timeout_seconds + 5;
}

/* Takes the oldest message due, in a transaction of its own: false when
 * none is due (or another node took it first). */
static bool claim(struct ctx *c, const struct mail_delivery *d, struct claimed *m)
{
    int64_t now = app_now(c);
    if (db_begin(c->db) != DB_OK)
        return false;
    db_stmt *st = db_query(
        c->db,
        "UPDATE mail SET lease_until = ?, tries = tries + 1 WHERE id = (SELECT id FROM mail "
        "WHERE state = 'queued' AND next_try_at <= ? AND lease_until <= ? ORDER BY id LIMIT 1) "
        "AND state = 'queued' AND lease_until <= ? RETURNING id, tries, to_address, message",
        "iiii", now + lease_seconds(d), now, now, now);
    bool got = st && db_step(st) == DB_ROW;
    if (got) {
        m->id = db_int(st, 0);
        m->tries = (int)db_int(st, 1);
        m->to = arena_strdup(c->a, db_text(st, 2));
        m->message = arena_strdup(c->a, db_text(st, 3));
    }
    db_done(st);
    if (!st || db_commit(c->db) != DB_OK) {
        db_rollback(c->db);
        return false;
    }
    return got;
}

static int64_t backoff(const struct mail_delivery *d, int tries)
{
    int64_t wait = d->retry_seconds;
    for (int i = 1; i < tries && wait < BACKOFF_MAX; i++)
        wait *= 2;
    return wait < BACKOFF_MAX ? wait : BACKOFF_MAX;
}

/* A one-time link is kept no longer than it takes to send it. */
static int mark_sent(struct ctx *c, int64_t id)
{
    return db_exec(c->db,
                   "UPDATE mail SET state = 'sent', sent_at = ?, lease_until = 0, last_error = '', "
                   "message = CASE WHEN kind = 'security' THEN '' ELSE message END, "
                   "text = CASE WHEN kind = 'security' THEN '' ELSE text END WHERE id = ?",
                   "ii", app_now(c), id);
}

static int mark_unsent(struct ctx *c, const struct mail_delivery *d, const struct claimed *m,
                       bool refused, const char *why)
{
    bool last = refused || m->tries >= d->tries;
    return db_exec(c->db,
                   "UPDATE mail SET state = ?, lease_until = 0, next_try_at = ?, last_error = ? "
                   "WHERE id = ?",
                   "sisi", last ? "failed" : "queued", app_now(c) + backoff(d, m->tries), why,
                   m->id);
}

static bool deliver_one(struct ctx *c, const struct mail_delivery *d, int *sent)
{
    struct claimed m;
    if (!claim(c, d, &m))
        return false;
    char why[512] = "";
    enum smtp_result r = smtp_send(&d->relay, m.to, m.message, strlen(m.message), why, sizeof why);
    int rc = r == SMTP_SENT ? mark_sent(c, m.id)
                            : mark_unsent(c, d, &m, r == SMTP_REFUSED, why);
    if (rc != DB_OK)
        log_error("mail: message %" PRId64 " could not be marked; its lease runs out and it "
                  "goes again", m.id);
    if (r == SMTP_SENT)
        (*sent)++;
    else
        log_error("mail: message %" PRId64 " to %s not sent (try %d): %s", m.id, m.to, m.tries,
                  why);
    /* A relay that is down now is down for the next message too. */
    return r == SMTP_SENT;
}

enum app_status mail_deliver_due(struct ctx *c, const struct mail_delivery *d, int *sent)
{
    *sent = 0;
    while (deliver_one(c, d, sent))
        ;
    return APP_OK;
}

/* --- the thread --- */

struct mail_worker {
    db *d;
    struct app *app;
    struct mail_delivery delivery;
    bool stop;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    pthread_t thread;
};

static void worker_pass(struct mail_worker *w)
{
    arena *a = arena_new(0);
    struct ctx c;
    int sent = 0;
    if (app_operator_ctx(&c, w->app, w->d, a)) {
        mail_deliver_due(&c, &w->delivery, &sent);
        if (sent)
            log_info("mail: %d sent", sent);
    }
    arena_free(a);
}

static void *worker_run(void *arg)
{
    struct mail_worker *w = arg;
    pthread_mutex_lock(&w->lock);
    while (!w->stop) {
        pthread_mutex_unlock(&w->lock);
        worker_pass(w);
        pthread_mutex_lock(&w->lock);
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += 1;
        if (!w->stop)
            pthread_cond_timedwait(&w->wake, &w->lock, &until);
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

struct mail_worker *mail_worker_start(const char *db_url, struct app *app,
                                      const struct mail_delivery *d, buf *err)
{
    struct mail_worker *w = calloc(1, sizeof *w);
    if (!w)
        die("out of memory (mail worker)");
    char *msg = NULL;
    w->d = db_open(db_url, &msg);
    if (!w->d || !smtp_global_init()) {
        buf_printf(err, "cannot start the mail's delivery on %s: %s", db_url,
                   msg ? msg : "libcurl did not start");
        free(msg);
        if (w->d)
            db_close(w->d);
        free(w);
        return NULL;
    }
    w->app = app;
    w->delivery = *d;
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->wake, NULL);
    if (pthread_create(&w->thread, NULL, worker_run, w) != 0)
        die("cannot start the mail's delivery");
    return w;
}

void mail_worker_stop(struct mail_worker *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    w->stop = true;
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->thread, NULL);
    pthread_cond_destroy(&w->wake);
    pthread_mutex_destroy(&w->lock);
    db_close(w->d);
    free(w);
}

/* pool.c: a fixed set of connections shared by the server's threads. All
 * are opened up front so that a bad URL fails at start-up, not on the
 * first request; a thread that finds none free waits for one. */
#include <pthread.h>
#include <stdlib.h>

#include "base/log.h"
#include "store/engine.h"
#include "store/store.h"

struct db_pool {
    pthread_mutex_t lock;
    pthread_cond_t freed;
    int size;
    int nfree;
    db **all;     /* size connections, for closing */
    db **idle;    /* a stack of nfree connections */
};

static db **alloc_list(int n)
{
    db **list = calloc((size_t)n, sizeof *list);
    if (!list)
        die("out of memory (pool of %d)", n);
    return list;
}

db_pool *db_pool_open(const char *url, int size, char **err)
{
    if (err)
        *err = NULL;
    if (size < 1) {
        db_set_err(err, "pool size must be at least 1 (got %d)", size);
        return NULL;
    }
    db_pool *p = calloc(1, sizeof *p);
    if (!p)
        die("out of memory (pool)");
    p->all = alloc_list(size);
    p->idle = alloc_list(size);
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->freed, NULL);
    for (int i = 0; i < size; i++) {
        db *d = db_open(url, err);
        if (!d) {
            db_pool_close(p);
            return NULL;
        }
        p->all[i] = p->idle[i] = d;
        p->size = p->nfree = i + 1;
    }
    return p;
}

/* Only once the server's threads have stopped: connections still out are
 * closed under their users. */
void db_pool_close(db_pool *p)
{
    if (!p)
        return;
    if (p->nfree != p->size)
        log_error("pool: closing with %d of %d connections in use", p->size - p->nfree, p->size);
    for (int i = 0; i < p->size; i++)
        db_close(p->all[i]);
    pthread_cond_destroy(&p->freed);
    pthread_mutex_destroy(&p->lock);
    free(p->all);
    free(p->idle);
    free(p);
}

db *db_acquire(db_pool *p)
{
    pthread_mutex_lock(&p->lock);
    while (p->nfree == 0)
        pthread_cond_wait(&p->freed, &p->lock);
    db *d = p->idle[--p->nfree];
    pthread_mutex_unlock(&p->lock);
    return d;
}

/* A transaction left open (a handler's early return) would hold the write
 * lock for whoever gets the connection next; end it here. */
void db_release(db_pool *p, db *d)
{
    if (db_in_transaction(d)) {
        log_error("pool: connection released inside a transaction; rolling back");
        db_rollback(d);
    }
    pthread_mutex_lock(&p->lock);
    p->idle[p->nfree++] = d;
    pthread_cond_signal(&p->freed);
    pthread_mutex_unlock(&p->lock);
}

/* hashing.c: password hashes on a pool of threads of their own (hashing.h). */
#include "app/hashing.h"

#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/log.h"

/* OWASP's argon2id minimum: 19 MiB, two passes. Kept modest because a
 * school district's server hashes on every sign-in; the pool's size
 * times this is the memory sign-ins take at most. */
#define HASH_OPS 2
#define HASH_MEM (19u * 1024 * 1024)

bool password_hash_create(const char *password, char out[PASSWORD_HASH_MAX])
{
    return crypto_pwhash_str(out, password, strlen(password), HASH_OPS, HASH_MEM) == 0;
}

bool password_hash_verify(const char *stored, const char *password)
{
    return crypto_pwhash_str_verify(stored, password, strlen(password)) == 0;
}

struct hash_pool {
    pthread_mutex_t mu;
    pthread_cond_t work;
    struct hash_job *head, *tail;
    int waiting, running;
    int nthreads, queue_max, wait_ms;
    bool stopping;
    pthread_t *threads;
    struct hash_pool_stats stats;
};

static void compute(struct hash_job *j)
{
    j->status = APP_OK;
    j->verified = j->stored && password_hash_verify(j->stored, j->password);
    if (j->new_password && (!j->stored || j->verified) &&
        !password_hash_create(j->new_password, j->created))
        j->status = APP_ERROR;
}

static void *hash_worker(void *arg)
{
    struct hash_pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->head && !p->stopping)
            pthread_cond_wait(&p->work, &p->mu);
        struct hash_job *j = p->head;
        if (!j)
            break;   /* stopping, and nothing left to do */
        p->head = j->next;
        if (!p->head)
            p->tail = NULL;
        p->waiting--;
        bool late = clock_micros() > j->deadline;
        if (!late && ++p->running > p->stats.most_at_once)
            p->stats.most_at_once = p->running;
        pthread_mutex_unlock(&p->mu);
        if (!late)
            compute(j);
        pthread_mutex_lock(&p->mu);
        if (late)
            p->stats.refused++;
        else
            p->stats.computed++;
        pthread_mutex_unlock(&p->mu);
        /* The job is its owner's again from here: not touched after. The
         * thread is free once done has returned. */
        j->done(j, j->arg);
        pthread_mutex_lock(&p->mu);
        if (!late)
            p->running--;
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

struct hash_pool *hash_pool_start(int threads, int queue_max, int wait_ms)
{
    struct hash_pool *p = calloc(1, sizeof *p);
    if (!p)
        die("out of memory (hash pool)");
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work, NULL);
    p->nthreads = threads > 0 ? threads : 1;
    p->queue_max = queue_max > 0 ? queue_max : 1;
    p->wait_ms = wait_ms;
    p->stats.threads = p->nthreads;
    p->threads = calloc((size_t)p->nthreads, sizeof *p->threads);
    if (!p->threads)
        die("out of memory (hash pool)");
    for (int i = 0; i < p->nthreads; i++)
        if (pthread_create(&p->threads[i], NULL, hash_worker, p) != 0)
            die("cannot start the password hash threads");
    return p;
}

void hash_pool_submit(struct hash_pool *p, struct hash_job *j,
                      void (*done)(struct hash_job *job, void *arg), void *arg)
{
    j->done = done;
    j->arg = arg;
    j->status = APP_BUSY;
    j->next = NULL;
    /* No waiting allowed: a job is taken only if a thread is free now. */
    if (!p) {   /* no pool (the command line's context): nothing to wait for */
        done(j, arg);
        return;
    }
    j->deadline = p->wait_ms ? clock_micros() + (int64_t)p->wait_ms * 1000 : INT64_MAX;
    pthread_mutex_lock(&p->mu);
    bool full = p->waiting >= p->queue_max ||
                (!p->wait_ms && p->waiting + p->running >= p->nthreads);
    if (p->stopping || full) {
        p->stats.refused++;
        pthread_mutex_unlock(&p->mu);
        done(j, arg);
        return;
    }
    if (p->tail)
        p->tail->next = j;
    else
        p->head = j;
    p->tail = j;
    if (++p->waiting > p->stats.most_waiting)
        p->stats.most_waiting = p->waiting;
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->mu);
}

void hash_pool_stop(struct hash_pool *p)
{
    pthread_mutex_lock(&p->mu);
    bool running = !p->stopping;
    p->stopping = true;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->mu);
    if (!running)
        return;
    for (int i = 0; i < p->nthreads; i++)
        pthread_join(p->threads[i], NULL);
}

void hash_pool_free(struct hash_pool *p)
{
    if (!p)
        return;
    hash_pool_stop(p);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->work);
    free(p->threads);
    free(p);
}

struct hash_pool_stats hash_pool_stats(struct hash_pool *p)
{
    pthread_mutex_lock(&p->mu);
    struct hash_pool_stats s = p->stats;
    pthread_mutex_unlock(&p->mu);
    return s;
}

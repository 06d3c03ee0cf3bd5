/* hashing.h: password hashes (argon2id, libsodium) on threads of their
 * own. A page worker never computes one: it hands a job to the pool and
 * its connection waits, suspended, without holding the worker
 * (web_hash() in web/dispatch.c). The pool's few threads
 * (--hash-concurrency) bound the memory and the CPU that sign-ins take,
 * however many arrive at once; its queue (--hash-queue) and how long a job
 * may wait in it (--hash-wait-ms) bound how many wait. */
#ifndef PARLEY_HASHING_H
#define PARLEY_HASHING_H

#include <stdbool.h>
#include <stdint.h>

#include "app/app.h"

#define PASSWORD_HASH_MAX 128   /* crypto_pwhash_STRBYTES */

/* The command line's hashes (it has no page workers), and the pool's. */
bool password_hash_create(const char *password, char out[PASSWORD_HASH_MAX]);
bool password_hash_verify(const char *stored, const char *password);

/* One job: verify password against stored (when stored is set), then,
 * unless that failed, hash new_password (when it is set). */
struct hash_job {
    const char *stored, *password;
    const char *new_password;
    /* The outcome: APP_OK (see verified, created), APP_BUSY when it was not
     * done (the queue full, the pool stopping, or no thread free in time),
     * APP_ERROR when hashing failed (out of memory). */
    enum app_status status;
    bool verified;
    char created[PASSWORD_HASH_MAX];
    /* The pool's. */
    void (*done)(struct hash_job *job, void *arg);
    void *arg;
    int64_t deadline;             /* microseconds (clock_micros) */
    struct hash_job *next;
};

struct hash_pool;
/* threads compute at once; at most queue_max jobs wait, each at most
 * wait_ms (0: a job that finds no thread free is refused at once). */
struct hash_pool *hash_pool_start(int threads, int queue_max, int wait_ms);
/* done(job, arg) is called exactly once: on a pool thread, or before this
 * returns when the job is refused (status APP_BUSY; always so when p is
 * NULL). The job must live until then; the pool does not touch it after
 * calling done. */
void hash_pool_submit(struct hash_pool *p, struct hash_job *job,
                      void (*done)(struct hash_job *job, void *arg), void *arg);
/* Finishes the jobs queued, then stops the threads; later jobs are
 * refused at once. */
void hash_pool_stop(struct hash_pool *p);
void hash_pool_free(struct hash_pool *p);

struct hash_pool_stats {
    int64_t computed, refused;
    int threads, most_at_once, most_waiting;
};
struct hash_pool_stats hash_pool_stats(struct hash_pool *p);

#endif

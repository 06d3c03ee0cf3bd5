/* test_app.c: app/ pieces that need no database: the pool of threads that
 * computes password hashes (issue 15: never on a page worker, never more
 * at once than its threads, a bounded queue); the audit key's file, where
 * it goes by default, and what its signature covers (R38). */
#include "testing.h"

#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/audit_internal.h"
#include "app/hashing.h"
#include "base/secret.h"

struct tally {
    pthread_mutex_t mu;
    int done, busy, verified;
    sem_t finished;
};

static void count_done(struct hash_job *j, void *arg)
{
    struct tally *t = arg;
    pthread_mutex_lock(&t->mu);
    t->done++;
    t->busy += j->status == APP_BUSY;
    t->verified += j->verified;
    pthread_mutex_unlock(&t->mu);
    sem_post(&t->finished);
}

static void tally_init(struct tally *t)
{
    memset(t, 0, sizeof *t);
    pthread_mutex_init(&t->mu, NULL);
    sem_init(&t->finished, 0, 0);
}

static void wait_for(struct tally *t, int n)
{
    for (int i = 0; i < n; i++)
        assert_int_equal(sem_wait(&t->finished), 0);
}

/* Twelve sign-ins at once on a pool of two: every one is verified, and
 * never more than two hashes were computed at the same time. */
static void test_pool_bounds_hashes_at_once(void **state)
{
    (void)state;
    assert_true(secret_init());
    char stored[PASSWORD_HASH_MAX];
    assert_true(password_hash_create("a long enough password", stored));
    struct hash_pool *p = hash_pool_start(2, 64, 60000);
    struct tally t;
    tally_init(&t);
    struct hash_job jobs[12];
    for (int i = 0; i < 12; i++) {
        jobs[i] = (struct hash_job){.stored = stored,
                                    .password = i % 3 ? "a long enough password" : "wrong"};
        hash_pool_submit(p, &jobs[i], count_done, &t);
    }
    wait_for(&t, 12);
    struct hash_pool_stats st = hash_pool_stats(p);
    assert_int_equal(t.done, 12);
    assert_int_equal(t.busy, 0);
    assert_int_equal(t.verified, 8);
    assert_int_equal(st.computed, 12);
    assert_true(st.most_at_once >= 1 && st.most_at_once <= 2);
    hash_pool_free(p);
}

/* A job verifies, then hashes the new password only if that passed. */
static void test_pool_verifies_then_creates(void **state)
{
    (void)state;
    char stored[PASSWORD_HASH_MAX];
    assert_true(password_hash_create("the old password here", stored));
    struct hash_pool *p = hash_pool_start(1, 4, 60000);
    struct tally t;
    tally_init(&t);
    struct hash_job right = {.stored = stored, .password = "the old password here",
                             .new_password = "a new password, longer"};
    struct hash_job wrong = {.stored = stored, .password = "not it",
                             .new_password = "a new password, longer"};
    struct hash_job fresh = {.new_password = "a new password, longer"};
    hash_pool_submit(p, &right, count_done, &t);
    hash_pool_submit(p, &wrong, count_done, &t);
    hash_pool_submit(p, &fresh, count_done, &t);
    wait_for(&t, 3);
    assert_int_equal(right.status, APP_OK);
    assert_true(right.verified);
    assert_true(password_hash_verify(right.created, "a new password, longer"));
    assert_false(wrong.verified);
    assert_int_equal(wrong.created[0], '\0');
    assert_true(password_hash_verify(fresh.created, "a new password, longer"));
    hash_pool_free(p);
}

/* A job that holds the pool's one thread until the test lets it go. */
struct gate {
    sem_t entered, go;
};

static void held(struct hash_job *j, void *arg)
{
    (void)j;
    struct gate *g = arg;
    sem_post(&g->entered);
    sem_wait(&g->go);
}

/* Keeps the pool's one thread busy (in first's done) until g->go. */
static void hold_thread(struct hash_pool *p, struct gate *g, struct hash_job *first)
{
    sem_init(&g->entered, 0, 0);
    sem_init(&g->go, 0, 0);
    *first = (struct hash_job){.new_password = "first password, long"};
    hash_pool_submit(p, first, held, g);
    assert_int_equal(sem_wait(&g->entered), 0);
}

/* The queue is bounded: with the one thread busy and two jobs waiting,
 * the next is turned away at once (APP_BUSY) rather than queued; a
 * stopped pool turns every job away. */
static void test_pool_queue_is_bounded(void **state)
{
    (void)state;
    struct hash_pool *p = hash_pool_start(1, 2, 60000);
    struct gate g;
    struct hash_job first;
    hold_thread(p, &g, &first);
    struct tally t;
    tally_init(&t);
    struct hash_job queued[2] = {{.new_password = "queued password one"},
                                 {.new_password = "queued password two"}};
    struct hash_job over = {.new_password = "one too many, refused"};
    hash_pool_submit(p, &queued[0], count_done, &t);
    hash_pool_submit(p, &queued[1], count_done, &t);
    hash_pool_submit(p, &over, count_done, &t);
    wait_for(&t, 1);   /* over's answer comes at once, from submit itself */
    assert_int_equal(over.status, APP_BUSY);
    assert_int_equal(t.done, 1);
    sem_post(&g.go);
    wait_for(&t, 2);
    assert_int_equal(queued[0].status, APP_OK);
    assert_int_equal(queued[1].status, APP_OK);
    struct hash_pool_stats st = hash_pool_stats(p);
    assert_int_equal(st.most_waiting, 2);
    assert_int_equal(st.most_at_once, 1);
    assert_int_equal(st.refused, 1);
    hash_pool_stop(p);
    struct hash_job late = {.new_password = "after the pool stopped"};
    hash_pool_submit(p, &late, count_done, &t);
    wait_for(&t, 1);
    assert_int_equal(late.status, APP_BUSY);
    hash_pool_free(p);
}

/* --hash-wait-ms 0: a job that finds no thread free is turned away. */
static void test_pool_without_waiting(void **state)
{
    (void)state;
    struct hash_pool *p = hash_pool_start(1, 8, 0);
    struct gate g;
    struct hash_job first;
    hold_thread(p, &g, &first);
    /* The one thread is busy (in first's done): no waiting allowed. */
    struct tally t;
    tally_init(&t);
    struct hash_job second = {.new_password = "second password, long"};
    hash_pool_submit(p, &second, count_done, &t);
    wait_for(&t, 1);
    assert_int_equal(second.status, APP_BUSY);
    sem_post(&g.go);
    hash_pool_free(p);
}
static void test_audit_key_default_place(void **state)
{
    (void)state;
    char path[AUDIT_PATH_MAX];
    audit_key_default_path("/srv/parley/parley.db", path, sizeof path);
    assert_string_equal(path, "/srv/parley/parley.db.audit-key");
    audit_key_default_path("postgres://parley@db.example:5432/esp_2026?sslmode=require", path,
                           sizeof path);
    assert_string_equal(path, "esp_2026.audit-key");
    audit_key_default_path("postgresql://db.example/../etc/x", path, sizeof path);
    assert_string_equal(path, ".._etc_x.audit-key");   /* no directory from the URL */
    audit_key_default_path("postgres://db.example", path, sizeof path);
    assert_string_equal(path, "parley.audit-key");
    audit_checkpoints_path("/srv/parley/parley.db.audit-key", path, sizeof path);
    assert_string_equal(path, "/srv/parley/parley.db.audit-key.checkpoints");
}

static void temp_dir(char dir[64])
{
    snprintf(dir, 64, "/tmp/parley-test-app-XXXXXX");
    assert_non_null(mkdtemp(dir));
}

static void temp_dir_remove(const char *dir, const char *key)
{
    char cp[AUDIT_PATH_MAX];
    audit_checkpoints_path(key, cp, sizeof cp);
    unlink(key);
    unlink(cp);
    rmdir(dir);
}

/* R38: the key file is its owner's alone; one that others can read, or a
 * second key beside the first's checkpoints, is refused. */
static void test_audit_key_file(void **state)
{
    (void)state;
    assert_true(secret_init());
    char dir[64], key[AUDIT_PATH_MAX], cp[AUDIT_PATH_MAX];
    temp_dir(dir);
    snprintf(key, sizeof key, "%s/parley.db.audit-key", dir);
    buf err;
    buf_init(&err, NULL);
    bool created = false;
    assert_true(audit_key_create(key, &created, &err));
    assert_true(created);
    struct stat st;
    assert_int_equal(stat(key, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    audit_checkpoints_path(key, cp, sizeof cp);
    assert_int_equal(stat(cp, &st), 0);

    assert_true(audit_key_create(key, &created, &err));
    assert_false(created);   /* a second init keeps the key */
    struct audit_key k;
    assert_true(audit_key_load(&k, key, &err));

    unsigned char pk[AUDIT_PUBLIC_KEY_BYTES];
    char hex[65];
    audit_public_key_hex(k.public_key, hex);
    assert_true(audit_public_key_read(hex, pk, &err));
    assert_memory_equal(pk, k.public_key, sizeof pk);
    memset(pk, 0, sizeof pk);
    assert_true(audit_public_key_read(key, pk, &err));   /* the key file names its public half */
    assert_memory_equal(pk, k.public_key, sizeof pk);
    assert_false(audit_public_key_read("not a key", pk, &err));

    assert_int_equal(chmod(key, 0640), 0);
    buf_reset(&err);
    assert_false(audit_key_load(&k, key, &err));
    assert_non_null(strstr(buf_cstr(&err), "can be read by others"));

    assert_int_equal(unlink(key), 0);   /* the key lost, its checkpoints left */
    buf_reset(&err);
    assert_false(audit_key_create(key, &created, &err));
    assert_non_null(strstr(buf_cstr(&err), "restore the key from its backup"));
    buf_release(&err);
    temp_dir_remove(dir, key);
}

/* R38: a signature covers the row, its hash and the time: change any and it
 * no longer holds; another key's does not hold either. */
static void test_audit_signature_covers_the_head(void **state)
{
    (void)state;
    assert_true(secret_init());
    char dir[64], key[AUDIT_PATH_MAX], other_key[AUDIT_PATH_MAX];
    temp_dir(dir);
    snprintf(key, sizeof key, "%s/a.audit-key", dir);
    snprintf(other_key, sizeof other_key, "%s/b.audit-key", dir);
    buf err;
    buf_init(&err, NULL);
    bool created;
    struct audit_key k, other;
    assert_true(audit_key_create(key, &created, &err) && audit_key_load(&k, key, &err));
    assert_true(audit_key_create(other_key, &created, &err) && audit_key_load(&other, other_key, &err));
    const char *hash = "ed8f03ebac76d73220c88d12623da6d2d2d74c92eefa3b631de7999798fe498e";
    char sig[AUDIT_SIGNATURE_HEX];
    audit_sign(&k, 172, hash, 1790000000, sig);
    assert_true(audit_signature_valid(k.public_key, 172, hash, 1790000000, sig));
    assert_false(audit_signature_valid(k.public_key, 171, hash, 1790000000, sig));
    assert_false(audit_signature_valid(k.public_key, 172,
                                       "0d8f03ebac76d73220c88d12623da6d2d2d74c92eefa3b631de7999798fe498e",
                                       1790000000, sig));
    assert_false(audit_signature_valid(k.public_key, 172, hash, 1790000001, sig));
    assert_false(audit_signature_valid(other.public_key, 172, hash, 1790000000, sig));
    assert_false(audit_signature_valid(k.public_key, 172, hash, 1790000000, "beef"));
    buf_release(&err);
    temp_dir_remove(dir, key);
    temp_dir_remove(dir, other_key);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pool_bounds_hashes_at_once),
        cmocka_unit_test(test_pool_verifies_then_creates),
        cmocka_unit_test(test_pool_queue_is_bounded),
        cmocka_unit_test(test_pool_without_waiting),
        cmocka_unit_test(test_audit_key_default_place),
        cmocka_unit_test(test_audit_key_file),
        cmocka_unit_test(test_audit_signature_covers_the_head),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_app.c: app/ pieces that need no database: the limit on password
 * hashes computed at once; the audit key's file, where it goes by default,
 * and what its signature covers (R38). */
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/audit_internal.h"
#include "app/auth.h"
#include "base/secret.h"

static void test_hash_slots_limit_concurrent_hashes(void **state)
{
    (void)state;
    struct app app;
    struct app_config cfg = app_default_config();
    cfg.hash_concurrency = 1;
    cfg.hash_wait_ms = 0;
    assert_true(secret_init());
    assert_true(app_init(&app, &cfg));
    char hash[128];
    /* The one slot is taken (as by another sign-in): the next hash is
     * refused at once rather than queued behind it. */
    assert_int_equal(sem_wait(&app.hash_slots), 0);
    assert_int_equal(auth_hash_password(&app, "a long enough password", hash), APP_BUSY);
    sem_post(&app.hash_slots);
    assert_int_equal(auth_hash_password(&app, "a long enough password", hash), APP_OK);
    assert_memory_equal(hash, "$argon2id$", 10);
    /* The slot was given back: another hash goes through. */
    assert_int_equal(auth_hash_password(&app, "a long enough password", hash), APP_OK);
    app_fini(&app);
}

/* R38: the key is beside the database, never in it; on PostgreSQL, whose
 * database has no place here, in the working directory by its name. */
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
        cmocka_unit_test(test_hash_slots_limit_concurrent_hashes),
        cmocka_unit_test(test_audit_key_default_place),
        cmocka_unit_test(test_audit_key_file),
        cmocka_unit_test(test_audit_signature_covers_the_head),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

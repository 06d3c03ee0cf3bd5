/* test_app.c: app/ pieces that need no database: the limit on password
 * hashes computed at once. */
#include "testing.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hash_slots_limit_concurrent_hashes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

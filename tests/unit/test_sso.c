/* test_sso.c: what an ID token must say before Parley signs anyone in
 * (issue 17). Expected answers come from OpenID Connect Core 1.0, 3.1.3.7
 * (the issuer is exactly the provider's; Parley's client id is among the
 * audiences, and with several the token was given to Parley; the token has
 * not expired; the nonce is the one sent) and from the issue (a verified
 * e-mail address, and nothing else, says who someone is). */
#include <stdbool.h>

#include "testing.h"

#include "domain/settings.h"
#include "domain/sso.h"

#define NOW 1800000000
#define ISSUER "https://accounts.district.example"
#define CLIENT "parley"
#define NONCE "n-0S6_WzA2Mj"

static const struct sso_expectation expected = {ISSUER, CLIENT, NONCE, NOW};

static struct oidc_claims good(void)
{
    return (struct oidc_claims){.iss = ISSUER, .sub = "248289761001", .nonce = NONCE,
                                .email = "teacher@district.example", .email_verified = true,
                                .aud = {CLIENT}, .naud = 1, .iat = NOW - 5, .exp = NOW + 300};
}

static void test_a_good_token_is_believed(void **state)
{
    (void)state;
    struct oidc_claims t = good();
    assert_int_equal(sso_claims_check(&t, &expected), SSO_YES);
}

static void test_the_issuer_must_be_exactly_the_providers(void **state)
{
    (void)state;
    const char *wrong[] = {"https://accounts.district.example/", "https://evil.example", NULL};
    for (int i = 0; i < 3; i++) {
        struct oidc_claims t = good();
        t.iss = wrong[i];
        assert_int_equal(sso_claims_check(&t, &expected), SSO_WRONG_ISSUER);
    }
}

static void test_the_token_must_be_made_for_parley(void **state)
{
    (void)state;
    struct oidc_claims t = good();
    t.aud[0] = "another-app";
    assert_int_equal(sso_claims_check(&t, &expected), SSO_WRONG_AUDIENCE);
    t.naud = 0;
    assert_int_equal(sso_claims_check(&t, &expected), SSO_WRONG_AUDIENCE);
    /* Several audiences: Parley among them, and the authorized party. */
    t = good();
    t.aud[1] = "another-app";
    t.naud = 2;
    assert_int_equal(sso_claims_check(&t, &expected), SSO_WRONG_AUDIENCE);
    t.azp = CLIENT;
    assert_int_equal(sso_claims_check(&t, &expected), SSO_YES);
    t.azp = "another-app";
    assert_int_equal(sso_claims_check(&t, &expected), SSO_WRONG_AUDIENCE);
    t = good();
    t.naud = -1;   /* more audiences than are read */
    assert_int_equal(sso_claims_check(&t, &expected), SSO_WRONG_AUDIENCE);
}

static void test_an_expired_token_is_refused_beyond_the_clocks_skew(void **state)
{
    (void)state;
    struct oidc_claims t = good();
    t.exp = NOW - SSO_CLOCK_SKEW_SECONDS;
    assert_int_equal(sso_claims_check(&t, &expected), SSO_EXPIRED);
    t.exp = NOW - SSO_CLOCK_SKEW_SECONDS + 1;
    assert_int_equal(sso_claims_check(&t, &expected), SSO_YES);
    t.exp = 0;   /* no expiry at all */
    assert_int_equal(sso_claims_check(&t, &expected), SSO_EXPIRED);
    t = good();
    t.iat = NOW + SSO_CLOCK_SKEW_SECONDS + 1;   /* issued in the future */
    assert_int_equal(sso_claims_check(&t, &expected), SSO_EXPIRED);
}

static void test_the_nonce_must_be_this_sign_ins(void **state)
{
    (void)state;
    struct oidc_claims t = good();
    t.nonce = "another-sign-in";
    assert_int_equal(sso_claims_check(&t, &expected), SSO_WRONG_NONCE);
    t.nonce = NULL;
    assert_int_equal(sso_claims_check(&t, &expected), SSO_WRONG_NONCE);
}

static void test_only_a_verified_address_says_who_someone_is(void **state)
{
    (void)state;
    struct oidc_claims t = good();
    t.email_verified = false;
    assert_int_equal(sso_claims_check(&t, &expected), SSO_UNVERIFIED);
    t = good();
    t.email = NULL;
    assert_int_equal(sso_claims_check(&t, &expected), SSO_UNVERIFIED);
    t.email = "";
    assert_int_equal(sso_claims_check(&t, &expected), SSO_UNVERIFIED);
}

static void test_refusals_are_plain_words_that_say_what_to_do(void **state)
{
    (void)state;
    arena *a = arena_new(4096);
    for (int v = SSO_NO_ATTEMPT; v <= SSO_UNKNOWN_PERSON; v++) {
        const char *w = sso_refusal(a, (enum sso_verdict)v, "Harbor City Google");
        assert_true(strlen(w) > 40);
        assert_null(strchr(w, '_'));
        assert_true(strstr(w, "start again") || strstr(w, "coordinator") ||
                    strstr(w, "Try again"));
    }
    /* An unknown address: whom to ask, since Parley adds nobody by itself. */
    assert_non_null(strstr(sso_refusal(a, SSO_UNKNOWN_PERSON, "X"), "program coordinator"));
    arena_free(a);
}

/* A program turns passwords off with a plain yes or no, passwords on unless
 * it says so. */
static void test_passwords_are_on_until_a_program_says_no(void **state)
{
    (void)state;
    assert_string_equal(setting_find("password_sign_in")->default_value, "yes");
    assert_null(setting_invalid("password_sign_in", "no"));
    assert_non_null(setting_invalid("password_sign_in", "0"));
    assert_non_null(setting_invalid("password_sign_in", ""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_good_token_is_believed),
        cmocka_unit_test(test_the_issuer_must_be_exactly_the_providers),
        cmocka_unit_test(test_the_token_must_be_made_for_parley),
        cmocka_unit_test(test_an_expired_token_is_refused_beyond_the_clocks_skew),
        cmocka_unit_test(test_the_nonce_must_be_this_sign_ins),
        cmocka_unit_test(test_only_a_verified_address_says_who_someone_is),
        cmocka_unit_test(test_refusals_are_plain_words_that_say_what_to_do),
        cmocka_unit_test(test_passwords_are_on_until_a_program_says_no),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

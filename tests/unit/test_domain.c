/* test_domain.c: the rules in domain/: the policy table, validation of
 * people, schools and roles (R29), passwords, API tokens (issue 15), and
 * the settings' defaults; the kinds of file kept, known by their content. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testing.h"

#include "base/arena.h"
#include "domain/audit_kind.h"
#include "domain/credential.h"
#include "domain/document.h"
#include "domain/password.h"
#include "domain/people.h"
#include "domain/policy.h"
#include "domain/settings.h"
#include "domain/signin.h"

static const struct policy_record other = {.known = true, .self = false};
static const struct policy_record own = {.known = true, .self = true};

static role_set only(enum role r)
{
    return 1u << r;
}

static void test_policy_every_rule_grants_its_holder(void **state)
{
    (void)state;
    for (int i = 0; i < policy_rule_count; i++) {
        const struct policy_rule *p = &policy_rules[i];
        role_set roles = p->who < ROLE_COUNT ? only((enum role)p->who) : 0;
        /* A relationship rule grants when its relationship holds. */
        const struct policy_record rel = {
            .known = true, .self = p->who == WHO_SELF, .assigned = p->who == WHO_ASSIGNED,
            .relations = POLICY_IS_CASE_REL(p->who) ? POLICY_REL(p->who) : 0u};
        const struct policy_record *rec = p->who < ROLE_COUNT ? &other : &rel;
        assert_int_equal(policy_decide(true, roles, p->action, p->kind, rec), POLICY_ALLOW);
        assert_non_null(p->why);
    }
}

/* R29: the program's reports and the reviews of the Consulting Teachers
 * are a Panel member's while their term runs; before the record is known,
 * only the Panel's role passes on to the use case. */
static void test_policy_R29_only_a_sitting_member_reads_for_the_panel(void **state)
{
    (void)state;
    role_set panel = only(ROLE_PANEL_MEMBER);
    const struct policy_record ended = {.known = true};
    const struct policy_record sitting = {.known = true,
                                          .relations = POLICY_REL(WHO_PANEL_SITTING)};
    assert_int_equal(policy_decide(true, panel, ACT_LIST, KIND_PROGRAM_REPORT, NULL),
                     POLICY_NEEDS_RECORD);
    assert_int_equal(policy_decide(true, only(ROLE_PARTICIPATING_TEACHER), ACT_LIST,
                                   KIND_PROGRAM_REPORT, NULL),
                     POLICY_FORBIDDEN);
    assert_int_equal(policy_decide(true, panel, ACT_LIST, KIND_PROGRAM_REPORT, &ended),
                     POLICY_FORBIDDEN);
    assert_int_equal(policy_decide(true, panel, ACT_LIST, KIND_PROGRAM_REPORT, &sitting),
                     POLICY_ALLOW);
    assert_int_equal(policy_decide(true, panel, ACT_VIEW, KIND_CT_REVIEW, &ended),
                     POLICY_FORBIDDEN);
    assert_int_equal(policy_decide(true, panel, ACT_VIEW, KIND_CT_REVIEW, &sitting),
                     POLICY_ALLOW);
}

/* True if a rule grants (act, kind) to everyone, visitors included. */
static bool granted_to_anyone(int act, int kind)
{
    for (int i = 0; i < policy_rule_count; i++)
        if (policy_rules[i].who == WHO_ANYONE && (int)policy_rules[i].action == act &&
            (int)policy_rules[i].kind == kind)
            return true;
    return false;
}

static void test_policy_visitors_get_nothing_but_public(void **state)
{
    (void)state;
    assert_int_equal(policy_decide(false, 0, ACT_PUBLIC, KIND_NONE, NULL), POLICY_ALLOW);
    for (int a = ACT_VIEW; a < ACT_COUNT; a++)
        for (int k = KIND_ACCOUNT; k < KIND_COUNT; k++)
            assert_int_equal(policy_decide(false, 0, (enum action)a, (enum record_kind)k, &own) ==
                                 POLICY_ALLOW,
                             granted_to_anyone(a, k));
    /* The public site is read by anyone; only the coordinator edits it. */
    assert_int_equal(policy_decide(false, 0, ACT_VIEW, KIND_CONTENT, NULL), POLICY_ALLOW);
    assert_int_equal(policy_decide(false, 0, ACT_EDIT, KIND_CONTENT, NULL), POLICY_FORBIDDEN);
    assert_int_equal(policy_decide(true, only(ROLE_CONSULTING_TEACHER), ACT_EDIT, KIND_CONTENT,
                                   NULL),
                     POLICY_FORBIDDEN);
    assert_int_equal(policy_decide(false, 0, ACT_LIST, KIND_FEEDBACK, NULL), POLICY_FORBIDDEN);
}

static void test_policy_coordinator_administers_people(void **state)
{
    (void)state;
    role_set coord = only(ROLE_COORDINATOR);
    assert_int_equal(policy_decide(true, coord, ACT_LIST, KIND_PERSON, NULL), POLICY_ALLOW);
    assert_int_equal(policy_decide(true, coord, ACT_CREATE, KIND_PERSON, NULL), POLICY_ALLOW);
    assert_int_equal(policy_decide(true, coord, ACT_EDIT, KIND_PERSON, &other), POLICY_ALLOW);
    assert_int_equal(policy_decide(true, coord, ACT_CREATE, KIND_ROLE, NULL), POLICY_ALLOW);
    assert_int_equal(policy_decide(true, coord, ACT_LIST, KIND_AUDIT, NULL), POLICY_ALLOW);
}

static void test_policy_teacher_is_refused_and_strangers_hidden(void **state)
{
    (void)state;
    role_set t = only(ROLE_PARTICIPATING_TEACHER);
    /* 403 for pages whose existence is no secret... */
    assert_int_equal(policy_decide(true, t, ACT_LIST, KIND_PERSON, NULL), POLICY_FORBIDDEN);
    assert_int_equal(policy_decide(true, t, ACT_LIST, KIND_SCHOOL, NULL), POLICY_FORBIDDEN);
    assert_int_equal(policy_decide(true, t, ACT_LIST, KIND_AUDIT, NULL), POLICY_FORBIDDEN);
    /* ...404 for another person's record: its existence is private. */
    assert_int_equal(policy_decide(true, t, ACT_VIEW, KIND_PERSON, NULL), POLICY_NEEDS_RECORD);
    assert_int_equal(policy_decide(true, t, ACT_VIEW, KIND_PERSON, &other), POLICY_HIDDEN);
    assert_int_equal(policy_decide(true, t, ACT_EDIT, KIND_PERSON, &own), POLICY_FORBIDDEN);
}

static void test_policy_R37_everyone_sees_own_record_and_history(void **state)
{
    (void)state;
    for (int r = 0; r < ROLE_COUNT; r++) {
        assert_int_equal(policy_decide(true, only((enum role)r), ACT_VIEW, KIND_PERSON, &own),
                         POLICY_ALLOW);
        assert_int_equal(policy_decide(true, only((enum role)r), ACT_VIEW_HISTORY, KIND_PERSON, &own),
                         POLICY_ALLOW);
    }
    /* Even with no role at all. */
    assert_int_equal(policy_decide(true, 0, ACT_VIEW_HISTORY, KIND_PERSON, &own), POLICY_ALLOW);
}

static void test_password_rules(void **state)
{
    (void)state;
    assert_non_null(password_weakness("", NULL));
    assert_non_null(password_weakness("short pass", NULL));          /* 10 characters */
    assert_non_null(password_weakness("aaaaaaaaaaaaaaa", NULL));     /* one character */
    assert_non_null(password_weakness("Password1234", NULL));        /* common, any case */
    assert_non_null(password_weakness("me@school.org.uk", "ME@school.org.uk"));
    assert_null(password_weakness("the harbor light at dusk", NULL));
    /* Twelve characters counted as characters, not bytes. */
    assert_null(password_weakness("éléphantéléph", NULL));
    assert_non_null(password_weakness("éléphanté", NULL));
}

static struct person_input good_person(void)
{
    return (struct person_input){.name = "Ann Lee", .email = "Ann.Lee@School.ORG",
                                 .employee_id = "E1", .school_id = "", .union_member = "yes",
                                 .full_time = "no", .district_year = "7", .job_type = "nurse"};
}

static void test_person_check_accepts_and_normalises(void **state)
{
    (void)state;
    struct person_input in = good_person();
    struct person_fields pf;
    struct errors errs = {0};
    assert_true(person_check(&in, &pf, &errs));
    assert_string_equal(pf.email, "ann.lee@school.org");
    assert_true(pf.union_member);
    assert_false(pf.full_time);
    assert_int_equal(pf.district_year, 7);
    /* R5: nurses, SPC and CoSESS staff are people like any other. */
    assert_int_equal(pf.job_type, JOB_NURSE);
}

static void test_person_check_names_every_bad_field(void **state)
{
    (void)state;
    struct person_input in = {.name = "", .email = "not-an-email", .school_id = "x1",
                              .union_member = "maybe", .full_time = "yes",
                              .district_year = "-3", .job_type = "astronaut"};
    struct person_fields pf;
    struct errors errs = {0};
    assert_false(person_check(&in, &pf, &errs));
    const char *fields[] = {"name", "email", "school_id", "union_member", "district_year", "job_type"};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        assert_non_null(errors_get(&errs, fields[i]));
    assert_null(errors_get(&errs, "full_time"));
}

static void test_school_check(void **state)
{
    (void)state;
    struct errors errs = {0};
    assert_true(school_check(&(struct school_input){"Riverside High", "RHS", ""}, &errs));
    assert_false(school_check(&(struct school_input){"", "", "line\nbreak"}, &errs));
    assert_non_null(errors_get(&errs, "name"));
    assert_non_null(errors_get(&errs, "code"));
    assert_non_null(errors_get(&errs, "address"));
}

static struct role_input panel_role(const char *start, const char *end)
{
    return (struct role_input){.role = "panel_member", .seat = "teacher",
                               .appointed_by = "union_president", .term_start = start,
                               .term_end = end};
}

static void test_R29_panel_term_at_most_four_years(void **state)
{
    (void)state;
    struct role_fields rf;
    struct errors errs = {0};
    struct role_input ok = panel_role("2025-09-01", "2029-09-01");
    assert_true(role_check(&ok, 4, &rf, &errs));
    struct role_input too_long = panel_role("2025-09-01", "2029-09-02");
    assert_false(role_check(&too_long, 4, &rf, &errs));
    assert_non_null(strstr(errors_get(&errs, "term_end"), "R29"));
    struct errors errs2 = {0};
    struct role_input backwards = panel_role("2025-09-01", "2025-08-01");
    assert_false(role_check(&backwards, 4, &rf, &errs2));
    assert_non_null(errors_get(&errs2, "term_end"));
}

static void test_R29_panel_member_needs_seat_and_appointer(void **state)
{
    (void)state;
    struct role_input in = panel_role("2025-09-01", "2027-09-01");
    in.seat = "janitor";
    in.appointed_by = "";
    struct role_fields rf;
    struct errors errs = {0};
    assert_false(role_check(&in, 4, &rf, &errs));
    assert_non_null(errors_get(&errs, "seat"));
    assert_non_null(errors_get(&errs, "appointed_by"));
}

static void test_administrator_needs_a_school(void **state)
{
    (void)state;
    struct role_fields rf;
    struct errors errs = {0};
    assert_false(role_check(&(struct role_input){.role = "administrator"}, 4, &rf, &errs));
    assert_non_null(errors_get(&errs, "school_id"));
    struct errors errs2 = {0};
    assert_true(role_check(&(struct role_input){.role = "administrator", .school_id = "3"}, 4, &rf,
                           &errs2));
    assert_int_equal(rf.school_id, 3);
    struct errors errs3 = {0};
    assert_false(role_check(&(struct role_input){.role = "consulting_teacher", .school_id = "3"}, 4,
                            &rf, &errs3));
    assert_non_null(errors_get(&errs3, "school_id"));
    assert_false(role_check(&(struct role_input){.role = "king"}, 4, &rf, &errs2));
}

static const char *default_of(const char *key)
{
    const struct setting_def *d = setting_find(key);
    assert_non_null(d);
    return d->default_value;
}

static void test_settings_defaults_follow_rules_md(void **state)
{
    (void)state;
    assert_string_equal(default_of("min_years_experience"), "2");   /* R1 */
    assert_string_equal(default_of("par_min_plan_months"), "6");    /* R4 */
    assert_string_equal(default_of("cycle_min_months"), "6");       /* R13 */
    assert_string_equal(default_of("cycle_max_months"), "12");      /* R13 */
    assert_string_equal(default_of("caseload_weight_par"), "2");    /* R30: 2:1 */
    assert_string_equal(default_of("caseload_weight_pa"), "1");
    assert_string_equal(default_of("panel_vote_rule"), "majority"); /* R24 */
    assert_string_equal(default_of("panel_max_term_years"), "4");   /* R29 */
    assert_string_equal(default_of("small_group_min"), "5");        /* R39 */
    assert_string_equal(default_of("feedback_days"), "5");          /* R19 */
    assert_string_equal(default_of("superintendent_title"), "Superintendent"); /* R25 */
    assert_string_equal(default_of("ct_min_commitment_years"), "2");    /* R27 */
    assert_string_equal(default_of("ct_admin_restriction_years"), "1"); /* R27 */
    assert_null(setting_invalid("panel_vote_rule", "fixed:6"));     /* Toledo's 6 of 9 */
    assert_non_null(setting_invalid("panel_vote_rule", "fixed:"));
    assert_non_null(setting_invalid("caseload_cap", "many"));
    assert_non_null(setting_invalid("no_such_setting", "1"));
    /* Issue 15's limits: bounded, none can be switched off. */
    assert_non_null(setting_invalid("feedback_per_hour", "0"));
    assert_null(setting_invalid("feedback_per_hour", "1"));
    assert_non_null(setting_invalid("upload_case_quota_mib", "0"));
    assert_null(setting_invalid("upload_case_quota_mib", "10240"));
    assert_non_null(setting_invalid("upload_case_quota_mib", "10241"));
    assert_non_null(setting_invalid("upload_person_quota_mib", "0"));
    assert_null(setting_invalid("upload_person_quota_mib", "102400"));
}

/* Issue 15: wrong passwords slow down, growing, never lock. */
static void test_signin_delay_grows(void **state)
{
    (void)state;
    assert_int_equal(signin_delay(0, 5, 900), 0);
    assert_int_equal(signin_delay(5, 5, 900), 0);
    assert_int_equal(signin_delay(6, 5, 900), 1);
    assert_int_equal(signin_delay(7, 5, 900), 2);
    assert_int_equal(signin_delay(8, 5, 900), 4);
    assert_int_equal(signin_delay(15, 5, 900), 512);
    assert_int_equal(signin_delay(16, 5, 900), 900);
    assert_int_equal(signin_delay(100000, 5, 900), 900);
}

/* Issue 15, finding 8: nobody can aim a lockout at someone else. */
static void test_signin_decide(void **state)
{
    (void)state;
    struct signin_limits l = signin_default_limits();
    int64_t now = 1800000000;
    /* Wrong passwords from this address: slowed from here only. */
    struct signin_counts n = {.pair_failures = 7, .pair_last = now - 1};
    struct signin_decision d = signin_decide(&l, &n, now);
    assert_int_equal(d.verdict, SIGNIN_SLOWED_PAIR);
    assert_true(d.retry_at == now - 1 + 2);
    /* ...and once the pause has passed, the next try goes. */
    n.pair_last = now - 3;
    assert_int_equal(signin_decide(&l, &n, now).verdict, SIGNIN_GO);
    /* A flood of failures on the account from elsewhere does not touch
     * the owner at an address the account has signed in from. */
    n = (struct signin_counts){.known = true, .account_failures = 10000, .account_last = now,
                               .address_failures = 10000, .address_last = now,
                               .address_attempts = 1000000, .address_attempts_end = now + 600};
    assert_int_equal(signin_decide(&l, &n, now).verdict, SIGNIN_GO);
    /* From an address the account does not know, the same flood slows. */
    n.known = false;
    n.address_failures = 0;
    n.address_attempts = 0;
    d = signin_decide(&l, &n, now);
    assert_int_equal(d.verdict, SIGNIN_SLOWED_ACCOUNT);
    assert_true(d.retry_at == now + l.max_delay_seconds);
    /* One address trying many accounts. */
    n = (struct signin_counts){.address_failures = l.address_failures + 1, .address_last = now};
    assert_int_equal(signin_decide(&l, &n, now).verdict, SIGNIN_SLOWED_ADDRESS);
    n.known = true;
    assert_int_equal(signin_decide(&l, &n, now).verdict, SIGNIN_GO);
    /* Right passwords are limited per account, known address or not. */
    n = (struct signin_counts){.known = true, .account_signins = l.account_signins,
                               .account_signins_end = now + 60};
    d = signin_decide(&l, &n, now);
    assert_int_equal(d.verdict, SIGNIN_ACCOUNT_SIGNINS);
    assert_true(d.retry_at == now + 60);
    /* And per address, for accounts that do not know it. */
    n = (struct signin_counts){.address_attempts = l.address_attempts,
                               .address_attempts_end = now + 30};
    assert_int_equal(signin_decide(&l, &n, now).verdict, SIGNIN_ADDRESS_ATTEMPTS);
    assert_string_not_equal(signin_refusal(SIGNIN_SLOWED_PAIR), "");
}

static void test_api_token_rules(void **state)
{
    (void)state;
    arena *a = arena_new(0);
    struct token_fields tf;
    struct errors errs = {0};
    assert_true(token_check(a, &(struct token_input){"Grades sync", ""}, 90, &tf, &errs));
    assert_string_equal(tf.name, "Grades sync");
    assert_int_equal(tf.days, 90);   /* empty: the program's longest */
    assert_true(token_check(a, &(struct token_input){"Nightly", "7"}, 90, &tf, &errs));
    assert_int_equal(tf.days, 7);
    /* No more than the program allows, no less than a day, a name on one line. */
    const struct token_input bad[] = {{"x", "91"}, {"x", "0"}, {"x", "2.5"}, {"", "5"},
                                      {" padded", "5"}, {"two\nlines", "5"}};
    const char *field[] = {"days", "days", "days", "name", "name", "name"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        struct errors e = {0};
        assert_false(token_check(a, &bad[i], 90, &tf, &e));
        assert_non_null(errors_get(&e, field[i]));
    }
    /* An out-of-bounds limit never makes a token last for ever. */
    struct errors e = {0};
    assert_false(token_check(a, &(struct token_input){"x", "400"}, 100000, &tf, &e));
    assert_int_equal(token_state_at(100, 200, 0), TOKEN_ACTIVE);
    assert_int_equal(token_state_at(200, 200, 0), TOKEN_EXPIRED);
    assert_int_equal(token_state_at(100, 200, 150), TOKEN_REVOKED);
    assert_string_equal(default_of("api_token_days"), "90");
    assert_null(setting_invalid("api_token_days", "365"));
    assert_non_null(setting_invalid("api_token_days", "366"));
    assert_non_null(setting_invalid("api_token_days", "0"));
    arena_free(a);
}

/* Issue 16 and issue 15's finding 1: a link goes by e-mail to the address
 * on the person's record. One the coordinator asks for never reaches
 * beyond their program; one the person asks for does not go to an address
 * a coordinator typed when their roles reach beyond the program. */
static void test_password_link_way(void **state)
{
    (void)state;
    const enum link_asker me = LINK_ASKED_BY_PERSON, coordinator = LINK_ASKED_BY_COORDINATOR;
    assert_int_equal(credential_link_way(me, false, false), LINK_SENT);
    assert_int_equal(credential_link_way(me, false, true), LINK_SENT);  /* a new teacher */
    assert_int_equal(credential_link_way(me, true, false), LINK_SENT);  /* their own address */
    assert_int_equal(credential_link_way(me, true, true), LINK_NONE);
    assert_int_equal(credential_link_way(coordinator, false, false), LINK_SENT);
    assert_int_equal(credential_link_way(coordinator, false, true), LINK_SENT);
    assert_int_equal(credential_link_way(coordinator, true, false), LINK_WORDS_ONLY);
    assert_int_equal(credential_link_way(coordinator, true, true), LINK_WORDS_ONLY);
    arena *a = arena_new(0);
    assert_string_equal(credential_masked_address(a, "nora.lindqvist@district.org"),
                        "n…@district.org");
    assert_string_equal(credential_masked_address(a, "élodie@école.fr"), "é…@école.fr");
    assert_string_equal(credential_masked_address(a, "no-at-sign"), "…");
    assert_string_equal(credential_forgot_answer(a, 72),
                        "If an account has this address, a link to set a new password is on "
                        "its way. It works once, for 72 hours.");
    char out[EMAIL_MAX + 1];
    struct errors errs = {0};
    assert_true(email_check_yours("Nora@School.ORG", out, &errs));
    assert_string_equal(out, "nora@school.org");
    assert_false(email_check_yours("nora at school", out, &errs));
    assert_non_null(errors_get(&errs, "email"));
    assert_non_null(setting_invalid("password_links_per_hour", "0"));
    assert_null(setting_invalid("password_links_per_hour", "3"));
    arena_free(a);
}

static void test_policy_api_tokens_are_their_owners(void **state)
{
    (void)state;
    for (int r = 0; r < ROLE_COUNT; r++) {
        role_set one = only((enum role)r);
        assert_int_equal(policy_decide(true, one, ACT_CREATE, KIND_API_TOKEN, &own), POLICY_ALLOW);
        assert_int_equal(policy_decide(true, one, ACT_DELETE, KIND_API_TOKEN, &own), POLICY_ALLOW);
        /* Nobody makes a token for someone else. */
        assert_int_not_equal(policy_decide(true, one, ACT_CREATE, KIND_API_TOKEN, &other),
                             POLICY_ALLOW);
        /* Only the coordinator revokes another's; to others it does not exist. */
        assert_int_equal(policy_decide(true, one, ACT_DELETE, KIND_API_TOKEN, &other),
                         r == ROLE_COORDINATOR ? POLICY_ALLOW : POLICY_HIDDEN);
    }
}

static void test_parse_helpers(void **state)
{
    (void)state;
    assert_int_equal(parse_id("42"), 42);
    assert_int_equal(parse_id("0x2"), 0);
    assert_int_equal(parse_id("-1"), 0);
    assert_int_equal(parse_id("99999999999999999999"), 0);
    bool ok = true;
    assert_true(parse_flag("on", &ok));
    assert_false(parse_flag("no", &ok));
    assert_true(ok);
    parse_flag("perhaps", &ok);
    assert_false(ok);
}

/* Issue 18: a phone's photo (JPEG, ".jpg" or ".jpeg") is known by its
 * bytes; only photos are shown inline; the Panel's evidence takes PDF,
 * JPEG and PNG only. */
static void test_document_photos(void **state)
{
    (void)state;
    static const char jpeg[] = "\xFF\xD8\xFF\xE1\x00\x10"
                               "Exif";
    assert_int_equal(document_sniff(jpeg, sizeof jpeg - 1, "IMG_0001.JPG"), DOC_JPEG);
    assert_int_equal(document_sniff("\xFF\xD8", 2, "cut.jpg"), DOC_UNKNOWN);
    assert_int_equal(document_claimed("IMG_0001.jpeg"), DOC_JPEG);
    assert_int_equal(document_claimed("IMG_0001.JPG"), DOC_JPEG);
    assert_int_equal(document_claimed("IMG_0001.jpe"), DOC_UNKNOWN);
    assert_string_equal(document_media_type(DOC_JPEG), "image/jpeg");
    assert_int_equal(document_of_media_type("image/jpeg"), DOC_JPEG);
    assert_int_equal(document_of_media_type("text/html"), DOC_UNKNOWN);
    assert_true(document_shown_inline(DOC_JPEG) && document_shown_inline(DOC_PNG));
    assert_false(document_shown_inline(DOC_PDF) || document_shown_inline(DOC_TXT) ||
                 document_shown_inline(DOC_UNKNOWN));
    arena *a = arena_new(1024);
    assert_string_equal(document_accepted(a, DOCS_EVIDENCE), "PDF, PNG or JPEG (.jpg)");
    const char *any = document_accepted(a, DOCS_ANY);
    assert_non_null(strstr(any, "JPEG"));
    assert_non_null(strstr(any, "Word (.docx)"));
    assert_false(DOCS_EVIDENCE & DOC_SET(DOC_DOCX));
    arena_free(a);
}

/* R37: a history filtered by kind names each kind in words, never by the
 * log's key. */
static void test_audit_kind_words(void **state)
{
    (void)state;
    arena *a = arena_new(1024);
    assert_string_equal(audit_kind_label(a, "artifact"), "Artifacts");
    assert_string_equal(audit_kind_label(a, "panel_submission"), "Evidence sent to the Panel");
    assert_string_equal(audit_kind_label(a, "session"), "Sign-ins");
    assert_string_equal(audit_kind_label(a, "panel_session"), "Panel sessions");
    assert_string_equal(audit_kind_label(a, "no_such_kind"), "Other records");
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_policy_every_rule_grants_its_holder),
        cmocka_unit_test(test_policy_R29_only_a_sitting_member_reads_for_the_panel),
        cmocka_unit_test(test_policy_visitors_get_nothing_but_public),
        cmocka_unit_test(test_policy_coordinator_administers_people),
        cmocka_unit_test(test_policy_teacher_is_refused_and_strangers_hidden),
        cmocka_unit_test(test_policy_R37_everyone_sees_own_record_and_history),
        cmocka_unit_test(test_password_rules),
        cmocka_unit_test(test_person_check_accepts_and_normalises),
        cmocka_unit_test(test_person_check_names_every_bad_field),
        cmocka_unit_test(test_school_check),
        cmocka_unit_test(test_R29_panel_term_at_most_four_years),
        cmocka_unit_test(test_R29_panel_member_needs_seat_and_appointer),
        cmocka_unit_test(test_administrator_needs_a_school),
        cmocka_unit_test(test_settings_defaults_follow_rules_md),
        cmocka_unit_test(test_api_token_rules),
        cmocka_unit_test(test_policy_api_tokens_are_their_owners),
        cmocka_unit_test(test_password_link_way),
        cmocka_unit_test(test_signin_delay_grows),
        cmocka_unit_test(test_signin_decide),
        cmocka_unit_test(test_parse_helpers),
        cmocka_unit_test(test_document_photos),
        cmocka_unit_test(test_audit_kind_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_evaluation.c: the rules of a PAR case's evaluations, tested directly
 * (they are pure): the states and steps (R23: a summative goes to the
 * administrator before the teacher; R20: the teacher signs what is shared
 * with them; unlocking needs the other party's consent), R26 before
 * sharing, who reads which state, and the policy table's rows: R15 (only
 * the primary evaluator creates one), R20 (only the teacher signs), R23
 * (only the PAR administrator responds). */
#include "testing.h"

#include "domain/evaluation.h"

#define REL(who) POLICY_REL(who)

static enum policy_answer ask(enum action act, unsigned relations)
{
    role_set roles = (1u << ROLE_CONSULTING_TEACHER) | (1u << ROLE_ADMINISTRATOR) |
                     (1u << ROLE_PARTICIPATING_TEACHER);
    return policy_decide(true, roles, act, KIND_EVALUATION,
                         &(struct policy_record){.known = true, .relations = relations});
}

static const char *refusal(enum eval_kind k, enum eval_status s, enum eval_step step)
{
    return evaluation_step_refusal(k, s, step, 0, 7);
}

static void test_R23_a_summative_goes_to_the_administrator_first(void **state)
{
    (void)state;
    const char *r = refusal(EVAL_SUMMATIVE, EVAL_DRAFT, EVAL_SHARE_TEACHER);
    assert_non_null(r);
    assert_non_null(strstr(r, "R23"));
    assert_null(refusal(EVAL_SUMMATIVE, EVAL_DRAFT, EVAL_SHARE_ADMIN));
    assert_null(refusal(EVAL_SUMMATIVE, EVAL_ADMIN_PREVIEW, EVAL_RESPOND));
    assert_null(refusal(EVAL_SUMMATIVE, EVAL_ADMIN_PREVIEW, EVAL_SHARE_TEACHER));
    /* a formative may skip the preview, or not */
    assert_null(refusal(EVAL_FORMATIVE, EVAL_DRAFT, EVAL_SHARE_TEACHER));
    assert_null(refusal(EVAL_FORMATIVE, EVAL_DRAFT, EVAL_SHARE_ADMIN));
    /* the administrator responds during the preview only */
    assert_non_null(strstr(refusal(EVAL_SUMMATIVE, EVAL_SHARED, EVAL_RESPOND), "R23"));
    assert_non_null(refusal(EVAL_SUMMATIVE, EVAL_DRAFT, EVAL_RESPOND));
}

static void test_R20_the_teacher_signs_what_is_shared_with_them(void **state)
{
    (void)state;
    assert_null(refusal(EVAL_FORMATIVE, EVAL_SHARED, EVAL_SIGN));
    assert_non_null(strstr(refusal(EVAL_FORMATIVE, EVAL_DRAFT, EVAL_SIGN), "R20"));
    assert_non_null(strstr(refusal(EVAL_SUMMATIVE, EVAL_ADMIN_PREVIEW, EVAL_SIGN), "R20"));
    assert_non_null(strstr(refusal(EVAL_FORMATIVE, EVAL_SIGNED, EVAL_SIGN), "already"));
    assert_int_equal(evaluation_step(EVAL_SIGN)->to, EVAL_SIGNED);
    /* locked once signed, not before */
    assert_non_null(refusal(EVAL_FORMATIVE, EVAL_SHARED, EVAL_LOCK));
    assert_null(refusal(EVAL_FORMATIVE, EVAL_SIGNED, EVAL_LOCK));
    assert_int_equal(evaluation_step(EVAL_LOCK)->to, EVAL_LOCKED);
}

static void test_unlocking_needs_the_other_partys_consent(void **state)
{
    (void)state;
    int64_t ct = 3, teacher = 4;
    assert_null(evaluation_step_refusal(EVAL_SUMMATIVE, EVAL_LOCKED, EVAL_ASK_UNLOCK, 0, ct));
    assert_non_null(evaluation_step_refusal(EVAL_SUMMATIVE, EVAL_LOCKED, EVAL_ASK_UNLOCK, ct, ct));
    /* nobody asked: nothing to consent to */
    assert_non_null(evaluation_step_refusal(EVAL_SUMMATIVE, EVAL_LOCKED, EVAL_CONSENT_UNLOCK, 0,
                                            teacher));
    /* the asker cannot consent to their own request */
    const char *own =
        evaluation_step_refusal(EVAL_SUMMATIVE, EVAL_LOCKED, EVAL_CONSENT_UNLOCK, ct, ct);
    assert_non_null(own);
    assert_non_null(strstr(own, "other party"));
    assert_null(
        evaluation_step_refusal(EVAL_SUMMATIVE, EVAL_LOCKED, EVAL_CONSENT_UNLOCK, ct, teacher));
    assert_null(
        evaluation_step_refusal(EVAL_SUMMATIVE, EVAL_LOCKED, EVAL_CONSENT_UNLOCK, teacher, ct));
    assert_int_equal(evaluation_step(EVAL_CONSENT_UNLOCK)->to, EVAL_DRAFT);
    assert_non_null(refusal(EVAL_SUMMATIVE, EVAL_SIGNED, EVAL_ASK_UNLOCK));
    /* only a draft is revised */
    for (int s = 0; s < EVAL_STATUS_COUNT; s++)
        assert_int_equal(evaluation_editable((enum eval_status)s), s == EVAL_DRAFT);
}

static void test_R26_every_standard_rated_and_I_II_bind_the_overall(void **state)
{
    (void)state;
    enum rating ok[4] = {RATING_PROFICIENT, RATING_PROFICIENT, RATING_NEEDS_IMPROVEMENT,
                         RATING_EXEMPLARY};
    assert_null(evaluation_share_refusal(RATING_PROFICIENT, ok, 4));
    enum rating low_ii[4] = {RATING_PROFICIENT, RATING_NEEDS_IMPROVEMENT, RATING_PROFICIENT,
                             RATING_PROFICIENT};
    const char *r = evaluation_share_refusal(RATING_PROFICIENT, low_ii, 4);
    assert_non_null(r);
    assert_non_null(strstr(r, "R26"));
    assert_non_null(strstr(r, "standard II"));
    /* a lower overall stands with them */
    assert_null(evaluation_share_refusal(RATING_NEEDS_IMPROVEMENT, low_ii, 4));
    enum rating unrated[4] = {RATING_PROFICIENT, RATING_PROFICIENT, RATING_NONE,
                              RATING_PROFICIENT};
    assert_non_null(strstr(evaluation_share_refusal(RATING_PROFICIENT, unrated, 4), "every"));
    assert_non_null(strstr(evaluation_share_refusal(RATING_NONE, ok, 4), "overall"));
}

static void test_who_reads_which_state(void **state)
{
    (void)state;
    for (int s = 0; s < EVAL_STATUS_COUNT; s++) {
        assert_true(evaluation_visible((enum eval_status)s, EVAL_READER_AUTHOR));
        assert_int_equal(evaluation_visible((enum eval_status)s, EVAL_READER_ADMINISTRATOR),
                         s >= EVAL_ADMIN_PREVIEW);
        assert_int_equal(evaluation_visible((enum eval_status)s, EVAL_READER_OTHER),
                         s >= EVAL_SHARED);
    }
}

static void test_policy_R15_R20_R23(void **state)
{
    (void)state;
    /* R15: the primary evaluator creates; the secondary evaluator does not */
    assert_int_equal(ask(ACT_CREATE, REL(WHO_CASE_PRIMARY_EVALUATOR)), POLICY_ALLOW);
    assert_int_not_equal(ask(ACT_CREATE, REL(WHO_CASE_EVALUATOR)), POLICY_ALLOW);
    assert_int_not_equal(ask(ACT_CREATE, REL(WHO_CASE_CT)), POLICY_ALLOW);   /* a PA case's CT */
    assert_int_not_equal(ask(ACT_EDIT, REL(WHO_CASE_EVALUATOR)), POLICY_ALLOW);
    /* R20: only the teacher signs */
    assert_int_equal(ask(ACT_SIGN, REL(WHO_CASE_TEACHER)), POLICY_ALLOW);
    assert_int_not_equal(ask(ACT_SIGN, REL(WHO_CASE_PRIMARY_EVALUATOR)), POLICY_ALLOW);
    /* R23: only the PAR administrator responds */
    assert_int_equal(ask(ACT_RESPOND, REL(WHO_CASE_EVALUATOR)), POLICY_ALLOW);
    assert_int_not_equal(ask(ACT_RESPOND, REL(WHO_CASE_ADMINISTRATOR)), POLICY_ALLOW);
    /* each step's action is in the table for whoever takes it */
    assert_int_equal(evaluation_step(EVAL_RESPOND)->act, ACT_RESPOND);
    assert_int_equal(evaluation_step(EVAL_SIGN)->act, ACT_SIGN);
    assert_int_equal(evaluation_step(EVAL_SHARE_TEACHER)->act, ACT_EDIT);
    assert_int_equal(evaluation_step(EVAL_CONSENT_UNLOCK)->act, ACT_UNLOCK);
}

static void test_keys_round_trip(void **state)
{
    (void)state;
    for (int s = 0; s < EVAL_STEP_COUNT; s++) {
        enum eval_step back;
        assert_true(evaluation_step_parse(evaluation_step((enum eval_step)s)->key, &back));
        assert_int_equal(back, s);
    }
    for (int s = 0; s < EVAL_STATUS_COUNT; s++) {
        enum eval_status back;
        assert_true(evaluation_status_parse(evaluation_status_key((enum eval_status)s), &back));
        assert_int_equal(back, s);
    }
    enum eval_kind k;
    assert_true(evaluation_kind_parse("summative", &k));
    assert_int_equal(k, EVAL_SUMMATIVE);
    assert_false(evaluation_kind_parse("final", &k));
    enum eval_step st;
    assert_false(evaluation_step_parse(NULL, &st));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_R23_a_summative_goes_to_the_administrator_first),
        cmocka_unit_test(test_R20_the_teacher_signs_what_is_shared_with_them),
        cmocka_unit_test(test_unlocking_needs_the_other_partys_consent),
        cmocka_unit_test(test_R26_every_standard_rated_and_I_II_bind_the_overall),
        cmocka_unit_test(test_who_reads_which_state),
        cmocka_unit_test(test_policy_R15_R20_R23),
        cmocka_unit_test(test_keys_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_observation.c: who may record which observers (R15, R16, R18) and
 * where an observation's feedback stands (R19). */
#include "testing.h"

#include "domain/observation.h"

static void test_observers_keys_round_trip(void **state)
{
    (void)state;
    for (int o = 0; o < OBSERVERS_COUNT; o++) {
        enum observers back;
        assert_true(observers_parse(observers_key((enum observers)o), &back));
        assert_int_equal(back, o);
        assert_true(*observers_label((enum observers)o));
    }
    enum observers o;
    assert_false(observers_parse("principal", &o));
    assert_false(observers_parse("", &o));
    assert_false(observers_parse(NULL, &o));
}

/* R16: on a PA case only the CT observes, alone; anything else is refused
 * naming R16. */
static void test_R16_pa_observations_are_the_ct_alone(void **state)
{
    (void)state;
    assert_null(observers_refusal(false, OBSERVERS_CT, true, false));
    const char *why = observers_refusal(false, OBSERVERS_JOINT, true, false);
    assert_non_null(why);
    assert_non_null(strstr(why, "R16"));
    assert_non_null(observers_refusal(false, OBSERVERS_ADMINISTRATOR, true, false));
    /* An administrator is never an evaluator on PA; even if asked, refused. */
    assert_non_null(observers_refusal(false, OBSERVERS_ADMINISTRATOR, false, true));
    assert_non_null(observers_refusal(false, OBSERVERS_CT, false, true));
}

/* R15, R18: on PAR the CT and the administrator each record what they took
 * part in, alone or together. */
static void test_R15_R18_par_observers_record_their_own(void **state)
{
    (void)state;
    assert_null(observers_refusal(true, OBSERVERS_CT, true, false));
    assert_null(observers_refusal(true, OBSERVERS_JOINT, true, false));
    assert_null(observers_refusal(true, OBSERVERS_ADMINISTRATOR, false, true));
    assert_null(observers_refusal(true, OBSERVERS_JOINT, false, true));
    const char *why = observers_refusal(true, OBSERVERS_CT, false, true);
    assert_non_null(why);
    assert_non_null(strstr(why, "R15"));
    assert_non_null(observers_refusal(true, OBSERVERS_ADMINISTRATOR, true, false));
    assert_true(observers_took_part(OBSERVERS_JOINT, false, true));
    assert_false(observers_took_part(OBSERVERS_CT, false, true));
    assert_false(observers_took_part(OBSERVERS_ADMINISTRATOR, false, false));
}

/* R19: feedback is due feedback_days after the observation; shared later,
 * or not shared once that day has passed, it is late. */
static void test_R19_feedback_due_shared_and_late(void **state)
{
    (void)state;
    char due[11];
    assert_int_equal(feedback_state_of("2026-11-20", 5, "", "2026-11-25", due), FEEDBACK_DUE);
    assert_string_equal(due, "2026-11-25");
    assert_int_equal(feedback_state_of("2026-11-20", 5, "", "2026-11-26", due), FEEDBACK_LATE);
    assert_int_equal(feedback_state_of("2026-11-20", 5, "2026-11-25", "2026-12-30", due),
                     FEEDBACK_SHARED);
    assert_int_equal(feedback_state_of("2026-11-20", 5, "2026-11-26", "2026-11-26", due),
                     FEEDBACK_SHARED_LATE);
    /* The setting decides: two days are over sooner. */
    assert_int_equal(feedback_state_of("2026-11-20", 2, "", "2026-11-23", due), FEEDBACK_LATE);
    assert_string_equal(due, "2026-11-22");
    assert_int_equal(feedback_state_of("not a date", 5, "", "2026-11-23", due), FEEDBACK_DUE);
    assert_string_equal(due, "");
}

/* R18, R19: a case's tally: joint observations, late and pending feedback,
 * and the next feedback due. */
static void test_R18_R19_tally(void **state)
{
    (void)state;
    struct observation_tally t = {0};
    const char *today = "2026-11-26";
    observation_tally_add(&t, "2026-11-01", false, 5, "2026-11-03", today);
    observation_tally_add(&t, "2026-11-19", false, 5, "", today);   /* late */
    observation_tally_add(&t, "2026-11-24", false, 5, "", today);              /* due 29 */
    observation_tally_add(&t, "2026-11-23", false, 5, "", today);              /* due 28 */
    assert_int_equal(t.count, 4);
    assert_int_equal(t.joint, 0);
    assert_int_equal(t.late, 1);
    assert_int_equal(t.pending, 3);
    assert_string_equal(t.next_due, "2026-11-24");   /* the late one's, first */
    observation_tally_add(&t, "2026-11-25", true, 5, "2026-11-25", today);   /* joint, both */
    assert_int_equal(t.joint, 1);
    assert_int_equal(t.pending, 3);
    struct observation_tally none = {0};
    assert_string_equal(none.next_due, "");
}

/* R18: "the CT and the administrator observe together": a joint
 * observation counts once both confirmed; the one who recorded it confirms
 * for themselves, only the other is asked. */
static void test_R18_joint_counts_once_both_confirm(void **state)
{
    (void)state;
    assert_int_equal(joint_standing_of(OBSERVERS_CT, true, false), JOINT_NOT);
    assert_int_equal(joint_standing_of(OBSERVERS_JOINT, true, false), JOINT_AWAITING_ADMINISTRATOR);
    assert_int_equal(joint_standing_of(OBSERVERS_JOINT, false, true), JOINT_AWAITING_CT);
    assert_int_equal(joint_standing_of(OBSERVERS_JOINT, true, true), JOINT_CONFIRMED);
    /* the administrator confirms what the CT recorded; not twice, nor the CT again */
    assert_null(joint_confirm_refusal(OBSERVERS_JOINT, false, true, true, false));
    assert_non_null(joint_confirm_refusal(OBSERVERS_JOINT, true, false, true, false));
    assert_non_null(joint_confirm_refusal(OBSERVERS_JOINT, false, true, true, true));
    assert_null(joint_confirm_refusal(OBSERVERS_JOINT, true, false, false, true));
    /* nobody else, and no observation that is not joint */
    assert_non_null(joint_confirm_refusal(OBSERVERS_JOINT, false, false, true, false));
    assert_non_null(joint_confirm_refusal(OBSERVERS_CT, false, true, true, false));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_observers_keys_round_trip),
        cmocka_unit_test(test_R16_pa_observations_are_the_ct_alone),
        cmocka_unit_test(test_R15_R18_par_observers_record_their_own),
        cmocka_unit_test(test_R19_feedback_due_shared_and_late),
        cmocka_unit_test(test_R18_R19_tally),
        cmocka_unit_test(test_R18_joint_counts_once_both_confirm),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_inquiry.c: the contact form's checks (R10: the form every enrolment
 * starts with), the closing rule, the reference and the queue's age. */
#include "testing.h"

#include "domain/inquiry.h"

static struct inquiry_input good(void)
{
    return (struct inquiry_input){"Robin Lee", "Robin@Example.org", "3", "", "email", "", "pa", ""};
}

static void test_R10_a_good_form_passes_and_lowercases_email(void **state)
{
    (void)state;
    struct inquiry_input in = good();
    struct inquiry_fields f;
    struct errors errs = {0};
    assert_true(inquiry_check(&in, &f, &errs));
    assert_string_equal(f.email, "robin@example.org");
    assert_int_equal(f.school_id, 3);
    assert_int_equal(f.interest, INTEREST_PA);
}

static void test_R10_every_bad_field_is_named(void **state)
{
    (void)state;
    struct inquiry_input in = {"", "nope", "", "", "", "", "", ""};
    struct inquiry_fields f;
    struct errors errs = {0};
    assert_false(inquiry_check(&in, &f, &errs));
    const char *fields[] = {"name", "email", "school_id", "contact_by", "interest"};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        assert_non_null(errors_get(&errs, fields[i]));
    assert_int_equal(errs.n, 5);
}

static void test_phone_needed_for_a_call_and_question_needs_words(void **state)
{
    (void)state;
    struct inquiry_input in = good();
    in.contact_by = "either";
    in.interest = "question";
    in.school_id = SCHOOL_OTHER;
    struct inquiry_fields f;
    struct errors errs = {0};
    assert_false(inquiry_check(&in, &f, &errs));
    assert_non_null(errors_get(&errs, "phone"));
    assert_non_null(errors_get(&errs, "message"));
    assert_null(errors_get(&errs, "school_id"));
    in.phone = "+1 (617) 555-0142";
    in.message = "Can a nurse join?";
    errs.n = 0;
    assert_true(inquiry_check(&in, &f, &errs));
    assert_int_equal(f.school_id, 0);
}

static void test_closing_needs_a_reason(void **state)
{
    (void)state;
    enum inquiry_status s;
    struct errors errs = {0};
    assert_false(inquiry_status_check("closed", "", &s, &errs));
    assert_non_null(errors_get(&errs, "close_reason"));
    errs.n = 0;
    assert_true(inquiry_status_check("closed", "Enrolled in PA", &s, &errs));
    assert_int_equal(s, INQUIRY_CLOSED);
    assert_false(inquiry_status_check("new", "why", &s, &errs));
    assert_false(inquiry_status_check("pending", "", &s, &errs));
}

static void test_reference_and_age(void **state)
{
    (void)state;
    char out[32];
    inquiry_reference(out, sizeof out, 2026, 42);
    assert_string_equal(out, "INQ-2026-0042");
    inquiry_age(out, sizeof out, 3600);
    assert_string_equal(out, "today");
    inquiry_age(out, sizeof out, 86400 + 5);
    assert_string_equal(out, "1 day");
    inquiry_age(out, sizeof out, 3 * 86400 + 7200);
    assert_string_equal(out, "3 days");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_R10_a_good_form_passes_and_lowercases_email),
        cmocka_unit_test(test_R10_every_bad_field_is_named),
        cmocka_unit_test(test_phone_needed_for_a_call_and_question_needs_words),
        cmocka_unit_test(test_closing_needs_a_reason),
        cmocka_unit_test(test_reference_and_age),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

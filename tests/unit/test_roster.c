/* test_roster.c: a district's roster (issue 17), its mapping and its rows.
 * The expected answers are OneRoster 1.1's (its CSV binding: users.csv's
 * roles and columns, orgs.csv's org types, status and enabledUser) and the
 * issue's: the program's own roles never come with a roster, and R5's
 * staff stay what the coordinator recorded. */
#include "testing.h"

#include "base/arena.h"
#include "domain/roster.h"

static int setup(void **state)
{
    *state = arena_new(0);
    return 0;
}

static int teardown(void **state)
{
    arena_free(*state);
    return 0;
}

/* OneRoster 1.1's eight roles: four are staff, four are students and
 * their families, whom a peer-assistance program leaves out. */
static void test_oneroster_roles_staff_and_not(void **state)
{
    (void)state;
    const char *staff[] = {"teacher", "administrator", "aide", "proctor", "Teacher"};
    for (size_t i = 0; i < sizeof staff / sizeof *staff; i++) {
        assert_non_null(roster_role_find(staff[i]));
        assert_true(roster_role_find(staff[i])->staff);
    }
    const char *others[] = {"student", "parent", "guardian", "relative"};
    for (size_t i = 0; i < sizeof others / sizeof *others; i++) {
        assert_non_null(roster_role_find(others[i]));
        assert_false(roster_role_find(others[i])->staff);
    }
    /* OneRoster 1.2's words are not 1.1's. */
    assert_null(roster_role_find("principal"));
    assert_null(roster_role_find("districtAdministrator"));
    assert_null(roster_role_find(""));
    assert_null(roster_role_find(NULL));
}

/* The school's administrator is the one Parley role a roster carries. */
static void test_only_the_administrator_comes_with_a_roster(void **state)
{
    (void)state;
    assert_true(roster_role_find("administrator")->administrator);
    assert_false(roster_role_find("teacher")->administrator);
    assert_false(roster_role_find("aide")->administrator);
    assert_true(roster_carries(ROLE_ADMINISTRATOR));
    /* Issue 17: the roles the program grants never come with a roster. */
    const enum role granted[] = {ROLE_COORDINATOR,     ROLE_CONSULTING_TEACHER,
                                 ROLE_PANEL_MEMBER,    ROLE_UNION_REP,
                                 ROLE_SUPERINTENDENT,  ROLE_PARTICIPATING_TEACHER,
                                 ROLE_PSS_COORDINATOR, ROLE_LOCAL_PRESIDENT,
                                 ROLE_PSS_CONSULTANT,  ROLE_MEMBER};
    for (size_t i = 0; i < sizeof granted / sizeof *granted; i++)
        assert_false(roster_carries(granted[i]));
}

/* R5: a roster's teacher may be an SPC teacher, a nurse or a CoSESS
 * specialist; it cannot tell, so the job recorded stays. */
static void test_R5_a_rosters_teacher_keeps_the_job_recorded(void **state)
{
    (void)state;
    const struct roster_role *teacher = roster_role_find("teacher");
    assert_int_equal(roster_job(teacher, NULL), JOB_CLASSROOM_TEACHER);
    const enum job_type kept[] = {JOB_CLASSROOM_TEACHER, JOB_SPC_TEACHER, JOB_NURSE, JOB_COSESS};
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
        assert_int_equal(roster_job(teacher, &kept[i]), kept[i]);
    enum job_type other = JOB_OTHER;
    assert_int_equal(roster_job(teacher, &other), JOB_CLASSROOM_TEACHER);
    /* A teacher who became a principal is one no longer. */
    enum job_type classroom = JOB_CLASSROOM_TEACHER;
    assert_int_equal(roster_job(roster_role_find("administrator"), &classroom), JOB_OTHER);
    enum job_type nurse = JOB_NURSE;
    assert_int_equal(roster_job(roster_role_find("aide"), &nurse), JOB_NURSE);
}

static bool user_check(void **state, enum roster_format f, const struct roster_user_in *in,
                       struct roster_user *out, struct errors *errs)
{
    *errs = (struct errors){.n = 0};
    return roster_user_check(*state, f, in, out, errs);
}

/* A users.csv row: sourcedId, givenName and familyName, email, identifier. */
static void test_a_oneroster_row_says_who_the_person_is(void **state)
{
    struct roster_user u;
    struct errors errs;
    struct roster_user_in in = {.sourced_id = "t-0001",
                                .enabled = "true",
                                .orgs = "s1,s2",
                                .role = "teacher",
                                .given = "Aisha",
                                .family = "Bello",
                                .identifier = "E1234",
                                .email = "Aisha.Bello@District.ORG"};
    assert_true(user_check(state, ROSTER_ONEROSTER, &in, &u, &errs));
    assert_string_equal(u.sourced_id, "t-0001");
    assert_string_equal(u.who.name, "Aisha Bello");
    assert_string_equal(u.who.email, "aisha.bello@district.org");
    assert_string_equal(u.who.employee_id, "E1234");
    assert_string_equal(u.schools, "s1,s2");
    assert_true(u.active);
    assert_true(u.role->staff);
}

/* enabledUser false, or a delta's status tobedeleted: gone from the roster. */
static void test_a_disabled_or_deleted_user_is_not_active(void **state)
{
    struct roster_user u;
    struct errors errs;
    struct roster_user_in in = {.sourced_id = "t1",
                                .enabled = "false",
                                .role = "teacher",
                                .given = "A",
                                .family = "B",
                                .email = "a@b.org"};
    assert_true(user_check(state, ROSTER_ONEROSTER, &in, &u, &errs));
    assert_false(u.active);
    in.enabled = "true";
    in.status = "tobedeleted";
    assert_true(user_check(state, ROSTER_ONEROSTER, &in, &u, &errs));
    assert_false(u.active);
    in.status = "active";
    assert_true(user_check(state, ROSTER_ONEROSTER, &in, &u, &errs));
    assert_true(u.active);
}

/* Each problem is named by the file's own column. */
static void test_a_bad_oneroster_row_names_its_columns(void **state)
{
    struct roster_user u;
    struct errors errs;
    struct roster_user_in in = {.sourced_id = "",
                                .status = "gone",
                                .enabled = "maybe",
                                .role = "teacher",
                                .given = "",
                                .family = "Bello",
                                .identifier = "an identifier far longer than forty characters",
                                .email = "not an address"};
    assert_false(user_check(state, ROSTER_ONEROSTER, &in, &u, &errs));
    const char *columns[] = {"sourcedId", "status",     "enabledUser",
                             "givenName", "identifier", "email"};
    for (size_t i = 0; i < sizeof columns / sizeof *columns; i++)
        assert_non_null(errors_get(&errs, columns[i]));
    assert_int_equal(errs.n, 6);
    assert_null(errors_get(&errs, "familyName"));
    /* Parley reaches people by e-mail: a staff member needs an address. */
    in = (struct roster_user_in){.sourced_id = "t1", .role = "aide", .given = "A", .family = "B"};
    assert_false(user_check(state, ROSTER_ONEROSTER, &in, &u, &errs));
    assert_non_null(errors_get(&errs, "email"));
}

/* A student's row is left out, whatever else it lacks. */
static void test_a_student_is_left_out_unchecked(void **state)
{
    struct roster_user u;
    struct errors errs;
    struct roster_user_in in = {.sourced_id = "", .role = "student", .given = "", .email = ""};
    assert_true(user_check(state, ROSTER_ONEROSTER, &in, &u, &errs));
    assert_false(u.role->staff);
    in.role = "principal";
    assert_false(user_check(state, ROSTER_ONEROSTER, &in, &u, &errs));
    assert_non_null(errors_get(&errs, "role"));
    in.role = "";
    assert_false(user_check(state, ROSTER_PLAIN, &in, &u, &errs));
    assert_non_null(errors_get(&errs, "role"));
}

/* The plain CSV: name, email, school, role (and employee_id). */
static void test_a_plain_row(void **state)
{
    struct roster_user u;
    struct errors errs;
    struct roster_user_in in = {.name = "Samuel Reyes",
                                .email = "S.Reyes@district.org",
                                .school = "RHS",
                                .role = "administrator"};
    assert_true(user_check(state, ROSTER_PLAIN, &in, &u, &errs));
    assert_string_equal(u.who.name, "Samuel Reyes");
    assert_string_equal(u.who.email, "s.reyes@district.org");
    assert_string_equal(u.who.employee_id, "");
    assert_string_equal(u.schools, "RHS");
    assert_string_equal(u.sourced_id, "");
    assert_true(u.role->administrator);
    in = (struct roster_user_in){.name = "",
                                 .email = "x@y.org",
                                 .role = "teacher",
                                 .employee_id = "an identifier far longer than forty characters"};
    assert_false(user_check(state, ROSTER_PLAIN, &in, &u, &errs));
    assert_non_null(errors_get(&errs, "name"));
    assert_non_null(errors_get(&errs, "employee_id"));
    assert_int_equal(errs.n, 2);
}

/* orgs.csv: an org of type school is a school; a district is not. */
static void test_orgs_schools_and_not(void **state)
{
    (void)state;
    struct roster_org o;
    struct errors errs = {.n = 0};
    assert_true(roster_org_check(
        &(struct roster_org_in){"s1", "", "Riverside High", "school", "RHS"}, &o, &errs));
    assert_true(o.school);
    assert_string_equal(o.code, "RHS");
    assert_string_equal(o.name, "Riverside High");
    assert_true(roster_org_check(&(struct roster_org_in){"s2", "", "Lincoln Park", "school", ""},
                                 &o, &errs));
    assert_string_equal(o.code, "s2");
    assert_true(roster_org_check(&(struct roster_org_in){"d1", "", "The District", "district", ""},
                                 &o, &errs));
    assert_false(o.school);
    assert_true(roster_org_check(
        &(struct roster_org_in){"s3", "tobedeleted", "Old", "school", "OLD"}, &o, &errs));
    assert_false(o.active);
    assert_int_equal(errs.n, 0);
    assert_false(roster_org_check(&(struct roster_org_in){"x", "", "", "campus", ""}, &o, &errs));
    assert_non_null(errors_get(&errs, "name"));
    assert_non_null(errors_get(&errs, "type"));
    errs.n = 0;
    assert_false(
        roster_org_check(&(struct roster_org_in){"0f8fad5b-d9cb-469f-a165-70867728950e-campus", "",
                                                 "Long", "school", ""},
                         &o, &errs));
    assert_non_null(errors_get(&errs, "identifier"));
}

/* orgSourcedIds is a list in one field. */
static void test_org_ids_are_a_list(void **state)
{
    const char **ids;
    assert_int_equal(roster_org_ids(*state, " s1, s2,,s3 ", &ids), 3);
    assert_string_equal(ids[0], "s1");
    assert_string_equal(ids[1], "s2");
    assert_string_equal(ids[2], "s3");
    assert_int_equal(roster_org_ids(*state, "", &ids), 0);
    assert_int_equal(roster_org_ids(*state, NULL, &ids), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_oneroster_roles_staff_and_not, setup, teardown),
        cmocka_unit_test_setup_teardown(test_only_the_administrator_comes_with_a_roster, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_R5_a_rosters_teacher_keeps_the_job_recorded, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_oneroster_row_says_who_the_person_is, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_disabled_or_deleted_user_is_not_active, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_bad_oneroster_row_names_its_columns, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_student_is_left_out_unchecked, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_plain_row, setup, teardown),
        cmocka_unit_test_setup_teardown(test_orgs_schools_and_not, setup, teardown),
        cmocka_unit_test_setup_teardown(test_org_ids_are_a_list, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_settings.c: no value of a setting switches its rule off (RULES.md:
 * "Settings are bounded by their rules"). Each expected answer comes from
 * RULES.md and the seeds: R1 (teachers in their 1st or 2nd year are not
 * eligible), R4 (a plan of at least 6 months), R13 (a cycle of 6 months to
 * a year), R19, R22, R24, R27 (at least 2 years; at least one year after),
 * R29 (terms of 2 to 4 years, 003), R30 (PAR counts more than PA), R39 (no
 * figure for a group small enough to recognise a person). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "testing.h"

#include "domain/settings.h"

static void test_every_setting_has_a_label_bounds_and_a_default_inside_them(void **state)
{
    (void)state;
    for (int i = 0; i < setting_def_count; i++) {
        const struct setting_def *d = &setting_defs[i];
        assert_non_null(d->label);
        assert_non_null(d->bounds);
        assert_true(d->lo < d->hi || (d->kind == SETTING_TEXT && d->lo <= d->hi));
        assert_null(setting_invalid(d->key, d->default_value));
        /* words for people: the setting's label, never its key */
        assert_null(strstr(d->label, d->key));
        assert_null(strstr(d->bounds, "_"));
        if (d->kind == SETTING_NUMBER) {
            char lo[16], hi[16];
            snprintf(lo, sizeof lo, "%d", d->lo);
            snprintf(hi, sizeof hi, "%d", d->hi);
            assert_non_null(strstr(d->bounds, lo));   /* the refusal says the bounds */
            assert_non_null(strstr(d->bounds, hi));
            snprintf(lo, sizeof lo, "%d", d->lo - 1);
            snprintf(hi, sizeof hi, "%d", d->hi + 1);
            assert_non_null(setting_invalid(d->key, lo));
            assert_non_null(setting_invalid(d->key, hi));
        }
    }
}

struct bound {
    const char *key, *refused, *accepted;
};

static void test_each_setting_is_bounded_by_its_rule(void **state)
{
    (void)state;
    static const struct bound bounds[] = {
        {"min_years_experience", "1", "2"},     /* R1: 1st and 2nd years are not eligible */
        {"par_min_plan_months", "5", "6"},      /* R4: at least 6 months */
        {"cycle_min_months", "5", "6"},         /* R13: from 6 months */
        {"cycle_max_months", "13", "12"},       /* R13: to one year */
        {"cycle_min_months", "13", "12"},
        {"caseload_weight_par", "0", "1"},      /* R30: every teacher counts */
        {"caseload_weight_pa", "0", "1"},
        {"caseload_cap", "0", "1"},
        {"panel_quorum", "0", "1"},             /* R24: a vote has members present */
        {"panel_max_term_years", "10", "4"},    /* R29: up to 4 years */
        {"panel_max_term_years", "5", "2"},     /* 003: 2-4 year terms */
        {"ct_min_commitment_years", "1", "2"},  /* R27: at least 2 years */
        {"ct_admin_restriction_years", "0", "1"},   /* R27: at least one year after */
        {"feedback_days", "0", "1"},            /* R19 */
        {"goals_due_days", "0", "1"},           /* R19 */
        {"small_group_min", "1", "5"},          /* R39 */
        {"small_group_min", "4", "100"},
        {"panel_preview_days", "0", "1"},       /* R22: they see it before the Panel votes */
        {"panel_vote_rule", "fixed:0", "fixed:6"},  /* R24: Toledo's 6 of 9 */
        {"panel_vote_rule", "fixed:", "consensus"},
        {"superintendent_title", "", "Assistant Superintendent"},
        {"contact_per_hour", "-1", "0"},        /* 0: no limit, against spam only */
    };
    for (size_t i = 0; i < sizeof bounds / sizeof bounds[0]; i++) {
        if (!setting_invalid(bounds[i].key, bounds[i].refused))
            fail_msg("%s = %s should be refused", bounds[i].key, bounds[i].refused);
        if (setting_invalid(bounds[i].key, bounds[i].accepted))
            fail_msg("%s = %s should be accepted", bounds[i].key, bounds[i].accepted);
    }
    assert_non_null(setting_invalid("caseload_cap", "many"));
    assert_non_null(setting_invalid("caseload_cap", " 3"));
    assert_non_null(setting_invalid("caseload_cap", "3.5"));
    assert_non_null(setting_invalid("superintendent_title", "Two\nlines"));
    assert_non_null(setting_invalid("no_such_setting", "1"));
}

/* A proposal: every setting at its default, then the changes sent. */
struct proposal {
    const char *values[64];
    bool sent[64];
    char words[ERRORS_MAX][SETTING_WORDS_MAX];
    struct errors errs;
};

static int index_of(const char *key)
{
    const struct setting_def *d = setting_find(key);
    assert_non_null(d);
    return (int)(d - setting_defs);
}

static void proposal_init(struct proposal *p)
{
    assert_true(setting_def_count <= 64);
    memset(p, 0, sizeof *p);
    for (int i = 0; i < setting_def_count; i++)
        p->values[i] = setting_defs[i].default_value;
}

static void propose(struct proposal *p, const char *key, const char *value)
{
    int i = index_of(key);
    p->values[i] = value;
    p->sent[i] = true;
}

static bool check(struct proposal *p)
{
    return settings_check(p->values, p->sent, p->words, &p->errs);
}

static void test_R30_par_counts_more_than_pa_against_the_current_values(void **state)
{
    (void)state;
    struct proposal p;
    proposal_init(&p);                       /* PAR 2, PA 1 */
    propose(&p, "caseload_weight_pa", "5");
    assert_false(check(&p));
    assert_int_equal(p.errs.n, 1);
    const char *why = errors_get(&p.errs, "caseload_weight_pa");
    assert_non_null(why);
    assert_non_null(strstr(why, "Caseload weight of a PA teacher"));
    assert_null(strstr(why, "caseload_weight"));
    /* the same change with PAR's weight raised in the same form is fine */
    propose(&p, "caseload_weight_par", "6");
    p.errs.n = 0;
    assert_true(check(&p));
    /* equal weights: PAR must count more, not as much */
    proposal_init(&p);
    propose(&p, "caseload_weight_par", "1");
    assert_false(check(&p));
    assert_non_null(errors_get(&p.errs, "caseload_weight_par"));
    /* a cap below one PAR teacher's weight would shut eligible teachers out (R8) */
    proposal_init(&p);
    propose(&p, "caseload_cap", "1");
    assert_false(check(&p));
    assert_non_null(errors_get(&p.errs, "caseload_cap"));
}

static void test_R13_the_shortest_cycle_is_not_longer_than_the_longest(void **state)
{
    (void)state;
    struct proposal p;
    proposal_init(&p);                       /* 6 to 12 */
    propose(&p, "cycle_min_months", "12");
    assert_true(check(&p));                  /* 12 to 12: a one-year cycle */
    /* both in one form: the error is beside the first */
    proposal_init(&p);
    propose(&p, "cycle_min_months", "12");
    propose(&p, "cycle_max_months", "6");
    assert_false(check(&p));
    assert_int_equal(p.errs.n, 1);
    assert_non_null(errors_get(&p.errs, "cycle_min_months"));
    assert_non_null(strstr(errors_get(&p.errs, "cycle_min_months"),
                           "Shortest evaluation cycle, in months: "));
    /* one changed against the other's current value: beside the one changed */
    proposal_init(&p);
    p.values[index_of("cycle_min_months")] = "9";   /* stored as it is now */
    propose(&p, "cycle_max_months", "8");
    assert_false(check(&p));
    assert_non_null(errors_get(&p.errs, "cycle_max_months"));
    assert_null(errors_get(&p.errs, "cycle_min_months"));
    /* neither sent: not this form's business */
    proposal_init(&p);
    p.values[index_of("cycle_min_months")] = "9";
    p.values[index_of("cycle_max_months")] = "8";
    propose(&p, "feedback_days", "4");
    assert_true(check(&p));
}

static void test_R24_a_fixed_vote_is_a_majority_of_the_quorum(void **state)
{
    (void)state;
    struct proposal p;
    proposal_init(&p);                        /* quorum 5 */
    propose(&p, "panel_vote_rule", "fixed:2");
    assert_false(check(&p));
    assert_non_null(errors_get(&p.errs, "panel_vote_rule"));
    proposal_init(&p);
    propose(&p, "panel_vote_rule", "fixed:6");
    propose(&p, "panel_quorum", "9");         /* Toledo's 6 of 9 */
    assert_true(check(&p));
    proposal_init(&p);
    p.values[index_of("panel_vote_rule")] = "fixed:3";
    propose(&p, "panel_quorum", "7");
    assert_false(check(&p));
    assert_non_null(errors_get(&p.errs, "panel_quorum"));
}

static void test_every_bad_value_sent_is_named_by_its_label(void **state)
{
    (void)state;
    struct proposal p;
    proposal_init(&p);
    propose(&p, "small_group_min", "1");
    propose(&p, "panel_max_term_years", "10");
    propose(&p, "panel_quorum", "0");
    assert_false(check(&p));
    assert_int_equal(p.errs.n, 3);
    assert_string_equal(errors_get(&p.errs, "small_group_min"),
                        "Smallest group whose figures are published: Give a number of people "
                        "from 5 to 100; a figure about fewer than 5 people could tell who they "
                        "are.");
    assert_non_null(strstr(errors_get(&p.errs, "panel_max_term_years"),
                           "Longest Panel term, in years: "));
    assert_non_null(strstr(errors_get(&p.errs, "panel_quorum"), "Panel quorum: "));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_setting_has_a_label_bounds_and_a_default_inside_them),
        cmocka_unit_test(test_each_setting_is_bounded_by_its_rule),
        cmocka_unit_test(test_R30_par_counts_more_than_pa_against_the_current_values),
        cmocka_unit_test(test_R13_the_shortest_cycle_is_not_longer_than_the_longest),
        cmocka_unit_test(test_R24_a_fixed_vote_is_a_majority_of_the_quorum),
        cmocka_unit_test(test_every_bad_value_sent_is_named_by_its_label),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

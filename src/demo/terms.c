/* terms.c: the small demo's Consulting Teachers' terms and the
 * Panel's review, made through the use cases by those whose work they are.
 * ct1@ and ct2@ serve their terms; ct3@ left the role two months ago, so
 * the R27 restriction runs for ten months more (dates follow the clock);
 * the Panel (panel@) reviewed ct1@ for 2025-26 (R28). */
#include <inttypes.h>

#include "app/ct_terms.h"
#include "app/enrolment.h"
#include "base/clock.h"
#include "demo/demo.h"
#include "domain/people.h"

static const char *person_of(struct ctx *c, const char *email)
{
    int64_t id = 0;
    db_int_query(c->db, &id, "SELECT id FROM person WHERE email = ? AND program_id = ?", "si",
                 email, c->who.program_id);
    return arena_printf(c->a, "%" PRId64, id);
}

static enum app_status term(struct ctx *c, const char *email, const char *from, const char *until)
{
    struct errors errs = {.n = 0};
    int64_t id;
    return ct_term_add(c, &(struct ct_term_request){person_of(c, email), from, until}, &id, &errs);
}

/* ct3@: a two-year term that ended, left 60 days ago. */
static enum app_status leaver(struct ctx *c)
{
    char left[11], from[11], until[11], two_years[11];
    const char *today = clock_date(c->a, app_now(c));
    if (!clock_add_days(today, -60, left) || !clock_add_days(left, -800, from) ||
        !date_add_years(from, 2, two_years) || !clock_add_days(two_years, -1, until))
        return APP_ERROR;
    enum app_status s = term(c, "ct3@parley.test", from, until);
    struct errors errs = {.n = 0};
    if (s == APP_OK)
        s = ct_leave(c, parse_id(person_of(c, "ct3@parley.test")), left, NULL, &errs);
    return s;
}

static enum app_status review(struct ctx *c)
{
    if (!demo_act_as(c, "panel@parley.test"))
        return APP_ERROR;
    struct errors errs = {.n = 0};
    int64_t id;
    const char *refusal;
    return ct_review_add(c, parse_id(person_of(c, "ct1@parley.test")),
                         &(struct ct_review_input){
                             "2025", "continue",
                             "Dana Whitfield's observations are timely and specific; her teachers "
                             "say her feedback is fair and practical. Her reports reach the Panel "
                             "on time. The Panel asks her to share her coaching log template "
                             "with the newer Consulting Teachers."},
                         &id, &errs, &refusal);
}

enum app_status terms_demo(struct ctx *c)
{
    struct actor was = c->who; /* the demo goes on as whoever called */
    if (!demo_act_as(c, "coordinator@parley.test"))
        return APP_ERROR;
    enum app_status s = term(c, "ct1@parley.test", "2024-08-15", "2026-08-14");
    if (s == APP_OK)
        s = term(c, "ct2@parley.test", "2025-08-15", "2027-08-14");
    if (s == APP_OK)
        s = leaver(c);
    if (s == APP_OK)
        s = review(c);
    c->who = was;
    return s;
}

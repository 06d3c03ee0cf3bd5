/* test_invitation.c: the calendar invitations (issue 16) to each kind of
 * meeting, set up through the use cases on the demo's data and parsed back
 * with libical, as a calendar that receives them would: a REQUEST with a
 * stable UID naming whoever the rules invite (R10: the teacher and the
 * CT; R11: the teacher and the union representative; R17: the teacher,
 * the CT and, on a PAR case only, the administrator, R16; R29: the
 * Panel's members whose term covers the session's day), a greater
 * SEQUENCE once it moves, and a CANCEL with the same UID once it is
 * cancelled or the case withdrawn (R8); each queued by e-mail to each
 * person with the step. Who is expected comes from the demo's people (the
 * README's sign-ins) and RULES.md, never from the code under test. */
#include "testing.h"

#include <inttypes.h>
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/enrolment.h"
#include "app/inquiry.h"
#include "app/invitation.h"
#include "app/meetings.h"
#include "app/panel.h"
#include "base/clock.h"
#include "base/secret.h"
#include "demo/demo.h"

#define PA_CASE 1     /* the demo's: teacher2, ct2, at principal2's school */
#define PAR_CASE 2    /* teacher, ct1, at principal's school */
#define TEACHER "invited.teacher@example.org"

static struct app app;
static db *d;
static char path[64];

/* --- a request: acting as someone, in a transaction of its own --- */

struct req {
    struct ctx c;
    arena *a;
};

static void as(struct req *r, const char *email)
{
    r->a = arena_new(0);
    app_operator_ctx(&r->c, &app, d, r->a);
    if (email && !demo_act_as(&r->c, email))
        fail_msg("nobody has the email %s", email);
    if (!email)
        r->c.who = (struct actor){.program_id = r->c.who.program_id};
    assert_int_equal(db_begin(d), DB_OK);
}

static void done(struct req *r, enum app_status s)
{
    if (s != APP_OK)
        fail_msg("the step failed: %d", (int)s);
    assert_int_equal(db_commit(d), DB_OK);
    arena_free(r->a);
}

static int64_t id_of(const char *email)
{
    int64_t id = 0;
    db_int_query(d, &id, "SELECT id FROM person WHERE email = ?", "s", email);
    return id;
}

static const char *day(struct req *r, int offset)
{
    char out[11];
    clock_add_days(clock_date(r->a, app_now(&r->c)), offset, out);
    return arena_strdup(r->a, out);
}

/* --- an invitation, parsed back --- */

struct parsed {
    icalproperty_method method;
    char uid[128];
    int sequence;
    enum icalproperty_status status;
    char attendees[512];             /* "mailto:a,mailto:b", sorted */
    char organizer[128];
};

static int by_text(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static struct parsed parse(const struct invitation *inv)
{
    struct parsed p = {0};
    icalcomponent *cal = icalparser_parse_string(inv->text);
    assert_non_null(cal);
    assert_int_equal(icalcomponent_count_errors(cal), 0);
    assert_int_equal(icalrestriction_check(cal), 1);   /* iTIP's, for its METHOD */
    assert_int_equal(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 1);
    icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
    p.method = icalcomponent_get_method(cal);
    snprintf(p.uid, sizeof p.uid, "%s", icalcomponent_get_uid(ev));
    p.sequence = icalcomponent_get_sequence(ev);
    p.status = icalcomponent_get_status(ev);
    const char *who[16];
    int n = 0;
    for (icalproperty *a = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY);
         a && n < 16; a = icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY))
        who[n++] = icalproperty_get_attendee(a);
    qsort(who, (size_t)n, sizeof *who, by_text);
    for (int i = 0; i < n; i++)
        snprintf(p.attendees + strlen(p.attendees), sizeof p.attendees - strlen(p.attendees),
                 "%s%s", i ? "," : "", who[i]);
    icalproperty *o = icalcomponent_get_first_property(ev, ICAL_ORGANIZER_PROPERTY);
    snprintf(p.organizer, sizeof p.organizer, "%s", o ? icalproperty_get_organizer(o) : "");
    icalcomponent_free(cal);
    /* the people listed beside it are those in it */
    assert_int_equal(inv->npeople, n);
    return p;
}

static struct parsed invitation_of(struct req *r, enum invitation_kind kind, int64_t case_id,
                                   int64_t id, struct invitation *inv)
{
    assert_int_equal(invitation_get(&r->c, &(struct invitation_event){kind, case_id, id}, inv),
                     APP_OK);
    return parse(inv);
}

/* --- the invitations queued in the outbox, each step's --- */

static int64_t mail_seen;

/* The query's one column, its rows joined by commas. */
static const char *joined(struct req *r, db_stmt *st)
{
    buf b;
    buf_init(&b, r->a);
    buf_puts(&b, "");
    while (st && db_step(st) == DB_ROW)
        buf_printf(&b, "%s%s", b.len ? "," : "", db_text(st, 0));
    if (st)
        db_done(st);
    return buf_cstr(&b);
}

/* The invitations queued since the last look: "address METHOD", sorted. */
static const char *queued(struct req *r)
{
    const char *got = joined(r, db_query(d,
                                         "SELECT to_address || ' ' || CASE WHEN message LIKE "
                                         "'%method=CANCEL%' THEN 'CANCEL' ELSE 'REQUEST' END "
                                         "FROM mail WHERE id > ? AND kind = 'invitation' "
                                         "ORDER BY 1",
                                         "i", mail_seen));
    db_int_query(d, &mail_seen, "SELECT COALESCE(MAX(id), 0) FROM mail", "");
    return got;
}

/* --- the steps, through the use cases --- */

static int64_t open_case(const char *name, const char *email)
{
    struct req r;
    as(&r, NULL);
    int64_t school = 0;
    db_int_query(d, &school, "SELECT id FROM school WHERE code = 'RHS'", "");
    struct inquiry_input in = {.name = name, .email = email,
                               .school_id = arena_printf(r.a, "%" PRId64, school),
                               .school_other = "", .contact_by = "email", .phone = "",
                               .interest = "par", .message = "Please call me."};
    struct inquiry_receipt rc;
    struct errors errs = {0};
    done(&r, inquiry_submit(&r.c, &in, false, &rc, &errs));
    as(&r, "coordinator@parley.test");
    int64_t inquiry = 0, id = 0;
    db_int_query(d, &inquiry, "SELECT id FROM inquiry WHERE email = ?", "s", email);
    const char *refusal;
    done(&r, case_open(&r.c, inquiry, &id, &errs, &refusal));
    return id;
}

static enum app_status fire(struct req *r, int64_t case_id, struct case_input in)
{
    struct errors errs = {0};
    const char *refusal = NULL;
    enum app_status s = case_fire(&r->c, case_id, &in, &errs, &refusal);
    if (s != APP_OK)
        fail_msg("%s: %s", in.to, refusal ? refusal : errs.n ? errs.e[0].message : "?");
    return s;
}

static enum app_status schedule_initial(struct req *r, int64_t case_id, const char *at,
                                        const char *ct)
{
    return fire(r, case_id,
                (struct case_input){.to = "schedule_meeting", .at = at, .place = "Room 12",
                                    .ct_id = arena_printf(r->a, "%" PRId64, id_of(ct))});
}

/* --- the tests --- */

/* R10: the initial meeting is the teacher's and the CT's; moved, its
 * SEQUENCE goes up and a CT no longer chosen is not invited; the case
 * withdrawn before it, it is cancelled under the same UID. */
static void test_initial_meeting_invited_moved_cancelled(void **state)
{
    (void)state;
    int64_t k = open_case("Ines Invited", TEACHER);
    struct req r;
    struct invitation inv;
    as(&r, "coordinator@parley.test");
    queued(&r);
    done(&r, schedule_initial(&r, k, arena_printf(r.a, "%s 15:30", day(&r, 7)), "ct1@parley.test"));
    as(&r, "coordinator@parley.test");
    struct parsed first = invitation_of(&r, INVITE_INITIAL_MEETING, k, 0, &inv);
    assert_int_equal(first.method, ICAL_METHOD_REQUEST);
    assert_string_equal(first.uid, arena_printf(r.a, "case-%" PRId64 "-initial@parley", k));
    assert_int_equal(first.status, ICAL_STATUS_CONFIRMED);
    assert_string_equal(first.attendees, "mailto:ct1@parley.test,mailto:" TEACHER);
    assert_string_equal(first.organizer, "mailto:ct1@parley.test");
    assert_non_null(strstr(inv.subject, "Invitation: Initial meeting: Ines Invited, "));
    /* each person invited has it by e-mail, queued with the step */
    assert_string_equal(queued(&r), "ct1@parley.test REQUEST," TEACHER " REQUEST");
    done(&r, APP_OK);

    as(&r, "coordinator@parley.test");
    done(&r, schedule_initial(&r, k, arena_printf(r.a, "%s 09:00", day(&r, 8)), "ct2@parley.test"));
    as(&r, "coordinator@parley.test");
    struct parsed moved = invitation_of(&r, INVITE_INITIAL_MEETING, k, 0, &inv);
    assert_string_equal(moved.uid, first.uid);
    assert_true(moved.sequence > first.sequence);
    assert_string_equal(moved.attendees, "mailto:ct2@parley.test,mailto:" TEACHER);
    assert_non_null(strstr(inv.subject, "Updated invitation: "));
    /* the CT no longer chosen has a CANCEL (RFC 5546 3.2.5) */
    assert_string_equal(queued(&r), "ct1@parley.test CANCEL,ct2@parley.test REQUEST," TEACHER
                                    " REQUEST");
    done(&r, APP_OK);

    as(&r, "coordinator@parley.test");
    done(&r, fire(&r, k, (struct case_input){.to = "withdraw", .reason = "Moved away."}));
    as(&r, "coordinator@parley.test");
    struct parsed off = invitation_of(&r, INVITE_INITIAL_MEETING, k, 0, &inv);
    assert_int_equal(off.method, ICAL_METHOD_CANCEL);
    assert_string_equal(off.uid, first.uid);
    assert_int_equal(off.status, ICAL_STATUS_CANCELLED);
    assert_true(off.sequence > moved.sequence);
    assert_string_equal(off.attendees, moved.attendees);
    assert_non_null(strstr(inv.subject, "Cancelled: "));
    assert_string_equal(queued(&r), "ct2@parley.test CANCEL," TEACHER " CANCEL");
    done(&r, APP_OK);
}

/* R11: the PAR Agreement review is the teacher's and the union
 * representative's. */
static void test_agreement_review_invites_the_union_rep(void **state)
{
    (void)state;
    int64_t k = open_case("Rita Review", "rita.review@example.org");
    struct req r;
    struct invitation inv;
    as(&r, "coordinator@parley.test");
    done(&r, schedule_initial(&r, k, arena_printf(r.a, "%s 15:30", day(&r, 0)), "ct1@parley.test"));
    as(&r, "ct1@parley.test");
    done(&r, fire(&r, k, (struct case_input){.to = "hold_meeting"}));
    as(&r, "ct1@parley.test");
    done(&r, fire(&r, k, (struct case_input){.to = "choose_track", .track = "par",
                                             .district_year = "5", .plan = "improvement",
                                             .months = "10", .rating = "needs_improvement",
                                             .union_member = "yes", .full_time = "yes",
                                             .job = "classroom_teacher"}));
    as(&r, "ct1@parley.test");
    queued(&r);
    done(&r, fire(&r, k,
                  (struct case_input){
                      .to = "schedule_review", .at = arena_printf(r.a, "%s 16:00", day(&r, 5)),
                      .place = "Union office",
                      .union_rep_id = arena_printf(r.a, "%" PRId64, id_of("union@parley.test"))}));
    as(&r, "ct1@parley.test");
    struct parsed p = invitation_of(&r, INVITE_AGREEMENT_REVIEW, k, 0, &inv);
    assert_int_equal(p.method, ICAL_METHOD_REQUEST);
    assert_string_equal(p.uid, arena_printf(r.a, "case-%" PRId64 "-review@parley", k));
    assert_string_equal(p.attendees, "mailto:rita.review@example.org,mailto:union@parley.test");
    assert_string_equal(queued(&r), "rita.review@example.org REQUEST,union@parley.test REQUEST");
    done(&r, APP_OK);
}

/* R8: a case withdrawn while on the caseload cancels its meetings still to
 * come (the demo's PAR case has its middle meeting scheduled). */
static void test_withdrawal_cancels_the_meetings_to_come(void **state)
{
    (void)state;
    struct req r;
    struct invitation inv;
    int64_t middle = 0;
    db_int_query(d, &middle, "SELECT id FROM meeting WHERE case_id = ? AND status = 'scheduled'",
                 "i", (int64_t)PAR_CASE);
    assert_true(middle > 0);
    as(&r, "teacher@parley.test");
    queued(&r);
    done(&r, fire(&r, PAR_CASE, (struct case_input){.to = "withdraw", .reason = "A new post."}));
    as(&r, "teacher@parley.test");
    struct parsed p = invitation_of(&r, INVITE_PARLEY_MEETING, PAR_CASE, middle, &inv);
    assert_int_equal(p.method, ICAL_METHOD_CANCEL);
    assert_int_equal(p.status, ICAL_STATUS_CANCELLED);
    assert_string_equal(queued(&r), "ct1@parley.test CANCEL,principal@parley.test CANCEL,"
                                    "teacher@parley.test CANCEL");
    done(&r, APP_OK);
}

/* R16, R17: a PAR case's parley meeting invites its administrator; a PA
 * case's never does. Rescheduled, the SEQUENCE goes up; cancelled, a
 * CANCEL under the same UID. */
static void test_parley_meetings_invite_by_track(void **state)
{
    (void)state;
    struct req r;
    struct invitation inv;
    struct errors errs = {0};
    const char *refusal = NULL;
    int64_t pa = 0, par = 0;
    as(&r, "ct2@parley.test");
    queued(&r);
    struct meeting_input in = {.phase = "extra", .at = arena_printf(r.a, "%s 15:00", day(&r, 3)),
                               .minutes = "45", .place = "Library"};
    done(&r, meeting_schedule(&r.c, PA_CASE, &in, &pa, &errs, &refusal));
    as(&r, "ct2@parley.test");
    struct parsed p = invitation_of(&r, INVITE_PARLEY_MEETING, PA_CASE, pa, &inv);
    assert_string_equal(p.attendees, "mailto:ct2@parley.test,mailto:teacher2@parley.test");
    assert_null(strstr(inv.text, "principal2"));
    assert_string_equal(queued(&r), "ct2@parley.test REQUEST,teacher2@parley.test REQUEST");
    done(&r, APP_OK);

    as(&r, "ct1@parley.test");
    in.at = arena_printf(r.a, "%s 15:00", day(&r, 3));
    done(&r, meeting_schedule(&r.c, PAR_CASE, &in, &par, &errs, &refusal));
    as(&r, "ct1@parley.test");
    struct parsed first = invitation_of(&r, INVITE_PARLEY_MEETING, PAR_CASE, par, &inv);
    assert_int_equal(first.method, ICAL_METHOD_REQUEST);
    assert_string_equal(first.attendees, "mailto:ct1@parley.test,mailto:principal@parley.test,"
                                         "mailto:teacher@parley.test");
    const char *all = "ct1@parley.test REQUEST,principal@parley.test REQUEST,"
                      "teacher@parley.test REQUEST";
    assert_string_equal(queued(&r), all);
    done(&r, APP_OK);

    as(&r, "ct1@parley.test");
    struct meeting_input later = {.at = arena_printf(r.a, "%s 16:00", day(&r, 4))};
    done(&r, meeting_reschedule(&r.c, PAR_CASE, par, NULL, &later, &errs, &refusal));
    as(&r, "ct1@parley.test");
    struct parsed moved = invitation_of(&r, INVITE_PARLEY_MEETING, PAR_CASE, par, &inv);
    assert_string_equal(moved.uid, first.uid);
    assert_true(moved.sequence > first.sequence);
    assert_string_equal(queued(&r), all);
    done(&r, APP_OK);

    as(&r, "ct1@parley.test");
    done(&r, meeting_cancel(&r.c, PAR_CASE, par, NULL, &refusal));
    as(&r, "ct1@parley.test");
    struct parsed off = invitation_of(&r, INVITE_PARLEY_MEETING, PAR_CASE, par, &inv);
    assert_int_equal(off.method, ICAL_METHOD_CANCEL);
    assert_string_equal(off.uid, first.uid);
    assert_int_equal(off.status, ICAL_STATUS_CANCELLED);
    assert_true(off.sequence > moved.sequence);
    assert_string_equal(queued(&r), "ct1@parley.test CANCEL,principal@parley.test CANCEL,"
                                    "teacher@parley.test CANCEL");
    done(&r, APP_OK);
}

/* R29: the members whose term covers the session's day, worked out here
 * from the roster's terms: each as before, the address, after. */
static const char *sitting_on(struct req *r, const char *date, const char *before,
                              const char *after)
{
    return joined(r, db_query(d,
                              "SELECT DISTINCT ? || p.email || ? FROM person_role x JOIN person p "
                              "ON p.id = x.person_id WHERE x.role = 'panel_member' AND "
                              "x.term_start <= ? AND x.term_end >= ? ORDER BY 1",
                              "ssss", before, after, date, date));
}

static void test_panel_session_invites_the_members_sitting(void **state)
{
    (void)state;
    struct req r;
    struct invitation inv;
    struct errors errs = {0};
    const char *refusal = NULL;
    int64_t id = 0;
    as(&r, "coordinator@parley.test");
    queued(&r);
    char on[11];
    snprintf(on, sizeof on, "%s", day(&r, 20));
    struct panel_session_input in = {.held_on = on, .starts_at = "16:00", .place = "Room 1"};
    done(&r, panel_session_create(&r.c, &in, &id, &errs));
    as(&r, "coordinator@parley.test");
    struct parsed first = invitation_of(&r, INVITE_PANEL_SESSION, 0, id, &inv);
    assert_int_equal(first.method, ICAL_METHOD_REQUEST);
    assert_string_equal(first.uid, arena_printf(r.a, "panel-session-%" PRId64 "@parley", id));
    const char *sitting = sitting_on(&r, on, "mailto:", "");
    assert_true(strlen(sitting) > 0);
    assert_string_equal(first.attendees, sitting);
    assert_null(strstr(sitting, "panel6@"));   /* the demo's member whose term ended */
    assert_string_equal(first.organizer, "mailto:coordinator@parley.test");
    assert_string_equal(queued(&r), sitting_on(&r, on, "", " REQUEST"));
    done(&r, APP_OK);

    as(&r, "coordinator@parley.test");
    done(&r, panel_session_update(&r.c, id, 0,
                                  &(struct panel_session_input){.place = "Room 2"}, &errs,
                                  &refusal));
    as(&r, "coordinator@parley.test");
    struct parsed moved = invitation_of(&r, INVITE_PANEL_SESSION, 0, id, &inv);
    assert_string_equal(moved.uid, first.uid);
    assert_true(moved.sequence > first.sequence);
    assert_string_equal(queued(&r), sitting_on(&r, on, "", " REQUEST"));
    done(&r, APP_OK);

    /* a change that does not move it (the quorum) leaves the SEQUENCE, and
     * sends nothing */
    as(&r, "coordinator@parley.test");
    done(&r, panel_session_update(&r.c, id, 0, &(struct panel_session_input){.quorum = "3"},
                                  &errs, &refusal));
    as(&r, "coordinator@parley.test");
    assert_int_equal(invitation_of(&r, INVITE_PANEL_SESSION, 0, id, &inv).sequence,
                     moved.sequence);
    assert_string_equal(queued(&r), "");
    done(&r, APP_OK);
}

/* --- set-up: the demo's program in a fresh database --- */

static int setup(void **state)
{
    (void)state;
    setenv("TZ", "UTC", 1);
    clock_set_zone("UTC");
    snprintf(path, sizeof path, "%s/parley-invitation-XXXXXX",
             access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0)
        return -1;
    close(fd);
    char *err = NULL;
    d = db_open(path, &err);
    if (!d || db_migrate(d, &err) != DB_OK || !secret_init())
        return -1;
    struct app_config cfg = app_default_config();
    if (!app_init(&app, &cfg))
        return -1;
    arena *a = arena_new(0);
    struct ctx c;
    app_operator_ctx(&c, &app, d, a);
    int64_t program;
    bool ok = db_begin(d) == DB_OK &&
              program_create(&c, "Invitation District", "ID", "UTC", &program) == APP_OK &&
              app_operator_ctx(&c, &app, d, a) &&
              demo_build(&c, "parley-demo-2026", 0) == APP_OK && db_commit(d) == DB_OK;
    arena_free(a);
    return ok ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    app_fini(&app);
    db_close(d);
    char side[80];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_initial_meeting_invited_moved_cancelled),
        cmocka_unit_test(test_parley_meetings_invite_by_track),
        cmocka_unit_test(test_panel_session_invites_the_members_sitting),
        cmocka_unit_test(test_agreement_review_invites_the_union_rep),
        cmocka_unit_test(test_withdrawal_cancels_the_meetings_to_come),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

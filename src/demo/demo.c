/* demo.c: a deterministic demo district (parley demo) whose sign-ins the
 * README lists. Everything goes through
 * the same use cases as the web pages, so the demo's audit log is real. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "app/auth.h"
#include "app/content.h"
#include "app/ct_terms.h"
#include "app/enrolment.h"
#include "app/inquiry.h"
#include "app/people.h"
#include "app/pss.h"
#include "app/rubric.h"
#include "base/clock.h"
#include "demo/demo.h"
#include "demo/large.h"

static const struct school_input demo_schools[] = {
    {"Harbor View Elementary School", "HVES", "12 Wharf Street"},
    {"Lincoln Park Middle School", "LPMS", "400 Park Avenue"},
    {"Riverside High School", "RHS", "1 River Road"},
    {"Maple Hill K-8 School", "MHK8", "77 Maple Hill"},
    {"Eastside Academy", "ESA", "230 East Boulevard"},
    {"Northgate Early Learning Center", "NELC", "9 Northgate Way"},
};

struct demo_person {
    const char *name, *email, *school_code, *job;
    int district_year;
    const char *roles[3];
    const char *seat, *appointed_by;
};

/* The README lists these sign-ins; keep the two in step. */
static const struct demo_person demo_people[] = {
    {"Morgan Ellis", "coordinator@parley.test", "", "classroom_teacher", 19, {"coordinator"}, 0, 0},
    {"Dana Whitfield",
     "ct1@parley.test",
     "RHS",
     "classroom_teacher",
     16,
     {"consulting_teacher"},
     0,
     0},
    {"Luis Ortega",
     "ct2@parley.test",
     "LPMS",
     "classroom_teacher",
     12,
     {"consulting_teacher"},
     0,
     0},
    {"Priya Raman", "ct3@parley.test", "HVES", "spc_teacher", 14, {"consulting_teacher"}, 0, 0},
    {"Grace Okafor", "principal@parley.test", "RHS", "other", 21, {"administrator"}, 0, 0},
    {"Thomas Byrne", "principal2@parley.test", "LPMS", "other", 17, {"administrator"}, 0, 0},
    {"Helen Park",
     "principal3@parley.test",
     "HVES",
     "other",
     11,
     {"administrator", "panel_member"},
     "principal",
     "district"},
    {"Samuel Reyes",
     "teacher@parley.test",
     "RHS",
     "classroom_teacher",
     6,
     {"participating_teacher"},
     0,
     0},
    {"Aisha Bello",
     "teacher2@parley.test",
     "LPMS",
     "classroom_teacher",
     4,
     {"participating_teacher"},
     0,
     0},
    {"Nora Lindqvist", "teacher3@parley.test", "HVES", "nurse", 9, {"participating_teacher"}, 0, 0},
    {"Kevin Tran", "kevin.tran@parley.test", "MHK8", "classroom_teacher", 2, {0}, 0, 0},
    {"Rosa Delgado", "rosa.delgado@parley.test", "ESA", "cosess", 8, {0}, 0, 0},
    {"Frank Moreau",
     "panel@parley.test",
     "RHS",
     "classroom_teacher",
     23,
     {"panel_member"},
     "teacher",
     "union_president"},
    {"Ivy Chen",
     "panel2@parley.test",
     "ESA",
     "classroom_teacher",
     15,
     {"panel_member"},
     "teacher",
     "union_president"},
    {"Omar Haddad",
     "panel3@parley.test",
     "NELC",
     "other",
     18,
     {"panel_member"},
     "principal",
     "district"},
    {"Carmen Ruiz",
     "panel4@parley.test",
     "MHK8",
     "classroom_teacher",
     12,
     {"panel_member"},
     "teacher",
     "union_president"},
    {"Paul Okonkwo",
     "panel5@parley.test",
     "LPMS",
     "other",
     14,
     {"panel_member"},
     "principal",
     "district"},
    {"Edith Marsh",
     "panel6@parley.test",
     "RHS",
     "classroom_teacher",
     30,
     {"panel_member"},
     "teacher",
     "union_president"},
    {"Beatrice Nolan", "superintendent@parley.test", "", "other", 25, {"superintendent"}, 0, 0},
    {"Walter Kim", "union@parley.test", "", "classroom_teacher", 20, {"union_rep"}, 0, 0},
};

static const char *school_id_of(struct ctx *c, const char *code)
{
    int64_t id = 0;
    if (*code)
        db_int_query(c->db, &id, "SELECT id FROM school WHERE code = ? AND program_id = ?", "si",
                     code, c->who.program_id);
    return id ? arena_printf(c->a, "%" PRId64, id) : "";
}

static enum app_status demo_roles(struct ctx *c, const struct demo_person *dp, int64_t pid,
                                  struct errors *errs)
{
    enum app_status s = APP_OK;
    for (int k = 0; k < 3 && dp->roles[k] && s == APP_OK; k++) {
        bool panel = strcmp(dp->roles[k], "panel_member") == 0;
        /* R29: panel6's term has ended: off the roster, and no vote. */
        bool past = strcmp(dp->email, "panel6@parley.test") == 0;
        struct role_input ri = {
            .role = dp->roles[k],
            .school_id =
                strcmp(dp->roles[k], "administrator") == 0 ? school_id_of(c, dp->school_code) : "",
            .seat = panel ? dp->seat : "",
            .appointed_by = panel ? dp->appointed_by : "",
            .term_start = !panel ? ""
                          : past ? "2021-09-01"
                                 : "2025-09-01",
            .term_end = !panel ? ""
                        : past ? "2025-08-31"
                               : "2028-08-31",
        };
        int64_t rid;
        s = role_add(c, pid, &ri, &rid, errs);
    }
    return s;
}

static enum app_status demo_person_add(struct ctx *c, const struct demo_person *dp,
                                       const char *password, struct errors *errs)
{
    struct person_input in = {
        .name = dp->name,
        .email = dp->email,
        .employee_id = "",
        .school_id = school_id_of(c, dp->school_code),
        .union_member = "yes",
        .full_time = "yes",
        .district_year = arena_printf(c->a, "%d", dp->district_year),
        .job_type = dp->job,
    };
    int64_t pid;
    enum app_status s = person_create(c, &in, &pid, errs);
    if (s == APP_OK)
        s = demo_roles(c, dp, pid, errs);
    if (s == APP_OK)
        s = auth_password_set(c, pid, password, errs);
    return s;
}

static enum app_status demo_large(struct ctx *c, int scale);

/* --- inquiries: the contact form's, in each state of the intake queue.
 * The first is nobody's yet (the permission tests ask about inquiry 1 as a
 * record the Consulting Teacher ct1 does not handle). --- */

struct demo_inquiry {
    struct inquiry_input in;
    int days_ago;
    const char *handler_email, *status, *reason, *note;
};

static const struct demo_inquiry demo_inquiries[] = {
    {{"Jordan Blake", "jordan.blake@example.org", "RHS", "", "either", "617-555-0142", "par",
      "My last rating was Needs Improvement and my plan is a year long. I would like to hear "
      "how PAR works before I decide."},
     3,
     NULL,
     NULL,
     NULL,
     NULL},
    {{"Maria Santos", "maria.santos@example.org", "LPMS", "", "email", "", "pa",
      "I am on a four-month improvement plan and would welcome a coach."},
     6,
     "ct1@parley.test",
     "in_progress",
     "",
     "Called her: first meeting next Tuesday after school."},
    {{"Chris Wong", "chris.wong@example.org", "other", "Charter Hill Academy", "email", "",
      "consultancy", "Could someone observe a lesson and give me feedback?"},
     12,
     "coordinator@parley.test",
     "closed",
     "Not a district school: referred to the network's coach",
     NULL},
    {{"Pat Quinn", "pat.quinn@example.org", "HVES", "", "phone", "(617) 555-0199", "question",
      "Can a school nurse take part in the program?"},
     0,
     "ct2@parley.test",
     NULL,
     NULL,
     NULL},
};

static int64_t demo_id_of(struct ctx *c, const char *sql, const char *key)
{
    int64_t id = 0;
    db_int_query(c->db, &id, sql, "si", key, c->who.program_id);
    return id;
}

/* Sent as a visitor would (no account, an address of its own), then
 * worked by the coordinator. */
static enum app_status demo_inquiry_add(struct ctx *c, const struct demo_inquiry *d, int n)
{
    struct ctx visitor = *c;
    visitor.who = (struct actor){.program_id = c->who.program_id};
    visitor.address = arena_printf(c->a, "198.51.100.%d", 10 + n);
    visitor.now = clock_now() - (int64_t)d->days_ago * 86400 - 3600;
    struct inquiry_input in = d->in;
    int64_t school =
        demo_id_of(c, "SELECT id FROM school WHERE code = ? AND program_id = ?", in.school_id);
    if (school)
        in.school_id = arena_printf(c->a, "%" PRId64, school);
    struct inquiry_receipt rc;
    struct errors errs = {0};
    enum app_status s = inquiry_submit(&visitor, &in, false, &rc, &errs);
    int64_t id = demo_id_of(c, "SELECT id FROM inquiry WHERE reference = ? AND program_id = ?",
                            rc.reference);
    if (s != APP_OK || !d->handler_email)
        return s;
    struct inquiry_change ch = {.handler_id =
                                    arena_printf(c->a, "%" PRId64,
                                                 demo_id_of(c,
                                                            "SELECT id FROM person WHERE "
                                                            "email = ? AND program_id = ?",
                                                            d->handler_email)),
                                .status = d->status,
                                .close_reason = d->reason};
    s = inquiry_update(c, id, 1, &ch, &errs);
    if (s == APP_OK && d->note)
        s = inquiry_note_add(c, id, d->note, &errs);
    return s;
}

/* --- the federation's Peer Support Service, beside the district's program
 * in the same installation (R31-R36). Its people's home is the federation;
 * principal2, an administrator of the district, is also a federation
 * member: the wall between the programs is tested with them. --- */

static const struct demo_person federation_people[] = {
    {"Marguerite Leblanc", "pss@parley.test", "", "other", 22, {"pss_coordinator"}, 0, 0},
    {"Daniel Osei",
     "president@parley.test",
     "",
     "classroom_teacher",
     18,
     {"local_president"},
     0,
     0},
    {"Hannah Kowalczyk",
     "consultant@parley.test",
     "",
     "classroom_teacher",
     20,
     {"pss_consultant"},
     0,
     0},
    {"Teresa Lin", "member@parley.test", "", "classroom_teacher", 7, {"member"}, 0, 0},
};

static enum app_status federation_build(struct ctx *c, const char *password, struct errors *errs)
{
    struct actor district = c->who;
    int64_t id = 0, principal2 = 0;
    int rc = db_int_query(c->db, &id,
                          "INSERT INTO program (name, short_name, time_zone, kind, created_at) "
                          "VALUES ('Harbor City Teachers'' Federation: Peer Support Service', "
                          "'HCTF PSS', 'America/New_York', 'federation', ?) RETURNING id",
                          "i", clock_now());
    c->who.program_id = id;
    c->who.federation = true;
    enum app_status s = app_db_status(rc);
    for (size_t i = 0; s == APP_OK && i < sizeof federation_people / sizeof *federation_people; i++)
        s = demo_person_add(c, &federation_people[i], password, errs);
    /* A person of the district holds a role in the federation too: the one
     * step no page takes (a federation's coordinator adds its own people). */
    db_int_query(c->db, &principal2, "SELECT id FROM person WHERE email = 'principal2@parley.test'",
                 "");
    if (s == APP_OK)
        s = app_db_status(
            db_exec(c->db,
                    "INSERT INTO person_role (person_id, role, created_at, program_id) "
                    "VALUES (?, 'member', ?, ?)",
                    "iii", principal2, clock_now(), id));
    c->who = district;
    return s;
}

enum app_status demo_said(enum app_status s, const char *what, const struct errors *errs,
                          const char *refusal)
{
    if (s != APP_OK)
        fprintf(stderr, "parley: demo: %s: %s %s\n", what, errs->n ? errs->e[0].message : "",
                refusal ? refusal : "");
    return s;
}

enum app_status demo_build(struct ctx *c, const char *password, int scale)
{
    struct errors errs = {0};
    enum app_status s = APP_OK;
    for (size_t i = 0; s == APP_OK && i < sizeof demo_schools / sizeof *demo_schools; i++) {
        int64_t id;
        s = school_create(c, &demo_schools[i], &id, &errs);
    }
    for (size_t i = 0; s == APP_OK && i < sizeof demo_people / sizeof *demo_people; i++)
        s = demo_person_add(c, &demo_people[i], password, &errs);
    for (size_t i = 0; s == APP_OK && i < sizeof demo_inquiries / sizeof *demo_inquiries; i++)
        s = demo_inquiry_add(c, &demo_inquiries[i], (int)i);
    if (s == APP_OK)
        s = terms_demo(c); /* the CTs' terms (R27), one left; a yearly review (R28) */
    if (s == APP_OK)
        s = enrolment_demo(c); /* a PA case and a PAR case, both on a caseload */
    if (s == APP_OK)
        s = casework_demo(c); /* their goals, observations, coaching, meetings */
    if (s == APP_OK)
        s = demo_site_build(c); /* the public site's pages, FAQ, news, resources */
    if (s == APP_OK)
        s = federation_build(c, password, &errs); /* the Peer Support Service beside it */
    if (s == APP_OK)
        s = pss_demo(c); /* a member referred by their local president */
    for (int i = 0; i < errs.n; i++)
        fprintf(stderr, "parley: demo: %s: %s\n", errs.e[i].field, errs.e[i].message);
    return s == APP_OK && scale > 0 ? demo_large(c, scale) : s;
}

/* --- the large district, for the benchmark: deterministic, like the small
 * one, from a fixed-seed generator. Its counts are at scale 1; the huge
 * district is scale 10: ten times the schools, people, cases and history,
 * over the same ten years --- */

#define LARGE_SCHOOLS 60
#define LARGE_TEACHERS 4000
#define LARGE_CTS 40
#define LARGE_CASES 700 /* participating teachers */
#define LARGE_YEARS 10
#define LARGE_AUDIT_ROWS 300000

uint32_t demo_random(uint32_t *seed)
{
    *seed = *seed * 1664525u + 1013904223u;
    return *seed >> 8;
}

static const char *const places[] = {
    "Harborne", "Linwood",  "Rivermont", "Mapleton",    "Eastbrook", "Northfield", "Cedar",
    "Oakwood",  "Summit",   "Bayview",   "Hillcrest",   "Fairview",  "Brookside",  "Westfield",
    "Greenway", "Lakeside", "Pinecrest", "Stonebridge", "Meadow",    "Kingsley",
};
static const char *const levels[] = {"Elementary School", "Middle School", "High School"};
static const char *const first_names[] = {
    "Alex",    "Bianca", "Carlos", "Deborah", "Elijah", "Fatima",  "George",  "Hana",
    "Isaac",   "Julia",  "Kwame",  "Laura",   "Mateo",  "Nadia",   "Owen",    "Paula",
    "Quinn",   "Rachel", "Sanjay", "Tamara",  "Umar",   "Valerie", "Wesley",  "Ximena",
    "Yusuf",   "Zoe",    "Aaron",  "Brenda",  "Chen",   "Diana",   "Emeka",   "Farah",
    "Gustavo", "Holly",  "Ines",   "Jamal",   "Keiko",  "Liam",    "Marisol", "Nathan",
};
static const char *const last_names[] = {
    "Adams",   "Baptiste", "Castillo", "Donovan",   "Eriksen",   "Fitzgerald", "Garcia",
    "Huang",   "Ibrahim",  "Jensen",   "Kowalski",  "Lopez",     "Murphy",     "Nguyen",
    "O'Brien", "Patel",    "Quintero", "Rossi",     "Silva",     "Thompson",   "Umeh",
    "Vasquez", "Walsh",    "Xu",       "Yamamoto",  "Zimmerman", "Abbott",     "Brennan",
    "Cruz",    "Delaney",  "Evans",    "Flores",    "Gallagher", "Hughes",     "Iqbal",
    "Johnson", "Kim",      "Lambert",  "Mendes",    "Novak",     "Okafor",     "Park",
    "Reyes",   "Santos",   "Turner",   "Underwood", "Vega",      "Williams",   "Young",
    "Zhou",
};
#define COUNT(a) (sizeof a / sizeof *a)

/* Past the sixty names, a number tells schools apart ("Summit High School 2"). */
static const char *school_name(struct ctx *c, int i)
{
    int names = (int)(COUNT(places) * COUNT(levels)), n = i % names;
    const char *name = arena_printf(c->a, "%s %s", places[n % COUNT(places)],
                                    levels[n / COUNT(places)]);
    return i < names ? name : arena_printf(c->a, "%s %d", name, i / names + 1);
}

static enum app_status large_schools(struct ctx *c, int64_t *ids, int n, struct errors *errs)
{
    enum app_status s = APP_OK;
    for (int i = 0; i < n && s == APP_OK; i++) {
        struct school_input in = {
            .name = school_name(c, i),
            .code = arena_printf(c->a, "D%02d", i + 1),
            .address = arena_printf(c->a, "%d %s Road", 10 + i, places[i % COUNT(places)]),
        };
        s = school_create(c, &in, &ids[i], errs);
    }
    return s;
}

static enum app_status large_person(struct ctx *c, int i, const char *role, int64_t school,
                                    uint32_t *seed, int64_t *pid, struct errors *errs)
{
    const char *name = arena_printf(c->a, "%s %s", first_names[i % COUNT(first_names)],
                                    last_names[(i / COUNT(first_names)) % COUNT(last_names)]);
    struct person_input in = {
        .name = name,
        .email = arena_printf(c->a, "staff%04d@district.test", i + 1),
        .employee_id = arena_printf(c->a, "E%06d", 100000 + i),
        .school_id = arena_printf(c->a, "%" PRId64, school),
        .union_member = demo_random(seed) % 10 ? "yes" : "no",
        .full_time = demo_random(seed) % 20 ? "yes" : "no",
        .district_year = arena_printf(c->a, "%u", 1 + demo_random(seed) % 20),
        .job_type = demo_random(seed) % 12 ? "classroom_teacher" : "spc_teacher",
    };
    enum app_status s = person_create(c, &in, pid, errs);
    if (s != APP_OK || !role)
        return s;
    int64_t rid;
    enum role parsed;
    bool with_school = role_parse(role, &parsed) && role_needs_school(parsed);
    struct role_input ri = {.role = role, .school_id = with_school ? in.school_id : ""};
    return role_add(c, *pid, &ri, &rid, errs);
}

/* Commits what is done so far, so a large build's WAL stays small. */
static enum app_status large_checkpoint(struct ctx *c)
{
    if (db_commit(c->db) != DB_OK || db_begin(c->db) != DB_OK)
        return APP_ERROR;
    return APP_OK;
}

/* Ten years of coordinators opening records and correcting them. */
static enum app_status large_history(struct ctx *c, const int64_t *people, int n, int scale)
{
    int64_t start = c->now + 86400, end = clock_now();
    int64_t rows = 0, target = (int64_t)LARGE_AUDIT_ROWS * scale;
    db_int_query(c->db, &rows, "SELECT COUNT(*) FROM audit", "");
    uint32_t seed = 7;
    enum app_status s = APP_OK;
    for (int64_t k = 0; rows < target && s == APP_OK; k++) {
        c->now = start + (end - start) * k / target;
        struct person p;
        s = person_get(c, people[demo_random(&seed) % (uint32_t)n], &p);
        /* person_get() audits a view only outside a transaction, and the
         * demo is built in one: write the view (R37) here. */
        if (s == APP_OK)
            s = audit_append(c, "read", "person", p.id, p.id,
                             arena_printf(c->a, "Viewed the record of %s", p.name));
        rows++;
        if (s == APP_OK && k % 8 == 0) {
            struct person_input in = {
                .name = p.name,
                .email = p.email,
                .employee_id = p.employee_id,
                .school_id = arena_printf(c->a, "%" PRId64, p.school_id),
                .union_member = p.union_member ? "yes" : "no",
                .full_time = p.full_time ? "yes" : "no",
                /* a year on, within the field's 1..60 (a record of the
                 * huge district is corrected a few dozen times) */
                .district_year = arena_printf(c->a, "%d", p.district_year % 60 + 1),
                .job_type = job_type_key(p.job_type),
            };
            struct errors errs = {0};
            s = person_update(c, p.id, p.version, &in, &errs);
            rows++;
        }
        if (s == APP_OK && k % 20000 == 0)
            s = large_checkpoint(c);
    }
    c->now = 0;
    return s;
}

static enum app_status demo_large(struct ctx *c, int scale)
{
    struct errors errs = {0};
    int nschools = LARGE_SCHOOLS * scale, nteachers = LARGE_TEACHERS * scale;
    int ncts = LARGE_CTS * scale, ncases = LARGE_CASES * scale;
    int64_t *schools = arena_alloc(c->a, sizeof *schools * (size_t)nschools);
    int n = nteachers + ncts + nschools;
    int64_t *people = arena_alloc(c->a, sizeof *people * (size_t)n);
    uint32_t seed = 2026;
    /* The district's records were made when its history begins. */
    c->now = clock_now() - (int64_t)LARGE_YEARS * 365 * 86400 - 86400;
    enum app_status s = large_schools(c, schools, nschools, &errs);
    for (int i = 0; i < n && s == APP_OK; i++) {
        const char *role = i < ncases                ? "participating_teacher"
                           : i >= nteachers + ncts   ? "administrator"
                           : i >= nteachers          ? "consulting_teacher"
                                                     : NULL;
        int64_t school = i >= nteachers + ncts ? schools[i - nteachers - ncts]
                                               : schools[demo_random(&seed) % (uint32_t)nschools];
        s = large_person(c, i, role, school, &seed, &people[i], &errs);
        if (s == APP_OK && i % 1000 == 999)
            s = large_checkpoint(c);
    }
    for (int i = 0; i < errs.n; i++)
        fprintf(stderr, "parley: demo: %s: %s\n", errs.e[i].field, errs.e[i].message);
    struct large_district d = {people, nteachers, ncases, people + nteachers, ncts, scale};
    if (s == APP_OK)
        s = demo_large_cases(c, &d);
    return s == APP_OK ? large_history(c, people, nteachers, scale) : s;
}

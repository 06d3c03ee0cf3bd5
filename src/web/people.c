/* people.c: the coordinator's pages for people and their roles; everyone's
 * own record and its history (R37). */
#include <inttypes.h>
#include <string.h>

#include "app/auth.h"
#include "app/ct_terms.h"
#include "app/password_link.h"
#include "app/people.h"
#include "base/clock.h"
#include "domain/audit_kind.h"
#include "domain/credential.h"
#include "domain/eligibility.h"
#include "out/html.h"
#include "web/handlers.h"
#include "web/tokens.h"
#include "web/web.h"

/* The roles this program gives (a district's or a federation's), after
 * roles[0], the empty choice; returns how many options there are. */
static int program_roles(req *r, struct option *roles)
{
    int n = 1;
    for (int i = 0; i < ROLE_COUNT; i++)
        if (role_of_federation((enum role)i) == ctx_of(r)->who.federation)
            roles[n++] = (struct option){role_key((enum role)i), role_label((enum role)i)};
    return n;
}

static struct option *school_options(req *r, const char *none, int *n)
{
    struct school *schools;
    int count = 0;
    if (schools_all(ctx_of(r), &schools, &count) != APP_OK)
        count = 0;
    struct option *opts = arena_alloc(r->a, sizeof *opts * (size_t)(count + 1));
    opts[0] = (struct option){"", none};
    for (int i = 0; i < count; i++)
        opts[i + 1] = (struct option){arena_printf(r->a, "%" PRId64, schools[i].id),
                                      schools[i].name};
    *n = count + 1;
    return opts;
}

static struct person_input person_input_from_form(req *r)
{
    return (struct person_input){
        .name = form_value(r, "name"), .email = form_value(r, "email"),
        .employee_id = form_value(r, "employee_id"), .school_id = form_value(r, "school_id"),
        .union_member = form_value(r, "union_member"), .full_time = form_value(r, "full_time"),
        .district_year = form_value(r, "district_year"),
        .job_type = form_value(r, "job_type"),
    };
}

static struct person_input person_input_from_record(req *r, const struct person *p)
{
    return (struct person_input){
        .name = p->name, .email = p->email, .employee_id = p->employee_id,
        .school_id = p->school_id ? arena_printf(r->a, "%" PRId64, p->school_id) : "",
        .union_member = p->union_member ? "yes" : "no",
        .full_time = p->full_time ? "yes" : "no",
        .district_year = p->district_year ? arena_printf(r->a, "%d", p->district_year) : "",
        .job_type = job_type_key(p->job_type),
    };
}

static void person_form(req *r, const char *action, const struct person_input *in,
                        int64_t version, const struct errors *errs)
{
    form_errors(r, errs);
    form_begin(r, action);
    if (version)
        version_field(r, version);
    field_input(r, &(struct field){.name = "name", .label = "Full name", .value = in->name,
                                   .required = true, .autocomplete = "off"}, errs);
    field_input(r, &(struct field){.name = "email", .label = "Email address", .type = "email",
                                   .value = in->email, .required = true,
                                   .hint = version ? "They sign in with it: a new address signs "
                                                     "them out until they set a new password "
                                                     "with a one-time link."
                                                   : "They sign in with it."}, errs);
    field_input(r, &(struct field){.name = "employee_id", .label = "Employee id",
                                   .value = in->employee_id}, errs);
    int nschools;
    struct option *schools = school_options(r, "No school", &nschools);
    field_select(r, &(struct field){.name = "school_id", .label = "School", .value = in->school_id},
                 schools, nschools, errs);
    field_yes_no(r, &(struct field){.name = "union_member", .label = "Member of the union?",
                                    .value = in->union_member}, errs);
    field_yes_no(r, &(struct field){.name = "full_time", .label = "Full-time employee?",
                                    .value = in->full_time}, errs);
    field_input(r, &(struct field){.name = "district_year", .label = district_year_question(false),
                                   .hint = district_year_hint(false), .type = "number",
                                   .value = in->district_year, .required = true}, errs);
    struct option jobs[JOB_COUNT];
    for (int j = 0; j < JOB_COUNT; j++)
        jobs[j] = (struct option){job_type_key((enum job_type)j), job_type_label((enum job_type)j)};
    field_select(r, &(struct field){.name = "job_type", .label = "Job", .value = in->job_type,
                                    .required = true,
                                    .hint = "SPC teachers, nurses and CoSESS staff take part like "
                                            "classroom teachers."},
                 jobs, JOB_COUNT, errs);
    form_end(r, version ? "Save changes" : "Add this person");
}

static const char *people_base(req *r, const struct people_filter *f)
{
    buf b;
    buf_init(&b, r->a);
    buf_puts(&b, "/people?q=");
    url_encode(&b, f->q ? f->q : "");
    if (f->school_id)
        buf_printf(&b, "&school_id=%" PRId64, f->school_id);
    if (f->role) {
        buf_puts(&b, "&role=");
        url_encode(&b, f->role);
    }
    return buf_cstr(&b);
}

static void people_search_form(req *r, const struct people_filter *f)
{
    html_raw(&r->out, "<form method=\"get\" action=\"/people\" class=\"search\" role=\"search\">");
    field_input(r, &(struct field){.name = "q", .label = "Name, email or employee id",
                                   .type = "search", .value = f->q, .filter = true}, NULL);
    int nschools;
    struct option *schools = school_options(r, "Any school", &nschools);
    field_select(r, &(struct field){.name = "school_id", .label = "School", .filter = true,
                                    .value = f->school_id ? arena_printf(r->a, "%" PRId64, f->school_id) : ""},
                 schools, nschools, NULL);
    struct option roles[ROLE_COUNT + 1] = {{"", "Any role"}};
    field_select(r, &(struct field){.name = "role", .label = "Role", .value = f->role,
                                    .filter = true},
                 roles, program_roles(r, roles), NULL);
    html_raw(&r->out, "<div class=\"form-actions\"><button type=\"submit\" class=\"button\">Search"
                      "</button></div></form>");
}

static void role_badges(req *r, const struct person *p)
{
    for (int i = 0; i < p->nroles; i++)
        html_printf(&r->out, "<span class=\"badge\">%s</span> ", role_label(p->roles[i].role));
}

void page_people(req *r)
{
    struct people_filter f = {.q = req_query(r, "q"), .school_id = parse_id(req_query(r, "school_id")),
                              .role = req_query(r, "role")};
    if (f.role && !*f.role)
        f.role = NULL;
    struct page_of pg = {.page = req_page(r), .per_page = 25};
    struct person *people;
    int n;
    enum app_status s = people_list(ctx_of(r), &f, &pg, &people, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_PERSON);
        return;
    }
    page_begin(r, "People");
    html_raw(&r->out, "<p class=\"page-actions\"><a class=\"button\" href=\"/people/new\">Add a person"
                      "</a>");
    if (app_authorize(ctx_of(r), ACT_CREATE, KIND_ROSTER, NULL) == APP_OK)
        html_raw(&r->out, " <a class=\"button\" href=\"/people/import\">Bring in the "
                          "district's roster</a>");
    html_raw(&r->out, "</p>");
    people_search_form(r, &f);
    html_printf(&r->out, "<p role=\"status\">%lld %s found.</p>", (long long)pg.total,
                pg.total == 1 ? "person" : "people");
    table_begin(r, "People", false, (const char *const[]){"Name", "Email", "School", "Roles"}, 4);
    for (int i = 0; i < n; i++) {
        html_printf(&r->out, "<tr><td><a href=\"/people/%lld\">%s</a></td><td>%s</td><td>%s</td><td>",
                    (long long)people[i].id, people[i].name, people[i].email, people[i].school_name);
        role_badges(r, &people[i]);
        html_raw(&r->out, "</td></tr>");
    }
    table_end(r);
    pagination(r, people_base(r, &f), pg.page, pg.per_page, pg.total);
    page_end(r);
}

void page_person_new(req *r)
{
    page_begin(r, "Add a person");
    person_form(r, "/people", &(struct person_input){.full_time = "yes", .job_type = "classroom_teacher"},
                0, NULL);
    page_end(r);
}

void do_person_create(req *r)
{
    struct person_input in = person_input_from_form(r);
    struct errors errs = {0};
    int64_t id = 0;
    enum app_status s = person_create(ctx_of(r), &in, &id, &errs);
    if (s == APP_INVALID) {
        r->status = 400;
        page_begin(r, "Add a person");
        person_form(r, "/people", &in, 0, &errs);
        page_end(r);
        return;
    }
    if (s != APP_OK) {
        web_fail(r, s, KIND_PERSON);
        return;
    }
    web_flash(r, arena_printf(r->a, "%s was added.", in.name));
    res_redirect(r, arena_printf(r->a, "/people/%" PRId64, id));
}

static void person_details(req *r, const struct person *p)
{
    html_raw(&r->out, "<dl class=\"record\">");
    record_row(r, "Email", p->email);
    record_row(r, "Employee id", *p->employee_id ? p->employee_id : "—");
    record_row(r, "School", *p->school_name ? p->school_name : "—");
    record_row(r, "Member of the union", p->union_member ? "Yes" : "No");
    record_row(r, "Full-time", p->full_time ? "Yes" : "No");
    char year[16];
    ordinal(p->district_year, year, sizeof year);
    record_row(r, "Year in the district", p->district_year ? arena_printf(r->a, "%s year", year)
                                                           : "Not recorded yet");
    record_row(r, "Job", job_type_label(p->job_type));
    record_row(r, "Can sign in", !p->active        ? "No: inactive, gone from the district's "
                                                     "roster; their records stay theirs"
                                 : p->can_sign_in ? "Yes"
                                                  : "Not yet: no password set");
    html_raw(&r->out, "<div><dt>Last changed</dt><dd>");
    html_time(r, p->updated_at);
    html_raw(&r->out, "</dd></div></dl>");
}

static void role_row(req *r, const struct person *p, const struct person_role *pr, bool manage)
{
    html_printf(&r->out, "<tr><td>%s</td><td>", role_label(pr->role));
    if (pr->school_id)
        html_printf(&r->out, "%s", pr->school_name);
    if (*pr->seat)
        html_printf(&r->out, "%s seat, appointed by %s, %s to %s", pr->seat,
                    panel_appointer_of(ctx_of(r), pr->appointed_by),
                    pr->term_start, pr->term_end);
    html_raw(&r->out, "</td>");
    if (manage) {
        html_raw(&r->out, "<td>");
        button_form(r, arena_printf(r->a, "/people/%" PRId64 "/roles/%" PRId64 "/delete", p->id, pr->id),
                    arena_printf(r->a, "Remove the role %s", role_label(pr->role)),
                    "button button-danger");
        html_raw(&r->out, "</td>");
    }
    html_raw(&r->out, "</tr>");
}

static void role_form(req *r, const struct person *p, const struct role_input *in,
                      const struct errors *errs)
{
    html_raw(&r->out, "<h3 id=\"add-role\">Give a role</h3>");
    form_errors(r, errs);
    form_begin(r, arena_printf(r->a, "/people/%" PRId64 "/roles#add-role", p->id));
    struct option roles[ROLE_COUNT + 1] = {{"", "Choose a role"}};
    field_select(r, &(struct field){.name = "role", .label = "Role", .value = in->role,
                                    .required = true}, roles, program_roles(r, roles), errs);
    int nschools;
    struct option *schools = school_options(r, "Choose a school", &nschools);
    field_select(r, &(struct field){.name = "school_id", .label = "School", .hint = "Administrators only.",
                                    .value = in->school_id}, schools, nschools, errs);
    struct option seats[] = {{"", "Choose a seat"}, {"teacher", "Teacher seat"},
                             {"principal", "Principal seat"}};
    field_select(r, &(struct field){.name = "seat", .label = "Panel seat", .hint = "Panel members only.",
                                    .value = in->seat}, seats, 3, errs);
    /* R29: the seat decides the appointer; the district's is a setting. */
    const char *district = program_setting(ctx_of(r), "panel_principal_appointer");
    struct option appointers[] = {{"", "Choose who appointed them"},
                                  {APPOINTER_UNION, "The union president (teacher seats)"},
                                  {APPOINTER_DISTRICT, arena_printf(r->a, "%s (principal seats)", district)}};
    field_select(r, &(struct field){.name = "appointed_by", .label = "Appointed by",
                                    .value = in->appointed_by,
                                    .hint = "Panel members only. The union president appoints "
                                            "teacher seats, the district principal seats."},
                 appointers, 3, errs);
    field_input(r, &(struct field){.name = "term_start", .label = "Term starts",
                                   .type = "date", .value = in->term_start,
                                   .hint = "Panel members only."}, errs);
    field_input(r, &(struct field){.name = "term_end", .label = "Term ends",
                                   .type = "date", .value = in->term_end,
                                   .hint = "Panel members only: at most 4 years after the start."}, errs);
    form_end(r, "Give this role");
}

static void person_page(req *r, const struct person *p, const struct role_input *in,
                        const struct errors *errs)
{
    struct ctx *c = ctx_of(r);
    bool manage = role_set_has(c->who.roles, ROLE_COORDINATOR);
    page_begin(r, p->name);
    if (manage)
        html_printf(&r->out, "<p class=\"page-actions\"><a class=\"button\" href=\"/people/%lld/edit\">"
                             "Change details</a></p>", (long long)p->id);
    person_details(r, p);
    html_raw(&r->out, "<h2>Roles</h2>");
    if (p->nroles) {
        /* Markup goes through html_raw(): a %s argument is escaped as text. */
        html_raw(&r->out, "<div class=\"table-wrap\" tabindex=\"0\"><table><thead><tr>"
                          "<th scope=\"col\">Role</th><th scope=\"col\">Details</th>");
        if (manage)
            html_raw(&r->out, "<th scope=\"col\">Action</th>");
        html_raw(&r->out, "</tr></thead><tbody>");
        for (int i = 0; i < p->nroles; i++)
            role_row(r, p, &p->roles[i], manage);
        table_end(r);
    } else {
        html_raw(&r->out, "<p>No roles yet.</p>");
    }
    if (manage)
        role_form(r, p, in, errs);
    if (manage && p->id != c->who.person_id) {
        /* Issue 15: nobody holds a password link for someone else (finding
         * 1): it goes to the person by e-mail (issue 16). Their API tokens,
         * to revoke. */
        html_printf(&r->out, "<h2>Signing in</h2><p>%s</p>", credential_not_for_others_words);
        button_form(r, arena_printf(r->a, "/people/%" PRId64 "/password-link", p->id),
                    "E-mail them a link to set a password", "button button-secondary");
        tokens_section(r, p->id);
    }
    html_printf(&r->out, "<h2>History</h2><p><a href=\"/people/%lld/history\">Who has viewed or "
                         "changed this record</a></p>", (long long)p->id);
    page_end(r);
}

void page_person(req *r)
{
    struct person p;
    enum app_status s = person_get(ctx_of(r), req_id(r, "id"), &p);
    if (s != APP_OK) {
        web_fail(r, s, KIND_PERSON);
        return;
    }
    person_page(r, &p, &(struct role_input){0}, NULL);
}

static void person_edit_page(req *r, int64_t id, const struct person_input *in, int64_t version,
                             const struct errors *errs)
{
    page_begin(r, "Change details");
    person_form(r, arena_printf(r->a, "/people/%" PRId64, id), in, version, errs);
    page_end(r);
}

void page_person_edit(req *r)
{
    struct person p;
    enum app_status s = person_get(ctx_of(r), req_id(r, "id"), &p);
    if (s != APP_OK) {
        web_fail(r, s, KIND_PERSON);
        return;
    }
    struct person_input in = person_input_from_record(r, &p);
    person_edit_page(r, p.id, &in, p.version, NULL);
}

void do_person_update(req *r)
{
    int64_t id = req_id(r, "id");
    struct person_input in = person_input_from_form(r);
    struct errors errs = {0};
    int64_t version = parse_id(req_form(r, "version"));
    enum app_status s = person_update(ctx_of(r), id, version, &in, &errs);
    if (s == APP_INVALID) {
        r->status = 400;
        person_edit_page(r, id, &in, version, &errs);
        return;
    }
    if (s != APP_OK) {
        web_fail(r, s, KIND_PERSON);
        return;
    }
    web_flash(r, "The changes are saved.");
    res_redirect(r, arena_printf(r->a, "/people/%" PRId64, id));
}

void do_role_add(req *r)
{
    struct ctx *c = ctx_of(r);
    int64_t id = req_id(r, "id"), role_id;
    struct role_input in = {
        .role = form_value(r, "role"), .school_id = form_value(r, "school_id"),
        .seat = form_value(r, "seat"), .appointed_by = form_value(r, "appointed_by"),
        .term_start = form_value(r, "term_start"), .term_end = form_value(r, "term_end"),
    };
    struct errors errs = {0};
    enum app_status s = role_add(c, id, &in, &role_id, &errs);
    struct person p;
    if (s == APP_INVALID && person_get(c, id, &p) == APP_OK) {
        r->status = 400;
        person_page(r, &p, &in, &errs);
        return;
    }
    if (s != APP_OK) {
        web_fail(r, s, KIND_ROLE);
        return;
    }
    web_flash(r, "The role is given.");
    res_redirect(r, arena_printf(r->a, "/people/%" PRId64, id));
}

void do_role_remove(req *r)
{
    int64_t id = req_id(r, "id");
    enum app_status s = role_remove(ctx_of(r), id, req_id(r, "role_id"));
    if (s != APP_OK) {
        web_fail(r, s, KIND_ROLE);
        return;
    }
    web_flash(r, "The role is removed.");
    res_redirect(r, arena_printf(r->a, "/people/%" PRId64, id));
}

/* The page says where the link went, in part, and never shows it. */
void do_password_link(req *r)
{
    int64_t id = req_id(r, "id");
    struct link_sent sent;
    enum app_status s = password_link_send(ctx_of(r), id, &sent);
    if (s != APP_OK) {
        web_fail(r, s, KIND_PASSWORD_LINK);
        return;
    }
    web_flash(r, arena_printf(r->a, "A link to set a password was sent to %s; only they can "
                                    "read it. Their sessions were signed out and their API "
                                    "tokens revoked.",
                              sent.masked_address));
    res_redirect(r, arena_printf(r->a, "/people/%" PRId64, id));
}

/* The history's filter (R37): who acted, and the kind of record; a GET
 * form, so it works without JavaScript and its address can be kept. */
static void history_filter(req *r, int64_t id, const struct audit_filter *f,
                           const struct record_history *h)
{
    struct option *people = arena_alloc(r->a, sizeof *people * (size_t)(h->nactors + 1));
    people[0] = (struct option){"", "Anyone"};
    for (int i = 0; i < h->nactors; i++)
        people[i + 1] = (struct option){id_text(r, h->actors[i].id), h->actors[i].name};
    struct option *kinds = arena_alloc(r->a, sizeof *kinds * (size_t)(h->nkinds + 1));
    kinds[0] = (struct option){"", "Any kind"};
    for (int i = 0; i < h->nkinds; i++)
        kinds[i + 1] = (struct option){h->kinds[i], audit_kind_label(r->a, h->kinds[i])};
    html_printf(&r->out,
                "<form method=\"get\" action=\"/people/%" PRId64 "/history\" "
                "role=\"search\">",
                id);
    field_select(r,
                 &(struct field){.name = "actor_id",
                                 .label = "Who",
                                 .filter = true,
                                 .value = f->actor_id ? id_text(r, f->actor_id) : ""},
                 people, h->nactors + 1, NULL);
    field_select(r,
                 &(struct field){
                     .name = "kind", .label = "Kind of record", .filter = true, .value = f->kind},
                 kinds, h->nkinds + 1, NULL);
    html_raw(&r->out, "<div class=\"form-actions\"><button type=\"submit\" class=\"button\">"
                      "Filter</button></div></form>");
}

/* The history's address with its filter, for the pages' links. */
static const char *history_base(req *r, int64_t id, const struct audit_filter *f)
{
    buf b;
    buf_init(&b, r->a);
    buf_printf(&b, "/people/%" PRId64 "/history?actor_id=%s&kind=", id,
               f->actor_id ? id_text(r, f->actor_id) : "");
    url_encode(&b, f->kind);
    return buf_cstr(&b);
}

void page_person_history(req *r)
{
    int64_t id = req_id(r, "id");
    const char *kind = req_query(r, "kind");
    struct audit_filter f = {.actor_id = parse_id(req_query(r, "actor_id")),
                             .kind = kind ? kind : ""};
    struct page_of pg = {.page = req_page(r), .per_page = 50};
    struct record_history h;
    enum app_status s = audit_about(ctx_of(r), id, &f, &pg, &h);
    if (s != APP_OK) {
        web_fail(r, s, KIND_PERSON);
        return;
    }
    page_begin(r, "Who has viewed or changed this record");
    html_raw(&r->out, "<p>Every change to this record, and every time someone else looked at it, "
                      "is listed here. Nobody can edit this list. Someone who looked at "
                      "the same thing again and again is one row, with how many times.</p>");
    history_filter(r, id, &f, &h);
    html_printf(&r->out, "<p role=\"status\">%lld %s.</p>", (long long)pg.total,
                pg.total == 1 ? "row" : "rows");
    audit_table(r, h.rows, h.n, false);
    pagination(r, history_base(r, id, &f), pg.page, pg.per_page, pg.total);
    page_end(r);
}

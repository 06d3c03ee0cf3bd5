/* roster.c: the coordinator brings in the district's roster (issue 17):
 * upload, preview, import. The preview names every bad row by file, row
 * and column, or says what the import adds, changes and leaves; the
 * roster is kept (app/roster.h) until it is imported, which does what the
 * preview said or, if the program changed meanwhile, nothing until the new
 * preview is seen. */
#include <inttypes.h>
#include <string.h>

#include "app/roster.h"
#include "out/html.h"
#include "web/handlers.h"
#include "web/web.h"

#define CHANGES_SHOWN 200

static void roster_form(req *r)
{
    html_raw(&r->out,
             "<p>Bring in the district's schools and people from its roster: the OneRoster 1.1 "
             "files its student information system exports (<code>users.csv</code> and "
             "<code>orgs.csv</code>), or one CSV file with the columns <code>name</code>, "
             "<code>email</code>, <code>school</code> and <code>role</code> (and "
             "<code>employee_id</code>). You see what it would do before anything is "
             "written.</p>"
             "<ul><li>A person is found again by their roster id, then by email address; "
             "students and their families are left out.</li>"
             "<li>People a roster named before and this one does not become inactive: they no "
             "longer sign in, and their records stay theirs.</li>"
             "<li>A roster makes a school's administrator its administrator in Parley. Consulting "
             "Teachers, Panel members, union representatives and coordinators are the "
             "program's to appoint: an import never gives or takes those roles.</li></ul>");
    form_begin_upload(r, "/people/import");
    field_input(r,
                &(struct field){.name = "users",
                                .label = "users.csv, or the CSV file",
                                .type = "file",
                                .required = true,
                                .hint = "OneRoster's users.csv, or a CSV of name, email, "
                                        "school, role."},
                NULL);
    field_input(r,
                &(struct field){.name = "orgs",
                                .label = "orgs.csv",
                                .type = "file",
                                .hint = "OneRoster's orgs.csv, for the schools; leave it out "
                                        "for a plain CSV, whose schools must be in Parley "
                                        "already."},
                NULL);
    form_end(r, "Preview the import");
}

void page_roster_import(req *r)
{
    page_begin(r, "Bring in the district's roster");
    roster_form(r);
    page_end(r);
}

static void problems_table(req *r, const struct roster_plan *plan)
{
    html_printf(&r->out,
                "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>%d %s: "
                "nothing was imported</h2><p>Correct %s in the file and send it "
                "again. A file with a bad row is refused whole.</p></div>",
                plan->nproblems, plan->nproblems == 1 ? "problem" : "problems",
                plan->nproblems == 1 ? "it" : "them");
    html_raw(&r->out, "<div class=\"table-wrap\" tabindex=\"0\"><table class=\"roster-problems\">"
                      "<caption>What is wrong, row by row</caption><thead><tr>"
                      "<th scope=\"col\">File</th><th scope=\"col\">Row</th>"
                      "<th scope=\"col\">Column</th><th scope=\"col\">What is wrong</th></tr>"
                      "</thead><tbody>");
    for (int i = 0; i < plan->nproblems; i++) {
        const struct roster_problem *p = &plan->problems[i];
        html_printf(&r->out, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>", p->file,
                    p->row ? arena_printf(r->a, "%d", p->row) : "the whole file", p->column,
                    plain_words(r, p->reason, NULL));
    }
    table_end(r);
}

static void counts_list(req *r, const struct roster_counts *n)
{
    html_printf(&r->out,
                "<dl class=\"record roster-counts\">"
                "<div><dt>People added</dt><dd>%d</dd></div>"
                "<div><dt>People changed</dt><dd>%d</dd></div>"
                "<div><dt>People left as they were</dt><dd>%d</dd></div>"
                "<div><dt>People made inactive</dt><dd>%d</dd></div>"
                "<div><dt>Students and family members left out</dt><dd>%d</dd></div>"
                "<div><dt>Schools added</dt><dd>%d</dd></div>"
                "<div><dt>Schools changed</dt><dd>%d</dd></div>"
                "<div><dt>Schools left as they were</dt><dd>%d</dd></div></dl>",
                n->added, n->changed, n->left, n->inactive, n->left_out, n->schools_added,
                n->schools_changed, n->schools_left);
}

static void changes_table(req *r, const struct roster_plan *plan, enum roster_change_kind kind,
                          const char *heading)
{
    int total = 0, shown = 0;
    bool what = kind == ROSTER_CHANGED;
    for (int i = 0; i < plan->nchanges; i++)
        total += plan->changes[i].kind == kind;
    if (!total)
        return;
    html_printf(&r->out,
                "<h2>%s (%d)</h2><div class=\"table-wrap\" tabindex=\"0\"><table>"
                "<caption class=\"visually-hidden\">%s</caption><thead><tr>"
                "<th scope=\"col\">Name</th><th scope=\"col\">Email</th>",
                heading, total, heading);
    if (what)
        html_raw(&r->out, "<th scope=\"col\">What changes</th>");
    html_raw(&r->out, "</tr></thead><tbody>");
    for (int i = 0; i < plan->nchanges && shown < CHANGES_SHOWN; i++) {
        const struct roster_change *ch = &plan->changes[i];
        if (ch->kind != kind)
            continue;
        shown++;
        html_printf(&r->out, "<tr><td>%s</td><td>%s</td>", ch->name, ch->email);
        if (what)
            html_printf(&r->out, "<td>%s</td>", ch->what);
        html_raw(&r->out, "</tr>");
    }
    table_end(r);
    if (total > shown)
        html_printf(&r->out, "<p>And %d more.</p>", total - shown);
}

static void preview_page(req *r, const struct roster_plan *plan, int64_t upload, const char *notice)
{
    page_begin(r, "Preview of the roster's import");
    form_problem(r, notice);
    html_raw(&r->out, "<p>Nothing is written yet. This is what importing the roster would do; "
                      "import it to make it so, all of it at once.</p>");
    counts_list(r, &plan->n);
    form_begin(r, "/people/import/apply");
    html_printf(&r->out,
                "<input type=\"hidden\" name=\"upload\" value=\"%" PRId64 "\">"
                "<input type=\"hidden\" name=\"expect\" value=\"%s\">",
                upload, roster_plan_key(r->a, plan));
    form_end(r, "Import the roster");
    changes_table(r, plan, ROSTER_ADDED, "To add");
    changes_table(r, plan, ROSTER_CHANGED, "To change");
    changes_table(r, plan, ROSTER_INACTIVE, "To make inactive: gone from the roster");
    html_raw(&r->out, "<p><a href=\"/people/import\">Choose other files</a></p>");
    page_end(r);
}

static void refused_page(req *r, const struct roster_plan *plan)
{
    r->status = 400;
    page_begin(r, "Bring in the district's roster");
    problems_table(r, plan);
    roster_form(r);
    page_end(r);
}

void do_roster_preview(req *r)
{
    struct roster_files f = {.users = form_file(r, "users"), .orgs = form_file(r, "orgs")};
    if (!f.users.data) {
        r->status = 400;
        page_begin(r, "Bring in the district's roster");
        form_problem(r, "Choose the roster's file: users.csv, or a CSV of name, email, school, "
                        "role.");
        roster_form(r);
        page_end(r);
        return;
    }
    struct roster_plan plan;
    int64_t id = 0;
    enum app_status s = roster_preview(ctx_of(r), &f, &plan, NULL);
    if (s == APP_INVALID)
        refused_page(r, &plan);
    else if (s != APP_OK || (s = roster_upload_keep(ctx_of(r), &f, &id)) != APP_OK)
        web_fail(r, s, KIND_ROSTER);
    else
        preview_page(r, &plan, id, NULL);
}

void do_roster_import(req *r)
{
    int64_t id = parse_id(form_value(r, "upload"));
    struct roster_files f;
    struct roster_plan plan;
    enum app_status s = id ? roster_upload_get(ctx_of(r), id, &f) : APP_NOT_FOUND;
    if (s == APP_NOT_FOUND) {
        r->status = 400;
        page_begin(r, "Bring in the district's roster");
        form_problem(r, "This preview is no longer kept (a day at most, or it was imported "
                        "already): choose the roster's files again.");
        roster_form(r);
        page_end(r);
        return;
    }
    if (s == APP_OK)
        s = roster_import(ctx_of(r), &f, &plan, NULL);
    if (s == APP_INVALID) {
        refused_page(r, &plan);
        return;
    }
    if (s != APP_OK) {
        web_fail(r, s, KIND_ROSTER);
        return;
    }
    if (strcmp(roster_plan_key(r->a, &plan), form_value(r, "expect")) != 0) {
        /* The program changed since the preview: nothing is kept (409),
         * and the new preview is shown for a new decision. */
        r->status = 409;
        preview_page(r, &plan, id,
                     "The program's people changed since the preview, so the import would now "
                     "do something else. Nothing was imported: here is what it would do now.");
        return;
    }
    if ((s = roster_upload_drop(ctx_of(r), id)) != APP_OK) {
        web_fail(r, s, KIND_ROSTER);
        return;
    }
    web_flash(r,
              arena_printf(r->a, "The roster is imported: %s.", roster_counts_text(r->a, &plan.n)));
    res_redirect(r, "/people");
}

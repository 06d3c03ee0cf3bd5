/* goal_bank.c: the goals bank on the web (R19): the coordinator keeps it
 * (adds, edits, retires and restores goals); teachers and Consulting
 * Teachers read it and start a case's goals from it. */
#include <inttypes.h>

#include "out/html.h"
#include "web/goals.h"
#include "web/handlers.h"

static const char *bank_url(req *r, int64_t id, const char *rest)
{
    return arena_printf(r->a, "/goal-bank/%" PRId64 "%s", id, rest);
}

static void bank_goal_card(req *r, const struct bank_goal *b, bool keeper)
{
    html_printf(&r->out,
                "<article class=\"panel\" aria-labelledby=\"bank-%" PRId64 "\">"
                "<h2 id=\"bank-%" PRId64 "\">%s</h2>",
                b->id, b->id, b->title);
    if (b->retired)
        html_raw(&r->out, "<p><span class=\"badge\">Retired</span> No longer offered; goals "
                          "started from it keep it.</p>");
    html_raw(&r->out, "<dl class=\"record\">");
    goal_smart_rows(r, b->kind, b->specific, b->measure, b->actions, b->indicator_code,
                    b->indicator_title);
    html_raw(&r->out, "</dl>");
    if (keeper) {
        html_printf(&r->out,
                    "<p><a class=\"button button-secondary\" href=\"%s\">Edit <span "
                    "class=\"visually-hidden\">%s</span></a> ",
                    bank_url(r, b->id, "/edit"), b->title);
        button_form(r, bank_url(r, b->id, b->retired ? "/restore" : "/retire"),
                    arena_printf(r->a, "%s \"%s\"", b->retired ? "Restore" : "Retire", b->title),
                    "button button-secondary");
        html_raw(&r->out, "</p>");
    }
    html_raw(&r->out, "</article>");
}

void page_goal_bank(req *r)
{
    struct ctx *c = ctx_of(r);
    struct bank_goal *bank;
    int n;
    enum app_status s = goal_bank_list(c, &bank, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_GOAL_BANK);
        return;
    }
    bool keeper = goal_bank_keeper(c);
    page_begin(r, "The goals bank");
    html_raw(&r->out, "<p>Goals the program keeps for teachers and Consulting Teachers to start "
                      "from: each is SMART (specific, measured, with actions; the date is set "
                      "on the case). A case's goals page offers them when a goal is added.</p>");
    if (keeper)
        html_raw(&r->out, "<p class=\"page-actions\"><a class=\"button\" href=\"/goal-bank/new\">"
                          "Add a goal to the bank</a></p>");
    if (!n)
        html_raw(&r->out, "<p>The bank has no goals yet.</p>");
    for (int i = 0; i < n; i++)
        bank_goal_card(r, &bank[i], keeper);
    page_end(r);
}

static void bank_form_page(req *r, const char *title, const char *action,
                           const struct goal_input *in, int64_t version, const struct errors *errs)
{
    page_begin(r, title);
    html_raw(&r->out, "<p><a href=\"/goal-bank\">Back to the goals bank</a></p>");
    form_errors(r, errs);
    form_begin(r, action);
    if (version)
        version_field(r, version);
    goal_fields_form(r, in, false, errs);
    form_end(r, version ? "Save the changes" : "Add it to the bank");
    page_end(r);
}

void page_goal_bank_new(req *r)
{
    bank_form_page(r, "Add a goal to the bank", "/goal-bank", &(struct goal_input){0}, 0, NULL);
}

void do_goal_bank_create(req *r)
{
    struct goal_input in = goal_input_from_form(r, false);
    struct errors errs = {.n = 0};
    int64_t id;
    enum app_status s = goal_bank_create(ctx_of(r), &in, &id, &errs);
    if (s == APP_INVALID) {
        r->status = 400;
        bank_form_page(r, "Add a goal to the bank", "/goal-bank", &in, 0, &errs);
        return;
    }
    if (s != APP_OK) {
        web_fail(r, s, KIND_GOAL_BANK);
        return;
    }
    web_flash(r, "The goal is in the bank.");
    res_redirect(r, "/goal-bank");
}

void page_goal_bank_edit(req *r)
{
    struct bank_goal b;
    enum app_status s = goal_bank_get(ctx_of(r), req_id(r, "item"), &b);
    if (s != APP_OK) {
        web_fail(r, s, KIND_GOAL_BANK);
        return;
    }
    struct goal_input in = {
        .kind = goal_kind_key(b.kind),
        .title = b.title,
        .specific = b.specific,
        .measure = b.measure,
        .actions = b.actions,
        .indicator_id = b.indicator_id ? arena_printf(r->a, "%" PRId64, b.indicator_id) : ""};
    bank_form_page(r, arena_printf(r->a, "Edit the bank's goal: %s", b.title),
                   bank_url(r, b.id, ""), &in, b.version, NULL);
}

void do_goal_bank_update(req *r)
{
    int64_t id = req_id(r, "item"), version = parse_id(form_value(r, "version"));
    struct goal_input in = goal_input_from_form(r, false);
    struct errors errs = {.n = 0};
    enum app_status s = goal_bank_update(ctx_of(r), id, version, &in, &errs);
    if (s == APP_INVALID) {
        r->status = 400;
        bank_form_page(r, "Edit the bank's goal", bank_url(r, id, ""), &in, version, &errs);
        return;
    }
    if (s != APP_OK) {
        web_fail(r, s, KIND_GOAL_BANK);
        return;
    }
    web_flash(r, "The bank's goal is saved.");
    res_redirect(r, "/goal-bank");
}

static void bank_retire(req *r, bool retired)
{
    enum app_status s = goal_bank_retire(ctx_of(r), req_id(r, "item"), retired);
    if (s != APP_OK) {
        web_fail(r, s, KIND_GOAL_BANK);
        return;
    }
    web_flash(r, retired ? "The goal is retired: it is no longer offered."
                         : "The goal is restored: it is offered again.");
    res_redirect(r, "/goal-bank");
}

void do_goal_bank_retire(req *r)
{
    bank_retire(r, true);
}

void do_goal_bank_restore(req *r)
{
    bank_retire(r, false);
}

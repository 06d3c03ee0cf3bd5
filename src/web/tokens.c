/* tokens.c: API tokens under My account (issue 15): one's tokens with what
 * each is for, when it was last used and when it expires; the form to make
 * one (shown once, on the answer to making it) and a button to revoke each.
 * The coordinator's view of a person lists theirs too, to revoke. */
#include "web/tokens.h"

#include <inttypes.h>

#include "app/api_token.h"
#include "out/html.h"
#include "web/handlers.h"

#define TOKENS_PAGE "/account/tokens"

static void token_state_cell(req *r, const struct api_token *t)
{
    if (t->state == TOKEN_REVOKED) {
        html_raw(&r->out, "Revoked ");
        html_time(r, t->revoked_at);
        html_printf(&r->out, " (%s)", t->revoked_note);
    } else if (t->state == TOKEN_EXPIRED) {
        html_raw(&r->out, "Expired");
    } else {
        button_form(r, arena_printf(r->a, "/tokens/%" PRId64 "/revoke", t->id),
                    arena_printf(r->a, "Revoke \"%s\"", t->name), "button button-danger");
    }
}

static void tokens_table(req *r, const struct api_token *ts, int n)
{
    if (!n) {
        html_raw(&r->out, "<p>No API tokens.</p>");
        return;
    }
    table_begin(r, "API tokens", false,
                (const char *const[]){"Name", "Made", "Works until", "Last used", "Now"}, 5);
    for (int i = 0; i < n; i++) {
        const struct api_token *t = &ts[i];
        html_printf(&r->out, "<tr><td>%s</td><td>", t->name);
        html_time(r, t->created_at);
        html_raw(&r->out, "</td><td>");
        html_time(r, t->expires_at);
        html_raw(&r->out, "</td><td>");
        if (t->last_used)
            html_time(r, t->last_used);
        else
            html_raw(&r->out, "Never");
        html_raw(&r->out, "</td><td>");
        token_state_cell(r, t);
        html_raw(&r->out, "</td></tr>");
    }
    table_end(r);
}

void tokens_section(req *r, int64_t person_id)
{
    struct page_of pg = {.page = 1, .per_page = 50};
    struct api_token *ts;
    int n;
    if (tokens_list(ctx_of(r), person_id, NULL, &pg, &ts, &n) != APP_OK)
        return;
    html_raw(&r->out, "<h2>API tokens</h2><p>Programs that use the API as this person. Revoke "
                      "one that should no longer work: it stops at once.</p>");
    tokens_table(r, ts, n);
}

/* secret: a token just made, shown this once; errs: the form's errors. */
static void tokens_page(req *r, const struct api_token *made, const char *secret,
                        const struct token_input *in, const struct errors *errs)
{
    struct ctx *c = ctx_of(r);
    struct page_of pg = {.page = 1, .per_page = 50};
    struct api_token *ts;
    int n;
    enum app_status s = tokens_list(c, c->who.person_id, NULL, &pg, &ts, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_API_TOKEN);
        return;
    }
    int max_days = program_setting_int(c, "api_token_days");
    page_begin(r, "Your API tokens");
    html_raw(&r->out, "<p>An API token lets a program use Parley's API as you "
                      "(<code>Authorization: Bearer TOKEN</code>), with your roles in this "
                      "program. Give each one a name that says what it is for. It stops "
                      "working when it expires, when you revoke it, when you sign out "
                      "everywhere and when your password changes.</p>");
    if (secret) {
        /* Shown this once: only its SHA-256 is kept. */
        res_header(r, "Cache-Control", "no-store");
        html_printf(&r->out, "<div class=\"flash flash-ok\" role=\"status\"><div "
                             "class=\"field\"><label for=\"new-token\">Your new token \"%s\", "
                             "shown only now: copy it into the program that uses it</label>"
                             "<input type=\"text\" id=\"new-token\" readonly value=\"%s\"></div>"
                             "<p>It works until ",
                    made->name, secret);
        html_time(r, made->expires_at);
        html_raw(&r->out, ".</p></div>");
    }
    tokens_table(r, ts, n);
    html_raw(&r->out, "<h2 id=\"make\">Make a token</h2>");
    form_errors(r, errs);
    form_begin(r, TOKENS_PAGE "#make");
    field_input(r, &(struct field){.name = "name", .label = "Name", .value = in ? in->name : "",
                                   .required = true, .autocomplete = "off",
                                   .hint = "What it is for, such as \"Grades sync\"."},
                errs);
    field_input(r, &(struct field){.name = "days", .label = "Days it works", .type = "number",
                                   .value = in ? in->days : "",
                                   .hint = arena_printf(r->a, "1 to %d. Empty: %d.", max_days,
                                                        max_days)},
                errs);
    form_end(r, "Make the token");
    page_end(r);
}

void page_tokens(req *r)
{
    tokens_page(r, NULL, NULL, NULL, NULL);
}

void do_token_create(req *r)
{
    struct token_input in = {.name = form_value(r, "name"), .days = form_value(r, "days")};
    struct errors errs = {0};
    struct api_token t;
    const char *secret;
    enum app_status s = token_create(ctx_of(r), &in, &t, &secret, &errs);
    if (s == APP_INVALID) {
        r->status = 400;
        tokens_page(r, NULL, NULL, &in, &errs);
    } else if (s != APP_OK) {
        web_fail(r, s, KIND_API_TOKEN);
    } else {
        tokens_page(r, &t, secret, NULL, NULL);
    }
}

void do_token_revoke(req *r)
{
    struct ctx *c = ctx_of(r);
    struct api_token t;
    enum app_status s = token_revoke(c, req_id(r, "id"), &t);
    if (s != APP_OK) {
        web_fail(r, s, KIND_API_TOKEN);
        return;
    }
    web_flash(r, arena_printf(r->a, "The token \"%s\" is revoked: it no longer works.", t.name));
    res_redirect(r, t.person_id == c->who.person_id
                        ? TOKENS_PAGE
                        : arena_printf(r->a, "/people/%" PRId64, t.person_id));
}

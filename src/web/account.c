/* account.c: signing in and out, the dashboard, one's own account and
 * password, and one-time password links. */
#include <inttypes.h>
#include <string.h>

#include "app/auth.h"
#include "app/people.h"
#include "base/clock.h"
#include "domain/credential.h"
#include "out/html.h"
#include "web/handlers.h"
#include "web/web.h"

/* Only a path on this site: never "//elsewhere" or "https://...". */
static const char *safe_next(const char *next)
{
    if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\' || strchr(next, '\r') ||
        strchr(next, '\n'))
        return "/dashboard";
    return next;
}

static void login_form(req *r, const char *email, const char *next, const char *problem)
{
    page_begin(r, "Sign in");
    if (problem)
        html_printf(&r->out, "<div class=\"error-summary\" role=\"alert\"><p>%s</p></div>", problem);
    if (req_query(r, "signed_out"))
        html_raw(&r->out, "<div class=\"flash flash-ok\" role=\"status\">You are signed out.</div>");
    form_begin(r, "/login");
    html_printf(&r->out, "<input type=\"hidden\" name=\"next\" value=\"%s\">", safe_next(next));
    field_input(r, &(struct field){.name = "email", .label = "Email address", .type = "email",
                                   .value = email, .autocomplete = "username", .required = true},
                NULL);
    field_input(r, &(struct field){.name = "password", .label = "Password", .type = "password",
                                   .autocomplete = "current-password", .required = true},
                NULL);
    form_end(r, "Sign in");
    html_printf(&r->out, "<p>%s</p>", credential_forgot_words);
    page_end(r);
}

void page_login(req *r)
{
    if (app_signed_in(ctx_of(r))) {
        res_redirect(r, safe_next(req_query(r, "next")));
        return;
    }
    login_form(r, "", req_query(r, "next"), NULL);
}

void do_login(req *r)
{
    struct ctx *c = ctx_of(r);
    const char *email = form_value(r, "email"), *next = form_value(r, "next");
    const char *token;
    int64_t retry = 0;
    struct login_attempt attempt;
    enum app_status s = auth_login_check(c, email, req_form(r, "password"), &attempt, &retry);
    if (s == APP_OK) {
        if (!web_begin(r))
            return;
        s = auth_login_record(c, &attempt, &token);
    }
    /* Throttle counters and the failed attempt's audit entry are kept. */
    web_of(r)->keep_writes = true;
    switch (s) {
    case APP_OK:
        web_session_cookie(r, token);
        res_redirect(r, safe_next(next));
        return;
    case APP_THROTTLED:
        r->status = 429;
        res_header(r, "Retry-After", arena_printf(r->a, "%" PRId64, retry));
        login_form(r, email, next,
                   arena_printf(r->a, "Too many failed sign-ins. For your safety, try again "
                                      "after %s (in about %" PRId64 " minutes).",
                                clock_format(r->a, clock_now() + retry), (retry + 59) / 60));
        return;
    case APP_BUSY:
        r->status = 429;
        res_header(r, "Retry-After", "5");
        login_form(r, email, next, "Many people are signing in right now. Wait a few seconds "
                                   "and try again.");
        return;
    case APP_DENIED:
        r->status = 401;
        login_form(r, email, next, "The email address or the password is not right. Check "
                                   "both and try again.");
        return;
    default:
        web_error(r, 500, NULL);
    }
}

void do_logout(req *r)
{
    enum app_status s = auth_logout(ctx_of(r));
    if (s != APP_OK) {
        web_fail(r, s, KIND_ACCOUNT);
        return;
    }
    web_session_cookie(r, NULL);
    res_redirect(r, "/login?signed_out=1");
}

void do_logout_everywhere(req *r)
{
    int64_t ended = 0;
    enum app_status s = auth_logout_everywhere(ctx_of(r), &ended);
    if (s != APP_OK) {
        web_fail(r, s, KIND_ACCOUNT);
        return;
    }
    web_session_cookie(r, NULL);
    res_redirect(r, "/login?signed_out=1");
}

static void roles_list(req *r, role_set roles)
{
    html_raw(&r->out, "<ul class=\"roles\">");
    for (int i = 0; i < ROLE_COUNT; i++)
        if (role_set_has(roles, (enum role)i))
            html_printf(&r->out, "<li><span class=\"badge\">%s</span></li>", role_label((enum role)i));
    html_raw(&r->out, "</ul>");
}

void page_dashboard(req *r)
{
    struct ctx *c = ctx_of(r);
    page_begin(r, arena_printf(r->a, "Welcome, %s", c->who.name));
    sent_in_your_name_section(r);   /* R8: requests in one's name wait for one's word */
    dashboard_work(r);
    if (c->who.roles) {
        html_raw(&r->out, "<h2>Your roles</h2>");
        roles_list(r, c->who.roles);
    } else {
        html_raw(&r->out, "<p>You have no role in the program yet. The program coordinator "
                          "gives people their roles.</p>");
    }
    html_raw(&r->out, "<h2>What you can do</h2><ul>");
    if (role_set_has(c->who.roles, ROLE_COORDINATOR))
        html_raw(&r->out, "<li><a href=\"/people\">Find, add and change people</a></li>"
                          "<li><a href=\"/schools\">Schools</a></li>"
                          "<li><a href=\"/audit\">Audit log</a></li>");
    html_printf(&r->out, "<li><a href=\"/people/%" PRId64 "\">Your record</a></li>"
                         "<li><a href=\"/people/%" PRId64 "/history\">Who has viewed or changed "
                         "your record</a></li><li><a href=\"/account\">Your account and "
                         "password</a></li></ul>",
                c->who.person_id, c->who.person_id);
    page_end(r);
}

static void password_form(req *r, const char *action, bool ask_current, const struct errors *errs)
{
    form_begin(r, action);
    if (ask_current)
        field_input(r, &(struct field){.name = "current", .label = "Current password",
                                       .type = "password", .autocomplete = "current-password",
                                       .required = true},
                    errs);
    field_input(r, &(struct field){.name = "password", .label = "New password", .type = "password",
                                   .autocomplete = "new-password", .required = true,
                                   .hint = "At least 12 characters. A short sentence you will "
                                           "remember works well."},
                errs);
    field_input(r, &(struct field){.name = "confirm", .label = "New password again",
                                   .type = "password", .autocomplete = "new-password",
                                   .required = true},
                errs);
    form_end(r, ask_current ? "Change my password" : "Set my password");
}

/* A person in several programs (a district's, a federation's Peer Support
 * Service) works in one at a time: their roles in the others do not count. */
static void programs_section(req *r)
{
    struct program_choice *ps;
    int n;
    if (auth_programs(ctx_of(r), &ps, &n) != APP_OK || n < 2)
        return;
    html_raw(&r->out, "<h2>Your programs</h2><p>You belong to more than one program. You work "
                      "in one at a time, with the roles you hold in it; nothing of one program "
                      "shows in another.</p><ul class=\"programs\">");
    for (int i = 0; i < n; i++) {
        html_printf(&r->out, "<li>%s%s", ps[i].name, ps[i].current ? " (you are working in it)" : "");
        if (!ps[i].current) {
            form_begin(r, "/account/program");
            html_printf(&r->out, "<input type=\"hidden\" name=\"program_id\" value=\"%s\">",
                        id_text(r, ps[i].id));
            form_end(r, arena_printf(r->a, "Work in %s", ps[i].name));
        }
        html_raw(&r->out, "</li>");
    }
    html_raw(&r->out, "</ul>");
}

void do_program_switch(req *r)
{
    int64_t id = parse_id(req_form(r, "program_id"));
    if (!id) {
        web_error(r, 400, "Choose one of your programs.");
        return;
    }
    enum app_status s = auth_program_switch(ctx_of(r), id);
    if (s != APP_OK) {
        web_fail(r, s, KIND_ACCOUNT);
        return;
    }
    web_flash(r, "You are now working in the other program, with your roles there.");
    res_redirect(r, "/dashboard");
}

static void account_page(req *r, const struct errors *errs)
{
    struct ctx *c = ctx_of(r);
    page_begin(r, "My account");
    form_errors(r, errs);
    html_printf(&r->out, "<dl class=\"record\"><div><dt>Name</dt><dd>%s</dd></div>"
                         "<div><dt>Email</dt><dd>%s</dd></div></dl>",
                c->who.name, c->who.email);
    roles_list(r, c->who.roles);
    programs_section(r);
    html_printf(&r->out, "<p><a href=\"/people/%" PRId64 "/history\">Who has viewed or changed "
                         "your record</a></p><h2>Change your password</h2>",
                c->who.person_id);
    password_form(r, "/account/password", true, errs);
    html_raw(&r->out, "<h2>API tokens</h2><p>Programs that use Parley's API as you. <a "
                      "href=\"/account/tokens\">See, make and revoke your API tokens</a>.</p>"
                      "<h2>Sessions</h2><p>Signed in on a shared or lost device? Sign out "
                      "everywhere ends every session, this one included, and revokes your API "
                      "tokens.</p>");
    button_form(r, "/logout-everywhere", "Sign out everywhere", "button button-secondary");
    page_end(r);
}

void page_account(req *r)
{
    account_page(r, NULL);
}

void do_password_change(req *r)
{
    struct errors errs = {0};
    char hash[128];
    enum app_status s = auth_password_change_check(ctx_of(r), req_form(r, "current"),
                                                   req_form(r, "password"),
                                                   req_form(r, "confirm"), hash, &errs);
    if (s == APP_OK) {
        if (!web_begin(r))
            return;
        s = auth_password_change_store(ctx_of(r), hash);
    }
    if (s == APP_INVALID) {
        r->status = 400;
        account_page(r, &errs);
        return;
    }
    if (s != APP_OK) {
        web_fail(r, s, KIND_ACCOUNT);
        return;
    }
    web_flash(r, "Your password is changed. Your other sessions were signed out.");
    res_redirect(r, "/account");
}

static void reset_page(req *r, const char *name, const struct errors *errs)
{
    page_begin(r, "Set a new password");
    form_errors(r, errs);
    html_printf(&r->out, "<p>This link lets %s set a new password. It works once. Setting the "
                         "password signs you out everywhere and revokes your API tokens.</p>",
                name);
    password_form(r, arena_printf(r->a, "/reset/%s", req_param(r, "token")), false, errs);
    page_end(r);
}

static void reset_gone(req *r)
{
    web_error(r, 404, "This password link has expired or was already used, or a newer link or a "
                      "new password replaced it. " CREDENTIAL_ASK_OPERATOR);
}

void page_reset(req *r)
{
    const char *name;
    if (auth_reset_check(ctx_of(r), req_param(r, "token"), &name) != APP_OK) {
        reset_gone(r);
        return;
    }
    res_header(r, "Referrer-Policy", "no-referrer");
    reset_page(r, name, NULL);
}

void do_reset(req *r)
{
    struct errors errs = {0};
    const char *name;
    struct ctx *c = ctx_of(r);
    const char *token = req_param(r, "token");
    char hash[128];
    enum app_status s = auth_reset_check_password(c, token, req_form(r, "password"),
                                                  req_form(r, "confirm"), hash, &errs);
    if (s == APP_OK) {
        if (!web_begin(r))
            return;
        s = auth_reset_store(c, token, hash);
    }
    if (s == APP_NOT_FOUND) {
        reset_gone(r);
    } else if (s == APP_INVALID && auth_reset_check(c, token, &name) == APP_OK) {
        r->status = 400;
        reset_page(r, name, &errs);
    } else if (s != APP_OK) {
        web_fail(r, s, KIND_ACCOUNT);
    } else {
        page_begin(r, "Your password is set");
        html_raw(&r->out, "<p>You can now <a href=\"/login\">sign in</a> with your new "
                          "password.</p>");
        page_end(r);
    }
}

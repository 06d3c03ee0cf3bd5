/* account.c: signing in and out, the dashboard, one's own account and
 * password, and one-time password links: asking for one by e-mail
 * ("Forgot your password?") and using one. */
#include <inttypes.h>
#include <string.h>

#include "app/auth.h"
#include "app/outbox.h"
#include "app/password_link.h"
#include "app/people.h"
#include "base/clock.h"
#include "domain/credential.h"
#include "out/html.h"
#include "web/handlers.h"
#include "web/web.h"

/* Only a path on this site: never "//elsewhere" or "https://...". */
const char *login_next(const char *next)
{
    if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\' || strchr(next, '\r') ||
        strchr(next, '\n'))
        return "/dashboard";
    return next;
}

static void login_form(req *r, const char *email, const char *next, const char *problem)
{
    page_begin(r, "Sign in");
    form_problem(r, problem);
    if (req_query(r, "signed_out"))
        html_raw(&r->out, "<div class=\"flash flash-ok\" role=\"status\">You are signed out.</div>");
    sso_choice(r, login_next(next));
    form_begin(r, "/login");
    html_printf(&r->out, "<input type=\"hidden\" name=\"next\" value=\"%s\">", login_next(next));
    field_input(r, &(struct field){.name = "email", .label = "Email address", .type = "email",
                                   .value = email, .autocomplete = "username", .required = true},
                NULL);
    field_input(r, &(struct field){.name = "password", .label = "Password", .type = "password",
                                   .autocomplete = "current-password", .required = true},
                NULL);
    form_end(r, "Sign in");
    html_printf(&r->out, "<p><a href=\"/password/forgot\">%s</a></p>", credential_forgot_words);
    page_end(r);
}

void login_page(req *r, int status, const char *next, const char *problem)
{
    r->status = status;
    login_form(r, "", next, problem);
}

void page_login(req *r)
{
    if (app_signed_in(ctx_of(r))) {
        res_redirect(r, login_next(req_query(r, "next")));
        return;
    }
    login_form(r, "", req_query(r, "next"), NULL);
}

/* "in about 8 seconds", "in about 3 minutes". */
static const char *wait_words(req *r, int64_t seconds)
{
    if (seconds < 90)
        return arena_printf(r->a, "in about %" PRId64 " second%s", seconds,
                            seconds == 1 ? "" : "s");
    return arena_printf(r->a, "in about %" PRId64 " minutes", (seconds + 59) / 60);
}

/* The sign-in throttle's refusal (domain/signin.h): why, and when to try
 * again. The form keeps the email typed. */
static void login_refused(req *r, const struct signin_decision *d)
{
    int64_t wait = d->retry_at - clock_now();
    if (wait < 1)
        wait = 1;
    r->status = 429;
    res_header(r, "Retry-After", arena_printf(r->a, "%" PRId64, wait));
    login_form(r, form_value(r, "email"), form_value(r, "next"),
               arena_printf(r->a, "%s Try again after %s (%s).", signin_refusal(d->verdict),
                            clock_format(r->a, d->retry_at), wait_words(r, wait)));
}

static void login_answer(req *r, enum app_status s, const struct login_attempt *a,
                         const char *token)
{
    const char *email = form_value(r, "email"), *next = form_value(r, "next");
    switch (s) {
    case APP_OK:
        web_session_cookie(r, token);
        res_redirect(r, login_next(next));
        return;
    case APP_THROTTLED:
        login_refused(r, &a->refused);
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

/* After the password's hash, computed on the hash pool. */
static void login_finish(req *r, void *state)
{
    struct login_attempt *a = state;
    const char *token = NULL;
    enum app_status s = auth_login_finish(ctx_of(r), a, &token);
    /* The throttle's counts and the failed attempt's audit entry are kept. */
    web_of(r)->keep_writes = true;
    login_answer(r, s, a, token);
}

void do_login(req *r)
{
    struct login_attempt *a = arena_alloc(r->a, sizeof *a);
    enum app_status s = auth_login_begin(ctx_of(r), form_value(r, "email"),
                                         req_form(r, "password"), a);
    if (s == APP_OK)
        web_hash(r, &a->hash, login_finish, a);   /* counted until then as a failure */
    else
        login_answer(r, s, a, NULL);
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
    int64_t failed = outbox_failed_count(c);   /* 0 for whoever does not read the outbox */
    if (failed)
        html_printf(&r->out, "<p class=\"flash flash-error\" role=\"status\">%" PRId64 " message%s "
                             "could not be sent. <a href=\"/outbox?state=failed\">See why, and "
                             "send %s again</a>.</p>",
                    failed, failed == 1 ? "" : "s", failed == 1 ? "it" : "them");
    if (role_set_has(c->who.roles, ROLE_COORDINATOR))
        search_box(r, "dashboard-search", "Find a teacher, a case or an inquiry", true);
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
                          "<li><a href=\"/audit\">Audit log</a></li>"
                          "<li><a href=\"/outbox\">Outgoing mail</a></li>");
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

static void account_page(req *r, const struct errors *errs);

/* What mail one gets (issue 16); one-time links always go. */
static void mail_section(req *r)
{
    struct ctx *c = ctx_of(r);
    struct option opts[MAIL_CHOICE_COUNT];
    for (int i = 0; i < MAIL_CHOICE_COUNT; i++)
        opts[i] = (struct option){mail_choice_key(i), mail_choice_label(i)};
    html_printf(&r->out, "<h2>E-mail from Parley</h2><p>News of your cases and reminders of "
                         "what is due, sent to %s. Links to set a password always go.</p>",
                c->who.email);
    form_begin(r, "/account/mail");
    field_select(r, &(struct field){.name = "mail", .label = "Send me",
                                    .value = mail_choice_key(mail_choice_of(c, c->who.person_id)),
                                    .required = true},
                 opts, MAIL_CHOICE_COUNT, NULL);
    form_end(r, "Save");
}

void do_mail_choice(req *r)
{
    enum mail_choice m;
    if (!mail_choice_parse(form_value(r, "mail"), &m)) {
        struct errors errs = {0};
        errors_add(&errs, "mail", "Choose one of the three.");
        r->status = 400;
        account_page(r, &errs);
        return;
    }
    enum app_status s = mail_choice_set(ctx_of(r), m);
    if (s != APP_OK) {
        web_fail(r, s, KIND_ACCOUNT);
        return;
    }
    web_flash(r, arena_printf(r->a, "Saved: %s.", mail_choice_label(m)));
    res_redirect(r, "/account");
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
    mail_section(r);
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

static void password_change_answer(req *r, enum app_status s, const struct errors *errs)
{
    if (s == APP_INVALID) {
        r->status = 400;
        account_page(r, errs);
        return;
    }
    if (s != APP_OK) {
        web_fail(r, s, KIND_ACCOUNT);
        return;
    }
    web_flash(r, "Your password is changed. Your other sessions were signed out.");
    res_redirect(r, "/account");
}

static void password_change_finish(req *r, void *job)
{
    struct errors errs = {0};
    password_change_answer(r, auth_password_change_store(ctx_of(r), job, &errs), &errs);
}

void do_password_change(req *r)
{
    struct errors errs = {0};
    struct hash_job *job = arena_alloc(r->a, sizeof *job);
    enum app_status s = auth_password_change_check(ctx_of(r), req_form(r, "current"),
                                                   req_form(r, "password"),
                                                   req_form(r, "confirm"), job, &errs);
    if (s == APP_OK)
        web_hash(r, job, password_change_finish, job);
    else
        password_change_answer(r, s, &errs);
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
                      "new password replaced it. " CREDENTIAL_ASK_LINK);
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

static void reset_answer(req *r, enum app_status s, const struct errors *errs)
{
    const char *name;
    if (s == APP_NOT_FOUND) {
        reset_gone(r);
    } else if (s == APP_INVALID &&
               auth_reset_check(ctx_of(r), req_param(r, "token"), &name) == APP_OK) {
        r->status = 400;
        reset_page(r, name, errs);
    } else if (s != APP_OK) {
        web_fail(r, s, KIND_ACCOUNT);
    } else {
        page_begin(r, "Your password is set");
        html_raw(&r->out, "<p>You can now <a href=\"/login\">sign in</a> with your new "
                          "password.</p>");
        page_end(r);
    }
}

static void reset_finish(req *r, void *job)
{
    reset_answer(r, auth_reset_store(ctx_of(r), req_param(r, "token"), job), NULL);
}

void do_reset(req *r)
{
    struct errors errs = {0};
    struct hash_job *job = arena_alloc(r->a, sizeof *job);
    enum app_status s = auth_reset_check_password(ctx_of(r), req_param(r, "token"),
                                                  req_form(r, "password"), req_form(r, "confirm"),
                                                  job, &errs);
    if (s == APP_OK)
        web_hash(r, job, reset_finish, job);
    else
        reset_answer(r, s, &errs);
}

/* --- "Forgot your password?" (issue 16) --- */

static void forgot_page(req *r, const char *email, const struct errors *errs, const char *problem)
{
    page_begin(r, "Forgot your password?");
    form_problem(r, problem);
    form_errors(r, errs);
    html_printf(&r->out, "<p>Give the email address you sign in with. If an account has it, "
                         "Parley e-mails it a link to set a new password. The link works once, "
                         "for %d hours; nobody else sees it.</p>",
                password_link_hours(ctx_of(r)));
    form_begin(r, "/password/forgot");
    field_input(r, &(struct field){.name = "email", .label = "Email address", .type = "email",
                                   .value = email, .autocomplete = "username", .required = true},
                errs);
    form_end(r, "Send me a link");
    html_raw(&r->out, "<p><a href=\"/login\">Back to signing in</a></p>");
    page_end(r);
}

void page_forgot(req *r)
{
    forgot_page(r, "", NULL, NULL);
}

/* The answer is the same whether or not an account has the address, and
 * comes by a redirect, so that a reload asks for nothing again. */
void do_forgot(req *r)
{
    const char *email = form_value(r, "email");
    struct errors errs = {0};
    struct rate_refusal refused;
    enum app_status s = password_link_forgot(ctx_of(r), email, &refused, &errs);
    if (s == APP_INVALID) {
        r->status = 400;
        forgot_page(r, email, &errs, NULL);
    } else if (s == APP_THROTTLED) {
        forgot_page(r, email, NULL,
                    arena_printf(r->a, "Parley has had as many asks for a password link as it "
                                       "accepts in an hour (%d) for this email address, or from "
                                       "your network. %s",
                                 refused.limit, form_retry_after(r, refused.retry_at)));
    } else if (s != APP_OK) {
        web_fail(r, s, KIND_ACCOUNT);
    } else {
        res_redirect(r, "/password/forgot/sent");
    }
}

void page_forgot_sent(req *r)
{
    page_begin(r, "Check your e-mail");
    html_printf(&r->out, "<div class=\"panel\" role=\"status\"><p>%s</p></div><p>Only whoever "
                         "reads that mailbox sees the link. Nothing came? Look in your spam "
                         "folder, check that it is the address you sign in with, or ask your "
                         "program coordinator.</p><p><a href=\"/login\">Back to "
                         "signing in</a></p>",
                credential_forgot_answer(r->a, password_link_hours(ctx_of(r))));
    page_end(r);
}

/* sso.c: signing in through the program's OpenID provider (issue 17):
 * the button on the sign-in page, the way out to the provider and the way
 * back. Both ways are links (GET), so that the provider is never talked to
 * while the request holds the database's write lock: each opens its
 * transaction itself once the provider has answered. */
#include <string.h>

#include "app/auth.h"
#include "app/sso.h"
#include "out/html.h"
#include "web/handlers.h"
#include "web/web.h"

#define SSO_COOKIE "parley_sso"

void sso_choice(req *r, const char *next)
{
    const char *provider = sso_provider_name(ctx_of(r));
    if (!provider)
        return;
    buf to;
    buf_init(&to, r->a);
    url_encode(&to, next);
    html_printf(&r->out, "<p><a class=\"button\" href=\"/login/sso?next=%s\">Sign in with %s</a></p>",
                buf_cstr(&to), provider);
    struct ctx *c = ctx_of(r);
    int64_t program = c->app->cfg.sso.program_id;
    if (sso_only(c, program))
        html_printf(&r->out, "<p>The people of %s sign in with %s only. The password form below "
                             "is for the people of other programs.</p>",
                    program_name_of(c, program), provider);
    else
        html_raw(&r->out, "<p>Or sign in with your password:</p>");
}

/* The cookie that binds an attempt to this browser; NULL ends it. Lax: the
 * provider's redirect back is a top-level navigation, which carries it. */
static void sso_cookie(req *r, const char *value)
{
    res_header(r, "Set-Cookie",
               arena_printf(r->a, SSO_COOKIE "=%s; Path=/login/sso; HttpOnly; SameSite=Lax; "
                                  "Max-Age=%d%s",
                            value ? value : "", value ? SSO_ATTEMPT_SECONDS : 0,
                            web_of(r)->srv->app.cfg.secure_cookies ? "; Secure" : ""));
}

void page_sso_start(req *r)
{
    struct ctx *c = ctx_of(r);
    const char *next = login_next(req_query(r, "next"));
    if (app_signed_in(c)) {
        res_redirect(r, next);
        return;
    }
    struct sso_start st;
    const char *refusal = NULL;
    enum app_status s = sso_start_prepare(c, next, &st, &refusal);
    if (s == APP_BUSY) {
        login_page(r, 503, next, refusal);
        return;
    }
    if (s == APP_NOT_FOUND) {   /* no provider (any more): the password form */
        res_redirect(r, "/login");
        return;
    }
    if (s != APP_OK || !web_begin(r)) {
        if (s != APP_OK)
            web_fail(r, s, KIND_NONE);
        return;
    }
    s = sso_start_record(c, &st);
    if (s != APP_OK) {
        web_fail(r, s, KIND_NONE);
        return;
    }
    sso_cookie(r, st.browser);
    res_redirect(r, st.url);
}

void page_sso_return(req *r)
{
    struct ctx *c = ctx_of(r);
    struct sso_return ret;
    sso_return_check(c, req_query(r, "state"), req_query(r, "code"), req_query(r, "error"),
                     req_cookie(r, SSO_COOKIE), &ret);
    if (!web_begin(r))
        return;
    const char *token = NULL, *refusal = NULL;
    enum app_status s = sso_sign_in(c, &ret, &token, &refusal);
    /* The attempt is used up, and the refusal audited, either way. */
    web_of(r)->keep_writes = true;
    res_header(r, "Referrer-Policy", "no-referrer");
    sso_cookie(r, NULL);
    if (s == APP_DENIED) {
        /* 400: no sign-in of this browser's had this state; 403: the
         * provider's answer did not let the person in. */
        login_page(r, ret.attempt_id ? 403 : 400, ret.next ? ret.next : "", refusal);
    } else if (s != APP_OK) {
        web_fail(r, s, KIND_NONE);
    } else {
        web_session_cookie(r, token);
        res_redirect(r, login_next(ret.next));
    }
}

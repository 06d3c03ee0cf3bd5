/* errors.c: every refusal and failure says what happened and what to do,
 * as a page for people and as JSON under /api/. */
#include <string.h>

#include "domain/rule_words.h"
#include "out/html.h"
#include "out/json.h"
#include "web/web.h"

struct status_text {
    int status;
    const char *code, *title, *advice;
};

static const struct status_text statuses[] = {
    {400, "bad_request", "Something in the request was not right",
     "Check what you entered and send it again."},
    {401, "unauthenticated", "Please sign in", "Sign in, then try again."},
    {403, "forbidden", "You do not have access to this",
     "If you think you should, ask the program coordinator."},
    {404, "not_found", "We could not find that",
     "The page or record does not exist, or it is not shared with you. Check the address, "
     "or go back to your dashboard."},
    {405, "method_not_allowed", "That action is not available here",
     "Use the buttons and links on the page rather than typing the address."},
    {409, "conflict", "Someone else changed this first",
     "Nothing of yours was saved. Open the record again to see the latest version, then "
     "make your change again."},
    {413, "too_large", "That was more than the server accepts",
     "Send less at once: shorten the text or choose a smaller file."},
    {429, "too_many_requests", "Too many requests", "Wait a little, then try again."},
    {431, "headers_too_large", "The request's headers were too large",
     "Clear this site's cookies in your browser, then try again."},
    {500, "server_error", "Something went wrong on our side",
     "Nothing was saved. Try again; if it keeps happening, tell the program coordinator."},
    {503, "unavailable", "The service is busy", "Nothing was saved. Wait a moment and try again."},
};

static const struct status_text *status_text(int status)
{
    for (size_t i = 0; i < sizeof statuses / sizeof *statuses; i++)
        if (statuses[i].status == status)
            return &statuses[i];
    return &statuses[0];
}

static void api_error(req *r, const struct status_text *t, const char *message, const char *field)
{
    json j;
    r->content_type = "application/json";
    buf_reset(&r->out);
    json_init(&j, &r->out);
    json_obj_begin(&j);
    json_key(&j, "error");
    json_obj_begin(&j);
    json_kv_str(&j, "code", t->code);
    json_kv_str(&j, "message", message ? message : t->title);
    json_kv_str(&j, "field", field);
    json_obj_end(&j);
    json_obj_end(&j);
}

void web_error(req *r, int status, const char *message)
{
    const struct status_text *t = status_text(status);
    r->status = status;
    if (r->is_api) {
        api_error(r, t, message, NULL);
        return;
    }
    r->content_type = "text/html; charset=utf-8";
    buf_reset(&r->out);
    page_begin(r, t->title);
    html_printf(&r->out, "<div class=\"error-page\"><p class=\"status\">Error %d</p>", status);
    if (message && *message) {
        html_raw(&r->out, "<p>");
        rule_text(r, message);
        html_raw(&r->out, "</p>");
    }
    html_printf(&r->out, "<p>%s</p><p><a href=\"/\">Go to the home page</a></p></div>", t->advice);
    page_end(r);
}

void web_api_invalid(req *r, const struct errors *errs)
{
    r->status = 400;
    api_error(r, status_text(400), errs->n ? errs->e[0].message : "Invalid input.",
              errs->n ? errs->e[0].field : NULL);
}

void web_fail(req *r, enum app_status s, enum record_kind kind)
{
    switch (s) {
    case APP_FORBIDDEN:
        web_error(r, 403, policy_refusal(ACT_VIEW, kind));
        break;
    case APP_NOT_FOUND:
        web_error(r, 404, NULL);
        break;
    case APP_CONFLICT:
        /* A role's only conflict is the program's last coordinator. */
        web_error(r, 409, kind == KIND_ROLE ? "This is the program's last coordinator. Give "
                                              "someone else the coordinator role first."
                                            : NULL);
        break;
    case APP_BUSY:
    case APP_THROTTLED:
        web_error(r, 429, "The server is busy with other requests.");
        break;
    case APP_INVALID:
    case APP_DENIED:
        web_error(r, 400, NULL);
        break;
    default:
        web_error(r, 500, NULL);
        break;
    }
}

void web_refuse(req *r, enum app_status s, const char *refusal, enum record_kind kind)
{
    if (refusal && s == APP_FORBIDDEN)
        web_error(r, 403, refusal);
    else if (refusal && s == APP_CONFLICT)
        web_error(r, 409, refusal);
    else
        web_fail(r, s, kind);
}

bool web_refused(req *r, enum app_status s, const char *refusal)
{
    bool by_rule = refusal && refusal == ctx_of(r)->refused.words;
    if (r->is_api || !refusal || !(s == APP_CONFLICT || (s == APP_FORBIDDEN && by_rule)))
        return false;
    r->status = 409;
    web_of(r)->refusal = refusal;
    return true;
}

bool web_step_refused(req *r, const char *key)
{
    const struct refused *x = &ctx_of(r)->refused;
    return web_of(r)->refusal && web_of(r)->refusal == x->words && x->step && key &&
           strcmp(x->step, key) == 0;
}

void web_refusal_show(req *r)
{
    const struct refused *x = &ctx_of(r)->refused;
    const char *rule = web_of(r)->refusal == x->words ? x->rule : NULL;
    int several = 0;
    const struct rule_words *w = rule_words_of(rule, &several);
    html_printf(&r->out, "<div class=\"error-summary\" id=\"refused\" role=\"alert\" "
                         "tabindex=\"-1\"><h2>%s</h2><p>%s",
                w ? several ? w->section : w->title : "Not possible at this point",
                web_of(r)->refusal);
    rule_link(r, rule);
    html_raw(&r->out, "</p><p>Nothing was saved. What you typed is kept below.</p></div>");
}

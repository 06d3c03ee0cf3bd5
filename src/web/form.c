/* form.c: forms that keep what was typed, say what is wrong beside the
 * field (and in a summary at the top that links to it), and carry the
 * CSRF token. Browser validation is off (novalidate) so every person gets
 * the same plain-language messages, screen readers included. */
#include <inttypes.h>
#include <ctype.h>
#include <string.h>

#include "base/clock.h"
#include "domain/people.h"
#include "out/html.h"
#include "web/web.h"

void form_begin(req *r, const char *action)
{
    html_printf(&r->out, "<form method=\"post\" action=\"%s\" novalidate>"
                         "<input type=\"hidden\" name=\"csrf\" value=\"%s\">",
                action, web_of(r)->csrf);
}

void form_begin_upload(req *r, const char *action)
{
    html_printf(&r->out, "<form method=\"post\" action=\"%s\" enctype=\"multipart/form-data\" "
                         "novalidate><input type=\"hidden\" name=\"csrf\" value=\"%s\">",
                action, web_of(r)->csrf);
}

void version_field(req *r, int64_t version)
{
    html_printf(&r->out, "<input type=\"hidden\" name=\"version\" value=\"%" PRId64 "\">", version);
}

void form_end(req *r, const char *submit)
{
    html_printf(&r->out, "<div class=\"form-actions\"><button type=\"submit\" class=\"button\">%s"
                         "</button></div></form>",
                submit);
}

void form_errors(req *r, const struct errors *errs)
{
    if (!errs || !errs->n)
        return;
    buf *o = &r->out;
    html_printf(o, "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\">"
                   "<h2>%s</h2><ul>",
                errs->n == 1 ? "There is a problem with one answer"
                             : "There are problems with some answers");
    for (int i = 0; i < errs->n; i++) {
        const char *rule;
        html_printf(o, "<li><a href=\"#f-%s\">%s</a>", errs->e[i].field,
                    plain_words(r, errs->e[i].message, &rule));
        rule_link(r, rule);
        html_raw(o, "</li>");
    }
    html_raw(o, "</ul></div>");
}

void form_problem(req *r, const char *message)
{
    if (!message)
        return;
    html_raw(&r->out, "<div class=\"error-summary\" role=\"alert\"><p>");
    rule_text(r, message);
    html_raw(&r->out, "</p></div>");
}

const char *form_retry_after(req *r, int64_t retry_at)
{
    int64_t wait = retry_at - app_now(ctx_of(r));
    int minutes = wait > 60 ? (int)((wait + 59) / 60) : 1;
    r->status = 429;
    res_header(r, "Retry-After", arena_printf(r->a, "%" PRId64, wait > 0 ? wait : 1));
    return arena_printf(r->a, "Please try again after %s (in about %d minute%s).",
                        clock_format(r->a, retry_at), minutes, minutes == 1 ? "" : "s");
}

const char *form_rate_limited(req *r, const char *sent, int limit, int64_t retry_at)
{
    return arena_printf(r->a, "This address has sent %d %s in the last hour, the most we "
                              "accept. %s What you wrote is kept below.",
                        limit, sent, form_retry_after(r, retry_at));
}

void field_error_text(req *r, const char *id, const char *error)
{
    if (!error)
        return;
    html_raw(&r->out, "<p class=\"field-error\"");
    if (id)
        html_printf(&r->out, " id=\"%s\"", id);
    html_raw(&r->out, "><span class=\"visually-hidden\">Error:</span> ");
    rule_text(r, error);
    html_raw(&r->out, "</p>");
}

/* The label, hint and error, with ids the control's aria-describedby names. */
static const char *field_head(req *r, const struct field *f, const char *error)
{
    buf *o = &r->out;
    html_printf(o, "<div class=\"field\"><label for=\"f-%s\">%s%s</label>", f->name, f->label,
                f->required || f->filter ? "" : " (optional)");
    buf describedby;
    buf_init(&describedby, r->a);
    if (f->hint) {
        html_printf(o, "<p class=\"hint\" id=\"h-%s\">%s</p>", f->name, f->hint);
        buf_printf(&describedby, "h-%s", f->name);
    }
    if (error) {
        field_error_text(r, arena_printf(r->a, "e-%s", f->name), error);
        buf_printf(&describedby, "%se-%s", describedby.len ? " " : "", f->name);
    }
    return buf_cstr(&describedby);
}

static void control_attrs(req *r, const struct field *f, const char *describedby, bool error)
{
    html_printf(&r->out, " id=\"f-%s\" name=\"%s\"", f->name, f->name);
    if (*describedby)
        html_printf(&r->out, " aria-describedby=\"%s\"", describedby);
    if (error)
        html_raw(&r->out, " aria-invalid=\"true\"");
    if (f->required)
        html_raw(&r->out, " aria-required=\"true\"");
    if (f->autocomplete)
        html_printf(&r->out, " autocomplete=\"%s\"", f->autocomplete);
}

void field_input(req *r, const struct field *f, const struct errors *errs)
{
    const char *error = errs ? errors_get(errs, f->name) : NULL;
    const char *describedby = field_head(r, f, error);
    html_printf(&r->out, "<input type=\"%s\"", f->type ? f->type : "text");
    control_attrs(r, f, describedby, error != NULL);
    /* A password is never sent back into the page. */
    if (f->value && !(f->type && strcmp(f->type, "password") == 0))
        html_printf(&r->out, " value=\"%s\"", f->value);
    html_raw(&r->out, "></div>");
}

void field_textarea(req *r, const struct field *f, const struct errors *errs)
{
    const char *error = errs ? errors_get(errs, f->name) : NULL;
    const char *describedby = field_head(r, f, error);
    html_raw(&r->out, "<textarea rows=\"4\"");
    control_attrs(r, f, describedby, error != NULL);
    html_printf(&r->out, ">%s</textarea></div>", f->value ? f->value : "");
}

void document_fields(req *r, const char *title, const char *description, const struct errors *errs)
{
    field_input(
        r, &(struct field){.name = "title", .label = "Title", .value = title, .required = true},
        errs);
    field_textarea(
        r, &(struct field){.name = "description", .label = "Description", .value = description},
        errs);
}

void field_select(req *r, const struct field *f, const struct option *opts, int nopts,
                  const struct errors *errs)
{
    const char *error = errs ? errors_get(errs, f->name) : NULL;
    const char *describedby = field_head(r, f, error);
    html_raw(&r->out, "<select");
    control_attrs(r, f, describedby, error != NULL);
    html_raw(&r->out, ">");
    for (int i = 0; i < nopts; i++) {
        bool chosen = f->value && strcmp(f->value, opts[i].value) == 0;
        html_printf(&r->out, "<option value=\"%s\"%s>%s</option>", opts[i].value,
                    chosen ? " selected" : "", opts[i].label);
    }
    html_raw(&r->out, "</select></div>");
}

void field_yes_no(req *r, const struct field *f, const struct errors *errs)
{
    const char *error = errs ? errors_get(errs, f->name) : NULL;
    bool ok = true;
    bool yes = parse_flag(f->value, &ok);
    bool answered = f->value && *f->value && ok;
    buf *o = &r->out;
    html_printf(o, "<fieldset class=\"field\" id=\"f-%s\"", f->name);
    if (error)
        html_raw(o, " aria-invalid=\"true\"");
    html_printf(o, "><legend>%s</legend>", f->label);
    if (f->hint)
        html_printf(o, "<p class=\"hint\">%s</p>", f->hint);
    field_error_text(r, NULL, error);
    html_printf(o, "<div class=\"field-check\"><input type=\"radio\" id=\"f-%s-yes\" name=\"%s\" "
                   "value=\"yes\"%s><label for=\"f-%s-yes\">Yes</label></div>",
                f->name, f->name, answered && yes ? " checked" : "", f->name);
    html_printf(o, "<div class=\"field-check\"><input type=\"radio\" id=\"f-%s-no\" name=\"%s\" "
                   "value=\"no\"%s><label for=\"f-%s-no\">No</label></div></fieldset>",
                f->name, f->name, answered && !yes ? " checked" : "", f->name);
}

void field_confirm(req *r, const char *key, const char *label, const char *what,
                   const struct errors *errs)
{
    const char *error = errs ? errors_get(errs, arena_printf(r->a, "confirm-%s", key)) : NULL;
    char *yes = arena_printf(r->a, "%s", label);   /* "Yes, withdraw the case" */
    yes[0] = (char)tolower((unsigned char)yes[0]);
    buf *o = &r->out;
    html_printf(o, "<div class=\"field confirm\"><p class=\"hint\" id=\"h-confirm-%s\">%s</p>",
                key, what);
    if (error)
        html_printf(o, "<p class=\"field-error\" id=\"e-confirm-%s\"><span "
                       "class=\"visually-hidden\">Error:</span> %s</p>",
                    key, error);
    html_printf(o, "<div class=\"field-check\"><input type=\"checkbox\" id=\"f-confirm-%s\" "
                   "name=\"confirm\" value=\"yes\" aria-required=\"true\" "
                   "aria-describedby=\"h-confirm-%s%s%s\"%s>",
                key, key, error ? " e-confirm-" : "", error ? key : "",
                error ? " aria-invalid=\"true\"" : "");
    html_printf(o, "<label for=\"f-confirm-%s\">Yes, %s</label></div></div>", key, yes);
}

bool form_confirmed(req *r)
{
    return strcmp(form_value(r, "confirm"), "yes") == 0;
}

void form_unconfirmed(req *r, const char *key, struct errors *errs)
{
    errors_add(errs, arena_printf(r->a, "confirm-%s", key),
               "Tick the box to say you are sure, or leave the page to go back: nothing was "
               "done yet.");
}

void button_form(req *r, const char *action, const char *label, const char *css_class)
{
    html_printf(&r->out, "<form method=\"post\" action=\"%s\" class=\"inline-form\">"
                         "<input type=\"hidden\" name=\"csrf\" value=\"%s\">"
                         "<button type=\"submit\" class=\"%s\">%s</button></form>",
                action, web_of(r)->csrf, css_class ? css_class : "button", label);
}

int64_t req_id(req *r, const char *param)
{
    return parse_id(req_param(r, param));
}

const char *id_text(req *r, int64_t id)
{
    return id ? arena_printf(r->a, "%" PRId64, id) : "";
}

int req_page(req *r)
{
    int64_t p = parse_id(req_query(r, "page"));
    return p > 0 && p < 100000 ? (int)p : 1;
}

struct upload form_file(req *r, const char *name)
{
    const struct http_field *f = req_upload(r, name);
    if (!f || (!*f->filename && !f->len))
        return (struct upload){0};
    return (struct upload){f->filename, f->value, f->len};
}

const char *form_value(req *r, const char *name)
{
    const char *v = req_form(r, name);
    if (!v)
        return "";
    while (isspace((unsigned char)*v))
        v++;
    size_t n = strlen(v);
    while (n && isspace((unsigned char)v[n - 1]))
        n--;
    return arena_strndup(r->a, v, n);
}

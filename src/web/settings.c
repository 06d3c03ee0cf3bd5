/* settings.c: the program's settings, each with the rule it comes from. */
#include "app/settings.h"
#include "out/html.h"
#include "web/handlers.h"
#include "web/web.h"

/* The rule a setting comes from, by its title (issue 18), if any. */
static void setting_rule(req *r, const struct setting_def *d)
{
    if (!*d->rule)
        return;
    html_raw(&r->out, "<p class=\"hint\">");
    rule_link(r, d->rule);
    html_raw(&r->out, "</p>");
}

static void settings_page(req *r, struct setting_value *vals, const char *const *typed,
                          const struct errors *errs)
{
    struct ctx *c = ctx_of(r);
    bool edit = app_authorize(c, ACT_EDIT, KIND_SETTINGS, NULL) == APP_OK;
    page_begin(r, "Program settings");
    html_raw(&r->out, "<p>The program's local choices. Most come from one of the program's rules, with "
                      "the default the rules give; the others are limits that protect the service "
                      "from overuse.</p>");
    if (!edit) {
        html_raw(&r->out, "<dl class=\"record\">");
        for (int i = 0; i < setting_def_count; i++)
            html_printf(&r->out, "<div><dt>%s</dt><dd>%s <small>%s</small></dd></div>",
                        vals[i].def->label, vals[i].value, vals[i].def->meaning);
        html_raw(&r->out, "</dl>");
        page_end(r);
        return;
    }
    form_errors(r, errs);
    form_begin(r, "/settings");
    for (int i = 0; i < setting_def_count; i++) {
        const struct setting_def *d = vals[i].def;
        const struct field f = {
            .name = d->key, .label = d->label, .required = true,
            .value = typed && typed[i] ? typed[i] : vals[i].value,
            .hint = arena_printf(r->a, "%s Default: %s.", d->meaning, d->default_value)};
        if (d->kind == SETTING_YES_NO)
            field_yes_no(r, &f, errs);
        else
            field_input(r, &f, errs);
        setting_rule(r, d);
    }
    form_end(r, "Save settings");
    page_end(r);
}

void page_settings(req *r)
{
    struct setting_value *vals;
    enum app_status s = settings_list(ctx_of(r), &vals);
    if (s != APP_OK) {
        web_fail(r, s, KIND_SETTINGS);
        return;
    }
    settings_page(r, vals, NULL, NULL);
}

void do_settings_update(req *r)
{
    const char **values = arena_alloc(r->a, sizeof *values * (size_t)setting_def_count);
    for (int i = 0; i < setting_def_count; i++)
        values[i] = req_form(r, setting_defs[i].key) ? form_value(r, setting_defs[i].key) : NULL;
    struct errors errs = {0};
    enum app_status s = settings_update(ctx_of(r), values, &errs);
    struct setting_value *vals;
    if (s == APP_INVALID && settings_list(ctx_of(r), &vals) == APP_OK) {
        r->status = 400;
        settings_page(r, vals, values, &errs);
        return;
    }
    if (s != APP_OK) {
        web_fail(r, s, KIND_SETTINGS);
        return;
    }
    web_flash(r, "The settings are saved.");
    res_redirect(r, "/settings");
}

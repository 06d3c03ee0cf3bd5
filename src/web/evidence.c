/* evidence.c: the evidence tags of observations and artifacts on the web
 * (R19): the rubric's indicators as checkboxes grouped by standard, the
 * tags as a list; and the refusals both parts answer with. */
#include "web/evidence.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "app/rubric.h"
#include "out/html.h"

#define TAGS_SENT_MAX 65        /* one more than a record may have: the use case says so */

const char *form_indicators(req *r)
{
    const char *vals[TAGS_SENT_MAX];
    size_t n = req_form_all(r, "indicators", vals, TAGS_SENT_MAX);
    buf b;
    buf_init(&b, r->a);
    buf_puts(&b, "");
    for (size_t i = 0; i < n; i++)
        buf_printf(&b, "%s%s", i ? "," : "", vals[i]);
    return buf_cstr(&b);
}

static bool chosen_has(const char *chosen, int64_t id)
{
    for (const char *p = chosen; p && *p;) {
        char *end;
        long long v = strtoll(p, &end, 10);
        if (end != p && v == id)
            return true;
        const char *comma = strchr(p, ',');
        p = comma ? comma + 1 : NULL;
    }
    return false;
}

static void standard_fields(req *r, const struct rubric_standard *s, const char *chosen)
{
    html_printf(&r->out, "<fieldset class=\"indicators\"><legend>%s. %s</legend>", s->code,
                s->title);
    for (int i = 0; i < s->nindicators; i++) {
        const struct rubric_indicator *ind = &s->indicators[i];
        bool on = chosen_has(chosen, ind->id);
        if (ind->retired && !on)
            continue;
        html_printf(&r->out, "<div class=\"field-check\"><input type=\"checkbox\" "
                             "id=\"f-indicator-%" PRId64 "\" name=\"indicators\" "
                             "value=\"%" PRId64 "\"%s><label for=\"f-indicator-%" PRId64
                             "\">%s %s%s</label></div>",
                    ind->id, ind->id, on ? " checked" : "", ind->id, ind->code, ind->title,
                    ind->retired ? " (retired)" : "");
    }
    html_raw(&r->out, "</fieldset>");
}

void evidence_fields(req *r, const char *chosen, const struct errors *errs)
{
    struct rubric rub;
    if (rubric_load(ctx_of(r), true, &rub) != APP_OK || !rub.nstandards)
        return;
    const char *error = errs ? errors_get(errs, "indicators") : NULL;
    html_raw(&r->out, "<fieldset class=\"field\" id=\"f-indicators\"");
    if (error)
        html_raw(&r->out, " aria-invalid=\"true\"");
    html_raw(&r->out, "><legend>Evidence: the rubric's indicators it shows (optional)</legend>"
                      "<p class=\"hint\">Tag what you saw to the standards' indicators.</p>");
    field_error_text(r, NULL, error);
    for (int s = 0; s < rub.nstandards; s++)
        standard_fields(r, &rub.standards[s], chosen);
    html_raw(&r->out, "</fieldset>");
}

void evidence_list(req *r, const struct evidence_tag *tags, int n)
{
    if (!n) {
        html_raw(&r->out, "<p>No evidence tagged.</p>");
        return;
    }
    html_raw(&r->out, "<ul class=\"evidence\">");
    for (int i = 0; i < n; i++)
        html_printf(&r->out, "<li><span class=\"badge\">%s</span> %s</li>", tags[i].code,
                    tags[i].title);
    html_raw(&r->out, "</ul>");
}

void text_lines(req *r, const char *text)
{
    html_raw(&r->out, "<p class=\"text-lines\">");
    for (const char *p = text; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        html_escape(&r->out, p, len && p[len - 1] == '\r' ? len - 1 : len);
        if (!nl)
            break;
        html_raw(&r->out, "<br>");
        p = nl + 1;
    }
    html_raw(&r->out, "</p>");
}

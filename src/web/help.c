/* help.c: the permissions page, generated from the policy table itself so
 * that it can never say something the program does not do; the rules'
 * page, from the table of the rules' words. */
#include <string.h>

#include "domain/policy.h"
#include "domain/rule_words.h"
#include "out/html.h"
#include "web/handlers.h"
#include "web/web.h"

void page_permissions(req *r)
{
    page_begin(r, "Who may do what");
    html_raw(&r->out, "<p>This page is made from the very table the program checks before it "
                      "shows or changes anything. Nobody has a permission that is not listed "
                      "here.</p>");
    for (int k = KIND_ACCOUNT; k < KIND_COUNT; k++) {
        html_printf(&r->out,
                    "<h2>%s</h2><div class=\"table-wrap\" tabindex=\"0\"><table><thead>"
                    "<tr><th scope=\"col\">Who</th><th scope=\"col\">May</th>"
                    "<th scope=\"col\">In plain words</th></tr></thead><tbody>",
                    policy_kind_label((enum record_kind)k));
        for (int i = 0; i < policy_rule_count; i++) {
            const struct policy_rule *p = &policy_rules[i];
            if ((int)p->kind != k)
                continue;
            html_printf(&r->out, "<tr><td>%s</td><td>%s</td><td>%s</td></tr>",
                        policy_who_label(p->who), policy_action_label(p->action), p->why);
        }
        table_end(r);
    }
    page_end(r);
}

/* Every rule in plain words, under RULES.md's headings, each at its own
 * anchor (#R17) for the links beside refusals (rule_link). */
void page_rules(req *r)
{
    page_begin(r, "The program's rules");
    html_raw(&r->out, "<p>These are the rules the program follows. When one of them stops a "
                      "step, the page links here to say why. Each rule names the program "
                      "document it comes from.</p>");
    const char *section = NULL;
    for (int i = 0; i < rule_words_count; i++) {
        const struct rule_words *w = &rule_words[i];
        if (!section || strcmp(section, w->section) != 0) {
            if (section)
                html_raw(&r->out, "</dl>");
            html_printf(&r->out, "<h2>%s</h2><dl class=\"rules\">", w->section);
            section = w->section;
        }
        html_printf(&r->out,
                    "<div id=\"R%d\"><dt>%s <span class=\"rule-number\">(R%d)</span>"
                    "</dt><dd><p>%s</p><p class=\"source\">Source: %s</p></dd></div>",
                    w->number, w->title, w->number, w->explanation, w->source);
    }
    if (section)
        html_raw(&r->out, "</dl>");
    page_end(r);
}

/* R9 and issue 18: a rule that stops someone is named by its title, linked
 * to its explanation; its number stays in the link. Several rules are each
 * named and linked; a range ("R1-R6") is named by its heading. */
void rule_link(req *r, const char *rule)
{
    const struct rule_words *ws[8];
    bool range;
    int n = rule_words_list(rule, ws, 8, &range);
    if (n == 1)
        html_printf(&r->out, " <a class=\"rule\" href=\"/help/rules#R%d\">The rule: %s</a>",
                    ws[0]->number, range ? ws[0]->section : ws[0]->title);
    for (int i = 0; n > 1 && i < n; i++)
        html_printf(&r->out, "%s<a class=\"rule\" href=\"/help/rules#R%d\">%s</a>",
                    i ? "; " : " The rules: ", ws[i]->number, ws[i]->title);
}

/* Issue 18: a message that names its rules by number (a refusal, which the
 * API keeps as it is) is read without them; *rule, when asked for, is
 * where the first one was, for rule_link. */
const char *plain_words(req *r, const char *text, const char **rule)
{
    buf b;
    buf_init(&b, r->a);
    const char *first = rule_words_unnumbered(&b, text ? text : "");
    if (rule)
        *rule = first;
    return buf_cstr(&b);
}

/* The message in plain words, then its rule's title linked to the rule. */
void rule_text(req *r, const char *text)
{
    const char *rule;
    html_printf(&r->out, "%s", plain_words(r, text, &rule));
    rule_link(r, rule);
}

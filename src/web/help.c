/* help.c: the permissions page, generated from the policy table itself so
 * that it can never say something the program does not do. */
#include "domain/policy.h"
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
        html_printf(&r->out, "<h2>%s</h2><div class=\"table-wrap\" tabindex=\"0\"><table><thead>"
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
        html_raw(&r->out, "</tbody></table></div>");
    }
    page_end(r);
}

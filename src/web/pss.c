/* pss.c: the Peer Support Service's list of cases and its request form
 * (R31). The service coordinator sees every case; a member, a local
 * president and a consultant see the cases they take part in. To anyone
 * working in another program (a district's), none of it exists: the
 * route answers 403 and every case 404. */
#include <inttypes.h>
#include <string.h>

#include "out/html.h"
#include "web/handlers.h"
#include "web/pss.h"

struct option *pss_person_options(req *r, enum role role, const char *none, int *n)
{
    struct pss_person *ps;
    int count = 0;
    if (pss_people(ctx_of(r), role, &ps, &count) != APP_OK)
        count = 0;
    struct option *opts = arena_alloc(r->a, sizeof *opts * (size_t)(count + 1));
    opts[0] = (struct option){"", none};
    for (int i = 0; i < count; i++)
        opts[i + 1] = (struct option){id_text(r, ps[i].id),
                                      arena_printf(r->a, "%s (%s)", ps[i].name, ps[i].email)};
    *n = count + 1;
    return opts;
}

void pss_when(req *r, int64_t t)
{
    if (t)
        html_time(r, t);
    else
        html_raw(&r->out, "—");
}

/* --- the process, on /help/workflow --- */

static const char *statuses_words(req *r, unsigned from)
{
    buf b;
    buf_init(&b, r->a);
    if (from & PSS_BEFORE_CASE)
        buf_puts(&b, "Before there is a case");
    for (int s = 0; s < PSS_STATUS_COUNT; s++)
        if (from & PSS_IN(s))
            buf_printf(&b, "%s%s", b.len ? "; " : "", pss_status_label((enum pss_status)s));
    return buf_cstr(&b);
}

void pss_workflow_help(req *r)
{
    html_raw(&r->out,
             "<h2 id=\"pss\">A peer support case</h2><p>The federation's confidential Peer Support "
             "Service follows its own table of steps, in the same way: a step is offered only when "
             "the rules below allow it, and otherwise the page says why.</p>");
    table_begin(r, NULL, false,
                (const char *const[]){"Step", "Taken while the case is", "Who",
                                      "Rules that must hold", "Records"},
                5);
    for (int i = 0; i < pss_step_count; i++) {
        const struct pss_step *t = &pss_steps[i];
        buf who;
        buf_init(&who, r->a);
        workflow_who_text(&who, t->who);
        html_printf(&r->out, "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td><td>",
                    t->label, statuses_words(r, t->from), buf_cstr(&who));
        for (int g = 0; g < WORKFLOW_MAX_GUARDS && t->guards[g]; g++)
            html_printf(&r->out, "<p><a href=\"#pss-%s\">%s</a></p>", t->guards[g]->name,
                        t->guards[g]->rule);
        html_printf(&r->out, "</td><td>%s</td></tr>", t->records);
    }
    html_raw(&r->out, "</tbody></table></div><h3>The rules that can stop a step</h3><dl>");
    const struct guard_def *gs[32];
    int n = pss_guards(gs, 32);
    for (int i = 0; i < n; i++)
        html_printf(&r->out, "<div id=\"pss-%s\"><dt>%s</dt><dd>%s</dd></div>", gs[i]->name,
                    gs[i]->rule, gs[i]->refusal);
    html_raw(&r->out, "</dl>");
}

/* --- the list --- */

static void cases_table(req *r, const struct pss_case *ks, int n)
{
    if (!n) {
        html_raw(&r->out, "<p>No peer support cases yet.</p>");
        return;
    }
    table_begin(r, "Peer support cases, newest first", false,
                (const char *const[]){"Case", "Member", "Reason", "Asked", "Status", "Hold"}, 6);
    for (int i = 0; i < n; i++) {
        const struct pss_case *k = &ks[i];
        html_printf(&r->out, "<tr><td><a href=\"/pss/%lld\">Case %lld</a></td><td>%s</td>"
                             "<td>%s</td><td>", (long long)k->id, (long long)k->id,
                    k->member_name, pss_reason_label(k->reason));
        html_time(r, k->created_at);
        html_printf(&r->out, "</td><td>%s</td><td>%s</td></tr>", pss_status_label(k->status),
                    pss_hold_label(k->hold));
    }
    table_end(r);
}

/* The referrals the asker may make (R31): a member asks for themselves, a
 * local president for a member, the coordinator records either. */
static int referral_options(struct ctx *c, struct option *opts)
{
    int n = 0;
    bool coordinator = role_set_has(c->who.roles, ROLE_PSS_COORDINATOR);
    if (coordinator || role_set_has(c->who.roles, ROLE_MEMBER))
        opts[n++] = (struct option){"self", coordinator ? "The member asked themselves"
                                                        : "I ask for myself"};
    if (coordinator || role_set_has(c->who.roles, ROLE_LOCAL_PRESIDENT))
        opts[n++] = (struct option){"president", coordinator ? "A local president referred them"
                                                             : "I refer a member, as local president"};
    return n;
}

static void request_form(req *r, const struct pss_request_form *t, const struct errors *errs)
{
    struct ctx *c = ctx_of(r);
    bool coordinator = role_set_has(c->who.roles, ROLE_PSS_COORDINATOR);
    html_raw(&r->out, "<h2 id=\"ask\">Ask for peer support</h2><p>The service coordinator "
                      "receives the request. Peer support is confidential and never part of an "
                      "evaluation: no work starts until the school district agrees not to use "
                      "anything from it in evaluation or discipline.</p>");
    form_begin(r, "/pss");
    struct option refs[2];
    int nrefs = referral_options(c, refs);
    field_select(r, &(struct field){.name = "referral", .label = "Who asks", .required = true,
                                    .value = t->rq.referral}, refs, nrefs, errs);
    if (coordinator || role_set_has(c->who.roles, ROLE_LOCAL_PRESIDENT)) {
        int n;
        struct option *ms = pss_person_options(r, ROLE_MEMBER, "Choose the member", &n);
        field_select(r, &(struct field){.name = "member_id", .label = "The member",
                                        .value = t->member_id,
                                        .hint = "Leave it for a member asking for themselves."},
                     ms, n, errs);
    }
    if (coordinator) {
        int n;
        struct option *ps = pss_person_options(r, ROLE_LOCAL_PRESIDENT, "Nobody: the member called", &n);
        field_select(r, &(struct field){.name = "president_id", .label = "The local president who "
                                        "referred them", .value = t->president_id}, ps, n, errs);
    }
    struct option reasons[PSS_REASON_COUNT + 1] = {{"", "Choose the reason"}};
    for (int i = 0; i < PSS_REASON_COUNT; i++)
        reasons[i + 1] = (struct option){pss_reason_key((enum pss_reason)i),
                                         pss_reason_label((enum pss_reason)i)};
    field_select(r, &(struct field){.name = "reason", .label = "Reason", .required = true,
                                    .value = t->rq.reason}, reasons, PSS_REASON_COUNT + 1, errs);
    field_input(r, &(struct field){.name = "district", .label = "The member's school district",
                                   .value = t->rq.district, .required = true}, errs);
    field_textarea(r, &(struct field){.name = "note", .label = "What help is wanted",
                                      .value = t->rq.note}, errs);
    form_end(r, "Send the request");
}

static void list_page(req *r, const struct pss_request_form *t, const struct errors *errs)
{
    struct ctx *c = ctx_of(r);
    struct page_of pg = {.page = req_page(r), .per_page = 50};
    struct pss_case *ks;
    int n;
    enum app_status s = pss_cases_list(c, &pg, &ks, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_PSS_CASE);
        return;
    }
    page_begin(r, "Peer support");
    form_errors(r, errs);
    struct policy_record stranger = {.known = true};
    html_raw(&r->out, app_authorize(c, ACT_VIEW, KIND_PSS_CASE, &stranger) == APP_OK
                          ? "<p>Every request for peer support, the newest first.</p>"
                          : "<p>Your requests for peer support and the cases you take part "
                            "in.</p>");
    cases_table(r, ks, n);
    pagination(r, "/pss", pg.page, pg.per_page, pg.total);
    if (pss_request_allowed(c) == APP_OK)
        request_form(r, t, errs);
    page_end(r);
}

void page_pss(req *r)
{
    list_page(r, &(struct pss_request_form){0}, NULL);
}

void do_pss_request(req *r)
{
    struct pss_request_form t = {
        {form_value(r, "referral"), form_value(r, "reason"), form_value(r, "district"),
         form_value(r, "note")},
        form_value(r, "member_id"), form_value(r, "president_id")};
    struct errors errs = {0};
    int64_t id = 0;
    enum app_status s = pss_request(ctx_of(r), &t, &id, &errs);
    if (s == APP_INVALID) {
        r->status = 400;
        list_page(r, &t, &errs);
        return;
    }
    if (s != APP_OK) {
        web_fail(r, s, KIND_PSS_CASE);
        return;
    }
    web_flash(r, "The request is sent to the service coordinator.");
    res_redirect(r, arena_printf(r->a, "/pss/%" PRId64, id));
}

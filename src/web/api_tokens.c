/* api_tokens.c: /api/v1/tokens (issue 15): one's own API tokens, listed,
 * made and revoked; the coordinator lists and revokes the program's
 * people's. The same use cases as the pages. */
#include <inttypes.h>
#include <stddef.h>

#include "app/api_token.h"
#include "web/api.h"
#include "web/handlers.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof *(a)))
#define TOKENS_PATH "/api/v1/tokens"

static const struct api_field token_fields[] = {
    {"name", API_TEXT, true, offsetof(struct token_input, name)},
    {"days", API_NUMBER, false, offsetof(struct token_input, days)},
};
const struct api_body api_token_body = {"Token", token_fields, COUNT(token_fields)};

/* secret: the token itself, in the answer to making it only. */
static void token_json(json *j, const struct api_token *t, const char *secret)
{
    json_obj_begin(j);
    json_kv_int(j, "id", t->id);
    json_kv_str(j, "name", t->name);
    json_kv_int(j, "person_id", t->person_id);
    json_kv_str(j, "state", token_state_key(t->state));
    json_kv_int(j, "created_at", t->created_at);
    json_kv_int(j, "expires_at", t->expires_at);
    api_kv_id(j, "last_used", t->last_used);
    api_kv_id(j, "revoked_at", t->revoked_at);
    json_kv_str(j, "revoked_note", t->revoked_note);
    if (secret)
        json_kv_str(j, "token", secret);
    json_obj_end(j);
}

void api_tokens(req *r)
{
    struct ctx *c = ctx_of(r);
    struct page_of pg;
    int64_t person_id = c->who.person_id;
    if (!api_query_paging(r, &pg) || !api_query_number(r, "person_id", INT64_MAX, &person_id))
        return;
    struct api_token *ts;
    int n;
    enum app_status s = tokens_list(c, person_id, req_query(r, "q"), &pg, &ts, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_API_TOKEN);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++)
        token_json(&j, &ts[i], NULL);
    api_list_end(&j, pg.total, &pg);
}

void api_token_create(req *r)
{
    struct token_input in = {0};
    if (!api_body_read(r, &api_token_body, &in, NULL))
        return;
    struct errors errs = {.n = 0};
    struct api_token t;
    const char *secret;
    enum app_status s = token_create(ctx_of(r), &in, &t, &secret, &errs);
    if (s != APP_OK) {
        api_fail(r, s, KIND_API_TOKEN, &errs);
        return;
    }
    json j;
    api_begin(r, &j, 201);
    res_header(r, "Cache-Control", "no-store");   /* the token is shown this once */
    token_json(&j, &t, secret);
    api_created_at(r, TOKENS_PATH, t.id);
}

void api_token_revoke(req *r)
{
    struct api_token t;
    enum app_status s = token_revoke(ctx_of(r), req_id(r, "id"), &t);
    if (s != APP_OK) {
        web_fail(r, s, KIND_API_TOKEN);
        return;
    }
    r->status = 204;
    buf_reset(&r->out);
}

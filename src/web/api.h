/* api.h: the answer helpers every /api/v1 handler file shares (api.c,
 * api_cases.c, api_inquiry.c), so that each JSON shape is written once. */
#ifndef PARLEY_WEB_API_H
#define PARLEY_WEB_API_H

#include <stdbool.h>
#include <stdint.h>

#include "out/json.h"
#include "web/web.h"

/* A use case's failure: 400 naming the field when invalid, else web_fail. */
void api_fail(req *r, enum app_status s, enum record_kind kind, const struct errors *errs);
/* The same, saying the use case's own refusal (which names its rule) for a
 * 403 or a 409 when it gave one. */
void api_refuse(req *r, enum app_status s, const char *refusal, enum record_kind kind,
                const struct errors *errs);
/* Starts a JSON answer with this status. */
void api_begin(req *r, json *j, int status);
/* Location: collection/id, for a 201. */
void api_created_at(req *r, const char *collection, int64_t id);
/* Ids are never 0, so 0 means "none" and is written as null. */
void api_kv_id(json *j, const char *k, int64_t id);
/* A time as ISO 8601 text; 0 ("not yet") as null. */
void api_kv_time(req *r, json *j, const char *k, int64_t t);
/* Every list answers {"items":[...], "total":N}, paged ones with page and
 * per_page too; the caller writes the items between begin and end. */
void api_list_begin(req *r, json *j);
void api_list_end(json *j, int64_t total, const struct page_of *pg);
/* One task or due item (app/process.h) as the API writes it. */
struct case_task;
void api_task_json(json *j, const struct case_task *t);
/* A PATCH based on an older version would undo someone else's change: 409. */
bool api_version_current(req *r, const char *sent, int64_t current, enum record_kind kind);
/* ?name=N, 1..max; absent or empty keeps *out; else a 400 naming it. */
bool api_query_number(req *r, const char *name, int64_t max, int64_t *out);
/* ?page (1..100000, default 1) and ?per_page (1..200, default 25). */
bool api_query_paging(req *r, struct page_of *pg);

#endif

/* api_meetings.c: /api/v1/cases/{id}/coaching and /meetings, through the
 * same use cases as the pages. A meeting's PATCH reschedules it, or with
 * "status" cancels it ("cancelled") or records it held ("held", with
 * "attended" and "notes"). */
#include <inttypes.h>
#include <stddef.h>
#include <string.h>

#include "app/coaching.h"
#include "app/meetings.h"
#include "web/api.h"
#include "web/handlers.h"
#include "web/meetings_ui.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof *(a)))

#define COACHING_FIELD(name, type, required) \
    {#name, type, required, offsetof(struct coaching_input, name)}
static const struct api_field coaching_fields[] = {
    COACHING_FIELD(on_date, API_TEXT, true),
    COACHING_FIELD(minutes, API_NUMBER, true),
    COACHING_FIELD(kind, API_TEXT, true),
    COACHING_FIELD(focus, API_TEXT, true),
    COACHING_FIELD(next_steps, API_TEXT, false),
};
const struct api_body api_coaching_body = {"CoachingEntry", coaching_fields,
                                           COUNT(coaching_fields)};

/* status is the PATCH's own: what the change is. */
struct meeting_patch {
    struct meeting_input in;
    const char *status;
};
#define MEETING_FIELD(name, type, required) \
    {#name, type, required, offsetof(struct meeting_patch, in.name)}
static const struct api_field meeting_fields[] = {
    MEETING_FIELD(phase, API_TEXT, true),
    MEETING_FIELD(at, API_TEXT, true),
    MEETING_FIELD(minutes, API_NUMBER, false),
    MEETING_FIELD(place, API_TEXT, true),
    MEETING_FIELD(attended, API_TEXT, false),
    MEETING_FIELD(notes, API_TEXT, false),
    {"status", API_TEXT, false, offsetof(struct meeting_patch, status)},
};
const struct api_body api_meeting_body = {"Meeting", meeting_fields, COUNT(meeting_fields)};

/* --- answers --- */

static void entry_json(json *j, const struct coaching_entry *e)
{
    json_obj_begin(j);
    json_kv_int(j, "id", e->id);
    json_kv_int(j, "case_id", e->case_id);
    json_kv_str(j, "on_date", e->on_date);
    json_kv_int(j, "minutes", e->minutes);
    json_kv_str(j, "kind", coaching_kind_key(e->kind));
    json_kv_str(j, "focus", e->focus);
    json_kv_str(j, "next_steps", e->next_steps);
    api_kv_id(j, "author_id", e->author_id);
    json_kv_str(j, "author_name", e->author_name);
    json_kv_int(j, "updated_at", e->updated_at);
    json_kv_int(j, "version", e->version);
    json_obj_end(j);
}

static void meeting_json(json *j, const struct meeting *m)
{
    static const char *const who[] = {"teacher", "ct", "administrator"};
    json_obj_begin(j);
    json_kv_int(j, "id", m->id);
    json_kv_int(j, "case_id", m->case_id);
    json_kv_str(j, "phase", meeting_phase_key(m->phase));
    json_kv_str(j, "at", m->starts_at);
    json_kv_int(j, "minutes", m->minutes);
    json_kv_str(j, "place", m->place);
    json_kv_str(j, "status", meeting_status_key(m->status));
    json_key(j, "attended");
    json_arr_begin(j);
    for (int i = 0; i < 3; i++)
        if (m->attended & (1u << i))
            json_str(j, who[i]);
    json_arr_end(j);
    json_kv_str(j, "notes", m->notes);
    json_kv_str(j, "uid", m->uid);
    json_kv_int(j, "sequence", m->sequence);
    json_kv_int(j, "version", m->version);
    json_obj_end(j);
}

/* A refusal's own words (403, 409), an invalid field (400), or the status's. */
static bool api_ok(req *r, enum app_status s, enum record_kind kind, const struct errors *errs,
                   const char *refusal)
{
    if (s == APP_OK)
        return true;
    api_refuse(r, s, refusal, kind, errs);
    return false;
}

/* --- the coaching log --- */

static void coaching_answer(req *r, int64_t case_id, int64_t id, int status)
{
    struct case_record k;
    struct coaching_entry e;
    const char *refusal = NULL;
    enum app_status s = coaching_get(ctx_of(r), case_id, id, ACT_VIEW, &k, &e, &refusal);
    if (!api_ok(r, s, KIND_COACHING, NULL, refusal))
        return;
    json j;
    api_begin(r, &j, status);
    entry_json(&j, &e);
}

void api_coaching_list(req *r)
{
    struct case_record k;
    struct coaching_entry *entries;
    int n;
    const char *refusal = NULL;
    enum app_status s = coaching_list(ctx_of(r), req_id(r, "id"), &k, &entries, &n, &refusal);
    if (!api_ok(r, s, KIND_COACHING, NULL, refusal))
        return;
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++)
        entry_json(&j, &entries[i]);
    api_list_end(&j, n, NULL);
}

void api_coaching_create(req *r)
{
    struct coaching_input in = {0};
    if (!api_body_read(r, &api_coaching_body, &in, NULL))
        return;
    int64_t case_id = req_id(r, "id"), id = 0;
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = coaching_add(ctx_of(r), case_id, &in, &id, &errs, &refusal);
    if (!api_ok(r, s, KIND_COACHING, &errs, refusal))
        return;
    coaching_answer(r, case_id, id, 201);
    api_created_at(r, arena_printf(r->a, "/api/v1/cases/%" PRId64 "/coaching", case_id), id);
}

void api_coaching_update(req *r)
{
    struct coaching_input in = {0};
    const char *version = NULL;
    if (!api_body_read(r, &api_coaching_body, &in, &version))
        return;
    int64_t case_id = req_id(r, "id"), id = req_id(r, "item");
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = coaching_update(ctx_of(r), case_id, id, version, &in, &errs, &refusal);
    if (api_ok(r, s, KIND_COACHING, &errs, refusal))
        coaching_answer(r, case_id, id, 200);
}

/* --- the meetings --- */

static void window_json(json *j, const struct meeting_window *w)
{
    json_obj_begin(j);
    json_kv_str(j, "phase", meeting_phase_key(w->phase));
    json_kv_str(j, "from", w->window.from);
    json_kv_str(j, "to", w->window.to);
    api_kv_id(j, "meeting_id", w->meeting ? w->meeting->id : 0);
    json_kv_bool(j, "held", w->meeting && w->meeting->status == MEETING_HELD);
    json_kv_bool(j, "overdue", w->overdue);
    json_obj_end(j);
}

void api_meetings_list(req *r)
{
    struct case_record k;
    struct meetings_view v;
    const char *refusal = NULL;
    enum app_status s = meetings_list(ctx_of(r), req_id(r, "id"), &k, &v, &refusal);
    if (!api_ok(r, s, KIND_MEETING, NULL, refusal))
        return;
    /* A list, with R17's count and windows beside its items. */
    json j;
    api_begin(r, &j, 200);
    json_obj_begin(&j);
    json_key(&j, "items");
    json_arr_begin(&j);
    for (int i = 0; i < v.n; i++)
        meeting_json(&j, &v.items[i]);
    json_arr_end(&j);
    json_kv_int(&j, "total", v.n);
    json_kv_int(&j, "held", v.held);
    json_kv_int(&j, "held_needed", k.track == TRACK_PAR ? CYCLE_MIN_MEETINGS_HELD : 0);
    json_key(&j, "windows");
    json_arr_begin(&j);
    for (int p = PHASE_START; v.has_windows && p <= PHASE_END; p++)
        window_json(&j, &v.windows[p]);
    json_arr_end(&j);
    json_obj_end(&j);
}

static void meeting_answer(req *r, int64_t case_id, int64_t id, int status)
{
    struct case_record k;
    struct meeting m;
    const char *refusal = NULL;
    enum app_status s = meeting_get(ctx_of(r), case_id, id, ACT_VIEW, &k, &m, &refusal);
    if (!api_ok(r, s, KIND_MEETING, NULL, refusal))
        return;
    json j;
    api_begin(r, &j, status);
    meeting_json(&j, &m);
}

/* A member that does not belong to the change asked for is refused, not
 * ignored: timing (phase, at, minutes, place) moves a meeting, attended
 * and notes record it held, a cancellation takes neither. */
static bool members_fit(req *r, const struct meeting_patch *b, bool timing, bool record)
{
    const struct meeting_input *in = &b->in;
    const char *extra = !timing && in->phase     ? "phase"
                        : !timing && in->at      ? "at"
                        : !timing && in->minutes ? "minutes"
                        : !timing && in->place   ? "place"
                        : !record && in->attended ? "attended"
                        : !record && in->notes   ? "notes"
                                                 : NULL;
    if (!extra)
        return true;
    return api_bad_field(r, extra, arena_printf(r->a, "%s does not go with this change: "
                                                      "schedule, reschedule, cancel or record "
                                                      "a meeting held in separate requests",
                                                extra));
}

void api_meeting_create(req *r)
{
    struct meeting_patch body = {{0}, NULL};
    if (!api_body_read(r, &api_meeting_body, &body, NULL))
        return;
    if (body.status) {
        api_bad_field(r, "status", "status is for a change; a new meeting is scheduled");
        return;
    }
    if (!members_fit(r, &body, true, false))
        return;
    int64_t case_id = req_id(r, "id"), id = 0;
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = meeting_schedule(ctx_of(r), case_id, &body.in, &id, &errs, &refusal);
    if (!api_ok(r, s, KIND_MEETING, &errs, refusal))
        return;
    meeting_answer(r, case_id, id, 201);
    api_created_at(r, arena_printf(r->a, "/api/v1/cases/%" PRId64 "/meetings", case_id), id);
}

void api_meeting_update(req *r)
{
    struct meeting_patch body = {{0}, NULL};
    const char *version = NULL;
    if (!api_body_read(r, &api_meeting_body, &body, &version))
        return;
    const char *status = body.status ? body.status : "scheduled";
    bool moving = strcmp(status, "scheduled") == 0, held = strcmp(status, "held") == 0;
    if (!moving && !held && strcmp(status, "cancelled") != 0) {
        api_bad_field(r, "status", "status is scheduled (to reschedule), cancelled or held");
        return;
    }
    if (!members_fit(r, &body, moving, held))
        return;
    int64_t case_id = req_id(r, "id"), id = req_id(r, "item");
    struct ctx *c = ctx_of(r);
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = moving ? meeting_reschedule(c, case_id, id, version, &body.in, &errs,
                                                    &refusal)
                        : held ? meeting_hold(c, case_id, id, version, &body.in, &errs, &refusal)
                               : meeting_cancel(c, case_id, id, version, &refusal);
    if (api_ok(r, s, KIND_MEETING, &errs, refusal))
        meeting_answer(r, case_id, id, 200);
}

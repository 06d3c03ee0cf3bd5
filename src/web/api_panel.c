/* api_panel.c: /api/v1 for the Panel (R24, R25, R29): the overview, its
 * sessions (schedule; a PATCH sets the fields, the docket and who is
 * present), and on a case of a session: notes, recusals, votes and
 * closing the vote. The same use cases as the pages; strict bodies. */
#include <inttypes.h>
#include <stddef.h>
#include <string.h>

#include "app/people.h" /* struct page_of, for web/api.h */
#include "web/api.h"
#include "web/handlers.h"
#include "web/panel.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof *(a)))

/* --- bodies --- */

#define SESSION_FIELD(name, type, required)                                                        \
    {                                                                                              \
#name, type, required, offsetof(struct panel_session_input, name)                          \
    }
static const struct api_field session_fields[] = {
    SESSION_FIELD(held_on, API_TEXT, true),   SESSION_FIELD(starts_at, API_TEXT, true),
    SESSION_FIELD(place, API_TEXT, true),     SESSION_FIELD(vote_rule, API_TEXT, false),
    SESSION_FIELD(quorum, API_NUMBER, false), SESSION_FIELD(present, API_ID_LIST, false),
    SESSION_FIELD(docket, API_ID_LIST, false),
};
/* present and docket (person and case ids) replace the attendance and the
 * docket; on a new session they are refused (set them by PATCH). */
const struct api_body api_panel_session_body = {"PanelSession", session_fields,
                                                COUNT(session_fields)};

struct recusal_body {
    const char *person_id, *reason;
};
static const struct api_field recusal_fields[] = {
    {"person_id", API_ID_OR_NULL, false, offsetof(struct recusal_body, person_id)},
    {"reason", API_TEXT, true, offsetof(struct recusal_body, reason)},
};
/* person_id: the coordinator's, for the member who recuses; a member
 * leaves it out. */
const struct api_body api_panel_recusal_body = {"PanelRecusal", recusal_fields,
                                                COUNT(recusal_fields)};

struct note_body {
    const char *body;
};
static const struct api_field note_fields[] = {
    {"body", API_TEXT, true, offsetof(struct note_body, body)},
};
const struct api_body api_panel_note_body = {"PanelNote", note_fields, COUNT(note_fields)};

struct vote_body {
    const char *rating;
};
static const struct api_field vote_fields[] = {
    {"rating", API_TEXT, true, offsetof(struct vote_body, rating)},
};
const struct api_body api_panel_vote_body = {"PanelVote", vote_fields, COUNT(vote_fields)};

static void kv_rating(json *j, const char *k, enum rating v)
{
    json_key(j, k);
    json_str(j, v == RATING_NONE ? NULL : rating_key(v));
}

/* --- sessions --- */

static void session_json(json *j, const struct panel_session *s)
{
    json_kv_int(j, "id", s->id);
    json_kv_str(j, "held_on", s->held_on);
    json_kv_str(j, "starts_at", s->starts_at);
    json_kv_str(j, "place", s->place);
    json_kv_str(j, "vote_rule", s->vote_rule);
    json_kv_int(j, "quorum", s->quorum);
    json_kv_str(j, "status", s->closed ? "closed" : "scheduled");
    json_kv_int(j, "version", s->version);
}

static void sessions_json(json *j, const struct panel_session *s, int n)
{
    for (int i = 0; i < n; i++) {
        json_obj_begin(j);
        session_json(j, &s[i]);
        json_kv_int(j, "cases", s[i].ncases);
        json_kv_int(j, "present", s[i].npresent);
        json_obj_end(j);
    }
}

void api_panel_sessions(req *r)
{
    struct panel_session *s;
    int n;
    enum app_status st = panel_sessions_list(ctx_of(r), false, &s, &n);
    if (st != APP_OK) {
        web_fail(r, st, KIND_PANEL_SESSION);
        return;
    }
    json j;
    api_list_begin(r, &j);
    sessions_json(&j, s, n);
    api_list_end(&j, n, NULL);
}

static void members_json(json *j, const struct panel_session_view *v)
{
    json_key(j, "members");
    json_arr_begin(j);
    for (int i = 0; i < v->nmembers; i++) {
        const struct panel_member *m = &v->members[i];
        json_obj_begin(j);
        json_kv_int(j, "person_id", m->person_id);
        json_kv_str(j, "name", m->name);
        json_kv_str(j, "seat", m->seat);
        json_kv_str(j, "term_start", m->term_start);
        json_kv_str(j, "term_end", m->term_end);
        json_kv_bool(j, "sitting", m->sitting);
        json_kv_bool(j, "present", m->present);
        json_obj_end(j);
    }
    json_arr_end(j);
}

static void item_people_json(json *j, const struct panel_docket_item *it)
{
    json_key(j, "recusals");
    json_arr_begin(j);
    for (int i = 0; i < it->nrecusals; i++) {
        json_obj_begin(j);
        json_kv_int(j, "person_id", it->recusals[i].person_id);
        json_kv_str(j, "name", it->recusals[i].name);
        json_kv_str(j, "reason", it->recusals[i].reason);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_key(j, "votes");   /* R24: who voted; how, once the vote is closed */
    json_arr_begin(j);
    for (int i = 0; i < it->nvotes; i++) {
        json_obj_begin(j);
        json_kv_int(j, "person_id", it->votes[i].person_id);
        json_kv_str(j, "name", it->votes[i].name);
        kv_rating(j, "rating", it->votes[i].rating);
        json_obj_end(j);
    }
    json_arr_end(j);
}

static const char *outcome_key(enum panel_outcome o)
{
    return o == PANEL_DECIDED ? "decided" : o == PANEL_NO_QUORUM ? "no_quorum" : "undecided";
}

static void item_json(json *j, const struct panel_docket_item *it)
{
    json_obj_begin(j);
    json_kv_int(j, "case_id", it->k.id);
    json_kv_str(j, "withheld", it->withheld);   /* R24, R29: why the asker reads none of it */
    json_kv_str(j, "teacher_name", it->k.teacher_name);
    kv_rating(j, "recommended", it->recommended);
    item_people_json(j, it);
    json_kv_bool(j, "closed", it->closed);
    json_key(j, "decision");
    if (it->decided) {
        json_obj_begin(j);
        json_kv_int(j, "id", it->decision.id);
        kv_rating(j, "rating", it->decision.rating);
        json_kv_str(j, "tally", it->decision.tally);
        json_kv_str(j, "approval", it->decision.approval);
        json_kv_int(j, "decided_at", it->decision.decided_at);
        json_obj_end(j);
    } else {
        json_null(j);
    }
    json_key(j, "outcome");
    json_str(j, it->closed ? outcome_key(it->tally.outcome) : NULL);
    json_key(j, "you");
    json_obj_begin(j);
    json_kv_bool(j, "recused", it->recused);
    kv_rating(j, "vote", it->my_vote);
    json_kv_bool(j, "may_vote", !it->vote_refusal);
    json_kv_str(j, "vote_refusal", it->vote_refusal);
    json_obj_end(j);
    json_obj_end(j);
}

static void session_answer(req *r, int64_t id, int status)
{
    struct panel_session_view v;
    enum app_status s = panel_session_get(ctx_of(r), id, &v);
    if (s != APP_OK) {
        web_fail(r, s, KIND_PANEL_SESSION);
        return;
    }
    json j;
    api_begin(r, &j, status);
    json_obj_begin(&j);
    session_json(&j, &v.s);
    members_json(&j, &v);
    json_key(&j, "docket");
    json_arr_begin(&j);
    for (int i = 0; i < v.ndocket; i++)
        item_json(&j, &v.docket[i]);
    json_arr_end(&j);
    json_obj_end(&j);
    if (status == 201)
        api_created_at(r, "/api/v1/panel/sessions", id);
}

void api_panel_session(req *r)
{
    session_answer(r, req_id(r, "item"), 200);
}

void api_panel_session_create(req *r)
{
    struct panel_session_input in = {0};
    struct errors errs = {.n = 0};
    int64_t id = 0;
    if (!api_body_read(r, &api_panel_session_body, &in, NULL))
        return;
    enum app_status s = panel_session_create(ctx_of(r), &in, &id, &errs);
    if (s != APP_OK)
        api_refuse(r, s, NULL, KIND_PANEL_SESSION, &errs);
    else
        session_answer(r, id, 201);
}

void api_panel_session_update(req *r)
{
    struct panel_session_input in = {0};
    struct errors errs = {.n = 0};
    const char *refusal = NULL, *version = NULL;
    int64_t id = req_id(r, "item");
    if (!api_body_read(r, &api_panel_session_body, &in, &version))
        return;
    enum app_status s = panel_session_update(ctx_of(r), id, parse_id(version), &in, &errs, &refusal);
    if (s != APP_OK)
        api_refuse(r, s, refusal, KIND_PANEL_SESSION, &errs);
    else
        session_answer(r, id, 200);
}

/* --- the overview --- */

static void case_rows_json(json *j, const char *key, const struct panel_case_row *rows, int n,
                           bool decisions)
{
    json_key(j, key);
    json_arr_begin(j);
    for (int i = 0; i < n; i++) {
        json_obj_begin(j);
        json_kv_int(j, "case_id", rows[i].case_id);
        json_kv_str(j, "teacher_name", rows[i].teacher_name);
        json_kv_str(j, "school_name", rows[i].school_name);
        kv_rating(j, decisions ? "rating" : "recommended", rows[i].rating);
        if (decisions) {
            json_kv_int(j, "decision_id", rows[i].decision_id);
            json_kv_int(j, "session_id", rows[i].session_id);
            json_kv_str(j, "held_on", rows[i].held_on);
            json_kv_int(j, "decided_at", rows[i].decided_at);
        }
        json_obj_end(j);
    }
    json_arr_end(j);
}

void api_panel_overview(req *r)
{
    struct panel_overview o;
    enum app_status s = panel_overview_get(ctx_of(r), &o);
    if (s != APP_OK) {
        web_fail(r, s, KIND_PANEL_SESSION);
        return;
    }
    json j;
    api_begin(r, &j, 200);
    json_obj_begin(&j);
    json_key(&j, "upcoming");
    json_arr_begin(&j);
    sessions_json(&j, o.upcoming, o.nupcoming);
    json_arr_end(&j);
    case_rows_json(&j, "awaiting_decision", o.awaiting, o.nawaiting, false);
    case_rows_json(&j, "awaiting_approval", o.pending, o.npending, true);
    json_obj_end(&j);
}

/* --- a case of a session --- */

void api_panel_notes(req *r)
{
    struct panel_case_view cv;
    const char *refusal = NULL;
    enum app_status s = panel_case_get(ctx_of(r), req_id(r, "item"), req_id(r, "id"), &cv, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_PANEL_NOTE);
        return;
    }
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < cv.nnotes; i++) {
        json_obj_begin(&j);
        json_kv_int(&j, "id", cv.notes[i].id);
        json_kv_str(&j, "author", cv.notes[i].author);
        json_kv_str(&j, "body", cv.notes[i].body);
        json_kv_str(&j, "session_held_on", cv.notes[i].held_on);
        json_kv_int(&j, "created_at", cv.notes[i].created_at);
        json_obj_end(&j);
    }
    api_list_end(&j, cv.nnotes, NULL);
}

/* Asked first, so that a refused asker learns nothing from how a body is read. */
static bool case_reachable(req *r, enum action act, enum record_kind kind)
{
    struct case_record k;
    struct panel_session s;
    const char *refusal = NULL;
    enum app_status st = panel_case_open(ctx_of(r), req_id(r, "item"), req_id(r, "id"), act, kind,
                                         &k, &s, &refusal);
    if (st != APP_OK && st != APP_CONFLICT)
        web_refuse(r, st, refusal, kind);
    return st == APP_OK || st == APP_CONFLICT;
}

void api_panel_note_create(req *r)
{
    struct note_body in = {0};
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    int64_t id = 0;
    if (!case_reachable(r, ACT_CREATE, KIND_PANEL_NOTE) ||
        !api_body_read(r, &api_panel_note_body, &in, NULL))
        return;
    enum app_status s = panel_note_add(ctx_of(r), req_id(r, "item"), req_id(r, "id"), in.body, &id,
                                       &errs, &refusal);
    if (s != APP_OK) {
        api_refuse(r, s, refusal, KIND_PANEL_NOTE, &errs);
        return;
    }
    json j;
    api_begin(r, &j, 201);
    json_obj_begin(&j);
    json_kv_int(&j, "id", id);
    json_kv_str(&j, "body", in.body);
    json_obj_end(&j);
}

void api_panel_recuse(req *r)
{
    struct recusal_body in = {0};
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    if (!case_reachable(r, ACT_CREATE, KIND_RECUSAL) ||
        !api_body_read(r, &api_panel_recusal_body, &in, NULL))
        return;
    enum app_status s = panel_recuse(ctx_of(r), req_id(r, "item"), req_id(r, "id"), in.person_id,
                                     in.reason, &errs, &refusal);
    if (s != APP_OK) {
        api_refuse(r, s, refusal, KIND_RECUSAL, &errs);
        return;
    }
    session_answer(r, req_id(r, "item"), 201);
}

void api_panel_vote(req *r)
{
    struct vote_body in = {0};
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    if (!case_reachable(r, ACT_CREATE, KIND_PANEL_VOTE) ||
        !api_body_read(r, &api_panel_vote_body, &in, NULL))
        return;
    enum app_status s = panel_vote_cast(ctx_of(r), req_id(r, "item"), req_id(r, "id"), in.rating,
                                        &errs, &refusal);
    if (s != APP_OK) {
        api_refuse(r, s, refusal, KIND_PANEL_VOTE, &errs);
        return;
    }
    session_answer(r, req_id(r, "item"), 201);
}

void api_panel_vote_close(req *r)
{
    struct panel_tally t;
    int64_t decision = 0;
    const char *refusal = NULL;
    enum app_status s = panel_vote_close(ctx_of(r), req_id(r, "item"), req_id(r, "id"), &t,
                                         &decision, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_DECISION);
        return;
    }
    json j;
    api_begin(r, &j, decision ? 201 : 200);
    if (decision)   /* the session shows the decision */
        api_created_at(r, "/api/v1/panel/sessions", req_id(r, "item"));
    json_obj_begin(&j);
    json_kv_bool(&j, "decided", decision != 0);
    json_kv_str(&j, "outcome", outcome_key(t.outcome));
    kv_rating(&j, "rating", decision ? t.rating : RATING_NONE);
    json_kv_str(&j, "tally", t.words);
    json_kv_int(&j, "votes", t.votes);
    json_kv_int(&j, "eligible", t.eligible);
    json_kv_int(&j, "needed", t.needed);
    api_kv_id(&j, "decision_id", decision);
    json_obj_end(&j);
}

/* panel_write.c: a Panel session's steps (R24, R25, R29): scheduling it,
 * changing its day, time, place, rule, attendance and docket, closing it.
 * Each is audited; the session's invitations follow it (app/invitation.h). */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "app/invitation.h"
#include "app/panel_internal.h"
#include "app/process.h"
#include "base/clock.h"
#include "domain/settings.h"

#define PLACE_MAX 200

/* --- scheduling --- */

/* A session's invitations (app/invitation.h) follow it. */
#define INVITATION_OF(id) ((struct invitation_event){INVITE_PANEL_SESSION, 0, (id)})

static bool rule_check(const char *v, struct errors *errs)
{
    const char *why = setting_invalid("panel_vote_rule", v ? v : "");
    if (why)
        errors_add(errs, "vote_rule", why);
    return !why;
}

/* The fields sent over the session's (base: NULL for a new one). */
static bool fields_check(struct ctx *c, const struct panel_session_input *in,
                         const struct panel_session *base, struct panel_session *out,
                         struct errors *errs)
{
    if (base)
        *out = *base;
    if (!base || in->held_on)
        out->held_on = casework_date(errs, "held_on", in->held_on);
    if (!base || in->starts_at) {
        const char *t = casework_time(
            c->a, arena_printf(c->a, "2000-01-01 %s", in->starts_at ? in->starts_at : ""));
        out->starts_at = t ? t + 11 : NULL;
        if (!t)
            errors_add(errs, "starts_at", "Give the time the session starts, as HH:MM.");
    }
    if (!base || in->place)
        out->place = casework_text(errs, "place", in->place, PLACE_MAX, true);
    if (!base || in->vote_rule) {
        out->vote_rule =
            in->vote_rule && *in->vote_rule ? in->vote_rule : program_setting(c, "panel_vote_rule");
        rule_check(out->vote_rule, errs);
    }
    if (!base || in->quorum)
        out->quorum = in->quorum && *in->quorum ? casework_number(errs, "quorum", in->quorum, 1, 99)
                                                : program_setting_int(c, "panel_quorum");
    return errs->n == 0;
}

static const char *session_words(struct ctx *c, const struct panel_session *s)
{
    return arena_printf(c->a, "the Panel session of %s at %s, %s (rule %s, quorum %d)", s->held_on,
                        s->starts_at, s->place, s->vote_rule, s->quorum);
}

enum app_status panel_session_create(struct ctx *c, const struct panel_session_input *in,
                                     int64_t *id, struct errors *errs)
{
    enum app_status s = app_authorize(c, ACT_CREATE, KIND_PANEL_SESSION, NULL);
    struct panel_session v;
    if (s != APP_OK)
        return s;
    if (in->present || in->docket)
        errors_add(errs, in->present ? "present" : "docket",
                   "Schedule the session first; then set its docket and who is present.");
    if (!fields_check(c, in, NULL, &v, errs))
        return APP_INVALID;
    int64_t now = app_now(c);
    int rc = db_int_query(c->db, id,
                          "INSERT INTO panel_session (program_id, held_on, starts_at, place, "
                          "vote_rule, quorum, arranged_by, created_at, updated_at) VALUES (?, ?, "
                          "?, ?, ?, ?, NULLIF(?, 0), ?, ?) RETURNING id",
                          "issssdiii", c->who.program_id, v.held_on, v.starts_at, v.place,
                          v.vote_rule, v.quorum, c->who.person_id, now, now);
    if (rc != DB_OK)
        return app_db_status(rc == DB_DONE ? DB_ERROR : rc);
    s = audit_append(c, "scheduled", "panel_session", *id, 0,
                     arena_printf(c->a, "Scheduled %s", session_words(c, &v)));
    return s == APP_OK ? invitation_send(c, &INVITATION_OF(*id), NULL) : s;
}

static int64_t votes_in(struct ctx *c, int64_t session_id, int64_t case_id, int64_t person_id)
{
    int64_t n = 0;
    db_int_query(c->db, &n,
                 "SELECT COUNT(*) FROM panel_vote WHERE session_id = ? AND (? = 0 OR case_id = ?) "
                 "AND (? = 0 OR person_id = ?)",
                 "iiiii", session_id, case_id, case_id, person_id, person_id);
    return n;
}

/* Bumps the version the change was based on: APP_CONFLICT if stale. */
static enum app_status session_touch(struct ctx *c, const struct panel_session *s)
{
    int rc = db_exec(c->db,
                     "UPDATE panel_session SET updated_at = ?, version = version + 1 "
                     "WHERE id = ? AND version = ?",
                     "iii", app_now(c), s->id, s->version);
    return app_changed_one(c, rc);
}

/* The session, opened for a change by whoever may edit sessions. */
static enum app_status session_open(struct ctx *c, int64_t id, int64_t version,
                                    struct panel_session *s, const char **refusal)
{
    enum app_status st = app_authorize(c, ACT_EDIT, KIND_PANEL_SESSION, NULL);
    if (st != APP_OK) {
        *refusal = policy_refusal(ACT_EDIT, KIND_PANEL_SESSION);
        return st;
    }
    if ((st = panel_session_load(c, id, s)) != APP_OK)
        return st;
    if (version && version != s->version)
        return APP_CONFLICT;
    if (s->closed) {
        *refusal = "This Panel session is closed: its docket, attendance and votes no longer "
                   "change.";
        return APP_CONFLICT;
    }
    return APP_OK;
}

/* Whether the session moved: its day, time or place. */
static bool moved(const struct panel_session *old, const struct panel_session *now)
{
    return strcmp(old->held_on, now->held_on) || strcmp(old->starts_at, now->starts_at) ||
           strcmp(old->place, now->place);
}

static enum app_status fields_write(struct ctx *c, const struct panel_session *old,
                                    const struct panel_session_input *in, struct errors *errs,
                                    const char **refusal)
{
    struct panel_session v;
    if (!fields_check(c, in, old, &v, errs))
        return APP_INVALID;
    bool rule_changes = strcmp(v.vote_rule, old->vote_rule) != 0 || v.quorum != old->quorum;
    if (rule_changes && votes_in(c, old->id, 0, 0)) {
        *refusal = "Votes have been cast at this session: its vote rule and quorum stay as they "
                   "were when the members voted (R24).";
        return APP_CONFLICT;
    }
    /* A new day, time or place: the calendar's SEQUENCE goes up (RFC 5545). */
    int rc = db_exec(c->db,
                     "UPDATE panel_session SET held_on = ?, starts_at = ?, place = ?, "
                     "vote_rule = ?, quorum = ?, sequence = sequence + ? WHERE id = ?",
                     "ssssddi", v.held_on, v.starts_at, v.place, v.vote_rule, v.quorum,
                     moved(old, &v), old->id);
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, "changed", "panel_session", old->id, 0,
                        arena_printf(c->a, "Changed %s", session_words(c, &v)));
}

/* "12,14" as ids; false with an error on field when one is not an id. */
static bool id_list(struct ctx *c, const char *text, const char *field, int64_t **ids, int *n,
                    struct errors *errs)
{
    *n = 0;
    *ids = arena_alloc(c->a, sizeof **ids * (strlen(text) / 2 + 1));
    char *copy = arena_strdup(c->a, text), *save = NULL;
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        int64_t id = parse_id(t);
        if (id <= 0) {
            errors_add(errs, field, "Give the ids of people or cases, as whole numbers.");
            return false;
        }
        (*ids)[(*n)++] = id;
    }
    return true;
}

static bool listed(const int64_t *ids, int n, int64_t id)
{
    for (int i = 0; i < n; i++)
        if (ids[i] == id)
            return true;
    return false;
}

/* R29: only members whose term covers the session's date sit at it. */
static enum app_status attendance_write(struct ctx *c, const struct panel_session *s,
                                        const char *present, struct errors *errs,
                                        const char **refusal)
{
    int64_t *ids;
    int n;
    if (!id_list(c, present, "present", &ids, &n, errs))
        return APP_INVALID;
    buf names;
    buf_init(&names, c->a);
    for (int i = 0; i < n; i++) {
        const char *name = NULL, *end = "";
        enum panel_term t = panel_term_of(c, ids[i], s->held_on, &name, &end);
        if (t == PANEL_NOT_MEMBER)
            errors_add(errs, "present", "Tick members of the Panel only.");
        else if (t == PANEL_TERM_OVER)
            errors_add(errs, "present",
                       panel_r29_refusal(c, arena_printf(c->a, "%s's", name), end, s->held_on));
        else
            buf_printf(&names, "%s%s", names.len ? ", " : "", name);
    }
    if (errs->n)
        return APP_INVALID;
    /* Whoever has voted was there: their vote stands, and so does their presence. */
    db_stmt *st = db_query(c->db,
                           "SELECT DISTINCT v.person_id, p.name FROM panel_vote v JOIN person p "
                           "ON p.id = v.person_id WHERE v.session_id = ?",
                           "i", s->id);
    while (st && db_step(st) == DB_ROW && !*refusal)
        if (!listed(ids, n, db_int(st, 0)))
            *refusal = arena_printf(c->a,
                                    "%s has voted at this session, so stays marked present: a "
                                    "vote cast stands (R24).",
                                    db_text(st, 1));
    if (st)
        db_done(st);
    if (*refusal)
        return APP_CONFLICT;
    int rc = db_exec(c->db, "DELETE FROM panel_attendance WHERE session_id = ?", "i", s->id);
    for (int i = 0; i < n && rc == DB_OK; i++)
        if (!listed(ids, i, ids[i]))
            rc =
                db_exec(c->db, "INSERT INTO panel_attendance (session_id, person_id) VALUES (?, ?)",
                        "ii", s->id, ids[i]);
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, "attendance", "panel_session", s->id, 0,
                        arena_printf(c->a, "Recorded who is present at the Panel session of %s: %s",
                                     s->held_on, n ? buf_cstr(&names) : "nobody"));
}

static enum app_status docket_put(struct ctx *c, const struct panel_session *s, int64_t case_id,
                                  struct errors *errs);
static enum app_status docket_drop(struct ctx *c, const struct panel_session *s, int64_t case_id,
                                   const char **refusal);

/* The docket becomes exactly these cases, in this order. */
static enum app_status docket_write(struct ctx *c, const struct panel_session *s,
                                    const char *docket, struct errors *errs, const char **refusal)
{
    int64_t *ids;
    int n;
    if (!id_list(c, docket, "docket", &ids, &n, errs))
        return APP_INVALID;
    db_stmt *st =
        db_query(c->db, "SELECT case_id FROM panel_docket WHERE session_id = ?", "i", s->id);
    int64_t *old = NULL;
    int nold = 0, cap = 0;
    while (st && db_step(st) == DB_ROW) {
        old = arena_grow(c->a, old, nold, &cap, sizeof *old);
        old[nold++] = db_int(st, 0);
    }
    if (st)
        db_done(st);
    enum app_status r = APP_OK;
    for (int i = 0; i < nold && r == APP_OK; i++)
        if (!listed(ids, n, old[i]))
            r = docket_drop(c, s, old[i], refusal);
    for (int i = 0; i < n && r == APP_OK; i++)
        if (!listed(old, nold, ids[i]) && !listed(ids, i, ids[i]))
            r = docket_put(c, s, ids[i], errs);
    return r;
}

/* The day, time, place, rule or quorum sent; s becomes the session as it
 * is now. Moved, its invitations go again: to the members sitting on its
 * new day, a CANCEL to those who no longer do. */
static enum app_status fields_change(struct ctx *c, struct panel_session *s,
                                     const struct panel_session_input *in, struct errors *errs,
                                     const char **refusal)
{
    struct panel_session old = *s;
    struct invitation before;
    bool had;
    enum app_status st = invitation_before(c, &INVITATION_OF(old.id), &before, &had);
    if (st == APP_OK)
        st = fields_write(c, &old, in, errs, refusal);
    if (st == APP_OK)
        st = panel_session_load(c, old.id, s);
    if (st == APP_OK && moved(&old, s))
        st = invitation_send(c, &INVITATION_OF(old.id), had ? &before : NULL);
    return st;
}

enum app_status panel_session_update(struct ctx *c, int64_t id, int64_t version,
                                     const struct panel_session_input *in, struct errors *errs,
                                     const char **refusal)
{
    struct panel_session s;
    enum app_status st = session_open(c, id, version, &s, refusal);
    bool fields = in->held_on || in->starts_at || in->place || in->vote_rule || in->quorum;
    if (st == APP_OK && fields)
        st = fields_change(c, &s, in, errs, refusal);
    if (st == APP_OK && in->docket)
        st = docket_write(c, &s, in->docket, errs, refusal);
    if (st == APP_OK && in->present)
        st = attendance_write(c, &s, in->present, errs, refusal);
    return st == APP_OK ? session_touch(c, &s) : st;
}

/* --- the docket --- */

/* Whether the case may go on this session's docket: the process's step
 * (R21, R22, R24: sent to the Panel, undecided, on no other open docket,
 * the session after its preview deadline); why not on "case_id". */
static enum app_status docket_allows(struct ctx *c, const struct panel_session *s, int64_t case_id,
                                     struct errors *errs)
{
    struct case_record k;
    struct case_facts f;
    const char *refusal = NULL;
    enum app_status st = case_load(c, case_id, &k);
    if (st == APP_NOT_FOUND) {
        errors_add(errs, "case_id", "Choose a PAR case whose recommendation went to the Panel.");
        return APP_INVALID;
    }
    if (st != APP_OK || (st = case_facts_load(c, &k, &f)) != APP_OK)
        return st;
    f.docket_session_on = s->held_on;
    st = process_allows(c, "put_on_docket", &f, k.relations, true, errs, &refusal);
    if (st == APP_OK || st == APP_INVALID || !refusal)
        return st;
    errors_add(errs, "case_id", refusal);
    return APP_INVALID;
}

static enum app_status docket_put(struct ctx *c, const struct panel_session *s, int64_t case_id,
                                  struct errors *errs)
{
    enum app_status st = docket_allows(c, s, case_id, errs);
    if (st != APP_OK)
        return st;
    /* A case decided at this session and returned (R25) goes to another. */
    int64_t on = 0, position = 0;
    db_int_query(c->db, &on,
                 "SELECT COUNT(*) FROM panel_docket WHERE session_id = ? AND case_id = ?", "ii",
                 s->id, case_id);
    if (on) {
        errors_add(errs, "case_id",
                   "This case was on this session's docket already: put it on "
                   "another session.");
        return APP_INVALID;
    }
    db_int_query(c->db, &position,
                 "SELECT COALESCE(MAX(position), 0) + 1 FROM panel_docket WHERE session_id = ?",
                 "i", s->id);
    int rc =
        db_exec(c->db, "INSERT INTO panel_docket (session_id, case_id, position) VALUES (?, ?, ?)",
                "iii", s->id, case_id, position);
    struct case_record k;
    if (rc != DB_OK || case_load(c, case_id, &k) != APP_OK)
        return app_db_status(rc == DB_OK ? DB_ERROR : rc);
    return audit_append(c, "docket_added", "panel_session", s->id, k.teacher_id,
                        arena_printf(c->a,
                                     "Put the case of %s on the docket of the Panel session "
                                     "of %s",
                                     k.teacher_name, s->held_on));
}

static enum app_status docket_drop(struct ctx *c, const struct panel_session *s, int64_t case_id,
                                   const char **refusal)
{
    if (votes_in(c, s->id, case_id, 0)) {
        *refusal = "Votes were cast on this case at this session: it stays on the docket.";
        return APP_CONFLICT;
    }
    int rc = db_exec(c->db, "DELETE FROM panel_docket WHERE session_id = ? AND case_id = ?", "ii",
                     s->id, case_id);
    if (rc != DB_OK)
        return app_db_status(rc);
    struct case_record k;
    if (db_changes(c->db) != 1 || case_load(c, case_id, &k) != APP_OK) {
        *refusal = "This case is not on the session's docket.";
        return APP_CONFLICT;
    }
    return audit_append(c, "docket_removed", "panel_session", s->id, k.teacher_id,
                        arena_printf(c->a,
                                     "Took the case of %s off the docket of the Panel "
                                     "session of %s",
                                     k.teacher_name, s->held_on));
}

enum app_status panel_docket_change(struct ctx *c, int64_t id, int64_t case_id, bool add,
                                    struct errors *errs, const char **refusal)
{
    struct panel_session s;
    enum app_status st = session_open(c, id, 0, &s, refusal);
    if (st == APP_OK)
        st = add ? docket_put(c, &s, case_id, errs) : docket_drop(c, &s, case_id, refusal);
    return st == APP_OK ? session_touch(c, &s) : st;
}

enum app_status panel_session_close(struct ctx *c, int64_t id, int64_t version,
                                    const char **refusal)
{
    struct panel_session s;
    enum app_status st = session_open(c, id, version, &s, refusal);
    if (st != APP_OK || (st = session_touch(c, &s)) != APP_OK)
        return st;
    int rc = db_exec(c->db, "UPDATE panel_session SET status = 'closed' WHERE id = ?", "i", id);
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, "closed", "panel_session", id, 0,
                        arena_printf(c->a, "Closed the Panel session of %s", s.held_on));
}

/* panel_view.c: what a Panel session shows (R24, R25, R29): the roster
 * with who is present, the docket with each case's recommendation,
 * recusals, who voted (how, once the vote is closed), the decision, and
 * what the asker may do; and one case's deliberation notes. Each is the
 * policy table's to show, with the asker's relation to the case as of the
 * session's date (each docket item as panel_item.c fills it); each read of
 * a case's Panel records is audited (R37). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "app/panel_internal.h"

enum app_status panel_session_get(struct ctx *c, int64_t id, struct panel_session_view *v)
{
    memset(v, 0, sizeof *v);
    enum app_status r = app_authorize(c, ACT_VIEW, KIND_PANEL_SESSION, NULL);
    if (r != APP_OK || (r = panel_session_load(c, id, &v->s)) != APP_OK ||
        (r = panel_members_on(c, &v->s, &v->members, &v->nmembers)) != APP_OK)
        return r;
    db_stmt *st = db_query(c->db,
                           "SELECT case_id FROM panel_docket WHERE session_id = ? ORDER BY position",
                           "i", id);
    if (!st)
        return APP_ERROR;
    int64_t *ids = NULL;
    int n = 0, cap = 0;
    while (db_step(st) == DB_ROW) {
        ids = arena_grow(c->a, ids, n, &cap, sizeof *ids);
        ids[n++] = db_int(st, 0);
    }
    db_done(st);
    v->docket = arena_alloc(c->a, sizeof *v->docket * (size_t)(n + 1));
    for (int i = 0; i < n && r == APP_OK; i++) {
        struct case_record k;
        if ((r = case_load(c, ids[i], &k)) == APP_OK)
            r = panel_item_fill(c, &v->s, &k, &v->docket[v->ndocket++]);
    }
    /* R37: the teacher sees who read the Panel's records of their case. A
     * request that changes the session is audited as the change. */
    bool reading = !db_in_transaction(c->db);
    for (int i = 0; i < v->ndocket && r == APP_OK && reading; i++)
        if (!v->docket[i].withheld)
            r = audit_append(c, "read", "panel_session", id, v->docket[i].k.teacher_id,
                             arena_printf(c->a, "Viewed the Panel's record of the case of %s "
                                                "at its session of %s",
                                          v->docket[i].k.teacher_name, v->s.held_on));
    return r;
}

static enum app_status notes_load(struct ctx *c, int64_t case_id, struct panel_case_view *out)
{
    db_stmt *st = db_query(c->db,
                           "SELECT n.id, n.created_at, p.name, n.body, s.held_on FROM panel_note n "
                           "JOIN person p ON p.id = n.person_id JOIN panel_session s ON "
                           "s.id = n.session_id WHERE n.case_id = ? ORDER BY n.created_at, n.id",
                           "i", case_id);
    if (!st)
        return APP_ERROR;
    int cap = 0;
    while (db_step(st) == DB_ROW) {
        out->notes = arena_grow(c->a, out->notes, out->nnotes, &cap, sizeof *out->notes);
        struct panel_note_row *n = &out->notes[out->nnotes++];
        n->id = db_int(st, 0);
        n->created_at = db_int(st, 1);
        n->author = db_text_copy(st, 2, c->a);
        n->body = db_text_copy(st, 3, c->a);
        n->held_on = db_text_copy(st, 4, c->a);
    }
    db_done(st);
    return APP_OK;
}

enum app_status panel_case_get(struct ctx *c, int64_t session_id, int64_t case_id,
                               struct panel_case_view *out, const char **refusal)
{
    memset(out, 0, sizeof *out);
    struct case_record k;
    enum app_status r =
        panel_case_open(c, session_id, case_id, ACT_VIEW, KIND_PANEL_NOTE, &k, &out->v.s, refusal);
    if (r != APP_OK)
        return r;
    out->item = out->v.docket = arena_alloc(c->a, sizeof *out->item);
    out->v.ndocket = 1;
    if ((r = panel_item_fill(c, &out->v.s, &k, out->item)) != APP_OK)
        return r;
    return notes_load(c, case_id, out);
}

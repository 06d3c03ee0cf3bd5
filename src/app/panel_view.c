/* panel_view.c: what a Panel session shows (R24, R25, R29): the roster
 * with who is present, the docket with each case's recommendation,
 * recusals, who voted (how, once the vote is closed), the decision, and
 * what the asker may do; and one case's deliberation notes. Each is the
 * policy table's to show, with the asker's relation to the case as of the
 * session's date; each read of a case's Panel records is audited (R37). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "app/panel_internal.h"

enum app_status panel_members_on(struct ctx *c, const struct panel_session *s,
                             struct panel_member **out, int *n)
{
    /* A member with several terms shows once, by the term covering the date. */
    db_stmt *st = db_query(c->db,
                           "SELECT r.person_id, p.name, r.seat, r.term_start, r.term_end, "
                           "CASE WHEN r.term_start <= ? AND r.term_end >= ? THEN 1 ELSE 0 END "
                           "AS covers, (SELECT COUNT(*) FROM panel_attendance a WHERE "
                           "a.session_id = ? AND a.person_id = r.person_id) FROM person_role r "
                           "JOIN person p ON p.id = r.person_id WHERE p.program_id = ? AND "
                           "r.role = 'panel_member' ORDER BY p.name, r.person_id, covers DESC, "
                           "r.term_end DESC",
                           "ssii", s->held_on, s->held_on, s->id, c->who.program_id);
    if (!st)
        return APP_ERROR;
    int cap = 0;
    *out = NULL;
    *n = 0;
    while (db_step(st) == DB_ROW) {
        if (*n && (*out)[*n - 1].person_id == db_int(st, 0))
            continue;
        *out = arena_grow(c->a, *out, *n, &cap, sizeof **out);
        struct panel_member *m = &(*out)[(*n)++];
        m->person_id = db_int(st, 0);
        m->name = db_text_copy(st, 1, c->a);
        m->seat = db_text_copy(st, 2, c->a);
        m->term_start = db_text_copy(st, 3, c->a);
        m->term_end = db_text_copy(st, 4, c->a);
        m->sitting = db_int(st, 5) != 0;
        m->present = db_int(st, 6) != 0;
    }
    db_done(st);
    return APP_OK;
}

void panel_relations_at(struct ctx *c, const struct panel_session *s, struct case_record *k)
{
    k->relations &= ~POLICY_REL(WHO_CASE_PANEL);
    k->panel_recused = false;
    if (!role_set_has(c->who.roles, ROLE_PANEL_MEMBER) || k->track != TRACK_PAR)
        return;
    int64_t recused = 0;
    db_int_query(c->db, &recused,
                 "SELECT COUNT(*) FROM panel_recusal WHERE case_id = ? AND person_id = ?", "ii",
                 k->id, c->who.person_id);
    k->panel_recused = recused > 0;
    if (!recused && panel_sits_on(c, s->held_on))
        k->relations |= POLICY_REL(WHO_CASE_PANEL);
}

/* R24: who recused and why is for those who sit on the case; a member who
 * recused reads their own recusal. */
static enum app_status recusals_load(struct ctx *c, struct panel_docket_item *it)
{
    int64_t only = casework_may(c, &it->k, ACT_VIEW, KIND_RECUSAL) ? 0 : c->who.person_id;
    db_stmt *st = db_query(c->db,
                           "SELECT r.person_id, p.name, r.reason, r.created_at FROM panel_recusal r "
                           "JOIN person p ON p.id = r.person_id WHERE r.case_id = ? "
                           "AND (? = 0 OR r.person_id = ?) ORDER BY r.created_at, r.person_id",
                           "iii", it->k.id, only, only);
    if (!st)
        return APP_ERROR;
    int cap = 0;
    while (db_step(st) == DB_ROW) {
        it->recusals = arena_grow(c->a, it->recusals, it->nrecusals, &cap, sizeof *it->recusals);
        struct panel_recusal_row *row = &it->recusals[it->nrecusals++];
        row->person_id = db_int(st, 0);
        row->name = db_text_copy(st, 1, c->a);
        row->reason = db_text_copy(st, 2, c->a);
        row->created_at = db_int(st, 3);
        it->recused |= row->person_id == c->who.person_id;
    }
    db_done(st);
    return APP_OK;
}

static enum app_status votes_load(struct ctx *c, const struct panel_session *s,
                                  struct panel_docket_item *it)
{
    if (!casework_may(c, &it->k, ACT_VIEW, KIND_PANEL_VOTE))
        return APP_OK;
    db_stmt *st = db_query(c->db,
                           "SELECT v.person_id, p.name, v.rating, v.cast_at FROM panel_vote v "
                           "JOIN person p ON p.id = v.person_id WHERE v.session_id = ? AND "
                           "v.case_id = ? ORDER BY v.cast_at, v.person_id",
                           "ii", s->id, it->k.id);
    if (!st)
        return APP_ERROR;
    int cap = 0;
    while (db_step(st) == DB_ROW) {
        it->votes = arena_grow(c->a, it->votes, it->nvotes, &cap, sizeof *it->votes);
        struct panel_vote_row *row = &it->votes[it->nvotes++];
        row->person_id = db_int(st, 0);
        row->name = db_text_copy(st, 1, c->a);
        if (!rating_parse(db_text(st, 2), &row->rating))
            row->rating = RATING_NONE;
        row->cast_at = db_int(st, 3);
        if (row->person_id == c->who.person_id)
            it->my_vote = row->rating;
    }
    db_done(st);
    return APP_OK;
}

static void decision_load(struct ctx *c, const struct panel_session *s,
                          struct panel_docket_item *it)
{
    if (!casework_may(c, &it->k, ACT_VIEW, KIND_DECISION))
        return;
    db_stmt *st = db_query(c->db,
                           "SELECT id, rating, tally, approval, decided_at FROM panel_decision "
                           "WHERE session_id = ? AND case_id = ?",
                           "ii", s->id, it->k.id);
    if (st && db_step(st) == DB_ROW) {
        it->decided = true;
        it->decision.id = db_int(st, 0);
        if (!rating_parse(db_text(st, 1), &it->decision.rating))
            it->decision.rating = RATING_NONE;
        it->decision.tally = db_text_copy(st, 2, c->a);
        it->decision.approval = db_text_copy(st, 3, c->a);
        it->decision.decided_at = db_int(st, 4);
    }
    if (st)
        db_done(st);
}

/* The members who count for the case: present, and not recused from it. */
static int eligible_of(struct ctx *c, const struct panel_session *s, int64_t case_id)
{
    int64_t n = 0;
    db_int_query(c->db, &n,
                 "SELECT COUNT(*) FROM panel_attendance a WHERE a.session_id = ? AND NOT EXISTS "
                 "(SELECT 1 FROM panel_recusal r WHERE r.case_id = ? AND r.person_id = a.person_id)",
                 "ii", s->id, case_id);
    return (int)n;
}

void panel_item_tally(struct ctx *c, const struct panel_session *s,
                      const struct panel_docket_item *it, struct panel_tally *t)
{
    struct panel_rule rule;
    if (!panel_rule_parse(s->vote_rule, &rule))
        rule = (struct panel_rule){PANEL_MAJORITY, 0};
    /* From the table: the item shows how members voted only once closed. */
    enum rating *votes = arena_alloc(c->a, sizeof *votes * (size_t)(it->nvotes + 1));
    int n = 0;
    db_stmt *st = db_query(c->db,
                           "SELECT rating FROM panel_vote WHERE session_id = ? AND case_id = ?",
                           "ii", s->id, it->k.id);
    while (st && db_step(st) == DB_ROW && n < it->nvotes)
        if (rating_parse(db_text(st, 0), &votes[n]))
            n++;
    if (st)
        db_done(st);
    panel_vote_tally(&rule, s->quorum, eligible_of(c, s, it->k.id), votes, n, t);
}

/* R24, R29: an asker who may not see the case reads none of it: k keeps
 * its id and the asker's relation, no name; withheld says why. */
static void item_withhold(struct ctx *c, const struct panel_session *s,
                          struct panel_docket_item *it)
{
    panel_asker_refusal(c, &it->k, APP_FORBIDDEN, ACT_VIEW, KIND_CASE, s->held_on,
                        &it->withheld);
    it->k = (struct case_record){.id = it->k.id, .track = it->k.track,
                                 .relations = it->k.relations,
                                 .panel_recused = it->k.panel_recused};
}

enum app_status panel_item_fill(struct ctx *c, const struct panel_session *s,
                                const struct case_record *k, struct panel_docket_item *it)
{
    memset(it, 0, sizeof *it);
    it->k = *k;
    panel_relations_at(c, s, &it->k);
    it->recused = it->k.panel_recused;
    it->recommended = it->my_vote = RATING_NONE;
    if (!casework_may(c, &it->k, ACT_VIEW, KIND_CASE))
        item_withhold(c, s, it);
    if (casework_may(c, &it->k, ACT_VIEW, KIND_RECOMMENDATION)) {
        db_stmt *st = db_query(c->db, "SELECT rating, preview_until FROM recommendation WHERE "
                                      "case_id = ?",
                               "i", k->id);
        if (st && db_step(st) == DB_ROW) {
            if (!rating_parse(db_text(st, 0), &it->recommended))
                it->recommended = RATING_NONE;
            snprintf(it->preview_until, sizeof it->preview_until, "%s", db_text(st, 1));
        }
        if (st)
            db_done(st);
    }
    /* R22: the Panel sees every submission and request to appear. */
    if (casework_may(c, &it->k, ACT_VIEW, KIND_PANEL_SUBMISSION)) {
        int64_t written = 0, appear = 0;
        db_int_query(c->db, &written, "SELECT COUNT(*) FROM panel_submission WHERE case_id = ? "
                                      "AND kind = 'written'", "i", k->id);
        db_int_query(c->db, &appear, "SELECT COUNT(*) FROM panel_submission WHERE case_id = ? "
                                     "AND kind = 'appear'", "i", k->id);
        it->written = (int)written;
        it->appear = (int)appear;
    }
    enum app_status r = recusals_load(c, it);
    if (r == APP_OK)
        r = votes_load(c, s, it);
    if (r != APP_OK)
        return r;
    decision_load(c, s, it);
    it->closed = it->decided || s->closed;
    if (it->closed && casework_may(c, &it->k, ACT_VIEW, KIND_PANEL_VOTE))
        panel_item_tally(c, s, it, &it->tally);
    else   /* R24: who voted shows; how, once the vote is closed */
        for (int i = 0; i < it->nvotes; i++)
            it->votes[i].rating = RATING_NONE;
    if (panel_vote_blocker(c, s, it, &it->vote_refusal) == APP_OK)
        it->vote_refusal = NULL;
    return APP_OK;
}

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

/* panel_item.c: one case at a Panel session, as the asker stands to it
 * (R24, R25, R29): their relation as of the session's date, opening the
 * case for a step, why they may not read or vote on it, and its docket
 * item (recusals, votes, decision, tally). What a session shows
 * (panel_view.c) and the work on a case (panel_vote.c) both stand on it. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "app/panel_internal.h"
#include "app/process.h"

static const char *const recused_refusal =
    "You recused yourself from this case (R24): a member with a conflict of interest does not "
    "deliberate or vote on it. The coordinator can tell you more.";

enum app_status panel_asker_refusal(struct ctx *c, const struct case_record *k, enum app_status s,
                                    enum action act, enum record_kind kind, const char *date,
                                    const char **refusal)
{
    if (s != APP_FORBIDDEN && s != APP_NOT_FOUND)
        return s;
    const char *end = "";
    if (k->panel_recused) {
        *refusal = recused_refusal;
        return APP_FORBIDDEN;
    }
    /* R29: said to a member whatever the case, so nothing about it is told. */
    if (role_set_has(c->who.roles, ROLE_PANEL_MEMBER) &&
        panel_term_of(c, c->who.person_id, date, NULL, &end) == PANEL_TERM_OVER) {
        *refusal = panel_r29_refusal(c, "your", end, date);
        return APP_FORBIDDEN;
    }
    if (s == APP_FORBIDDEN && !*refusal)
        *refusal = policy_refusal(act, kind);
    return s;
}

enum app_status panel_case_open(struct ctx *c, int64_t session_id, int64_t case_id, enum action act,
                                enum record_kind kind, struct case_record *k,
                                struct panel_session *s, const char **refusal)
{
    memset(k, 0, sizeof *k);
    *refusal = NULL;
    enum app_status r = case_load(c, case_id, k);
    if (r != APP_OK || (r = panel_session_load(c, session_id, s)) != APP_OK)
        return r;
    panel_relations_at(c, s, k);
    if ((r = casework_check(c, act, kind, k, refusal)) != APP_OK)
        return panel_asker_refusal(c, k, r, act, kind, s->held_on, refusal);
    int64_t on = 0;
    db_int_query(c->db, &on,
                 "SELECT COUNT(*) FROM panel_docket WHERE session_id = ? AND case_id = ?", "ii",
                 session_id, case_id);
    if (!on) {
        *refusal = "This case is not on this session's docket: the coordinator puts the cases "
                   "before the Panel on a session's docket.";
        return APP_CONFLICT;
    }
    if (act != ACT_VIEW && s->closed) {
        *refusal = "This Panel session is closed: its notes, recusals and votes no longer "
                   "change.";
        return APP_CONFLICT;
    }
    return APP_OK;
}

enum app_status panel_vote_blocker(struct ctx *c, const struct panel_session *s,
                                   const struct panel_docket_item *it, const char **refusal)
{
    *refusal = NULL;
    /* R24, R29: the relation as of the session: sitting on it, not recused. */
    if (!casework_may(c, &it->k, ACT_CREATE, KIND_PANEL_VOTE))
        return panel_asker_refusal(c, &it->k, APP_FORBIDDEN, ACT_CREATE, KIND_PANEL_VOTE,
                                   s->held_on, refusal);
    if (s->closed)
        *refusal = "This Panel session is closed: its votes are over.";
    else if (it->decided)
        *refusal = "The Panel decided this case at this session: its vote is closed.";
    if (*refusal)
        return APP_CONFLICT;
    /* R22, R24: after the preview deadline, at the session, by a member
     * present, not recused, once. */
    return process_check(c, &it->k, "vote", refusal);
}

void panel_relations_at(struct ctx *c, const struct panel_session *s, struct case_record *k)
{
    k->relations &= ~POLICY_REL(WHO_CASE_PANEL);
    k->panel_recused = false;
    if (!role_set_has(c->who.roles, ROLE_PANEL_MEMBER) || k->track != TRACK_PAR)
        return;
    k->panel_recused = case_panel_recused(c, k->id, c->who.person_id);
    if (!k->panel_recused && panel_sits_on(c, s->held_on))
        k->relations |= POLICY_REL(WHO_CASE_PANEL);
}

/* R24: who recused and why is for those who sit on the case; a member who
 * recused reads their own recusal. */
static enum app_status recusals_load(struct ctx *c, struct panel_docket_item *it)
{
    int64_t only = casework_may(c, &it->k, ACT_VIEW, KIND_RECUSAL) ? 0 : c->who.person_id;
    db_stmt *st =
        db_query(c->db,
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
    db_int_query(
        c->db, &n,
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
    db_stmt *st =
        db_query(c->db, "SELECT rating FROM panel_vote WHERE session_id = ? AND case_id = ?", "ii",
                 s->id, it->k.id);
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
    panel_asker_refusal(c, &it->k, APP_FORBIDDEN, ACT_VIEW, KIND_CASE, s->held_on, &it->withheld);
    it->k = (struct case_record){.id = it->k.id,
                                 .track = it->k.track,
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
        db_stmt *st = db_query(c->db,
                               "SELECT rating, preview_until FROM recommendation WHERE "
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
        db_int_query(c->db, &written,
                     "SELECT COUNT(*) FROM panel_submission WHERE case_id = ? "
                     "AND kind = 'written'",
                     "i", k->id);
        db_int_query(c->db, &appear,
                     "SELECT COUNT(*) FROM panel_submission WHERE case_id = ? "
                     "AND kind = 'appear'",
                     "i", k->id);
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
    else /* R24: who voted shows; how, once the vote is closed */
        for (int i = 0; i < it->nvotes; i++)
            it->votes[i].rating = RATING_NONE;
    if (panel_vote_blocker(c, s, it, &it->vote_refusal) == APP_OK)
        it->vote_refusal = NULL;
    return APP_OK;
}

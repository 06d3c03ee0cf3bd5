/* panel_vote.c: the Panel at work on one case of a session (R24, R25,
 * R29): deliberation notes, recusals, one vote per member, and closing
 * the vote, which tallies it by the session's rule and records the
 * Panel's rating when it decides. Notes, recusals and votes are audited
 * (R38) but never put on the case's timeline nor in anyone's inbox: they
 * are the Panel's; the decision is everyone's on the case. */
#include <inttypes.h>
#include <string.h>

#include "app/notify.h"
#include "app/panel_internal.h"
#include "app/process.h"
#include "base/clock.h"

#define NOTE_MAX 4000
#define REASON_MAX 1000

/* --- notes --- */

enum app_status panel_note_add(struct ctx *c, int64_t session_id, int64_t case_id,
                               const char *body, int64_t *id, struct errors *errs,
                               const char **refusal)
{
    struct case_record k;
    struct panel_session s;
    enum app_status r =
        panel_case_open(c, session_id, case_id, ACT_CREATE, KIND_PANEL_NOTE, &k, &s, refusal);
    if (r != APP_OK)
        return r;
    if (!(body = casework_text(errs, "body", body, NOTE_MAX, true)))
        return APP_INVALID;
    int rc = db_int_query(c->db, id,
                          "INSERT INTO panel_note (session_id, case_id, person_id, body, "
                          "created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                          "iiisi", session_id, case_id, c->who.person_id, body, app_now(c));
    if (rc != DB_OK)
        return app_db_status(rc == DB_DONE ? DB_ERROR : rc);
    /* The Panel's eyes only: the audit says a note was added, not what. */
    return audit_append(c, "added", "panel_note", *id, k.teacher_id,
                        arena_printf(c->a, "Added a Panel deliberation note on the case of %s",
                                     k.teacher_name));
}

/* --- recusals (R24) --- */

/* Who recuses: the asker, or the member the coordinator names. */
static int64_t recusing_member(struct ctx *c, const char *person_id, const char *date,
                               const char **name, struct errors *errs)
{
    bool coordinator = role_set_has(c->who.roles, ROLE_COORDINATOR);
    int64_t id = person_id && *person_id ? parse_id(person_id) : 0;
    if (!id && !coordinator)
        id = c->who.person_id;
    if (!id || (!coordinator && id != c->who.person_id)) {
        errors_add(errs, "person_id",
                   coordinator ? "Choose the member of the Panel who recuses."
                               : "A member recuses themselves; the coordinator may record "
                                 "another member's recusal.");
        return 0;
    }
    if (panel_term_of(c, id, date, name, NULL) == PANEL_NOT_MEMBER) {
        errors_add(errs, "person_id", "Choose a member of the Panel.");
        return 0;
    }
    return id;
}

enum app_status panel_recuse(struct ctx *c, int64_t session_id, int64_t case_id,
                             const char *person_id, const char *reason, struct errors *errs,
                             const char **refusal)
{
    struct case_record k;
    struct panel_session s;
    enum app_status r =
        panel_case_open(c, session_id, case_id, ACT_CREATE, KIND_RECUSAL, &k, &s, refusal);
    if (r != APP_OK)
        return r;
    const char *name = "";
    int64_t member = recusing_member(c, person_id, s.held_on, &name, errs);
    reason = casework_text(errs, "reason", reason, REASON_MAX, true);
    if (errs->n)
        return APP_INVALID;
    if (case_panel_recused(c, case_id, member)) {
        *refusal = arena_printf(c->a, "%s has already recused from this case (R24).", name);
        return APP_CONFLICT;
    }
    /* R24: a recused member does not vote: their vote in a session still
     * deciding goes; a closed session's record stands. */
    int rc = db_exec(c->db,
                     "DELETE FROM panel_vote WHERE case_id = ? AND person_id = ? AND NOT EXISTS "
                     "(SELECT 1 FROM panel_decision d WHERE d.case_id = panel_vote.case_id AND "
                     "d.session_id = panel_vote.session_id) AND session_id IN (SELECT id FROM "
                     "panel_session WHERE status = 'scheduled')",
                     "ii", case_id, member);
    int64_t withdrawn = rc == DB_OK ? db_changes(c->db) : 0;
    if (rc == DB_OK)
        rc = db_exec(c->db,
                     "INSERT INTO panel_recusal (case_id, person_id, session_id, reason, "
                     "created_at) VALUES (?, ?, ?, ?, ?)",
                     "iiisi", case_id, member, session_id, reason, app_now(c));
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, "recused", "recusal", case_id, k.teacher_id,
                        arena_printf(c->a, "%s recused from the case of %s before the Panel%s",
                                     name, k.teacher_name,
                                     withdrawn ? "; their vote not yet decided on was withdrawn"
                                               : ""));
}

/* --- votes (R24, R29) --- */

enum app_status panel_vote_cast(struct ctx *c, int64_t session_id, int64_t case_id,
                                const char *rating, struct errors *errs, const char **refusal)
{
    struct case_record k;
    struct panel_session s;
    struct panel_docket_item it;
    enum app_status r =
        panel_case_open(c, session_id, case_id, ACT_CREATE, KIND_PANEL_VOTE, &k, &s, refusal);
    if (r != APP_OK || (r = panel_item_fill(c, &s, &k, &it)) != APP_OK ||
        (r = panel_vote_blocker(c, &s, &it, refusal)) != APP_OK)
        return r;
    enum rating v;
    if (!rating_parse(rating, &v) || v == RATING_NONE) {
        errors_add(errs, "rating",
                   "Choose a rating: Exemplary, Proficient, Needs Improvement or Unsatisfactory.");
        return APP_INVALID;
    }
    int rc = db_exec(c->db,
                     "INSERT INTO panel_vote (session_id, case_id, person_id, rating, cast_at) "
                     "VALUES (?, ?, ?, ?, ?)",
                     "iiisi", session_id, case_id, c->who.person_id, rating_key(v), app_now(c));
    if (rc == DB_CONSTRAINT) {   /* a second vote sent at the same moment */
        *refusal = "You have voted on this case at this session: one vote per member (R24).";
        return APP_CONFLICT;
    }
    if (rc != DB_OK)
        return app_db_status(rc);
    /* How a member voted is the Panel's: the audit says that they voted. */
    return audit_append(c, "voted", "panel_vote", case_id, k.teacher_id,
                        arena_printf(c->a, "Voted on the case of %s at the Panel session of %s",
                                     k.teacher_name, s.held_on));
}

/* R25: the Panel's rating goes to the Superintendent, told like the case's people. */
static enum app_status tell_decision(struct ctx *c, const struct case_record *k,
                                     const char *summary)
{
    /* The rating is not for e-mail (603 CMR 35.10): the mail says a
     * decision was made, the inbox what it is. */
    const char *headline = arena_printf(c->a, "the Panel decided; the decision waits for the %s's "
                                              "approval",
                                        program_setting(c, "superintendent_title"));
    enum app_status r = case_tell(
        c, k, (const int[]){TELL_TEACHER, TELL_CT, TELL_ADMINISTRATOR, TELL_UNION_REP, 0},
        summary, headline);
    db_stmt *st = db_query(c->db,
                           "SELECT DISTINCT r.person_id FROM person_role r JOIN person p ON "
                           "p.id = r.person_id WHERE p.program_id = ? AND r.role = 'superintendent'",
                           "i", c->who.program_id);
    int64_t ids[8];
    int n = 0;
    while (st && db_step(st) == DB_ROW && n < 8)
        ids[n++] = db_int(st, 0);
    if (st)
        db_done(st);
    const char *message = arena_printf(c->a, "Case of %s: %s", k->teacher_name, summary);
    const char *mail = arena_printf(c->a, "Case of %s: %s", k->teacher_name, headline);
    for (int i = 0; i < n && r == APP_OK; i++)
        if (ids[i] != c->who.person_id)
            r = notify_person(c, ids[i], k->id, message, mail,
                              arena_printf(c->a, "/cases/%" PRId64, k->id));
    return r;
}

enum app_status panel_vote_close(struct ctx *c, int64_t session_id, int64_t case_id,
                                 struct panel_tally *t, int64_t *decision_id,
                                 const char **refusal)
{
    struct case_record k;
    struct panel_session s;
    struct panel_docket_item it;
    *decision_id = 0;
    enum app_status r =
        panel_case_open(c, session_id, case_id, ACT_CREATE, KIND_DECISION, &k, &s, refusal);
    if (r != APP_OK || (r = panel_item_fill(c, &s, &k, &it)) != APP_OK)
        return r;
    if (it.decided) {
        *refusal = "The Panel decided this case at this session already.";
        return APP_CONFLICT;
    }
    /* R22, R24: after the preview deadline, at the session, once votes are in. */
    if ((r = process_check(c, &k, "close_vote", refusal)) != APP_OK)
        return r;
    panel_item_tally(c, &s, &it, t);
    if (t->outcome != PANEL_DECIDED)   /* R24: no decision; the case stays before the Panel */
        return audit_append(c, "vote_undecided", "panel_session", session_id, k.teacher_id,
                            arena_printf(c->a, "Closed the Panel's vote on the case of %s at the "
                                               "session of %s: %s",
                                         k.teacher_name, s.held_on, t->words));
    int rc = db_int_query(c->db, decision_id,
                          "INSERT INTO panel_decision (case_id, session_id, rating, tally, "
                          "decided_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                          "iissi", case_id, session_id, rating_key(t->rating), t->words,
                          app_now(c));
    if (rc != DB_OK)
        return app_db_status(rc == DB_DONE ? DB_ERROR : rc);
    const char *summary = arena_printf(
        c->a,
        "The Panel rated the case %s at its session of %s (%s) The rating is final only once "
        "the %s approves it.",
        rating_label(t->rating), s.held_on, t->words, program_setting(c, "superintendent_title"));
    r = casework_record(c, &k, KIND_DECISION, *decision_id, "decided", summary, false);
    return r != APP_OK ? r : tell_decision(c, &k, summary);
}

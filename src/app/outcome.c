/* outcome.c: a closed case's outcome (R39). The coordinator records the
 * rating before and after the cycle, whether the teacher stayed on the job
 * and the support that continues; the first recording sends the
 * end-of-cycle surveys (survey.c). */
#include "app/outcome.h"

#include <string.h>

#include "app/process.h"
#include "base/clock.h"

/* The Panel's approved rating on a PAR case (R25): final, so the rating
 * after the cycle; RATING_NONE when there is none. */
static enum rating approved_rating(struct ctx *c, int64_t case_id)
{
    enum rating r = RATING_NONE;
    db_stmt *st = db_query(c->db,
                           "SELECT rating FROM panel_decision WHERE case_id = ? AND approval = "
                           "'approved' ORDER BY decided_at DESC, id DESC LIMIT 1",
                           "i", case_id);
    if (st && db_step(st) == DB_ROW && !rating_parse(db_text(st, 0), &r))
        r = RATING_NONE;
    if (st)
        db_done(st);
    return r;
}

/* R39: a cycle counts in the school year its last day is in; a case
 * without one, in today's. */
static int year_of_case(struct ctx *c, const struct case_record *k)
{
    int year;
    if (school_year_of_date(k->cycle_end, &year) || school_year_of_date(app_today(c), &year))
        return year;
    return 0;
}

static void prefill(struct ctx *c, const struct case_record *k, struct outcome *o)
{
    if (!rating_parse(k->confirmed.rating, &o->before))
        o->before = RATING_NONE;
    o->after = k->track == TRACK_PAR ? approved_rating(c, k->id) : RATING_NONE;
    o->stayed = STAYED_UNKNOWN;
    o->school_year = year_of_case(c, k);
}

static bool outcome_load(struct ctx *c, const struct case_record *k, struct outcome *o)
{
    memset(o, 0, sizeof *o);
    o->case_id = k->id;
    o->continued_support = o->recorded_by = "";
    db_stmt *st = db_query(c->db,
                           "SELECT o.rating_before, o.rating_after, o.stayed, "
                           "o.continued_support, o.school_year, o.recorded_at, o.version, "
                           "COALESCE(p.name, '') FROM case_outcome o LEFT JOIN person p ON "
                           "p.id = o.recorded_by WHERE o.case_id = ?",
                           "i", k->id);
    if (!st)
        return false;
    if (db_step(st) == DB_ROW) {
        if (!rating_parse(db_text(st, 0), &o->before))
            o->before = RATING_NONE;
        if (!rating_parse(db_text(st, 1), &o->after))
            o->after = RATING_NONE;
        if (!stayed_parse(db_text(st, 2), &o->stayed))
            o->stayed = STAYED_UNKNOWN;
        o->continued_support = db_text_copy(st, 3, c->a);
        o->school_year = (int)db_int(st, 4);
        o->recorded_at = db_int(st, 5);
        o->version = db_int(st, 6);
        o->recorded_by = db_text_copy(st, 7, c->a);
    }
    db_done(st);
    if (!o->version)
        prefill(c, k, o);
    return true;
}

enum app_status outcome_get(struct ctx *c, int64_t case_id, struct case_record *k,
                            struct outcome *out, const char **refusal)
{
    enum app_status s = casework_open(c, case_id, ACT_VIEW, KIND_OUTCOME, k, refusal);
    if (s != APP_OK)
        return s;
    return outcome_load(c, k, out) ? APP_OK : APP_ERROR;
}

enum app_status outcome_open(struct ctx *c, int64_t case_id, struct case_record *k,
                             const char **refusal)
{
    *refusal = NULL;
    enum app_status s = case_load(c, case_id, k);
    if (s != APP_OK)
        return s;
    if ((s = app_authorize(c, ACT_EDIT, KIND_OUTCOME, CASE_POLICY(k))) != APP_OK) {
        *refusal = policy_refusal(ACT_EDIT, KIND_OUTCOME);
        return s;
    }
    /* R25, R39: of a cycle that ended; on a PAR case, once its rating is final. */
    return process_check(c, k, "record_outcome", refusal);
}

static enum app_status outcome_write(struct ctx *c, const struct case_record *k,
                                     const struct outcome *old, const struct outcome_fields *f)
{
    int64_t now = app_now(c);
    int rc;
    if (!old->version)
        rc = db_exec(c->db,
                     "INSERT INTO case_outcome (case_id, rating_before, rating_after, stayed, "
                     "continued_support, school_year, recorded_by, recorded_at) VALUES (?, ?, "
                     "?, ?, ?, ?, NULLIF(?, 0), ?)",
                     "issssiii", k->id, rating_key(f->before), rating_key(f->after),
                     stayed_key(f->stayed), f->continued_support, (int64_t)old->school_year,
                     c->who.person_id, now);
    else
        rc = db_exec(c->db,
                     "UPDATE case_outcome SET rating_before = ?, rating_after = ?, stayed = ?, "
                     "continued_support = ?, recorded_by = NULLIF(?, 0), recorded_at = ?, "
                     "version = version + 1 WHERE case_id = ? AND version = ?",
                     "ssssiiii", rating_key(f->before), rating_key(f->after),
                     stayed_key(f->stayed), f->continued_support, c->who.person_id, now, k->id,
                     old->version);
    if (rc != DB_OK)
        return app_db_status(rc);
    if (db_changes(c->db) != 1)
        return APP_CONFLICT;
    const char *summary =
        arena_printf(c->a, "%s the outcome of the cycle: %s before, %s after; %s",
                     old->version ? "Revised" : "Recorded", rating_label(f->before),
                     rating_label(f->after), stayed_label(f->stayed));
    return casework_record(c, k, KIND_OUTCOME, k->id, old->version ? "revised" : "recorded",
                           summary, false);
}

enum app_status outcome_save(struct ctx *c, int64_t case_id, int64_t version,
                             const struct outcome_input *in, struct errors *errs,
                             const char **refusal)
{
    struct case_record k;
    struct outcome old;
    enum app_status s = outcome_open(c, case_id, &k, refusal);
    if (s != APP_OK)
        return s;
    if (!outcome_load(c, &k, &old))
        return APP_ERROR;
    if (old.version && version && version != old.version) {
        *refusal = "Someone else changed this outcome first: see it again before you change it.";
        return APP_CONFLICT;
    }
    /* What is left out keeps its value (the API's PUT may leave fields out). */
    const char *before = in->rating_before ? in->rating_before : rating_key(old.before);
    const char *after = in->rating_after ? in->rating_after : rating_key(old.after);
    const char *stayed = in->stayed ? in->stayed : old.version ? stayed_key(old.stayed) : NULL;
    struct outcome_fields f;
    if (!outcome_check(before, after, stayed,
                       in->continued_support ? in->continued_support : old.continued_support, &f,
                       errs) ||
        (k.track == TRACK_PAR && !outcome_final_check(f.after, approved_rating(c, k.id), errs)))
        return APP_INVALID;
    if ((s = outcome_write(c, &k, &old, &f)) != APP_OK)
        return s;
    /* R39: the surveys go out with the outcome; a revision invites anyone
     * who became a party since (each person once). */
    return survey_invite_all(c, &k);
}

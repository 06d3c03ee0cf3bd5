/* observation.c: recording observations, sharing their feedback and the
 * teacher's reflection (R15, R16, R18, R19). The policy table says who may
 * see, record, complete and respond; domain/observation.c who may name
 * which observers; this file checks the fields, writes, and puts each
 * change on the case's timeline and in the audit log (casework_record). */
#include "app/observation.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/secret.h"
#include "domain/people.h"

#define OBSERVATION_COLUMNS                                                                  \
    "SELECT o.id, o.case_id, o.draft_key, o.announced, o.observed_on, o.minutes, "          \
    "o.observers, o.notes, o.feedback, o.feedback_shared_at, o.reflection, "               \
    "o.reflection_at, COALESCE(o.created_by, 0), COALESCE(p.name, ''), o.created_at, "     \
    "o.updated_at, o.version FROM observation o LEFT JOIN person p ON p.id = o.created_by "
#define OBSERVATIONS_MAX 500            /* a cycle has a few dozen at most */

static const char *today(struct ctx *c)
{
    return clock_date(c->a, app_now(c));
}

int observation_feedback_days(struct ctx *c)
{
    return program_setting_int(c, "feedback_days");
}

/* The teacher reads the observer's notes, evidence and feedback once the
 * feedback is shared; before, they are the observer's draft. */
static bool withheld_from(const struct case_record *k, int64_t shared_at)
{
    unsigned others = POLICY_REL(WHO_CASE_CT) | POLICY_REL(WHO_CASE_EVALUATOR);
    return !shared_at && (k->relations & POLICY_REL(WHO_CASE_TEACHER)) &&
           !(k->relations & others);
}

static void observation_row(struct ctx *c, const struct case_record *k, db_stmt *st,
                            struct observation *o)
{
    memset(o, 0, sizeof *o);
    o->id = db_int(st, 0);
    o->case_id = db_int(st, 1);
    o->draft_key = db_text_copy(st, 2, c->a);
    o->announced = db_int(st, 3) != 0;
    o->observed_on = db_text_copy(st, 4, c->a);
    o->minutes = (int)db_int(st, 5);
    if (!observers_parse(db_text(st, 6), &o->observers))
        o->observers = OBSERVERS_CT;
    o->notes = db_text_copy(st, 7, c->a);
    o->feedback = db_text_copy(st, 8, c->a);
    o->feedback_shared_at = db_int(st, 9);
    o->reflection = db_text_copy(st, 10, c->a);
    o->reflection_at = db_int(st, 11);
    o->created_by = db_int(st, 12);
    o->created_by_name = db_text_copy(st, 13, c->a);
    o->created_at = db_int(st, 14);
    o->updated_at = db_int(st, 15);
    o->version = db_int(st, 16);
    o->feedback_state = feedback_state_of(
        o->observed_on, observation_feedback_days(c),
        o->feedback_shared_at ? clock_date(c->a, o->feedback_shared_at) : "", today(c),
        o->feedback_due);
    o->withheld = withheld_from(k, o->feedback_shared_at);
    if (o->withheld)
        o->notes = o->feedback = "";
}

/* The evidence of each, after the rows are read (one statement at a time). */
static enum app_status tags_load(struct ctx *c, struct observation *o)
{
    if (o->withheld)
        return APP_OK;
    return evidence_of(c, o->id, 0, &o->tags, &o->ntags);
}

static enum app_status load(struct ctx *c, const struct case_record *k, int64_t id,
                            struct observation *o)
{
    db_stmt *st = db_query(c->db, OBSERVATION_COLUMNS "WHERE o.id = ? AND o.case_id = ?", "ii",
                           id, k->id);
    if (!st)
        return APP_ERROR;
    enum app_status s = APP_NOT_FOUND;
    if (db_step(st) == DB_ROW) {
        observation_row(c, k, st, o);
        s = APP_OK;
    }
    db_done(st);
    return s == APP_OK ? tags_load(c, o) : s;
}

enum app_status observations_list(struct ctx *c, int64_t case_id, struct case_record *k,
                                  struct observation **out, int *n)
{
    const char *refusal;
    enum app_status s = casework_open(c, case_id, ACT_VIEW, KIND_OBSERVATION, k, &refusal);
    if (s != APP_OK)
        return s;
    db_stmt *st = db_query(c->db,
                           OBSERVATION_COLUMNS "WHERE o.case_id = ? ORDER BY o.observed_on DESC, "
                                               "o.id DESC LIMIT ?",
                           "id", case_id, OBSERVATIONS_MAX);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * OBSERVATIONS_MAX);
    *n = 0;
    while (*n < OBSERVATIONS_MAX && db_step(st) == DB_ROW)
        observation_row(c, k, st, &(*out)[(*n)++]);
    db_done(st);
    for (int i = 0; i < *n && s == APP_OK; i++)
        s = tags_load(c, &(*out)[i]);
    return s;
}

enum app_status observation_get(struct ctx *c, int64_t case_id, int64_t id,
                                struct case_record *k, struct observation *out)
{
    const char *refusal;
    enum app_status s = casework_open(c, case_id, ACT_VIEW, KIND_OBSERVATION, k, &refusal);
    return s == APP_OK ? load(c, k, id, out) : s;
}

bool observation_may_edit(struct ctx *c, const struct case_record *k,
                          const struct observation *o)
{
    return !o->feedback_shared_at && k->state == CASE_ON_CASELOAD &&
           casework_may(c, k, ACT_EDIT, KIND_OBSERVATION) &&
           observers_took_part(o->observers, k->relations & POLICY_REL(WHO_CASE_CT),
                               k->relations & POLICY_REL(WHO_CASE_EVALUATOR));
}

bool observation_may_reflect(struct ctx *c, const struct case_record *k,
                             const struct observation *o)
{
    return o->feedback_shared_at && k->state == CASE_ON_CASELOAD &&
           casework_may(c, k, ACT_RESPOND, KIND_OBSERVATION);
}

/* --- checking what was sent --- */

struct observation_fields {
    const char *draft_key, *observed_on, *notes, *feedback;
    bool announced;
    int minutes;
    enum observers observers;
    int64_t ids[OBSERVATION_TAGS_MAX];
    int nids;
    bool tags_sent;
};

/* A key the form made (secret_token: hex), or the API's own: short, plain. */
static bool key_ok(const char *v)
{
    size_t n = strlen(v);
    if (n < 8 || n > 64)
        return false;
    for (; *v; v++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", *v))
            return false;
    return true;
}

bool evidence_ids_text(struct ctx *c, struct errors *errs, const char *text, int64_t *ids,
                       int *n, int max)
{
    const char **vals = arena_alloc(c->a, sizeof *vals * (size_t)(max + 1));
    int nvals = 0;
    for (const char *p = text; p && *p && nvals <= max;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        vals[nvals++] = arena_strndup(c->a, p, len);
        p = comma ? comma + 1 : p + len;
    }
    return evidence_ids(errs, vals, nvals, ids, n, max);
}

static void observers_check(const struct case_record *k, const char *v,
                            struct observation_fields *f, struct errors *errs)
{
    if (!observers_parse(v, &f->observers)) {
        errors_add(errs, "observers", "Choose who observed.");
        return;
    }
    const char *why = observers_refusal(k->track == TRACK_PAR, f->observers,
                                        k->relations & POLICY_REL(WHO_CASE_CT),
                                        k->relations & POLICY_REL(WHO_CASE_EVALUATOR));
    if (why)
        errors_add(errs, "observers", why);
}

static bool observation_check(struct ctx *c, const struct case_record *k,
                              const struct observation_input *in, struct observation_fields *f,
                              struct errors *errs)
{
    memset(f, 0, sizeof *f);
    f->draft_key = in->draft_key && *in->draft_key ? in->draft_key : secret_token(c->a, 16);
    if (!key_ok(f->draft_key))
        errors_add(errs, "draft_key", "The form's key is not right: reload the page and send "
                                      "the form again.");
    bool ok = true;
    f->announced = parse_flag(in->announced, &ok);
    if (!ok || !in->announced || !*in->announced)
        errors_add(errs, "announced", "Say whether the observation was announced: yes or no.");
    f->observed_on = casework_date(errs, "observed_on", in->observed_on);
    if (f->observed_on && strcmp(f->observed_on, today(c)) > 0)
        errors_add(errs, "observed_on", "An observation is recorded once it has happened: "
                                        "give today's date or an earlier one.");
    f->minutes = casework_number(errs, "minutes", in->minutes, 1, 600);
    observers_check(k, in->observers, f, errs);
    f->notes = casework_text(errs, "notes", in->notes, OBSERVATION_TEXT_MAX, false);
    f->feedback = casework_text(errs, "feedback", in->feedback, OBSERVATION_TEXT_MAX, false);
    if (in->share && f->feedback && !*f->feedback)
        errors_add(errs, "feedback", "Write the feedback before sharing it with the teacher "
                                     "(R19).");
    f->tags_sent = in->indicators != NULL;
    evidence_ids_text(c, errs, in->indicators, f->ids, &f->nids, OBSERVATION_TAGS_MAX);
    return errs->n == 0;
}

/* --- writing --- */

static const char *summary_of(struct ctx *c, const char *what, const struct observation_fields *f)
{
    return arena_printf(c->a, "%s the observation of %s (%s, %d minutes; observers: %s)", what,
                        f->observed_on, f->announced ? "announced" : "unannounced", f->minutes,
                        observers_label(f->observers));
}

static enum app_status tags_save(struct ctx *c, const struct case_record *k, int64_t id,
                                 const struct observation_fields *f, struct errors *errs)
{
    return f->tags_sent ? evidence_set(c, k, id, 0, f->ids, f->nids, errs) : APP_OK;
}

static enum app_status observation_insert(struct ctx *c, const struct case_record *k,
                                          const struct observation_fields *f, bool share,
                                          int64_t *id, struct errors *errs)
{
    int64_t now = app_now(c);
    int rc = db_int_query(c->db, id,
                          "INSERT INTO observation (case_id, draft_key, announced, observed_on, "
                          "minutes, observers, notes, feedback, feedback_shared_at, created_by, "
                          "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                          "RETURNING id",
                          "isdsdsssiiii", k->id, f->draft_key, f->announced ? 1 : 0,
                          f->observed_on, f->minutes, observers_key(f->observers), f->notes,
                          f->feedback, share ? now : 0, c->who.person_id, now, now);
    enum app_status s = rc == DB_CONSTRAINT ? APP_CONFLICT : app_db_status(rc);
    if (s == APP_OK)
        s = tags_save(c, k, *id, f, errs);
    if (s != APP_OK)
        return s;
    return casework_record(c, k, KIND_OBSERVATION, *id, share ? "shared" : "added",
                           summary_of(c, share ? "Recorded and shared the feedback on"
                                               : "Recorded a draft of",
                                      f),
                           share);
}

static enum app_status observation_write(struct ctx *c, const struct case_record *k,
                                         const struct observation *old,
                                         const struct observation_fields *f, bool share,
                                         struct errors *errs)
{
    int64_t now = app_now(c);
    int rc = db_exec(c->db,
                     "UPDATE observation SET announced = ?, observed_on = ?, minutes = ?, "
                     "observers = ?, notes = ?, feedback = ?, feedback_shared_at = ?, "
                     "updated_at = ?, version = version + 1 WHERE id = ? AND version = ? AND "
                     "feedback_shared_at = 0",
                     "dsdsssiiii", f->announced ? 1 : 0, f->observed_on, f->minutes,
                     observers_key(f->observers), f->notes, f->feedback, share ? now : 0, now,
                     old->id, old->version);
    enum app_status s = rc != DB_OK ? app_db_status(rc)
                        : db_changes(c->db) == 1 ? APP_OK
                                                 : APP_CONFLICT;
    if (s == APP_OK)
        s = tags_save(c, k, old->id, f, errs);
    if (s != APP_OK)
        return s;
    return casework_record(c, k, KIND_OBSERVATION, old->id, share ? "shared" : "changed",
                           summary_of(c, share ? "Shared the feedback on" : "Changed the draft of",
                                      f),
                           share);
}

/* The checks of a change to one observation: shared ones no longer change;
 * only those who took part complete it. */
static enum app_status may_change(struct ctx *c, const struct case_record *k,
                                  const struct observation *o, const char **refusal)
{
    if (o->feedback_shared_at) {
        *refusal = "The feedback on this observation was shared with the teacher: the "
                   "observation no longer changes.";
        return APP_CONFLICT;
    }
    if (!observation_may_edit(c, k, o)) {
        *refusal = "R15: an observation is completed by those who took part in it.";
        return APP_FORBIDDEN;
    }
    return APP_OK;
}

static enum app_status change(struct ctx *c, const struct case_record *k,
                              const struct observation *old, const struct observation_input *in,
                              struct errors *errs, const char **refusal)
{
    enum app_status s = may_change(c, k, old, refusal);
    struct observation_fields f;
    if (s != APP_OK)
        return s;
    if (!observation_check(c, k, in, &f, errs))
        return APP_INVALID;
    return observation_write(c, k, old, &f, in->share, errs);
}

static int64_t id_of_key(struct ctx *c, int64_t case_id, const char *key)
{
    int64_t id = 0;
    if (key && *key)
        db_int_query(c->db, &id, "SELECT id FROM observation WHERE case_id = ? AND draft_key = ?",
                     "is", case_id, key);
    return id;
}

enum app_status observation_record(struct ctx *c, int64_t case_id,
                                   const struct observation_input *in, int64_t *id,
                                   struct errors *errs, const char **refusal)
{
    struct case_record k;
    enum app_status s = casework_open(c, case_id, ACT_CREATE, KIND_OBSERVATION, &k, refusal);
    if (s != APP_OK)
        return s;
    /* A save sent again: the observation its first sending made. */
    if ((*id = id_of_key(c, case_id, in->draft_key))) {
        struct observation old;
        if ((s = load(c, &k, *id, &old)) != APP_OK)
            return s;
        return change(c, &k, &old, in, errs, refusal);
    }
    struct observation_fields f;
    if (!observation_check(c, &k, in, &f, errs))
        return APP_INVALID;
    return observation_insert(c, &k, &f, in->share, id, errs);
}

enum app_status observation_update(struct ctx *c, int64_t case_id, int64_t id, int64_t version,
                                   const struct observation_input *in, struct errors *errs,
                                   const char **refusal)
{
    struct case_record k;
    struct observation old;
    enum app_status s = casework_open(c, case_id, ACT_EDIT, KIND_OBSERVATION, &k, refusal);
    if (s != APP_OK || (s = load(c, &k, id, &old)) != APP_OK)
        return s;
    if (old.version != version)
        return APP_CONFLICT;
    return change(c, &k, &old, in, errs, refusal);
}

enum app_status observation_reflect(struct ctx *c, int64_t case_id, int64_t id, int64_t version,
                                    const char *reflection, struct errors *errs,
                                    const char **refusal)
{
    struct case_record k;
    struct observation o;
    enum app_status s = casework_open(c, case_id, ACT_RESPOND, KIND_OBSERVATION, &k, refusal);
    if (s != APP_OK || (s = load(c, &k, id, &o)) != APP_OK)
        return s;
    if (!o.feedback_shared_at) {
        *refusal = "R19: you add your reflection once the feedback is shared with you.";
        return APP_CONFLICT;
    }
    if (o.version != version)
        return APP_CONFLICT;
    const char *text = casework_text(errs, "reflection", reflection, OBSERVATION_TEXT_MAX, true);
    if (!text)
        return APP_INVALID;
    int64_t now = app_now(c);
    int rc = db_exec(c->db,
                     "UPDATE observation SET reflection = ?, reflection_at = ?, updated_at = ?, "
                     "version = version + 1 WHERE id = ? AND version = ?",
                     "siiii", text, now, now, id, version);
    if (rc != DB_OK || db_changes(c->db) != 1)
        return rc != DB_OK ? app_db_status(rc) : APP_CONFLICT;
    return casework_record(c, &k, KIND_OBSERVATION, id, "responded",
                           arena_printf(c->a, "The teacher added a reflection on the "
                                              "observation of %s",
                                        o.observed_on),
                           true);
}

/* --- the case's tally --- */

enum app_status observations_status(struct ctx *c, const struct case_record *k, int *count,
                                    int *joint, int *feedback_late, int *feedback_pending,
                                    char next_feedback_due[11])
{
    struct observation_tally t = {0};
    int days = observation_feedback_days(c);
    const char *now = today(c);
    db_stmt *st = db_query(c->db,
                           "SELECT observed_on, observers, feedback_shared_at FROM observation "
                           "WHERE case_id = ?",
                           "i", k->id);
    if (!st)
        return APP_ERROR;
    while (db_step(st) == DB_ROW) {
        enum observers o = OBSERVERS_CT;
        observers_parse(db_text(st, 1), &o);
        int64_t shared = db_int(st, 2);
        observation_tally_add(&t, db_text(st, 0), o, days,
                              shared ? clock_date(c->a, shared) : "", now);
    }
    db_done(st);
    *count = t.count;
    *joint = t.joint;
    *feedback_late = t.late;
    *feedback_pending = t.pending;
    memcpy(next_feedback_due, t.next_due, sizeof t.next_due);
    return APP_OK;
}

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
    "o.updated_at, o.version, o.ct_confirmed_at, o.administrator_confirmed_at "           \
    "FROM observation o LEFT JOIN person p ON p.id = o.created_by "
#define OBSERVATIONS_MAX 500            /* a cycle has a few dozen at most */

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
    o->ct_confirmed_at = db_int(st, 17);
    o->administrator_confirmed_at = db_int(st, 18);
    o->joint = joint_standing_of(o->observers, o->ct_confirmed_at, o->administrator_confirmed_at);
    o->joint_awaiting = "";
    o->feedback_state =
        feedback_state_of(o->observed_on, observation_feedback_days(c),
                          o->feedback_shared_at ? clock_date(c->a, o->feedback_shared_at) : "",
                          app_today(c), o->feedback_due);
    o->withheld = withheld_from(k, o->feedback_shared_at);
    if (o->withheld)
        o->notes = o->feedback = "";
}

/* The administrators of the teacher's school, "A" or "A or B": on a PAR
 * case any of them is its secondary evaluator (R14). */
static const char *administrators_of(struct ctx *c, const struct case_record *k)
{
    buf b;
    buf_init(&b, c->a);
    buf_puts(&b, "");
    db_stmt *st = db_query(c->db,
                           "SELECT DISTINCT p.name FROM person_role r JOIN person p ON "
                           "p.id = r.person_id WHERE r.role = 'administrator' AND r.school_id = ? "
                           "AND p.program_id = ? ORDER BY p.name LIMIT 5",
                           "ii", k->school_id, c->who.program_id);
    while (st && db_step(st) == DB_ROW)
        buf_printf(&b, "%s%s", b.len ? " or " : "", db_text(st, 0));
    if (st)
        db_done(st);
    return b.len ? buf_cstr(&b) : "the administrator";
}

/* R18: whose confirmation a joint observation awaits, by name; *admins is
 * looked up once for all of a case's observations. */
static void joint_awaiting(struct ctx *c, const struct case_record *k, struct observation *o,
                           const char **admins)
{
    bool ct = o->joint == JOINT_AWAITING_CT || o->joint == JOINT_AWAITING_BOTH;
    bool admin = o->joint == JOINT_AWAITING_ADMINISTRATOR || o->joint == JOINT_AWAITING_BOTH;
    if (admin && !*admins)
        *admins = administrators_of(c, k);
    o->joint_awaiting = ct && admin ? arena_printf(c->a, "%s and %s", k->ct_name, *admins)
                        : ct        ? k->ct_name
                        : admin     ? *admins
                                    : "";
}

/* The evidence of each, after the rows are read (one statement at a time),
 * and whose confirmation a joint one awaits. */
static enum app_status tags_load(struct ctx *c, const struct case_record *k, struct observation *o,
                                 const char **admins)
{
    joint_awaiting(c, k, o, admins);
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
    const char *admins = NULL;
    return s == APP_OK ? tags_load(c, k, o, &admins) : s;
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
    const char *admins = NULL;
    for (int i = 0; i < *n && s == APP_OK; i++)
        s = tags_load(c, k, &(*out)[i], &admins);
    return s;
}

/* The case, its observations authorised for act, and the one asked for. */
static enum app_status open_one(struct ctx *c, int64_t case_id, int64_t id, enum action act,
                                struct case_record *k, struct observation *o,
                                const char **refusal)
{
    enum app_status s = casework_open(c, case_id, act, KIND_OBSERVATION, k, refusal);
    return s == APP_OK ? load(c, k, id, o) : s;
}

enum app_status observation_get(struct ctx *c, int64_t case_id, int64_t id,
                                struct case_record *k, struct observation *out)
{
    const char *refusal;
    return open_one(c, case_id, id, ACT_VIEW, k, out, &refusal);
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
    if (f->observed_on && strcmp(f->observed_on, app_today(c)) > 0)
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

/* R18: whoever records or completes a joint observation confirms for
 * themselves that they were there: the time for their side (the CT's, the
 * administrator's), 0 for the other. */
struct joint_marks {
    int64_t ct_at, administrator_at;
};

static struct joint_marks joint_marks_of(struct ctx *c, const struct case_record *k,
                                         enum observers o)
{
    struct joint_marks m = {0, 0};
    if (o != OBSERVERS_JOINT)
        return m;
    if (k->relations & POLICY_REL(WHO_CASE_CT))
        m.ct_at = app_now(c);
    if (k->relations & POLICY_REL(WHO_CASE_EVALUATOR))
        m.administrator_at = app_now(c);
    return m;
}

/* R18: the other observer is asked to confirm, on the observation's page. */
static enum app_status ask_the_other_observer(struct ctx *c, const struct case_record *k,
                                              const struct observation_fields *f,
                                              const struct joint_marks *m)
{
    if (f->observers != OBSERVERS_JOINT || (m->ct_at && m->administrator_at))
        return APP_OK;
    const int who[] = {m->ct_at ? TELL_ADMINISTRATOR : TELL_CT, 0};
    return case_tell(c, k, who,
                     arena_printf(c->a, "%s recorded a joint observation of %s with you. It "
                                        "counts as joint once you confirm, on its page, that "
                                        "you were there.",
                                  c->who.name ? c->who.name : "Someone", f->observed_on),
                     NULL);
}

static enum app_status observation_insert(struct ctx *c, const struct case_record *k,
                                          const struct observation_fields *f, bool share,
                                          int64_t *id, struct errors *errs)
{
    int64_t now = app_now(c);
    struct joint_marks m = joint_marks_of(c, k, f->observers);
    int rc = db_int_query(c->db, id,
                          "INSERT INTO observation (case_id, draft_key, announced, observed_on, "
                          "minutes, observers, notes, feedback, feedback_shared_at, created_by, "
                          "ct_confirmed_at, administrator_confirmed_at, created_at, updated_at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                          "isdsdsssiiiiii", k->id, f->draft_key, f->announced ? 1 : 0,
                          f->observed_on, f->minutes, observers_key(f->observers), f->notes,
                          f->feedback, share ? now : 0, c->who.person_id, m.ct_at,
                          m.administrator_at, now, now);
    enum app_status s = rc == DB_CONSTRAINT ? APP_CONFLICT : app_db_status(rc);
    if (s == APP_OK)
        s = tags_save(c, k, *id, f, errs);
    if (s == APP_OK)
        s = casework_record(c, k, KIND_OBSERVATION, *id, share ? "shared" : "added",
                            summary_of(c, share ? "Recorded and shared the feedback on"
                                                : "Recorded a draft of",
                                       f),
                            share);
    return s == APP_OK ? ask_the_other_observer(c, k, f, &m) : s;
}

static enum app_status observation_write(struct ctx *c, const struct case_record *k,
                                         const struct observation *old,
                                         const struct observation_fields *f, bool share,
                                         struct errors *errs)
{
    int64_t now = app_now(c);
    /* R18: a confirmation already given stays (the other observer may have
     * given theirs meanwhile); none is left on what is no longer joint. */
    struct joint_marks m = joint_marks_of(c, k, f->observers);
    bool joint = f->observers == OBSERVERS_JOINT;
    int rc = db_exec(c->db,
                     "UPDATE observation SET announced = ?, observed_on = ?, minutes = ?, "
                     "observers = ?, notes = ?, feedback = ?, feedback_shared_at = ?, "
                     "ct_confirmed_at = CASE WHEN ? = 0 THEN 0 WHEN ct_confirmed_at > 0 THEN "
                     "ct_confirmed_at ELSE ? END, administrator_confirmed_at = CASE WHEN ? = 0 "
                     "THEN 0 WHEN administrator_confirmed_at > 0 THEN administrator_confirmed_at "
                     "ELSE ? END, updated_at = ?, version = version + 1 WHERE id = ? AND "
                     "version = ? AND feedback_shared_at = 0",
                     "dsdsssididiiii", f->announced ? 1 : 0, f->observed_on, f->minutes,
                     observers_key(f->observers), f->notes, f->feedback, share ? now : 0,
                     joint ? 1 : 0, m.ct_at, joint ? 1 : 0, m.administrator_at, now, old->id,
                     old->version);
    enum app_status s = rc != DB_OK ? app_db_status(rc)
                        : db_changes(c->db) == 1 ? APP_OK
                                                 : APP_CONFLICT;
    if (s == APP_OK)
        s = tags_save(c, k, old->id, f, errs);
    if (s == APP_OK)
        s = casework_record(c, k, KIND_OBSERVATION, old->id, share ? "shared" : "changed",
                            summary_of(c, share ? "Shared the feedback on" : "Changed the draft of",
                                       f),
                            share);
    if (s != APP_OK || old->observers == OBSERVERS_JOINT)
        return s;
    return ask_the_other_observer(c, k, f, &m);
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
    enum app_status s = open_one(c, case_id, id, ACT_EDIT, &k, &old, refusal);
    if (s != APP_OK)
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
    enum app_status s = open_one(c, case_id, id, ACT_RESPOND, &k, &o, refusal);
    if (s != APP_OK)
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

/* --- R18: the other observer's confirmation --- */

bool observation_may_confirm_joint(struct ctx *c, const struct case_record *k,
                                   const struct observation *o)
{
    return k->state == CASE_ON_CASELOAD && casework_may(c, k, ACT_EDIT, KIND_OBSERVATION) &&
           !joint_confirm_refusal(o->observers, k->relations & POLICY_REL(WHO_CASE_CT),
                                  k->relations & POLICY_REL(WHO_CASE_EVALUATOR),
                                  o->ct_confirmed_at, o->administrator_confirmed_at);
}

enum app_status observation_confirm_joint(struct ctx *c, int64_t case_id, int64_t id,
                                          const char **refusal)
{
    struct case_record k;
    struct observation o;
    enum app_status s = open_one(c, case_id, id, ACT_EDIT, &k, &o, refusal);
    if (s != APP_OK)
        return s;
    bool is_ct = k.relations & POLICY_REL(WHO_CASE_CT);
    bool is_evaluator = k.relations & POLICY_REL(WHO_CASE_EVALUATOR);
    if ((*refusal = joint_confirm_refusal(o.observers, is_ct, is_evaluator, o.ct_confirmed_at,
                                          o.administrator_confirmed_at)))
        return is_ct || is_evaluator ? APP_CONFLICT : APP_FORBIDDEN;
    /* Not a new version: the other observer's form on it stays good. */
    int64_t now = app_now(c);
    int rc = db_exec(c->db,
                     "UPDATE observation SET ct_confirmed_at = CASE WHEN ? = 1 AND "
                     "ct_confirmed_at = 0 THEN ? ELSE ct_confirmed_at END, "
                     "administrator_confirmed_at = CASE WHEN ? = 1 AND "
                     "administrator_confirmed_at = 0 THEN ? ELSE administrator_confirmed_at END, "
                     "updated_at = ? WHERE id = ? AND observers = 'joint'",
                     "didiii", is_ct ? 1 : 0, now, is_evaluator ? 1 : 0, now, now, id);
    if (rc != DB_OK)
        return app_db_status(rc);
    return casework_record(c, &k, KIND_OBSERVATION, id, "confirmed",
                           arena_printf(c->a, "%s confirmed taking part in the joint observation "
                                              "of %s",
                                        c->who.name ? c->who.name : "", o.observed_on),
                           false);
}

/* --- the case's tally --- */

enum app_status observations_status(struct ctx *c, const struct case_record *k, int *count,
                                    int *joint, int *feedback_late, int *feedback_pending,
                                    char next_feedback_due[11])
{
    struct observation_tally t = {0};
    int days = observation_feedback_days(c);
    const char *now = app_today(c);
    db_stmt *st = db_query(c->db,
                           "SELECT o.observed_on, CASE WHEN " OBSERVATION_JOINT_CONFIRMED("o")
                           " THEN 1 ELSE 0 END, o.feedback_shared_at FROM observation o "
                           "WHERE o.case_id = ?",
                           "i", k->id);
    if (!st)
        return APP_ERROR;
    while (db_step(st) == DB_ROW) {
        int64_t shared = db_int(st, 2);
        observation_tally_add(&t, db_text(st, 0), db_int(st, 1) != 0, days,
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

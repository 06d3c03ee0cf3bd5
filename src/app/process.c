/* process.c: the whole case's facts for the process table, read in one
 * place, and the table's answers for a person: may they take a step, what
 * may they do, what is due on a case and for whom (their tasks across
 * every case are tasks.c's). No rule is decided here: the table's guards
 * and due rules decide (domain/process.c). */
#include "app/process.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/casework.h"
#include "app/meetings.h"
#include "app/observation.h"
#include "base/clock.h"

#define REL(who) POLICY_REL(who)

/* The cases whose facts are read together: one statement per kind of
 * fact for all of them, never one per case (issue 19), each row handed to
 * its case's facts. */
struct fact_set {
    const struct case_record *ks;
    struct case_facts *f;
    int n;
    struct fact_key {
        int64_t id;
        int i;       /* into ks and f */
    } * by_id;       /* sorted */
    const char *ids; /* db_id_list's "12,14" */
};

/* The index (into ks) of the case with this id, or -1. */
static int fact_index(const struct fact_set *s, int64_t case_id)
{
    int lo = 0, hi = s->n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (s->by_id[mid].id == case_id)
            return s->by_id[mid].i;
        if (s->by_id[mid].id < case_id)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

static int by_case_id(const void *a, const void *b)
{
    int64_t x = ((const struct fact_key *)a)->id, y = ((const struct fact_key *)b)->id;
    return (x > y) - (x < y);
}

/* A statement about every case of the set: sql has one %s where the set
 * goes ("... WHERE case_id IN %s"), and asks of the asker (me) as often as
 * it has ?s before the set: 0, 1 or 2. */
static db_stmt *facts_query(struct ctx *c, const struct fact_set *s, const char *sql, int me)
{
    int64_t asker = c->who.person_id;
    const char *text = arena_printf(c->a, sql, db_id_set(c->db));
    return me == 0   ? db_query(c->db, text, "s", s->ids)
           : me == 1 ? db_query(c->db, text, "is", asker, s->ids)
                     : db_query(c->db, text, "iis", asker, asker, s->ids);
}

/* The day each case first reached each state, from its timeline. */
static void entered_load(struct ctx *c, const struct fact_set *s)
{
    db_stmt *st = facts_query(c, s,
                              "SELECT case_id, to_state, MIN(at) FROM case_event WHERE case_id IN "
                              "%s AND part = '' GROUP BY case_id, to_state",
                              0);
    enum case_state state;
    int i;
    while (st && db_step(st) == DB_ROW)
        if ((i = fact_index(s, db_int(st, 0))) >= 0 && case_state_parse(db_text(st, 1), &state))
            app_date_text(c, db_int(st, 2), s->f[i].entered[state]);
    db_done(st);
    for (i = 0; i < s->n; i++)
        app_date_text(c, s->ks[i].created_at, s->f[i].entered[CASE_INQUIRY_RECEIVED]);
}

/* R7: one of the teacher's other cases, if active. */
static void other_case(const char *track_key, const char *state_key, struct case_facts *f)
{
    enum case_state state;
    enum case_track track;
    if (!case_state_parse(state_key, &state) || !case_states[state].active)
        return;
    if (!case_track_parse(track_key, &track))
        track = TRACK_NONE;
    f->other_active_pa |= track == TRACK_PA;
    f->other_active_par |= track == TRACK_PAR;
    f->teacher_other_cases += track != TRACK_CONSULTANCY;
}

static void others_load(struct ctx *c, const struct fact_set *s)
{
    db_stmt *st = facts_query(c, s,
                              "SELECT k.id, o.track, o.state FROM teacher_case k JOIN "
                              "teacher_case o ON o.teacher_id = k.teacher_id AND o.id <> k.id "
                              "WHERE k.id IN %s",
                              0);
    int i;
    while (st && db_step(st) == DB_ROW)
        if ((i = fact_index(s, db_int(st, 0))) >= 0)
            other_case(db_text(st, 1), db_text(st, 2), &s->f[i]);
    db_done(st);
}

/* R17: each meeting, counted only with everyone who must attend present. */
static void meeting_fact(const struct case_record *k, const struct meeting *m, struct case_facts *f)
{
    bool counts = m->status == MEETING_HELD && meeting_counts(k->track == TRACK_PAR, m->attended);
    f->meetings_held += counts;
    if (m->phase >= PHASE_EXTRA)
        return;
    f->meeting_held[m->phase] |= counts;
    if (m->status == MEETING_SCHEDULED)
        snprintf(f->meeting_scheduled[m->phase], sizeof(date_text), "%.10s", m->starts_at);
}

static void meetings_load(struct ctx *c, const struct fact_set *s)
{
    struct meeting *ms;
    int n = 0, i;
    if (meetings_of_cases(c, s->ids, &ms, &n) != APP_OK)
        return;
    for (int j = 0; j < n; j++)
        if ((i = fact_index(s, ms[j].case_id)) >= 0)
            meeting_fact(&s->ks[i], &ms[j], &s->f[i]);
}

/* R18, R19: feedback not shared yet, and the joint observations: counted
 * once both observers confirmed (OBSERVATION_JOINT_CONFIRMED), else waiting
 * for the one who has not, the asker perhaps. Only those rows are read: an
 * observation by one observer with its feedback shared says nothing here
 * (most of a long history). */
static void observation_fact(struct ctx *c, db_stmt *st, const struct case_record *k,
                             struct case_facts *f)
{
    bool ct = k->relations & REL(WHO_CASE_CT), admin = k->relations & REL(WHO_CASE_EVALUATOR);
    bool joint = strcmp(db_text(st, 2), "joint") == 0;
    if (joint && db_int(st, 5)) {
        f->joint_observations++;
    } else if (joint) {
        if (!f->joint_awaiting++)
            snprintf(f->joint_awaiting_on, sizeof f->joint_awaiting_on, "%s", db_text(st, 1));
        f->me.joint_to_confirm |= (ct && !db_int(st, 6)) || (admin && !db_int(st, 7));
    }
    if (db_int(st, 3) == 0 && f->nfeedback_pending < FACTS_FEEDBACK_MAX) {
        f->feedback_by_evaluator[f->nfeedback_pending] = db_int(st, 4) > 0;
        f->feedback_pending[f->nfeedback_pending++] = db_text_copy(st, 1, c->a);
    }
}

#define OBSERVATIONS_SQL                                                                     \
    "SELECT o.case_id, o.observed_on, o.observers, o.feedback_shared_at, (SELECT COUNT(*) "    \
    "FROM person_role r JOIN teacher_case k ON k.id = o.case_id JOIN person t ON t.id = "      \
    "k.teacher_id WHERE r.person_id = o.created_by AND r.role = 'administrator' AND "          \
    "r.school_id = t.school_id), CASE WHEN " OBSERVATION_JOINT_CONFIRMED("o") " THEN 1 ELSE "  \
    "0 END, o.ct_confirmed_at, o.administrator_confirmed_at FROM observation o WHERE "         \
    "o.case_id IN %s AND (o.observers = 'joint' OR o.feedback_shared_at = 0) ORDER BY "        \
    "o.case_id, o.observed_on, o.id"

static void observations_load(struct ctx *c, const struct fact_set *s)
{
    db_stmt *st = facts_query(c, s, OBSERVATIONS_SQL, 0);
    int i;
    while (st && db_step(st) == DB_ROW)
        if ((i = fact_index(s, db_int(st, 0))) >= 0)
            observation_fact(c, st, &s->ks[i], &s->f[i]);
    db_done(st);
}

#define END_OF_CYCLE_SQL                                                                           \
    "SELECT k.id, (SELECT COUNT(*) FROM goal WHERE case_id = k.id AND status = 'approved' "        \
    "AND kind = 'practice'), (SELECT COUNT(*) FROM goal WHERE case_id = k.id AND status = "        \
    "'approved' AND kind = 'student_learning'), (SELECT COUNT(*) FROM goal WHERE case_id = "       \
    "k.id AND status = 'proposed'), "                                                              \
    "COALESCE((SELECT status FROM evaluation WHERE case_id = k.id AND kind = 'formative'), "       \
    "''), COALESCE((SELECT status FROM evaluation WHERE case_id = k.id AND kind = "                \
    "'summative'), ''), "                                                                          \
    "COALESCE(r.status, ''), COALESCE(r.preview_until, ''), COALESCE(r.submitted_at, 0), "         \
    "COALESCE((SELECT approval FROM panel_decision WHERE case_id = k.id ORDER BY "                 \
    "decided_at DESC, id DESC LIMIT 1), ''), COALESCE((SELECT decided_at FROM "                    \
    "panel_decision WHERE case_id = k.id ORDER BY decided_at DESC, id DESC LIMIT 1), 0), "         \
    "COALESCE((SELECT recorded_at FROM case_outcome WHERE case_id = k.id), 0), "                   \
    "(SELECT COUNT(*) FROM survey_invitation WHERE case_id = k.id AND responded = 0), "            \
    "(SELECT COUNT(*) FROM survey_invitation WHERE case_id = k.id AND person_id = ? AND "          \
    "responded = 0) "                                                                              \
    "FROM teacher_case k LEFT JOIN recommendation r ON r.case_id = k.id WHERE k.id IN %s"

static void evaluation_fact(const char *status, enum eval_kind kind, struct case_facts *f)
{
    f->has_eval[kind] = evaluation_status_parse(status, &f->eval[kind]);
}

static void end_fact(struct ctx *c, db_stmt *st, struct case_facts *f)
{
    f->approved_practice = (int)db_int(st, 1);
    f->approved_learning = (int)db_int(st, 2);
    f->goals_proposed = (int)db_int(st, 3);
    evaluation_fact(db_text(st, 4), EVAL_FORMATIVE, f);
    evaluation_fact(db_text(st, 5), EVAL_SUMMATIVE, f);
    if (!rec_status_parse(db_text(st, 6), &f->rec))
        f->rec = REC_NONE;
    snprintf(f->preview_until, sizeof f->preview_until, "%s", db_text(st, 7));
    app_date_text(c, db_int(st, 8), f->rec_sent_on);
    f->decided = approval_parse(db_text(st, 9), &f->approval) && f->approval != APPROVAL_RETURNED;
    if (!*db_text(st, 9))
        f->approval = APPROVAL_PENDING;
    app_date_text(c, db_int(st, 10), f->decided_on);
    f->outcome_recorded = db_int(st, 11) != 0;
    app_date_text(c, db_int(st, 11), f->outcome_on);
    f->surveys_waiting = (int)db_int(st, 12);
    f->me.survey_waiting = db_int(st, 13) != 0;
}

static void end_load(struct ctx *c, const struct fact_set *s)
{
    db_stmt *st = facts_query(c, s, END_OF_CYCLE_SQL, 1);
    int i;
    while (st && db_step(st) == DB_ROW)
        if ((i = fact_index(s, db_int(st, 0))) >= 0)
            end_fact(c, st, &s->f[i]);
    db_done(st);
}

/* The open session whose docket each case is on (one at most: the
 * earliest), its votes, and the asker's own place at it (R24). */
static void docket_load(struct ctx *c, const struct fact_set *s)
{
    db_stmt *st = facts_query(
        c, s,
        "SELECT d.case_id, s.held_on, (SELECT COUNT(*) FROM panel_vote v WHERE v.session_id = "
        "s.id AND v.case_id = d.case_id), (SELECT COUNT(*) FROM panel_attendance a WHERE "
        "a.session_id = s.id AND a.person_id = ?), (SELECT COUNT(*) FROM panel_vote v WHERE "
        "v.session_id = s.id AND v.case_id = d.case_id AND v.person_id = ?) FROM panel_docket d "
        "JOIN panel_session s ON s.id = d.session_id WHERE d.case_id IN %s AND s.status <> "
        "'closed' AND NOT EXISTS (SELECT 1 FROM panel_decision x WHERE x.case_id = d.case_id AND "
        "x.session_id = s.id) ORDER BY d.case_id, s.held_on, s.id",
        2);
    int i;
    while (st && db_step(st) == DB_ROW) {
        struct case_facts *f = (i = fact_index(s, db_int(st, 0))) >= 0 ? &s->f[i] : NULL;
        if (!f || f->on_open_docket)
            continue;
        f->on_open_docket = true;
        snprintf(f->session_on, sizeof f->session_on, "%s", db_text(st, 1));
        f->votes_cast = (int)db_int(st, 2);
        f->me.panel_present = db_int(st, 3) > 0;
        f->me.panel_voted = db_int(st, 4) > 0;
    }
    db_done(st);
}

/* What each case's own record says. */
static void record_facts(struct ctx *c, const struct case_record *k, struct case_facts *f)
{
    memset(f, 0, sizeof *f);
    f->state = k->state;
    f->track = k->track;
    f->today = app_today(c);
    f->inquiry_confirmed = true;
    snprintf(f->meeting_on, sizeof f->meeting_on, "%.10s", k->meeting_at);
    snprintf(f->review_on, sizeof f->review_on, "%.10s", k->review_at);
    f->teacher_signed = k->teacher_signed_at != 0;
    f->rep_signed = k->rep_signed_at != 0;
    f->me.signed_agreement = (k->relations & REL(WHO_CASE_TEACHER))     ? f->teacher_signed
                             : (k->relations & REL(WHO_CASE_UNION_REP)) ? f->rep_signed
                                                                        : false;
    f->current_cycle_start = k->cycle_start;
    f->current_cycle_end = k->cycle_end;
    f->me.panel_recused = k->panel_recused;
}

enum app_status case_facts_load_all(struct ctx *c, const struct case_record *ks, int n,
                                    struct case_facts *out)
{
    if (n <= 0)
        return APP_OK;
    struct fact_set s = {.ks = ks, .f = out, .n = n};
    s.by_id = arena_alloc(c->a, sizeof *s.by_id * (size_t)n);
    int64_t *ids = arena_alloc(c->a, sizeof *ids * (size_t)n);
    for (int i = 0; i < n; i++) {
        s.by_id[i] = (struct fact_key){ks[i].id, i};
        ids[i] = ks[i].id;
    }
    qsort(s.by_id, (size_t)n, sizeof *s.by_id, by_case_id);
    s.ids = db_id_list(c->a, ids, n);
    int goals_due = program_setting_int(c, "goals_due_days");
    int feedback = program_setting_int(c, "feedback_days");
    for (int i = 0; i < n; i++) {
        record_facts(c, &ks[i], &out[i]);
        out[i].goals_due_days = goals_due;
        out[i].feedback_days = feedback;
    }
    entered_load(c, &s);
    others_load(c, &s);
    meetings_load(c, &s);
    observations_load(c, &s);
    end_load(c, &s);
    docket_load(c, &s);
    return APP_OK;
}

enum app_status case_facts_load(struct ctx *c, const struct case_record *k, struct case_facts *f)
{
    return case_facts_load_all(c, k, 1, f);
}

void inquiry_facts_load(struct ctx *c, int64_t teacher_id, struct case_facts *f)
{
    memset(f, 0, sizeof *f);
    f->state = CASE_NONE;
    f->today = app_today(c);
    f->inquiry_open = true;
    f->inquiry_confirmed = true; /* inquiry_open_facts() says otherwise (R8) */
    db_stmt *st = teacher_id ? db_query(c->db,
                                        "SELECT track, state FROM teacher_case WHERE "
                                        "teacher_id = ?",
                                        "i", teacher_id)
                             : NULL;
    while (st && db_step(st) == DB_ROW)
        other_case(db_text(st, 0), db_text(st, 1), f);
    db_done(st);
}

/* --- may this person take this step --- */

const char *guard_words(struct ctx *c, const struct guard_def *g, const char *detail)
{
    return g ? arena_printf(c->a, "%s%s", g->refusal, detail) : NULL;
}

enum app_status guard_answer(struct ctx *c, const struct guard_def *g, const char *detail,
                             enum app_status refused, struct errors *errs, const char **refusal)
{
    if (!g)
        return APP_OK;
    const char *why = guard_words(c, g, detail);
    if (g->field && errs) {
        errors_add(errs, g->field, why);
        return APP_INVALID;
    }
    *refusal = why;
    c->refused = (struct refused){why, g->rule, NULL};
    return refused;
}

enum app_status process_allows(struct ctx *c, const char *key, const struct case_facts *f,
                               unsigned relations, bool with_input, struct errors *errs,
                               const char **refusal)
{
    const struct step_def *t = workflow_find(key);
    if (!t)
        return APP_ERROR;
    if (!workflow_leaves(t, f->state)) {
        *refusal = arena_printf(c->a, "This case is at \"%s\": \"%s\" is not a step from there.",
                                case_state_label(f->state), t->label);
        return APP_CONFLICT;
    }
    if (!workflow_may_fire(t, c->who.roles, relations)) {
        *refusal = t->who_refusal;
        return APP_FORBIDDEN;
    }
    char detail[600];
    const struct guard_def *g = workflow_check(t, f, !with_input, detail, sizeof detail);
    enum app_status s = guard_answer(c, g, detail, APP_FORBIDDEN, errs, refusal);
    if (s != APP_OK && s != APP_INVALID)
        c->refused.step = t->key;
    return s;
}

enum app_status process_check(struct ctx *c, const struct case_record *k, const char *step,
                              const char **refusal)
{
    struct case_facts f;
    enum app_status s = case_facts_load(c, k, &f);
    return s == APP_OK ? process_allows(c, step, &f, k->relations, true, NULL, refusal) : s;
}

bool case_step_offer(struct ctx *c, const struct case_record *k, const char *step,
                     struct step_offer *o)
{
    struct case_facts f;
    const struct step_def *t = workflow_find(step);
    return t && case_facts_load(c, k, &f) == APP_OK &&
           workflow_offer(t, &f, c->who.roles, k->relations, o);
}

int case_offers(struct ctx *c, const struct case_record *k, const struct case_facts *f,
                struct step_offer *out, int max)
{
    return workflow_offers(f, c->who.roles, k->relations, out, max);
}

/* --- what is due, for whom --- */

const char *due_who_words(struct ctx *c, const int *who)
{
    buf b;
    buf_init(&b, c->a);
    workflow_who_text(&b, who);
    return buf_cstr(&b);
}

static const char *task_link(struct ctx *c, int64_t case_id, const struct step_def *t)
{
    return arena_printf(c->a, "/cases/%" PRId64 "%s%s", case_id, *t->path ? "/" : "", t->path);
}

void case_task_fill(struct ctx *c, const struct case_record *k, struct case_task *out)
{
    out->case_id = k->id;
    out->step = out->t.due.step->key;
    out->rule = out->t.due.step->rule;
    out->teacher_name = k->teacher_name;
    out->who = due_who_words(c, out->t.due.who);
    out->link = task_link(c, k->id, out->t.due.step);
    out->not_yet = guard_words(c, out->t.blocked, out->t.detail);
    out->not_yet_rule = out->t.blocked ? out->t.blocked->rule : NULL;
}

#define DUE_MAX 64

enum app_status case_due(struct ctx *c, const struct case_record *k, const struct case_facts *f,
                         struct case_task **out, int *n)
{
    struct due due[DUE_MAX];
    int nd = workflow_due(f, due, DUE_MAX);
    *out = arena_alloc(c->a, sizeof **out * (size_t)(nd + 1));
    *n = 0;
    for (int i = 0; i < nd; i++) {
        /* R16: an item about a part shows only to whoever may see that part. */
        enum record_kind kind = due[i].step->kind;
        if (kind != KIND_CASE && !casework_may(c, k, ACT_VIEW, kind))
            continue;
        struct case_task *t = &(*out)[(*n)++];
        memset(t, 0, sizeof *t);
        t->t.due = due[i];
        case_task_fill(c, k, t);
    }
    return APP_OK;
}

const char *case_status_words(struct ctx *c, const struct case_record *k,
                              const struct case_facts *f)
{
    buf b;
    buf_init(&b, c->a);
    workflow_status(f, (k->relations & REL(WHO_CASE_TEACHER)) != 0, &b);
    return buf_cstr(&b);
}

/* --- lists of tasks --- */

struct case_task *case_task_slot(struct ctx *c, struct case_task **out, int *n, int *cap)
{
    if (*n == *cap) {
        *cap = *cap * 2 + 16;
        struct case_task *more = arena_alloc(c->a, sizeof *more * (size_t)*cap);
        memcpy(more, *out, sizeof *more * (size_t)*n);
        *out = more;
    }
    struct case_task *t = &(*out)[(*n)++];
    memset(t, 0, sizeof *t);
    return t;
}

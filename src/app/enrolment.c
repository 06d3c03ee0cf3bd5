/* enrolment.c: the case use cases. The order is always the same: load the
 * case and the asker's relationships to it, ask the policy table, find the
 * transition in the workflow table and ask who may fire it, check the
 * input, gather the facts the guards read, run the guards, then write, put
 * the step on the timeline, audit and notify. No rule is decided here. */
#include "app/enrolment.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "app/case_news.h"
#include "app/casework.h"
#include "app/ct_terms.h"
#include "app/inquiry.h"
#include "app/invitation.h"
#include "app/meetings.h"
#include "app/process.h"
#include "base/clock.h"
#include "domain/caseload.h"
#include "domain/inquiry.h"

#define REL(who) POLICY_REL(who)

/* --- choices for the forms --- */

static bool person_has_role(struct ctx *c, int64_t id, const char *role)
{
    int64_t found = 0;
    db_int_query(c->db, &found,
                 "SELECT p.id FROM person p JOIN person_role r ON r.person_id = p.id "
                 "WHERE p.id = ? AND p.program_id = ? AND r.role = ? LIMIT 1",
                 "iis", id, c->who.program_id, role);
    return found != 0;
}

struct caseload_weights case_caseload_weights(struct ctx *c)
{
    return (struct caseload_weights){program_setting_int(c, "caseload_weight_par"),
                                     program_setting_int(c, "caseload_weight_pa"),
                                     program_setting_int(c, "caseload_cap")};
}

/* R30: the weighted load of one CT (0: all, into choices), from the cases
 * on the caseload, weighed by caseload.c. */
static int ct_load(struct ctx *c, int64_t ct_id, struct ct_choice *choices, int n)
{
    struct caseload_weights w = case_caseload_weights(c);
    db_stmt *st = db_query(c->db,
                           "SELECT ct_id, track FROM teacher_case WHERE program_id = ? AND "
                           "state = 'on_caseload' AND ct_id IS NOT NULL",
                           "i", c->who.program_id);
    int load = 0;
    while (st && db_step(st) == DB_ROW) {
        int64_t ct = db_int(st, 0);
        int weight = caseload_weight(db_text(st, 1), &w);
        if (ct == ct_id)
            load += weight;
        for (int i = 0; i < n; i++)
            if (choices[i].id == ct)
                choices[i].load += weight;
    }
    if (st)
        db_done(st);
    return load;
}

enum app_status caseload_mine(struct ctx *c, struct caseload *out)
{
    struct case_record *cases;
    int ncases = 0;
    enum app_status s = cases_on_caseload(c, &cases, &ncases);
    if (s != APP_OK)
        return s;
    struct caseload_weights w = case_caseload_weights(c);
    memset(out, 0, sizeof *out);
    out->cap = w.cap;
    out->cases = arena_alloc(c->a, sizeof *out->cases * (size_t)(ncases + 1));
    for (int i = 0; i < ncases; i++) {
        if (cases[i].ct_id != c->who.person_id)
            continue;
        out->cases[out->ncases++] = cases[i];
        out->load += caseload_weight(case_track_key(cases[i].track), &w);
        cases[i].track == TRACK_PAR ? out->par++ : out->pa++;
    }
    int64_t *ids = arena_alloc(c->a, sizeof *ids * (size_t)(out->ncases + 1));
    for (int i = 0; i < out->ncases; i++)
        ids[i] = out->cases[i].id;
    return cases_seen(c, "their caseload", ids, out->ncases);
}

enum app_status case_ct_choices(struct ctx *c, struct ct_choice **out, int *n, int *cap)
{
    int64_t total = 0;
    db_int_query(c->db, &total,
                 "SELECT COUNT(DISTINCT r.person_id) FROM person_role r JOIN person p ON "
                 "p.id = r.person_id WHERE r.role = 'consulting_teacher' AND p.program_id = ?",
                 "i", c->who.program_id);
    db_stmt *st = db_query(c->db,
                           "SELECT DISTINCT p.id, p.name, COALESCE(p.school_id, 0), "
                           "COALESCE(s.name, '') FROM person p JOIN person_role r ON "
                           "r.person_id = p.id AND r.role = 'consulting_teacher' LEFT JOIN school s "
                           "ON s.id = p.school_id WHERE p.program_id = ? ORDER BY p.name, p.id",
                           "i", c->who.program_id);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)(total + 1));
    *n = 0;
    while (db_step(st) == DB_ROW && *n <= total) {
        struct ct_choice *ch = &(*out)[(*n)++];
        ch->id = db_int(st, 0);
        ch->name = db_text_copy(st, 1, c->a);
        ch->school_id = db_int(st, 2);
        ch->school_name = db_text_copy(st, 3, c->a);
        ch->load = 0;
    }
    db_done(st);
    ct_load(c, 0, *out, *n);
    *cap = case_caseload_weights(c).cap;
    return APP_OK;
}

enum app_status case_union_reps(struct ctx *c, struct person_choice **out, int *n)
{
    db_stmt *st = db_query(c->db,
                           "SELECT DISTINCT p.id, p.name FROM person p JOIN person_role r ON "
                           "r.person_id = p.id AND r.role = 'union_rep' WHERE p.program_id = ? "
                           "ORDER BY p.name, p.id LIMIT 100",
                           "i", c->who.program_id);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * 100);
    *n = 0;
    while (db_step(st) == DB_ROW && *n < 100) {
        (*out)[*n] = (struct person_choice){db_int(st, 0), db_text_copy(st, 1, c->a)};
        (*n)++;
    }
    db_done(st);
    return APP_OK;
}

enum app_status case_open_inquiries(struct ctx *c, struct inquiry_choice **out, int *n)
{
    enum app_status s = app_authorize(c, ACT_CREATE, KIND_CASE, NULL);
    if (s != APP_OK)
        return s;
    db_stmt *st = db_query(c->db,
                           "SELECT i.id, i.reference, i.name, i.email, i.interest, "
                           "i.teacher_confirmation, i.created_at FROM inquiry i "
                           "WHERE i.program_id = ? AND i.status <> 'closed' AND NOT EXISTS "
                           "(SELECT 1 FROM teacher_case k WHERE k.inquiry_id = i.id) "
                           "ORDER BY i.created_at, i.id LIMIT 200",
                           "i", c->who.program_id);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * 200);
    *n = 0;
    struct case_facts f;
    enum teacher_confirmation tc;
    char detail[8];
    while (db_step(st) == DB_ROW && *n < 200) {
        /* Only those the "open" step's guards let through (R8). */
        if (!teacher_confirmation_parse(db_text(st, 5), &tc))
            tc = CONFIRMATION_AWAITING;
        inquiry_facts_load(c, 0, &f);
        inquiry_open_facts(INQUIRY_NEW, false, tc, &f);
        if (workflow_check(workflow_find("open"), &f, true, detail, sizeof detail))
            continue;
        (*out)[*n] = (struct inquiry_choice){db_int(st, 0), db_int(st, 6), db_text_copy(st, 1, c->a),
                                             db_text_copy(st, 2, c->a), db_text_copy(st, 3, c->a),
                                             db_text_copy(st, 4, c->a)};
        (*n)++;
    }
    db_done(st);
    return APP_OK;
}

/* --- checking a step's input --- */

static bool text_ok(const char *v, size_t max)
{
    return v && *v && strlen(v) <= max;
}

static bool date_ok(const char *v)
{
    int y, m, d;
    return v && clock_parse_date(v, &y, &m, &d);
}

/* What the checked input holds, ready to write. */
struct step {
    const char *at, *place, *reason, *notes, *facts;
    int64_t ct_id, union_rep_id;
    enum case_track track;
    enum plan_type plan_type;
    int plan_months;
};

static void check_meeting(struct ctx *c, const struct case_input *in, struct step *s,
                          struct errors *errs)
{
    if (!(s->at = casework_time(c->a, in->at)))
        errors_add(errs, "at", "Give the date and time as YYYY-MM-DD HH:MM.");
    if (!text_ok(in->place, 200))
        errors_add(errs, "place", "Say where the meeting is (up to 200 characters).");
    s->place = in->place;
}

static void check_people(struct ctx *c, unsigned needs, const struct case_input *in,
                         struct step *s, struct errors *errs)
{
    if (needs & NEED_CT) {
        s->ct_id = parse_id(in->ct_id);
        if (!s->ct_id || !person_has_role(c, s->ct_id, "consulting_teacher"))
            errors_add(errs, "ct_id", "Choose a Consulting Teacher from the list.");
    }
    if (needs & NEED_UNION_REP) {
        s->union_rep_id = parse_id(in->union_rep_id);
        if (!s->union_rep_id || !person_has_role(c, s->union_rep_id, "union_rep"))
            errors_add(errs, "union_rep_id", "Choose a union representative from the list.");
    }
}

static void check_track(struct ctx *c, const struct case_input *in, struct step *s,
                        struct eligibility_facts *f, struct errors *errs)
{
    if (!case_track_parse(in->track, &s->track))
        errors_add(errs, "track", "Choose PA, PAR or a consultancy visit.");
    struct eligibility_answers answers = {in->district_year, in->plan,      in->months, in->rating,
                                          in->union_member,  in->full_time, in->job};
    eligibility_facts_parse(&answers, false, f, errs);
    char year[16];
    ordinal(f->district_year, year, sizeof year);
    s->facts = arena_printf(c->a, "%s year in the district, %s of %d months, rated %s, "
                                  "union member: %s, full time: %s, job: %s",
                            year, plan_type_label(f->plan), f->plan_months,
                            rating_label(f->rating), f->union_member ? "yes" : "no",
                            f->full_time ? "yes" : "no", job_type_label(f->job));
}

static void check_timeline(const struct case_input *in, struct step *s, struct errors *errs)
{
    bool ok;
    if (!date_ok(in->cycle_start))
        errors_add(errs, "cycle_start", "Give the cycle's first day as YYYY-MM-DD.");
    if (!date_ok(in->cycle_end))
        errors_add(errs, "cycle_end", "Give the cycle's last day as YYYY-MM-DD.");
    else if (date_ok(in->cycle_start) && strcmp(in->cycle_end, in->cycle_start) <= 0)
        errors_add(errs, "cycle_end", "The cycle ends after it starts.");
    if (!plan_type_parse(in->plan_type, &s->plan_type))
        errors_add(errs, "plan_type", "Choose the evaluation plan.");
    s->plan_months = parse_number_in(in->plan_months, 1, 36, &ok);
    if (!ok)
        errors_add(errs, "plan_months", "Enter the plan's length in months, from 1 to 36.");
}

static void check_input(struct ctx *c, const struct step_def *t,
                        const struct case_input *in, struct step *s,
                        struct eligibility_facts *elig, struct errors *errs)
{
    memset(s, 0, sizeof *s);
    if (t->needs & NEED_MEETING)
        check_meeting(c, in, s, errs);
    check_people(c, t->needs, in, s, errs);
    if (t->needs & NEED_TRACK)
        check_track(c, in, s, elig, errs);
    if (t->needs & NEED_TIMELINE)
        check_timeline(in, s, errs);
    if ((t->needs & NEED_REASON) && !text_ok(in->reason, 1000))
        errors_add(errs, "reason", "Give the reason (up to 1,000 characters).");
    s->reason = in->reason;
    if ((t->needs & NEED_NOTES) && in->notes && strlen(in->notes) > 2000)
        errors_add(errs, "notes", "Keep the notes under 2,000 characters.");
    s->notes = in->notes && *in->notes ? in->notes : NULL;
}

/* --- the guards' facts: the whole case (app/process.c), and what the
 * step asks for --- */

static enum app_status facts_gather(struct ctx *c, const struct step_def *t,
                                    const struct case_record *k, const struct step *s,
                                    const struct case_input *in,
                                    const struct eligibility_facts *elig, struct case_facts *f)
{
    if (t->needs & NEED_TRACK)
        f->track = s->track;
    f->elig = *elig;
    f->elig_settings = (struct eligibility_settings){program_setting_int(c, "min_years_experience"),
                                                     program_setting_int(c, "par_min_plan_months")};
    struct caseload_weights w = case_caseload_weights(c);
    f->caseload_cap = w.cap;
    f->case_weight = caseload_weight(case_track_key(f->track), &w);
    f->ct_chosen = s->ct_id != 0;
    f->ct_load = s->ct_id ? ct_load(c, s->ct_id, NULL, 0) : 0;
    f->ct_term_running = s->ct_id && ct_term_running(c, s->ct_id, f->today);
    f->plan_months = s->plan_months;
    f->par_min_plan_months = f->elig_settings.par_min_plan_months;
    f->cycle_min_months = program_setting_int(c, "cycle_min_months");
    f->cycle_max_months = program_setting_int(c, "cycle_max_months");
    f->cycle_start = (t->needs & NEED_TIMELINE) ? in->cycle_start : k->cycle_start;
    f->cycle_end = (t->needs & NEED_TIMELINE) ? in->cycle_end : k->cycle_end;
    return APP_OK;
}

static int64_t person_by_email(struct ctx *c, const char *email)
{
    int64_t id = 0;
    db_int_query(c->db, &id, "SELECT id FROM person WHERE email = ? AND program_id = ?", "si",
                 email, c->who.program_id);
    return id;
}

/* --- writing a step --- */

static const char *person_name(struct ctx *c, int64_t id)
{
    db_stmt *st = db_query(c->db, "SELECT name FROM person WHERE id = ?", "i", id);
    const char *name = "";
    if (st && db_step(st) == DB_ROW)
        name = db_text_copy(st, 0, c->a);
    if (st)
        db_done(st);
    return name;
}

/* "Scheduled ...: 2026-09-14 15:30 at Room 12, with Dana Whitfield." */
/* for_mail: only what may go by e-mail: no track, plan or reason. */
static const char *step_summary(struct ctx *c, const struct step_def *t,
                                const struct case_record *k, const struct step *s, bool for_mail)
{
    buf b;
    buf_init(&b, c->a);
    buf_puts(&b, t->label);
    if (t->needs & NEED_MEETING)
        buf_printf(&b, ": %s at %s", s->at, s->place);
    if (t->needs & NEED_CT)
        buf_printf(&b, ", with %s", person_name(c, s->ct_id));
    if (t->needs & NEED_UNION_REP)
        buf_printf(&b, ", with %s (union representative)", person_name(c, s->union_rep_id));
    if (for_mail)
        return buf_cstr(&b);
    if (t->needs & NEED_TRACK)
        buf_printf(&b, ": %s (checked with: %s)", case_track_label(s->track), s->facts);
    if (t->needs & NEED_TIMELINE)
        buf_printf(&b, ": from %s to %s, %s plan of %d months", k->cycle_start, k->cycle_end,
                   plan_type_label(s->plan_type), s->plan_months);
    if (t->needs & NEED_SIGNATURE)
        buf_printf(&b, ": signed by %s as %s", c->who.name ? c->who.name : "",
                   (k->relations & REL(WHO_CASE_TEACHER)) ? "the teacher"
                                                         : "the union representative");
    if (t->needs & NEED_REASON)
        buf_printf(&b, ". Reason: %s", s->reason);
    return buf_cstr(&b);
}

/* Whether the case waits for its initial meeting (review: its agreement
 * review): a case withdrawn then cancels that meeting. */
static bool meeting_waiting(const struct case_record *k, bool review)
{
    return k->state == (review ? CASE_REVIEW_SCHEDULED : CASE_MEETING_SCHEDULED);
}

/* The meeting whose invitations a step sends: the one it schedules or
 * moves, or the one withdrawing the case cancels (false: none). */
static bool step_meeting(const struct step_def *t, const struct case_record *k,
                         struct invitation_event *e)
{
    bool review = (t->needs & NEED_UNION_REP) || meeting_waiting(k, true);
    *e = (struct invitation_event){review ? INVITE_AGREEMENT_REVIEW : INVITE_INITIAL_MEETING,
                                   k->id, 0};
    return (t->needs & NEED_MEETING) ||
           (t->to == CASE_WITHDRAWN && (meeting_waiting(k, false) || meeting_waiting(k, true)));
}

/* What the step records, by what it asked for. */
static int step_write(struct ctx *c, const struct step_def *t, const struct case_record *k,
                      const struct step *s)
{
    int64_t now = app_now(c), id = k->id;
    int rc = DB_OK;
    bool review = t->needs & NEED_UNION_REP;
    /* Scheduled again, the meeting's SEQUENCE goes up: calendars take the
     * new time (RFC 5545). */
    if ((t->needs & NEED_MEETING) && !review)
        rc = db_exec(c->db, "UPDATE teacher_case SET meeting_at = ?, meeting_place = ?, "
                            "meeting_sequence = meeting_sequence + CASE WHEN meeting_at = '' "
                            "THEN 0 ELSE 1 END WHERE id = ?",
                     "ssi", s->at, s->place, id);
    if (rc == DB_OK && review)
        rc = db_exec(c->db, "UPDATE teacher_case SET review_at = ?, review_place = ?, "
                            "review_sequence = review_sequence + CASE WHEN review_at = '' "
                            "THEN 0 ELSE 1 END, union_rep_id = ? WHERE id = ?",
                     "ssii", s->at, s->place, s->union_rep_id, id);
    if (rc == DB_OK && (t->needs & NEED_CT))
        rc = db_exec(c->db, "UPDATE teacher_case SET ct_id = ? WHERE id = ?", "ii", s->ct_id, id);
    if (rc == DB_OK && (t->needs & NEED_TRACK))
        rc = db_exec(c->db, "UPDATE teacher_case SET track = ?, facts = ? WHERE id = ?", "ssi",
                     case_track_key(s->track), s->facts, id);
    if (rc == DB_OK && (t->needs & NEED_TIMELINE))
        rc = db_exec(c->db, "UPDATE teacher_case SET cycle_start = ?, cycle_end = ?, "
                            "plan_type = ?, plan_months = ?, timeline_by = ?, timeline_at = ? "
                            "WHERE id = ?",
                     "sssdsii", k->cycle_start, k->cycle_end, plan_type_key(s->plan_type),
                     s->plan_months,
                     c->who.person_id ? arena_printf(c->a, "%" PRId64, c->who.person_id) : NULL,
                     now, id);
    if (rc == DB_OK && (t->needs & NEED_SIGNATURE))
        rc = (k->relations & REL(WHO_CASE_TEACHER))
                 ? db_exec(c->db, "UPDATE teacher_case SET teacher_signed_at = ? WHERE id = ?",
                           "ii", now, id)
                 : db_exec(c->db, "UPDATE teacher_case SET rep_signed_at = ?, rep_signed_by = ? "
                                  "WHERE id = ?",
                           "iii", now, c->who.person_id, id);
    bool meeting_off = meeting_waiting(k, false), review_off = meeting_waiting(k, true);
    if (rc == DB_OK && t->to == CASE_WITHDRAWN)
        rc = db_exec(c->db, "UPDATE teacher_case SET withdrawn_reason = ?, meeting_cancelled = ?, "
                            "meeting_sequence = meeting_sequence + ?, review_cancelled = ?, "
                            "review_sequence = review_sequence + ? WHERE id = ?",
                     "sddddi", s->reason, meeting_off, meeting_off, review_off, review_off, id);
    return rc;
}

/* Moves the case (optimistic: the version it was loaded at). */
static enum app_status step_move(struct ctx *c, const struct case_record *k, enum case_state to)
{
    int rc = db_exec(c->db,
                     "UPDATE teacher_case SET state = ?, updated_at = ?, version = version + 1 "
                     "WHERE id = ? AND version = ?",
                     "siii", case_state_key(to), app_now(c), k->id, k->version);
    return app_changed_one(c, rc);
}

static enum app_status step_record(struct ctx *c, const struct step_def *t,
                                   struct case_record *k, const struct step *s,
                                   const struct case_facts *f)
{
    struct case_facts after = *f;
    if (t->needs & NEED_SIGNATURE) {
        after.teacher_signed |= (k->relations & REL(WHO_CASE_TEACHER)) != 0;
        after.rep_signed |= (k->relations & REL(WHO_CASE_UNION_REP)) != 0;
    }
    enum case_state from = k->state, to = workflow_target(t, &after);
    struct invitation_event meeting;
    struct invitation before;
    bool invites = step_meeting(t, k, &meeting), had = false;
    enum app_status st = invites ? invitation_before(c, &meeting, &before, &had) : APP_OK;
    if (st != APP_OK || (st = step_move(c, k, to)) != APP_OK)
        return st;
    if ((st = app_db_status(step_write(c, t, k, s))) != APP_OK)
        return st;
    const char *summary = step_summary(c, t, k, s, false);
    if ((st = case_event_add(c, k->id, t->key, from, to, summary, "")) != APP_OK)
        return st;
    /* R16: a step's notes are as private as the coaching log: their own
     * event, which an evaluator of a PA case never sees; no inbox. */
    if (s->notes && (st = case_event_add(c, k->id, t->key, to, to,
                                         arena_printf(c->a, "%s. Notes: %s", t->label, s->notes),
                                         policy_part_key(KIND_COACHING))) != APP_OK)
        return st;
    if ((st = audit_append(c, t->key, "case", k->id, k->teacher_id,
                           arena_printf(c->a, "Case of %s: %s%s%s", k->teacher_name, summary,
                                        s->notes ? ". Notes: " : "", s->notes ? s->notes : ""))) !=
        APP_OK)
        return st;
    /* Its inquiry follows the case's end (withdrawn, the cycle closed). */
    if (case_states[from].active && !case_states[to].active &&
        (st = inquiry_follow_case(c, k->inquiry_id, to, k->track, s->reason)) != APP_OK)
        return st;
    /* The people told are those of the case as it is now (a CT or union
     * rep chosen by this step is told too). */
    if (t->needs & NEED_CT)
        k->ct_id = s->ct_id;
    if (t->needs & NEED_UNION_REP)
        k->union_rep_id = s->union_rep_id;
    if (invites && (st = invitation_send(c, &meeting, had ? &before : NULL)) != APP_OK)
        return st;
    if (to == CASE_WITHDRAWN && (st = meetings_case_withdrawn(c, k)) != APP_OK)
        return st;
    return case_tell(c, k, t->notify, summary, step_summary(c, t, k, s, true));
}

static enum app_status step_find(struct ctx *c, const struct case_record *k,
                                 const struct case_input *in, const struct step_def **t,
                                 struct errors *errs)
{
    if (!in->to || !*in->to) {
        errors_add(errs, "to", "Choose the step to take.");
        return APP_INVALID;
    }
    *t = workflow_resolve(in->to, k->state);
    if (!*t || (*t)->from[0] == CASE_NONE) {
        errors_add(errs, "to", arena_printf(c->a, "There is no step \"%s\" in the case's "
                                                  "process (see /help/workflow).", in->to));
        return APP_INVALID;
    }
    return APP_OK;
}

enum app_status case_fire(struct ctx *c, int64_t id, const struct case_input *in,
                          struct errors *errs, const char **refusal)
{
    struct case_record k;
    enum app_status s = case_load(c, id, &k);
    if (s == APP_OK)
        s = app_authorize(c, ACT_EDIT, KIND_CASE, CASE_POLICY(&k));
    const struct step_def *t = NULL;
    struct case_facts f;
    if (s != APP_OK || (s = step_find(c, &k, in, &t, errs)) != APP_OK ||
        (s = case_facts_load(c, &k, &f)) != APP_OK)
        return s;
    /* Whether the step is the asker's to take now, before what they typed
     * is read; then the guards about what they typed. */
    if ((s = process_allows(c, t->key, &f, k.relations, false, errs, refusal)) != APP_OK)
        return s;
    struct step step;
    struct eligibility_facts elig = {0};
    check_input(c, t, in, &step, &elig, errs);
    if (errs->n)
        return APP_INVALID;
    if ((s = facts_gather(c, t, &k, &step, in, &elig, &f)) != APP_OK ||
        (s = process_allows(c, t->key, &f, k.relations, true, errs, refusal)) != APP_OK)
        return s;
    if (t->needs & NEED_TIMELINE) {
        k.cycle_start = in->cycle_start;   /* the new dates, for the write */
        k.cycle_end = in->cycle_end;
    }
    return step_record(c, t, &k, &step, &f);
}

/* --- opening a case (R8, R10) --- */

struct inquiry_row {
    int64_t school_id, facts_at, person_id, handler_id;
    const char *name, *email, *status, *reference, *job, *confirmation;
    int district_year;
    bool union_member, full_time;
};

static bool inquiry_load(struct ctx *c, int64_t id, struct inquiry_row *q)
{
    db_stmt *st = db_query(c->db,
                           "SELECT COALESCE(school_id, 0), facts_at, COALESCE(person_id, 0), name, "
                           "email, status, reference, job_type, district_year, union_member, "
                           "full_time, COALESCE(handler_id, 0), teacher_confirmation FROM inquiry "
                           "WHERE id = ? AND program_id = ?",
                           "ii", id, c->who.program_id);
    bool found = st && db_step(st) == DB_ROW;
    if (found)
        *q = (struct inquiry_row){db_int(st, 0), db_int(st, 1), db_int(st, 2), db_int(st, 11),
                                  db_text_copy(st, 3, c->a), db_text_copy(st, 4, c->a), db_text_copy(st, 5, c->a), db_text_copy(st, 6, c->a),
                                  db_text_copy(st, 7, c->a), db_text_copy(st, 12, c->a),
                                  (int)db_int(st, 8), db_int(st, 9) != 0, db_int(st, 10) != 0};
    if (st)
        db_done(st);
    return found;
}

/* The inquiry's sender as a person with the participating_teacher role:
 * matched by email, else added (with the facts the coordinator confirmed). */
static enum app_status teacher_person(struct ctx *c, const struct inquiry_row *q, int64_t *pid,
                                      struct errors *errs)
{
    *pid = q->person_id ? q->person_id : person_by_email(c, q->email);
    enum app_status s = APP_OK;
    if (!*pid) {
        bool facts = q->facts_at != 0;
        struct person_input in = {
            .name = q->name, .email = q->email, .employee_id = "",
            .school_id = q->school_id ? arena_printf(c->a, "%" PRId64, q->school_id) : "",
            .union_member = facts && q->union_member ? "yes" : "no",
            .full_time = !facts || q->full_time ? "yes" : "no",
            /* R1: recorded as a first year until the facts are confirmed */
            .district_year = arena_printf(c->a, "%d", facts ? q->district_year : 1),
            .job_type = facts && *q->job ? q->job : "classroom_teacher",
        };
        s = person_create(c, &in, pid, errs);
    }
    if (s != APP_OK || person_has_role(c, *pid, "participating_teacher"))
        return s;
    int64_t role_id;
    return role_add(c, *pid, &(struct role_input){.role = "participating_teacher"}, &role_id,
                    errs);
}

enum app_status case_open(struct ctx *c, int64_t inquiry_id, int64_t *id, struct errors *errs,
                          const char **refusal)
{
    enum app_status s = app_authorize(c, ACT_CREATE, KIND_CASE, NULL);
    const struct step_def *t = workflow_find("open");
    if (s != APP_OK || !workflow_may_fire(t, c->who.roles, 0)) {
        *refusal = t->who_refusal;
        return APP_FORBIDDEN;
    }
    struct inquiry_row q;
    int64_t taken = 0;
    bool found = inquiry_id && inquiry_load(c, inquiry_id, &q);
    if (found)
        db_int_query(c->db, &taken, "SELECT id FROM teacher_case WHERE inquiry_id = ?", "i",
                     inquiry_id);
    if (!found) {
        errors_add(errs, "inquiry_id", "Choose an inquiry from the list.");
        return APP_INVALID;
    }
    enum inquiry_status status;
    enum teacher_confirmation tc;
    if (!inquiry_status_parse(q.status, &status))
        status = INQUIRY_CLOSED;
    if (!teacher_confirmation_parse(q.confirmation, &tc))
        tc = CONFIRMATION_AWAITING;
    struct case_facts f;
    inquiry_facts_load(c, q.person_id ? q.person_id : person_by_email(c, q.email), &f);
    inquiry_open_facts(status, taken != 0, tc, &f);
    if ((s = process_allows(c, t->key, &f, 0, true, errs, refusal)) != APP_OK)
        return s;
    int64_t teacher;
    if ((s = teacher_person(c, &q, &teacher, errs)) != APP_OK)
        return s;
    int64_t now = app_now(c);
    int rc = db_int_query(c->db, id,
                          "INSERT INTO teacher_case (program_id, inquiry_id, teacher_id, state, "
                          "handler_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                          "RETURNING id",
                          "iiissii", c->who.program_id, inquiry_id, teacher,
                          case_state_key(t->to),
                          q.handler_id ? arena_printf(c->a, "%" PRId64, q.handler_id) : NULL, now,
                          now);
    if (rc == DB_OK)
        rc = db_exec(c->db, "UPDATE inquiry SET person_id = ?, status = CASE WHEN status = 'new' "
                            "THEN 'in_progress' ELSE status END, updated_at = ?, "
                            "version = version + 1 WHERE id = ?",
                     "iii", teacher, now, inquiry_id);
    if (rc != DB_OK)
        return app_db_status(rc);
    struct case_record k;
    if ((s = case_load(c, *id, &k)) != APP_OK)
        return s;
    const char *summary = arena_printf(c->a, "%s %s", t->label, q.reference);
    if ((s = case_event_add(c, *id, t->key, CASE_NONE, t->to, summary, "")) != APP_OK ||
        (s = audit_append(
             c, "create", "case", *id, teacher,
             arena_printf(c->a, "Opened the case of %s from %s", q.name, q.reference))) != APP_OK)
        return s;
    return case_tell(c, &k, t->notify, summary, NULL);
}

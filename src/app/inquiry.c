/* inquiry.c: the contact form's inquiries and the intake queue. */
#include "app/inquiry.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/log.h"

#define RATE_WINDOW 3600        /* contact_per_hour counts this many seconds back */
#define NOTES_MAX 200

/* --- the public form --- */

static bool school_exists(struct ctx *c, int64_t school_id)
{
    int64_t found = 0;
    db_int_query(c->db, &found, "SELECT id FROM school WHERE id = ? AND program_id = ?", "ii",
                 school_id, c->who.program_id);
    return found != 0;
}

/* The next reference of this year, "INQ-2026-0042": the year in the
 * program's zone and the count of that year's inquiries, plus one.
 * Inquiries are never deleted, so the count only grows. */
static enum app_status next_reference(struct ctx *c, char *out, size_t n)
{
    int year = atoi(clock_date(c->a, app_now(c)));
    char prefix[16];
    inquiry_reference(prefix, sizeof prefix, year, 0);
    prefix[9] = '\0';                                  /* "INQ-2026-" */
    int64_t count = 0;
    if (db_int_query(c->db, &count,
                     "SELECT COUNT(*) FROM inquiry WHERE program_id = ? AND reference LIKE ?", "is",
                     c->who.program_id, arena_printf(c->a, "%s%%", prefix)) != DB_OK)
        return APP_ERROR;
    inquiry_reference(out, n, year, count + 1);
    return APP_OK;
}

/* Against spam, counted in the database so every node sees the same
 * count: at most contact_per_hour inquiries from one address in an hour
 * (0: no limit). On refusal, when the oldest one leaves the window. */
static enum app_status rate_check(struct ctx *c, struct inquiry_receipt *out)
{
    out->limit = program_setting_int(c, "contact_per_hour");
    int64_t since = app_now(c) - RATE_WINDOW, count = 0, oldest = 0;
    if (out->limit <= 0)
        return APP_OK;
    const char *addr = c->address ? c->address : "";
    if (db_int_query(c->db, &count,
                     "SELECT COUNT(*) FROM inquiry WHERE address = ? AND created_at > ?", "si",
                     addr, since) != DB_OK ||
        db_int_query(c->db, &oldest,
                     "SELECT COALESCE(MIN(created_at), 0) FROM inquiry WHERE address = ? AND "
                     "created_at > ?", "si", addr, since) != DB_OK)
        return APP_ERROR;
    if (count < out->limit)
        return APP_OK;
    out->retry_at = oldest + RATE_WINDOW;
    return APP_THROTTLED;
}

static const char *school_param(struct ctx *c, int64_t school_id)
{
    return school_id ? arena_printf(c->a, "%" PRId64, school_id) : NULL;
}

static int inquiry_insert(struct ctx *c, const struct inquiry_fields *f, const char *reference,
                          int64_t *id)
{
    int64_t now = app_now(c);
    return db_int_query(c->db, id,
                        "INSERT INTO inquiry (program_id, reference, name, email, school_id, "
                        "school_other, contact_by, phone, interest, message, address, created_at, "
                        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        "issssssssssii", c->who.program_id, reference, f->name, f->email,
                        school_param(c, f->school_id), f->school_other,
                        contact_by_key(f->contact_by), f->phone, interest_key(f->interest),
                        f->message, c->address ? c->address : "", now, now);
}

/* Two senders in the same instant (two nodes) may count the same number;
 * the reference is UNIQUE, so the loser takes the next one. A savepoint
 * keeps PostgreSQL's transaction usable after the failed statement. */
static enum app_status inquiry_store(struct ctx *c, const struct inquiry_fields *f,
                                     struct inquiry_receipt *out, int64_t *id)
{
    for (int attempt = 0; attempt < 5; attempt++) {
        if (next_reference(c, out->reference, sizeof out->reference) != APP_OK)
            return APP_ERROR;
        bool sp = db_in_transaction(c->db) && db_exec(c->db, "SAVEPOINT inquiry_ref", "") == DB_OK;
        int rc = inquiry_insert(c, f, out->reference, id);
        if (sp && rc == DB_CONSTRAINT)
            db_exec(c->db, "ROLLBACK TO inquiry_ref", "");
        if (sp)
            db_exec(c->db, "RELEASE inquiry_ref", "");
        if (rc != DB_CONSTRAINT)
            return app_db_status(rc);
    }
    return APP_BUSY;
}

enum app_status inquiry_submit(struct ctx *c, const struct inquiry_input *in, bool honeypot,
                               struct inquiry_receipt *out, struct errors *errs)
{
    memset(out, 0, sizeof *out);
    /* A filled honeypot is a robot: it gets the same confirmation as a
     * person, with a plausible reference, so it learns nothing; nothing is
     * stored or audited. */
    if (honeypot) {
        log_info("contact form: honeypot filled from %s; nothing stored", c->address);
        return next_reference(c, out->reference, sizeof out->reference);
    }
    struct inquiry_fields f;
    inquiry_check(in, &f, errs);
    if (f.school_id && !school_exists(c, f.school_id))
        errors_add(errs, "school_id", "Choose your school, or \"My school is not listed\".");
    if (errs->n)
        return APP_INVALID;
    enum app_status s = rate_check(c, out);
    int64_t id = 0;
    if (s == APP_OK)
        s = inquiry_store(c, &f, out, &id);
    if (s != APP_OK)
        return s;
    /* R38: the sender has no account; audit.c names them "visitor" and
     * records their address. */
    return audit_append(c, "create", "inquiry", id, 0,
                        arena_printf(c->a, "Received inquiry %s (%s) from the contact form",
                                     out->reference, interest_key(f.interest)));
}

/* --- reading --- */

static int64_t page_offset(struct page_of *pg)
{
    if (pg->per_page < 1 || pg->per_page > 200)
        pg->per_page = 25;
    if (pg->page < 1 || pg->page > 100000)
        pg->page = 1;
    return (int64_t)(pg->page - 1) * pg->per_page;
}

#define INQUIRY_COLUMNS                                                                    \
    "SELECT q.id, q.version, q.created_at, q.updated_at, COALESCE(q.school_id, 0), "       \
    "COALESCE(q.handler_id, 0), COALESCE(q.person_id, 0), q.reference, q.name, q.email, "  \
    "COALESCE(s.name, ''), q.school_other, q.phone, q.message, q.close_reason, "           \
    "COALESCE(h.name, ''), q.contact_by, q.interest, q.status, q.facts_at, "               \
    "COALESCE(fb.name, ''), q.district_year, q.plan_type, q.plan_months, q.rating, "       \
    "q.union_member, q.full_time, q.job_type FROM inquiry q "                              \
    "LEFT JOIN school s ON s.id = q.school_id LEFT JOIN person h ON h.id = q.handler_id "  \
    "LEFT JOIN person fb ON fb.id = q.facts_by "

static void facts_from_row(db_stmt *st, int col, struct eligibility_facts *f)
{
    f->district_year = (int)db_int(st, col);
    if (!plan_type_parse(db_text(st, col + 1), &f->plan))
        f->plan = PLAN_SELF_DIRECTED;
    f->plan_months = (int)db_int(st, col + 2);
    if (!rating_parse(db_text(st, col + 3), &f->rating))
        f->rating = RATING_NONE;
    f->union_member = db_int(st, col + 4) != 0;
    f->full_time = db_int(st, col + 5) != 0;
    if (!job_type_parse(db_text(st, col + 6), &f->job))
        f->job = JOB_OTHER;
}

static void inquiry_row(struct ctx *c, db_stmt *st, struct inquiry *q)
{
    memset(q, 0, sizeof *q);
    q->id = db_int(st, 0);
    q->version = db_int(st, 1);
    q->created_at = db_int(st, 2);
    q->updated_at = db_int(st, 3);
    q->school_id = db_int(st, 4);
    q->handler_id = db_int(st, 5);
    q->person_id = db_int(st, 6);
    q->reference = db_text_copy(st, 7, c->a);
    q->name = db_text_copy(st, 8, c->a);
    q->email = db_text_copy(st, 9, c->a);
    q->school_name = db_text_copy(st, 10, c->a);
    q->school_other = db_text_copy(st, 11, c->a);
    q->phone = db_text_copy(st, 12, c->a);
    q->message = db_text_copy(st, 13, c->a);
    q->close_reason = db_text_copy(st, 14, c->a);
    q->handler_name = db_text_copy(st, 15, c->a);
    if (!contact_by_parse(db_text(st, 16), &q->contact_by))
        q->contact_by = CONTACT_EMAIL;
    if (!interest_parse(db_text(st, 17), &q->interest))
        q->interest = INTEREST_QUESTION;
    if (!inquiry_status_parse(db_text(st, 18), &q->status))
        q->status = INQUIRY_NEW;
    q->facts_at = db_int(st, 19);
    q->facts_by_name = db_text_copy(st, 20, c->a);
    facts_from_row(st, 21, &q->facts);
}

/* The coordinator sees every inquiry; others (the policy's list rule lets
 * CTs in) only those assigned to them. The policy decides which: may this
 * person see an inquiry that is not theirs? */
static bool sees_all(struct ctx *c)
{
    struct policy_record rec = {.known = true};
    return app_authorize(c, ACT_VIEW, KIND_INQUIRY, &rec) == APP_OK;
}

#define INQUIRY_FILTER                                                                     \
    "WHERE q.program_id = ? AND (? = '' OR q.name LIKE ? ESCAPE '\\' "                     \
    "OR q.email LIKE ? ESCAPE '\\' OR q.reference LIKE ? ESCAPE '\\') "                    \
    "AND (? = '' OR q.status = ? OR (? = 'open' AND q.status <> 'closed')) "               \
    "AND (? = '' OR q.interest = ?) AND (? = 0 OR q.handler_id = ?) "                      \
    "AND (? = 0 OR q.handler_id IS NULL) "

struct filter_params {
    const char *q, *like, *status, *interest;
    int64_t handler, unassigned;
};

static bool filter_params(struct ctx *c, const struct inquiry_filter *f, struct filter_params *p,
                          struct errors *errs)
{
    enum inquiry_status st;
    enum interest in;
    *p = (struct filter_params){.q = f->q ? f->q : "", .status = f->status ? f->status : "",
                                .interest = f->interest ? f->interest : ""};
    p->like = like_pattern(c->a, p->q);
    if (*p->status && strcmp(p->status, "open") && !inquiry_status_parse(p->status, &st))
        errors_add(errs, "status", "status must be new, in_progress, closed or open");
    if (*p->interest && !interest_parse(p->interest, &in))
        errors_add(errs, "interest", "interest must be pa, par, consultancy or question");
    const char *h = f->handler ? f->handler : "";
    if (strcmp(h, "none") == 0)
        p->unassigned = 1;
    else if (*h && !(p->handler = parse_id(h)))
        errors_add(errs, "handler", "handler must be a person's id or none");
    if (!sees_all(c)) {
        p->handler = c->who.person_id;      /* a CT's own queue */
        p->unassigned = 0;
    }
    return errs->n == 0;
}

enum app_status inquiries_list(struct ctx *c, const struct inquiry_filter *f, struct page_of *pg,
                               struct inquiry **out, int *n, struct errors *errs)
{
    enum app_status s = app_authorize(c, ACT_LIST, KIND_INQUIRY, NULL);
    if (s != APP_OK)
        return s;
    struct filter_params p;
    if (!filter_params(c, f, &p, errs))
        return APP_INVALID;
    int64_t offset = page_offset(pg);
#define FILTER_ARGS c->who.program_id, p.q, p.like, p.like, p.like, p.status, p.status, p.status, \
                    p.interest, p.interest, p.handler, p.handler, p.unassigned
    if (db_int_query(c->db, &pg->total, "SELECT COUNT(*) FROM inquiry q " INQUIRY_FILTER,
                     "isssssssssiii", FILTER_ARGS) != DB_OK)
        return APP_ERROR;
    /* A queue: the open ones first, the longest waiting at the top. */
    db_stmt *st = db_query(c->db, INQUIRY_COLUMNS INQUIRY_FILTER
                           "ORDER BY CASE q.status WHEN 'new' THEN 0 WHEN 'in_progress' THEN 1 "
                           "ELSE 2 END, q.created_at, q.id LIMIT ? OFFSET ?",
                           "isssssssssiiidi", FILTER_ARGS, pg->per_page, offset);
#undef FILTER_ARGS
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)pg->per_page);
    *n = 0;
    while (*n < pg->per_page && db_step(st) == DB_ROW)
        inquiry_row(c, st, &(*out)[(*n)++]);
    db_done(st);
    return APP_OK;
}

static enum app_status notes_load(struct ctx *c, struct inquiry *q)
{
    db_stmt *st = db_query(c->db,
                           "SELECT n.id, n.created_at, COALESCE(p.name, 'command line'), n.body "
                           "FROM inquiry_note n LEFT JOIN person p ON p.id = n.author_id "
                           "WHERE n.inquiry_id = ? ORDER BY n.id LIMIT ?",
                           "id", q->id, NOTES_MAX);
    if (!st)
        return APP_ERROR;
    q->notes = arena_alloc(c->a, sizeof *q->notes * NOTES_MAX);
    while (q->nnotes < NOTES_MAX && db_step(st) == DB_ROW) {
        struct inquiry_note *note = &q->notes[q->nnotes++];
        note->id = db_int(st, 0);
        note->at = db_int(st, 1);
        note->author = db_text_copy(st, 2, c->a);
        note->body = db_text_copy(st, 3, c->a);
    }
    db_done(st);
    return APP_OK;
}

/* Loads and authorises: existence is private (a stranger gets 404). */
static enum app_status inquiry_load(struct ctx *c, int64_t id, enum action act, struct inquiry *q)
{
    db_stmt *st = db_query(c->db, INQUIRY_COLUMNS "WHERE q.id = ? AND q.program_id = ?", "ii", id,
                           c->who.program_id);
    if (!st)
        return APP_ERROR;
    bool found = db_step(st) == DB_ROW;
    if (found)
        inquiry_row(c, st, q);
    db_done(st);
    if (!found)
        return APP_NOT_FOUND;
    struct policy_record rec = {.known = true,
                                .assigned = q->handler_id && q->handler_id == c->who.person_id};
    return app_authorize(c, act, KIND_INQUIRY, &rec);
}

enum app_status inquiry_get(struct ctx *c, int64_t id, struct inquiry *out)
{
    enum app_status s = inquiry_load(c, id, ACT_VIEW, out);
    if (s == APP_OK)
        s = notes_load(c, out);
    /* R38: who asked the program for help is confidential; a look is
     * audited, unless this request is changing it (audited as the change). */
    if (s != APP_OK || db_in_transaction(c->db))
        return s;
    return audit_append(c, "read", "inquiry", id, out->person_id,
                        arena_printf(c->a, "Viewed inquiry %s", out->reference));
}

/* --- working an inquiry --- */

enum app_status inquiry_handlers(struct ctx *c, struct inquiry_handler **out, int *n)
{
    int64_t count = 0;
    const char *from = "FROM person p JOIN person_role r ON r.person_id = p.id WHERE p.program_id = ? "
                       "AND p.active = 1 AND r.role IN ('coordinator', 'consulting_teacher')";
    if (db_int_query(c->db, &count, arena_printf(c->a, "SELECT COUNT(*) %s", from), "i",
                     c->who.program_id) != DB_OK)
        return APP_ERROR;
    db_stmt *st = db_query(c->db,
                           arena_printf(c->a, "SELECT p.id, p.name, r.role %s ORDER BY r.role, "
                                              "p.name, p.id", from),
                           "i", c->who.program_id);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)(count ? count : 1));
    *n = 0;
    enum role role;
    while (*n < count && db_step(st) == DB_ROW) {
        struct inquiry_handler *h = &(*out)[(*n)++];
        h->id = db_int(st, 0);
        h->name = db_text_copy(st, 1, c->a);
        h->role = role_parse(db_text(st, 2), &role) ? role_label(role) : "";
    }
    db_done(st);
    return APP_OK;
}

/* A handler is one of the program's coordinators or CTs; *name gets theirs. */
static bool handler_valid(struct ctx *c, int64_t id, const char **name)
{
    struct inquiry_handler *hs;
    int n;
    if (inquiry_handlers(c, &hs, &n) != APP_OK)
        return false;
    for (int i = 0; i < n; i++)
        if (hs[i].id == id) {
            *name = hs[i].name;
            return true;
        }
    return false;
}

/* The checked change, with the sentence the audit log keeps. */
struct checked_change {
    int64_t handler_id;
    enum inquiry_status status;
    const char *reason;
    buf summary;
};

static void check_handler(struct ctx *c, const struct inquiry *q, const char *v,
                          struct checked_change *out, struct errors *errs)
{
    const char *name = "nobody";
    out->handler_id = *v ? parse_id(v) : 0;
    if (*v && (!out->handler_id || !handler_valid(c, out->handler_id, &name))) {
        errors_add(errs, "handler_id", "Choose the coordinator or a Consulting Teacher from the list.");
        return;
    }
    if (out->handler_id != q->handler_id)
        buf_printf(&out->summary, "%sassigned it to %s", out->summary.len ? "; " : "", name);
}

static void check_status(const struct inquiry *q, const struct inquiry_change *ch,
                         struct checked_change *out, struct errors *errs)
{
    const char *status = ch->status ? ch->status : inquiry_status_key(q->status);
    const char *reason = ch->close_reason ? ch->close_reason
                         : ch->status && strcmp(ch->status, "closed") ? "" : q->close_reason;
    if (!inquiry_status_check(status, reason, &out->status, errs))
        return;
    out->reason = reason;
    if (out->status != q->status || strcmp(reason, q->close_reason))
        buf_printf(&out->summary, "%smarked it %s%s%s", out->summary.len ? "; " : "",
                   inquiry_status_label(out->status), *reason ? ": " : "", reason);
}

enum app_status inquiry_update(struct ctx *c, int64_t id, int64_t version,
                               const struct inquiry_change *ch, struct errors *errs)
{
    struct inquiry q;
    enum app_status s = inquiry_load(c, id, ACT_EDIT, &q);
    /* Only the coordinator assigns: a CT works what they are given. */
    if (s == APP_OK && ch->handler_id)
        s = app_authorize(c, ACT_ASSIGN, KIND_INQUIRY, NULL);
    if (s != APP_OK)
        return s;
    if (q.version != version)
        return APP_CONFLICT;
    struct checked_change cc = {.handler_id = q.handler_id};
    buf_init(&cc.summary, c->a);
    if (ch->handler_id)
        check_handler(c, &q, ch->handler_id, &cc, errs);
    check_status(&q, ch, &cc, errs);
    if (errs->n)
        return APP_INVALID;
    if (!cc.summary.len)
        return APP_OK;                        /* nothing changed: nothing to write */
    int rc = db_exec(c->db,
                     "UPDATE inquiry SET handler_id = ?, status = ?, close_reason = ?, "
                     "updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                     "sssiii", cc.handler_id ? arena_printf(c->a, "%" PRId64, cc.handler_id) : NULL,
                     inquiry_status_key(cc.status), cc.reason, app_now(c), id, version);
    if (rc != DB_OK)
        return app_db_status(rc);
    if (db_changes(c->db) != 1)
        return APP_CONFLICT;
    return audit_append(c, "update", "inquiry", id, q.person_id,
                        arena_printf(c->a, "Inquiry %s: %s", q.reference, buf_cstr(&cc.summary)));
}

enum app_status inquiry_note_add(struct ctx *c, int64_t id, const char *body, struct errors *errs)
{
    struct inquiry q;
    enum app_status s = inquiry_load(c, id, ACT_EDIT, &q);
    if (s != APP_OK)
        return s;
    body = body ? body : "";
    if (!*body)
        errors_add(errs, "body", "Write the note first.");
    else if (strlen(body) > 8000)
        errors_add(errs, "body", "Keep a note to at most 8,000 characters.");
    if (errs->n)
        return APP_INVALID;
    int64_t note_id = 0;
    int rc = db_int_query(c->db, &note_id,
                          "INSERT INTO inquiry_note (inquiry_id, author_id, body, created_at) "
                          "VALUES (?, ?, ?, ?) RETURNING id",
                          "issi", id,
                          c->who.person_id ? arena_printf(c->a, "%" PRId64, c->who.person_id) : NULL,
                          body, app_now(c));
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, "create", "inquiry_note", note_id, q.person_id,
                        arena_printf(c->a, "Added a note to inquiry %s", q.reference));
}

/* --- eligibility facts (R1-R6) --- */

enum app_status inquiry_facts_confirm(struct ctx *c, int64_t id, int64_t version,
                                      const struct eligibility_answers *in, struct errors *errs)
{
    struct inquiry q;
    enum app_status s = inquiry_load(c, id, ACT_EDIT, &q);
    if (s != APP_OK)
        return s;
    if (q.version != version)
        return APP_CONFLICT;
    struct eligibility_facts f;
    if (!eligibility_facts_parse(in, false, &f, errs))
        return APP_INVALID;
    int64_t now = app_now(c);
    int rc = db_exec(c->db,
                     "UPDATE inquiry SET facts_at = ?, facts_by = ?, district_year = ?, "
                     "plan_type = ?, plan_months = ?, rating = ?, union_member = ?, full_time = ?, "
                     "job_type = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                     "isdsdsddsiii", now,
                     c->who.person_id ? arena_printf(c->a, "%" PRId64, c->who.person_id) : NULL,
                     f.district_year, plan_type_key(f.plan), f.plan_months, rating_key(f.rating),
                     f.union_member, f.full_time, job_type_key(f.job), now, id, version);
    if (rc != DB_OK)
        return app_db_status(rc);
    if (db_changes(c->db) != 1)
        return APP_CONFLICT;
    struct eligibility e;
    q.facts = f;
    q.facts_at = now;
    inquiry_eligibility(c, &q, &e);
    return audit_append(c, "update", "inquiry", id, q.person_id,
                        arena_printf(c->a, "Inquiry %s: confirmed the eligibility facts (PA %s, PAR %s)",
                                     q.reference, e.pa ? "open" : "closed", e.par ? "open" : "closed"));
}

bool inquiry_eligibility(struct ctx *c, const struct inquiry *q, struct eligibility *out)
{
    if (!q->facts_at)
        return false;
    struct eligibility_settings s = {program_setting_int(c, "min_years_experience"),
                                     program_setting_int(c, "par_min_plan_months")};
    eligibility_check(&q->facts, &s, out);
    return true;
}

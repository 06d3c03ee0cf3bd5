/* inquiry.c: the contact form's inquiries and the intake queue. */
#include "app/inquiry.h"

#include "app/process.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/notify.h"
#include "app/outbox.h"
#include "app/process.h"
#include "base/log.h"
#include "domain/workflow.h"

#define RATE_WINDOW 3600        /* contact_per_hour counts this many seconds back */
#define NOTES_MAX 200

/* --- the public form --- */

/* R8: the request is in the name of the person asking (emails are kept
 * lower-case; an account's may not be). */
static bool names_the_asker(const struct ctx *c, const char *email)
{
    return app_signed_in(c) && c->who.email && strcasecmp(c->who.email, email) == 0;
}

/* The next reference of this year, "INQ-2026-0042": the year in the
 * program's zone and the count of that year's inquiries, plus one.
 * Inquiries are never deleted, so the count only grows. */
static enum app_status next_reference(struct ctx *c, char *out, size_t n)
{
    int year = atoi(app_today(c));
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

/* R8: someone signed in who sends the form in another's name (an address
 * not theirs) is not that teacher: the request waits for the teacher. */
static bool sent_for_someone_else(const struct ctx *c, const struct inquiry_fields *f)
{
    return app_signed_in(c) && !names_the_asker(c, f->email);
}

static int inquiry_insert(struct ctx *c, const struct inquiry_fields *f, const char *reference,
                          int64_t *id)
{
    int64_t now = app_now(c);
    bool other = sent_for_someone_else(c, f);
    return db_int_query(c->db, id,
                        "INSERT INTO inquiry (program_id, reference, name, email, school_id, "
                        "school_other, contact_by, phone, interest, message, address, sent_by, "
                        "teacher_confirmation, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
                        "?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        "issssssssssssii", c->who.program_id, reference, f->name, f->email,
                        school_param(c, f->school_id), f->school_other,
                        contact_by_key(f->contact_by), f->phone, interest_key(f->interest),
                        f->message, c->address ? c->address : "",
                        other ? arena_printf(c->a, "%" PRId64, c->who.person_id) : NULL,
                        teacher_confirmation_key(other ? CONFIRMATION_AWAITING
                                                       : CONFIRMATION_NOT_NEEDED),
                        now, now);
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

/* R8: the teacher's word on a request sent in their name, however it came
 * (signed in as themselves; their own contact form; one day a link sent to
 * their address): yes, it may become a case; no, it is closed. Only a
 * request still waiting is answered (else APP_CONFLICT). */
static enum app_status confirmation_write(struct ctx *c, int64_t id, bool yes, const char *how)
{
    const char *reference = "";
    int64_t handler = 0, now = app_now(c);
    db_stmt *st = db_query(c->db, "SELECT reference, COALESCE(handler_id, 0) FROM inquiry WHERE "
                                  "id = ?", "i", id);
    if (st && db_step(st) == DB_ROW) {
        reference = db_text_copy(st, 0, c->a);
        handler = db_int(st, 1);
    }
    if (st)
        db_done(st);
    int rc = db_exec(c->db,
                     "UPDATE inquiry SET teacher_confirmation = ?, confirmed_at = ?, "
                     "status = CASE WHEN ? = 1 THEN status ELSE 'closed' END, "
                     "close_reason = CASE WHEN ? = 1 THEN close_reason ELSE ? END, "
                     "updated_at = ?, version = version + 1 WHERE id = ? AND teacher_confirmation = ?",
                     "siddsiis",
                     teacher_confirmation_key(yes ? CONFIRMATION_CONFIRMED : CONFIRMATION_DECLINED),
                     now, yes ? 1 : 0, yes ? 1 : 0,
                     "The teacher says they did not ask for this request.", now, id,
                     teacher_confirmation_key(CONFIRMATION_AWAITING));
    if (rc != DB_OK)
        return app_db_status(rc);
    if (db_changes(c->db) != 1)
        return APP_CONFLICT;
    const char *what = yes ? "the teacher confirmed it" : "the teacher said they did not ask for it";
    enum app_status s = audit_append(c, "update", "inquiry", id, 0,
                                     arena_printf(c->a, "Inquiry %s: %s, %s", reference, what, how));
    if (s != APP_OK || !handler)
        return s;
    return notify_person(c, handler, 0,
                         arena_printf(c->a, "Inquiry %s: %s.", reference,
                                      yes ? "the teacher confirmed it; it may become a case"
                                          : "the teacher says they did not ask for it; it is "
                                            "closed"),
                         NULL, arena_printf(c->a, "/intake/%" PRId64, id));
}

/* R8: the teacher named in a request someone else sent is told, once, by
 * e-mail whatever they chose, and how to answer: on their dashboard if
 * they have a record in the program (their inbox says so too), else by
 * sending the form themselves. Nothing they did not choose is in it: the
 * interest, never the message. */
static enum app_status tell_the_teacher(struct ctx *c, const struct inquiry_fields *f,
                                        const char *reference)
{
    int64_t teacher = 0;
    db_int_query(c->db, &teacher, "SELECT id FROM person WHERE email = ? AND program_id = ?", "si",
                 f->email, c->who.program_id);
    const char *sender = c->who.name ? c->who.name : "Someone";
    const char *program = program_name_of(c, c->who.program_id);
    const char *how = teacher
        ? "To answer, sign in to Parley: on your dashboard, choose \"Yes, I asked for this\" or "
          "\"This wasn't me\"."
        : "If you asked for it, confirm it by sending the program's contact form yourself. If "
          "you did not, you need do nothing: it never becomes a case without your word.";
    struct mail m = {
        .kind = MAIL_CONFIRMATION, .to_address = f->email,
        .subject = arena_printf(c->a, "A request in your name to %s (%s)", program, reference),
        .text = arena_printf(c->a, "%s, signed in to Parley, sent %s a request in your name "
                                   "(reference %s), about: %s.\n\n%s\n\n%s",
                             sender, program, reference, interest_label(f->interest),
                             inquiry_your_choice_words, how),
        .link = teacher ? "/dashboard#sent-in-your-name" : "/contact/new",
    };
    if (!teacher)
        return outbox_queue(c, &m);
    return notify_person_mailed(c, teacher,
                                arena_printf(c->a, "%s sent the program a request in your name "
                                                   "(%s). Nothing happens unless you confirm "
                                                   "it: say whether you asked for it on your "
                                                   "dashboard.",
                                             sender, reference),
                                &m);
}

/* R10: the teacher's own request is confirmed to the address they gave,
 * with its reference and what happens next; never what they wrote. */
static enum app_status confirm_to_sender(struct ctx *c, const struct inquiry_fields *f,
                                         const char *reference)
{
    const char *program = program_name_of(c, c->who.program_id);
    return outbox_queue(c, &(struct mail){
        .kind = MAIL_CONFIRMATION, .to_address = f->email,
        .subject = arena_printf(c->a, "Your message to %s (%s)", program, reference),
        .text = arena_printf(c->a, "Thank you for writing to %s. Your reference is %s: quote it "
                                   "if you write to us again.\n\n%s\n\n%s\n\nFor your "
                                   "privacy, this e-mail does not repeat what you wrote.",
                             program, reference, inquiry_next_words,
                             inquiry_your_choice_words)});
}

/* R8: a teacher who sends the form themselves stands behind every request
 * someone else sent in their name that still waits for them. */
static enum app_status confirmed_by_own_request(struct ctx *c, const char *email,
                                                const char *reference)
{
    int64_t ids[32];
    int n = 0;
    db_stmt *st = db_query(c->db,
                           "SELECT id FROM inquiry WHERE program_id = ? AND email = ? AND "
                           "teacher_confirmation = ? ORDER BY id LIMIT 32",
                           "iss", c->who.program_id, email,
                           teacher_confirmation_key(CONFIRMATION_AWAITING));
    while (st && db_step(st) == DB_ROW)
        ids[n++] = db_int(st, 0);
    if (st)
        db_done(st);
    enum app_status s = st ? APP_OK : APP_ERROR;
    for (int i = 0; i < n && s == APP_OK; i++)
        s = confirmation_write(c, ids[i], true,
                               arena_printf(c->a, "by sending the contact form themselves (%s)",
                                            reference));
    return s;
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
    if (sent_for_someone_else(c, &f)) {
        s = audit_append(c, "create", "inquiry", id, 0,
                         arena_printf(c->a, "Received inquiry %s (%s) from the contact form, sent "
                                            "in the name of %s: it waits for their confirmation",
                                      out->reference, interest_key(f.interest), f.email));
        return s == APP_OK ? tell_the_teacher(c, &f, out->reference) : s;
    }
    s = audit_append(c, "create", "inquiry", id, 0,
                     arena_printf(c->a, "Received inquiry %s (%s) from the contact form",
                                  out->reference, interest_key(f.interest)));
    if (s == APP_OK)
        s = confirm_to_sender(c, &f, out->reference);
    return s == APP_OK ? confirmed_by_own_request(c, f.email, out->reference) : s;
}

/* --- reading --- */

#define INQUIRY_COLUMNS                                                                    \
    "SELECT q.id, q.version, q.created_at, q.updated_at, COALESCE(q.school_id, 0), "       \
    "COALESCE(q.handler_id, 0), COALESCE(q.person_id, 0), q.reference, q.name, q.email, "  \
    "COALESCE(s.name, ''), q.school_other, q.phone, q.message, q.close_reason, "           \
    "COALESCE(h.name, ''), q.contact_by, q.interest, q.status, q.facts_at, "               \
    "COALESCE(fb.name, ''), q.district_year, q.plan_type, q.plan_months, q.rating, "       \
    "q.union_member, q.full_time, q.job_type, q.teacher_confirmation, "                    \
    "COALESCE(sb.name, ''), q.confirmed_at, "                                              \
    "COALESCE((SELECT MIN(k.id) FROM teacher_case k WHERE k.inquiry_id = q.id), 0) "       \
    "FROM inquiry q "                                                                      \
    "LEFT JOIN school s ON s.id = q.school_id LEFT JOIN person h ON h.id = q.handler_id "  \
    "LEFT JOIN person fb ON fb.id = q.facts_by LEFT JOIN person sb ON sb.id = q.sent_by "

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
    if (!teacher_confirmation_parse(db_text(st, 28), &q->confirmation))
        q->confirmation = CONFIRMATION_AWAITING;
    q->sent_by_name = db_text_copy(st, 29, c->a);
    q->confirmed_at = db_int(st, 30);
    q->case_id = db_int(st, 31);
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
    "AND q.status IN (?, ?, ?) "                                                           \
    "AND (? = '' OR q.interest = ?) AND (? = 0 OR q.handler_id = ?) "                      \
    "AND (? = 0 OR q.handler_id IS NULL) "

struct filter_params {
    const char *q, *like, *status, *interest;
    /* The statuses asked for, as three values of one IN term, which the
     * queue's (program, status) index serves: "open" is the first two, ""
     * all three. Before, a term of ORs kept SQLite off that index and it
     * read every inquiry, each case having begun as one (issue 19). */
    const char *statuses[3];
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
    const char *open = inquiry_status_key(INQUIRY_NEW), *going = inquiry_status_key(INQUIRY_IN_PROGRESS);
    const char *all[3] = {open, going, inquiry_status_key(INQUIRY_CLOSED)};
    const char *open_ones[3] = {open, going, going};
    for (int i = 0; i < 3; i++)
        p->statuses[i] = !*p->status                  ? all[i]
                         : !strcmp(p->status, "open") ? open_ones[i]
                                                      : p->status;
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
    int64_t offset = page_of_offset(pg, 25, 200);
#define FILTER_ARGS c->who.program_id, p.q, p.like, p.like, p.like, p.statuses[0], \
                    p.statuses[1], p.statuses[2], p.interest, p.interest, p.handler, p.handler, \
                    p.unassigned
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
                                .assigned = q->handler_id && q->handler_id == c->who.person_id,
                                .self = names_the_asker(c, q->email)};
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

enum app_status inquiry_find(struct ctx *c, int64_t id, struct inquiry *out)
{
    return inquiry_load(c, id, ACT_VIEW, out);
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

/* --- R8: a request sent in someone else's name --- */

enum app_status inquiries_sent_in_my_name(struct ctx *c, struct inquiry **out, int *n)
{
    *n = 0;
    if (!app_signed_in(c) || !c->who.email)
        return APP_OK;
    db_stmt *st = db_query(c->db,
                           INQUIRY_COLUMNS "WHERE q.program_id = ? AND q.email = LOWER(?) AND "
                                           "q.teacher_confirmation = ? ORDER BY q.id LIMIT 20",
                           "iss", c->who.program_id, c->who.email,
                           teacher_confirmation_key(CONFIRMATION_AWAITING));
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * 20);
    while (*n < 20 && db_step(st) == DB_ROW) {
        inquiry_row(c, st, &(*out)[*n]);
        struct policy_record self = {.known = true, .self = names_the_asker(c, (*out)[*n].email)};
        if (app_authorize(c, ACT_RESPOND, KIND_INQUIRY, &self) == APP_OK)
            (*n)++;
    }
    db_done(st);
    return APP_OK;
}

enum app_status inquiry_teacher_answer(struct ctx *c, int64_t id, const char *answer,
                                       struct errors *errs, const char **refusal)
{
    struct inquiry q;
    enum app_status s = inquiry_load(c, id, ACT_RESPOND, &q);
    if (s != APP_OK)
        return s;
    if (q.confirmation != CONFIRMATION_AWAITING) {
        *refusal = arena_printf(c->a, "This request waits for no answer from you: %s.",
                                teacher_confirmation_label(q.confirmation));
        return APP_CONFLICT;
    }
    bool yes = answer && strcmp(answer, "confirm") == 0;
    if (!yes && !(answer && strcmp(answer, "decline") == 0)) {
        errors_add(errs, "answer", "Say whether you asked for this: confirm, or decline.");
        return APP_INVALID;
    }
    return confirmation_write(c, id, yes, "signed in as themselves");
}

bool inquiry_may_open_case(struct ctx *c, const struct inquiry *q, const char **why)
{
    *why = NULL;
    if (app_authorize(c, ACT_CREATE, KIND_CASE, NULL) != APP_OK)
        return false;
    struct case_facts f;
    struct step_offer o;
    inquiry_facts_load(c, q->person_id, &f);
    inquiry_open_facts(q->status, q->case_id != 0, q->confirmation, &f);
    if (!workflow_offer(workflow_find("open"), &f, c->who.roles, 0, &o))
        return false;
    if (o.blocked)
        *why = arena_printf(c->a, "%s%s", o.blocked->refusal, o.detail);
    return !o.blocked;
}

/* --- the case's end, on its inquiry --- */

enum app_status inquiry_follow_case(struct ctx *c, int64_t inquiry_id, enum case_state ended,
                                    enum case_track track, const char *reason)
{
    const char *outcome =
        ended == CASE_WITHDRAWN ? arena_printf(c->a, "The case was withdrawn: %s", reason ? reason : "")
        : ended == CASE_CYCLE_CLOSED
            ? arena_printf(c->a, "The case's cycle is closed (%s).", case_track_label(track))
            : arena_printf(c->a, "The case is %s.", case_state_label(ended));
    int rc = db_exec(c->db,
                     "UPDATE inquiry SET status = 'closed', close_reason = ?, updated_at = ?, "
                     "version = version + 1 WHERE id = ? AND program_id = ?",
                     "siii", outcome, app_now(c), inquiry_id, c->who.program_id);
    if (rc != DB_OK)
        return app_db_status(rc);
    const char *reference = "";
    db_stmt *st = db_query(c->db, "SELECT reference FROM inquiry WHERE id = ?", "i", inquiry_id);
    if (st && db_step(st) == DB_ROW)
        reference = db_text_copy(st, 0, c->a);
    if (st)
        db_done(st);
    return audit_append(c, "update", "inquiry", inquiry_id, 0,
                        arena_printf(c->a, "Inquiry %s: closed with its case. %s", reference,
                                     outcome));
}

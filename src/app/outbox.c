/* outbox.c: queuing mail, each person's choice of it, and the outbox page.
 * The message is made whole here, at the moment of the event: its words,
 * its links, its Message-ID; the worker only hands it on. */
#include "app/outbox.h"

#include <inttypes.h>
#include <sodium.h>
#include <string.h>

#include "out/html.h"
#include "out/mime.h"

static const char *const kind_keys[MAIL_KIND_COUNT] = {
    [MAIL_NOTICE] = "notice",       [MAIL_REMINDER] = "reminder",
    [MAIL_DIGEST] = "digest",       [MAIL_SUMMARY] = "summary",
    [MAIL_SECURITY] = "security",   [MAIL_INVITATION] = "invitation",
    [MAIL_CONFIRMATION] = "confirmation",
};
static const char *const kind_labels[MAIL_KIND_COUNT] = {
    [MAIL_NOTICE] = "News",               [MAIL_REMINDER] = "Reminder",
    [MAIL_DIGEST] = "Daily digest",       [MAIL_SUMMARY] = "Weekly summary",
    [MAIL_SECURITY] = "One-time link",    [MAIL_INVITATION] = "Invitation",
    [MAIL_CONFIRMATION] = "Confirmation",
};

const char *mail_kind_label(const char *key)
{
    for (int i = 0; key && i < MAIL_KIND_COUNT; i++)
        if (!strcmp(key, kind_keys[i]))
            return kind_labels[i];
    return key;
}

static const char *const choice_keys[MAIL_CHOICE_COUNT] = {"now", "daily", "none"};
static const char *const choice_labels[MAIL_CHOICE_COUNT] = {
    "Each message as it happens",
    "One message a day with everything new (a daily digest)",
    "No e-mail: I read my inbox in Parley",
};

const char *mail_choice_key(enum mail_choice m) { return choice_keys[m]; }
const char *mail_choice_label(enum mail_choice m) { return choice_labels[m]; }

bool mail_choice_parse(const char *key, enum mail_choice *out)
{
    for (int i = 0; key && i < MAIL_CHOICE_COUNT; i++)
        if (!strcmp(key, choice_keys[i])) {
            *out = (enum mail_choice)i;
            return true;
        }
    return false;
}

/* Whether a kind goes to someone who chose m. One-time links and the
 * answer to what one sent always go; the day's notices and reminders wait
 * for the digest of someone who chose it (app/digest.h). */
static bool goes_to(enum mail_kind k, enum mail_choice m)
{
    if (k == MAIL_SECURITY || k == MAIL_CONFIRMATION)
        return true;
    if (m == MAIL_NONE)
        return false;
    if (m == MAIL_DAILY)
        return k != MAIL_NOTICE && k != MAIL_REMINDER;
    return k != MAIL_DIGEST;
}

struct receiver {
    int64_t program_id;
    const char *name, *address;
    enum mail_choice choice;
    bool active;
};

static bool receiver_load(struct ctx *c, int64_t person_id, struct receiver *r)
{
    db_stmt *st = db_query(c->db,
                           "SELECT program_id, name, email, mail_choice, active FROM person "
                           "WHERE id = ?",
                           "i", person_id);
    bool found = st && db_step(st) == DB_ROW;
    if (found) {
        r->program_id = db_int(st, 0);
        r->name = arena_strdup(c->a, db_text(st, 1));
        r->address = arena_strdup(c->a, db_text(st, 2));
        if (!mail_choice_parse(db_text(st, 3), &r->choice))
            r->choice = MAIL_NOW;
        r->active = db_int(st, 4) != 0;
    }
    db_done(st);
    return found;
}

enum mail_choice mail_choice_of(struct ctx *c, int64_t person_id)
{
    struct receiver r = {.choice = MAIL_NOW};
    receiver_load(c, person_id, &r);
    return r.choice;
}

/* "<random>@<the sender's domain>": made once, kept with the message, so
 * that a resend after a crash is the same message to the receiver. */
static const char *message_id(struct ctx *c)
{
    unsigned char r[16];
    char hex[33];
    randombytes_buf(r, sizeof r);
    sodium_bin2hex(hex, sizeof hex, r, sizeof r);
    const char *at = strchr(c->app->cfg.mail_from, '@');
    return arena_printf(c->a, "%s.parley%s", hex, at ? at : "@localhost");
}

static const char *footer(enum mail_kind k)
{
    if (k == MAIL_SECURITY || k == MAIL_CONFIRMATION)
        return "You get this message because of something you, or someone for you, asked for.";
    return "You get this message from Parley. To choose what it sends you (each message, a "
           "daily digest, or none), see My account.";
}

/* The words, the link on a line of its own, and why the mail came. */
static const char *text_part(struct ctx *c, const struct mail *m, const char *url)
{
    return arena_printf(c->a, "%s\n\n%s%s%s%s\n", m->text, url ? "Open it in Parley: " : "",
                        url ? url : "", url ? "\n\n" : "", footer(m->kind));
}

static void html_paragraphs(buf *b, const char *text)
{
    buf_puts(b, "<p>");
    for (const char *s = text; *s; s++) {
        if (s[0] == '\n' && s[1] == '\n') {
            buf_puts(b, "</p>\n<p>");
            s++;
        } else if (*s == '\n') {
            buf_puts(b, "<br>\n");
        } else {
            html_escape(b, s, 1);
        }
    }
    buf_puts(b, "</p>\n");
}

static const char *html_part(struct ctx *c, const struct mail *m, const char *url,
                             const char *program)
{
    buf b;
    buf_init(&b, c->a);
    buf_puts(&b, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>");
    html_text(&b, m->subject);
    buf_puts(&b, "</title></head>\n<body style=\"font-family: sans-serif; line-height: 1.5\">\n");
    html_paragraphs(&b, m->text);
    if (url) {
        buf_puts(&b, "<p><a href=\"");
        html_text(&b, url);
        buf_puts(&b, "\">Open it in Parley</a></p>\n");
    }
    buf_puts(&b, "<p style=\"color: #555; font-size: smaller\">");
    html_text(&b, footer(m->kind));
    buf_puts(&b, " — ");
    html_text(&b, program);
    buf_puts(&b, "</p>\n</body></html>\n");
    return buf_cstr(&b);
}

enum app_status outbox_queue(struct ctx *c, const struct mail *m)
{
    struct receiver r = {.program_id = c->who.program_id, .address = m->to_address,
                         .choice = MAIL_NOW, .active = true};
    if (m->person_id && !receiver_load(c, m->person_id, &r))
        return APP_OK;
    if (!r.address || !*r.address || !r.active || !goes_to(m->kind, r.choice))
        return APP_OK;
    const char *program = program_name_of(c, r.program_id);
    const char *url = m->link ? arena_printf(c->a, "%s%s", c->app->cfg.public_url, m->link) : NULL;
    const char *text = text_part(c, m, url);
    struct mime_message mm = {
        .from_name = program, .from_address = c->app->cfg.mail_from,
        .to_name = r.name, .to_address = r.address, .subject = m->subject,
        .message_id = message_id(c), .date = app_now(c), .text = text,
        .html = html_part(c, m, url, program), .calendar = m->calendar,
        .calendar_method = m->calendar_method,
    };
    buf msg;
    buf_init(&msg, c->a);
    mime_write(&msg, &mm);
    int64_t now = app_now(c);
    return app_db_status(db_exec(
        c->db,
        "INSERT INTO mail (program_id, person_id, to_address, kind, case_id, subject, message_id, "
        "message, text, created_at, next_try_at) VALUES (?, NULLIF(?, 0), ?, ?, NULLIF(?, 0), ?, "
        "?, ?, ?, ?, ?)",
        "iississssii", r.program_id, m->person_id, r.address, kind_keys[m->kind], m->case_id,
        m->subject, mm.message_id, buf_cstr(&msg), text, now, now));
}

enum app_status mail_choice_set(struct ctx *c, enum mail_choice m)
{
    enum app_status s = app_authorize(c, ACT_EDIT, KIND_ACCOUNT, NULL);
    if (s != APP_OK)
        return s;
    int rc = db_exec(c->db, "UPDATE person SET mail_choice = ? WHERE id = ?", "si",
                     choice_keys[m], c->who.person_id);
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, "edit", "person", c->who.person_id, c->who.person_id,
                        arena_printf(c->a, "E-mail from Parley: %s", choice_labels[m]));
}

/* --- the outbox page --- */

enum app_status outbox_list(struct ctx *c, const char *state, struct outbox_item **out, int *n,
                            int max)
{
    enum app_status s = app_authorize(c, ACT_LIST, KIND_MAIL, NULL);
    if (s != APP_OK)
        return s;
    db_stmt *st = db_query(
        c->db,
        "SELECT m.id, m.created_at, m.sent_at, m.next_try_at, m.tries, m.kind, m.to_address, "
        "COALESCE(p.name, ''), m.subject, m.state, m.last_error, m.text FROM mail m "
        "LEFT JOIN person p ON p.id = m.person_id WHERE m.program_id = ? AND (? = '' OR "
        "m.state = ?) ORDER BY m.id DESC LIMIT ?",
        "issi", c->who.program_id, state, state, max);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)max);
    *n = 0;
    while (db_step(st) == DB_ROW && *n < max) {
        struct outbox_item *it = &(*out)[(*n)++];
        it->id = db_int(st, 0);
        it->created_at = db_int(st, 1);
        it->sent_at = db_int(st, 2);
        it->next_try_at = db_int(st, 3);
        it->tries = (int)db_int(st, 4);
        it->kind = arena_strdup(c->a, db_text(st, 5));
        it->to_address = arena_strdup(c->a, db_text(st, 6));
        it->to_name = arena_strdup(c->a, db_text(st, 7));
        it->subject = arena_strdup(c->a, db_text(st, 8));
        it->state = arena_strdup(c->a, db_text(st, 9));
        it->last_error = arena_strdup(c->a, db_text(st, 10));
        /* A one-time link is its receiver's alone: nobody else holds a
         * working credential for them (issue 15, finding 1). */
        it->text = strcmp(it->kind, "security") ? arena_strdup(c->a, db_text(st, 11)) : NULL;
    }
    db_done(st);
    return APP_OK;
}

int64_t outbox_failed_count(struct ctx *c)
{
    int64_t n = 0;
    if (app_authorize(c, ACT_LIST, KIND_MAIL, NULL) == APP_OK)
        db_int_query(c->db, &n, "SELECT COUNT(*) FROM mail WHERE program_id = ? AND state = "
                                "'failed'", "i", c->who.program_id);
    return n;
}

enum app_status outbox_retry(struct ctx *c, int64_t id)
{
    enum app_status s = app_authorize(c, ACT_EDIT, KIND_MAIL, NULL);
    if (s != APP_OK)
        return s;
    int rc = db_exec(c->db,
                     "UPDATE mail SET state = 'queued', tries = 0, next_try_at = ?, "
                     "lease_until = 0 WHERE id = ? AND program_id = ? AND state = 'failed'",
                     "iii", app_now(c), id, c->who.program_id);
    if (rc != DB_OK)
        return app_db_status(rc);
    if (db_changes(c->db) != 1) {
        /* sent or waiting already: nothing to do; another program's: none */
        int64_t ours = 0;
        db_int_query(c->db, &ours, "SELECT COUNT(*) FROM mail WHERE id = ? AND program_id = ?",
                     "ii", id, c->who.program_id);
        return ours ? APP_CONFLICT : APP_NOT_FOUND;
    }
    return audit_append(c, "edit", "mail", id, 0,
                        arena_printf(c->a, "Sent a message again (%" PRId64 ")", id));
}

/* notify.c: the inbox. A person's own inbox is theirs alone: every query
 * here is bound to the asker's person id, so no record check is needed. */
#include "app/notify.h"

#include <string.h>

#include "app/outbox.h"

/* A subject line: the headline when it is short, else its first words. */
static const char *subject_of(struct ctx *c, const char *headline)
{
    size_t n = strlen(headline);
    if (n <= 78)
        return headline;
    size_t cut = 70;
    while (cut > 40 && headline[cut] != ' ')
        cut--;
    return arena_printf(c->a, "%.*s…", (int)cut, headline);
}

static int inbox_add(struct ctx *c, int64_t person_id, int64_t case_id, const char *message,
                     const char *headline, const char *link)
{
    return db_exec(c->db,
                   /* case_id 0: news of no PA/PAR case (a peer support case's) */
                   "INSERT INTO notification (person_id, case_id, at, message, headline, link) "
                   "VALUES (?, NULLIF(?, 0), ?, ?, ?, ?)",
                   "iiisss", person_id, case_id, app_now(c), message, headline,
                   link ? link : "");
}

static enum app_status notify_as(struct ctx *c, enum mail_kind kind, int64_t person_id,
                                 int64_t case_id, const char *message, const char *headline,
                                 const char *link)
{
    if (!person_id)
        return APP_OK;
    if (!headline)
        headline = message;
    int rc = inbox_add(c, person_id, case_id, message, headline, link);
    if (rc != DB_OK)
        return app_db_status(rc);
    return outbox_queue(c, &(struct mail){.kind = kind, .person_id = person_id,
                                          .case_id = case_id, .subject = subject_of(c, headline),
                                          .text = headline, .link = link});
}

enum app_status notify_person_mailed(struct ctx *c, int64_t person_id, const char *message,
                                     const struct mail *m)
{
    int rc = inbox_add(c, person_id, m->case_id, message, m->subject, m->link);
    if (rc != DB_OK)
        return app_db_status(rc);
    struct mail to = *m;
    to.person_id = person_id;
    return outbox_queue(c, &to);
}

enum app_status notify_person(struct ctx *c, int64_t person_id, int64_t case_id,
                              const char *message, const char *headline, const char *link)
{
    return notify_as(c, MAIL_NOTICE, person_id, case_id, message, headline, link);
}

enum app_status notify_reminder(struct ctx *c, int64_t person_id, int64_t case_id,
                                const char *words, const char *link)
{
    return notify_as(c, MAIL_REMINDER, person_id, case_id, words, NULL, link);
}

enum app_status notify_inbox(struct ctx *c, struct notification **out, int *n, int max)
{
    enum app_status s = app_authorize(c, ACT_VIEW, KIND_ACCOUNT, NULL);
    if (s != APP_OK)
        return s;
    db_stmt *st = db_query(c->db,
                           "SELECT n.id, COALESCE(n.case_id, 0), n.at, n.read_at, n.message, "
                           "n.link, COALESCE(t.name, ''), COALESCE(k.teacher_id, 0) "
                           "FROM notification n LEFT JOIN teacher_case k ON k.id = n.case_id "
                           "LEFT JOIN person t ON t.id = k.teacher_id WHERE n.person_id = ? "
                           "ORDER BY n.at DESC, n.id DESC LIMIT ?",
                           "id", c->who.person_id, max);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)max);
    *n = 0;
    while (db_step(st) == DB_ROW && *n < max) {
        struct notification *m = &(*out)[(*n)++];
        m->id = db_int(st, 0);
        m->case_id = db_int(st, 1);
        m->at = db_int(st, 2);
        m->read_at = db_int(st, 3);
        m->message = arena_strdup(c->a, db_text(st, 4));
        m->link = arena_strdup(c->a, db_text(st, 5));
        m->teacher_name = arena_strdup(c->a, db_text(st, 6));
        m->mine = db_int(st, 7) == c->who.person_id;
    }
    db_done(st);
    return APP_OK;
}

int64_t notify_unread(struct ctx *c)
{
    int64_t n = 0;
    if (c->who.person_id)
        db_int_query(c->db, &n,
                     "SELECT COUNT(*) FROM notification WHERE person_id = ? AND read_at = 0", "i",
                     c->who.person_id);
    return n;
}

enum app_status notify_mark_read(struct ctx *c)
{
    enum app_status s = app_authorize(c, ACT_EDIT, KIND_ACCOUNT, NULL);
    if (s != APP_OK)
        return s;
    return app_db_status(db_exec(c->db,
                                 "UPDATE notification SET read_at = ? WHERE person_id = ? AND "
                                 "read_at = 0",
                                 "ii", app_now(c), c->who.person_id));
}

/* password_link.c: one-time links to set a password, by e-mail (issue
 * 16). The link is made and its message queued in the request's own
 * transaction; the mail worker sends it. */
#include "app/password_link.h"

#include "app/auth_internal.h"
#include "app/outbox.h"
#include "base/clock.h"
#include "domain/credential.h"
#include "domain/people.h"

#define ASK_WINDOW 3600   /* the asks' limits count this many seconds */

int password_link_hours(const struct ctx *c)
{
    return c->app->cfg.reset_valid_seconds / 3600;
}

/* The person an address would get a link for: the one it signs in, else
 * one who has no password yet (0: nobody active has it). */
struct link_owner {
    int64_t id;
    bool roles_elsewhere;       /* roles in a program not their record's */
    bool address_set_by_other;  /* sql/019 */
};

static enum app_status link_owner_find(struct ctx *c, const char *email, struct link_owner *o)
{
    *o = (struct link_owner){0};
    db_stmt *st = db_query(c->db,
                           "SELECT p.id, p.email_set_by_other, (SELECT COUNT(*) FROM person_role r "
                           "WHERE r.person_id = p.id AND r.program_id <> p.program_id) FROM person "
                           "p WHERE p.email = ? AND p.active = 1 "
                           "ORDER BY p.password_hash IS NULL, p.id LIMIT 1",
                           "s", email);
    if (!st)
        return APP_ERROR;
    if (db_step(st) == DB_ROW) {
        o->id = db_int(st, 0);
        o->address_set_by_other = db_int(st, 1) != 0;
        o->roles_elsewhere = db_int(st, 2) > 0;
    }
    db_done(st);
    return APP_OK;
}

/* Against a flooded mailbox: both counts under their limits, then both
 * counted; the same for an address nobody has. */
static enum app_status ask_counted(struct ctx *c, const char *email, struct rate_refusal *refused)
{
    const char *keys[] = {arena_printf(c->a, "password-link:%s", email),
                          arena_printf(c->a, "password-link-from:%s", c->address ? c->address : "")};
    const char *limits[] = {"password_links_per_hour", "password_link_asks_per_hour"};
    for (int i = 0; i < 2; i++) {
        struct rate r;
        if (rate_get(c, keys[i], &r) != APP_OK)
            return APP_ERROR;
        int limit = program_setting_int(c, limits[i]);
        if (r.events >= limit) {
            *refused = (struct rate_refusal){.limit = limit, .retry_at = r.window_end};
            return APP_THROTTLED;
        }
    }
    enum app_status s = APP_OK;
    for (int i = 0; i < 2 && s == APP_OK; i++)
        s = rate_add(c, keys[i], ASK_WINDOW, 1);
    return s;
}

static enum app_status forgot_mail(struct ctx *c, int64_t person_id)
{
    const char *token;
    int64_t expires;
    enum app_status s = auth_link_make(c, person_id, false, &token, &expires);
    if (s != APP_OK)
        return s;
    const char *text = arena_printf(
        c->a,
        "Someone asked for a link to set a new password for your account in Parley, with "
        "\"Forgot your password?\" on the sign-in page.\n\nThe link below works once, until "
        "%s. Setting a password with it signs you out everywhere and revokes your API "
        "tokens.\n\nIf you did not ask for it, you need do nothing: your password stays as it "
        "is, and nobody else has this link. If it happens again, tell your program "
        "coordinator.",
        clock_format(c->a, expires));
    return outbox_queue(c, &(struct mail){
        .kind = MAIL_SECURITY, .person_id = person_id,
        .subject = arena_printf(c->a, "Set your password for %s", c->who.program_name),
        .text = text, .link = arena_printf(c->a, "/reset/%s", token)});
}

enum app_status password_link_forgot(struct ctx *c, const char *email,
                                     struct rate_refusal *refused, struct errors *errs)
{
    char address[EMAIL_MAX + 1];
    if (!email_check_yours(email, address, errs))
        return APP_INVALID;
    enum app_status s = ask_counted(c, address, refused);
    struct link_owner o;
    if (s == APP_OK)
        s = link_owner_find(c, address, &o);
    if (s != APP_OK || !o.id)
        return s;
    /* The ask is the person's record's, in their own program's log (R37,
     * R38), in words that say nothing of whether a link could go. */
    if (!app_act_in_home_program(c, o.id))
        return APP_ERROR;
    if (credential_link_goes(o.roles_elsewhere, o.address_set_by_other))
        s = forgot_mail(c, o.id);
    return s != APP_OK ? s
                       : audit_append(c, "issue", "password_link", o.id, o.id,
                                      "Someone asked for a one-time link to set a new password "
                                      "with \"Forgot your password?\"");
}

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

/* The security message: why it came (who asked), then the link's terms,
 * then what to do if it was not expected. link: a path; for a link to set
 * a password, "/reset/TOKEN". */
static enum app_status link_mail(struct ctx *c, int64_t person_id, const char *why,
                                 const char *terms, const char *unexpected, const char *link)
{
    return outbox_queue(c, &(struct mail){
        .kind = MAIL_SECURITY, .person_id = person_id,
        .subject = arena_printf(c->a, "Set your password for %s",
                                 program_name_of(c, c->who.program_id)),
        .text = arena_printf(c->a, "%s\n\n%s\n\n%s", why, terms, unexpected), .link = link});
}

/* A new link, and its terms in words. */
static enum app_status link_new(struct ctx *c, int64_t person_id, const char **link,
                                const char **terms)
{
    const char *token;
    int64_t expires;
    enum app_status s = auth_link_make(c, person_id, &token, &expires);
    if (s != APP_OK)
        return s;
    *link = arena_printf(c->a, "/reset/%s", token);
    *terms = arena_printf(c->a, "The link below works once, until %s; nobody else has it. "
                                "Setting a password with it signs you out everywhere and "
                                "revokes your API tokens.",
                          clock_format(c->a, expires));
    return APP_OK;
}

static enum app_status forgot_mail(struct ctx *c, int64_t person_id)
{
    const char *link, *terms;
    enum app_status s = link_new(c, person_id, &link, &terms);
    if (s != APP_OK)
        return s;
    return link_mail(c, person_id,
                     "Someone asked for a link to set a new password for your account in "
                     "Parley, with \"Forgot your password?\" on the sign-in page.",
                     terms,
                     "If you did not ask for it, you need do nothing: your password stays as it "
                     "is. If it happens again, tell your program coordinator.",
                     link);
}

/* The person of the coordinator's program, active, and what decides
 * where their link goes. */
static enum app_status program_person(struct ctx *c, int64_t person_id, const char **email,
                                      bool *roles_elsewhere)
{
    db_stmt *st = db_query(c->db,
                           "SELECT p.email, (SELECT COUNT(*) FROM person_role r WHERE "
                           "r.person_id = p.id AND r.program_id <> p.program_id) FROM person p "
                           "WHERE p.id = ? AND p.program_id = ? AND p.active = 1",
                           "ii", person_id, c->who.program_id);
    if (!st)
        return APP_ERROR;
    bool found = db_step(st) == DB_ROW;
    if (found) {
        *email = arena_strdup(c->a, db_text(st, 0));
        *roles_elsewhere = db_int(st, 1) > 0;
    }
    db_done(st);
    return found ? APP_OK : APP_NOT_FOUND;
}

enum app_status password_link_send(struct ctx *c, int64_t person_id, struct link_sent *out)
{
    enum app_status s = app_authorize(c, ACT_CREATE, KIND_PASSWORD_LINK, NULL);
    const char *email;
    bool elsewhere;
    if (s == APP_OK)
        s = program_person(c, person_id, &email, &elsewhere);
    if (s == APP_OK)
        s = auth_link_sign_out(c, person_id);
    if (s != APP_OK)
        return s;
    const char *why = arena_printf(c->a, "%s, your program coordinator, asked Parley to send you "
                                         "a link to set a new password. Your sessions were "
                                         "signed out and your API tokens revoked; your password "
                                         "works until you set a new one.",
                                   c->who.name);
    const char *link, *terms;
    /* Who typed the address does not matter here: the link, or the words,
     * go to the person's record's address either way. */
    if (credential_link_way(LINK_ASKED_BY_COORDINATOR, elsewhere, false) == LINK_SENT)
        s = link_new(c, person_id, &link, &terms);
    else {
        link = "/password/forgot";
        terms = "To set a new password, ask for a link yourself with \"Forgot your password?\" "
                "on the sign-in page: Parley e-mails it to you.";
    }
    if (s == APP_OK)
        s = link_mail(c, person_id, why, terms,
                      "If you did not expect it, tell your program coordinator.", link);
    if (s != APP_OK)
        return s;
    out->masked_address = credential_masked_address(c->a, email);
    return audit_append(c, "issue", "password_link", person_id, person_id,
                        "The program coordinator had Parley e-mail them a one-time link to set a "
                        "new password; their sessions ended and their API tokens were revoked");
}

enum app_status password_link_forgot(struct ctx *c, const char *email,
                                     struct rate_refusal *refused, struct errors *errs)
{
    char address[EMAIL_MAX + 1];
    if (!email_check_yours(email, address, errs))
        return APP_INVALID;
    /* Known or not, the same counts and the same look-up; a known address
     * adds a few writes to the same transaction, a difference too small to
     * tell apart in the few asks an hour each address is allowed. */
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
    if (credential_link_way(LINK_ASKED_BY_PERSON, o.roles_elsewhere, o.address_set_by_other) ==
        LINK_SENT)
        s = forgot_mail(c, o.id);
    return s != APP_OK ? s
                       : audit_append(c, "issue", "password_link", o.id, o.id,
                                      "Someone asked for a one-time link to set a new password "
                                      "with \"Forgot your password?\"");
}

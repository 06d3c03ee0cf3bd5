#include "domain/credential.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

const char credential_forgot_words[] =
    "Forgot your password? Have a link to set a new one sent to your e-mail address.";

const char credential_not_for_others_words[] =
    "Parley never gives you a way to sign in as someone else: whoever holds a password link "
    "can act as that person. If they cannot sign in, have Parley e-mail them a one-time link "
    "to set a new password, which only they can read; sending it signs them out everywhere "
    "and revokes their API tokens. They can also ask for one themselves with \"Forgot your "
    "password?\" on the sign-in page.";

const char *credential_forgot_answer(arena *a, int hours)
{
    return arena_printf(a, "If an account has this address, a link to set a new password is on "
                           "its way. It works once, for %d hours.", hours);
}

enum link_way credential_link_way(enum link_asker asker, bool roles_elsewhere,
                                  bool address_set_by_other)
{
    if (asker == LINK_ASKED_BY_COORDINATOR)
        return roles_elsewhere ? LINK_WORDS_ONLY : LINK_SENT;
    return roles_elsewhere && address_set_by_other ? LINK_NONE : LINK_SENT;
}

const char *credential_masked_address(arena *a, const char *email)
{
    const char *at = email ? strchr(email, '@') : NULL;
    if (!at || at == email)
        return "…";
    /* The first character whole, however many bytes it takes. */
    size_t first = 1;
    while (email + first < at && ((unsigned char)email[first] & 0xc0) == 0x80)
        first++;
    return arena_printf(a, "%.*s…%s", (int)first, email, at);
}

static void check_name(const char *v, struct token_fields *out, struct errors *errs)
{
    if (!v || !*v) {
        errors_add(errs, "name", "Give the token a name that says what it is for, such as "
                                 "\"Grades sync\".");
        return;
    }
    if (utf8_length(v) > TOKEN_NAME_MAX || strpbrk(v, "\r\n\t") ||
        isspace((unsigned char)v[0]) || isspace((unsigned char)v[strlen(v) - 1])) {
        errors_add(errs, "name", "Keep the name to one line of at most 80 characters, without "
                                 "spaces at the start or the end.");
        return;
    }
    out->name = v;
}

static void check_days(arena *a, const char *v, int max_days, struct token_fields *out,
                       struct errors *errs)
{
    if (!v || !*v) {
        out->days = max_days;
        return;
    }
    char *end;
    long n = strtol(v, &end, 10);
    if (*end != '\0' || n < TOKEN_DAYS_MIN || n > max_days) {
        errors_add(errs, "days",
                   arena_printf(a, "Give a whole number of days from 1 to %d (the longest a "
                                   "token lasts in this program), or leave it empty for %d.",
                                max_days, max_days));
        return;
    }
    out->days = (int)n;
}

bool token_check(arena *a, const struct token_input *in, int max_days,
                 struct token_fields *out, struct errors *errs)
{
    int before = errs->n;
    if (max_days < TOKEN_DAYS_MIN || max_days > TOKEN_DAYS_MAX)
        max_days = TOKEN_DAYS_MAX;   /* settings.c keeps it in bounds; never unbounded */
    check_name(in->name, out, errs);
    check_days(a, in->days, max_days, out, errs);
    return errs->n == before;
}

enum token_state token_state_at(int64_t now, int64_t expires_at, int64_t revoked_at)
{
    if (revoked_at)
        return TOKEN_REVOKED;
    return now >= expires_at ? TOKEN_EXPIRED : TOKEN_ACTIVE;
}

const char *token_state_key(enum token_state s)
{
    return s == TOKEN_REVOKED ? "revoked" : s == TOKEN_EXPIRED ? "expired" : "active";
}

const char *token_refusal(arena *a, enum token_state s, const char *when)
{
    if (s == TOKEN_EXPIRED)
        return arena_printf(a, "This API token expired on %s. Make a new one under My account "
                               "(API tokens).", when);
    if (s == TOKEN_REVOKED)
        return arena_printf(a, "This API token was revoked on %s. Make a new one under My "
                               "account (API tokens).", when);
    return "Sign in first: send an API token as 'Authorization: Bearer TOKEN'.";
}

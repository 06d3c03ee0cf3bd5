/* credential.h: the rules for what lets a person in besides their password
 * (issue 15): API tokens and one-time password links. Nobody ever holds a
 * working credential for someone else: a token is made by its owner for
 * themselves (or by the operator, who holds the database), and a password
 * link goes to the person by e-mail (issue 16) or from the operator, never
 * through the program's coordinator. */
#ifndef PARLEY_CREDENTIAL_H
#define PARLEY_CREDENTIAL_H
#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "domain/errors.h"

/* An API token lives at most the program's api_token_days, a setting
 * bounded to 1..365 days so that no value makes a token last for ever. */
#define TOKEN_DAYS_MIN 1
#define TOKEN_DAYS_MAX 365
#define TOKEN_NAME_MAX 80

/* As typed (a form, a JSON body, the command line). */
struct token_input {
    const char *name;        /* what the token is for: "Grades sync" */
    const char *days;        /* its lifetime; empty: the longest allowed */
};
struct token_fields {
    const char *name;
    int days;
};
/* Fills out and returns true, or adds each problem to errs ("name",
 * "days"); max_days is the program's api_token_days. */
bool token_check(arena *a, const struct token_input *in, int max_days,
                 struct token_fields *out, struct errors *errs);

enum token_state { TOKEN_ACTIVE, TOKEN_EXPIRED, TOKEN_REVOKED };
enum token_state token_state_at(int64_t now, int64_t expires_at, int64_t revoked_at);
const char *token_state_key(enum token_state s);     /* "active", "expired", "revoked" */

/* Why a bearer token was refused, for the 401's message; when: the time it
 * expired or was revoked, as people read it. */
const char *token_refusal(arena *a, enum token_state s, const char *when);

/* Why a person's live tokens were revoked all at once (shown in their list). */
#define TOKENS_ENDED_SIGN_OUT "signed out everywhere"
#define TOKENS_ENDED_PASSWORD "the password was changed"
#define TOKENS_ENDED_LINK "a password link was issued"
#define TOKENS_ENDED_EMAIL "the email address was changed"

/* Where a one-time link to set a password goes (issue 15, finding 1;
 * issue 16): by e-mail to the address on the person's record, which only
 * they read. What a program's coordinator asks for stays in their
 * program: for a person whose roles reach beyond it (a district's
 * principal who is also a federation member) the message carries no link,
 * only the way to ask for one themselves. A person who asks for themselves
 * ("Forgot your password?") gets one, unless their roles reach beyond
 * their program and a coordinator, not they or the operator, typed the
 * address: it might be the coordinator's own. */
enum link_asker { LINK_ASKED_BY_PERSON, LINK_ASKED_BY_COORDINATOR };
enum link_way {
    LINK_SENT,          /* the link, by e-mail to the person */
    LINK_WORDS_ONLY,    /* a message that says how to ask for one, without one */
    LINK_NONE,          /* nothing is sent */
};
enum link_way credential_link_way(enum link_asker asker, bool roles_elsewhere,
                                  bool address_set_by_other);

/* "a…@district.org": where a link went, as the page that sent it shows it
 * (the address's first character and its domain). */
const char *credential_masked_address(arena *a, const char *email);

/* What a person who cannot sign in does, and why the coordinator cannot
 * hand them a way in: for the sign-in page (the words of its link to the
 * form), a link that no longer works and the coordinator's view of a
 * person. */
#define CREDENTIAL_ASK_LINK                                                                \
    "Ask for a new one with \"Forgot your password?\" on the sign-in page: Parley e-mails " \
    "it to you."
extern const char credential_forgot_words[];
extern const char credential_not_for_others_words[];
/* The answer to "Forgot your password?", the same whether or not an
 * account has the address; hours: how long a link works. */
const char *credential_forgot_answer(arena *a, int hours);

#endif

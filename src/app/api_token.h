/* api_token.h: API tokens (issue 15). A token has a name, acts in the
 * program it was made in, expires (at most the program's api_token_days
 * after it was made), records when it was last used, and can be revoked:
 * by its owner, by the program's coordinator, and all at once when its
 * owner signs out everywhere or gets a new password. Each person makes
 * their own; only the operator makes one for someone else (the command
 * line). The token itself is shown once; only its SHA-256 is kept. */
#ifndef PARLEY_APP_API_TOKEN_H
#define PARLEY_APP_API_TOKEN_H

#include "app/app.h"
#include "app/people.h"
#include "domain/credential.h"

struct api_token {
    int64_t id, person_id, program_id, created_at, expires_at, last_used, revoked_at;
    const char *name, *revoked_note, *person_email;
    enum token_state state;
};

/* A token for oneself, in the program one acts in. Made through another
 * token, it expires no later than that one: a token cannot outlive itself
 * by making the next. *secret is shown once. */
enum app_status token_create(struct ctx *c, const struct token_input *in, struct api_token *out,
                             const char **secret, struct errors *errs);
/* The operator's (command line): a token for the person who signs in with
 * this email, in their home program. APP_NOT_FOUND: nobody does. */
enum app_status token_create_for(struct ctx *c, const char *email, const struct token_input *in,
                                 struct api_token *out, const char **secret, struct errors *errs);
/* A person's tokens made in the program the asker acts in, newest first:
 * one's own, or (the coordinator) anyone's of the program; q: in the name.
 * The operator sees every program's, and person_id 0 lists everyone's. */
enum app_status tokens_list(struct ctx *c, int64_t person_id, const char *q, struct page_of *pg,
                            struct api_token **out, int *n);
/* Revokes one token: one's own, or (the coordinator) one made in their
 * program. Revoking a revoked token changes nothing. *out is the token. */
enum app_status token_revoke(struct ctx *c, int64_t token_id, struct api_token *out);

#endif

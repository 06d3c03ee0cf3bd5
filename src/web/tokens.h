/* tokens.h: a person's API tokens as a section of another page (issue 15):
 * the coordinator's view of a person lists theirs, to revoke. */
#ifndef PARLEY_WEB_TOKENS_H
#define PARLEY_WEB_TOKENS_H

#include <stdint.h>

#include "web/web.h"

/* The person's tokens made in the program, each live one with a button
 * that revokes it; nothing when the asker may not see them. */
void tokens_section(req *r, int64_t person_id);

#endif

/* secret.h: randomness and hashing (libsodium). Tokens are 256-bit random
 * values shown once; only their SHA-256 is ever stored. */
#ifndef PARLEY_SECRET_H
#define PARLEY_SECRET_H
#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"

/* Must be called once at start-up; false if libsodium cannot start. */
bool secret_init(void);
void secret_random(void *out, size_t n);
/* n random bytes as 2n lowercase hex characters. */
char *secret_token(arena *a, size_t nbytes);
/* Lowercase hex SHA-256 of the bytes, into out[65]. */
void secret_sha256_hex(const void *data, size_t n, char out[65]);
/* base64url (no padding) of the SHA-256 of a string, in a: PKCE's S256
 * code challenge (RFC 7636). */
char *secret_sha256_base64url(arena *a, const char *s);
/* Constant-time comparison of two equal-length strings. */
bool secret_equal(const char *x, const char *y);

#endif

#include "base/secret.h"

#include <sodium.h>
#include <string.h>

bool secret_init(void)
{
    return sodium_init() >= 0;
}

void secret_random(void *out, size_t n)
{
    randombytes_buf(out, n);
}

char *secret_token(arena *a, size_t nbytes)
{
    /* Any length: the old 64-byte cap silently returned a shorter token. */
    unsigned char *raw = arena_alloc(a, nbytes);
    randombytes_buf(raw, nbytes);
    char *hex = arena_alloc(a, nbytes * 2 + 1);
    sodium_bin2hex(hex, nbytes * 2 + 1, raw, nbytes);
    sodium_memzero(raw, nbytes);
    return hex;
}

void secret_sha256_hex(const void *data, size_t n, char out[65])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, data, n);
    sodium_bin2hex(out, 65, h, sizeof h);
}

char *secret_sha256_base64url(arena *a, const char *s)
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)s, strlen(s));
    size_t n = sodium_base64_ENCODED_LEN(sizeof h, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    char *out = arena_alloc(a, n);
    sodium_bin2base64(out, n, h, sizeof h, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return out;
}

bool secret_equal(const char *x, const char *y)
{
    size_t n = strlen(x);
    return n == strlen(y) && sodium_memcmp(x, y, n) == 0;
}

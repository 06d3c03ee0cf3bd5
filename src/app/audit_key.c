/* audit_key.c: R38's key, kept outside the database. An Ed25519 key pair
 * (libsodium's crypto_sign) whose seed is in a text file readable by its
 * owner only; its public half is printed for keeping elsewhere. */
#include "app/audit.h"
#include "app/audit_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

_Static_assert(AUDIT_PUBLIC_KEY_BYTES == crypto_sign_PUBLICKEYBYTES, "Ed25519 public key");
_Static_assert(AUDIT_SECRET_KEY_BYTES == crypto_sign_SECRETKEYBYTES, "Ed25519 secret key");

#define KEY_FILE_MAX 4096

static const char key_file_header[] =
    "# parley's audit key (R38): it signs the audit log's checkpoints.\n"
    "# Keep it secret, beside the database and never inside it; back it up\n"
    "# apart from the database's backups (docs/deploy.md).\n";

void audit_key_default_path(const char *db_url, char *out, size_t n)
{
    if (!db_url_is_postgres(db_url)) {
        snprintf(out, n, "%s.audit-key", db_url);
        return;
    }
    /* postgres://user@host:port/NAME?options: NAME, in characters safe in a
     * file name. */
    const char *p = strstr(db_url, "://") + 3, *slash = strchr(p, '/');
    char name[128] = "";
    size_t len = 0;
    for (p = slash ? slash + 1 : ""; *p && *p != '?' && len + 1 < sizeof name; p++)
        name[len++] = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                              (*p >= '0' && *p <= '9') || *p == '-' || *p == '.'
                          ? *p
                          : '_';
    name[len] = '\0';
    snprintf(out, n, "%s.audit-key", len ? name : "parley");
}

const char audit_checkpoints_header[] =
    "# parley audit checkpoints (R38): ROW HASH SIGNED_AT SIGNATURE, one a line.\n"
    "# Check them with: parley audit verify --public-key KEY --checkpoints THIS_FILE\n";

void audit_checkpoints_path(const char *key_path, char *out, size_t n)
{
    snprintf(out, n, "%s.checkpoints", key_path);
}

/* write() until all n bytes are written; false on an error. */
static bool write_all(int fd, const char *s, size_t n)
{
    while (n) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        s += w;
        n -= (size_t)w;
    }
    return true;
}

bool audit_file_write(const char *path, int flags, mode_t mode, const char *text, buf *err)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC | flags, mode);
    if (fd < 0) {
        buf_printf(err, "cannot open %s: %s", path, strerror(errno));
        return false;
    }
    bool ok = write_all(fd, text, strlen(text)) && fsync(fd) == 0;
    if (!ok)
        buf_printf(err, "cannot write %s: %s", path, strerror(errno));
    close(fd);
    if (!ok && (flags & O_CREAT))
        unlink(path);
    return ok;
}

/* A new file (O_EXCL) of that mode holding text. */
static bool file_create(const char *path, mode_t mode, const char *text, buf *err)
{
    return audit_file_write(path, O_CREAT | O_EXCL, mode, text, err);
}

/* Copies a file to a new one (O_EXCL) of that mode, flushed to disk. */
static bool file_copy(const char *from, const char *to, mode_t mode, buf *err)
{
    int in = open(from, O_RDONLY | O_CLOEXEC);
    if (in < 0) {
        buf_printf(err, "cannot read %s: %s", from, strerror(errno));
        return false;
    }
    int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (out < 0) {
        buf_printf(err, "cannot create %s: %s", to, strerror(errno));
        close(in);
        return false;
    }
    char block[65536];
    bool ok = true;
    for (;;) {
        ssize_t n = read(in, block, sizeof block);
        if (n < 0 && errno == EINTR)
            continue;
        ok = n >= 0 && write_all(out, block, (size_t)(n > 0 ? n : 0));
        if (!ok || n == 0)
            break;
    }
    ok = ok && fsync(out) == 0;
    if (!ok)
        buf_printf(err, "cannot copy %s to %s: %s", from, to, strerror(errno));
    close(in);
    close(out);
    if (!ok)
        unlink(to);
    return ok;
}

bool audit_key_copy(const char *from, const char *to, buf *err)
{
    char from_cp[AUDIT_PATH_MAX], to_cp[AUDIT_PATH_MAX];
    audit_checkpoints_path(from, from_cp, sizeof from_cp);
    audit_checkpoints_path(to, to_cp, sizeof to_cp);
    if (!file_copy(from, to, 0600, err))
        return false;
    if (file_copy(from_cp, to_cp, 0644, err))
        return true;
    unlink(to);
    return false;
}

/* Up to KEY_FILE_MAX - 1 bytes of a small file, NUL-terminated. With
 * private, the file must be readable by its owner only. */
static bool file_read_small(const char *path, bool private, char out[KEY_FILE_MAX], buf *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        buf_printf(err, "cannot read %s: %s", path, strerror(errno));
        return false;
    }
    struct stat st;
    bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    if (!ok)
        buf_printf(err, "%s is not a file", path);
    else if (private && (st.st_mode & 077)) {
        buf_printf(err, "the audit key %s can be read by others (mode %04o): chmod 600 %s", path,
                   (unsigned)(st.st_mode & 07777), path);
        ok = false;
    }
    ssize_t n = ok ? read(fd, out, KEY_FILE_MAX - 1) : 0;
    if (ok && n < 0) {
        buf_printf(err, "cannot read %s: %s", path, strerror(errno));
        ok = false;
    }
    close(fd);
    out[n > 0 ? n : 0] = '\0';
    return ok;
}

/* The hex after "word " at the start of a line of text, into bin (exactly
 * n bytes). */
static bool key_field(const char *text, const char *word, unsigned char *bin, size_t n)
{
    size_t wl = strlen(word), got = 0;
    for (const char *line = text; line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        if (strncmp(line, word, wl) != 0 || line[wl] != ' ')
            continue;
        const char *hex = line + wl + 1;
        size_t len = strcspn(hex, "\r\n");
        return len == 2 * n && sodium_hex2bin(bin, n, hex, len, NULL, &got, NULL) == 0 && got == n;
    }
    return false;
}

bool audit_key_create(const char *path, bool *created, buf *err)
{
    char checkpoints[AUDIT_PATH_MAX];
    audit_checkpoints_path(path, checkpoints, sizeof checkpoints);
    struct stat st;
    *created = false;
    if (stat(path, &st) == 0) {
        /* The key is there; a checkpoint file lost beside it starts again
         * (the database keeps every checkpoint too). */
        return stat(checkpoints, &st) == 0 ||
               file_create(checkpoints, 0644, audit_checkpoints_header, err);
    }
    if (stat(checkpoints, &st) == 0) {
        buf_printf(err,
                   "%s holds checkpoints signed by a key that is no longer at %s: restore the "
                   "key from its backup (docs/deploy.md), or move the file away to start anew",
                   checkpoints, path);
        return false;
    }
    unsigned char seed[crypto_sign_SEEDBYTES], pk[crypto_sign_PUBLICKEYBYTES],
        sk[crypto_sign_SECRETKEYBYTES];
    char seed_hex[2 * sizeof seed + 1], pk_hex[65], text[KEY_FILE_MAX];
    randombytes_buf(seed, sizeof seed);
    crypto_sign_seed_keypair(pk, sk, seed);
    sodium_bin2hex(seed_hex, sizeof seed_hex, seed, sizeof seed);
    audit_public_key_hex(pk, pk_hex);
    snprintf(text, sizeof text, "%spublic %s\nseed %s\n", key_file_header, pk_hex, seed_hex);
    bool ok = file_create(path, 0600, text, err) &&
              file_create(checkpoints, 0644, audit_checkpoints_header, err);
    sodium_memzero(seed, sizeof seed);
    sodium_memzero(sk, sizeof sk);
    sodium_memzero(seed_hex, sizeof seed_hex);
    sodium_memzero(text, sizeof text);
    *created = ok;
    return ok;
}

bool audit_key_load(struct audit_key *k, const char *path, buf *err)
{
    memset(k, 0, sizeof *k);
    char text[KEY_FILE_MAX];
    unsigned char seed[crypto_sign_SEEDBYTES], stated[crypto_sign_PUBLICKEYBYTES];
    bool ok = file_read_small(path, true, text, err);
    if (ok && !(key_field(text, "seed", seed, sizeof seed) &&
                key_field(text, "public", stated, sizeof stated))) {
        buf_printf(err, "%s is not a parley audit key (no 'public' and 'seed' lines)", path);
        ok = false;
    }
    if (ok) {
        crypto_sign_seed_keypair(k->public_key, k->secret_key, seed);
        if (sodium_memcmp(stated, k->public_key, sizeof stated) != 0) {
            buf_printf(err, "%s is damaged: its seed does not make its public key", path);
            ok = false;
        }
    }
    sodium_memzero(seed, sizeof seed);
    sodium_memzero(text, sizeof text);
    if (!ok) {
        audit_key_forget(k);
        return false;
    }
    snprintf(k->path, sizeof k->path, "%s", path);
    audit_checkpoints_path(path, k->checkpoints, sizeof k->checkpoints);
    return true;
}

void audit_key_forget(struct audit_key *k)
{
    sodium_memzero(k->secret_key, sizeof k->secret_key);
}

bool audit_public_key_read(const char *key_or_file, unsigned char pk[AUDIT_PUBLIC_KEY_BYTES],
                           buf *err)
{
    size_t got = 0;
    if (strlen(key_or_file) == 2 * AUDIT_PUBLIC_KEY_BYTES &&
        sodium_hex2bin(pk, AUDIT_PUBLIC_KEY_BYTES, key_or_file, strlen(key_or_file), NULL, &got,
                       NULL) == 0 &&
        got == AUDIT_PUBLIC_KEY_BYTES)
        return true;
    char text[KEY_FILE_MAX];
    buf why;
    buf_init(&why, NULL);
    bool ok = file_read_small(key_or_file, false, text, &why);
    if (ok) {
        /* A key file names its public half; a saved `audit key --public` is
         * the hex alone. */
        const char *hex = text + strspn(text, " \t\r\n");
        size_t len = strcspn(hex, " \t\r\n");
        ok = key_field(text, "public", pk, AUDIT_PUBLIC_KEY_BYTES) ||
             (len == 2 * AUDIT_PUBLIC_KEY_BYTES &&
              sodium_hex2bin(pk, AUDIT_PUBLIC_KEY_BYTES, hex, len, NULL, &got, NULL) == 0 &&
              got == AUDIT_PUBLIC_KEY_BYTES);
        if (!ok)
            buf_printf(&why, "%s holds no public key", key_or_file);
    }
    if (!ok)
        buf_printf(err,
                   "--public-key takes the key's 64 hex digits or a file holding them (parley "
                   "audit key --public prints them): %s",
                   buf_cstr(&why));
    sodium_memzero(text, sizeof text);
    buf_release(&why);
    return ok;
}

void audit_public_key_hex(const unsigned char pk[AUDIT_PUBLIC_KEY_BYTES], char out[65])
{
    sodium_bin2hex(out, 65, pk, AUDIT_PUBLIC_KEY_BYTES);
}

/* What a checkpoint's signature covers: the head's row, its hash and when
 * it was signed, in a text that no other message of Parley's shares. */
static void checkpoint_message(char *out, size_t n, int64_t id, const char *hash, int64_t at)
{
    snprintf(out, n, "parley audit checkpoint v1\n%" PRId64 "\n%s\n%" PRId64 "\n", id, hash, at);
}

void audit_sign(const struct audit_key *k, int64_t id, const char *hash, int64_t at,
                char sig_hex[AUDIT_SIGNATURE_HEX])
{
    char msg[256];
    unsigned char sig[crypto_sign_BYTES];
    checkpoint_message(msg, sizeof msg, id, hash, at);
    crypto_sign_detached(sig, NULL, (const unsigned char *)msg, strlen(msg), k->secret_key);
    sodium_bin2hex(sig_hex, AUDIT_SIGNATURE_HEX, sig, sizeof sig);
}

bool audit_signature_valid(const unsigned char pk[AUDIT_PUBLIC_KEY_BYTES], int64_t id,
                           const char *hash, int64_t at, const char *sig_hex)
{
    char msg[256];
    unsigned char sig[crypto_sign_BYTES];
    size_t got = 0;
    if (strlen(sig_hex) != 2 * sizeof sig ||
        sodium_hex2bin(sig, sizeof sig, sig_hex, strlen(sig_hex), NULL, &got, NULL) != 0 ||
        got != sizeof sig)
        return false;
    checkpoint_message(msg, sizeof msg, id, hash, at);
    return crypto_sign_verify_detached(sig, (const unsigned char *)msg, strlen(msg), pk) == 0;
}

/* audit.h: R38's anchor outside the database. The audit log's chain (app.h)
 * catches an edit; its key catches a rewrite. An Ed25519 key in a file
 * beside the database (never inside it) signs checkpoints over the chain's
 * head, which are kept in the database and appended to a file beside the
 * key; `parley audit verify` checks the chain against them with the key's
 * public half, which can be kept anywhere. */
#ifndef PARLEY_APP_AUDIT_H
#define PARLEY_APP_AUDIT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "store/store.h"

#define AUDIT_PUBLIC_KEY_BYTES 32
#define AUDIT_SECRET_KEY_BYTES 64
#define AUDIT_PATH_MAX 4096

/* --- the key (audit_key.c) --- */

struct audit_key {
    unsigned char public_key[AUDIT_PUBLIC_KEY_BYTES];
    unsigned char secret_key[AUDIT_SECRET_KEY_BYTES];
    char path[AUDIT_PATH_MAX];         /* the key file */
    char checkpoints[AUDIT_PATH_MAX];  /* the checkpoint file beside it */
};

/* Where a database's key is when no --audit-key names it: beside an SQLite
 * file (parley.db.audit-key); for PostgreSQL, whose database has no place
 * on this machine, in the current directory, named after the database
 * (postgres://host/parley: parley.audit-key). */
void audit_key_default_path(const char *db_url, char *out, size_t n);
/* The checkpoint file that goes with a key: its path and ".checkpoints". */
void audit_checkpoints_path(const char *key_path, char *out, size_t n);

/* Makes a key at path (mode 0600) and an empty checkpoint file beside it,
 * unless there is a key already (*created false: nothing changed, except
 * that a missing checkpoint file is made again). Refuses to make a key
 * beside another key's checkpoint file. false, with why in err. */
bool audit_key_create(const char *path, bool *created, buf *err);
/* Copies a key and its checkpoint file to a new place (parley copy: the
 * log moves, and the key that signed it goes with it). */
bool audit_key_copy(const char *from, const char *to, buf *err);
/* Reads the key at path; refuses one that others can read. */
bool audit_key_load(struct audit_key *k, const char *path, buf *err);
/* Wipes the secret half from memory. */
void audit_key_forget(struct audit_key *k);
/* A public key given as its 64 hex digits, or as a file that holds them
 * (what `parley audit key --public` prints, or the key file itself). */
bool audit_public_key_read(const char *key_or_file, unsigned char pk[AUDIT_PUBLIC_KEY_BYTES],
                           buf *err);
void audit_public_key_hex(const unsigned char pk[AUDIT_PUBLIC_KEY_BYTES], char out[65]);

/* --- checkpoints (audit_checkpoint.c) --- */

/* Signs the chain's head unless a checkpoint names it already: a row in
 * the database, then (once committed) a line in the checkpoint file. An
 * empty log has nothing to sign. */
bool audit_checkpoint(db *d, const struct audit_key *k, buf *err);
/* The database's checkpoints in the checkpoint file's format, one a line,
 * for keeping elsewhere (`parley audit checkpoints`). */
bool audit_checkpoints_export(db *d, buf *out);

/* While serving: signs the head every `seconds` if it moved, and once more
 * when stopped. Uses its own connection to db_url. */
struct audit_signer;
struct audit_signer *audit_signer_start(const char *db_url, const struct audit_key *k,
                                        int seconds, buf *err);
void audit_signer_stop(struct audit_signer *s);

/* --- verification (audit.c) --- */

/* What the log is checked against: the key's public half, the database's
 * checkpoints and the checkpoint files given. A required file that is
 * missing is a finding (the one beside an existing key, --checkpoints). */
struct audit_anchor {
    unsigned char public_key[AUDIT_PUBLIC_KEY_BYTES];
    struct {
        const char *path;
        bool required;
    } files[4];
    int nfiles;
};

/* The chain, its head, the database's guards and every checkpoint: true
 * if all is sound. report gets one line per finding, saying what was found
 * and what it means, or the line of a sound log. */
bool audit_verify_signed(db *d, const struct audit_anchor *anchor, buf *report);

#endif

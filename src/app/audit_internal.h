/* audit_internal.h: what audit.c (the chain and its verification),
 * audit_key.c (the key) and audit_checkpoint.c (signed heads) share. */
#ifndef PARLEY_APP_AUDIT_INTERNAL_H
#define PARLEY_APP_AUDIT_INTERNAL_H

#include <sys/types.h>

#include "app/app.h"
#include "app/audit.h"

#define AUDIT_SIGNATURE_HEX 129

/* One row of the chain, as hashed (audit_row.c). */
struct audit_row {
    int64_t id, at, actor_id, record_id, subject_id;
    int64_t program_id;     /* 0: a row from before programs were told apart (009) */
    const char *actor_label, *action, *kind, *address, *summary, *prev_hash;
};
void audit_row_hash(const struct audit_row *row, char out[65]);
/* Appends a row by c's asker at the chain's head, in c->db's transaction. */
enum app_status audit_insert(struct ctx *c, const char *action, const char *kind,
                             int64_t record_id, int64_t subject_id, const char *summary);   /* an Ed25519 signature's 64 bytes in hex, and NUL */

/* The first lines of a checkpoint file and of an export. */
extern const char audit_checkpoints_header[];

/* Writes all of text to the file opened with open(2)'s flags (O_WRONLY
 * and more) and flushes it to disk; a file this made is removed again if
 * that fails. false, with why in err. */
bool audit_file_write(const char *path, int flags, mode_t mode, const char *text, buf *err);

/* The signature of the head (row id and its hash) signed at time at. */
void audit_sign(const struct audit_key *k, int64_t id, const char *hash, int64_t at,
                char sig_hex[AUDIT_SIGNATURE_HEX]);
bool audit_signature_valid(const unsigned char pk[AUDIT_PUBLIC_KEY_BYTES], int64_t id,
                           const char *hash, int64_t at, const char *sig_hex);

/* One signed head, and where it was read (the database or a file). */
struct audit_checkpoint {
    int64_t id, at;
    char hash[65];
    char signature[AUDIT_SIGNATURE_HEX];
    const char *source;
};

struct audit_checkpoints {
    struct audit_checkpoint *v;   /* malloc'd */
    size_t n, cap;
};

/* Appends the database's checkpoints; false if the database failed. */
bool audit_checkpoints_read_db(db *d, struct audit_checkpoints *list);
/* Appends a checkpoint file's; false (why in report, one line) when the
 * file cannot be read or a line of it is not a checkpoint. */
bool audit_checkpoints_read_file(const char *path, struct audit_checkpoints *list,
                                 buf *report);
void audit_checkpoints_add(struct audit_checkpoints *list, const struct audit_checkpoint *cp);
void audit_checkpoints_free(struct audit_checkpoints *list);

#endif

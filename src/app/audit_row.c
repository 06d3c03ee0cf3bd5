/* audit_row.c: one row of the audit log (R38): its hash, and its place at
 * the chain's head. Both ways of writing rows use it: audit_append in the
 * request's own transaction, and the group commit of audited reads
 * (audit_writer.c). */
#include <inttypes.h>
#include <string.h>

#include "app/audit_internal.h"
#include "base/buf.h"
#include "base/secret.h"

/* The hashed content: every field, each prefixed by its length, so no two
 * different rows hash the same text. */
void audit_row_hash(const struct audit_row *row, char out[65])
{
    buf b;
    buf_init(&b, NULL);
    buf_printf(&b, "%" PRId64 "|%" PRId64 "|%" PRId64 "|%" PRId64 "|%" PRId64 "|", row->id, row->at,
               row->actor_id, row->record_id, row->subject_id);
    const char *fields[] = {row->actor_label, row->action,  row->kind,
                            row->address,     row->summary, row->prev_hash};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        buf_printf(&b, "%zu:%s|", strlen(fields[i]), fields[i]);
    /* The program joined the chain with 009; older rows hash as they did. */
    if (row->program_id)
        buf_printf(&b, "program:%" PRId64 "|", row->program_id);
    secret_sha256_hex(b.s, b.len, out);
    buf_release(&b);
}

enum app_status audit_insert(struct ctx *c, const char *action, const char *kind, int64_t record_id,
                             int64_t subject_id, const char *summary)
{
    struct audit_row row = {
        .at = app_now(c),
        .actor_id = c->who.person_id,
        .record_id = record_id,
        .subject_id = subject_id,
        .action = action,
        .kind = kind,
        .program_id = c->who.program_id,
        .address = c->address ? c->address : "",
        .summary = summary,
        /* A visitor (the contact form) is known by address only. */
        .actor_label = c->who.person_id ? c->who.name
                       : c->who.operator? "command line"
                                        : "visitor",
    };
    /* Moving the head first locks its row until the transaction ends, so
     * concurrent writers (PostgreSQL's READ COMMITTED; SQLite has one
     * writer anyway) take their ids in turn instead of forking the chain.
     * last_hash is still the previous row's: it is set below. */
    db_stmt *st = db_query(c->db,
                           "UPDATE audit_head SET last_id = last_id + 1 WHERE one = 1 "
                           "RETURNING last_id, last_hash",
                           "");
    int rc = st ? db_step(st) : DB_ERROR;
    if (rc != DB_ROW) {
        db_done(st);
        return app_db_status(rc == DB_DONE ? DB_ERROR : rc);
    }
    row.id = db_int(st, 0);
    row.prev_hash = arena_strdup(c->a, db_text(st, 1));
    db_done(st);
    char hash[65];
    audit_row_hash(&row, hash);
    rc = db_exec(c->db,
                 "INSERT INTO audit (id, at, actor_id, actor_label, action, record_kind, "
                 "record_id, subject_id, address, summary, prev_hash, hash, program_id) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 "iissssissssss", row.id, row.at,
                 row.actor_id ? arena_printf(c->a, "%" PRId64, row.actor_id) : NULL,
                 row.actor_label, action, kind, record_id,
                 subject_id ? arena_printf(c->a, "%" PRId64, subject_id) : NULL, row.address,
                 summary, row.prev_hash, hash,
                 row.program_id ? arena_printf(c->a, "%" PRId64, row.program_id) : NULL);
    if (rc == DB_OK)
        rc = db_exec(c->db, "UPDATE audit_head SET last_hash = ? WHERE one = 1", "s", hash);
    return app_db_status(rc);
}

/* upload.c: checking, naming and storing uploaded files (resources,
 * artifacts) one way. */
#include "app/upload.h"

#include <string.h>

enum document_type upload_check(struct ctx *c, const struct upload *u, const char *offered,
                                struct errors *errs)
{
    enum document_type t = document_sniff(u->data, u->len, u->filename);
    enum document_type claimed = document_claimed(u->filename);
    if (!u->len)
        errors_add(errs, "file", "Choose a file to upload (the one chosen is empty).");
    else if (t == DOC_UNKNOWN)
        errors_add(errs, "file", arena_printf(c->a, "%s is not a kind of file %s. Its content "
                                                    "was checked, not its name: send a %s file.",
                                              u->filename, offered, document_accepted()));
    else if (claimed != t)
        errors_add(errs, "file", arena_printf(c->a, "%s is named as %s, but its content is %s. "
                                                    "Send the real file, or name it with %s.",
                                              u->filename,
                                              claimed ? document_label(claimed)
                                                      : "no accepted type",
                                              document_label(t), document_extension(t)));
    else
        return t;
    return DOC_UNKNOWN;
}

const char *upload_name(arena *a, const char *uploaded, enum document_type t)
{
    const char *base = uploaded ? uploaded : "";
    for (const char *p = base; *p; p++)
        if (*p == '/' || *p == '\\')
            base = p + 1;
    const char *dot = strrchr(base, '.');
    size_t stem = dot ? (size_t)(dot - base) : strlen(base);
    buf b;
    buf_init(&b, a);
    for (size_t i = 0; i < stem && b.len < 80; i++) {
        char ch = base[i];
        bool keep = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                    (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.';
        buf_putc(&b, keep ? ch : '-');
    }
    if (!b.len)
        buf_puts(&b, "document");
    buf_puts(&b, document_extension(t));
    return b.s;
}

const char *upload_type_label(const char *media_type)
{
    for (int t = DOC_UNKNOWN + 1; t < DOC_TYPE_COUNT; t++)
        if (strcmp(document_media_type((enum document_type)t), media_type) == 0)
            return document_label((enum document_type)t);
    return document_label(DOC_UNKNOWN);
}

enum app_status upload_read(struct ctx *c, const char *sql, int64_t id, const char **data,
                            size_t *len)
{
    db_stmt *st = db_query(c->db, sql, "i", id);
    if (!st)
        return APP_ERROR;
    bool found = db_step(st) == DB_ROW;
    if (found)
        *data = db_blob_copy(st, 0, c->a, len);
    db_done(st);
    return found ? APP_OK : APP_NOT_FOUND;
}

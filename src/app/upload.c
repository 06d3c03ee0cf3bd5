/* upload.c: checking, naming and storing uploaded files (resources,
 * artifacts, evidence sent to the Panel) one way. */
#include "app/upload.h"

#include <string.h>

enum document_type upload_check(struct ctx *c, const struct upload *u, unsigned accepted,
                                const char *offered, struct errors *errs)
{
    enum document_type t = document_sniff(u->data, u->len, u->filename);
    enum document_type claimed = document_claimed(u->filename);
    if (!u->len)
        errors_add(errs, "file", "Choose a file to upload (the one chosen is empty).");
    else if (t == DOC_UNKNOWN || !(accepted & DOC_SET(t)))
        errors_add(errs, "file",
                   arena_printf(c->a,
                                "%s is not a kind of file %s. Its content "
                                "was checked, not its name: send a %s file.",
                                u->filename, offered, document_accepted(c->a, accepted)));
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

#define MIB ((int64_t)1024 * 1024)

/* Bytes as people count them here: "12.5 MiB". */
static const char *mib_text(arena *a, int64_t bytes)
{
    return arena_printf(a, "%.1f MiB", (double)bytes / (double)MIB);
}

/* False, with the refusal on "file", if file bytes more than used would
 * pass quota (a setting in MiB). whose: "this case's files". */
static bool within_quota(struct ctx *c, const char *setting, int64_t used, int64_t file,
                         const char *whose, struct errors *errs)
{
    int64_t quota = program_setting_int(c, setting) * MIB;
    if (used + file <= quota)
        return true;
    errors_add(errs, "file",
               arena_printf(c->a, "This file (%s) would take %s past their quota of %s: they "
                                  "take %s already. Choose a smaller file, or ask the program "
                                  "coordinator to raise the quota (Program settings).",
                            mib_text(c->a, file), whose, mib_text(c->a, quota),
                            mib_text(c->a, used)));
    return false;
}

/* Two uploads at once on PostgreSQL may each pass before either is
 * stored: a quota can then be passed by one file, never more. */
bool upload_quota_check(struct ctx *c, int64_t case_id, int64_t replacing, size_t len,
                        struct errors *errs)
{
    int64_t used = 0;
    if (case_id) {
        db_int_query(c->db, &used,
                     "SELECT (SELECT COALESCE(SUM(size), 0) FROM artifact WHERE case_id = ?) + "
                     "(SELECT COALESCE(SUM(file_size), 0) FROM panel_submission WHERE "
                     "case_id = ?)",
                     "ii", case_id, case_id);
        if (!within_quota(c, "upload_case_quota_mib", used, (int64_t)len, "this case's files",
                          errs))
            return false;
    }
    if (!c->who.person_id)
        return true;   /* the command line has no quota */
    db_int_query(c->db, &used,
                 "SELECT (SELECT COALESCE(SUM(size), 0) FROM artifact WHERE uploaded_by = ?) + "
                 "(SELECT COALESCE(SUM(size), 0) FROM resource WHERE uploaded_by = ? AND id <> ?) "
                 "+ (SELECT COALESCE(SUM(file_size), 0) FROM panel_submission WHERE "
                 "person_id = ?)",
                 "iiii", c->who.person_id, c->who.person_id, replacing, c->who.person_id);
    return within_quota(c, "upload_person_quota_mib", used, (int64_t)len,
                        "the files you have uploaded", errs);
}

enum document_type upload_accept(struct ctx *c, const struct upload *u, unsigned accepted,
                                 const char *offered, int64_t case_id, struct errors *errs)
{
    enum document_type t = upload_check(c, u, accepted, offered, errs);
    if (t != DOC_UNKNOWN && !upload_quota_check(c, case_id, 0, u->len, errs))
        return DOC_UNKNOWN;
    return t;
}

const char *upload_type_label(const char *media_type)
{
    return document_label(document_of_media_type(media_type));
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

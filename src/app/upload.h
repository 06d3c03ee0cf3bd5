/* upload.h: what every use case that keeps uploaded files shares (the
 * public site's resources, a case's artifacts, evidence sent to the
 * Panel): the file's type is known
 * by its content (domain/document.h), never by its name or the browser's
 * word; its download name is made safe; its bytes are kept as bytes (BLOB,
 * bytea) in the database, outside any public path. */
#ifndef PARLEY_UPLOAD_H
#define PARLEY_UPLOAD_H

#include <stddef.h>

#include "app/app.h"
#include "domain/document.h"

/* A file as a form or the API sends it; data NULL: none sent. */
struct upload {
    const char *filename;
    const char *data;
    size_t len;
};

/* The type the bytes really are, when it is one of the accepted set
 * (document.h's DOCS_...) and the name's extension says the same; else
 * DOC_UNKNOWN with an error on field "file" naming the file and what was
 * wrong. offered: what the accepted files are for, ending "... is not a
 * kind of file <offered>". */
enum document_type upload_check(struct ctx *c, const struct upload *u, unsigned accepted,
                                const char *offered, struct errors *errs);
/* The name to download it by: the uploaded name's letters, digits, '.',
 * '-' and '_' (nothing that could break a header or a path), ending in the
 * extension of the type the content really is. */
const char *upload_name(arena *a, const char *uploaded, enum document_type t);
/* The program's upload quotas (settings upload_case_quota_mib and
 * upload_person_quota_mib): a file of len bytes that would take its case's
 * files (case_id; 0 for a file of no case) or its uploader's past their
 * quota gets an error on field "file" that names the quota and what to do.
 * replacing: the site document whose file this replaces (its old file no
 * longer counts), or 0. Returns false if it did. */
bool upload_quota_check(struct ctx *c, int64_t case_id, int64_t replacing, size_t len,
                        struct errors *errs);
/* upload_check() and then upload_quota_check() for a new file of case_id:
 * the type, or DOC_UNKNOWN with the error on field "file". */
enum document_type upload_accept(struct ctx *c, const struct upload *u, unsigned accepted,
                                 const char *offered, int64_t case_id, struct errors *errs);
/* A stored media type's label for people ("PDF"). */
const char *upload_type_label(const char *media_type);
/* The stored bytes of one file, into c->a: sql selects its bytes by the
 * one id parameter. APP_NOT_FOUND when there is no such row. */
enum app_status upload_read(struct ctx *c, const char *sql, int64_t id, const char **data,
                            size_t *len);

#endif

/* artifact.h: a case's artifacts (R15, R16, R19, R37): documents the
 * teacher, the CT or, on a PAR case, the administrator (the secondary
 * evaluator) add to the case, tagged to the rubric's indicators. The type
 * is known by the content (upload.h); the bytes are kept in the database,
 * outside any public path, and downloaded as attachments; every download
 * by anyone but the teacher is audited. */
#ifndef PARLEY_APP_ARTIFACT_H
#define PARLEY_APP_ARTIFACT_H

#include "app/casework.h"
#include "app/upload.h"

#define ARTIFACT_TITLE_MAX 200
#define ARTIFACT_DESCRIPTION_MAX 2000

struct artifact {
    int64_t id, case_id, size, uploaded_by, created_at;
    const char *title, *description, *filename, *media_type, *uploaded_by_name;
    const char *type_label;                 /* "PDF" */
    struct evidence_tag *tags;
    int ntags;
};

struct artifact_input {
    const char *title, *description;
    const char *indicators;                 /* indicator ids, "12,14" ("" or NULL: none) */
    struct upload file;
};

/* The case's artifacts, newest first; k gets the case. A view by anyone
 * but the teacher is audited (R37, R38). */
enum app_status artifacts_list(struct ctx *c, int64_t case_id, struct case_record *k,
                               struct artifact **out, int *n);
enum app_status artifact_get(struct ctx *c, int64_t case_id, int64_t id, struct case_record *k,
                             struct artifact *out);
/* The record and its bytes (in c->a). */
enum app_status artifact_download(struct ctx *c, int64_t case_id, int64_t id,
                                  struct artifact *out, const char **data, size_t *len);
/* Adds one. APP_INVALID: errs ("file" says what is wrong with the file);
 * APP_FORBIDDEN, APP_CONFLICT: refusal says why. */
enum app_status artifact_upload(struct ctx *c, int64_t case_id, const struct artifact_input *in,
                                int64_t *id, struct errors *errs, const char **refusal);
/* For the case page: how many artifacts the case has and when the newest
 * was added (0: none). The caller has authorised the asker to see them;
 * nothing is checked or audited here. */
enum app_status artifacts_count(struct ctx *c, const struct case_record *k, int *n,
                                int64_t *newest_at);

#endif

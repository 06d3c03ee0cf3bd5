/* rubric_edit.h: the coordinator edits the program's rubric (KIND_RUBRIC,
 * R19): renames a standard, adds and edits indicators, retires and restores
 * them. A retired indicator stays for the evidence and goals already tagged
 * to it, and is no longer offered (rubric_load without retired). Every
 * change is audited. */
#ifndef PARLEY_APP_RUBRIC_EDIT_H
#define PARLEY_APP_RUBRIC_EDIT_H

#include "app/rubric.h"

/* An indicator as a form or the API sends it; NULL: not sent (kept). */
struct indicator_input {
    const char *code, *title, *description;
};

/* An installation made before the rubric existed has none: the coordinator
 * starts from the Massachusetts rubric (rubric_seed_program). */
enum app_status rubric_start(struct ctx *c);
/* One standard (its indicators not loaded) or one indicator of the
 * asker's program, for the edit pages. */
enum app_status rubric_standard_get(struct ctx *c, int64_t id, struct rubric_standard *out);
enum app_status rubric_indicator_get(struct ctx *c, int64_t id, struct rubric_indicator *out);
enum app_status rubric_standard_rename(struct ctx *c, int64_t id, const char *title,
                                       struct errors *errs);
enum app_status rubric_indicator_add(struct ctx *c, int64_t standard_id,
                                     const struct indicator_input *in, int64_t *id,
                                     struct errors *errs);
enum app_status rubric_indicator_update(struct ctx *c, int64_t id, const struct indicator_input *in,
                                        struct errors *errs);
enum app_status rubric_indicator_retire(struct ctx *c, int64_t id, bool retired);

#endif

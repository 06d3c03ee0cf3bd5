/* coaching.h: a case's coaching log (R16, R19): the Consulting Teacher's
 * visits and contacts with the teacher, newest first. The case's CT adds
 * and corrects entries. Who reads the log is the policy table's: an
 * evaluator reaches it only through WHO_CASE_EVALUATOR, which never holds
 * on a PA case, so a PA case's log never reaches an evaluator (R16). */
#ifndef PARLEY_COACHING_H
#define PARLEY_COACHING_H

#include "app/enrolment.h"

enum coaching_kind {
    COACHING_VISIT, COACHING_MEETING, COACHING_PHONE, COACHING_VIDEO, COACHING_EMAIL,
    COACHING_OTHER, COACHING_KIND_COUNT
};
const char *coaching_kind_key(enum coaching_kind k);     /* "visit" */
const char *coaching_kind_label(enum coaching_kind k);   /* "Classroom visit" */
bool coaching_kind_parse(const char *key, enum coaching_kind *out);

struct coaching_entry {
    int64_t id, case_id, author_id, created_at, updated_at, version;
    const char *on_date;             /* YYYY-MM-DD */
    enum coaching_kind kind;
    int minutes;
    const char *focus, *next_steps, *author_name;
};

/* As a form or the API sends it; NULL: not sent (a change keeps the value). */
struct coaching_input {
    const char *on_date, *minutes, *kind, *focus, *next_steps;
};

/* The case's log, newest first; the view is audited (casework_open).
 * refusal: the rule's words for APP_FORBIDDEN. */
enum app_status coaching_list(struct ctx *c, int64_t case_id, struct case_record *k,
                              struct coaching_entry **out, int *n, const char **refusal);
/* One entry, for act (ACT_VIEW or ACT_EDIT: the correction form). */
enum app_status coaching_get(struct ctx *c, int64_t case_id, int64_t id, enum action act,
                             struct case_record *k, struct coaching_entry *out,
                             const char **refusal);
enum app_status coaching_add(struct ctx *c, int64_t case_id, const struct coaching_input *in,
                             int64_t *id, struct errors *errs, const char **refusal);
/* version: the one the change is based on (NULL or "": not checked, as an
 * API PATCH may leave it out); another one is APP_CONFLICT. */
enum app_status coaching_update(struct ctx *c, int64_t case_id, int64_t id, const char *version,
                                const struct coaching_input *in, struct errors *errs,
                                const char **refusal);
/* For the case page's section: how many entries and the newest one's date
 * ("" when none). Not audited: the caller has asked casework_may(). */
enum app_status coaching_summary(struct ctx *c, const struct case_record *k, int *count,
                                 const char **last_on);

/* For the CT dashboard's week view: the coaching entries of ct_id's cases,
 * dated from `from` to `to` (YYYY-MM-DD, both included), oldest first,
 * with each one's case id and teacher's name. No authorisation and no
 * audit here: the caller has authorised (a CT's own dashboard). */
struct coaching_item {
    int64_t id, case_id;
    const char *on_date, *teacher_name, *focus;
    enum coaching_kind kind;
    int minutes;
};
enum app_status coaching_week(struct ctx *c, int64_t ct_id, const char *from, const char *to,
                              struct coaching_item **out, int *n);

#endif

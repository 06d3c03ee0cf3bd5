/* recommendation.h: the end of a PAR case's cycle as the Consulting
 * Teacher, the teacher, the administrator and the Superintendent see it:
 * the CT's rating recommendation to the Panel with its rationale (R21);
 * the preview window in which the teacher and the administrator read it
 * and send the Panel written evidence or ask to appear (R22); the evidence
 * packet the Panel reads (R21); and the Superintendent's approval of the
 * Panel's decision, without which no rating is final (R25). Who may do
 * each is the policy table's (KIND_RECOMMENDATION, KIND_PANEL_SUBMISSION,
 * KIND_DECISION); every change is on the case's timeline and audited. */
#ifndef PARLEY_APP_RECOMMENDATION_H
#define PARLEY_APP_RECOMMENDATION_H

#include "app/casework.h"
#include "app/upload.h"
#include "domain/recommendation.h"

/* --- the recommendation (R21, R22) --- */

struct recommendation {
    int64_t id, case_id, submitted_at, created_at, updated_at, version; /* id 0: none */
    enum rec_status status;
    enum rating rating;
    const char *rationale, *created_by;
    char preview_until[11]; /* R22: the last day evidence is taken; "" until sent */
    int days_left;          /* from today to preview_until; negative once over */
    bool preview_open;      /* R22: submissions are taken today */
};
struct rec_input {
    const char *rating, *rationale; /* NULL: not sent (an edit keeps the value) */
};

/* The case's recommendation as the asker may see it (ACT_VIEW, audited): a
 * draft is its writer's alone, and reads as REC_NONE to anyone else (R22:
 * the teacher and the administrator see it once sent). */
enum app_status recommendation_get(struct ctx *c, int64_t case_id, struct case_record *k,
                                   struct recommendation *out, const char **refusal);
/* Writes the draft, or a new one (R21: the case's primary evaluator only).
 * version: the one the change is based on (stale: APP_CONFLICT, refusal
 * NULL); 0 takes the current one. A sent one no longer changes (409). */
enum app_status recommendation_save(struct ctx *c, int64_t case_id, int64_t version,
                                    const struct rec_input *in, struct errors *errs,
                                    const char **refusal);
/* Sends it to the Panel: preview_until = today + panel_preview_days (R22);
 * the teacher and the administrator are told. */
enum app_status recommendation_submit(struct ctx *c, int64_t case_id, int64_t version,
                                      const char **refusal);

/* --- what the teacher and the administrator send the Panel (R22) --- */

struct panel_submission {
    int64_t id, case_id, person_id, created_at;
    const char *person_name, *party, *body; /* party: teacher | administrator */
    enum submission_kind kind;
    /* The file sent with it (issue 18): its safe name ("": none), media
     * type, label ("PDF") and size in bytes. */
    const char *file_name, *file_type, *file_label;
    int64_t file_size;
};
struct submission_input {
    const char *kind, *body; /* written | appear; the evidence, or the request's note */
    struct upload file;      /* data NULL: none */
};
enum app_status panel_submissions_list(struct ctx *c, int64_t case_id, struct case_record *k,
                                       struct panel_submission **out, int *n, const char **refusal);
/* R22: accepted through preview_until; the party is the asker's relation
 * to the case. A file may go with it: a PDF or a photo (DOCS_EVIDENCE),
 * known by its content and within the upload quotas as an artifact is;
 * a wrong one is an error on field "file". */
enum app_status panel_submission_create(struct ctx *c, int64_t case_id,
                                        const struct submission_input *in, int64_t *id,
                                        struct errors *errs, const char **refusal);
/* The file sent with submission id, for those who may read what was sent
 * to the Panel (the policy table: the sitting members not recused, R24,
 * R29); the read is audited for anyone but the teacher (R37, R38). The
 * record, and its bytes in c->a; APP_NOT_FOUND when it has no file. */
enum app_status panel_submission_download(struct ctx *c, int64_t case_id, int64_t id,
                                          struct panel_submission *out, const char **data,
                                          size_t *len, const char **refusal);

/* --- the evidence packet (R21) --- */

/* A section of the packet: rows of text cells under named columns. */
struct packet_table {
    const char *const *cols;
    int ncols, n;
    const char **cells; /* cells[row * ncols + col] */
};
struct packet {
    struct recommendation rec;
    /* Evaluations shared with the teacher (shared, signed, locked) and their
     * ratings by standard; the goals; the observations; the artifacts'
     * titles; the meetings held. */
    struct packet_table evaluations, ratings, goals, observations, artifacts, meetings;
    struct panel_submission *subs;
    int nsubs;
};
enum app_status packet_get(struct ctx *c, int64_t case_id, struct case_record *k,
                           struct packet *out, const char **refusal);
/* The cell of column name in row i ("" when there is no such column). */
const char *packet_cell(const struct packet_table *t, int i, const char *name);

/* --- the Panel's decisions and the Superintendent's answer (R25) --- */

struct decision {
    int64_t id, case_id, session_id, decided_at, approved_at, version;
    enum rating rating;
    enum approval approval;
    const char *tally, *held_on, *approval_reason, *approved_by;
    const char *teacher_name; /* decisions_awaiting() only */
};
/* The case's decisions, the newest first (ACT_VIEW, audited). */
enum app_status decisions_list(struct ctx *c, int64_t case_id, struct case_record *k,
                               struct decision **out, int *n, const char **refusal);
/* Opens the case for the Superintendent's answer to one of its decisions
 * (R25: WHO_CASE_APPROVER only); someone who reads the decision but may not
 * answer it gets APP_FORBIDDEN with the refusal. */
enum app_status decision_case_open(struct ctx *c, int64_t case_id, int64_t decision_id,
                                   struct case_record *k, const char **refusal);
/* The Superintendent's answer (R25: WHO_CASE_APPROVER only): approval
 * "approved" or "returned" (with a reason). Only a pending decision is
 * answered; an approved one is final. Everyone on the case is told. */
enum app_status decision_answer(struct ctx *c, int64_t case_id, int64_t decision_id,
                                int64_t version, const char *approval, const char *reason,
                                struct errors *errs, const char **refusal);
/* The program's decisions awaiting approval, the oldest first (ACT_LIST),
 * those the asker may read (R24, R29). */
enum app_status decisions_awaiting(struct ctx *c, struct decision **out, int *n);
/* The case's newest decision, for the "final rating" line; false when the
 * Panel has not decided. No authorisation: the caller showed the case. */
bool decision_latest(struct ctx *c, int64_t case_id, struct decision *out);

/* A final rating, as the district's evaluation platform takes it back. */
struct final_rating {
    int64_t decision_id, case_id, teacher_id;
    const char *teacher, *email, *employee_id;
    int school_year;           /* the year it starts: 2025 for 2025-26 */
    enum rating rating;
    const char *approved_on;   /* YYYY-MM-DD, in the program's time zone */
};
/* R25: the program's final ratings, those the Superintendent approved and
 * no other, the oldest approval first (ACT_LIST KIND_FINAL_RATING). Each
 * is audited about its teacher, who sees that theirs went to the district
 * (R37, R38). */
enum app_status final_ratings_list(struct ctx *c, struct final_rating **out, int *n);

#endif

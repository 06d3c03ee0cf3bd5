/* meetings.h: a case's parley meetings (R17). In PAR the teacher, the
 * Consulting Teacher and the administrator meet at least three times,
 * typically at the start, middle and end of the cycle (domain/cycle.h
 * computes those windows); each meeting is scheduled (date, time, place),
 * may be rescheduled or cancelled, and is recorded as held with who
 * attended and its minutes. A PAR cycle does not close with fewer than
 * three held (workflow.c's close_cycle). A PA case's meetings are the
 * teacher's and the CT's only: its administrator is neither invited nor
 * told (R16). meetings.c reads them; meetings_write.c's steps change them. */
#ifndef PARLEY_MEETINGS_H
#define PARLEY_MEETINGS_H

#include "app/enrolment.h"
#include "domain/cycle.h"

enum meeting_status { MEETING_SCHEDULED, MEETING_HELD, MEETING_CANCELLED, MEETING_STATUS_COUNT };
const char *meeting_status_key(enum meeting_status s);     /* "scheduled" */
const char *meeting_status_label(enum meeting_status s);   /* "Scheduled" */


struct meeting {
    int64_t id, case_id, held_at, created_at, updated_at, version;
    enum meeting_phase phase;
    enum meeting_status status;
    const char *starts_at;           /* the program's local "YYYY-MM-DD HH:MM" */
    int minutes, sequence;
    unsigned attended;               /* ATTENDED_* */
    const char *place, *notes, *uid;
};

/* As a form or the API sends it; NULL: not sent. attended: the keys
 * "teacher", "ct", "administrator", comma-separated. */
struct meeting_input {
    const char *phase, *at, *minutes, *place, *attended, *notes;
};

/* One of the three windows of a PAR cycle with a timeline (R17). */
struct meeting_window {
    enum meeting_phase phase;
    struct date_window window;
    const struct meeting *meeting;   /* held or scheduled in this phase, or NULL */
    bool overdue;                    /* none held, and today is past the window */
    char overdue_since[11];          /* the day after the window ends */
};

struct meetings_view {
    struct meeting *items;           /* soonest first; cancelled ones too */
    int n;
    bool has_windows;                /* a PAR case whose timeline is set */
    struct meeting_window windows[3];
    int held;
    const char *today;               /* YYYY-MM-DD in the program's zone */
};

/* The case's meetings and, for PAR, the windows; the view is audited. */
enum app_status meetings_list(struct ctx *c, int64_t case_id, struct case_record *k,
                              struct meetings_view *v, const char **refusal);
/* One meeting, for act (ACT_VIEW, or ACT_EDIT for its forms). */
enum app_status meeting_get(struct ctx *c, int64_t case_id, int64_t id, enum action act,
                            struct case_record *k, struct meeting *out, const char **refusal);
/* Schedules (phase, at, minutes 15-480, place). One start, middle and end
 * meeting each: another is refused on "phase" (reschedule it instead). */
enum app_status meeting_schedule(struct ctx *c, int64_t case_id, const struct meeting_input *in,
                                 int64_t *id, struct errors *errs, const char **refusal);
/* version: the one the change is based on (NULL or "": not checked, for an
 * API PATCH); another one is APP_CONFLICT, as is a meeting already
 * cancelled (or, to reschedule or cancel, already held). */
enum app_status meeting_reschedule(struct ctx *c, int64_t case_id, int64_t id,
                                   const char *version, const struct meeting_input *in,
                                   struct errors *errs, const char **refusal);
enum app_status meeting_cancel(struct ctx *c, int64_t case_id, int64_t id, const char *version,
                               const char **refusal);
/* R8: the case withdrawn, its meetings still to come are cancelled, and
 * their invitations with them. No authorisation: the withdraw step's. */
enum app_status meetings_case_withdrawn(struct ctx *c, const struct case_record *k);
/* Records it held (again, to correct who attended or the minutes): the
 * teacher attended; on a PA case the administrator cannot (R16); a meeting
 * still to come cannot have been held. */
enum app_status meeting_hold(struct ctx *c, int64_t case_id, int64_t id, const char *version,
                             const struct meeting_input *in, struct errors *errs,
                             const char **refusal);

/* The meetings of a case the caller has loaded, soonest first, if the
 * asker may see them (the policy table; APP_FORBIDDEN or APP_NOT_FOUND
 * otherwise). Not audited: for the calendar feed, whose owner takes part
 * in them. */
enum app_status meetings_of_case(struct ctx *c, const struct case_record *k,
                                 struct meeting **out, int *n);

/* Who attended, between its stored keys ("teacher,ct,administrator": false
 * on a key that is none of them), the bits ATTENDED_* and words ("the
 * teacher, the Consulting Teacher and the administrator"). */
bool meeting_attended_parse(arena *a, const char *text, unsigned *out);
const char *meeting_attended_text(arena *a, unsigned bits);
const char *meeting_attended_words(struct ctx *c, unsigned bits);
/* Every meeting of the case, soonest first. No authorisation: for the
 * process's facts (app/process.c), which count them (R17). */
enum app_status case_meetings(struct ctx *c, int64_t case_id, struct meeting **out, int *n);
/* The meetings of the cases whose ids are listed ("12,14", db_id_list), by
 * case, soonest first. */
enum app_status meetings_of_cases(struct ctx *c, const char *ids, struct meeting **out, int *n);

/* The next window due, for the case page and the dashboard. */
struct meeting_due {
    enum meeting_phase phase;        /* PHASE_COUNT: none (not PAR, no timeline, all held) */
    struct date_window window;
    bool overdue;                    /* today is past the window and it is not held */
    const char *scheduled_at;        /* its meeting's time when one is scheduled, else NULL */
};
/* For a case the caller has loaded (case_load/cases_list, whose relations
 * it carries): the meetings held and scheduled, and the first of the three
 * windows whose meeting is not held yet. Asks the policy table (APP_FORBIDDEN
 * or APP_NOT_FOUND when the asker may not see the case's meetings) but does
 * not audit: a count, not the records. */
enum app_status meetings_status(struct ctx *c, const struct case_record *k, int *held,
                                int *scheduled, struct meeting_due *due);

/* For the CT dashboard's week view: the meetings, scheduled or held (not
 * cancelled), of the cases person_id is the Consulting Teacher of, starting
 * from `from` to `to` (YYYY-MM-DD, both included), soonest first. No
 * authorisation and no audit here: the caller has authorised (a CT's own
 * dashboard). */
struct meeting_item {
    int64_t id, case_id;
    const char *starts_at, *place, *teacher_name;
    enum meeting_phase phase;
    enum meeting_status status;
    int minutes;
};
enum app_status meetings_week(struct ctx *c, int64_t person_id, const char *from, const char *to,
                              struct meeting_item **out, int *n);

#endif

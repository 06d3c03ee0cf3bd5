/* panel.h: the Panel's sessions (R24, R25, R29). The coordinator schedules
 * a session (date, time, place; the vote rule and the quorum are the
 * program's settings unless set for the session), puts on its docket the
 * PAR cases whose recommendation went to the Panel (R21), and ticks the
 * members present: only members whose term covers the session's date
 * (R29). On each case a member deliberates (notes only the Panel reads),
 * recuses for a conflict of interest (R24: for good; the coordinator may
 * record it too), and casts one vote; closing the vote tallies it by the
 * session's rule (domain/panel.h) and, when it decides, records the
 * Panel's rating, which awaits the Superintendent's approval (R25). Who may
 * do what is the policy table's (KIND_PANEL_SESSION, KIND_PANEL_NOTE,
 * KIND_RECUSAL, KIND_PANEL_VOTE, KIND_DECISION). Every write is audited;
 * notes, recusals and votes never reach the case's timeline or anyone's
 * inbox. The files, from the bottom up: panel.c (the sessions as they
 * stand), panel_item.c (one case at a session), panel_write.c (a session's
 * steps), panel_view.c (what a session shows), panel_vote.c (the work on
 * one case). */
#ifndef PARLEY_APP_PANEL_H
#define PARLEY_APP_PANEL_H

#include "app/casework.h"
#include "domain/panel.h"

/* A session as a form or the API sends it: strings, checked here; NULL:
 * not sent (an update keeps the session's value). present and docket are
 * lists of ids "12,14" that replace the attendance and the docket. */
struct panel_session_input {
    const char *held_on, *starts_at, *place, *vote_rule, *quorum;
    const char *present, *docket;
};

struct panel_session {
    int64_t id, created_at, updated_at, version;
    const char *held_on, *starts_at, *place, *vote_rule; /* 'YYYY-MM-DD', 'HH:MM' */
    int quorum;
    int sequence;                                        /* the calendar's (RFC 5545) */
    const char *arranged_by_name, *arranged_by_email;    /* the coordinator who arranged it
                                                            ("" when not known) */
    bool closed;
    int ncases, npresent;                                /* in lists */
};

/* A member of the Panel, and where they stand for a session's date. */
struct panel_member {
    int64_t person_id;
    const char *name, *seat, *term_start, *term_end;
    bool sitting;        /* R29: the term covers the session's date */
    bool present;
};

struct panel_vote_row {
    int64_t person_id, cast_at;
    const char *name;
    enum rating rating;
};
struct panel_recusal_row {
    int64_t person_id, created_at;
    const char *name, *reason;
};
struct panel_decision_row {
    int64_t id, decided_at;
    enum rating rating;
    const char *tally, *approval;  /* approval: pending | approved | returned */
};

/* A case on a session's docket, as the asker may see it: only a member
 * sitting on the session (their term covers its date, R29) and not recused
 * from the case (R24), and the coordinator, read who it is about, its
 * recommendation, who recused and why, and the votes. */
struct panel_docket_item {
    const char *withheld;         /* why the asker reads none of it, and k holds
                                     only its id; NULL when they read it */
    struct case_record k;
    enum rating recommended;      /* RATING_NONE when the asker may not see it */
    char preview_until[11];       /* R22: the Panel votes after this day */
    int written, appear;          /* R22: what the teacher and the administrator sent,
                                     when the asker may see it (0 otherwise) */
    struct panel_recusal_row *recusals;   /* withheld: the asker's own only */
    int nrecusals;
    struct panel_vote_row *votes; /* who voted; how, once the vote is closed */
    int nvotes;
    bool decided;                 /* the Panel decided it at this session */
    struct panel_decision_row decision;
    bool closed;                  /* decided, or the session is closed */
    struct panel_tally tally;     /* once closed: the votes by rating */
    /* The asker: */
    bool recused;                 /* they recused themselves (R24) */
    enum rating my_vote;          /* RATING_NONE: not voted */
    const char *vote_refusal;     /* why they may not vote now; NULL: they may */
};

struct panel_session_view {
    struct panel_session s;
    struct panel_member *members; /* the roster, with who is present */
    int nmembers;
    struct panel_docket_item *docket;
    int ndocket;
};

/* R29: the asker sits on the Panel on date (a term of theirs covers it). */
bool panel_sits_on(struct ctx *c, const char *date);
/* POLICY_REL(WHO_PANEL_SITTING) when the asker sits on the Panel today,
 * else 0: for the policy table's rows that are a sitting member's. */
unsigned panel_sitting_rel(struct ctx *c);

/* One session of the asker's program, not authorised (for the Panel's own
 * use cases and the session's invitations); APP_NOT_FOUND if none. */
enum app_status panel_session_load(struct ctx *c, int64_t id, struct panel_session *s);
/* The Panel's members, each once, with whether their term covers the
 * session's day (R29) and whether they are ticked present. No
 * authorisation: for the session's page and its invitations. */
enum app_status panel_members_on(struct ctx *c, const struct panel_session *s,
                             struct panel_member **out, int *n);
/* Sessions, soonest first (upcoming: from today, still scheduled). */
enum app_status panel_sessions_list(struct ctx *c, bool upcoming, struct panel_session **out,
                                    int *n);
/* The session and its docket as the asker may see it; each case whose
 * Panel records they read is audited as a read about its teacher (R37). */
enum app_status panel_session_get(struct ctx *c, int64_t id, struct panel_session_view *v);
/* Schedules a session (R24): held_on, starts_at and place are needed;
 * vote_rule and quorum default to the program's settings. */
enum app_status panel_session_create(struct ctx *c, const struct panel_session_input *in,
                                     int64_t *id, struct errors *errs);
/* Changes what is sent. version: the one the change is based on (0: the
 * current one; a stale one: APP_CONFLICT, refusal NULL). The rule and the
 * quorum stay once a vote is cast. */
enum app_status panel_session_update(struct ctx *c, int64_t id, int64_t version,
                                     const struct panel_session_input *in, struct errors *errs,
                                     const char **refusal);
/* Adds a case to the docket (add): a PAR case whose recommendation went
 * to the Panel (R21) and that the Panel has not decided (else errs on
 * "case_id"); or takes one off, unless votes were cast on it there. */
enum app_status panel_docket_change(struct ctx *c, int64_t id, int64_t case_id, bool add,
                                    struct errors *errs, const char **refusal);
/* No more notes, votes or changes. */
enum app_status panel_session_close(struct ctx *c, int64_t id, int64_t version,
                                    const char **refusal);

/* The deliberation on one case of a session: only the Panel's (R24). */
struct panel_note_row {
    int64_t id, created_at;
    const char *author, *body, *held_on;  /* the session's date */
};
struct panel_case_view {
    struct panel_session_view v;
    struct panel_docket_item *item;       /* the case, in v.docket */
    struct panel_note_row *notes;         /* every session's, oldest first */
    int nnotes;
};
/* Opens the session and the case for act on kind (casework_check: the
 * policy table, with the Panel's relation as of the session's date, the
 * case's state, a view audited), with the case on its docket. A member who
 * recused from the case is told so (R24), one whose term does not cover
 * the session's date so (R29), rather than a bare refusal. */
enum app_status panel_case_open(struct ctx *c, int64_t session_id, int64_t case_id,
                                enum action act, enum record_kind kind, struct case_record *k,
                                struct panel_session *s, const char **refusal);
enum app_status panel_case_get(struct ctx *c, int64_t session_id, int64_t case_id,
                               struct panel_case_view *out, const char **refusal);
enum app_status panel_note_add(struct ctx *c, int64_t session_id, int64_t case_id,
                               const char *body, int64_t *id, struct errors *errs,
                               const char **refusal);
/* R24: a member recuses themselves (person_id NULL or ""), or the
 * coordinator records a member's recusal (person_id required). */
enum app_status panel_recuse(struct ctx *c, int64_t session_id, int64_t case_id,
                             const char *person_id, const char *reason, struct errors *errs,
                             const char **refusal);
/* R24, R29: the asker's one vote on the case at this session. */
enum app_status panel_vote_cast(struct ctx *c, int64_t session_id, int64_t case_id,
                                const char *rating, struct errors *errs, const char **refusal);
/* R24, R25: tallies the votes; when they decide, records the Panel's
 * rating (pending the Superintendent's approval) and tells the case's
 * people and the Superintendent; when not, t says why and the case stays
 * open. decision_id: 0 when not decided. */
enum app_status panel_vote_close(struct ctx *c, int64_t session_id, int64_t case_id,
                                 struct panel_tally *t, int64_t *decision_id,
                                 const char **refusal);

/* The Panel's and the coordinator's overview. */
struct panel_case_row {
    int64_t case_id, decision_id, session_id, decided_at;
    const char *teacher_name, *school_name, *held_on;
    enum rating rating;           /* recommended, or decided */
};
struct panel_overview {
    struct panel_session *upcoming;
    int nupcoming;
    struct panel_case_row *awaiting;   /* cases awaiting a decision */
    int nawaiting;
    struct panel_case_row *pending;    /* decisions awaiting approval (R25) */
    int npending;
};
/* Its cases are those whose recommendation or decision the asker may see:
 * none of a case a member recused from, none to one whose term ended. */
enum app_status panel_overview_get(struct ctx *c, struct panel_overview *o);
/* The PAR cases before the Panel and not decided (the docket's choices). */
enum app_status panel_cases_awaiting(struct ctx *c, struct panel_case_row **out, int *n);

#endif

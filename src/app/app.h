/* app.h: the use cases. Each one authorises through the policy table,
 * validates, writes and audits; none formats HTML. The caller (web/) owns
 * the transaction: one per request that writes. */
#ifndef PARLEY_APP_H
#define PARLEY_APP_H
#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "domain/errors.h"
#include "domain/policy.h"
#include "domain/signin.h"
#include "out/oidc.h"
#include "store/store.h"

enum app_status {
    APP_OK = 0,
    APP_INVALID,      /* errs says which fields and why */
    APP_FORBIDDEN,    /* 403 */
    APP_NOT_FOUND,    /* 404, also for records whose existence is private */
    APP_CONFLICT,     /* someone else changed the record first */
    APP_DENIED,       /* sign-in refused (no hint why) */
    APP_THROTTLED,    /* too many attempts: retry later */
    APP_BUSY,         /* a limit on concurrent work was reached */
    APP_ERROR,        /* the database failed: 500 */
};

struct app_config {
    int session_idle_seconds;       /* a session unused this long ends */
    int session_max_seconds;        /* and none lives longer than this */
    struct signin_limits signin;    /* the sign-in throttle (domain/signin.h) */
    int reset_valid_seconds;        /* a password link works this long */
    int hash_concurrency;           /* password hashes computed at once (threads) */
    int hash_queue;                 /* hashes waiting for a thread, at most */
    int hash_wait_ms;               /* how long one waits for a thread, at most */
    bool secure_cookies;            /* behind TLS */
    const char *public_url;         /* where people reach Parley, for links in mail */
    const char *mail_from;          /* the address mail comes from */
    bool mail_relay;                /* a relay sends it (serve --smtp-url); else it is kept */
    /* The OpenID provider people sign in through (issue 17; serve
     * --oidc-...): oidc.issuer NULL for none. */
    struct sso_provider {
        const char *name;           /* "Harbor City Google", on the sign-in button */
        int64_t program_id;         /* whose people it signs in (0: the installation's) */
        struct oidc_settings oidc;
    } sso;
};
struct app_config app_default_config(void);

/* Shared by all requests; set up once by app_init(). */
struct app {
    struct app_config cfg;
    struct hash_pool *hashes;       /* app/hashing.h; NULL on the command line */
    char dummy_hash[128];           /* verified against for unknown emails */
    struct oidc *oidc;              /* the provider's client (cfg.sso); NULL: none */
    /* Audited reads by group commit (app/audit_writer.h); NULL: each read
     * writes its row in a transaction of its own (the command line). */
    struct audit_writer *audit_writer;
};
bool app_init(struct app *app, const struct app_config *cfg);
/* The server's password hash threads (the command line hashes itself). */
void app_start_hashing(struct app *app);
void app_fini(struct app *app);

struct actor {
    int64_t person_id;              /* 0: a visitor */
    int64_t program_id;             /* the program the asker acts in now (R31-R36: one
                                       at a time; roles count only in it) */
    bool federation;                /* that program is a federation's Peer Support Service */
    const char *program_name;
    int64_t session_id;             /* 0 for API tokens and the command line */
    int64_t sso_program_id;         /* the session came through this program's OpenID
                                       provider and works in it only; 0: a password */
    int64_t token_id;               /* the API token the request came with, or 0 */
    const char *name, *email;
    role_set roles;
    bool operator;                  /* the command line: whoever holds the database
                                       file; acts with the roles it is given */
};

/* One request's context. */
struct ctx {
    struct app *app;
    db *db;
    arena *a;
    struct actor who;
    const char *address;            /* client address, for the audit log */
    int64_t now;                    /* the time records are stamped with; 0: the
                                       clock's (the demo's history sets it) */
    /* The last refusal by a process table's guard (guard_answer): its
     * words, its rule ("R33") to title it, and its step (whose form a page
     * shows again). A use case's refusal is this one when its words are. */
    struct refused {
        const char *words, *rule, *step;
    } refused;
};

int64_t app_now(const struct ctx *c);
/* Today's date, YYYY-MM-DD, by the same clock. */
const char *app_today(struct ctx *c);
/* The date of a time, YYYY-MM-DD, by the same clock; "" for 0 (not yet).
 * out: a date_text (domain/workflow.h). */
void app_date_text(struct ctx *c, int64_t at, char out[11]);

/* Authorisation: the one door to the policy table. */
enum app_status app_authorize(struct ctx *c, enum action act, enum record_kind kind,
                              const struct policy_record *rec);
bool app_signed_in(const struct ctx *c);
/* The audit log (R38). subject_id: the person the record is about (R37). */
enum app_status audit_append(struct ctx *c, const char *action, const char *kind,
                             int64_t record_id, int64_t subject_id, const char *summary);
/* Recomputes the chain; returns the id of the first bad row, 0 if sound, or
 * -1 if the database failed. report gets a line of what was found. */
int64_t audit_verify(db *d, buf *report);

/* Small helpers for the use cases. */
enum app_status app_db_status(int db_status);
/* The status of an UPDATE ... WHERE version = ? that ran with rc: one that
 * changed no row lost a race with another change (APP_CONFLICT). */
enum app_status app_changed_one(struct ctx *c, int rc);

/* One page of a list, and (once read) how many rows the list has in all. */
struct page_of {
    int page, per_page; /* page counts from 1 */
    int64_t total;
};
/* Puts a page out of range (1 to 100000) back to the first, and a page size
 * out of 1 to max back to size; returns the offset of the page's first row. */
int64_t page_of_offset(struct page_of *pg, int size, int max);
/* How many pages its total fills (0 for none). */
int64_t page_of_pages(const struct page_of *pg);

/* A program's name ("Parley" if there is none), for the words of its mail. */
const char *program_name_of(struct ctx *c, int64_t program_id);
/* A program setting's value: the program's own, else RULES.md's default. */
const char *program_setting(struct ctx *c, const char *key);
/* The same for another program than the one the asker acts in. */
const char *program_setting_of(struct ctx *c, int64_t program_id, const char *key);
int program_setting_int(struct ctx *c, const char *key);
/* "%term%" for LIKE ? ESCAPE '\', with % and _ in the term escaped. */
const char *like_pattern(arena *a, const char *term);

/* The command line's context: an operator acting as the coordinator of the
 * installation's program. Returns false if there is no program yet. */
bool app_operator_ctx(struct ctx *c, struct app *app, db *d, arena *a);
/* Acting about one person who is not the asker (the command line; a
 * visitor's "Forgot your password?") is acting in that person's home
 * program, so that what it does lands in that program's audit log (R38,
 * sql/009): a federation member's token is the federation's business, not
 * the district's. false if there is no such person. */
bool app_act_in_home_program(struct ctx *c, int64_t person_id);
/* Creates the installation's program (parley init). */
enum app_status program_create(struct ctx *c, const char *name, const char *short_name,
                               const char *time_zone, int64_t *id);
#endif

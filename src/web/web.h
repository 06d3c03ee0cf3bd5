/* web.h: pages and API answers. A handler reads the request's fields,
 * calls app/, and renders; it never writes SQL. */
#ifndef PARLEY_WEB_H
#define PARLEY_WEB_H
#include <stdbool.h>

#include "app/app.h"
#include "app/upload.h"
#include "domain/errors.h"
#include "domain/people.h"
#include "http/http.h"
#include "store/store.h"

/* Shared by every request: built once by web_server_init(). */
struct web_server {
    struct app app;
    db_pool *pool;
    const char *program_name;       /* shown in the header */
    int64_t program_id;
    char (*asset_etags)[20];        /* one per embedded asset */
};

/* One request's state (r->app). */
struct web {
    struct ctx c;
    struct web_server *srv;
    const char *csrf;               /* the token forms must carry */
    const char *flash;              /* a message from the previous page */
    bool set_csrf_cookie;           /* a visitor got a new pre-session token */
    bool keep_writes;               /* commit although the answer is 4xx */
    uint64_t statements;            /* database statements run for this request */
    const char *token_refusal;      /* why an API request's token was refused (401) */
    const char *refusal;            /* a form's step refused: shown at the top of the page
                                       it came from, what was typed kept (web_refused) */
    /* web_hash: the job on the hash pool, and what comes after it. */
    struct hash_job *hash_job;
    void (*then)(req *r, void *state);
    void *then_state;
};

static inline struct web *web_of(req *r) { return (struct web *)r->app; }
static inline struct ctx *ctx_of(req *r) { return &web_of(r)->c; }

/* Opens the request's transaction (dispatch commits or rolls it back);
 * false after answering 503 if the database is busy. */
bool web_begin(req *r);
/* Hands a password hash to the hash pool (app/hashing.h). Once the
 * handler returns (its transaction committed or not as usual), the
 * connection waits without holding a page worker or a database
 * connection; then then(r, state) runs like a handler of its own, in a
 * transaction of its own if the route writes, and answers. */
struct hash_job;
void web_hash(req *r, struct hash_job *job, void (*then)(req *r, void *state), void *state);

/* The route table and what http/ calls. */
extern const struct route web_routes[];
extern const size_t web_route_count;
bool web_server_init(struct web_server *srv, db_pool *pool, const struct app_config *cfg);
/* Before the http server stops: the password hashes waiting are done (and
 * their connections resumed); later ones are turned away at once. Logs
 * what the hash pool did. */
void web_server_drain(struct web_server *srv);
void web_server_fini(struct web_server *srv);
void web_assets_init(struct web_server *srv);   /* static.c */
void web_dispatch(req *r, const struct route *rt);
void web_error(req *r, int status, const char *message);
/* An API answer 400 naming the first field in error. */
void web_api_invalid(req *r, const struct errors *errs);
/* Sets the session cookie (NULL: ends it). */
void web_session_cookie(req *r, const char *token);
/* Answers a use case's refusal or failure with the right status and page. */
void web_fail(req *r, enum app_status s, enum record_kind kind);
/* The same, saying the use case's own refusal (which names its rule) for a
 * 403 or a 409 when it gave one. */
void web_refuse(req *r, enum app_status s, const char *refusal, enum record_kind kind);

/* A form's step refused by a rule of the process, or by where the case
 * stands (issue 18): true after setting the answer's status (409) and the
 * refusal page_begin shows above the page, which the caller renders again
 * with what was typed. false for anything else (web_refuse answers it: a
 * permission's 403; "someone else changed this first", its own 409). */
bool web_refused(req *r, enum app_status s, const char *refusal);
/* The refusal, titled by its rule's title, at the top of the page. */
void web_refusal_show(req *r);
/* Whether the page is shown again after a rule refused this step (its key
 * in a process table): its form is shown again, though the rule stops it
 * now, to keep what was typed. */
bool web_step_refused(req *r, const char *key);

/* help.c: " The rule: <title>" linking to /help/rules#R17, for a guard's
 * rule code ("R17", "R1-R6"); nothing for a code with no rule. */
void rule_link(req *r, const char *rule);
/* A message that may name rules by number ("R15: only..."), without them;
 * *rule (when not NULL): where the first number was, or NULL. */
const char *plain_words(req *r, const char *text, const char **rule);
/* The message in plain words (escaped), then its first rule's link. */
void rule_text(req *r, const char *text);

/* layout.c */
void page_begin(req *r, const char *title);
void page_end(req *r);
/* A table in its scrolling wrapper, up to its open body: its caption (NULL:
 * none), shown or for screen readers only, and its n columns' headers.
 * table_end closes what it opens. */
void table_begin(req *r, const char *caption, bool caption_shown, const char *const *heads, int n);
void table_end(req *r);
/* A row of a record's <dl class="record">: its label and its value (both
 * escaped); record_row_or_dash shows "—" when there is no value. */
void record_row(req *r, const char *label, const char *value);
void record_row_or_dash(req *r, const char *label, const char *value);
/* The message shown once on the next page this person sees. */
void web_flash(req *r, const char *message);
void pagination(req *r, const char *base, int page, int per_page, int64_t total);
/* "Tue 24 Nov 2026, 10:05" with a machine-readable <time>. */
void html_time(req *r, int64_t t);
/* "Tue 24 Nov 2026" for a "YYYY-MM-DD", with a machine-readable <time>. */
void html_date(req *r, const char *date);

/* audit.c: a table of audit entries, with whom each is about or not. */
struct audit_entry;
void audit_table(req *r, const struct audit_entry *rows, int n, bool with_subject);

/* form.c: forms that keep what was typed and show errors beside fields. */
struct field {
    const char *name, *label, *value, *hint;
    const char *type;               /* "text" unless given */
    const char *autocomplete;
    bool required;
    bool filter;                    /* a search filter: not marked "(optional)" */
};
struct option {
    const char *value, *label;
};
void form_begin(req *r, const char *action);
/* The same for a form that uploads files (multipart; a route with ROUTE_UPLOAD). */
void form_begin_upload(req *r, const char *action);
void form_end(req *r, const char *submit);
/* The hidden field of the version a form's change is based on. */
void version_field(req *r, int64_t version);
void form_errors(req *r, const struct errors *errs);
/* One problem with the whole form (not a field's), above it; NULL: none. */
void form_problem(req *r, const char *message);
/* The error beside a field (id: the paragraph's, for aria-describedby, or
 * NULL), in plain words with its rule linked; nothing when error is NULL. */
void field_error_text(req *r, const char *id, const char *error);
/* A public form sent too often from one address: answers 429 with
 * Retry-After and returns the sentence to show above the form, which is
 * shown again with what was typed. sent: what was sent ("messages"). */
const char *form_rate_limited(req *r, const char *sent, int limit, int64_t retry_at);
/* The same answer, and only its last words: when to try again. */
const char *form_retry_after(req *r, int64_t retry_at);
void field_input(req *r, const struct field *f, const struct errors *errs);
void field_textarea(req *r, const struct field *f, const struct errors *errs);
/* An uploaded document's title (needed) and description: an artifact's,
 * a public resource's. */
void document_fields(req *r, const char *title, const char *description, const struct errors *errs);
void field_select(req *r, const struct field *f, const struct option *opts, int nopts,
                  const struct errors *errs);
void field_yes_no(req *r, const struct field *f, const struct errors *errs);
/* A weighty or final step's form asks to confirm, without JavaScript
 * (issue 18): what will happen and who is told (the step's confirm words
 * in its process table), and a box to tick, "Yes, <label>" (the form's
 * button). key: the step's, so that two such forms on a page keep their
 * own ids. */
void field_confirm(req *r, const char *key, const char *label, const char *what,
                   const struct errors *errs);
/* Whether the box was ticked. The handler asks it only once nothing else
 * stops the step, so that a refusal or a field's error comes first; if not
 * ticked, form_unconfirmed() says so beside the box. */
bool form_confirmed(req *r);
void form_unconfirmed(req *r, const char *key, struct errors *errs);
/* A button that POSTs (with the CSRF token) to action. */
void button_form(req *r, const char *action, const char *label, const char *css_class);

/* Request helpers. */
int64_t req_id(req *r, const char *param);      /* {param} as a positive id, or 0 */
/* An id as a form value: "" for 0 (none). */
const char *id_text(req *r, int64_t id);
int req_page(req *r);                           /* ?page=N, 1 by default */
/* A form value, trimmed of surrounding white space; "" when absent. */
const char *form_value(req *r, const char *name);
/* The file a multipart form sent as name; data NULL when none was chosen
 * (a file input left empty still sends a part, with no name and no bytes). */
struct upload form_file(req *r, const char *name);

/* api_body.c: the fields a JSON request body may hold, and their reader.
 * (Apart from api.c because jansson's names clash with out/json.h's.) The
 * parser and the OpenAPI document (openapi.c) read the same tables. */
enum api_type {
    API_TEXT, API_FLAG, API_NUMBER, API_ID_OR_NULL, API_ROLE_KEY, API_JOB_TYPE,
    API_ID_LIST,                    /* an array of ids, handed on as "12,14" ("" if empty) */
};
struct api_field {
    const char *name;
    enum api_type type;
    bool required;                  /* on create; a PATCH may leave any out */
    size_t offset;                  /* of the const char * it fills in the input */
};
struct api_body {
    const char *schema;             /* "Person": the resource it creates or changes */
    const struct api_field *fields;
    int nfields;
};
extern const struct api_body api_person_body, api_school_body, api_role_body, api_inquiry_body;
extern const struct api_body api_transition_body;   /* api_cases.c: a case's step */
extern const struct api_body api_case_open_body;    /* api_cases.c: opening a case */
extern const struct api_body api_confirmation_body; /* R8: the teacher's answer */
/* A person as api_person_body reads one. R1 is asked as district_year, the
 * year in the district the person is in (1 for the first); the field's old
 * name, years_in_district, held the full years behind them, one less: it is
 * still read, and written beside the new one, for the API's older users. */
struct api_person {
    struct person_input in;
    const char *years_in_district;
};
/* Sets *district_year from old_value, the full years an old field holds
 * (NULL: not sent, nothing to do). false, with a 400 naming old_name, when
 * both were sent and disagree. */
bool api_district_year(req *r, const char **district_year, const char *old_value,
                       const char *old_name);
/* goals */
extern const struct api_body api_goal_body, api_bank_goal_body;   /* api_goals.c */
extern const struct api_body api_goal_decision_body, api_self_assessment_body;
/* end goals */
/* observations */
extern const struct api_body api_observation_body, api_reflection_body;   /* api_observations.c */
/* end observations */
/* meetings */
extern const struct api_body api_coaching_body, api_meeting_body;   /* api_meetings.c */
/* end meetings */
/* dashboard */
/* end dashboard */
/* evaluations */
extern const struct api_body api_evaluation_body, api_evaluation_step_body;   /* api_evaluations.c */
/* end evaluations */
/* recommendation */
extern const struct api_body api_recommendation_body, api_panel_submission_body; /* api_recommendation.c */
extern const struct api_body api_decision_approval_body;
/* end recommendation */
/* panel */
extern const struct api_body api_panel_session_body, api_panel_recusal_body;   /* api_panel.c */
extern const struct api_body api_panel_note_body, api_panel_vote_body;
/* end panel */
/* terms */
extern const struct api_body api_ct_term_body, api_ct_leaving_body;   /* api_terms.c */
extern const struct api_body api_ct_review_body;
/* end terms */
/* pss */
extern const struct api_body api_pss_case_body, api_pss_hold_body, api_pss_log_body;   /* api_pss.c */
extern const struct api_body api_pss_report_body, api_pss_release_body;
extern const struct api_body api_pss_consent_body, api_pss_release_now_body;
/* end pss */
/* outcomes */
extern const struct api_body api_outcome_body, api_survey_body;   /* api_outcomes.c */
/* end outcomes */
/* reports */
/* end reports */
extern const struct api_body api_token_body;   /* api_tokens.c: issue 15 */

extern const struct api_body *const api_bodies[];
extern const int api_body_count;
/* Reads the JSON object in the body into dest, a struct person_input,
 * school_input, role_input or inquiry_change: members not sent leave dest as it was.
 * version: where a PATCH's optional "version" goes (NULL: not accepted).
 * On a bad body answers 400 naming the field and returns false. */
bool api_body_read(req *r, const struct api_body *b, void *dest, const char **version);
/* api_body_read without the request (for the fuzzer): false with *message,
 * and *field when the fault is one member's (else NULL), both in a. */
bool api_body_parse(arena *a, const char *text, size_t len, const struct api_body *b,
                    void *dest, const char **version, const char **field,
                    const char **message);
/* A 400 naming the field, shaped like the use cases' errors; returns false. */
bool api_bad_field(req *r, const char *field, const char *message);

#endif

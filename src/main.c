/* main.c: the command line. One program is the whole product: the web site,
 * the JSON API and the administration commands. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/api_token.h"
#include "app/app.h"
#include "app/audit.h"
#include "app/audit_writer.h"
#include "app/auth.h"
#include "app/copy.h"
#include "app/digest.h"
#include "app/people.h"
#include "app/mail_worker.h"
#include "app/reminders.h"
#include "app/roster.h"
#include "demo/demo.h"
#include "base/clock.h"
#include "base/log.h"
#include "base/secret.h"
#include "domain/policy.h"
#include "domain/pss_process.h"
#include "domain/rule_words.h"
#include "domain/workflow.h"
#include "http/http.h"
#include "out/json.h"
#include "web/web.h"

#define DEMO_PASSWORD "parley-demo-2026"
#define PASSWORD_LINE 1024

/* --- options: --name value pairs, repeatable --- */

/* An option's name in capitals ("PATH") names the command's operand: the
 * word itself, not --name. */
struct opt_def {
    const char *name, *arg, *help;
};

static bool is_operand(const struct opt_def *d)
{
    return d->name[0] >= 'A' && d->name[0] <= 'Z';
}

struct opts {
    const char *name[64], *value[64];
    int n;
};

static const struct opt_def *opt_find(const struct opt_def *defs, const char *name)
{
    for (; defs && defs->name; defs++)
        if (!is_operand(defs) && strcmp(defs->name, name) == 0)
            return defs;
    return NULL;
}

/* The command's operand (import roster's PATH), or NULL. */
static const struct opt_def *operand_of(const struct opt_def *defs)
{
    for (; defs && defs->name; defs++)
        if (is_operand(defs))
            return defs;
    return NULL;
}

static void usage(const char *cmd, const char *summary, const struct opt_def *defs)
{
    const struct opt_def *operand = operand_of(defs);
    printf("usage: parley %s [options]%s%s\n\n%s\n\n", cmd, operand ? " " : "",
           operand ? operand->name : "", summary);
    if (operand)
        printf("  %s\n      %s\n\n", operand->name, operand->help);
    printf("options:\n");
    for (; defs && defs->name; defs++)
        if (!is_operand(defs))
            printf("  --%s%s%s\n      %s\n", defs->name, defs->arg ? " " : "",
                   defs->arg ? defs->arg : "", defs->help);
    printf("  --help\n      this text\n");
}

static const char *opt(const struct opts *o, const char *name, const char *dflt)
{
    for (int i = o->n - 1; i >= 0; i--)
        if (strcmp(o->name[i], name) == 0)
            return o->value[i];
    return dflt;
}

/* Returns 0 on success, 2 on a usage error (after saying why), 1 for --help. */
static int opts_parse(int argc, char **argv, const char *cmd, const char *summary,
                      const struct opt_def *defs, struct opts *o)
{
    o->n = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(cmd, summary, defs);
            return 1;
        }
        const struct opt_def *d = strncmp(argv[i], "--", 2) == 0 ? opt_find(defs, argv[i] + 2) : NULL;
        if (!d && argv[i][0] != '-' && (d = operand_of(defs)) && !opt(o, d->name, NULL)) {
            o->name[o->n] = d->name;
            o->value[o->n++] = argv[i];
            continue;
        }
        if (!d || is_operand(d)) {
            fprintf(stderr, "parley %s: unknown option '%s' (see parley %s --help)\n", cmd, argv[i], cmd);
            return 2;
        }
        if (d->arg && i + 1 >= argc) {
            fprintf(stderr, "parley %s: --%s needs a value: %s\n", cmd, d->name, d->arg);
            return 2;
        }
        if (o->n == 64) {
            fprintf(stderr, "parley %s: too many options\n", cmd);
            return 2;
        }
        o->name[o->n] = d->name;
        o->value[o->n++] = d->arg ? argv[++i] : "1";
    }
    return 0;
}

static long opt_long(const struct opts *o, const char *name, long dflt, long lo, long hi)
{
    const char *v = opt(o, name, NULL);
    if (!v)
        return dflt;
    char *end;
    long n = strtol(v, &end, 10);
    if (*end || n < lo || n > hi)
        die("--%s must be a whole number from %ld to %ld, not '%s'", name, lo, hi, v);
    return n;
}

static const char *need(const struct opts *o, const char *name, const char *cmd)
{
    const char *v = opt(o, name, NULL);
    if (!v || !*v)
        die("%s needs --%s (see parley %s --help)", cmd, name, cmd);
    return v;
}

/* --- the database --- */

/* Opens the database (creating the file if need be) and migrates it. */
static db *open_or_create(const char *path)
{
    char *err = NULL;
    db *d = db_open(path, &err);
    if (!d)
        die("cannot open %s: %s", path, err ? err : "unknown error");
    if (db_migrate(d, &err) != DB_OK)
        die("cannot bring %s up to date: %s", path, err ? err : "unknown error");
    return d;
}

static db *open_existing(const char *path)
{
    struct stat st;
    if (strncmp(path, "postgres", 8) != 0 && stat(path, &st) != 0)
        die("there is no database at %s (create one with parley init or parley demo)", path);
    return open_or_create(path);
}

/* Runs fn inside one transaction with the operator's context. */
static int in_transaction(db *d, struct app *app, int (*fn)(struct ctx *, const struct opts *),
                          const struct opts *o)
{
    arena *a = arena_new(0);
    struct ctx c;
    int rc = 1;
    if (db_begin(d) != DB_OK)
        die("the database is busy");
    app_operator_ctx(&c, app, d, a);
    rc = fn(&c, o);
    if (rc == 0 && db_commit(d) != DB_OK)
        rc = 1;
    if (rc != 0)
        db_rollback(d);
    arena_free(a);
    return rc;
}

/* --- the audit key (R38): outside the database, beside it --- */

static void key_path(const struct opts *o, const char *db_url, char out[AUDIT_PATH_MAX])
{
    const char *given = opt(o, "audit-key", NULL);
    if (given)
        snprintf(out, AUDIT_PATH_MAX, "%s", given);
    else
        audit_key_default_path(db_url, out, AUDIT_PATH_MAX);
}

/* init and demo make the key if there is none; but a database whose log
 * was signed already needs the key that signed it, not a new one. */
static void key_create(const char *path, db *d)
{
    int64_t signed_heads = 0;
    db_int_query(d, &signed_heads, "SELECT COUNT(*) FROM audit_checkpoint", "");
    if (signed_heads && access(path, F_OK) != 0)
        die("this database's audit log was signed with a key that is not at %s: give its place "
            "with --audit-key, or restore it from its backup (docs/deploy.md)",
            path);
    buf err;
    buf_init(&err, NULL);
    bool created;
    if (!audit_key_create(path, &created, &err))
        die("%s", buf_cstr(&err));
    char where[PATH_MAX];
    if (created)
        printf("parley: made the audit key %s: keep it there, and back it up apart from the "
               "database (docs/deploy.md)\n", realpath(path, where) ? where : path);
    buf_release(&err);
}

/* Every command that writes needs the key, to sign what it wrote. */
static void key_load(const char *path, struct audit_key *k)
{
    buf err;
    buf_init(&err, NULL);
    if (access(path, F_OK) != 0)
        die("there is no audit key at %s (R38: what is written is signed with it): parley init "
            "makes one; --audit-key says where it is",
            path);
    if (!audit_key_load(k, path, &err))
        die("%s", buf_cstr(&err));
    buf_release(&err);
}

/* Signs the head once a command's writes have committed. */
static int sign_head(db *d, const struct audit_key *k)
{
    buf err;
    buf_init(&err, NULL);
    bool ok = audit_checkpoint(d, k, &err);
    if (!ok)
        fprintf(stderr, "parley: the change is saved, but %s\n", buf_cstr(&err));
    buf_release(&err);
    return ok ? 0 : 1;
}

static int run_with_db(const struct opts *o, bool create, int (*fn)(struct ctx *, const struct opts *))
{
    const char *path = opt(o, "db", "parley.db");
    db *d = create ? open_or_create(path) : open_existing(path);
    char kpath[AUDIT_PATH_MAX];
    struct audit_key key;
    key_path(o, path, kpath);
    if (create)
        key_create(kpath, d);
    key_load(kpath, &key);
    struct app app;
    struct app_config cfg = app_default_config();
    if (!app_init(&app, &cfg))
        die("cannot start the password hasher");
    int rc = in_transaction(d, &app, fn, o);
    if (rc == 0)
        rc = sign_head(d, &key);
    audit_key_forget(&key);
    app_fini(&app);
    db_close(d);
    return rc;
}

static void print_errors(const struct errors *errs)
{
    for (int i = 0; i < errs->n; i++)
        fprintf(stderr, "parley: %s: %s\n", errs->e[i].field, errs->e[i].message);
}

static char *read_password(void)
{
    static char line[PASSWORD_LINE];
    if (!fgets(line, sizeof line, stdin))
        return NULL;
    line[strcspn(line, "\r\n")] = '\0';
    return line;
}

/* --- init, demo --- */

static int ensure_program(struct ctx *c, const struct opts *o)
{
    if (c->who.program_id)
        return 0;
    int64_t id;
    const char *name = opt(o, "program", "Harbor City Educator Supports Program");
    enum app_status s = program_create(c, name, opt(o, "short-name", "ESP"),
                                       opt(o, "time-zone", "America/New_York"), &id);
    return s == APP_OK ? 0 : 1;
}

static int cmd_init_fn(struct ctx *c, const struct opts *o)
{
    if (ensure_program(c, o))
        return 1;
    printf("parley: %s is ready (schema version %d)\n", opt(o, "db", "parley.db"),
           db_schema_version(c->db));
    return 0;
}

static void print_demo_logins(void)
{
    printf("Demo sign-ins (password for all: %s):\n"
           "  coordinator@parley.test     Program Coordinator\n"
           "  ct1@parley.test             Consulting Teacher (also ct2, ct3)\n"
           "  principal@parley.test       Administrator (also principal2, principal3)\n"
           "  teacher@parley.test         Participating Teacher (also teacher2, teacher3)\n"
           "  panel@parley.test           Panel Member (also panel2 to panel5; panel6 is past, R29)\n"
           "  superintendent@parley.test  Superintendent\n"
           "  union@parley.test           Union Representative\n"
           "The federation's Peer Support Service, beside the district's program:\n"
           "  pss@parley.test             Peer Support Service Coordinator\n"
           "  president@parley.test       Local President\n"
           "  consultant@parley.test      Peer Support Consultant\n"
           "  member@parley.test          Federation Member (principal2 is one too)\n",
           DEMO_PASSWORD);
}

static int cmd_demo_fn(struct ctx *c, const struct opts *o)
{
    if (ensure_program(c, o))
        return 1;
    int64_t demo = 0, people = 0;
    db_int_query(c->db, &demo, "SELECT COUNT(*) FROM person WHERE email = 'coordinator@parley.test'", "");
    db_int_query(c->db, &people, "SELECT COUNT(*) FROM person", "");
    if (!demo && people) {
        fprintf(stderr, "parley: this database already has people; the demo goes in a new one\n");
        return 1;
    }
    const char *size = opt(o, "size", "small");
    int scale = strcmp(size, "small") == 0 ? 0 : strcmp(size, "large") == 0 ? 1
                : strcmp(size, "huge") == 0 ? 10 : -1;
    if (scale < 0) {
        fprintf(stderr, "parley: --size is small, large or huge, not '%s'\n", size);
        return 1;
    }
    if (!demo && demo_build(c, DEMO_PASSWORD, scale) != APP_OK) {
        fprintf(stderr, "parley: the demo could not be built\n");
        return 1;
    }
    if (!demo)
        printf("parley: demo program created in %s\n", opt(o, "db", "parley.db"));
    print_demo_logins();
    return 0;
}

/* --- users and tokens --- */

static int64_t person_id_by_email(struct ctx *c, const char *email)
{
    int64_t program;
    return person_signing_in_as(c, email, &program);
}

static const char *school_for(struct ctx *c, const char *school)
{
    if (!school)
        return "";
    int64_t id = 0;
    db_int_query(c->db, &id,
                 "SELECT id FROM school WHERE program_id = ? AND (code = ? OR name = ?)", "iss",
                 c->who.program_id, school, school);
    if (!id)
        die("there is no school with the code or name '%s'", school);
    return arena_printf(c->a, "%" PRId64, id);
}

static int user_roles_add(struct ctx *c, const struct opts *o, int64_t pid, const char *school)
{
    for (int i = 0; i < o->n; i++) {
        if (strcmp(o->name[i], "role") != 0)
            continue;
        enum role role;
        bool needs_school = role_parse(o->value[i], &role) && role_needs_school(role);
        struct role_input ri = {.role = o->value[i], .school_id = needs_school ? school : "",
                                .seat = opt(o, "seat", ""), .appointed_by = opt(o, "appointed-by", ""),
                                .term_start = opt(o, "term-start", ""), .term_end = opt(o, "term-end", "")};
        struct errors errs = {0};
        int64_t rid;
        if (role_add(c, pid, &ri, &rid, &errs) != APP_OK) {
            print_errors(&errs);
            return 1;
        }
    }
    return 0;
}

/* R1: --district-year, or the full years of the old --years plus one; a
 * first year when neither is given. */
static const char *district_year_opt(struct ctx *c, const struct opts *o)
{
    const char *full = opt(o, "years", NULL);
    char *end;
    long n = full ? strtol(full, &end, 10) : 0;
    if (full && *full && *end == '\0' && !opt(o, "district-year", NULL))
        return arena_printf(c->a, "%d", district_year_after_full_years((int)n));
    return opt(o, "district-year", full ? full : "1");
}

static int cmd_user_add_fn(struct ctx *c, const struct opts *o)
{
    if (!c->who.program_id) {
        fprintf(stderr, "parley: run parley init first\n");
        return 1;
    }
    const char *school = school_for(c, opt(o, "school", NULL));
    struct person_input in = {
        .name = need(o, "name", "user add"), .email = need(o, "email", "user add"),
        .employee_id = opt(o, "employee-id", ""), .school_id = school,
        .union_member = opt(o, "union-member", "yes"), .full_time = opt(o, "full-time", "yes"),
        .district_year = district_year_opt(c, o), .job_type = opt(o, "job", "classroom_teacher"),
    };
    struct errors errs = {0};
    int64_t pid;
    if (person_create(c, &in, &pid, &errs) != APP_OK) {
        print_errors(&errs);
        return 1;
    }
    if (user_roles_add(c, o, pid, school))
        return 1;
    const char *pw = read_password();
    enum app_status s = pw && *pw ? auth_password_set(c, pid, pw, &errs) : APP_OK;
    if (s == APP_CONFLICT)
        fprintf(stderr, "parley: someone of another program already signs in with %s; one "
                        "address signs in one person, so nobody was added\n", in.email);
    else if (s != APP_OK)
        print_errors(&errs);
    if (s != APP_OK)
        return 1;
    printf("parley: added %s (id %" PRId64 ")%s\n", in.email, pid,
           pw && *pw ? "" : "; no password yet: issue a password link to let them sign in");
    return 0;
}

static int cmd_user_passwd_fn(struct ctx *c, const struct opts *o)
{
    int64_t pid = person_id_by_email(c, need(o, "email", "user passwd"));
    if (!pid || !app_act_in_home_program(c, pid)) {
        fprintf(stderr, "parley: nobody has that email address\n");
        return 1;
    }
    struct errors errs = {0};
    const char *pw = read_password();
    if (auth_password_set(c, pid, pw ? pw : "", &errs) != APP_OK) {
        print_errors(&errs);
        return 1;
    }
    printf("parley: the password is set; their sessions were signed out\n");
    return 0;
}

static int cmd_user_link_fn(struct ctx *c, const struct opts *o)
{
    int64_t pid = person_id_by_email(c, need(o, "email", "user link")), expires;
    const char *token;
    if (!pid || !app_act_in_home_program(c, pid) || auth_reset_issue(c, pid, &token, &expires) != APP_OK) {
        fprintf(stderr, "parley: nobody has that email address\n");
        return 1;
    }
    printf("%s/reset/%s\n", opt(o, "base-url", "http://127.0.0.1:8080"), token);
    fprintf(stderr, "parley: give the link to the person only. It works once, until %s; their "
                    "older links, sessions and API tokens have ended.\n",
            clock_format(c->a, expires));
    return 0;
}

/* --- API tokens (issue 15) --- */

static int cmd_token_create_fn(struct ctx *c, const struct opts *o)
{
    const char *email = need(o, "email", "token create"), *token;
    int64_t pid = person_id_by_email(c, email);
    struct api_token t;
    struct errors errs = {0};
    struct token_input in = {.name = opt(o, "name", "command line"), .days = opt(o, "days", "")};
    enum app_status s = !pid || !app_act_in_home_program(c, pid)
                            ? APP_NOT_FOUND
                            : token_create_for(c, email, &in, &t, &token, &errs);
    if (s == APP_NOT_FOUND)
        fprintf(stderr, "parley: nobody has that email address\n");
    else if (s != APP_OK)
        print_errors(&errs);
    if (s != APP_OK)
        return 1;
    printf("%s\n", token);
    fprintf(stderr, "parley: token %" PRId64 " (\"%s\") works until %s; it is shown only now\n",
            t.id, t.name, clock_format(c->a, t.expires_at));
    return 0;
}

static int cmd_token_list_fn(struct ctx *c, const struct opts *o)
{
    int64_t pid = 0;
    const char *email = opt(o, "email", NULL);
    if (email && !(pid = person_id_by_email(c, email))) {
        fprintf(stderr, "parley: nobody has that email address\n");
        return 1;
    }
    struct page_of pg = {.page = 1, .per_page = 200};
    struct api_token *ts;
    int n;
    if (tokens_list(c, pid, NULL, &pg, &ts, &n) != APP_OK)
        return 1;
    printf("%-6s %-8s %-28s %-32s %-18s %-18s %s\n", "id", "state", "owner", "name", "expires",
           "last used", "revoked");
    for (int i = 0; i < n; i++) {
        const struct api_token *t = &ts[i];
        printf("%-6" PRId64 " %-8s %-28s %-32s %-18s %-18s %s\n", t->id,
               token_state_key(t->state), t->person_email, t->name,
               clock_format(c->a, t->expires_at),
               t->last_used ? clock_format(c->a, t->last_used) : "never",
               t->revoked_at
                   ? arena_printf(c->a, "%s (%s)", clock_format(c->a, t->revoked_at), t->revoked_note)
                   : "");
    }
    return 0;
}

static int cmd_token_revoke_fn(struct ctx *c, const struct opts *o)
{
    struct api_token t;
    int64_t id = parse_id(need(o, "id", "token revoke"));
    if (!id || token_revoke(c, id, &t) != APP_OK) {
        fprintf(stderr, "parley: there is no API token %s (parley token list shows them)\n",
                opt(o, "id", ""));
        return 1;
    }
    printf("parley: the token %" PRId64 " (\"%s\" of %s) is revoked\n", t.id, t.name,
           t.person_email);
    return 0;
}

/* --- the district's roster (issue 17) --- */

/* A file's bytes into a; NULL after saying why it cannot be read. */
static char *file_bytes(arena *a, const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    if (!f || fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fprintf(stderr, "parley: cannot read %s: %s\n", path, f ? "not a file" : strerror(errno));
        if (f)
            fclose(f);
        return NULL;
    }
    char *data = arena_alloc(a, (size_t)st.st_size + 1);
    *len = fread(data, 1, (size_t)st.st_size, f);
    bool ok = !ferror(f);
    fclose(f);
    if (!ok)
        fprintf(stderr, "parley: cannot read %s\n", path);
    return ok ? data : NULL;
}

/* PATH: a folder holding OneRoster's orgs.csv and users.csv, or a plain CSV. */
static bool roster_files_read(arena *a, const char *path, struct roster_files *f)
{
    struct stat st;
    memset(f, 0, sizeof *f);
    if (stat(path, &st) != 0) {
        fprintf(stderr, "parley: there is no %s\n", path);
        return false;
    }
    if (!S_ISDIR(st.st_mode)) {
        f->users.filename = path;
        return (f->users.data = file_bytes(a, path, &f->users.len)) != NULL;
    }
    f->users.filename = "users.csv";
    f->orgs.filename = "orgs.csv";
    f->users.data = file_bytes(a, arena_printf(a, "%s/users.csv", path), &f->users.len);
    f->orgs.data = file_bytes(a, arena_printf(a, "%s/orgs.csv", path), &f->orgs.len);
    return f->users.data && f->orgs.data;
}

/* The bar on standard error, only when it is a terminal. */
static void roster_bar(void *arg, const char *what, size_t done, size_t total)
{
    (void)arg;
    int width = 30, filled = total ? (int)(done * (size_t)width / total) : width;
    fprintf(stderr, "\r%-9s [%.*s%*s] %3d%% (%zu of %zu)", what, filled,
            "##############################", width - filled, "",
            total ? (int)(done * 100 / total) : 100, done, total);
    fflush(stderr);
}

static void roster_print_changes(const struct roster_plan *plan, enum roster_change_kind kind,
                                 const char *heading)
{
    int shown = 0, total = 0;
    for (int i = 0; i < plan->nchanges; i++) {
        const struct roster_change *ch = &plan->changes[i];
        if (ch->kind != kind)
            continue;
        if (!total++)
            printf("%s:\n", heading);
        if (shown++ < 20)
            printf("  %s <%s>%s%s\n", ch->name, ch->email, *ch->what ? ": " : "", ch->what);
    }
    if (total > 20)
        printf("  ... and %d more\n", total - 20);
}

static int cmd_import_roster_fn(struct ctx *c, const struct opts *o)
{
    struct roster_files f;
    if (!roster_files_read(c->a, need(o, "PATH", "import roster"), &f))
        return 1;
    bool apply = opt(o, "apply", NULL) != NULL, bar = isatty(STDERR_FILENO);
    struct roster_progress progress = {bar ? roster_bar : NULL, NULL};
    struct roster_plan plan;
    enum app_status s = apply ? roster_import(c, &f, &plan, &progress)
                              : roster_preview(c, &f, &plan, &progress);
    if (bar)
        fprintf(stderr, "\r\033[K");
    for (int i = 0; i < plan.nproblems; i++) {
        const struct roster_problem *p = &plan.problems[i];
        fprintf(stderr, "parley: %s%s%s%s%s: %s\n", p->file,
                p->row ? arena_printf(c->a, ", row %d", p->row) : "", *p->column ? ", column " : "",
                p->column, "", p->reason);
    }
    if (s == APP_INVALID) {
        fprintf(stderr, "parley: %d %s: nothing was imported\n", plan.nproblems,
                plan.nproblems == 1 ? "problem" : "problems");
        return 1;
    }
    if (s != APP_OK) {
        fprintf(stderr, "parley: the roster could not be imported (the database failed)\n");
        return 1;
    }
    roster_print_changes(&plan, ROSTER_ADDED, "To add");
    roster_print_changes(&plan, ROSTER_CHANGED, "To change");
    roster_print_changes(&plan, ROSTER_INACTIVE, "To make inactive (gone from the roster)");
    printf("%s: %s.\n", apply ? "Imported" : "Preview", roster_counts_text(c->a, &plan.n));
    if (!apply)
        printf("Nothing was written: run again with --apply to import it.\n");
    return 0;
}

/* --- reminders (R37: everyone knows what is due from them) --- */

/* The reminders, then the mail that gathers (app/digest.h). */
static enum app_status sweep(struct ctx *c, int *reminders, int *digests, int *summaries)
{
    enum app_status s = reminders_send(c, reminders);
    return s != APP_OK ? s : mail_rounds_send(c, digests, summaries);
}

static int cmd_remind_fn(struct ctx *c, const struct opts *o)
{
    (void)o;
    int sent = 0, digests = 0, summaries = 0;
    if (sweep(c, &sent, &digests, &summaries) != APP_OK) {
        fprintf(stderr, "parley: the reminders could not be sent\n");
        return 1;
    }
    printf("parley: %d reminder%s sent, %d daily digest%s, %d weekly summar%s\n", sent,
           sent == 1 ? "" : "s", digests, digests == 1 ? "" : "s", summaries,
           summaries == 1 ? "y" : "ies");
    return 0;
}

/* The server's own sweep, every `every` seconds, on a connection of the
 * pool; a second node's sweep sends nothing twice (the reminder table). */
struct reminder_loop {
    db_pool *pool;
    struct app *app;
    long every;
    atomic_bool stop;
    pthread_t thread;
};

static void remind_once(struct reminder_loop *l)
{
    db *d = db_acquire(l->pool);
    arena *a = arena_new(0);
    struct ctx c;
    int sent = 0, digests = 0, summaries = 0;
    if (app_operator_ctx(&c, l->app, d, a) && db_begin(d) == DB_OK) {
        c.address = "reminders";
        if (sweep(&c, &sent, &digests, &summaries) == APP_OK && db_commit(d) == DB_OK) {
            if (sent + digests + summaries)
                log_info("reminders: %d sent, %d digests, %d summaries", sent, digests,
                         summaries);
        } else {
            db_rollback(d);
            log_error("reminders: the sweep failed; it runs again later");
        }
    }
    arena_free(a);
    db_release(l->pool, d);
}

static void *remind_loop(void *arg)
{
    struct reminder_loop *l = arg;
    for (long waited = 0; !atomic_load(&l->stop); waited++) {
        if (waited >= l->every) {
            remind_once(l);
            waited = 0;
        }
        sleep(1);
    }
    return NULL;
}

/* --- check, audit verify, backup --- */

/* The public key to verify with: --public-key, else the key file's. */
static bool anchor_key(const struct opts *o, const char *kpath, bool have_key,
                       unsigned char pk[AUDIT_PUBLIC_KEY_BYTES], buf *err)
{
    const char *given = opt(o, "public-key", NULL);
    struct audit_key k;
    if (given)
        return audit_public_key_read(given, pk, err);
    if (!have_key) {
        buf_printf(err, "there is no audit key at %s to verify the log against: give the log's "
                   "public key with --public-key (parley audit key --public prints it where the "
                   "key is)", kpath);
        return false;
    }
    if (!audit_key_load(&k, kpath, err))
        return false;
    memcpy(pk, k.public_key, AUDIT_PUBLIC_KEY_BYTES);
    audit_key_forget(&k);
    return true;
}

/* What the log is verified against (R38): the public key; the database's
 * checkpoints, the file beside the key (which must be there if the key
 * is) and any given with --checkpoints. The report's lines go to stdout. */
static bool verify_signed(const struct opts *o, db *d, buf *report)
{
    struct audit_anchor a = {0};
    char kpath[AUDIT_PATH_MAX], beside[AUDIT_PATH_MAX];
    key_path(o, opt(o, "db", "parley.db"), kpath);
    audit_checkpoints_path(kpath, beside, sizeof beside);
    bool have_key = access(kpath, F_OK) == 0;
    buf err;
    buf_init(&err, NULL);
    bool ok = anchor_key(o, kpath, have_key, a.public_key, &err);
    if (!ok)
        buf_printf(report, "audit: %s\n", buf_cstr(&err));
    buf_release(&err);
    a.files[a.nfiles].path = beside;
    a.files[a.nfiles++].required = have_key;
    for (int i = 0; i < o->n && a.nfiles < 4; i++)
        if (strcmp(o->name[i], "checkpoints") == 0) {
            a.files[a.nfiles].path = o->value[i];
            a.files[a.nfiles++].required = true;
        }
    return ok && audit_verify_signed(d, &a, report);
}

static int cmd_check(const struct opts *o)
{
    db *d = open_existing(opt(o, "db", "parley.db"));
    buf report;
    buf_init(&report, NULL);
    int rc = db_check(d, &report);
    bool sound = verify_signed(o, d, &report);
    fputs(buf_cstr(&report), stdout);
    buf_release(&report);
    db_close(d);
    bool ok = rc == DB_OK && sound;
    printf("parley: %s\n", ok ? "check passed" : "check FAILED");
    return ok ? 0 : 1;
}

static int cmd_audit_verify(const struct opts *o)
{
    db *d = open_existing(opt(o, "db", "parley.db"));
    buf report;
    buf_init(&report, NULL);
    bool sound = verify_signed(o, d, &report);
    fputs(buf_cstr(&report), stdout);
    buf_release(&report);
    db_close(d);
    return sound ? 0 : 1;
}

static int cmd_audit_key(const struct opts *o)
{
    char kpath[AUDIT_PATH_MAX], pk[65];
    struct audit_key k;
    key_path(o, opt(o, "db", "parley.db"), kpath);
    key_load(kpath, &k);
    audit_public_key_hex(k.public_key, pk);
    char where[PATH_MAX];
    const char *at = realpath(k.path, where) ? where : k.path;
    if (opt(o, "public", NULL))
        printf("%s\n", pk);
    else
        printf("parley: the audit key is %s, its checkpoint file %s.checkpoints\npublic key: %s\n",
               at, at, pk);
    audit_key_forget(&k);
    return 0;
}

static int cmd_audit_checkpoints(const struct opts *o)
{
    db *d = open_existing(opt(o, "db", "parley.db"));
    buf out;
    buf_init(&out, NULL);
    bool ok = audit_checkpoints_export(d, &out);
    if (ok)
        fputs(buf_cstr(&out), stdout);
    else
        fprintf(stderr, "parley: cannot read the checkpoints: %s\n", db_errmsg(d));
    buf_release(&out);
    db_close(d);
    return ok ? 0 : 1;
}

static int cmd_backup(const struct opts *o)
{
    db *d = open_existing(opt(o, "db", "parley.db"));
    char *err = NULL;
    int rc = db_backup(d, need(o, "to", "backup"), &err);
    db_close(d);
    if (rc != DB_OK) {
        fprintf(stderr, "parley: backup failed: %s\n", err ? err : "unknown error");
        free(err);
        return 1;
    }
    printf("parley: backed up to %s\n", opt(o, "to", ""));
    return 0;
}

/* --- copy: a deployment from one database to another (SQLite <-> PostgreSQL) --- */

static int cmd_copy(const struct opts *o)
{
    buf report, err;
    buf_init(&report, NULL);
    buf_init(&err, NULL);
    const char *from = need(o, "from", "copy"), *to = need(o, "to", "copy");
    bool ok = deployment_copy(from, to, &report, &err);
    /* The log moved: the key that signed it goes with it (R38). */
    char from_key[AUDIT_PATH_MAX], to_key[AUDIT_PATH_MAX];
    audit_key_default_path(from, from_key, sizeof from_key);
    audit_key_default_path(to, to_key, sizeof to_key);
    const char *fk = opt(o, "from-audit-key", from_key), *tk = opt(o, "to-audit-key", to_key);
    if (ok && audit_key_copy(fk, tk, &err)) {
        buf_printf(&report, "  %-16s %s -> %s, with its checkpoint file\n", "audit key", fk, tk);
    } else if (ok) {
        buf_printf(&err, "; the database was copied, but the audit key that signed its log did "
                         "not go with it: copy the key and its checkpoint file to %s by hand", tk);
        ok = false;
    }
    fputs(buf_cstr(&report), stdout);
    if (!ok)
        fprintf(stderr, "parley copy: %s\n", buf_cstr(&err));
    buf_release(&report);
    buf_release(&err);
    return ok ? 0 : 1;
}

/* --- routes: the route table with the policy's answer for each role, from
 * which the permission tests are generated --- */

static const char *answer_word(enum policy_answer a)
{
    switch (a) {
    case POLICY_ALLOW: return "allow";
    case POLICY_HIDDEN: return "hidden";
    case POLICY_FORBIDDEN: return "forbidden";
    default: return "allow";
    }
}

static void route_expectations(json *j, const struct route *rt)
{
    json_key(j, "expect");
    json_obj_begin(j);
    /* For a record that is not the asker's own, and for their own. */
    struct policy_record other = {.known = true, .self = false}, own = {.known = true, .self = true};
    for (int role = 0; role < ROLE_COUNT; role++) {
        enum policy_answer route = policy_decide(true, 1u << role, (enum action)rt->action,
                                                 (enum record_kind)rt->kind, NULL);
        enum policy_answer rec = policy_decide(true, 1u << role, (enum action)rt->action,
                                               (enum record_kind)rt->kind, &other);
        enum policy_answer mine = policy_decide(true, 1u << role, (enum action)rt->action,
                                                (enum record_kind)rt->kind, &own);
        json_key(j, role_key((enum role)role));
        json_obj_begin(j);
        json_kv_str(j, "route", answer_word(route));
        json_kv_str(j, "other", answer_word(route == POLICY_FORBIDDEN ? route : rec));
        json_kv_str(j, "own", answer_word(route == POLICY_FORBIDDEN ? route : mine));
        json_obj_end(j);
    }
    json_obj_end(j);
}

/* --- workflow: the case workflow's diagram, from domain/workflow.c's
 * table, and in Markdown with a peer support case's table after it
 * (docs/workflow.md is this command's Markdown) --- */

static int cmd_workflow(const struct opts *o)
{
    const char *format = opt(o, "format", "dot");
    if (strcmp(format, "dot") != 0 && strcmp(format, "md") != 0)
        die("--format takes dot or md, not '%s'", format);
    buf b;
    buf_init(&b, NULL);
    if (strcmp(format, "md") == 0) {
        workflow_markdown(&b);
        pss_process_markdown(&b);
    } else
        workflow_dot(&b);
    fputs(buf_cstr(&b), stdout);
    buf_release(&b);
    return 0;
}

/* --- rules: the rules' words, from domain/rule_words.c's table, in
 * Markdown (docs/rules.md is this command's output) --- */

static int cmd_rules(const struct opts *o)
{
    (void)o;
    buf b;
    buf_init(&b, NULL);
    rule_words_markdown(&b);
    fputs(buf_cstr(&b), stdout);
    buf_release(&b);
    return 0;
}

static int cmd_routes(const struct opts *o)
{
    (void)o;
    buf b;
    buf_init(&b, NULL);
    json j;
    json_init(&j, &b);
    json_arr_begin(&j);
    for (size_t i = 0; i < web_route_count; i++) {
        const struct route *rt = &web_routes[i];
        json_obj_begin(&j);
        json_kv_str(&j, "method", rt->method);
        json_kv_str(&j, "pattern", rt->pattern);
        json_kv_bool(&j, "public", rt->action == ACT_PUBLIC);
        json_kv_str(&j, "action", policy_action_label((enum action)rt->action));
        json_kv_str(&j, "kind", policy_kind_label((enum record_kind)rt->kind));
        route_expectations(&j, rt);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    puts(buf_cstr(&b));
    buf_release(&b);
    return 0;
}

/* --- serve --- */

static void listen_parse(const char *listen, char *addr, size_t n, int *port)
{
    const char *colon = strrchr(listen, ':');
    char *end;
    long p = colon ? strtol(colon + 1, &end, 10) : -1;
    if (!colon || *end || p < 0 || p > 65535 || (size_t)(colon - listen) >= n)
        die("--listen takes ADDRESS:PORT, such as 127.0.0.1:8080, not '%s'", listen);
    memcpy(addr, listen, (size_t)(colon - listen));
    addr[colon - listen] = '\0';
    *port = (int)p;
}

static struct http_limits limits_from(const struct opts *o)
{
    struct http_limits l = http_default_limits();
    l.max_header_bytes = (size_t)opt_long(o, "max-header-bytes", (long)l.max_header_bytes, 1024, 1 << 20);
    l.max_form_bytes = (size_t)opt_long(o, "max-form-bytes", (long)l.max_form_bytes, 1024, 64L << 20);
    l.max_upload_bytes = (size_t)opt_long(o, "max-upload-bytes", (long)l.max_upload_bytes, 1024, 1L << 30);
    l.connection_timeout = (unsigned)opt_long(o, "timeout", l.connection_timeout, 1, 3600);
    l.max_conn_per_addr = (unsigned)opt_long(o, "max-conns-per-address", l.max_conn_per_addr, 1, 100000);
    l.max_upload_memory = (size_t)opt_long(o, "max-upload-memory", (long)l.max_upload_memory,
                                           (long)l.max_upload_bytes, 64L << 30);
    return l;
}

/* Every --trusted-proxy, parsed into out (at most max); returns how many. */
static size_t trusted_proxies_from(const struct opts *o, struct http_cidr *out, size_t max)
{
    size_t n = 0;
    for (int i = 0; i < o->n; i++) {
        if (strcmp(o->name[i], "trusted-proxy") != 0)
            continue;
        if (n == max)
            die("at most %zu --trusted-proxy networks", max);
        if (!http_cidr_parse(o->value[i], &out[n++]))
            die("--trusted-proxy takes an address or a network, such as 10.0.0.5, "
                "10.0.0.0/24 or fd00::/8, not '%s'", o->value[i]);
    }
    return n;
}

static struct app_config app_config_from(const struct opts *o)
{
    struct app_config a = app_default_config();
    a.hash_concurrency = (int)opt_long(o, "hash-concurrency", a.hash_concurrency, 1, 64);
    a.hash_queue = (int)opt_long(o, "hash-queue", a.hash_queue, 1, 10000);
    a.hash_wait_ms = (int)opt_long(o, "hash-wait-ms", a.hash_wait_ms, 0, 60000);
    a.session_idle_seconds = (int)opt_long(o, "session-idle", a.session_idle_seconds, 60, 7 * 86400);
    a.session_max_seconds = (int)opt_long(o, "session-max", a.session_max_seconds, 60, 30 * 86400);
    struct signin_limits *l = &a.signin;
    l->pair_failures = (int)opt_long(o, "throttle-pair", l->pair_failures, 1, 1000);
    l->account_failures = (int)opt_long(o, "throttle-account", l->account_failures, 1, 100000);
    l->address_failures = (int)opt_long(o, "throttle-address", l->address_failures, 1, 100000);
    l->account_signins = (int)opt_long(o, "signins-per-account", l->account_signins, 1, 100000);
    l->address_attempts = (int)opt_long(o, "signins-per-address", l->address_attempts, 1, 1000000);
    l->window_seconds = (int)opt_long(o, "throttle-window", l->window_seconds, 60, 86400);
    l->max_delay_seconds = (int)opt_long(o, "throttle-max-delay", l->max_delay_seconds, 1, 86400);
    a.secure_cookies = opt(o, "secure-cookies", NULL) != NULL;
    a.mail_from = opt(o, "mail-from", a.mail_from);
    if (!strchr(a.mail_from, '@') || strpbrk(a.mail_from, " <>\r\n\""))
        die("--mail-from takes an address such as parley@district.org, not '%s'", a.mail_from);
    static char listening[80];
    snprintf(listening, sizeof listening, "http://%s", opt(o, "listen", "127.0.0.1:8080"));
    a.public_url = opt(o, "public-url", listening);
    if (strncmp(a.public_url, "http://", 7) && strncmp(a.public_url, "https://", 8))
        die("--public-url takes the address people reach Parley at, such as "
            "https://parley.district.org, not '%s'", a.public_url);
    return a;
}

/* The relay's user and password: the file's first two lines (so that they
 * are in no command line, which other users of the machine can read). */
static void smtp_credentials(const char *path, struct smtp_relay *r)
{
    static char user[256], password[256];
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot read --smtp-auth-file %s: %s", path, strerror(errno));
    if (!fgets(user, sizeof user, f) || !fgets(password, sizeof password, f))
        die("--smtp-auth-file %s must hold the user on its first line and the password on its "
            "second", path);
    fclose(f);
    user[strcspn(user, "\r\n")] = 0;
    password[strcspn(password, "\r\n")] = 0;
    r->user = user;
    r->password = password;
}

/* NULL: no relay; the outbox keeps the mail for /outbox to show. */
static struct mail_delivery *mail_delivery_from(const struct opts *o, struct mail_delivery *d,
                                                const struct app_config *a)
{
    const char *url = opt(o, "smtp-url", NULL);
    if (!url)
        return NULL;
    if (strncmp(url, "smtp://", 7) && strncmp(url, "smtps://", 8))
        die("--smtp-url takes smtp://HOST:PORT or smtps://HOST:PORT, not '%s'", url);
    *d = (struct mail_delivery){
        .relay = {.url = url, .from = a->mail_from,
                  .timeout_seconds = opt_long(o, "smtp-timeout", 30, 1, 600)},
        .tries = (int)opt_long(o, "mail-tries", 8, 1, 100),
        .retry_seconds = (int)opt_long(o, "mail-retry-seconds", 60, 1, 86400),
    };
    if (opt(o, "smtp-auth-file", NULL))
        smtp_credentials(opt(o, "smtp-auth-file", NULL), &d->relay);
    return d;
}

/* The program's OpenID provider (issue 17), from --oidc-*; the client
 * secret is read from a file, so that it is in no command line. */
static void sso_from(const struct opts *o, struct app_config *a)
{
    const char *issuer = opt(o, "oidc-issuer", NULL);
    if (!issuer)
        return;
    static char secret[512];
    const char *path = need(o, "oidc-secret-file", "serve --oidc-issuer");
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot read --oidc-secret-file %s: %s", path, strerror(errno));
    if (!fgets(secret, sizeof secret, f))
        secret[0] = 0;
    fclose(f);
    secret[strcspn(secret, "\r\n")] = 0;
    a->sso = (struct sso_provider){
        .name = opt(o, "oidc-name", issuer),
        .oidc = {.issuer = issuer, .client_id = need(o, "oidc-client-id", "serve --oidc-issuer"),
                 .client_secret = secret,
                 .timeout_seconds = opt_long(o, "oidc-timeout", 10, 1, 120)},
    };
    const char *problem = oidc_settings_problem(&a->sso.oidc);
    if (problem)
        die("--oidc-issuer %s: %s (--oidc-secret-file holds the secret on its first line)",
            issuer, problem);
}

/* --oidc-program: the program whose people the provider signs in. */
static void sso_program(const struct opts *o, db_pool *pool, struct app_config *a)
{
    const char *name = opt(o, "oidc-program", NULL);
    if (!name || !a->sso.oidc.issuer)
        return;
    db *d = db_acquire(pool);
    db_int_query(d, &a->sso.program_id, "SELECT id FROM program WHERE short_name = ?", "s", name);
    db_release(pool, d);
    if (!a->sso.program_id)
        die("--oidc-program: no program has the short name '%s'", name);
}

static void program_zone(db_pool *pool)
{
    db *d = db_acquire(pool);
    db_stmt *st = db_query(d, "SELECT time_zone FROM program ORDER BY id LIMIT 1", "");
    if (st && db_step(st) == DB_ROW)
        clock_set_zone(db_text(st, 0));
    db_done(st);
    db_release(pool, d);
}

static int cmd_serve(const struct opts *o)
{
    const char *path = opt(o, "db", "parley.db");
    char addr[64];
    int port;
    listen_parse(opt(o, "listen", "127.0.0.1:8080"), addr, sizeof addr, &port);
    unsigned threads = (unsigned)opt_long(o, "threads", 4, 1, 256);
    db_close(open_existing(path));   /* migrations run once, before the pool opens */
    char *err = NULL;
    db_pool *pool = db_pool_open(path, (int)threads, &err);
    if (!pool)
        die("cannot open %s: %s", path, err ? err : "unknown error");
    program_zone(pool);
    struct web_server srv = {0};
    struct app_config acfg = app_config_from(o);
    sso_from(o, &acfg);
    sso_program(o, pool, &acfg);
    struct mail_delivery delivery;
    acfg.mail_relay = mail_delivery_from(o, &delivery, &acfg) != NULL;
    if (!web_server_init(&srv, pool, &acfg))
        die("%s has no program yet: run parley init or parley demo first", path);
    const char *fmt = opt(o, "log-format", "plain");
    if (strcmp(fmt, "plain") != 0 && strcmp(fmt, "json") != 0)
        die("--log-format is plain or json, not '%s'", fmt);
    struct http_cidr proxies[16];
    struct http_config hc = {
        .listen_addr = addr, .port = port, .threads = threads, .limits = limits_from(o),
        .trusted_proxies = proxies, .ntrusted_proxies = trusted_proxies_from(o, proxies, 16),
        .routes = web_routes, .nroutes = web_route_count, .dispatch = web_dispatch,
        .error = web_error, .ctx = &srv, .log_json = strcmp(fmt, "json") == 0,
    };
    /* Signals are taken by sigwait() below, not by the server's threads. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);
    /* R38: the log is signed while it grows, and once more at the end. */
    char kpath[AUDIT_PATH_MAX];
    struct audit_key key;
    key_path(o, path, kpath);
    key_load(kpath, &key);
    buf serr;
    buf_init(&serr, NULL);
    struct audit_signer *signer =
        audit_signer_start(path, &key, (int)opt_long(o, "audit-checkpoint-seconds", 60, 1, 86400), &serr);
    audit_key_forget(&key);
    if (!signer || !(srv.app.audit_writer = audit_writer_start(path, &serr)))
        die("%s", buf_cstr(&serr));
    buf_release(&serr);
    http_server *server = http_start(&hc, &err);
    if (!server)
        die("cannot serve on %s: %s", opt(o, "listen", ""), err ? err : "unknown error");
    /* Links in mail name the port the server got when it was asked for any
     * (--listen ...:0), unless --public-url says where people reach it. */
    static char reached[96];
    if (!opt(o, "public-url", NULL)) {
        snprintf(reached, sizeof reached, "http://%s:%d", addr, http_port(server));
        srv.app.cfg.public_url = reached;
    }
    struct reminder_loop reminders = {.pool = pool, .app = &srv.app,
                                      .every = opt_long(o, "remind-every", 3600, 0, 7 * 86400)};
    if (reminders.every && pthread_create(&reminders.thread, NULL, remind_loop, &reminders) != 0)
        die("cannot start the reminders' sweep");
    struct mail_worker *mailer = NULL;
    if (acfg.mail_relay) {
        buf merr;
        buf_init(&merr, NULL);
        if (!(mailer = mail_worker_start(path, &srv.app, &delivery, &merr)))
            die("%s", buf_cstr(&merr));
    }
    fprintf(stderr, "parley: serving %s on http://%s:%d/ (Ctrl-C stops)\n", srv.program_name, addr,
            http_port(server));
    int sig;
    sigwait(&stop, &sig);
    fprintf(stderr, "parley: stopping\n");
    web_server_drain(&srv);
    if (reminders.every) {
        atomic_store(&reminders.stop, true);
        pthread_join(reminders.thread, NULL);
    }
    mail_worker_stop(mailer);
    http_stop(server);
    audit_writer_stop(srv.app.audit_writer);   /* no request waits on it now */
    srv.app.audit_writer = NULL;
    audit_signer_stop(signer);
    web_server_fini(&srv);
    db_pool_close(pool);
    return 0;
}

/* --- the command table --- */

#define DB_OPT {"db", "PATH", "the database file (default parley.db)"}
#define AUDIT_KEY_OPT                                                                            \
    {"audit-key", "PATH", "the audit log's signing key (default: beside the database file, "    \
                          "DB.audit-key; for PostgreSQL NAME.audit-key in the current directory)"}
#define VERIFY_OPTS                                                                              \
    AUDIT_KEY_OPT,                                                                               \
    {"public-key", "KEY|FILE", "verify against this public key (its hex, or a file holding "    \
                               "it), not the key file's"},                                      \
    {"checkpoints", "FILE", "signed checkpoints kept elsewhere (parley audit checkpoints), "     \
                            "checked as well (repeatable)"}

static const struct opt_def init_opts[] = {
    DB_OPT, AUDIT_KEY_OPT, {"program", "NAME", "the program's name"},
    {"short-name", "NAME", "its short name, such as ESP"},
    {"time-zone", "TZ", "its time zone (default America/New_York)"}, {0}};
static const struct opt_def demo_opts[] = {
    DB_OPT, AUDIT_KEY_OPT,
    {"size", "small|large|huge", "small (default); large: 60 schools, 4,000 teachers and ten "
                                 "years of history, for the benchmark; huge: ten times large"},
    {"program", "NAME", "the program's name"}, {0}};
static const struct opt_def db_opts[] = {DB_OPT, {0}};
static const struct opt_def key_db_opts[] = {DB_OPT, AUDIT_KEY_OPT, {0}};
static const struct opt_def verify_opts[] = {DB_OPT, VERIFY_OPTS, {0}};
static const struct opt_def key_opts[] = {
    DB_OPT, AUDIT_KEY_OPT, {"public", NULL, "print only the public key's hex"}, {0}};
static const struct opt_def user_add_opts[] = {
    DB_OPT, AUDIT_KEY_OPT, {"email", "E", "their email address (they sign in with it)"},
    {"name", "N", "their full name"},
    {"role", "ROLE", "a role (repeatable): coordinator, consulting_teacher, participating_teacher, "
                     "administrator, panel_member, superintendent, union_rep"},
    {"school", "S", "their school's code or name (administrators need one)"},
    {"employee-id", "ID", "their employee id"},
    {"district-year", "N", "which year in the district they are in: 1 for the first (R1)"},
    {"years", "N", "the old form of --district-year: the full years behind them, one less"},
    {"job", "JOB", "classroom_teacher, spc_teacher, nurse, cosess or other"},
    {"union-member", "yes|no", "member of the union (default yes)"},
    {"full-time", "yes|no", "full-time employee (default yes)"},
    {"seat", "teacher|principal", "Panel seat (panel_member)"},
    {"appointed-by", "WHO", "who appointed the Panel member: union_president (teacher seats) or district (principal seats), R29"},
    {"term-start", "DATE", "Panel term start, YYYY-MM-DD"},
    {"term-end", "DATE", "Panel term end, YYYY-MM-DD"}, {0}};
static const struct opt_def email_opts[] = {
    DB_OPT, AUDIT_KEY_OPT, {"email", "E", "the person's email address"}, {0}};
static const struct opt_def link_opts[] = {
    DB_OPT, AUDIT_KEY_OPT, {"email", "E", "the person's email address"},
    {"base-url", "URL", "the site's address (default http://127.0.0.1:8080)"}, {0}};
static const struct opt_def token_opts[] = {
    DB_OPT, AUDIT_KEY_OPT, {"email", "E", "whose token it is: the API acts as them, in their home program"},
    {"name", "TEXT", "what the token is for (default \"command line\")"},
    {"days", "N", "how many days it works (default and most: the program's api_token_days, 90 "
                  "unless changed)"}, {0}};
static const struct opt_def token_list_opts[] = {
    DB_OPT, AUDIT_KEY_OPT, {"email", "E", "only this person's tokens (default: everyone's)"}, {0}};
static const struct opt_def token_revoke_opts[] = {
    DB_OPT, AUDIT_KEY_OPT, {"id", "N", "the token's id, from parley token list"}, {0}};
static const struct opt_def import_roster_opts[] = {
    {"PATH", NULL, "a folder holding OneRoster 1.1's orgs.csv and users.csv, or a CSV file of "
                   "name, email, school, role (and employee_id)"},
    DB_OPT, AUDIT_KEY_OPT,
    {"apply", NULL, "import it: without this, only the preview (nothing is written)"}, {0}};
static const struct opt_def backup_opts[] = {DB_OPT, {"to", "FILE", "the new backup file"}, {0}};
static const struct opt_def copy_opts[] = {
    {"from", "DB", "the deployment to copy: an SQLite file or a postgres:// URL"},
    {"to", "DB", "a new, empty database (file or postgres:// URL); migrated first"},
    {"from-audit-key", "PATH", "the source's audit key (default as for --audit-key)"},
    {"to-audit-key", "PATH", "where the key goes with the copy (default as for --audit-key)"}, {0}};
static const struct opt_def serve_opts[] = {
    DB_OPT, AUDIT_KEY_OPT,
    {"audit-checkpoint-seconds", "N", "sign the audit log's head this often while it grows "
                                      "(default 60), and when stopping"},
    {"listen", "ADDR:PORT", "where to listen (default 127.0.0.1:8080)"},
    {"threads", "N", "worker threads and database connections (default 4)"},
    {"log-format", "plain|json", "the access log's format (default plain)"},
    {"max-header-bytes", "N", "largest request headers (default 8192; over: 431)"},
    {"max-form-bytes", "N", "largest form or JSON body (default 65536; over: 413)"},
    {"max-upload-bytes", "N", "largest upload (default 10485760; over: 413)"},
    {"max-upload-memory", "N", "uploads being received at once, together (default 104857600; "
                              "over: 503, try again in a minute)"},
    {"timeout", "SECONDS", "idle connections close after this (default 15)"},
    {"max-conns-per-address", "N", "open connections per client address (default 256, for a "
                                   "school's staff behind one address; over: 429); through a "
                                   "trusted proxy, requests at once per client"},
    {"trusted-proxy", "CIDR", "a proxy in front (nginx), such as 10.0.0.5 or 10.0.0.0/24 "
                              "(repeatable): from it, the client's address is the rightmost "
                              "X-Forwarded-For hop outside these; limits, throttles and the "
                              "audit log use it"},
    {"hash-concurrency", "N", "threads computing password hashes, never the page workers "
                              "(default 2; each takes 19 MiB while it hashes)"},
    {"hash-queue", "N", "sign-ins waiting for a hash thread, at most (default 64; over: 429)"},
    {"hash-wait-ms", "MS", "how long a sign-in waits for a hash thread, at most (default 3000; "
                           "0: none, over: 429)"},
    {"session-idle", "SECONDS", "a session unused this long ends (default 3600)"},
    {"session-max", "SECONDS", "no session lives longer (default 43200)"},
    {"throttle-pair", "N", "wrong passwords for an account from one address before each "
                           "next try from there waits, 1 s, 2 s, 4 s... (default 5); never a "
                           "lock, never for other addresses"},
    {"throttle-account", "N", "wrong passwords for an account from addresses it has not "
                              "signed in from before those wait too (default 20)"},
    {"throttle-address", "N", "wrong passwords from one address, for accounts that have not "
                              "signed in from it, before it waits too (default 50)"},
    {"throttle-max-delay", "SECONDS", "the longest wait (default 900)"},
    {"signins-per-account", "N", "sign-ins with the right password per account per window "
                                 "(default 30; over: 429)"},
    {"signins-per-address", "N", "sign-ins from one address per window, not counting accounts "
                                 "that have signed in from it before (default 300; over: 429)"},
    {"throttle-window", "SECONDS", "what the sign-in counts count back (default 900)"},
    {"secure-cookies", NULL, "mark cookies Secure (behind TLS)"},
    {"remind-every", "SECONDS", "how often the inbox's reminders are swept (default 3600; 0: never, "
                                "for `parley remind` from cron)"},
    {"public-url", "URL", "where people reach Parley, for the links in its mail (default "
                          "http:// and --listen's address)"},
    {"mail-from", "ADDRESS", "the address mail comes from (default parley@localhost); the "
                             "program's name is the sender's name"},
    {"smtp-url", "smtp[s]://HOST:PORT", "the relay that sends the mail; without it, mail is "
                                        "kept and the coordinator reads it at /outbox"},
    {"smtp-auth-file", "PATH", "the relay's user (first line) and password (second line)"},
    {"smtp-timeout", "SECONDS", "one message's send gives up after this (default 30)"},
    {"mail-tries", "N", "tries before a message is failed (default 8)"},
    {"mail-retry-seconds", "N", "the wait after a first failed try, doubled after each "
                                "(default 60, at most six hours)"},
    {"oidc-issuer", "URL", "the OpenID Connect provider people may sign in through (https://; "
                           "its settings are read from URL/.well-known/openid-configuration); "
                           "register PUBLIC_URL/login/sso/return with it as Parley's redirect URI"},
    {"oidc-client-id", "ID", "Parley's client id at the provider"},
    {"oidc-secret-file", "PATH", "a file holding Parley's client secret on its first line"},
    {"oidc-name", "TEXT", "the provider's name on the sign-in page's button, such as \"Harbor "
                          "City Google\" (default: the issuer's address)"},
    {"oidc-program", "SHORT_NAME", "the program whose people it signs in (default: the "
                                   "installation's first); it never signs in anyone else"},
    {"oidc-timeout", "SECONDS", "one request to the provider gives up after this (default 10)"},
    {0}};

struct command {
    const char *name, *summary;
    const struct opt_def *opts;
    int (*run)(const struct opts *o);                      /* or: */
    int (*in_tx)(struct ctx *c, const struct opts *o);     /* runs in one transaction */
    bool create;                                           /* may create the database */
};

static const struct opt_def rules_opts[] = {{0}};
static const struct opt_def workflow_opts[] = {
    {"format", "dot|md",
     "Graphviz DOT (default), or Markdown for docs/workflow.md with the peer support case's too"},
    {0}};

static const struct command commands[] = {
    {"init", "Creates a database with its program.", init_opts, NULL, cmd_init_fn, true},
    {"demo", "Creates the demo program (if not there yet) and prints its sign-ins.", demo_opts,
     NULL, cmd_demo_fn, true},
    {"serve", "Serves the web site and the API.", serve_opts, cmd_serve, NULL, false},
    {"user add", "Adds a person; reads their password from the first line of standard input "
                 "(an empty line: none yet).", user_add_opts, NULL, cmd_user_add_fn, false},
    {"user passwd", "Sets a person's password from the first line of standard input.",
     email_opts, NULL, cmd_user_passwd_fn, false},
    {"user link", "Prints a one-time link with which a person sets a new password (and signs "
                  "them out everywhere). Only the operator, who holds the database anyway, is "
                  "shown a link: the coordinator's (a person's page) and the person's own "
                  "(\"Forgot your password?\") go by e-mail to the person.", link_opts,
     NULL, cmd_user_link_fn, false},
    {"token create", "Prints a new API token for a person (only its hash is kept).", token_opts,
     NULL, cmd_token_create_fn, false},
    {"token list", "Lists API tokens: name, owner, expiry, last use, and whether revoked.",
     token_list_opts, NULL, cmd_token_list_fn, false},
    {"token revoke", "Revokes an API token: it stops working at once.", token_revoke_opts, NULL,
     cmd_token_revoke_fn, false},
    {"import roster", "Brings in the district's roster (OneRoster 1.1 CSV, or a plain CSV): "
                      "shows what it adds, changes and leaves, and with --apply imports it, "
                      "all of it or nothing.", import_roster_opts, NULL, cmd_import_roster_fn,
     false},
    {"remind", "Sends the inbox's reminders of what is due, soon or overdue, the daily "
               "digests and the CTs' weekly summaries (as serve does every hour).", key_db_opts, NULL, cmd_remind_fn, false},
    {"check", "Verifies the database's integrity, schema version and audit log (as audit verify).",
     verify_opts, cmd_check, NULL, false},
    {"audit verify", "Checks the audit log against its key: fails on any edit, rewrite, cut or "
                     "missing guard.", verify_opts, cmd_audit_verify, NULL, false},
    {"audit key", "Prints where the audit log's signing key is, and its public half.", key_opts,
     cmd_audit_key, NULL, false},
    {"audit checkpoints", "Prints the audit log's signed checkpoints, one a line, for keeping "
                          "elsewhere.", db_opts, cmd_audit_checkpoints, NULL, false},
    {"backup", "Copies the database, online, to a new file.", backup_opts, cmd_backup, NULL, false},
    {"copy", "Copies a whole deployment into a new database (SQLite <-> PostgreSQL), verified.",
     copy_opts, cmd_copy, NULL, false},
    {"routes", "Prints the route table with the policy's answer per role (JSON).", db_opts,
     cmd_routes, NULL, false},
    {"workflow", "Prints the case workflow's diagram from its table (Graphviz DOT, or --format md).",
     workflow_opts, cmd_workflow, NULL, false},
    {"rules", "Prints the rules in plain words, with their sources, from their table (Markdown).",
     rules_opts, cmd_rules, NULL, false},
};

static void main_usage(void)
{
    printf("usage: parley COMMAND [options]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        printf("  %-18s %s\n", commands[i].name, commands[i].summary);
    printf("\nparley COMMAND --help tells a command's options.\n");
}

/* Matches "user add" against argv[1..2]; returns the words used. */
static int command_words(const struct command *cmd, int argc, char **argv)
{
    const char *space = strchr(cmd->name, ' ');
    if (!space)
        return strcmp(argv[1], cmd->name) == 0 ? 1 : 0;
    size_t n = (size_t)(space - cmd->name);
    return argc > 2 && strncmp(argv[1], cmd->name, n) == 0 && argv[1][n] == '\0' &&
                   strcmp(argv[2], space + 1) == 0
               ? 2
               : 0;
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0) {
        main_usage();
        return argc < 2 ? 2 : 0;
    }
    if (!secret_init())
        die("libsodium could not start");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
        const struct command *cmd = &commands[i];
        int words = command_words(cmd, argc, argv);
        if (!words)
            continue;
        struct opts o;
        int rc = opts_parse(argc - 1 - words, argv + 1 + words, cmd->name, cmd->summary,
                            cmd->opts, &o);
        if (rc)
            return rc == 1 ? 0 : 2;
        return cmd->run ? cmd->run(&o) : run_with_db(&o, cmd->create, cmd->in_tx);
    }
    fprintf(stderr, "parley: unknown command '%s'\n\n", argv[1]);
    main_usage();
    return 2;
}

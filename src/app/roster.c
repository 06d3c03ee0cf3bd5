/* roster.c: reading a district's roster and working out what importing it
 * does (see roster.h); roster_write.c imports it. */
#include "app/roster_internal.h"

#include <ctype.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/people.h"
#include "out/csv.h"

/* --- problems --- */

struct planning {
    struct ctx *c;
    struct roster_plan *plan;
    struct roster_work *w;
    int problem_cap, change_cap;
    const struct roster_progress *progress;
};

static void problem(struct planning *pl, const char *file, int row, const char *column,
                    const char *reason)
{
    struct roster_plan *p = pl->plan;
    p->problems =
        arena_grow(pl->c->a, p->problems, p->nproblems, &pl->problem_cap, sizeof *p->problems);
    p->problems[p->nproblems] = (struct roster_problem){file, column, reason, row, p->nproblems};
    p->nproblems++;
}

/* Problems by file, then row, then as found: the order of the files. */
static int problem_order(const void *a, const void *b)
{
    const struct roster_problem *x = a, *y = b;
    int k = strcmp(x->file, y->file);
    if (!k)
        k = (x->row > y->row) - (x->row < y->row);
    return k ? k : (x->found > y->found) - (x->found < y->found);
}

static void problems_sort(struct roster_plan *p)
{
    if (p->nproblems)
        qsort(p->problems, (size_t)p->nproblems, sizeof *p->problems, problem_order);
}

static void problems_of(struct planning *pl, const char *file, int row, const struct errors *e)
{
    for (int i = 0; i < e->n; i++)
        problem(pl, file, row, e->e[i].field, e->e[i].message);
}

/* --- files and their columns --- */

struct column {
    const char *name;
    size_t offset; /* of the const char * it fills */
    bool required;
};

#define USER(f) offsetof(struct roster_user_in, f)
#define ORG(f) offsetof(struct roster_org_in, f)
/* OneRoster 1.1's users.csv: the columns Parley reads (email is optional
 * to OneRoster, not to Parley: it reaches people by e-mail). */
static const struct column oneroster_users[] = {
    {"sourcedId", USER(sourced_id), true},
    {"status", USER(status), false},
    {"enabledUser", USER(enabled), false},
    {"orgSourcedIds", USER(orgs), true},
    {"role", USER(role), true},
    {"givenName", USER(given), true},
    {"familyName", USER(family), true},
    {"identifier", USER(identifier), false},
    {"email", USER(email), true},
};
static const struct column plain_users[] = {
    {"name", USER(name), true},
    {"email", USER(email), true},
    {"school", USER(school), true},
    {"role", USER(role), true},
    {"employee_id", USER(employee_id), false},
};
static const struct column oneroster_orgs[] = {
    {"sourcedId", ORG(sourced_id), true},
    {"status", ORG(status), false},
    {"name", ORG(name), true},
    {"type", ORG(type), true},
    {"identifier", ORG(identifier), false},
};
#define COLUMNS(t) t, (int)(sizeof t / sizeof *t)

struct sheet {
    const char *file; /* its name, for the problems */
    struct csv_table t;
    const struct column *cols;
    int ncols;
    int at[16]; /* each column's place in the file; -1: absent */
};

/* A name to show for an uploaded file: its last part, never a path. */
static const char *file_label(arena *a, const struct upload *u, const char *dflt)
{
    const char *name = u->filename && *u->filename ? u->filename : dflt;
    for (const char *p = name; *p; p++)
        if (*p == '/' || *p == '\\')
            name = p + 1;
    return *name ? arena_strdup(a, name) : dflt;
}

/* Finds each column in the header; false when a needed one is missing. */
static bool sheet_header(struct planning *pl, struct sheet *s)
{
    bool ok = true;
    const struct csv_record *h = s->t.n ? &s->t.records[0] : NULL;
    for (int k = 0; k < s->ncols; k++) {
        s->at[k] = -1;
        for (int i = 0; h && i < h->n && s->at[k] < 0; i++)
            if (strcasecmp(h->fields[i], s->cols[k].name) == 0)
                s->at[k] = i;
        if (s->at[k] < 0 && s->cols[k].required) {
            problem(pl, s->file, 1, s->cols[k].name,
                    arena_printf(pl->c->a,
                                 "The first row names no %s column: it names each "
                                 "column, as the format has them.",
                                 s->cols[k].name));
            ok = false;
        }
    }
    return ok;
}

static bool sheet_read(struct planning *pl, struct sheet *s, const struct upload *u,
                       const struct column *cols, int ncols)
{
    const char *err = NULL;
    s->cols = cols;
    s->ncols = ncols;
    if (!u->data || !u->len) {
        problem(pl, s->file, 0, "", "Choose the file: the one sent is empty.");
        return false;
    }
    if (!csv_read(pl->c->a, u->data, u->len, &s->t, &err)) {
        problem(pl, s->file, 0, "",
                arena_printf(pl->c->a, "Not a CSV file Parley can read: %s.", err));
        return false;
    }
    return sheet_header(pl, s);
}

/* Row r's fields into dest (a roster_user_in or roster_org_in); a column
 * the file or the row lacks is NULL. */
static void sheet_row(const struct sheet *s, int r, void *dest)
{
    const struct csv_record *rec = &s->t.records[r];
    for (int k = 0; k < s->ncols; k++) {
        int at = s->at[k];
        *(const char **)((char *)dest + s->cols[k].offset) =
            at >= 0 && at < rec->n ? rec->fields[at] : NULL;
    }
}

/* --- looking things up --- */

struct entry {
    const char *key;
    int i;
};
struct lookup {
    struct entry *e;
    int n;
};

static int entry_order(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;
    int k = strcmp(x->key, y->key);
    return k ? k : (x->i > y->i) - (x->i < y->i);
}

/* keys[i] for i in 0..n, empty keys left out; lower: compared lower-cased. */
static struct lookup lookup_of(arena *a, const char *const *keys, int n, bool lower)
{
    struct lookup l = {arena_alloc(a, sizeof *l.e * (size_t)(n + 1)), 0};
    for (int i = 0; i < n; i++) {
        if (!keys[i] || !*keys[i])
            continue;
        char *k = arena_strdup(a, keys[i]);
        for (char *p = k; lower && *p; p++)
            *p = (char)tolower((unsigned char)*p);
        l.e[l.n++] = (struct entry){k, i};
    }
    qsort(l.e, (size_t)l.n, sizeof *l.e, entry_order);
    return l;
}

/* The first i with the key (its first in order), or -1. */
static int lookup_find(const struct lookup *l, const char *key, bool lower)
{
    if (!key || !*key)
        return -1;
    char lowered[256];
    if (lower) {
        size_t n = 0;
        for (; key[n] && n < sizeof lowered - 1; n++)
            lowered[n] = (char)tolower((unsigned char)key[n]);
        lowered[n] = '\0';
        key = lowered;
    }
    int lo = 0, hi = l->n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (strcmp(l->e[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < l->n && strcmp(l->e[lo].key, key) == 0 ? l->e[lo].i : -1;
}

/* --- the program's schools and people, as stored --- */

static enum app_status schools_load(struct planning *pl)
{
    struct roster_work *w = pl->w;
    struct ctx *c = pl->c;
    db_stmt *st = db_query(c->db,
                           "SELECT id, name, code, roster_id FROM school "
                           "WHERE program_id = ? ORDER BY id",
                           "i", c->who.program_id);
    if (!st)
        return APP_ERROR;
    int cap = 0;
    while (db_step(st) == DB_ROW) {
        w->slots = arena_grow(c->a, w->slots, w->nslots, &cap, sizeof *w->slots);
        w->slots[w->nslots++] = (struct roster_slot){.id = db_int(st, 0),
                                                     .name = db_text_copy(st, 1, c->a),
                                                     .code = db_text_copy(st, 2, c->a),
                                                     .roster_id = db_text_copy(st, 3, c->a)};
    }
    db_done(st);
    return APP_OK;
}

static struct roster_known *known_by_id(struct roster_work *w, int64_t id)
{
    int lo = 0, hi = w->nknown;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (w->known[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < w->nknown && w->known[lo].id == id ? &w->known[lo] : NULL;
}

/* Each person's administrator roles in this program, and whether they
 * hold any role in another. */
static enum app_status roles_load(struct planning *pl)
{
    struct ctx *c = pl->c;
    db_stmt *st = db_query(c->db,
                           "SELECT r.person_id, r.program_id, r.role, COALESCE(r.school_id, 0) "
                           "FROM person_role r JOIN person p ON p.id = r.person_id "
                           "WHERE p.program_id = ? ORDER BY r.person_id",
                           "i", c->who.program_id);
    if (!st)
        return APP_ERROR;
    while (db_step(st) == DB_ROW) {
        struct roster_known *k = known_by_id(pl->w, db_int(st, 0));
        if (!k)
            continue;
        if (db_int(st, 1) != c->who.program_id) {
            k->elsewhere = true;
        } else if (strcmp(db_text(st, 2), role_key(ROLE_ADMINISTRATOR)) == 0) {
            k->admin = arena_grow(c->a, k->admin, k->nadmin, &k->admin_cap, sizeof *k->admin);
            k->admin[k->nadmin++] = db_int(st, 3);
        }
    }
    db_done(st);
    return APP_OK;
}

static enum app_status people_load(struct planning *pl)
{
    struct roster_work *w = pl->w;
    struct ctx *c = pl->c;
    db_stmt *st = db_query(c->db,
                           "SELECT id, COALESCE(school_id, 0), roster_id, email, name, "
                           "employee_id, job_type, active, rostered, password_hash IS NOT NULL "
                           "FROM person WHERE program_id = ? ORDER BY id",
                           "i", c->who.program_id);
    if (!st)
        return APP_ERROR;
    int cap = 0;
    while (db_step(st) == DB_ROW) {
        w->known = arena_grow(c->a, w->known, w->nknown, &cap, sizeof *w->known);
        struct roster_known *k = &w->known[w->nknown++];
        *k = (struct roster_known){.id = db_int(st, 0),
                                   .school_id = db_int(st, 1),
                                   .roster_id = db_text_copy(st, 2, c->a),
                                   .email = db_text_copy(st, 3, c->a),
                                   .name = db_text_copy(st, 4, c->a),
                                   .employee_id = db_text_copy(st, 5, c->a),
                                   .active = db_int(st, 7) != 0,
                                   .rostered = db_int(st, 8) != 0,
                                   .can_sign_in = db_int(st, 9) != 0};
        if (!job_type_parse(db_text(st, 6), &k->job))
            k->job = JOB_OTHER;
    }
    db_done(st);
    return roles_load(pl);
}

/* --- the schools: orgs.csv --- */

/* The slot the org is, by roster id, then code, then name, among the
 * schools no other row has taken; -1: a new school. */
static int slot_match(struct planning *pl, const struct roster_org *o, int stored)
{
    struct roster_work *w = pl->w;
    for (int pass = 0; pass < 3; pass++)
        for (int i = 0; i < stored; i++) {
            struct roster_slot *s = &w->slots[i];
            bool free = !s->row && (pass == 0 || !*s->roster_id);
            const char *want = pass == 0 ? o->sourced_id : pass == 1 ? o->code : o->name;
            const char *have = pass == 0 ? s->roster_id : pass == 1 ? s->code : s->name;
            if (free && *have && strcmp(want, have) == 0)
                return i;
        }
    return -1;
}

/* Another school has the name or code (the program's, or the roster's). */
static void slot_clash(struct planning *pl, const struct sheet *s, int row, int self)
{
    struct roster_work *w = pl->w;
    const struct roster_slot *me = &w->slots[self];
    for (int i = 0; i < w->nslots; i++) {
        const struct roster_slot *o = &w->slots[i];
        if (i == self)
            continue;
        const char *whose = o->row ? arena_printf(pl->c->a, "row %d's school", o->row)
                                   : arena_printf(pl->c->a, "the school %s", o->name);
        if (strcmp(o->name, me->name) == 0)
            problem(
                pl, s->file, row, "name",
                arena_printf(pl->c->a, "The same name as %s: a school's name is its own.", whose));
        if (strcmp(o->code, me->code) == 0)
            problem(
                pl, s->file, row, "identifier",
                arena_printf(pl->c->a, "The same code as %s: a school's code is its own.", whose));
    }
}

/* Row r of orgs.csv: the slot of the school it is, or -1 (none, or a bad
 * row). */
static int org_row(struct planning *pl, const struct sheet *s, int r, int stored,
                   const char **org_ids)
{
    struct roster_work *w = pl->w;
    struct roster_org_in in;
    struct roster_org o;
    struct errors errs = {.n = 0};
    sheet_row(s, r, &in);
    org_ids[r] = in.sourced_id;
    if (!roster_org_check(&in, &o, &errs)) {
        problems_of(pl, s->file, s->t.records[r].row, &errs);
        return -1;
    }
    if (!o.school || !o.active)
        return -1; /* a district, or a school to be deleted: no school of Parley's */
    int row = s->t.records[r].row;
    int i = slot_match(pl, &o, stored);
    if (i < 0) {
        i = w->nslots++;
        w->slots[i] =
            (struct roster_slot){.roster_id = o.sourced_id, .name = o.name, .code = o.code};
    }
    struct roster_slot *slot = &w->slots[i];
    slot->row = row;
    slot->changed =
        slot->id && (strcmp(slot->name, o.name) != 0 || strcmp(slot->code, o.code) != 0 ||
                     strcmp(slot->roster_id, o.sourced_id) != 0);
    slot->name = o.name;
    slot->code = o.code;
    slot->roster_id = o.sourced_id;
    return i;
}

/* The slot each org row gave, by its sourcedId (-1: no school). */
struct orgs {
    struct lookup ids; /* orgs.csv's sourcedIds -> row */
    int *slot;         /* by row */
};

static void orgs_read(struct planning *pl, const struct sheet *s, struct orgs *out)
{
    struct roster_work *w = pl->w;
    int n = s->t.n, stored = w->nslots;
    /* Room for every row to be a new school. */
    struct roster_slot *slots = arena_alloc(pl->c->a, sizeof *slots * (size_t)(stored + n + 1));
    if (stored)
        memcpy(slots, w->slots, sizeof *slots * (size_t)stored);
    w->slots = slots;
    const char **ids = arena_alloc(pl->c->a, sizeof *ids * (size_t)(n + 1));
    out->slot = arena_alloc(pl->c->a, sizeof *out->slot * (size_t)(n + 1));
    out->slot[0] = -1;
    for (int r = 1; r < n; r++)
        out->slot[r] = org_row(pl, s, r, stored, ids);
    out->ids = lookup_of(pl->c->a, ids, n, false);
    for (int r = 1; r < n; r++) {
        int first = lookup_find(&out->ids, ids[r], false);
        if (first != r && first > 0)
            problem(
                pl, s->file, s->t.records[r].row, "sourcedId",
                arena_printf(pl->c->a, "The same sourcedId as row %d.", s->t.records[first].row));
    }
    for (int i = 0; i < w->nslots; i++)
        if (w->slots[i].row)
            slot_clash(pl, s, w->slots[i].row, i);
}

/* --- the people: users.csv or the plain CSV --- */

/* OneRoster: the schools among the person's orgs, in order. */
static void person_orgs(struct planning *pl, const struct sheet *s, const struct orgs *orgs,
                        struct roster_person *rp)
{
    const char **ids;
    int n = roster_org_ids(pl->c->a, rp->u.schools, &ids);
    rp->admin = arena_alloc(pl->c->a, sizeof *rp->admin * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        int r = lookup_find(&orgs->ids, ids[i], false);
        if (r <= 0) {
            problem(
                pl, s->file, rp->row, "orgSourcedIds",
                arena_printf(pl->c->a, "Names the org %s, which orgs.csv does not have.", ids[i]));
            continue;
        }
        int slot = orgs->slot[r];
        if (slot < 0)
            continue; /* the district, or another org that is no school */
        if (rp->school < 0)
            rp->school = slot;
        if (rp->u.role->administrator)
            rp->admin[rp->nadmin++] = slot;
    }
}

/* The plain CSV: a school of the program's by its code or name. */
static void person_school(struct planning *pl, const struct sheet *s, const struct lookup *codes,
                          const struct lookup *names, struct roster_person *rp)
{
    rp->admin = arena_alloc(pl->c->a, sizeof *rp->admin);
    const char *want = rp->u.schools;
    if (!*want) {
        if (rp->u.role->administrator)
            problem(pl, s->file, rp->row, "school",
                    "An administrator belongs to a school: name theirs, by its code or name.");
        return;
    }
    int slot = lookup_find(codes, want, true);
    if (slot < 0)
        slot = lookup_find(names, want, true);
    if (slot < 0) {
        problem(pl, s->file, rp->row, "school",
                "No school of the program has this code or name: add the school under Schools "
                "first, or correct the spelling.");
        return;
    }
    rp->school = slot;
    if (rp->u.role->administrator)
        rp->admin[rp->nadmin++] = slot;
}

/* Who the row is, of the program's people: by roster id, then by address
 * (someone no roster has given an id to yet, or a plain CSV's row); -1:
 * nobody yet; -2: a problem said why it cannot be told. */
static int person_match(struct planning *pl, const struct sheet *s, const struct lookup *ids,
                        const struct lookup *emails, const struct roster_person *rp)
{
    struct roster_work *w = pl->w;
    int by_id = lookup_find(ids, rp->u.sourced_id, false);
    int k = by_id >= 0 ? by_id : lookup_find(emails, rp->u.who.email, false);
    if (by_id < 0 && k >= 0 && *w->known[k].roster_id && *rp->u.sourced_id) {
        problem(pl, s->file, rp->row, "email",
                arena_printf(pl->c->a,
                             "This is the address of %s, whom the roster knows by "
                             "the sourcedId %s, not this row's.",
                             w->known[k].name, w->known[k].roster_id));
        return -2;
    }
    if (k >= 0 && w->known[k].row) {
        problem(pl, s->file, rp->row, by_id >= 0 ? "sourcedId" : "email",
                arena_printf(pl->c->a, "The same person as row %d.", w->known[k].row));
        return -2;
    }
    if (k >= 0)
        w->known[k].row = rp->row;
    return k;
}

/* The address is someone else's of the program, whom the roster does not
 * give another: two people never share one (R37: each their own record). */
static void address_clash(struct planning *pl, const struct sheet *s, const struct lookup *emails,
                          const struct roster_person *rp)
{
    int other = lookup_find(emails, rp->u.who.email, false);
    if (other >= 0 && other != rp->known)
        problem(pl, s->file, rp->row, "email",
                arena_printf(pl->c->a,
                             "%s of the program has this address now: change theirs "
                             "first.",
                             pl->w->known[other].name));
}

static bool same_schools(const struct roster_work *w, const struct roster_known *k,
                         const struct roster_person *rp)
{
    if (k->nadmin != rp->nadmin)
        return false;
    for (int i = 0; i < rp->nadmin; i++) {
        bool held = false;
        for (int j = 0; j < k->nadmin && !held; j++)
            held = w->slots[rp->admin[i]].id == k->admin[j];
        if (!held)
            return false;
    }
    return true;
}

/* What changes for a person the program has, in words; "" for nothing. */
static const char *person_changes(struct planning *pl, struct roster_person *rp)
{
    const struct roster_known *k = &pl->w->known[rp->known];
    int64_t school = rp->school >= 0 ? pl->w->slots[rp->school].id : 0;
    bool new_school = rp->school >= 0 ? !school || school != k->school_id : k->school_id != 0;
    rp->new_address = strcmp(k->email, rp->u.who.email) != 0;
    const struct {
        bool changed;
        const char *what;
    } parts[] = {
        {strcmp(k->name, rp->u.who.name) != 0, "name"},
        {rp->new_address, k->can_sign_in ? "email (they set a new password with a link)" : "email"},
        {strcmp(k->employee_id, rp->u.who.employee_id) != 0, "employee id"},
        {new_school, "school"},
        {k->job != rp->job, "job"},
        {!same_schools(pl->w, k, rp), "administrator of"},
        {!k->active && rp->active, "active again"},
        {*rp->u.sourced_id && strcmp(k->roster_id, rp->u.sourced_id) != 0, "roster id"},
        {!k->rostered, "now on the roster"},
    };
    buf b;
    buf_init(&b, pl->c->a);
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        if (parts[i].changed)
            buf_printf(&b, "%s%s", b.len ? ", " : "", parts[i].what);
    return buf_cstr(&b);
}

static void change(struct planning *pl, enum roster_change_kind kind, const char *name,
                   const char *email, const char *what)
{
    struct roster_plan *p = pl->plan;
    p->changes = arena_grow(pl->c->a, p->changes, p->nchanges, &pl->change_cap, sizeof *p->changes);
    p->changes[p->nchanges++] = (struct roster_change){kind, name, email, what};
}

/* R27: a Consulting Teacher who left waits before an administrator's post. */
static void ct_restriction(struct planning *pl, const struct sheet *s,
                           const struct roster_person *rp)
{
    const struct roster_known *k = rp->known >= 0 ? &pl->w->known[rp->known] : NULL;
    const char *until = k && rp->nadmin && !k->nadmin ? ct_restricted_until(pl->c, k->id) : NULL;
    if (until)
        problem(pl, s->file, rp->row, "role",
                arena_printf(pl->c->a,
                             "%s left the Consulting Teacher's role and may not take "
                             "a principal's or assistant principal's post until %s "
                             "(R27).",
                             k->name, until));
}

/* A person the program has elsewhere too stays active: their other
 * program's business is not this roster's (the wall). So does whoever is
 * importing it, whom it would lock out of what they are doing. */
static bool may_deactivate(const struct planning *pl, const struct roster_known *k)
{
    return k->active && !k->elsewhere && k->id != pl->c->who.person_id;
}

static void person_plan(struct planning *pl, const struct sheet *s, struct roster_person *rp)
{
    struct roster_counts *n = &pl->plan->n;
    const struct roster_known *k = rp->known >= 0 ? &pl->w->known[rp->known] : NULL;
    rp->job = roster_job(rp->u.role, k ? &k->job : NULL);
    rp->active = rp->u.active || (k && k->active && !may_deactivate(pl, k));
    /* A roster without an employee id leaves the one recorded. */
    if (k && !*rp->u.who.employee_id)
        rp->u.who.employee_id = k->employee_id;
    ct_restriction(pl, s, rp);
    if (!k && !rp->active) {
        n->left++; /* someone the district disabled, whom Parley never had */
        return;
    }
    if (!k) {
        rp->changed = true;
        n->added++;
        change(pl, ROSTER_ADDED, rp->u.who.name, rp->u.who.email, "");
        return;
    }
    const char *what = person_changes(pl, rp);
    bool deactivated = k->active && !rp->active;
    rp->changed = *what || deactivated;
    if (deactivated && !*what) {
        n->inactive++;
        change(pl, ROSTER_INACTIVE, k->name, k->email, "");
    } else if (rp->changed) {
        n->changed++;
        change(pl, ROSTER_CHANGED, rp->u.who.name, rp->u.who.email,
               deactivated ? arena_printf(pl->c->a, "%s, made inactive", what) : what);
    } else {
        n->left++;
    }
}

struct people_lookups {
    struct lookup ids, emails;  /* the program's people */
    struct lookup codes, names; /* its schools (plain CSV) */
};

/* Rows that say the same sourcedId or address as an earlier row. */
static void user_duplicates(struct planning *pl, const struct sheet *s)
{
    struct roster_work *w = pl->w;
    const char **ids = arena_alloc(pl->c->a, sizeof *ids * (size_t)(w->npeople + 1));
    const char **emails = arena_alloc(pl->c->a, sizeof *emails * (size_t)(w->npeople + 1));
    for (int i = 0; i < w->npeople; i++) {
        ids[i] = w->people[i].u.sourced_id;
        emails[i] = w->people[i].u.who.email;
    }
    struct lookup by_id = lookup_of(pl->c->a, ids, w->npeople, false);
    struct lookup by_email = lookup_of(pl->c->a, emails, w->npeople, false);
    for (int i = 0; i < w->npeople; i++) {
        struct roster_person *rp = &w->people[i];
        int first = lookup_find(&by_id, ids[i], false);
        if (first >= 0 && first != i)
            problem(pl, s->file, rp->row, "sourcedId",
                    arena_printf(pl->c->a, "The same sourcedId as row %d.", w->people[first].row));
        rp->repeated = first >= 0 && first != i;
        first = lookup_find(&by_email, emails[i], false);
        if (first >= 0 && first != i)
            problem(pl, s->file, rp->row, "email",
                    arena_printf(pl->c->a, "The same address as row %d.", w->people[first].row));
        rp->repeated = rp->repeated || (first >= 0 && first != i);
    }
}

static void users_read(struct planning *pl, const struct sheet *s)
{
    struct roster_work *w = pl->w;
    struct ctx *c = pl->c;
    w->people = arena_alloc(c->a, sizeof *w->people * (size_t)(s->t.n + 1));
    for (int r = 1; r < s->t.n; r++) {
        struct roster_user_in in;
        struct errors errs = {.n = 0};
        struct roster_person *rp = &w->people[w->npeople];
        *rp = (struct roster_person){.row = s->t.records[r].row, .known = -1, .school = -1};
        sheet_row(s, r, &in);
        if (!roster_user_check(c->a, pl->plan->format, &in, &rp->u, &errs))
            problems_of(pl, s->file, rp->row, &errs);
        else if (!rp->u.role->staff)
            pl->plan->n.left_out++;
        else
            w->npeople++;
        if (r % 500 == 0)
            roster_progress_step(pl->progress, "Reading", (size_t)r, (size_t)s->t.n - 1);
    }
    user_duplicates(pl, s);
}

static struct people_lookups lookups_of(struct planning *pl)
{
    struct roster_work *w = pl->w;
    arena *a = pl->c->a;
    const char **ids = arena_alloc(a, sizeof *ids * (size_t)(w->nknown + 1));
    const char **emails = arena_alloc(a, sizeof *emails * (size_t)(w->nknown + 1));
    for (int i = 0; i < w->nknown; i++) {
        ids[i] = w->known[i].roster_id;
        emails[i] = w->known[i].email;
    }
    const char **codes = arena_alloc(a, sizeof *codes * (size_t)(w->nslots + 1));
    const char **names = arena_alloc(a, sizeof *names * (size_t)(w->nslots + 1));
    for (int i = 0; i < w->nslots; i++) {
        codes[i] = w->slots[i].code;
        names[i] = w->slots[i].name;
    }
    return (struct people_lookups){
        lookup_of(a, ids, w->nknown, false), lookup_of(a, emails, w->nknown, false),
        lookup_of(a, codes, w->nslots, true), lookup_of(a, names, w->nslots, true)};
}

static void people_plan(struct planning *pl, const struct sheet *s, const struct orgs *orgs)
{
    struct roster_work *w = pl->w;
    struct people_lookups l = lookups_of(pl);
    for (int i = 0; i < w->npeople; i++) {
        struct roster_person *rp = &w->people[i];
        if (rp->repeated)
            continue;
        if (pl->plan->format == ROSTER_ONEROSTER)
            person_orgs(pl, s, orgs, rp);
        else
            person_school(pl, s, &l.codes, &l.names, rp);
        rp->known = person_match(pl, s, &l.ids, &l.emails, rp);
        if (rp->known < -1)
            continue;
        address_clash(pl, s, &l.emails, rp);
        person_plan(pl, s, rp);
        if (i % 500 == 0)
            roster_progress_step(pl->progress, "Matching", (size_t)i, (size_t)w->npeople);
    }
}

/* People a roster named before whom this one does not: inactive. */
static void people_gone(struct planning *pl)
{
    struct roster_work *w = pl->w;
    w->gone = arena_alloc(pl->c->a, sizeof *w->gone * (size_t)(w->nknown + 1));
    for (int i = 0; i < w->nknown; i++) {
        const struct roster_known *k = &w->known[i];
        if (k->rostered && !k->row && may_deactivate(pl, k)) {
            w->gone[w->ngone++] = i;
            pl->plan->n.inactive++;
            change(pl, ROSTER_INACTIVE, k->name, k->email, "");
        }
    }
}

static void schools_count(struct planning *pl)
{
    struct roster_work *w = pl->w;
    for (int i = 0; i < w->nslots; i++) {
        const struct roster_slot *s = &w->slots[i];
        if (!s->id)
            pl->plan->n.schools_added++;
        else if (s->changed)
            pl->plan->n.schools_changed++;
        else if (s->row)
            pl->plan->n.schools_left++;
    }
}

/* --- the preview --- */

/* A plain CSV that is really OneRoster's users.csv: its orgs.csv is needed. */
static bool plain_is_plain(struct planning *pl, const struct sheet *s)
{
    const struct csv_record *h = s->t.n ? &s->t.records[0] : NULL;
    for (int i = 0; h && i < h->n; i++)
        if (strcasecmp(h->fields[i], "sourcedId") == 0) {
            problem(pl, s->file, 1, "sourcedId",
                    "This is OneRoster's users.csv: send its orgs.csv with it, for the "
                    "schools.");
            return false;
        }
    return true;
}

static enum app_status plan_files(struct planning *pl, const struct roster_files *f)
{
    struct ctx *c = pl->c;
    struct roster_plan *plan = pl->plan;
    struct sheet users = {.file = file_label(c->a, &f->users, "users.csv")};
    struct sheet orgs_sheet = {.file = file_label(c->a, &f->orgs, "orgs.csv")};
    struct orgs orgs = {0};
    plan->format = f->orgs.data ? ROSTER_ONEROSTER : ROSTER_PLAIN;
    pl->w->files = plan->format == ROSTER_ONEROSTER
                       ? arena_printf(c->a, "OneRoster 1.1: %s, %s", users.file, orgs_sheet.file)
                       : arena_printf(c->a, "a CSV: %s", users.file);
    bool read =
        plan->format == ROSTER_ONEROSTER
            ? sheet_read(pl, &orgs_sheet, &f->orgs, COLUMNS(oneroster_orgs)) &
                  sheet_read(pl, &users, &f->users, COLUMNS(oneroster_users))
            : sheet_read(pl, &users, &f->users, COLUMNS(plain_users)) && plain_is_plain(pl, &users);
    enum app_status s = APP_OK;
    if (!read || (s = schools_load(pl)) != APP_OK || (s = people_load(pl)) != APP_OK) {
        problems_sort(plan);
        return s != APP_OK ? s : APP_INVALID;
    }
    if (plan->format == ROSTER_ONEROSTER)
        orgs_read(pl, &orgs_sheet, &orgs);
    users_read(pl, &users);
    people_plan(pl, &users, &orgs);
    people_gone(pl);
    schools_count(pl);
    problems_sort(plan);
    return plan->nproblems ? APP_INVALID : APP_OK;
}

enum app_status roster_preview(struct ctx *c, const struct roster_files *f,
                               struct roster_plan *plan, const struct roster_progress *p)
{
    memset(plan, 0, sizeof *plan);
    enum app_status s = app_authorize(c, ACT_CREATE, KIND_ROSTER, NULL);
    if (s != APP_OK)
        return s;
    plan->work = arena_alloc(c->a, sizeof *plan->work);
    struct planning pl = {.c = c, .plan = plan, .w = plan->work, .progress = p};
    return plan_files(&pl, f);
}

const char *roster_counts_text(arena *a, const struct roster_counts *n)
{
    return arena_printf(a,
                        "%d people added, %d changed, %d left as they were, %d made inactive, "
                        "%d students and family members left out; schools: %d added, "
                        "%d changed, %d left as they were",
                        n->added, n->changed, n->left, n->inactive, n->left_out, n->schools_added,
                        n->schools_changed, n->schools_left);
}

static uint64_t mix(uint64_t h, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        h = (h ^ *p) * 1099511628211u;  /* FNV-1a */
    return (h ^ 0xff) * 1099511628211u; /* and an end no text has */
}

const char *roster_plan_key(arena *a, const struct roster_plan *plan)
{
    uint64_t h = mix(14695981039346656037u, roster_counts_text(a, &plan->n));
    for (int i = 0; i < plan->nchanges; i++) {
        const struct roster_change *ch = &plan->changes[i];
        char kind[2] = {(char)('0' + ch->kind), '\0'};
        h = mix(mix(mix(mix(h, kind), ch->name), ch->email), ch->what);
    }
    return arena_printf(a, "%016" PRIx64, h);
}

void roster_progress_step(const struct roster_progress *p, const char *what, size_t done,
                          size_t total)
{
    if (p && p->step)
        p->step(p->arg, what, done, total);
}

/* search.c: the one search box (issue 18). The full-text index (sql/022)
 * finds the candidates of the program the asker works in; each is then
 * opened as its own page opens it (the loaders and the policy table), and
 * only those the asker may open are kept. */
#include "app/search.h"

#include <inttypes.h>
#include <string.h>

#include "app/enrolment.h"
#include "app/inquiry.h"
#include "app/pss_internal.h"

/* Matches of one kind the policy is asked about, by name: someone who may
 * open few of them (a CT, of the cases) still finds theirs among these. */
#define SEARCH_CANDIDATES 200

/* The candidates' query for each kind: the record's id and the words of
 * the person or inquiry that matched, by name. The %s is the engine's
 * full-text condition (db_fulltext_match), no value: the query and the
 * program are bound. A CROSS JOIN keeps SQLite's full-text table outermost,
 * where its MATCH is answered from the index. */
#define SEARCH_WORDS                                                                               \
    "search_text.name, search_text.email, search_text.school, search_text.reference"
static const char *const candidates_sql[SEARCH_KINDS] = {
    [SEARCH_PEOPLE] = "SELECT search_text.record_id, " SEARCH_WORDS " FROM search_text WHERE %s "
                      "AND search_text.kind = 'person' AND search_text.program_id = ?",
    [SEARCH_CASES] = "SELECT k.id, " SEARCH_WORDS " FROM search_text CROSS JOIN teacher_case k "
                     "WHERE %s AND search_text.kind = 'person' AND k.teacher_id = "
                     "search_text.record_id AND k.program_id = ?",
    [SEARCH_INQUIRIES] = "SELECT search_text.record_id, " SEARCH_WORDS " FROM search_text WHERE "
                         "%s AND search_text.kind = 'inquiry' AND search_text.program_id = ?",
    [SEARCH_PSS_CASES] = "SELECT k.id, " SEARCH_WORDS " FROM search_text CROSS JOIN pss_case k "
                         "WHERE %s AND search_text.kind = 'person' AND k.member_id = "
                         "search_text.record_id AND k.program_id = ?",
};

/* Opens candidate h->id as its page would: true, with its title and
 * detail, when the policy lets the asker open it. */
typedef bool (*search_admit)(struct ctx *c, struct search_hit *h);

static bool admit_person(struct ctx *c, struct search_hit *h)
{
    struct policy_record rec = {.known = true, .self = h->id == c->who.person_id};
    if (app_authorize(c, ACT_VIEW, KIND_PERSON, &rec) != APP_OK)
        return false;
    h->title = h->text[SEARCH_NAME];
    h->detail = h->text[SEARCH_SCHOOL];
    return true;
}

static bool admit_case(struct ctx *c, struct search_hit *h)
{
    struct case_record k;
    if (case_load(c, h->id, &k) != APP_OK ||
        app_authorize(c, ACT_VIEW, KIND_CASE, CASE_POLICY(&k)) != APP_OK)
        return false;
    h->title = k.teacher_name;
    h->subject_id = k.teacher_id;
    h->detail = arena_printf(c->a, "%s%s%s", case_track_label(k.track),
                             k.track == TRACK_NONE ? "" : " · ", case_state_label(k.state));
    return true;
}

static bool admit_inquiry(struct ctx *c, struct search_hit *h)
{
    struct inquiry q;
    if (inquiry_find(c, h->id, &q) != APP_OK)
        return false;
    h->title = q.name;
    h->detail = arena_printf(c->a, "%s · %s · %s", q.reference, interest_label(q.interest),
                             inquiry_status_label(q.status));
    return true;
}

static bool admit_pss_case(struct ctx *c, struct search_hit *h)
{
    struct pss_case k;
    const char *refusal = NULL;
    if (pss_open(c, h->id, ACT_VIEW, KIND_PSS_CASE, &k, &refusal) != APP_OK)
        return false;
    h->title = k.member_name;
    h->subject_id = k.member_id;
    h->detail =
        arena_printf(c->a, "Peer support case %" PRId64 " · %s", k.id, pss_status_label(k.status));
    return true;
}

static const search_admit admits[SEARCH_KINDS] = {
    [SEARCH_PEOPLE] = admit_person,
    [SEARCH_CASES] = admit_case,
    [SEARCH_INQUIRIES] = admit_inquiry,
    [SEARCH_PSS_CASES] = admit_pss_case,
};

/* The fields of h that find kind and start a word with a term. */
static unsigned fields_matched(const struct search_query *q, enum search_kind kind,
                               const struct search_hit *h)
{
    unsigned bits = 0;
    for (int f = 0; f < SEARCH_FIELDS; f++)
        if (search_why(kind, (enum search_field)f) && search_text_matches(q, h->text[f]))
            bits |= SEARCH_FIELD_BIT(f);
    return bits;
}

/* The index's matches of kind, by name, read before any is opened. */
static enum app_status candidates(struct ctx *c, const char *match, enum search_kind kind,
                                  struct search_hit **out, int *n)
{
    const char *sql = arena_printf(c->a, candidates_sql[kind], db_fulltext_match(c->db));
    db_stmt *st =
        db_query(c->db, arena_printf(c->a, "%s ORDER BY search_text.name, 1 LIMIT ?", sql), "sid",
                 match, c->who.program_id, SEARCH_CANDIDATES);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * SEARCH_CANDIDATES);
    *n = 0;
    int rc = DB_DONE;
    while (*n < SEARCH_CANDIDATES && (rc = db_step(st)) == DB_ROW) {
        struct search_hit *h = &(*out)[(*n)++];
        memset(h, 0, sizeof *h);
        h->id = db_int(st, 0);
        for (int f = 0; f < SEARCH_FIELDS; f++)
            h->text[f] = db_text_copy(st, 1 + f, c->a);
    }
    db_done(st);
    return rc == DB_ROW || rc == DB_DONE ? APP_OK : APP_ERROR;
}

/* Keeps the candidates of kind the asker may open, SEARCH_SHOWN at most. */
static enum app_status search_kind(struct ctx *c, const char *match, enum search_kind kind,
                                   struct search_results *out)
{
    struct search_hit *found;
    int n = 0;
    enum app_status s = candidates(c, match, kind, &found, &n);
    /* The index may hold more than were asked about: some may be theirs. */
    out->more[kind] = n == SEARCH_CANDIDATES;
    for (int i = 0; s == APP_OK && i < n; i++) {
        found[i].fields = fields_matched(&out->query, kind, &found[i]);
        if (!found[i].fields || !admits[kind](c, &found[i]))
            continue;
        if (out->n[kind] == SEARCH_SHOWN) {
            out->more[kind] = true;
            break;
        }
        out->hits[kind][out->n[kind]++] = found[i];
    }
    return s;
}

/* R37, R38: a case shown is a read of it, as in every list of cases; a
 * peer support case shown, a read of a confidential record. */
static enum app_status search_audit(struct ctx *c, const struct search_results *out)
{
    int64_t ids[SEARCH_SHOWN];
    for (int i = 0; i < out->n[SEARCH_CASES]; i++)
        ids[i] = out->hits[SEARCH_CASES][i].id;
    enum app_status s = cases_seen(c, "a search", ids, out->n[SEARCH_CASES]);
    for (int i = 0; s == APP_OK && i < out->n[SEARCH_PSS_CASES]; i++) {
        const struct search_hit *h = &out->hits[SEARCH_PSS_CASES][i];
        if (h->subject_id != c->who.person_id)
            s = audit_append(
                c, "read", "pss_case", h->id, h->subject_id,
                arena_printf(c->a, "Saw peer support case %" PRId64 " in a search", h->id));
    }
    return s;
}

enum app_status search_run(struct ctx *c, const char *typed, struct search_results *out,
                           struct errors *errs)
{
    memset(out, 0, sizeof *out);
    const char *problem = NULL;
    if (!app_signed_in(c))
        return APP_FORBIDDEN;
    if (!search_query_read(typed, &out->query, &problem)) {
        errors_add(errs, "q", problem);
        return APP_INVALID;
    }
    const char *match = db_fulltext_query(c->db, c->a, out->query.terms, out->query.n);
    enum app_status s = APP_OK;
    for (int k = 0; k < SEARCH_KINDS && s == APP_OK; k++)
        s = search_kind(c, match, (enum search_kind)k, out);
    return s == APP_OK ? search_audit(c, out) : s;
}

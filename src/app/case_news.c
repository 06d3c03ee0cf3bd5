/* case_news.c: a case's news: a step put on its timeline (R37), and the
 * people of the case (by their relation to it or their role) told in
 * their inboxes. The case's use cases (enrolment.c) and those of its parts
 * (casework.c and above) all tell through it. */
#include "app/case_news.h"

#include <inttypes.h>

#include "app/notify.h"

/* --- the timeline --- */

enum app_status case_event_add(struct ctx *c, int64_t case_id, const char *transition,
                               enum case_state from, enum case_state to, const char *summary,
                               const char *part)
{
    int rc = db_exec(c->db,
                     "INSERT INTO case_event (case_id, at, actor_id, actor_label, transition, "
                     "from_state, to_state, summary, part) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     "iisssssss", case_id, app_now(c),
                     c->who.person_id ? arena_printf(c->a, "%" PRId64, c->who.person_id) : NULL,
                     c->who.name ? c->who.name : "command line", transition, case_state_key(from),
                     case_state_key(to), summary, part);
    return app_db_status(rc);
}

enum app_status case_event_part(struct ctx *c, const struct case_record *k, const char *part,
                                const char *what, const char *summary)
{
    return case_event_add(c, k->id, what, k->state, k->state, summary, part);
}

/* --- the inboxes --- */

#define TOLD_MAX 32

/* What a case's people are told: the inbox's message, and its headline
 * for e-mail (notify.h). */
struct news {
    const char *message, *headline;
};

static enum app_status tell(struct ctx *c, int64_t *told, int *ntold, int64_t person,
                            int64_t case_id, const struct news *n)
{
    if (!person || person == c->who.person_id || *ntold == TOLD_MAX)
        return APP_OK;
    for (int i = 0; i < *ntold; i++)
        if (told[i] == person)
            return APP_OK;
    told[(*ntold)++] = person;
    return notify_person(c, person, case_id, n->message, n->headline,
                         arena_printf(c->a, "/cases/%" PRId64, case_id));
}

/* Everyone holding a role (at the school, for administrators; whose term
 * covers today, for the Panel's members: R29). */
static int role_holders(struct ctx *c, const char *role, int64_t school_id, int64_t *ids, int max)
{
    const char *today = app_today(c);
    int n = 0;
    db_stmt *st =
        db_query(c->db,
                 "SELECT DISTINCT r.person_id FROM person_role r JOIN person p ON "
                 "p.id = r.person_id WHERE p.program_id = ? AND r.role = ? AND "
                 "(? = 0 OR r.school_id = ?) AND (r.term_start = '' OR (r.term_start <= ? "
                 "AND r.term_end >= ?))",
                 "isiiss", c->who.program_id, role, school_id, school_id, today, today);
    while (st && db_step(st) == DB_ROW && n < max)
        ids[n++] = db_int(st, 0);
    if (st)
        db_done(st);
    return n;
}

static enum app_status tell_role(struct ctx *c, int64_t *told, int *ntold, const char *role,
                                 int64_t school_id, int64_t case_id, const struct news *news)
{
    int64_t ids[TOLD_MAX];
    int n = role_holders(c, role, school_id, ids, TOLD_MAX);
    enum app_status s = APP_OK;
    for (int i = 0; i < n && s == APP_OK; i++)
        s = tell(c, told, ntold, ids[i], case_id, news);
    return s;
}

static int just(int64_t id, int64_t *ids, int max)
{
    if (!id || max < 1)
        return 0;
    ids[0] = id;
    return 1;
}

int case_people(struct ctx *c, const struct case_record *k, int who, int64_t *ids, int max)
{
    switch (who) {
    case WHO_CASE_TEACHER:
        return just(k->teacher_id, ids, max);
    case WHO_CASE_CT:
    case WHO_CASE_PRIMARY_EVALUATOR:
        return just(k->ct_id, ids, max);
    case WHO_CASE_UNION_REP:
        return just(k->union_rep_id, ids, max);
    case WHO_CASE_ADMINISTRATOR:
    case WHO_CASE_EVALUATOR:
        return role_holders(c, "administrator", k->school_id, ids, max);
    case WHO_CASE_PANEL:
        return role_holders(c, "panel_member", 0, ids, max);
    case WHO_CASE_APPROVER:
        return role_holders(c, "superintendent", 0, ids, max);
    default:
        return who >= 0 && who < ROLE_COUNT ? role_holders(c, role_key((enum role)who), 0, ids, max)
                                            : 0;
    }
}

enum app_status case_tell(struct ctx *c, const struct case_record *k, const int *who,
                          const char *summary, const char *headline)
{
    const struct news news = {
        arena_printf(c->a, "Case of %s: %s", k->teacher_name, summary),
        headline ? arena_printf(c->a, "Case of %s: %s", k->teacher_name, headline) : NULL,
    };
    const struct news *message = &news;
    int64_t told[TOLD_MAX];
    int ntold = 0;
    enum app_status s = APP_OK;
    for (int i = 0; i < WORKFLOW_MAX_NOTIFY && who[i] && s == APP_OK; i++) {
        switch ((enum notify_who)who[i]) {
        case TELL_TEACHER:
            s = tell(c, told, &ntold, k->teacher_id, k->id, message);
            break;
        case TELL_CT:
            s = tell(c, told, &ntold, k->ct_id, k->id, message);
            break;
        case TELL_UNION_REP:
            s = tell(c, told, &ntold, k->union_rep_id, k->id, message);
            break;
        case TELL_ADMINISTRATOR:
            if (k->school_id)
                s = tell_role(c, told, &ntold, "administrator", k->school_id, k->id, message);
            break;
        case TELL_COORDINATOR:
            s = tell_role(c, told, &ntold, "coordinator", 0, k->id, message);
            break;
        }
    }
    return s;
}

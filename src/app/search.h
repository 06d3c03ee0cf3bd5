/* search.h: one search box for each signed-in person (issue 18) over the
 * people, cases, inquiries and peer support cases of the program they
 * work in, as many as they may open: the policy table is asked about each
 * result as if it were being opened, so a result never appears that its
 * page would refuse. */
#ifndef PARLEY_APP_SEARCH_H
#define PARLEY_APP_SEARCH_H

#include "app/app.h"
#include "domain/search.h"

#define SEARCH_SHOWN 20 /* results of one kind shown at most */

struct search_hit {
    int64_t id;
    int64_t subject_id;              /* whom a case is about: its teacher, its member */
    const char *title;               /* a name */
    const char *detail;              /* what it is: a track and a step, a reference... */
    unsigned fields;                 /* SEARCH_FIELD_BIT()s of what matched */
    const char *text[SEARCH_FIELDS]; /* each field's words, as stored */
};

struct search_results {
    struct search_query query;
    struct search_hit hits[SEARCH_KINDS][SEARCH_SHOWN];
    int n[SEARCH_KINDS];
    bool more[SEARCH_KINDS]; /* more of the kind may match than are shown */
};

/* What typed finds that the asker may open, grouped by kind, by name.
 * APP_INVALID with errs["q"] when there is nothing to look for. A case
 * shown is a read of it (cases_seen: audited once a day per reader); a
 * peer support case shown is audited about its member (R38). */
enum app_status search_run(struct ctx *c, const char *typed, struct search_results *out,
                           struct errors *errs);

#endif

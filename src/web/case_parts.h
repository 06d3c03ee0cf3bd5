/* case_parts.h: a case's parts on the web (R14-R19, R37). Each part
 * (goals, observations, artifacts, the coaching log, the meetings) has its
 * own page under /cases/{id}/..., and a section on the case page; the
 * sections and the tabs between the pages show only the parts the asker may
 * see (the policy table; R16). */
#ifndef PARLEY_CASE_PARTS_H
#define PARLEY_CASE_PARTS_H

#include "app/enrolment.h"
#include "web/web.h"

struct case_part_section {
    enum record_kind kind;          /* KIND_NONE ends the table */
    const char *title;              /* "Goals" */
    const char *path;               /* "goals": its page is /cases/{id}/goals */
    /* A short summary for the case page: counts, what is due. */
    void (*summary)(req *r, const struct case_record *k);
};
extern const struct case_part_section case_part_sections[];

/* The title of the part a path under a case leads to ("goals/3" ->
 * "Goals"), or NULL. */
const char *case_part_title(const char *path);
/* The case page's sections, those the asker may see. */
void case_parts_render(req *r, const struct case_record *k);
/* Begins a part's page: "Title — case of Name", a link back to the case,
 * and the tabs between the parts the asker may see (current: its path). */
void case_part_begin(req *r, const struct case_record *k, const char *title,
                     const char *current);

/* On a case that is not PAR (or has no track yet): why it has no such part
 * ("evaluations", "recommendation to the Panel"). */
void case_part_not_par(req *r, const struct case_record *k, const char *what);

#endif

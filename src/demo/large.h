/* large.h: the large district's people, as demo.c made them, for the
 * generators of its records (large_cases.c). */
#ifndef PARLEY_DEMO_LARGE_H
#define PARLEY_DEMO_LARGE_H

#include "app/app.h"

/* The large district's fixed-seed generator (a linear congruential one):
 * the next number from *seed, which it moves on. The same seed gives the
 * same district every time. */
uint32_t demo_random(uint32_t *seed);
/* A day number (days since 1970) as YYYY-MM-DD text (large_cases.c). */
const char *demo_day_text(struct ctx *c, int64_t day);

struct large_district {
    const int64_t *teachers; /* the first ncases hold the participating role */
    int nteachers, ncases;
    const int64_t *cts;
    int ncts;
    int scale;               /* 1: the large district; 10: the huge one */
};
/* 700 cases on a caseload and ten years of closed cycles: 100,000
 * observations (times the scale). */
enum app_status demo_large_cases(struct ctx *c, const struct large_district *d);

/* A closed PAR cycle the Panel decided: its case, CT and last day. */
struct large_decided {
    int64_t case_id, ct, end_day;
};
/* The Panel's ten years (large_panel.c): a session a month, each closed
 * PAR cycle's locked summative, recommendation, docket, votes and approved
 * decision; and on the cases on a caseload now, recommendations before the
 * Panel and decisions awaiting approval. */
enum app_status demo_large_panel(struct ctx *c, const struct large_decided *cases, int n,
                                 int64_t today);

/* An outcome for each closed cycle and its surveys, most of them answered,
 * written straight into the tables (large_outcomes.c). Called after
 * demo_large_panel(), so that PAR cases have their approved decision. */
enum app_status demo_large_outcomes(struct ctx *c);

#endif

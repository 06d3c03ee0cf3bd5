/* demo_large.h: the large district's people, as demo.c made them, for the
 * generators of its records (demo_large_cases.c). */
#ifndef PARLEY_DEMO_LARGE_H
#define PARLEY_DEMO_LARGE_H

#include "app/app.h"

struct large_district {
    const int64_t *teachers;         /* the first ncases hold the participating role */
    int nteachers, ncases;
    const int64_t *cts;
    int ncts;
};
/* 700 cases on a caseload and ten years of closed cycles: 100,000 observations. */
enum app_status demo_large_cases(struct ctx *c, const struct large_district *d);

#endif

/* caseload.h: a Consulting Teacher's weighted caseload (R30). A PAR
 * teacher counts more than a PA teacher (settings caseload_weight_par = 2,
 * caseload_weight_pa = 1) and the program caps the sum (caseload_cap = 20).
 * Pure arithmetic; the use case reads the settings and the cases. */
#ifndef PARLEY_CASELOAD_H
#define PARLEY_CASELOAD_H
#include <stdbool.h>

struct caseload_weights {
    int par, pa, cap;
};

/* The weight of one case by its track key ("par", "pa", "consultancy"): a
 * consultancy visit is short-term coaching and weighs as PA does. */
int caseload_weight(const char *track, const struct caseload_weights *w);
/* R30: whether a CT carrying load can take a case of this weight. */
bool caseload_fits(int load, int weight, const struct caseload_weights *w);

#endif

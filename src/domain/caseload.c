#include "domain/caseload.h"

#include <string.h>

int caseload_weight(const char *track, const struct caseload_weights *w)
{
    if (!track || !*track)
        return 0;
    /* R30: an intervention (PAR) teacher needs more of a CT's time. */
    return strcmp(track, "par") == 0 ? w->par : w->pa;
}

bool caseload_fits(int load, int weight, const struct caseload_weights *w)
{
    return load + weight <= w->cap;
}

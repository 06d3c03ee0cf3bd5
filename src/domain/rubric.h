/* rubric.h: the Massachusetts model teacher rubric's four standards and
 * their indicators (603 CMR 35; R19), the rubric a new program starts
 * with. The program's own copy lives in the database and the coordinator
 * may edit it; this is only its seed. Pure data. */
#ifndef PARLEY_DOMAIN_RUBRIC_H
#define PARLEY_DOMAIN_RUBRIC_H

struct rubric_seed_indicator {
    const char *code, *title, *description;
};
struct rubric_seed_standard {
    const char *code, *title;
    const struct rubric_seed_indicator *indicators;
    int nindicators;
};
extern const struct rubric_seed_standard rubric_seed[];
extern const int rubric_seed_count;

#endif

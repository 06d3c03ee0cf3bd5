/* rubric.h: the program's rubric (R19): its standards and indicators,
 * seeded from domain/rubric.h when the program is made. Evidence, goals
 * and (later) ratings point at its rows. */
#ifndef PARLEY_APP_RUBRIC_H
#define PARLEY_APP_RUBRIC_H

#include "app/app.h"

struct rubric_indicator {
    int64_t id, standard_id;
    const char *code, *title, *description;
    int position;
    bool retired;
};
struct rubric_standard {
    int64_t id;
    const char *code, *title;
    int position;
    struct rubric_indicator *indicators;
    int nindicators;
};
struct rubric {
    struct rubric_standard *standards;
    int nstandards;
};

/* The asker's program's rubric, in order; retired indicators included
 * (marked) when with_retired, else left out. */
enum app_status rubric_load(struct ctx *c, bool with_retired, struct rubric *out);
/* Seeds the Massachusetts rubric into a program that has none (program
 * creation; no authorisation: the caller is making the program). */
enum app_status rubric_seed_program(struct ctx *c, int64_t program_id);

#endif

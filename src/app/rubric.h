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

/* How many standards the program's rubric has (0: none yet); false if the
 * database failed. No authorisation. */
bool rubric_standards_count(struct ctx *c, int64_t program_id, int64_t *n);
/* Whether id is an indicator of the asker's program's rubric; unless
 * retired_too, one not retired (that a goal or a piece of evidence may be
 * newly tagged to). No authorisation. */
bool rubric_indicator_of_program(struct ctx *c, int64_t id, bool retired_too);
/* The asker's program's rubric, in order; retired indicators included
 * (marked) when with_retired, else left out. */
enum app_status rubric_load(struct ctx *c, bool with_retired, struct rubric *out);
/* Seeds the Massachusetts rubric into a program that has none (program
 * creation; no authorisation: the caller is making the program). */
enum app_status rubric_seed_program(struct ctx *c, int64_t program_id);

#endif

/* evidence.h: what the pages and the API of a case's observations and
 * artifacts share (observations.c, artifacts.c, api_observations.c): the
 * evidence tagged to the rubric's indicators (R19), and refusals. */
#ifndef PARLEY_WEB_EVIDENCE_H
#define PARLEY_WEB_EVIDENCE_H

#include "app/artifact.h"
#include "app/casework.h"
#include "web/web.h"

/* The indicators a form sent (checkboxes named "indicators", or one
 * comma-separated value) as "12,14". */
const char *form_indicators(req *r);
/* The rubric's indicators as checkboxes, one group per standard; chosen:
 * "12,14". Retired indicators show only when chosen (evidence keeps them). */
void evidence_fields(req *r, const char *chosen, const struct errors *errs);
/* The tags as a list: "II-A Instruction". */
void evidence_list(req *r, const struct evidence_tag *tags, int n);
/* Text as typed: its lines kept, every character escaped. */
void text_lines(req *r, const char *text);
/* An artifact's fields and file as a form or a multipart API request
 * sends them (artifacts.c). */
struct artifact_input artifact_input_from(req *r);

#endif

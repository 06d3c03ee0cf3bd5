/* reports.h: the Track Record's figures as a page part (charts and
 * tables), shared by the public /track-record and the coordinator's and
 * Panel's /reports (R39). */
#ifndef PARLEY_WEB_REPORTS_H
#define PARLEY_WEB_REPORTS_H

#include "app/track_record.h"
#include "http/http.h"
#include "out/svg.h"

/* Outcomes and survey answers: an h2 for each, a chart and a table; a
 * hidden figure says why in words (R39). */
void track_record_section(req *r, const struct track_record *t);
/* A bar chart (out/svg.h) in the page: title, text alternative, bars. */
void report_chart(req *r, const char *id, const char *title, const char *desc,
                  const struct svg_bar *bars, int n, double max);
/* "2025-26" */
const char *report_year(req *r, int year);
/* The words in place of a hidden figure, "" for a shown one. */
const char *report_hidden(req *r, enum cell_shown why, int small_group_min);

#endif

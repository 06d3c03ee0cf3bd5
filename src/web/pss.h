/* pss.h: what the Peer Support Service's pages share (pss.c: the list and
 * the request; pss_case.c: one case and its steps). */
#ifndef PARLEY_WEB_PSS_H
#define PARLEY_WEB_PSS_H

#include "app/pss.h"
#include "web/web.h"

/* The choice list of people of this program holding role, after a first
 * "choose" option. */
struct option *pss_person_options(req *r, enum role role, const char *none, int *n);
/* "2026-11-24" dates and times as words, or "—" when unset. */
void pss_when(req *r, int64_t t);
/* The peer support case's process table, on /help/workflow: each guard's
 * words at #pss-NAME, where a case's page links its reasons. */
void pss_workflow_help(req *r);

#endif

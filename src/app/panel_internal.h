/* panel_internal.h: what the Panel's files share and no one else needs:
 * panel.c (sessions as they stand, who sits), panel_item.c (one case at a
 * session, as the asker stands to it), and above them panel_write.c,
 * panel_view.c and panel_vote.c. */
#ifndef PARLEY_APP_PANEL_INTERNAL_H
#define PARLEY_APP_PANEL_INTERNAL_H

#include "app/panel.h"

/* R29: where a person stands on the Panel on a date. name and term_end
 * (may be NULL) get theirs, of the term covering the date or the latest. */
enum panel_term { PANEL_NOT_MEMBER, PANEL_SITTING, PANEL_TERM_OVER };
enum panel_term panel_term_of(struct ctx *c, int64_t person_id, const char *date,
                              const char **name, const char **term_end);
/* "R29: your term ... does not cover DATE ..." (who: "your", "Ann's"). */
const char *panel_r29_refusal(struct ctx *c, const char *who, const char *term_end,
                              const char *date);

/* R24, R29: the asker's Panel relation to k as of the session's date: a
 * member sits on a case on its docket when their term covers that date,
 * unless they recused from the case (k->panel_recused then). */
void panel_relations_at(struct ctx *c, const struct panel_session *s, struct case_record *k);
/* A docket item for the loaded case k, as the asker may see it at s. */
enum app_status panel_item_fill(struct ctx *c, const struct panel_session *s,
                                const struct case_record *k, struct panel_docket_item *it);
/* The refusal for an asker the policy table turned away from the case:
 * R24 for a recused member, R29 for one whose term does not cover date;
 * else s. */
enum app_status panel_asker_refusal(struct ctx *c, const struct case_record *k,
                                    enum app_status s, enum action act, enum record_kind kind,
                                    const char *date, const char **refusal);
/* The votes of the item by the session's rule, those who count being the
 * members present and not recused (R24). */
void panel_item_tally(struct ctx *c, const struct panel_session *s,
                      const struct panel_docket_item *it, struct panel_tally *t);
/* Why the asker may not vote on the item now (and the status to answer
 * with); APP_OK when they may. */
enum app_status panel_vote_blocker(struct ctx *c, const struct panel_session *s,
                                   const struct panel_docket_item *it, const char **refusal);

#endif

/* panel.h: how the Panel decides (R24). The vote rule is a program setting
 * (panel_vote_rule: majority | consensus | fixed:N) that a session may set
 * for itself; the tally counts the votes of the members present and not
 * recused, against the session's quorum, and says the outcome in words.
 * Pure: no I/O. */
#ifndef PARLEY_PANEL_H
#define PARLEY_PANEL_H
#include <stdbool.h>
#include <stddef.h>

#include "domain/rating.h"

enum panel_rule_kind {
    PANEL_MAJORITY,   /* more than half of the eligible members present */
    PANEL_CONSENSUS,  /* every eligible member present, the same rating */
    PANEL_FIXED,      /* at least N votes for one rating (Toledo: 6 of 9) */
};
struct panel_rule {
    enum panel_rule_kind kind;
    int fixed;        /* N, for PANEL_FIXED */
};
/* The setting's text ("fixed:6"); false for anything setting_invalid()
 * refuses. */
bool panel_rule_parse(const char *text, struct panel_rule *out);
/* The rule in words: "a majority of the members present", "6 votes for one
 * rating (fixed:6)", "consensus: every member present, the same rating". */
void panel_rule_words(const struct panel_rule *rule, char *out, size_t size);

enum panel_outcome {
    PANEL_NO_QUORUM,  /* fewer eligible members present than the quorum */
    PANEL_DECIDED,    /* one rating reached what the rule needs */
    PANEL_UNDECIDED,  /* none did: no decision, the case stays open */
};
struct panel_tally {
    enum panel_outcome outcome;
    enum rating rating;        /* the decided rating; else the most voted, or RATING_NONE */
    int counts[RATING_COUNT];  /* votes per rating */
    int votes;                 /* votes counted */
    int eligible;              /* members present and not recused */
    int needed;                /* votes one rating needs under the rule */
    char words[320];           /* the outcome in a sentence or two */
};
/* R24: the outcome of a vote. eligible: the members present at the session
 * and not recused from the case; votes: theirs (RATING_NONE is not a vote
 * and is not counted). Two ratings reaching what is needed is a tie: no
 * decision. */
void panel_vote_tally(const struct panel_rule *rule, int quorum, int eligible,
                      const enum rating *votes, int nvotes, struct panel_tally *out);

/* R24: closing a session is final (nothing opens it again): what the
 * coordinator is told, and confirms, before. */
extern const char panel_session_close_words[];

#endif

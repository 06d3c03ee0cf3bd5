/* panel.c: the Panel's vote rule and tally (R24). */
#include "domain/panel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/settings.h"

bool panel_rule_parse(const char *text, struct panel_rule *out)
{
    /* One reader of the setting's grammar: settings.c's check. */
    if (!text || setting_invalid("panel_vote_rule", text))
        return false;
    out->fixed = 0;
    if (strcmp(text, "majority") == 0)
        out->kind = PANEL_MAJORITY;
    else if (strcmp(text, "consensus") == 0)
        out->kind = PANEL_CONSENSUS;
    else {
        out->kind = PANEL_FIXED;
        out->fixed = atoi(text + 6);
    }
    return true;
}

void panel_rule_words(const struct panel_rule *rule, char *out, size_t size)
{
    if (rule->kind == PANEL_MAJORITY)
        snprintf(out, size, "a majority of the members present");
    else if (rule->kind == PANEL_CONSENSUS)
        snprintf(out, size, "consensus: every member present votes the same rating");
    else
        snprintf(out, size, "%d votes for one rating (fixed:%d)", rule->fixed, rule->fixed);
}

static const char *members(int n)
{
    return n == 1 ? "member" : "members";
}

/* "a majority needs 3", "the rule (fixed:5) needs 5 votes for one rating" */
static void need_words(const struct panel_rule *rule, int needed, char *out, size_t size)
{
    if (rule->kind == PANEL_MAJORITY)
        snprintf(out, size, "a majority needs %d", needed);
    else if (rule->kind == PANEL_FIXED)
        snprintf(out, size, "the rule (fixed:%d) needs %d votes for one rating", rule->fixed,
                 needed);
    else
        snprintf(out, size, "consensus needs all %d to vote the same rating", needed);
}

static int needed_of(const struct panel_rule *rule, int eligible)
{
    if (rule->kind == PANEL_MAJORITY)
        return eligible / 2 + 1;   /* more than half */
    if (rule->kind == PANEL_FIXED)
        return rule->fixed;
    return eligible;               /* consensus: everyone */
}

static void undecided_words(struct panel_tally *t, const char *need, int tied_with)
{
    int top = t->rating < RATING_NONE ? t->counts[t->rating] : 0;
    if (!t->votes)
        snprintf(t->words, sizeof t->words,
                 "No decision: none of the %d %s present voted; %s.", t->eligible,
                 members(t->eligible), need);
    else if (tied_with >= 0)
        snprintf(t->words, sizeof t->words,
                 "No decision: %s and %s have %d votes each, of %d %s present; %s, and a "
                 "tie decides nothing.",
                 rating_label(t->rating), rating_label((enum rating)tied_with), top, t->eligible,
                 members(t->eligible), need);
    else
        snprintf(t->words, sizeof t->words, "No decision: %d of %d %s present voted %s; %s.", top,
                 t->eligible, members(t->eligible), rating_label(t->rating), need);
}

void panel_vote_tally(const struct panel_rule *rule, int quorum, int eligible,
                      const enum rating *votes, int nvotes, struct panel_tally *out)
{
    memset(out, 0, sizeof *out);
    out->eligible = eligible;
    out->rating = RATING_NONE;
    for (int i = 0; i < nvotes; i++)
        if (votes[i] < RATING_NONE) {
            out->counts[votes[i]]++;
            out->votes++;
        }
    out->needed = needed_of(rule, eligible);
    if (eligible < quorum || eligible <= 0) {
        out->outcome = PANEL_NO_QUORUM;
        snprintf(out->words, sizeof out->words,
                 "No quorum: %d %s present and not recused; the quorum is %d. No decision.",
                 eligible, members(eligible), quorum);
        return;
    }
    /* The most voted rating, and another with as many (a tie). */
    int tied_with = -1;
    for (int r = 0; r < RATING_NONE; r++) {
        if (!out->counts[r])
            continue;
        if (out->rating == RATING_NONE || out->counts[r] > out->counts[out->rating]) {
            out->rating = (enum rating)r;
            tied_with = -1;
        } else if (out->counts[r] == out->counts[out->rating]) {
            tied_with = r;
        }
    }
    char need[120];
    need_words(rule, out->needed, need, sizeof need);
    int top = out->rating < RATING_NONE ? out->counts[out->rating] : 0;
    if (top && top >= out->needed && tied_with < 0) {
        out->outcome = PANEL_DECIDED;
        if (rule->kind == PANEL_CONSENSUS)
            snprintf(out->words, sizeof out->words,
                     "All %d %s present voted %s: consensus.", eligible, members(eligible),
                     rating_label(out->rating));
        else
            snprintf(out->words, sizeof out->words, "%d of %d %s present voted %s; %s.", top,
                     eligible, members(eligible), rating_label(out->rating), need);
        return;
    }
    out->outcome = PANEL_UNDECIDED;
    undecided_words(out, need, top >= out->needed ? tied_with : -1);
}

const char panel_session_close_words[] =
    "Closing the session is final: its attendance, docket and votes no longer change. A case "
    "on its docket whose vote was not closed with a decision goes on a later session's docket.";

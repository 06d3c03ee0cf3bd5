/* rule_words.h: the one table of the rules' words (RULES.md R1-R39): each
 * rule's number, a short title, a plain-language explanation and the
 * document it comes from. Refusals, hints, /help/rules and the docs are
 * made from it; people read the title, the number stays in code, tests
 * and the help. */
#ifndef PARLEY_RULE_WORDS_H
#define PARLEY_RULE_WORDS_H
#include <stdbool.h>

#include "base/buf.h"

struct rule_words {
    int number;              /* 17 for R17 */
    const char *section;     /* RULES.md's heading: "During the cycle" */
    const char *title;       /* "Three parley meetings" */
    const char *explanation; /* one or two sentences a teacher understands */
    const char *source;      /* the program document it comes from */
};
extern const struct rule_words rule_words[];
extern const int rule_words_count;

/* The row of rule number (17), or NULL. */
const struct rule_words *rule_words_find(int number);
/* The rule a code's text names first ("R17", "R1-R6", "R27, R28"), or
 * NULL; *several: whether the text names more than one rule. */
const struct rule_words *rule_words_of(const char *rule, int *several);
/* The rules a code's text names, in its order, at most max: "R27, R28"
 * two; a range ("R1-R6") only its first, and *range says so. */
int rule_words_list(const char *rule, const struct rule_words **out, int max, bool *range);
/* A message for people from a text that names its rules by number, as
 * refusals do for the API ("R15: only the primary evaluator...", "...
 * (R24)."): writes the text to b without the numbers (a sentence they
 * began starts with a capital) and returns where the first one was in
 * text, for rule_words_of, or NULL when it names none. */
const char *rule_words_unnumbered(buf *b, const char *text);
/* docs/rules.md: every rule under its heading, as /help/rules shows them. */
void rule_words_markdown(buf *b);

#endif

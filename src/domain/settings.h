/* settings.h: a program's settings, with the defaults RULES.md gives. A
 * program changes its settings, never the code; and no value of a setting
 * switches its rule off: each row carries the bounds its rule sets, and
 * the relations between settings (a cycle's shortest length is not above
 * its longest...) are rows of a second table. Pure: no I/O. */
#ifndef PARLEY_SETTINGS_H
#define PARLEY_SETTINGS_H
#include <stdbool.h>

#include "domain/errors.h"

enum setting_kind {
    SETTING_NUMBER,            /* a whole number from lo to hi */
    SETTING_TEXT,              /* one line of lo to hi characters */
    SETTING_VOTE_RULE,         /* R24: majority, consensus or fixed:N */
    SETTING_YES_NO,            /* "yes" or "no" */
};

/* One setting. A new row needs every member: a unit test refuses a
 * number without bounds. */
struct setting_def {
    const char *key;
    const char *default_value;
    const char *rule;          /* "R1", or "" for an operating limit */
    const char *label;         /* its name for people: the field's label, and in errors */
    const char *meaning;       /* what it does, in plain words */
    enum setting_kind kind;
    int lo, hi;                /* a number's bounds; a text's length */
    const char *bounds;        /* why those bounds, in plain words (said with a refusal) */
};

extern const struct setting_def setting_defs[];
extern const int setting_def_count;

const struct setting_def *setting_find(const char *key);
/* Checks a proposed value for a setting alone; NULL if fine, else why not,
 * in plain words. */
const char *setting_invalid(const char *key, const char *value);

#define SETTING_WORDS_MAX 320

/* Checks a whole proposal: values[i] is what setting_defs[i] would be (the
 * current value where the person sent none), sent[i] whether the person
 * sent it. Every value sent is checked against its bounds, and every
 * relation between two settings of which one was sent (a change of one
 * against the others as they are, or several at once); each problem is
 * added under a field the person sent, as "its label: why", written into
 * words (ERRORS_MAX of them). */
bool settings_check(const char *const *values, const bool *sent, char (*words)[SETTING_WORDS_MAX],
                    struct errors *errs);

#endif

/* settings.h: a program's settings, with the defaults RULES.md gives. A
 * program changes its settings, never the code. */
#ifndef PARLEY_SETTINGS_H
#define PARLEY_SETTINGS_H
#include <stdbool.h>

struct setting_def {
    const char *key;
    const char *default_value;
    const char *rule;          /* "R1"; NULL for a limit that protects the service */
    const char *meaning;       /* plain words */
};

extern const struct setting_def setting_defs[];
extern const int setting_def_count;

const struct setting_def *setting_find(const char *key);
/* Checks a proposed value for a setting; NULL if fine, else why not. */
const char *setting_invalid(const char *key, const char *value);

#endif

/* settings.h: the program's settings as the coordinator sees and changes
 * them; the defaults are RULES.md's (domain/settings.c). */
#ifndef PARLEY_APP_SETTINGS_H
#define PARLEY_APP_SETTINGS_H

#include "app/app.h"
#include "domain/settings.h"

struct setting_value {
    const struct setting_def *def;
    const char *value;
    bool is_default;
};

/* Every setting, in the order of setting_defs[]; *out has setting_def_count. */
enum app_status settings_list(struct ctx *c, struct setting_value **out);
/* values[i] is the proposed value of setting_defs[i] (NULL: unchanged).
 * Validates all first; writes and audits only those that change. */
enum app_status settings_update(struct ctx *c, const char *const *values, struct errors *errs);

#endif

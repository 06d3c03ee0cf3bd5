#include "app/settings.h"

#include <string.h>

enum app_status settings_list(struct ctx *c, struct setting_value **out)
{
    enum app_status s = app_authorize(c, ACT_VIEW, KIND_SETTINGS, NULL);
    if (s != APP_OK)
        return s;
    *out = arena_alloc(c->a, sizeof **out * (size_t)setting_def_count);
    for (int i = 0; i < setting_def_count; i++) {
        const char *v = program_setting(c, setting_defs[i].key);
        (*out)[i] = (struct setting_value){&setting_defs[i], v,
                                           strcmp(v, setting_defs[i].default_value) == 0};
    }
    return APP_OK;
}

static enum app_status setting_store(struct ctx *c, const struct setting_def *d, const char *old,
                                     const char *value)
{
    int rc = db_exec(c->db,
                     "INSERT INTO program_setting (program_id, key, value) VALUES (?, ?, ?) "
                     "ON CONFLICT (program_id, key) DO UPDATE SET value = excluded.value",
                     "iss", c->who.program_id, d->key, value);
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, "update", "setting", 0, 0,
                        arena_printf(c->a, "Changed the setting \"%s\" from %s to %s", d->label,
                                     old, value));
}

enum app_status settings_update(struct ctx *c, const char *const *values, struct errors *errs)
{
    enum app_status s = app_authorize(c, ACT_EDIT, KIND_SETTINGS, NULL);
    if (s != APP_OK)
        return s;
    /* The proposal as a whole: what was sent, the rest as it is now. */
    const char **proposed = arena_alloc(c->a, sizeof *proposed * (size_t)setting_def_count);
    const char **old = arena_alloc(c->a, sizeof *old * (size_t)setting_def_count);
    bool *sent = arena_alloc(c->a, sizeof *sent * (size_t)setting_def_count);
    for (int i = 0; i < setting_def_count; i++) {
        old[i] = program_setting(c, setting_defs[i].key);
        sent[i] = values[i] != NULL;
        proposed[i] = sent[i] ? values[i] : old[i];
    }
    char (*words)[SETTING_WORDS_MAX] = arena_alloc(c->a, sizeof *words * ERRORS_MAX);
    if (!settings_check(proposed, sent, words, errs))
        return APP_INVALID;
    for (int i = 0; i < setting_def_count && s == APP_OK; i++)
        if (sent[i] && strcmp(old[i], values[i]) != 0)
            s = setting_store(c, &setting_defs[i], old[i], values[i]);
    return s;
}

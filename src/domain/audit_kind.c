/* audit_kind.c: the audit log's keys for kinds of record, and their words.
 * Most are a kind of the policy table, whose label they take; a case's
 * parts are found by policy_part_kind(). */
#include "domain/audit_kind.h"

#include <string.h>

#include "domain/policy.h"

static const struct {
    const char *key;
    enum record_kind kind;
    const char *words; /* when the log's key is no kind of the policy table */
} keys[] = {
    {"person", KIND_PERSON, NULL},
    {"school", KIND_SCHOOL, NULL},
    {"role", KIND_ROLE, NULL},
    {"setting", KIND_SETTINGS, NULL},
    {"case", KIND_CASE, NULL},
    {"inquiry", KIND_INQUIRY, NULL},
    {"inquiry_note", KIND_INQUIRY, NULL},
    {"feedback", KIND_FEEDBACK, NULL},
    {"rubric", KIND_RUBRIC, NULL},
    {"goal_bank", KIND_GOAL_BANK, NULL},
    {"page", KIND_CONTENT, NULL},
    {"faq", KIND_CONTENT, NULL},
    {"news", KIND_CONTENT, NULL},
    {"resource", KIND_CONTENT, NULL},
    {"panel_session", KIND_PANEL_SESSION, NULL},
    {"ct_term", KIND_CT_TERM, NULL},
    {"ct_review", KIND_CT_REVIEW, NULL},
    {"survey", KIND_SURVEY, NULL},
    {"pss_case", KIND_PSS_CASE, NULL},
    {"pss_report", KIND_PSS_REPORT, NULL},
    {"pss_log", KIND_NONE, "peer support work logs"},
    {"pss_release", KIND_NONE, "releases of peer support reports"},
    {"api_token", KIND_API_TOKEN, NULL},
    {"mail", KIND_MAIL, NULL},
    {"password_link", KIND_PASSWORD_LINK, NULL},
    {"roster", KIND_ROSTER, NULL},
    {"session", KIND_NONE, "sign-ins"},
    {"password", KIND_NONE, "passwords"},
    {"calendar_feed", KIND_NONE, "calendar feeds"},
    {"program", KIND_NONE, "programs"},
};

static const char *words_of(const char *key)
{
    enum record_kind part = policy_part_kind(key);
    if (part != KIND_NONE)
        return policy_kind_label(part);
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (strcmp(keys[i].key, key) == 0)
            return keys[i].words ? keys[i].words : policy_kind_label(keys[i].kind);
    return "other records";
}

const char *audit_kind_label(arena *a, const char *key)
{
    char *s = arena_strdup(a, words_of(key ? key : ""));
    if (s[0] >= 'a' && s[0] <= 'z')
        s[0] = (char)(s[0] - 'a' + 'A');
    return s;
}

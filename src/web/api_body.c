/* api_body.c: reading JSON request bodies for /api/v1. Strict on purpose:
 * an unknown member or one of the wrong type is a 400 naming it, so an API
 * user's typo is caught rather than silently ignored. Values are handed to
 * the use cases as the strings a form would send; they validate them. */
#include <jansson.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "app/inquiry.h"
#include "app/people.h"
#include "domain/eligibility.h"
#include "web/web.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof *(a)))

/* --- what request bodies may hold --- */

#define PERSON_FIELD(name, type, required) \
    {#name, type, required, offsetof(struct api_person, in.name)}
static const struct api_field person_fields[] = {
    PERSON_FIELD(name, API_TEXT, true),
    PERSON_FIELD(email, API_TEXT, true),
    PERSON_FIELD(employee_id, API_TEXT, false),
    PERSON_FIELD(school_id, API_ID_OR_NULL, false),
    PERSON_FIELD(union_member, API_FLAG, false),
    PERSON_FIELD(full_time, API_FLAG, false),
    PERSON_FIELD(district_year, API_NUMBER, true),
    /* the old name of R1's question: full years, one less (struct api_person) */
    {"years_in_district", API_NUMBER, false, offsetof(struct api_person, years_in_district)},
    PERSON_FIELD(job_type, API_JOB_TYPE, true),
};
const struct api_body api_person_body = {"Person", person_fields, COUNT(person_fields)};

#define SCHOOL_FIELD(name, required) \
    {#name, API_TEXT, required, offsetof(struct school_input, name)}
static const struct api_field school_fields[] = {
    SCHOOL_FIELD(name, true),
    SCHOOL_FIELD(code, true),
    SCHOOL_FIELD(address, false),
};
const struct api_body api_school_body = {"School", school_fields, COUNT(school_fields)};

#define ROLE_FIELD(name, type, required) \
    {#name, type, required, offsetof(struct role_input, name)}
static const struct api_field role_fields[] = {
    ROLE_FIELD(role, API_ROLE_KEY, true),
    ROLE_FIELD(school_id, API_ID_OR_NULL, false),
    ROLE_FIELD(seat, API_TEXT, false),
    ROLE_FIELD(appointed_by, API_TEXT, false),
    ROLE_FIELD(term_start, API_TEXT, false),
    ROLE_FIELD(term_end, API_TEXT, false),
};
const struct api_body api_role_body = {"Role", role_fields, COUNT(role_fields)};

/* PATCH only: inquiries come from the public contact form. */
#define INQUIRY_FIELD(name, type) {#name, type, false, offsetof(struct inquiry_change, name)}
static const struct api_field inquiry_fields[] = {
    INQUIRY_FIELD(handler_id, API_ID_OR_NULL),
    INQUIRY_FIELD(status, API_TEXT),
    INQUIRY_FIELD(close_reason, API_TEXT),
};
const struct api_body api_inquiry_body = {"Inquiry", inquiry_fields, COUNT(inquiry_fields)};

/* R8: the teacher's answer to a request sent in their name, "confirm" or
 * "decline"; read into a struct whose only member is the answer. */
static const struct api_field confirmation_fields[] = {
    {"answer", API_TEXT, true, 0},
};
const struct api_body api_confirmation_body = {"InquiryConfirmation", confirmation_fields,
                                               COUNT(confirmation_fields)};

const struct api_body *const api_bodies[] = {
    &api_person_body, &api_school_body, &api_role_body, &api_inquiry_body, &api_case_open_body,
    &api_transition_body, &api_confirmation_body,
    /* goals */
    &api_goal_body, &api_bank_goal_body, &api_goal_decision_body, &api_self_assessment_body,
    /* end goals */
    /* observations */
    &api_observation_body, &api_reflection_body,
    /* end observations */
    /* meetings */
    &api_coaching_body, &api_meeting_body,
    /* end meetings */
    /* dashboard */
    /* end dashboard */
    /* evaluations */
    &api_evaluation_body, &api_evaluation_step_body,
    /* end evaluations */
    /* recommendation */
    &api_recommendation_body,
    &api_panel_submission_body,
    &api_decision_approval_body,
    /* end recommendation */
    /* panel */
    &api_panel_session_body, &api_panel_recusal_body, &api_panel_note_body, &api_panel_vote_body,
    /* end panel */
    /* terms */
    &api_ct_term_body, &api_ct_leaving_body, &api_ct_review_body,
    /* end terms */
    /* pss */
    &api_pss_case_body, &api_pss_hold_body, &api_pss_log_body, &api_pss_report_body,
    &api_pss_release_body, &api_pss_consent_body, &api_pss_release_now_body,
    /* end pss */
    /* outcomes */
    &api_outcome_body, &api_survey_body,
    /* end outcomes */
    /* reports */
    /* end reports */
    &api_token_body,
};
const int api_body_count = COUNT(api_bodies);

/* A PATCH may name the version it was based on (optimistic locking). */
static const struct api_field version_member = {"version", API_NUMBER, false, 0};

/* --- reading request bodies --- */

bool api_bad_field(req *r, const char *field, const char *message)
{
    struct errors errs = {.n = 0};
    errors_add(&errs, field, message);
    web_api_invalid(r, &errs);
    return false;
}

bool api_district_year(req *r, const char **district_year, const char *old_value,
                       const char *old_name)
{
    if (!old_value)
        return true;
    const char *year = arena_printf(r->a, "%d", district_year_after_full_years(atoi(old_value)));
    if (*district_year && strcmp(*district_year, year) != 0)
        return api_bad_field(r, old_name,
                             arena_printf(r->a, "%s is the old form of district_year (the full "
                                                "years behind the teacher, one less than the year "
                                                "they are in) and disagrees with it: send "
                                                "district_year alone.",
                                          old_name));
    *district_year = year;
    return true;
}

/* [12, 14] as "12,14"; NULL unless an array of positive whole numbers. */
static const char *id_list_text(arena *a, const json_t *v)
{
    if (!json_is_array(v))
        return NULL;
    buf b;
    buf_init(&b, a);
    buf_puts(&b, "");
    size_t i;
    const json_t *id;
    json_array_foreach(v, i, id) {
        if (!json_is_integer(id) || json_integer_value(id) <= 0)
            return NULL;
        buf_printf(&b, "%s%" JSON_INTEGER_FORMAT, i ? "," : "", json_integer_value(id));
    }
    return buf_cstr(&b);
}

/* The value as the text the use cases take (they validate it), or NULL if
 * the JSON type is wrong. */
static const char *field_text(arena *a, const json_t *v, enum api_type t)
{
    switch (t) {
    case API_FLAG:
        return json_is_boolean(v) ? (json_is_true(v) ? "yes" : "no") : NULL;
    case API_ID_OR_NULL:
        if (json_is_null(v))
            return "";   /* the use cases read "" as "none" */
        /* fall through */
    case API_NUMBER:
        return json_is_integer(v)
                   ? arena_printf(a, "%" JSON_INTEGER_FORMAT, json_integer_value(v))
                   : NULL;
    case API_ID_LIST:
        return id_list_text(a, v);
    default:
        return json_is_string(v) ? arena_strndup(a, json_string_value(v), json_string_length(v))
                                 : NULL;
    }
}

static const char *type_message(arena *a, const char *name, enum api_type t)
{
    switch (t) {
    case API_FLAG:
        return arena_printf(a, "%s must be true or false", name);
    case API_NUMBER:
        return arena_printf(a, "%s must be a whole number", name);
    case API_ID_OR_NULL:
        return arena_printf(a, "%s must be a whole number or null", name);
    case API_ID_LIST:
        return arena_printf(a, "%s must be an array of ids (whole numbers)", name);
    default:
        return arena_printf(a, "%s must be a string", name);
    }
}

static const struct api_field *field_find(const struct api_body *b, const char *name)
{
    for (int i = 0; i < b->nfields; i++)
        if (strcmp(b->fields[i].name, name) == 0)
            return &b->fields[i];
    return NULL;
}

/* Fills dest's strings from the object's members; members not sent leave
 * dest as it was. Unknown members are refused so typos do not pass silently. */
static bool body_fields(arena *a, const struct api_body *b, json_t *obj, void *dest,
                        const char **version, const char **field, const char **message)
{
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        const struct api_field *f = field_find(b, key);
        const char **slot = f ? (const char **)((char *)dest + f->offset) : NULL;
        if (!f && version && strcmp(key, version_member.name) == 0) {
            f = &version_member;
            slot = version;
        }
        if (!f) {
            *field = arena_strdup(a, key);   /* key dies with the document */
            *message = arena_printf(a, "Unknown field '%s'.", *field);
            return false;
        }
        const char *text = field_text(a, v, f->type);
        if (!text) {
            *field = f->name;
            *message = type_message(a, f->name, f->type);
            return false;
        }
        *slot = text;
    }
    return true;
}

bool api_body_parse(arena *a, const char *text, size_t len, const struct api_body *b,
                    void *dest, const char **version, const char **field,
                    const char **message)
{
    *field = NULL;
    *message = NULL;
    if (!text || len == 0) {
        *message = "The request body must be a JSON object.";
        return false;
    }
    json_error_t err;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        *message = arena_printf(a, "The request body is not valid JSON: %s (line %d, "
                                   "column %d).", err.text, err.line, err.column);
        return false;
    }
    bool ok = json_is_object(root);
    if (!ok)
        *message = "The request body must be a JSON object.";
    else
        ok = body_fields(a, b, root, dest, version, field, message);
    json_decref(root);
    return ok;
}

bool api_body_read(req *r, const struct api_body *b, void *dest, const char **version)
{
    size_t len;
    const char *text = req_body(r, &len);
    const char *field, *message;
    if (api_body_parse(r->a, text, len, b, dest, version, &field, &message))
        return true;
    if (field)
        return api_bad_field(r, field, message);
    web_error(r, 400, message);
    return false;
}

/* openapi.c: the OpenAPI 3.0.3 document of /api/v1, generated on each
 * request from the route table and api_body.c's request-body tables, so it
 * cannot drift from what the server does. It is cheap: no cache. */
#include <ctype.h>
#include <string.h>

#include "domain/people.h"
#include "domain/workflow.h"
#include "out/json.h"
#include "web/handlers.h"
#include "web/web.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof *(a)))
#define API_PREFIX "/api/v1/"

struct doc {
    json j;
    arena *a;
};

/* One property or parameter: a plain type, a $ref, or an array of refs. */
struct prop {
    const char *name;
    const char *type;            /* "string", "integer", "boolean", "array"; NULL: $ref */
    const char *ref;             /* the schema referred to, or the array's items */
    bool optional;               /* required unless set */
    bool nullable;
};

/* --- the answers' shapes (what api.c writes) --- */

static const struct prop role_props[] = {
    {"id", "integer", NULL, false, false},
    {"role", NULL, "RoleKey", false, false},
    {"school_id", "integer", NULL, false, true},
    {"seat", "string", NULL, false, false},
    {"appointed_by", "string", NULL, false, false},
    {"term_start", "string", NULL, false, false},
    {"term_end", "string", NULL, false, false},
};
static const struct prop person_props[] = {
    {"id", "integer", NULL, false, false},
    {"name", "string", NULL, false, false},
    {"email", "string", NULL, false, false},
    {"employee_id", "string", NULL, false, false},
    {"school_id", "integer", NULL, false, true},
    {"school_name", "string", NULL, false, false},
    {"union_member", "boolean", NULL, true, false},
    {"full_time", "boolean", NULL, true, false},
    {"district_year", "integer", NULL, true, false},
    {"years_in_district", "integer", NULL, true, false},   /* R1's old field: one less */
    {"job_type", NULL, "JobType", true, false},
    {"version", "integer", NULL, true, false},
    {"roles", "array", "Role", false, false},
};
static const struct prop school_props[] = {
    {"id", "integer", NULL, false, false},
    {"name", "string", NULL, false, false},
    {"code", "string", NULL, false, false},
    {"address", "string", NULL, false, false},
    {"version", "integer", NULL, false, false},
    {"people", "integer", NULL, false, false},
};
static const struct prop inquiry_props[] = {
    {"id", "integer", NULL, false, false},
    {"reference", "string", NULL, false, false},
    {"name", "string", NULL, false, false},
    {"email", "string", NULL, false, false},
    {"phone", "string", NULL, false, false},
    {"contact_by", "string", NULL, false, false},
    {"school_id", "integer", NULL, false, true},
    {"school_name", "string", NULL, false, false},
    {"interest", "string", NULL, false, false},
    {"message", "string", NULL, false, false},
    {"status", "string", NULL, false, false},
    {"close_reason", "string", NULL, false, false},
    {"handler_id", "integer", NULL, false, true},
    {"teacher_confirmation", "string", NULL, false, false},   /* R8 */
    {"sent_by_name", "string", NULL, false, false},
    {"confirmed_at", "string", NULL, false, true},
    {"case_id", "integer", NULL, false, true},
    {"created_at", "string", NULL, false, false},
    {"updated_at", "string", NULL, false, false},
    {"version", "integer", NULL, false, false},
    {"notes", "array", "InquiryNote", true, false},
    {"eligibility", "object", NULL, true, true},
};
static const struct prop inquiry_note_props[] = {
    {"id", "integer", NULL, false, false},
    {"at", "string", NULL, false, false},
    {"author", "string", NULL, false, false},
    {"body", "string", NULL, false, false},
};
static const struct prop me_props[] = {
    {"id", "integer", NULL, false, false},
    {"name", "string", NULL, false, false},
    {"email", "string", NULL, false, false},
    {"roles", "array", "RoleKey", false, false},
    {"today", "string", NULL, false, false},
};
static const struct prop token_props[] = {
    {"id", "integer", NULL, false, false},
    {"name", "string", NULL, false, false},
    {"person_id", "integer", NULL, false, false},
    {"state", "string", NULL, false, false},        /* active, expired, revoked */
    {"created_at", "integer", NULL, false, false},
    {"expires_at", "integer", NULL, false, false},
    {"last_used", "integer", NULL, false, true},
    {"revoked_at", "integer", NULL, false, true},
    {"revoked_note", "string", NULL, false, false},
    {"token", "string", NULL, true, false},
};
static const struct prop final_rating_props[] = {
    {"teacher_id", "integer", NULL, false, false},
    {"teacher", "string", NULL, false, false},
    {"email", "string", NULL, false, false},
    {"employee_id", "string", NULL, false, false},
    {"school_year", "string", NULL, false, false},   /* "2025-26" */
    {"rating", "string", NULL, false, false},        /* R26's key: "proficient" */
    {"rating_label", "string", NULL, false, false},  /* "Proficient" */
    {"approved_on", "string", NULL, false, false},   /* YYYY-MM-DD */
    {"case_id", "integer", NULL, false, false},
    {"decision_id", "integer", NULL, false, false},
};
static const struct prop error_detail_props[] = {
    {"code", "string", NULL, false, false},
    {"message", "string", NULL, false, false},
    {"field", "string", NULL, false, true},
};
static const struct prop error_props[] = {
    {"error", NULL, "ErrorDetail", false, false},
};

struct shape {
    const char *name, *description;
    const struct prop *props;
    int nprops;
};
static const struct prop case_props[] = {
    {"id", "integer", NULL, false, false},
    {"state", "string", NULL, false, false},
    {"track", "string", NULL, false, false},
    {"teacher_id", "integer", NULL, false, false},
    {"teacher_name", "string", NULL, false, false},
    {"school_id", "integer", NULL, false, true},
    {"ct_id", "integer", NULL, false, true},
    {"union_rep_id", "integer", NULL, false, true},
    {"inquiry_id", "integer", NULL, false, true},
    {"meeting_at", "string", NULL, false, false},
    {"meeting_place", "string", NULL, false, false},
    {"review_at", "string", NULL, false, false},
    {"teacher_signed_at", "integer", NULL, false, false},
    {"rep_signed_at", "integer", NULL, false, false},
    {"cycle_start", "string", NULL, false, false},
    {"cycle_end", "string", NULL, false, false},
    {"plan_type", "string", NULL, false, false},
    {"plan_months", "integer", NULL, false, false},
    {"withdrawn_reason", "string", NULL, false, false},
    {"version", "integer", NULL, false, false},
    {"status", "string", NULL, true, false},
    {"next_steps", "array", "StepKey", true, false},
    {"steps", "array", "StepOffer", true, false},
    {"timeline", "array", "CaseEvent", true, false},
    {"deadlines", "array", "Deadline", true, false},
};
static const struct prop step_offer_props[] = {
    {"step", NULL, "StepKey", false, false},
    {"label", "string", NULL, false, false},
    {"allowed", "boolean", NULL, false, false},
    {"not_yet", "string", NULL, true, false},
    {"rule", "string", NULL, true, false},
};
static const struct prop deadline_props[] = {
    {"case_id", "integer", NULL, true, false},
    {"inquiry_id", "integer", NULL, true, false},
    {"pss_case_id", "integer", NULL, true, false},
    {"teacher", "string", NULL, false, false},
    {"step", "string", NULL, false, false},
    {"what", "string", NULL, false, false},
    {"rule", "string", NULL, false, false},
    {"due_on", "string", NULL, true, false},
    {"waiting_since", "string", NULL, true, false},
    {"window_opens", "string", NULL, true, false},
    {"overdue", "boolean", NULL, false, false},
    {"optional", "boolean", NULL, false, false},
    {"from", "string", NULL, false, false},
    {"link", "string", NULL, false, false},
    {"not_yet", "string", NULL, true, false},
    {"not_yet_rule", "string", NULL, true, false},
};
static const struct prop case_event_props[] = {
    {"id", "integer", NULL, false, false},
    {"at", "integer", NULL, false, false},
    {"actor", "string", NULL, false, false},
    {"transition", "string", NULL, false, false},
    {"from", "string", NULL, false, false},
    {"to", "string", NULL, false, false},
    {"summary", "string", NULL, false, false},
};
static const struct prop search_match_props[] = {
    {"field", "string", NULL, false, false},   /* name, email, school, reference */
    {"why", "string", NULL, false, false},
    {"text", "string", NULL, false, false},
};
static const struct prop search_hit_props[] = {
    {"kind", "string", NULL, false, false},   /* person, case, inquiry, pss_case */
    {"id", "integer", NULL, false, false},
    {"title", "string", NULL, false, false},
    {"detail", "string", NULL, false, false},
    {"link", "string", NULL, false, false},
    {"matched", "array", "SearchMatch", false, false},
};
static const struct shape shapes[] = {
    {"SearchHit", "A record the search found that the asker may open (issue 18), grouped by "
                  "kind: person, case, inquiry or pss_case; link is its page; matched says "
                  "which of its words matched and why.",
     search_hit_props, COUNT(search_hit_props)},
    {"SearchMatch", "One field that matched: name, email, school or reference, in words (why) "
                    "and as stored (text).",
     search_match_props, COUNT(search_match_props)},
    {"Person", "In list items the fields marked optional are left out.", person_props,
     COUNT(person_props)},
    {"Role", NULL, role_props, COUNT(role_props)},
    {"School", NULL, school_props, COUNT(school_props)},
    {"Inquiry", "From the public contact form. notes and eligibility (null until the facts "
                "are confirmed) are in the item only, not in list items.",
     inquiry_props, COUNT(inquiry_props)},
    {"InquiryNote", NULL, inquiry_note_props, COUNT(inquiry_note_props)},
    {"Me", "The person the API token belongs to, and today's date on the program's calendar "
           "(its time zone), from which its deadlines count.",
     me_props, COUNT(me_props)},
    {"Token", "An API token (times in Unix seconds; state: active, expired or revoked). "
              "token, the secret itself, is in the answer to making it only.",
     token_props, COUNT(token_props)},
    {"Case", "A teacher's case (R37). status, next_steps (the steps the asker may take now), "
             "steps (also those a rule stops for now, with why), timeline and deadlines are in "
             "the item only.",
     case_props, COUNT(case_props)},
    {"StepOffer", "A step of the case's process offered to the asker: allowed now, or not yet "
                  "and why: not_yet in words, rule the rule's number (R22).",
     step_offer_props, COUNT(step_offer_props)},
    {"Deadline", "Something due on a case, from the case's process (/help/workflow): from "
                 "whom, by when (due_on) or waiting since when (waiting_since); only what the "
                 "asker may see (R16). step is a StepKey, or on a peer support case "
                 "(pss_case_id, R31-R36) a step of its own table. link is the page where it "
                 "is done; not_yet says why a rule stops it for now, not_yet_rule which rule "
                 "(R22). /api/v1/tasks lists the "
                 "asker's own.",
     deadline_props, COUNT(deadline_props)},
    {"CaseEvent", "One step on a case's timeline.", case_event_props,
     COUNT(case_event_props)},
    {"Transition", "The case after the step was taken, with its timeline (/help/workflow "
                   "lists the steps: 'to' is a step's key or the state it reaches).",
     case_props, COUNT(case_props)},
    {"ErrorDetail", "field names the request field in error, or is null.", error_detail_props,
     COUNT(error_detail_props)},
    {"Error", NULL, error_props, COUNT(error_props)},
    {"FinalRating", "A rating the Superintendent approved, final (R25), as the district's "
                    "evaluation platform takes it back; /api/v1/final-ratings.csv is the same as "
                    "CSV.",
     final_rating_props, COUNT(final_rating_props)},
};

/* A path's resource is its last literal segment: /people/{id}/roles holds
 * roles. Collections list their items and create new ones by POST. */
struct resource {
    const char *segment, *schema;
    bool collection;
    const struct prop *filters;  /* query parameters beyond q, page, per_page */
    int nfilters;
    bool body_only;              /* its request bodies are described; its answers are
                                    JSON objects the summary describes */
};
static const struct prop people_filters[] = {
    {"school_id", "integer", NULL, true, false},
    {"role", NULL, "RoleKey", true, false},
};
static const struct prop inquiry_filters[] = {
    {"status", "string", NULL, true, false},     /* new, in_progress, closed, open */
    {"interest", "string", NULL, true, false},   /* pa, par, consultancy, question */
    {"handler", "string", NULL, true, false},    /* a person's id, or none */
};
static const struct prop token_filters[] = {
    {"person_id", "integer", NULL, true, false},   /* the coordinator: a person's tokens */
};
static const struct prop case_filters[] = {
    {"state", "string", NULL, true, false},
    {"track", "string", NULL, true, false},
};
static const struct resource resources[] = {
    {"search", "SearchHit", true, NULL, 0, false},
    {"inquiries", "Inquiry", true, inquiry_filters, COUNT(inquiry_filters), false},
    {"people", "Person", true, people_filters, COUNT(people_filters), false},
    {"schools", "School", true, NULL, 0, false},
    {"roles", "Role", true, NULL, 0, false},
    {"me", "Me", false, NULL, 0, false},
    {"tokens", "Token", true, token_filters, COUNT(token_filters), false},
    {"cases", "Case", true, case_filters, COUNT(case_filters), false},
    {"transitions", "Transition", false, NULL, 0, false},
    {"confirmation", "InquiryConfirmation", false, NULL, 0, true},
    {"goals", "Goal", true, NULL, 0, true},
    {"goal-bank", "BankGoal", true, NULL, 0, true},
    {"decision", "GoalDecision", false, NULL, 0, true},
    {"self-assessment", "SelfAssessment", false, NULL, 0, true},
    {"observations", "Observation", true, NULL, 0, true},
    {"reflection", "Reflection", false, NULL, 0, true},
    {"deadlines", "Deadline", true, NULL, 0, false},
    {"tasks", "Deadline", true, NULL, 0, false},
    {"coaching", "CoachingEntry", true, NULL, 0, true},
    {"meetings", "Meeting", true, NULL, 0, true},
    /* evaluations */
    {"evaluations", "Evaluation", true, NULL, 0, true},
    {"steps", "EvaluationStep", false, NULL, 0, true},
    /* end evaluations */
    /* recommendation */
    {"recommendation", "Recommendation", false, NULL, 0, true},
    {"panel-submissions", "PanelSubmission", true, NULL, 0, true},
    {"approval", "DecisionApproval", false, NULL, 0, true},
    /* end recommendation */
    /* panel */
    {"sessions", "PanelSession", true, NULL, 0, true},
    {"overview", "PanelOverview", false, NULL, 0, true},
    {"notes", "PanelNote", true, NULL, 0, true},
    {"recusals", "PanelRecusal", true, NULL, 0, true},
    {"votes", "PanelVote", true, NULL, 0, true},
    {"close-vote", "PanelVoteClose", false, NULL, 0, true},
    /* end panel */
    /* terms */
    {"cts", "CtTerm", true, NULL, 0, true},
    {"leaving", "CtLeaving", false, NULL, 0, true},
    {"reviews", "CtReview", true, NULL, 0, true},
    {"roster", "PanelSeat", true, NULL, 0, true},
    /* end terms */
    /* pss */
    {"pss", "PssCase", true, NULL, 0, true},
    {"hold", "PssHold", false, NULL, 0, true},
    {"log", "PssLog", true, NULL, 0, true},
    {"reports", "PssReport", true, NULL, 0, true},
    {"releases", "PssRelease", true, NULL, 0, true},
    {"consent", "PssConsent", false, NULL, 0, true},
    {"release", "PssReleaseNow", false, NULL, 0, true},
    /* end pss */
    /* outcomes */
    {"outcome", "Outcome", false, NULL, 0, true},
    {"survey", "SurveyAnswer", false, NULL, 0, true},
    {"surveys", "SurveyInvitation", true, NULL, 0, true},
    /* end outcomes */
    /* reports */
    /* end reports */
    {"final-ratings", "FinalRating", true, NULL, 0, false},
};
static const struct prop paging[] = {
    {"q", "string", NULL, true, false},
    {"page", "integer", NULL, true, false},
    {"per_page", "integer", NULL, true, false},
};

/* --- writing schemas --- */

static void kv_ref(struct doc *d, const char *schema)
{
    json_kv_str(&d->j, "$ref", arena_printf(d->a, "#/components/schemas/%s", schema));
}

static void schema_of(struct doc *d, const struct prop *p)
{
    json_obj_begin(&d->j);
    if (!p->type) {
        kv_ref(d, p->ref);
    } else {
        json_kv_str(&d->j, "type", p->type);
        if (p->ref) {
            json_key(&d->j, "items");
            json_obj_begin(&d->j);
            kv_ref(d, p->ref);
            json_obj_end(&d->j);
        }
        if (p->nullable)
            json_kv_bool(&d->j, "nullable", true);
    }
    json_obj_end(&d->j);
}

/* closed: the server refuses members not listed (request bodies). */
static void schema_object(struct doc *d, const char *name, const char *description,
                          const struct prop *props, int n, bool closed)
{
    json *j = &d->j;
    json_key(j, name);
    json_obj_begin(j);
    json_kv_str(j, "type", "object");
    if (description)
        json_kv_str(j, "description", description);
    json_key(j, "properties");
    json_obj_begin(j);
    for (int i = 0; i < n; i++) {
        json_key(j, props[i].name);
        schema_of(d, &props[i]);
    }
    json_obj_end(j);
    json_key(j, "required");
    json_arr_begin(j);
    for (int i = 0; i < n; i++)
        if (!props[i].optional)
            json_str(j, props[i].name);
    json_arr_end(j);
    if (closed)
        json_kv_bool(j, "additionalProperties", false);
    json_obj_end(j);
}

static const char *role_at(int i) { return role_key((enum role)i); }
static const char *job_type_at(int i) { return job_type_key((enum job_type)i); }
static const char *step_at(int i) { return case_steps[i].key; }

static void schema_enum(struct doc *d, const char *name, const char *(*key)(int), int n)
{
    json_key(&d->j, name);
    json_obj_begin(&d->j);
    json_kv_str(&d->j, "type", "string");
    json_key(&d->j, "enum");
    json_arr_begin(&d->j);
    for (int i = 0; i < n; i++)
        json_str(&d->j, key(i));
    json_arr_end(&d->j);
    json_obj_end(&d->j);
}

static struct prop prop_of_field(const struct api_field *f)
{
    static const struct {
        const char *type, *ref;
        bool nullable;
    } as[] = {
        [API_TEXT] = {"string", NULL, false},     [API_FLAG] = {"boolean", NULL, false},
        [API_NUMBER] = {"integer", NULL, false},  [API_ID_OR_NULL] = {"integer", NULL, true},
        [API_ROLE_KEY] = {NULL, "RoleKey", false}, [API_JOB_TYPE] = {NULL, "JobType", false},
        [API_ID_LIST] = {"array", "Id", false},
    };
    return (struct prop){f->name, as[f->type].type, as[f->type].ref, !f->required,
                         as[f->type].nullable};
}

/* XInput (POST: required fields as the use case needs them) and XPatch
 * (every field optional, plus the version the change is based on). */
static void schema_bodies(struct doc *d, const struct api_body *b)
{
    struct prop *props = arena_alloc(d->a, sizeof *props * (size_t)(b->nfields + 1));
    for (int i = 0; i < b->nfields; i++)
        props[i] = prop_of_field(&b->fields[i]);
    schema_object(d, arena_printf(d->a, "%sInput", b->schema), NULL, props, b->nfields, true);
    for (int i = 0; i < b->nfields; i++)
        props[i].optional = true;
    props[b->nfields] = (struct prop){"version", "integer", NULL, true, false};
    schema_object(d, arena_printf(d->a, "%sPatch", b->schema),
                  "Fields left out keep their value. A version other than the current one "
                  "is refused with 409.",
                  props, b->nfields + 1, true);
}

static void schema_list(struct doc *d, const char *schema)
{
    const struct prop props[] = {
        {"items", "array", schema, false, false},
        {"total", "integer", NULL, false, false},
        {"page", "integer", NULL, true, false},
        {"per_page", "integer", NULL, true, false},
    };
    schema_object(d, arena_printf(d->a, "%sList", schema), NULL, props, COUNT(props), false);
}

static void components(struct doc *d)
{
    json *j = &d->j;
    json_key(j, "components");
    json_obj_begin(j);
    json_key(j, "securitySchemes");
    json_obj_begin(j);
    json_key(j, "bearerAuth");
    json_obj_begin(j);
    json_kv_str(j, "type", "http");
    json_kv_str(j, "scheme", "bearer");
    json_obj_end(j);
    json_obj_end(j);
    json_key(j, "schemas");
    json_obj_begin(j);
    for (int i = 0; i < COUNT(shapes); i++)
        schema_object(d, shapes[i].name, shapes[i].description, shapes[i].props,
                      shapes[i].nprops, false);
    schema_enum(d, "RoleKey", role_at, ROLE_COUNT);
    schema_enum(d, "JobType", job_type_at, JOB_COUNT);
    schema_enum(d, "StepKey", step_at, case_step_count);
    json_key(j, "Id");   /* the items of an API_ID_LIST */
    schema_of(d, &(struct prop){.type = "integer"});
    for (int i = 0; i < api_body_count; i++)
        schema_bodies(d, api_bodies[i]);
    for (int i = 0; i < COUNT(resources); i++)
        if (resources[i].collection && !resources[i].body_only)
            schema_list(d, resources[i].schema);
    json_obj_end(j);
    json_obj_end(j);
}

/* --- operations --- */

static const struct resource *route_resource(const char *pattern, bool *item)
{
    const char *end = pattern + strlen(pattern), *seg = strrchr(pattern, '/');
    *item = seg && seg[1] == '{';
    if (*item) {
        end = seg;
        while (seg > pattern && *--seg != '/')
            ;
    }
    size_t n = seg ? (size_t)(end - seg - 1) : 0;
    for (int i = 0; seg && i < COUNT(resources); i++)
        if (strlen(resources[i].segment) == n && strncmp(seg + 1, resources[i].segment, n) == 0)
            return &resources[i];
    return NULL;
}

static const struct api_body *resource_body(const struct resource *res)
{
    for (int i = 0; res && i < api_body_count; i++)
        if (strcmp(api_bodies[i]->schema, res->schema) == 0)
            return api_bodies[i];
    return NULL;
}

/* OpenAPI names operations in lower case: "get", "patch". */
static const char *method_key(struct doc *d, const char *method)
{
    char *s = arena_strdup(d->a, method);
    for (char *p = s; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return s;
}

/* "delete_people_id_roles_role_id": unique because method and pattern are. */
static const char *operation_id(struct doc *d, const struct route *rt)
{
    buf b;
    buf_init(&b, d->a);
    buf_puts(&b, method_key(d, rt->method));
    buf_putc(&b, '_');
    for (const char *p = rt->pattern + strlen(API_PREFIX); *p; p++) {
        if (isalnum((unsigned char)*p))
            buf_putc(&b, *p);
        else if (*p != '{' && *p != '}')
            buf_putc(&b, '_');
    }
    return buf_cstr(&b);
}

static void parameter(struct doc *d, const char *in, const struct prop *p)
{
    json_obj_begin(&d->j);
    json_kv_str(&d->j, "name", p->name);
    json_kv_str(&d->j, "in", in);
    json_kv_bool(&d->j, "required", !p->optional);
    json_key(&d->j, "schema");
    schema_of(d, p);
    json_obj_end(&d->j);
}

/* The search (issue 18) is no list of one kind, yet takes q, required. */
static bool searches(const struct route *rt)
{
    return strcmp(rt->pattern, API_PREFIX "search") == 0;
}

/* {name} segments are path parameters; ids are integers. */
static void parameters(struct doc *d, const struct route *rt, const struct resource *res)
{
    json_key(&d->j, "parameters");
    json_arr_begin(&d->j);
    for (const char *p = strchr(rt->pattern, '{'); p; p = strchr(p + 1, '{')) {
        const char *close = strchr(p, '}');
        if (!close)
            break;
        const char *name = arena_strndup(d->a, p + 1, (size_t)(close - p - 1));
        size_t n = strlen(name);
        bool id = strcmp(name, "id") == 0 || (n > 3 && strcmp(name + n - 3, "_id") == 0);
        parameter(d, "path", &(struct prop){name, id ? "integer" : "string", NULL, false, false});
    }
    if (rt->action == ACT_LIST) {
        for (int i = 0; i < COUNT(paging); i++)
            parameter(d, "query", &paging[i]);
        for (int i = 0; res && i < res->nfilters; i++)
            parameter(d, "query", &res->filters[i]);
    }
    if (searches(rt))
        parameter(d, "query", &(struct prop){"q", "string", NULL, false, false});
    json_arr_end(&d->j);
}

static void request_body(struct doc *d, const char *schema)
{
    json_key(&d->j, "requestBody");
    json_obj_begin(&d->j);
    json_kv_bool(&d->j, "required", true);
    json_key(&d->j, "content");
    json_obj_begin(&d->j);
    json_key(&d->j, "application/json");
    json_obj_begin(&d->j);
    json_key(&d->j, "schema");
    schema_of(d, &(struct prop){.ref = schema});
    json_obj_end(&d->j);
    json_obj_end(&d->j);
    json_obj_end(&d->j);
}

/* schema NULL: no body (204); "": any JSON object. */
static void response(struct doc *d, const char *code, const char *description,
                     const char *schema, bool location)
{
    json *j = &d->j;
    json_key(j, code);
    json_obj_begin(j);
    json_kv_str(j, "description", description);
    if (location) {
        json_key(j, "headers");
        json_obj_begin(j);
        json_key(j, "Location");
        json_obj_begin(j);
        json_kv_str(j, "description", "The new record's address");
        json_key(j, "schema");
        schema_of(d, &(struct prop){.type = "string"});
        json_obj_end(j);
        json_obj_end(j);
    }
    if (schema) {
        json_key(j, "content");
        json_obj_begin(j);
        json_key(j, "application/json");
        json_obj_begin(j);
        json_key(j, "schema");
        schema_of(d, *schema ? &(struct prop){.ref = schema} : &(struct prop){.type = "object"});
        json_obj_end(j);
        json_obj_end(j);
    }
    json_obj_end(j);
}

/* A path ending in .csv answers CSV (out/csv.h), not JSON. */
static bool answers_csv(const struct route *rt)
{
    size_t n = strlen(rt->pattern);
    return n > 4 && strcmp(rt->pattern + n - 4, ".csv") == 0;
}

static void csv_response(struct doc *d)
{
    json *j = &d->j;
    json_key(j, "200");
    json_obj_begin(j);
    json_kv_str(j, "description", "OK: CSV as RFC 4180 has it, a header row first");
    json_key(j, "content");
    json_obj_begin(j);
    json_key(j, "text/csv");
    json_obj_begin(j);
    json_key(j, "schema");
    schema_of(d, &(struct prop){.type = "string"});
    json_obj_end(j);
    json_obj_end(j);
    json_obj_end(j);
}

static void success(struct doc *d, const struct route *rt, const struct resource *res, bool item)
{
    const char *schema = res && !res->body_only ? res->schema : "";
    if (answers_csv(rt))
        csv_response(d);
    else if (strcmp(rt->method, "DELETE") == 0)
        response(d, "204", "Done; no content", NULL, false);
    else if (strcmp(rt->method, "POST") == 0)
        response(d, "201", "Created", schema, true);
    else if (*schema && res->collection && !item && strcmp(rt->method, "GET") == 0)
        response(d, "200", "OK", arena_printf(d->a, "%sList", schema), false);
    else
        response(d, "200", "OK", schema, false);
}

static void responses(struct doc *d, const struct route *rt, const struct resource *res,
                      bool item)
{
    bool writes = strcmp(rt->method, "POST") == 0 || strcmp(rt->method, "PATCH") == 0;
    bool changes = strcmp(rt->method, "PATCH") == 0 || strcmp(rt->method, "DELETE") == 0;
    json_key(&d->j, "responses");
    json_obj_begin(&d->j);
    success(d, rt, res, item);
    if (writes || rt->action == ACT_LIST || searches(rt))
        response(d, "400", "The request is not right; error.field names what", "Error", false);
    if (rt->action != ACT_PUBLIC) {
        response(d, "401", "No valid API token", "Error", false);
        response(d, "403", "The token's owner may not do this", "Error", false);
    }
    if (strchr(rt->pattern, '{'))
        response(d, "404", "No such record, or it is not shared with you", "Error", false);
    if (changes)
        response(d, "409", "Someone else changed the record first", "Error", false);
    json_obj_end(&d->j);
}

static void operation(struct doc *d, const struct route *rt)
{
    json *j = &d->j;
    bool item;
    const struct resource *res = route_resource(rt->pattern, &item);
    const struct api_body *body = resource_body(res);
    bool patch = strcmp(rt->method, "PATCH") == 0;
    json_key(j, method_key(d, rt->method));
    json_obj_begin(j);
    json_kv_str(j, "summary", rt->summary);
    json_kv_str(j, "operationId", operation_id(d, rt));
    parameters(d, rt, res);
    if (body && (patch || strcmp(rt->method, "POST") == 0))
        request_body(d, arena_printf(d->a, "%s%s", body->schema, patch ? "Patch" : "Input"));
    responses(d, rt, res, item);
    json_key(j, "security");
    json_arr_begin(j);
    if (rt->action != ACT_PUBLIC) {
        json_obj_begin(j);
        json_key(j, "bearerAuth");
        json_arr_begin(j);
        json_arr_end(j);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_obj_end(j);
}

static bool api_route(size_t i)
{
    return strncmp(web_routes[i].pattern, API_PREFIX, strlen(API_PREFIX)) == 0;
}

/* OpenAPI groups a path's operations; the route table need not. */
static void paths(struct doc *d)
{
    json_key(&d->j, "paths");
    json_obj_begin(&d->j);
    for (size_t i = 0; i < web_route_count; i++) {
        if (!api_route(i))
            continue;
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = strcmp(web_routes[k].pattern, web_routes[i].pattern) == 0;
        if (seen)
            continue;
        json_key(&d->j, web_routes[i].pattern);
        json_obj_begin(&d->j);
        for (size_t k = i; k < web_route_count; k++)
            if (strcmp(web_routes[k].pattern, web_routes[i].pattern) == 0)
                operation(d, &web_routes[k]);
        json_obj_end(&d->j);
    }
    json_obj_end(&d->j);
}

void api_openapi(req *r)
{
    struct doc d = {.a = r->a};
    r->content_type = "application/json";
    buf_reset(&r->out);
    json_init(&d.j, &r->out);
    json_obj_begin(&d.j);
    json_kv_str(&d.j, "openapi", "3.0.3");
    json_key(&d.j, "info");
    json_obj_begin(&d.j);
    json_kv_str(&d.j, "title", "Parley API");
    json_kv_str(&d.j, "version", "1");
    json_kv_str(&d.j, "description",
                "People, schools and roles of the peer-assistance program. Send an API token "
                "as 'Authorization: Bearer TOKEN'. Errors answer {\"error\": {\"code\", "
                "\"message\", \"field\"}}.");
    json_obj_end(&d.j);
    paths(&d);
    components(&d);
    json_obj_end(&d.j);
}

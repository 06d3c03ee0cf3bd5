/* pss.c: the Peer Support Service's rules (R31-R36). */
#include "domain/pss.h"

#include <string.h>

#include "base/clock.h"
#include "base/utf8.h"

struct word {
    const char *key, *label;
};

static const struct word referrals[PSS_REFERRAL_COUNT] = {
    {"self", "The member asked themselves"},
    {"president", "Referred by the local president"},
};
static const struct word reasons[PSS_REASON_COUNT] = {
    {"plan_of_assistance", "On a plan of assistance"},
    {"concerns_before_evaluation", "Concerns raised before an evaluation"},
    {"self_referral", "Asking for help with their teaching (self-referral)"},
};
static const struct word costs[PSS_COST_COUNT] = {
    {"", "Not decided yet"},
    {"district", "The school district pays"},
    {"federation", "The federation pays"},
    {"shared", "Shared, as negotiated"},
};
static const struct word statuses[PSS_STATUS_COUNT] = {
    {"requested", "Requested: waiting for the district's agreement"},
    {"agreed", "The district agreed: work may start"},
    {"active", "Under way"},
    {"closed", "Closed"},
};
static const struct word holds[PSS_HOLD_COUNT] = {
    {"", "No hold"},
    {"grievance", "Grievance"},
    {"regulatory", "Regulatory case"},
};
static const struct word log_kinds[PSS_LOG_COUNT] = {
    {"visit", "Classroom visit"},
    {"meeting", "Meeting"},
    {"phone", "Telephone call"},
    {"planning", "Planning"},
};
static const struct word release_statuses[PSS_RELEASE_STATUS_COUNT] = {
    {"proposed", "Proposed: waiting for consents"},
    {"released", "Released"},
};
static const struct word parties[PSS_PARTY_COUNT] = {
    {"member", "The member"},
    {"president", "The local president"},
    {"consultant", "The consultant"},
};

static int word_find(const struct word *t, int n, const char *key)
{
    for (int i = 0; key && i < n; i++)
        if (strcmp(key, t[i].key) == 0)
            return i;
    return -1;
}

#define PSS_WORD_FUNCS(prefix, type, table, count)                                          \
    const char *prefix##_key(type v) { return (int)v >= 0 && v < count ? table[v].key : ""; } \
    const char *prefix##_label(type v)                                                     \
    {                                                                                      \
        return (int)v >= 0 && v < count ? table[v].label : "";                             \
    }                                                                                      \
    bool prefix##_parse(const char *key, type *out)                                        \
    {                                                                                      \
        int i = word_find(table, count, key);                                              \
        if (i >= 0)                                                                        \
            *out = (type)i;                                                                \
        return i >= 0;                                                                     \
    }
PSS_WORD_FUNCS(pss_referral, enum pss_referral, referrals, PSS_REFERRAL_COUNT)
PSS_WORD_FUNCS(pss_reason, enum pss_reason, reasons, PSS_REASON_COUNT)
PSS_WORD_FUNCS(pss_cost, enum pss_cost, costs, PSS_COST_COUNT)
PSS_WORD_FUNCS(pss_status, enum pss_status, statuses, PSS_STATUS_COUNT)
PSS_WORD_FUNCS(pss_hold, enum pss_hold, holds, PSS_HOLD_COUNT)
PSS_WORD_FUNCS(pss_log_kind, enum pss_log_kind, log_kinds, PSS_LOG_COUNT)
PSS_WORD_FUNCS(pss_release_status, enum pss_release_status, release_statuses,
               PSS_RELEASE_STATUS_COUNT)
PSS_WORD_FUNCS(pss_party, enum pss_party, parties, PSS_PARTY_COUNT)

bool pss_text_check(struct errors *errs, const char *field, const char *v, size_t max,
                    bool required, const char *what)
{
    if (!v || !*v) {
        if (required)
            errors_add(errs, field, what);
        return !required;
    }
    if (!utf8_valid(v, strlen(v)) || utf8_length(v) > max) {
        errors_add(errs, field, "This is too long, or holds characters that are not text.");
        return false;
    }
    return true;
}

bool pss_request_check(const struct pss_request_input *in, struct pss_request *out,
                       struct errors *errs)
{
    int before = errs->n;
    if (!pss_referral_parse(in->referral, &out->referral))
        errors_add(errs, "referral", "Say who asks: the member, or the local president for them (R31).");
    if (!pss_reason_parse(in->reason, &out->reason))
        errors_add(errs, "reason", "Choose the reason: a plan of assistance, concerns raised "
                                   "before an evaluation, or asking for help (R31).");
    pss_text_check(errs, "district", in->district, 200, true,
                   "Write the member's school district.");
    pss_text_check(errs, "note", in->note, 4000, false, "");
    out->district = in->district ? in->district : "";
    out->note = in->note ? in->note : "";
    return errs->n == before;
}

enum pss_cost pss_cost_default(enum pss_reason reason)
{
    switch (reason) {
    case PSS_PLAN_OF_ASSISTANCE: return PSS_COST_DISTRICT;
    case PSS_SELF_REFERRAL: return PSS_COST_FEDERATION;
    default: return PSS_COST_UNDECIDED;
    }
}

bool pss_cost_check(const char *cost, const char *note, enum pss_cost *out, struct errors *errs)
{
    int before = errs->n;
    if (!cost || !*cost || !pss_cost_parse(cost, out))
        errors_add(errs, "cost", "Choose who pays: the district, the federation, or a shared "
                                 "cost (R32).");
    else if (*out == PSS_COST_SHARED && (!note || !*note))
        errors_add(errs, "cost_note", "A shared cost says the share each pays, as negotiated (R32).");
    if (errs->n == before)
        pss_text_check(errs, "cost_note", note, 2000, false, "");
    return errs->n == before;
}

const char pss_leave_notice[] =
    "The federation does not cover the cost of a leave of absence; the local arranges it "
    "with the district.";

static bool date_check(struct errors *errs, const char *field, const char *v, int64_t *day)
{
    if (v && clock_day_number(v, day))
        return true;
    errors_add(errs, field, "Write a date as YYYY-MM-DD, such as 2026-12-01.");
    return false;
}

bool pss_leave_check(const char *needed, const char *from, const char *to, const char *note,
                     struct pss_leave *out, struct errors *errs)
{
    int before = errs->n;
    *out = (struct pss_leave){.from = "", .to = "", .note = note ? note : ""};
    if (!needed || (strcmp(needed, "yes") && strcmp(needed, "no"))) {
        errors_add(errs, "leave_needed", "Say whether the member needs a leave of absence (R36).");
        return false;
    }
    out->needed = strcmp(needed, "yes") == 0;
    pss_text_check(errs, "leave_note", out->note, 2000, false, "");
    if (!out->needed)
        return errs->n == before;
    int64_t a = 0, b = 0;
    bool ok = date_check(errs, "leave_from", from, &a);
    ok = date_check(errs, "leave_to", to, &b) && ok;
    if (ok && b < a)
        errors_add(errs, "leave_to", "The leave ends on or after the day it starts.");
    out->from = from;
    out->to = to;
    return errs->n == before;
}

bool pss_agreement_check(const char *by, const char *note, struct errors *errs)
{
    int before = errs->n;
    pss_text_check(errs, "agreement_by", by, 200, true,
                   "Write who agreed for the district, with their title (R33).");
    pss_text_check(errs, "agreement_note", note, 2000, false, "");
    return errs->n == before;
}

bool pss_hold_check(const char *hold, const char *note, enum pss_hold *out, struct errors *errs)
{
    int before = errs->n;
    if (!hold || !pss_hold_parse(hold, out))
        errors_add(errs, "hold", "Choose a grievance, a regulatory case, or no hold (R35).");
    else if (*out != PSS_HOLD_NONE)
        pss_text_check(errs, "hold_note", note, 2000, true, "Say what the hold is about (R35).");
    return errs->n == before;
}

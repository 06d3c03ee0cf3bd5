#include "domain/inquiry.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "domain/people.h"
#include "domain/workflow.h"

struct key_label {
    const char *key, *label;
};

static const struct key_label interests[INTEREST_COUNT] = {
    [INTEREST_PA] = {"pa", "Peer Assistance (PA): coaching"},
    [INTEREST_PAR] = {"par", "Peer Assistance and Review (PAR): coaching and evaluation"},
    [INTEREST_CONSULTANCY] = {"consultancy", "A consultancy visit: informal observation, short-term coaching"},
    [INTEREST_QUESTION] = {"question", "A question"},
};
static const struct key_label contact_bys[CONTACT_COUNT] = {
    [CONTACT_EMAIL] = {"email", "By email"},
    [CONTACT_PHONE] = {"phone", "By phone"},
    [CONTACT_EITHER] = {"either", "Either"},
};
static const struct key_label confirmations[CONFIRMATION_COUNT] = {
    [CONFIRMATION_NOT_NEEDED] = {"not_needed", "Sent by the teacher"},
    [CONFIRMATION_AWAITING] = {"awaiting", "Awaiting the teacher's confirmation"},
    [CONFIRMATION_CONFIRMED] = {"confirmed", "Confirmed by the teacher"},
    [CONFIRMATION_DECLINED] = {"declined", "The teacher says they did not ask for it"},
};
static const struct key_label statuses[INQUIRY_STATUS_COUNT] = {
    [INQUIRY_NEW] = {"new", "New"},
    [INQUIRY_IN_PROGRESS] = {"in_progress", "In progress"},
    [INQUIRY_CLOSED] = {"closed", "Closed"},
};

const char inquiry_next_words[] =
    "What happens next: the program coordinator reads your message, and a Consulting Teacher "
    "or the coordinator gets in touch the way you asked, to answer your questions and, if you "
    "wish, to set up a first meeting. At that meeting you go through how PA and PAR work; if "
    "PAR is a good fit, you then read its agreement with a union representative before you "
    "sign anything.";

const char inquiry_your_choice_words[] =
    "Nothing happens in your name without you: taking part is your choice, and a request "
    "someone else sends in your name waits for your own word.";

static bool key_parse(const struct key_label *t, int n, const char *key, int *out)
{
    for (int i = 0; key && i < n; i++)
        if (strcmp(key, t[i].key) == 0) {
            *out = i;
            return true;
        }
    return false;
}

#define KEY_FUNCS(prefix, type, table, count)                                              \
    const char *prefix##_key(type v) { return v < count ? table[v].key : ""; }            \
    const char *prefix##_label(type v) { return v < count ? table[v].label : ""; }        \
    bool prefix##_parse(const char *key, type *out)                                        \
    {                                                                                      \
        int i;                                                                             \
        if (!key_parse(table, count, key, &i))                                             \
            return false;                                                                  \
        *out = (type)i;                                                                    \
        return true;                                                                       \
    }
KEY_FUNCS(interest, enum interest, interests, INTEREST_COUNT)
KEY_FUNCS(contact_by, enum contact_by, contact_bys, CONTACT_COUNT)
KEY_FUNCS(inquiry_status, enum inquiry_status, statuses, INQUIRY_STATUS_COUNT)
KEY_FUNCS(teacher_confirmation, enum teacher_confirmation, confirmations, CONFIRMATION_COUNT)

bool inquiry_is_teachers_own(enum teacher_confirmation c)
{
    return c == CONFIRMATION_NOT_NEEDED || c == CONFIRMATION_CONFIRMED;
}

void inquiry_open_facts(enum inquiry_status status, bool has_case, enum teacher_confirmation c,
                        struct case_facts *f)
{
    f->state = CASE_NONE;
    f->inquiry_open = status != INQUIRY_CLOSED && !has_case;
    f->inquiry_confirmed = inquiry_is_teachers_own(c);
}

/* Text of at most max characters; one line unless multiline. */
static bool text_ok(const char *v, size_t max, bool multiline)
{
    if (!utf8_valid(v, strlen(v)) || utf8_length(v) > max)
        return false;
    return multiline || !strpbrk(v, "\r\n\t");
}

static void check_name(const char *v, struct inquiry_fields *out, struct errors *errs)
{
    if (!v || !*v)
        errors_add(errs, "name", "Enter your name, so we know whom to answer.");
    else if (!text_ok(v, 200, false))
        errors_add(errs, "name", "Keep your name to one line of at most 200 characters.");
    else
        out->name = v;
}

/* A school from the list, or "other" with its name in the visitor's words. */
static void check_school(const struct inquiry_input *in, struct inquiry_fields *out,
                         struct errors *errs)
{
    out->school_other = "";
    if (in->school_id && strcmp(in->school_id, SCHOOL_OTHER) == 0) {
        const char *other = in->school_other ? in->school_other : "";
        if (!text_ok(other, 200, false))
            errors_add(errs, "school_other", "Keep the school's name to one line of at most 200 characters.");
        else
            out->school_other = other;
    } else if (!(out->school_id = parse_id(in->school_id))) {
        errors_add(errs, "school_id", "Choose your school, or \"My school is not listed\".");
    }
}

/* Digits with the usual separators; 7 to 15 digits (E.164's longest). */
static bool phone_ok(const char *v)
{
    int digits = 0;
    for (const char *p = v; *p; p++) {
        if (isdigit((unsigned char)*p))
            digits++;
        else if (!strchr(" +-().", *p))
            return false;
    }
    return digits >= 7 && digits <= 15;
}

static void check_contact(const struct inquiry_input *in, struct inquiry_fields *out,
                          struct errors *errs)
{
    const char *phone = in->phone ? in->phone : "";
    bool by_phone = false;
    if (!contact_by_parse(in->contact_by, &out->contact_by))
        errors_add(errs, "contact_by", "Choose how you would like us to reach you.");
    else
        by_phone = out->contact_by != CONTACT_EMAIL;
    if (!*phone && by_phone)
        errors_add(errs, "phone", "Enter a phone number, since you asked us to call.");
    else if (*phone && !phone_ok(phone))
        errors_add(errs, "phone", "Enter a phone number of 7 to 15 digits, such as 617-555-0142.");
    else
        out->phone = phone;
}

bool inquiry_check(const struct inquiry_input *in, struct inquiry_fields *out, struct errors *errs)
{
    int before = errs->n;
    memset(out, 0, sizeof *out);
    check_name(in->name, out, errs);
    email_check_yours(in->email, out->email, errs);
    check_school(in, out, errs);
    check_contact(in, out, errs);
    bool interest = interest_parse(in->interest, &out->interest);
    if (!interest)
        errors_add(errs, "interest", "Choose what you are interested in.");
    const char *message = in->message ? in->message : "";
    if (!text_ok(message, 4000, true))
        errors_add(errs, "message", "Keep your message to at most 4,000 characters.");
    else if (!*message && interest && out->interest == INTEREST_QUESTION)
        errors_add(errs, "message", "Write your question in the message.");
    else
        out->message = message;
    return errs->n == before;
}

bool inquiry_status_check(const char *status, const char *reason, enum inquiry_status *out,
                          struct errors *errs)
{
    int before = errs->n;
    reason = reason ? reason : "";
    if (!inquiry_status_parse(status, out))
        errors_add(errs, "status", "Choose new, in progress or closed.");
    else if (*out == INQUIRY_CLOSED && !*reason)
        errors_add(errs, "close_reason", "Say why the inquiry is closed, such as \"enrolled in PA\".");
    else if (*out != INQUIRY_CLOSED && *reason)
        errors_add(errs, "close_reason", "Only a closed inquiry has a reason; leave it empty.");
    else if (!text_ok(reason, 200, false))
        errors_add(errs, "close_reason", "Keep the reason to one line of at most 200 characters.");
    return errs->n == before;
}

void inquiry_reference(char *out, size_t n, int year, int64_t seq)
{
    snprintf(out, n, "INQ-%04d-%04lld", year, (long long)seq);
}

void inquiry_age(char *out, size_t n, int64_t seconds)
{
    int64_t days = seconds > 0 ? seconds / 86400 : 0;
    if (days == 0)
        snprintf(out, n, "today");
    else
        snprintf(out, n, "%lld day%s", (long long)days, days == 1 ? "" : "s");
}

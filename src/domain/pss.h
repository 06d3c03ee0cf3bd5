/* pss.h: the federation's confidential Peer Support Service (R31-R36),
 * its words and the checks of what is typed, pure: who asked and why
 * (R31), who pays (R32), who agreed for the district (R33), a hold (R35),
 * the leave of absence the federation does not pay for (R36). The case's
 * steps and their guards (no work before the district's agreement, no
 * release without the three consents given first nor while a hold stands)
 * are its process table's: pss_process.h. No I/O. */
#ifndef PARLEY_PSS_H
#define PARLEY_PSS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/errors.h"

enum pss_referral { PSS_REF_SELF, PSS_REF_PRESIDENT, PSS_REFERRAL_COUNT };
enum pss_reason {
    PSS_PLAN_OF_ASSISTANCE,
    PSS_CONCERNS_BEFORE_EVALUATION,
    PSS_SELF_REFERRAL,
    PSS_REASON_COUNT
};
/* PSS_COST_UNDECIDED: concerns before an evaluation, until the
 * coordinator decides (R32). */
enum pss_cost { PSS_COST_UNDECIDED, PSS_COST_DISTRICT, PSS_COST_FEDERATION, PSS_COST_SHARED, PSS_COST_COUNT };
enum pss_status { PSS_REQUESTED, PSS_AGREED, PSS_ACTIVE, PSS_CLOSED, PSS_STATUS_COUNT };
enum pss_hold { PSS_HOLD_NONE, PSS_HOLD_GRIEVANCE, PSS_HOLD_REGULATORY, PSS_HOLD_COUNT };
enum pss_log_kind { PSS_LOG_VISIT, PSS_LOG_MEETING, PSS_LOG_PHONE, PSS_LOG_PLANNING, PSS_LOG_COUNT };
enum pss_release_status { PSS_RELEASE_PROPOSED, PSS_RELEASE_RELEASED, PSS_RELEASE_STATUS_COUNT };
/* The three who consent to a release (R34). */
enum pss_party { PSS_PARTY_MEMBER, PSS_PARTY_PRESIDENT, PSS_PARTY_CONSULTANT, PSS_PARTY_COUNT };

/* Each word's stored key ("plan_of_assistance", "" for none) and its
 * label in plain words; parse is false for a key that is not one. */
#define PSS_WORDS(prefix, type)                                                            \
    const char *prefix##_key(type v);                                                      \
    const char *prefix##_label(type v);                                                    \
    bool prefix##_parse(const char *key, type *out);
PSS_WORDS(pss_referral, enum pss_referral)
PSS_WORDS(pss_reason, enum pss_reason)
PSS_WORDS(pss_cost, enum pss_cost)
PSS_WORDS(pss_status, enum pss_status)
PSS_WORDS(pss_hold, enum pss_hold)
PSS_WORDS(pss_log_kind, enum pss_log_kind)
PSS_WORDS(pss_release_status, enum pss_release_status)
PSS_WORDS(pss_party, enum pss_party)
#undef PSS_WORDS

/* R31: a request as typed: referral "self" | "president", the reason, the
 * member's school district in words and a note. */
struct pss_request_input {
    const char *referral, *reason, *district, *note;
};
struct pss_request {
    enum pss_referral referral;
    enum pss_reason reason;
    const char *district, *note;
};
/* A text the service records: at most max characters of UTF-8; empty is
 * refused with the words what when required, else allowed. */
bool pss_text_check(struct errors *errs, const char *field, const char *v, size_t max,
                    bool required, const char *what);
bool pss_request_check(const struct pss_request_input *in, struct pss_request *out,
                       struct errors *errs);

/* R32: who pays by default: the district for a plan of assistance, the
 * federation for a self-referral; concerns before an evaluation are the
 * coordinator's to decide (PSS_COST_UNDECIDED). */
enum pss_cost pss_cost_default(enum pss_reason reason);
/* R32: the coordinator's choice; "shared" needs the negotiated share in
 * words (the note). Errors on "cost" and "cost_note". */
bool pss_cost_check(const char *cost, const char *note, enum pss_cost *out, struct errors *errs);

/* R36: leave of absence, "yes"/"no"; with leave, both dates ("YYYY-MM-DD",
 * from not after to). Errors on "leave_needed", "leave_from", "leave_to". */
struct pss_leave {
    bool needed;
    const char *from, *to, *note;
};
bool pss_leave_check(const char *needed, const char *from, const char *to, const char *note,
                     struct pss_leave *out, struct errors *errs);
/* R36 in words, shown wherever leave is: the federation does not pay it. */
extern const char pss_leave_notice[];

/* R33: the district's agreement needs who signed it for the district
 * (errors on "agreement_by"); the note is optional. */
bool pss_agreement_check(const char *by, const char *note, struct errors *errs);
/* R35: a hold as the coordinator sets it ("" clears it); a hold says why
 * (errors on "hold", "hold_note"). */
bool pss_hold_check(const char *hold, const char *note, enum pss_hold *out, struct errors *errs);

/* A release's consents (R34): when each was given, 0 for not yet. */
struct pss_consents {
    int64_t at[PSS_PARTY_COUNT];
};

#endif

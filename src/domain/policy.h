/* policy.h: the one table that says who may do what to which kind of record.
 * Every handler asks it; the permissions page and the permission tests are
 * generated from it. A rule names a role, or a relationship between the
 * person asking and the record ("self": the record is their own). */
#ifndef PARLEY_POLICY_H
#define PARLEY_POLICY_H
#include <stdbool.h>

#include "domain/role.h"

enum action {
    ACT_PUBLIC = 0,          /* no sign-in needed (routes only) */
    ACT_VIEW,
    ACT_LIST,
    ACT_CREATE,
    ACT_EDIT,
    ACT_DELETE,
    ACT_VIEW_HISTORY,        /* the audit entries about a record */
    ACT_ASSIGN,              /* give a record to someone to handle */
    ACT_APPROVE,             /* approve what someone proposed (goals, R19) */
    ACT_RESPOND,             /* add one's own reflection or response to it */
    ACT_SIGN,                /* sign it: receipt, not agreement (R20) */
    ACT_UNLOCK,              /* ask for, or consent to, reopening what was locked */
    ACT_COUNT
};

enum record_kind {
    KIND_NONE = 0,
    KIND_ACCOUNT,            /* one's own dashboard, password, sessions */
    KIND_PERSON,
    KIND_SCHOOL,
    KIND_ROLE,
    KIND_AUDIT,              /* the whole audit log */
    KIND_SETTINGS,           /* the program's settings (RULES.md defaults) */
    KIND_CASE,               /* a teacher's case: enrolment and cycle (workflow.h) */
    KIND_CONTENT,            /* the public site: pages, FAQ, news, resources */
    KIND_FEEDBACK,           /* visitors' comments ("tell us what you think") */
    KIND_INQUIRY,            /* the contact form's inquiries: the intake queue */
    KIND_RUBRIC,             /* the program's rubric: standards and indicators */
    KIND_GOAL_BANK,          /* goals the coordinator keeps to start from */
    KIND_SELF_ASSESSMENT,    /* a case's self-assessment, the teacher's own */
    KIND_GOAL,               /* a case's goals (R19) */
    KIND_OBSERVATION,        /* a case's observations, feedback and reflections */
    KIND_ARTIFACT,           /* a case's uploaded documents (R15) */
    KIND_COACHING,           /* a case's coaching log (R16) */
    KIND_MEETING,            /* a case's parley meetings (R17) */
    KIND_EVALUATION,         /* a case's formative and summative evaluations (R15, R20, R23, R26) */
    KIND_RECOMMENDATION,     /* the CT's rating recommendation to the Panel (R21, R22) */
    KIND_PANEL_SUBMISSION,   /* what the teacher or administrator sends the Panel (R22) */
    KIND_PANEL_SESSION,      /* the Panel's sessions, docket, attendance and roster (R24, R29) */
    KIND_PANEL_NOTE,         /* the Panel's deliberation notes on a case: the Panel's only */
    KIND_RECUSAL,            /* a Panel member's recusal from a case (R24) */
    KIND_PANEL_VOTE,         /* a Panel member's vote on a case (R24, R29) */
    KIND_DECISION,           /* the Panel's decision and the Superintendent's approval (R24, R25) */
    KIND_CT_TERM,            /* a Consulting Teacher's term and restriction dates (R27) */
    KIND_CT_REVIEW,          /* the Panel's yearly review of a Consulting Teacher (R28) */
    KIND_PSS_CASE,           /* a Peer Support Service case: request, costs, agreement, hold (R31-R36) */
    KIND_PSS_REPORT,         /* a consultant's work log, reports and their releases (R34, R35) */
    KIND_OUTCOME,            /* a closed case's outcome (R39) */
    KIND_SURVEY,             /* the end-of-cycle survey: answering it, and its results (R39) */
    KIND_PROGRAM_REPORT,     /* the program's reports: outcomes, surveys, the work (R39) */
    KIND_API_TOKEN,          /* a person's API tokens (issue 15) */
    KIND_MAIL,               /* the program's outgoing mail: the outbox (issue 16) */
    KIND_PASSWORD_LINK,      /* a one-time link to set a person's password, by e-mail (issue 16) */
    KIND_ROSTER,             /* the district's roster brought in: schools and people (issue 17) */
    KIND_FINAL_RATING,       /* the final ratings, sent back to the district (R25, issue 17) */
    KIND_COUNT
};

enum who {
    WHO_SIGNED_IN = ROLE_COUNT,   /* anyone with an account */
    WHO_SELF,                     /* relationship: the record is theirs */
    WHO_ANYONE,                   /* visitors too: the public site */
    WHO_ASSIGNED,                 /* relationship: the record is assigned to them */
    WHO_CASE_TEACHER,             /* relationship: the case's participating teacher */
    WHO_CASE_CT,                  /* relationship: the case's Consulting Teacher */
    WHO_CASE_ADMINISTRATOR,       /* relationship: an administrator of the teacher's school */
    WHO_CASE_UNION_REP,           /* relationship: the case's union representative */
    WHO_CASE_EVALUATOR,           /* relationship: the administrator of the teacher's
                                     school on a PAR case, its secondary evaluator (R14);
                                     never on a PA case (R16) */
    WHO_CASE_PRIMARY_EVALUATOR,   /* relationship: the case's Consulting Teacher on a
                                     PAR case, its primary evaluator (R14, R15) */
    WHO_CASE_PANEL,               /* relationship: a Panel member whose term is running
                                     (R29), on a PAR case whose recommendation has gone
                                     to the Panel (R21), unless they recused (R24); on a
                                     session's docket, whose term covers its date */
    WHO_CASE_APPROVER,            /* relationship: the Superintendent, on a case the
                                     Panel has decided (R25) */
    WHO_PSS_MEMBER,               /* relationship: the member a Peer Support case is for */
    WHO_PSS_PRESIDENT,            /* relationship: the Peer Support case's local president */
    WHO_PSS_CONSULTANT,           /* relationship: the Peer Support case's consultant */
    WHO_PANEL_SITTING,            /* relationship: the asker holds the Panel's role and
                                     their term is running (R29); before the record is
                                     known, only the role's holders may have it */
};
/* A relationship's bit in policy_record.relations. */
#define POLICY_REL(who) (1u << ((who) - WHO_CASE_TEACHER))
#define POLICY_IS_CASE_REL(who) ((who) >= WHO_CASE_TEACHER && (who) <= WHO_PANEL_SITTING)

struct policy_rule {
    int who;                 /* an enum role, or an enum who */
    enum action action;
    enum record_kind kind;
    const char *why;         /* plain words, for the permissions page */
};

enum policy_answer {
    POLICY_ALLOW,
    POLICY_FORBIDDEN,        /* 403: they may know it exists */
    POLICY_HIDDEN,           /* 404: even its existence is private */
    POLICY_NEEDS_RECORD,     /* route level: a relationship rule may allow it */
};

/* What is known of the record when deciding. */
struct policy_record {
    bool known;              /* false: deciding for a route, no record yet */
    bool self;               /* the record is the asker's own */
    bool assigned;           /* the record is assigned to the asker to handle */
    unsigned relations;      /* POLICY_REL(WHO_CASE_...) bits that hold */
};

extern const struct policy_rule policy_rules[];
extern const int policy_rule_count;

/* The decision. roles: the asker's roles; signed_in false for visitors. */
enum policy_answer policy_decide(bool signed_in, role_set roles, enum action act,
                                 enum record_kind kind, const struct policy_record *rec);
/* What a denial looks like for this kind: 404 where existence is private. */
bool policy_kind_private(enum record_kind kind);
/* A kind that is a part of a case: goals, observations... (R14-R19). */
bool policy_kind_casework(enum record_kind kind);
/* A case part's key on the case's timeline and in the audit log ("goal",
 * "observation"...), and back (KIND_NONE for none). */
const char *policy_part_key(enum record_kind kind);
enum record_kind policy_part_kind(const char *key);

const char *policy_action_label(enum action act);   /* "see", "change"... */
const char *policy_kind_label(enum record_kind kind);
const char *policy_who_label(int who);
/* The sentence shown when a person is refused. */
const char *policy_refusal(enum action act, enum record_kind kind);

#endif

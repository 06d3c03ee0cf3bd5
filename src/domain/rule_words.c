/* rule_words.c: the rules' words, one row per rule of RULES.md. A rule's
 * title and explanation are written for the teacher it stops; its source
 * names the program document (seeds/000-004) or regulation it comes from. */
#include "domain/rule_words.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define ESP "Boston's Educator Supports Program site"
#define ESP_FAQ "Boston's Educator Supports Program site and its PAR questions and answers"
#define PAR_FAQ "Boston's PAR questions and answers"
#define PSS "The BCTF Peer Support Service's description"
#define MISSION "The program's mission, fair, transparent and humane (its brochure)"
#define CMR "Massachusetts educator-evaluation regulations (603 CMR 35)"

#define JOIN "Who may join"
#define ENROL "Enrolment"
#define CYCLE "During the cycle"
#define END "End of the cycle (PAR)"
#define PEOPLE "People"
#define PEER "Peer support service (confidential, non-evaluative)"
#define OPEN "Transparency"

const struct rule_words rule_words[] = {
    {1, JOIN, "Years of experience",
     "Teachers in their first or second year in the district are not eligible; from the third "
     "year on they are (the program sets the number of years).",
     ESP},
    {2, JOIN, "On a growth or improvement plan",
     "PA and PAR are for teachers on a Directed Growth, Improvement or Developing Educator plan.",
     ESP},
    {3, JOIN, "Self-Directed plan: coaching instead",
     "A teacher on a Self-Directed plan cannot join PAR, but may ask for coaching through a "
     "consultancy visit.",
     ESP},
    {4, JOIN, "Plan long enough for PAR",
     "PAR needs an evaluation plan of at least six months, so there is time for real support; "
     "a shorter plan can join PA, which has no length requirement.",
     ESP_FAQ},
    {5, JOIN, "Union member, full time",
     "The teacher must be a full-time employee and a member of the union; SPC teachers, nurses "
     "and other non-classroom staff are eligible like everyone else.",
     ESP_FAQ},
    {6, JOIN, "Consultancy visits for everyone",
     "A teacher who is already Proficient, or not eligible, may still ask for a consultancy "
     "visit: an informal observation and short-term coaching.",
     ESP_FAQ},
    {7, JOIN, "One program at a time",
     "A teacher cannot be in PA and PAR at the same time: finish or withdraw one case before "
     "starting another.",
     PAR_FAQ},
    {8, JOIN, "Taking part is the teacher's choice",
     "Only the teacher can start an enrolment. An administrator may share information but "
     "cannot enrol a teacher or stop an eligible one; a request sent in a teacher's name waits "
     "until the teacher confirms it.",
     ESP_FAQ},
    {9, JOIN, "Every answer explained",
     "The eligibility check says, in plain words, which criteria were met and which were not, "
     "and what the teacher can do instead (PA or a consultancy visit).",
     "The program's own rules (Parley)"},
    {10, ENROL, "Contact form, then a first meeting",
     "Enrolment starts with the public contact form, which needs no account, followed by a "
     "first meeting with a Consulting Teacher.",
     ESP_FAQ},
    {11, ENROL, "PAR Agreement signed first",
     "For PAR the teacher reviews the PAR Agreement with a union representative; only once it "
     "is signed does the teacher join the PAR caseload.",
     ESP_FAQ},
    {12, ENROL, "The administrator sets the timeline",
     "The teacher's administrator sets the starting timeline of the evaluation cycle, and it "
     "cannot start in the past.",
     ESP},
    {13, ENROL, "Cycle length",
     "An evaluation cycle lasts from six months to one year (the program sets the limits).", ESP},
    {14, CYCLE, "Who evaluates in PAR",
     "In PAR the Consulting Teacher is the primary evaluator and the teacher's principal or "
     "administrator is the secondary evaluator.",
     ESP},
    {15, CYCLE, "Only the primary evaluator writes evaluations",
     "A secondary evaluator may add observations and artifacts, but only the primary evaluator "
     "creates a formative or summative evaluation.",
     ESP_FAQ},
    {16, CYCLE, "PA coaching stays private",
     "In PA the Consulting Teacher is a coach, not an evaluator: PA coaching records are never "
     "shown to evaluators and nothing from PA is used in an evaluation.",
     ESP " and " PSS},
    {17, CYCLE, "Three parley meetings",
     "A PAR cycle has at least three meetings of the teacher, the Consulting Teacher and the "
     "administrator, usually at the start, middle and end; a meeting counts only when all three "
     "took part, and the cycle cannot close with fewer than three.",
     ESP_FAQ},
    {18, CYCLE, "Observing together",
     "Ideally the Consulting Teacher and the administrator observe a lesson together at least "
     "once; a cycle without a joint observation is flagged.",
     ESP},
    {19, CYCLE, "Coach, observe, reflect, assess",
     "The cycle is a loop of coaching, observing, reflecting and assessing: at least one "
     "professional-practice goal and one student-learning goal, observations, evidence tied to "
     "the rubric, and coaching logs.",
     ESP " and " CMR},
    {20, CYCLE, "Signing means received, not agreed",
     "Signing a document says you received it, not that you agree with it; you may attach a "
     "written response.",
     CMR},
    {21, END, "The Consulting Teacher recommends a rating",
     "At the end of the cycle the Consulting Teacher recommends a rating to the Panel.", ESP},
    {22, END, "See the recommendation before the Panel",
     "The teacher and the administrator see the recommendation before the Panel meets and may "
     "send it other evidence, in writing or by asking to appear; the Panel votes only after that "
     "preview time has passed.",
     ESP_FAQ},
    {23, END, "The administrator previews the evaluation",
     "The administrator may read and respond to the draft summative evaluation before the Panel "
     "approves it.",
     ESP},
    {24, END, "The Panel votes",
     "The Panel deliberates and votes on a final rating recommendation by the program's voting "
     "rule and quorum; a member with a conflict of interest steps aside and does not vote.",
     ESP " and Toledo's PAR plan"},
    {25, END, "The Superintendent approves",
     "The Panel's rating goes to the Superintendent for final approval; only then is it final, "
     "and only final ratings count in outcomes and published figures.",
     ESP},
    {26, END, "Ratings",
     "Each standard and the whole are rated Exemplary, Proficient, Needs Improvement or "
     "Unsatisfactory; Proficient overall needs Proficient or better on standards I and II.",
     CMR},
    {27, PEOPLE, "Consulting Teachers' commitment",
     "Consulting Teachers are union members who commit to at least two years, and may not take a "
     "principal or assistant-principal job in the district for a year after.",
     ESP},
    {28, PEOPLE, "The Panel oversees Consulting Teachers",
     "The Panel hires, supervises and evaluates the Consulting Teachers.", ESP},
    {29, PEOPLE, "Panel members and their terms",
     "Teacher members of the Panel are appointed by the union president, principal members by "
     "the Superintendent's office, for terms of up to four years; a member whose term has ended "
     "cannot vote.",
     ESP_FAQ},
    {30, PEOPLE, "Caseload limits",
     "A Consulting Teacher's caseload is weighted, a PAR teacher counting more than a PA "
     "teacher, and kept under the program's cap.",
     "Harvard's guide to PAR"},
    {31, PEER, "Asking for peer support",
     "A member asks for peer support themselves or through their local president, because of a "
     "plan of assistance, concerns raised before an evaluation, or their own wish.",
     PSS},
    {32, PEER, "Who pays",
     "The district pays for a member on a plan of assistance and the federation for a member "
     "who asked on their own; any cost sharing is agreed case by case and recorded.",
     PSS},
    {33, PEER, "The district's promise first",
     "Before any work starts, the district must agree not to use anything from the service in "
     "an evaluation or in discipline.",
     PSS},
    {34, PEER, "No report without all three agreeing",
     "A consultant reports to nobody unless the member, the local president and the consultant "
     "have all agreed to it beforehand.",
     PSS},
    {35, PEER, "A grievance puts everything on hold",
     "If a case becomes a grievance or a regulatory case, nothing from the consultant is asked "
     "for or given out while the hold lasts.",
     PSS},
    {36, PEER, "Leave of absence",
     "A member's leave of absence is recorded where needed; the federation does not cover its "
     "cost.",
     PSS},
    {37, OPEN, "You see your whole case",
     "A teacher sees everything in their own case: every document, every deadline, and who has "
     "viewed or changed their record.",
     MISSION},
    {38, OPEN, "Every change is on the record",
     "Every change, and every look at a confidential record, goes into a history that nobody "
     "can edit or erase unnoticed.",
     MISSION},
    {39, OPEN, "Measuring success fairly",
     "The program measures how many teachers reach Proficient, how many stay on the job, and "
     "whether the process felt fair; survey answers are published only for groups large enough "
     "that nobody can be recognised.",
     PAR_FAQ},
};
const int rule_words_count = sizeof rule_words / sizeof rule_words[0];

const struct rule_words *rule_words_find(int number)
{
    for (int i = 0; i < rule_words_count; i++)
        if (rule_words[i].number == number)
            return &rule_words[i];
    return NULL;
}

#define EN_DASH "\xe2\x80\x93"

/* The length of a rule number at s ("R17"), or 0. */
static size_t number_at(const char *s)
{
    size_t n = 1;
    while (s[0] == 'R' && s[n] >= '0' && s[n] <= '9' && n < 3)
        n++;
    return s[0] == 'R' && n > 1 && !isalnum((unsigned char)s[n]) ? n : 0;
}

/* The length of what joins two rule numbers at s (", ", "-", "–"), or 0. */
static size_t separator_at(const char *s)
{
    if (s[0] == ',' && s[1] == ' ')
        return 2;
    if (s[0] == '-')
        return 1;
    return strncmp(s, EN_DASH, 3) == 0 ? 3 : 0;
}

/* The length of a run of rule numbers at s ("R17", "R14, R19", "R1-R6",
 * "R1–R6"), or 0. */
static size_t numbers_at(const char *s)
{
    size_t n = number_at(s);
    while (n) {
        size_t sep = separator_at(s + n);
        size_t next = sep ? number_at(s + n + sep) : 0;
        if (!next)
            break;
        n += sep + next;
    }
    return n;
}

/* Whether what b holds so far ends a sentence (or nothing is there yet). */
static bool sentence_ended(const buf *b)
{
    size_t n = b->len;
    while (n && b->s[n - 1] == ' ')
        n--;
    return n == 0 || strchr(".!?", b->s[n - 1]);
}

/* Takes one run of numbers out of the text being written when it is written
 * as a rule's reference: "(R24)" goes with the space before it, "R15: " and
 * "..., R34)" go, "(R27: at least" keeps its bracket. Returns how much of s
 * was used, 0 for any other text ("room R12" stays as it is). */
static size_t unnumber(buf *b, const char *s, size_t run, bool *capital)
{
    bool opened = b->len && b->s[b->len - 1] == '(';
    if (opened && s[run] == ')') {
        b->len--;
        while (b->len && b->s[b->len - 1] == ' ')
            b->len--;
        return run + 1;
    }
    if (s[run] == ':' && s[run + 1] == ' ') {
        *capital = !opened && sentence_ended(b);
        return run + 2;
    }
    if (s[run] == ')' && b->len >= 2 && b->s[b->len - 2] == ',' && b->s[b->len - 1] == ' ') {
        b->len -= 2;
        return run;
    }
    return 0;
}

const char *rule_words_unnumbered(buf *b, const char *text)
{
    const char *first = NULL;
    bool capital = false;
    for (const char *s = text; *s;) {
        size_t run = (s == text || !isalnum((unsigned char)s[-1])) ? numbers_at(s) : 0;
        size_t used = run ? unnumber(b, s, run, &capital) : 0;
        if (used) {
            first = first ? first : s;
            s += used;
            continue;
        }
        buf_putc(b, capital ? (char)toupper((unsigned char)*s) : *s);
        capital = false;
        s++;
    }
    buf_append(b, "", 0); /* ends the text after what was taken back */
    return first;
}

int rule_words_list(const char *rule, const struct rule_words **out, int max, bool *range)
{
    int n = 0;
    *range = false;
    for (const char *s = rule; s && s[0] == 'R' && n < max;) {
        char *end;
        long number = strtol(s + 1, &end, 10);
        const struct rule_words *w = end == s + 1 ? NULL : rule_words_find((int)number);
        if (!w)
            break;
        out[n++] = w;
        if (*end == '-' || strncmp(end, EN_DASH, 3) == 0) {
            *range = true;
            break;
        }
        if (*end != ',')
            break;
        for (s = end + 1; *s == ' ';)
            s++;
    }
    return n;
}

const struct rule_words *rule_words_of(const char *rule, int *several)
{
    const struct rule_words *first[2];
    bool range;
    int n = rule_words_list(rule, first, 2, &range);
    if (several)
        *several = range || n > 1;
    return n ? first[0] : NULL;
}

void rule_words_markdown(buf *b)
{
    buf_puts(b, "# The program's rules in plain words\n\nGenerated by `parley rules` from the "
                "one table in `src/domain/rule_words.c`; the help page /help/rules is made from "
                "the same table. Do not edit by hand.\n");
    const char *section = NULL;
    for (int i = 0; i < rule_words_count; i++) {
        const struct rule_words *w = &rule_words[i];
        if (!section || strcmp(section, w->section) != 0)
            buf_printf(b, "\n## %s\n", w->section);
        section = w->section;
        buf_printf(b, "\n### R%d: %s\n\n%s\n\nSource: %s.\n", w->number, w->title, w->explanation,
                   w->source);
    }
}

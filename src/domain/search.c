#include "domain/search.h"

#include <string.h>

/* A letter or a digit: ASCII's, and any byte of a character beyond ASCII
 * (UTF-8's bytes of those are all >= 0x80), as FTS5's unicode61 and
 * PostgreSQL's parser read names. */
static bool word_byte(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* The UTF-8 characters in the term (a continuation byte starts none). */
static int chars_in(const char *term)
{
    int n = 0;
    for (const unsigned char *p = (const unsigned char *)term; *p; p++)
        n += (*p & 0xc0) != 0x80;
    return n;
}

/* Splits typed into out's terms; false when there are more than fit. */
static bool split_terms(const char *typed, struct search_query *out)
{
    size_t w = 0;
    for (const char *p = typed; *p;) {
        if (!word_byte((unsigned char)*p)) {
            p++;
            continue;
        }
        if (out->n == SEARCH_MAX_TERMS)
            return false;
        out->terms[out->n++] = out->words + w;
        while (word_byte((unsigned char)*p))
            out->words[w++] = lower(*p++);
        out->words[w++] = '\0';
    }
    return true;
}

bool search_query_read(const char *typed, struct search_query *out, const char **problem)
{
    memset(out, 0, sizeof *out);
    typed = typed ? typed : "";
    if (strlen(typed) > SEARCH_MAX_BYTES) {
        *problem = "Type at most 200 characters.";
        return false;
    }
    if (!split_terms(typed, out)) {
        *problem = "Type at most 8 words: a name, an email address, a school or a reference.";
        return false;
    }
    int longest = 0;
    for (int i = 0; i < out->n; i++)
        if (chars_in(out->terms[i]) > longest)
            longest = chars_in(out->terms[i]);
    if (out->n == 0)
        *problem = "Type what to look for: part of a name, an email address, a school or a "
                   "reference (letters or digits).";
    else if (longest < SEARCH_MIN_CHARS)
        *problem = "Type at least 2 letters or digits of the name, email address, school or "
                   "reference: one letter alone finds too much.";
    return out->n > 0 && longest >= SEARCH_MIN_CHARS;
}

const char *search_kind_label(enum search_kind k)
{
    static const char *const labels[SEARCH_KINDS] = {
        [SEARCH_PEOPLE] = "People",
        [SEARCH_CASES] = "Cases",
        [SEARCH_INQUIRIES] = "Inquiries",
        [SEARCH_PSS_CASES] = "Peer support cases",
    };
    return k < SEARCH_KINDS ? labels[k] : "";
}

/* Which fields find each kind, and the words saying so. R31-R36: a peer
 * support case is found by its member's name only: their school, email
 * and employee id are the district's, and nothing of the district reaches
 * the federation's people through the service. */
static const char *const whys[SEARCH_KINDS][SEARCH_FIELDS] = {
    [SEARCH_PEOPLE] = {"name matches", "email address matches", "school matches",
                       "employee id matches"},
    [SEARCH_CASES] = {"the teacher's name matches", "the teacher's email address matches",
                      "the teacher's school matches", "the teacher's employee id matches"},
    [SEARCH_INQUIRIES] = {"name matches", "email address matches", "school matches",
                          "reference matches"},
    [SEARCH_PSS_CASES] = {"the member's name matches", NULL, NULL, NULL},
};

const char *search_why(enum search_kind k, enum search_field f)
{
    return k < SEARCH_KINDS && f < SEARCH_FIELDS ? whys[k][f] : NULL;
}

/* Whether the word at text starts with term. */
static bool word_starts_with(const char *text, const char *term)
{
    for (; *term; term++, text++)
        if (lower(*text) != *term)
            return false;
    return true;
}

bool search_text_matches(const struct search_query *q, const char *text)
{
    for (const char *p = text; *p; p++) {
        if (!word_byte((unsigned char)*p) || (p > text && word_byte((unsigned char)p[-1])))
            continue;
        for (int i = 0; i < q->n; i++)
            if (word_starts_with(p, q->terms[i]))
                return true;
    }
    return false;
}

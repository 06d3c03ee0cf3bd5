/* evaluations.h (web): what the pages of a case's evaluations, their
 * printable page, their PDF and their API share (R15, R20, R23, R26). */
#ifndef PARLEY_WEB_EVALUATIONS_H
#define PARLEY_WEB_EVALUATIONS_H

#include "app/evaluation.h"
#include "web/web.h"

/* /cases/{id}/evaluations, .../{item}, .../{item}{rest}. */
const char *evaluation_url(req *r, int64_t case_id, int64_t id, const char *rest);
/* The document as it reads on screen and on paper: its state and dates,
 * the ratings, the narrative, the administrator's response, the teacher's
 * signature and response, the evidence by standard. */
void evaluation_document(req *r, const struct case_record *k, const struct evaluation *e);
/* The evaluation of the request's {id} and {item}, opened for a view
 * (audited); false when refused, the answer given. */
bool evaluation_viewed(req *r, struct case_record *k, struct evaluation *e);
/* The draft's form: summary, overall rating, each standard's rating and
 * comment (fields rating_<code>, comment_<code>), keeping what was typed. */
void evaluation_draft_form(req *r, const struct case_record *k, const struct evaluation *e,
                           const struct errors *errs);
/* The draft's fields read back from the form (over e's standards). */
struct evaluation_input evaluation_input_from_form(req *r, const struct evaluation *e);
/* Text with its line breaks, as paragraphs. */
void evaluation_text(req *r, const char *text);
/* The sentence the signature carries (R20). */
extern const char evaluation_receipt_words[];

#endif

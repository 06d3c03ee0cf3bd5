/* evaluation_pdf.c: an evaluation as a PDF (out/pdf.h): the case and its
 * people, the ratings, the narrative, the administrator's response (R23),
 * the teacher's signature and response (R20) and, once made, the Panel's
 * decision (R24) and the Superintendent's approval (R25). The download is
 * audited (R37, R38). */
#include <inttypes.h>
#include <string.h>

#include "base/clock.h"
#include "out/pdf.h"
#include "web/download.h"
#include "web/evaluations.h"
#include "web/handlers.h"

static const char *when(req *r, int64_t at)
{
    return at ? arena_printf(r->a, "%s (%s)", clock_date(r->a, at), clock_format(r->a, at)) : "—";
}

static void pdf_people(req *r, pdf *p, const struct case_record *k, const struct evaluation *e,
                       const struct evaluation_outcome *o)
{
    pdf_field(p, "Case", arena_printf(r->a, "%" PRId64 " (PAR)", k->id));
    pdf_field(p, "Teacher", k->teacher_name);
    pdf_field(p, "School", k->school_name);
    pdf_field(p, "Primary evaluator (Consulting Teacher)", k->ct_name);
    pdf_field(p, "Administrator", o->administrators);
    pdf_field(p, "Cycle", *k->cycle_start ? arena_printf(r->a, "%s to %s", k->cycle_start,
                                                         *k->cycle_end ? k->cycle_end : "—")
                                          : "—");
    pdf_field(p, "State", evaluation_status_label(e->status));
    pdf_field(p, "Shared with the administrator for preview", when(r, e->shared_admin_at));
    pdf_field(p, "Shared with the teacher", when(r, e->shared_teacher_at));
}

static void pdf_ratings(req *r, pdf *p, const struct evaluation *e)
{
    int rows = e->nratings + 2;
    const char **cells = arena_alloc(r->a, sizeof *cells * (size_t)(rows * 3));
    cells[0] = "Standard";
    cells[1] = "Rating";
    cells[2] = "Comment";
    for (int i = 0; i < e->nratings; i++) {
        cells[(i + 1) * 3] = arena_printf(r->a, "%s. %s", e->ratings[i].code, e->ratings[i].title);
        cells[(i + 1) * 3 + 1] = rating_label(e->ratings[i].rating);
        cells[(i + 1) * 3 + 2] = e->ratings[i].comment;
    }
    cells[(rows - 1) * 3] = "Overall";
    cells[(rows - 1) * 3 + 1] = rating_label(e->overall);
    cells[(rows - 1) * 3 + 2] = "Proficient overall needs Proficient or better on standards "
                                "I and II.";
    static const double widths[] = {0.34, 0.2, 0.46};
    pdf_heading(p, "Ratings");
    pdf_table(p, 3, widths, cells, rows);
}

static void pdf_signatures(req *r, pdf *p, const struct case_record *k,
                           const struct evaluation *e)
{
    pdf_heading(p, "The administrator's response");
    pdf_paragraph(p, *e->admin_response
                         ? arena_printf(r->a, "%s\n— %s, %s", e->admin_response,
                                        e->admin_responded_by, when(r, e->admin_responded_at))
                         : "None given.");
    pdf_heading(p, "Signatures");
    pdf_field(p, "Written by", arena_printf(r->a, "%s, Consulting Teacher", k->ct_name));
    pdf_field(p, "Signed by the teacher",
              e->teacher_signed_at
                  ? arena_printf(r->a, "%s, %s", k->teacher_name, when(r, e->teacher_signed_at))
                  : "Not signed yet");
    pdf_paragraph(p, evaluation_receipt_words);
    pdf_heading(p, "The teacher's written response");
    /* A reopened evaluation keeps the words of its last signature for the
     * next one; they stand only with a signature. */
    pdf_paragraph(p, e->teacher_signed_at && *e->teacher_response ? e->teacher_response
                                                                  : "None given.");
}

static void pdf_outcome(req *r, pdf *p, const struct evaluation_outcome *o)
{
    if (!o->decided)
        return;
    pdf_heading(p, "The Panel's decision");
    pdf_field(p, "Rating", rating_label(o->decision));
    pdf_field(p, "Tally", o->tally);
    pdf_field(p, "Decided", when(r, o->decided_at));
    pdf_heading(p, arena_printf(r->a, "The %s's approval", o->approver_title));
    pdf_paragraph(p, o->approved ? arena_printf(r->a, "Approved by %s, %s: the rating is final.",
                                                o->approver, when(r, o->approved_at))
                                 : "Not approved yet: the rating is final only once approved.");
}

static bool evaluation_pdf(req *r, const struct case_record *k, const struct evaluation *e,
                           buf *out)
{
    struct evaluation_outcome o;
    if (evaluation_outcome_of(ctx_of(r), k, &o) != APP_OK)
        return false;
    const char *title = arena_printf(r->a, "%s — %s", evaluation_kind_label(e->kind),
                                     k->teacher_name);
    pdf *p = pdf_begin(title, arena_printf(r->a, "%s · case %" PRId64 " · printed %s", title,
                                           k->id, clock_date(r->a, app_now(ctx_of(r)))));
    if (!p)
        return false;
    pdf_title(p, title);
    pdf_people(r, p, k, e, &o);
    pdf_ratings(r, p, e);
    pdf_heading(p, "Narrative");
    pdf_paragraph(p, *e->summary ? e->summary : "Not written yet.");
    pdf_signatures(r, p, k, e);
    pdf_outcome(r, p, &o);
    return pdf_end(p, out);
}

void page_evaluation_pdf(req *r)
{
    struct case_record k;
    struct evaluation e;
    if (!evaluation_viewed(r, &k, &e))
        return;
    enum app_status s = evaluation_downloaded(ctx_of(r), &k, &e);
    if (s != APP_OK) {
        web_fail(r, s, KIND_EVALUATION);
        return;
    }
    buf out;
    buf_init(&out, r->a);
    if (!evaluation_pdf(r, &k, &e, &out)) {
        web_error(r, 500, "The PDF could not be made.");
        return;
    }
    web_download(r, out.s, out.len, "application/pdf",
                 arena_printf(r->a, "%s-evaluation-case-%" PRId64 ".pdf",
                              evaluation_kind_key(e.kind), k.id));
}

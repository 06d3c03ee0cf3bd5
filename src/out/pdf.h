/* pdf.h: a small text-layout writer for printable documents, on cairo's
 * PDF surface: a title, headings, wrapped paragraphs, label-value lines,
 * simple tables, page breaks, and each page's number and footer. It knows
 * nothing of what the document says. Text is UTF-8. */
#ifndef PARLEY_PDF_H
#define PARLEY_PDF_H
#include <stdbool.h>

#include "base/buf.h"

typedef struct pdf pdf;

/* A new document (US Letter). title: its metadata title; footer: the line
 * at the foot of every page, beside "Page N". NULL if out of memory or
 * the DejaVu Sans fonts are not installed (fonts-dejavu-core). */
pdf *pdf_begin(const char *title, const char *footer);
void pdf_title(pdf *p, const char *text);
void pdf_heading(pdf *p, const char *text);
/* A paragraph wrapped to the page's width; a '\n' starts a new line. */
void pdf_paragraph(pdf *p, const char *text);
/* "Label: value", the label in bold, wrapped. */
void pdf_field(pdf *p, const char *label, const char *value);
/* A table of nrows rows of ncols cells (row-major), the first row its
 * header (repeated on a new page). widths: each column's share of the
 * page's width (they add up to 1). Cells wrap within their column. */
void pdf_table(pdf *p, int ncols, const double *widths, const char *const *cells, int nrows);
void pdf_page_break(pdf *p);
/* Ends the document, appends its bytes to out and frees it; false when
 * cairo failed (out is left as it was). */
bool pdf_end(pdf *p, buf *out);

#endif

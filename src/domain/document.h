/* document.h: which files the program keeps (the public site's resources,
 * a case's artifacts, evidence sent to the Panel), known by their content
 * (magic bytes), never by the name or the browser's word. */
#ifndef PARLEY_DOCUMENT_H
#define PARLEY_DOCUMENT_H
#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"

enum document_type {
    DOC_UNKNOWN = 0,
    DOC_PDF,
    DOC_DOCX,
    DOC_XLSX,
    DOC_CSV,
    DOC_TXT,
    DOC_PNG,
    DOC_JPEG,
    DOC_TYPE_COUNT
};

/* A set of types, as each use accepts them. */
#define DOC_SET(t) (1u << (t))
/* Resources and artifacts: every type above. */
#define DOCS_ANY (DOC_SET(DOC_TYPE_COUNT) - 1u - DOC_SET(DOC_UNKNOWN))
/* Evidence sent to the Panel: a document or a photo of one (R22). */
#define DOCS_EVIDENCE (DOC_SET(DOC_PDF) | DOC_SET(DOC_JPEG) | DOC_SET(DOC_PNG))

/* What the bytes are. Text (CSV or TXT: UTF-8 without control bytes)
 * cannot tell the two apart by content: the name's extension decides. */
enum document_type document_sniff(const char *data, size_t len, const char *filename);
/* The extension the type's files carry (".pdf"), its media type and a
 * label for people ("PDF"). */
const char *document_extension(enum document_type t);
const char *document_media_type(enum document_type t);
const char *document_label(enum document_type t);
/* The type the file name claims by its extension (".jpg" and ".jpeg"
 * alike), or DOC_UNKNOWN. */
enum document_type document_claimed(const char *filename);
/* The type a stored media type is ("image/png"), or DOC_UNKNOWN. */
enum document_type document_of_media_type(const char *media_type);
/* Whether a browser may show the file in its window rather than save it:
 * raster images only, which run nothing (no SVG, no HTML, no PDF with its
 * scripts). */
bool document_shown_inline(enum document_type t);
/* "Which types are accepted" of a set (DOCS_ANY...), for hints and error
 * messages: "PDF, JPEG or PNG". */
const char *document_accepted(arena *a, unsigned set);

#endif

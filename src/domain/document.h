/* document.h: which files the program publishes as resources, known by
 * their content (magic bytes), never by the name or the browser's word. */
#ifndef PARLEY_DOCUMENT_H
#define PARLEY_DOCUMENT_H
#include <stdbool.h>
#include <stddef.h>

enum document_type {
    DOC_UNKNOWN = 0,
    DOC_PDF,
    DOC_DOCX,
    DOC_XLSX,
    DOC_CSV,
    DOC_TXT,
    DOC_PNG,
    DOC_TYPE_COUNT
};

/* What the bytes are. Text (CSV or TXT: UTF-8 without control bytes)
 * cannot tell the two apart by content: the name's extension decides. */
enum document_type document_sniff(const char *data, size_t len, const char *filename);
/* The extension the type's files carry (".pdf"), its media type and a
 * label for people ("PDF"). */
const char *document_extension(enum document_type t);
const char *document_media_type(enum document_type t);
const char *document_label(enum document_type t);
/* The type the file name claims by its extension, or DOC_UNKNOWN. */
enum document_type document_claimed(const char *filename);
/* "Which types are accepted", for hints and error messages. */
const char *document_accepted(void);

#endif

/* document.c: resources are downloaded by anyone, so only a few harmless
 * kinds are accepted and each is recognised by its content: a page of
 * HTML renamed "pamphlet.pdf" is refused, not served. Photos are JPEG or
 * PNG, as a phone takes them. */
#include "domain/document.h"

#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/utf8.h"

/* alias: another extension the type's files carry; accepted: the type's
 * name in the list of accepted types. */
static const struct {
    const char *ext, *alias, *media_type, *label, *accepted;
} types[DOC_TYPE_COUNT] = {
    [DOC_UNKNOWN] = {"", NULL, "application/octet-stream", "unknown", ""},
    [DOC_PDF] = {".pdf", NULL, "application/pdf", "PDF", "PDF"},
    [DOC_DOCX] = {".docx", NULL,
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                  "Word document", "Word (.docx)"},
    [DOC_XLSX] = {".xlsx", NULL,
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                  "Excel workbook", "Excel (.xlsx)"},
    [DOC_CSV] = {".csv", NULL, "text/csv; charset=utf-8", "CSV", "CSV"},
    [DOC_TXT] = {".txt", NULL, "text/plain; charset=utf-8", "plain text", "plain text (.txt)"},
    [DOC_PNG] = {".png", NULL, "image/png", "PNG image", "PNG"},
    [DOC_JPEG] = {".jpg", ".jpeg", "image/jpeg", "JPEG image", "JPEG (.jpg)"},
};

static bool starts_with(const char *data, size_t len, const char *magic, size_t n)
{
    return len >= n && memcmp(data, magic, n) == 0;
}

/* DOCX and XLSX are ZIP archives; the part names inside say which. */
static enum document_type office_type(const char *data, size_t len)
{
    if (memmem(data, len, "word/document.xml", 17))
        return DOC_DOCX;
    if (memmem(data, len, "xl/workbook.xml", 15))
        return DOC_XLSX;
    return DOC_UNKNOWN;
}

/* Text is UTF-8 with no control bytes but tab, line ends and form feed;
 * text that opens with '<' is markup (HTML, SVG, XML), which a browser
 * might run, so it is not text for this purpose. */
static bool plain_text(const char *data, size_t len)
{
    if (!len || !utf8_valid(data, len))
        return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)data[i];
        if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' && ch != '\f') || ch == 0x7f)
            return false;
    }
    size_t i = starts_with(data, len, "\xEF\xBB\xBF", 3) ? 3 : 0;
    while (i < len && strchr(" \t\r\n\f", data[i]))
        i++;
    return i == len || data[i] != '<';
}

enum document_type document_claimed(const char *filename)
{
    const char *dot = filename ? strrchr(filename, '.') : NULL;
    for (int t = DOC_PDF; dot && t < DOC_TYPE_COUNT; t++)
        if (strcasecmp(dot, types[t].ext) == 0 ||
            (types[t].alias && strcasecmp(dot, types[t].alias) == 0))
            return (enum document_type)t;
    return DOC_UNKNOWN;
}

enum document_type document_of_media_type(const char *media_type)
{
    for (int t = DOC_PDF; media_type && t < DOC_TYPE_COUNT; t++)
        if (strcmp(media_type, types[t].media_type) == 0)
            return (enum document_type)t;
    return DOC_UNKNOWN;
}

bool document_shown_inline(enum document_type t)
{
    return t == DOC_PNG || t == DOC_JPEG;
}

enum document_type document_sniff(const char *data, size_t len, const char *filename)
{
    if (starts_with(data, len, "%PDF-", 5))
        return DOC_PDF;
    if (starts_with(data, len, "\x89PNG\r\n\x1a\n", 8))
        return DOC_PNG;
    /* A JPEG opens with its start-of-image marker and another marker
     * (JFIF, Exif as phones write it, or a table). */
    if (starts_with(data, len, "\xFF\xD8\xFF", 3))
        return DOC_JPEG;
    if (starts_with(data, len, "PK\x03\x04", 4))
        return office_type(data, len);
    if (plain_text(data, len))
        return document_claimed(filename) == DOC_CSV ? DOC_CSV : DOC_TXT;
    return DOC_UNKNOWN;
}

const char *document_extension(enum document_type t)
{
    return t < DOC_TYPE_COUNT ? types[t].ext : "";
}

const char *document_media_type(enum document_type t)
{
    return t < DOC_TYPE_COUNT ? types[t].media_type : types[DOC_UNKNOWN].media_type;
}

const char *document_label(enum document_type t)
{
    return t < DOC_TYPE_COUNT ? types[t].label : types[DOC_UNKNOWN].label;
}

const char *document_accepted(arena *a, unsigned set)
{
    buf b;
    buf_init(&b, a);
    int last = DOC_UNKNOWN;
    for (int t = DOC_PDF; t < DOC_TYPE_COUNT; t++)
        if (set & DOC_SET(t))
            last = t;
    for (int t = DOC_PDF; t < DOC_TYPE_COUNT; t++) {
        if (!(set & DOC_SET(t)))
            continue;
        if (b.len)
            buf_puts(&b, t == last ? " or " : ", ");
        buf_puts(&b, types[t].accepted);
    }
    return buf_cstr(&b);
}

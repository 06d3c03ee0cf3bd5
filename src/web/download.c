/* download.c: sending a stored file. */
#include "web/download.h"

#include "domain/document.h"

void web_download(req *r, const char *data, size_t len, const char *media_type,
                  const char *filename)
{
    buf_reset(&r->out);
    buf_append(&r->out, data, len);
    r->content_type = media_type;
    /* A photo opens in the browser's window; anything else is saved. */
    bool inline_ok = document_shown_inline(document_of_media_type(media_type));
    res_header(
        r, "Content-Disposition",
        arena_printf(r->a, "%s; filename=\"%s\"", inline_ok ? "inline" : "attachment", filename));
    /* Also sent with every answer; said here too, as the file's own guard. */
    res_header(r, "X-Content-Type-Options", "nosniff");
}

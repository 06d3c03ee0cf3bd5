/* download.c: sending a stored file, and its size in words. */
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

const char *file_size_words(req *r, int64_t size)
{
    if (size < 1024)
        return arena_printf(r->a, "%d bytes", (int)size);
    if (size < 1024 * 1024)
        return arena_printf(r->a, "%d KB", (int)((size + 1023) / 1024));
    return arena_printf(r->a, "%d.%d MB", (int)(size / (1024 * 1024)),
                        (int)(size % (1024 * 1024) * 10 / (1024 * 1024)));
}

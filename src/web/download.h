/* download.h: a stored file sent to the browser as a download (the public
 * site's resources, a case's artifacts). */
#ifndef PARLEY_WEB_DOWNLOAD_H
#define PARLEY_WEB_DOWNLOAD_H

#include <stddef.h>
#include <stdint.h>

#include "http/http.h"

/* The bytes as an attachment, never shown in the page, or, for a photo
 * (document_shown_inline), inline in the browser's window: media_type is
 * the one sniffed from the content when it was uploaded, filename the safe
 * name upload_name() made (no quote, slash or control character). */
void web_download(req *r, const char *data, size_t len, const char *media_type,
                  const char *filename);

/* A file's size as people read it beside its link: "28 bytes", "12 KB",
 * "1.5 MB". */
const char *file_size_words(req *r, int64_t size);

#endif

/* mime.h: one e-mail message as RFC 5322 and MIME have it: headers (a
 * non-ASCII subject or name as an RFC 2047 encoded word), then a text
 * part, an HTML part and, for an invitation, a text/calendar part (RFC
 * 6047: METHOD in its content type) as multipart/alternative. Each part is
 * base64 in lines of 76, so no line is ever too long for SMTP and UTF-8
 * passes whole. Lines end in CRLF. */
#ifndef PARLEY_MIME_H
#define PARLEY_MIME_H
#include <stdint.h>

#include "base/buf.h"

struct mime_message {
    const char *from_name, *from_address;
    const char *to_name, *to_address;     /* to_name NULL: the address alone */
    const char *subject;
    const char *message_id;               /* "local@domain", without the brackets */
    int64_t date;                         /* Unix seconds */
    const char *text;                     /* the words, UTF-8 */
    const char *html;                     /* NULL: text only */
    const char *calendar;                 /* iCalendar text, or NULL */
    const char *calendar_method;          /* "REQUEST" | "CANCEL" */
};

void mime_write(buf *b, const struct mime_message *m);

#endif

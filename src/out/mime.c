/* mime.c: the e-mail writer. Every part goes as base64 and every header
 * that may hold what a person typed (a name, a subject) as an encoded word
 * when it is not plain ASCII, so that neither a long line nor a CR or LF in
 * a name can change the message's shape (header injection). */
#include "out/mime.h"

#include <sodium.h>
#include <stdbool.h>
#include <string.h>
#include <time.h>

#define LINE 76   /* base64 characters a line (RFC 2045 6.8) */

static bool plain_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7E)
            return false;
    return true;
}

static void base64_lines(buf *b, const char *data, size_t len, size_t width)
{
    char line[LINE + 1];
    size_t step = width / 4 * 3;   /* bytes that make one line */
    for (size_t at = 0; at < len; at += step) {
        size_t n = len - at < step ? len - at : step;
        sodium_bin2base64(line, sizeof line, (const unsigned char *)data + at, n,
                          sodium_base64_VARIANT_ORIGINAL);
        buf_puts(b, line);
        buf_puts(b, "\r\n");
    }
}

/* RFC 2047: "=?UTF-8?B?...?=", cut into words of at most 45 bytes (60
 * characters of base64) on UTF-8 character boundaries, folded. */
static void encoded_words(buf *b, const char *s)
{
    char word[64];
    size_t len = strlen(s);
    for (size_t at = 0; at < len;) {
        size_t n = len - at < 45 ? len - at : 45;
        while (at + n < len && ((unsigned char)s[at + n] & 0xC0) == 0x80)
            n--;
        sodium_bin2base64(word, sizeof word, (const unsigned char *)s + at, n,
                          sodium_base64_VARIANT_ORIGINAL);
        buf_printf(b, "%s=?UTF-8?B?%s?=", at ? "\r\n " : "", word);
        at += n;
    }
}

static void header_text(buf *b, const char *name, const char *value)
{
    buf_printf(b, "%s: ", name);
    if (plain_ascii(value))
        buf_puts(b, value);
    else
        encoded_words(b, value);
    buf_puts(b, "\r\n");
}

/* A display name as a quoted string when plain, else as encoded words. */
static void header_address(buf *b, const char *name, const char *display, const char *address)
{
    buf_printf(b, "%s: ", name);
    if (display && *display && plain_ascii(display) && !strpbrk(display, "\"\\")) {
        buf_printf(b, "\"%s\" ", display);
    } else if (display && *display) {
        encoded_words(b, display);
        buf_puts(b, " ");
    }
    buf_printf(b, "<%s>\r\n", address);
}

static void part(buf *b, const char *boundary, const char *type, const char *body)
{
    buf_printf(b, "--%s\r\nContent-Type: %s\r\nContent-Transfer-Encoding: base64\r\n\r\n",
               boundary, type);
    base64_lines(b, body, strlen(body), LINE);
}

void mime_write(buf *b, const struct mime_message *m)
{
    char date[64];
    time_t t = (time_t)m->date;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    header_address(b, "From", m->from_name, m->from_address);
    header_address(b, "To", m->to_name, m->to_address);
    header_text(b, "Subject", m->subject);
    buf_printf(b, "Date: %s\r\nMessage-ID: <%s>\r\nMIME-Version: 1.0\r\n", date, m->message_id);
    buf_puts(b, "Auto-Submitted: auto-generated\r\n");
    if (!m->html && !m->calendar) {
        buf_puts(b, "Content-Type: text/plain; charset=utf-8\r\n"
                    "Content-Transfer-Encoding: base64\r\n\r\n");
        base64_lines(b, m->text, strlen(m->text), LINE);
        return;
    }
    /* "=_" never occurs in base64, so the boundary never occurs in a part. */
    const char *boundary = "=_parley_alternative";
    buf_printf(b, "Content-Type: multipart/alternative; boundary=\"%s\"\r\n\r\n", boundary);
    part(b, boundary, "text/plain; charset=utf-8", m->text);
    if (m->html)
        part(b, boundary, "text/html; charset=utf-8", m->html);
    if (m->calendar) {
        buf tb;
        buf_init(&tb, NULL);
        buf_printf(&tb, "text/calendar; charset=utf-8; method=%s", m->calendar_method);
        part(b, boundary, buf_cstr(&tb), m->calendar);
        buf_release(&tb);
    }
    buf_printf(b, "--%s--\r\n", boundary);
}

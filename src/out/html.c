#include "out/html.h"
#include "base/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void html_escape(buf *b, const char *s, size_t n)
{
    size_t run = 0;   /* start of the pending stretch that needs no escape */
    for (size_t i = 0; i < n; i++) {
        const char *ent;
        switch (s[i]) {
        case '&': ent = "&amp;"; break;
        case '<': ent = "&lt;"; break;
        case '>': ent = "&gt;"; break;
        case '"': ent = "&quot;"; break;
        case '\'': ent = "&#39;"; break;
        default: continue;
        }
        buf_append(b, s + run, i - run);
        buf_puts(b, ent);
        run = i + 1;
    }
    buf_append(b, s + run, n - run);
}

void html_text(buf *b, const char *s)
{
    if (s)
        html_escape(b, s, strlen(s));
}

/* The one place unescaped markup enters a page: grep for html_raw. */
void html_raw(buf *b, const char *s)
{
    if (s)
        buf_puts(b, s);
}

static int url_unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
}

void url_encode(buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    if (!s)
        return;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (url_unreserved(*p)) {
            buf_putc(b, (char)*p);
        } else {
            char enc[3] = {'%', hex[*p >> 4], hex[*p & 0xf]};
            buf_append(b, enc, sizeof enc);
        }
    }
}

/* Length modifiers we accept before d or u. */
enum length { LEN_INT, LEN_LONG, LEN_LLONG, LEN_SIZE };

static const char *parse_length(const char *p, enum length *len)
{
    *len = LEN_INT;
    if (p[0] == 'l' && p[1] == 'l') {
        *len = LEN_LLONG;
        return p + 2;
    }
    if (p[0] == 'l') {
        *len = LEN_LONG;
        return p + 1;
    }
    if (p[0] == 'z') {
        *len = LEN_SIZE;
        return p + 1;
    }
    return p;
}

static void put_signed(buf *b, enum length len, va_list *ap)
{
    long long v;
    switch (len) {
    case LEN_LONG: v = va_arg(*ap, long); break;
    case LEN_LLONG: v = va_arg(*ap, long long); break;
    case LEN_SIZE: v = (long long)va_arg(*ap, size_t); break; /* %zd: unused */
    default: v = va_arg(*ap, int); break;
    }
    buf_printf(b, "%lld", v);
}

static void put_unsigned(buf *b, enum length len, va_list *ap)
{
    unsigned long long v;
    switch (len) {
    case LEN_LONG: v = va_arg(*ap, unsigned long); break;
    case LEN_LLONG: v = va_arg(*ap, unsigned long long); break;
    case LEN_SIZE: v = va_arg(*ap, size_t); break;
    default: v = va_arg(*ap, unsigned); break;
    }
    buf_printf(b, "%llu", v);
}

/* Writes one conversion starting after the '%'; returns the character after
 * it, or NULL for a conversion we do not know. */
static const char *put_conversion(buf *b, const char *p, va_list *ap)
{
    enum length len;
    const char *c = parse_length(p, &len);
    switch (*c) {
    case '%':
        if (c != p)
            return NULL;
        buf_putc(b, '%');
        return c + 1;
    case 's':
        if (c != p)
            return NULL;
        html_text(b, va_arg(*ap, const char *));
        return c + 1;
    case 'U':
        /* Percent-encoded output is [A-Za-z0-9._~%-] only, which HTML
         * escaping leaves unchanged: it is safe in text and attributes. */
        if (c != p)
            return NULL;
        url_encode(b, va_arg(*ap, const char *));
        return c + 1;
    case 'd':
        put_signed(b, len, ap);
        return c + 1;
    case 'u':
        put_unsigned(b, len, ap);
        return c + 1;
    default:
        return NULL;
    }
}

/* An unknown conversion stops the output there: its argument's type is
 * unknown, so every later argument would be read as the wrong type (a
 * number taken for a pointer). A cut-off page is safe and shows in tests. */
void html_printf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *p = fmt;
    while (*p) {
        const char *pct = strchr(p, '%');
        if (!pct) {
            buf_puts(b, p);
            break;
        }
        buf_append(b, p, (size_t)(pct - p));
        p = put_conversion(b, pct + 1, &ap);
        if (!p) {
            log_error("html_printf: unknown conversion at \"%.16s\" in \"%.80s\"",
                      pct, fmt);
            break;
        }
    }
    va_end(ap);
}

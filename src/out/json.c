#include "out/json.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#define JSON_SLOTS ((int)sizeof ((json *)0)->need_comma)

/* Levels past the last slot share it. That stays correct: a container's end
 * always sets its parent's flag (the container was a value), and a new level
 * starts from 0, so a shared slot never carries a stale flag. */
static unsigned char *comma_flag(json *j)
{
    int d = j->depth < JSON_SLOTS ? j->depth : JSON_SLOTS - 1;
    return &j->need_comma[d < 0 ? 0 : d];
}

/* Before any value or key: a comma if this level already has one. */
static void value_prefix(json *j)
{
    unsigned char *flag = comma_flag(j);
    if (*flag)
        buf_putc(j->b, ',');
    *flag = 1;
}

void json_init(json *j, buf *b)
{
    memset(j, 0, sizeof *j);
    j->b = b;
}

static void open_level(json *j, char c)
{
    value_prefix(j);
    buf_putc(j->b, c);
    j->depth++;
    *comma_flag(j) = 0;
}

static void close_level(json *j, char c)
{
    buf_putc(j->b, c);
    if (j->depth > 0)
        j->depth--;
    *comma_flag(j) = 1;
}

void json_obj_begin(json *j) { open_level(j, '{'); }
void json_obj_end(json *j) { close_level(j, '}'); }
void json_arr_begin(json *j) { open_level(j, '['); }
void json_arr_end(json *j) { close_level(j, ']'); }

void json_key(json *j, const char *k)
{
    value_prefix(j);
    json_quote(j->b, k ? k : "");
    buf_putc(j->b, ':');
    *comma_flag(j) = 0;   /* the value that follows takes no comma */
}

void json_str(json *j, const char *s)
{
    value_prefix(j);
    if (s)
        json_quote(j->b, s);
    else
        buf_puts(j->b, "null");
}

void json_int(json *j, int64_t v)
{
    value_prefix(j);
    buf_printf(j->b, "%" PRId64, v);
}

/* JSON has no NaN or Infinity. (%.17g assumes the C locale's '.', which
 * the program never changes.) */
void json_real(json *j, double v)
{
    value_prefix(j);
    if (isfinite(v))
        buf_printf(j->b, "%.17g", v);
    else
        buf_puts(j->b, "null");
}

void json_bool(json *j, bool v)
{
    value_prefix(j);
    buf_puts(j->b, v ? "true" : "false");
}

void json_null(json *j)
{
    value_prefix(j);
    buf_puts(j->b, "null");
}

void json_kv_str(json *j, const char *k, const char *v)
{
    json_key(j, k);
    json_str(j, v);
}

void json_kv_int(json *j, const char *k, int64_t v)
{
    json_key(j, k);
    json_int(j, v);
}

void json_kv_bool(json *j, const char *k, bool v)
{
    json_key(j, k);
    json_bool(j, v);
}

/* Length of the well-formed UTF-8 sequence at s (1-4), or 0. The string is
 * NUL-terminated and NUL is never a continuation byte, so reads stop there. */
static size_t utf8_seq(const unsigned char *s)
{
    size_t len;
    uint32_t cp, min;
    if (s[0] >= 0xc0 && s[0] < 0xe0) {
        len = 2; cp = s[0] & 0x1f; min = 0x80;
    } else if (s[0] >= 0xe0 && s[0] < 0xf0) {
        len = 3; cp = s[0] & 0x0f; min = 0x800;
    } else if (s[0] >= 0xf0 && s[0] < 0xf8) {
        len = 4; cp = s[0] & 0x07; min = 0x10000;
    } else {
        return 0;
    }
    for (size_t k = 1; k < len; k++) {
        if ((s[k] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[k] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

/* The escape for one ASCII byte, or NULL if it is written as is. < > & are
 * escaped too, so JSON placed in a <script> cannot close it. */
static const char *ascii_escape(unsigned char c, char tmp[7])
{
    switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\b': return "\\b";
    case '\f': return "\\f";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    case '<': case '>': case '&': break;
    default:
        if (c >= 0x20)
            return NULL;
    }
    static const char hex[] = "0123456789abcdef";
    memcpy(tmp, "\\u00", 4);
    tmp[4] = hex[c >> 4];
    tmp[5] = hex[c & 0xf];
    tmp[6] = '\0';
    return tmp;
}

/* Escapes the byte or sequence at p; returns how many bytes it consumed.
 * Bytes that are not UTF-8 become U+FFFD so the output is always valid. */
static size_t quote_one(buf *b, const unsigned char *p)
{
    char tmp[7];
    if (*p < 0x80) {
        const char *e = ascii_escape(*p, tmp);
        if (e)
            buf_puts(b, e);
        else
            buf_putc(b, (char)*p);
        return 1;
    }
    size_t n = utf8_seq(p);
    if (n == 0) {
        buf_puts(b, "\\ufffd");
        return 1;
    }
    /* U+2028 and U+2029 end lines in JavaScript before ES2019. */
    if (n == 3 && p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9))
        buf_puts(b, p[2] == 0xa8 ? "\\u2028" : "\\u2029");
    else
        buf_append(b, (const char *)p, n);
    return n;
}

void json_quote(buf *b, const char *s)
{
    buf_putc(b, '"');
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p)
        p += quote_one(b, p);
    buf_putc(b, '"');
}

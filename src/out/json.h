/* json.h: a streaming JSON writer (output), commas handled for the caller.
 * Parsing of request bodies uses jansson in web/. */
#ifndef PARLEY_JSON_H
#define PARLEY_JSON_H
#include <stdbool.h>
#include <stdint.h>

#include "base/buf.h"

typedef struct json {
    buf *b;
    int depth;
    unsigned char need_comma[32];
} json;

void json_init(json *j, buf *b);
void json_obj_begin(json *j);          /* { */
void json_obj_end(json *j);            /* } */
void json_arr_begin(json *j);          /* [ */
void json_arr_end(json *j);            /* ] */
void json_key(json *j, const char *k); /* "k": (the next value follows) */
void json_str(json *j, const char *s); /* NULL writes null */
void json_int(json *j, int64_t v);
void json_real(json *j, double v);
void json_bool(json *j, bool v);
void json_null(json *j);
/* Key and value together. */
void json_kv_str(json *j, const char *k, const char *v);
void json_kv_int(json *j, const char *k, int64_t v);
void json_kv_bool(json *j, const char *k, bool v);
/* Appends s as a quoted, escaped JSON string. */
void json_quote(buf *b, const char *s);

#endif

/* utf8.h: every field value from outside is checked before use. */
#ifndef PARLEY_UTF8_H
#define PARLEY_UTF8_H
#include <stdbool.h>
#include <stddef.h>

/* Well-formed UTF-8 (no overlong forms, no surrogates, nothing past
 * U+10FFFF), and no NUL or C0 control other than tab, CR and LF. */
bool utf8_valid(const char *s, size_t n);
/* Number of code points in a valid string (for "at most N characters"). */
size_t utf8_length(const char *s);

#endif

#include "domain/password.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "base/utf8.h"

/* Passwords of 12 or more characters that appear in public breach lists
 * and would be guessed first. Compared without regard to case. */
static const char *const common_passwords[] = {
#include "domain/common_passwords.inc"
};

static bool same_ignoring_case(const char *x, const char *y)
{
    for (; *x && *y; x++, y++)
        if (tolower((unsigned char)*x) != tolower((unsigned char)*y))
            return false;
    return *x == *y;
}

static bool one_repeated_character(const char *p)
{
    for (const char *q = p; *q; q++)
        if (*q != *p)
            return false;
    return true;
}

const char *password_weakness(const char *password, const char *email)
{
    if (!password || !*password)
        return "Enter a password.";
    if (strlen(password) > PASSWORD_MAX_BYTES)
        return "Use at most 256 characters.";
    if (utf8_length(password) < PASSWORD_MIN_CHARS)
        return "Use at least 12 characters. A short sentence you will remember works well.";
    if (one_repeated_character(password))
        return "Use something other than one character repeated.";
    if (email && same_ignoring_case(password, email))
        return "Use something other than your email address.";
    for (size_t i = 0; i < sizeof common_passwords / sizeof *common_passwords; i++)
        if (same_ignoring_case(password, common_passwords[i]))
            return "That password is on a list of common passwords that attackers try "
                   "first. Choose another.";
    return NULL;
}

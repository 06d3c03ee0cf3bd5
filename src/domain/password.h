/* password.h: what makes a password acceptable. */
#ifndef PARLEY_PASSWORD_H
#define PARLEY_PASSWORD_H

#define PASSWORD_MIN_CHARS 12
#define PASSWORD_MAX_BYTES 256

/* NULL if the password may be used, else the reason in plain words. */
const char *password_weakness(const char *password, const char *email);

#endif

/* errors.h: what a validation found, field by field, in plain words. */
#ifndef PARLEY_ERRORS_H
#define PARLEY_ERRORS_H

#define ERRORS_MAX 24

struct field_error {
    const char *field;     /* the form or JSON field name */
    const char *message;   /* shown beside the field */
};

struct errors {
    struct field_error e[ERRORS_MAX];
    int n;
};

void errors_add(struct errors *errs, const char *field, const char *message);
/* The first message for a field, or NULL. */
const char *errors_get(const struct errors *errs, const char *field);

#endif

#include "domain/errors.h"

#include <string.h>

void errors_add(struct errors *errs, const char *field, const char *message)
{
    if (errs->n < ERRORS_MAX)
        errs->e[errs->n++] = (struct field_error){field, message};
}

const char *errors_get(const struct errors *errs, const char *field)
{
    for (int i = 0; i < errs->n; i++)
        if (strcmp(errs->e[i].field, field) == 0)
            return errs->e[i].message;
    return NULL;
}

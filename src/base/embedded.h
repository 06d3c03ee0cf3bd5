/* embedded.h: files compiled into the binary by tools/embed.c (migrations,
 * static assets). Each table ends with an entry whose name is NULL. */
#ifndef PARLEY_EMBEDDED_H
#define PARLEY_EMBEDDED_H
#include <stddef.h>

struct embedded_file {
    const char *name;
    const char *data;   /* NUL-terminated */
    size_t len;
};

extern const struct embedded_file embedded_migrations[];   /* sql/NNN_*.sql */
extern const struct embedded_file embedded_assets[];       /* assets/... */

#endif

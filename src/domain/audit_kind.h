/* audit_kind.h: the kinds of record the audit log names (its record_kind:
 * "artifact", "session"), in words for people, for a history filtered by
 * kind (R37). */
#ifndef PARLEY_AUDIT_KIND_H
#define PARLEY_AUDIT_KIND_H

#include "base/arena.h"

/* "Artifacts", "Sign-ins": the policy table's words for the kind when the
 * key is one of its kinds, else the log's own; "Other records" for a key
 * not known. Allocated in a. */
const char *audit_kind_label(arena *a, const char *key);

#endif

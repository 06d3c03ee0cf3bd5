/* csv.h: comma-separated values as RFC 4180 has them: a field holding a
 * comma, a double quote, CR or LF is quoted, a double quote inside doubled,
 * and every record ends in CRLF. Guard against formula injection: a field
 * that starts with = + - @ (or a tab or CR) would be run as a formula by a
 * spreadsheet that opens the file, so it gets a leading apostrophe (') and
 * is read as text; what a person typed is never a formula on a reader's
 * machine. Numbers written with csv_int are not guarded (digits only). */
#ifndef PARLEY_CSV_H
#define PARLEY_CSV_H
#include <stdint.h>

#include "base/buf.h"

typedef struct csv {
    buf *b;
    int col;                  /* fields written in the current record */
} csv;

void csv_init(csv *c, buf *b);
void csv_field(csv *c, const char *s);   /* NULL: an empty field */
void csv_int(csv *c, int64_t v);
void csv_row_end(csv *c);                /* CRLF */

#endif

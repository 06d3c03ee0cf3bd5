/* csv.h: comma-separated values, both ways.
 *
 * Writing, as RFC 4180 has it: a field holding a comma, a double quote, CR
 * or LF is quoted, a double quote inside doubled, and every record ends in
 * CRLF. Guard against formula injection: a field that starts with = + - @
 * (or a tab or CR) would be run as a formula by a spreadsheet that opens
 * the file, so it gets a leading apostrophe (') and is read as text; what a
 * person typed is never a formula on a reader's machine. Numbers written
 * with csv_int are not guarded (digits only).
 *
 * Reading (a district's roster, issue 17) is libcsv's, strict: a quote
 * where none may be is an error, not a guess. */
#ifndef PARLEY_CSV_H
#define PARLEY_CSV_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"

typedef struct csv {
    buf *b;
    int col;                  /* fields written in the current record */
} csv;

void csv_begin(csv *c, buf *b);
void csv_field(csv *c, const char *s);   /* NULL: an empty field */
void csv_int(csv *c, int64_t v);
void csv_row_end(csv *c);                /* CRLF */

/* A file read whole: its records in order, the first (a header) row 1. A
 * field is its text without the quotes around it nor the spaces and tabs
 * around an unquoted one; an empty line is no record. */
struct csv_record {
    const char **fields;
    int n;
    int row;                  /* 1 for the first record: as a spreadsheet numbers it */
};
struct csv_table {
    struct csv_record *records;
    int n;
};
/* Reads data into a (a UTF-8 byte order mark at its start is skipped).
 * false, with *err in plain words naming the row, when the quoting is
 * broken or a field is not UTF-8 text. */
bool csv_read(arena *a, const char *data, size_t len, struct csv_table *out, const char **err);

#endif

/* fuzz_csv: the CSV reader (a district's roster, issue 17) over libcsv.
 * Whatever the input, it reads or refuses with a message; what it reads is
 * UTF-8 text, its rows numbered from 1; and what the writer writes of it
 * reads back the same, where the writer leaves a field as it was (no
 * formula guard, no spaces at its ends for the reader to take). */
#include "fuzz.h"

#include "base/arena.h"
#include "base/buf.h"
#include "base/utf8.h"
#include "out/csv.h"

/* A field the writer writes as it is and the reader reads as it is; not
 * one that starts with a byte order mark, which at a file's start the
 * reader takes for the file's own. */
static bool plain_field(const char *f)
{
    size_t n = strlen(f);
    return !(n && (strchr("=+-@\t\r ", f[0]) || f[n - 1] == ' ' || f[n - 1] == '\t' ||
                   strncmp(f, "\xEF\xBB\xBF", 3) == 0));
}

/* A table whose every field is plain and no record is one empty field
 * (written as an empty line, which is no record). */
static bool plain_table(const struct csv_table *t)
{
    for (int r = 0; r < t->n; r++) {
        if (t->records[r].n == 1 && !*t->records[r].fields[0])
            return false;
        for (int i = 0; i < t->records[r].n; i++)
            if (!plain_field(t->records[r].fields[i]))
                return false;
    }
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena *a = arena_new(0);
    struct csv_table t;
    const char *err = NULL;
    bool ok = csv_read(a, (const char *)data, size, &t, &err);
    FUZZ_CHECK(ok == (err == NULL));
    for (int r = 0; ok && r < t.n; r++) {
        FUZZ_CHECK(t.records[r].row == r + 1);
        for (int i = 0; i < t.records[r].n; i++)
            FUZZ_CHECK(utf8_valid(t.records[r].fields[i], strlen(t.records[r].fields[i])));
    }
    if (ok && plain_table(&t)) {
        buf b;
        buf_init(&b, a);
        csv w;
        csv_begin(&w, &b);
        for (int r = 0; r < t.n; r++) {
            for (int i = 0; i < t.records[r].n; i++)
                csv_field(&w, t.records[r].fields[i]);
            csv_row_end(&w);
        }
        struct csv_table back;
        FUZZ_CHECK(csv_read(a, buf_cstr(&b), b.len, &back, &err));
        FUZZ_CHECK(back.n == t.n);
        for (int r = 0; r < t.n; r++) {
            FUZZ_CHECK(back.records[r].n == t.records[r].n);
            for (int i = 0; i < t.records[r].n; i++)
                FUZZ_CHECK(strcmp(back.records[r].fields[i], t.records[r].fields[i]) == 0);
        }
    }
    arena_free(a);
    return 0;
}

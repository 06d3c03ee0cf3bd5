/* test_pdf.c: the PDF writer (out/pdf.c) lays text out on pages: a long
 * document breaks onto numbered pages, a table's header comes again on a
 * new page, a word wider than the page is broken, UTF-8 survives. Read
 * back with pdftotext (poppler-utils, as the HTTP suite does). */
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "out/pdf.h"

/* The document's text as pdftotext reads it (malloc'd). */
static char *text_of(buf *b)
{
    char path[] = "/tmp/parley-test-pdf-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, b->s, b->len), (ssize_t)b->len);
    close(fd);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "pdftotext %s -", path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 20, n = 0;
    char *out = malloc(cap);
    size_t got;
    while ((got = fread(out + n, 1, cap - n - 1, p)) > 0)
        n += got;
    out[n] = '\0';
    pclose(p);
    unlink(path);
    return out;
}

static void test_pages_headings_tables(void **state)
{
    (void)state;
    pdf *p = pdf_begin("A test", "The foot line");
    assert_non_null(p);
    pdf_title(p, "Évaluation — a title");
    pdf_field(p, "Teacher", "Samuel Reyes");
    static const double widths[] = {0.3, 0.7};
    const char *cells[2 * 61] = {"Column one", "Column two"};
    for (int i = 1; i <= 60; i++) {
        cells[2 * i] = "row";
        cells[2 * i + 1] = "a cell whose text is long enough to wrap onto a second line within "
                           "its column, and so make the table run over a page";
    }
    pdf_table(p, 2, widths, cells, 61);
    pdf_heading(p, "After the table");
    pdf_paragraph(p, "Averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryvery"
                     "veryveryveryveryveryveryveryverylongword ends here.");
    pdf_page_break(p);
    pdf_paragraph(p, "The last page.");
    buf b;
    buf_init(&b, NULL);
    assert_true(pdf_end(p, &b));
    assert_memory_equal(b.s, "%PDF", 4);
    char *t = text_of(&b);
    buf_release(&b);
    assert_non_null(strstr(t, "Évaluation — a title"));
    assert_non_null(strstr(t, "Samuel Reyes"));
    assert_non_null(strstr(t, "The foot line"));
    assert_non_null(strstr(t, "Page 1"));
    assert_non_null(strstr(t, "Page 3"));
    assert_non_null(strstr(t, "The last page."));
    /* the header again on the table's second page */
    char *first = strstr(t, "Column one");
    assert_non_null(first);
    assert_non_null(strstr(first + 1, "Column one"));
    /* the long word broken, none of it lost */
    assert_non_null(strstr(t, "Averyvery"));
    assert_non_null(strstr(t, "longword ends here."));
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pages_headings_tables),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

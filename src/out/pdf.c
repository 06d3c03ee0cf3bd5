/* pdf.c: the text-layout writer, on cairo's PDF surface. Text is laid out
 * line by line from the top margin down; a line that does not fit starts a
 * new page, whose foot carries its number. */
#include "out/pdf.h"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_W 612.0 /* US Letter, in points */
#define PAGE_H 792.0
#define MARGIN 54.0
#define TEXT_W (PAGE_W - 2 * MARGIN)
#define BOTTOM (PAGE_H - MARGIN - 18.0) /* the foot line sits below */
#define BODY_SIZE 10.0
#define CELL_PAD 4.0

struct pdf {
    cairo_surface_t *surface;
    cairo_t *cr;
    buf bytes; /* what the surface wrote, malloc'd */
    char *footer;
    int page;
    double y; /* the next line's top */
};

/* The fonts, read with FreeType from their files once for the process's
 * life: cairo's own font lookup goes through fontconfig, whose setup leaks
 * (a leak checker would flag every run). cairo locks a face while it uses
 * it, so threads share them. */
static const char *const font_dirs[] = {
    "/usr/share/fonts/truetype/dejavu/", /* Debian, Ubuntu: fonts-dejavu-core */
    "/usr/share/fonts/dejavu-sans-fonts/", /* Fedora */
    "/usr/share/fonts/TTF/",               /* Arch */
    "/usr/share/fonts/dejavu/",
};
static const char *const font_files[2] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};
static FT_Library ft;
static FT_Face ft_faces[2];
static cairo_font_face_t *faces[2];

static void fonts_release(void)
{
    for (int i = 0; i < 2; i++)
        if (faces[i])
            cairo_font_face_destroy(faces[i]);
    cairo_debug_reset_static_data();
    for (int i = 0; i < 2; i++)
        if (ft_faces[i])
            FT_Done_Face(ft_faces[i]);
    FT_Done_FreeType(ft);
}

static void fonts_load(void)
{
    if (FT_Init_FreeType(&ft) != 0)
        return;
    for (int i = 0; i < 2; i++)
        for (size_t d = 0; !ft_faces[i] && d < sizeof font_dirs / sizeof *font_dirs; d++) {
            char path[256];
            snprintf(path, sizeof path, "%s%s", font_dirs[d], font_files[i]);
            if (FT_New_Face(ft, path, 0, &ft_faces[i]) != 0)
                ft_faces[i] = NULL;
        }
    for (int i = 0; i < 2; i++)
        faces[i] = ft_faces[i] ? cairo_ft_font_face_create_for_ft_face(ft_faces[i], 0) : NULL;
    atexit(fonts_release);
}

static cairo_status_t write_bytes(void *closure, const unsigned char *data, unsigned int len)
{
    buf_append(closure, (const char *)data, len);
    return CAIRO_STATUS_SUCCESS;
}

static void font(pdf *p, double size, bool bold)
{
    cairo_set_font_face(p->cr, faces[bold]);
    cairo_set_font_size(p->cr, size);
}

static double line_height(double size)
{
    return size * 1.4;
}

static double text_width(pdf *p, const char *s, size_t n)
{
    char tmp[1024];
    if (n >= sizeof tmp)
        n = sizeof tmp - 1;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    cairo_text_extents_t ext;
    cairo_text_extents(p->cr, tmp, &ext);
    return ext.x_advance;
}

static void foot(pdf *p)
{
    font(p, 8.0, false);
    cairo_move_to(p->cr, MARGIN, PAGE_H - MARGIN + 6.0);
    cairo_show_text(p->cr, p->footer);
    char num[32];
    snprintf(num, sizeof num, "Page %d", p->page);
    cairo_move_to(p->cr, PAGE_W - MARGIN - text_width(p, num, strlen(num)),
                  PAGE_H - MARGIN + 6.0);
    cairo_show_text(p->cr, num);
}

void pdf_page_break(pdf *p)
{
    foot(p);
    cairo_show_page(p->cr);
    p->page++;
    p->y = MARGIN;
}

/* Room for h more points on this page, or a new page. */
static void need(pdf *p, double h)
{
    if (p->y + h > BOTTOM && p->y > MARGIN)
        pdf_page_break(p);
}

pdf *pdf_begin(const char *title, const char *footer)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, fonts_load);
    pdf *p = faces[0] && faces[1] ? calloc(1, sizeof *p) : NULL;
    if (!p)
        return NULL;
    buf_init(&p->bytes, NULL);
    p->surface = cairo_pdf_surface_create_for_stream(write_bytes, &p->bytes, PAGE_W, PAGE_H);
    p->cr = cairo_create(p->surface);
    cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_TITLE, title ? title : "");
    p->footer = strdup(footer ? footer : "");
    p->page = 1;
    p->y = MARGIN;
    return p;
}

/* The byte length of the next UTF-8 character of s. */
static size_t char_len(const char *s)
{
    size_t n = 1;
    while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80)
        n++;
    return n;
}

/* Lays out text within width, from x, as lines; draws them when draw,
 * else only counts them. Breaks at spaces; a word wider than the line is
 * broken between characters. */
static int wrap(pdf *p, const char *text, double x, double width, double size, bool draw)
{
    double lh = line_height(size);
    int lines = 0;
    const char *s = text ? text : "";
    do {
        const char *end = s, *fit = s;
        /* the longest run of words (or of a word's characters) that fits */
        while (*end && *end != '\n') {
            const char *next = end;
            while (*next == ' ')
                next++;
            while (*next && *next != ' ' && *next != '\n')
                next += char_len(next);
            if (text_width(p, s, (size_t)(next - s)) > width)
                break;
            fit = end = next;
        }
        if (fit == s && *s && *s != '\n') /* one word too wide: break inside it */
            for (fit = s + char_len(s); *fit && *fit != ' ' && *fit != '\n' &&
                                        text_width(p, s, (size_t)(fit - s + char_len(fit))) <= width;
                 fit += char_len(fit))
                ;
        if (draw) {
            if (!lines)
                need(p, lh);
            else if (p->y + lh > BOTTOM)
                pdf_page_break(p);
            char line[1024];
            size_t n = (size_t)(fit - s) < sizeof line - 1 ? (size_t)(fit - s) : sizeof line - 1;
            memcpy(line, s, n);
            line[n] = '\0';
            cairo_move_to(p->cr, x, p->y + size);
            cairo_show_text(p->cr, line);
            p->y += lh;
        }
        lines++;
        s = fit;
        while (*s == ' ')
            s++;
        if (*s == '\n')
            s++;
    } while (*s);
    return lines;
}

void pdf_title(pdf *p, const char *text)
{
    font(p, 18.0, true);
    wrap(p, text, MARGIN, TEXT_W, 18.0, true);
    p->y += 6.0;
}

void pdf_heading(pdf *p, const char *text)
{
    p->y += 8.0;
    need(p, line_height(13.0) + line_height(BODY_SIZE)); /* not alone at a page's foot */
    font(p, 13.0, true);
    wrap(p, text, MARGIN, TEXT_W, 13.0, true);
    p->y += 2.0;
}

void pdf_paragraph(pdf *p, const char *text)
{
    font(p, BODY_SIZE, false);
    wrap(p, text, MARGIN, TEXT_W, BODY_SIZE, true);
    p->y += 4.0;
}

void pdf_field(pdf *p, const char *label, const char *value)
{
    font(p, BODY_SIZE, true);
    char lead[256];
    snprintf(lead, sizeof lead, "%s: ", label);
    double w = text_width(p, lead, strlen(lead));
    need(p, line_height(BODY_SIZE));
    cairo_move_to(p->cr, MARGIN, p->y + BODY_SIZE);
    cairo_show_text(p->cr, lead);
    font(p, BODY_SIZE, false);
    if (w > TEXT_W / 3) { /* a long label: the value below it */
        p->y += line_height(BODY_SIZE);
        w = 0;
    }
    wrap(p, value && *value ? value : "—", MARGIN + w, TEXT_W - w, BODY_SIZE, true);
}

/* A row's height: its tallest cell, wrapped within its column. */
static double row_height(pdf *p, int ncols, const double *widths, const char *const *cells,
                         bool header)
{
    int lines = 1;
    font(p, BODY_SIZE, header);
    for (int i = 0; i < ncols; i++) {
        int n = wrap(p, cells[i], 0, widths[i] * TEXT_W - 2 * CELL_PAD, BODY_SIZE, false);
        if (n > lines)
            lines = n;
    }
    return lines * line_height(BODY_SIZE) + 2 * CELL_PAD;
}

/* One row of the table; bold for the header. */
static void table_row(pdf *p, int ncols, const double *widths, const char *const *cells,
                      bool header)
{
    double h = row_height(p, ncols, widths, cells, header), top = p->y, x = MARGIN;
    cairo_set_line_width(p->cr, 0.5);
    for (int i = 0; i < ncols; i++) {
        double w = widths[i] * TEXT_W;
        cairo_rectangle(p->cr, x, top, w, h);
        cairo_stroke(p->cr);
        p->y = top + CELL_PAD;
        wrap(p, cells[i], x + CELL_PAD, w - 2 * CELL_PAD, BODY_SIZE, true);
        x += w;
    }
    p->y = top + h;
}

void pdf_table(pdf *p, int ncols, const double *widths, const char *const *cells, int nrows)
{
    for (int r = 0; r < nrows; r++) {
        double h = row_height(p, ncols, widths, cells + r * ncols, r == 0);
        /* a row is not split; a new page repeats the header */
        if (p->y + h > BOTTOM && p->y > MARGIN) {
            pdf_page_break(p);
            if (r > 0)
                table_row(p, ncols, widths, cells, true);
        }
        table_row(p, ncols, widths, cells + r * ncols, r == 0);
    }
    p->y += 6.0;
}

bool pdf_end(pdf *p, buf *out)
{
    foot(p);
    cairo_show_page(p->cr);
    cairo_destroy(p->cr);
    cairo_surface_finish(p->surface);
    bool ok = cairo_surface_status(p->surface) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(p->surface);
    if (ok)
        buf_append(out, p->bytes.s ? p->bytes.s : "", p->bytes.len);
    buf_release(&p->bytes);
    free(p->footer);
    free(p);
    return ok;
}

/* svg.c: the bar chart writer. Presentation attributes, not style
 * attributes, so that a strict Content-Security-Policy keeps it drawn. Its
 * width is fixed; a style sheet's max-width: 100% narrows it on a phone. */
#include "out/svg.h"

#include <string.h>

#include "out/html.h"

#define WIDTH 440          /* narrow, so that the text stays readable on a phone */
#define LABEL_END 150      /* labels end here, right-aligned */
#define BAR_X 158
#define BAR_MAX 220        /* the longest bar; its value is written after it */
#define ROW 30
#define BAR_H 20
#define TOP 34             /* below the title, drawn as the first line */

static void text(buf *b, const char *s)
{
    html_escape(b, s ? s : "", s ? strlen(s) : 0);
}

static double scale_of(const struct svg_chart *c)
{
    double max = c->max;
    for (int i = 0; c->max <= 0 && i < c->nbars; i++)
        if (!c->bars[i].hidden && c->bars[i].value > max)
            max = c->bars[i].value;
    return max > 0 ? max : 1;
}

static void bar(buf *b, const struct svg_bar *s, int y, double max)
{
    buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", LABEL_END, y + 15);
    text(b, s->label);
    buf_puts(b, "</text>");
    if (s->hidden) {
        /* R39: an outline, no length: the size of the figure is not drawn either. */
        buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                      "stroke=\"#555555\" stroke-dasharray=\"4 3\"/>"
                      "<text x=\"%d\" y=\"%d\" font-style=\"italic\">",
                   BAR_X, y, BAR_MAX, BAR_H, BAR_X + 8, y + 15);
        text(b, s->hidden);
        buf_puts(b, "</text>");
        return;
    }
    double v = s->value < 0 ? 0 : s->value > max ? max : s->value;
    int w = (int)(v / max * BAR_MAX + 0.5);
    buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#1f5f8b\"/>"
                  "<text x=\"%d\" y=\"%d\">",
               BAR_X, y, w, BAR_H, BAR_X + w + 6, y + 15);
    text(b, s->value_text);
    buf_puts(b, "</text>");
}

void svg_bar_chart(buf *b, const struct svg_chart *c)
{
    int rows = c->nbars ? c->nbars : 1, height = TOP + 8 + rows * ROW;
    buf_puts(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" "
                "aria-labelledby=\"");
    text(b, c->id);
    buf_puts(b, "-title ");
    text(b, c->id);
    buf_printf(b, "-desc\" viewBox=\"0 0 %d %d\" width=\"%d\" font-family=\"sans-serif\" "
                  "font-size=\"14\" fill=\"#1a1a1a\"><title id=\"",
               WIDTH, height, WIDTH * 5 / 4);
    text(b, c->id);
    buf_puts(b, "-title\">");
    text(b, c->title);
    buf_puts(b, "</title><desc id=\"");
    text(b, c->id);
    buf_puts(b, "-desc\">");
    text(b, c->desc);
    buf_puts(b, "</desc><text x=\"0\" y=\"18\" font-weight=\"bold\" font-size=\"16\">");
    text(b, c->title);
    buf_puts(b, "</text>");
    double max = scale_of(c);
    for (int i = 0; i < c->nbars; i++)
        bar(b, &c->bars[i], TOP + i * ROW, max);
    if (!c->nbars)
        buf_printf(b, "<text x=\"%d\" y=\"%d\">No figures yet.</text>", BAR_X, TOP + 15);
    buf_puts(b, "</svg>");
}

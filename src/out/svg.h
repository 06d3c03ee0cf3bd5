/* svg.h: a small bar chart drawn on the server as SVG, so that a chart
 * needs no script and reads the same everywhere. Horizontal bars, one per
 * row, each labelled with its value; the chart carries a <title> and a
 * <desc> (its text alternative) and is role="img" labelled by both. A bar
 * whose figure may not be shown is drawn as an empty outline holding the
 * words that say why, never a number. Every text is escaped. */
#ifndef PARLEY_SVG_H
#define PARLEY_SVG_H

#include "base/buf.h"

struct svg_bar {
    const char *label;        /* beside the bar */
    double value;             /* from 0 to the chart's max */
    const char *value_text;   /* written at the bar's end, e.g. "83%" */
    const char *hidden;       /* not NULL: no bar, no value, these words instead */
};

struct svg_chart {
    const char *id;           /* unique in the page; the title's and desc's ids derive from it */
    const char *title;
    const char *desc;         /* the text alternative: what the chart shows, in words */
    double max;               /* the top of the scale (100 for shares); <= 0: the largest value */
    const struct svg_bar *bars;
    int nbars;
};

void svg_bar_chart(buf *b, const struct svg_chart *c);

#endif

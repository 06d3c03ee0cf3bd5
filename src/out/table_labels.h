/* table_labels.h: each table cell labelled by its column's header, for the
 * stacked rows a phone shows (parley.css, below 600 px). */
#ifndef PARLEY_TABLE_LABELS_H
#define PARLEY_TABLE_LABELS_H

#include "base/buf.h"

/* Gives every body cell (<td>, or a row's <th>) of a table with a <thead>
 * a data-label attribute: the text of its column's header. page is markup
 * written by the HTML writer (every value in it escaped, so each '<' starts
 * a tag of ours); it is replaced by the labelled page, unchanged when it
 * has no table header. */
void table_labels_add(buf *page);

#endif

/* meetings_ui.h: what the pages of the coaching log, the meetings and the
 * calendar share: dates and local times as people read them (the date
 * always visible, with words), and one way to answer a refusal. */
#ifndef PARLEY_MEETINGS_UI_H
#define PARLEY_MEETINGS_UI_H

#include "web/web.h"

/* "2026-05-02, Sat 2 May 2026" in a <time>; the text as given if it is
 * not a date. */
void html_day(req *r, const char *ymd);
/* "2026-05-02 15:30, Sat 2 May 2026" for a local "YYYY-MM-DD HH:MM". */
void html_local_time(req *r, const char *local);

#endif

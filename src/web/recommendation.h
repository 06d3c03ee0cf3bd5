/* recommendation.h (web): what the pages of the recommendation to the
 * Panel, the evidence packet and the Panel's decisions share. */
#ifndef PARLEY_WEB_RECOMMENDATION_H
#define PARLEY_WEB_RECOMMENDATION_H

#include "app/recommendation.h"
#include "web/web.h"

/* R25: the case's "final rating" line: only an approved rating is called
 * final; a pending one awaits the Superintendent's approval (by the title
 * the program gives them). */
void final_rating_line(req *r, const struct case_record *k);
/* R22: "until YYYY-MM-DD (N days left)", or that the window closed. */
void preview_deadline(req *r, const struct recommendation *rec);

/* R22: what the teacher or the administrator sends the Panel, as the
 * page's form (multipart) sends it: kind, body and a file. Also the API's
 * for a multipart request. */
struct submission_input submission_input_from(req *r);

#endif

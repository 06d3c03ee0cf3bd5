/* api_reports.c: /api/v1/reports/track-record (public, like its page) and
 * /api/v1/reports/work (the coordinator's and the Panel's). A hidden
 * figure (R39) is {"shown": false, "note": "..."} with no number in it. */
#include "app/people.h"
#include "app/track_record.h"
#include "web/api.h"
#include "web/handlers.h"
#include "web/reports.h"

static bool hidden(req *r, json *j, enum cell_shown shown, int min)
{
    json_kv_bool(j, "shown", shown == CELL_SHOWN);
    if (shown != CELL_SHOWN)
        json_kv_str(j, "note", report_hidden(r, shown, min));
    return shown != CELL_SHOWN;
}

static void share_json(req *r, json *j, const char *key, const struct share *s, int min)
{
    json_key(j, key);
    json_obj_begin(j);
    if (!hidden(r, j, s->shown, min)) {
        json_kv_int(j, "group_size", s->n);
        json_kv_int(j, "count", s->num);
        json_kv_int(j, "percent", s->percent);
    }
    json_obj_end(j);
}

static void year_keys(req *r, json *j, int year, int col)
{
    json_obj_begin(j);
    json_kv_str(j, "school_year", report_year(r, year));
    if (col >= 0)
        json_kv_str(j, "track", tr_column_key(col));
}

static void survey_json(req *r, json *j, const struct survey_year *y, int col, int min)
{
    const struct survey_cell *cell = &y->cell[col];
    year_keys(r, j, y->year, col);
    json_kv_str(j, "party", y->party);
    if (!hidden(r, j, cell->shown, min)) {
        json_kv_int(j, "answers", cell->n);
        for (int i = 0; i < SURVEY_ITEMS; i++) {
            json_key(j, survey_item_key(i));
            json_obj_begin(j);
            json_key(j, "mean");
            json_real(j, cell->mean[i]);
            json_kv_int(j, "agree_percent", cell->agree[i]);
            json_obj_end(j);
        }
    }
    json_obj_end(j);
}

void api_track_record(req *r)
{
    struct track_record t;
    enum app_status s = track_record_read(ctx_of(r), &t);
    if (s != APP_OK) {
        api_fail(r, s, KIND_CONTENT, NULL);
        return;
    }
    json j;
    api_begin(r, &j, 200);
    json_obj_begin(&j);
    json_kv_int(&j, "small_group_min", t.small_group_min);
    json_key(&j, "outcomes");
    json_arr_begin(&j);
    for (int i = 0; i < t.noutcomes; i++)
        for (int col = 0; col < TR_COLUMNS; col++) {
            const struct outcome_year *y = &t.outcomes[i];
            if (y->proficient[col].shown == CELL_EMPTY)
                continue;
            year_keys(r, &j, y->year, col);
            share_json(r, &j, "reached_proficient", &y->proficient[col], t.small_group_min);
            share_json(r, &j, "stayed", &y->stayed[col], t.small_group_min);
            json_obj_end(&j);
        }
    json_arr_end(&j);
    json_key(&j, "surveys");
    json_arr_begin(&j);
    for (int i = 0; i < t.nsurveys; i++)
        for (int col = 0; col < TR_COLUMNS; col++)
            if (t.surveys[i].cell[col].shown != CELL_EMPTY)
                survey_json(r, &j, &t.surveys[i], col, t.small_group_min);
    json_arr_end(&j);
    json_obj_end(&j);
}

static void casework_json(req *r, json *j, const struct work_report *w)
{
    json_key(j, "casework");
    json_arr_begin(j);
    for (int i = 0; i < w->ncasework; i++)
        for (int col = 0; col < TR_COLUMNS; col++) {
            const struct casework_cell *cell = &w->casework[i].cell[col];
            if (cell->shown == CELL_EMPTY)
                continue;
            year_keys(r, j, w->casework[i].year, col);
            if (!hidden(r, j, cell->shown, w->small_group_min)) {
                json_kv_int(j, "cases", cell->n);
                json_key(j, "visits_per_case");
                json_real(j, cell->visits);
                json_key(j, "observations_per_case");
                json_real(j, cell->observations);
            }
            json_obj_end(j);
        }
    json_arr_end(j);
}

static void caseload_json(req *r, json *j, const struct work_report *w)
{
    json_key(j, "caseload");
    json_arr_begin(j);
    for (int i = 0; i < w->ncaseload; i++) {
        year_keys(r, j, w->caseload[i].year, -1);
        json_kv_int(j, "consulting_teacher_id", w->caseload[i].ct_id);
        json_kv_str(j, "consulting_teacher", w->caseload[i].ct_name);
        json_kv_int(j, "cases", w->caseload[i].cases);
        json_kv_int(j, "weighted_load", w->caseload[i].load);
        json_obj_end(j);
    }
    json_arr_end(j);
}

static void timeliness_json(req *r, json *j, const struct work_report *w)
{
    json_key(j, "meetings");
    json_arr_begin(j);
    for (int i = 0; i < w->nmeetings; i++) {
        year_keys(r, j, w->meetings[i].year, -1);
        share_json(r, j, "held_on_time", &w->meetings[i].on_time, w->small_group_min);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_key(j, "feedback");
    json_arr_begin(j);
    for (int i = 0; i < w->nfeedback; i++) {
        const struct feedback_year *y = &w->feedback[i];
        year_keys(r, j, y->year, -1);
        if (!hidden(r, j, y->shown, w->small_group_min)) {
            json_kv_int(j, "observations", y->observations);
            json_kv_int(j, "median_days", y->median_days);
        }
        share_json(r, j, "within_feedback_days", &y->within, w->small_group_min);
        json_obj_end(j);
    }
    json_arr_end(j);
}

void api_work_report(req *r)
{
    struct work_report w;
    enum app_status s = work_report_read(ctx_of(r), WORK_ALL, &w);
    if (s != APP_OK) {
        api_fail(r, s, KIND_PROGRAM_REPORT, NULL);
        return;
    }
    json j;
    api_begin(r, &j, 200);
    json_obj_begin(&j);
    json_kv_int(&j, "small_group_min", w.small_group_min);
    json_kv_int(&j, "feedback_days", w.feedback_days);
    json_kv_int(&j, "caseload_cap", w.cap);
    caseload_json(r, &j, &w);
    casework_json(r, &j, &w);
    timeliness_json(r, &j, &w);
    json_obj_end(&j);
}

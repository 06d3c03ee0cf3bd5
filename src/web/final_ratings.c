/* final_ratings.c: the final ratings back to the district (R25, issue
 * 17): the Superintendent's approved ratings, for the district's evaluation
 * platform, as CSV (the decisions page's link and the API alike: RFC 4180,
 * formula-guarded, out/csv.h) and as the API's JSON. */
#include "app/recommendation.h"
#include "domain/track_record.h"
#include "out/csv.h"
#include "out/html.h"
#include "web/api.h"
#include "web/download.h"
#include "web/handlers.h"
#include "web/reports.h"

void final_ratings_link(req *r)
{
    if (app_authorize(ctx_of(r), ACT_LIST, KIND_FINAL_RATING, NULL) != APP_OK)
        return;
    html_raw(&r->out, "<h2>Final ratings for the district</h2><p>Every rating the Superintendent "
                      "approved, and only those, for the district's evaluation platform: "
                      "<a href=\"/final-ratings.csv\" download>download the final ratings "
                      "(CSV)</a>. Each teacher sees on their record that theirs was sent.</p>");
}

/* The ratings, or false once the refusal or failure is answered. */
static bool ratings_of(req *r, struct final_rating **f, int *n)
{
    enum app_status s = final_ratings_list(ctx_of(r), f, n);
    if (s != APP_OK)
        web_fail(r, s, KIND_FINAL_RATING);
    return s == APP_OK;
}

/* teacher, email, employee_id, school_year, rating, approved_on. */
void page_final_ratings_csv(req *r)
{
    struct final_rating *f;
    int n;
    if (!ratings_of(r, &f, &n))
        return;
    buf b;
    buf_init(&b, r->a);
    csv o;
    csv_begin(&o, &b);
    static const char *const columns[] = {"teacher",     "email",  "employee_id",
                                          "school_year", "rating", "approved_on"};
    for (size_t i = 0; i < sizeof columns / sizeof *columns; i++)
        csv_field(&o, columns[i]);
    csv_row_end(&o);
    for (int i = 0; i < n; i++) {
        csv_field(&o, f[i].teacher);
        csv_field(&o, f[i].email);
        csv_field(&o, f[i].employee_id);
        csv_field(&o, report_year(r, f[i].school_year));
        csv_field(&o, rating_label(f[i].rating));
        csv_field(&o, f[i].approved_on);
        csv_row_end(&o);
    }
    web_download(r, buf_cstr(&b), b.len, "text/csv; charset=utf-8", "final-ratings.csv");
}

void api_final_ratings(req *r)
{
    struct final_rating *f;
    int n;
    if (!ratings_of(r, &f, &n))
        return;
    json j;
    api_list_begin(r, &j);
    for (int i = 0; i < n; i++) {
        json_obj_begin(&j);
        json_kv_int(&j, "teacher_id", f[i].teacher_id);
        json_kv_str(&j, "teacher", f[i].teacher);
        json_kv_str(&j, "email", f[i].email);
        json_kv_str(&j, "employee_id", f[i].employee_id);
        json_kv_str(&j, "school_year", report_year(r, f[i].school_year));
        json_kv_str(&j, "rating", rating_key(f[i].rating));
        json_kv_str(&j, "rating_label", rating_label(f[i].rating));
        json_kv_str(&j, "approved_on", f[i].approved_on);
        json_kv_int(&j, "case_id", f[i].case_id);
        json_kv_int(&j, "decision_id", f[i].decision_id);
        json_obj_end(&j);
    }
    api_list_end(&j, n, NULL);
}

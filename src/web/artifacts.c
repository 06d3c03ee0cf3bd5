/* artifacts.c: a case's artifacts on the web (R15, R16, R19, R37): the
 * list with who added each and when, its size, type and evidence tags;
 * the upload form (the teacher, the CT and, on a PAR case, the
 * administrator); and the download, always as an attachment. */
#include <inttypes.h>
#include <string.h>

#include "app/artifact.h"
#include "base/clock.h"
#include "out/html.h"
#include "web/case_parts.h"
#include "web/download.h"
#include "web/evidence.h"
#include "web/handlers.h"

static void artifact_card(req *r, const struct artifact *a)
{
    html_printf(&r->out,
                "<article class=\"panel artifact\"><h3><a href=\"/cases/%" PRId64
                "/artifacts/%" PRId64 "/file\"",
                a->case_id, a->id);
    /* A photo opens in the browser (web_download); any other file is saved. */
    html_raw(&r->out,
             document_shown_inline(document_of_media_type(a->media_type)) ? ">" : " download>");
    html_printf(&r->out, "%s</a></h3>", a->title);
    html_printf(&r->out, "<p>%s, %s (%s). Added by %s on %s.</p>", a->type_label,
                file_size_words(r, a->size), a->filename,
                *a->uploaded_by_name ? a->uploaded_by_name : "—", clock_date(r->a, a->created_at));
    if (*a->description)
        text_lines(r, a->description);
    if (a->ntags)
        evidence_list(r, a->tags, a->ntags);
    html_raw(&r->out, "</article>");
}

static void upload_form(req *r, const struct case_record *k, const struct artifact_input *in,
                        const struct errors *errs)
{
    html_raw(&r->out, "<h2 id=\"upload\">Add an artifact</h2>");
    form_errors(r, errs);
    form_begin_upload(r, arena_printf(r->a, "/cases/%" PRId64 "/artifacts", k->id));
    document_fields(r, in->title, in->description, errs);
    field_input(r,
                &(struct field){.name = "file",
                                .label = "File",
                                .type = "file",
                                .required = true,
                                .hint = arena_printf(r->a,
                                                     "%s, up to the server's upload "
                                                     "limit. The file is checked by "
                                                     "its content.",
                                                     document_accepted(r->a, DOCS_ANY))},
                errs);
    evidence_fields(r, in->indicators, errs);
    form_end(r, "Add the artifact");
}

static void artifacts_page(req *r, const struct case_record *k, const struct artifact *list,
                           int n, const struct artifact_input *in, const struct errors *errs)
{
    bool may_add = k->state == CASE_ON_CASELOAD &&
                   casework_may(ctx_of(r), k, ACT_CREATE, KIND_ARTIFACT);
    case_part_begin(r, k, "Artifacts", "artifacts");
    if (may_add)
        html_raw(&r->out, "<p class=\"page-actions\"><a class=\"button\" href=\"#upload\">"
                          "Add an artifact</a></p>");
    html_raw(&r->out, "<p>Documents of the teacher's practice, added by the teacher, the "
                      "Consulting Teacher or, in PAR, the administrator. Each opens as a "
                      "download; the teacher sees who opened it.</p>");
    if (!n)
        html_raw(&r->out, "<p>No artifact added yet.</p>");
    for (int i = 0; i < n; i++)
        artifact_card(r, &list[i]);
    if (may_add)
        upload_form(r, k, in, errs);
    page_end(r);
}

static enum app_status show(req *r, const struct artifact_input *in, const struct errors *errs)
{
    struct case_record k;
    struct artifact *list;
    int n;
    enum app_status s = artifacts_list(ctx_of(r), req_id(r, "id"), &k, &list, &n);
    if (s == APP_OK)
        artifacts_page(r, &k, list, n, in, errs);
    return s;
}

void page_artifacts(req *r)
{
    enum app_status s = show(r, &(struct artifact_input){.indicators = ""}, NULL);
    if (s != APP_OK)
        web_fail(r, s, KIND_ARTIFACT);
}

/* The form's fields, the file among them. Also the API's. */
struct artifact_input artifact_input_from(req *r)
{
    return (struct artifact_input){.title = form_value(r, "title"),
                                   .description = form_value(r, "description"),
                                   .indicators = form_indicators(r),
                                   .file = form_file(r, "file")};
}

void do_artifact_upload(req *r)
{
    struct artifact_input in = artifact_input_from(r);
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    int64_t case_id = req_id(r, "id"), id = 0;
    enum app_status s = artifact_upload(ctx_of(r), case_id, &in, &id, &errs, &refusal);
    if (s == APP_INVALID) {
        r->status = 400;
        if ((s = show(r, &in, &errs)) != APP_OK)
            web_fail(r, s, KIND_ARTIFACT);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_ARTIFACT);
        return;
    }
    web_flash(r, "The artifact is added to the case.");
    res_redirect(r, arena_printf(r->a, "/cases/%" PRId64 "/artifacts", case_id));
}

/* Pages and API alike: the bytes, as an attachment; the read is audited
 * for anyone but the teacher (artifact_download, R37, R38). */
void page_artifact_file(req *r)
{
    struct artifact a;
    const char *data;
    size_t len;
    enum app_status s = artifact_download(ctx_of(r), req_id(r, "id"), req_id(r, "item"), &a,
                                          &data, &len);
    if (s != APP_OK)
        web_fail(r, s, KIND_ARTIFACT);
    else
        web_download(r, data, len, a.media_type, a.filename);
}

/* --- the case page's section --- */

void artifacts_summary(req *r, const struct case_record *k)
{
    int n = 0;
    int64_t newest = 0;
    if (artifacts_count(ctx_of(r), k, &n, &newest) != APP_OK)
        return;
    if (!n) {
        html_raw(&r->out, "<p>No artifact added yet.</p>");
        return;
    }
    html_printf(&r->out, "<p>%d %s; the newest added on %s.</p>", n,
                n == 1 ? "artifact" : "artifacts", clock_date(r->a, newest));
}

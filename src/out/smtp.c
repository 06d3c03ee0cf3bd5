/* smtp.c: the one place that speaks SMTP, through libcurl. */
#include "out/smtp.h"

#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

/* The relay's last answer, for the reason a message was not sent: curl's
 * own error words ("Weird server reply") do not say what the relay said. */
struct answer {
    char line[256];
};

static int last_answer(CURL *curl, curl_infotype type, char *data, size_t size, void *arg)
{
    (void)curl;
    struct answer *a = arg;
    if (type != CURLINFO_HEADER_IN)
        return 0;
    while (size && (data[size - 1] == '\n' || data[size - 1] == '\r'))
        size--;
    if (size >= sizeof a->line)
        size = sizeof a->line - 1;
    memcpy(a->line, data, size);
    a->line[size] = 0;
    return 0;
}

struct upload {
    const char *data;
    size_t len, at;
};

static size_t read_part(char *to, size_t size, size_t count, void *arg)
{
    struct upload *u = arg;
    size_t n = size * count;
    if (n > u->len - u->at)
        n = u->len - u->at;
    memcpy(to, u->data + u->at, n);
    u->at += n;
    return n;
}

bool smtp_global_init(void)
{
    return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
}

enum smtp_result smtp_send(const struct smtp_relay *r, const char *to, const char *message,
                           size_t len, char *why, size_t n)
{
    CURL *curl = curl_easy_init();
    if (!curl) {
        snprintf(why, n, "out of memory");
        return SMTP_LATER;
    }
    char error[CURL_ERROR_SIZE] = "", from[320], rcpt[320];
    snprintf(from, sizeof from, "<%s>", r->from);
    snprintf(rcpt, sizeof rcpt, "<%s>", to);
    struct curl_slist *rcpts = curl_slist_append(NULL, rcpt);
    struct upload u = {message, len, 0};
    curl_easy_setopt(curl, CURLOPT_URL, r->url);
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from);
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpts);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_part);
    curl_easy_setopt(curl, CURLOPT_READDATA, &u);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
    curl_easy_setopt(curl, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, r->timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    struct answer said = {""};
    curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, last_answer);
    curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &said);
    curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);
    if (r->user) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, r->user);
        curl_easy_setopt(curl, CURLOPT_PASSWORD, r->password ? r->password : "");
    }
    CURLcode rc = curl_easy_perform(curl);
    long code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    curl_slist_free_all(rcpts);
    curl_easy_cleanup(curl);
    if (rc == CURLE_OK)
        return SMTP_SENT;
    if (*said.line && code >= 400)
        snprintf(why, n, "the relay said: %s", said.line);
    else
        snprintf(why, n, "%s", *error ? error : curl_easy_strerror(rc));
    return code >= 500 && code < 600 ? SMTP_REFUSED : SMTP_LATER;
}

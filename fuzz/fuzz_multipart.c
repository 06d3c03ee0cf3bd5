/* fuzz_multipart: multipart/form-data bodies, the way a browser's upload
 * reaches us. The post processor of libmicrohttpd cannot be created without
 * a live MHD connection (it reads the boundary from the request's headers),
 * so this target starts the real http server once (loopback, any free port,
 * one upload route) and sends each input as the body of a POST with a fixed
 * boundary. The route's dispatch walks every field the way handlers do and
 * checks what server.c promises: names and text values valid UTF-8, files
 * with a name and a content type. The answer must be 200 or a 4xx. */
#include "fuzz.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "base/utf8.h"
#include "http/http.h"

#define BOUNDARY "fuzzBoundary7MA4YWxk"

static void on_upload(req *r)
{
    (void)r; /* dispatch does the work */
}

static const struct route routes[] = {
    {"POST", "/upload", on_upload, 0, 0, ROUTE_UPLOAD, "A multipart upload"},
};

static void dispatch(req *r, const struct route *rt)
{
    size_t n = 0, bytes = 0;
    for (const struct http_field *f = req_fields(r); f; f = f->next) {
        FUZZ_CHECK(f->name && f->value);
        FUZZ_CHECK(utf8_valid(f->name, strlen(f->name)));
        if (f->filename) {
            FUZZ_CHECK(utf8_valid(f->filename, strlen(f->filename)));
            FUZZ_CHECK(f->content_type != NULL);
            FUZZ_CHECK(req_upload(r, f->name) != NULL);
        } else {
            FUZZ_CHECK(strlen(f->value) == f->len);
            FUZZ_CHECK(utf8_valid(f->value, f->len));
            FUZZ_CHECK(req_form(r, f->name) != NULL);
        }
        n++;
        bytes += f->len;
    }
    rt->fn(r);
    buf_printf(&r->out, "%zu fields, %zu bytes\n", n, bytes);
}

static int port;

static void start_server(void)
{
    struct http_config cfg = {
        .listen_addr = "127.0.0.1",
        .port = 0,
        .threads = 1,
        .limits = http_default_limits(),
        .routes = routes,
        .nroutes = sizeof routes / sizeof routes[0],
        .dispatch = dispatch,
        .access_log = fopen("/dev/null", "w"),
    };
    char *err = NULL;
    http_server *s = http_start(&cfg, &err);
    if (!s) {
        fprintf(stderr, "fuzz_multipart: %s\n", err);
        exit(1);
    }
    port = http_port(s); /* the server lives as long as the process */
}

static void send_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t k = send(fd, p, n, MSG_NOSIGNAL);
        if (k < 0 && errno == EINTR) /* libFuzzer's timer (SIGALRM) */
            continue;
        if (k <= 0)
            return; /* the server may answer and close before the end */
        p += k;
        n -= (size_t)k;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!port)
        start_server();
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    FUZZ_CHECK(fd >= 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int rc;
    while ((rc = connect(fd, (struct sockaddr *)&sa, sizeof sa)) != 0 &&
           (errno == EINTR || errno == EALREADY))
        ; /* interrupted by libFuzzer's timer: the connection goes on */
    FUZZ_CHECK(rc == 0 || errno == EISCONN);
    char head[256];
    int hl = snprintf(head, sizeof head,
                      "POST /upload HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n"
                      "Content-Type: multipart/form-data; boundary=" BOUNDARY "\r\n"
                      "Content-Length: %zu\r\n\r\n",
                      size);
    send_all(fd, head, (size_t)hl);
    send_all(fd, (const char *)data, size);
    char answer[4096];
    size_t got = 0;
    ssize_t k;
    errno = 0;
    while ((k = recv(fd, answer + got, sizeof answer - 1 - got, 0)) > 0 ||
           (k < 0 && errno == EINTR)) {
        if (k < 0)
            continue;
        got += (size_t)k;
        if (got == sizeof answer - 1)
            got = 64; /* keep the status line, drop the rest */
    }
    close(fd);
    answer[got] = '\0';
    /* 200, or a 4xx that names the problem; never a 5xx or no answer. */
    int status = 0;
    if (sscanf(answer, "HTTP/1.1 %d", &status) != 1) {
        fprintf(stderr, "fuzz_multipart: no answer (%zu bytes, %s): %.64s\n", got,
                errno ? strerror(errno) : "closed", answer);
        abort();
    }
    if (getenv("FUZZ_VERBOSE")) /* to see what the seeds get */
        fprintf(stderr, "fuzz_multipart: %s\n", answer);
    FUZZ_CHECK(status == 200 || (status >= 400 && status < 500));
    return 0;
}

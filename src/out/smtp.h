/* smtp.h: hands one message to a mail relay over SMTP (libcurl): smtp://
 * with STARTTLS when the relay offers it, smtps:// with TLS from the
 * start; a user and password when the relay asks for them. */
#ifndef PARLEY_SMTP_H
#define PARLEY_SMTP_H
#include <stdbool.h>
#include <stddef.h>

struct smtp_relay {
    const char *url;                 /* smtp[s]://HOST:PORT */
    const char *user, *password;     /* NULL: no authentication */
    const char *from;                /* the envelope sender */
    long timeout_seconds;
};

enum smtp_result {
    SMTP_SENT,
    SMTP_LATER,       /* the relay is down, timed out or said 4xx: try again */
    SMTP_REFUSED,     /* the relay said 5xx: trying again will not help */
};

/* Once per process, before any thread sends. */
bool smtp_global_init(void);
/* Sends message (len bytes) to one address; why gets the relay's reason
 * (or the connection's) when it was not sent. */
enum smtp_result smtp_send(const struct smtp_relay *r, const char *to, const char *message,
                           size_t len, char *why, size_t n);

#endif

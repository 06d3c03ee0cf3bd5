/* log.h: messages to standard error; die() only at start-up and on OOM. */
#ifndef PARLEY_LOG_H
#define PARLEY_LOG_H

void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif

/* wtsd's log: one line per fact on stderr, each with a level, so that
 * systemd's journal (or a test) reads it as it comes. Lines below the
 * chosen level (--log-level) are not written.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef WTSD_LOG_H
#define WTSD_LOG_H

#include <stdbool.h>

typedef enum wtsd_log_level {
    WTSD_LOG_ERROR = 0, /* wtsd cannot go on, or a configured thing is unusable */
    WTSD_LOG_WARN = 1,  /* a client was refused or misbehaved */
    WTSD_LOG_INFO = 2,  /* connections, handshakes, session events */
    WTSD_LOG_DEBUG = 3, /* every request and its status */
} wtsd_log_level;

/* "error", "warn" (or "warning"), "info", "debug". */
bool wtsd_log_level_parse(const char *name, wtsd_log_level *out);
const char *wtsd_log_level_name(wtsd_log_level level);

void wtsd_log_set_level(wtsd_log_level level);
bool wtsd_log_enabled(wtsd_log_level level);

/* Writes "wtsd: LEVEL: text\n" in one write, so lines of a restarted
 * daemon or of a test's other processes never mix within a line. */
void wtsd_log(wtsd_log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define wtsd_error(...) wtsd_log(WTSD_LOG_ERROR, __VA_ARGS__)
#define wtsd_warn(...) wtsd_log(WTSD_LOG_WARN, __VA_ARGS__)
#define wtsd_info(...) wtsd_log(WTSD_LOG_INFO, __VA_ARGS__)
#define wtsd_debug(...) wtsd_log(WTSD_LOG_DEBUG, __VA_ARGS__)

#endif

/* wtsd's log lines (log.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static wtsd_log_level current = WTSD_LOG_INFO;

static const char *const names[] = { "error", "warn", "info", "debug" };

bool wtsd_log_level_parse(const char *name, wtsd_log_level *out)
{
    if (!name)
        return false;
    if (strcasecmp(name, "warning") == 0) {
        *out = WTSD_LOG_WARN;
        return true;
    }
    for (int i = 0; i < (int)(sizeof(names) / sizeof(names[0])); i++) {
        if (strcasecmp(name, names[i]) == 0) {
            *out = (wtsd_log_level)i;
            return true;
        }
    }
    return false;
}

const char *wtsd_log_level_name(wtsd_log_level level)
{
    return (unsigned)level < sizeof(names) / sizeof(names[0]) ? names[level] : "?";
}

void wtsd_log_set_level(wtsd_log_level level)
{
    current = level;
}

bool wtsd_log_enabled(wtsd_log_level level)
{
    return level <= current;
}

void wtsd_log(wtsd_log_level level, const char *fmt, ...)
{
    if (!wtsd_log_enabled(level))
        return;
    char line[2048];
    int n = snprintf(line, sizeof(line), "wtsd: %s: ", wtsd_log_level_name(level));
    va_list ap;
    va_start(ap, fmt);
    int m = vsnprintf(line + n, sizeof(line) - (size_t)n - 1, fmt, ap);
    va_end(ap);
    size_t len = (size_t)n + (m < 0 ? 0 : (size_t)m);
    if (len > sizeof(line) - 2)
        len = sizeof(line) - 2; /* a cut line still ends with its newline */
    line[len++] = '\n';
    /* One write per line; a short write to a full pipe loses the rest of
     * this line only. */
    ssize_t w = write(STDERR_FILENO, line, len);
    (void)w;
}

/* Tracing as Wine's own DLLs do it: with WINEDEBUG=+wtsapi (the builtin's
 * channel) every export prints one "trace:wtsapi:Function args" line, and
 * an export not implemented prints a "fixme:wtsapi:" line once per process
 * (fixme lines are on unless WINEDEBUG says fixme-all). The lines go through
 * Wine's ntdll, so their format, thread id prefix and WINEDEBUG parsing are
 * exactly Wine's; on Windows, where ntdll has no such exports, nothing is
 * printed and a trace costs one test of a flag.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_TRACE_H
#define OPENWTS_TRACE_H

#include <windows.h>

/* Wine's debug classes (wine/debug.h): bit numbers in the channel flags. */
enum trace_class { TRACE_CLASS_FIXME = 0, TRACE_CLASS_ERR = 1, TRACE_CLASS_WARN = 2, TRACE_CLASS_TRACE = 3 };

/* Whether a class is on; the first call per process asks Wine. */
BOOL trace_enabled(enum trace_class cls);
void trace_print(enum trace_class cls, const char *function, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
/* A wide or ANSI string as Wine's debugstr_w/debugstr_a shows it (quoted,
 * L"..." for wide, NULL as NULL), in a buffer that lives until a few more
 * such strings have been made; only valid while tracing is on. */
const char *trace_wstr(const WCHAR *s);
const char *trace_astr(const char *s);

#define TRACE(...)                                                     \
    do {                                                               \
        if (trace_enabled(TRACE_CLASS_TRACE))                          \
            trace_print(TRACE_CLASS_TRACE, __func__, __VA_ARGS__);     \
    } while (0)

/* Once per process and export, as Wine's stubs do it. */
#define FIXME_ONCE(...)                                                \
    do {                                                               \
        static LONG fixme_done_;                                       \
        if (trace_enabled(TRACE_CLASS_FIXME) &&                        \
            !InterlockedExchange(&fixme_done_, 1))                     \
            trace_print(TRACE_CLASS_FIXME, __func__, __VA_ARGS__);     \
    } while (0)

#endif

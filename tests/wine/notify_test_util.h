/* What the tests of session change notifications share: windows that
 * collect WM_WTSSESSION_CHANGE, another program of the prefix run beside
 * the test (not waited for, unlike run_program), and events posted as any
 * process of the prefix posts them (the local backend's local_events.c,
 * compiled into the test).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_NOTIFY_TEST_UTIL_H
#define OPENWTS_NOTIFY_TEST_UTIL_H

#include "wine_test_util.h"

#include "local_events.h"
#include "openwts/backend.h"

/* A message-only window (Wine makes those without a display). */
HWND notify_window(void);

/* One WM_WTSSESSION_CHANGE as the window got it, and when (GetTickCount64). */
typedef struct change {
    WPARAM code;
    LPARAM session;
    ULONGLONG tick;
} change;

/* Takes hwnd's WM_WTSSESSION_CHANGE messages off the queue for `ms`
 * milliseconds, as they come; returns how many (at most `cap` kept). */
size_t collect_changes(HWND hwnd, change *out, size_t cap, DWORD ms);
/* The same while `process` runs (at most max_ms) and `after_ms` more once
 * it has ended, so that late and repeated messages are seen too. */
size_t collect_changes_around(HWND hwnd, HANDLE process, change *out, size_t cap, DWORD after_ms,
                              DWORD max_ms);
/* Fails unless exactly the `count` changes (code, session) came, in order. */
void assert_changes(const change *got, size_t got_count, const WPARAM *codes, const DWORD *sessions,
                    size_t count);

/* Posts one event of `kind` for `session`, as a process that changed it. */
void post_event(DWORD session, openwts_event_kind kind);

/* A program of bin/ running beside the test, its stdout on a pipe. */
typedef struct child {
    HANDLE process;
    HANDLE out;
} child;
void child_start(child *c, const char *program, const char *args);
/* One line the child printed (without its newline); waits for it. */
void child_read_line(child *c, char *line, size_t cap);
/* Waits up to timeout_ms for the child to end; the rest of what it printed
 * goes to `out` (may be NULL). Returns its exit code. */
DWORD child_finish(child *c, char *out, size_t cap, DWORD timeout_ms);

#endif

/* What the Wine-run tests share: cmocka, our header, and helpers to run
 * another program of bin/ as a separate process and read what it printed.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_WINE_TEST_UTIL_H
#define OPENWTS_WINE_TEST_UTIL_H

#include <windows.h>
#include <wtsapi32.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* Asserts that a BOOL call failed with `err` as its last error. The last
 * error is poisoned first, so a failure that forgot SetLastError shows. */
#define assert_fails_with(call, err)                                   \
    do {                                                               \
        SetLastError(0xdeadbeef);                                      \
        BOOL ok_ = (call);                                             \
        DWORD le_ = GetLastError();                                    \
        assert_false(ok_);                                             \
        assert_int_equal(le_, (err));                                  \
    } while (0)

/* Runs `program` (a file name in the directory of this test's .exe) with
 * `args`, waits up to `timeout_ms`, and returns its exit code. What it
 * wrote to stdout is stored, NUL-terminated and without CRs, in `out`
 * (out may be NULL). Fails the test if it cannot be started or times out. */
DWORD run_program(const char *program, const char *args, char *out, size_t out_size,
                  DWORD timeout_ms);

/* The directory of the running test program, with a trailing backslash. */
void program_dir(char *dir, size_t size);

/* The caller's own session (ProcessIdToSessionId). */
DWORD own_session_id(void);

/* The console session's state via WTSQuerySessionInformationW. */
WTS_CONNECTSTATE_CLASS session_state(DWORD session_id);

/* Puts session `id` back to WTSActive (tests that disconnect call this in
 * their teardown: the state is shared by the whole prefix). */
void reconnect_session(DWORD id);

/* cmocka setup and teardown: the console session Active before and after
 * a test, whatever an earlier test or run left (the state is shared). */
int console_active(void **state);

/* Fails the test unless module `mod` is the image of the file `path` (our
 * DLL, not Wine's builtin standing in for it). */
void assert_module_is_file(HMODULE mod, const WCHAR *path);

/* Bytes in busy blocks of the process heap, where LocalAlloc (and so every
 * block WTSFreeMemory frees) takes its memory: a leak shows as growth. */
size_t process_heap_busy_bytes(void);

/* The value the next handle this process opens gets. Wine 8 hands out the
 * lowest free slot of the handle table (measured), so a handle leaked by
 * a call shows as a higher value afterwards. (GetProcessHandleCount gives 0
 * under Wine 8.) */
HANDLE next_handle_value(void);

#endif

/* Our own small implementation of the interface of Wine's "wine/test.h",
 * so Wine's conformance tests (fetched by scripts/thirdparty.sh, never
 * committed) build with mingw against our header and import library.
 *
 * Our DLL is held to Windows' behaviour, so the semantics are those of a
 * run on Windows, except where Windows would excuse Windows itself:
 * - todo_wine / todo_wine_if / todo_if excuse nothing: every ok() inside
 *   counts as on Windows, a failure is a failure ("0 marked as todo").
 * - broken(x) is FALSE, as under Wine: behaviour Wine's tests accept only
 *   because some Windows version shows it is not accepted from us.
 * - win_skip() is a failure, as under Wine: it marks a function missing
 *   from an old Windows, and our DLL has every function.
 * The program prints Wine's summary line, "NAME: N tests executed
 * (0 marked as todo, F failures), S skipped.", and exits with the number of
 * failures (at most 255, so a large count cannot wrap to success).
 * One thread: Wine's tests of wtsapi32 call ok() from the main thread only.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_WINE_TEST_SHIM_H
#define OPENWTS_WINE_TEST_SHIM_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <windef.h>
#include <winbase.h>

#include "wine_headers_compat.h"

#define WINETEST_PRINTF(fmt, args) __attribute__((format(__MINGW_PRINTF_FORMAT, fmt, args)))

/* Where the next ok()/skip()/trace() is, for its message. */
void winetest_set_location(const char *file, int line);
int winetest_ok(int condition, const char *msg, ...) WINETEST_PRINTF(2, 3);
void winetest_skip(const char *msg, ...) WINETEST_PRINTF(1, 2);
void winetest_win_skip(const char *msg, ...) WINETEST_PRINTF(1, 2);
void winetest_trace(const char *msg, ...) WINETEST_PRINTF(1, 2);
void winetest_push_context(const char *fmt, ...) WINETEST_PRINTF(1, 2);
void winetest_pop_context(void);

/* Printable renderings of strings and numbers; each returns one of a ring
 * of static buffers, valid for the next few calls. */
const char *wine_dbgstr_an(const char *s, int n);
const char *wine_dbgstr_wn(const WCHAR *s, int n);
const char *wine_dbgstr_longlong(ULONGLONG n);
#define wine_dbgstr_a(s) wine_dbgstr_an((s), -1)
#define wine_dbgstr_w(s) wine_dbgstr_wn((s), -1)
#define debugstr_an(s, n) wine_dbgstr_an((s), (n))
#define debugstr_wn(s, n) wine_dbgstr_wn((s), (n))
#define debugstr_a(s) wine_dbgstr_an((s), -1)
#define debugstr_w(s) wine_dbgstr_wn((s), -1)

/* Runs the test function `func` of test `name`, prints the summary and
 * returns the exit code. */
int winetest_run(const char *name, void (*func)(void));

extern int winetest_debug;
extern int winetest_interactive;

#define ok(cond, ...) (winetest_set_location(__FILE__, __LINE__), winetest_ok((cond), __VA_ARGS__))
#define skip(...) (winetest_set_location(__FILE__, __LINE__), winetest_skip(__VA_ARGS__))
#define win_skip(...) (winetest_set_location(__FILE__, __LINE__), winetest_win_skip(__VA_ARGS__))
#define trace(...) (winetest_set_location(__FILE__, __LINE__), winetest_trace(__VA_ARGS__))

/* A statement prefix that runs its statement once, counting as usual. The
 * condition is evaluated, as Wine does, for its side effects. */
#define todo_if(cond) for (int winetest_todo_once_ = ((void)(cond), 1); winetest_todo_once_; winetest_todo_once_ = 0)
#define todo_wine_if(cond) todo_if(cond)
#define todo_wine todo_if(1)

#define broken(x) ((void)(x), 0)

#define START_TEST(name)                                                  \
    static void func_##name(void);                                        \
    int main(void) { return winetest_run(#name, func_##name); }           \
    static void func_##name(void)

#endif

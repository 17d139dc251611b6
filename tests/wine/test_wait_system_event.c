/* WTSWaitSystemEvent (MicrosoftDocs sdk-api, nf-wtsapi32-wtswaitsystemevent.md):
 * blocks until an event in the mask happens on the server and reports its
 * WTS_EVENT_* flags; WTS_EVENT_FLUSH makes the pending calls on that handle
 * return with WTS_EVENT_NONE (docs). What the page leaves open (a mask of
 * 0, the flags of each change, a handle closed under a waiter, bad input)
 * is in the README, "Beyond the docs", "Waiting for events".
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>

#include "notify_test_util.h"

#define POISON 0xdeadbeefu
#define FLAGS_SENTINEL 0xa5a5a5a5u
#define CHILD_TIMEOUT_MS 30000
#define BLOCKED_MS 500   /* a call still blocked after this is waiting */
#define RELEASE_MS 1000  /* the issue: events arrive within one second */

/* One WTSWaitSystemEvent call on a thread of its own. */
typedef struct wait_call {
    HANDLE server;
    DWORD mask;
    BOOL ok;
    DWORD error;
    DWORD flags;
    HANDLE thread;
} wait_call;

static DWORD WINAPI wait_thread(void *param)
{
    wait_call *w = param;
    SetLastError(POISON);
    w->ok = WTSWaitSystemEvent(w->server, w->mask, &w->flags);
    w->error = GetLastError();
    return 0;
}

/* Starts the call and checks that it blocks. */
static void start_wait(wait_call *w, HANDLE server, DWORD mask)
{
    *w = (wait_call){ server, mask, FALSE, 0, FLAGS_SENTINEL, NULL };
    w->thread = CreateThread(NULL, 0, wait_thread, w, 0, NULL);
    assert_non_null(w->thread);
    assert_int_equal(WaitForSingleObject(w->thread, BLOCKED_MS), WAIT_TIMEOUT);
}

static void assert_still_waiting(wait_call *w)
{
    assert_int_equal(WaitForSingleObject(w->thread, BLOCKED_MS), WAIT_TIMEOUT);
}

/* The call returned within RELEASE_MS. */
static void assert_returned(wait_call *w)
{
    assert_int_equal(WaitForSingleObject(w->thread, RELEASE_MS), WAIT_OBJECT_0);
    CloseHandle(w->thread);
    w->thread = NULL;
}

/* The done-when line: a wait for WTS_EVENT_DISCONNECT returns after a
 * disconnect by another process, and not after an unrelated event. The
 * unrelated one is real too: another process reconnects the console this
 * test disconnected first. */
static void disconnect_by_other_process(void **state)
{
    (void)state;
    DWORD console = own_session_id();
    assert_true(WTSDisconnectSession(WTS_CURRENT_SERVER_HANDLE, console, TRUE));
    Sleep(300); /* that disconnect is not the one waited for */

    wait_call w;
    start_wait(&w, WTS_CURRENT_SERVER_HANDLE, WTS_EVENT_DISCONNECT);
    char args[32], out[256];
    snprintf(args, sizeof(args), "%lu connect", (unsigned long)console);
    assert_int_equal(run_program("session_changer.exe", args, out, sizeof(out), CHILD_TIMEOUT_MS), 0);
    assert_still_waiting(&w);

    snprintf(args, sizeof(args), "%lu", (unsigned long)console);
    assert_int_equal(run_program("tsdiscon.exe", args, out, sizeof(out), CHILD_TIMEOUT_MS), 0);
    assert_returned(&w);
    assert_true(w.ok);
    assert_int_equal(w.error, ERROR_SUCCESS);
    /* Only the flags asked for: a disconnect is a STATECHANGE too (README). */
    assert_int_equal(w.flags, WTS_EVENT_DISCONNECT);
}

/* A flush releases every call waiting on that handle with WTS_EVENT_NONE,
 * and only those: a wait on another handle goes on. The flushing call
 * itself returns at once. */
static void flush_releases_waiters(void **state)
{
    (void)state;
    HANDLE h = WTSOpenServerW(NULL);
    assert_non_null(h);
    wait_call a, b, other;
    start_wait(&a, h, WTS_EVENT_ALL);
    start_wait(&b, h, WTS_EVENT_LOGON | WTS_EVENT_LOGOFF);
    start_wait(&other, WTS_CURRENT_SERVER_HANDLE, WTS_EVENT_ALL);

    DWORD flags = FLAGS_SENTINEL;
    SetLastError(POISON);
    assert_true(WTSWaitSystemEvent(h, WTS_EVENT_FLUSH, &flags));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_int_equal(flags, WTS_EVENT_NONE);
    assert_returned(&a);
    assert_returned(&b);
    assert_true(a.ok && b.ok);
    assert_int_equal(a.error, ERROR_SUCCESS);
    assert_int_equal(a.flags, WTS_EVENT_NONE);
    assert_int_equal(b.flags, WTS_EVENT_NONE);
    assert_still_waiting(&other);

    assert_true(WTSWaitSystemEvent(WTS_CURRENT_SERVER_HANDLE, WTS_EVENT_FLUSH, &flags));
    assert_returned(&other);
    assert_true(other.ok);
    assert_int_equal(other.flags, WTS_EVENT_NONE);
    WTSCloseServer(h);
}

/* WTS_EVENT_NONE: nothing to wait for, TRUE at once. */
static void none_returns_at_once(void **state)
{
    (void)state;
    DWORD flags = FLAGS_SENTINEL;
    ULONGLONG start = GetTickCount64();
    SetLastError(POISON);
    assert_true(WTSWaitSystemEvent(WTS_CURRENT_SERVER_HANDLE, WTS_EVENT_NONE, &flags));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_int_equal(flags, WTS_EVENT_NONE);
    assert_true(GetTickCount64() - start < 200);
}

/* WTSCloseServer releases the calls waiting on the handle: FALSE with
 * ERROR_INVALID_HANDLE, the flags left as they were. */
static void close_releases_waiter(void **state)
{
    (void)state;
    HANDLE h = WTSOpenServerW(NULL);
    assert_non_null(h);
    wait_call w;
    start_wait(&w, h, WTS_EVENT_ALL);
    WTSCloseServer(h);
    assert_returned(&w);
    assert_false(w.ok);
    assert_int_equal(w.error, ERROR_INVALID_HANDLE);
    assert_int_equal(w.flags, FLAGS_SENTINEL);
}

/* Lock and unlock have no flag of their own: STATECHANGE. The flags
 * reported are those of the mask; a change outside it releases nothing.
 * The events are posted as any process of the prefix posts them. */
static void flags_of_each_change(void **state)
{
    (void)state;
    DWORD own = own_session_id();
    wait_call w;
    start_wait(&w, WTS_CURRENT_SERVER_HANDLE, WTS_EVENT_STATECHANGE | WTS_EVENT_CREATE);
    post_event(own, OPENWTS_EVENT_LOCK);
    assert_returned(&w);
    assert_true(w.ok);
    assert_int_equal(w.flags, WTS_EVENT_STATECHANGE);

    start_wait(&w, WTS_CURRENT_SERVER_HANDLE, WTS_EVENT_LOGOFF | WTS_EVENT_DELETE);
    post_event(own, OPENWTS_EVENT_UNLOCK);
    post_event(0, OPENWTS_EVENT_CONNECT);
    assert_still_waiting(&w);
    post_event(0, OPENWTS_EVENT_LOGOFF);
    assert_returned(&w);
    assert_true(w.ok);
    assert_int_equal(w.flags, WTS_EVENT_LOGOFF);
}

static void bad_input(void **state)
{
    (void)state;
    DWORD flags = FLAGS_SENTINEL;
    assert_fails_with(WTSWaitSystemEvent(WTS_CURRENT_SERVER_HANDLE, WTS_EVENT_ALL, NULL),
                      ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSWaitSystemEvent(WTS_CURRENT_SERVER_HANDLE, WTS_EVENT_FLUSH, NULL),
                      ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSWaitSystemEvent((HANDLE)(ULONG_PTR)0x5a5a0, WTS_EVENT_ALL, &flags),
                      ERROR_INVALID_HANDLE);
    assert_int_equal(flags, FLAGS_SENTINEL);
    HANDLE closed = WTSOpenServerW(NULL);
    assert_non_null(closed);
    WTSCloseServer(closed);
    assert_fails_with(WTSWaitSystemEvent(closed, WTS_EVENT_FLUSH, &flags), ERROR_INVALID_HANDLE);
    assert_int_equal(flags, FLAGS_SENTINEL);
    /* A server that cannot be reached: what its other calls get (README). */
    WCHAR name[] = L"openwts-no-such-server.invalid";
    HANDLE unreachable = WTSOpenServerW(name);
    assert_non_null(unreachable);
    assert_fails_with(WTSWaitSystemEvent(unreachable, WTS_EVENT_ALL, &flags), RPC_S_SERVER_UNAVAILABLE);
    assert_int_equal(flags, FLAGS_SENTINEL);
    WTSCloseServer(unreachable);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(disconnect_by_other_process, console_active, console_active),
        cmocka_unit_test(flush_releases_waiters),
        cmocka_unit_test(none_returns_at_once),
        cmocka_unit_test(close_releases_waiter),
        cmocka_unit_test(flags_of_each_change),
        cmocka_unit_test(bad_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

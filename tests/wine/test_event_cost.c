/* Session events cost nothing to a process that does not ask for them: no
 * thread, no handle, not even the shared events opened, whatever it reads
 * or changes (src/backends/local/local_events.h). A process that changes a
 * session while another listens keeps nothing open afterwards. Listening
 * costs one thread, however many windows and waits.
 * Handles are counted by the value the next one gets (Wine hands out the
 * lowest free slot: wine_test_util.h), threads by a toolhelp snapshot.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <string.h>

#include "notify_test_util.h"

#include <tlhelp32.h>

#define CHILD_TIMEOUT_MS 30000

static DWORD thread_count(void)
{
    HANDLE snap = CreateToolhelp32Snapshot(TH32CS_SNAPTHREAD, 0);
    assert_true(snap != INVALID_HANDLE_VALUE);
    THREADENTRY32 te = { .dwSize = sizeof(te) };
    DWORD count = 0;
    for (BOOL more = Thread32First(snap, &te); more; more = Thread32Next(snap, &te))
        if (te.th32OwnerProcessID == GetCurrentProcessId())
            count++;
    CloseHandle(snap);
    return count;
}

/* Does anyone in the prefix listen (hold the shared events open)? */
static BOOL events_exist(void)
{
    HANDLE h = OpenFileMappingW(FILE_MAP_READ, FALSE, LOCAL_EVENTS_SECTION);
    if (h)
        CloseHandle(h);
    return h != NULL;
}

/* What a program that never asks for events does: reads and changes. */
static void read_and_change(void)
{
    DWORD console = own_session_id();
    WTS_SESSION_INFOW *info;
    DWORD count;
    assert_true(WTSEnumerateSessionsW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count));
    WTSFreeMemory(info);
    assert_int_equal(session_state(console), WTSActive);
    assert_true(WTSDisconnectSession(WTS_CURRENT_SERVER_HANDLE, console, TRUE));
    WCHAR password[] = L"";
    assert_true(WTSConnectSessionW(console, console, password, TRUE));
}

/* Nobody listens (Wine tests run one at a time, and a listener's events
 * go with it): reading and changing open nothing and start nothing. */
static void nothing_when_nobody_listens(void **state)
{
    (void)state;
    if (events_exist())
        fail_msg("another process of the prefix listens for session events: run alone");
    read_and_change(); /* first use: the session state is mapped once */
    DWORD threads = thread_count();
    HANDLE next = next_handle_value();
    read_and_change();
    assert_int_equal(thread_count(), threads);
    assert_ptr_equal(next_handle_value(), next);
    assert_false(events_exist());
}

/* Another process listens (notify_listener.exe): this one's changes reach
 * it, and this one keeps no handle and starts no thread for telling it. */
static void changer_keeps_nothing(void **state)
{
    (void)state;
    DWORD console = own_session_id();
    read_and_change();
    child listener;
    child_start(&listener, "notify_listener.exe", "1 2 10000");
    char line[64];
    child_read_line(&listener, line, sizeof(line));
    assert_string_equal(line, "ready");
    assert_true(events_exist());

    DWORD threads = thread_count();
    HANDLE next = next_handle_value();
    read_and_change();
    assert_int_equal(thread_count(), threads);
    assert_ptr_equal(next_handle_value(), next);

    char out[256], expected[64];
    assert_int_equal(child_finish(&listener, out, sizeof(out), CHILD_TIMEOUT_MS), 0);
    snprintf(expected, sizeof(expected), "%d %lu\n%d %lu\n", WTS_CONSOLE_DISCONNECT,
             (unsigned long)console, WTS_CONSOLE_CONNECT, (unsigned long)console);
    assert_string_equal(out, expected);
}

static DWORD WINAPI wait_for_any(void *param)
{
    (void)param;
    DWORD flags;
    return WTSWaitSystemEvent(WTS_CURRENT_SERVER_HANDLE, WTS_EVENT_ALL, &flags) ? 0 : 1;
}

/* The first registration starts one thread; more windows and a wait for
 * events start no other. */
static void listening_costs_one_thread(void **state)
{
    (void)state;
    DWORD threads = thread_count();
    HWND a = notify_window(), b = notify_window();
    assert_true(WTSRegisterSessionNotification(a, NOTIFY_FOR_ALL_SESSIONS));
    assert_true(events_exist());
    assert_int_equal(thread_count(), threads + 1);
    assert_true(WTSRegisterSessionNotification(b, NOTIFY_FOR_THIS_SESSION));
    /* A wait (on a thread of the test's, ended by a flush) uses the same. */
    HANDLE waiter = CreateThread(NULL, 0, wait_for_any, NULL, 0, NULL);
    assert_non_null(waiter);
    DWORD flags, waited = WAIT_TIMEOUT;
    for (int i = 0; i < 50 && waited == WAIT_TIMEOUT; i++) {
        assert_true(WTSWaitSystemEvent(WTS_CURRENT_SERVER_HANDLE, WTS_EVENT_FLUSH, &flags));
        waited = WaitForSingleObject(waiter, 100);
    }
    assert_int_equal(waited, WAIT_OBJECT_0);
    CloseHandle(waiter);
    assert_int_equal(thread_count(), threads + 1);
    assert_true(WTSUnRegisterSessionNotification(a));
    assert_true(WTSUnRegisterSessionNotification(b));
    DestroyWindow(a);
    DestroyWindow(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        /* In this order: the last one makes this process a listener. */
        cmocka_unit_test_setup_teardown(nothing_when_nobody_listens, console_active, console_active),
        cmocka_unit_test_setup_teardown(changer_keeps_nothing, console_active, console_active),
        cmocka_unit_test(listening_costs_one_thread),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

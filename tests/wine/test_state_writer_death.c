/* A writer of the shared session state dies holding the writers' mutex in
 * the middle of a change: readers meanwhile see the last finished state,
 * never the half-written record; another process then changes a session
 * within 100 ms, and the state is consistent. Done-when line of issue 14:
 * "A test kills (TerminateProcess) a process while it holds the writers'
 * lock: another process changes a session within 100 ms afterwards, and
 * the shared state is consistent."
 *
 * The writer is examples/tsdiscon.exe started with the test-only variable
 * OPENWTS_TEST_STATE_WRITER_PAUSE naming an event (src/backends/local/
 * local_state.c): once it has made the table's sequence number odd it
 * overwrites the record it is changing with 0xCD bytes, signals the event
 * and sleeps, holding the mutex, until it is killed.
 *
 * Expected values: a disconnect makes the session WTSDisconnected with a
 * new DisconnectTime and keeps its user, logon and connect times
 * (MicrosoftDocs sdk-api WTSINFOW; README "Beyond the docs"); a change that
 * never returned to its caller never happened (local_state.c).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "wine_test_util.h"

#define PAUSE_VARIABLE L"OPENWTS_TEST_STATE_WRITER_PAUSE"
#define CHILD_TIMEOUT_MS 30000
#define CHANGE_WITHIN_MS 100 /* the figure: the only timed assertion */

static LONGLONG now_filetime(void)
{
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
    return (LONGLONG)(((ULONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime);
}

static WTSINFOW session_info(DWORD id)
{
    WTSINFOW *buf = NULL;
    DWORD bytes = 0;
    assert_true(WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, id, WTSSessionInfo,
                                            (LPWSTR *)&buf, &bytes));
    assert_non_null(buf);
    assert_int_equal(bytes, sizeof(WTSINFOW));
    WTSINFOW copy = *buf;
    WTSFreeMemory(buf);
    return copy;
}

/* Everything of the record but CurrentTime, which is the moment of each call. */
static void assert_same_record(const WTSINFOW *a, const WTSINFOW *b)
{
    assert_int_equal(a->State, b->State);
    assert_int_equal(a->SessionId, b->SessionId);
    assert_true(wcscmp(a->WinStationName, b->WinStationName) == 0);
    assert_true(wcscmp(a->UserName, b->UserName) == 0);
    assert_true(wcscmp(a->Domain, b->Domain) == 0);
    assert_true(a->LogonTime.QuadPart == b->LogonTime.QuadPart);
    assert_true(a->ConnectTime.QuadPart == b->ConnectTime.QuadPart);
    assert_true(a->DisconnectTime.QuadPart == b->DisconnectTime.QuadPart);
}

/* The environment of this process plus NAME=VALUE, for CreateProcessW. */
static WCHAR *environment_with(const WCHAR *name, const WCHAR *value)
{
    WCHAR *env = GetEnvironmentStringsW();
    assert_non_null(env);
    size_t used = 0;
    while (env[used])
        used += wcslen(env + used) + 1;
    size_t extra = wcslen(name) + 1 + wcslen(value) + 1;
    WCHAR *block = LocalAlloc(LMEM_FIXED, (used + extra + 1) * sizeof(WCHAR));
    assert_non_null(block);
    memcpy(block, env, used * sizeof(WCHAR));
    swprintf(block + used, extra, L"%ls=%ls", name, value);
    block[used + extra] = 0;
    FreeEnvironmentStringsW(env);
    return block;
}

/* Starts tsdiscon.exe SESSION with the pause hook on `event_name`. */
static PROCESS_INFORMATION start_paused_writer(DWORD session, const WCHAR *event_name)
{
    char dir[MAX_PATH];
    program_dir(dir, sizeof(dir));
    WCHAR cmd[2 * MAX_PATH];
    swprintf(cmd, ARRAYSIZE(cmd), L"\"%hstsdiscon.exe\" %lu", dir, (unsigned long)session);
    WCHAR *env = environment_with(PAUSE_VARIABLE, event_name);
    STARTUPINFOW si = { .cb = sizeof(si) };
    PROCESS_INFORMATION pi;
    BOOL started = CreateProcessW(NULL, cmd, NULL, NULL, FALSE, CREATE_UNICODE_ENVIRONMENT, env,
                                  NULL, &si, &pi);
    LocalFree(env);
    if (!started)
        fail_msg("cannot start tsdiscon.exe: error %lu", GetLastError());
    return pi;
}

/* Another process's view: qwinsta's console row shows `state` (its
 * columns: examples/qwinsta.c). */
static void assert_qwinsta_console(const char *state)
{
    char out[4096];
    assert_int_equal(run_program("qwinsta.exe", "", out, sizeof(out), CHILD_TIMEOUT_MS), 0);
    const char *row = strstr(out, ">console");
    assert_non_null(row);
    const char *end = strchr(row, '\n');
    char line[128];
    size_t n = end ? (size_t)(end - row) : strlen(row);
    assert_true(n < sizeof(line));
    memcpy(line, row, n);
    line[n] = 0;
    char found[16] = "";
    unsigned long id;
    char name[32], user[64];
    assert_int_equal(sscanf(line, ">%31s %63s %lu %15s", name, user, &id, found), 4);
    assert_string_equal(found, state);
}

static void writer_killed_mid_change(void **state)
{
    (void)state;
    DWORD console = own_session_id();
    /* A change of our own first: this process has the writers' mutex open,
     * so the timed change below is the wait for it and nothing else. */
    assert_true(WTSConnectSessionW(console, console, L"", TRUE));
    WTSINFOW before = session_info(console);
    assert_int_equal(before.State, WTSActive);

    WCHAR event_name[64];
    swprintf(event_name, ARRAYSIZE(event_name), L"OpenWTS-test-writer-paused-%lu", GetCurrentProcessId());
    HANDLE paused = CreateEventW(NULL, TRUE, FALSE, event_name);
    assert_non_null(paused);
    PROCESS_INFORMATION writer = start_paused_writer(console, event_name);
    HANDLE waits[2] = { paused, writer.hProcess };
    DWORD woke = WaitForMultipleObjects(2, waits, FALSE, CHILD_TIMEOUT_MS);
    if (woke != WAIT_OBJECT_0) {
        TerminateProcess(writer.hProcess, 1);
        fail_msg("the writer did not pause mid-change (wait result %lu)", woke);
    }

    /* It holds the mutex, its record half-written: readers do not wait and
     * see the last finished state, in this process and in another. */
    WTSINFOW during = session_info(console);
    assert_same_record(&during, &before);
    assert_int_equal(session_state(console), WTSActive);
    assert_qwinsta_console("Active");

    assert_true(TerminateProcess(writer.hProcess, 1));
    assert_int_equal(WaitForSingleObject(writer.hProcess, CHILD_TIMEOUT_MS), WAIT_OBJECT_0);
    DWORD code = 0;
    assert_true(GetExitCodeProcess(writer.hProcess, &code));
    assert_int_equal(code, 1); /* killed by us, not finished */
    CloseHandle(writer.hProcess);
    CloseHandle(writer.hThread);
    CloseHandle(paused);

    /* Dead, the mutex abandoned, the number still odd: still the last
     * finished state. */
    WTSINFOW after_death = session_info(console);
    assert_same_record(&after_death, &before);

    /* Another process changes the session within 100 ms. */
    LARGE_INTEGER freq, t0, t1;
    QueryPerformanceFrequency(&freq);
    LONGLONG ft0 = now_filetime();
    QueryPerformanceCounter(&t0);
    SetLastError(0xdeadbeef);
    BOOL ok = WTSDisconnectSession(WTS_CURRENT_SERVER_HANDLE, console, TRUE);
    DWORD err = GetLastError();
    QueryPerformanceCounter(&t1);
    LONGLONG ft1 = now_filetime();
    assert_true(ok);
    assert_int_equal(err, ERROR_SUCCESS);
    LONGLONG ms = (t1.QuadPart - t0.QuadPart) * 1000 / freq.QuadPart;
    if (ms > CHANGE_WITHIN_MS)
        fail_msg("the change after the writer's death took %lld ms", ms);

    /* Consistent: the dead writer's change undone, ours made on the record
     * as it was, nothing of the 0xCD bytes anywhere. */
    WTSINFOW after = session_info(console);
    assert_int_equal(after.State, WTSDisconnected);
    assert_int_equal(after.SessionId, console);
    assert_true(wcscmp(after.WinStationName, before.WinStationName) == 0);
    assert_true(wcscmp(after.UserName, before.UserName) == 0);
    assert_true(after.UserName[0] != 0);
    assert_true(after.LogonTime.QuadPart == before.LogonTime.QuadPart);
    assert_true(after.ConnectTime.QuadPart == before.ConnectTime.QuadPart);
    assert_true(after.DisconnectTime.QuadPart >= ft0);
    assert_true(after.DisconnectTime.QuadPart <= ft1);
    /* And another process sees the same. */
    assert_qwinsta_console("Disc");

    /* The table takes changes as before. */
    reconnect_session(console);
    WTSINFOW back = session_info(console);
    assert_true(back.ConnectTime.QuadPart > after.DisconnectTime.QuadPart);
    assert_true(back.LogonTime.QuadPart == before.LogonTime.QuadPart);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(writer_killed_mid_change, console_active, console_active),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Querying and changing the console session at once, through the exports:
 * two threads in each of two processes, for a few seconds, disconnect and
 * reconnect the console and read its WTSINFOW between the changes. Every
 * record read must be one a change left whole. Done-when line of issue 14
 * ("no torn read"); tests/wine/test_state_table.c does the same on the
 * table itself, with writers that choose every field.
 *
 * What a whole record is, from the local backend's rules (README "Beyond
 * the docs"; src/backends/local/local_backend.c apply_transition): the
 * console, with our user and computer, logged on since before the test;
 * Active or Disconnected; a disconnect stamps DisconnectTime only when the
 * session was not disconnected, a connect ConnectTime only when it was not
 * active, so an Active record has ConnectTime >= DisconnectTime and a
 * Disconnected one DisconnectTime >= ConnectTime; and neither time ever
 * goes back for one reader (each change is made after the last one).
 *   test_concurrent_sessions.exe           the test (starts the second process)
 *   test_concurrent_sessions.exe --child   the second process
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include <lmcons.h>

#include "wine_test_util.h"

#define RUN_MS 3000
#define CHANGE_EVERY 16 /* one change per this many reads */
#define CHILD_TIMEOUT_MS 60000

typedef struct counts {
    LONG64 reads, changes, bad;
} counts;

static counts totals;
static DWORD console;
static LONGLONG logon_time;
static WCHAR user[UNLEN + 1], computer[MAX_COMPUTERNAME_LENGTH + 1];
static char first_bad[200];

static void bad(const char *why, const WTSINFOW *r)
{
    if (InterlockedIncrement64(&totals.bad) == 1)
        snprintf(first_bad, sizeof(first_bad), "%s: state %d connect %lld disconnect %lld logon %lld",
                 why, r->State, r->ConnectTime.QuadPart, r->DisconnectTime.QuadPart,
                 r->LogonTime.QuadPart);
}

/* Checks one record; `last` holds this reader's previous one. */
static void check(const WTSINFOW *r, WTSINFOW *last)
{
    if (r->SessionId != console || wcscmp(r->WinStationName, L"Console") != 0 ||
        lstrcmpiW(r->UserName, user) != 0 || lstrcmpiW(r->Domain, computer) != 0)
        bad("not the console's names", r);
    else if (r->LogonTime.QuadPart != logon_time)
        bad("another logon time", r);
    else if (r->State == WTSActive && r->ConnectTime.QuadPart < r->DisconnectTime.QuadPart)
        bad("active, yet disconnected after its last connect", r);
    else if (r->State == WTSDisconnected && r->DisconnectTime.QuadPart < r->ConnectTime.QuadPart)
        bad("disconnected, yet connected after its last disconnect", r);
    else if (r->State != WTSActive && r->State != WTSDisconnected)
        bad("neither active nor disconnected", r);
    else if (r->ConnectTime.QuadPart < last->ConnectTime.QuadPart ||
             r->DisconnectTime.QuadPart < last->DisconnectTime.QuadPart)
        bad("older than a record read before", r);
    *last = *r;
}

static DWORD WINAPI worker(void *param)
{
    ULONGLONG deadline = *(const ULONGLONG *)param;
    counts mine = { 0 };
    WTSINFOW last = { 0 };
    BOOL disconnect = TRUE;
    for (LONG64 i = 0; GetTickCount64() < deadline; i++) {
        if (i % CHANGE_EVERY == 0) {
            BOOL ok = disconnect ? WTSDisconnectSession(WTS_CURRENT_SERVER_HANDLE, console, TRUE)
                                 : WTSConnectSessionW(console, console, L"", TRUE);
            if (ok)
                mine.changes++;
            else
                InterlockedIncrement64(&totals.bad);
            disconnect = !disconnect;
            continue;
        }
        WTSINFOW *r = NULL;
        DWORD bytes = 0;
        if (!WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, console, WTSSessionInfo,
                                         (LPWSTR *)&r, &bytes) || bytes != sizeof(WTSINFOW)) {
            InterlockedIncrement64(&totals.bad);
            continue;
        }
        mine.reads++;
        check(r, &last);
        WTSFreeMemory(r);
    }
    InterlockedAdd64(&totals.reads, mine.reads);
    InterlockedAdd64(&totals.changes, mine.changes);
    return 0;
}

static void run_workers(void)
{
    ULONGLONG deadline = GetTickCount64() + RUN_MS;
    HANDLE threads[2];
    for (int i = 0; i < 2; i++)
        threads[i] = CreateThread(NULL, 0, worker, &deadline, 0, NULL);
    WaitForMultipleObjects(2, threads, TRUE, INFINITE);
    CloseHandle(threads[0]);
    CloseHandle(threads[1]);
}

/* What every record must show, read once before the run. */
static BOOL learn_console(void)
{
    DWORD len = ARRAYSIZE(user);
    if (!GetUserNameW(user, &len))
        return FALSE;
    len = ARRAYSIZE(computer);
    if (!GetComputerNameW(computer, &len))
        return FALSE;
    if (!ProcessIdToSessionId(GetCurrentProcessId(), &console))
        return FALSE;
    WTSINFOW *r = NULL;
    DWORD bytes;
    if (!WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, console, WTSSessionInfo,
                                     (LPWSTR *)&r, &bytes))
        return FALSE;
    logon_time = r->LogonTime.QuadPart;
    WTSFreeMemory(r);
    return logon_time != 0;
}

static void no_torn_read(void **state)
{
    (void)state;
    assert_true(learn_console());
    char dir[MAX_PATH], cmd[2 * MAX_PATH];
    program_dir(dir, sizeof(dir));
    snprintf(cmd, sizeof(cmd), "\"%stest_concurrent_sessions.exe\" --child", dir);
    STARTUPINFOA si = { .cb = sizeof(si) };
    PROCESS_INFORMATION pi;
    assert_true(CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi));
    run_workers();
    assert_int_equal(WaitForSingleObject(pi.hProcess, CHILD_TIMEOUT_MS), WAIT_OBJECT_0);
    DWORD code = 99;
    assert_true(GetExitCodeProcess(pi.hProcess, &code));
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);

    print_message("this process: %lld reads, %lld changes\n", totals.reads, totals.changes);
    if (totals.bad)
        fail_msg("%lld failed calls or records no change left, the first: %s", totals.bad, first_bad);
    assert_int_equal(code, 0); /* nor did the second process */
    assert_true(totals.reads > 0);
    assert_true(totals.changes > 0);
}

/* Exit code 0 when every call worked and every record was whole. */
static int child(void)
{
    if (!learn_console())
        return 2;
    run_workers();
    if (totals.bad) {
        fprintf(stderr, "second process: %lld failed calls or bad records, the first: %s\n",
                totals.bad, first_bad);
        return 1;
    }
    return totals.reads && totals.changes ? 0 : 2;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--child") == 0)
        return child();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(no_torn_read, console_active, console_active),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

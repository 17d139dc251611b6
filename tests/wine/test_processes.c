/* WTSEnumerateProcesses(A/W), WTSEnumerateProcessesEx(A/W) levels 0 and 1,
 * WTSFreeMemoryEx for both levels and WTSTerminateProcess, as a program
 * under Wine sees them: it finds itself and a child it started, ends the
 * child with an exit code, and tries every kind of bad input.
 *
 * Expected values come from MicrosoftDocs sdk-api (wtsapi32:
 * WTSEnumerateProcessesW, WTSEnumerateProcessesExW, WTS_PROCESS_INFO_EXW,
 * WTSTerminateProcess, WTSFreeMemoryExW), from what Wine's conformance test
 * observed on Windows (dlls/wtsapi32/tests/wtsapi.c: the errors of bad
 * arguments, the last error 0 on success, each entry's session id and name
 * equal to NtQuerySystemInformation's and its SID to the token's), and
 * where Windows leaves the choice open from README "Beyond the docs".
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <winternl.h>
#include <string.h>
#include <wchar.h>

#include "wine_test_util.h"

#define POISON 0xdeadbeefu
#define PTR_SENTINEL ((void *)(ULONG_PTR)0x5a5a5a5au)
#define DW_SENTINEL 0xa5a5a5a5u
#define UNKNOWN_SESSION 0x7fff1234u
#define UNKNOWN_PID 0xfffffff0u /* process ids are small multiples of 4 */
#define UNKNOWN_SERVER L"openwts-no-such-server.invalid"
#define CHILD_EXE "idle_victim.exe"
#define CHILD_EXIT_CODE 42u
#define CHILD_WAIT_MS 10000u
#define LEAK_ROUNDS 100
#define PROBE_HANDLES 256
#define HEAP_SLACK_BYTES (16 * 1024) /* allocator bookkeeping, not per-round growth */

#ifndef STATUS_INFO_LENGTH_MISMATCH
#define STATUS_INFO_LENGTH_MISMATCH ((NTSTATUS)0xC0000004L)
#endif

/* Asserts the call succeeded and set the last error to 0 (Wine's
 * conformance test: Windows does). */
#define assert_succeeds(call)                                          \
    do {                                                               \
        SetLastError(POISON);                                          \
        BOOL ok_ = (call);                                             \
        DWORD le_ = GetLastError();                                    \
        assert_true(ok_);                                              \
        assert_int_equal(le_, ERROR_SUCCESS);                          \
    } while (0)

/* ---- what this process is ---- */

static const WCHAR *own_image_name(void)
{
    static WCHAR path[MAX_PATH];
    DWORD n = GetModuleFileNameW(NULL, path, MAX_PATH);
    assert_true(n > 0 && n < MAX_PATH);
    WCHAR *slash = wcsrchr(path, L'\\');
    assert_non_null(slash);
    return slash + 1;
}

/* The user SID of `process`'s token, copied into `buf`. */
static PSID token_user_sid(HANDLE process, BYTE *buf, DWORD size)
{
    HANDLE token;
    assert_true(OpenProcessToken(process, TOKEN_QUERY, &token));
    DWORD len;
    BOOL ok = GetTokenInformation(token, TokenUser, buf, size, &len);
    CloseHandle(token);
    assert_true(ok);
    return ((TOKEN_USER *)buf)->User.Sid;
}

static PSID own_sid(void)
{
    static union {
        TOKEN_USER user;
        BYTE bytes[sizeof(TOKEN_USER) + SECURITY_MAX_SID_SIZE];
    } buf;
    return token_user_sid(GetCurrentProcess(), buf.bytes, sizeof(buf));
}

/* ---- children to find and end ---- */

static PROCESS_INFORMATION children[2];

static void start_child(PROCESS_INFORMATION *pi)
{
    char dir[MAX_PATH], cmd[2 * MAX_PATH];
    program_dir(dir, sizeof(dir));
    assert_true(strlen(dir) + sizeof(CHILD_EXE) + 2 < sizeof(cmd));
    strcpy(cmd, "\"");
    strcat(cmd, dir);
    strcat(cmd, CHILD_EXE "\"");
    STARTUPINFOA si = { .cb = sizeof(si) };
    if (!CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, pi))
        fail_msg("cannot start %s: error %lu", cmd, GetLastError());
}

/* Teardown: no child outlives a failed test. */
static int end_children(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAYSIZE(children); i++) {
        if (!children[i].hProcess)
            continue;
        if (WaitForSingleObject(children[i].hProcess, 0) == WAIT_TIMEOUT)
            TerminateProcess(children[i].hProcess, 1);
        CloseHandle(children[i].hProcess);
        CloseHandle(children[i].hThread);
        memset(&children[i], 0, sizeof(children[i]));
    }
    return 0;
}

/* ---- finding entries ---- */

static const WTS_PROCESS_INFOW *find_w(const WTS_PROCESS_INFOW *info, DWORD count, DWORD pid)
{
    for (DWORD i = 0; i < count; i++)
        if (info[i].ProcessId == pid)
            return &info[i];
    return NULL;
}

static const WTS_PROCESS_INFOA *find_a(const WTS_PROCESS_INFOA *info, DWORD count, DWORD pid)
{
    for (DWORD i = 0; i < count; i++)
        if (info[i].ProcessId == pid)
            return &info[i];
    return NULL;
}

static const WTS_PROCESS_INFO_EXW *find_ex_w(const WTS_PROCESS_INFO_EXW *info, DWORD count, DWORD pid)
{
    for (DWORD i = 0; i < count; i++)
        if (info[i].ProcessId == pid)
            return &info[i];
    return NULL;
}

static const WTS_PROCESS_INFO_EXA *find_ex_a(const WTS_PROCESS_INFO_EXA *info, DWORD count, DWORD pid)
{
    for (DWORD i = 0; i < count; i++)
        if (info[i].ProcessId == pid)
            return &info[i];
    return NULL;
}

static WTS_PROCESS_INFO_EXW *enumerate_ex_w(HANDLE server, DWORD session, DWORD *count)
{
    WTS_PROCESS_INFO_EXW *info = NULL;
    DWORD level = WTS_PROCESS_INFO_LEVEL_1;
    *count = 0;
    assert_succeeds(WTSEnumerateProcessesExW(server, &level, session, (LPWSTR *)&info, count));
    assert_non_null(info);
    assert_int_equal(level, WTS_PROCESS_INFO_LEVEL_1); /* unchanged on success (docs) */
    return info;
}

/* The NT process list, as Wine's conformance test reads it. */
static SYSTEM_PROCESS_INFORMATION *nt_process_list(void)
{
    ULONG size = 64 * 1024;
    for (;;) {
        SYSTEM_PROCESS_INFORMATION *buf = HeapAlloc(GetProcessHeap(), 0, size);
        assert_non_null(buf);
        NTSTATUS st = NtQuerySystemInformation(SystemProcessInformation, buf, size, NULL);
        if (st == 0)
            return buf;
        HeapFree(GetProcessHeap(), 0, buf);
        assert_int_equal(st, STATUS_INFO_LENGTH_MISMATCH);
        size *= 2;
    }
}

static const SYSTEM_PROCESS_INFORMATION *nt_find(const SYSTEM_PROCESS_INFORMATION *p, DWORD pid)
{
    for (;;) {
        if ((DWORD)(ULONG_PTR)p->UniqueProcessId == pid)
            return p;
        if (!p->NextEntryOffset)
            return NULL;
        p = (const SYSTEM_PROCESS_INFORMATION *)((const BYTE *)p + p->NextEntryOffset);
    }
}

/* Wine's conformance test, check_wts_process_info: each entry's session id
 * and name are NtQuerySystemInformation's for that process, its SID the
 * token's user for every process that can be opened. */
static void check_against_nt(const WTS_PROCESS_INFOW *info, DWORD count)
{
    SYSTEM_PROCESS_INFORMATION *nt = nt_process_list();
    for (DWORD i = 0; i < count; i++) {
        const SYSTEM_PROCESS_INFORMATION *p = nt_find(nt, info[i].ProcessId);
        if (!p)
            continue; /* ended between the two calls */
        assert_int_equal(info[i].SessionId, p->SessionId);
        assert_non_null(info[i].pProcessName);
        size_t chars = p->ImageName.Length / sizeof(WCHAR);
        assert_int_equal(wcslen(info[i].pProcessName), chars);
        assert_memory_equal(info[i].pProcessName, p->ImageName.Buffer, chars * sizeof(WCHAR));
        HANDLE process = OpenProcess(PROCESS_QUERY_INFORMATION, FALSE, info[i].ProcessId);
        if (process) {
            BYTE buf[sizeof(TOKEN_USER) + SECURITY_MAX_SID_SIZE];
            PSID sid = token_user_sid(process, buf, sizeof(buf));
            CloseHandle(process);
            assert_non_null(info[i].pUserSid);
            assert_true(EqualSid(info[i].pUserSid, sid));
        }
    }
    HeapFree(GetProcessHeap(), 0, nt);
}

/* ---- the tests ---- */

static void enumerate_w_finds_itself(void **state)
{
    (void)state;
    WTS_PROCESS_INFOW *info = NULL;
    DWORD count = 0;
    assert_succeeds(WTSEnumerateProcessesW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count));
    assert_non_null(info);
    const WTS_PROCESS_INFOW *self = find_w(info, count, GetCurrentProcessId());
    assert_non_null(self);
    assert_int_equal(self->SessionId, own_session_id());
    assert_true(wcscmp(self->pProcessName, own_image_name()) == 0);
    assert_non_null(self->pUserSid);
    assert_true(EqualSid(self->pUserSid, own_sid()));
    /* Wine's builtin lists services.exe too: ours is the machine's list,
     * not only this program. */
    assert_true(count >= 2);
    check_against_nt(info, count);
    WTSFreeMemory(info);
}

/* A thread parked on an event, so the thread count has a known floor. */
static DWORD WINAPI park(void *event)
{
    WaitForSingleObject(event, INFINITE);
    return 0;
}

static void enumerate_ex_level1_describes_itself(void **state)
{
    (void)state;
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);
    assert_non_null(event);
    HANDLE thread = CreateThread(NULL, 0, park, event, 0, NULL);
    assert_non_null(thread);

    DWORD count;
    WTS_PROCESS_INFO_EXW *info = enumerate_ex_w(WTS_CURRENT_SERVER_HANDLE, WTS_ANY_SESSION, &count);
    SetEvent(event);
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
    CloseHandle(event);

    const WTS_PROCESS_INFO_EXW *self = find_ex_w(info, count, GetCurrentProcessId());
    assert_non_null(self);
    assert_int_equal(self->SessionId, own_session_id());
    assert_true(wcscmp(self->pProcessName, own_image_name()) == 0);
    assert_non_null(self->pUserSid);
    assert_true(EqualSid(self->pUserSid, own_sid()));
    /* Counters (WTS_PROCESS_INFO_EXW): this program runs the main thread
     * and the parked one, holds handles, and has memory in its working set;
     * a peak is never below the current value; times are durations. */
    assert_true(self->NumberOfThreads >= 2);
    assert_true(self->HandleCount > 0);
    assert_true(self->WorkingSetSize > 0);
    assert_true(self->PeakWorkingSetSize >= self->WorkingSetSize);
    assert_true(self->PeakPagefileUsage >= self->PagefileUsage);
    assert_true(self->UserTime.QuadPart >= 0);
    assert_true(self->KernelTime.QuadPart >= 0);

    /* Every entry is a process Windows would list the same way. */
    for (DWORD i = 0; i < count; i++) {
        assert_non_null(info[i].pProcessName);
        assert_true(!info[i].pUserSid || IsValidSid(info[i].pUserSid));
        assert_true(info[i].PeakWorkingSetSize >= info[i].WorkingSetSize);
    }
    assert_succeeds(WTSFreeMemoryExW(WTSTypeProcessInfoLevel1, info, count));
}

static void enumerate_ex_level0_finds_itself(void **state)
{
    (void)state;
    WTS_PROCESS_INFOW *info = NULL;
    DWORD level = WTS_PROCESS_INFO_LEVEL_0, count = 0;
    assert_succeeds(WTSEnumerateProcessesExW(WTS_CURRENT_SERVER_HANDLE, &level, WTS_ANY_SESSION,
                                             (LPWSTR *)&info, &count));
    assert_int_equal(level, WTS_PROCESS_INFO_LEVEL_0);
    const WTS_PROCESS_INFOW *self = find_w(info, count, GetCurrentProcessId());
    assert_non_null(self);
    assert_int_equal(self->SessionId, own_session_id());
    assert_true(wcscmp(self->pProcessName, own_image_name()) == 0);
    assert_true(EqualSid(self->pUserSid, own_sid()));
    check_against_nt(info, count);
    assert_succeeds(WTSFreeMemoryExW(WTSTypeProcessInfoLevel0, info, count));
}

/* SessionId filters (docs): WTS_CURRENT_SESSION and our own id list only
 * our session's processes, us among them. */
static void filter_by_own_session(void **state)
{
    (void)state;
    DWORD own = own_session_id();
    const DWORD filters[] = { WTS_CURRENT_SESSION, own };
    for (size_t f = 0; f < ARRAYSIZE(filters); f++) {
        DWORD count;
        WTS_PROCESS_INFO_EXW *info = enumerate_ex_w(WTS_CURRENT_SERVER_HANDLE, filters[f], &count);
        assert_non_null(find_ex_w(info, count, GetCurrentProcessId()));
        for (DWORD i = 0; i < count; i++)
            assert_int_equal(info[i].SessionId, own);
        assert_succeeds(WTSFreeMemoryExW(WTSTypeProcessInfoLevel1, info, count));
    }
}

/* Session 0 exists (README, "The sessions of local") but under Wine every
 * process is in session 1: its list is empty, and never has us in it. A
 * session that does not exist gives an empty list too (README, "Beyond
 * the docs", Processes: the id only filters). */
static void filter_by_other_sessions(void **state)
{
    (void)state;
    DWORD count;
    WTS_PROCESS_INFO_EXW *info = enumerate_ex_w(WTS_CURRENT_SERVER_HANDLE, 0, &count);
    assert_null(find_ex_w(info, count, GetCurrentProcessId()));
    for (DWORD i = 0; i < count; i++)
        assert_int_equal(info[i].SessionId, 0);
    assert_int_equal(count, 0); /* Wine 8: services.exe too is in session 1 (README) */
    assert_succeeds(WTSFreeMemoryExW(WTSTypeProcessInfoLevel1, info, count));

    count = DW_SENTINEL;
    info = enumerate_ex_w(WTS_CURRENT_SERVER_HANDLE, UNKNOWN_SESSION, &count);
    assert_int_equal(count, 0);
    assert_succeeds(WTSFreeMemoryExW(WTSTypeProcessInfoLevel1, info, count));

    WTS_PROCESS_INFOA *a = NULL;
    DWORD level = WTS_PROCESS_INFO_LEVEL_0;
    count = DW_SENTINEL;
    assert_succeeds(WTSEnumerateProcessesExA(WTS_CURRENT_SERVER_HANDLE, &level, UNKNOWN_SESSION,
                                             (LPSTR *)&a, &count));
    assert_non_null(a);
    assert_int_equal(count, 0);
    assert_succeeds(WTSFreeMemoryExA(WTSTypeProcessInfoLevel0, a, count));
}

/* The A forms are the W forms with names in CP_ACP (README, "A and W"). */
static void assert_a_name(const char *a, const WCHAR *w)
{
    char expected[MAX_PATH * 2];
    assert_non_null(a);
    assert_true(WideCharToMultiByte(CP_ACP, 0, w, -1, expected, sizeof(expected), NULL, NULL) > 0);
    assert_string_equal(a, expected);
}

static void assert_same_sid(PSID a, PSID w)
{
    if (!w) {
        assert_null(a);
        return;
    }
    assert_non_null(a);
    assert_ptr_not_equal(a, w);
    assert_true(EqualSid(a, w));
}

static void ansi_forms_equal_wide_forms(void **state)
{
    (void)state;
    DWORD self = GetCurrentProcessId();

    WTS_PROCESS_INFOW *w = NULL;
    WTS_PROCESS_INFOA *a = NULL;
    DWORD wn = 0, an = 0;
    assert_succeeds(WTSEnumerateProcessesW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &w, &wn));
    assert_succeeds(WTSEnumerateProcessesA(WTS_CURRENT_SERVER_HANDLE, 0, 1, &a, &an));
    assert_non_null(find_a(a, an, self));
    for (DWORD i = 0; i < an; i++) {
        const WTS_PROCESS_INFOW *m = find_w(w, wn, a[i].ProcessId);
        if (!m)
            continue; /* started between the two calls */
        assert_int_equal(a[i].SessionId, m->SessionId);
        assert_a_name(a[i].pProcessName, m->pProcessName);
        assert_same_sid(a[i].pUserSid, m->pUserSid);
    }
    WTSFreeMemory(a);
    WTSFreeMemory(w);

    WTS_PROCESS_INFO_EXW *xw = NULL;
    WTS_PROCESS_INFO_EXA *xa = NULL;
    DWORD level = WTS_PROCESS_INFO_LEVEL_1;
    assert_succeeds(WTSEnumerateProcessesExW(WTS_CURRENT_SERVER_HANDLE, &level, WTS_ANY_SESSION,
                                             (LPWSTR *)&xw, &wn));
    assert_succeeds(WTSEnumerateProcessesExA(WTS_CURRENT_SERVER_HANDLE, &level, WTS_ANY_SESSION,
                                             (LPSTR *)&xa, &an));
    assert_int_equal(level, WTS_PROCESS_INFO_LEVEL_1);
    const WTS_PROCESS_INFO_EXA *own = find_ex_a(xa, an, self);
    assert_non_null(own);
    assert_int_equal(own->SessionId, own_session_id());
    assert_true(EqualSid(own->pUserSid, own_sid()));
    assert_true(own->NumberOfThreads >= 1);
    assert_true(own->WorkingSetSize > 0);
    for (DWORD i = 0; i < an; i++) {
        const WTS_PROCESS_INFO_EXW *m = find_ex_w(xw, wn, xa[i].ProcessId);
        if (!m)
            continue;
        assert_int_equal(xa[i].SessionId, m->SessionId);
        assert_a_name(xa[i].pProcessName, m->pProcessName);
        assert_same_sid(xa[i].pUserSid, m->pUserSid);
    }
    assert_succeeds(WTSFreeMemoryExA(WTSTypeProcessInfoLevel1, xa, an));
    assert_succeeds(WTSFreeMemoryExW(WTSTypeProcessInfoLevel1, xw, wn));
}

/* A child shows in the list with its own name, our session and our user;
 * WTSTerminateProcess ends it with the exit code given (docs), through
 * WTS_CURRENT_SERVER_HANDLE or a handle WTSOpenServer gave for this
 * machine. */
static void terminate_ends_child_with_exit_code(void **state)
{
    (void)state;
    HANDLE local = WTSOpenServerW(NULL);
    assert_non_null(local);
    const HANDLE servers[] = { WTS_CURRENT_SERVER_HANDLE, local };
    for (size_t s = 0; s < ARRAYSIZE(servers); s++) {
        PROCESS_INFORMATION *child = &children[s];
        start_child(child);

        DWORD count;
        WTS_PROCESS_INFO_EXW *info = enumerate_ex_w(servers[s], WTS_CURRENT_SESSION, &count);
        const WTS_PROCESS_INFO_EXW *seen = find_ex_w(info, count, child->dwProcessId);
        assert_non_null(seen);
        assert_true(wcscmp(seen->pProcessName, L"" CHILD_EXE) == 0);
        assert_int_equal(seen->SessionId, own_session_id());
        assert_true(EqualSid(seen->pUserSid, own_sid()));
        assert_true(seen->NumberOfThreads >= 1);
        assert_succeeds(WTSFreeMemoryExW(WTSTypeProcessInfoLevel1, info, count));

        assert_succeeds(WTSTerminateProcess(servers[s], child->dwProcessId, CHILD_EXIT_CODE + (DWORD)s));
        assert_int_equal(WaitForSingleObject(child->hProcess, CHILD_WAIT_MS), WAIT_OBJECT_0);
        DWORD code = 0;
        assert_true(GetExitCodeProcess(child->hProcess, &code));
        assert_int_equal(code, CHILD_EXIT_CODE + s);
        /* Gone from the list once ended and no one holds it. */
        DWORD pid = child->dwProcessId;
        end_children(NULL);
        info = enumerate_ex_w(servers[s], WTS_ANY_SESSION, &count);
        assert_null(find_ex_w(info, count, pid));
        assert_succeeds(WTSFreeMemoryExW(WTSTypeProcessInfoLevel1, info, count));
    }
    WTSCloseServer(local);
}

/* No process has the id: OpenProcess's ERROR_INVALID_PARAMETER (README,
 * "Beyond the docs"). */
static void terminate_unknown_process_fails(void **state)
{
    (void)state;
    assert_fails_with(WTSTerminateProcess(WTS_CURRENT_SERVER_HANDLE, UNKNOWN_PID, CHILD_EXIT_CODE),
                      ERROR_INVALID_PARAMETER);
}

/* WTSEnumerateProcessesW: Reserved 0 and Version 1 only, both outputs
 * needed (Wine's conformance test: ERROR_INVALID_PARAMETER on Windows);
 * outputs untouched. The A form the same. */
static void enumerate_bad_arguments(void **state)
{
    (void)state;
    WTS_PROCESS_INFOW *w = PTR_SENTINEL;
    WTS_PROCESS_INFOA *a = PTR_SENTINEL;
    DWORD count = DW_SENTINEL;
    const DWORD reserved[] = { 1, 0, 0 }, version[] = { 1, 0, 2 };
    for (size_t i = 0; i < ARRAYSIZE(reserved); i++) {
        assert_fails_with(WTSEnumerateProcessesW(WTS_CURRENT_SERVER_HANDLE, reserved[i], version[i],
                                                 &w, &count),
                          ERROR_INVALID_PARAMETER);
        assert_fails_with(WTSEnumerateProcessesA(WTS_CURRENT_SERVER_HANDLE, reserved[i], version[i],
                                                 &a, &count),
                          ERROR_INVALID_PARAMETER);
    }
    assert_fails_with(WTSEnumerateProcessesW(WTS_CURRENT_SERVER_HANDLE, 0, 1, NULL, &count),
                      ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSEnumerateProcessesA(WTS_CURRENT_SERVER_HANDLE, 0, 1, NULL, &count),
                      ERROR_INVALID_PARAMETER);
    assert_int_equal(count, DW_SENTINEL);
    assert_fails_with(WTSEnumerateProcessesW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &w, NULL),
                      ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSEnumerateProcessesA(WTS_CURRENT_SERVER_HANDLE, 0, 1, &a, NULL),
                      ERROR_INVALID_PARAMETER);
    assert_ptr_equal(w, PTR_SENTINEL);
    assert_ptr_equal(a, PTR_SENTINEL);
}

/* WTSEnumerateProcessesEx: NULL info or count fails with
 * ERROR_INVALID_PARAMETER and writes neither (Wine's conformance test);
 * so does a NULL level. A level past 1 is set to 1 and fails (docs). */
static void enumerate_ex_bad_arguments(void **state)
{
    (void)state;
    LPWSTR w = PTR_SENTINEL;
    LPSTR a = PTR_SENTINEL;
    DWORD count = DW_SENTINEL;
    const DWORD levels[] = { WTS_PROCESS_INFO_LEVEL_0, WTS_PROCESS_INFO_LEVEL_1 };
    for (size_t i = 0; i < ARRAYSIZE(levels); i++) {
        DWORD level = levels[i];
        assert_fails_with(WTSEnumerateProcessesExW(WTS_CURRENT_SERVER_HANDLE, &level, WTS_ANY_SESSION,
                                                   NULL, &count),
                          ERROR_INVALID_PARAMETER);
        assert_fails_with(WTSEnumerateProcessesExA(WTS_CURRENT_SERVER_HANDLE, &level, WTS_ANY_SESSION,
                                                   NULL, &count),
                          ERROR_INVALID_PARAMETER);
        assert_int_equal(count, DW_SENTINEL);
        assert_fails_with(WTSEnumerateProcessesExW(WTS_CURRENT_SERVER_HANDLE, &level, WTS_ANY_SESSION,
                                                   &w, NULL),
                          ERROR_INVALID_PARAMETER);
        assert_fails_with(WTSEnumerateProcessesExA(WTS_CURRENT_SERVER_HANDLE, &level, WTS_ANY_SESSION,
                                                   &a, NULL),
                          ERROR_INVALID_PARAMETER);
        assert_int_equal(level, levels[i]);
    }
    assert_fails_with(WTSEnumerateProcessesExW(WTS_CURRENT_SERVER_HANDLE, NULL, WTS_ANY_SESSION, &w,
                                               &count),
                      ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSEnumerateProcessesExA(WTS_CURRENT_SERVER_HANDLE, NULL, WTS_ANY_SESSION, &a,
                                               &count),
                      ERROR_INVALID_PARAMETER);
    const DWORD bad_levels[] = { 2, 0xffffffffu };
    for (size_t i = 0; i < ARRAYSIZE(bad_levels); i++) {
        DWORD level = bad_levels[i];
        assert_fails_with(WTSEnumerateProcessesExW(WTS_CURRENT_SERVER_HANDLE, &level, WTS_ANY_SESSION,
                                                   &w, &count),
                          ERROR_INVALID_PARAMETER);
        assert_int_equal(level, WTS_PROCESS_INFO_LEVEL_1);
        level = bad_levels[i];
        assert_fails_with(WTSEnumerateProcessesExA(WTS_CURRENT_SERVER_HANDLE, &level, WTS_ANY_SESSION,
                                                   &a, &count),
                          ERROR_INVALID_PARAMETER);
        assert_int_equal(level, WTS_PROCESS_INFO_LEVEL_1);
    }
    assert_ptr_equal(w, PTR_SENTINEL);
    assert_ptr_equal(a, PTR_SENTINEL);
    assert_int_equal(count, DW_SENTINEL);
}

/* A handle nobody opened or that was closed: ERROR_INVALID_HANDLE; a server
 * that is not this machine: RPC_S_SERVER_UNAVAILABLE (README, "Errors"). */
static void assert_all_fail_with(HANDLE server, DWORD err)
{
    WTS_PROCESS_INFOW *w = PTR_SENTINEL;
    WTS_PROCESS_INFOA *a = PTR_SENTINEL;
    LPWSTR xw = PTR_SENTINEL;
    LPSTR xa = PTR_SENTINEL;
    DWORD count = DW_SENTINEL, level = WTS_PROCESS_INFO_LEVEL_1;
    assert_fails_with(WTSEnumerateProcessesW(server, 0, 1, &w, &count), err);
    assert_fails_with(WTSEnumerateProcessesA(server, 0, 1, &a, &count), err);
    assert_fails_with(WTSEnumerateProcessesExW(server, &level, WTS_ANY_SESSION, &xw, &count), err);
    assert_fails_with(WTSEnumerateProcessesExA(server, &level, WTS_CURRENT_SESSION, &xa, &count), err);
    assert_int_equal(level, WTS_PROCESS_INFO_LEVEL_1);
    assert_ptr_equal(w, PTR_SENTINEL);
    assert_ptr_equal(a, PTR_SENTINEL);
    assert_ptr_equal(xw, PTR_SENTINEL);
    assert_ptr_equal(xa, PTR_SENTINEL);
    assert_int_equal(count, DW_SENTINEL);
    assert_fails_with(WTSTerminateProcess(server, GetCurrentProcessId(), CHILD_EXIT_CODE), err);
}

static void bad_server_handles(void **state)
{
    (void)state;
    HANDLE closed = WTSOpenServerW(NULL);
    assert_non_null(closed);
    WTSCloseServer(closed);
    assert_all_fail_with(closed, ERROR_INVALID_HANDLE);
    assert_all_fail_with((HANDLE)(ULONG_PTR)0x12345678, ERROR_INVALID_HANDLE);

    HANDLE remote = WTSOpenServerW((LPWSTR)UNKNOWN_SERVER);
    assert_non_null(remote);
    assert_all_fail_with(remote, RPC_S_SERVER_UNAVAILABLE);
    WTSCloseServer(remote);
}

/* ---- nothing left behind ---- */

/* Bytes in busy blocks of every heap of the process (the C runtime's
 * included, where a reply's process list lives). */
static size_t heaps_busy_bytes(void)
{
    HANDLE heaps[64];
    DWORD n = GetProcessHeaps(ARRAYSIZE(heaps), heaps);
    assert_true(n > 0 && n <= ARRAYSIZE(heaps));
    size_t busy = 0;
    for (DWORD h = 0; h < n; h++) {
        PROCESS_HEAP_ENTRY e = { 0 };
        if (!HeapLock(heaps[h]))
            continue;
        while (HeapWalk(heaps[h], &e))
            if (e.wFlags & PROCESS_HEAP_ENTRY_BUSY)
                busy += e.cbData;
        HeapUnlock(heaps[h]);
    }
    return busy;
}

/* Where new handles land: the highest of PROBE_HANDLES new ones. Wine
 * gives each new handle the lowest free slot of the process's table, so
 * every handle left open below them pushes that up. (GetProcessHandleCount
 * cannot show a leak under Wine 8: it gives 0.) */
static ULONG_PTR handle_high_water(void)
{
    static HANDLE h[PROBE_HANDLES];
    ULONG_PTR high = 0;
    for (size_t i = 0; i < ARRAYSIZE(h); i++) {
        h[i] = CreateEventW(NULL, TRUE, FALSE, NULL);
        assert_non_null(h[i]);
        if ((ULONG_PTR)h[i] > high)
            high = (ULONG_PTR)h[i];
    }
    for (size_t i = 0; i < ARRAYSIZE(h); i++)
        CloseHandle(h[i]);
    return high;
}

static void one_round(void)
{
    WTS_PROCESS_INFOW *w;
    WTS_PROCESS_INFOA *a;
    LPWSTR xw;
    LPSTR xa;
    DWORD n, level;
    assert_true(WTSEnumerateProcessesW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &w, &n));
    WTSFreeMemory(w);
    assert_true(WTSEnumerateProcessesA(WTS_CURRENT_SERVER_HANDLE, 0, 1, &a, &n));
    WTSFreeMemory(a);
    for (level = WTS_PROCESS_INFO_LEVEL_0; level <= WTS_PROCESS_INFO_LEVEL_1; level++) {
        WTS_TYPE_CLASS cls = level ? WTSTypeProcessInfoLevel1 : WTSTypeProcessInfoLevel0;
        assert_true(WTSEnumerateProcessesExW(WTS_CURRENT_SERVER_HANDLE, &level, WTS_ANY_SESSION, &xw, &n));
        assert_true(WTSFreeMemoryExW(cls, xw, n));
        assert_true(WTSEnumerateProcessesExA(WTS_CURRENT_SERVER_HANDLE, &level, WTS_CURRENT_SESSION, &xa, &n));
        assert_true(WTSFreeMemoryExA(cls, xa, n));
    }
    assert_fails_with(WTSTerminateProcess(WTS_CURRENT_SERVER_HANDLE, UNKNOWN_PID, 1),
                      ERROR_INVALID_PARAMETER);
}

/* Every process is opened to read its token's user: none of those handles,
 * nor any memory, may outlive the call. */
static void no_handles_or_memory_left(void **state)
{
    (void)state;
    one_round(); /* first-use allocations (caches, the spare reply) */
    ULONG_PTR handles_before = handle_high_water();
    size_t heap_before = heaps_busy_bytes();
    for (int i = 0; i < LEAK_ROUNDS; i++)
        one_round();
    ULONG_PTR handles_after = handle_high_water();
    size_t heap_after = heaps_busy_bytes();
    assert_int_equal(handles_after, handles_before);
    if (heap_after > heap_before + HEAP_SLACK_BYTES)
        fail_msg("heaps grew by %zu bytes over %d rounds", heap_after - heap_before, LEAK_ROUNDS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(enumerate_w_finds_itself),
        cmocka_unit_test(enumerate_ex_level1_describes_itself),
        cmocka_unit_test(enumerate_ex_level0_finds_itself),
        cmocka_unit_test(filter_by_own_session),
        cmocka_unit_test(filter_by_other_sessions),
        cmocka_unit_test(ansi_forms_equal_wide_forms),
        cmocka_unit_test_teardown(terminate_ends_child_with_exit_code, end_children),
        cmocka_unit_test(terminate_unknown_process_fails),
        cmocka_unit_test(enumerate_bad_arguments),
        cmocka_unit_test(enumerate_ex_bad_arguments),
        cmocka_unit_test(bad_server_handles),
        cmocka_unit_test(no_handles_or_memory_left),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

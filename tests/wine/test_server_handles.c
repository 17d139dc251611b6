/* Server handles: WTSOpenServer(W/A/ExW/ExA), WTSCloseServer, and what
 * every call does with an unknown server, a closed, stale, forged or
 * pseudo handle, many handles, and a handle closed under a running call.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <string.h>
#include <wctype.h>

#include "wine_test_util.h"

#ifndef RPC_S_SERVER_UNAVAILABLE
#define RPC_S_SERVER_UNAVAILABLE 1722
#endif

#define NO_SUCH_SESSION 12345u

/* Enumerating through h succeeds and lists the caller's console session as
 * "Console", WTSActive (windows-behaviour.md "Sessions"). */
static void assert_lists_console(HANDLE h)
{
    WTS_SESSION_INFOW *info = NULL;
    DWORD count = 0;
    SetLastError(0xdeadbeef);
    assert_true(WTSEnumerateSessionsW(h, 0, 1, &info, &count));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_non_null(info);
    assert_true(count >= 2);
    DWORD own = own_session_id();
    BOOL found = FALSE;
    for (DWORD i = 0; i < count; i++) {
        if (info[i].SessionId != own)
            continue;
        found = TRUE;
        assert_non_null(info[i].pWinStationName);
        assert_int_equal(lstrcmpW(info[i].pWinStationName, L"Console"), 0);
        assert_int_equal(info[i].State, WTSActive);
    }
    assert_true(found);
    WTSFreeMemory(info);
}

/* Every call that takes a server handle fails with `err` on h, and leaves
 * its output pointers alone. Logoff names a session that does not exist, so
 * a handle wrongly accepted can never end this program (it would give 7022). */
static void assert_calls_fail(HANDLE h, DWORD err)
{
    WTS_SESSION_INFOW *w = (WTS_SESSION_INFOW *)(ULONG_PTR)0x1234;
    WTS_SESSION_INFOA *a = (WTS_SESSION_INFOA *)(ULONG_PTR)0x1234;
    WTS_SESSION_INFO_1W *w1 = (WTS_SESSION_INFO_1W *)(ULONG_PTR)0x1234;
    WTS_SESSION_INFO_1A *a1 = (WTS_SESSION_INFO_1A *)(ULONG_PTR)0x1234;
    LPWSTR qw = (LPWSTR)(ULONG_PTR)0x1234;
    LPSTR qa = (LPSTR)(ULONG_PTR)0x1234;
    DWORD count = 77, bytes = 77, level = 1;

    assert_fails_with(WTSEnumerateSessionsW(h, 0, 1, &w, &count), err);
    assert_fails_with(WTSEnumerateSessionsA(h, 0, 1, &a, &count), err);
    assert_fails_with(WTSEnumerateSessionsExW(h, &level, 0, &w1, &count), err);
    assert_int_equal(level, 1);
    assert_fails_with(WTSEnumerateSessionsExA(h, &level, 0, &a1, &count), err);
    assert_int_equal(level, 1);
    assert_fails_with(WTSQuerySessionInformationW(h, WTS_CURRENT_SESSION, WTSUserName, &qw, &bytes), err);
    assert_fails_with(WTSQuerySessionInformationA(h, WTS_CURRENT_SESSION, WTSUserName, &qa, &bytes), err);
    assert_fails_with(WTSDisconnectSession(h, own_session_id(), FALSE), err);
    assert_fails_with(WTSLogoffSession(h, NO_SUCH_SESSION, FALSE), err);

    assert_ptr_equal(w, (void *)(ULONG_PTR)0x1234);
    assert_ptr_equal(a, (void *)(ULONG_PTR)0x1234);
    assert_ptr_equal(w1, (void *)(ULONG_PTR)0x1234);
    assert_ptr_equal(a1, (void *)(ULONG_PTR)0x1234);
    assert_ptr_equal(qw, (void *)(ULONG_PTR)0x1234);
    assert_ptr_equal(qa, (void *)(ULONG_PTR)0x1234);
    assert_int_equal(count, 77);
    assert_int_equal(bytes, 77);
    assert_int_equal(session_state(own_session_id()), WTSActive);
}

static void lower_computer_name_w(WCHAR *name, DWORD size)
{
    DWORD len = size;
    assert_true(GetComputerNameW(name, &len));
    for (WCHAR *p = name; *p; p++)
        *p = (WCHAR)towlower(*p);
}

static void lower_computer_name_a(char *name, DWORD size)
{
    DWORD len = size;
    assert_true(GetComputerNameA(name, &len));
    for (char *p = name; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
}

/* NULL, "", ".", "localhost" and the computer name (in any case) name this
 * machine (MicrosoftDocs sdk-api WTSOpenServer takes the server's NetBIOS
 * name; the aliases are the OpenWTS local backend's choice). */
static void test_open_local_names_w(void **state)
{
    (void)state;
    WCHAR computer[MAX_COMPUTERNAME_LENGTH + 1];
    lower_computer_name_w(computer, ARRAYSIZE(computer));
    LPWSTR names[] = { NULL, L"", L".", L"localhost", computer };
    for (size_t i = 0; i < ARRAYSIZE(names); i++) {
        HANDLE h = WTSOpenServerW(names[i]);
        assert_non_null(h);
        assert_true(h != WTS_CURRENT_SERVER_HANDLE);
        assert_lists_console(h);
        WTSCloseServer(h);

        h = WTSOpenServerExW(names[i]);
        assert_non_null(h);
        assert_lists_console(h);
        WTSCloseServer(h);
    }
}

static void test_open_local_names_a(void **state)
{
    (void)state;
    char computer[MAX_COMPUTERNAME_LENGTH + 1];
    lower_computer_name_a(computer, sizeof(computer));
    LPSTR names[] = { NULL, "", ".", "localhost", computer };
    for (size_t i = 0; i < ARRAYSIZE(names); i++) {
        HANDLE h = WTSOpenServerA(names[i]);
        assert_non_null(h);
        assert_lists_console(h);
        WTSCloseServer(h);

        h = WTSOpenServerExA(names[i]);
        assert_non_null(h);
        assert_lists_console(h);
        WTSCloseServer(h);
    }
}

/* The DNS host name and the fully qualified name name this machine too,
 * in any case and with leading backslashes: the NetBIOS name is at most 15
 * characters, so a longer host name is only matched by these (README
 * "Beyond the docs"). Case is folded for every script, not only ASCII. */
static void test_open_dns_names(void **state)
{
    (void)state;
    static const COMPUTER_NAME_FORMAT formats[] = { ComputerNameDnsHostname, ComputerNameDnsFullyQualified };
    for (size_t f = 0; f < ARRAYSIZE(formats); f++) {
        WCHAR name[256], upper[256], unc[260];
        DWORD len = ARRAYSIZE(name);
        assert_true(GetComputerNameExW(formats[f], name, &len));
        assert_true(len > 0);
        assert_true(LCMapStringEx(LOCALE_NAME_INVARIANT, LCMAP_UPPERCASE, name, -1, upper,
                                  ARRAYSIZE(upper), NULL, NULL, 0) > 0);
        wcscpy(unc, L"\\\\");
        wcscat(unc, name);
        LPWSTR names[] = { name, upper, unc };
        for (size_t i = 0; i < ARRAYSIZE(names); i++) {
            HANDLE h = WTSOpenServerW(names[i]);
            assert_non_null(h);
            assert_lists_console(h);
            WTSCloseServer(h);
        }
    }
}

/* Opening does not contact the server: an unknown name still gives a
 * handle, and each call on it fails with RPC_S_SERVER_UNAVAILABLE (README
 * "Beyond the docs"); the handle is still closed with WTSCloseServer
 * (MicrosoftDocs sdk-api WTSOpenServer). */
static void test_unknown_server(void **state)
{
    (void)state;
    HANDLE h[4];
    h[0] = WTSOpenServerW(L"no-such-server-xyz");
    h[1] = WTSOpenServerA("no-such-server-xyz");
    h[2] = WTSOpenServerExW(L"no-such-server-xyz");
    h[3] = WTSOpenServerExA("no-such-server-xyz");
    for (size_t i = 0; i < ARRAYSIZE(h); i++) {
        assert_non_null(h[i]);
        assert_true(h[i] != WTS_CURRENT_SERVER_HANDLE);
        for (size_t j = 0; j < i; j++)
            assert_true(h[i] != h[j]);
    }
    for (size_t i = 0; i < ARRAYSIZE(h); i++) {
        assert_calls_fail(h[i], RPC_S_SERVER_UNAVAILABLE);
        WTSCloseServer(h[i]);
    }
}

/* After WTSCloseServer the handle names nothing: ERROR_INVALID_HANDLE
 * (OpenWTS local backend; a closed handle is a bad handle). */
static void test_closed_handle(void **state)
{
    (void)state;
    HANDLE h = WTSOpenServerW(NULL);
    assert_non_null(h);
    assert_lists_console(h);
    WTSCloseServer(h);
    assert_calls_fail(h, ERROR_INVALID_HANDLE);

    HANDLE remote = WTSOpenServerW(L"no-such-server-xyz");
    assert_non_null(remote);
    WTSCloseServer(remote);
    assert_calls_fail(remote, ERROR_INVALID_HANDLE);
}

/* A new open may reuse the closed handle's slot; the old value must stay
 * dead, across many reopenings. */
static void test_stale_handle_after_reopen(void **state)
{
    (void)state;
    HANDLE old = WTSOpenServerW(NULL);
    assert_non_null(old);
    WTSCloseServer(old);
    for (int round = 0; round < 100; round++) {
        HANDLE h = WTSOpenServerW(NULL);
        assert_non_null(h);
        assert_true(h != old);
        if (round == 0 || round == 99) {
            assert_lists_console(h);
            assert_calls_fail(old, ERROR_INVALID_HANDLE);
        }
        WTSCloseServer(h);
    }
    assert_calls_fail(old, ERROR_INVALID_HANDLE);
}

/* Values no WTSOpenServer returned: made up, pseudo handles, a value with
 * our handles' tag, a real kernel handle. All are ERROR_INVALID_HANDLE
 * (README "Beyond the docs"). */
static void test_forged_and_pseudo_handles(void **state)
{
    (void)state;
    /* With no handle open, one open/close cycle leaves the first slot's
     * value 0x50000001 (slot 0, generation 0) naming nothing. */
    HANDLE first = WTSOpenServerW(NULL);
    assert_non_null(first);
    WTSCloseServer(first);

    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);
    assert_non_null(event);
    HANDLE bad[] = {
        (HANDLE)(ULONG_PTR)0xdeadbeef, (HANDLE)1, INVALID_HANDLE_VALUE, GetCurrentProcess(),
        GetCurrentThread(), (HANDLE)(ULONG_PTR)0x50000001, event,
    };
    for (size_t i = 0; i < ARRAYSIZE(bad); i++)
        assert_calls_fail(bad[i], ERROR_INVALID_HANDLE);

    /* WTSCloseServer on any of them returns and harms nothing: the event
     * is still ours and works. */
    for (size_t i = 0; i < ARRAYSIZE(bad); i++)
        WTSCloseServer(bad[i]);
    assert_true(SetEvent(event));
    assert_int_equal(WaitForSingleObject(event, 0), WAIT_OBJECT_0);
    assert_true(CloseHandle(event));
    assert_lists_console(WTS_CURRENT_SERVER_HANDLE);
}

/* Closing twice, or closing WTS_CURRENT_SERVER_HANDLE (never opened), does
 * nothing (WTSCloseServer returns void; MicrosoftDocs sdk-api). */
static void test_close_twice_and_current(void **state)
{
    (void)state;
    HANDLE h = WTSOpenServerW(NULL);
    assert_non_null(h);
    WTSCloseServer(h);
    WTSCloseServer(h);
    assert_calls_fail(h, ERROR_INVALID_HANDLE);

    /* A second close of a stale value must not close the slot's new
     * occupant. */
    HANDLE again = WTSOpenServerW(NULL);
    assert_non_null(again);
    WTSCloseServer(h);
    assert_lists_console(again);
    WTSCloseServer(again);

    WTSCloseServer(WTS_CURRENT_SERVER_HANDLE);
    WTSCloseServer(NULL); /* NULL is WTS_CURRENT_SERVER_HANDLE */
    assert_lists_console(WTS_CURRENT_SERVER_HANDLE);
}

/* WTS_CURRENT_SERVER_HANDLE is the machine the program runs on
 * (MicrosoftDocs sdk-api WTSEnumerateSessions, hServer). */
static void test_current_server_handle(void **state)
{
    (void)state;
    assert_lists_console(WTS_CURRENT_SERVER_HANDLE);
    LPWSTR buf = NULL;
    DWORD bytes = 0;
    SetLastError(0xdeadbeef);
    assert_true(WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION,
                                            WTSSessionId, &buf, &bytes));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_int_equal(bytes, sizeof(ULONG));
    assert_int_equal(*(ULONG *)buf, own_session_id());
    WTSFreeMemory(buf);
}

/* 1000 handles open at once: all distinct, all usable, all closable; then
 * as many again (no slot is lost). */
#define MANY 1000
static void test_many_handles(void **state)
{
    (void)state;
    static HANDLE h[MANY];
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < MANY; i++) {
            h[i] = WTSOpenServerW(NULL);
            assert_non_null(h[i]);
        }
        for (int i = 1; i < MANY; i++)
            assert_true(h[i] != h[i - 1] && h[i] != h[0]);
        for (int i = 0; i < MANY; i++) {
            LPWSTR buf = NULL;
            DWORD bytes = 0;
            assert_true(WTSQuerySessionInformationW(h[i], WTS_CURRENT_SESSION, WTSConnectState,
                                                    &buf, &bytes));
            assert_int_equal(*(WTS_CONNECTSTATE_CLASS *)buf, WTSActive);
            WTSFreeMemory(buf);
        }
        assert_lists_console(h[MANY - 1]);
        for (int i = 0; i < MANY; i++)
            WTSCloseServer(h[i]);
        assert_calls_fail(h[0], ERROR_INVALID_HANDLE);
        assert_calls_fail(h[MANY - 1], ERROR_INVALID_HANDLE);
    }
}

/* A thread calls through a handle while the main thread closes it. Each
 * call must either succeed (it got in before the close) or fail with
 * ERROR_INVALID_HANDLE, never crash or report anything else. cmocka asserts
 * only on the main thread, so the worker counts what it saw. */
typedef struct race {
    HANDLE server;
    HANDLE started;   /* set after the first successful round */
    LONG stop;
    LONG ok_calls;
    LONG invalid_calls;
    LONG other;       /* anything else: a failure */
    DWORD other_error;
} race;

/* The worker runs until it has seen the handle closed for a while, and at
 * most 20 s. */
#define RACE_MAX_MS 20000

static DWORD WINAPI race_worker(void *param)
{
    race *r = param;
    ULONGLONG start = GetTickCount64();
    for (int i = 0; GetTickCount64() - start < RACE_MAX_MS && !InterlockedCompareExchange(&r->stop, 0, 0);
         i++) {
        WTS_SESSION_INFOW *info = NULL;
        DWORD count = 0;
        SetLastError(0xdeadbeef);
        BOOL ok = WTSEnumerateSessionsW(r->server, 0, 1, &info, &count);
        DWORD err = GetLastError();
        if (ok && info && count >= 2 && err == ERROR_SUCCESS) {
            InterlockedIncrement(&r->ok_calls);
            WTSFreeMemory(info);
        } else if (!ok && err == ERROR_INVALID_HANDLE) {
            InterlockedIncrement(&r->invalid_calls);
        } else {
            r->other_error = err;
            InterlockedIncrement(&r->other);
        }

        LPWSTR buf = NULL;
        DWORD bytes = 0;
        SetLastError(0xdeadbeef);
        ok = WTSQuerySessionInformationW(r->server, WTS_CURRENT_SESSION, WTSSessionInfo, &buf, &bytes);
        err = GetLastError();
        if (ok && buf && bytes == sizeof(WTSINFOW) && err == ERROR_SUCCESS) {
            InterlockedIncrement(&r->ok_calls);
            WTSFreeMemory(buf);
        } else if (!ok && err == ERROR_INVALID_HANDLE) {
            InterlockedIncrement(&r->invalid_calls);
        } else {
            r->other_error = err;
            InterlockedIncrement(&r->other);
        }
        if (i == 0)
            SetEvent(r->started);
        /* Once the handle is gone, a few more rounds are enough. */
        if (InterlockedCompareExchange(&r->invalid_calls, 0, 0) > 200)
            break;
    }
    SetEvent(r->started); /* never leave the main thread waiting */
    return 0;
}

static void test_close_during_calls(void **state)
{
    (void)state;
    for (int round = 0; round < 5; round++) {
        race r;
        memset(&r, 0, sizeof(r));
        r.server = WTSOpenServerW(NULL);
        assert_non_null(r.server);
        r.started = CreateEventW(NULL, TRUE, FALSE, NULL);
        assert_non_null(r.started);
        HANDLE thread = CreateThread(NULL, 0, race_worker, &r, 0, NULL);
        assert_non_null(thread);

        assert_int_equal(WaitForSingleObject(r.started, 30000), WAIT_OBJECT_0);
        Sleep(round); /* vary where in a call the close lands */
        WTSCloseServer(r.server);
        DWORD waited = WaitForSingleObject(thread, 60000);
        InterlockedExchange(&r.stop, 1);
        if (waited != WAIT_OBJECT_0)
            WaitForSingleObject(thread, INFINITE);
        CloseHandle(thread);
        CloseHandle(r.started);

        assert_int_equal(waited, WAIT_OBJECT_0);
        if (r.other)
            fail_msg("%ld calls neither succeeded nor failed with 6 (last error %lu)", r.other,
                     r.other_error);
        assert_true(r.ok_calls >= 2);
        assert_true(r.invalid_calls > 0);
        assert_calls_fail(r.server, ERROR_INVALID_HANDLE);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_open_local_names_w, console_active, console_active),
        cmocka_unit_test_setup_teardown(test_open_local_names_a, console_active, console_active),
        cmocka_unit_test_setup_teardown(test_open_dns_names, console_active, console_active),
        cmocka_unit_test_setup_teardown(test_unknown_server, console_active, console_active),
        cmocka_unit_test_setup_teardown(test_closed_handle, console_active, console_active),
        cmocka_unit_test_setup_teardown(test_stale_handle_after_reopen, console_active, console_active),
        cmocka_unit_test_setup_teardown(test_forged_and_pseudo_handles, console_active, console_active),
        cmocka_unit_test_setup_teardown(test_close_twice_and_current, console_active, console_active),
        cmocka_unit_test_setup_teardown(test_current_server_handle, console_active, console_active),
        cmocka_unit_test_setup_teardown(test_many_handles, console_active, console_active),
        cmocka_unit_test_setup_teardown(test_close_during_calls, console_active, console_active),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* WTSShutdownSystem where it must not shut anything down: bad flags, bad
 * handles, another server, a caller without SE_SHUTDOWN_NAME, and
 * WTS_WSD_LOGOFF from the console (which logs off every session but the
 * caller's: under Wine there is no other). Were one of these to shut the
 * prefix down, this program would end before cmocka's summary, so
 * tests/wine/shutdown_test.sh runs it in its throwaway prefix and checks
 * the summary and that the prefix's other programs still run.
 *
 * Expected values come from MicrosoftDocs sdk-api (wtsapi32:
 * WTSShutdownSystem: one of the WTS_WSD_* values, SE_SHUTDOWN_NAME for
 * shutdown, reboot and power-off, WTS_WSD_FASTREBOOT not supported) and
 * the README's "Beyond the docs" section, "Shutting down" (which error
 * each of those is, a server that is not this machine).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "wine_test_util.h"

#define UNKNOWN_SERVER L"openwts-no-such-server.invalid"

static void set_shutdown_privilege(BOOL enable)
{
    HANDLE token;
    assert_true(OpenProcessToken(GetCurrentProcess(), TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY, &token));
    TOKEN_PRIVILEGES tp = { .PrivilegeCount = 1 };
    tp.Privileges[0].Attributes = enable ? SE_PRIVILEGE_ENABLED : 0;
    assert_true(LookupPrivilegeValueW(NULL, L"SeShutdownPrivilege", &tp.Privileges[0].Luid));
    SetLastError(0xdeadbeef);
    assert_true(AdjustTokenPrivileges(token, FALSE, &tp, 0, NULL, NULL));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    CloseHandle(token);
}

static int privilege_on(void **state)
{
    (void)state;
    set_shutdown_privilege(TRUE);
    return 0;
}

static int privilege_off(void **state)
{
    (void)state;
    set_shutdown_privilege(FALSE);
    return 0;
}

/* The privilege disabled (Wine's default, as Windows'): shutdown, reboot
 * and power-off fail with ERROR_PRIVILEGE_NOT_HELD and do nothing. */
static void without_privilege(void **state)
{
    (void)state;
    assert_fails_with(WTSShutdownSystem(WTS_CURRENT_SERVER_HANDLE, WTS_WSD_SHUTDOWN),
                      ERROR_PRIVILEGE_NOT_HELD);
    assert_fails_with(WTSShutdownSystem(WTS_CURRENT_SERVER_HANDLE, WTS_WSD_REBOOT),
                      ERROR_PRIVILEGE_NOT_HELD);
    assert_fails_with(WTSShutdownSystem(WTS_CURRENT_SERVER_HANDLE, WTS_WSD_POWEROFF),
                      ERROR_PRIVILEGE_NOT_HELD);
}

/* With the privilege, so that only the flag can be the reason. */
static void bad_flags(void **state)
{
    (void)state;
    static const DWORD bad[] = {
        0,                                     /* no flag */
        0x20, 0x80000000u, 0xFFFFFFFFu,        /* no such flag */
        WTS_WSD_SHUTDOWN | WTS_WSD_REBOOT,     /* two of them: "one of the following" */
        WTS_WSD_LOGOFF | WTS_WSD_POWEROFF,
        WTS_WSD_REBOOT | 0x100,
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        assert_fails_with(WTSShutdownSystem(WTS_CURRENT_SERVER_HANDLE, bad[i]),
                          ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSShutdownSystem(WTS_CURRENT_SERVER_HANDLE, WTS_WSD_FASTREBOOT),
                      ERROR_NOT_SUPPORTED);
}

static void bad_handles(void **state)
{
    (void)state;
    static const DWORD flags[] = { WTS_WSD_LOGOFF, WTS_WSD_SHUTDOWN, WTS_WSD_REBOOT,
                                   WTS_WSD_POWEROFF };
    HANDLE closed = WTSOpenServerW(NULL);
    assert_non_null(closed);
    WTSCloseServer(closed);
    for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
        assert_fails_with(WTSShutdownSystem((HANDLE)(ULONG_PTR)0x12345678, flags[i]),
                          ERROR_INVALID_HANDLE);
        assert_fails_with(WTSShutdownSystem(closed, flags[i]), ERROR_INVALID_HANDLE);
    }
}

/* A server that is not this machine is out of reach: nothing here shuts
 * down (README). */
static void another_server(void **state)
{
    (void)state;
    static const DWORD flags[] = { WTS_WSD_LOGOFF, WTS_WSD_SHUTDOWN, WTS_WSD_REBOOT,
                                   WTS_WSD_POWEROFF };
    HANDLE remote = WTSOpenServerW(UNKNOWN_SERVER);
    assert_non_null(remote);
    for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
        assert_fails_with(WTSShutdownSystem(remote, flags[i]), RPC_S_SERVER_UNAVAILABLE);
    WTSCloseServer(remote);
}

static void assert_console_logged_on(void)
{
    LPWSTR user = NULL;
    DWORD bytes = 0;
    assert_int_equal(session_state(own_session_id()), WTSActive);
    assert_true(WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, own_session_id(),
                                            WTSUserName, &user, &bytes));
    assert_non_null(user);
    assert_true(user[0] != 0);
    WTSFreeMemory(user);
}

/* Logs off every session but the caller's (docs): from the console, under
 * Wine, that is none. The call succeeds, this program lives on and the
 * console keeps its user. With and without the privilege (the docs ask it
 * only for the other flags), and through a handle to this machine by name. */
static void logoff_spares_the_callers_session(void)
{
    assert_console_logged_on();
    SetLastError(0xdeadbeef);
    assert_true(WTSShutdownSystem(WTS_CURRENT_SERVER_HANDLE, WTS_WSD_LOGOFF));
    assert_int_equal(GetLastError(), ERROR_SUCCESS); /* README: success sets 0 */
    assert_console_logged_on();

    HANDLE local = WTSOpenServerW(L"localhost");
    assert_non_null(local);
    SetLastError(0xdeadbeef);
    assert_true(WTSShutdownSystem(local, WTS_WSD_LOGOFF));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    WTSCloseServer(local);
    assert_console_logged_on();
}

static void logoff_without_privilege(void **state)
{
    (void)state;
    logoff_spares_the_callers_session();
}

static void logoff_with_privilege(void **state)
{
    (void)state;
    logoff_spares_the_callers_session();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(without_privilege, privilege_off),
        cmocka_unit_test_setup(logoff_without_privilege, privilege_off),
        cmocka_unit_test_setup(bad_flags, privilege_on),
        cmocka_unit_test_setup(bad_handles, privilege_on),
        cmocka_unit_test_setup(another_server, privilege_on),
        cmocka_unit_test_setup(logoff_with_privilege, privilege_on),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

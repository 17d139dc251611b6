/* WTSDisconnectSession, WTSConnectSession(A/W) and WTSLogoffSession as a
 * program under Wine sees them: disconnecting and reconnecting the console
 * session, and every kind of bad input. A successful logoff would end this
 * program (it ends every program of the session), so only failing logoffs
 * are tried here; tests/wine/logoff_test.sh does the real one in a throwaway
 * prefix.
 *
 * Expected values come from MicrosoftDocs sdk-api (wtsapi32: WTSDisconnectSession,
 * WTSConnectSessionW, WTSLogoffSession, WTSINFOW) and, where Windows leaves
 * the choice to the server, from the OpenWTS local backend
 * (src/backends/local/local_backend.c; README "Beyond the docs").
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>

#include "wine_test_util.h"

#define UNKNOWN_SESSION 12345u
#define SERVICES_SESSION 0u
#define UNKNOWN_SERVER L"openwts-no-such-server.invalid"

static LONGLONG now_filetime(void)
{
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
    return (LONGLONG)(((ULONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime);
}

/* The session's WTSINFOW (WTSSessionInfo), copied out of the DLL's buffer. */
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

/* Disconnects `id` (given as `arg`, which may be WTS_CURRENT_SESSION) and
 * checks the result and the session's WTSINFOW. */
static void disconnect_and_check(HANDLE server, DWORD arg, DWORD id)
{
    LONGLONG before = now_filetime();
    SetLastError(0xdeadbeef);
    assert_true(WTSDisconnectSession(server, arg, TRUE));
    /* Every successful call sets the last error to 0 (OpenWTS). */
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    LONGLONG after = now_filetime();

    assert_int_equal(session_state(id), WTSDisconnected);
    WTSINFOW info = session_info(id);
    assert_int_equal(info.State, WTSDisconnected);
    assert_int_equal(info.SessionId, id);
    /* WTSINFOW.DisconnectTime is when a client last disconnected (docs), a
     * FILETIME: set by this call, so between before and after. */
    assert_true(info.DisconnectTime.QuadPart != 0);
    assert_true(info.DisconnectTime.QuadPart >= before);
    assert_true(info.DisconnectTime.QuadPart <= after);
    assert_true(info.DisconnectTime.QuadPart <= info.CurrentTime.QuadPart);
}

static void disconnect_current_session(void **state)
{
    (void)state;
    disconnect_and_check(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, own_session_id());
}

static void disconnect_explicit_session(void **state)
{
    (void)state;
    disconnect_and_check(WTS_CURRENT_SERVER_HANDLE, own_session_id(), own_session_id());
}

/* The console is also reachable through a handle to this machine by name. */
static void disconnect_through_opened_handle(void **state)
{
    (void)state;
    HANDLE h = WTSOpenServerW(L"localhost");
    assert_non_null(h);
    disconnect_and_check(h, own_session_id(), own_session_id());
    WTSCloseServer(h);
}

/* Disconnecting a disconnected session succeeds and leaves it so
 * (OpenWTS local backend). */
static void disconnect_twice(void **state)
{
    (void)state;
    DWORD id = own_session_id();
    assert_true(WTSDisconnectSession(WTS_CURRENT_SERVER_HANDLE, id, TRUE));
    WTSINFOW first = session_info(id);
    Sleep(20);
    SetLastError(0xdeadbeef);
    assert_true(WTSDisconnectSession(WTS_CURRENT_SERVER_HANDLE, id, FALSE));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_int_equal(session_state(id), WTSDisconnected);
    /* It was not connected in between, so its disconnection time stays. */
    WTSINFOW second = session_info(id);
    assert_true(second.DisconnectTime.QuadPart == first.DisconnectTime.QuadPart);
}

enum connect_form { CONNECT_W, CONNECT_A };

/* Disconnects the console, then connects it back with (logon, target) and
 * checks it is WTSActive with a new ConnectTime. */
static void reconnect_with(enum connect_form form, ULONG logon, ULONG target)
{
    DWORD id = own_session_id();
    WTSINFOW active = session_info(id);
    Sleep(20); /* so that a new ConnectTime differs from the old one */
    assert_true(WTSDisconnectSession(WTS_CURRENT_SERVER_HANDLE, id, TRUE));
    assert_int_equal(session_state(id), WTSDisconnected);
    WTSINFOW disconnected = session_info(id);
    Sleep(20);

    LONGLONG before = now_filetime();
    SetLastError(0xdeadbeef);
    BOOL ok;
    if (form == CONNECT_W) {
        WCHAR password[] = L""; /* "" = the session's own user (docs) */
        ok = WTSConnectSessionW(logon, target, password, TRUE);
    } else {
        CHAR password[] = "";
        ok = WTSConnectSessionA(logon, target, password, TRUE);
    }
    DWORD err = GetLastError();
    LONGLONG after = now_filetime();
    assert_true(ok);
    assert_int_equal(err, ERROR_SUCCESS);

    assert_int_equal(session_state(id), WTSActive);
    WTSINFOW info = session_info(id);
    assert_int_equal(info.State, WTSActive);
    /* WTSINFOW.ConnectTime is when a client last connected (docs). */
    assert_true(info.ConnectTime.QuadPart > active.ConnectTime.QuadPart);
    assert_true(info.ConnectTime.QuadPart >= before);
    assert_true(info.ConnectTime.QuadPart <= after);
    assert_true(info.ConnectTime.QuadPart > disconnected.DisconnectTime.QuadPart);
    /* Reconnecting keeps the disconnection on record, and the user. */
    assert_true(info.DisconnectTime.QuadPart == disconnected.DisconnectTime.QuadPart);
    assert_true(info.UserName[0] != L'\0');
}

/* WTSConnectSession: TargetLogonId LOGONID_CURRENT names the current
 * session (docs). */
static void connect_w_console_to_current(void **state)
{
    (void)state;
    reconnect_with(CONNECT_W, own_session_id(), LOGONID_CURRENT);
}

static void connect_w_both_explicit(void **state)
{
    (void)state;
    reconnect_with(CONNECT_W, own_session_id(), own_session_id());
}

static void connect_a_console_to_current(void **state)
{
    (void)state;
    reconnect_with(CONNECT_A, own_session_id(), LOGONID_CURRENT);
}

static void connect_a_both_explicit(void **state)
{
    (void)state;
    reconnect_with(CONNECT_A, own_session_id(), own_session_id());
}

/* Connecting an Active session to itself changes nothing and succeeds
 * (OpenWTS local backend). */
static void connect_active_session(void **state)
{
    (void)state;
    DWORD id = own_session_id();
    SetLastError(0xdeadbeef);
    assert_true(WTSConnectSessionW(id, id, L"", TRUE));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_int_equal(session_state(id), WTSActive);
}

/* The errors shared by WTSDisconnectSession and WTSLogoffSession
 * (OpenWTS local backend; handle errors as for every server call). */
typedef BOOL (WINAPI *session_action_fn)(HANDLE, DWORD, BOOL);

static void check_action_errors(session_action_fn action)
{
    DWORD id = own_session_id();

    /* Handles that were never ours, or no longer are. */
    assert_fails_with(action((HANDLE)(ULONG_PTR)0xdeadbeef, id, TRUE), ERROR_INVALID_HANDLE);
    assert_fails_with(action(INVALID_HANDLE_VALUE, id, TRUE), ERROR_INVALID_HANDLE);
    assert_fails_with(action((HANDLE)(ULONG_PTR)0x50001234, WTS_CURRENT_SESSION, TRUE),
                      ERROR_INVALID_HANDLE);
    HANDLE h = WTSOpenServerW(NULL);
    assert_non_null(h);
    WTSCloseServer(h);
    assert_fails_with(action(h, id, TRUE), ERROR_INVALID_HANDLE);
    assert_fails_with(action(h, WTS_CURRENT_SESSION, FALSE), ERROR_INVALID_HANDLE);

    /* Sessions that do not exist. */
    assert_fails_with(action(WTS_CURRENT_SERVER_HANDLE, UNKNOWN_SESSION, TRUE),
                      ERROR_CTX_WINSTATION_NOT_FOUND);
    assert_fails_with(action(WTS_CURRENT_SERVER_HANDLE, WTS_ANY_SESSION, TRUE),
                      ERROR_CTX_WINSTATION_NOT_FOUND);
    assert_fails_with(action(WTS_CURRENT_SERVER_HANDLE, UNKNOWN_SESSION, FALSE),
                      ERROR_CTX_WINSTATION_NOT_FOUND);

    /* Session 0 holds the services, not a user. */
    assert_fails_with(action(WTS_CURRENT_SERVER_HANDLE, SERVICES_SESSION, TRUE),
                      ERROR_ACCESS_DENIED);

    /* A server that cannot be reached: the handle opens, the call fails. */
    WCHAR name[] = UNKNOWN_SERVER;
    HANDLE remote = WTSOpenServerW(name);
    assert_non_null(remote);
    assert_fails_with(action(remote, id, TRUE), RPC_S_SERVER_UNAVAILABLE);
    assert_fails_with(action(remote, WTS_CURRENT_SESSION, TRUE), RPC_S_SERVER_UNAVAILABLE);
    WTSCloseServer(remote);

    /* None of it touched the console. */
    assert_int_equal(session_state(id), WTSActive);
}

static void disconnect_bad_input(void **state)
{
    (void)state;
    check_action_errors(WTSDisconnectSession);
}

/* Only failing calls: a successful logoff would end this program. */
static void logoff_bad_input(void **state)
{
    (void)state;
    check_action_errors(WTSLogoffSession);
    /* The user is still logged on. */
    WTSINFOW info = session_info(own_session_id());
    assert_true(info.UserName[0] != L'\0');
}

/* WTSConnectSession: pPassword NULL, or both ids LOGONID_CURRENT:
 * ERROR_INVALID_PARAMETER (docs: the password may be "" but not absent;
 * only one of the ids may be LOGONID_CURRENT). */
static void connect_bad_parameters(void **state)
{
    (void)state;
    DWORD id = own_session_id();
    WCHAR wempty[] = L"";
    CHAR aempty[] = "";

    assert_fails_with(WTSConnectSessionW(id, LOGONID_CURRENT, NULL, TRUE), ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSConnectSessionW(id, id, NULL, FALSE), ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSConnectSessionA(id, LOGONID_CURRENT, NULL, TRUE), ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSConnectSessionA(id, id, NULL, FALSE), ERROR_INVALID_PARAMETER);

    assert_fails_with(WTSConnectSessionW(LOGONID_CURRENT, LOGONID_CURRENT, wempty, TRUE),
                      ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSConnectSessionA(LOGONID_CURRENT, LOGONID_CURRENT, aempty, TRUE),
                      ERROR_INVALID_PARAMETER);

    assert_int_equal(session_state(id), WTSActive);
}

/* WTSConnectSession on sessions it cannot join (OpenWTS local backend):
 * session 0 -> ERROR_ACCESS_DENIED, unknown -> ERROR_CTX_WINSTATION_NOT_FOUND,
 * a target other than the session itself (one console, one display) ->
 * ERROR_ACCESS_DENIED. Tried on a disconnected console, which must stay so. */
static void connect_bad_sessions(void **state)
{
    (void)state;
    DWORD id = own_session_id();
    WCHAR wempty[] = L"";
    CHAR aempty[] = "";
    assert_true(WTSDisconnectSession(WTS_CURRENT_SERVER_HANDLE, id, TRUE));

    assert_fails_with(WTSConnectSessionW(SERVICES_SESSION, LOGONID_CURRENT, wempty, TRUE),
                      ERROR_ACCESS_DENIED);
    assert_fails_with(WTSConnectSessionA(SERVICES_SESSION, LOGONID_CURRENT, aempty, TRUE),
                      ERROR_ACCESS_DENIED);
    assert_fails_with(WTSConnectSessionW(UNKNOWN_SESSION, LOGONID_CURRENT, wempty, TRUE),
                      ERROR_CTX_WINSTATION_NOT_FOUND);
    assert_fails_with(WTSConnectSessionA(UNKNOWN_SESSION, UNKNOWN_SESSION, aempty, TRUE),
                      ERROR_CTX_WINSTATION_NOT_FOUND);
    assert_fails_with(WTSConnectSessionW(WTS_ANY_SESSION, LOGONID_CURRENT, wempty, TRUE),
                      ERROR_CTX_WINSTATION_NOT_FOUND);
    assert_fails_with(WTSConnectSessionW(id, SERVICES_SESSION, wempty, TRUE), ERROR_ACCESS_DENIED);
    assert_fails_with(WTSConnectSessionA(id, SERVICES_SESSION, aempty, TRUE), ERROR_ACCESS_DENIED);

    assert_int_equal(session_state(id), WTSDisconnected);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(disconnect_current_session, console_active, console_active),
        cmocka_unit_test_setup_teardown(disconnect_explicit_session, console_active, console_active),
        cmocka_unit_test_setup_teardown(disconnect_through_opened_handle, console_active, console_active),
        cmocka_unit_test_setup_teardown(disconnect_twice, console_active, console_active),
        cmocka_unit_test_setup_teardown(connect_w_console_to_current, console_active, console_active),
        cmocka_unit_test_setup_teardown(connect_w_both_explicit, console_active, console_active),
        cmocka_unit_test_setup_teardown(connect_a_console_to_current, console_active, console_active),
        cmocka_unit_test_setup_teardown(connect_a_both_explicit, console_active, console_active),
        cmocka_unit_test_setup_teardown(connect_active_session, console_active, console_active),
        cmocka_unit_test_setup_teardown(disconnect_bad_input, console_active, console_active),
        cmocka_unit_test_setup_teardown(logoff_bad_input, console_active, console_active),
        cmocka_unit_test_setup_teardown(connect_bad_parameters, console_active, console_active),
        cmocka_unit_test_setup_teardown(connect_bad_sessions, console_active, console_active),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

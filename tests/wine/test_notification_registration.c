/* WTS(Un)RegisterSessionNotification(Ex): registering a window succeeds
 * (Wine's builtin returns TRUE, so ours must too), is counted (MicrosoftDocs
 * sdk-api WTSRegisterSessionNotification: every registration wants its
 * unregistration; registering again ignores the new flags), and refuses
 * what is not a window or not a flag (README "Beyond the docs": 1400 and
 * 87) or a server that cannot be reached (1722, as its other calls). What
 * the windows receive: test_session_notifications.c.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "wine_test_util.h"

/* A message-only window: Wine makes those without an X display (README,
 * "Beyond the docs"). */
static HWND make_window(void)
{
    HWND hwnd = CreateWindowExA(0, "STATIC", "openwts-notify", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL,
                                GetModuleHandleA(NULL), NULL);
    assert_non_null(hwnd);
    return hwnd;
}

static void register_and_unregister(void **state)
{
    (void)state;
    HWND hwnd = make_window();
    SetLastError(0xdeadbeef);
    assert_true(WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_true(WTSUnRegisterSessionNotification(hwnd));
    /* once unregistered, it is not registered any more */
    assert_fails_with(WTSUnRegisterSessionNotification(hwnd), ERROR_INVALID_PARAMETER);

    assert_true(WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_ALL_SESSIONS));
    assert_true(WTSUnRegisterSessionNotification(hwnd));
    DestroyWindow(hwnd);
}

/* Two registrations want two unregistrations. */
static void registrations_are_counted(void **state)
{
    (void)state;
    HWND hwnd = make_window();
    assert_true(WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_ALL_SESSIONS));
    assert_true(WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION));
    assert_true(WTSUnRegisterSessionNotification(hwnd));
    assert_true(WTSUnRegisterSessionNotification(hwnd));
    assert_fails_with(WTSUnRegisterSessionNotification(hwnd), ERROR_INVALID_PARAMETER);
    DestroyWindow(hwnd);
}

/* The Ex form names the server; a registration belongs to its handle. */
static void ex_form_per_server_handle(void **state)
{
    (void)state;
    HWND hwnd = make_window();
    HANDLE h = WTSOpenServerW(NULL);
    assert_non_null(h);
    assert_true(WTSRegisterSessionNotificationEx(WTS_CURRENT_SERVER_HANDLE, hwnd, NOTIFY_FOR_ALL_SESSIONS));
    assert_true(WTSRegisterSessionNotificationEx(h, hwnd, NOTIFY_FOR_THIS_SESSION));
    assert_true(WTSUnRegisterSessionNotificationEx(h, hwnd));
    assert_fails_with(WTSUnRegisterSessionNotificationEx(h, hwnd), ERROR_INVALID_PARAMETER);
    assert_true(WTSUnRegisterSessionNotificationEx(WTS_CURRENT_SERVER_HANDLE, hwnd));
    WTSCloseServer(h);
    /* a closed handle is no handle */
    assert_fails_with(WTSRegisterSessionNotificationEx(h, hwnd, NOTIFY_FOR_ALL_SESSIONS), ERROR_INVALID_HANDLE);
    assert_fails_with(WTSUnRegisterSessionNotificationEx(h, hwnd), ERROR_INVALID_HANDLE);
    DestroyWindow(hwnd);
}

/* A server that cannot be reached has no events to give. */
static void unreachable_server(void **state)
{
    (void)state;
    HWND hwnd = make_window();
    WCHAR name[] = L"openwts-no-such-server.invalid";
    HANDLE unreachable = WTSOpenServerW(name);
    assert_non_null(unreachable);
    assert_fails_with(WTSRegisterSessionNotificationEx(unreachable, hwnd, NOTIFY_FOR_ALL_SESSIONS),
                      RPC_S_SERVER_UNAVAILABLE);
    assert_fails_with(WTSUnRegisterSessionNotificationEx(unreachable, hwnd), ERROR_INVALID_PARAMETER);
    WTSCloseServer(unreachable);
    DestroyWindow(hwnd);
}

/* Closing a server handle ends its registrations: a handle opened after
 * it (which may reuse the same server object inside the DLL) has none. */
static void closing_the_handle_ends_its_registrations(void **state)
{
    (void)state;
    HWND hwnd = make_window();
    for (int round = 0; round < 4; round++) {
        HANDLE h = WTSOpenServerW(NULL);
        assert_non_null(h);
        if (round == 0)
            assert_true(WTSRegisterSessionNotificationEx(h, hwnd, NOTIFY_FOR_ALL_SESSIONS));
        else /* nothing of round 0's registration is left */
            assert_fails_with(WTSUnRegisterSessionNotificationEx(h, hwnd), ERROR_INVALID_PARAMETER);
        WTSCloseServer(h);
    }
    DestroyWindow(hwnd);
}

static void bad_windows_and_flags(void **state)
{
    (void)state;
    HWND hwnd = make_window();
    assert_fails_with(WTSRegisterSessionNotification(NULL, NOTIFY_FOR_THIS_SESSION), ERROR_INVALID_WINDOW_HANDLE);
    assert_fails_with(WTSRegisterSessionNotification((HWND)(ULONG_PTR)0x5a5a0, NOTIFY_FOR_ALL_SESSIONS),
                      ERROR_INVALID_WINDOW_HANDLE);
    assert_fails_with(WTSRegisterSessionNotification(hwnd, 2), ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSRegisterSessionNotificationEx(WTS_CURRENT_SERVER_HANDLE, hwnd, 0x80000000u),
                      ERROR_INVALID_PARAMETER);
    /* nothing was registered by the failures */
    assert_fails_with(WTSUnRegisterSessionNotification(hwnd), ERROR_INVALID_PARAMETER);
    /* a window that is gone */
    DestroyWindow(hwnd);
    assert_fails_with(WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION), ERROR_INVALID_WINDOW_HANDLE);
}

/* A window destroyed while registered breaks nothing: another window
 * registers and unregisters as usual. */
static void destroyed_window_left_registered(void **state)
{
    (void)state;
    HWND gone = make_window();
    assert_true(WTSRegisterSessionNotification(gone, NOTIFY_FOR_ALL_SESSIONS));
    DestroyWindow(gone);
    HWND hwnd = make_window();
    assert_true(WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_ALL_SESSIONS));
    assert_true(WTSUnRegisterSessionNotification(hwnd));
    DestroyWindow(hwnd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(register_and_unregister),
        cmocka_unit_test(registrations_are_counted),
        cmocka_unit_test(ex_form_per_server_handle),
        cmocka_unit_test(closing_the_handle_ends_its_registrations),
        cmocka_unit_test(bad_windows_and_flags),
        cmocka_unit_test(unreachable_server),
        cmocka_unit_test(destroyed_window_left_registered),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* A program written against mingw-w64's own wtsapi32.h (not ours) links
 * against our import library and runs on our DLL: users need not switch
 * headers to switch DLLs.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <windows.h>
#include <wtsapi32.h>

#ifdef OPENWTS_WTSAPI32_H
#error "this test must be compiled against mingw-w64's header, not ours"
#endif

#include <lmcons.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

static void test_sessions_through_mingw_header(void **state)
{
    (void)state;
    PWTS_SESSION_INFOW info = NULL;
    DWORD count = 0, own = 0, bytes = 0;
    assert_true(ProcessIdToSessionId(GetCurrentProcessId(), &own));
    /* Wine's builtin stub returns zero sessions: two or more are ours. */
    assert_true(WTSEnumerateSessionsW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count));
    assert_true(count >= 2);
    BOOL found = FALSE;
    for (DWORD i = 0; i < count; i++)
        if (info[i].SessionId == own && lstrcmpW(info[i].pWinStationName, L"Console") == 0)
            found = TRUE;
    WTSFreeMemory(info);
    assert_true(found);

    LPWSTR user = NULL;
    WCHAR expected[UNLEN + 1];
    DWORD len = ARRAYSIZE(expected);
    assert_true(GetUserNameW(expected, &len));
    assert_true(WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION,
                                            WTSUserName, &user, &bytes));
    assert_int_equal(lstrcmpiW(user, expected), 0);
    assert_int_equal(bytes, (lstrlenW(expected) + 1) * sizeof(WCHAR));
    WTSFreeMemory(user);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sessions_through_mingw_header),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

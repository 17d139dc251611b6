/* Nothing the API does, on success or on bad input, leaves memory behind:
 * thousands of rounds of every working export (and its failures) must not
 * grow the process heap. WTSFreeMemory's block comes from the process heap
 * (LocalAlloc), so that heap is where a leak would show.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "wine_test_util.h"

#define ROUNDS 2000
#define SLACK_BYTES (16 * 1024) /* allocator bookkeeping, not per-round growth */

static void one_round(DWORD console)
{
    /* Successful calls, each result freed once. */
    PWTS_SESSION_INFOW sw;
    PWTS_SESSION_INFOA sa;
    PWTS_SESSION_INFO_1W s1w;
    PWTS_SESSION_INFO_1A s1a;
    DWORD n, level = 1, bytes;
    assert_true(WTSEnumerateSessionsW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &sw, &n));
    WTSFreeMemory(sw);
    assert_true(WTSEnumerateSessionsA(WTS_CURRENT_SERVER_HANDLE, 0, 1, &sa, &n));
    WTSFreeMemory(sa);
    assert_true(WTSEnumerateSessionsExW(WTS_CURRENT_SERVER_HANDLE, &level, 0, &s1w, &n));
    assert_true(WTSFreeMemoryExW(WTSTypeSessionInfoLevel1, s1w, n));
    assert_true(WTSEnumerateSessionsExA(WTS_CURRENT_SERVER_HANDLE, &level, 0, &s1a, &n));
    assert_true(WTSFreeMemoryExA(WTSTypeSessionInfoLevel1, s1a, n));
    for (int cls = WTSInitialProgram; cls <= WTSIsRemoteSession; cls++) {
        LPWSTR w;
        LPSTR a;
        if (WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, console, cls, &w, &bytes))
            WTSFreeMemory(w);
        if (WTSQuerySessionInformationA(WTS_CURRENT_SERVER_HANDLE, console, cls, &a, &bytes))
            WTSFreeMemory(a);
    }
    HANDLE h = WTSOpenServerW(L"localhost");
    assert_non_null(h);
    assert_true(WTSEnumerateSessionsW(h, 0, 1, &sw, &n));
    WTSFreeMemory(sw);
    WTSCloseServer(h);
    h = WTSOpenServerA("no-such-server");
    assert_non_null(h);
    assert_fails_with(WTSEnumerateSessionsW(h, 0, 1, &sw, &n), RPC_S_SERVER_UNAVAILABLE);
    WTSCloseServer(h);
    assert_true(WTSDisconnectSession(WTS_CURRENT_SERVER_HANDLE, console, TRUE));
    assert_true(WTSConnectSessionA(console, console, "", TRUE));

    /* Failures must not leak either. */
    assert_fails_with(WTSEnumerateSessionsW(h, 0, 1, &sw, &n), ERROR_INVALID_HANDLE);
    assert_fails_with(WTSEnumerateSessionsW(WTS_CURRENT_SERVER_HANDLE, 1, 1, &sw, &n),
                      ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, 12345, WTSUserName,
                                                  (LPWSTR *)&sw, &bytes),
                      ERROR_CTX_WINSTATION_NOT_FOUND);
    assert_fails_with(WTSQuerySessionInformationA(WTS_CURRENT_SERVER_HANDLE, console, WTSIdleTime,
                                                  (LPSTR *)&sa, &bytes),
                      ERROR_NOT_SUPPORTED);
    assert_fails_with(WTSDisconnectSession(WTS_CURRENT_SERVER_HANDLE, 0, TRUE), ERROR_ACCESS_DENIED);
    assert_fails_with(WTSLogoffSession(WTS_CURRENT_SERVER_HANDLE, 12345, TRUE),
                      ERROR_CTX_WINSTATION_NOT_FOUND);
    assert_fails_with(WTSConnectSessionW(12345, console, L"", TRUE), ERROR_CTX_WINSTATION_NOT_FOUND);
}

static void test_many_rounds_do_not_grow_the_heap(void **state)
{
    (void)state;
    DWORD console = own_session_id();
    reconnect_session(console);
    one_round(console); /* first use: one-time lookups and the state mapping */
    size_t before = process_heap_busy_bytes();
    for (int i = 0; i < ROUNDS; i++)
        one_round(console);
    size_t after = process_heap_busy_bytes();
    print_message("process heap busy bytes: %lu before, %lu after %d rounds\n", (unsigned long)before,
                  (unsigned long)after, ROUNDS);
    assert_true(after <= before + SLACK_BYTES);
    assert_int_equal(session_state(console), WTSActive);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_many_rounds_do_not_grow_the_heap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

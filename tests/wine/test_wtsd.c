/* wtsapi32.dll against the real wtsd (src/daemon/), started by
 * tests/wine/wtsd_test.sh on the three-session scenario
 * (examples/scenarios/terminal-server.json, with a state file) and on the
 * 10,000-session one: the sessions with their fields as the scenario says,
 * a disconnect that wtsctl sees and that survives a kill -9 of wtsd, the
 * same handle working again once wtsd is back, a refusal with the
 * server's error.
 *
 * Environment: OPENWTS_TEST_WTSD (host:port of the small one),
 * OPENWTS_TEST_WTSD_LARGE (of the large one), OPENWTS_TEST_SIGNAL_DIR (a
 * directory, as a Windows path, where this program and the script leave
 * each other files: "disconnected" when the script may kill wtsd,
 * "restarted" when it is back).
 * Expected values: the scenario files; the layouts are Microsoft's
 * (WTS_CLIENT_ADDRESS: an IPv4 address from Address[2]; WTSINFOW), the
 * errors the README's "Beyond the docs".
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

#include "wine_test_util.h"

#define WAIT_FOR_SCRIPT_MS 120000

static const char *small_server, *large_server, *signal_dir;

static void assert_wide_equal(const WCHAR *got, const WCHAR *want)
{
    if (!got || wcscmp(got, want) != 0)
        fail_msg("\"%ls\", expected \"%ls\"", got ? got : L"(null)", want);
}

static void assert_text(HANDLE h, DWORD id, WTS_INFO_CLASS cls, const WCHAR *want)
{
    LPWSTR buf = NULL;
    DWORD bytes = 0;
    SetLastError(0xdeadbeef);
    assert_true(WTSQuerySessionInformationW(h, id, cls, &buf, &bytes));
    assert_wide_equal(buf, want);
    assert_int_equal(bytes, (wcslen(want) + 1) * sizeof(WCHAR));
    WTSFreeMemory(buf);
}

/* A fixed-size answer of `size` bytes, copied out. */
static void query_struct(HANDLE h, DWORD id, WTS_INFO_CLASS cls, void *out, DWORD size)
{
    LPWSTR buf = NULL;
    DWORD bytes = 0;
    SetLastError(0xdeadbeef);
    assert_true(WTSQuerySessionInformationW(h, id, cls, &buf, &bytes));
    assert_int_equal(bytes, size);
    memcpy(out, buf, size);
    WTSFreeMemory(buf);
}

/* FILETIME of a UTC time, as the scenario's ISO texts mean it. */
static LONGLONG filetime(WORD y, WORD mo, WORD d, WORD h, WORD mi, WORD s)
{
    SYSTEMTIME st = { y, mo, 0, d, h, mi, s, 0 };
    FILETIME ft;
    assert_true(SystemTimeToFileTime(&st, &ft));
    return (LONGLONG)((ULONGLONG)ft.dwHighDateTime << 32 | ft.dwLowDateTime);
}

static HANDLE open_server(const char *name)
{
    HANDLE h = WTSOpenServerA((LPSTR)name);
    assert_non_null(h);
    return h;
}

static void signal_script(const char *name)
{
    char path[MAX_PATH];
    snprintf(path, sizeof(path), "%s\\%s", signal_dir, name);
    HANDLE f = CreateFileA(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    assert_true(f != INVALID_HANDLE_VALUE);
    CloseHandle(f);
}

static void wait_for_script(const char *name)
{
    char path[MAX_PATH];
    snprintf(path, sizeof(path), "%s\\%s", signal_dir, name);
    for (DWORD waited = 0; waited < WAIT_FOR_SCRIPT_MS; waited += 100) {
        if (GetFileAttributesA(path) != INVALID_FILE_ATTRIBUTES)
            return;
        Sleep(100);
    }
    fail_msg("the script did not leave %s", path);
}

static void test_the_scenario_with_its_fields(void **state)
{
    (void)state;
    HANDLE h = open_server(small_server);
    static const struct {
        DWORD id;
        const WCHAR *win_station;
        WTS_CONNECTSTATE_CLASS state;
    } want[] = {
        { 0, L"Services", WTSDisconnected },
        { 1, L"Console", WTSActive },
        { 2, L"RDP-Tcp#3", WTSActive },
        { 3, L"RDP-Tcp#5", WTSDisconnected },
    };
    WTS_SESSION_INFOW *info = NULL;
    DWORD count = 0;
    SetLastError(0xdeadbeef);
    assert_true(WTSEnumerateSessionsW(h, 0, 1, &info, &count));
    assert_int_equal(count, ARRAYSIZE(want));
    for (DWORD i = 0; i < count; i++) {
        assert_int_equal(info[i].SessionId, want[i].id);
        assert_wide_equal(info[i].pWinStationName, want[i].win_station);
        assert_int_equal(info[i].State, want[i].state);
    }
    WTSFreeMemory(info);

    /* alice's session, as the scenario writes it. */
    assert_text(h, 2, WTSUserName, L"alice");
    assert_text(h, 2, WTSDomainName, L"CONTOSO");
    assert_text(h, 2, WTSWinStationName, L"RDP-Tcp#3");
    assert_text(h, 2, WTSClientName, L"WKS-ALICE");
    assert_text(h, 2, WTSClientDirectory, L"C:\\Windows\\System32\\mstscax.dll");
    DWORD build = 0;
    query_struct(h, 2, WTSClientBuildNumber, &build, sizeof(build));
    assert_int_equal(build, 19045);
    USHORT product = 0, protocol = 0;
    query_struct(h, 2, WTSClientProductId, &product, sizeof(product));
    assert_int_equal(product, 1);
    query_struct(h, 2, WTSClientProtocolType, &protocol, sizeof(protocol));
    assert_int_equal(protocol, 2);
    WTS_CLIENT_DISPLAY display;
    query_struct(h, 2, WTSClientDisplay, &display, sizeof(display));
    assert_int_equal(display.HorizontalResolution, 1920);
    assert_int_equal(display.VerticalResolution, 1080);
    assert_int_equal(display.ColorDepth, 24);
    WTS_CLIENT_ADDRESS addr;
    query_struct(h, 2, WTSClientAddress, &addr, sizeof(addr));
    assert_int_equal(addr.AddressFamily, AF_INET);
    assert_int_equal(addr.Address[2], 192);
    assert_int_equal(addr.Address[3], 168);
    assert_int_equal(addr.Address[4], 10);
    assert_int_equal(addr.Address[5], 21);
    WTSINFOW wi;
    query_struct(h, 2, WTSSessionInfo, &wi, sizeof(wi));
    assert_int_equal(wi.State, WTSActive);
    assert_int_equal(wi.SessionId, 2);
    assert_wide_equal(wi.UserName, L"alice");
    assert_wide_equal(wi.Domain, L"CONTOSO");
    assert_wide_equal(wi.WinStationName, L"RDP-Tcp#3");
    assert_true(wi.LogonTime.QuadPart == filetime(2024, 5, 6, 8, 2, 44));
    assert_true(wi.ConnectTime.QuadPart == filetime(2024, 5, 6, 8, 2, 40));
    assert_true(wi.LastInputTime.QuadPart == filetime(2024, 5, 6, 9, 40, 58));

    /* bob's: disconnected, an IPv6 client (AF_INET6 23, from Address[0]). */
    assert_text(h, 3, WTSUserName, L"bob");
    query_struct(h, 3, WTSClientAddress, &addr, sizeof(addr));
    assert_int_equal(addr.AddressFamily, 23);
    static const BYTE v6[16] = { 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x10, [15] = 0x42 };
    assert_memory_equal(addr.Address, v6, sizeof(v6));
    query_struct(h, 3, WTSClientDisplay, &display, sizeof(display));
    assert_int_equal(display.HorizontalResolution, 2560);
    assert_int_equal(display.VerticalResolution, 1440);
    query_struct(h, 3, WTSSessionInfo, &wi, sizeof(wi));
    assert_int_equal(wi.State, WTSDisconnected);
    assert_true(wi.DisconnectTime.QuadPart == filetime(2024, 5, 6, 8, 15, 31));

    /* Processes: the scenario's notepad.exe, pid 2348 in session 2. */
    WTS_PROCESS_INFOW *procs;
    assert_true(WTSEnumerateProcessesW(h, 0, 1, &procs, &count));
    assert_int_equal(count, 8);
    BOOL found = FALSE;
    for (DWORD i = 0; i < count; i++)
        found |= procs[i].ProcessId == 2348 && procs[i].SessionId == 2
              && wcscmp(procs[i].pProcessName, L"notepad.exe") == 0;
    assert_true(found);
    WTSFreeMemory(procs);

    /* The server's refusal: session 0 cannot be disconnected; a session it
     * does not have. */
    assert_fails_with(WTSDisconnectSession(h, 0, TRUE), ERROR_ACCESS_DENIED);
    assert_fails_with(WTSLogoffSession(h, 99, TRUE), ERROR_CTX_WINSTATION_NOT_FOUND);
    WTSCloseServer(h);
}

/* A disconnect made through wtsd is kept across a kill -9 of wtsd, and
 * the handle opened before works once wtsd is back, with no action here. */
static void test_a_disconnect_survives_wtsd_and_the_handle_comes_back(void **state)
{
    (void)state;
    HANDLE h = open_server(small_server);
    SetLastError(0xdeadbeef);
    assert_true(WTSDisconnectSession(h, 2, TRUE));
    assert_int_equal(GetLastError(), 0);
    signal_script("disconnected"); /* the script checks wtsctl, kills wtsd, starts it again */
    wait_for_script("restarted");
    WTS_SESSION_INFOW *info = NULL;
    DWORD count = 0;
    SetLastError(0xdeadbeef);
    assert_true(WTSEnumerateSessionsW(h, 0, 1, &info, &count));
    assert_int_equal(count, 4);
    assert_int_equal(info[2].SessionId, 2);
    assert_int_equal(info[2].State, WTSDisconnected);
    WTSFreeMemory(info);
    WTSCloseServer(h);
}

static void test_ten_thousand_sessions(void **state)
{
    (void)state;
    HANDLE h = open_server(large_server);
    WTS_SESSION_INFOW *info;
    DWORD count = 0;
    assert_true(WTSEnumerateSessionsW(h, 0, 1, &info, &count));
    assert_int_equal(count, 10000);
    for (DWORD i = 0; i < count; i++)
        if (info[i].SessionId != i)
            fail_msg("entry %lu is session %lu", i, info[i].SessionId);
    /* As make-large-scenario.py writes them. */
    assert_wide_equal(info[1234].pWinStationName, L"RDP-Tcp#1334");
    assert_int_equal(info[1234].State, WTSIdle);
    WTSFreeMemory(info);
    assert_text(h, 9999, WTSUserName, L"user09999");
    WTSCloseServer(h);
}

int main(void)
{
    small_server = getenv("OPENWTS_TEST_WTSD");
    large_server = getenv("OPENWTS_TEST_WTSD_LARGE");
    signal_dir = getenv("OPENWTS_TEST_SIGNAL_DIR");
    if (!small_server || !large_server || !signal_dir) {
        fprintf(stderr, "test_wtsd: run by tests/wine/wtsd_test.sh\n");
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_scenario_with_its_fields),
        cmocka_unit_test(test_a_disconnect_survives_wtsd_and_the_handle_comes_back),
        cmocka_unit_test(test_ten_thousand_sessions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

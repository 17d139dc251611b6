/* wtsapi32.dll under Wine against wtsd hosting the logind backend, on
 * python-dbusmock's logind template (tests/wine/logind_wine_test.sh starts
 * the bus, the mock, wtsd and this program, and stops them). The mock
 * starts from the three sessions of the backend's own test
 * (mock_add_three_sessions, tests/logind/logind_mock.c):
 *   logind "2"  alice, local on seat0, service gdm-password     -> session 2
 *   logind "5"  bob, ssh (sshd) from 192.0.2.10                 -> session 5
 *   logind "c1" carol, xrdp (xrdp-sesman) from 2001:db8::7      -> session 1
 * (numeric logind ids keep their number, "c1" takes the lowest free id:
 * docs/logind-backend.md, "Session ids").
 *
 * Two runs, by the first argument:
 *   admin  as the user running the test, an administrator to wtsd (root,
 *          or a member of its --admin-group): the sessions with their
 *          fields, lock and idle changes made in the mock, disconnect and
 *          logoff as logind calls, WTS_CURRENT_SESSION.
 *   user   as a second Unix user the script made (OPENWTS_TEST_USER), who
 *          has an SSH session of its own (logind "7", session 7) and is no
 *          administrator: logging off or disconnecting alice's session is
 *          refused and the mock records nothing; its own logoff is done.
 *
 * The mock is changed and read by the script, at this program's request
 * (ask_script): requests and answers are files in OPENWTS_TEST_SIGNAL_DIR
 * (a Windows path). "map-pid ID" makes the script find this program's
 * Unix pid and give it to the mock as the Leader of logind session ID, so
 * that logind's GetSessionByPID names that session for this process; any
 * other request is a command of tests/logind/logind_mock_tool, whose
 * output comes back.
 *
 * Environment: OPENWTS_SERVER (the wtsd, so WTS_CURRENT_SERVER_HANDLE is
 * it), OPENWTS_TEST_SIGNAL_DIR, OPENWTS_TEST_HOST (the Linux host name),
 * OPENWTS_TEST_DOMAIN (its first label in capitals), OPENWTS_TEST_USER.
 *
 * Expected values: the mock's sessions above; what the backend makes of
 * them, docs/logind-backend.md (state, WinStation names, protocol types,
 * client address, LastInputTime from IdleSinceHint, SessionFlags from
 * LockedHint, which logind call each operation makes, ERROR_NOT_SUPPORTED
 * for disconnecting a remote session); the layouts, Microsoft's
 * (WTS_CLIENT_ADDRESS: AF_INET 2 with the address from Address[2], AF_INET6
 * 23 from Address[0]; WTSINFOEX SessionFlags WTS_SESSIONSTATE_LOCK 0,
 * WTS_SESSIONSTATE_UNLOCK 1; WTSIsRemoteSession a BOOLEAN); the errors, the
 * README's "Beyond the docs" (another user's session without being an
 * administrator: ERROR_ACCESS_DENIED; a session that does not exist:
 * ERROR_CTX_WINSTATION_NOT_FOUND).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "wine_test_util.h"

#include "logind_mock.h" /* the sessions' logon times (MOCK_*_USEC) */

#define XRDP 1u
#define LOCAL 2u
#define SSH 5u
#define OWN 7u /* the second user's SSH session (logind "7"), run "user" */
#define WAIT_FOR_SCRIPT_MS 60000
#define UNIX_EPOCH_FILETIME 116444736000000000ll
#define ONE_SECOND 10000000ll /* in FILETIME's 100 ns */
#ifndef AF_INET
#define AF_INET 2
#endif
#ifndef AF_INET6
#define AF_INET6 23
#endif

static const char *signal_dir, *host_name, *domain_name, *own_user;
static unsigned requests;

static const char *env(const char *name)
{
    const char *v = getenv(name);
    if (!v || !*v) {
        fprintf(stderr, "test_logind: %s is not set (run me with tests/wine/logind_wine_test.sh)\n", name);
        exit(1);
    }
    return v;
}

/* Asks the script for `request` and waits for its answer: a first line
 * with the exit status of what it ran, then that command's output, whose
 * first line goes to `answer`. Files are written under another name and
 * renamed, so neither side reads half of one. */
static void ask_script(const char *request, char *answer, size_t cap)
{
    char tmp[MAX_PATH], req[MAX_PATH], rep[MAX_PATH];
    unsigned n = ++requests;
    snprintf(tmp, sizeof(tmp), "%s\\req-%u.tmp", signal_dir, n);
    snprintf(req, sizeof(req), "%s\\req-%u", signal_dir, n);
    snprintf(rep, sizeof(rep), "%s\\rep-%u", signal_dir, n);
    FILE *f = fopen(tmp, "wb");
    assert_non_null(f);
    fputs(request, f);
    fclose(f);
    assert_true(MoveFileA(tmp, req));
    for (DWORD waited = 0; !(f = fopen(rep, "rb")); waited += 50) {
        if (waited >= WAIT_FOR_SCRIPT_MS)
            fail_msg("the script did not answer \"%s\" within %d ms", request, WAIT_FOR_SCRIPT_MS);
        Sleep(50);
    }
    char text[1024];
    size_t len = fread(text, 1, sizeof(text) - 1, f);
    fclose(f);
    text[len] = '\0';
    int status = atoi(text);
    char *rest = strchr(text, '\n');
    rest = rest ? rest + 1 : text + len;
    if (status != 0)
        fail_msg("\"%s\": the script's command failed (%d): %s", request, status, rest);
    if (answer && cap) {
        size_t line = strcspn(rest, "\r\n");
        if (line >= cap)
            line = cap - 1;
        memcpy(answer, rest, line);
        answer[line] = '\0';
    }
}

/* "calls METHOD": how often the mock's Manager was asked for METHOD since
 * the last "clear-calls", and the first call's first argument. */
static unsigned mock_calls_of(const char *method, char *first_arg, size_t cap)
{
    char request[128], answer[300] = "";
    snprintf(request, sizeof(request), "calls %s", method);
    ask_script(request, answer, sizeof(answer));
    unsigned count = 0;
    int used = 0;
    if (sscanf(answer, "%u %n", &count, &used) < 1)
        fail_msg("calls %s: no count in \"%s\"", method, answer);
    if (first_arg)
        snprintf(first_arg, cap, "%s", answer + used);
    return count;
}

static LONGLONG filetime(ULONGLONG usec)
{
    return (LONGLONG)usec * 10 + UNIX_EPOCH_FILETIME;
}

static LONGLONG now(void)
{
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
    return (LONGLONG)((ULONGLONG)ft.dwHighDateTime << 32 | ft.dwLowDateTime);
}

/* `got` (a fixed field of `chars` WCHARs, or a string when chars is 0) is
 * `want`, cut to the field as the DLL cuts it. */
static void assert_text(const WCHAR *got, size_t chars, const char *want)
{
    WCHAR w[300];
    assert_true(MultiByteToWideChar(CP_UTF8, 0, want, -1, w, ARRAYSIZE(w)) > 0);
    if (chars && wcslen(w) >= chars)
        w[chars - 1] = 0;
    if (!got || wcscmp(got, w) != 0)
        fail_msg("\"%ls\", expected \"%ls\"", got ? got : L"(null)", w);
}

/* A fixed-size answer of `size` bytes, copied out. */
static void query(DWORD id, WTS_INFO_CLASS cls, void *out, DWORD size)
{
    LPWSTR buf = NULL;
    DWORD bytes = 0;
    SetLastError(0xdeadbeef);
    if (!WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, id, cls, &buf, &bytes))
        fail_msg("session %lu, class %d: error %lu", id, cls, GetLastError());
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_int_equal(bytes, size);
    memcpy(out, buf, size);
    WTSFreeMemory(buf);
}

static void assert_query_text(DWORD id, WTS_INFO_CLASS cls, const char *want)
{
    LPWSTR buf = NULL;
    DWORD bytes = 0;
    SetLastError(0xdeadbeef);
    assert_true(WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, id, cls, &buf, &bytes));
    assert_text(buf, 0, want);
    assert_int_equal(bytes, (wcslen(buf) + 1) * sizeof(WCHAR));
    WTSFreeMemory(buf);
}

static WTSINFOEX_LEVEL1_W info_ex(DWORD id)
{
    WTSINFOEXW x;
    query(id, WTSSessionInfoEx, &x, sizeof(x));
    assert_int_equal(x.Level, 1);
    return x.Data.WTSInfoExLevel1;
}

static WTSINFOW info(DWORD id)
{
    WTSINFOW i;
    query(id, WTSSessionInfo, &i, sizeof(i));
    return i;
}

/* The session ids WTSEnumerateSessionsW lists, in order, into ids. */
static DWORD enumerate_ids(DWORD *ids, DWORD max)
{
    WTS_SESSION_INFOW *list = NULL;
    DWORD count = 0;
    SetLastError(0xdeadbeef);
    assert_true(WTSEnumerateSessionsW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &list, &count));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_true(count <= max);
    for (DWORD i = 0; i < count; i++)
        ids[i] = list[i].SessionId;
    WTSFreeMemory(list);
    return count;
}

/* ---- run "admin" -------------------------------------------------------- */

/* The mock names the xrdp session for this program's pid: the "a
 * Windows program started from an xrdp session sees that session as its
 * own". wtsd found the pid from the connection (/proc/net/tcp, then the
 * process holding the socket: this one, not the prefix's wineserver,
 * which holds every Wine socket too) and asked GetSessionByPID. */
static void current_session_is_the_mocks_for_this_pid(void **state)
{
    (void)state;
    DWORD id = 0xdeadbeef;
    query(WTS_CURRENT_SESSION, WTSSessionId, &id, sizeof(id));
    assert_int_equal(id, XRDP);
    assert_query_text(WTS_CURRENT_SESSION, WTSUserName, "carol");
    WTSINFOEX_LEVEL1_W x = info_ex(WTS_CURRENT_SESSION);
    assert_int_equal(x.SessionId, XRDP);
    /* A handle of its own is a connection of its own: the same answer. */
    char server[128];
    snprintf(server, sizeof(server), "%s", env("OPENWTS_SERVER"));
    HANDLE h = WTSOpenServerA(server);
    assert_non_null(h);
    LPWSTR buf = NULL;
    DWORD bytes = 0;
    assert_true(WTSQuerySessionInformationW(h, WTS_CURRENT_SESSION, WTSSessionId, &buf, &bytes));
    assert_int_equal(bytes, sizeof(DWORD));
    assert_int_equal(*(DWORD *)buf, XRDP);
    WTSFreeMemory(buf);
    WTSCloseServer(h);
}

static const struct {
    DWORD id;
    WTS_CONNECTSTATE_CLASS state;
    const char *win_station, *user;
} sessions[] = {
    { 0, WTSDisconnected, "Services", NULL },
    { XRDP, WTSActive, "RDP-Tcp#1", "carol" },
    { LOCAL, WTSActive, "Console", "alice" },
    { SSH, WTSActive, "sshd#5", "bob" },
};

static void enumerates_three_sessions(void **state)
{
    (void)state;
    WTS_SESSION_INFOW *list = NULL;
    DWORD count = 0;
    SetLastError(0xdeadbeef);
    assert_true(WTSEnumerateSessionsW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &list, &count));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_int_equal(count, ARRAYSIZE(sessions));
    for (DWORD i = 0; i < count; i++) {
        assert_int_equal(list[i].SessionId, sessions[i].id);
        assert_int_equal(list[i].State, sessions[i].state);
        assert_text(list[i].pWinStationName, 0, sessions[i].win_station);
    }
    WTSFreeMemory(list);

    WTS_SESSION_INFO_1W *ex = NULL;
    DWORD level = 1;
    count = 0;
    SetLastError(0xdeadbeef);
    assert_true(WTSEnumerateSessionsExW(WTS_CURRENT_SERVER_HANDLE, &level, 0, &ex, &count));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_int_equal(count, ARRAYSIZE(sessions));
    for (DWORD i = 0; i < count; i++) {
        assert_int_equal(ex[i].SessionId, sessions[i].id);
        assert_int_equal(ex[i].ExecEnvId, sessions[i].id);
        assert_int_equal(ex[i].State, sessions[i].state);
        assert_text(ex[i].pSessionName, 0, sessions[i].win_station);
        assert_text(ex[i].pHostName, 0, host_name);
        if (sessions[i].user) {
            assert_text(ex[i].pUserName, 0, sessions[i].user);
            assert_text(ex[i].pDomainName, 0, domain_name);
        } else {
            assert_null(ex[i].pUserName);
            assert_null(ex[i].pDomainName);
        }
        assert_null(ex[i].pFarmName);
    }
    assert_true(WTSFreeMemoryExW(WTSTypeSessionInfoLevel1, ex, count));
}

/* Each session's fields through WTSQuerySessionInformationW. */
static void check_session(DWORD id, const char *win_station, const char *user, ULONGLONG logon_usec,
                          USHORT protocol, const char *client_name)
{
    LONGLONG before = now();
    WTSINFOEX_LEVEL1_W x = info_ex(id);
    WTSINFOW i = info(id);
    LONGLONG after = now();

    assert_int_equal(x.SessionId, id);
    assert_int_equal(x.SessionState, WTSActive);
    assert_int_equal(x.SessionFlags, WTS_SESSIONSTATE_UNLOCK); /* LockedHint false */
    assert_text(x.WinStationName, ARRAYSIZE(x.WinStationName), win_station);
    assert_text(x.UserName, ARRAYSIZE(x.UserName), user);
    assert_text(x.DomainName, ARRAYSIZE(x.DomainName), domain_name);
    assert_int_equal(x.LogonTime.QuadPart, filetime(logon_usec));
    /* Not idle (IdleHint false): in use now, the time wtsd answered. */
    assert_in_range(x.LastInputTime.QuadPart, before - ONE_SECOND, after + ONE_SECOND);

    assert_int_equal(i.SessionId, id);
    assert_int_equal(i.State, WTSActive);
    assert_text(i.WinStationName, ARRAYSIZE(i.WinStationName), win_station);
    assert_text(i.UserName, ARRAYSIZE(i.UserName), user);
    assert_text(i.Domain, ARRAYSIZE(i.Domain), domain_name);
    assert_int_equal(i.LogonTime.QuadPart, filetime(logon_usec));
    assert_in_range(i.LastInputTime.QuadPart, before - ONE_SECOND, after + ONE_SECOND);

    USHORT got_protocol = 0xbeef;
    query(id, WTSClientProtocolType, &got_protocol, sizeof(got_protocol));
    assert_int_equal(got_protocol, protocol);
    BOOLEAN remote = 0xcc;
    query(id, WTSIsRemoteSession, &remote, sizeof(remote));
    assert_int_equal(remote, protocol != 0);
    assert_query_text(id, WTSUserName, user);
    assert_query_text(id, WTSWinStationName, win_station);
    assert_query_text(id, WTSClientName, client_name);
    WTS_CONNECTSTATE_CLASS st = (WTS_CONNECTSTATE_CLASS)0xdead;
    query(id, WTSConnectState, &st, sizeof(st));
    assert_int_equal(st, WTSActive);
}

static void local_seat_session_fields(void **state)
{
    (void)state;
    check_session(LOCAL, "Console", "alice", MOCK_LOCAL_USEC, 0, "");
    WTS_CLIENT_ADDRESS a;
    memset(&a, 0xcc, sizeof(a));
    query(LOCAL, WTSClientAddress, &a, sizeof(a));
    assert_int_equal(a.AddressFamily, 0); /* AF_UNSPEC: no RemoteHost */
    for (size_t i = 0; i < sizeof(a.Address); i++)
        assert_int_equal(a.Address[i], 0);
}

static void ssh_session_fields(void **state)
{
    (void)state;
    check_session(SSH, "sshd#5", "bob", MOCK_SSH_USEC, 1, "192.0.2.10");
    WTS_CLIENT_ADDRESS a;
    memset(&a, 0xcc, sizeof(a));
    query(SSH, WTSClientAddress, &a, sizeof(a));
    assert_int_equal(a.AddressFamily, AF_INET);
    static const BYTE want[] = { 0, 0, 192, 0, 2, 10 };
    assert_memory_equal(a.Address, want, sizeof(want));
}

static void xrdp_session_fields(void **state)
{
    (void)state;
    check_session(XRDP, "RDP-Tcp#1", "carol", MOCK_XRDP_USEC, 2, "2001:db8::7");
    WTS_CLIENT_ADDRESS a;
    memset(&a, 0xcc, sizeof(a));
    query(XRDP, WTSClientAddress, &a, sizeof(a));
    assert_int_equal(a.AddressFamily, AF_INET6);
    static const BYTE want[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 7 };
    assert_memory_equal(a.Address, want, sizeof(want));
}

static void locked_hint_is_session_flags(void **state)
{
    (void)state;
    assert_int_equal(info_ex(LOCAL).SessionFlags, WTS_SESSIONSTATE_UNLOCK);
    ask_script("set 2 LockedHint b true", NULL, 0);
    assert_int_equal(info_ex(LOCAL).SessionFlags, WTS_SESSIONSTATE_LOCK);
    assert_int_equal(info_ex(XRDP).SessionFlags, WTS_SESSIONSTATE_UNLOCK); /* only that one */
    ask_script("set 2 LockedHint b false", NULL, 0);
    assert_int_equal(info_ex(LOCAL).SessionFlags, WTS_SESSIONSTATE_UNLOCK);
    ask_script("set c1 LockedHint b true", NULL, 0);
    assert_int_equal(info_ex(XRDP).SessionFlags, WTS_SESSIONSTATE_LOCK);
    ask_script("set c1 LockedHint b false", NULL, 0);
    assert_int_equal(info_ex(XRDP).SessionFlags, WTS_SESSIONSTATE_UNLOCK);
}

static void idle_since_hint_is_last_input_time(void **state)
{
    (void)state;
    static const ULONGLONG first = 1700000500000000ull, second = 1700000600000000ull;
    ask_script("set 5 IdleHint b true", NULL, 0);
    ask_script("set 5 IdleSinceHint t 1700000500000000", NULL, 0);
    assert_int_equal(info(SSH).LastInputTime.QuadPart, filetime(first));
    assert_int_equal(info_ex(SSH).LastInputTime.QuadPart, filetime(first));
    ask_script("set 5 IdleSinceHint t 1700000600000000", NULL, 0);
    assert_int_equal(info(SSH).LastInputTime.QuadPart, filetime(second));
    assert_int_equal(info_ex(SSH).LastInputTime.QuadPart, filetime(second));
    /* Another session's stays its own: in use, now. */
    LONGLONG before = now();
    LONGLONG other = info(LOCAL).LastInputTime.QuadPart;
    assert_in_range(other, before - ONE_SECOND, now() + ONE_SECOND);
    /* Input again: not idle, the time of the answer. */
    ask_script("set 5 IdleHint b false", NULL, 0);
    before = now();
    LONGLONG back = info(SSH).LastInputTime.QuadPart;
    assert_in_range(back, before - ONE_SECOND, now() + ONE_SECOND);
}

static void disconnect_locks_the_seat_session(void **state)
{
    (void)state;
    char arg[64] = "";
    ask_script("clear-calls", NULL, 0);
    SetLastError(0xdeadbeef);
    assert_true(WTSDisconnectSession(WTS_CURRENT_SERVER_HANDLE, LOCAL, TRUE));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_int_equal(mock_calls_of("LockSession", arg, sizeof(arg)), 1);
    assert_string_equal(arg, "2");
    /* Locked, not gone: Windows' console shows its logon screen. */
    assert_int_equal(info_ex(LOCAL).SessionState, WTSActive);
    assert_int_equal(mock_calls_of("TerminateSession", NULL, 0), 0);

    /* A remote session: logind cannot detach its client. */
    ask_script("clear-calls", NULL, 0);
    assert_fails_with(WTSDisconnectSession(WTS_CURRENT_SERVER_HANDLE, SSH, FALSE), ERROR_NOT_SUPPORTED);
    assert_int_equal(mock_calls_of("LockSession", NULL, 0), 0);
    assert_int_equal(mock_calls_of("TerminateSession", NULL, 0), 0);
}

static void logoff_terminates_the_session(void **state)
{
    (void)state;
    char arg[64] = "";
    DWORD ids[8];
    assert_int_equal(enumerate_ids(ids, ARRAYSIZE(ids)), 4);
    ask_script("clear-calls", NULL, 0);
    SetLastError(0xdeadbeef);
    assert_true(WTSLogoffSession(WTS_CURRENT_SERVER_HANDLE, SSH, TRUE));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_int_equal(mock_calls_of("TerminateSession", arg, sizeof(arg)), 1);
    assert_string_equal(arg, "5");
    /* Gone from the next enumeration, and unknown by id. */
    assert_int_equal(enumerate_ids(ids, ARRAYSIZE(ids)), 3);
    assert_int_equal(ids[0], 0);
    assert_int_equal(ids[1], XRDP);
    assert_int_equal(ids[2], LOCAL);
    LPWSTR buf = (LPWSTR)0x1234;
    DWORD bytes = 0x5678;
    assert_fails_with(WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, SSH, WTSUserName, &buf, &bytes),
                      ERROR_CTX_WINSTATION_NOT_FOUND);
    assert_ptr_equal(buf, (LPWSTR)0x1234);
    assert_int_equal(bytes, 0x5678);
}

/* ---- run "user" --------------------------------------------------------- */

static void current_session_is_the_users_own(void **state)
{
    (void)state;
    DWORD id = 0xdeadbeef;
    query(WTS_CURRENT_SESSION, WTSSessionId, &id, sizeof(id));
    assert_int_equal(id, OWN);
    assert_query_text(WTS_CURRENT_SESSION, WTSUserName, own_user);
}

static void another_users_session_is_refused(void **state)
{
    (void)state;
    ask_script("clear-calls", NULL, 0);
    assert_fails_with(WTSLogoffSession(WTS_CURRENT_SERVER_HANDLE, LOCAL, TRUE), ERROR_ACCESS_DENIED);
    assert_fails_with(WTSLogoffSession(WTS_CURRENT_SERVER_HANDLE, XRDP, FALSE), ERROR_ACCESS_DENIED);
    assert_fails_with(WTSDisconnectSession(WTS_CURRENT_SERVER_HANDLE, LOCAL, TRUE), ERROR_ACCESS_DENIED);
    /* Refused by wtsd before logind was asked: the mock saw nothing. */
    assert_int_equal(mock_calls_of("TerminateSession", NULL, 0), 0);
    assert_int_equal(mock_calls_of("LockSession", NULL, 0), 0);
    DWORD ids[8];
    assert_int_equal(enumerate_ids(ids, ARRAYSIZE(ids)), 5); /* 0, 1, 2, 5, 7 */
}

/* The refusal is about whose session it is: its own is logged off. */
static void own_session_is_logged_off(void **state)
{
    (void)state;
    char arg[64] = "";
    ask_script("clear-calls", NULL, 0);
    SetLastError(0xdeadbeef);
    assert_true(WTSLogoffSession(WTS_CURRENT_SERVER_HANDLE, OWN, TRUE));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_int_equal(mock_calls_of("TerminateSession", arg, sizeof(arg)), 1);
    assert_string_equal(arg, "7");
    DWORD ids[8];
    assert_int_equal(enumerate_ids(ids, ARRAYSIZE(ids)), 4);
    for (size_t i = 0; i < 4; i++)
        assert_int_not_equal(ids[i], OWN);
}

/* Before any call: the mock names `logind_id` for this program's pid, so
 * that the connection wtsd makes the caller's session from is that. */
static int map_pid(const char *logind_id)
{
    char request[64], pid[32] = "";
    snprintf(request, sizeof(request), "map-pid %s", logind_id);
    ask_script(request, pid, sizeof(pid));
    print_message("this program is Unix pid %s, the Leader of logind session %s\n", pid, logind_id);
    return 0;
}

static int admin_setup(void **state)
{
    (void)state;
    return map_pid("c1");
}

static int user_setup(void **state)
{
    (void)state;
    return map_pid("7");
}

int main(int argc, char **argv)
{
    signal_dir = env("OPENWTS_TEST_SIGNAL_DIR");
    host_name = env("OPENWTS_TEST_HOST");
    domain_name = env("OPENWTS_TEST_DOMAIN");
    env("OPENWTS_SERVER");
    if (argc == 2 && strcmp(argv[1], "admin") == 0) {
        /* In this order: the changes of the mock are undone by the test
         * that makes them, but the logoff at the end is not. */
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(current_session_is_the_mocks_for_this_pid),
            cmocka_unit_test(enumerates_three_sessions),
            cmocka_unit_test(local_seat_session_fields),
            cmocka_unit_test(ssh_session_fields),
            cmocka_unit_test(xrdp_session_fields),
            cmocka_unit_test(locked_hint_is_session_flags),
            cmocka_unit_test(idle_since_hint_is_last_input_time),
            cmocka_unit_test(disconnect_locks_the_seat_session),
            cmocka_unit_test(logoff_terminates_the_session),
        };
        return cmocka_run_group_tests_name("logind through wtsd, as an administrator", tests,
                                           admin_setup, NULL);
    }
    if (argc == 2 && strcmp(argv[1], "user") == 0) {
        own_user = env("OPENWTS_TEST_USER");
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(current_session_is_the_users_own),
            cmocka_unit_test(another_users_session_is_refused),
            cmocka_unit_test(own_session_is_logged_off),
        };
        return cmocka_run_group_tests_name("logind through wtsd, as another user", tests,
                                           user_setup, NULL);
    }
    fprintf(stderr, "usage: test_logind.exe admin|user\n");
    return 2;
}

/* Server handles bound to a wtsd over a socket: names (host:port, aliases,
 * the default port), the default server (OPENWTS_SERVER, the registry's
 * DefaultServer), the key handshake, a server that is down and comes back,
 * servers that misbehave, answers in parts (10,000 sessions), and
 * WTSEnumerateServers. The server is the stand-in wtsd
 * (tests/transport/fake_wtsd.c) that transport_test.sh starts; this program
 * drives it through its control port (OPENWTS_TEST_PEER_PORT) and serves
 * sim backends from the scenarios it is given (OPENWTS_TEST_SCENARIO, the
 * three-session terminal-server.json; OPENWTS_TEST_LARGE_SCENARIO, the
 * generated 10,000-session one).
 *
 * The configuration is read once per process (README, "Pointing a program
 * at a wtsd"), so the aliases are written before this process's first call,
 * and the default server is tested in child processes of this program
 * (`test_transport.exe child ...`).
 *
 * Where expected values come from: the sessions are the scenario files'
 * (examples/scenarios/); the bounds (2 s to fail on a server that is down,
 * 5 s of silence), the error of each failure, the retry rule and the
 * registry values are the README's "Pointing a program at a wtsd";
 * WTSEnumerateServers' parameters are MicrosoftDocs sdk-api's.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <winsock2.h>
#include <ws2tcpip.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wine_test_util.h"

#ifndef RPC_S_SERVER_UNAVAILABLE
#define RPC_S_SERVER_UNAVAILABLE 1722
#endif

#define CONNECT_LIMIT_MS 2000u /* the bound for a server that is down */
#define SILENCE_LIMIT_MS 5000u /* README: a server silent this long has failed */
#define SLACK_MS 600u          /* a loaded machine running Wine */

#define OPENWTS_KEY_PATH L"Software\\OpenWTS"
#define SERVERS_KEY_PATH L"Software\\OpenWTS\\Servers"

static const BYTE right_key[] = "a key only the two ends know, 32+";
static const BYTE wrong_key[] = "not the key at all";
static BYTE long_key[4096], too_long_key[4097]; /* 4096: README's (and wtsd's) longest */

static char control_port[16];
static const char *small_scenario, *large_scenario;
static unsigned small_port, keyed_port, large_port;

/* ---- the stand-in wtsd ------------------------------------------------- */

/* One control line to the stand-in; what follows its "ok" goes to out. */
static void peer(char *out, size_t cap, const char *fmt, ...)
{
    char line[16384];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof(line) - 1, fmt, ap);
    va_end(ap);
    strcat(line, "\n");

    struct addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_STREAM }, *a;
    assert_int_equal(getaddrinfo("127.0.0.1", control_port, &hints, &a), 0);
    SOCKET s = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
    assert_true(s != INVALID_SOCKET);
    if (connect(s, a->ai_addr, (int)a->ai_addrlen) != 0)
        fail_msg("cannot reach the stand-in wtsd's control port %s: %d", control_port, WSAGetLastError());
    freeaddrinfo(a);
    assert_int_equal(send(s, line, (int)strlen(line), 0), (int)strlen(line));
    char answer[1024];
    int used = 0, k;
    while (used < (int)sizeof(answer) - 1 && (k = recv(s, answer + used, (int)sizeof(answer) - 1 - used, 0)) > 0)
        used += k;
    closesocket(s);
    answer[used] = 0;
    answer[strcspn(answer, "\r\n")] = 0;
    if (strncmp(answer, "ok", 2) != 0)
        fail_msg("stand-in wtsd: \"%s\" answered \"%s\"", strtok(line, "\n"), answer);
    if (out)
        snprintf(out, cap, "%s", answer[2] == ' ' ? answer + 3 : "");
}

static unsigned peer_port_answer(const char *fmt, const char *a, const char *b)
{
    char out[64];
    peer(out, sizeof(out), fmt, a, b);
    return (unsigned)atoi(out);
}

/* One counter of the stand-in's "stats NAME". */
static unsigned peer_stat(const char *server, const char *key)
{
    char out[512], pat[64];
    peer(out, sizeof(out), "stats %s", server);
    snprintf(pat, sizeof(pat), "%s=", key);
    const char *p = strstr(out, pat);
    if (!p)
        fail_msg("no %s in the stand-in's stats: %s", key, out);
    return (unsigned)atoi(p + strlen(pat));
}

/* The key a server of the stand-in asks connections to prove. */
static void peer_key(const char *server, const BYTE *key, size_t len)
{
    char hex[2 * 4097 + 1];
    assert_true(len <= 4097);
    for (size_t i = 0; i < len; i++)
        sprintf(hex + 2 * i, "%02x", key[i]);
    peer(NULL, 0, "key %s %s", server, hex);
}

/* ---- registry and environment ------------------------------------------- */

static HKEY open_openwts_key(void)
{
    HKEY k;
    assert_int_equal(RegCreateKeyExW(HKEY_LOCAL_MACHINE, OPENWTS_KEY_PATH, 0, NULL, 0,
                                     KEY_ALL_ACCESS | KEY_WOW64_64KEY, NULL, &k, NULL), ERROR_SUCCESS);
    return k;
}

static void clear_configuration(void)
{
    HKEY k = open_openwts_key();
    LSTATUS st = RegDeleteTreeW(k, L"Servers");
    assert_true(st == ERROR_SUCCESS || st == ERROR_FILE_NOT_FOUND);
    st = RegDeleteValueW(k, L"DefaultServer");
    assert_true(st == ERROR_SUCCESS || st == ERROR_FILE_NOT_FOUND);
    RegCloseKey(k);
}

static void set_alias(const WCHAR *name, const char *address, const BYTE *key, DWORD key_len)
{
    WCHAR path[256], wide[128];
    swprintf(path, ARRAYSIZE(path), L"%ls\\%ls", SERVERS_KEY_PATH, name);
    MultiByteToWideChar(CP_ACP, 0, address, -1, wide, ARRAYSIZE(wide));
    HKEY k;
    assert_int_equal(RegCreateKeyExW(HKEY_LOCAL_MACHINE, path, 0, NULL, 0, KEY_ALL_ACCESS | KEY_WOW64_64KEY,
                                     NULL, &k, NULL), ERROR_SUCCESS);
    assert_int_equal(RegSetValueExW(k, L"Address", 0, REG_SZ, (const BYTE *)wide,
                                    (DWORD)(wcslen(wide) + 1) * sizeof(WCHAR)), ERROR_SUCCESS);
    if (key)
        assert_int_equal(RegSetValueExW(k, L"Key", 0, REG_BINARY, key, key_len), ERROR_SUCCESS);
    RegCloseKey(k);
}

static void set_default_server(const char *name)
{
    HKEY k = open_openwts_key();
    if (name) {
        WCHAR wide[128];
        MultiByteToWideChar(CP_ACP, 0, name, -1, wide, ARRAYSIZE(wide));
        assert_int_equal(RegSetValueExW(k, L"DefaultServer", 0, REG_SZ, (const BYTE *)wide,
                                        (DWORD)(wcslen(wide) + 1) * sizeof(WCHAR)), ERROR_SUCCESS);
    } else {
        RegDeleteValueW(k, L"DefaultServer");
    }
    RegCloseKey(k);
}

/* ---- children: what the default server is in a new process -------------- */

/* Runs `test_transport.exe child ARGS` with OPENWTS_SERVER set to env (NULL:
 * unset) and returns what it printed. */
static void run_child(const char *env, const char *args, char *out, size_t cap)
{
    assert_true(SetEnvironmentVariableA("OPENWTS_SERVER", env));
    char cmd[256];
    snprintf(cmd, sizeof(cmd), "child %s", args);
    DWORD code = run_program("test_transport.exe", cmd, out, cap, 60000);
    SetEnvironmentVariableA("OPENWTS_SERVER", NULL);
    assert_int_equal(code, 0);
}

static int child_main(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[2], "enumerate") == 0) {
        /* The sessions of the default server, one "ID WINSTATION" a line. */
        WTS_SESSION_INFOW *info;
        DWORD count;
        if (!WTSEnumerateSessionsW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count)) {
            printf("error %lu\n", GetLastError());
            return 0;
        }
        printf("ok %lu\n", count);
        for (DWORD i = 0; i < count; i++)
            printf("%lu %ls\n", info[i].SessionId, info[i].pWinStationName);
        WTSFreeMemory(info);
        return 0;
    }
    if (argc >= 3 && strcmp(argv[2], "servers") == 0) {
        WTS_SERVER_INFOW *info;
        DWORD count;
        if (!WTSEnumerateServersW(NULL, 0, 1, &info, &count)) {
            printf("error %lu\n", GetLastError());
            return 0;
        }
        printf("ok %lu\n", count);
        for (DWORD i = 0; i < count; i++)
            printf("%ls\n", info[i].pServerName);
        WTSFreeMemory(info);
        return 0;
    }
    return 2;
}

/* ---- what a server lists ------------------------------------------------ */

/* The sessions of terminal-server.json (examples/scenarios/). */
static const struct {
    DWORD id;
    const WCHAR *win_station;
    WTS_CONNECTSTATE_CLASS state;
} scenario_sessions[] = {
    { 0, L"Services", WTSDisconnected },
    { 1, L"Console", WTSActive },
    { 2, L"RDP-Tcp#3", WTSActive },
    { 3, L"RDP-Tcp#5", WTSDisconnected },
};

static void assert_wide_equal(const WCHAR *got, const WCHAR *want)
{
    if (!got || wcscmp(got, want) != 0)
        fail_msg("\"%ls\", expected \"%ls\"", got ? got : L"(null)", want);
}

static void assert_lists_scenario(HANDLE h)
{
    WTS_SESSION_INFOW *info = NULL;
    DWORD count = 0;
    SetLastError(0xdeadbeef);
    assert_true(WTSEnumerateSessionsW(h, 0, 1, &info, &count));
    assert_int_equal(count, ARRAYSIZE(scenario_sessions));
    for (DWORD i = 0; i < count; i++) {
        assert_int_equal(info[i].SessionId, scenario_sessions[i].id);
        assert_wide_equal(info[i].pWinStationName, scenario_sessions[i].win_station);
        assert_int_equal(info[i].State, scenario_sessions[i].state);
    }
    WTSFreeMemory(info);
}

static void assert_query_text(HANDLE h, DWORD id, WTS_INFO_CLASS cls, const WCHAR *want)
{
    LPWSTR buf = NULL;
    DWORD bytes = 0;
    SetLastError(0xdeadbeef);
    assert_true(WTSQuerySessionInformationW(h, id, cls, &buf, &bytes));
    if (wcscmp(buf, want) != 0)
        fail_msg("class %d of session %lu: \"%ls\", expected \"%ls\"", (int)cls, id, buf, want);
    assert_int_equal(bytes, (wcslen(want) + 1) * sizeof(WCHAR));
    WTSFreeMemory(buf);
}

static HANDLE open_port(unsigned port)
{
    WCHAR name[64];
    swprintf(name, ARRAYSIZE(name), L"127.0.0.1:%u", port);
    HANDLE h = WTSOpenServerW(name);
    assert_non_null(h);
    return h;
}

/* Milliseconds `call` took, with its result and last error. */
#define TIMED(ms, ok, err, call)                                       \
    do {                                                               \
        ULONGLONG t0_ = GetTickCount64();                              \
        SetLastError(0xdeadbeef);                                      \
        (ok) = (call);                                                 \
        (err) = GetLastError();                                        \
        (ms) = GetTickCount64() - t0_;                                 \
    } while (0)

static BOOL enumerate_ok(HANDLE h)
{
    WTS_SESSION_INFOW *info;
    DWORD count;
    if (!WTSEnumerateSessionsW(h, 0, 1, &info, &count))
        return FALSE;
    WTSFreeMemory(info);
    return TRUE;
}

/* ---- setup --------------------------------------------------------------- */

static int group_setup(void **state)
{
    (void)state;
    /* The default server must be this machine's in this process. */
    char env[8];
    if (GetEnvironmentVariableA("OPENWTS_SERVER", env, sizeof(env)))
        fail_msg("OPENWTS_SERVER is set: transport_test.sh runs this program without it");
    peer(NULL, 0, "blackhole"); /* reachable: fails here rather than in a test */
    small_port = peer_port_answer("serve small %s %s 0", small_scenario, "127.0.0.1");
    keyed_port = peer_port_answer("serve keyed %s %s 0", small_scenario, "127.0.0.1");
    large_port = peer_port_answer("serve large %s %s 0", large_scenario, "127.0.0.1");
    peer_key("keyed", right_key, sizeof(right_key));
    for (size_t i = 0; i < sizeof(too_long_key); i++)
        too_long_key[i] = (BYTE)(i * 7 + 3);
    memcpy(long_key, too_long_key, sizeof(long_key));

    /* Before this process's first call, which reads the configuration. */
    clear_configuration();
    char address[64];
    snprintf(address, sizeof(address), "127.0.0.1:%u", small_port);
    set_alias(L"ts-alias", address, NULL, 0);
    snprintf(address, sizeof(address), "127.0.0.1:%u", keyed_port);
    set_alias(L"ts-keyed-right", address, right_key, sizeof(right_key));
    set_alias(L"ts-keyed-wrong", address, wrong_key, sizeof(wrong_key));
    set_alias(L"ts-keyed-none", address, NULL, 0);
    set_alias(L"ts-bad-address", "127.0.0.1:99999", NULL, 0);
    set_alias(L"ts-keyed-long", address, long_key, sizeof(long_key));
    set_alias(L"ts-keyed-too-long", address, too_long_key, sizeof(too_long_key));
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    clear_configuration();
    return 0;
}

/* Each test starts on the scenario as written, answered normally. */
static int fresh_servers(void **state)
{
    (void)state;
    peer(NULL, 0, "reset small");
    peer(NULL, 0, "mode small normal");
    peer(NULL, 0, "up small");
    return 0;
}

/* ---- the tests ------------------------------------------------------------ */

/* A handle opened to host:port lists and queries what that server has,
 * not this machine's sessions (W and A, WTSOpenServerEx too). */
static void test_host_port_reaches_that_server(void **state)
{
    (void)state;
    HANDLE h = open_port(small_port);
    assert_lists_scenario(h);
    assert_query_text(h, 2, WTSUserName, L"alice");
    assert_query_text(h, 2, WTSDomainName, L"CONTOSO");
    assert_query_text(h, 2, WTSClientName, L"WKS-ALICE");
    assert_query_text(h, 3, WTSWinStationName, L"RDP-Tcp#5");

    /* A byte field across the wire: 192.168.10.21 (AF_INET at Address[2]). */
    WTS_CLIENT_ADDRESS *addr;
    DWORD bytes;
    assert_true(WTSQuerySessionInformationW(h, 2, WTSClientAddress, (LPWSTR *)&addr, &bytes));
    assert_int_equal(addr->AddressFamily, AF_INET);
    assert_int_equal(addr->Address[2], 192);
    assert_int_equal(addr->Address[3], 168);
    assert_int_equal(addr->Address[4], 10);
    assert_int_equal(addr->Address[5], 21);
    WTSFreeMemory(addr);

    /* A session the server does not have: the server's own error. */
    LPWSTR buf = (LPWSTR)(ULONG_PTR)0x1234;
    assert_fails_with(WTSQuerySessionInformationW(h, 12345, WTSUserName, &buf, &bytes),
                      ERROR_CTX_WINSTATION_NOT_FOUND);
    assert_ptr_equal(buf, (LPWSTR)(ULONG_PTR)0x1234);

    /* Processes: the scenario's services.exe is pid 684 in session 0. */
    WTS_PROCESS_INFOW *procs;
    DWORD count;
    assert_true(WTSEnumerateProcessesW(h, 0, 1, &procs, &count));
    BOOL found = FALSE;
    for (DWORD i = 0; i < count; i++)
        found |= procs[i].ProcessId == 684 && wcscmp(procs[i].pProcessName, L"services.exe") == 0 &&
                 procs[i].SessionId == 0;
    assert_true(found);
    WTSFreeMemory(procs);
    WTSCloseServer(h);

    char name[64];
    snprintf(name, sizeof(name), "127.0.0.1:%u", small_port);
    h = WTSOpenServerA(name);
    assert_lists_scenario(h);
    WTSCloseServer(h);
    h = WTSOpenServerExA(name);
    assert_lists_scenario(h);
    WTSCloseServer(h);

    /* This machine is still this machine: no RDP session there. */
    WTS_SESSION_INFOW *info;
    assert_true(WTSEnumerateSessionsW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count));
    for (DWORD i = 0; i < count; i++)
        assert_true(wcsncmp(info[i].pWinStationName, L"RDP-Tcp", 7) != 0);
    WTSFreeMemory(info);
}

/* What a call changes is changed on that server: another handle sees it. */
static void test_actions_reach_that_server(void **state)
{
    (void)state;
    HANDLE h = open_port(small_port), other = WTSOpenServerW(L"ts-alias");
    SetLastError(0xdeadbeef);
    assert_true(WTSDisconnectSession(h, 2, FALSE));
    WTS_CONNECTSTATE_CLASS *st;
    DWORD bytes;
    assert_true(WTSQuerySessionInformationW(other, 2, WTSConnectState, (LPWSTR *)&st, &bytes));
    assert_int_equal(*st, WTSDisconnected);
    WTSFreeMemory(st);
    assert_int_equal(peer_stat("small", "disconnect_session"), 1);
    WTSCloseServer(h);
    WTSCloseServer(other);
}

/* An alias of the registry names the server its Address says, in any case
 * and with leading backslashes. */
static void test_registry_alias(void **state)
{
    (void)state;
    const WCHAR *names[] = { L"ts-alias", L"TS-ALIAS", L"\\\\ts-alias" };
    for (size_t i = 0; i < ARRAYSIZE(names); i++) {
        HANDLE h = WTSOpenServerW((LPWSTR)names[i]);
        assert_lists_scenario(h);
        WTSCloseServer(h);
    }
    /* An alias whose address has no usable port reaches nothing. */
    HANDLE h = WTSOpenServerW(L"ts-bad-address");
    assert_non_null(h);
    WTS_SESSION_INFOW *info = (WTS_SESSION_INFOW *)(ULONG_PTR)0x1234;
    DWORD count = 77;
    assert_fails_with(WTSEnumerateSessionsW(h, 0, 1, &info, &count), RPC_S_SERVER_UNAVAILABLE);
    assert_ptr_equal(info, (WTS_SESSION_INFOW *)(ULONG_PTR)0x1234);
    assert_int_equal(count, 77);
    WTSCloseServer(h);
}

/* Names that cannot be a server still give a handle; calls on it fail at
 * once with RPC_S_SERVER_UNAVAILABLE. */
static void test_bad_names(void **state)
{
    (void)state;
    const WCHAR *names[] = { L"127.0.0.1:0", L"127.0.0.1:65536", L"127.0.0.1:", L"127.0.0.1:7x",
                             L"[::1", L"[::1]x", L":7389" };
    for (size_t i = 0; i < ARRAYSIZE(names); i++) {
        HANDLE h = WTSOpenServerW((LPWSTR)names[i]);
        assert_non_null(h);
        ULONGLONG ms;
        BOOL ok;
        DWORD err;
        WTS_SESSION_INFOW *info;
        DWORD count;
        TIMED(ms, ok, err, WTSEnumerateSessionsW(h, 0, 1, &info, &count));
        assert_false(ok);
        assert_int_equal(err, RPC_S_SERVER_UNAVAILABLE);
        assert_true(ms < CONNECT_LIMIT_MS);
        WTSCloseServer(h);
    }
}

/* A name alone that is not this machine is a wtsd at the default port,
 * 7389 (README). Served on an address of the loopback network no other
 * test uses, so a wtsd listening on 127.0.0.1 does not get in the way. */
static void test_default_port(void **state)
{
    (void)state;
    peer(NULL, 0, "serve dflt %s 127.77.0.1 7389", small_scenario);
    HANDLE h = WTSOpenServerW(L"127.77.0.1");
    assert_lists_scenario(h);
    WTSCloseServer(h);
    assert_int_equal(peer_stat("dflt", "connections"), 1);
    peer(NULL, 0, "down dflt");
}

/* OPENWTS_SERVER names the default server (WTS_CURRENT_SERVER_HANDLE) of
 * a process started with it: host:port or an alias; "." keeps this
 * machine's. This process read it once, before: setting it now changes
 * nothing here. */
static void test_environment_default_server(void **state)
{
    (void)state;
    assert_true(enumerate_ok(WTS_CURRENT_SERVER_HANDLE)); /* read the configuration */
    char env[64], out[4096];
    snprintf(env, sizeof(env), "127.0.0.1:%u", small_port);
    run_child(env, "enumerate", out, sizeof(out));
    assert_true(strncmp(out, "ok 4\n", 5) == 0);
    assert_non_null(strstr(out, "\n2 RDP-Tcp#3\n"));

    run_child("ts-alias", "enumerate", out, sizeof(out));
    assert_true(strncmp(out, "ok 4\n", 5) == 0);
    assert_non_null(strstr(out, "\n3 RDP-Tcp#5\n"));

    run_child(".", "enumerate", out, sizeof(out));
    assert_true(strncmp(out, "ok ", 3) == 0);
    assert_null(strstr(out, "RDP-Tcp"));
    assert_non_null(strstr(out, "Console"));

    /* The key of an alias comes along. */
    run_child("ts-keyed-right", "enumerate", out, sizeof(out));
    assert_true(strncmp(out, "ok 4\n", 5) == 0);

    assert_true(SetEnvironmentVariableA("OPENWTS_SERVER", env));
    WTS_SESSION_INFOW *info;
    DWORD count;
    assert_true(WTSEnumerateSessionsW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count));
    SetEnvironmentVariableA("OPENWTS_SERVER", NULL);
    for (DWORD i = 0; i < count; i++)
        assert_true(wcsncmp(info[i].pWinStationName, L"RDP-Tcp", 7) != 0);
    WTSFreeMemory(info);
}

/* Without OPENWTS_SERVER, HKLM\Software\OpenWTS\DefaultServer names it;
 * OPENWTS_SERVER wins over it. A server that is down as the default gives
 * RPC_S_SERVER_UNAVAILABLE. */
static void test_registry_default_server(void **state)
{
    (void)state;
    char name[64], out[4096];
    snprintf(name, sizeof(name), "127.0.0.1:%u", small_port);
    set_default_server(name);
    run_child(NULL, "enumerate", out, sizeof(out));
    assert_true(strncmp(out, "ok 4\n", 5) == 0);
    assert_non_null(strstr(out, "\n2 RDP-Tcp#3\n"));

    run_child("localhost", "enumerate", out, sizeof(out));
    assert_true(strncmp(out, "ok ", 3) == 0);
    assert_null(strstr(out, "RDP-Tcp"));

    peer(NULL, 0, "down small");
    run_child(NULL, "enumerate", out, sizeof(out));
    peer(NULL, 0, "up small");
    set_default_server(NULL);
    assert_string_equal(out, "error 1722\n");
}

/* Down: every call fails with RPC_S_SERVER_UNAVAILABLE within 2 s, and a
 * handle can still be opened; back up: the next call on the same handle
 * succeeds, with no action by the program. */
static void test_down_and_back(void **state)
{
    (void)state;
    HANDLE h = open_port(small_port);
    assert_lists_scenario(h);
    unsigned connections = peer_stat("small", "connections");

    peer(NULL, 0, "down small");
    HANDLE opened_while_down = open_port(small_port);
    for (int round = 0; round < 3; round++) {
        ULONGLONG ms;
        BOOL ok;
        DWORD err, bytes, count;
        LPWSTR buf = (LPWSTR)(ULONG_PTR)0x1234;
        WTS_SESSION_INFOW *info = (WTS_SESSION_INFOW *)(ULONG_PTR)0x1234;
        TIMED(ms, ok, err, WTSEnumerateSessionsW(h, 0, 1, &info, &count));
        assert_false(ok);
        assert_int_equal(err, RPC_S_SERVER_UNAVAILABLE);
        assert_ptr_equal(info, (WTS_SESSION_INFOW *)(ULONG_PTR)0x1234);
        assert_true(ms < CONNECT_LIMIT_MS);
        TIMED(ms, ok, err, WTSQuerySessionInformationW(h, 2, WTSUserName, &buf, &bytes));
        assert_false(ok);
        assert_int_equal(err, RPC_S_SERVER_UNAVAILABLE);
        assert_ptr_equal(buf, (LPWSTR)(ULONG_PTR)0x1234);
        assert_true(ms < CONNECT_LIMIT_MS);
        TIMED(ms, ok, err, WTSDisconnectSession(h, 2, FALSE));
        assert_false(ok);
        assert_int_equal(err, RPC_S_SERVER_UNAVAILABLE);
        assert_true(ms < CONNECT_LIMIT_MS);
        TIMED(ms, ok, err, WTSEnumerateSessionsW(opened_while_down, 0, 1, &info, &count));
        assert_false(ok);
        assert_int_equal(err, RPC_S_SERVER_UNAVAILABLE);
    }
    peer(NULL, 0, "up small");
    assert_lists_scenario(h);
    assert_lists_scenario(opened_while_down);
    /* Nothing was carried out while it was down. */
    assert_int_equal(peer_stat("small", "disconnect_session"), 0);
    assert_int_equal(peer_stat("small", "connections"), connections + 2);
    WTSCloseServer(h);
    WTSCloseServer(opened_while_down);
}

/* A server that never completes the TCP handshake (its accept queue is
 * full): the connect limit ends the call, within the 2 s. */
static void test_connect_limit(void **state)
{
    (void)state;
    char out[32];
    peer(out, sizeof(out), "blackhole");
    HANDLE h = open_port((unsigned)atoi(out));
    ULONGLONG ms;
    BOOL ok;
    DWORD err;
    WTS_SESSION_INFOW *info;
    DWORD count;
    TIMED(ms, ok, err, WTSEnumerateSessionsW(h, 0, 1, &info, &count));
    print_message("a connect that is never answered failed after %lu ms\n", (unsigned long)ms);
    assert_false(ok);
    assert_int_equal(err, RPC_S_SERVER_UNAVAILABLE);
    assert_true(ms >= CONNECT_LIMIT_MS - 100);
    assert_true(ms <= CONNECT_LIMIT_MS + SLACK_MS);
    WTSCloseServer(h);
}

/* A server that takes the request and says nothing: the call fails with
 * RPC_S_SERVER_UNAVAILABLE after 5 s of silence, is not sent again, and
 * the next call (the server answering again) succeeds on the same handle. */
static void test_silent_server(void **state)
{
    (void)state;
    HANDLE h = open_port(small_port);
    assert_true(enumerate_ok(h));
    unsigned requests = peer_stat("small", "requests");
    peer(NULL, 0, "mode small silent once");
    ULONGLONG ms;
    BOOL ok;
    DWORD err;
    WTS_SESSION_INFOW *info;
    DWORD count;
    TIMED(ms, ok, err, WTSEnumerateSessionsW(h, 0, 1, &info, &count));
    print_message("a silent server failed the call after %lu ms\n", (unsigned long)ms);
    assert_false(ok);
    assert_int_equal(err, RPC_S_SERVER_UNAVAILABLE);
    assert_true(ms >= SILENCE_LIMIT_MS - 100);
    assert_true(ms <= SILENCE_LIMIT_MS + SLACK_MS);
    assert_int_equal(peer_stat("small", "requests"), requests + 1);
    assert_lists_scenario(h);
    WTSCloseServer(h);
}

/* A hello that is never answered: the same limit, and a server that
 * refuses the hello gives the status it states. */
static void test_hello_mute_and_refused(void **state)
{
    (void)state;
    HANDLE h = open_port(small_port);
    peer(NULL, 0, "mode small hello-mute");
    ULONGLONG ms;
    BOOL ok;
    DWORD err;
    WTS_SESSION_INFOW *info;
    DWORD count;
    TIMED(ms, ok, err, WTSEnumerateSessionsW(h, 0, 1, &info, &count));
    assert_false(ok);
    assert_int_equal(err, RPC_S_SERVER_UNAVAILABLE);
    assert_true(ms <= SILENCE_LIMIT_MS + SLACK_MS);

    peer(NULL, 0, "mode small hello-refuse");
    assert_fails_with(WTSEnumerateSessionsW(h, 0, 1, &info, &count), ERROR_ACCESS_DENIED);
    peer(NULL, 0, "mode small normal");
    assert_lists_scenario(h);
    WTSCloseServer(h);
}

/* A server that asks for a key: the alias's key proves it; a wrong key, or
 * none, gets ERROR_ACCESS_DENIED, and the server saw each attempt. */
static void test_key_handshake(void **state)
{
    (void)state;
    unsigned good = peer_stat("keyed", "auth_ok"), bad = peer_stat("keyed", "auth_failed");
    HANDLE h = WTSOpenServerW(L"ts-keyed-right");
    assert_lists_scenario(h);
    assert_lists_scenario(h); /* one handshake per connection, not per call */
    WTSCloseServer(h);
    assert_int_equal(peer_stat("keyed", "auth_ok"), good + 1);

    WTS_SESSION_INFOW *info = (WTS_SESSION_INFOW *)(ULONG_PTR)0x1234;
    DWORD count = 77;
    const WCHAR *refused[] = { L"ts-keyed-wrong", L"ts-keyed-none" };
    for (size_t i = 0; i < ARRAYSIZE(refused); i++) {
        h = WTSOpenServerW((LPWSTR)refused[i]);
        assert_fails_with(WTSEnumerateSessionsW(h, 0, 1, &info, &count), ERROR_ACCESS_DENIED);
        assert_ptr_equal(info, (WTS_SESSION_INFOW *)(ULONG_PTR)0x1234);
        assert_int_equal(count, 77);
        /* Not let in on a second try either. */
        assert_fails_with(WTSDisconnectSession(h, 2, FALSE), ERROR_ACCESS_DENIED);
        WTSCloseServer(h);
    }
    h = open_port(keyed_port); /* host:port: no alias, no key */
    assert_fails_with(WTSEnumerateSessionsW(h, 0, 1, &info, &count), ERROR_ACCESS_DENIED);
    WTSCloseServer(h);
    assert_int_equal(peer_stat("keyed", "auth_failed"), bad + 5);
    assert_int_equal(peer_stat("keyed", "disconnect_session"), 0);

    /* Keys as long as wtsd takes (4096 bytes) work; a longer Key value is
     * no key (README). */
    peer_key("keyed", long_key, sizeof(long_key));
    h = WTSOpenServerW(L"ts-keyed-long");
    assert_lists_scenario(h);
    WTSCloseServer(h);
    h = WTSOpenServerW(L"ts-keyed-right");
    assert_fails_with(WTSEnumerateSessionsW(h, 0, 1, &info, &count), ERROR_ACCESS_DENIED);
    WTSCloseServer(h);
    /* Still the 4096-byte key on the server: a DLL that cut the longer
     * value to 4096 bytes would prove it. */
    h = WTSOpenServerW(L"ts-keyed-too-long");
    assert_fails_with(WTSEnumerateSessionsW(h, 0, 1, &info, &count), ERROR_ACCESS_DENIED);
    WTSCloseServer(h);
    peer_key("keyed", right_key, sizeof(right_key));
}

/* Answers that are not answers: an error, never a crash, outputs
 * untouched; the next call, the server behaving again, succeeds. */
static void test_misbehaving_server(void **state)
{
    (void)state;
    static const struct {
        const char *mode;
        DWORD err;
    } cases[] = {
        { "garbage", ERROR_INVALID_DATA },
        { "oversize", ERROR_INVALID_DATA },
        { "wrong-id", ERROR_INVALID_DATA },
        { "close-mid-reply", RPC_S_SERVER_UNAVAILABLE },
        { "drop", RPC_S_SERVER_UNAVAILABLE },
    };
    HANDLE h = open_port(small_port);
    for (size_t i = 0; i < ARRAYSIZE(cases); i++) {
        peer(NULL, 0, "mode small %s", cases[i].mode);
        WTS_SESSION_INFOW *info = (WTS_SESSION_INFOW *)(ULONG_PTR)0x1234;
        LPWSTR buf = (LPWSTR)(ULONG_PTR)0x1234;
        DWORD count = 77, bytes = 77;
        assert_fails_with(WTSEnumerateSessionsW(h, 0, 1, &info, &count), cases[i].err);
        assert_ptr_equal(info, (WTS_SESSION_INFOW *)(ULONG_PTR)0x1234);
        assert_int_equal(count, 77);
        assert_fails_with(WTSQuerySessionInformationW(h, 2, WTSUserName, &buf, &bytes), cases[i].err);
        assert_ptr_equal(buf, (LPWSTR)(ULONG_PTR)0x1234);
        assert_int_equal(bytes, 77);
        peer(NULL, 0, "mode small normal");
        assert_lists_scenario(h);
    }
    WTSCloseServer(h);
}

/* A connection that breaks under a request: a request that changes nothing
 * is sent once more on a new connection (and succeeds); one that changes
 * something is never sent twice (README's rule). */
static void test_broken_connection_retry_rule(void **state)
{
    (void)state;
    HANDLE h = open_port(small_port);
    assert_true(enumerate_ok(h)); /* a connection kept from a call before */
    unsigned enumerations = peer_stat("small", "enumerate_sessions");
    peer(NULL, 0, "mode small close-mid-reply once");
    assert_lists_scenario(h);
    assert_int_equal(peer_stat("small", "enumerate_sessions"), enumerations + 2);

    peer(NULL, 0, "mode small drop once");
    assert_fails_with(WTSDisconnectSession(h, 2, FALSE), RPC_S_SERVER_UNAVAILABLE);
    assert_int_equal(peer_stat("small", "disconnect_session"), 1); /* carried out once */

    assert_true(enumerate_ok(h)); /* a kept connection again */
    peer(NULL, 0, "mode small close-mid-reply once");
    assert_fails_with(WTSDisconnectSession(h, 3, FALSE), RPC_S_SERVER_UNAVAILABLE);
    assert_int_equal(peer_stat("small", "disconnect_session"), 2);
    assert_true(enumerate_ok(h)); /* (session 2 is disconnected now: the dropped call was carried out) */
    WTSCloseServer(h);
}

/* Events nobody asked for (id 0) between the parts of an answer are
 * skipped. */
static void test_events_skipped(void **state)
{
    (void)state;
    HANDLE h = open_port(small_port);
    peer(NULL, 0, "mode small events");
    assert_lists_scenario(h);
    assert_query_text(h, 2, WTSUserName, L"alice");
    WTSCloseServer(h);
}

/* Threads of the process share one handle, and its one connection. */
typedef struct thread_args {
    HANDLE h;
    LONG failures;
} thread_args;

static DWORD WINAPI enumerate_many(void *param)
{
    thread_args *a = param;
    for (int i = 0; i < 25; i++)
        if (!enumerate_ok(a->h))
            InterlockedIncrement(&a->failures);
    return 0;
}

static void test_threads_share_a_connection(void **state)
{
    (void)state;
    thread_args a = { open_port(small_port), 0 };
    unsigned connections = peer_stat("small", "connections");
    HANDLE threads[4];
    for (int i = 0; i < 4; i++)
        threads[i] = CreateThread(NULL, 0, enumerate_many, &a, 0, NULL);
    assert_int_equal(WaitForMultipleObjects(4, threads, TRUE, 60000), WAIT_OBJECT_0);
    for (int i = 0; i < 4; i++)
        CloseHandle(threads[i]);
    assert_int_equal(a.failures, 0);
    assert_int_equal(peer_stat("small", "connections"), connections + 1);
    WTSCloseServer(a.h);
}

/* WTSCloseServer closes the connection: the server sees none left open. */
static void test_close_ends_the_connection(void **state)
{
    (void)state;
    HANDLE h = open_port(small_port);
    assert_true(enumerate_ok(h));
    assert_true(peer_stat("small", "open") >= 1);
    WTSCloseServer(h);
    unsigned open = 1;
    for (int i = 0; i < 50 && open; i++) {
        Sleep(40);
        open = peer_stat("small", "open");
    }
    assert_int_equal(open, 0);
}

/* 10,000 sessions (examples/scenarios/make-large-scenario.py) come back
 * whole through answers in parts, every field as generated, and so do
 * their 19,999 processes. */
static void test_ten_thousand_sessions(void **state)
{
    (void)state;
    static const WTS_CONNECTSTATE_CLASS states[] = { WTSActive, WTSActive, WTSActive, WTSDisconnected, WTSIdle };
    HANDLE h = open_port(large_port);
    WTS_SESSION_INFOW *info;
    DWORD count;
    ULONGLONG t0 = GetTickCount64();
    assert_true(WTSEnumerateSessionsW(h, 0, 1, &info, &count));
    print_message("10,000 sessions in %lu ms\n", (unsigned long)(GetTickCount64() - t0));
    assert_int_equal(count, 10000);
    for (DWORD i = 0; i < count; i++) {
        WCHAR want[32];
        if (i == 0)
            wcscpy(want, L"Services");
        else if (i == 1)
            wcscpy(want, L"Console");
        else
            swprintf(want, ARRAYSIZE(want), L"RDP-Tcp#%lu", i + 100);
        if (info[i].SessionId != i || wcscmp(info[i].pWinStationName, want) != 0)
            fail_msg("entry %lu: session %lu \"%ls\"", i, info[i].SessionId, info[i].pWinStationName);
        if (i >= 2)
            assert_int_equal(info[i].State, states[i % 5]);
    }
    WTSFreeMemory(info);

    DWORD level = 1;
    WTS_SESSION_INFO_1W *info1;
    assert_true(WTSEnumerateSessionsExW(h, &level, 0, &info1, &count));
    assert_int_equal(count, 10000);
    for (DWORD i = 2; i < count; i++) {
        WCHAR user[16];
        swprintf(user, ARRAYSIZE(user), L"user%05lu", i);
        /* pHostName is the server's name, the scenario's "server". */
        if (wcscmp(info1[i].pUserName, user) != 0 || wcscmp(info1[i].pDomainName, L"CONTOSO") != 0 ||
            wcscmp(info1[i].pHostName, L"TS01") != 0 || info1[i].SessionId != i)
            fail_msg("entry %lu: %ls\\%ls from %ls", i, info1[i].pDomainName, info1[i].pUserName,
                     info1[i].pHostName);
    }
    assert_true(WTSFreeMemoryExW(WTSTypeSessionInfoLevel1, info1, count));

    WTS_PROCESS_INFOW *procs;
    assert_true(WTSEnumerateProcessesW(h, 0, 1, &procs, &count));
    assert_int_equal(count, 1 + 9999 * 2);
    for (DWORD i = 1; i < count; i++) {
        DWORD session = 1 + (i - 1) / 2;
        if (procs[i].ProcessId != 4 + 4 * i || procs[i].SessionId != session ||
            wcscmp(procs[i].pProcessName, (i - 1) % 2 ? L"rdpclip.exe" : L"explorer.exe") != 0)
            fail_msg("process %lu: pid %lu session %lu %ls", i, procs[i].ProcessId, procs[i].SessionId,
                     procs[i].pProcessName);
    }
    WTSFreeMemory(procs);
    WTSCloseServer(h);
}

static BOOL listed_w(const WTS_SERVER_INFOW *info, DWORD count, const WCHAR *name)
{
    for (DWORD i = 0; i < count; i++)
        if (wcscmp(info[i].pServerName, name) == 0)
            return TRUE;
    return FALSE;
}

/* WTSEnumerateServers lists the aliases, and the default server when it is
 * a socket no alias names; bad parameters: ERROR_INVALID_PARAMETER, outputs
 * untouched. */
static void test_enumerate_servers(void **state)
{
    (void)state;
    static const WCHAR *const aliases[] = { L"ts-alias", L"ts-keyed-right", L"ts-keyed-wrong",
                                            L"ts-keyed-none", L"ts-bad-address", L"ts-keyed-long",
                                            L"ts-keyed-too-long" };
    WTS_SERVER_INFOW *info = NULL;
    DWORD count = 0;
    SetLastError(0xdeadbeef);
    assert_true(WTSEnumerateServersW(NULL, 0, 1, &info, &count));
    assert_int_equal(count, ARRAYSIZE(aliases));
    for (size_t i = 0; i < ARRAYSIZE(aliases); i++)
        assert_true(listed_w(info, count, aliases[i]));
    WTSFreeMemory(info);
    /* pDomainName is not read (no directory to ask). */
    assert_true(WTSEnumerateServersW(L"SOMEDOMAIN", 0, 1, &info, &count));
    assert_int_equal(count, ARRAYSIZE(aliases));
    WTSFreeMemory(info);

    WTS_SERVER_INFOA *ainfo = NULL;
    assert_true(WTSEnumerateServersA(NULL, 0, 1, &ainfo, &count));
    assert_int_equal(count, ARRAYSIZE(aliases));
    BOOL found = FALSE;
    for (DWORD i = 0; i < count; i++)
        found |= strcmp(ainfo[i].pServerName, "ts-keyed-right") == 0;
    assert_true(found);
    WTSFreeMemory(ainfo);

    /* Reserved must be 0, Version 1 (MicrosoftDocs sdk-api). */
    WTS_SERVER_INFOW *untouched = (WTS_SERVER_INFOW *)(ULONG_PTR)0x1234;
    WTS_SERVER_INFOA *auntouched = (WTS_SERVER_INFOA *)(ULONG_PTR)0x1234;
    count = 77;
    info = untouched;
    ainfo = auntouched;
    assert_fails_with(WTSEnumerateServersW(NULL, 1, 1, &info, &count), ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSEnumerateServersW(NULL, 0, 0, &info, &count), ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSEnumerateServersW(NULL, 0, 2, &info, &count), ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSEnumerateServersW(NULL, 0, 1, NULL, &count), ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSEnumerateServersW(NULL, 0, 1, &info, NULL), ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSEnumerateServersA(NULL, 1, 1, &ainfo, &count), ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSEnumerateServersA(NULL, 0, 2, &ainfo, &count), ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSEnumerateServersA(NULL, 0, 1, NULL, &count), ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSEnumerateServersA(NULL, 0, 1, &ainfo, NULL), ERROR_INVALID_PARAMETER);
    assert_ptr_equal(info, untouched);
    assert_ptr_equal(ainfo, auntouched);
    assert_int_equal(count, 77);

    /* The default server, a socket: listed too, once. */
    char env[64], out[4096];
    snprintf(env, sizeof(env), "127.0.0.1:%u", small_port);
    run_child(env, "servers", out, sizeof(out));
    char want[80];
    snprintf(want, sizeof(want), "\n%s\n", env);
    assert_true(strncmp(out, "ok 8\n", 5) == 0);
    assert_non_null(strstr(out, want));
    run_child("ts-alias", "servers", out, sizeof(out));
    assert_true(strncmp(out, "ok 7\n", 5) == 0);
    run_child(".", "servers", out, sizeof(out));
    assert_true(strncmp(out, "ok 7\n", 5) == 0);
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "child") == 0)
        return child_main(argc, argv);
    const char *port = getenv("OPENWTS_TEST_PEER_PORT");
    small_scenario = getenv("OPENWTS_TEST_SCENARIO");
    large_scenario = getenv("OPENWTS_TEST_LARGE_SCENARIO");
    if (!port || !small_scenario || !large_scenario) {
        fprintf(stderr, "test_transport: run by transport_test.sh, which starts the stand-in wtsd and sets "
                        "OPENWTS_TEST_PEER_PORT, OPENWTS_TEST_SCENARIO and OPENWTS_TEST_LARGE_SCENARIO\n");
        return 1;
    }
    snprintf(control_port, sizeof(control_port), "%s", port);
    WSADATA wsa;
    if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_host_port_reaches_that_server, fresh_servers),
        cmocka_unit_test_setup(test_actions_reach_that_server, fresh_servers),
        cmocka_unit_test_setup(test_registry_alias, fresh_servers),
        cmocka_unit_test_setup(test_bad_names, fresh_servers),
        cmocka_unit_test_setup(test_default_port, fresh_servers),
        cmocka_unit_test_setup(test_environment_default_server, fresh_servers),
        cmocka_unit_test_setup(test_registry_default_server, fresh_servers),
        cmocka_unit_test_setup(test_down_and_back, fresh_servers),
        cmocka_unit_test_setup(test_connect_limit, fresh_servers),
        cmocka_unit_test_setup(test_silent_server, fresh_servers),
        cmocka_unit_test_setup(test_hello_mute_and_refused, fresh_servers),
        cmocka_unit_test_setup(test_key_handshake, fresh_servers),
        cmocka_unit_test_setup(test_misbehaving_server, fresh_servers),
        cmocka_unit_test_setup(test_broken_connection_retry_rule, fresh_servers),
        cmocka_unit_test_setup(test_events_skipped, fresh_servers),
        cmocka_unit_test_setup(test_threads_share_a_connection, fresh_servers),
        cmocka_unit_test_setup(test_close_ends_the_connection, fresh_servers),
        cmocka_unit_test_setup(test_ten_thousand_sessions, fresh_servers),
        cmocka_unit_test_setup(test_enumerate_servers, fresh_servers),
    };
    int failed = cmocka_run_group_tests(tests, group_setup, group_teardown);
    WSACleanup();
    return failed;
}

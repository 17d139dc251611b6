/* Calls every export of the wtsapi32.dll it loads (ours beside it with
 * WINEDLLOVERRIDES=wtsapi32=n, Wine's builtin with =b) once, with valid and
 * harmless arguments a real program would use, and prints one line each:
 *   NAME ok                 the call succeeded
 *   NAME fail ERROR         it failed; ERROR is GetLastError in decimal
 *                           (poisoned with 3735928559 = 0xdeadbeef before the
 *                           call), or for WTSSetRenderHint the HRESULT in hex
 *   NAME absent             the DLL does not export it
 *   NAME skip REASON        not called: an earlier call did not give what it
 *                           needs (a handle, a buffer, a value to write back)
 *   NAME not-called REASON  never called by this program (see below)
 * Lines starting with '#' are notes. compare_builtin.sh runs it with both
 * DLLs and fails for every export that succeeds with the builtin and fails
 * with ours (README: never worse than Wine's builtin).
 *
 * Harmless: what a call changes is changed back (the disconnected console
 * is connected again, a notification registration removed, a user or
 * listener setting written back as it was read, a render hint cleared), and
 * the process WTSTerminateProcess ends is a child started for it. Not
 * called: WTSLogoffSession and WTSShutdownSystem, which end the prefix's
 * programs (with --destructive, accepted only when the DLL is Wine's
 * builtin, whose stubs fail them, they are called last); and the
 * undocumented WTSSetSessionInformationA/W (Wine 8.0's builtin has them as
 * "@ stub", which raises an exception when called), QueryActiveSession,
 * QueryUserToken and RegisterUsertokenForNoWinlogon (no published
 * signature; Wine 8.0's builtin lacks them).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <windows.h>
#include <wtsapi32.h>

#include <lmcons.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define POISON 0xdeadbeefu
#define CHANNEL_NAME "OWTSCMP" /* a static virtual channel of our own, at most 7 chars */
#define CHANNEL_CHUNK_LENGTH 1600 /* pchannel.h: what one read returns at most */
#define IDLE_ARG L"--idle"
#define DESTRUCTIVE_ARG L"--destructive"

static HMODULE dll;

/* The export `name` of the DLL under test, typed as our header declares
 * it; prints "NAME absent" and returns from the caller if there is none. */
#define LOOKUP(var, name)                                                   \
    __typeof__(&name) var = (__typeof__(&name))(void *)GetProcAddress(dll, #name); \
    if (!var) {                                                             \
        printf("%s absent\n", #name);                                       \
        return;                                                             \
    }

static void report(const char *name, BOOL ok, DWORD err)
{
    if (ok)
        printf("%s ok\n", name);
    else
        printf("%s fail %lu\n", name, err);
}

/* `call` (a truth value) with the last error poisoned first; reports it
 * as `name` and stores it in `ok`. */
#define CALL(ok, name, call)                                           \
    do {                                                               \
        SetLastError(POISON);                                          \
        ok = (call) ? TRUE : FALSE;                                    \
        report(name, ok, GetLastError());                              \
    } while (0)

static void skip(const char *name, const char *reason)
{
    printf("%s skip %s\n", name, reason);
}

/* This machine, user and session; what earlier calls gave later ones; and
 * the buffers the API returned, freed at the end by the function each
 * belongs to. */
struct ex_buffer {
    WTS_TYPE_CLASS type;
    void *memory;
    DWORD count;
};

static struct {
    WCHAR computer[MAX_COMPUTERNAME_LENGTH + 1];
    char computer_a[MAX_COMPUTERNAME_LENGTH + 1];
    WCHAR user[UNLEN + 1];
    char user_a[UNLEN + 1];
    DWORD session;
    HWND window;
    HANDLE servers[4];
    int server_count;
    void *plain[16]; /* for WTSFreeMemory */
    int plain_count;
    struct ex_buffer ex_w[2], ex_a[2]; /* for WTSFreeMemoryExW / ExA */
    int ex_w_count, ex_a_count;
    LPWSTR config_w; /* WTSQueryUserConfigW's answer, and its size */
    DWORD config_w_bytes;
    LPSTR config_a;
    DWORD config_a_bytes;
    HANDLE channel, channel_ex;
    BOOL child_sessions_enabled;
} g;

static void hold(void *memory)
{
    if (memory && g.plain_count < (int)ARRAYSIZE(g.plain))
        g.plain[g.plain_count++] = memory;
}

static void hold_ex(struct ex_buffer *list, int *count, WTS_TYPE_CLASS type, void *memory, DWORD n)
{
    if (memory && *count < 2)
        list[(*count)++] = (struct ex_buffer){ type, memory, n };
}

static void hold_server(HANDLE h)
{
    if (h && g.server_count < (int)ARRAYSIZE(g.servers))
        g.servers[g.server_count++] = h;
}

/* ---- servers ---------------------------------------------------------- */

static void open_server_w(void)
{
    LOOKUP(p, WTSOpenServerW)
    HANDLE h;
    BOOL ok;
    CALL(ok, "WTSOpenServerW", (h = p(g.computer)) != NULL);
    if (ok)
        hold_server(h);
}

static void open_server_a(void)
{
    LOOKUP(p, WTSOpenServerA)
    HANDLE h;
    BOOL ok;
    CALL(ok, "WTSOpenServerA", (h = p(g.computer_a)) != NULL);
    if (ok)
        hold_server(h);
}

static void open_server_ex_w(void)
{
    LOOKUP(p, WTSOpenServerExW)
    HANDLE h;
    BOOL ok;
    CALL(ok, "WTSOpenServerExW", (h = p(g.computer)) != NULL);
    if (ok)
        hold_server(h);
}

static void open_server_ex_a(void)
{
    LOOKUP(p, WTSOpenServerExA)
    HANDLE h;
    BOOL ok;
    CALL(ok, "WTSOpenServerExA", (h = p(g.computer_a)) != NULL);
    if (ok)
        hold_server(h);
}

static void close_server(void)
{
    LOOKUP(p, WTSCloseServer)
    if (!g.server_count) {
        skip("WTSCloseServer", "no server handle was opened");
        return;
    }
    for (int i = 0; i < g.server_count; i++)
        p(g.servers[i]);
    g.server_count = 0;
    printf("WTSCloseServer ok\n"); /* it returns nothing: that it returned is all */
}

static void enumerate_servers_w(void)
{
    LOOKUP(p, WTSEnumerateServersW)
    PWTS_SERVER_INFOW info = NULL;
    DWORD count = 0;
    BOOL ok;
    CALL(ok, "WTSEnumerateServersW", p(NULL, 0, 1, &info, &count));
    if (ok)
        hold(info);
}

static void enumerate_servers_a(void)
{
    LOOKUP(p, WTSEnumerateServersA)
    PWTS_SERVER_INFOA info = NULL;
    DWORD count = 0;
    BOOL ok;
    CALL(ok, "WTSEnumerateServersA", p(NULL, 0, 1, &info, &count));
    if (ok)
        hold(info);
}

/* ---- sessions --------------------------------------------------------- */

static void enumerate_sessions_w(void)
{
    LOOKUP(p, WTSEnumerateSessionsW)
    PWTS_SESSION_INFOW info = NULL;
    DWORD count = 0;
    BOOL ok;
    CALL(ok, "WTSEnumerateSessionsW", p(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count));
    if (ok)
        hold(info);
}

static void enumerate_sessions_a(void)
{
    LOOKUP(p, WTSEnumerateSessionsA)
    PWTS_SESSION_INFOA info = NULL;
    DWORD count = 0;
    BOOL ok;
    CALL(ok, "WTSEnumerateSessionsA", p(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count));
    if (ok)
        hold(info);
}

static void enumerate_sessions_ex_w(void)
{
    LOOKUP(p, WTSEnumerateSessionsExW)
    PWTS_SESSION_INFO_1W info = NULL;
    DWORD level = 1, count = 0;
    BOOL ok;
    CALL(ok, "WTSEnumerateSessionsExW", p(WTS_CURRENT_SERVER_HANDLE, &level, 0, &info, &count));
    if (ok)
        hold_ex(g.ex_w, &g.ex_w_count, WTSTypeSessionInfoLevel1, info, count);
}

static void enumerate_sessions_ex_a(void)
{
    LOOKUP(p, WTSEnumerateSessionsExA)
    PWTS_SESSION_INFO_1A info = NULL;
    DWORD level = 1, count = 0;
    BOOL ok;
    CALL(ok, "WTSEnumerateSessionsExA", p(WTS_CURRENT_SERVER_HANDLE, &level, 0, &info, &count));
    if (ok)
        hold_ex(g.ex_a, &g.ex_a_count, WTSTypeSessionInfoLevel1, info, count);
}

/* The classes Wine's builtin answers. The line is "ok" only if all are; a
 * note names the first that failed. */
static const WTS_INFO_CLASS query_classes[] = { WTSUserName, WTSDomainName, WTSClientProtocolType };

static void query_session_w(void)
{
    LOOKUP(p, WTSQuerySessionInformationW)
    for (size_t i = 0; i < ARRAYSIZE(query_classes); i++) {
        LPWSTR buf = NULL;
        DWORD bytes = 0;
        SetLastError(POISON);
        if (!p(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, query_classes[i], &buf, &bytes)) {
            DWORD err = GetLastError();
            printf("# WTSQuerySessionInformationW: class %d failed\n", (int)query_classes[i]);
            report("WTSQuerySessionInformationW", FALSE, err);
            return;
        }
        hold(buf);
    }
    report("WTSQuerySessionInformationW", TRUE, 0);
}

static void query_session_a(void)
{
    LOOKUP(p, WTSQuerySessionInformationA)
    for (size_t i = 0; i < ARRAYSIZE(query_classes); i++) {
        LPSTR buf = NULL;
        DWORD bytes = 0;
        SetLastError(POISON);
        if (!p(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, query_classes[i], &buf, &bytes)) {
            DWORD err = GetLastError();
            printf("# WTSQuerySessionInformationA: class %d failed\n", (int)query_classes[i]);
            report("WTSQuerySessionInformationA", FALSE, err);
            return;
        }
        hold(buf);
    }
    report("WTSQuerySessionInformationA", TRUE, 0);
}

/* Disconnect the console, then connect it back: W first, so the state is
 * restored whatever A does; A then connects the session already active. */
static void disconnect_session(void)
{
    LOOKUP(p, WTSDisconnectSession)
    BOOL ok;
    CALL(ok, "WTSDisconnectSession", p(WTS_CURRENT_SERVER_HANDLE, g.session, TRUE));
}

static void connect_session_w(void)
{
    LOOKUP(p, WTSConnectSessionW)
    WCHAR password[] = L""; /* the same user: none needed */
    BOOL ok;
    CALL(ok, "WTSConnectSessionW", p(g.session, g.session, password, TRUE));
}

static void connect_session_a(void)
{
    LOOKUP(p, WTSConnectSessionA)
    char password[] = "";
    BOOL ok;
    CALL(ok, "WTSConnectSessionA", p(g.session, g.session, password, TRUE));
}

/* Should the console be left anything but active (ours keeps the state for
 * the whole prefix, and the other tests need it active), put it back and
 * say so. Wine's builtin neither keeps state nor answers this class. */
static void ensure_console_active(void)
{
    __typeof__(&WTSQuerySessionInformationW) query = (void *)GetProcAddress(dll, "WTSQuerySessionInformationW");
    __typeof__(&WTSConnectSessionW) connect = (void *)GetProcAddress(dll, "WTSConnectSessionW");
    WTS_CONNECTSTATE_CLASS *state = NULL;
    DWORD bytes = 0;
    if (!query || !connect ||
        !query(WTS_CURRENT_SERVER_HANDLE, g.session, WTSConnectState, (LPWSTR *)&state, &bytes))
        return;
    WTS_CONNECTSTATE_CLASS now = *state;
    hold(state);
    if (now == WTSActive)
        return;
    WCHAR password[] = L"";
    BOOL back = connect(g.session, g.session, password, TRUE);
    printf("# the console was left in state %d; connecting it again %s\n", (int)now,
           back ? "worked" : "FAILED");
}

/* ---- processes -------------------------------------------------------- */

static void enumerate_processes_w(void)
{
    LOOKUP(p, WTSEnumerateProcessesW)
    PWTS_PROCESS_INFOW info = NULL;
    DWORD count = 0;
    BOOL ok;
    CALL(ok, "WTSEnumerateProcessesW", p(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count));
    if (ok)
        hold(info);
}

static void enumerate_processes_a(void)
{
    LOOKUP(p, WTSEnumerateProcessesA)
    PWTS_PROCESS_INFOA info = NULL;
    DWORD count = 0;
    BOOL ok;
    CALL(ok, "WTSEnumerateProcessesA", p(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count));
    if (ok)
        hold(info);
}

static void enumerate_processes_ex_w(void)
{
    LOOKUP(p, WTSEnumerateProcessesExW)
    LPWSTR info = NULL;
    DWORD level = 0, count = 0;
    BOOL ok;
    CALL(ok, "WTSEnumerateProcessesExW", p(WTS_CURRENT_SERVER_HANDLE, &level, WTS_ANY_SESSION, &info, &count));
    if (ok)
        hold_ex(g.ex_w, &g.ex_w_count, WTSTypeProcessInfoLevel0, info, count);
}

static void enumerate_processes_ex_a(void)
{
    LOOKUP(p, WTSEnumerateProcessesExA)
    LPSTR info = NULL;
    DWORD level = 0, count = 0;
    BOOL ok;
    CALL(ok, "WTSEnumerateProcessesExA", p(WTS_CURRENT_SERVER_HANDLE, &level, WTS_ANY_SESSION, &info, &count));
    if (ok)
        hold_ex(g.ex_a, &g.ex_a_count, WTSTypeProcessInfoLevel0, info, count);
}

/* A child of ours that idles is the process to end. */
static void terminate_process(void)
{
    LOOKUP(p, WTSTerminateProcess)
    WCHAR cmd[MAX_PATH + 16] = L"\"";
    GetModuleFileNameW(NULL, cmd + 1, MAX_PATH);
    wcscat(cmd, L"\" " IDLE_ARG);
    STARTUPINFOW si = { .cb = sizeof(si) };
    PROCESS_INFORMATION pi;
    if (!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) {
        skip("WTSTerminateProcess", "could not start a child to end");
        return;
    }
    BOOL ok;
    CALL(ok, "WTSTerminateProcess", p(WTS_CURRENT_SERVER_HANDLE, pi.dwProcessId, 1));
    if (!ok || WaitForSingleObject(pi.hProcess, 10000) != WAIT_OBJECT_0) {
        if (ok)
            printf("# WTSTerminateProcess said ok, yet the child still runs\n");
        TerminateProcess(pi.hProcess, 1);
        WaitForSingleObject(pi.hProcess, 10000);
    }
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
}

static void query_user_token(void)
{
    LOOKUP(p, WTSQueryUserToken)
    HANDLE token = NULL;
    BOOL ok;
    CALL(ok, "WTSQueryUserToken", p(WTSGetActiveConsoleSessionId(), &token));
    if (ok)
        CloseHandle(token);
}

/* ---- messages --------------------------------------------------------- */

/* A message box that closes itself after 1 s, waited for. */
static void send_message_w(void)
{
    LOOKUP(p, WTSSendMessageW)
    WCHAR title[] = L"OpenWTS";
    WCHAR text[] = L"compare_builtin: a test message that closes itself";
    DWORD response = 0;
    BOOL ok;
    CALL(ok, "WTSSendMessageW", p(WTS_CURRENT_SERVER_HANDLE, g.session, title, sizeof(title) - sizeof(WCHAR),
                                  text, sizeof(text) - sizeof(WCHAR), MB_OK, 1, &response, TRUE));
}

static void send_message_a(void)
{
    LOOKUP(p, WTSSendMessageA)
    char title[] = "OpenWTS";
    char text[] = "compare_builtin: a test message that closes itself";
    DWORD response = 0;
    BOOL ok;
    CALL(ok, "WTSSendMessageA", p(WTS_CURRENT_SERVER_HANDLE, g.session, title, sizeof(title) - 1, text,
                                  sizeof(text) - 1, MB_OK, 1, &response, TRUE));
}

/* ---- user configuration: read, then written back as read -------------- */

static void query_user_config_w(void)
{
    LOOKUP(p, WTSQueryUserConfigW)
    BOOL ok;
    CALL(ok, "WTSQueryUserConfigW",
         p(NULL, g.user, WTSUserConfigfAllowLogonTerminalServer, &g.config_w, &g.config_w_bytes));
    if (ok)
        hold(g.config_w);
    else
        g.config_w = NULL;
}

static void query_user_config_a(void)
{
    LOOKUP(p, WTSQueryUserConfigA)
    BOOL ok;
    CALL(ok, "WTSQueryUserConfigA",
         p(NULL, g.user_a, WTSUserConfigfAllowLogonTerminalServer, &g.config_a, &g.config_a_bytes));
    if (ok)
        hold(g.config_a);
    else
        g.config_a = NULL;
}

static void set_user_config_w(void)
{
    LOOKUP(p, WTSSetUserConfigW)
    BOOL ok;
    if (!g.config_w) {
        skip("WTSSetUserConfigW", "nothing read to write back (WTSQueryUserConfigW)");
        return;
    }
    CALL(ok, "WTSSetUserConfigW",
         p(NULL, g.user, WTSUserConfigfAllowLogonTerminalServer, g.config_w, g.config_w_bytes));
}

static void set_user_config_a(void)
{
    LOOKUP(p, WTSSetUserConfigA)
    BOOL ok;
    if (!g.config_a) {
        skip("WTSSetUserConfigA", "nothing read to write back (WTSQueryUserConfigA)");
        return;
    }
    CALL(ok, "WTSSetUserConfigA",
         p(NULL, g.user_a, WTSUserConfigfAllowLogonTerminalServer, g.config_a, g.config_a_bytes));
}

/* ---- notifications: registered, then removed -------------------------- */

static void register_notification(void)
{
    LOOKUP(p, WTSRegisterSessionNotification)
    BOOL ok;
    if (!g.window)
        skip("WTSRegisterSessionNotification", "no window");
    else
        CALL(ok, "WTSRegisterSessionNotification", p(g.window, NOTIFY_FOR_THIS_SESSION));
}

static void unregister_notification(void)
{
    LOOKUP(p, WTSUnRegisterSessionNotification)
    BOOL ok;
    if (!g.window)
        skip("WTSUnRegisterSessionNotification", "no window");
    else
        CALL(ok, "WTSUnRegisterSessionNotification", p(g.window));
}

static void register_notification_ex(void)
{
    LOOKUP(p, WTSRegisterSessionNotificationEx)
    BOOL ok;
    if (!g.window)
        skip("WTSRegisterSessionNotificationEx", "no window");
    else
        CALL(ok, "WTSRegisterSessionNotificationEx", p(WTS_CURRENT_SERVER_HANDLE, g.window, NOTIFY_FOR_ALL_SESSIONS));
}

static void unregister_notification_ex(void)
{
    LOOKUP(p, WTSUnRegisterSessionNotificationEx)
    BOOL ok;
    if (!g.window)
        skip("WTSUnRegisterSessionNotificationEx", "no window");
    else
        CALL(ok, "WTSUnRegisterSessionNotificationEx", p(WTS_CURRENT_SERVER_HANDLE, g.window));
}

/* ---- virtual channels: our own, a few bytes out, what came in, closed - */

static void channel_open(void)
{
    LOOKUP(p, WTSVirtualChannelOpen)
    char name[] = CHANNEL_NAME;
    BOOL ok;
    CALL(ok, "WTSVirtualChannelOpen", (g.channel = p(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, name)) != NULL);
}

static void channel_open_ex(void)
{
    LOOKUP(p, WTSVirtualChannelOpenEx)
    char name[] = CHANNEL_NAME;
    BOOL ok;
    CALL(ok, "WTSVirtualChannelOpenEx", (g.channel_ex = p(WTS_CURRENT_SESSION, name, 0)) != NULL);
}

/* The channel the calls below use: either open's. */
static HANDLE channel(void)
{
    return g.channel ? g.channel : g.channel_ex;
}

static void channel_write(void)
{
    LOOKUP(p, WTSVirtualChannelWrite)
    char data[] = "ping";
    ULONG written = 0;
    BOOL ok;
    if (!channel())
        skip("WTSVirtualChannelWrite", "no channel opened");
    else
        CALL(ok, "WTSVirtualChannelWrite", p(channel(), data, sizeof(data) - 1, &written));
}

static void channel_read(void)
{
    LOOKUP(p, WTSVirtualChannelRead)
    static char data[CHANNEL_CHUNK_LENGTH];
    ULONG got = 0;
    BOOL ok;
    if (!channel())
        skip("WTSVirtualChannelRead", "no channel opened");
    else
        CALL(ok, "WTSVirtualChannelRead", p(channel(), 0, data, sizeof(data), &got));
}

static void channel_query(void)
{
    LOOKUP(p, WTSVirtualChannelQuery)
    void *buf = NULL;
    DWORD bytes = 0;
    BOOL ok;
    if (!channel()) {
        skip("WTSVirtualChannelQuery", "no channel opened");
        return;
    }
    CALL(ok, "WTSVirtualChannelQuery", p(channel(), WTSVirtualClientData, &buf, &bytes));
    if (ok)
        hold(buf);
}

static void channel_purge_input(void)
{
    LOOKUP(p, WTSVirtualChannelPurgeInput)
    BOOL ok;
    if (!channel())
        skip("WTSVirtualChannelPurgeInput", "no channel opened");
    else
        CALL(ok, "WTSVirtualChannelPurgeInput", p(channel()));
}

static void channel_purge_output(void)
{
    LOOKUP(p, WTSVirtualChannelPurgeOutput)
    BOOL ok;
    if (!channel())
        skip("WTSVirtualChannelPurgeOutput", "no channel opened");
    else
        CALL(ok, "WTSVirtualChannelPurgeOutput", p(channel()));
}

static void channel_close(void)
{
    LOOKUP(p, WTSVirtualChannelClose)
    BOOL ok;
    if (!channel()) {
        skip("WTSVirtualChannelClose", "no channel opened");
        return;
    }
    CALL(ok, "WTSVirtualChannelClose", p(channel()));
    if (g.channel && g.channel_ex)
        p(g.channel_ex);
    g.channel = g.channel_ex = NULL;
}

/* ---- listeners: the first there is (or Windows' "RDP-Tcp") is read,
 * updated with what was read, and its security read and written back ---- */

static void listeners_w(void)
{
    WCHAR name[WTS_LISTENER_NAME_LENGTH + 1] = L"RDP-Tcp";
    WTSLISTENERCONFIGW config;
    BOOL have_config = FALSE;
    PSECURITY_DESCRIPTOR sd = NULL;
    BOOL ok;
    __typeof__(&WTSEnumerateListenersW) enumerate = (void *)GetProcAddress(dll, "WTSEnumerateListenersW");
    __typeof__(&WTSQueryListenerConfigW) query = (void *)GetProcAddress(dll, "WTSQueryListenerConfigW");
    __typeof__(&WTSCreateListenerW) create = (void *)GetProcAddress(dll, "WTSCreateListenerW");
    __typeof__(&WTSGetListenerSecurityW) get_security = (void *)GetProcAddress(dll, "WTSGetListenerSecurityW");
    __typeof__(&WTSSetListenerSecurityW) set_security = (void *)GetProcAddress(dll, "WTSSetListenerSecurityW");

    if (!enumerate) {
        printf("WTSEnumerateListenersW absent\n");
    } else {
        DWORD count = 0; /* first how many, as the documentation shows */
        SetLastError(POISON);
        ok = enumerate(WTS_CURRENT_SERVER_HANDLE, NULL, 0, NULL, &count);
        if (ok && count) {
            WTSLISTENERNAMEW *names = calloc(count, sizeof(*names));
            CALL(ok, "WTSEnumerateListenersW", names && enumerate(WTS_CURRENT_SERVER_HANDLE, NULL, 0, names, &count));
            if (ok && count)
                wcsncpy(name, names[0], WTS_LISTENER_NAME_LENGTH);
            free(names);
        } else {
            report("WTSEnumerateListenersW", ok, GetLastError());
        }
    }
    if (!query)
        printf("WTSQueryListenerConfigW absent\n");
    else
        CALL(have_config, "WTSQueryListenerConfigW", query(WTS_CURRENT_SERVER_HANDLE, NULL, 0, name, &config));
    if (!create)
        printf("WTSCreateListenerW absent\n");
    else if (!have_config)
        skip("WTSCreateListenerW", "no configuration read to update with (WTSQueryListenerConfigW)");
    else
        CALL(ok, "WTSCreateListenerW", create(WTS_CURRENT_SERVER_HANDLE, NULL, 0, name, &config, WTS_LISTENER_UPDATE));
    if (!get_security) {
        printf("WTSGetListenerSecurityW absent\n");
    } else {
        DWORD needed = 0;
        SetLastError(POISON);
        ok = get_security(WTS_CURRENT_SERVER_HANDLE, NULL, 0, name, DACL_SECURITY_INFORMATION, NULL, 0, &needed);
        if (!ok && GetLastError() == ERROR_INSUFFICIENT_BUFFER && needed) {
            sd = malloc(needed);
            CALL(ok, "WTSGetListenerSecurityW",
                 sd && get_security(WTS_CURRENT_SERVER_HANDLE, NULL, 0, name, DACL_SECURITY_INFORMATION, sd, needed,
                                    &needed));
            if (!ok) {
                free(sd);
                sd = NULL;
            }
        } else {
            report("WTSGetListenerSecurityW", ok, GetLastError());
        }
    }
    if (!set_security)
        printf("WTSSetListenerSecurityW absent\n");
    else if (!sd)
        skip("WTSSetListenerSecurityW", "no security descriptor read to write back (WTSGetListenerSecurityW)");
    else
        CALL(ok, "WTSSetListenerSecurityW",
             set_security(WTS_CURRENT_SERVER_HANDLE, NULL, 0, name, DACL_SECURITY_INFORMATION, sd));
    free(sd);
}

static void listeners_a(void)
{
    char name[WTS_LISTENER_NAME_LENGTH + 1] = "RDP-Tcp";
    WTSLISTENERCONFIGA config;
    BOOL have_config = FALSE;
    PSECURITY_DESCRIPTOR sd = NULL;
    BOOL ok;
    __typeof__(&WTSEnumerateListenersA) enumerate = (void *)GetProcAddress(dll, "WTSEnumerateListenersA");
    __typeof__(&WTSQueryListenerConfigA) query = (void *)GetProcAddress(dll, "WTSQueryListenerConfigA");
    __typeof__(&WTSCreateListenerA) create = (void *)GetProcAddress(dll, "WTSCreateListenerA");
    __typeof__(&WTSGetListenerSecurityA) get_security = (void *)GetProcAddress(dll, "WTSGetListenerSecurityA");
    __typeof__(&WTSSetListenerSecurityA) set_security = (void *)GetProcAddress(dll, "WTSSetListenerSecurityA");

    if (!enumerate) {
        printf("WTSEnumerateListenersA absent\n");
    } else {
        DWORD count = 0;
        SetLastError(POISON);
        ok = enumerate(WTS_CURRENT_SERVER_HANDLE, NULL, 0, NULL, &count);
        if (ok && count) {
            WTSLISTENERNAMEA *names = calloc(count, sizeof(*names));
            CALL(ok, "WTSEnumerateListenersA", names && enumerate(WTS_CURRENT_SERVER_HANDLE, NULL, 0, names, &count));
            if (ok && count)
                strncpy(name, names[0], WTS_LISTENER_NAME_LENGTH);
            free(names);
        } else {
            report("WTSEnumerateListenersA", ok, GetLastError());
        }
    }
    if (!query)
        printf("WTSQueryListenerConfigA absent\n");
    else
        CALL(have_config, "WTSQueryListenerConfigA", query(WTS_CURRENT_SERVER_HANDLE, NULL, 0, name, &config));
    if (!create)
        printf("WTSCreateListenerA absent\n");
    else if (!have_config)
        skip("WTSCreateListenerA", "no configuration read to update with (WTSQueryListenerConfigA)");
    else
        CALL(ok, "WTSCreateListenerA", create(WTS_CURRENT_SERVER_HANDLE, NULL, 0, name, &config, WTS_LISTENER_UPDATE));
    if (!get_security) {
        printf("WTSGetListenerSecurityA absent\n");
    } else {
        DWORD needed = 0;
        SetLastError(POISON);
        ok = get_security(WTS_CURRENT_SERVER_HANDLE, NULL, 0, name, DACL_SECURITY_INFORMATION, NULL, 0, &needed);
        if (!ok && GetLastError() == ERROR_INSUFFICIENT_BUFFER && needed) {
            sd = malloc(needed);
            CALL(ok, "WTSGetListenerSecurityA",
                 sd && get_security(WTS_CURRENT_SERVER_HANDLE, NULL, 0, name, DACL_SECURITY_INFORMATION, sd, needed,
                                    &needed));
            if (!ok) {
                free(sd);
                sd = NULL;
            }
        } else {
            report("WTSGetListenerSecurityA", ok, GetLastError());
        }
    }
    if (!set_security)
        printf("WTSSetListenerSecurityA absent\n");
    else if (!sd)
        skip("WTSSetListenerSecurityA", "no security descriptor read to write back (WTSGetListenerSecurityA)");
    else
        CALL(ok, "WTSSetListenerSecurityA",
             set_security(WTS_CURRENT_SERVER_HANDLE, NULL, 0, name, DACL_SECURITY_INFORMATION, sd));
    free(sd);
}

/* ---- child sessions: enabling is set to what it is (FALSE, the default,
 * where it cannot be read) -------------------------------------------- */

static void is_child_sessions_enabled(void)
{
    LOOKUP(p, WTSIsChildSessionsEnabled)
    BOOL now = FALSE, ok;
    CALL(ok, "WTSIsChildSessionsEnabled", p(&now));
    if (ok)
        g.child_sessions_enabled = now;
}

static void get_child_session_id(void)
{
    LOOKUP(p, WTSGetChildSessionId)
    ULONG child = 0;
    BOOL ok;
    CALL(ok, "WTSGetChildSessionId", p(&child));
}

/* Windows build 26100: absent from Wine 8's builtin. */
static void active_session_exists(void)
{
    LOOKUP(p, WTSActiveSessionExists)
    BOOL exists = FALSE, ok;
    CALL(ok, "WTSActiveSessionExists", p(&exists));
}

/* Entra ID authentication (build 26100): a harmless open and close; the
 * rest are given nothing to work on. */
static void cloud_auth(void)
{
    static const char *const family[] = {
        "WTSCloudAuthOpen", "WTSCloudAuthClose", "WTSCloudAuthGetServerNonce",
        "WTSCloudAuthConvertAssertionToSerializedUserCredential",
        "WTSCloudAuthDuplicateSerializedUserCredential", "WTSCloudAuthNetworkLogonWithSerializedCredential",
    };
    if (!GetProcAddress(dll, "WTSCloudAuthOpen")) { /* the family comes whole or not at all */
        for (size_t i = 0; i < ARRAYSIZE(family); i++)
            printf("%s absent\n", family[i]);
        return;
    }
    LOOKUP(open, WTSCloudAuthOpen)
    LOOKUP(close, WTSCloudAuthClose)
    LOOKUP(nonce, WTSCloudAuthGetServerNonce)
    LOOKUP(convert, WTSCloudAuthConvertAssertionToSerializedUserCredential)
    LOOKUP(duplicate, WTSCloudAuthDuplicateSerializedUserCredential)
    LOOKUP(logon, WTSCloudAuthNetworkLogonWithSerializedCredential)
    GUID activity = { 0x4f70656e, 0x5754, 0x5300, { 1, 2, 3, 4, 5, 6, 7, 8 } };
    BOOL ok;
    WTS_CLOUD_AUTH_HANDLE h = NULL;
    CALL(ok, "WTSCloudAuthOpen", (h = open(&activity)) != NULL);
    PWSTR server_nonce = NULL;
    CALL(ok, "WTSCloudAuthGetServerNonce", h && nonce(h, &server_nonce));
    WTS_SERIALIZED_USER_CREDENTIAL *cred = NULL, *dup = NULL;
    static const char assertion[] = "header.payload.signature";
    CALL(ok, "WTSCloudAuthConvertAssertionToSerializedUserCredential",
         h && convert(h, assertion, sizeof(assertion) - 1, L"resource", &cred));
    CALL(ok, "WTSCloudAuthDuplicateSerializedUserCredential", cred && duplicate(cred, &dup));
    HANDLE token = NULL;
    CALL(ok, "WTSCloudAuthNetworkLogonWithSerializedCredential", h && cred && logon(h, cred, &token));
    if (token)
        CloseHandle(token);
    /* VOID: "ok" means it returned. */
    close(h);
    report("WTSCloudAuthClose", TRUE, 0);
}

static void enable_child_sessions(void)
{
    LOOKUP(p, WTSEnableChildSessions)
    BOOL ok;
    CALL(ok, "WTSEnableChildSessions", p(g.child_sessions_enabled));
}

/* ---- remote control: of one's own session (Windows refuses to shadow
 * it, so nothing starts), with the default hotkey, CTRL+* ---------------- */

static void start_remote_control_w(void)
{
    LOOKUP(p, WTSStartRemoteControlSessionW)
    BOOL ok;
    CALL(ok, "WTSStartRemoteControlSessionW", p(g.computer, g.session, VK_MULTIPLY, REMOTECONTROL_KBDCTRL_HOTKEY));
}

static void start_remote_control_a(void)
{
    LOOKUP(p, WTSStartRemoteControlSessionA)
    BOOL ok;
    CALL(ok, "WTSStartRemoteControlSessionA", p(g.computer_a, g.session, VK_MULTIPLY, REMOTECONTROL_KBDCTRL_HOTKEY));
}

static void stop_remote_control(void)
{
    LOOKUP(p, WTSStopRemoteControlSession)
    BOOL ok;
    CALL(ok, "WTSStopRemoteControlSession", p(g.session));
}

/* ---- a video hint on our window, then cleared ------------------------- */

static void set_render_hint(void)
{
    LOOKUP(p, WTSSetRenderHint)
    if (!g.window) {
        skip("WTSSetRenderHint", "no window");
        return;
    }
    UINT64 id = 0;
    RECT area = { 0, 0, 1, 1 };
    HRESULT hr = p(&id, g.window, RENDER_HINT_VIDEO, sizeof(area), (BYTE *)&area);
    if (FAILED(hr)) {
        printf("WTSSetRenderHint fail 0x%08lx\n", (unsigned long)hr);
        return;
    }
    printf("WTSSetRenderHint ok\n");
    p(&id, g.window, RENDER_HINT_CLEAR, 0, NULL);
}

/* ---- a wait for any event, ended by WTS_EVENT_FLUSH as documented ----- */

struct waiter {
    __typeof__(&WTSWaitSystemEvent) wait;
    BOOL ok;
    DWORD err, flags;
};

static DWORD WINAPI wait_for_event(void *arg)
{
    struct waiter *w = arg;
    SetLastError(POISON);
    w->ok = w->wait(WTS_CURRENT_SERVER_HANDLE, WTS_EVENT_ALL, &w->flags);
    w->err = GetLastError();
    return 0;
}

static void wait_system_event(void)
{
    LOOKUP(p, WTSWaitSystemEvent)
    static struct waiter w; /* static: the thread may outlive this call */
    w.wait = p;
    HANDLE thread = CreateThread(NULL, 0, wait_for_event, &w, 0, NULL);
    if (!thread) {
        skip("WTSWaitSystemEvent", "could not start the waiting thread");
        return;
    }
    DWORD waited = WaitForSingleObject(thread, 500);
    for (int i = 0; i < 20 && waited == WAIT_TIMEOUT; i++) {
        DWORD flags = 0;
        p(WTS_CURRENT_SERVER_HANDLE, WTS_EVENT_FLUSH, &flags);
        waited = WaitForSingleObject(thread, 500);
    }
    if (waited == WAIT_OBJECT_0)
        report("WTSWaitSystemEvent", w.ok, w.err);
    else
        printf("WTSWaitSystemEvent fail %lu\n", (unsigned long)ERROR_TIMEOUT); /* the thread ends with us */
    CloseHandle(thread);
}

/* ---- freeing: every buffer by the function it belongs to -------------- */

static void free_memory_ex(const char *name, __typeof__(&WTSFreeMemoryExW) p, struct ex_buffer *list,
                           int *count)
{
    if (!*count) {
        skip(name, "no buffer from WTSEnumerateSessionsEx or WTSEnumerateProcessesEx");
        return;
    }
    BOOL all = TRUE;
    DWORD err = 0;
    for (int i = 0; i < *count; i++) {
        SetLastError(POISON);
        if (!p(list[i].type, list[i].memory, list[i].count) && all) {
            all = FALSE;
            err = GetLastError();
        }
    }
    *count = 0;
    report(name, all, err);
}

static void free_memory_ex_w(void)
{
    LOOKUP(p, WTSFreeMemoryExW)
    free_memory_ex("WTSFreeMemoryExW", p, g.ex_w, &g.ex_w_count);
}

static void free_memory_ex_a(void)
{
    LOOKUP(p, WTSFreeMemoryExA)
    free_memory_ex("WTSFreeMemoryExA", p, g.ex_a, &g.ex_a_count);
}

static void free_memory(void)
{
    LOOKUP(p, WTSFreeMemory)
    if (!g.plain_count) {
        skip("WTSFreeMemory", "no buffer to free");
        return;
    }
    for (int i = 0; i < g.plain_count; i++)
        p(g.plain[i]);
    g.plain_count = 0;
    printf("WTSFreeMemory ok\n"); /* it returns nothing: that it returned is all */
}

/* ---- what is not called ----------------------------------------------- */

static void not_called(const char *name, const char *reason)
{
    printf("%s not-called %s\n", name, reason);
}

static void shutdown_system(void)
{
    LOOKUP(p, WTSShutdownSystem)
    BOOL ok;
    CALL(ok, "WTSShutdownSystem", p(WTS_CURRENT_SERVER_HANDLE, WTS_WSD_LOGOFF));
}

static void logoff_session(void)
{
    LOOKUP(p, WTSLogoffSession)
    BOOL ok;
    CALL(ok, "WTSLogoffSession", p(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, FALSE));
}

/* ---- the program ------------------------------------------------------ */

/* Wine marks its builtin DLLs in the DOS header (winebuild writes "Wine
 * builtin DLL" at offset 0x40, where a mingw-built image has its DOS stub);
 * the module's file name cannot tell: Wine gives a builtin it loads in
 * place of a DLL beside the program that DLL's path. */
static BOOL is_wine_builtin(void)
{
    static const char mark[] = "Wine builtin DLL";
    return memcmp((const char *)dll + 0x40, mark, sizeof(mark) - 1) == 0;
}

static void make_window(void)
{
    WNDCLASSW wc = { .lpfnWndProc = DefWindowProcW, .hInstance = GetModuleHandleW(NULL),
                     .lpszClassName = L"OpenWTSCompareBuiltin" };
    RegisterClassW(&wc);
    /* Message-only: under Wine without a display no other window exists. */
    g.window = CreateWindowExW(0, wc.lpszClassName, L"", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL, wc.hInstance, NULL);
    if (!g.window)
        printf("# no window: error %lu\n", GetLastError());
}

static void (*const calls[])(void) = {
    open_server_w, open_server_a, open_server_ex_w, open_server_ex_a, close_server,
    enumerate_servers_w, enumerate_servers_a,
    enumerate_sessions_w, enumerate_sessions_a, enumerate_sessions_ex_w, enumerate_sessions_ex_a,
    query_session_w, query_session_a,
    disconnect_session, connect_session_w, connect_session_a, ensure_console_active,
    enumerate_processes_w, enumerate_processes_a, enumerate_processes_ex_w, enumerate_processes_ex_a,
    terminate_process, query_user_token,
    send_message_w, send_message_a,
    query_user_config_w, query_user_config_a, set_user_config_w, set_user_config_a,
    register_notification, unregister_notification, register_notification_ex, unregister_notification_ex,
    channel_open, channel_open_ex, channel_write, channel_read, channel_query,
    channel_purge_input, channel_purge_output, channel_close,
    listeners_w, listeners_a,
    is_child_sessions_enabled, get_child_session_id, enable_child_sessions,
    active_session_exists, cloud_auth,
    start_remote_control_w, start_remote_control_a, stop_remote_control,
    set_render_hint,
    wait_system_event,
    free_memory_ex_w, free_memory_ex_a, free_memory,
};

int wmain(int argc, WCHAR **argv)
{
    if (argc > 1 && !wcscmp(argv[1], IDLE_ARG)) {
        Sleep(60000); /* until WTSTerminateProcess (or we) end it */
        return 0;
    }
    BOOL destructive = argc > 1 && !wcscmp(argv[1], DESTRUCTIVE_ARG);
    setvbuf(stdout, NULL, _IONBF, 0);

    dll = LoadLibraryW(L"wtsapi32.dll");
    if (!dll) {
        printf("# cannot load wtsapi32.dll: error %lu\n", GetLastError());
        return 1;
    }
    WCHAR path[MAX_PATH];
    GetModuleFileNameW(dll, path, MAX_PATH);
    BOOL builtin = is_wine_builtin();
    printf("# module %ls (%s)\n", path, builtin ? "Wine's builtin" : "not Wine's builtin");
    if (destructive && !builtin) {
        printf("# refused: %ls is only for Wine's builtin wtsapi32\n", DESTRUCTIVE_ARG);
        return 2;
    }

    DWORD n = ARRAYSIZE(g.computer);
    GetComputerNameW(g.computer, &n);
    n = ARRAYSIZE(g.computer_a);
    GetComputerNameA(g.computer_a, &n);
    n = ARRAYSIZE(g.user);
    GetUserNameW(g.user, &n);
    n = ARRAYSIZE(g.user_a);
    GetUserNameA(g.user_a, &n);
    ProcessIdToSessionId(GetCurrentProcessId(), &g.session);
    make_window();

    for (size_t i = 0; i < ARRAYSIZE(calls); i++)
        calls[i]();

    not_called("WTSSetSessionInformationW", "undocumented; \"@ stub\" in Wine's builtin");
    not_called("WTSSetSessionInformationA", "undocumented; \"@ stub\" in Wine's builtin");
    not_called("QueryActiveSession", "undocumented, no published signature");
    not_called("QueryUserToken", "undocumented, no published signature");
    not_called("RegisterUsertokenForNoWinlogon", "undocumented, no published signature");
    if (g.window)
        DestroyWindow(g.window);
    if (destructive) {
        shutdown_system();
        logoff_session();
    } else {
        not_called("WTSShutdownSystem", "destructive: it would end the prefix's programs");
        not_called("WTSLogoffSession", "destructive: it would end the prefix's programs");
    }
    printf("# done\n");
    return 0;
}

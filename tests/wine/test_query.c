/* WTSQuerySessionInformation(W/A): every WTS_INFO_CLASS from
 * WTSInitialProgram (0) to WTSIsRemoteSession (29) for the current session,
 * the console by id and session 0, then the errors.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <lmcons.h>
#include <string.h>

#include "wine_test_util.h"

#define SENTINEL ((void *)(ULONG_PTR)0x1234)
#define SENTINEL_BYTES 77u
#define NO_SUCH_SESSION 12345u

/* ---- what a session should report ---- */

typedef struct expect {
    DWORD query_id;        /* the id passed to the call */
    DWORD id;              /* the session it names */
    const WCHAR *station;  /* WTSWinStationName */
    WCHAR user[UNLEN + 1]; /* "" where nobody is logged on */
    WCHAR domain[MAX_COMPUTERNAME_LENGTH + 1];
    WTS_CONNECTSTATE_CLASS state;
    LONG flags;            /* WTSINFOEX_LEVEL1.SessionFlags */
    BOOL console;
} expect;

/* The console: "Console", WTSActive, the caller's user, domain the computer
 * name (windows-behaviour.md "WTSQuerySessionInformation"), flags
 * WTS_SESSIONSTATE_UNLOCK while active (README "Beyond the docs"). Session 0:
 * "Services", WTSDisconnected (windows-behaviour.md "Sessions"), user and
 * domain "", WTS_SESSIONSTATE_UNKNOWN (README "Beyond the docs"). */
static void expect_session(expect *e, DWORD query_id)
{
    memset(e, 0, sizeof(*e));
    e->query_id = query_id;
    e->id = query_id == WTS_CURRENT_SESSION ? own_session_id() : query_id;
    e->console = e->id != 0;
    if (e->console) {
        DWORD n = ARRAYSIZE(e->user);
        assert_true(GetUserNameW(e->user, &n));
        n = ARRAYSIZE(e->domain);
        assert_true(GetComputerNameW(e->domain, &n));
        e->station = L"Console";
        e->state = WTSActive;
        e->flags = WTS_SESSIONSTATE_UNLOCK;
    } else {
        e->station = L"Services";
        e->state = WTSDisconnected;
        e->flags = (LONG)WTS_SESSIONSTATE_UNKNOWN;
    }
}

/* ---- calling ---- */

typedef struct result {
    void *buf;
    DWORD bytes;
    ULONGLONG before, after; /* system time around the call */
} result;

static ULONGLONG now_filetime(void)
{
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
    return ((ULONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime;
}

/* A successful query: TRUE, last error 0 (README "Beyond the docs"), a buffer. */
static void query(BOOL ansi, DWORD session, WTS_INFO_CLASS cls, result *r)
{
    memset(r, 0, sizeof(*r));
    r->bytes = SENTINEL_BYTES;
    SetLastError(0xdeadbeef);
    r->before = now_filetime();
    BOOL ok = ansi ? WTSQuerySessionInformationA(WTS_CURRENT_SERVER_HANDLE, session, cls, (LPSTR *)&r->buf, &r->bytes)
                   : WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, session, cls, (LPWSTR *)&r->buf, &r->bytes);
    DWORD err = GetLastError();
    r->after = now_filetime();
    if (!ok)
        fail_msg("WTSQuerySessionInformation%c(session %lu, class %d) failed with %lu", ansi ? 'A' : 'W',
                 session, (int)cls, err);
    assert_int_equal(err, ERROR_SUCCESS);
    assert_non_null(r->buf);
}

/* A failing query: FALSE with `err`, outputs untouched. */
static void query_fails(HANDLE server, DWORD session, WTS_INFO_CLASS cls, DWORD err)
{
    LPWSTR w = SENTINEL;
    LPSTR a = SENTINEL;
    DWORD bytes = SENTINEL_BYTES;
    assert_fails_with(WTSQuerySessionInformationW(server, session, cls, &w, &bytes), err);
    assert_ptr_equal(w, SENTINEL);
    assert_int_equal(bytes, SENTINEL_BYTES);
    assert_fails_with(WTSQuerySessionInformationA(server, session, cls, &a, &bytes), err);
    assert_ptr_equal(a, SENTINEL);
    assert_int_equal(bytes, SENTINEL_BYTES);
}

/* ---- comparing ---- */

static void assert_wide(const WCHAR *got, const WCHAR *want, BOOL ignore_case)
{
    int diff = ignore_case ? lstrcmpiW(got, want) : lstrcmpW(got, want);
    if (diff)
        fail_msg("got \"%ls\", want \"%ls\"", got, want);
}

/* An A text equals the W text of the same field in CP_ACP (README "Beyond the docs"). */
static void assert_ansi_of(const char *a, const WCHAR *w)
{
    char want[1024];
    assert_true(WideCharToMultiByte(CP_ACP, 0, w, -1, want, sizeof(want), NULL, NULL) > 0);
    assert_string_equal(a, want);
}

static ULONGLONG quad(LARGE_INTEGER li)
{
    return (ULONGLONG)li.QuadPart;
}

/* CurrentTime is the system time at the moment of the call
 * (windows-behaviour.md "WTSQuerySessionInformation", WTSSessionInfo). */
static void assert_current_time(LARGE_INTEGER t, const result *r)
{
    assert_in_range(quad(t), r->before, r->after);
}

/* ---- the classes ---- */

typedef enum kind {
    K_STRING, K_ULONG, K_USHORT, K_STATE, K_ADDRESS, K_DISPLAY, K_CLIENT, K_INFO, K_INFOEX,
    K_CONFIG, K_NOT_SUPPORTED, K_REMOTE
} kind;

/* Indexed by WTS_INFO_CLASS. Sizes: MicrosoftDocs sdk-api WTS_INFO_CLASS
 * (WTSSessionId, WTSClientBuildNumber, WTSClientHardwareId ULONG;
 * WTSClientProductId, WTSClientProtocolType USHORT; WTSIdleTime ..
 * WTSOutgoingFrames: FALSE + ERROR_NOT_SUPPORTED; WTSValidationInfo not
 * supported either; WTSSessionAddressV4 ERROR_NOT_SUPPORTED without a virtual
 * IP, which the console has not). */
static const kind kinds[WTSIsRemoteSession + 1] = {
    [WTSInitialProgram] = K_STRING,     [WTSApplicationName] = K_STRING,
    [WTSWorkingDirectory] = K_STRING,   [WTSOEMId] = K_STRING,
    [WTSSessionId] = K_ULONG,           [WTSUserName] = K_STRING,
    [WTSWinStationName] = K_STRING,     [WTSDomainName] = K_STRING,
    [WTSConnectState] = K_STATE,        [WTSClientBuildNumber] = K_ULONG,
    [WTSClientName] = K_STRING,         [WTSClientDirectory] = K_STRING,
    [WTSClientProductId] = K_USHORT,    [WTSClientHardwareId] = K_ULONG,
    [WTSClientAddress] = K_ADDRESS,     [WTSClientDisplay] = K_DISPLAY,
    [WTSClientProtocolType] = K_USHORT, [WTSIdleTime] = K_NOT_SUPPORTED,
    [WTSLogonTime] = K_NOT_SUPPORTED,   [WTSIncomingBytes] = K_NOT_SUPPORTED,
    [WTSOutgoingBytes] = K_NOT_SUPPORTED, [WTSIncomingFrames] = K_NOT_SUPPORTED,
    [WTSOutgoingFrames] = K_NOT_SUPPORTED, [WTSClientInfo] = K_CLIENT,
    [WTSSessionInfo] = K_INFO,          [WTSSessionInfoEx] = K_INFOEX,
    [WTSConfigInfo] = K_CONFIG,         [WTSValidationInfo] = K_NOT_SUPPORTED,
    [WTSSessionAddressV4] = K_NOT_SUPPORTED, [WTSIsRemoteSession] = K_REMOTE,
};

/* The text classes: user, session name and domain as `expect` says; the
 * rest are "" on the console and session 0 (OpenWTS local backend: no
 * initial program, application, working directory, OEM id, client). */
static const WCHAR *expected_text(WTS_INFO_CLASS cls, const expect *e, BOOL *ignore_case)
{
    *ignore_case = FALSE;
    switch (cls) {
    case WTSUserName:       *ignore_case = TRUE; return e->user;
    case WTSDomainName:     *ignore_case = TRUE; return e->domain;
    case WTSWinStationName: return e->station;
    default:                return L"";
    }
}

/* The byte count includes the NUL: W (len+1)*2, A len+1
 * (windows-behaviour.md "WTSQuerySessionInformation", WTSUserName). */
static void check_string(WTS_INFO_CLASS cls, const expect *e, const result *w, const result *a)
{
    BOOL icase;
    const WCHAR *want = expected_text(cls, e, &icase);
    const WCHAR *ws = w->buf;
    assert_int_equal(w->bytes, ((DWORD)lstrlenW(ws) + 1) * sizeof(WCHAR));
    assert_wide(ws, want, icase);
    const char *as = a->buf;
    assert_int_equal(a->bytes, (DWORD)strlen(as) + 1);
    assert_ansi_of(as, ws);
}

static ULONG expected_ulong(WTS_INFO_CLASS cls, const expect *e)
{
    /* Build and hardware id 0 on the console (hardware id: "will always
     * return a value of 0", WTS_INFO_CLASS docs). */
    return cls == WTSSessionId ? e->id : 0;
}

static void check_fixed(const result *w, const result *a, DWORD size)
{
    assert_int_equal(w->bytes, size);
    assert_int_equal(a->bytes, size);
    assert_memory_equal(a->buf, w->buf, size); /* no text: A and W alike */
}

/* A local session moves no bytes or frames: each counter WTSINFO and WTSINFOEX
 * level 1 share (same names in both) is 0. */
#define assert_no_traffic(s)                                \
    do {                                                    \
        assert_int_equal((s)->IncomingBytes, 0);            \
        assert_int_equal((s)->OutgoingBytes, 0);            \
        assert_int_equal((s)->IncomingFrames, 0);           \
        assert_int_equal((s)->OutgoingFrames, 0);           \
        assert_int_equal((s)->IncomingCompressedBytes, 0);  \
        assert_int_equal((s)->OutgoingCompressedBytes, 0);  \
    } while (0)

/* The A form's logon, connect and disconnect times are the W form's. */
#define assert_same_times(a, w)                                                  \
    do {                                                                         \
        assert_int_equal(quad((a)->LogonTime), quad((w)->LogonTime));            \
        assert_int_equal(quad((a)->ConnectTime), quad((w)->ConnectTime));        \
        assert_int_equal(quad((a)->DisconnectTime), quad((w)->DisconnectTime));  \
    } while (0)

/* WTSCLIENT on the console (README "Beyond the docs":
 * protocol console, client name and
 * directory "", build, product and hardware id 0, no address, display all
 * 0; OpenWTS local backend: Domain and UserName the session's). */
static void check_client(const expect *e, const result *rw, const result *ra)
{
    assert_int_equal(rw->bytes, sizeof(WTSCLIENTW));
    assert_int_equal(ra->bytes, sizeof(WTSCLIENTA));
    const WTSCLIENTW *w = rw->buf;
    const WTSCLIENTA *a = ra->buf;
    assert_wide(w->ClientName, L"", FALSE);
    assert_wide(w->Domain, e->domain, TRUE);
    assert_wide(w->UserName, e->user, TRUE);
    assert_wide(w->WorkDirectory, L"", FALSE);
    assert_wide(w->InitialProgram, L"", FALSE);
    assert_wide(w->ClientDirectory, L"", FALSE);
    assert_int_equal(w->ClientAddressFamily, 0);
    assert_int_equal(w->HRes, 0);
    assert_int_equal(w->VRes, 0);
    assert_int_equal(w->ColorDepth, 0);
    assert_int_equal(w->ClientBuildNumber, 0);
    assert_int_equal(w->ClientHardwareId, 0);
    assert_int_equal(w->ClientProductId, 0);

    assert_ansi_of(a->ClientName, w->ClientName);
    assert_ansi_of(a->Domain, w->Domain);
    assert_ansi_of(a->UserName, w->UserName);
    assert_ansi_of(a->WorkDirectory, w->WorkDirectory);
    assert_ansi_of(a->InitialProgram, w->InitialProgram);
    assert_ansi_of(a->ClientDirectory, w->ClientDirectory);
    assert_ansi_of(a->DeviceId, w->DeviceId);
    assert_int_equal(a->EncryptionLevel, w->EncryptionLevel);
    assert_int_equal(a->ClientAddressFamily, w->ClientAddressFamily);
    assert_memory_equal(a->ClientAddress, w->ClientAddress, sizeof(a->ClientAddress));
    assert_int_equal(a->HRes, w->HRes);
    assert_int_equal(a->VRes, w->VRes);
    assert_int_equal(a->ColorDepth, w->ColorDepth);
    assert_int_equal(a->ClientBuildNumber, w->ClientBuildNumber);
    assert_int_equal(a->ClientHardwareId, w->ClientHardwareId);
    assert_int_equal(a->ClientProductId, w->ClientProductId);
}

/* WTSINFO: exactly sizeof(WTSINFOW/A), state, id, counters 0 on the
 * console, names, CurrentTime now (windows-behaviour.md
 * "WTSQuerySessionInformation"); LogonTime set for the console
 * (README "Beyond the docs"). */
static void check_info(const expect *e, const result *rw, const result *ra)
{
    assert_int_equal(rw->bytes, sizeof(WTSINFOW));
    assert_int_equal(ra->bytes, sizeof(WTSINFOA));
    const WTSINFOW *w = rw->buf;
    const WTSINFOA *a = ra->buf;
    assert_int_equal(w->State, e->state);
    assert_int_equal(w->SessionId, e->id);
    assert_no_traffic(w);
    assert_wide(w->WinStationName, e->station, FALSE);
    assert_wide(w->Domain, e->domain, TRUE);
    assert_wide(w->UserName, e->user, TRUE);
    assert_current_time(w->CurrentTime, rw);
    if (e->console) {
        assert_true(quad(w->LogonTime) != 0);
        assert_true(quad(w->LogonTime) <= quad(w->CurrentTime));
    }

    assert_int_equal(a->State, w->State);
    assert_int_equal(a->SessionId, w->SessionId);
    assert_int_equal(a->IncomingBytes, w->IncomingBytes);
    assert_int_equal(a->OutgoingBytes, w->OutgoingBytes);
    assert_int_equal(a->IncomingFrames, w->IncomingFrames);
    assert_int_equal(a->OutgoingFrames, w->OutgoingFrames);
    assert_int_equal(a->IncomingCompressedBytes, w->IncomingCompressedBytes);
    assert_int_equal(a->OutgoingCompressedBy, w->OutgoingCompressedBytes);
    assert_ansi_of(a->WinStationName, w->WinStationName);
    assert_ansi_of(a->Domain, w->Domain);
    assert_ansi_of(a->UserName, w->UserName);
    assert_same_times(a, w);
    assert_current_time(a->CurrentTime, ra);
}

/* WTSINFOEX: Level 1, the only level the Data member has (MicrosoftDocs
 * sdk-api WTSINFOEX), level 1 fields as WTSINFO, SessionFlags as the README
 * "Beyond the docs" says. */
static void check_info_ex(const expect *e, const result *rw, const result *ra)
{
    assert_int_equal(rw->bytes, sizeof(WTSINFOEXW));
    assert_int_equal(ra->bytes, sizeof(WTSINFOEXA));
    const WTSINFOEXW *xw = rw->buf;
    const WTSINFOEXA *xa = ra->buf;
    assert_int_equal(xw->Level, 1);
    assert_int_equal(xa->Level, 1);
    const WTSINFOEX_LEVEL1_W *w = &xw->Data.WTSInfoExLevel1;
    const WTSINFOEX_LEVEL1_A *a = &xa->Data.WTSInfoExLevel1;
    assert_int_equal(w->SessionId, e->id);
    assert_int_equal(w->SessionState, e->state);
    assert_int_equal(w->SessionFlags, e->flags);
    assert_wide(w->WinStationName, e->station, FALSE);
    assert_wide(w->UserName, e->user, TRUE);
    assert_wide(w->DomainName, e->domain, TRUE);
    assert_current_time(w->CurrentTime, rw);
    if (e->console)
        assert_true(quad(w->LogonTime) != 0);
    assert_no_traffic(w);

    assert_int_equal(a->SessionId, w->SessionId);
    assert_int_equal(a->SessionState, w->SessionState);
    assert_int_equal(a->SessionFlags, w->SessionFlags);
    assert_ansi_of(a->WinStationName, w->WinStationName);
    assert_ansi_of(a->UserName, w->UserName);
    assert_ansi_of(a->DomainName, w->DomainName);
    assert_same_times(a, w);
    assert_current_time(a->CurrentTime, ra);
    assert_no_traffic(a);
}

/* WTSCONFIGINFO: version 1, LogonUserName the user
 * (README "Beyond the docs"); LogonDomain the
 * session's domain, no program or directory (OpenWTS local backend). */
static void check_config(const expect *e, const result *rw, const result *ra)
{
    assert_int_equal(rw->bytes, sizeof(WTSCONFIGINFOW));
    assert_int_equal(ra->bytes, sizeof(WTSCONFIGINFOA));
    const WTSCONFIGINFOW *w = rw->buf;
    const WTSCONFIGINFOA *a = ra->buf;
    assert_int_equal(w->version, 1);
    assert_wide(w->LogonUserName, e->user, TRUE);
    assert_wide(w->LogonDomain, e->domain, TRUE);
    assert_wide(w->WorkDirectory, L"", FALSE);
    assert_wide(w->InitialProgram, L"", FALSE);
    assert_wide(w->ApplicationName, L"", FALSE);

    assert_int_equal(a->version, w->version);
    assert_int_equal(a->fConnectClientDrivesAtLogon, w->fConnectClientDrivesAtLogon);
    assert_int_equal(a->fConnectPrinterAtLogon, w->fConnectPrinterAtLogon);
    assert_int_equal(a->fDisablePrinterRedirection, w->fDisablePrinterRedirection);
    assert_int_equal(a->fDisableDefaultMainClientPrinter, w->fDisableDefaultMainClientPrinter);
    assert_int_equal(a->ShadowSettings, w->ShadowSettings);
    assert_ansi_of(a->LogonUserName, w->LogonUserName);
    assert_ansi_of(a->LogonDomain, w->LogonDomain);
    assert_ansi_of(a->WorkDirectory, w->WorkDirectory);
    assert_ansi_of(a->InitialProgram, w->InitialProgram);
    assert_ansi_of(a->ApplicationName, w->ApplicationName);
}

/* One class for one session, W and A. */
static void check_class(const expect *e, WTS_INFO_CLASS cls)
{
    kind k = kinds[cls];
    if (k == K_NOT_SUPPORTED) {
        query_fails(WTS_CURRENT_SERVER_HANDLE, e->query_id, cls, ERROR_NOT_SUPPORTED);
        return;
    }
    result w, a;
    query(FALSE, e->query_id, cls, &w);
    query(TRUE, e->query_id, cls, &a);
    switch (k) {
    case K_STRING:
        check_string(cls, e, &w, &a);
        break;
    case K_ULONG:
        check_fixed(&w, &a, sizeof(ULONG));
        assert_int_equal(*(ULONG *)w.buf, expected_ulong(cls, e));
        break;
    case K_USHORT:
        /* WTSClientProtocolType 0 on the physical console
         * (windows-behaviour.md); product id 0 (README "Beyond the docs"). */
        check_fixed(&w, &a, sizeof(USHORT));
        assert_int_equal(*(USHORT *)w.buf, 0);
        break;
    case K_STATE:
        /* 4 bytes (windows-behaviour.md "WTSQuerySessionInformation"). */
        check_fixed(&w, &a, sizeof(WTS_CONNECTSTATE_CLASS));
        assert_int_equal(*(WTS_CONNECTSTATE_CLASS *)w.buf, e->state);
        break;
    case K_ADDRESS: {
        check_fixed(&w, &a, sizeof(WTS_CLIENT_ADDRESS));
        const WTS_CLIENT_ADDRESS *addr = w.buf;
        static const BYTE zero[sizeof(addr->Address)];
        assert_int_equal(addr->AddressFamily, 0); /* AF_UNSPEC: no client (README) */
        assert_memory_equal(addr->Address, zero, sizeof(zero));
        break;
    }
    case K_DISPLAY: {
        check_fixed(&w, &a, sizeof(WTS_CLIENT_DISPLAY));
        const WTS_CLIENT_DISPLAY *d = w.buf;
        assert_int_equal(d->HorizontalResolution, 0);
        assert_int_equal(d->VerticalResolution, 0);
        assert_int_equal(d->ColorDepth, 0);
        break;
    }
    case K_CLIENT:
        check_client(e, &w, &a);
        break;
    case K_INFO:
        check_info(e, &w, &a);
        break;
    case K_INFOEX:
        check_info_ex(e, &w, &a);
        break;
    case K_CONFIG:
        check_config(e, &w, &a);
        break;
    case K_REMOTE:
        /* Windows answers with one byte (a BOOLEAN), FALSE on the console:
         * Windows' own callers require pBytesReturned == 1 (e.g.
         * github.com/ddcc/rdesktop-lock IsCurrentSessionRemote), and
         * pywin32 reads one byte (github.com/mhammond/pywin32 PR #2152).
         * Value: WTS_INFO_CLASS docs. */
        if (w.bytes != sizeof(BOOLEAN) || a.bytes != sizeof(BOOLEAN))
            fail_msg("WTSIsRemoteSession returned %lu (W) / %lu (A) bytes; Windows returns 1 (BOOLEAN)",
                     w.bytes, a.bytes);
        assert_int_equal(*(BOOLEAN *)w.buf, FALSE);
        assert_int_equal(*(BOOLEAN *)a.buf, FALSE);
        break;
    case K_NOT_SUPPORTED:
        break;
    }
    WTSFreeMemory(w.buf);
    WTSFreeMemory(a.buf);
}

static void check_all_classes(DWORD query_id)
{
    expect e;
    expect_session(&e, query_id);
    /* WTSIsRemoteSession (29) has its own test below. */
    for (int cls = WTSInitialProgram; cls < WTSIsRemoteSession; cls++)
        check_class(&e, (WTS_INFO_CLASS)cls);
}

/* WTS_CURRENT_SESSION is the caller's session (MicrosoftDocs sdk-api
 * WTSQuerySessionInformation, SessionId). */
static void test_all_classes_current_session(void **state)
{
    (void)state;
    check_all_classes(WTS_CURRENT_SESSION);
}

static void test_all_classes_console_by_id(void **state)
{
    (void)state;
    check_all_classes(own_session_id());
}

static void test_all_classes_session_0(void **state)
{
    (void)state;
    check_all_classes(0);
}

/* WTSIsRemoteSession with WTS_CURRENT_SERVER_HANDLE: FALSE, one byte (see
 * K_REMOTE above), for the current session, the console and session 0. */
static void test_is_remote_session(void **state)
{
    (void)state;
    DWORD ids[] = { WTS_CURRENT_SESSION, own_session_id(), 0 };
    for (size_t i = 0; i < ARRAYSIZE(ids); i++) {
        expect e;
        expect_session(&e, ids[i]);
        check_class(&e, WTSIsRemoteSession);
    }
}

/* WTSSessionInfo.SessionId is ProcessIdToSessionId's answer and CurrentTime
 * the time of the call (windows-behaviour.md "WTSQuerySessionInformation"). */
static void test_session_info_current(void **state)
{
    (void)state;
    DWORD id = 0xffffffff;
    assert_true(ProcessIdToSessionId(GetCurrentProcessId(), &id));
    for (int ansi = 0; ansi <= 1; ansi++) {
        result r;
        query(ansi, WTS_CURRENT_SESSION, WTSSessionInfo, &r);
        const WTSINFOW *w = r.buf;
        const WTSINFOA *a = r.buf;
        assert_int_equal(ansi ? a->SessionId : w->SessionId, id);
        assert_int_equal(ansi ? a->State : w->State, WTSActive);
        assert_current_time(ansi ? a->CurrentTime : w->CurrentTime, &r);
        WTSFreeMemory(r.buf);
    }
}

/* Classes past WTSIsRemoteSession: ERROR_INVALID_PARAMETER (README "Beyond the docs").
 * 30 and 31 (WTSSessionActivityId, WTSCapabilityCheck) exist only from
 * Windows 11 23H2 / Server 2025 (MicrosoftDocs sdk-api WTS_INFO_CLASS);
 * the Windows this DLL stands for does not know them. */
static void test_bad_class(void **state)
{
    (void)state;
    WTS_INFO_CLASS bad[] = { (WTS_INFO_CLASS)30, (WTS_INFO_CLASS)1000, (WTS_INFO_CLASS)-1 };
    for (size_t i = 0; i < ARRAYSIZE(bad); i++) {
        query_fails(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, bad[i], ERROR_INVALID_PARAMETER);
        query_fails(WTS_CURRENT_SERVER_HANDLE, own_session_id(), bad[i], ERROR_INVALID_PARAMETER);
    }
}

/* ppBuffer or pBytesReturned NULL: ERROR_INVALID_USER_BUFFER, A and W,
 * *pBytesReturned untouched (windows-behaviour.md
 * "WTSQuerySessionInformation"). */
static void test_null_outputs(void **state)
{
    (void)state;
    WTS_INFO_CLASS classes[] = { WTSUserName, WTSSessionId, WTSSessionInfo };
    for (size_t i = 0; i < ARRAYSIZE(classes); i++) {
        DWORD bytes = SENTINEL_BYTES;
        LPWSTR w = SENTINEL;
        LPSTR a = SENTINEL;
        assert_fails_with(WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION,
                                                      classes[i], NULL, &bytes),
                          ERROR_INVALID_USER_BUFFER);
        assert_int_equal(bytes, SENTINEL_BYTES);
        assert_fails_with(WTSQuerySessionInformationA(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION,
                                                      classes[i], NULL, &bytes),
                          ERROR_INVALID_USER_BUFFER);
        assert_int_equal(bytes, SENTINEL_BYTES);
        assert_fails_with(WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION,
                                                      classes[i], &w, NULL),
                          ERROR_INVALID_USER_BUFFER);
        assert_ptr_equal(w, SENTINEL);
        assert_fails_with(WTSQuerySessionInformationA(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION,
                                                      classes[i], &a, NULL),
                          ERROR_INVALID_USER_BUFFER);
        assert_ptr_equal(a, SENTINEL);
        assert_fails_with(WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION,
                                                      classes[i], NULL, NULL),
                          ERROR_INVALID_USER_BUFFER);
        assert_fails_with(WTSQuerySessionInformationA(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION,
                                                      classes[i], NULL, NULL),
                          ERROR_INVALID_USER_BUFFER);
    }
}

/* A session that does not exist: ERROR_CTX_WINSTATION_NOT_FOUND (README "Beyond the docs"),
 * for a class that needs it and one that does not. */
static void test_unknown_session(void **state)
{
    (void)state;
    DWORD ids[] = { NO_SUCH_SESSION, WTS_ANY_SESSION };
    WTS_INFO_CLASS classes[] = { WTSSessionId, WTSUserName, WTSSessionInfo, WTSConfigInfo };
    for (size_t i = 0; i < ARRAYSIZE(ids); i++)
        for (size_t j = 0; j < ARRAYSIZE(classes); j++)
            query_fails(WTS_CURRENT_SERVER_HANDLE, ids[i], classes[j], ERROR_CTX_WINSTATION_NOT_FOUND);
}

/* WTSIsRemoteSession is for the local machine only, asked through
 * WTS_CURRENT_SERVER_HANDLE (MicrosoftDocs sdk-api WTS_INFO_CLASS); an opened
 * handle, even to this machine, gives ERROR_INVALID_PARAMETER (README
 * "Beyond the docs"). Other classes work on it. */
static void test_is_remote_session_needs_current_server(void **state)
{
    (void)state;
    HANDLE h = WTSOpenServerW(NULL);
    assert_non_null(h);
    query_fails(h, WTS_CURRENT_SESSION, WTSIsRemoteSession, ERROR_INVALID_PARAMETER);
    query_fails(h, own_session_id(), WTSIsRemoteSession, ERROR_INVALID_PARAMETER);

    LPWSTR buf = NULL;
    DWORD bytes = 0;
    assert_true(WTSQuerySessionInformationW(h, own_session_id(), WTSSessionId, &buf, &bytes));
    assert_int_equal(*(ULONG *)buf, own_session_id());
    WTSFreeMemory(buf);
    WTSCloseServer(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_all_classes_current_session, console_active),
        cmocka_unit_test_setup(test_all_classes_console_by_id, console_active),
        cmocka_unit_test_setup(test_all_classes_session_0, console_active),
        cmocka_unit_test_setup(test_is_remote_session, console_active),
        cmocka_unit_test_setup(test_session_info_current, console_active),
        cmocka_unit_test_setup(test_bad_class, console_active),
        cmocka_unit_test_setup(test_null_outputs, console_active),
        cmocka_unit_test_setup(test_unknown_session, console_active),
        cmocka_unit_test_setup(test_is_remote_session_needs_current_server, console_active),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

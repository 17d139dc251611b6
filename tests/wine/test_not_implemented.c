/* The exports OpenWTS does not implement yet must fail honestly: their
 * failure value (FALSE, or a NULL handle) with ERROR_CALL_NOT_IMPLEMENTED
 * (120), never a pretended success, and without writing their outputs
 * (src/dll/not_implemented.h;
 * README "Beyond the docs"). The arguments are harmless and look valid, so
 * that the failure cannot be blamed on them. Also checks that the module
 * under test is our wtsapi32.dll, not Wine's builtin.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>

#include "wine_test_util.h"

#define POISON 0xdeadbeefu
#define PTR_SENTINEL ((void *)(ULONG_PTR)0x5a5a5a5au)
#define DW_SENTINEL 0xa5a5a5a5u

/* `call` returns FALSE (or NULL) with ERROR_CALL_NOT_IMPLEMENTED, with the
 * last error poisoned first so a forgotten SetLastError shows. */
#define assert_not_implemented(call)                                   \
    do {                                                               \
        SetLastError(POISON);                                          \
        BOOL r_ = (call) ? TRUE : FALSE;                               \
        DWORD le_ = GetLastError();                                    \
        assert_false(r_);                                              \
        assert_int_equal(le_, ERROR_CALL_NOT_IMPLEMENTED);             \
    } while (0)

static void servers_and_session_info(void **state)
{
    (void)state;
    /* (WTSEnumerateServers works: tests/wine/test_transport.c.) */

    /* Setting the client name to what it is: "" (OpenWTS local backend). */
    WCHAR wname[] = L"";
    CHAR aname[] = "";
    assert_not_implemented(WTSSetSessionInformationW(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION,
                                                     WTSClientName, wname, sizeof(wname)));
    assert_not_implemented(WTSSetSessionInformationA(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION,
                                                     WTSClientName, aname, sizeof(aname)));
}


static void virtual_channels(void **state)
{
    (void)state;
    CHAR name[] = "CLIPRDR", dynamic[] = "OWTSTEST";

    assert_not_implemented(WTSVirtualChannelOpen(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, name));
    assert_not_implemented(WTSVirtualChannelOpenEx(WTS_CURRENT_SESSION, name, 0));
    assert_not_implemented(WTSVirtualChannelOpenEx(WTS_CURRENT_SESSION, dynamic,
                                                   WTS_CHANNEL_OPTION_DYNAMIC));

    /* No channel can be opened, so these get a made-up one. */
    HANDLE channel = (HANDLE)(ULONG_PTR)0x1234;
    char buf[16];
    ULONG done = DW_SENTINEL;
    memset(buf, 0x5a, sizeof(buf));
    assert_not_implemented(WTSVirtualChannelRead(channel, 0, buf, sizeof(buf), &done));
    assert_int_equal(done, DW_SENTINEL);
    for (size_t i = 0; i < sizeof(buf); i++)
        assert_int_equal((unsigned char)buf[i], 0x5a);
    assert_not_implemented(WTSVirtualChannelWrite(channel, buf, sizeof(buf), &done));
    assert_int_equal(done, DW_SENTINEL);
    assert_not_implemented(WTSVirtualChannelPurgeInput(channel));
    assert_not_implemented(WTSVirtualChannelPurgeOutput(channel));
    PVOID qbuf = PTR_SENTINEL;
    DWORD bytes = DW_SENTINEL;
    assert_not_implemented(WTSVirtualChannelQuery(channel, WTSVirtualClientData, &qbuf, &bytes));
    assert_ptr_equal(qbuf, PTR_SENTINEL);
    assert_int_equal(bytes, DW_SENTINEL);
    assert_not_implemented(WTSVirtualChannelClose(channel));
}

static void listeners(void **state)
{
    (void)state;
    WTSLISTENERNAMEW wnames[4];
    WTSLISTENERNAMEA anames[4];
    DWORD count = 4;
    memset(wnames, 0x5a, sizeof(wnames));
    memset(anames, 0x5a, sizeof(anames));

    /* NULL list: asks for the count only (docs). */
    DWORD needed = DW_SENTINEL;
    assert_not_implemented(WTSEnumerateListenersW(WTS_CURRENT_SERVER_HANDLE, NULL, 0, NULL, &needed));
    assert_int_equal(needed, DW_SENTINEL);
    assert_not_implemented(WTSEnumerateListenersW(WTS_CURRENT_SERVER_HANDLE, NULL, 0, wnames, &count));
    assert_int_equal(count, 4);
    assert_int_equal(((unsigned char *)wnames)[0], 0x5a);
    assert_not_implemented(WTSEnumerateListenersA(WTS_CURRENT_SERVER_HANDLE, NULL, 0, anames, &count));
    assert_int_equal(count, 4);
    assert_int_equal(((unsigned char *)anames)[0], 0x5a);

    WCHAR wname[] = L"RDP-Tcp";
    CHAR aname[] = "RDP-Tcp";
    WTSLISTENERCONFIGW wcfg;
    WTSLISTENERCONFIGA acfg;
    memset(&wcfg, 0x5a, sizeof(wcfg));
    memset(&acfg, 0x5a, sizeof(acfg));
    assert_not_implemented(WTSQueryListenerConfigW(WTS_CURRENT_SERVER_HANDLE, NULL, 0, wname, &wcfg));
    assert_int_equal(((unsigned char *)&wcfg)[0], 0x5a);
    assert_int_equal(((unsigned char *)&wcfg)[sizeof(wcfg) - 1], 0x5a);
    assert_not_implemented(WTSQueryListenerConfigA(WTS_CURRENT_SERVER_HANDLE, NULL, 0, aname, &acfg));
    assert_int_equal(((unsigned char *)&acfg)[0], 0x5a);
    assert_int_equal(((unsigned char *)&acfg)[sizeof(acfg) - 1], 0x5a);

    /* Flag 0 is neither WTS_LISTENER_CREATE nor _UPDATE: creates nothing. */
    WCHAR wnew[] = L"OpenWTS-Test";
    CHAR anew[] = "OpenWTS-Test";
    memset(&wcfg, 0, sizeof(wcfg));
    memset(&acfg, 0, sizeof(acfg));
    assert_not_implemented(WTSCreateListenerW(WTS_CURRENT_SERVER_HANDLE, NULL, 0, wnew, &wcfg, 0));
    assert_not_implemented(WTSCreateListenerA(WTS_CURRENT_SERVER_HANDLE, NULL, 0, anew, &acfg, 0));

    /* Security: nothing asked for, nothing set (SecurityInformation 0). */
    SECURITY_DESCRIPTOR sd;
    assert_true(InitializeSecurityDescriptor(&sd, SECURITY_DESCRIPTOR_REVISION));
    assert_not_implemented(WTSSetListenerSecurityW(WTS_CURRENT_SERVER_HANDLE, NULL, 0, wname, 0, &sd));
    assert_not_implemented(WTSSetListenerSecurityA(WTS_CURRENT_SERVER_HANDLE, NULL, 0, aname, 0, &sd));
    BYTE sdbuf[256];
    memset(sdbuf, 0x5a, sizeof(sdbuf));
    needed = DW_SENTINEL;
    assert_not_implemented(WTSGetListenerSecurityW(WTS_CURRENT_SERVER_HANDLE, NULL, 0, wname,
                                                   DACL_SECURITY_INFORMATION, sdbuf, sizeof(sdbuf),
                                                   &needed));
    assert_int_equal(needed, DW_SENTINEL);
    assert_int_equal(sdbuf[0], 0x5a);
    assert_not_implemented(WTSGetListenerSecurityA(WTS_CURRENT_SERVER_HANDLE, NULL, 0, aname,
                                                   DACL_SECURITY_INFORMATION, sdbuf, sizeof(sdbuf),
                                                   &needed));
    assert_int_equal(needed, DW_SENTINEL);
    assert_int_equal(sdbuf[0], 0x5a);
}

static void remote_control(void **state)
{
    (void)state;
    /* Shadowing a session that does not exist; stopping a shadow of ours
     * that does not run. */
    WCHAR wserver[] = L"";
    CHAR aserver[] = "";
    assert_not_implemented(WTSStartRemoteControlSessionW(wserver, 12345, VK_MULTIPLY,
                                                         REMOTECONTROL_KBDCTRL_HOTKEY));
    assert_not_implemented(WTSStartRemoteControlSessionA(aserver, 12345, VK_MULTIPLY,
                                                         REMOTECONTROL_KBDCTRL_HOTKEY));
    assert_not_implemented(WTSStopRemoteControlSession(own_session_id()));
}

/* WTSSetRenderHint returns an HRESULT: E_NOTIMPL, and the last error 120. */
static void render_hint(void **state)
{
    (void)state;
    UINT64 id = 0x5a5a5a5a5a5a5a5aull;
    SetLastError(POISON);
    HRESULT hr = WTSSetRenderHint(&id, GetDesktopWindow(), RENDER_HINT_CLEAR, 0, NULL);
    DWORD err = GetLastError();
    assert_int_equal(hr, E_NOTIMPL);
    assert_int_equal(err, ERROR_CALL_NOT_IMPLEMENTED);
    assert_true(id == 0x5a5a5a5a5a5a5a5aull);
}

/* Entra ID authentication (Windows build 26100): the handle is NULL and
 * nothing is written; closing a NULL handle does nothing. */
static void cloud_auth(void **state)
{
    (void)state;
    GUID activity = { 0x4f70656e, 0x5754, 0x5300, { 1, 2, 3, 4, 5, 6, 7, 8 } };
    SetLastError(POISON);
    WTS_CLOUD_AUTH_HANDLE h = WTSCloudAuthOpen(&activity);
    assert_null(h);
    assert_int_equal(GetLastError(), ERROR_CALL_NOT_IMPLEMENTED);
    PWSTR nonce = PTR_SENTINEL;
    assert_not_implemented(WTSCloudAuthGetServerNonce(NULL, &nonce));
    assert_ptr_equal(nonce, PTR_SENTINEL);
    WTS_SERIALIZED_USER_CREDENTIAL *cred = PTR_SENTINEL, *dup = PTR_SENTINEL;
    static const char assertion[] = "header.payload.signature";
    assert_not_implemented(WTSCloudAuthConvertAssertionToSerializedUserCredential(
        NULL, assertion, sizeof(assertion) - 1, L"resource", &cred));
    assert_ptr_equal(cred, PTR_SENTINEL);
    BYTE blob[4] = { 1, 2, 3, 4 };
    WTS_SERIALIZED_USER_CREDENTIAL in = { sizeof(blob), blob };
    assert_not_implemented(WTSCloudAuthDuplicateSerializedUserCredential(&in, &dup));
    assert_ptr_equal(dup, PTR_SENTINEL);
    HANDLE token = PTR_SENTINEL;
    assert_not_implemented(WTSCloudAuthNetworkLogonWithSerializedCredential(NULL, &in, &token));
    assert_ptr_equal(token, PTR_SENTINEL);
    WTSCloudAuthClose(NULL);
}

/* QueryActiveSession, QueryUserToken and RegisterUsertokenForNoWinlogon
 * have no published signature; ours take nothing and are cdecl. */
typedef BOOL (*undocumented_fn)(void);

static void undocumented(void **state)
{
    (void)state;
    static const char *const names[] = {
        "QueryActiveSession", "QueryUserToken", "RegisterUsertokenForNoWinlogon",
    };
    HMODULE dll = GetModuleHandleA("wtsapi32.dll");
    assert_non_null(dll);
    for (size_t i = 0; i < ARRAYSIZE(names); i++) {
        FARPROC p = GetProcAddress(dll, names[i]);
        if (!p)
            fail_msg("wtsapi32.dll does not export %s", names[i]);
        undocumented_fn fn = (undocumented_fn)(void (*)(void))p;
        assert_not_implemented(fn());
    }
}

/* Every test above is about our DLL: the one loaded is the wtsapi32.dll
 * beside this program (WINEDLLOVERRIDES=wtsapi32=n), not Wine's builtin. */
static void module_is_ours(void **state)
{
    (void)state;
    HMODULE dll = GetModuleHandleA("wtsapi32.dll");
    assert_non_null(dll);
    char loaded[MAX_PATH], expected[MAX_PATH];
    DWORD n = GetModuleFileNameA(dll, loaded, sizeof(loaded));
    assert_true(n > 0 && n < sizeof(loaded));
    program_dir(expected, sizeof(expected));
    assert_true(strlen(expected) + sizeof("wtsapi32.dll") <= sizeof(expected));
    strcat(expected, "wtsapi32.dll");
    if (lstrcmpiA(loaded, expected) != 0)
        fail_msg("wtsapi32.dll is %s, expected %s", loaded, expected);
    WCHAR wexpected[MAX_PATH];
    assert_true(MultiByteToWideChar(CP_ACP, 0, expected, -1, wexpected, MAX_PATH) > 0);
    assert_module_is_file(dll, wexpected);
    /* The module that holds an export's code is that same module. */
    HMODULE holder = NULL;
    assert_true(GetModuleHandleExA(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS |
                                       GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                                   (LPCSTR)(void *)GetProcAddress(dll, "WTSSetRenderHint"), &holder));
    assert_ptr_equal(holder, dll);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(module_is_ours),
        cmocka_unit_test(servers_and_session_info),
        cmocka_unit_test(virtual_channels),
        cmocka_unit_test(listeners),
        cmocka_unit_test(remote_control),
        cmocka_unit_test(cloud_auth),
        cmocka_unit_test(render_hint),
        cmocka_unit_test(undocumented),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

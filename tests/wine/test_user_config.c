/* WTSQueryUserConfig and WTSSetUserConfig (W and A): defaults, every class
 * set and read back, another process reading what this one set and the
 * other way round, and bad input.
 * Where the expected values come from: Microsoft's WTS_CONFIG_CLASS page
 * (which classes are numbers, strings or a WTSUSERCONFIG structure, their
 * documented values, and that WTSUserConfigfTerminalServerRemoteHomeDir
 * cannot be set), its WTSQueryUserConfig page (a NULL user gives the
 * server's default settings) and README "Beyond the docs" (the defaults,
 * the errors, where the settings are kept: the test removes them there so
 * that the prefix, shared by all tests, is left as it was found).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <string.h>

#include "wine_test_util.h"

#include <lmcons.h>
#include <sddl.h> /* after windows.h, which it needs */

#define SENTINEL_PTR   ((void *)(ULONG_PTR)0x5a5a5a5au)
#define SENTINEL_BYTES 0xa5a5a5a5u
#define CHILD_TIMEOUT_MS 30000
#define CLASSES (WTSUserConfigUser + 1)
#define CONFIG_KEY L"Software\\OpenWTS\\UserConfig\\"

static WCHAR user_w[UNLEN + 1];
static char user_a[UNLEN * 2 + 1];
static WCHAR computer_w[MAX_COMPUTERNAME_LENGTH + 1];

/* ---- what each class is, and holds by default (README "Beyond the docs") ---- */

enum kind { NUMBER, TEXT, STRUCTURE };

typedef struct class_info {
    enum kind kind;
    DWORD default_number;
    DWORD set_number;          /* a value other than the default to set */
    const WCHAR *set_text;     /* likewise for text classes */
    size_t max_chars;          /* the longest text it takes */
} class_info;

static const class_info classes[CLASSES] = {
    [WTSUserConfigInitialProgram] = { TEXT, 0, 0, L"C:\\Tools\\start.exe /quiet", MAX_PATH },
    [WTSUserConfigWorkingDirectory] = { TEXT, 0, 0, L"C:\\Work", MAX_PATH },
    [WTSUserConfigfInheritInitialProgram] = { NUMBER, 1, 0, NULL, 0 },
    [WTSUserConfigfAllowLogonTerminalServer] = { NUMBER, 1, 0, NULL, 0 },
    [WTSUserConfigTimeoutSettingsConnections] = { NUMBER, 0, 3600000, NULL, 0 },
    [WTSUserConfigTimeoutSettingsDisconnections] = { NUMBER, 0, 120000, NULL, 0 },
    [WTSUserConfigTimeoutSettingsIdle] = { NUMBER, 0, 0xFFFFFFFFu, NULL, 0 },
    [WTSUserConfigfDeviceClientDrives] = { NUMBER, 1, 0, NULL, 0 },
    [WTSUserConfigfDeviceClientPrinters] = { NUMBER, 1, 0, NULL, 0 },
    [WTSUserConfigfDeviceClientDefaultPrinter] = { NUMBER, 1, 0, NULL, 0 },
    [WTSUserConfigBrokenTimeoutSettings] = { NUMBER, 0, 1, NULL, 0 },
    [WTSUserConfigReconnectSettings] = { NUMBER, 0, 1, NULL, 0 },
    [WTSUserConfigModemCallbackSettings] = { NUMBER, 0, 2, NULL, 0 },
    [WTSUserConfigModemCallbackPhoneNumber] = { TEXT, 0, 0, L"+1 555 0100", 50 },
    [WTSUserConfigShadowingSettings] = { NUMBER, 1, 4, NULL, 0 },
    [WTSUserConfigTerminalServerProfilePath] = { TEXT, 0, 0, L"\\\\server\\profiles\\u", MAX_PATH },
    [WTSUserConfigTerminalServerHomeDir] = { TEXT, 0, 0, L"\\\\server\\home\\u", MAX_PATH },
    [WTSUserConfigTerminalServerHomeDirDrive] = { TEXT, 0, 0, L"H:", WTS_DRIVE_LENGTH },
    /* Follows the drive: 1 when one is named (WTS_CONFIG_CLASS page). */
    [WTSUserConfigfTerminalServerRemoteHomeDir] = { NUMBER, 0, 1, NULL, 0 },
    [WTSUserConfigUser] = { STRUCTURE, 0, 0, NULL, 0 },
};

static BOOL settable(int cls)
{
    return cls != WTSUserConfigfTerminalServerRemoteHomeDir;
}

/* ---- the store, for cleaning up ---- */

/* Removes what any test set for our account (README "Beyond the docs":
 * HKLM\Software\OpenWTS\UserConfig\<SID>, 64-bit view). */
static int forget_settings(void **state)
{
    (void)state;
    BYTE sid[SECURITY_MAX_SID_SIZE];
    DWORD sid_bytes = sizeof(sid);
    WCHAR domain[256];
    DWORD domain_chars = ARRAYSIZE(domain);
    SID_NAME_USE use;
    assert_true(LookupAccountNameW(NULL, user_w, sid, &sid_bytes, domain, &domain_chars, &use));
    WCHAR *text = NULL, path[512];
    assert_true(ConvertSidToStringSidW(sid, &text));
    swprintf(path, ARRAYSIZE(path), L"%ls%ls", CONFIG_KEY, text);
    LocalFree(text);
    LSTATUS st = RegDeleteKeyExW(HKEY_LOCAL_MACHINE, path, KEY_WOW64_64KEY, 0);
    assert_true(st == ERROR_SUCCESS || st == ERROR_FILE_NOT_FOUND);
    return 0;
}

static int group_setup(void **state)
{
    DWORD n = ARRAYSIZE(user_w);
    assert_true(GetUserNameW(user_w, &n));
    assert_true(WideCharToMultiByte(CP_ACP, 0, user_w, -1, user_a, sizeof(user_a), NULL, NULL) > 0);
    n = ARRAYSIZE(computer_w);
    assert_true(GetComputerNameW(computer_w, &n));
    return forget_settings(state);
}

/* ---- calls ---- */

/* A successful W query of our user: TRUE, last error 0, a buffer. */
static void *query_w(const WCHAR *server, const WCHAR *user, WTS_CONFIG_CLASS cls, DWORD *bytes)
{
    LPWSTR buf = SENTINEL_PTR;
    *bytes = SENTINEL_BYTES;
    SetLastError(0xdeadbeef);
    BOOL ok = WTSQueryUserConfigW((LPWSTR)server, (LPWSTR)user, cls, &buf, bytes);
    DWORD err = GetLastError();
    if (!ok)
        fail_msg("WTSQueryUserConfigW(class %d) failed with %lu", cls, err);
    assert_int_equal(err, ERROR_SUCCESS);
    assert_true(buf != NULL && buf != SENTINEL_PTR);
    return buf;
}

static void *query_a(const char *server, const char *user, WTS_CONFIG_CLASS cls, DWORD *bytes)
{
    LPSTR buf = SENTINEL_PTR;
    *bytes = SENTINEL_BYTES;
    SetLastError(0xdeadbeef);
    BOOL ok = WTSQueryUserConfigA((LPSTR)server, (LPSTR)user, cls, &buf, bytes);
    DWORD err = GetLastError();
    if (!ok)
        fail_msg("WTSQueryUserConfigA(class %d) failed with %lu", cls, err);
    assert_int_equal(err, ERROR_SUCCESS);
    assert_true(buf != NULL && buf != SENTINEL_PTR);
    return buf;
}

static void set_w(const WCHAR *user, WTS_CONFIG_CLASS cls, const void *data, DWORD length)
{
    SetLastError(0xdeadbeef);
    BOOL ok = WTSSetUserConfigW(NULL, (LPWSTR)user, cls, (LPWSTR)data, length);
    DWORD err = GetLastError();
    if (!ok)
        fail_msg("WTSSetUserConfigW(class %d) failed with %lu", cls, err);
    assert_int_equal(err, ERROR_SUCCESS);
}

static void set_a(const char *user, WTS_CONFIG_CLASS cls, const void *data, DWORD length)
{
    SetLastError(0xdeadbeef);
    BOOL ok = WTSSetUserConfigA(NULL, (LPSTR)user, cls, (LPSTR)data, length);
    DWORD err = GetLastError();
    if (!ok)
        fail_msg("WTSSetUserConfigA(class %d) failed with %lu", cls, err);
    assert_int_equal(err, ERROR_SUCCESS);
}

/* Number classes are a DWORD; DataLength is sizeof(DWORD) as in the
 * WTSSetUserConfig page's example. */
static void set_number_w(WTS_CONFIG_CLASS cls, DWORD n)
{
    set_w(user_w, cls, &n, sizeof(n));
}

/* Text classes: DataLength in TCHARs, the NUL included. */
static void set_text_w(WTS_CONFIG_CLASS cls, const WCHAR *s)
{
    set_w(user_w, cls, s, (DWORD)wcslen(s) + 1);
}

static DWORD number_w(WTS_CONFIG_CLASS cls)
{
    DWORD bytes;
    DWORD *p = query_w(NULL, user_w, cls, &bytes);
    assert_int_equal(bytes, sizeof(DWORD));
    DWORD n = *p;
    WTSFreeMemory(p);
    return n;
}

static DWORD number_a(WTS_CONFIG_CLASS cls)
{
    DWORD bytes;
    DWORD *p = query_a(NULL, user_a, cls, &bytes);
    assert_int_equal(bytes, sizeof(DWORD));
    DWORD n = *p;
    WTSFreeMemory(p);
    return n;
}

/* A text class's W value: the byte count includes the NUL. */
static void assert_text_w(const WCHAR *server, const WCHAR *user, WTS_CONFIG_CLASS cls, const WCHAR *expected)
{
    DWORD bytes;
    WCHAR *s = query_w(server, user, cls, &bytes);
    if (wcscmp(s, expected) != 0)
        fail_msg("class %d is \"%ls\", expected \"%ls\"", cls, s, expected);
    assert_int_equal(bytes, (wcslen(expected) + 1) * sizeof(WCHAR));
    WTSFreeMemory(s);
}

/* The A value is the W value in the ANSI code page (README "A and W"). */
static void assert_text_a(const char *user, WTS_CONFIG_CLASS cls, const WCHAR *expected_w)
{
    char expected[MAX_PATH * 2 + 1];
    assert_true(WideCharToMultiByte(CP_ACP, 0, expected_w, -1, expected, sizeof(expected), NULL, NULL) > 0);
    DWORD bytes;
    char *s = query_a(NULL, user, cls, &bytes);
    if (strcmp(s, expected) != 0)
        fail_msg("class %d (A) is \"%s\", expected \"%s\"", cls, s, expected);
    assert_int_equal(bytes, strlen(expected) + 1);
    WTSFreeMemory(s);
}

/* ---- defaults ---- */

static void expect_defaults_w(const WCHAR *user)
{
    for (int cls = 0; cls < WTSUserConfigUser; cls++) {
        if (classes[cls].kind == TEXT) {
            assert_text_w(NULL, user, cls, L"");
        } else {
            DWORD bytes;
            DWORD *p = query_w(NULL, user, cls, &bytes);
            assert_int_equal(bytes, sizeof(DWORD));
            if (*p != classes[cls].default_number)
                fail_msg("class %d is %lu by default, expected %lu", cls, *p, classes[cls].default_number);
            WTSFreeMemory(p);
        }
    }
    DWORD bytes;
    WTSUSERCONFIGW *c = query_w(NULL, user, WTSUserConfigUser, &bytes);
    assert_int_equal(bytes, sizeof(*c));
    assert_int_equal(c->Source, WTSUserConfigSourceSAM);
    assert_int_equal(c->InheritInitialProgram, 1);
    assert_int_equal(c->AllowLogonTerminalServer, 1);
    assert_int_equal(c->TimeoutSettingsConnections, 0);
    assert_int_equal(c->TimeoutSettingsDisconnections, 0);
    assert_int_equal(c->TimeoutSettingsIdle, 0);
    assert_int_equal(c->DeviceClientDrives, 1);
    assert_int_equal(c->DeviceClientPrinters, 1);
    assert_int_equal(c->ClientDefaultPrinter, 1);
    assert_int_equal(c->BrokenTimeoutSettings, 0);
    assert_int_equal(c->ReconnectSettings, 0);
    assert_int_equal(c->ShadowingSettings, 1);
    assert_int_equal(c->TerminalServerRemoteHomeDir, 0);
    assert_int_equal(c->InitialProgram[0], 0);
    assert_int_equal(c->WorkDirectory[0], 0);
    assert_int_equal(c->TerminalServerProfilePath[0], 0);
    assert_int_equal(c->TerminalServerHomeDir[0], 0);
    assert_int_equal(c->TerminalServerHomeDirDrive[0], 0);
    WTSFreeMemory(c);
}

static void defaults_w(void **state)
{
    (void)state;
    expect_defaults_w(user_w);
}

static void defaults_a(void **state)
{
    (void)state;
    for (int cls = 0; cls < WTSUserConfigUser; cls++) {
        if (classes[cls].kind == TEXT)
            assert_text_a(user_a, cls, L"");
        else
            assert_int_equal(number_a(cls), classes[cls].default_number);
    }
    DWORD bytes;
    WTSUSERCONFIGA *c = query_a(NULL, user_a, WTSUserConfigUser, &bytes);
    assert_int_equal(bytes, sizeof(*c));
    assert_int_equal(c->Source, WTSUserConfigSourceSAM);
    assert_int_equal(c->InheritInitialProgram, 1);
    assert_int_equal(c->ShadowingSettings, 1);
    assert_int_equal(c->InitialProgram[0], 0);
    assert_int_equal(c->TerminalServerHomeDirDrive[0], 0);
    WTSFreeMemory(c);
}

/* A NULL user: the server's default user settings, whatever an account set. */
static void null_user_gives_server_defaults(void **state)
{
    (void)state;
    set_number_w(WTSUserConfigShadowingSettings, 0);
    set_text_w(WTSUserConfigInitialProgram, L"C:\\x.exe");
    expect_defaults_w(NULL);
    DWORD bytes;
    char *s = query_a(NULL, NULL, WTSUserConfigInitialProgram, &bytes);
    assert_string_equal(s, "");
    assert_int_equal(bytes, 1);
    WTSFreeMemory(s);
}

/* ---- every class set and read back ---- */

static void every_class_round_trips_w(void **state)
{
    (void)state;
    for (int cls = 0; cls < WTSUserConfigUser; cls++) {
        if (!settable(cls))
            continue;
        if (classes[cls].kind == TEXT) {
            set_text_w(cls, classes[cls].set_text);
            assert_text_w(NULL, user_w, cls, classes[cls].set_text);
            assert_text_a(user_a, cls, classes[cls].set_text);
        } else {
            set_number_w(cls, classes[cls].set_number);
            assert_int_equal(number_w(cls), classes[cls].set_number);
            assert_int_equal(number_a(cls), classes[cls].set_number);
        }
    }
    /* A drive is named now: the home directory is a mapped UNC path. */
    assert_int_equal(number_w(WTSUserConfigfTerminalServerRemoteHomeDir), 1);
    set_text_w(WTSUserConfigTerminalServerHomeDirDrive, L"");
    assert_int_equal(number_w(WTSUserConfigfTerminalServerRemoteHomeDir), 0);
    /* Setting "" again after a value. */
    set_text_w(WTSUserConfigInitialProgram, L"");
    assert_text_w(NULL, user_w, WTSUserConfigInitialProgram, L"");
}

/* A values, including a character outside ASCII that the ANSI code page
 * has, read back in both forms. */
static void every_class_round_trips_a(void **state)
{
    (void)state;
    for (int cls = 0; cls < WTSUserConfigUser; cls++) {
        if (!settable(cls))
            continue;
        if (classes[cls].kind == TEXT) {
            char a[MAX_PATH * 2];
            assert_true(WideCharToMultiByte(CP_ACP, 0, classes[cls].set_text, -1, a, sizeof(a), NULL, NULL) > 0);
            set_a(user_a, cls, a, (DWORD)strlen(a) + 1);
            assert_text_a(user_a, cls, classes[cls].set_text);
            assert_text_w(NULL, user_w, cls, classes[cls].set_text);
        } else {
            DWORD n = classes[cls].set_number;
            set_a(user_a, cls, &n, sizeof(n));
            assert_int_equal(number_a(cls), n);
            assert_int_equal(number_w(cls), n);
        }
    }
    /* The A text is read in the ANSI code page: what it maps 0xE9 to in
     * UTF-16 is what the W form returns. */
    char a[] = "C:\\caf\xe9.exe";
    WCHAR w[32];
    assert_true(MultiByteToWideChar(CP_ACP, 0, a, -1, w, ARRAYSIZE(w)) > 0);
    set_a(user_a, WTSUserConfigInitialProgram, a, sizeof(a));
    assert_text_w(NULL, user_w, WTSUserConfigInitialProgram, w);
    assert_text_a(user_a, WTSUserConfigInitialProgram, w);
}

/* Text DataLength is "in TCHARs": a length without the NUL (wcslen) takes
 * that many characters, a longer one (bytes, say) stops at the NUL. */
static void text_length_in_characters(void **state)
{
    (void)state;
    const WCHAR *s = L"C:\\Program Files\\app.exe";
    set_w(user_w, WTSUserConfigInitialProgram, s, (DWORD)wcslen(s));
    assert_text_w(NULL, user_w, WTSUserConfigInitialProgram, s);
    set_w(user_w, WTSUserConfigInitialProgram, s, 4);
    assert_text_w(NULL, user_w, WTSUserConfigInitialProgram, L"C:\\P");
    set_w(user_w, WTSUserConfigWorkingDirectory, L"D:\\w", 200);
    assert_text_w(NULL, user_w, WTSUserConfigWorkingDirectory, L"D:\\w");
    set_a(user_a, WTSUserConfigWorkingDirectory, "E:\\abc", 4);
    assert_text_a(user_a, WTSUserConfigWorkingDirectory, L"E:\\a");
}

/* The longest text each class takes is accepted whole. */
static void longest_texts(void **state)
{
    (void)state;
    WCHAR s[MAX_PATH + 1];
    for (int cls = 0; cls < WTSUserConfigUser; cls++) {
        if (classes[cls].kind != TEXT)
            continue;
        size_t n = classes[cls].max_chars;
        for (size_t i = 0; i < n; i++)
            s[i] = (WCHAR)(L'a' + i % 26);
        s[n] = 0;
        set_text_w(cls, s);
        assert_text_w(NULL, user_w, cls, s);
    }
}

static void fill_structure_w(WTSUSERCONFIGW *c)
{
    memset(c, 0, sizeof(*c));
    c->Source = WTSUserConfigSourceSAM;
    c->InheritInitialProgram = 0;
    c->AllowLogonTerminalServer = 0;
    c->TimeoutSettingsConnections = 1000;
    c->TimeoutSettingsDisconnections = 2000;
    c->TimeoutSettingsIdle = 3000;
    c->DeviceClientDrives = 0;
    c->DeviceClientPrinters = 0;
    c->ClientDefaultPrinter = 0;
    c->BrokenTimeoutSettings = 1;
    c->ReconnectSettings = 1;
    c->ShadowingSettings = 3;
    c->TerminalServerRemoteHomeDir = 0; /* follows the drive, whatever is given */
    wcscpy(c->InitialProgram, L"C:\\kiosk.exe");
    wcscpy(c->WorkDirectory, L"C:\\kiosk");
    wcscpy(c->TerminalServerProfilePath, L"\\\\srv\\p");
    wcscpy(c->TerminalServerHomeDir, L"\\\\srv\\h");
    wcscpy(c->TerminalServerHomeDirDrive, L"Z:");
}

/* Each member of the structure is the class of the same name. */
static void expect_structure_classes(const WTSUSERCONFIGW *c)
{
    assert_int_equal(number_w(WTSUserConfigfInheritInitialProgram), c->InheritInitialProgram);
    assert_int_equal(number_w(WTSUserConfigfAllowLogonTerminalServer), c->AllowLogonTerminalServer);
    assert_int_equal(number_w(WTSUserConfigTimeoutSettingsConnections), c->TimeoutSettingsConnections);
    assert_int_equal(number_w(WTSUserConfigTimeoutSettingsDisconnections), c->TimeoutSettingsDisconnections);
    assert_int_equal(number_w(WTSUserConfigTimeoutSettingsIdle), c->TimeoutSettingsIdle);
    assert_int_equal(number_w(WTSUserConfigfDeviceClientDrives), c->DeviceClientDrives);
    assert_int_equal(number_w(WTSUserConfigfDeviceClientPrinters), c->DeviceClientPrinters);
    assert_int_equal(number_w(WTSUserConfigfDeviceClientDefaultPrinter), c->ClientDefaultPrinter);
    assert_int_equal(number_w(WTSUserConfigBrokenTimeoutSettings), c->BrokenTimeoutSettings);
    assert_int_equal(number_w(WTSUserConfigReconnectSettings), c->ReconnectSettings);
    assert_int_equal(number_w(WTSUserConfigShadowingSettings), c->ShadowingSettings);
    assert_text_w(NULL, user_w, WTSUserConfigInitialProgram, c->InitialProgram);
    assert_text_w(NULL, user_w, WTSUserConfigWorkingDirectory, c->WorkDirectory);
    assert_text_w(NULL, user_w, WTSUserConfigTerminalServerProfilePath, c->TerminalServerProfilePath);
    assert_text_w(NULL, user_w, WTSUserConfigTerminalServerHomeDir, c->TerminalServerHomeDir);
    assert_text_w(NULL, user_w, WTSUserConfigTerminalServerHomeDirDrive, c->TerminalServerHomeDirDrive);
}

static void structure_round_trips_w(void **state)
{
    (void)state;
    set_text_w(WTSUserConfigModemCallbackPhoneNumber, L"12345");
    WTSUSERCONFIGW in;
    fill_structure_w(&in);
    set_w(user_w, WTSUserConfigUser, &in, sizeof(in) / sizeof(WCHAR));
    expect_structure_classes(&in);
    /* Not in the structure: left as it was. */
    assert_text_w(NULL, user_w, WTSUserConfigModemCallbackPhoneNumber, L"12345");

    DWORD bytes;
    WTSUSERCONFIGW *out = query_w(NULL, user_w, WTSUserConfigUser, &bytes);
    assert_int_equal(bytes, sizeof(*out));
    in.TerminalServerRemoteHomeDir = 1; /* a drive is named */
    assert_memory_equal(out, &in, sizeof(in));
    WTSFreeMemory(out);
}

static void structure_round_trips_a(void **state)
{
    (void)state;
    WTSUSERCONFIGW w;
    fill_structure_w(&w);
    WTSUSERCONFIGA in;
    memset(&in, 0, sizeof(in));
    memcpy(&in, &w, offsetof(WTSUSERCONFIGA, InitialProgram)); /* the numbers */
    strcpy(in.InitialProgram, "C:\\kiosk.exe");
    strcpy(in.WorkDirectory, "C:\\kiosk");
    strcpy(in.TerminalServerProfilePath, "\\\\srv\\p");
    strcpy(in.TerminalServerHomeDir, "\\\\srv\\h");
    strcpy(in.TerminalServerHomeDirDrive, "Z:");
    set_a(user_a, WTSUserConfigUser, &in, sizeof(in));
    expect_structure_classes(&w);

    DWORD bytes;
    WTSUSERCONFIGA *out = query_a(NULL, user_a, WTSUserConfigUser, &bytes);
    assert_int_equal(bytes, sizeof(*out));
    in.TerminalServerRemoteHomeDir = 1;
    assert_memory_equal(out, &in, sizeof(in));
    WTSFreeMemory(out);
}

/* The account, not its spelling: the computer's name before it, or this
 * machine named as the server in any of README's ways, is the same. */
static void same_account_same_settings(void **state)
{
    (void)state;
    set_text_w(WTSUserConfigWorkingDirectory, L"C:\\same");
    WCHAR qualified[MAX_COMPUTERNAME_LENGTH + UNLEN + 2];
    swprintf(qualified, ARRAYSIZE(qualified), L"%ls\\%ls", computer_w, user_w);
    assert_text_w(NULL, qualified, WTSUserConfigWorkingDirectory, L"C:\\same");
    WCHAR unc[MAX_COMPUTERNAME_LENGTH + 3];
    swprintf(unc, ARRAYSIZE(unc), L"\\\\%ls", computer_w);
    const WCHAR *servers[] = { L"", L".", L"localhost", computer_w, unc };
    for (size_t i = 0; i < ARRAYSIZE(servers); i++)
        assert_text_w(servers[i], user_w, WTSUserConfigWorkingDirectory, L"C:\\same");
}

/* ---- another process ---- */

static void run_tool(const char *args, char *out, size_t out_size)
{
    DWORD code = run_program("user_config_tool.exe", args, out, out_size, CHILD_TIMEOUT_MS);
    if (code != 0)
        fail_msg("user_config_tool.exe %s exited with %lu: %s", args, code, out);
}

static void another_process_reads_what_we_set(void **state)
{
    (void)state;
    char args[256], out[512];
    set_text_w(WTSUserConfigTerminalServerHomeDir, L"\\\\files\\home\\x");
    set_number_w(WTSUserConfigTimeoutSettingsIdle, 654321);

    snprintf(args, sizeof(args), "get %d \"%s\"", WTSUserConfigTerminalServerHomeDir, user_a);
    run_tool(args, out, sizeof(out));
    assert_string_equal(out, "\\\\files\\home\\x\n");
    snprintf(args, sizeof(args), "get %d \"%s\"", WTSUserConfigTimeoutSettingsIdle, user_a);
    run_tool(args, out, sizeof(out));
    assert_string_equal(out, "654321\n");
}

static void we_read_what_another_process_set(void **state)
{
    (void)state;
    char args[256], out[512];
    snprintf(args, sizeof(args), "set %d \"%s\" C:\\from-tool.exe", WTSUserConfigInitialProgram, user_a);
    run_tool(args, out, sizeof(out));
    snprintf(args, sizeof(args), "set %d \"%s\" 2", WTSUserConfigModemCallbackSettings, user_a);
    run_tool(args, out, sizeof(out));
    assert_text_w(NULL, user_w, WTSUserConfigInitialProgram, L"C:\\from-tool.exe");
    assert_int_equal(number_w(WTSUserConfigModemCallbackSettings), 2);
}

/* ---- bad input: FALSE, the error, nothing written (README "Beyond the docs") ---- */

static void query_fails_w(const WCHAR *server, const WCHAR *user, WTS_CONFIG_CLASS cls, DWORD expected)
{
    LPWSTR buf = SENTINEL_PTR;
    DWORD bytes = SENTINEL_BYTES;
    assert_fails_with(WTSQueryUserConfigW((LPWSTR)server, (LPWSTR)user, cls, &buf, &bytes), expected);
    assert_ptr_equal(buf, SENTINEL_PTR);
    assert_int_equal(bytes, SENTINEL_BYTES);
}

static void query_fails_a(const char *server, const char *user, WTS_CONFIG_CLASS cls, DWORD expected)
{
    LPSTR buf = SENTINEL_PTR;
    DWORD bytes = SENTINEL_BYTES;
    assert_fails_with(WTSQueryUserConfigA((LPSTR)server, (LPSTR)user, cls, &buf, &bytes), expected);
    assert_ptr_equal(buf, SENTINEL_PTR);
    assert_int_equal(bytes, SENTINEL_BYTES);
}

static void unknown_class(void **state)
{
    (void)state;
    const int bad[] = { WTSUserConfigUser + 1, 100, -1 };
    DWORD n = 0;
    for (size_t i = 0; i < ARRAYSIZE(bad); i++) {
        query_fails_w(NULL, user_w, bad[i], ERROR_INVALID_PARAMETER);
        query_fails_a(NULL, user_a, bad[i], ERROR_INVALID_PARAMETER);
        assert_fails_with(WTSSetUserConfigW(NULL, user_w, bad[i], (LPWSTR)&n, sizeof(n)), ERROR_INVALID_PARAMETER);
        assert_fails_with(WTSSetUserConfigA(NULL, user_a, bad[i], (LPSTR)&n, sizeof(n)), ERROR_INVALID_PARAMETER);
    }
}

static void null_outputs(void **state)
{
    (void)state;
    LPWSTR wbuf = SENTINEL_PTR;
    LPSTR abuf = SENTINEL_PTR;
    DWORD bytes = SENTINEL_BYTES;
    assert_fails_with(WTSQueryUserConfigW(NULL, user_w, WTSUserConfigInitialProgram, NULL, &bytes),
                      ERROR_INVALID_PARAMETER);
    assert_int_equal(bytes, SENTINEL_BYTES);
    assert_fails_with(WTSQueryUserConfigW(NULL, user_w, WTSUserConfigInitialProgram, &wbuf, NULL),
                      ERROR_INVALID_PARAMETER);
    assert_ptr_equal(wbuf, SENTINEL_PTR);
    assert_fails_with(WTSQueryUserConfigA(NULL, user_a, WTSUserConfigUser, NULL, &bytes),
                      ERROR_INVALID_PARAMETER);
    assert_int_equal(bytes, SENTINEL_BYTES);
    assert_fails_with(WTSQueryUserConfigA(NULL, user_a, WTSUserConfigUser, &abuf, NULL),
                      ERROR_INVALID_PARAMETER);
    assert_ptr_equal(abuf, SENTINEL_PTR);
}

/* Nothing to set, or nobody to set it for. */
static void null_set_inputs(void **state)
{
    (void)state;
    DWORD n = 0;
    assert_fails_with(WTSSetUserConfigW(NULL, user_w, WTSUserConfigShadowingSettings, NULL, sizeof(n)),
                      ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSSetUserConfigA(NULL, user_a, WTSUserConfigInitialProgram, NULL, 1),
                      ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSSetUserConfigW(NULL, NULL, WTSUserConfigShadowingSettings, (LPWSTR)&n, sizeof(n)),
                      ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSSetUserConfigA(NULL, NULL, WTSUserConfigShadowingSettings, (LPSTR)&n, sizeof(n)),
                      ERROR_INVALID_PARAMETER);
    assert_int_equal(number_w(WTSUserConfigShadowingSettings), 1);
}

static void other_server(void **state)
{
    (void)state;
    DWORD n = 0;
    WCHAR wserver[] = L"\\\\openwts-no-such-server";
    CHAR aserver[] = "openwts-no-such-server";
    query_fails_w(wserver, user_w, WTSUserConfigInitialProgram, RPC_S_SERVER_UNAVAILABLE);
    query_fails_a(aserver, user_a, WTSUserConfigInitialProgram, RPC_S_SERVER_UNAVAILABLE);
    query_fails_w(wserver, NULL, WTSUserConfigInitialProgram, RPC_S_SERVER_UNAVAILABLE);
    assert_fails_with(WTSSetUserConfigW(wserver, user_w, WTSUserConfigShadowingSettings, (LPWSTR)&n, sizeof(n)),
                      RPC_S_SERVER_UNAVAILABLE);
    assert_fails_with(WTSSetUserConfigA(aserver, user_a, WTSUserConfigShadowingSettings, (LPSTR)&n, sizeof(n)),
                      RPC_S_SERVER_UNAVAILABLE);
    assert_int_equal(number_w(WTSUserConfigShadowingSettings), 1);
}

/* No such account, or an account that is not a user: a group, "" (which
 * LookupAccountName takes for a domain). */
static void unknown_user(void **state)
{
    (void)state;
    DWORD n = 0;
    const WCHAR *wusers[] = { L"openwts-no-such-user", L"Administrators", L"" };
    const char *ausers[] = { "openwts-no-such-user", "Administrators", "" };
    for (size_t i = 0; i < ARRAYSIZE(wusers); i++) {
        query_fails_w(NULL, wusers[i], WTSUserConfigInitialProgram, ERROR_NO_SUCH_USER);
        query_fails_a(NULL, ausers[i], WTSUserConfigUser, ERROR_NO_SUCH_USER);
        assert_fails_with(WTSSetUserConfigW(NULL, (LPWSTR)wusers[i], WTSUserConfigShadowingSettings,
                                            (LPWSTR)&n, sizeof(n)), ERROR_NO_SUCH_USER);
        assert_fails_with(WTSSetUserConfigA(NULL, (LPSTR)ausers[i], WTSUserConfigShadowingSettings,
                                            (LPSTR)&n, sizeof(n)), ERROR_NO_SUCH_USER);
    }
}

/* Values the class does not take; the stored value stays. */
static void bad_values(void **state)
{
    (void)state;
    /* Past the largest documented value of each enumerated class. */
    DWORD too_big[][2] = {
        { WTSUserConfigfInheritInitialProgram, 2 }, { WTSUserConfigfAllowLogonTerminalServer, 2 },
        { WTSUserConfigfDeviceClientDrives, 2 },    { WTSUserConfigfDeviceClientPrinters, 2 },
        { WTSUserConfigfDeviceClientDefaultPrinter, 2 }, { WTSUserConfigBrokenTimeoutSettings, 2 },
        { WTSUserConfigReconnectSettings, 2 },      { WTSUserConfigModemCallbackSettings, 3 },
        { WTSUserConfigShadowingSettings, 5 },
    };
    for (size_t i = 0; i < ARRAYSIZE(too_big); i++) {
        WTS_CONFIG_CLASS cls = too_big[i][0];
        assert_fails_with(WTSSetUserConfigW(NULL, user_w, cls, (LPWSTR)&too_big[i][1], sizeof(DWORD)),
                          ERROR_INVALID_PARAMETER);
        assert_fails_with(WTSSetUserConfigA(NULL, user_a, cls, (LPSTR)&too_big[i][1], sizeof(DWORD)),
                          ERROR_INVALID_PARAMETER);
        assert_int_equal(number_w(cls), classes[cls].default_number);
    }
    /* Too short to hold a DWORD: 1 TCHAR in W (2 bytes), 3 in A. */
    DWORD n = 0;
    assert_fails_with(WTSSetUserConfigW(NULL, user_w, WTSUserConfigShadowingSettings, (LPWSTR)&n, 1),
                      ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSSetUserConfigA(NULL, user_a, WTSUserConfigShadowingSettings, (LPSTR)&n, 3),
                      ERROR_INVALID_PARAMETER);
    assert_int_equal(number_w(WTSUserConfigShadowingSettings), 1);

    /* Documented as one that cannot be set. */
    n = 1;
    assert_fails_with(WTSSetUserConfigW(NULL, user_w, WTSUserConfigfTerminalServerRemoteHomeDir, (LPWSTR)&n,
                                        sizeof(n)), ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSSetUserConfigA(NULL, user_a, WTSUserConfigfTerminalServerRemoteHomeDir, (LPSTR)&n,
                                        sizeof(n)), ERROR_INVALID_PARAMETER);
    assert_int_equal(number_w(WTSUserConfigfTerminalServerRemoteHomeDir), 0);
}

static void bad_texts(void **state)
{
    (void)state;
    WCHAR w[MAX_PATH + 2];
    char a[MAX_PATH + 2];
    for (int cls = 0; cls < WTSUserConfigUser; cls++) {
        if (classes[cls].kind != TEXT)
            continue;
        /* One character longer than the class takes. */
        size_t n = classes[cls].max_chars + 1;
        for (size_t i = 0; i < n; i++) {
            w[i] = L'x';
            a[i] = 'x';
        }
        w[n] = 0;
        a[n] = 0;
        assert_fails_with(WTSSetUserConfigW(NULL, user_w, cls, w, (DWORD)n + 1), ERROR_INVALID_PARAMETER);
        assert_fails_with(WTSSetUserConfigA(NULL, user_a, cls, a, (DWORD)n + 1), ERROR_INVALID_PARAMETER);
        /* No room even for the NUL. */
        assert_fails_with(WTSSetUserConfigW(NULL, user_w, cls, w, 0), ERROR_INVALID_PARAMETER);
        assert_fails_with(WTSSetUserConfigA(NULL, user_a, cls, a, 0), ERROR_INVALID_PARAMETER);
        assert_text_w(NULL, user_w, cls, L"");
    }
}

static void bad_structures(void **state)
{
    (void)state;
    WTSUSERCONFIGW w;
    fill_structure_w(&w);
    /* Shorter than the structure. */
    assert_fails_with(WTSSetUserConfigW(NULL, user_w, WTSUserConfigUser, (LPWSTR)&w, sizeof(w) / sizeof(WCHAR) - 1),
                      ERROR_INVALID_PARAMETER);
    /* A member without its NUL. */
    for (size_t i = 0; i < ARRAYSIZE(w.InitialProgram); i++)
        w.InitialProgram[i] = L'p';
    assert_fails_with(WTSSetUserConfigW(NULL, user_w, WTSUserConfigUser, (LPWSTR)&w, sizeof(w) / sizeof(WCHAR)),
                      ERROR_INVALID_PARAMETER);
    /* A number past its values. */
    fill_structure_w(&w);
    w.ShadowingSettings = 5;
    assert_fails_with(WTSSetUserConfigW(NULL, user_w, WTSUserConfigUser, (LPWSTR)&w, sizeof(w) / sizeof(WCHAR)),
                      ERROR_INVALID_PARAMETER);

    WTSUSERCONFIGA a;
    memset(&a, 0, sizeof(a));
    assert_fails_with(WTSSetUserConfigA(NULL, user_a, WTSUserConfigUser, (LPSTR)&a, sizeof(a) - 1),
                      ERROR_INVALID_PARAMETER);
    memset(a.TerminalServerHomeDirDrive, 'D', sizeof(a.TerminalServerHomeDirDrive));
    assert_fails_with(WTSSetUserConfigA(NULL, user_a, WTSUserConfigUser, (LPSTR)&a, sizeof(a)),
                      ERROR_INVALID_PARAMETER);
    /* Nothing of the refused structures was kept. */
    expect_defaults_w(user_w);
}

/* ---- nothing left behind ---- */

#define ROUNDS 200
#define SLACK_BYTES (16 * 1024) /* allocator bookkeeping, not per-round growth */

static void one_round(void)
{
    DWORD bytes, n = 2;
    for (int cls = 0; cls < CLASSES; cls++) {
        WTSFreeMemory(query_w(NULL, user_w, cls, &bytes));
        WTSFreeMemory(query_a(NULL, user_a, cls, &bytes));
    }
    WTSFreeMemory(query_a(".", NULL, WTSUserConfigUser, &bytes));
    set_number_w(WTSUserConfigShadowingSettings, n);
    set_a(user_a, WTSUserConfigInitialProgram, "C:\\r.exe", 9);
    WTSUSERCONFIGW c;
    fill_structure_w(&c);
    set_w(user_w, WTSUserConfigUser, &c, sizeof(c) / sizeof(WCHAR));
    query_fails_w(NULL, L"openwts-no-such-user", WTSUserConfigUser, ERROR_NO_SUCH_USER);
    query_fails_a("no-such-server", user_a, WTSUserConfigInitialProgram, RPC_S_SERVER_UNAVAILABLE);
    n = 9;
    assert_fails_with(WTSSetUserConfigW(NULL, user_w, WTSUserConfigShadowingSettings, (LPWSTR)&n, sizeof(n)),
                      ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSSetUserConfigA(NULL, (LPSTR)"openwts-no-such-user", WTSUserConfigInitialProgram,
                                        (LPSTR)"x", 2), ERROR_NO_SUCH_USER);
}

/* Every path, successful or not, frees what it allocates and closes the
 * registry keys it opens: after many rounds the heap has not grown and the
 * next handle is the one it was before. */
static void no_leaks(void **state)
{
    (void)state;
    one_round(); /* one-time lookups */
    size_t heap_before = process_heap_busy_bytes();
    HANDLE next_before = next_handle_value();
    for (int i = 0; i < ROUNDS; i++)
        one_round();
    assert_true(process_heap_busy_bytes() <= heap_before + SLACK_BYTES);
    assert_ptr_equal(next_handle_value(), next_before);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, forget_settings, forget_settings)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(defaults_w),
        TEST(defaults_a),
        TEST(null_user_gives_server_defaults),
        TEST(every_class_round_trips_w),
        TEST(every_class_round_trips_a),
        TEST(text_length_in_characters),
        TEST(longest_texts),
        TEST(structure_round_trips_w),
        TEST(structure_round_trips_a),
        TEST(same_account_same_settings),
        TEST(another_process_reads_what_we_set),
        TEST(we_read_what_another_process_set),
        TEST(unknown_class),
        TEST(null_outputs),
        TEST(null_set_inputs),
        TEST(other_server),
        TEST(unknown_user),
        TEST(bad_values),
        TEST(bad_texts),
        TEST(bad_structures),
        TEST(no_leaks),
    };
    return cmocka_run_group_tests(tests, group_setup, forget_settings);
}

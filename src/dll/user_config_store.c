/* User configuration in the registry: HKLM\Software\OpenWTS\UserConfig\<SID>
 * (the 64-bit view, shared by 32- and 64-bit programs), one value per
 * class, named after it; a missing value is the class's default. Keyed by
 * the account's SID, so "bob" and "HOST\bob" are one account.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "user_config_store.h"

#include <sddl.h> /* after windows.h, which it needs */

#define CONFIG_KEY   L"Software\\OpenWTS\\UserConfig\\"
#define KEY_VIEW     KEY_WOW64_64KEY
#define SID_CHARS    192 /* a SID as text: S-1-5-21-... with 15 sub-authorities fits */

/* The names README gives this machine, as the local backend reads them:
 * NULL or "" (WTS_CURRENT_SERVER_NAME), ".", "localhost", the loopback
 * addresses and the computer name, each with or without leading
 * backslashes. */
static BOOL is_this_machine(const WCHAR *server)
{
    if (!server)
        return TRUE;
    while (*server == L'\\')
        server++;
    WCHAR computer[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD len = ARRAYSIZE(computer);
    if (!GetComputerNameW(computer, &len))
        computer[0] = 0;
    return !*server || lstrcmpiW(server, L".") == 0 || lstrcmpiW(server, L"localhost") == 0 ||
           lstrcmpW(server, L"127.0.0.1") == 0 || lstrcmpW(server, L"::1") == 0 ||
           (computer[0] && lstrcmpiW(server, computer) == 0);
}

/* The key of a user account of this machine: its SID as text. A name that
 * names no account, or a group, domain or well-known SID rather than a
 * user, is no user (README "Beyond the docs": ERROR_NO_SUCH_USER). */
static DWORD account_key(const WCHAR *user, WCHAR *key, size_t key_chars)
{
    BYTE sid[SECURITY_MAX_SID_SIZE];
    DWORD sid_bytes = sizeof(sid);
    WCHAR domain[256];
    DWORD domain_chars = ARRAYSIZE(domain);
    SID_NAME_USE use;
    if (!*user || !LookupAccountNameW(NULL, user, sid, &sid_bytes, domain, &domain_chars, &use)) {
        DWORD err = *user ? GetLastError() : ERROR_NONE_MAPPED;
        return err == ERROR_NONE_MAPPED ? ERROR_NO_SUCH_USER : err;
    }
    if (use != SidTypeUser)
        return ERROR_NO_SUCH_USER;
    WCHAR *text;
    if (!ConvertSidToStringSidW(sid, &text))
        return GetLastError();
    DWORD st = ERROR_SUCCESS;
    if ((size_t)lstrlenW(CONFIG_KEY) + lstrlenW(text) + 1 > key_chars)
        st = ERROR_INVALID_DATA;
    else {
        lstrcpyW(key, CONFIG_KEY);
        lstrcatW(key, text);
    }
    LocalFree(text);
    return st;
}

static DWORD resolve(const WCHAR *server, const WCHAR *user, WCHAR *key, size_t key_chars)
{
    if (!is_this_machine(server))
        return RPC_S_SERVER_UNAVAILABLE;
    return account_key(user, key, key_chars);
}

/* A value of the wrong type or size (edited by hand) reads as unset. */
static void read_class(HKEY k, WTS_CONFIG_CLASS cls, user_config_values *v)
{
    const user_config_class_info *c = user_config_class(cls);
    DWORD type, bytes;
    if (c->kind == USER_CONFIG_NUMBER) {
        DWORD n;
        bytes = sizeof(n);
        if (!RegQueryValueExW(k, c->value_name, NULL, &type, (BYTE *)&n, &bytes) &&
            type == REG_DWORD && bytes == sizeof(n) && n <= c->max_number)
            v->number[cls] = n;
    } else {
        WCHAR s[USER_CONFIG_TEXT_MAX + 2]; /* the longest text, its NUL, and a NUL of ours */
        bytes = sizeof(s) - sizeof(WCHAR);
        if (!RegQueryValueExW(k, c->value_name, NULL, &type, (BYTE *)s, &bytes) && type == REG_SZ) {
            s[bytes / sizeof(WCHAR)] = 0; /* a stored value need not be terminated */
            if ((DWORD)lstrlenW(s) <= c->max_chars)
                lstrcpyW(v->text[cls], s);
        }
    }
}

DWORD user_config_load(const WCHAR *server, const WCHAR *user, user_config_values *out)
{
    user_config_defaults(out);
    if (!user)
        return is_this_machine(server) ? ERROR_SUCCESS : RPC_S_SERVER_UNAVAILABLE;
    WCHAR path[ARRAYSIZE(CONFIG_KEY) + SID_CHARS];
    DWORD st = resolve(server, user, path, ARRAYSIZE(path));
    if (st)
        return st;
    HKEY k;
    st = RegOpenKeyExW(HKEY_LOCAL_MACHINE, path, 0, KEY_QUERY_VALUE | KEY_VIEW, &k);
    if (st == ERROR_FILE_NOT_FOUND)
        return ERROR_SUCCESS; /* nothing set for this account yet */
    if (st)
        return st;
    for (int cls = 0; cls < USER_CONFIG_CLASSES; cls++)
        if (user_config_class(cls)->value_name)
            read_class(k, cls, out);
    RegCloseKey(k);
    user_config_derive(out);
    return ERROR_SUCCESS;
}

static DWORD write_class(HKEY k, WTS_CONFIG_CLASS cls, const user_config_values *v)
{
    const user_config_class_info *c = user_config_class(cls);
    if (c->kind == USER_CONFIG_NUMBER)
        return RegSetValueExW(k, c->value_name, 0, REG_DWORD, (const BYTE *)&v->number[cls],
                              sizeof(DWORD));
    return RegSetValueExW(k, c->value_name, 0, REG_SZ, (const BYTE *)v->text[cls],
                          (lstrlenW(v->text[cls]) + 1) * sizeof(WCHAR));
}

/* The modem callback classes are the only stored ones the structure lacks. */
static BOOL in_user_structure(WTS_CONFIG_CLASS cls)
{
    return cls != WTSUserConfigModemCallbackSettings && cls != WTSUserConfigModemCallbackPhoneNumber;
}

DWORD user_config_save(const WCHAR *server, const WCHAR *user, WTS_CONFIG_CLASS cls,
                       const user_config_values *v)
{
    WCHAR path[ARRAYSIZE(CONFIG_KEY) + SID_CHARS];
    DWORD st = resolve(server, user, path, ARRAYSIZE(path));
    if (st)
        return st;
    HKEY k;
    st = RegCreateKeyExW(HKEY_LOCAL_MACHINE, path, 0, NULL, 0, KEY_SET_VALUE | KEY_VIEW, NULL, &k, NULL);
    if (st)
        return st;
    if (cls != WTSUserConfigUser)
        st = write_class(k, cls, v);
    else
        for (int c = 0; c < USER_CONFIG_CLASSES && !st; c++)
            if (user_config_class(c)->value_name && in_user_structure(c))
                st = write_class(k, c, v);
    RegCloseKey(k);
    return st;
}

/* User configuration: WTSQueryUserConfig, WTSSetUserConfig. The settings
 * live in this machine's registry (user_config_store.c); each export
 * validates, loads or stores, and maps the status.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "user_config_layout.h"
#include "user_config_store.h"
#include "trace.h"

/* NULL output pointers and classes outside WTS_CONFIG_CLASS:
 * ERROR_INVALID_PARAMETER, nothing written (README "Beyond the docs"). */
static BOOL query_args_valid(WTS_CONFIG_CLASS cls, const void *ppBuffer, const DWORD *pBytesReturned)
{
    return user_config_class(cls) && ppBuffer && pBytesReturned;
}

/* A user is required (the docs name no default to set), the class must be
 * one that can be set: not WTSUserConfigfTerminalServerRemoteHomeDir, which
 * "cannot be used with WTSSetUserConfig" (WTS_CONFIG_CLASS page). */
static BOOL set_args_valid(WTS_CONFIG_CLASS cls, const void *pUserName, const void *pBuffer)
{
    const user_config_class_info *c = user_config_class(cls);
    return c && c->settable && pUserName && pBuffer;
}

BOOL WINAPI WTSQueryUserConfigW(LPWSTR pServerName, LPWSTR pUserName, WTS_CONFIG_CLASS WTSConfigClass,
                                LPWSTR *ppBuffer, DWORD *pBytesReturned)
{
    TRACE("%s, %s, %d, %p, %p\n", trace_wstr(pServerName), trace_wstr(pUserName), WTSConfigClass, ppBuffer, pBytesReturned);
    if (!query_args_valid(WTSConfigClass, ppBuffer, pBytesReturned))
        return status_to_bool(ERROR_INVALID_PARAMETER);
    user_config_values v;
    DWORD st = user_config_load(pServerName, pUserName, &v);
    void *buf;
    DWORD bytes;
    if (!st)
        st = user_config_layout_w(&v, WTSConfigClass, &buf, &bytes);
    if (!st) {
        *ppBuffer = buf;
        *pBytesReturned = bytes;
    }
    return status_to_bool(st);
}

BOOL WINAPI WTSSetUserConfigW(LPWSTR pServerName, LPWSTR pUserName, WTS_CONFIG_CLASS WTSConfigClass,
                              LPWSTR pBuffer, DWORD DataLength)
{
    TRACE("%s, %s, %d, %p, %lu\n", trace_wstr(pServerName), trace_wstr(pUserName), WTSConfigClass, pBuffer, DataLength);
    if (!set_args_valid(WTSConfigClass, pUserName, pBuffer))
        return status_to_bool(ERROR_INVALID_PARAMETER);
    user_config_values v;
    DWORD st = user_config_parse_w(WTSConfigClass, pBuffer, DataLength, &v);
    if (!st)
        st = user_config_save(pServerName, pUserName, WTSConfigClass, &v);
    return status_to_bool(st);
}

/* The A forms' server and user names in UTF-16 (CP_ACP); NULL stays NULL. */
typedef struct wide_names {
    WCHAR *server, *user;
} wide_names;

static DWORD names_to_wide(const char *server, const char *user, wide_names *w)
{
    w->server = text_ansi_to_wide_alloc(server);
    w->user = text_ansi_to_wide_alloc(user);
    if ((server && !w->server) || (user && !w->user)) {
        LocalFree(w->server);
        LocalFree(w->user);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    return ERROR_SUCCESS;
}

static void names_free(wide_names *w)
{
    LocalFree(w->server);
    LocalFree(w->user);
}

BOOL WINAPI WTSQueryUserConfigA(LPSTR pServerName, LPSTR pUserName, WTS_CONFIG_CLASS WTSConfigClass,
                                LPSTR *ppBuffer, DWORD *pBytesReturned)
{
    TRACE("%s, %s, %d, %p, %p\n", trace_astr(pServerName), trace_astr(pUserName), WTSConfigClass, ppBuffer, pBytesReturned);
    if (!query_args_valid(WTSConfigClass, ppBuffer, pBytesReturned))
        return status_to_bool(ERROR_INVALID_PARAMETER);
    wide_names names;
    DWORD st = names_to_wide(pServerName, pUserName, &names);
    if (st)
        return status_to_bool(st);
    user_config_values v;
    st = user_config_load(names.server, names.user, &v);
    names_free(&names);
    void *buf;
    DWORD bytes;
    if (!st)
        st = user_config_layout_a(&v, WTSConfigClass, &buf, &bytes);
    if (!st) {
        *ppBuffer = buf;
        *pBytesReturned = bytes;
    }
    return status_to_bool(st);
}

BOOL WINAPI WTSSetUserConfigA(LPSTR pServerName, LPSTR pUserName, WTS_CONFIG_CLASS WTSConfigClass,
                              LPSTR pBuffer, DWORD DataLength)
{
    TRACE("%s, %s, %d, %p, %lu\n", trace_astr(pServerName), trace_astr(pUserName), WTSConfigClass, pBuffer, DataLength);
    if (!set_args_valid(WTSConfigClass, pUserName, pBuffer))
        return status_to_bool(ERROR_INVALID_PARAMETER);
    user_config_values v;
    DWORD st = user_config_parse_a(WTSConfigClass, pBuffer, DataLength, &v);
    if (st)
        return status_to_bool(st);
    wide_names names;
    st = names_to_wide(pServerName, pUserName, &names);
    if (st)
        return status_to_bool(st);
    st = user_config_save(names.server, names.user, WTSConfigClass, &v);
    names_free(&names);
    return status_to_bool(st);
}

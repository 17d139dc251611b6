/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <string.h>

#include <lmcons.h>

#include "calls.h"

static void(WINAPI *empty_export)(void);
static HANDLE baseline_mutex;
static DWORD own_session = 1;
static WCHAR no_password[] = L"";

static BOOL is_wine_builtin(HMODULE mod)
{
    return memcmp((const BYTE *)mod + 0x40, "Wine builtin DLL", 16) == 0;
}

#define LOOKUP(api, field, name) ((api)->field = (void *)GetProcAddress((api)->dll, name))

BOOL wts_api_load(wts_api *api, const char *label, const WCHAR *path, BOOL want_builtin)
{
    memset(api, 0, sizeof(*api));
    api->label = label;
    api->dll = LoadLibraryExW(path, NULL, LOAD_WITH_ALTERED_SEARCH_PATH);
    if (!api->dll) {
        fprintf(stderr, "wtsbench: cannot load %ls: error %lu\n", path, GetLastError());
        return FALSE;
    }
    if (is_wine_builtin(api->dll) != want_builtin) {
        fprintf(stderr, "wtsbench: %ls loaded as %s, expected %s\n", path,
                want_builtin ? "a native DLL" : "Wine's builtin",
                want_builtin ? "Wine's builtin" : "our native DLL");
        return FALSE;
    }
    api->server = WTS_CURRENT_SERVER_HANDLE;
    api->session = WTS_CURRENT_SESSION;
    LOOKUP(api, query, "WTSQuerySessionInformationW");
    LOOKUP(api, free_memory, "WTSFreeMemory");
    LOOKUP(api, free_memory_ex, "WTSFreeMemoryExW");
    LOOKUP(api, enumerate, "WTSEnumerateSessionsW");
    LOOKUP(api, enumerate_ex, "WTSEnumerateSessionsExW");
    LOOKUP(api, open, "WTSOpenServerW");
    LOOKUP(api, close, "WTSCloseServer");
    LOOKUP(api, disconnect, "WTSDisconnectSession");
    LOOKUP(api, connect, "WTSConnectSessionW");
    ProcessIdToSessionId(GetCurrentProcessId(), &own_session);
    return TRUE;
}

BOOL empty_call_load(const WCHAR *path)
{
    HMODULE dll = LoadLibraryExW(path, NULL, LOAD_WITH_ALTERED_SEARCH_PATH);
    if (dll)
        empty_export = (void *)GetProcAddress(dll, "bench_empty");
    if (!empty_export)
        fprintf(stderr, "wtsbench: no bench_empty in %ls: error %lu\n", path, GetLastError());
    /* Unowned and unnamed: a wait and a release are two wineserver round
     * trips, what taking the writers' named mutex costs. */
    baseline_mutex = CreateMutexW(NULL, FALSE, NULL);
    return empty_export && baseline_mutex;
}

/* The id a session-changing call names. */
static DWORD session_of(const wts_api *api)
{
    return api->session == WTS_CURRENT_SESSION ? own_session : api->session;
}

/* ---- baselines ---- */

void call_empty(const wts_api *api)
{
    (void)api;
    empty_export();
}

void call_process_id_to_session_id(const wts_api *api)
{
    (void)api;
    DWORD id;
    ProcessIdToSessionId(GetCurrentProcessId(), &id);
}

void call_get_user_name(const wts_api *api)
{
    (void)api;
    WCHAR name[UNLEN + 1];
    DWORD len = ARRAYSIZE(name);
    GetUserNameW(name, &len);
}

void call_local_alloc_free(const wts_api *api)
{
    (void)api;
    LocalFree(LocalAlloc(LPTR, 64));
}

void call_mutex_wait_release(const wts_api *api)
{
    (void)api;
    WaitForSingleObject(baseline_mutex, INFINITE);
    ReleaseMutex(baseline_mutex);
}

/* ---- the rows: each call with the free its result needs ---- */

static void query_free(const wts_api *api, WTS_INFO_CLASS cls)
{
    LPWSTR buf = NULL;
    DWORD bytes;
    if (api->query(api->server, api->session, cls, &buf, &bytes))
        api->free_memory(buf);
}

void call_query_user_name(const wts_api *api) { query_free(api, WTSUserName); }
void call_query_session_id(const wts_api *api) { query_free(api, WTSSessionId); }
void call_query_connect_state(const wts_api *api) { query_free(api, WTSConnectState); }
void call_query_session_info(const wts_api *api) { query_free(api, WTSSessionInfo); }

void call_enumerate(const wts_api *api)
{
    WTS_SESSION_INFOW *info = NULL;
    DWORD count;
    if (api->enumerate(api->server, 0, 1, &info, &count))
        api->free_memory(info);
}

void call_enumerate_ex(const wts_api *api)
{
    WTS_SESSION_INFO_1W *info = NULL;
    DWORD level = 1, count = 0;
    if (api->enumerate_ex(api->server, &level, 0, &info, &count))
        api->free_memory_ex(WTSTypeSessionInfoLevel1, info, count);
}

void call_open_close(const wts_api *api)
{
    api->close(api->open(NULL));
}

void call_disconnect_connect(const wts_api *api)
{
    api->disconnect(api->server, api->session, FALSE);
    api->connect(session_of(api), session_of(api), no_password, TRUE);
}

BOOL call_available(call_fn call, const wts_api *api)
{
    if (!api)
        return TRUE;
    if (call == call_enumerate)
        return api->enumerate && api->free_memory;
    if (call == call_enumerate_ex)
        return api->enumerate_ex && api->free_memory_ex;
    if (call == call_open_close)
        return api->open && api->close;
    if (call == call_disconnect_connect)
        return api->disconnect && api->connect;
    return api->query && api->free_memory;
}

/* ---- what each call answers ---- */

static void failed(char *text, size_t size, DWORD err)
{
    if (err == 0xdeadbeef) /* the poison we set: the call set no error */
        snprintf(text, size, "FALSE, no error set");
    else
        snprintf(text, size, "FALSE, error %lu", err);
}

static void answer_query(const wts_api *api, WTS_INFO_CLASS cls, char *text, size_t size)
{
    LPWSTR buf = NULL;
    DWORD bytes = 0;
    SetLastError(0xdeadbeef);
    if (!api->query(api->server, api->session, cls, &buf, &bytes)) {
        failed(text, size, GetLastError());
        return;
    }
    switch (cls) {
    case WTSUserName:
        snprintf(text, size, "TRUE, \"%ls\"", buf ? buf : L"(null)");
        break;
    case WTSSessionId:
        snprintf(text, size, "TRUE, id %lu", buf && bytes >= 4 ? *(ULONG *)buf : 0ul);
        break;
    case WTSConnectState:
        snprintf(text, size, "TRUE, state %d", buf && bytes >= 4 ? *(int *)buf : -1);
        break;
    default:
        snprintf(text, size, "TRUE, %lu bytes", bytes);
        break;
    }
    api->free_memory(buf);
}

void answer_query_user_name(const wts_api *api, char *text, size_t size)
{
    answer_query(api, WTSUserName, text, size);
}

void answer_query_session_id(const wts_api *api, char *text, size_t size)
{
    answer_query(api, WTSSessionId, text, size);
}

void answer_query_connect_state(const wts_api *api, char *text, size_t size)
{
    answer_query(api, WTSConnectState, text, size);
}

void answer_query_session_info(const wts_api *api, char *text, size_t size)
{
    answer_query(api, WTSSessionInfo, text, size);
}

void answer_enumerate(const wts_api *api, char *text, size_t size)
{
    WTS_SESSION_INFOW *info = NULL;
    DWORD count = 0;
    SetLastError(0xdeadbeef);
    if (!api->enumerate(api->server, 0, 1, &info, &count)) {
        failed(text, size, GetLastError());
        return;
    }
    snprintf(text, size, "TRUE, %lu sessions", count);
    api->free_memory(info);
}

void answer_enumerate_ex(const wts_api *api, char *text, size_t size)
{
    WTS_SESSION_INFO_1W *info = NULL;
    DWORD level = 1, count = 0;
    SetLastError(0xdeadbeef);
    if (!api->enumerate_ex(api->server, &level, 0, &info, &count)) {
        failed(text, size, GetLastError());
        return;
    }
    snprintf(text, size, "TRUE, %lu sessions", count);
    api->free_memory_ex(WTSTypeSessionInfoLevel1, info, count);
}

void answer_open_close(const wts_api *api, char *text, size_t size)
{
    SetLastError(0xdeadbeef);
    HANDLE h = api->open(NULL);
    if (!h) {
        snprintf(text, size, "NULL, error %lu", GetLastError());
        return;
    }
    snprintf(text, size, "a handle");
    api->close(h);
}

void answer_disconnect_connect(const wts_api *api, char *text, size_t size)
{
    SetLastError(0xdeadbeef);
    BOOL d = api->disconnect(api->server, api->session, FALSE);
    DWORD de = GetLastError();
    SetLastError(0xdeadbeef);
    BOOL c = api->connect(session_of(api), session_of(api), no_password, TRUE);
    DWORD ce = GetLastError();
    snprintf(text, size, "%s + %s", d ? "TRUE" : "FALSE", c ? "TRUE" : "FALSE");
    if (!d || !c)
        snprintf(text + strlen(text), size - strlen(text), " (errors %lu, %lu)", de, ce);
}

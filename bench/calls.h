/* The calls the benchmark times: one iteration of each row of the table,
 * against one implementation of wtsapi32 (Wine's builtin or ours), plus the
 * baselines. Every call is made through a pointer got by GetProcAddress, so
 * the two DLLs, loaded side by side in one process, are called alike.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef WTSBENCH_CALLS_H
#define WTSBENCH_CALLS_H

#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <wtsapi32.h>

/* A call's round trips to wtsd, as bytes on the wire (roundtrip.h), and
 * the connection to the echo server that replays them. */
#define MAX_TRIPS 4
typedef struct rtt_plan {
    int count;
    DWORD out[MAX_TRIPS], back[MAX_TRIPS];
    SOCKET s;
} rtt_plan;

/* One wtsapi32.dll, its exports looked up once. A NULL pointer is an export
 * that DLL lacks (its rows print "n/a"). */
typedef struct wts_api {
    const char *label;
    HMODULE dll;
    HANDLE server;         /* WTS_CURRENT_SERVER_HANDLE, or a handle to one wtsd */
    DWORD session;         /* the session asked about: WTS_CURRENT_SESSION, or an id of wtsd's */
    const rtt_plan *rtt;   /* call_winsock_rtt's round trips */
    BOOL(WINAPI *query)(HANDLE, DWORD, WTS_INFO_CLASS, LPWSTR *, DWORD *);
    void(WINAPI *free_memory)(PVOID);
    BOOL(WINAPI *free_memory_ex)(WTS_TYPE_CLASS, PVOID, ULONG);
    BOOL(WINAPI *enumerate)(HANDLE, DWORD, DWORD, PWTS_SESSION_INFOW *, DWORD *);
    BOOL(WINAPI *enumerate_ex)(HANDLE, DWORD *, DWORD, PWTS_SESSION_INFO_1W *, DWORD *);
    HANDLE(WINAPI *open)(LPWSTR);
    void(WINAPI *close)(HANDLE);
    BOOL(WINAPI *disconnect)(HANDLE, DWORD, BOOL);
    BOOL(WINAPI *connect)(ULONG, ULONG, PWSTR, BOOL);
} wts_api;

/* Loads the DLL at `path` (a full path: LoadLibraryExW with
 * LOAD_WITH_ALTERED_SEARCH_PATH) and looks its exports up; FALSE with a
 * message on stderr when it cannot be loaded. `want_builtin` says which
 * kind it must be: Wine marks its builtin DLLs' images ("Wine builtin DLL"
 * at offset 0x40), so a wrong load order is caught, not measured. */
BOOL wts_api_load(wts_api *api, const char *label, const WCHAR *path, BOOL want_builtin);

/* The empty export of bench_empty.dll, the cost of a call into a DLL. */
BOOL empty_call_load(const WCHAR *path);

/* One iteration of a row; `api` is NULL for the baselines. */
typedef void (*call_fn)(const wts_api *api);
/* What the call answers, once, in a few words ("TRUE, id 1",
 * "FALSE, error 120"), so the table shows which figures are canned. */
typedef void (*answer_fn)(const wts_api *api, char *text, size_t size);

void call_empty(const wts_api *api);
void call_process_id_to_session_id(const wts_api *api);
void call_get_user_name(const wts_api *api);
void call_local_alloc_free(const wts_api *api);
void call_mutex_wait_release(const wts_api *api);

void call_query_user_name(const wts_api *api);
void call_query_session_id(const wts_api *api);
void call_query_connect_state(const wts_api *api);
void call_query_session_info(const wts_api *api);
void call_enumerate(const wts_api *api);
void call_enumerate_ex(const wts_api *api);
void call_open_close(const wts_api *api);
void call_disconnect_connect(const wts_api *api);

void answer_query_user_name(const wts_api *api, char *text, size_t size);
void answer_query_session_id(const wts_api *api, char *text, size_t size);
void answer_query_connect_state(const wts_api *api, char *text, size_t size);
void answer_query_session_info(const wts_api *api, char *text, size_t size);
void answer_enumerate(const wts_api *api, char *text, size_t size);
void answer_enumerate_ex(const wts_api *api, char *text, size_t size);
void answer_open_close(const wts_api *api, char *text, size_t size);
void answer_disconnect_connect(const wts_api *api, char *text, size_t size);

/* Whether `api` has every export `call` needs. */
BOOL call_available(call_fn call, const wts_api *api);

#endif

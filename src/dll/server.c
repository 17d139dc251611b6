/* Server handles: WTSOpenServer(Ex), WTSCloseServer (WTSEnumerateServers is
 * in stubs.c).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "trace.h"

/* Like Windows, opening does not contact the server: a name that cannot be
 * reached still gives a handle, and calls on it fail with
 * RPC_S_SERVER_UNAVAILABLE. NULL or "" names this machine. */
HANDLE WINAPI WTSOpenServerW(LPWSTR pServerName)
{
    TRACE("%s\n", trace_wstr(pServerName));
    if (!pServerName || !*pServerName)
        return server_handle_open(""); /* this machine, nothing to convert */
    char name[257];
    text_from_wide(pServerName, name, sizeof(name));
    return server_handle_open(name);
}

HANDLE WINAPI WTSOpenServerA(LPSTR pServerName)
{
    TRACE("%s\n", trace_astr(pServerName));
    WCHAR *wide = text_ansi_to_wide_alloc(pServerName);
    if (pServerName && !wide) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    HANDLE h = WTSOpenServerW(wide);
    DWORD err = GetLastError();
    LocalFree(wide);
    SetLastError(err);
    return h;
}

/* The Ex form also reaches RD Virtualization Hosts; for our backends a
 * server is a server. */
HANDLE WINAPI WTSOpenServerExW(LPWSTR pServerName)
{
    TRACE("%s\n", trace_wstr(pServerName));
    return WTSOpenServerW(pServerName);
}

HANDLE WINAPI WTSOpenServerExA(LPSTR pServerName)
{
    TRACE("%s\n", trace_astr(pServerName));
    return WTSOpenServerA(pServerName);
}

/* Nothing to report: closing WTS_CURRENT_SERVER_HANDLE, a closed or a
 * made-up handle does nothing. */
void WINAPI WTSCloseServer(HANDLE hServer)
{
    TRACE("%p\n", hServer);
    server_handle_close(hServer);
}

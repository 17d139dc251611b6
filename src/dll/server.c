/* Server handles: WTSOpenServer(Ex), WTSCloseServer, WTSEnumerateServers.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "not_implemented.h"

/* Like Windows, opening does not contact the server: a name that cannot be
 * reached still gives a handle, and calls on it fail with
 * RPC_S_SERVER_UNAVAILABLE. NULL or "" names this machine. */
HANDLE WINAPI WTSOpenServerW(LPWSTR pServerName)
{
    char name[257];
    text_from_wide(pServerName, name, sizeof(name));
    return server_handle_open(name);
}

HANDLE WINAPI WTSOpenServerA(LPSTR pServerName)
{
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
    return WTSOpenServerW(pServerName);
}

HANDLE WINAPI WTSOpenServerExA(LPSTR pServerName)
{
    return WTSOpenServerA(pServerName);
}

/* Nothing to report: closing WTS_CURRENT_SERVER_HANDLE, a closed or a
 * made-up handle does nothing. */
void WINAPI WTSCloseServer(HANDLE hServer)
{
    server_handle_close(hServer);
}

BOOL WINAPI WTSEnumerateServersW(LPWSTR pDomainName, DWORD Reserved, DWORD Version,
                                 PWTS_SERVER_INFOW *ppServerInfo, DWORD *pCount)
{
    (void)pDomainName; (void)Reserved; (void)Version; (void)ppServerInfo; (void)pCount;
    return not_implemented();
}

BOOL WINAPI WTSEnumerateServersA(LPSTR pDomainName, DWORD Reserved, DWORD Version,
                                 PWTS_SERVER_INFOA *ppServerInfo, DWORD *pCount)
{
    (void)pDomainName; (void)Reserved; (void)Version; (void)ppServerInfo; (void)pCount;
    return not_implemented();
}

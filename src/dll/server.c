/* Servers: WTSOpenServer(Ex), WTSCloseServer, WTSEnumerateServers.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "trace.h"

/* Like Windows, opening does not contact the server: a name that cannot be
 * reached still gives a handle, and calls on it fail with
 * RPC_S_SERVER_UNAVAILABLE. NULL or "" names this machine. */
HANDLE WINAPI WTSOpenServerW(LPWSTR pServerName)
{
    TRACE("%s\n", trace_wstr(pServerName));
    return server_handle_open(pServerName);
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

/* The servers this machine is configured to reach (server_binding.h): each
 * alias of HKLM\Software\OpenWTS\Servers by its name, then the default
 * server's name when it is a socket no alias names. There is no directory
 * of Remote Desktop servers to ask, so pDomainName is not read: the list
 * is the same for every domain. One block, freed by WTSFreeMemory, even
 * when it is empty. */
BOOL WINAPI WTSEnumerateServersW(LPWSTR pDomainName, DWORD Reserved, DWORD Version,
                                 PWTS_SERVER_INFOW *ppServerInfo, DWORD *pCount)
{
    TRACE("%s, %#lx, %#lx, %p, %p\n", trace_wstr(pDomainName), Reserved, Version, ppServerInfo, pCount);
    /* "must be 0" and "must be 1" (MicrosoftDocs sdk-api WTSEnumerateServersW);
     * the error is the one the other enumerations give for the same. */
    if (Reserved != 0 || Version != 1 || !ppServerInfo || !pCount)
        return status_to_bool(ERROR_INVALID_PARAMETER);
    const WCHAR *const *names;
    size_t count = server_config_names(&names), chars = 0;
    for (size_t i = 0; i < count; i++)
        chars += (size_t)lstrlenW(names[i]) + 1;
    out_block b;
    if (!out_block_alloc(&b, count * sizeof(WTS_SERVER_INFOW), chars * sizeof(WCHAR)))
        return status_to_bool(ERROR_NOT_ENOUGH_MEMORY);
    WTS_SERVER_INFOW *info = (WTS_SERVER_INFOW *)b.base;
    for (size_t i = 0; i < count; i++) {
        size_t bytes = ((size_t)lstrlenW(names[i]) + 1) * sizeof(WCHAR);
        info[i].pServerName = (WCHAR *)(b.base + b.next);
        memcpy(info[i].pServerName, names[i], bytes);
        b.next += bytes;
    }
    *ppServerInfo = info;
    *pCount = (DWORD)count;
    return status_to_bool(ERROR_SUCCESS);
}

BOOL WINAPI WTSEnumerateServersA(LPSTR pDomainName, DWORD Reserved, DWORD Version,
                                 PWTS_SERVER_INFOA *ppServerInfo, DWORD *pCount)
{
    TRACE("%s, %#lx, %#lx, %p, %p\n", trace_astr(pDomainName), Reserved, Version, ppServerInfo, pCount);
    if (!ppServerInfo || !pCount)
        return status_to_bool(ERROR_INVALID_PARAMETER);
    WTS_SERVER_INFOW *w;
    DWORD count;
    if (!WTSEnumerateServersW(NULL, Reserved, Version, &w, &count))
        return FALSE;
    size_t bytes = 0;
    for (DWORD i = 0; i < count; i++)
        bytes += text_wide_to_ansi(w[i].pServerName, NULL, 0);
    out_block b;
    if (!out_block_alloc(&b, count * sizeof(WTS_SERVER_INFOA), bytes)) {
        out_free(w);
        return status_to_bool(ERROR_NOT_ENOUGH_MEMORY);
    }
    WTS_SERVER_INFOA *a = (WTS_SERVER_INFOA *)b.base;
    for (DWORD i = 0; i < count; i++)
        a[i].pServerName = out_block_put_ansi(&b, w[i].pServerName);
    out_free(w);
    *ppServerInfo = a;
    *pCount = count;
    return status_to_bool(ERROR_SUCCESS);
}

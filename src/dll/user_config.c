/* User configuration: WTSQueryUserConfig, WTSSetUserConfig. Not
 * implemented yet (their own issue).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "not_implemented.h"

BOOL WINAPI WTSQueryUserConfigW(LPWSTR pServerName, LPWSTR pUserName, WTS_CONFIG_CLASS WTSConfigClass,
                                LPWSTR *ppBuffer, DWORD *pBytesReturned)
{
    (void)pServerName; (void)pUserName; (void)WTSConfigClass; (void)ppBuffer; (void)pBytesReturned;
    return not_implemented();
}

BOOL WINAPI WTSQueryUserConfigA(LPSTR pServerName, LPSTR pUserName, WTS_CONFIG_CLASS WTSConfigClass,
                                LPSTR *ppBuffer, DWORD *pBytesReturned)
{
    (void)pServerName; (void)pUserName; (void)WTSConfigClass; (void)ppBuffer; (void)pBytesReturned;
    return not_implemented();
}

BOOL WINAPI WTSSetUserConfigW(LPWSTR pServerName, LPWSTR pUserName, WTS_CONFIG_CLASS WTSConfigClass,
                              LPWSTR pBuffer, DWORD DataLength)
{
    (void)pServerName; (void)pUserName; (void)WTSConfigClass; (void)pBuffer; (void)DataLength;
    return not_implemented();
}

BOOL WINAPI WTSSetUserConfigA(LPSTR pServerName, LPSTR pUserName, WTS_CONFIG_CLASS WTSConfigClass,
                              LPSTR pBuffer, DWORD DataLength)
{
    (void)pServerName; (void)pUserName; (void)WTSConfigClass; (void)pBuffer; (void)DataLength;
    return not_implemented();
}

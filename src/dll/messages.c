/* Messages: WTSSendMessage. Not implemented yet (its own issue).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "not_implemented.h"

BOOL WINAPI WTSSendMessageW(HANDLE hServer, DWORD SessionId, LPWSTR pTitle, DWORD TitleLength,
                            LPWSTR pMessage, DWORD MessageLength, DWORD Style, DWORD Timeout,
                            DWORD *pResponse, BOOL bWait)
{
    (void)hServer; (void)SessionId; (void)pTitle; (void)TitleLength; (void)pMessage;
    (void)MessageLength; (void)Style; (void)Timeout; (void)pResponse; (void)bWait;
    return not_implemented();
}

BOOL WINAPI WTSSendMessageA(HANDLE hServer, DWORD SessionId, LPSTR pTitle, DWORD TitleLength,
                            LPSTR pMessage, DWORD MessageLength, DWORD Style, DWORD Timeout,
                            DWORD *pResponse, BOOL bWait)
{
    (void)hServer; (void)SessionId; (void)pTitle; (void)TitleLength; (void)pMessage;
    (void)MessageLength; (void)Style; (void)Timeout; (void)pResponse; (void)bWait;
    return not_implemented();
}

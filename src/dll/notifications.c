/* Session change notifications: WTS(Un)RegisterSessionNotification(Ex).
 * Not implemented yet (their own issue).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "not_implemented.h"

BOOL WINAPI WTSRegisterSessionNotification(HWND hWnd, DWORD dwFlags)
{
    (void)hWnd; (void)dwFlags;
    return not_implemented();
}

BOOL WINAPI WTSUnRegisterSessionNotification(HWND hWnd)
{
    (void)hWnd;
    return not_implemented();
}

BOOL WINAPI WTSRegisterSessionNotificationEx(HANDLE hServer, HWND hWnd, DWORD dwFlags)
{
    (void)hServer; (void)hWnd; (void)dwFlags;
    return not_implemented();
}

BOOL WINAPI WTSUnRegisterSessionNotificationEx(HANDLE hServer, HWND hWnd)
{
    (void)hServer; (void)hWnd;
    return not_implemented();
}

/* Session change notifications: WTS(Un)RegisterSessionNotification(Ex).
 * Registering records the window (notification_registry.c); delivering
 * WM_WTSSESSION_CHANGE to it is not done yet (its own issue), so a
 * registered window receives nothing for now. Each export: validate, call,
 * map status.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "notification_registry.h"
#include "trace.h"

typedef BOOL(WINAPI *is_window_fn)(HWND);

/* user32 is loaded only by programs that have windows; the check is made
 * with the program's own copy, found when first needed. */
static BOOL window_exists(HWND hwnd)
{
    static is_window_fn is_window;
    if (!is_window) {
        HMODULE user32 = LoadLibraryW(L"user32.dll");
        if (!user32)
            return FALSE;
        is_window = (is_window_fn)(void (*)(void))GetProcAddress(user32, "IsWindow");
        if (!is_window)
            return FALSE;
    }
    return hwnd && is_window(hwnd);
}

static DWORD register_window(HANDLE hServer, HWND hWnd, DWORD dwFlags)
{
    if (dwFlags != NOTIFY_FOR_THIS_SESSION && dwFlags != NOTIFY_FOR_ALL_SESSIONS)
        return ERROR_INVALID_PARAMETER;
    if (!window_exists(hWnd))
        return ERROR_INVALID_WINDOW_HANDLE;
    server *srv;
    DWORD st = server_handle_resolve(hServer, &srv);
    if (st)
        return st;
    st = notification_register(srv, hWnd, dwFlags);
    server_release(srv);
    return st;
}

static DWORD unregister_window(HANDLE hServer, HWND hWnd)
{
    server *srv;
    DWORD st = server_handle_resolve(hServer, &srv);
    if (st)
        return st;
    st = notification_unregister(srv, hWnd);
    server_release(srv);
    return st;
}

BOOL WINAPI WTSRegisterSessionNotification(HWND hWnd, DWORD dwFlags)
{
    TRACE("%p, %#lx\n", hWnd, dwFlags);
    return status_to_bool(register_window(WTS_CURRENT_SERVER_HANDLE, hWnd, dwFlags));
}

BOOL WINAPI WTSUnRegisterSessionNotification(HWND hWnd)
{
    TRACE("%p\n", hWnd);
    return status_to_bool(unregister_window(WTS_CURRENT_SERVER_HANDLE, hWnd));
}

BOOL WINAPI WTSRegisterSessionNotificationEx(HANDLE hServer, HWND hWnd, DWORD dwFlags)
{
    TRACE("%p, %p, %#lx\n", hServer, hWnd, dwFlags);
    return status_to_bool(register_window(hServer, hWnd, dwFlags));
}

BOOL WINAPI WTSUnRegisterSessionNotificationEx(HANDLE hServer, HWND hWnd)
{
    TRACE("%p, %p\n", hServer, hWnd);
    return status_to_bool(unregister_window(hServer, hWnd));
}

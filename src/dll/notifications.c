/* Session change notifications: WTS(Un)RegisterSessionNotification(Ex).
 * Registering records the window (notification_registry.c) and makes sure
 * this process watches the server's events (event_watcher.c); the watcher
 * posts WM_WTSSESSION_CHANGE to it (notification_delivery.c). Each export:
 * validate, call, map status.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "event_watcher.h"
#include "frontend.h"
#include "notification_registry.h"
#include "trace.h"
#include "window_calls.h"

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
    /* Watching first: once registered, the window misses nothing. A
     * server that cannot be reached fails here, as its other calls do. */
    event_source *source;
    uint32_t own_session;
    st = event_source_for(srv, &source, &own_session);
    if (!st)
        st = event_watcher_watch(source);
    if (!st)
        st = notification_register(srv, hWnd, dwFlags, source, own_session);
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

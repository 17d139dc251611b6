/* Another program of the prefix that listens: it registers a message-only
 * window for session changes and reports what the window received.
 *   notify_listener.exe FLAGS COUNT TIMEOUT_MS
 * FLAGS is 0 (NOTIFY_FOR_THIS_SESSION) or 1 (NOTIFY_FOR_ALL_SESSIONS). It
 * prints "ready" once registered, then one line "CODE SESSION" (wParam and
 * lParam of WM_WTSSESSION_CHANGE) per message, until COUNT have come or
 * TIMEOUT_MS have passed since "ready", and unregisters. Exit code 0, or 1
 * when registering or unregistering fails.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <windows.h>
#include <wtsapi32.h>

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc < 4)
        return 2;
    DWORD flags = strtoul(argv[1], NULL, 10);
    unsigned long count = strtoul(argv[2], NULL, 10);
    DWORD timeout = strtoul(argv[3], NULL, 10);
    HWND hwnd = CreateWindowExA(0, "STATIC", "notify-listener", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL,
                                GetModuleHandleA(NULL), NULL);
    if (!hwnd || !WTSRegisterSessionNotification(hwnd, flags)) {
        fprintf(stderr, "notify_listener: cannot register: %lu\n", GetLastError());
        return 1;
    }
    printf("ready\n");
    fflush(stdout);
    ULONGLONG end = GetTickCount64() + timeout;
    unsigned long got = 0;
    while (got < count) {
        MSG msg;
        while (got < count && PeekMessageW(&msg, hwnd, WM_WTSSESSION_CHANGE, WM_WTSSESSION_CHANGE, PM_REMOVE)) {
            printf("%lu %lu\n", (unsigned long)msg.wParam, (unsigned long)msg.lParam);
            got++;
        }
        ULONGLONG now = GetTickCount64();
        if (got == count || now >= end)
            break;
        MsgWaitForMultipleObjects(0, NULL, FALSE, (DWORD)(end - now), QS_ALLPOSTMESSAGE);
    }
    fflush(stdout);
    BOOL ok = WTSUnRegisterSessionNotification(hwnd);
    DestroyWindow(hwnd);
    return ok ? 0 : 1;
}

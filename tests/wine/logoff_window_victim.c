/* A windowed program for the logoff test (GUI subsystem: no console, so
 * no console control events). It records the end-session messages its
 * top-level window gets, and takes 2 s over WM_ENDSESSION, so that it is
 * still running 2 s after being told.
 *   logoff_window_victim.exe PID_FILE RECORD_FILE
 * Lines of RECORD_FILE:
 *   WM_QUERYENDSESSION wParam=0x... lParam=0x...
 *   WM_ENDSESSION wParam=0x... lParam=0x...
 *   WM_ENDSESSION answered           (when it returns from WM_ENDSESSION)
 *   not ended                        (a minute passed; it then exits)
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <windows.h>

#include "logoff_victim_util.h"

#define LIFETIME_MS 60000
#define END_DELAY_MS 2000
#define LIFETIME_TIMER 1

static const char *record_file;

static LRESULT CALLBACK window_proc(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    /* LPARAM is signed: through ULONG_PTR, so that 32-bit ENDSESSION_LOGOFF
     * (0x80000000) prints as on 64-bit, not sign-extended. */
    switch (msg) {
    case WM_QUERYENDSESSION:
        record_line(record_file, "WM_QUERYENDSESSION wParam=%#llx lParam=%#llx",
                    (unsigned long long)wparam, (unsigned long long)(ULONG_PTR)lparam);
        return TRUE;
    case WM_ENDSESSION:
        record_line(record_file, "WM_ENDSESSION wParam=%#llx lParam=%#llx",
                    (unsigned long long)wparam, (unsigned long long)(ULONG_PTR)lparam);
        Sleep(END_DELAY_MS);
        record_line(record_file, "WM_ENDSESSION answered");
        return 0;
    case WM_TIMER:
        record_line(record_file, "not ended");
        PostQuitMessage(0);
        return 0;
    }
    return DefWindowProcW(hwnd, msg, wparam, lparam);
}

int main(int argc, char **argv)
{
    if (argc != 3)
        return 2;
    record_file = argv[2];
    WNDCLASSW wc = { .lpfnWndProc = window_proc, .hInstance = GetModuleHandleW(NULL),
                     .lpszClassName = L"OpenWTSLogoffVictim" };
    if (!RegisterClassW(&wc))
        return 1;
    HWND hwnd = CreateWindowExW(0, wc.lpszClassName, L"logoff victim", WS_OVERLAPPEDWINDOW,
                                CW_USEDEFAULT, CW_USEDEFAULT, 240, 120, NULL, NULL, wc.hInstance,
                                NULL);
    if (!hwnd)
        return 1;
    ShowWindow(hwnd, SW_SHOWNOACTIVATE);
    SetTimer(hwnd, LIFETIME_TIMER, LIFETIME_MS, NULL);
    write_pid_file(argv[1]);
    MSG msg;
    while (GetMessageW(&msg, NULL, 0, 0) > 0) {
        TranslateMessage(&msg);
        DispatchMessageW(&msg);
    }
    return 0;
}

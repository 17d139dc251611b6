/* What a logoff tells windowed programs ("Logging Off", Microsoft's
 * shutdown documentation): WM_QUERYENDSESSION, then WM_ENDSESSION, with
 * ENDSESSION_LOGOFF in lParam (WM_QUERYENDSESSION's page). Wine's own
 * end-session sweep (wineboot --end-session, what its ExitWindowsEx runs)
 * sends both with lParam 0, so it cannot stand in for this.
 *
 * user32 is loaded only while a logoff needs it: wtsapi32 does not import
 * it (neither does Wine's), so a program that never logs off never loads it
 * for us. The windows are those of the calling thread's desktop, listed
 * without asking for the desktop window itself, which under Wine would start
 * a desktop process (explorer.exe /desktop) if none runs.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "local_session_windows.h"

#include <stdlib.h>

/* How long a window may take to answer each message: Windows calls a
 * window hung after 5 s without reading its messages (IsHungAppWindow's
 * page), and Wine's wineboot waits as long before it offers to end one. */
#define MESSAGE_TIMEOUT_MS 5000

typedef BOOL(WINAPI *enum_desktop_windows_fn)(HDESK, WNDENUMPROC, LPARAM);
typedef HDESK(WINAPI *get_thread_desktop_fn)(DWORD);
typedef HWND(WINAPI *get_ancestor_fn)(HWND, UINT);
typedef DWORD(WINAPI *get_window_thread_process_id_fn)(HWND, DWORD *);
typedef LRESULT(WINAPI *send_message_timeout_fn)(HWND, UINT, WPARAM, LPARAM, UINT, UINT,
                                                 DWORD_PTR *);

typedef struct top_window {
    HWND hwnd;
    DWORD pid;
} top_window;

struct local_windows {
    HMODULE user32;
    get_window_thread_process_id_fn window_process;
    send_message_timeout_fn send_message_timeout;
    top_window *list;
    size_t count, capacity;
    BOOL out_of_memory;
    DWORD desktop_owner;
};

/* GetProcAddress's result as a plain function pointer, which converts to
 * any other function pointer type without a warning. */
static void (*user32_function(HMODULE user32, const char *name))(void)
{
    return (void (*)(void))GetProcAddress(user32, name);
}

static BOOL CALLBACK collect(HWND hwnd, LPARAM param)
{
    local_windows *w = (local_windows *)param;
    if (w->count == w->capacity) {
        size_t capacity = w->capacity ? w->capacity * 2 : 32;
        top_window *grown = realloc(w->list, capacity * sizeof(*grown));
        if (!grown) {
            w->out_of_memory = TRUE;
            return FALSE;
        }
        w->list = grown;
        w->capacity = capacity;
    }
    top_window *t = &w->list[w->count++];
    t->hwnd = hwnd;
    t->pid = 0; /* stays 0 if the window is already gone */
    w->window_process(hwnd, &t->pid);
    return TRUE;
}

DWORD local_windows_list(local_windows **out)
{
    local_windows *w = calloc(1, sizeof(*w));
    if (!w)
        return ERROR_NOT_ENOUGH_MEMORY;
    w->user32 = LoadLibraryW(L"user32.dll");
    if (!w->user32) {
        DWORD err = GetLastError();
        free(w);
        return err;
    }
    enum_desktop_windows_fn enum_desktop_windows =
        (enum_desktop_windows_fn)user32_function(w->user32, "EnumDesktopWindows");
    get_thread_desktop_fn get_thread_desktop =
        (get_thread_desktop_fn)user32_function(w->user32, "GetThreadDesktop");
    get_ancestor_fn get_ancestor = (get_ancestor_fn)user32_function(w->user32, "GetAncestor");
    w->window_process =
        (get_window_thread_process_id_fn)user32_function(w->user32, "GetWindowThreadProcessId");
    w->send_message_timeout =
        (send_message_timeout_fn)user32_function(w->user32, "SendMessageTimeoutW");
    if (!enum_desktop_windows || !get_thread_desktop || !get_ancestor || !w->window_process ||
        !w->send_message_timeout) {
        local_windows_free(w);
        return ERROR_PROC_NOT_FOUND;
    }

    enum_desktop_windows(get_thread_desktop(GetCurrentThreadId()), collect, (LPARAM)w);
    if (w->out_of_memory) {
        local_windows_free(w);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    /* A top-level window's parent is the desktop window. */
    for (size_t i = 0; i < w->count && !w->desktop_owner; i++) {
        HWND desktop = get_ancestor(w->list[i].hwnd, GA_PARENT);
        if (desktop)
            w->window_process(desktop, &w->desktop_owner);
    }
    *out = w;
    return ERROR_SUCCESS;
}

DWORD local_windows_desktop_owner(const local_windows *w)
{
    return w->desktop_owner;
}

/* The answer to WM_QUERYENDSESSION does not stop the logoff: WTSLogoffSession
 * has no way to tell its caller that a program refused, so every window gets
 * WM_ENDSESSION with wParam TRUE, the session is ending. */
void local_windows_log_off(const local_windows *w, DWORD pid)
{
    DWORD_PTR answer;
    for (size_t i = 0; i < w->count; i++)
        if (w->list[i].pid == pid)
            w->send_message_timeout(w->list[i].hwnd, WM_QUERYENDSESSION, 0, ENDSESSION_LOGOFF,
                                    SMTO_ABORTIFHUNG, MESSAGE_TIMEOUT_MS, &answer);
    for (size_t i = 0; i < w->count; i++)
        if (w->list[i].pid == pid)
            w->send_message_timeout(w->list[i].hwnd, WM_ENDSESSION, TRUE, ENDSESSION_LOGOFF,
                                    SMTO_ABORTIFHUNG, MESSAGE_TIMEOUT_MS, &answer);
}

void local_windows_free(local_windows *w)
{
    if (!w)
        return;
    free(w->list);
    FreeLibrary(w->user32);
    free(w);
}

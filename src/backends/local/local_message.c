/* WTSSendMessage on this machine: MessageBoxW on a thread of its own, on
 * the desktop of the calling process, which under Wine is the console
 * session's. The caller waits for the thread (bWait) or only until the box
 * is up (IDASYNC), so that a box that cannot be shown is an error either way.
 *
 * The timeout is ours: Wine 8.0's MessageBoxTimeoutW ignores its timeout
 * (dlls/user32/msgbox.c, "timeout not supported"). A thread timer in the
 * box's own thread ends the box with EndDialog(IDTIMEOUT): MessageBox
 * returns what EndDialog was given, and the box's modal loop dispatches the
 * timer, since it runs on that thread.
 *
 * user32 is loaded on the first message only, so that programs that only
 * ask about sessions never load it (it brings the display driver along).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <windows.h>
#include <string.h>

#include "local_message.h"

#define SERVICES_SESSION 0u
#define DIALOG_CLASS L"#32770" /* the window class of dialog boxes, MessageBox's too */
#define POLL_MS 10             /* how often the caller looks for the box */
#define RETRY_MS 10            /* a timer that found no box yet comes back this soon */

/* The user32 functions this file uses, looked up once. */
static struct {
    int (WINAPI *MessageBoxW)(HWND, LPCWSTR, LPCWSTR, UINT);
    UINT_PTR (WINAPI *SetTimer)(HWND, UINT_PTR, UINT, TIMERPROC);
    BOOL (WINAPI *KillTimer)(HWND, UINT_PTR);
    BOOL (WINAPI *EnumThreadWindows)(DWORD, WNDENUMPROC, LPARAM);
    int (WINAPI *GetClassNameW)(HWND, LPWSTR, int);
    BOOL (WINAPI *EndDialog)(HWND, INT_PTR);
    BOOL (WINAPI *IsWindowVisible)(HWND);
} user;
static INIT_ONCE user_once = INIT_ONCE_STATIC_INIT;
static DWORD user_error;

/* Stores an export's address in a slot of its own type. */
static BOOL look_up(HMODULE mod, const char *name, void *slot)
{
    FARPROC proc = GetProcAddress(mod, name);
    memcpy(slot, &proc, sizeof(proc));
    return proc != NULL;
}
#define LOOK_UP(mod, fn) look_up((mod), #fn, &user.fn)

/* user32 stays loaded for the life of the process: boxes may still be up
 * when anyone could think of unloading it. */
static BOOL CALLBACK user_init(INIT_ONCE *once, void *param, void **ctx)
{
    (void)once; (void)param; (void)ctx;
    HMODULE mod = LoadLibraryW(L"user32.dll");
    if (!mod || !LOOK_UP(mod, MessageBoxW) || !LOOK_UP(mod, SetTimer) || !LOOK_UP(mod, KillTimer) ||
        !LOOK_UP(mod, EnumThreadWindows) || !LOOK_UP(mod, GetClassNameW) || !LOOK_UP(mod, EndDialog) ||
        !LOOK_UP(mod, IsWindowVisible))
        user_error = GetLastError() ? GetLastError() : ERROR_PROC_NOT_FOUND;
    return TRUE;
}

static DWORD user_load(void)
{
    InitOnceExecuteOnce(&user_once, user_init, NULL, NULL);
    return user_error;
}

/* The message box of a thread: its only dialog (the thread is ours and
 * shows nothing else; Wine also gives it an "IME" window), once it is on
 * screen. MessageBox makes it hidden and shows it when its title, text and
 * buttons are in place. */
static BOOL CALLBACK is_shown_dialog(HWND hwnd, LPARAM found)
{
    WCHAR cls[ARRAYSIZE(DIALOG_CLASS) + 1];
    if (user.GetClassNameW(hwnd, cls, ARRAYSIZE(cls)) && lstrcmpW(cls, DIALOG_CLASS) == 0 &&
        user.IsWindowVisible(hwnd)) {
        *(HWND *)found = hwnd;
        return FALSE;
    }
    return TRUE;
}

static HWND box_of_thread(DWORD thread_id)
{
    HWND found = NULL;
    user.EnumThreadWindows(thread_id, is_shown_dialog, (LPARAM)&found);
    return found;
}

/* The only timer of a box's thread: the user took too long. */
static VOID CALLBACK time_is_up(HWND hwnd, UINT msg, UINT_PTR id, DWORD now)
{
    (void)hwnd; (void)msg; (void)now;
    HWND box = box_of_thread(GetCurrentThreadId());
    if (!box) {
        user.SetTimer(NULL, id, RETRY_MS, time_is_up); /* not up yet */
        return;
    }
    user.KillTimer(NULL, id);
    user.EndDialog(box, OPENWTS_IDTIMEOUT);
}

/* One box, shared by the caller and the thread that shows it; the last of
 * the two to let go frees it. */
typedef struct box {
    LONG refs;
    HMODULE self;    /* the thread's reference to this DLL */
    WCHAR *title;
    WCHAR *text;
    UINT style;
    UINT timeout_ms; /* 0: until the user answers */
    int answer;      /* MessageBoxW's result; 0 or less: it failed */
    DWORD error;     /* its last error then */
} box;

static void box_release(box *b)
{
    if (InterlockedDecrement(&b->refs) == 0) {
        HeapFree(GetProcessHeap(), 0, b->title);
        HeapFree(GetProcessHeap(), 0, b->text);
        HeapFree(GetProcessHeap(), 0, b);
    }
}

/* The thread holds a reference to this DLL, so a program that frees it
 * while a box is up does not pull the code from under the box. */
static DWORD WINAPI box_thread(void *param)
{
    box *b = param;
    HMODULE self = b->self;
    UINT_PTR timer = b->timeout_ms ? user.SetTimer(NULL, 0, b->timeout_ms, time_is_up) : 0;
    /* No box that would outlast its timeout. */
    int answer = b->timeout_ms && !timer ? 0 : user.MessageBoxW(NULL, b->text, b->title, b->style);
    if (answer <= 0) {
        DWORD err = GetLastError();
        b->error = err ? err : ERROR_NOT_SUPPORTED;
    }
    b->answer = answer;
    if (timer)
        user.KillTimer(NULL, timer);
    box_release(b);
    if (self)
        FreeLibraryAndExitThread(self, 0);
    return 0;
}

static WCHAR *utf8_to_wide(const char *utf8)
{
    int chars = MultiByteToWideChar(CP_UTF8, 0, utf8, -1, NULL, 0);
    if (chars <= 0)
        chars = 1; /* invalid UTF-8 shows as "" */
    WCHAR *w = HeapAlloc(GetProcessHeap(), 0, (size_t)chars * sizeof(WCHAR));
    if (w && MultiByteToWideChar(CP_UTF8, 0, utf8, -1, w, chars) <= 0)
        w[0] = 0;
    return w;
}

/* Seconds to a timer interval: SetTimer takes at most USER_TIMER_MAXIMUM
 * (0x7FFFFFFF ms, about 24.8 days); longer timeouts are that long. */
static UINT timeout_ms(uint32_t seconds)
{
    uint64_t ms = (uint64_t)seconds * 1000u;
    return ms > 0x7FFFFFFFu ? 0x7FFFFFFFu : (UINT)ms;
}

/* Waits until the box is up, or its thread has ended (it could not show
 * it, or the user was quicker than us). */
static DWORD wait_until_shown(HANDLE thread, DWORD thread_id, const box *b)
{
    for (;;) {
        if (box_of_thread(thread_id))
            return ERROR_SUCCESS;
        if (WaitForSingleObject(thread, POLL_MS) == WAIT_OBJECT_0)
            return b->answer > 0 ? ERROR_SUCCESS : b->error;
    }
}

static DWORD show(const char *title, const char *message, uint32_t style, uint32_t timeout_seconds,
                  bool wait, uint32_t *response)
{
    DWORD st = user_load();
    if (st)
        return st;
    box *b = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*b));
    if (!b)
        return ERROR_NOT_ENOUGH_MEMORY;
    b->refs = 2; /* ours and the thread's */
    b->title = utf8_to_wide(title);
    b->text = utf8_to_wide(message);
    b->style = style;
    b->timeout_ms = timeout_ms(timeout_seconds);
    if (!b->title || !b->text) {
        b->refs = 1;
        box_release(b);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS, (LPCWSTR)(void *)box_thread, &b->self);
    DWORD thread_id;
    HANDLE thread = CreateThread(NULL, 0, box_thread, b, 0, &thread_id);
    if (!thread) {
        st = GetLastError();
        if (b->self)
            FreeLibrary(b->self);
        b->refs = 1;
        box_release(b);
        return st ? st : ERROR_NOT_ENOUGH_MEMORY;
    }
    if (wait) {
        WaitForSingleObject(thread, INFINITE);
        st = b->answer > 0 ? ERROR_SUCCESS : b->error;
        if (!st)
            *response = (uint32_t)b->answer;
    } else {
        st = wait_until_shown(thread, thread_id, b);
        if (!st)
            *response = OPENWTS_IDASYNC;
    }
    CloseHandle(thread);
    box_release(b);
    return st;
}

openwts_status local_send_message(const openwts_backend *be, const openwts_Caller *caller,
                                  const char *server, uint32_t session_id, const char *title,
                                  const char *message, uint32_t style, uint32_t timeout_seconds,
                                  bool wait, uint32_t *response)
{
    /* The backend's own answer for the server and the session: 1722 for
     * another machine, 7022 for a session it does not have. */
    openwts_Session *s = HeapAlloc(GetProcessHeap(), 0, sizeof(*s));
    if (!s)
        return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    openwts_status st = be->query_session(be, caller, server, session_id, s);
    HeapFree(GetProcessHeap(), 0, s);
    if (st)
        return st;
    /* Session 0 has no desktop anyone sees, as for disconnect and logoff
     * (README, "Beyond the docs"). */
    if (session_id == SERVICES_SESSION)
        return OPENWTS_ERROR_ACCESS_DENIED;
    /* Our box shows on our own desktop: another session's is out of reach
     * (never the case under Wine, where every process is the console's). */
    if (session_id != caller->session_id)
        return OPENWTS_ERROR_NOT_SUPPORTED;
    return show(title, message, style, timeout_seconds, wait, response);
}

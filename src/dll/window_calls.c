/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "window_calls.h"

typedef BOOL(WINAPI *is_window_fn)(HWND);
typedef BOOL(WINAPI *post_message_fn)(HWND, UINT, WPARAM, LPARAM);

static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
static is_window_fn is_window;
static post_message_fn post_message;

static BOOL CALLBACK find_user32(INIT_ONCE *o, void *param, void **ctx)
{
    (void)o; (void)param; (void)ctx;
    /* A reference of our own, never given back: the pointers stay good. */
    HMODULE user32 = LoadLibraryW(L"user32.dll");
    if (user32) {
        is_window = (is_window_fn)(void (*)(void))GetProcAddress(user32, "IsWindow");
        post_message = (post_message_fn)(void (*)(void))GetProcAddress(user32, "PostMessageW");
    }
    return TRUE;
}

BOOL window_exists(HWND hwnd)
{
    InitOnceExecuteOnce(&once, find_user32, NULL, NULL);
    return hwnd && is_window && is_window(hwnd);
}

BOOL window_post(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    InitOnceExecuteOnce(&once, find_user32, NULL, NULL);
    if (!post_message) {
        SetLastError(ERROR_PROC_NOT_FOUND);
        return FALSE;
    }
    return post_message(hwnd, msg, wparam, lparam);
}

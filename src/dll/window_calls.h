/* The two user32 calls notifications need, found in the program's own
 * user32 when first needed: this DLL does not import user32, so a program
 * without windows never loads it on our account.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_WINDOW_CALLS_H
#define OPENWTS_WINDOW_CALLS_H

#include <windows.h>

/* IsWindow; FALSE also when user32 cannot be had. */
BOOL window_exists(HWND hwnd);
/* PostMessageW; FALSE with its last error, or ERROR_PROC_NOT_FOUND. */
BOOL window_post(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam);

#endif

/* The top-level windows of the caller's desktop, by process, and the
 * messages that tell them their session is being logged off.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOCAL_SESSION_WINDOWS_H
#define OPENWTS_LOCAL_SESSION_WINDOWS_H

#include <windows.h>

typedef struct local_windows local_windows;

/* Lists the top-level windows of the calling thread's desktop as they are
 * now. Returns 0 and the list (freed with local_windows_free), or a Win32
 * error code. */
DWORD local_windows_list(local_windows **out);
/* The process that owns the desktop window itself, 0 if it is unknown
 * (no top-level window to find it from). */
DWORD local_windows_desktop_owner(const local_windows *windows);
/* Sends every listed window of process `pid` WM_QUERYENDSESSION, then every
 * one WM_ENDSESSION, both with ENDSESSION_LOGOFF; returns when they have
 * answered or a window has not in time. */
void local_windows_log_off(const local_windows *windows, DWORD pid);
void local_windows_free(local_windows *windows);

#endif

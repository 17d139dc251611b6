/* A console control event sent to a process as Windows sends one: a new
 * thread in that process runs its handlers (SetConsoleCtrlHandler's
 * HandlerRoutine page: "the system creates a new thread in the process to
 * execute the function").
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOCAL_CONSOLE_CTRL_H
#define OPENWTS_LOCAL_CONSOLE_CTRL_H

#include <windows.h>

/* The access local_console_ctrl_start needs to `process`. */
#define LOCAL_CONSOLE_CTRL_ACCESS                                                        \
    (PROCESS_CREATE_THREAD | PROCESS_QUERY_INFORMATION | PROCESS_VM_OPERATION |          \
     PROCESS_VM_WRITE | PROCESS_VM_READ)

/* Starts in `process` a thread that runs its console control handlers for
 * `event` if the process is attached to a console (and does nothing
 * otherwise), then ends. Returns that thread, to wait for, or NULL when no
 * such thread can be started there (see local_console_ctrl.c). */
HANDLE local_console_ctrl_start(HANDLE process, DWORD event);

#endif

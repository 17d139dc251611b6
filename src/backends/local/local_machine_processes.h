/* Which processes are the machine's rather than a logged-on user's: the
 * service control manager and the processes that run its services.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOCAL_MACHINE_PROCESSES_H
#define OPENWTS_LOCAL_MACHINE_PROCESSES_H

#include <windows.h>
#include <stddef.h>

typedef struct local_pid_set {
    DWORD *pids;
    size_t count;
} local_pid_set;

/* Fills `out` (freed with local_pid_set_free) and returns 0, or returns a
 * Win32 error code with `out` empty when the machine's processes cannot be
 * told apart: no service control manager, or none of its services runs. */
DWORD local_machine_processes(local_pid_set *out);
BOOL local_pid_set_has(const local_pid_set *set, DWORD pid);
void local_pid_set_free(local_pid_set *set);

#endif

/* The `local` backend's processes: this machine's process list as
 * NtQuerySystemInformation reports it, and ending one of them.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOCAL_PROCESSES_H
#define OPENWTS_LOCAL_PROCESSES_H

#include "openwts/backend.h"

/* The backend table's enumerate_processes and terminate_process. */
openwts_status local_enumerate_processes(const openwts_backend *be, const openwts_Caller *caller,
                                         const char *server, uint32_t session_id,
                                         openwts_EnumerateProcessesReply *out);
openwts_status local_terminate_process(const openwts_backend *be, const openwts_Caller *caller,
                                       const char *server, uint32_t process_id, uint32_t exit_code);

#endif

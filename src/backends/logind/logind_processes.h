/* The processes of the sessions (WTSEnumerateProcesses[Ex]).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOGIND_PROCESSES_H
#define OPENWTS_LOGIND_PROCESSES_H

#include <stdint.h>

#include "logind_sync.h"
#include "openwts.pb.h"

/* Appends to `out` (openwts_process_list_add) the processes of session
 * `session_id` (OPENWTS_ANY_SESSION: of every session), in pid order. A
 * logind session's processes are those of its scope's cgroup, under
 * `cgroup_root`/user.slice/user-<uid>.slice/<scope> (cgroup v2) or
 * `cgroup_root`/systemd/user.slice/... (v1), sub-groups included; when
 * there is no such cgroup, its leader alone, if it still runs. Session 0
 * has every other process of the machine. An id no session has lists
 * nothing. */
openwts_status logind_list_processes(const char *cgroup_root, const logind_snapshot *snap,
                                     uint32_t session_id, openwts_EnumerateProcessesReply *out);

#endif

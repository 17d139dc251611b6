/* One process as WTS_PROCESS_INFO_EX shows it, from /proc.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOGIND_PROC_H
#define OPENWTS_LOGIND_PROC_H

#include <stdbool.h>
#include <stdint.h>

#include "openwts.pb.h"

/* Reads process `pid` into *out (zeroed first) as a process of
 * `session_id`. false when it is gone or is a kernel thread (which Windows
 * would not list: its kernel is the one "System" process). */
bool logind_proc_read(uint32_t pid, uint32_t session_id, openwts_Process *out);

/* Every process id under /proc, sorted. false when memory runs out. */
bool logind_proc_all(uint32_t **pids, size_t *n);

#endif

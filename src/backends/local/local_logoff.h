/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOCAL_LOGOFF_H
#define OPENWTS_LOCAL_LOGOFF_H

#include <windows.h>
#include <stdint.h>

/* Ends the programs of session `id` other than the calling process; with
 * `wait`, until they are gone. */
void local_end_session_programs(uint32_t id, BOOL wait);

#endif

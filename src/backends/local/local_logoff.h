/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOCAL_LOGOFF_H
#define OPENWTS_LOCAL_LOGOFF_H

#include <windows.h>
#include <stdint.h>

/* Ends the programs of session `id` (with `wait`, until they are gone),
 * then the calling process if it is in that session. */
void local_end_session_programs(uint32_t id, BOOL wait);

#endif

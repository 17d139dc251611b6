/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOCAL_LOGOFF_H
#define OPENWTS_LOCAL_LOGOFF_H

#include <windows.h>
#include <stdint.h>

/* What the backend records once the programs of session `id` have ended,
 * before the caller itself is ended: a Win32 error code, 0 on success. */
typedef uint32_t (*local_logged_off_fn)(uint32_t id);

/* Logs off session `id` (local_logoff.c tells how): its programs are told,
 * then ended; `logged_off` runs; then the calling process is ended if it is
 * in that session. With `wait` all this happens before the call returns, so
 * it returns only when the caller is outside the session, with logged_off's
 * result. Without `wait` a thread of the caller does it, and the call
 * returns 0 as soon as that thread runs. Returns a Win32 error code, having
 * told and ended nobody, when the logoff cannot start. */
uint32_t local_end_session_programs(uint32_t id, BOOL wait, local_logged_off_fn logged_off);

#endif

/* Session state that every process of a Wine prefix (or Windows machine)
 * shares: a small file in %ProgramData%\OpenWTS mapped into each process.
 * Reading it is a few memory reads: no lock, nothing written, no wineserver
 * call (only the first use in a process maps the file). Writers take a
 * named mutex, opened by a process when it first writes; a writer that
 * died holding it is detected and its unfinished change undone
 * (local_state.c). The state lives until the machine reboots: a file
 * written under an earlier boot time, or in another layout, is started
 * afresh.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOCAL_STATE_H
#define OPENWTS_LOCAL_STATE_H

#include <stdint.h>

typedef struct local_session_state {
    uint32_t id;
    uint32_t state;       /* WTS_CONNECTSTATE_CLASS */
    uint32_t logged_off;  /* nobody logged on since WTSLogoffSession */
    uint32_t reserved;
    int64_t logon_time;
    int64_t connect_time;
    int64_t disconnect_time;
} local_session_state;

/* Copies the state of session `id` out, as the last finished change left
 * it: a session no one has changed is Active, logged on and connected
 * since the state was started. */
void local_state_get(uint32_t id, local_session_state *out);
/* Current time in FILETIME units. */
int64_t local_state_now(void);
/* Applies `change` to the state of session `id` under the writers' mutex,
 * so that two processes changing a session at once both take effect.
 * `change` gets the record as local_state_get gives it (with `id` set) and
 * the current time. Then, once readers see the change and still under the
 * mutex, `committed` (unless NULL) gets the record before and after it:
 * what must follow the changes in their order and never run ahead of what
 * a reader sees (a session event, which its listener may answer with a
 * query). Returns 0, or the Win32 error that kept the change from being
 * made (nothing is changed then). */
typedef void (*local_state_change)(local_session_state *s, int64_t now, const void *ctx);
typedef void (*local_state_committed)(const local_session_state *before,
                                      const local_session_state *after, const void *ctx);
uint32_t local_state_update(uint32_t id, local_state_change change, local_state_committed committed,
                            const void *ctx);
void local_state_close(void);

#endif

/* The names a scenario may use for numbered things: connection states,
 * lock states, protocols, message-box answers. Names compare without
 * regard to ASCII case; the *_name functions give the spelling written
 * back (NULL when a value has no name and is written as a number).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_SIM_NAMES_H
#define OPENWTS_SIM_NAMES_H

#include <stdbool.h>
#include <stdint.h>

/* WTS_CONNECTSTATE_CLASS: "Active" ... "Init", with or without "WTS". */
bool sim_state_from_name(const char *name, uint32_t *state);
const char *sim_state_name(uint32_t state);
#define SIM_STATE_MAX 9u /* WTSInit */

/* WTS_SESSIONSTATE_*: "locked" 0, "unlocked" 1, "unknown" -1. */
bool sim_lock_from_name(const char *name, int32_t *lock);
const char *sim_lock_name(int32_t lock);
#define SIM_LOCK_LOCKED 0
#define SIM_LOCK_UNLOCKED 1
#define SIM_LOCK_UNKNOWN (-1)

/* WTSClientProtocolType: "console" 0, "ica" 1, "rdp" 2. */
bool sim_protocol_from_name(const char *name, uint32_t *protocol);
const char *sim_protocol_name(uint32_t protocol);

/* WTSSendMessage answers: "IDOK" 1 ... "IDCONTINUE" 11, "IDTIMEOUT"
 * 32000, "IDASYNC" 32001, and "none" (the user never answers), kept as
 * SIM_NO_ANSWER. */
#define SIM_NO_ANSWER 0u
bool sim_response_from_name(const char *name, uint32_t *response);
const char *sim_response_name(uint32_t response);

/* Case-insensitive ASCII comparison (names, servers, user names). */
int sim_ascii_casecmp(const char *a, const char *b);

#endif

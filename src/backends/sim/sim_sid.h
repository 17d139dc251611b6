/* Security identifiers: "S-1-5-21-..." text to the binary SID that
 * WTS_PROCESS_INFO's pUserSid points at, and back.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_SIM_SID_H
#define OPENWTS_SIM_SID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SIM_SID_MAX_SUB_AUTHORITIES 15 /* SID_MAX_SUB_AUTHORITIES (winnt.h) */
#define SIM_SID_MAX_BYTES (8 + 4 * SIM_SID_MAX_SUB_AUTHORITIES)
/* "S-1-" 0x and 12 hex digits, 15 times "-4294967295", NUL */
#define SIM_SID_TEXT_MAX (4 + 14 + 15 * 11 + 1)

/* Reads "S-1-<authority>-<sub>..." (revision 1; authority decimal below
 * 2^32 or 0x and 12 hex digits below 2^48; 1 to 15 sub-authorities, each
 * below 2^32) into out[SIM_SID_MAX_BYTES]; *len gets the SID's size. */
bool sim_sid_parse(const char *text, uint8_t *out, size_t *len);
/* Writes the text of a binary SID as ConvertSidToStringSid spells it;
 * false when `sid` is not a whole SID of revision 1 with 1 to 15
 * sub-authorities (what sim_sid_parse accepts). */
bool sim_sid_format(const uint8_t *sid, size_t len, char *buf, size_t cap);

#endif

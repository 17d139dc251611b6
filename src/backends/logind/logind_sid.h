/* A Windows SID for a Unix account: S-1-22-1-<uid>, the "Unix User"
 * authority Samba gives accounts that have no Windows SID, so that a
 * process's owner reads the same everywhere the machine's accounts are
 * shown to Windows programs.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOGIND_SID_H
#define OPENWTS_LOGIND_SID_H

#include <stddef.h>
#include <stdint.h>

#define LOGIND_SID_BYTES 16 /* revision, count, authority (6), two sub-authorities */

/* Writes the binary SID of `uid` into out; returns its size. */
size_t logind_sid_of_uid(uint32_t uid, uint8_t out[LOGIND_SID_BYTES]);

#endif

/* Lays out session lists exactly as Windows returns them: one block with
 * the array first and every string after it, freed by one WTSFreeMemory
 * (or WTSFreeMemoryEx). The A forms are made from the W forms.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_SESSION_LAYOUT_H
#define OPENWTS_SESSION_LAYOUT_H

#include "frontend.h"

DWORD session_info_w_build(const openwts_EnumerateSessionsReply *r, WTS_SESSION_INFOW **out);
DWORD session_info_1_w_build(const openwts_EnumerateSessionsReply *r, WTS_SESSION_INFO_1W **out);
DWORD session_info_w_to_a(const WTS_SESSION_INFOW *w, DWORD count, WTS_SESSION_INFOA **out);
DWORD session_info_1_w_to_a(const WTS_SESSION_INFO_1W *w, DWORD count, WTS_SESSION_INFO_1A **out);

#endif

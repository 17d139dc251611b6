/* Lays out process lists as Windows returns them: one block with the array
 * first, then the user SIDs, then the names, freed by one WTSFreeMemory
 * (or WTSFreeMemoryEx with the level's WTS_TYPE_CLASS). The A forms are
 * made from the W forms.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_PROCESS_LAYOUT_H
#define OPENWTS_PROCESS_LAYOUT_H

#include "frontend.h"

/* Level 0 (WTS_PROCESS_INFO) and level 1 (WTS_PROCESS_INFO_EX). */
DWORD process_info_w_build(const openwts_EnumerateProcessesReply *r, WTS_PROCESS_INFOW **out);
DWORD process_info_ex_w_build(const openwts_EnumerateProcessesReply *r, WTS_PROCESS_INFO_EXW **out);
DWORD process_info_w_to_a(const WTS_PROCESS_INFOW *w, DWORD count, WTS_PROCESS_INFOA **out);
DWORD process_info_ex_w_to_a(const WTS_PROCESS_INFO_EXW *w, DWORD count, WTS_PROCESS_INFO_EXA **out);

#endif

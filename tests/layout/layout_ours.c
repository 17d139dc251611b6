/* Layouts as our include/wtsapi32.h declares them.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <windows.h>
#include <wtsapi32.h>

#ifndef OPENWTS_WTSAPI32_H
#error "layout_ours.c must be compiled with our include/ first"
#endif

#include "layout_fields.h"

const layout_entry layout_ours[] = { LAYOUT_ALL(LAYOUT_ENTRY) LAYOUT_END };

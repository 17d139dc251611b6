/* Layouts as the reference header declares them: Wine's on Linux,
 * mingw-w64's in the Windows builds. Compiled without our include/.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <windows.h>
#include <wtsapi32.h>

#ifdef OPENWTS_WTSAPI32_H
#error "layout_ref.c must see the reference header, not ours"
#endif

#include "layout_fields.h"

const layout_entry layout_ref[] = { LAYOUT_ALL(LAYOUT_ENTRY) LAYOUT_END };

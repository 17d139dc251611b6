/* What Wine's conformance tests take from Wine's own Win32 headers and
 * mingw-w64's (which we build with) spell differently. Only names: every
 * layout here is the same in both (checked where it matters below).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_WINE_HEADERS_COMPAT_H
#define OPENWTS_WINE_HEADERS_COMPAT_H

#include <winternl.h>

/* SYSTEM_PROCESS_INFORMATION: Wine calls the image name ProcessName,
 * mingw-w64 (like Microsoft's winternl.h) ImageName; same offset in both. */
#define ProcessName ImageName

#endif

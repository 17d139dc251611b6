/* The result of WTSQuerySessionInformation for each WTS_INFO_CLASS, laid
 * out as Windows lays it out, from the backend's session record.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_QUERY_LAYOUT_H
#define OPENWTS_QUERY_LAYOUT_H

#include "frontend.h"

/* The classes whose result is a NUL-terminated string. */
BOOL info_class_is_string(WTS_INFO_CLASS cls);

/* W layout of one class; *out is freed with WTSFreeMemory. Classes Windows
 * answers with ERROR_NOT_SUPPORTED give that. */
DWORD query_layout_w(const openwts_Session *s, WTS_INFO_CLASS cls, void **out, DWORD *bytes);

/* The A result made from the W result of the same class. */
DWORD query_result_w_to_a(WTS_INFO_CLASS cls, const void *w, DWORD w_bytes, void **out, DWORD *bytes);

#endif

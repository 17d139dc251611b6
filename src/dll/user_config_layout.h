/* What WTSQueryUserConfig returns and WTSSetUserConfig reads for each
 * WTS_CONFIG_CLASS, in the W and A forms: a DWORD, a NUL-terminated string
 * or a WTSUSERCONFIG structure (WTS_CONFIG_CLASS page).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_USER_CONFIG_LAYOUT_H
#define OPENWTS_USER_CONFIG_LAYOUT_H

#include "user_config_class.h"

/* The result for class `cls` as one block freed with WTSFreeMemory; byte
 * counts of strings include the terminating NUL. The A form's text is the
 * W form's in the ANSI code page. */
DWORD user_config_layout_w(const user_config_values *v, WTS_CONFIG_CLASS cls, void **out, DWORD *bytes);
DWORD user_config_layout_a(const user_config_values *v, WTS_CONFIG_CLASS cls, void **out, DWORD *bytes);

/* Reads what a caller passes WTSSetUserConfig for class `cls` into v;
 * `length` is the buffer's size in characters of the form (TCHARs, as
 * documented). ERROR_INVALID_PARAMETER when the buffer is too short, a
 * number is outside its documented values or a text too long. */
DWORD user_config_parse_w(WTS_CONFIG_CLASS cls, const WCHAR *buf, DWORD length, user_config_values *v);
DWORD user_config_parse_a(WTS_CONFIG_CLASS cls, const char *buf, DWORD length, user_config_values *v);

#endif

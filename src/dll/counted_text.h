/* Texts a caller hands over with a length in bytes instead of (or besides)
 * a terminating NUL, as WTSSendMessage's title and message: the text ends
 * at the length or at the first NUL, whichever comes first.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_COUNTED_TEXT_H
#define OPENWTS_COUNTED_TEXT_H

#include <windows.h>

/* The first `bytes` bytes of UTF-16 `text` (an odd last byte is no
 * character) as a new NUL-terminated UTF-8 string, freed with
 * counted_text_free. NULL text with 0 bytes is "". Returns ERROR_SUCCESS,
 * ERROR_INVALID_PARAMETER (NULL text with a length) or
 * ERROR_NOT_ENOUGH_MEMORY; *utf8 is set only on success. */
DWORD counted_text_wide_to_utf8(const WCHAR *text, DWORD bytes, char **utf8);
/* The same for text in the ANSI code page (CP_ACP). */
DWORD counted_text_ansi_to_utf8(const char *text, DWORD bytes, char **utf8);
void counted_text_free(char *utf8);

#endif

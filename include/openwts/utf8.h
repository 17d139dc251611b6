/* Bounded UTF-8 copies into the schema's fixed-size string fields.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_UTF8_H
#define OPENWTS_UTF8_H

#include <stddef.h>

/* Copies src into dst (capacity cap bytes including the NUL), cutting at a
 * character boundary rather than inside a multi-byte sequence. */
void openwts_utf8_copy(char *dst, size_t cap, const char *src);
#define OPENWTS_SET_STRING(field, src) openwts_utf8_copy((field), sizeof(field), (src))

#endif

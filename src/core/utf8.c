/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>

#include "openwts/utf8.h"

void openwts_utf8_copy(char *dst, size_t cap, const char *src)
{
    if (!cap)
        return;
    size_t len = src ? strlen(src) : 0;
    if (len >= cap) {
        len = cap - 1;
        /* Step back over continuation bytes (10xxxxxx) to the start of the
         * character that did not fit, so no partial sequence is kept. */
        while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
            len--;
    }
    if (len)
        memcpy(dst, src, len);
    dst[len] = '\0';
}

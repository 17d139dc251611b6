/* SID text <-> binary. The binary layout (MS-DTYP 2.4.2.2): revision (1
 * byte), sub-authority count (1 byte), identifier authority (6 bytes,
 * big-endian), then each sub-authority as 4 bytes little-endian. The text
 * form (MS-DTYP 2.4.2.1) writes the authority in decimal below 2^32 and in
 * hexadecimal ("0x" and 12 digits) from there on.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "sim_sid.h"

#include <stdio.h>
#include <string.h>

#define AUTHORITY_MAX 0xFFFFFFFFFFFFull /* 48 bits */

/* One decimal number up to `max`, at least one digit, no sign. */
static bool read_decimal(const char **p, uint64_t max, uint64_t *out)
{
    const char *s = *p;
    uint64_t v = 0;
    if (*s < '0' || *s > '9')
        return false;
    for (; *s >= '0' && *s <= '9'; s++) {
        v = v * 10 + (uint64_t)(*s - '0');
        if (v > max)
            return false;
    }
    *p = s;
    *out = v;
    return true;
}

static bool read_hex(const char **p, uint64_t max, uint64_t *out)
{
    const char *s = *p;
    uint64_t v = 0;
    int n = 0;
    for (;; s++, n++) {
        int d;
        if (*s >= '0' && *s <= '9')
            d = *s - '0';
        else if (*s >= 'a' && *s <= 'f')
            d = *s - 'a' + 10;
        else if (*s >= 'A' && *s <= 'F')
            d = *s - 'A' + 10;
        else
            break;
        v = v * 16 + (uint64_t)d;
        if (v > max)
            return false;
    }
    if (n == 0)
        return false;
    *p = s;
    *out = v;
    return true;
}

bool sim_sid_parse(const char *text, uint8_t *out, size_t *len)
{
    const char *p = text;
    uint64_t revision, authority;
    if ((*p != 'S' && *p != 's') || p[1] != '-')
        return false;
    p += 2;
    if (!read_decimal(&p, 255, &revision) || revision != 1 || *p++ != '-')
        return false;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        p += 2;
        if (!read_hex(&p, AUTHORITY_MAX, &authority))
            return false;
    } else if (!read_decimal(&p, AUTHORITY_MAX, &authority)) {
        return false;
    }
    uint8_t sid[SIM_SID_MAX_BYTES];
    size_t count = 0;
    while (*p == '-') {
        p++;
        uint64_t sub;
        if (count == SIM_SID_MAX_SUB_AUTHORITIES || !read_decimal(&p, 0xFFFFFFFFu, &sub))
            return false;
        uint8_t *q = sid + 8 + 4 * count++;
        for (int i = 0; i < 4; i++)
            q[i] = (uint8_t)(sub >> (8 * i));
    }
    if (*p != '\0' || count == 0)
        return false;
    sid[0] = 1;
    sid[1] = (uint8_t)count;
    for (int i = 0; i < 6; i++)
        sid[2 + i] = (uint8_t)(authority >> (8 * (5 - i)));
    *len = 8 + 4 * count;
    memcpy(out, sid, *len);
    return true;
}

bool sim_sid_format(const uint8_t *sid, size_t len, char *buf, size_t cap)
{
    if (len < 12 || sid[0] != 1 || sid[1] == 0 || sid[1] > SIM_SID_MAX_SUB_AUTHORITIES || len != 8u + 4u * sid[1]
        || cap < SIM_SID_TEXT_MAX)
        return false;
    uint64_t authority = 0;
    for (int i = 0; i < 6; i++)
        authority = authority << 8 | sid[2 + i];
    int n = authority <= 0xFFFFFFFFu
                ? snprintf(buf, cap, "S-1-%llu", (unsigned long long)authority)
                : snprintf(buf, cap, "S-1-0x%012llX", (unsigned long long)authority);
    for (size_t i = 0; i < sid[1]; i++) {
        const uint8_t *q = sid + 8 + 4 * i;
        uint32_t sub = (uint32_t)q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16 | (uint32_t)q[3] << 24;
        n += snprintf(buf + n, cap - (size_t)n, "-%lu", (unsigned long)sub);
    }
    return true;
}

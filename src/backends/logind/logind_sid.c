/* S-1-22-1-<uid> in the binary layout of a SID (winnt.h): revision 1,
 * two sub-authorities, identifier authority 22 (big-endian, 6 bytes),
 * then the sub-authorities 1 and uid (little-endian DWORDs).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "logind_sid.h"

#include <string.h>

#define UNIX_AUTHORITY 22
#define UNIX_USERS 1

static void put_le32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

size_t logind_sid_of_uid(uint32_t uid, uint8_t out[LOGIND_SID_BYTES])
{
    memset(out, 0, LOGIND_SID_BYTES);
    out[0] = 1; /* SID_REVISION */
    out[1] = 2; /* sub-authority count */
    out[7] = UNIX_AUTHORITY;
    put_le32(out + 8, UNIX_USERS);
    put_le32(out + 12, uid);
    return LOGIND_SID_BYTES;
}

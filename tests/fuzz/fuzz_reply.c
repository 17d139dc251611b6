/* Fuzz target: openwts_reply_decode. Whatever decodes must be well formed
 * (at most 64 sessions, every string terminated), encode again within
 * OPENWTS_FRAME_MAX, decode to an equal struct and encode to the same
 * bytes.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static openwts_Reply *a, *b;
    static uint8_t enc1[OPENWTS_FRAME_MAX], enc2[OPENWTS_FRAME_MAX];
    if (!a) {
        a = malloc(sizeof(*a));
        b = malloc(sizeof(*b));
        FUZZ_CHECK(a && b);
    }

    openwts_status st = openwts_reply_decode(data, size, a);
    FUZZ_CHECK(st == OPENWTS_OK || st == OPENWTS_ERROR_INVALID_DATA);
    if (st != OPENWTS_OK)
        return 0;
    FUZZ_CHECK(fuzz_reply_ok(a));

    size_t n1 = 0, n2 = 0;
    FUZZ_CHECK(openwts_reply_encode(a, enc1, sizeof(enc1), &n1) == OPENWTS_OK);
    FUZZ_CHECK(n1 <= OPENWTS_FRAME_MAX);
    FUZZ_CHECK(openwts_reply_decode(enc1, n1, b) == OPENWTS_OK);
    FUZZ_CHECK(fuzz_reply_eq(a, b));
    FUZZ_CHECK(openwts_reply_encode(b, enc2, sizeof(enc2), &n2) == OPENWTS_OK);
    FUZZ_CHECK(n1 == n2 && memcmp(enc1, enc2, n1) == 0);
    openwts_reply_release(a);
    openwts_reply_release(b);
    return 0;
}

/* Fuzz target: openwts_reply_decode. Whatever decodes must be well formed
 * (lists of any length, every string terminated), encode again, decode to
 * an equal struct and encode to the same bytes; and, cut into answer parts
 * under a bound the input picks, the parts framed, decoded and joined must
 * give the same reply back (or the cut fails only on an entry that fits no
 * part).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static openwts_Reply *a, *b;
    if (!a) {
        a = malloc(sizeof(*a));
        b = malloc(sizeof(*b));
        FUZZ_CHECK(a && b);
    }

    openwts_status st = openwts_reply_decode(data, size, a);
    FUZZ_CHECK(st == OPENWTS_OK || st == OPENWTS_ERROR_INVALID_DATA);
    if (st != OPENWTS_OK) {
        openwts_reply_release(a); /* safe after a failed decode */
        return 0;
    }
    FUZZ_CHECK(fuzz_reply_ok(a));

    size_t need = 0, n1 = 0, n2 = 0;
    FUZZ_CHECK(pb_get_encoded_size(&need, openwts_Reply_fields, a));
    uint8_t *enc1 = malloc(need + 1), *enc2 = malloc(need + 1);
    FUZZ_CHECK(enc1 && enc2);
    FUZZ_CHECK(openwts_reply_encode(a, enc1, need, &n1) == OPENWTS_OK);
    FUZZ_CHECK(n1 == need);
    FUZZ_CHECK(openwts_reply_decode(enc1, n1, b) == OPENWTS_OK);
    FUZZ_CHECK(fuzz_reply_eq(a, b));
    FUZZ_CHECK(openwts_reply_encode(b, enc2, need, &n2) == OPENWTS_OK);
    FUZZ_CHECK(n1 == n2 && memcmp(enc1, enc2, n1) == 0);
    free(enc1);
    free(enc2);
    openwts_reply_release(b);

    static const uint32_t bounds[] = { OPENWTS_FRAME_MAX, 4096, 700, 60 };
    fuzz_parts_round_trip(a, size, bounds[size % 4]);
    openwts_reply_release(a);
    return 0;
}

/* Fuzz target: openwts_hello_decode, the first body a daemon reads from an
 * unauthenticated peer. Whatever decodes must be well formed, encode again
 * within its generated bound, decode to an equal struct and encode to the
 * same bytes.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    openwts_Hello a, b;
    uint8_t enc1[openwts_Hello_size], enc2[openwts_Hello_size];

    openwts_status st = openwts_hello_decode(data, size, &a);
    FUZZ_CHECK(st == OPENWTS_OK || st == OPENWTS_ERROR_INVALID_DATA);
    if (st != OPENWTS_OK)
        return 0;
    FUZZ_CHECK(fuzz_hello_ok(&a));

    size_t n1 = 0, n2 = 0;
    FUZZ_CHECK(openwts_hello_encode(&a, enc1, sizeof(enc1), &n1) == OPENWTS_OK);
    FUZZ_CHECK(n1 <= openwts_Hello_size);
    FUZZ_CHECK(openwts_hello_decode(enc1, n1, &b) == OPENWTS_OK);
    FUZZ_CHECK(fuzz_hello_eq(&a, &b));
    FUZZ_CHECK(openwts_hello_encode(&b, enc2, sizeof(enc2), &n2) == OPENWTS_OK);
    FUZZ_CHECK(n1 == n2 && memcmp(enc1, enc2, n1) == 0);
    return 0;
}

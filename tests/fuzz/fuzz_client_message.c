/* Fuzz target: openwts_client_message_decode, everything a daemon reads
 * from a peer (hello, key proof, requests, subscriptions). Whatever decodes
 * must be well formed, encode again, decode to an equal struct and encode
 * to the same bytes; decoded texts are released (LeakSanitizer), also after
 * a failed decode.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static openwts_ClientMessage *a, *b;
    if (!a) {
        a = malloc(sizeof(*a));
        b = malloc(sizeof(*b));
        FUZZ_CHECK(a && b);
    }

    openwts_status st = openwts_client_message_decode(data, size, a);
    FUZZ_CHECK(st == OPENWTS_OK || st == OPENWTS_ERROR_INVALID_DATA);
    if (st != OPENWTS_OK) {
        openwts_client_message_release(a); /* safe after a failed decode */
        return 0;
    }
    FUZZ_CHECK(fuzz_client_message_ok(a));

    size_t need = 0, n1 = 0, n2 = 0;
    FUZZ_CHECK(pb_get_encoded_size(&need, openwts_ClientMessage_fields, a));
    uint8_t *enc1 = malloc(need + 1), *enc2 = malloc(need + 1);
    FUZZ_CHECK(enc1 && enc2);
    FUZZ_CHECK(openwts_client_message_encode(a, enc1, need, &n1) == OPENWTS_OK);
    FUZZ_CHECK(n1 == need);
    memset(b, 0x5A, sizeof(*b));
    FUZZ_CHECK(openwts_client_message_decode(enc1, n1, b) == OPENWTS_OK);
    FUZZ_CHECK(fuzz_client_message_eq(a, b));
    FUZZ_CHECK(openwts_client_message_encode(b, enc2, need, &n2) == OPENWTS_OK);
    FUZZ_CHECK(n1 == n2 && memcmp(enc1, enc2, n1) == 0);
    /* bodies with every field bounded keep within nanopb's generated bound */
    if (a->which_body == openwts_ClientMessage_hello_tag)
        FUZZ_CHECK(n1 <= 11 + 1 + 2 + openwts_Hello_size);
    if (a->which_body == openwts_ClientMessage_auth_tag)
        FUZZ_CHECK(n1 <= 11 + 1 + 1 + openwts_AuthResponse_size);
    free(enc1);
    free(enc2);
    openwts_client_message_release(a);
    openwts_client_message_release(b);
    return 0;
}

/* Fuzz target: the frame header (openwts_frame_get_length/put_length), and
 * the input read as a daemon reads a socket: frames of a 4-byte length and
 * a ClientMessage. Each header must be accepted exactly when its
 * little-endian value is at most OPENWTS_FRAME_MAX and must write back to
 * the same four bytes; each payload is decoded from an exact-size copy,
 * and whatever decodes is framed again (openwts_frame_write_client_message)
 * to the same length.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Checks one header; returns whether it was accepted. */
static bool check_header(const uint8_t *p, uint32_t *len)
{
    uint8_t *hdr = fuzz_copy(p, OPENWTS_FRAME_HEADER);
    uint32_t n = 0xDEADBEEF;
    openwts_status st = openwts_frame_get_length(hdr, &n);
    uint32_t want = le32(p);
    if (want <= OPENWTS_FRAME_MAX) {
        FUZZ_CHECK(st == OPENWTS_OK && n == want);
        uint8_t back[OPENWTS_FRAME_HEADER];
        openwts_frame_put_length(back, n);
        FUZZ_CHECK(memcmp(back, p, OPENWTS_FRAME_HEADER) == 0);
    } else {
        FUZZ_CHECK(st == OPENWTS_ERROR_INVALID_DATA && n == 0xDEADBEEF);
    }
    free(hdr);
    *len = n;
    return st == OPENWTS_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static openwts_ClientMessage msg;
    static uint8_t wire[OPENWTS_FRAME_HEADER + OPENWTS_FRAME_MAX];

    /* put then get: any 32-bit value from the first bytes */
    if (size >= 4) {
        uint32_t v = le32(data), got = 0;
        uint8_t hdr[OPENWTS_FRAME_HEADER];
        openwts_frame_put_length(hdr, v);
        FUZZ_CHECK(memcmp(hdr, data, 4) == 0);
        openwts_status st = openwts_frame_get_length(hdr, &got);
        FUZZ_CHECK(v <= OPENWTS_FRAME_MAX ? (st == OPENWTS_OK && got == v)
                                          : st == OPENWTS_ERROR_INVALID_DATA);
    }

    /* the stream */
    size_t off = 0;
    while (size - off >= OPENWTS_FRAME_HEADER) {
        uint32_t len;
        if (!check_header(data + off, &len))
            break; /* a daemon drops the connection */
        off += OPENWTS_FRAME_HEADER;
        if (len > size - off)
            break; /* the peer has not sent it all */
        uint8_t *payload = fuzz_copy(data + off, len);
        off += len;
        openwts_status st = openwts_client_message_decode(payload, len, &msg);
        free(payload);
        FUZZ_CHECK(st == OPENWTS_OK || st == OPENWTS_ERROR_INVALID_DATA);
        if (st != OPENWTS_OK)
            continue;
        FUZZ_CHECK(fuzz_client_message_ok(&msg));
        /* a message read from a frame can be framed again */
        size_t n = 0;
        st = openwts_frame_write_client_message(&msg, wire, sizeof(wire), OPENWTS_FRAME_MAX, &n);
        FUZZ_CHECK(st == OPENWTS_OK || (st == OPENWTS_ERROR_INVALID_DATA && len > OPENWTS_FRAME_MAX / 2));
        if (st == OPENWTS_OK) {
            uint32_t back = 0;
            FUZZ_CHECK(openwts_frame_get_length(wire, &back) == OPENWTS_OK);
            FUZZ_CHECK(n == OPENWTS_FRAME_HEADER + (size_t)back);
        }
        openwts_client_message_release(&msg);
    }
    return 0;
}

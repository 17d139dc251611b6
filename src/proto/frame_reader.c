/* Frames on a stream socket: the reader that gathers them from pieces of a
 * stream, and the writer that lays one out in a buffer (frame_reader.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <pb_encode.h>
#include <stdlib.h>
#include <string.h>

#include "openwts/frame_reader.h"

void openwts_frame_reader_init(openwts_frame_reader *r, uint32_t bound)
{
    memset(r, 0, sizeof(*r));
    r->bound = bound;
}

void openwts_frame_reader_free(openwts_frame_reader *r)
{
    free(r->payload);
    r->payload = NULL;
    r->room = 0;
    r->have = 0;
    r->ready = false;
}

/* The frame handed out last is done with: start on the next one. */
static void next_frame(openwts_frame_reader *r)
{
    if (!r->ready)
        return;
    r->ready = false;
    r->have = 0;
    r->payload_len = 0;
    if (r->room > OPENWTS_FRAME_READER_KEEP) {
        free(r->payload);
        r->payload = NULL;
        r->room = 0;
    }
}

static size_t missing(const openwts_frame_reader *r)
{
    if (r->have < OPENWTS_FRAME_HEADER)
        return OPENWTS_FRAME_HEADER - r->have;
    return OPENWTS_FRAME_HEADER + (size_t)r->payload_len - r->have;
}

static openwts_status fail(openwts_frame_reader *r, openwts_status st)
{
    r->failed = true;
    return st;
}

openwts_status openwts_frame_reader_space(openwts_frame_reader *r, uint8_t **at, size_t *len)
{
    if (r->failed)
        return OPENWTS_ERROR_INVALID_DATA;
    next_frame(r);
    /* Between a complete header and a complete payload there is always a
     * payload byte missing: an empty payload completes with its header. */
    if (r->have < OPENWTS_FRAME_HEADER)
        *at = r->header + r->have;
    else
        *at = r->payload + (r->have - OPENWTS_FRAME_HEADER);
    *len = missing(r);
    return OPENWTS_OK;
}

/* The header is complete: check its length against the bound before a
 * byte of the payload is taken, and make room for the payload. */
static openwts_status header_done(openwts_frame_reader *r)
{
    uint32_t len = 0;
    for (int i = 0; i < OPENWTS_FRAME_HEADER; i++)
        len |= (uint32_t)r->header[i] << (8 * i);
    if (len > r->bound)
        return fail(r, OPENWTS_ERROR_INVALID_DATA);
    r->payload_len = len;
    if (len > r->room) {
        /* Nothing of the old payload is kept, so no realloc copy. */
        free(r->payload);
        r->payload = malloc(len);
        r->room = r->payload ? len : 0;
        if (!r->payload)
            return fail(r, OPENWTS_ERROR_NOT_ENOUGH_MEMORY);
    }
    return OPENWTS_OK;
}

openwts_status openwts_frame_reader_commit(openwts_frame_reader *r, size_t n, const uint8_t **payload,
                                           uint32_t *payload_len)
{
    *payload = NULL;
    *payload_len = 0;
    if (r->failed)
        return OPENWTS_ERROR_INVALID_DATA;
    next_frame(r);
    if (n > missing(r))
        return fail(r, OPENWTS_ERROR_INVALID_DATA);
    size_t before = r->have;
    r->have += n;
    if (r->have < OPENWTS_FRAME_HEADER)
        return OPENWTS_OK;
    if (before < OPENWTS_FRAME_HEADER) {
        openwts_status st = header_done(r);
        if (st != OPENWTS_OK)
            return st;
    }
    if (r->have == OPENWTS_FRAME_HEADER + (size_t)r->payload_len) {
        r->ready = true;
        /* An empty payload has no buffer; any valid address will do. */
        *payload = r->payload_len ? r->payload : r->header;
        *payload_len = r->payload_len;
    }
    return OPENWTS_OK;
}

openwts_status openwts_frame_reader_feed(openwts_frame_reader *r, const uint8_t *data, size_t len,
                                         size_t *used, const uint8_t **payload, uint32_t *payload_len)
{
    *used = 0;
    *payload = NULL;
    *payload_len = 0;
    if (r->failed)
        return OPENWTS_ERROR_INVALID_DATA;
    while (*used < len) {
        uint8_t *at;
        size_t want;
        openwts_status st = openwts_frame_reader_space(r, &at, &want);
        if (st != OPENWTS_OK)
            return st;
        size_t n = len - *used < want ? len - *used : want;
        memcpy(at, data + *used, n);
        *used += n;
        st = openwts_frame_reader_commit(r, n, payload, payload_len);
        if (st != OPENWTS_OK || *payload)
            return st;
    }
    return OPENWTS_OK;
}

bool openwts_frame_reader_between_frames(const openwts_frame_reader *r)
{
    return !r->failed && (r->ready || r->have == 0);
}

/* ---- the writer ------------------------------------------------------------ */

static openwts_status check_room(size_t cap, size_t len, uint32_t bound)
{
    if (len > bound)
        return OPENWTS_ERROR_INVALID_DATA;
    if (cap < OPENWTS_FRAME_HEADER || len > cap - OPENWTS_FRAME_HEADER)
        return OPENWTS_ERROR_INSUFFICIENT_BUFFER;
    return OPENWTS_OK;
}

openwts_status openwts_frame_write(uint8_t *buf, size_t cap, const uint8_t *payload, size_t len,
                                   uint32_t bound, size_t *frame_len)
{
    openwts_status st = check_room(cap, len, bound);
    if (st != OPENWTS_OK)
        return st;
    if (len && payload != buf + OPENWTS_FRAME_HEADER)
        memmove(buf + OPENWTS_FRAME_HEADER, payload, len);
    openwts_frame_put_length(buf, (uint32_t)len);
    *frame_len = OPENWTS_FRAME_HEADER + len;
    return OPENWTS_OK;
}

static openwts_status write_message(const pb_msgdesc_t *desc, const void *msg, uint8_t *buf, size_t cap,
                                    uint32_t bound, size_t *frame_len)
{
    size_t len = 0;
    if (!pb_get_encoded_size(&len, desc, msg))
        return OPENWTS_ERROR_INVALID_DATA;
    openwts_status st = check_room(cap, len, bound);
    if (st != OPENWTS_OK)
        return st;
    pb_ostream_t out = pb_ostream_from_buffer(buf + OPENWTS_FRAME_HEADER, len);
    if (!pb_encode(&out, desc, msg) || out.bytes_written != len)
        return OPENWTS_ERROR_INVALID_DATA;
    openwts_frame_put_length(buf, (uint32_t)len);
    *frame_len = OPENWTS_FRAME_HEADER + len;
    return OPENWTS_OK;
}

openwts_status openwts_frame_write_client_message(const openwts_ClientMessage *msg, uint8_t *buf,
                                                  size_t cap, uint32_t bound, size_t *frame_len)
{
    return write_message(openwts_ClientMessage_fields, msg, buf, cap, bound, frame_len);
}

openwts_status openwts_frame_write_server_message(const openwts_ServerMessage *msg, uint8_t *buf,
                                                  size_t cap, uint32_t bound, size_t *frame_len)
{
    return write_message(openwts_ServerMessage_fields, msg, buf, cap, bound, frame_len);
}

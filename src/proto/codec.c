/* Protobuf encoding of the protocol's messages (nanopb does the bytes) and
 * the length-prefixed framing used on sockets.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <pb_decode.h>
#include <pb_encode.h>
#include <string.h>

#include "openwts/codec.h"

static openwts_status encode(const pb_msgdesc_t *desc, const void *msg, uint8_t *buf, size_t cap,
                             size_t *len)
{
    size_t need = 0;
    if (!pb_get_encoded_size(&need, desc, msg))
        return OPENWTS_ERROR_INVALID_DATA;
    if (need > cap)
        return OPENWTS_ERROR_INSUFFICIENT_BUFFER;
    pb_ostream_t out = pb_ostream_from_buffer(buf, cap);
    if (!pb_encode(&out, desc, msg))
        return OPENWTS_ERROR_INVALID_DATA;
    *len = out.bytes_written;
    return OPENWTS_OK;
}

static openwts_status decode(const pb_msgdesc_t *desc, const uint8_t *buf, size_t len, void *msg)
{
    /* pb_decode initialises the struct to defaults before reading; strings
     * longer than their field and arrays past max_count are errors. */
    pb_istream_t in = pb_istream_from_buffer(buf, len);
    return pb_decode(&in, desc, msg) ? OPENWTS_OK : OPENWTS_ERROR_INVALID_DATA;
}

openwts_status openwts_request_encode(const openwts_Request *msg, uint8_t *buf, size_t cap, size_t *len)
{
    return encode(openwts_Request_fields, msg, buf, cap, len);
}

openwts_status openwts_reply_encode(const openwts_Reply *msg, uint8_t *buf, size_t cap, size_t *len)
{
    return encode(openwts_Reply_fields, msg, buf, cap, len);
}

openwts_status openwts_hello_encode(const openwts_Hello *msg, uint8_t *buf, size_t cap, size_t *len)
{
    return encode(openwts_Hello_fields, msg, buf, cap, len);
}

openwts_status openwts_request_decode(const uint8_t *buf, size_t len, openwts_Request *msg)
{
    return decode(openwts_Request_fields, buf, len, msg);
}

openwts_status openwts_reply_decode(const uint8_t *buf, size_t len, openwts_Reply *msg)
{
    return decode(openwts_Reply_fields, buf, len, msg);
}

openwts_status openwts_hello_decode(const uint8_t *buf, size_t len, openwts_Hello *msg)
{
    return decode(openwts_Hello_fields, buf, len, msg);
}

void openwts_request_release(openwts_Request *msg)
{
    pb_release(openwts_Request_fields, msg);
}

void openwts_frame_put_length(uint8_t header[OPENWTS_FRAME_HEADER], uint32_t payload_len)
{
    for (int i = 0; i < OPENWTS_FRAME_HEADER; i++)
        header[i] = (uint8_t)(payload_len >> (8 * i));
}

openwts_status openwts_frame_get_length(const uint8_t header[OPENWTS_FRAME_HEADER], uint32_t *payload_len)
{
    uint32_t n = 0;
    for (int i = 0; i < OPENWTS_FRAME_HEADER; i++)
        n |= (uint32_t)header[i] << (8 * i);
    if (n > OPENWTS_FRAME_MAX)
        return OPENWTS_ERROR_INVALID_DATA;
    *payload_len = n;
    return OPENWTS_OK;
}

/* ---- the socket envelope ------------------------------------------------ */

openwts_status openwts_client_message_encode(const openwts_ClientMessage *msg, uint8_t *buf, size_t cap,
                                             size_t *len)
{
    return encode(openwts_ClientMessage_fields, msg, buf, cap, len);
}

openwts_status openwts_client_message_decode(const uint8_t *buf, size_t len, openwts_ClientMessage *msg)
{
    return decode(openwts_ClientMessage_fields, buf, len, msg);
}

void openwts_client_message_release(openwts_ClientMessage *msg)
{
    pb_release(openwts_ClientMessage_fields, msg);
}

openwts_status openwts_server_message_encode(const openwts_ServerMessage *msg, uint8_t *buf, size_t cap,
                                             size_t *len)
{
    return encode(openwts_ServerMessage_fields, msg, buf, cap, len);
}

openwts_status openwts_server_message_decode(const uint8_t *buf, size_t len, openwts_ServerMessage *msg)
{
    return decode(openwts_ServerMessage_fields, buf, len, msg);
}

void openwts_server_message_release(openwts_ServerMessage *msg)
{
    pb_release(openwts_ServerMessage_fields, msg);
}

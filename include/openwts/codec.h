/* Bytes on the wire: protobuf encoding of Request/Reply/Hello (nanopb) and
 * the framing around each message on a socket: a 4-byte little-endian length,
 * then that many bytes, never more than OPENWTS_FRAME_MAX.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_CODEC_H
#define OPENWTS_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "openwts/status.h"
#include "openwts.pb.h"

/* 2: the socket envelope, the caller taken from the connection, the server
 * named once per request. */
#define OPENWTS_PROTOCOL_VERSION 2
#define OPENWTS_FRAME_HEADER 4
#define OPENWTS_FRAME_MAX (256u * 1024u) /* a receiver's bound; longer lists come in parts */

/* Encode into buf (capacity cap); *len receives the encoded size.
 * ERROR_INSUFFICIENT_BUFFER when it does not fit. */
openwts_status openwts_request_encode(const openwts_Request *msg, uint8_t *buf, size_t cap, size_t *len);
openwts_status openwts_reply_encode(const openwts_Reply *msg, uint8_t *buf, size_t cap, size_t *len);
openwts_status openwts_hello_encode(const openwts_Hello *msg, uint8_t *buf, size_t cap, size_t *len);

/* Decode len bytes; ERROR_INVALID_DATA on anything malformed. The struct is
 * fully initialised either way. */
openwts_status openwts_request_decode(const uint8_t *buf, size_t len, openwts_Request *msg);
openwts_status openwts_reply_decode(const uint8_t *buf, size_t len, openwts_Reply *msg);
openwts_status openwts_hello_decode(const uint8_t *buf, size_t len, openwts_Hello *msg);

/* A decoded message may hold allocated fields (message texts, process
 * lists): release it before it is decoded into again or dropped. Safe on a
 * message whose decode failed (the decoder already released it). */
void openwts_request_release(openwts_Request *msg);
/* (Replies: openwts_reply_release in backend.h, shared with in-process.) */

/* ---- The socket envelope (openwts.proto: ClientMessage, ServerMessage) ----
 * What actually travels on a socket. Decoding allocates lists and message
 * texts: release a decoded message with the matching _release before it is
 * decoded into again or dropped (safe after a failed decode too). */
openwts_status openwts_client_message_encode(const openwts_ClientMessage *msg, uint8_t *buf, size_t cap,
                                             size_t *len);
openwts_status openwts_client_message_decode(const uint8_t *buf, size_t len, openwts_ClientMessage *msg);
void openwts_client_message_release(openwts_ClientMessage *msg);
openwts_status openwts_server_message_encode(const openwts_ServerMessage *msg, uint8_t *buf, size_t cap,
                                             size_t *len);
openwts_status openwts_server_message_decode(const uint8_t *buf, size_t len, openwts_ServerMessage *msg);
void openwts_server_message_release(openwts_ServerMessage *msg);

/* Frame header: write the length of a payload; read it back and check the
 * bound (ERROR_INVALID_DATA past OPENWTS_FRAME_MAX). */
void openwts_frame_put_length(uint8_t header[OPENWTS_FRAME_HEADER], uint32_t payload_len);
openwts_status openwts_frame_get_length(const uint8_t header[OPENWTS_FRAME_HEADER], uint32_t *payload_len);

#endif

/* Frames on a stream socket (see openwts.proto, "On a socket"): a 4-byte
 * little-endian payload length, then the payload.
 *
 * The reader gathers a stream's bytes as they arrive, in pieces of any size,
 * and hands out whole payloads one at a time. It never reads a socket
 * itself, so the same code serves wtsd (non-blocking reads under epoll),
 * wtsctl and the DLL's socket transport (blocking reads). Two ways to give
 * it bytes, freely mixed:
 *   - read into its own buffer: openwts_frame_reader_space says where and
 *     how many bytes the current frame still lacks (never more, so a
 *     blocking read never waits for bytes of the next frame), then
 *     openwts_frame_reader_commit says how many arrived;
 *   - hand it bytes read elsewhere: openwts_frame_reader_feed copies what
 *     belongs to the current frame and says how many it took; call it again
 *     with the rest after each frame.
 * A header announcing more than the reader's bound is ERROR_INVALID_DATA
 * before a byte of its payload is buffered; the reader then stays failed
 * (the stream has lost its framing: drop the connection). The only
 * allocation is the payload buffer, sized to the frame being read and kept
 * for the next one unless it is large.
 *
 * The writer puts a header and a payload (or an encoded envelope message)
 * into a caller's buffer.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_FRAME_READER_H
#define OPENWTS_FRAME_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "openwts/codec.h"

/* Payload room a reader keeps between frames; a larger buffer is freed once
 * its frame has been handed out, so an idle connection holds little. */
#define OPENWTS_FRAME_READER_KEEP (64u * 1024u)

typedef struct openwts_frame_reader {
    uint32_t bound;        /* the largest payload taken */
    uint32_t payload_len;  /* announced by the header, once it is complete */
    size_t have;           /* bytes of the current frame so far, header included */
    uint8_t header[OPENWTS_FRAME_HEADER];
    uint8_t *payload;      /* room for payload_len bytes */
    size_t room;
    bool ready;            /* a whole frame was handed out and is still valid */
    bool failed;
} openwts_frame_reader;

/* A reader taking payloads of at most `bound` bytes (OPENWTS_FRAME_MAX for
 * the protocol's own). Nothing is allocated yet. */
void openwts_frame_reader_init(openwts_frame_reader *r, uint32_t bound);
/* Frees the payload buffer; the reader may be initialised again. */
void openwts_frame_reader_free(openwts_frame_reader *r);

/* Where the next bytes of the stream go (*at) and how many the current
 * frame still lacks (*len, never 0). ERROR_INVALID_DATA once failed. A
 * payload handed out before is no longer valid after this call. */
openwts_status openwts_frame_reader_space(openwts_frame_reader *r, uint8_t **at, size_t *len);
/* n bytes (at most the *len of the last openwts_frame_reader_space) were
 * written at *at. When they complete a frame, *payload and *payload_len
 * receive it (*payload never NULL; valid until the next call on the
 * reader); otherwise *payload is NULL. ERROR_INVALID_DATA for a header over
 * the bound (or n too large), ERROR_NOT_ENOUGH_MEMORY when the payload
 * buffer cannot be had; both leave the reader failed. */
openwts_status openwts_frame_reader_commit(openwts_frame_reader *r, size_t n, const uint8_t **payload,
                                           uint32_t *payload_len);
/* Takes bytes from data[0..len) until they run out or a frame is complete;
 * *used says how many it took. *payload and *payload_len as for commit. */
openwts_status openwts_frame_reader_feed(openwts_frame_reader *r, const uint8_t *data, size_t len,
                                         size_t *used, const uint8_t **payload, uint32_t *payload_len);
/* No frame half read: an end of stream here is a clean one. */
bool openwts_frame_reader_between_frames(const openwts_frame_reader *r);

/* Writes a frame of `len` payload bytes into buf (cap bytes); *frame_len
 * receives OPENWTS_FRAME_HEADER + len. The payload may already be in place
 * at buf + OPENWTS_FRAME_HEADER (it is then not copied). ERROR_INVALID_DATA
 * for a payload over `bound` (the receiver would refuse it),
 * ERROR_INSUFFICIENT_BUFFER when buf is too small; buf is untouched then. */
openwts_status openwts_frame_write(uint8_t *buf, size_t cap, const uint8_t *payload, size_t len,
                                   uint32_t bound, size_t *frame_len);
/* Encodes an envelope message as one frame, the same way. */
openwts_status openwts_frame_write_client_message(const openwts_ClientMessage *msg, uint8_t *buf,
                                                  size_t cap, uint32_t bound, size_t *frame_len);
openwts_status openwts_frame_write_server_message(const openwts_ServerMessage *msg, uint8_t *buf,
                                                  size_t cap, uint32_t bound, size_t *frame_len);

#endif

/* A blocking client of wtsd (docs/wtsd.md, "Protocol"), for wtsctl and
 * the tests: connects, does the handshake (proving a key when wtsd asks),
 * sends requests and joins the parts of their answers, and receives the
 * events of a subscription.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef WTS_CLIENT_H
#define WTS_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "openwts/codec.h"
#include "openwts/frame_reader.h"

/* Why a call did not give an answer. */
typedef enum wts_client_result {
    WTS_CLIENT_OK = 0,
    WTS_CLIENT_REFUSED,      /* wtsd answered with a status: *status holds it */
    WTS_CLIENT_UNREACHABLE,  /* no connection, or it broke: errno-like text in err */
    WTS_CLIENT_PROTOCOL,     /* wtsd answered something that is not the protocol */
} wts_client_result;

typedef struct wts_client {
    int fd;
    openwts_frame_reader reader;
    uint64_t next_id;
    uint8_t *out;               /* room for one frame */
    int timeout_ms;             /* for each answer; -1 waits for ever */
    char where[160];            /* "unix socket /run/openwts/wtsd.sock", "tcp 127.0.0.1:3390" */
} wts_client;

/* The key of a TCP connection to a wtsd that asks for one (NULL: none). */
typedef struct wts_client_key {
    const uint8_t *bytes;
    size_t len;
} wts_client_key;

/* Connects to a Unix socket, or to "HOST:PORT" / "[V6]:PORT" over TCP,
 * and does the handshake. `name` goes into the Hello for wtsd's log.
 * On failure the client is closed and err says what happened; for
 * WTS_CLIENT_REFUSED *status is the HelloReply's status. */
wts_client_result wts_client_connect_unix(wts_client *c, const char *path, const char *name,
                                          uint32_t *status, char *err, size_t err_size);
wts_client_result wts_client_connect_tcp(wts_client *c, const char *address, const char *name,
                                         const wts_client_key *key, uint32_t *status, char *err,
                                         size_t err_size);

/* Sends a request and waits for its whole answer (events received
 * meanwhile are dropped). On WTS_CLIENT_OK *rep holds the answer (its
 * status may be an error: the server's refusal); release it with
 * openwts_reply_release. */
wts_client_result wts_client_call(wts_client *c, const openwts_Request *req, openwts_Reply *rep,
                                  char *err, size_t err_size);

/* Subscribe{on}: events then arrive with wts_client_next_event. */
wts_client_result wts_client_subscribe(wts_client *c, bool on, char *err, size_t err_size);
/* Waits (without a timeout) for the next event. */
wts_client_result wts_client_next_event(wts_client *c, openwts_Event *ev, char *err, size_t err_size);

void wts_client_close(wts_client *c);

#endif

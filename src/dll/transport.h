/* Transports carry a request to a dispatcher and its reply back. Which one
 * a server handle uses is its binding's (server_binding.h); server_call
 * picks it, the exports never see it.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_TRANSPORT_H
#define OPENWTS_TRANSPORT_H

#include "openwts/backend.h"
#include "server_binding.h"

/* In-process: the dispatcher and the embedded backend run in this DLL and
 * the structs are handed over as they are, without encoding. */
openwts_status transport_inproc_call(const openwts_Caller *caller, const openwts_Request *req,
                                     openwts_Reply *rep);

/* ---- A socket to a wtsd (transport_socket.c) ----
 * Limits, in milliseconds. Connecting (name lookup, TCP connect) gets
 * SOCKET_CONNECT_TIMEOUT_MS: a server that is down fails a call with
 * RPC_S_SERVER_UNAVAILABLE within it. Once a request is out, the server may
 * stay silent SOCKET_ANSWER_TIMEOUT_MS between bytes of its answer (the
 * handshake's too); calls that wait on people or programs get more
 * (transport_socket.c, answer_timeout). */
#define SOCKET_CONNECT_TIMEOUT_MS 2000u
#define SOCKET_ANSWER_TIMEOUT_MS  5000u

/* One connection to one server, shared by the threads that use the server
 * object it belongs to, one request at a time. */
typedef struct socket_link socket_link;

/* A link to the server `b` names; nothing is connected until the first
 * call. The binding is copied. NULL when memory runs out. */
socket_link *transport_socket_open(const server_binding *b);
/* Closes the connection (if any) and frees the link. */
void transport_socket_close(socket_link *link);
/* Sends `req` and reads the whole answer into `rep` (emptied first; on
 * success released with openwts_reply_release). Returns the reply's status,
 * or RPC_S_SERVER_UNAVAILABLE when the server cannot be reached or the
 * connection fails, ERROR_INVALID_DATA for an answer that is not one, the
 * handshake's status (ERROR_ACCESS_DENIED) when the server refuses us; then
 * rep holds nothing. */
openwts_status transport_socket_call(socket_link *link, const openwts_Request *req, openwts_Reply *rep);

/* ---- Events (event_source_socket.c) ----
 * A link that carries a subscription carries nothing else: no request
 * ever goes on it, so an event can never be taken for a reply. */

/* Connects the link afresh (closing what it had), does the handshake and
 * sends Subscribe{on: true}, waiting for its answer. From its return on,
 * every event of the server comes on the link. OPENWTS_OK, or what a call
 * would get (RPC_S_SERVER_UNAVAILABLE, the handshake's refusal, the
 * server's status for the subscription); the link is then closed. */
openwts_status transport_socket_subscribe(socket_link *link);
/* Waits without limit for the next Event of a subscribed link (anything
 * else the server sends is skipped). OPENWTS_OK with *ev, or the failure
 * that closed the link (RPC_S_SERVER_UNAVAILABLE: it broke, the server
 * went away; ERROR_INVALID_DATA: bytes that are not the protocol): then
 * subscribe again. TCP keepalive notices a host that is gone. */
openwts_status transport_socket_next_event(socket_link *link, openwts_Event *ev);

/* WSACleanup, if a link ever started Winsock (DLL unload, after every link
 * is closed). */
void transport_socket_unload(void);

#endif

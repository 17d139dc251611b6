/* One message from a client (docs/wtsd.md, "Protocol"): before the
 * handshake only a Hello (then an AuthResponse, when challenged) is
 * taken; after it, requests and subscriptions. A payload that is not a
 * ClientMessage is answered with ERROR_INVALID_DATA: before the handshake
 * in a HelloReply, and the connection is closed; after it with id 0, and
 * the connection goes on (its framing is intact).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "openwts/dispatch.h"
#include "server.h"

static const char *op_name(pb_size_t which)
{
    switch (which) {
    case openwts_Request_enumerate_sessions_tag: return "enumerate_sessions";
    case openwts_Request_query_session_tag: return "query_session";
    case openwts_Request_disconnect_session_tag: return "disconnect_session";
    case openwts_Request_logoff_session_tag: return "logoff_session";
    case openwts_Request_connect_session_tag: return "connect_session";
    case openwts_Request_enumerate_processes_tag: return "enumerate_processes";
    case openwts_Request_terminate_process_tag: return "terminate_process";
    case openwts_Request_send_message_tag: return "send_message";
    case openwts_Request_add_session_tag: return "add_session";
    case openwts_Request_remove_session_tag: return "remove_session";
    case openwts_Request_lock_session_tag: return "lock_session";
    default: return "unknown operation";
    }
}

/* Before the handshake is done, every refusal is a HelloReply, then the
 * end of the connection. */
static void refuse_handshake(wtsd_conn *c, uint64_t id, openwts_status status)
{
    openwts_ServerMessage m = openwts_ServerMessage_init_zero;
    m.id = id;
    m.which_body = openwts_ServerMessage_hello_tag;
    m.body.hello.status = status;
    m.body.hello.version = OPENWTS_PROTOCOL_VERSION;
    if (wtsd_conn_queue(c, &m))
        wtsd_conn_drain(c);
}

static void serve_request(wtsd_conn *c, uint64_t id, const openwts_Request *req)
{
    openwts_Reply *rep = calloc(1, sizeof(*rep));
    if (!rep) {
        wtsd_answer_status(c, id, OPENWTS_ERROR_NOT_ENOUGH_MEMORY);
        return;
    }
    openwts_status st = openwts_dispatch(c->server->backend, &c->caller, req, rep);
    wtsd_debug("#%llu %s: request %llu %s: status %lu", (unsigned long long)c->number,
               c->peer.text, (unsigned long long)id, op_name(req->which_op), (unsigned long)st);
    wtsd_answer_start(c, id, rep);
}

static void serve_subscribe(wtsd_conn *c, uint64_t id, const openwts_Subscribe *sub)
{
    if (sub->on != c->subscribed)
        wtsd_info("#%llu %s: %s session events", (unsigned long long)c->number, c->peer.text,
                  sub->on ? "subscribed to" : "unsubscribed from");
    c->subscribed = sub->on;
    c->events_dropped = 0;
    wtsd_answer_status(c, id, OPENWTS_OK);
}

static void in_handshake(wtsd_conn *c, const openwts_ClientMessage *m)
{
    if (c->state == WTSD_CONN_HELLO && m->which_body == openwts_ClientMessage_hello_tag) {
        wtsd_handshake_hello(c, m->id, &m->body.hello);
        return;
    }
    if (c->state == WTSD_CONN_AUTH && m->which_body == openwts_ClientMessage_auth_tag) {
        wtsd_handshake_auth(c, m->id, &m->body.auth);
        return;
    }
    wtsd_warn("#%llu %s: refused: %s", (unsigned long long)c->number, c->peer.text,
              c->state == WTSD_CONN_HELLO ? "the first message is not a Hello"
                                          : "the challenge was not answered with an AuthResponse");
    refuse_handshake(c, m->id, c->state == WTSD_CONN_HELLO ? OPENWTS_ERROR_NOT_SUPPORTED
                                                           : OPENWTS_ERROR_ACCESS_DENIED);
}

void wtsd_protocol_message(wtsd_conn *c, const uint8_t *payload, uint32_t len)
{
    openwts_ClientMessage *m = malloc(sizeof(*m));
    if (!m) {
        wtsd_conn_close(c, WTSD_LOG_ERROR, "out of memory");
        return;
    }
    if (openwts_client_message_decode(payload, len, m) != OPENWTS_OK) {
        wtsd_warn("#%llu %s: malformed message (%lu bytes): not a ClientMessage",
                  (unsigned long long)c->number, c->peer.text, (unsigned long)len);
        if (c->state == WTSD_CONN_READY)
            wtsd_answer_status(c, 0, OPENWTS_ERROR_INVALID_DATA);
        else
            refuse_handshake(c, 0, OPENWTS_ERROR_INVALID_DATA);
        openwts_client_message_release(m);
        free(m);
        return;
    }
    if (c->state != WTSD_CONN_READY) {
        in_handshake(c, m);
    } else {
        switch (m->which_body) {
        case openwts_ClientMessage_request_tag:
            serve_request(c, m->id, &m->body.request);
            break;
        case openwts_ClientMessage_subscribe_tag:
            serve_subscribe(c, m->id, &m->body.subscribe);
            break;
        case openwts_ClientMessage_hello_tag:
        case openwts_ClientMessage_auth_tag:
            wtsd_warn("#%llu %s: a handshake message after the handshake",
                      (unsigned long long)c->number, c->peer.text);
            wtsd_answer_status(c, m->id, OPENWTS_ERROR_INVALID_PARAMETER);
            break;
        default:
            /* A message of a newer protocol, or none at all. */
            wtsd_warn("#%llu %s: a message of a kind this wtsd does not know",
                      (unsigned long long)c->number, c->peer.text);
            wtsd_answer_status(c, m->id, OPENWTS_ERROR_NOT_SUPPORTED);
            break;
        }
    }
    openwts_client_message_release(m);
    free(m);
}

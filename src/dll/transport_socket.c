/* The socket transport: requests to a wtsd over TCP (Wine 8's Winsock has
 * no AF_UNIX), in the envelope of openwts.proto ("On a socket").
 *
 * A link connects on its first call: the name is looked up and connected
 * within SOCKET_CONNECT_TIMEOUT_MS, then the handshake: a Hello with our
 * protocol version; a HelloReply that refuses gives its status; one that
 * carries a challenge is answered with HMAC-SHA256(key, challenge),
 * computed by Windows' BCrypt, with the key the binding has (an empty proof
 * without one, so that the server decides and logs it). Requests follow,
 * one at a time per link, each with the next id; the answer's parts are
 * joined (reply_parts.h). A request link never subscribes: events (id 0)
 * come on a link of their own (event_source_socket.c, "Events" below), so
 * one that came here anyway is skipped.
 *
 * Failures. Whatever breaks the connection closes it, and the next call
 * connects again, so a wtsd that restarts is used again with no action by
 * the program. A connection kept between calls is checked before it is
 * used: one the server closed meanwhile (a restart, an idle timeout) is
 * replaced before anything is sent on it. If it breaks after the request
 * started going out, the request is sent once more on a new connection
 * only if it changes nothing (enumerations and queries); anything else is
 * never sent twice, and fails with RPC_S_SERVER_UNAVAILABLE. Silence past
 * the answer timeout, a server that closes mid-answer and a server that
 * cannot be reached give RPC_S_SERVER_UNAVAILABLE; an answer that is not
 * one (over the frame bound, undecodable, another request's) gives
 * ERROR_INVALID_DATA.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mstcpip.h>
#include <windows.h>
#include <bcrypt.h>
#include <stdio.h>

#include "socket_lookup.h"
#include "transport.h"

#include "openwts/codec.h"
#include "openwts/frame_reader.h"
#include "openwts/reply_parts.h"

/* Calls that wait on programs (logoff, disconnect, connect with bWait): the
 * local backend gives each program's windows 5 s per message, a session
 * manager may take longer; this bounds the silence of a server that hangs. */
#define SOCKET_WAITING_TIMEOUT_MS 120000u
/* TCP keepalive: how a host that vanished is noticed while a message box
 * waits for its user with no time limit. */
#define KEEPALIVE_IDLE_MS     10000u
#define KEEPALIVE_INTERVAL_MS 1000u

#define SEND_BUFFER_SMALL 4096u
#define HMAC_SHA256_BYTES 32u

struct socket_link {
    SRWLOCK lock; /* one request at a time on the connection */
    server_binding binding;
    SOCKET s;     /* INVALID_SOCKET while not connected */
    uint64_t last_id;
    openwts_frame_reader reader;
};

/* What went wrong on the connection. */
typedef enum io_result {
    IO_OK,
    IO_BROKEN,    /* closed, reset, or any socket error */
    IO_TIMEOUT,   /* the server stayed silent too long */
    IO_BAD_DATA,  /* bytes that are not the protocol */
    IO_NO_MEMORY,
    IO_TOO_BIG,   /* a request over the frame bound: the server would refuse it */
} io_result;

static openwts_status status_of(io_result r)
{
    switch (r) {
    case IO_OK: return OPENWTS_OK;
    case IO_BAD_DATA: return ERROR_INVALID_DATA;
    case IO_NO_MEMORY: return ERROR_NOT_ENOUGH_MEMORY;
    /* Only WTSSendMessage's texts can be that long: a parameter the
     * server cannot take. */
    case IO_TOO_BIG: return ERROR_INVALID_PARAMETER;
    default: return RPC_S_SERVER_UNAVAILABLE;
    }
}

/* ---- Winsock, started on first use ------------------------------------ */

static INIT_ONCE wsa_once = INIT_ONCE_STATIC_INIT;
static BOOL wsa_started;

static BOOL CALLBACK wsa_init(INIT_ONCE *o, void *param, void **ctx)
{
    (void)o; (void)param; (void)ctx;
    WSADATA data;
    wsa_started = WSAStartup(MAKEWORD(2, 2), &data) == 0;
    return TRUE;
}

static BOOL winsock_ready(void)
{
    InitOnceExecuteOnce(&wsa_once, wsa_init, NULL, NULL);
    return wsa_started;
}

void transport_socket_unload(void)
{
    if (wsa_started)
        WSACleanup();
    wsa_started = FALSE;
    InitOnceInitialize(&wsa_once);
}

/* ---- time -------------------------------------------------------------- */

/* 1 ready, 0 timed out, -1 failed. ms INFINITE waits without limit. For a
 * connect, failure shows in the exception set. */
static int wait_socket(SOCKET s, BOOL for_write, DWORD ms)
{
    fd_set ready, failed;
    FD_ZERO(&ready);
    FD_SET(s, &ready);
    FD_ZERO(&failed);
    FD_SET(s, &failed);
    struct timeval tv = { (long)(ms / 1000), (long)(ms % 1000) * 1000 };
    int n = select(0, for_write ? NULL : &ready, for_write ? &ready : NULL, &failed,
                   ms == INFINITE ? NULL : &tv);
    if (n < 0 || FD_ISSET(s, &failed))
        return -1;
    return n > 0 ? 1 : 0;
}

/* ---- connecting -------------------------------------------------------- */

static SOCKET connect_one(const ADDRINFOW *a, ULONGLONG deadline)
{
    /* Not inherited: a child process must not hold our connection open. */
    SOCKET s = WSASocketW(a->ai_family, a->ai_socktype, a->ai_protocol, NULL, 0, WSA_FLAG_NO_HANDLE_INHERIT);
    if (s == INVALID_SOCKET) {
        s = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
        if (s == INVALID_SOCKET)
            return INVALID_SOCKET;
        SetHandleInformation((HANDLE)s, HANDLE_FLAG_INHERIT, 0);
    }
    /* Non-blocking from here on: every wait is a select with a limit. */
    u_long on = 1;
    if (ioctlsocket(s, FIONBIO, &on) == 0) {
        if (connect(s, a->ai_addr, (int)a->ai_addrlen) == 0)
            return s;
        if (WSAGetLastError() == WSAEWOULDBLOCK && wait_socket(s, TRUE, remaining_ms(deadline)) == 1) {
            int err = 1, len = sizeof(err);
            if (getsockopt(s, SOL_SOCKET, SO_ERROR, (char *)&err, &len) == 0 && err == 0)
                return s;
        }
    }
    closesocket(s);
    return INVALID_SOCKET;
}

static void set_options(SOCKET s)
{
    /* Requests are small and wait for their answer: no Nagle delay. */
    BOOL on = TRUE;
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, (const char *)&on, sizeof(on));
    struct tcp_keepalive ka = { 1, KEEPALIVE_IDLE_MS, KEEPALIVE_INTERVAL_MS };
    DWORD bytes;
    if (WSAIoctl(s, SIO_KEEPALIVE_VALS, &ka, sizeof(ka), NULL, 0, &bytes, NULL, NULL) != 0)
        setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, (const char *)&on, sizeof(on));
}

static void link_drop(socket_link *l)
{
    if (l->s != INVALID_SOCKET)
        closesocket(l->s);
    l->s = INVALID_SOCKET;
    openwts_frame_reader_free(&l->reader);
    openwts_frame_reader_init(&l->reader, OPENWTS_FRAME_MAX);
}

/* Whether a connection kept since the last call may still be used: nothing
 * to read means it may (the server closing it shows as a readable end of
 * stream). Bytes waiting (an event) do not end it. */
static BOOL link_alive(socket_link *l)
{
    int ready = wait_socket(l->s, FALSE, 0);
    if (ready == 0)
        return TRUE;
    char c;
    return ready > 0 && recv(l->s, &c, 1, MSG_PEEK) > 0;
}

/* ---- messages ---------------------------------------------------------- */

static io_result send_all(socket_link *l, const uint8_t *p, size_t n, DWORD silence_ms, BOOL *started)
{
    while (n) {
        int k = send(l->s, (const char *)p, n > INT_MAX ? INT_MAX : (int)n, 0);
        if (k > 0) {
            *started = TRUE;
            p += k;
            n -= (size_t)k;
            continue;
        }
        if (k < 0 && WSAGetLastError() == WSAEWOULDBLOCK) {
            int ready = wait_socket(l->s, TRUE, silence_ms);
            if (ready == 0)
                return IO_TIMEOUT;
            if (ready > 0)
                continue;
        }
        return IO_BROKEN;
    }
    return IO_OK;
}

static io_result send_message(socket_link *l, const openwts_ClientMessage *msg, DWORD silence_ms, BOOL *started)
{
    /* Most requests fit the small buffer; a long message text gets room for
     * the largest frame the server takes. */
    size_t cap = SEND_BUFFER_SMALL, len = 0;
    uint8_t *buf = HeapAlloc(GetProcessHeap(), 0, cap);
    if (!buf)
        return IO_NO_MEMORY;
    openwts_status st = openwts_frame_write_client_message(msg, buf, cap, OPENWTS_FRAME_MAX, &len);
    if (st == OPENWTS_ERROR_INSUFFICIENT_BUFFER) {
        HeapFree(GetProcessHeap(), 0, buf);
        cap = OPENWTS_FRAME_HEADER + OPENWTS_FRAME_MAX;
        buf = HeapAlloc(GetProcessHeap(), 0, cap);
        if (!buf)
            return IO_NO_MEMORY;
        st = openwts_frame_write_client_message(msg, buf, cap, OPENWTS_FRAME_MAX, &len);
    }
    io_result r = st == OPENWTS_OK ? send_all(l, buf, len, silence_ms, started) : IO_TOO_BIG;
    HeapFree(GetProcessHeap(), 0, buf);
    return r;
}

/* The next whole message from the server, decoded into *m (release it with
 * openwts_server_message_release, also after IO_BAD_DATA). */
static io_result read_message(socket_link *l, DWORD silence_ms, openwts_ServerMessage *m)
{
    memset(m, 0, sizeof(*m)); /* released by the caller whatever happens */
    for (;;) {
        uint8_t *at;
        size_t want;
        if (openwts_frame_reader_space(&l->reader, &at, &want) != OPENWTS_OK)
            return IO_BAD_DATA;
        int k = recv(l->s, (char *)at, want > INT_MAX ? INT_MAX : (int)want, 0);
        if (k == 0)
            return IO_BROKEN;
        if (k < 0) {
            if (WSAGetLastError() != WSAEWOULDBLOCK)
                return IO_BROKEN;
            int ready = wait_socket(l->s, FALSE, silence_ms);
            if (ready == 0)
                return IO_TIMEOUT;
            if (ready < 0)
                return IO_BROKEN;
            continue;
        }
        const uint8_t *payload;
        uint32_t len;
        openwts_status st = openwts_frame_reader_commit(&l->reader, (size_t)k, &payload, &len);
        if (st == OPENWTS_ERROR_NOT_ENOUGH_MEMORY)
            return IO_NO_MEMORY;
        if (st != OPENWTS_OK)
            return IO_BAD_DATA;
        if (payload)
            return openwts_server_message_decode(payload, len, m) == OPENWTS_OK ? IO_OK : IO_BAD_DATA;
    }
}

/* ---- the handshake ----------------------------------------------------- */

static BOOL hmac_sha256(const BYTE *key, DWORD key_len, const BYTE *data, DWORD len,
                        BYTE out[HMAC_SHA256_BYTES])
{
    BCRYPT_ALG_HANDLE alg;
    if (!BCRYPT_SUCCESS(BCryptOpenAlgorithmProvider(&alg, BCRYPT_SHA256_ALGORITHM, NULL,
                                                    BCRYPT_ALG_HANDLE_HMAC_FLAG)))
        return FALSE;
    BCRYPT_HASH_HANDLE hash;
    BOOL ok = BCRYPT_SUCCESS(BCryptCreateHash(alg, &hash, NULL, 0, (PUCHAR)key, key_len, 0));
    if (ok) {
        ok = BCRYPT_SUCCESS(BCryptHashData(hash, (PUCHAR)data, len, 0)) &&
             BCRYPT_SUCCESS(BCryptFinishHash(hash, out, HMAC_SHA256_BYTES, 0));
        BCryptDestroyHash(hash);
    }
    BCryptCloseAlgorithmProvider(alg, 0);
    return ok;
}

/* One HelloReply. Anything else, or nothing in time: not a wtsd we can talk
 * to, RPC_S_SERVER_UNAVAILABLE. */
static openwts_status read_hello_reply(socket_link *l, openwts_HelloReply *out)
{
    openwts_ServerMessage m;
    io_result r = read_message(l, SOCKET_ANSWER_TIMEOUT_MS, &m);
    BOOL ok = r == IO_OK && m.which_body == openwts_ServerMessage_hello_tag;
    if (ok)
        *out = m.body.hello;
    openwts_server_message_release(&m);
    if (r == IO_NO_MEMORY)
        return ERROR_NOT_ENOUGH_MEMORY;
    return ok ? OPENWTS_OK : RPC_S_SERVER_UNAVAILABLE;
}

static openwts_status send_handshake_message(socket_link *l, openwts_ClientMessage *msg)
{
    BOOL started = FALSE;
    io_result r = send_message(l, msg, SOCKET_ANSWER_TIMEOUT_MS, &started);
    return r == IO_NO_MEMORY ? ERROR_NOT_ENOUGH_MEMORY : r == IO_OK ? OPENWTS_OK : RPC_S_SERVER_UNAVAILABLE;
}

static openwts_status handshake(socket_link *l)
{
    openwts_ClientMessage msg = openwts_ClientMessage_init_zero;
    msg.which_body = openwts_ClientMessage_hello_tag;
    msg.body.hello.version = OPENWTS_PROTOCOL_VERSION;
    snprintf(msg.body.hello.client, sizeof(msg.body.hello.client), "wtsapi32.dll (OpenWTS) pid %lu",
             GetCurrentProcessId());
    openwts_status st = send_handshake_message(l, &msg);
    openwts_HelloReply reply;
    if (st || (st = read_hello_reply(l, &reply)))
        return st;
    if (reply.status || reply.challenge.size == 0)
        return reply.status;

    memset(&msg, 0, sizeof(msg));
    msg.which_body = openwts_ClientMessage_auth_tag;
    if (l->binding.key_len) {
        if (!hmac_sha256(l->binding.key, l->binding.key_len, reply.challenge.bytes, reply.challenge.size,
                         msg.body.auth.proof.bytes))
            return ERROR_ACCESS_DENIED; /* we cannot prove the key */
        msg.body.auth.proof.size = HMAC_SHA256_BYTES;
    }
    st = send_handshake_message(l, &msg);
    SecureZeroMemory(&msg, sizeof(msg));
    if (st || (st = read_hello_reply(l, &reply)))
        return st;
    /* The outcome; a second challenge is not in the protocol. */
    if (reply.status)
        return reply.status;
    return reply.challenge.size ? RPC_S_SERVER_UNAVAILABLE : OPENWTS_OK;
}

static openwts_status link_connect(socket_link *l)
{
    ULONGLONG deadline = GetTickCount64() + SOCKET_CONNECT_TIMEOUT_MS;
    if (l->binding.route != ROUTE_SOCKET)
        return RPC_S_SERVER_UNAVAILABLE;
    ADDRINFOW *list = socket_lookup(l->binding.host, l->binding.port, deadline);
    for (ADDRINFOW *a = list; a && l->s == INVALID_SOCKET && remaining_ms(deadline); a = a->ai_next)
        l->s = connect_one(a, deadline);
    if (list)
        FreeAddrInfoW(list);
    if (l->s == INVALID_SOCKET)
        return RPC_S_SERVER_UNAVAILABLE;
    set_options(l->s);
    openwts_status st = handshake(l);
    if (st)
        link_drop(l);
    return st;
}

/* ---- a call ------------------------------------------------------------ */

/* How long the server may stay silent while `req` is answered. */
static DWORD answer_timeout(const openwts_Request *req)
{
    switch (req->which_op) {
    case openwts_Request_send_message_tag: {
        const openwts_SendMessageRequest *m = &req->op.send_message;
        if (!m->wait)
            return SOCKET_ANSWER_TIMEOUT_MS;
        /* Waiting for the user with no time limit: no limit here either
         * (keepalive notices a host that is gone). */
        if (m->timeout_seconds == 0 || m->timeout_seconds > (INFINITE - SOCKET_ANSWER_TIMEOUT_MS) / 1000 - 1)
            return INFINITE;
        return SOCKET_ANSWER_TIMEOUT_MS + m->timeout_seconds * 1000u;
    }
    case openwts_Request_disconnect_session_tag:
        return req->op.disconnect_session.wait ? SOCKET_WAITING_TIMEOUT_MS : SOCKET_ANSWER_TIMEOUT_MS;
    case openwts_Request_logoff_session_tag:
        return req->op.logoff_session.wait ? SOCKET_WAITING_TIMEOUT_MS : SOCKET_ANSWER_TIMEOUT_MS;
    case openwts_Request_connect_session_tag:
        return req->op.connect_session.wait ? SOCKET_WAITING_TIMEOUT_MS : SOCKET_ANSWER_TIMEOUT_MS;
    default:
        return SOCKET_ANSWER_TIMEOUT_MS;
    }
}

/* Requests that change nothing on the server: safe to send twice. */
static BOOL read_only(const openwts_Request *req)
{
    return req->which_op == openwts_Request_enumerate_sessions_tag ||
           req->which_op == openwts_Request_query_session_tag ||
           req->which_op == openwts_Request_enumerate_processes_tag;
}

static void reply_clear(openwts_Reply *rep)
{
    openwts_reply_release(rep);
    rep->status = OPENWTS_OK;
    rep->which_result = 0;
}

/* Sends req and joins its answer into rep. *started: a byte of the
 * request went out. */
static io_result exchange(socket_link *l, const openwts_Request *req, openwts_Reply *rep, BOOL *started)
{
    DWORD silence = answer_timeout(req);
    openwts_ClientMessage msg = openwts_ClientMessage_init_zero;
    msg.id = ++l->last_id;
    msg.which_body = openwts_ClientMessage_request_tag;
    msg.body.request = *req; /* borrows the message texts: encoded, never released */
    io_result r = send_message(l, &msg, silence, started);
    if (r != IO_OK)
        return r;

    openwts_reply_join join;
    openwts_reply_join_start(&join, rep);
    for (;;) {
        openwts_ServerMessage m;
        r = read_message(l, silence, &m);
        if (r == IO_OK && m.id == 0 && m.which_body == openwts_ServerMessage_event_tag) {
            openwts_server_message_release(&m); /* unasked: subscriptions have their own link */
            continue;
        }
        bool complete = false;
        if (r == IO_OK) {
            openwts_status st = m.id == msg.id ? openwts_reply_join_add(&join, &m, &complete)
                                               : OPENWTS_ERROR_INVALID_DATA;
            if (st != OPENWTS_OK)
                r = st == OPENWTS_ERROR_NOT_ENOUGH_MEMORY ? IO_NO_MEMORY : IO_BAD_DATA;
        }
        openwts_server_message_release(&m);
        if (r != IO_OK) {
            reply_clear(rep);
            return r;
        }
        if (complete)
            return IO_OK;
    }
}

socket_link *transport_socket_open(const server_binding *b)
{
    socket_link *l = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*l));
    if (!l)
        return NULL;
    InitializeSRWLock(&l->lock);
    l->binding = *b;
    l->s = INVALID_SOCKET;
    openwts_frame_reader_init(&l->reader, OPENWTS_FRAME_MAX);
    return l;
}

void transport_socket_close(socket_link *l)
{
    if (!l)
        return;
    link_drop(l);
    openwts_frame_reader_free(&l->reader);
    HeapFree(GetProcessHeap(), 0, l);
}

openwts_status transport_socket_call(socket_link *l, const openwts_Request *req, openwts_Reply *rep)
{
    rep->status = OPENWTS_OK;
    rep->which_result = 0;
    if (!winsock_ready())
        return RPC_S_SERVER_UNAVAILABLE;
    openwts_status st;
    AcquireSRWLockExclusive(&l->lock);
    for (int attempt = 0;; attempt++) {
        BOOL fresh = FALSE, started = FALSE;
        if (l->s != INVALID_SOCKET && !link_alive(l))
            link_drop(l); /* closed by the server since the last call */
        if (l->s == INVALID_SOCKET) {
            if ((st = link_connect(l)))
                break;
            fresh = TRUE;
        }
        io_result r = exchange(l, req, rep, &started);
        if (r == IO_OK) {
            st = rep->status;
            break;
        }
        link_drop(l);
        st = status_of(r);
        /* Once more, on a new connection, only where it cannot do a thing
         * twice: the old connection broke (not a silent or garbled server)
         * before any byte of a request went out, or under one that changes
         * nothing. A connection made for this call is not given a second. */
        if (attempt > 0 || fresh || r != IO_BROKEN || (started && !read_only(req)))
            break;
    }
    ReleaseSRWLockExclusive(&l->lock);
    return st;
}

/* ---- Events ------------------------------------------------------------ */

openwts_status transport_socket_subscribe(socket_link *l)
{
    if (!winsock_ready())
        return RPC_S_SERVER_UNAVAILABLE;
    AcquireSRWLockExclusive(&l->lock);
    link_drop(l); /* a subscription starts on a connection of its own */
    openwts_status st = link_connect(l);
    if (st == OPENWTS_OK) {
        openwts_ClientMessage msg = openwts_ClientMessage_init_zero;
        msg.id = ++l->last_id;
        msg.which_body = openwts_ClientMessage_subscribe_tag;
        msg.body.subscribe.on = true;
        BOOL started = FALSE;
        io_result r = send_message(l, &msg, SOCKET_ANSWER_TIMEOUT_MS, &started);
        /* The answer; no event comes before it (docs/wtsd.md, "Events"),
         * but one that did would only be skipped. */
        BOOL answered = FALSE;
        while (r == IO_OK && !answered) {
            openwts_ServerMessage m;
            r = read_message(l, SOCKET_ANSWER_TIMEOUT_MS, &m);
            if (r == IO_OK && m.id == msg.id && m.which_body == openwts_ServerMessage_reply_tag) {
                st = m.body.reply.status;
                answered = TRUE;
            } else if (r == IO_OK && m.id != 0) {
                r = IO_BAD_DATA; /* an answer to something we never asked */
            }
            openwts_server_message_release(&m);
        }
        if (r != IO_OK)
            st = status_of(r);
        if (st != OPENWTS_OK)
            link_drop(l);
    }
    ReleaseSRWLockExclusive(&l->lock);
    return st;
}

openwts_status transport_socket_next_event(socket_link *l, openwts_Event *ev)
{
    openwts_status st = RPC_S_SERVER_UNAVAILABLE;
    AcquireSRWLockExclusive(&l->lock);
    while (l->s != INVALID_SOCKET) {
        openwts_ServerMessage m;
        io_result r = read_message(l, INFINITE, &m);
        BOOL event = r == IO_OK && m.which_body == openwts_ServerMessage_event_tag;
        if (event)
            *ev = m.body.event;
        openwts_server_message_release(&m);
        if (event) {
            st = OPENWTS_OK;
            break;
        }
        if (r != IO_OK) {
            link_drop(l);
            st = status_of(r);
            break;
        }
        /* Anything else (an answer with id 0 to a frame the server could
         * not read) is not for us to act on. */
    }
    ReleaseSRWLockExclusive(&l->lock);
    return st;
}

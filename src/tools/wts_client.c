/* wtsd's blocking client (wts_client.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "wts_client.h"

#include <errno.h>
#include <netdb.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "openwts/backend.h"
#include "openwts/reply_parts.h"
#include "openwts/utf8.h"

#define DEFAULT_TIMEOUT_MS 60000
#define OUT_CAP (OPENWTS_FRAME_HEADER + OPENWTS_FRAME_MAX)

void wts_client_close(wts_client *c)
{
    if (c->fd >= 0)
        close(c->fd);
    c->fd = -1;
    openwts_frame_reader_free(&c->reader);
    free(c->out);
    c->out = NULL;
}

static wts_client_result broken(wts_client *c, char *err, size_t n, const char *what)
{
    snprintf(err, n, "%s: %s", c->where, what);
    return WTS_CLIENT_UNREACHABLE;
}

static wts_client_result garbled(wts_client *c, char *err, size_t n, const char *what)
{
    snprintf(err, n, "%s: %s", c->where, what);
    return WTS_CLIENT_PROTOCOL;
}

static wts_client_result send_message(wts_client *c, const openwts_ClientMessage *m, char *err,
                                      size_t n)
{
    size_t len = 0;
    if (openwts_frame_write_client_message(m, c->out, OUT_CAP, OPENWTS_FRAME_MAX, &len) != OPENWTS_OK)
        return garbled(c, err, n, "the request does not fit in a frame");
    for (size_t done = 0; done < len;) {
        ssize_t w = send(c->fd, c->out + done, len - done, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return broken(c, err, n, w < 0 ? strerror(errno) : "connection closed");
        done += (size_t)w;
    }
    return WTS_CLIENT_OK;
}

/* The next whole message from wtsd, decoded into *m (release it). */
static wts_client_result receive(wts_client *c, openwts_ServerMessage *m, int timeout_ms, char *err,
                                 size_t n)
{
    for (;;) {
        uint8_t *at;
        size_t want;
        if (openwts_frame_reader_space(&c->reader, &at, &want) != OPENWTS_OK)
            return garbled(c, err, n, "the stream lost its framing");
        struct pollfd p = { .fd = c->fd, .events = POLLIN };
        int r = poll(&p, 1, timeout_ms);
        if (r < 0 && errno == EINTR)
            return broken(c, err, n, "interrupted");
        if (r < 0)
            return broken(c, err, n, strerror(errno));
        if (r == 0)
            return broken(c, err, n, "no answer in time");
        ssize_t got = recv(c->fd, at, want, 0);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return broken(c, err, n, strerror(errno));
        if (got == 0)
            return broken(c, err, n, "wtsd closed the connection");
        const uint8_t *payload;
        uint32_t len;
        if (openwts_frame_reader_commit(&c->reader, (size_t)got, &payload, &len) != OPENWTS_OK)
            return garbled(c, err, n, "a frame over the protocol's bound");
        if (!payload)
            continue;
        if (openwts_server_message_decode(payload, len, m) != OPENWTS_OK)
            return garbled(c, err, n, "a message that does not decode");
        return WTS_CLIENT_OK;
    }
}

static wts_client_result hello_reply(wts_client *c, uint64_t id, openwts_HelloReply *out,
                                     uint32_t *status, char *err, size_t n)
{
    openwts_ServerMessage m;
    wts_client_result r = receive(c, &m, c->timeout_ms, err, n);
    if (r != WTS_CLIENT_OK)
        return r;
    bool is_hello = m.which_body == openwts_ServerMessage_hello_tag;
    /* id 0: wtsd could not read the message it answers. */
    bool answers = m.id == id || m.id == 0;
    if (is_hello)
        *out = m.body.hello;
    openwts_server_message_release(&m);
    if (!is_hello || !answers)
        return garbled(c, err, n, "the handshake was not answered with a HelloReply");
    if (out->status != OPENWTS_OK) {
        *status = out->status;
        snprintf(err, n, "%s: wtsd refused the connection", c->where);
        return WTS_CLIENT_REFUSED;
    }
    return WTS_CLIENT_OK;
}

static wts_client_result handshake(wts_client *c, const char *name, const wts_client_key *key,
                                   uint32_t *status, char *err, size_t n)
{
    openwts_ClientMessage m = openwts_ClientMessage_init_zero;
    m.id = c->next_id++;
    m.which_body = openwts_ClientMessage_hello_tag;
    m.body.hello.version = OPENWTS_PROTOCOL_VERSION;
    openwts_utf8_copy(m.body.hello.client, sizeof(m.body.hello.client), name ? name : "");
    wts_client_result r = send_message(c, &m, err, n);
    openwts_HelloReply hr;
    if (r == WTS_CLIENT_OK)
        r = hello_reply(c, m.id, &hr, status, err, n);
    if (r != WTS_CLIENT_OK || hr.challenge.size == 0)
        return r;

    /* wtsd asks for the key: HMAC-SHA256(key, challenge). Without a key
     * the answer is an empty proof, so that the refusal is wtsd's own. */
    bool have_key = key && key->bytes;
    openwts_ClientMessage a = openwts_ClientMessage_init_zero;
    a.id = c->next_id++;
    a.which_body = openwts_ClientMessage_auth_tag;
    unsigned int len = 0;
    if (have_key
        && (key->len > (size_t)INT32_MAX
            || !HMAC(EVP_sha256(), key->bytes, (int)key->len, hr.challenge.bytes, hr.challenge.size,
                     a.body.auth.proof.bytes, &len)
            || len > sizeof(a.body.auth.proof.bytes)))
        return garbled(c, err, n, "no proof could be computed");
    a.body.auth.proof.size = (pb_size_t)len;
    r = send_message(c, &a, err, n);
    if (r == WTS_CLIENT_OK)
        r = hello_reply(c, a.id, &hr, status, err, n);
    if (r == WTS_CLIENT_REFUSED && !have_key)
        snprintf(err, n, "%s: wtsd refused the connection: it asks for a key (--key-file)", c->where);
    return r;
}

static void init(wts_client *c, const char *where_fmt, const char *where)
{
    memset(c, 0, sizeof(*c));
    c->fd = -1;
    c->next_id = 1;
    c->timeout_ms = DEFAULT_TIMEOUT_MS;
    openwts_frame_reader_init(&c->reader, OPENWTS_FRAME_MAX);
    snprintf(c->where, sizeof(c->where), where_fmt, where);
}

static wts_client_result finish_connect(wts_client *c, const char *name, const wts_client_key *key,
                                        uint32_t *status, char *err, size_t n)
{
    if (!(c->out = malloc(OUT_CAP))) {
        snprintf(err, n, "out of memory");
        wts_client_close(c);
        return WTS_CLIENT_PROTOCOL;
    }
    wts_client_result r = handshake(c, name, key, status, err, n);
    if (r != WTS_CLIENT_OK)
        wts_client_close(c);
    return r;
}

wts_client_result wts_client_connect_unix(wts_client *c, const char *path, const char *name,
                                          uint32_t *status, char *err, size_t n)
{
    init(c, "unix socket %s", path);
    struct sockaddr_un sun;
    memset(&sun, 0, sizeof(sun));
    sun.sun_family = AF_UNIX;
    if (strlen(path) >= sizeof(sun.sun_path)) {
        wts_client_close(c);
        return broken(c, err, n, "the path is too long for a socket");
    }
    memcpy(sun.sun_path, path, strlen(path));
    c->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (c->fd < 0 || connect(c->fd, (struct sockaddr *)&sun, sizeof(sun)) != 0) {
        wts_client_result r = broken(c, err, n, strerror(errno));
        wts_client_close(c);
        return r;
    }
    return finish_connect(c, name, NULL, status, err, n);
}

wts_client_result wts_client_connect_tcp(wts_client *c, const char *address, const char *name,
                                         const wts_client_key *key, uint32_t *status, char *err,
                                         size_t n)
{
    init(c, "tcp %s", address);
    char host[256];
    const char *h = address, *colon;
    size_t hlen;
    if (*address == '[') {
        const char *close_b = strchr(address, ']');
        colon = close_b && close_b[1] == ':' ? close_b + 1 : NULL;
        h = address + 1;
        hlen = close_b ? (size_t)(close_b - h) : 0;
    } else {
        colon = strrchr(address, ':');
        hlen = colon ? (size_t)(colon - address) : 0;
    }
    if (!colon || !hlen || hlen >= sizeof(host) || !colon[1]) {
        wts_client_close(c);
        snprintf(err, n, "%s: not HOST:PORT or [IPV6]:PORT", address);
        return WTS_CLIENT_UNREACHABLE;
    }
    memcpy(host, h, hlen);
    host[hlen] = '\0';
    struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM };
    struct addrinfo *list = NULL;
    int gai = getaddrinfo(host, colon + 1, &hints, &list);
    if (gai != 0) {
        wts_client_close(c);
        snprintf(err, n, "%s: %s", c->where, gai_strerror(gai));
        return WTS_CLIENT_UNREACHABLE;
    }
    int last = ECONNREFUSED;
    for (struct addrinfo *ai = list; ai && c->fd < 0; ai = ai->ai_next) {
        c->fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
        if (c->fd >= 0 && connect(c->fd, ai->ai_addr, ai->ai_addrlen) != 0) {
            last = errno;
            close(c->fd);
            c->fd = -1;
        }
    }
    freeaddrinfo(list);
    if (c->fd < 0) {
        wts_client_result r = broken(c, err, n, strerror(last));
        wts_client_close(c);
        return r;
    }
    return finish_connect(c, name, key, status, err, n);
}

wts_client_result wts_client_call(wts_client *c, const openwts_Request *req, openwts_Reply *rep,
                                  char *err, size_t n)
{
    openwts_ClientMessage *m = calloc(1, sizeof(*m));
    if (!m)
        return garbled(c, err, n, "out of memory");
    m->id = c->next_id++;
    m->which_body = openwts_ClientMessage_request_tag;
    m->body.request = *req; /* borrowed: not released here */
    wts_client_result r = send_message(c, m, err, n);
    uint64_t id = m->id;
    free(m);
    if (r != WTS_CLIENT_OK)
        return r;

    openwts_reply_join join;
    openwts_reply_join_start(&join, rep);
    openwts_ServerMessage *part = malloc(sizeof(*part));
    if (!part)
        return garbled(c, err, n, "out of memory");
    bool complete = false;
    while (!complete) {
        r = receive(c, part, c->timeout_ms, err, n);
        if (r != WTS_CLIENT_OK)
            break;
        if (part->which_body == openwts_ServerMessage_event_tag) {
            openwts_server_message_release(part);
            continue;
        }
        if (part->id != id) {
            /* id 0: wtsd could not read what was sent. */
            r = garbled(c, err, n, part->id == 0 ? "wtsd could not read the request"
                                                 : "an answer to another request");
            openwts_server_message_release(part);
            break;
        }
        openwts_status st = openwts_reply_join_add(&join, part, &complete);
        openwts_server_message_release(part);
        if (st != OPENWTS_OK) {
            r = garbled(c, err, n, "the parts of the answer do not join");
            break;
        }
    }
    free(part);
    if (r != WTS_CLIENT_OK)
        openwts_reply_release(rep);
    return r;
}

wts_client_result wts_client_subscribe(wts_client *c, bool on, char *err, size_t n)
{
    openwts_ClientMessage m = openwts_ClientMessage_init_zero;
    m.id = c->next_id++;
    m.which_body = openwts_ClientMessage_subscribe_tag;
    m.body.subscribe.on = on;
    wts_client_result r = send_message(c, &m, err, n);
    if (r != WTS_CLIENT_OK)
        return r;
    for (;;) {
        openwts_ServerMessage a;
        r = receive(c, &a, c->timeout_ms, err, n);
        if (r != WTS_CLIENT_OK)
            return r;
        bool mine = a.id == m.id && a.which_body == openwts_ServerMessage_reply_tag;
        uint32_t status = mine ? a.body.reply.status : 0;
        bool event = a.which_body == openwts_ServerMessage_event_tag;
        openwts_server_message_release(&a);
        if (event)
            continue;
        if (!mine)
            return garbled(c, err, n, "the subscription was not answered");
        if (status != OPENWTS_OK) {
            snprintf(err, n, "%s: wtsd refused the subscription (error %lu)", c->where,
                     (unsigned long)status);
            return WTS_CLIENT_REFUSED;
        }
        return WTS_CLIENT_OK;
    }
}

wts_client_result wts_client_next_event(wts_client *c, openwts_Event *ev, char *err, size_t n)
{
    for (;;) {
        openwts_ServerMessage m;
        wts_client_result r = receive(c, &m, -1, err, n);
        if (r != WTS_CLIENT_OK)
            return r;
        bool event = m.which_body == openwts_ServerMessage_event_tag;
        if (event)
            *ev = m.body.event;
        openwts_server_message_release(&m);
        if (event)
            return WTS_CLIENT_OK;
    }
}

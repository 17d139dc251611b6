/* The handshake (docs/wtsd.md, "Handshake"): who the caller is, decided
 * by wtsd from the connection and never from anything the client says.
 *   Unix socket:    the peer's uid and pid (SO_PEERCRED), known at accept.
 *   TCP, loopback:  the uid owning the client's socket (/proc/net/tcp{,6})
 *                   and the pid holding it when it can be found.
 *   TCP, remote:    a challenge; the client proves the key and acts as the
 *                   configured remote user. Without a key configured, or
 *                   with a wrong proof: ERROR_ACCESS_DENIED.
 * Then the backend names the caller's own session, and requests follow.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <string.h>

#include "log.h"
#include "server.h"

/* The oldest protocol version a client may speak (openwts.proto's socket
 * envelope came with version 2). */
#define WTSD_PROTOCOL_MIN 2u

/* The client's self-description, for the log only: printable ASCII. */
static void printable(char *dst, size_t cap, const char *src)
{
    size_t i = 0;
    for (; src[i] && i + 1 < cap; i++)
        dst[i] = (src[i] >= 0x20 && src[i] < 0x7f) ? src[i] : '?';
    dst[i] = '\0';
}

static void hello_reply(wtsd_conn *c, uint64_t id, openwts_status status, const uint8_t *challenge)
{
    openwts_ServerMessage m = openwts_ServerMessage_init_zero;
    m.id = id;
    m.which_body = openwts_ServerMessage_hello_tag;
    m.body.hello.status = status;
    m.body.hello.version = OPENWTS_PROTOCOL_VERSION;
    if (challenge) {
        memcpy(m.body.hello.challenge.bytes, challenge, WTSD_CHALLENGE_BYTES);
        m.body.hello.challenge.size = WTSD_CHALLENGE_BYTES;
    }
    if (wtsd_conn_queue(c, &m) && status != OPENWTS_OK)
        wtsd_conn_drain(c);
}

static void deny(wtsd_conn *c, uint64_t id, const char *why)
{
    wtsd_warn("#%llu %s: refused: %s", (unsigned long long)c->number, c->peer.text, why);
    hello_reply(c, id, OPENWTS_ERROR_ACCESS_DENIED, NULL);
}

/* The caller is known: the backend says which session is its own. */
static void ready(wtsd_conn *c, uint64_t id)
{
    const openwts_backend *be = c->server->backend;
    c->caller.session_id = OPENWTS_CURRENT_SESSION;
    if (be->version >= 4 && be->caller_session) {
        uint32_t sid = OPENWTS_CURRENT_SESSION;
        if (be->caller_session(be, &c->caller, &sid) == OPENWTS_OK)
            c->caller.session_id = sid;
    }
    c->state = WTSD_CONN_READY;
    char session[24] = "none";
    if (c->caller.session_id != OPENWTS_CURRENT_SESSION)
        snprintf(session, sizeof(session), "%lu", (unsigned long)c->caller.session_id);
    wtsd_info("#%llu %s: \"%s\": user %s, pid %lu, %s, own session %s",
              (unsigned long long)c->number, c->peer.text, c->client, c->caller.user,
              (unsigned long)c->caller.process_id,
              c->caller.privileged ? "administrator" : "not an administrator", session);
    hello_reply(c, id, OPENWTS_OK, NULL);
}

static bool must_prove_key(const wtsd_conn *c)
{
    return c->peer.kind == WTSD_PEER_REMOTE
        || (c->peer.kind == WTSD_PEER_LOOPBACK && c->server->opt->key_on_loopback);
}

void wtsd_handshake_hello(wtsd_conn *c, uint64_t id, const openwts_Hello *hello)
{
    char client[sizeof(hello->client)];
    printable(client, sizeof(client), hello->client);
    wtsd_debug("#%llu %s: hello, protocol version %lu, client \"%s\"", (unsigned long long)c->number,
               c->peer.text, (unsigned long)hello->version, client);
    memcpy(c->client, client, sizeof(c->client));
    /* Every version from WTSD_PROTOCOL_MIN up is understood: the schema
     * only ever grows, so a newer client reads this server's version in
     * the reply and keeps to what that version has. Below it: 0 is a Hello
     * without a version, 1 the schema before the socket envelope, which no
     * socket client ever spoke. */
    if (hello->version < WTSD_PROTOCOL_MIN) {
        wtsd_warn("#%llu %s: refused: protocol version %lu (this wtsd speaks %u to %u and later)",
                  (unsigned long long)c->number, c->peer.text, (unsigned long)hello->version,
                  WTSD_PROTOCOL_MIN, OPENWTS_PROTOCOL_VERSION);
        hello_reply(c, id, OPENWTS_ERROR_NOT_SUPPORTED, NULL);
        return;
    }

    const wtsd_server *s = c->server;
    if (must_prove_key(c)) {
        if (!s->key) {
            deny(c, id, "a remote client, and no key is configured (--key-file)");
            return;
        }
        if (!wtsd_auth_challenge(c->challenge)) {
            deny(c, id, "no random challenge could be made (getrandom)");
            return;
        }
        c->state = WTSD_CONN_AUTH;
        hello_reply(c, id, OPENWTS_OK, c->challenge);
        return;
    }

    if (c->peer.kind == WTSD_PEER_LOOPBACK && !c->peer.has_uid
        && !wtsd_peer_find_loopback_owner(&c->peer)) {
        deny(c, id, "its socket is not in /proc/net/tcp: no owner known");
        return;
    }
    if (!c->peer.has_uid) {
        deny(c, id, "the kernel gave no credentials");
        return;
    }
    if (!wtsd_caller_for_uid(c->peer.uid, c->peer.pid, s->opt->admin_group, &c->caller)) {
        deny(c, id, "no caller could be made of its uid");
        return;
    }
    ready(c, id);
}

void wtsd_handshake_auth(wtsd_conn *c, uint64_t id, const openwts_AuthResponse *auth)
{
    const wtsd_server *s = c->server;
    bool ok = s->key && wtsd_auth_verify(s->key, c->challenge, auth->proof.bytes, auth->proof.size);
    memset(c->challenge, 0, sizeof(c->challenge)); /* one answer per challenge */
    if (!ok) {
        deny(c, id, "wrong proof of the key");
        return;
    }
    if (!wtsd_caller_for_name(s->opt->remote_user, s->opt->admin_group, &c->caller)) {
        deny(c, id, "no remote user is configured");
        return;
    }
    wtsd_info("#%llu %s: proved the key; acting as %s", (unsigned long long)c->number, c->peer.text,
              s->opt->remote_user);
    ready(c, id);
}

/* wtsd's path from bytes on a socket to the dispatcher and back
 * (src/daemon/): the handshake, identity taken from the connection's peer
 * (never from the client), requests served with the caller's rights,
 * malformed input answered without harm to anyone else, answers in parts,
 * events to subscribers, deadlines. The loop runs in this process on a
 * socketpair per client, driven one round at a time.
 *
 * Expected values: the protocol is docs/wtsd.md's and openwts.proto's;
 * the rights are the README's "Beyond the docs" (another user's session
 * needs an administrator: ERROR_ACCESS_DENIED); what the sim does to a
 * session is docs/sim-scenarios.md's.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <poll.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "openwts/reply_parts.h"
#include "server.h"

#define NOBODY_UID 65534 /* Debian's "nobody", primary group "nogroup" */
#define WAIT_MS 5000

static const char scenario_text[] =
    "{ \"server\": \"TS\",\n"
    "  \"sessions\": [\n"
    "    { \"id\": 0, \"win_station\": \"Services\", \"state\": \"Disconnected\" },\n"
    "    { \"id\": 1, \"win_station\": \"Console\", \"user\": \"root\", \"state\": \"Active\" },\n"
    "    { \"id\": 2, \"win_station\": \"RDP-Tcp#1\", \"user\": \"nobody\", \"state\": \"Active\" },\n"
    "    { \"id\": 3, \"win_station\": \"RDP-Tcp#2\", \"user\": \"nobody\", \"state\": \"Disconnected\" }\n"
    "  ] }\n";

static const char key_text[] = "a key of more than sixteen bytes";

typedef struct fixture {
    char dir[64], scenario[128];
    wtsd_backend_host host;
    wtsd_options o;
    wtsd_key key;
    wtsd_server s;
} fixture;

typedef struct client {
    int fd;
    openwts_frame_reader reader;
    uint64_t next_id;
} client;

static fixture *F;

static int open_fixture(const char *scenario_path, unsigned max_output)
{
    F = calloc(1, sizeof(*F));
    if (!F)
        return -1;
    snprintf(F->dir, sizeof(F->dir), "/tmp/wtsd-dispatch-XXXXXX");
    if (!mkdtemp(F->dir))
        return -1;
    if (!scenario_path) {
        snprintf(F->scenario, sizeof(F->scenario), "%s/ts.json", F->dir);
        FILE *f = fopen(F->scenario, "w");
        if (!f)
            return -1;
        fputs(scenario_text, f);
        fclose(f);
        scenario_path = F->scenario;
    }
    if (!wtsd_options_init(&F->o) || !wtsd_options_set_string(&F->o.scenario, scenario_path))
        return -1;
    F->o.read_timeout = 1;
    F->o.send_timeout = 1;
    F->o.max_output = max_output;
    wtsd_options_set_string(&F->o.remote_user, "nobody");
    wtsd_log_set_level(WTSD_LOG_DEBUG);
    F->key.bytes = (uint8_t *)strdup(key_text);
    F->key.len = strlen(key_text);
    if (!wtsd_server_init(&F->s, &F->o, &F->key))
        return -1;
    char err[256];
    if (wtsd_backend_open(&F->o, wtsd_events_sink, &F->s, &F->host, err, sizeof(err)) != OPENWTS_OK) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    return wtsd_server_host(&F->s, &F->host) ? 0 : -1;
}

static int setup(void **state)
{
    (void)state;
    return open_fixture(NULL, WTSD_DEFAULT_MAX_OUTPUT);
}

static int setup_small_queue(void **state)
{
    (void)state;
    return open_fixture(NULL, WTSD_MAX_OUTPUT_MIN);
}

static int setup_large(void **state)
{
    (void)state;
    return open_fixture(OPENWTS_LARGE_SCENARIO, WTSD_DEFAULT_MAX_OUTPUT);
}

static int teardown(void **state)
{
    (void)state;
    wtsd_server_free(&F->s);
    wtsd_backend_close(&F->o, &F->host);
    wtsd_options_free(&F->o);
    free(F->key.bytes);
    if (F->scenario[0])
        unlink(F->scenario);
    rmdir(F->dir);
    free(F);
    return 0;
}

static uint64_t now_ms(void)
{
    return wtsd_now_ms();
}

/* A client end whose wtsd end has the given peer. */
static client *connect_as(wtsd_peer_kind kind, uid_t uid, int sndbuf)
{
    int sv[2];
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
    assert_int_equal(fcntl(sv[0], F_SETFL, O_NONBLOCK), 0);
    if (sndbuf) {
        assert_int_equal(setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof(sndbuf)), 0);
        assert_int_equal(setsockopt(sv[1], SOL_SOCKET, SO_RCVBUF, &sndbuf, sizeof(sndbuf)), 0);
    }
    wtsd_peer p;
    memset(&p, 0, sizeof(p));
    p.kind = kind;
    p.has_uid = kind != WTSD_PEER_REMOTE;
    p.uid = uid;
    p.pid = getpid();
    snprintf(p.text, sizeof(p.text), "test peer uid %lu", (unsigned long)uid);
    assert_non_null(wtsd_conn_add(&F->s, sv[0], &p));
    client *c = calloc(1, sizeof(*c));
    assert_non_null(c);
    c->fd = sv[1];
    c->next_id = 1;
    openwts_frame_reader_init(&c->reader, OPENWTS_FRAME_MAX);
    return c;
}

static void client_free(client *c)
{
    close(c->fd);
    openwts_frame_reader_free(&c->reader);
    free(c);
}

static void send_bytes(client *c, const void *data, size_t len)
{
    const uint8_t *p = data;
    while (len) {
        ssize_t w = send(c->fd, p, len, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (w < 0 && errno == EAGAIN) {
            wtsd_server_run_once(&F->s, 10);
            continue;
        }
        assert_true(w > 0);
        p += w;
        len -= (size_t)w;
    }
}

static uint64_t send_message(client *c, openwts_ClientMessage *m)
{
    static uint8_t buf[OPENWTS_FRAME_HEADER + OPENWTS_FRAME_MAX];
    if (!m->id)
        m->id = c->next_id++;
    size_t len = 0;
    assert_int_equal(openwts_frame_write_client_message(m, buf, sizeof(buf), OPENWTS_FRAME_MAX, &len),
                     OPENWTS_OK);
    send_bytes(c, buf, len);
    return m->id;
}

/* The next message from wtsd, running the loop meanwhile: 1 with *m
 * filled (release it), 0 when wtsd closed the connection, -1 when nothing
 * came within WAIT_MS. */
static int receive(client *c, openwts_ServerMessage *m, int wait_ms)
{
    uint64_t until = now_ms() + (uint64_t)wait_ms;
    while (now_ms() < until) {
        struct pollfd p = { .fd = c->fd, .events = POLLIN };
        if (poll(&p, 1, 0) == 1) {
            uint8_t *at;
            size_t want;
            assert_int_equal(openwts_frame_reader_space(&c->reader, &at, &want), OPENWTS_OK);
            ssize_t got = recv(c->fd, at, want, MSG_DONTWAIT);
            if (got == 0 || (got < 0 && errno == ECONNRESET))
                return 0;
            if (got > 0) {
                const uint8_t *payload;
                uint32_t len;
                assert_int_equal(openwts_frame_reader_commit(&c->reader, (size_t)got, &payload, &len),
                                 OPENWTS_OK);
                if (payload) {
                    assert_int_equal(openwts_server_message_decode(payload, len, m), OPENWTS_OK);
                    return 1;
                }
                continue;
            }
        }
        assert_true(wtsd_server_run_once(&F->s, 10));
    }
    return -1;
}

static openwts_HelloReply hello(client *c, uint32_t version)
{
    openwts_ClientMessage m = openwts_ClientMessage_init_zero;
    m.which_body = openwts_ClientMessage_hello_tag;
    m.body.hello.version = version;
    strcpy(m.body.hello.client, "test_wtsd_dispatch");
    uint64_t id = send_message(c, &m);
    openwts_ServerMessage r;
    assert_int_equal(receive(c, &r, WAIT_MS), 1);
    assert_int_equal(r.id, id);
    assert_int_equal(r.which_body, openwts_ServerMessage_hello_tag);
    openwts_HelloReply hr = r.body.hello;
    openwts_server_message_release(&r);
    assert_int_equal(hr.version, OPENWTS_PROTOCOL_VERSION);
    return hr;
}

static client *ready_client(wtsd_peer_kind kind, uid_t uid)
{
    client *c = connect_as(kind, uid, 0);
    openwts_HelloReply hr = hello(c, OPENWTS_PROTOCOL_VERSION);
    assert_int_equal(hr.status, OPENWTS_OK);
    assert_int_equal(hr.challenge.size, 0);
    return c;
}

/* One request, its answer joined from its parts; returns the number of
 * parts. */
static size_t call(client *c, openwts_Request *req, openwts_Reply *rep)
{
    openwts_ClientMessage *m = calloc(1, sizeof(*m));
    assert_non_null(m);
    m->which_body = openwts_ClientMessage_request_tag;
    m->body.request = *req;
    uint64_t id = send_message(c, m);
    free(m);
    openwts_reply_join j;
    openwts_reply_join_start(&j, rep);
    bool complete = false;
    size_t parts = 0;
    openwts_ServerMessage *part = malloc(sizeof(*part));
    assert_non_null(part);
    while (!complete) {
        assert_int_equal(receive(c, part, WAIT_MS), 1);
        if (part->which_body == openwts_ServerMessage_event_tag) {
            openwts_server_message_release(part);
            continue;
        }
        assert_int_equal(part->id, id);
        assert_int_equal(openwts_reply_join_add(&j, part, &complete), OPENWTS_OK);
        openwts_server_message_release(part);
        parts++;
    }
    free(part);
    return parts;
}

static openwts_status simple(client *c, pb_size_t op, uint32_t session_id)
{
    openwts_Request req = openwts_Request_init_zero;
    req.which_op = op;
    switch (op) {
    case openwts_Request_disconnect_session_tag:
        req.op.disconnect_session.session_id = session_id;
        break;
    case openwts_Request_lock_session_tag:
        req.op.lock_session.session_id = session_id;
        req.op.lock_session.lock = true;
        break;
    case openwts_Request_remove_session_tag:
        req.op.remove_session.session_id = session_id;
        break;
    default:
        req.op.query_session.session_id = session_id;
        break;
    }
    openwts_Reply *rep = calloc(1, sizeof(*rep));
    call(c, &req, rep);
    openwts_status st = rep->status;
    openwts_reply_release(rep);
    free(rep);
    return st;
}

static uint32_t session_state(client *c, uint32_t id, uint32_t *found_id)
{
    openwts_Request req = openwts_Request_init_zero;
    req.which_op = openwts_Request_query_session_tag;
    req.op.query_session.session_id = id;
    openwts_Reply *rep = calloc(1, sizeof(*rep));
    call(c, &req, rep);
    assert_int_equal(rep->status, OPENWTS_OK);
    uint32_t state = rep->result.query_session.session.state;
    if (found_id)
        *found_id = rep->result.query_session.session.id;
    free(rep);
    return state;
}

static void assert_closed(client *c)
{
    openwts_ServerMessage m;
    int r = receive(c, &m, WAIT_MS);
    if (r == 1)
        openwts_server_message_release(&m);
    assert_int_equal(r, 0);
}

/* ---- handshake ---- */

static void root_is_served_everything(void **state)
{
    (void)state;
    client *c = ready_client(WTSD_PEER_UNIX, 0);
    openwts_Request req = openwts_Request_init_zero;
    req.which_op = openwts_Request_enumerate_sessions_tag;
    openwts_Reply *rep = calloc(1, sizeof(*rep));
    assert_int_equal(call(c, &req, rep), 1);
    assert_int_equal(rep->status, OPENWTS_OK);
    assert_int_equal(rep->which_result, openwts_Reply_enumerate_sessions_tag);
    assert_int_equal(rep->result.enumerate_sessions.sessions_count, 4);
    assert_string_equal(rep->result.enumerate_sessions.sessions[2].user, "nobody");
    openwts_reply_release(rep);
    free(rep);
    /* An administrator acts on anyone's session. */
    assert_int_equal(simple(c, openwts_Request_disconnect_session_tag, 2), OPENWTS_OK);
    assert_int_equal(session_state(c, 2, NULL), OPENWTS_STATE_DISCONNECTED);
    /* Root's own session, as the sim says: the Active one of user root. */
    uint32_t own = 0;
    session_state(c, OPENWTS_CURRENT_SESSION, &own);
    assert_int_equal(own, 1);
    client_free(c);
}

static void a_user_acts_on_its_own_sessions_only(void **state)
{
    (void)state;
    assert_non_null(getpwuid(NOBODY_UID));
    client *c = ready_client(WTSD_PEER_UNIX, NOBODY_UID);
    assert_int_equal(simple(c, openwts_Request_disconnect_session_tag, 1), OPENWTS_ERROR_ACCESS_DENIED);
    assert_int_equal(simple(c, openwts_Request_lock_session_tag, 1), OPENWTS_ERROR_ACCESS_DENIED);
    assert_int_equal(simple(c, openwts_Request_remove_session_tag, 3), OPENWTS_ERROR_ACCESS_DENIED);
    client *root = ready_client(WTSD_PEER_UNIX, 0);
    assert_int_equal(session_state(root, 1, NULL), OPENWTS_STATE_ACTIVE);
    /* Its own session works, and is what WTS_CURRENT_SESSION means. */
    uint32_t own = 0;
    session_state(c, OPENWTS_CURRENT_SESSION, &own);
    assert_int_equal(own, 2);
    assert_int_equal(simple(c, openwts_Request_disconnect_session_tag, OPENWTS_CURRENT_SESSION),
                     OPENWTS_OK);
    assert_int_equal(session_state(root, 2, NULL), OPENWTS_STATE_DISCONNECTED);
    client_free(c);
    client_free(root);
}

static void an_admin_group_member_is_an_administrator(void **state)
{
    (void)state;
    /* nobody's primary group is nogroup. */
    wtsd_options_set_string(&F->o.admin_group, "nogroup");
    client *c = ready_client(WTSD_PEER_UNIX, NOBODY_UID);
    assert_int_equal(simple(c, openwts_Request_disconnect_session_tag, 1), OPENWTS_OK);
    client_free(c);
    /* A group that does not exist makes nobody an administrator. */
    wtsd_options_set_string(&F->o.admin_group, "no-such-group-here");
    c = ready_client(WTSD_PEER_UNIX, NOBODY_UID);
    assert_int_equal(simple(c, openwts_Request_lock_session_tag, 1), OPENWTS_ERROR_ACCESS_DENIED);
    client_free(c);
}

static void the_first_message_must_be_a_hello(void **state)
{
    (void)state;
    client *c = connect_as(WTSD_PEER_UNIX, 0, 0);
    openwts_ClientMessage m = openwts_ClientMessage_init_zero;
    m.which_body = openwts_ClientMessage_request_tag;
    m.body.request.which_op = openwts_Request_enumerate_sessions_tag;
    uint64_t id = send_message(c, &m);
    openwts_ServerMessage r;
    assert_int_equal(receive(c, &r, WAIT_MS), 1);
    assert_int_equal(r.id, id);
    assert_int_equal(r.which_body, openwts_ServerMessage_hello_tag);
    assert_int_equal(r.body.hello.status, OPENWTS_ERROR_NOT_SUPPORTED);
    openwts_server_message_release(&r);
    assert_closed(c);
    client_free(c);

    /* A Hello without a version, and version 1 (the schema before the
     * socket envelope). */
    c = connect_as(WTSD_PEER_UNIX, 0, 0);
    openwts_HelloReply hr = hello(c, 0);
    assert_int_equal(hr.status, OPENWTS_ERROR_NOT_SUPPORTED);
    assert_closed(c);
    client_free(c);
    c = connect_as(WTSD_PEER_UNIX, 0, 0);
    hr = hello(c, 1);
    assert_int_equal(hr.status, OPENWTS_ERROR_NOT_SUPPORTED);
    assert_closed(c);
    client_free(c);

    /* A newer client is served in this server's version. */
    c = connect_as(WTSD_PEER_UNIX, 0, 0);
    hr = hello(c, OPENWTS_PROTOCOL_VERSION + 5);
    assert_int_equal(hr.status, OPENWTS_OK);
    assert_int_equal(simple(c, openwts_Request_query_session_tag, 1), OPENWTS_OK);
    client_free(c);
}

static void garbage_before_the_hello_closes(void **state)
{
    (void)state;
    client *c = connect_as(WTSD_PEER_UNIX, 0, 0);
    static const uint8_t junk[] = { 5, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff };
    send_bytes(c, junk, sizeof(junk));
    openwts_ServerMessage r;
    assert_int_equal(receive(c, &r, WAIT_MS), 1);
    assert_int_equal(r.which_body, openwts_ServerMessage_hello_tag);
    assert_int_equal(r.body.hello.status, OPENWTS_ERROR_INVALID_DATA);
    openwts_server_message_release(&r);
    assert_closed(c);
    client_free(c);
}

static void garbage_after_the_hello_is_answered_and_the_connection_goes_on(void **state)
{
    (void)state;
    client *c = ready_client(WTSD_PEER_UNIX, 0);
    static const uint8_t junk[] = { 3, 0, 0, 0, 0x0a, 0xff, 0x01 };
    for (int i = 0; i < 3; i++) {
        send_bytes(c, junk, sizeof(junk));
        openwts_ServerMessage r;
        assert_int_equal(receive(c, &r, WAIT_MS), 1);
        assert_int_equal(r.id, 0);
        assert_int_equal(r.which_body, openwts_ServerMessage_reply_tag);
        assert_int_equal(r.body.reply.status, OPENWTS_ERROR_INVALID_DATA);
        openwts_server_message_release(&r);
    }
    /* An empty ClientMessage: a kind this server does not know. */
    static const uint8_t empty[] = { 0, 0, 0, 0 };
    send_bytes(c, empty, sizeof(empty));
    openwts_ServerMessage r;
    assert_int_equal(receive(c, &r, WAIT_MS), 1);
    assert_int_equal(r.body.reply.status, OPENWTS_ERROR_NOT_SUPPORTED);
    openwts_server_message_release(&r);
    assert_int_equal(simple(c, openwts_Request_query_session_tag, 2), OPENWTS_OK);
    client_free(c);
}

static void an_oversized_frame_is_refused_and_closes(void **state)
{
    (void)state;
    client *c = ready_client(WTSD_PEER_UNIX, 0);
    uint8_t header[OPENWTS_FRAME_HEADER];
    openwts_frame_put_length(header, OPENWTS_FRAME_MAX + 1);
    send_bytes(c, header, sizeof(header));
    openwts_ServerMessage r;
    assert_int_equal(receive(c, &r, WAIT_MS), 1);
    assert_int_equal(r.id, 0);
    assert_int_equal(r.body.reply.status, OPENWTS_ERROR_INVALID_DATA);
    openwts_server_message_release(&r);
    assert_closed(c);
    client_free(c);
}

static void a_request_sent_and_forgotten_is_served(void **state)
{
    (void)state;
    /* Hello, more queries than wtsd reads in one turn (so that it writes
     * their answers to a closed socket before it reads on), and a
     * disconnect; then the client closes without reading anything. */
    client *c = connect_as(WTSD_PEER_UNIX, 0, 0);
    openwts_ClientMessage m = openwts_ClientMessage_init_zero;
    m.which_body = openwts_ClientMessage_hello_tag;
    m.body.hello.version = OPENWTS_PROTOCOL_VERSION;
    send_message(c, &m);
    for (int i = 0; i < 100; i++) {
        memset(&m, 0, sizeof(m));
        m.which_body = openwts_ClientMessage_request_tag;
        m.body.request.which_op = openwts_Request_query_session_tag;
        m.body.request.op.query_session.session_id = 1;
        send_message(c, &m);
    }
    memset(&m, 0, sizeof(m));
    m.which_body = openwts_ClientMessage_request_tag;
    m.body.request.which_op = openwts_Request_disconnect_session_tag;
    m.body.request.op.disconnect_session.session_id = 2;
    send_message(c, &m);
    close(c->fd);
    c->fd = -1;
    for (int i = 0; i < 20; i++)
        wtsd_server_run_once(&F->s, 10);
    assert_int_equal(F->s.n_conns, 0);
    client *root = ready_client(WTSD_PEER_UNIX, 0);
    assert_int_equal(session_state(root, 2, NULL), OPENWTS_STATE_DISCONNECTED);
    client_free(root);
    openwts_frame_reader_free(&c->reader);
    free(c);
}

/* ---- remote clients and the key ---- */

static void a_remote_client_without_a_configured_key_is_refused(void **state)
{
    (void)state;
    F->s.key = NULL;
    client *c = connect_as(WTSD_PEER_REMOTE, 0, 0);
    openwts_HelloReply hr = hello(c, OPENWTS_PROTOCOL_VERSION);
    assert_int_equal(hr.status, OPENWTS_ERROR_ACCESS_DENIED);
    assert_closed(c);
    client_free(c);
}

static openwts_HelloReply prove(client *c, const openwts_HelloReply *challenge, const char *key)
{
    openwts_ClientMessage m = openwts_ClientMessage_init_zero;
    m.which_body = openwts_ClientMessage_auth_tag;
    unsigned int len = 0;
    assert_non_null(HMAC(EVP_sha256(), key, (int)strlen(key), challenge->challenge.bytes,
                         challenge->challenge.size, m.body.auth.proof.bytes, &len));
    m.body.auth.proof.size = (pb_size_t)len;
    uint64_t id = send_message(c, &m);
    openwts_ServerMessage r;
    assert_int_equal(receive(c, &r, WAIT_MS), 1);
    assert_int_equal(r.id, id);
    assert_int_equal(r.which_body, openwts_ServerMessage_hello_tag);
    openwts_HelloReply hr = r.body.hello;
    openwts_server_message_release(&r);
    return hr;
}

static void a_remote_client_proves_the_key(void **state)
{
    (void)state;
    client *c = connect_as(WTSD_PEER_REMOTE, 0, 0);
    openwts_HelloReply hr = hello(c, OPENWTS_PROTOCOL_VERSION);
    assert_int_equal(hr.status, OPENWTS_OK);
    assert_int_equal(hr.challenge.size, WTSD_CHALLENGE_BYTES);
    /* Before the proof, requests are not served. */
    openwts_HelloReply done = prove(c, &hr, key_text);
    assert_int_equal(done.status, OPENWTS_OK);
    assert_int_equal(done.challenge.size, 0);
    /* It acts as the configured remote user, nobody: its own session only. */
    assert_int_equal(simple(c, openwts_Request_disconnect_session_tag, 1), OPENWTS_ERROR_ACCESS_DENIED);
    assert_int_equal(simple(c, openwts_Request_disconnect_session_tag, 2), OPENWTS_OK);
    client_free(c);

    /* Two clients get two different challenges. */
    client *a = connect_as(WTSD_PEER_REMOTE, 0, 0), *b = connect_as(WTSD_PEER_REMOTE, 0, 0);
    openwts_HelloReply ha = hello(a, OPENWTS_PROTOCOL_VERSION), hb = hello(b, OPENWTS_PROTOCOL_VERSION);
    assert_memory_not_equal(ha.challenge.bytes, hb.challenge.bytes, WTSD_CHALLENGE_BYTES);
    client_free(a);
    client_free(b);
}

static void a_wrong_proof_is_refused(void **state)
{
    (void)state;
    client *c = connect_as(WTSD_PEER_REMOTE, 0, 0);
    openwts_HelloReply hr = hello(c, OPENWTS_PROTOCOL_VERSION);
    openwts_HelloReply done = prove(c, &hr, "another key, sixteen bytes or more");
    assert_int_equal(done.status, OPENWTS_ERROR_ACCESS_DENIED);
    assert_closed(c);
    client_free(c);

    /* A request in place of the proof. */
    c = connect_as(WTSD_PEER_REMOTE, 0, 0);
    hello(c, OPENWTS_PROTOCOL_VERSION);
    openwts_ClientMessage m = openwts_ClientMessage_init_zero;
    m.which_body = openwts_ClientMessage_request_tag;
    m.body.request.which_op = openwts_Request_enumerate_sessions_tag;
    send_message(c, &m);
    openwts_ServerMessage r;
    assert_int_equal(receive(c, &r, WAIT_MS), 1);
    assert_int_equal(r.which_body, openwts_ServerMessage_hello_tag);
    assert_int_equal(r.body.hello.status, OPENWTS_ERROR_ACCESS_DENIED);
    openwts_server_message_release(&r);
    assert_closed(c);
    client_free(c);
}

/* ---- deadlines ---- */

static void a_stalled_client_is_dropped_and_others_are_served_meanwhile(void **state)
{
    (void)state;
    client *stalled = ready_client(WTSD_PEER_UNIX, 0);
    static const uint8_t half_header[] = { 9, 0 };
    send_bytes(stalled, half_header, sizeof(half_header));
    client *silent = connect_as(WTSD_PEER_UNIX, 0, 0); /* never says hello */
    uint64_t start = now_ms();
    client *good = ready_client(WTSD_PEER_UNIX, 0);
    for (int i = 0; i < 20; i++)
        assert_int_equal(simple(good, openwts_Request_query_session_tag, 1), OPENWTS_OK);
    assert_true(now_ms() - start < 900); /* served before the stalled ones' deadline */
    assert_closed(stalled);
    assert_closed(silent);
    uint64_t took = now_ms() - start;
    assert_true(took >= 900 && took < 3000); /* --read-timeout 1 */
    /* An idle connection between frames is left alone. */
    assert_int_equal(simple(good, openwts_Request_query_session_tag, 1), OPENWTS_OK);
    client_free(stalled);
    client_free(silent);
    client_free(good);
}

/* ---- events ---- */

static void subscribe(client *c, bool on)
{
    openwts_ClientMessage m = openwts_ClientMessage_init_zero;
    m.which_body = openwts_ClientMessage_subscribe_tag;
    m.body.subscribe.on = on;
    uint64_t id = send_message(c, &m);
    openwts_ServerMessage r;
    assert_int_equal(receive(c, &r, WAIT_MS), 1);
    assert_int_equal(r.id, id);
    assert_int_equal(r.which_body, openwts_ServerMessage_reply_tag);
    assert_int_equal(r.body.reply.status, OPENWTS_OK);
    openwts_server_message_release(&r);
}

static openwts_Event next_event(client *c)
{
    openwts_ServerMessage r;
    assert_int_equal(receive(c, &r, WAIT_MS), 1);
    assert_int_equal(r.id, 0);
    assert_int_equal(r.which_body, openwts_ServerMessage_event_tag);
    openwts_Event ev = r.body.event;
    openwts_server_message_release(&r);
    return ev;
}

static void subscribers_get_each_change_in_order(void **state)
{
    (void)state;
    client *w = ready_client(WTSD_PEER_UNIX, NOBODY_UID);
    client *other = ready_client(WTSD_PEER_UNIX, 0); /* not subscribed */
    subscribe(w, true);
    client *actor = ready_client(WTSD_PEER_UNIX, 0);
    assert_int_equal(simple(actor, openwts_Request_disconnect_session_tag, 2), OPENWTS_OK);
    assert_int_equal(simple(actor, openwts_Request_lock_session_tag, 1), OPENWTS_OK);
    openwts_Event a = next_event(w), b = next_event(w);
    assert_int_equal(a.session_id, 2);
    assert_int_equal(a.kind, OPENWTS_EVENT_DISCONNECT);
    assert_int_equal(b.session_id, 1);
    assert_int_equal(b.kind, OPENWTS_EVENT_LOCK);
    assert_int_equal(b.sequence, a.sequence + 1);
    /* The one that did not subscribe gets nothing unasked. */
    openwts_ServerMessage r;
    assert_int_equal(receive(other, &r, 200), -1);
    /* Unsubscribed: nothing more. */
    subscribe(w, false);
    assert_int_equal(simple(actor, openwts_Request_disconnect_session_tag, 1), OPENWTS_OK);
    assert_int_equal(receive(w, &r, 200), -1);
    client_free(w);
    client_free(other);
    client_free(actor);
}

static void a_subscriber_that_does_not_read_loses_events_and_stalls_nobody(void **state)
{
    (void)state;
    /* The smallest buffers, a 4 KiB queue: a few hundred events fill it. */
    client *w = connect_as(WTSD_PEER_UNIX, 0, 1);
    assert_int_equal(hello(w, OPENWTS_PROTOCOL_VERSION).status, OPENWTS_OK);
    subscribe(w, true);
    client *actor = ready_client(WTSD_PEER_UNIX, 0);
    const int changes = 2000;
    uint64_t start = now_ms();
    for (int i = 0; i < changes; i++) {
        openwts_Request req = openwts_Request_init_zero;
        req.which_op = openwts_Request_lock_session_tag;
        req.op.lock_session.session_id = 1;
        req.op.lock_session.lock = i % 2 == 0;
        openwts_Reply rep;
        call(actor, &req, &rep);
        assert_int_equal(rep.status, OPENWTS_OK);
    }
    assert_true(now_ms() - start < 20000);
    /* What the subscriber gets: events in order, fewer than were made. */
    uint64_t last = 0;
    int got = 0;
    openwts_ServerMessage r;
    while (receive(w, &r, 300) == 1) {
        assert_int_equal(r.which_body, openwts_ServerMessage_event_tag);
        assert_true(r.body.event.sequence > last);
        last = r.body.event.sequence;
        got++;
        openwts_server_message_release(&r);
    }
    assert_true(got > 0 && got < changes);
    /* Once it reads again, the next event shows the gap. */
    assert_int_equal(simple(actor, openwts_Request_lock_session_tag, 1), OPENWTS_OK);
    openwts_Event ev = next_event(w);
    assert_int_equal(ev.sequence, (uint64_t)changes + 1);
    assert_true(ev.sequence > last + 1);
    client_free(w);
    client_free(actor);
}

/* ---- answers in parts ---- */

static void ten_thousand_sessions_come_in_parts(void **state)
{
    (void)state;
    client *c = ready_client(WTSD_PEER_UNIX, 0);
    openwts_Request req = openwts_Request_init_zero;
    req.which_op = openwts_Request_enumerate_sessions_tag;
    openwts_Reply *rep = calloc(1, sizeof(*rep));
    size_t parts = call(c, &req, rep);
    assert_true(parts > 1);
    assert_int_equal(rep->status, OPENWTS_OK);
    const openwts_EnumerateSessionsReply *list = &rep->result.enumerate_sessions;
    assert_int_equal(list->sessions_count, 10000);
    for (pb_size_t i = 0; i < list->sessions_count; i++)
        assert_int_equal(list->sessions[i].id, i);
    assert_string_equal(list->sessions[9999].user, "user09999");
    openwts_reply_release(rep);
    free(rep);
    client_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(root_is_served_everything, setup, teardown),
        cmocka_unit_test_setup_teardown(a_user_acts_on_its_own_sessions_only, setup, teardown),
        cmocka_unit_test_setup_teardown(an_admin_group_member_is_an_administrator, setup, teardown),
        cmocka_unit_test_setup_teardown(the_first_message_must_be_a_hello, setup, teardown),
        cmocka_unit_test_setup_teardown(garbage_before_the_hello_closes, setup, teardown),
        cmocka_unit_test_setup_teardown(garbage_after_the_hello_is_answered_and_the_connection_goes_on,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(an_oversized_frame_is_refused_and_closes, setup, teardown),
        cmocka_unit_test_setup_teardown(a_request_sent_and_forgotten_is_served, setup, teardown),
        cmocka_unit_test_setup_teardown(a_remote_client_without_a_configured_key_is_refused, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_remote_client_proves_the_key, setup, teardown),
        cmocka_unit_test_setup_teardown(a_wrong_proof_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(a_stalled_client_is_dropped_and_others_are_served_meanwhile,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(subscribers_get_each_change_in_order, setup, teardown),
        cmocka_unit_test_setup_teardown(a_subscriber_that_does_not_read_loses_events_and_stalls_nobody,
                                        setup_small_queue, teardown),
        cmocka_unit_test_setup_teardown(ten_thousand_sessions_come_in_parts, setup_large, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

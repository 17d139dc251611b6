/* Valid encodings of every message, operation, result and envelope body,
 * small and at their largest, a few with fields from a newer peer or an
 * older one, answers in parts, and framed streams.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "fuzz_seeds.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "openwts/backend.h"
#include "openwts/codec.h"
#include "openwts/frame_reader.h"
#include "openwts/reply_parts.h"
#include "openwts/utf8.h"

static void die(const char *what)
{
    fprintf(stderr, "fuzz_seeds: %s\n", what);
    abort();
}

/* cap - 1 bytes when maximal (UTF-8, with a multi-byte character) */
static void fill_str(char *dst, size_t cap, unsigned seed, bool maximal)
{
    if (!maximal) {
        static const char *words[] = { "alice", "Console", "RDP-Tcp#3", "WORKGROUP",
                                       "\xC3\xA9t\xC3\xA9", "srv" };
        openwts_utf8_copy(dst, cap, words[seed % 6]);
        return;
    }
    size_t n = cap - 1, i = 0;
    while (i + 3 <= n && i < 6) { /* "€€" */
        dst[i++] = (char)0xE2;
        dst[i++] = (char)0x82;
        dst[i++] = (char)0xAC;
    }
    for (; i < n; i++)
        dst[i] = (char)('a' + (seed + i) % 26);
    dst[n] = '\0';
}
#define FILL(field, seed, maximal) fill_str((field), sizeof(field), (seed), (maximal))

static void fill_session(openwts_Session *s, unsigned seed, bool maximal)
{
    memset(s, 0, sizeof(*s));
    s->id = maximal ? 0xF0000000u + seed : seed;
    s->state = maximal ? 0xFFFFFFFFu : seed % 10;
    FILL(s->win_station, seed + 1, maximal);
    FILL(s->user, seed, maximal);
    FILL(s->domain, seed + 3, maximal);
    FILL(s->host, seed + 5, maximal);
    s->logon_time = maximal ? INT64_MIN : 133000000000000000ll + seed;
    s->connect_time = maximal ? -1 : 133000000000000000ll + seed * 10;
    s->disconnect_time = maximal ? INT64_MIN + 1 : 0;
    s->last_input_time = maximal ? -2 : 133000000000000500ll;
    s->protocol_type = maximal ? 0xFFFFFFFFu : 2;
    s->lock_state = maximal ? INT32_MIN : -1;
    FILL(s->client_name, seed + 2, maximal);
    FILL(s->client_directory, seed + 4, maximal);
    s->client_build = maximal ? 0xFFFFFFFFu : 19045;
    s->client_product_id = maximal ? 0xFFFFFFFEu : 1;
    s->client_hardware_id = maximal ? 0xFFFFFFFDu : 0;
    s->client_address_family = maximal ? 0xFFFFFFFCu : 2;
    s->client_address.size = maximal ? 20 : 6;
    for (pb_size_t i = 0; i < s->client_address.size; i++)
        s->client_address.bytes[i] = (pb_byte_t)(i == 2 ? 192 : i == 3 ? 168 : i + seed);
    s->client_hres = maximal ? 0xFFFFFFFBu : 1920;
    s->client_vres = maximal ? 0xFFFFFFFAu : 1080;
    s->client_color_depth = maximal ? 0xFFFFFFF9u : 24;
    FILL(s->initial_program, seed + 6, maximal);
    FILL(s->working_directory, seed + 7, maximal);
    FILL(s->application_name, seed + 8, maximal);
    s->session_address_family = maximal ? 0xFFFFFFF8u : 2;
    s->session_address.size = maximal ? 20 : 4;
    for (pb_size_t i = 0; i < s->session_address.size; i++)
        s->session_address.bytes[i] = (pb_byte_t)(10 + i);
}

static void fill_process(openwts_Process *p, unsigned seed, bool maximal)
{
    memset(p, 0, sizeof(*p));
    p->session_id = maximal ? 0xFFFFFFF0u : seed % 3;
    p->process_id = maximal ? 0xFFFFFFF1u : 4 * (seed + 1);
    FILL(p->name, seed, maximal);
    p->user_sid.size = maximal ? 68 : 12;
    for (pb_size_t i = 0; i < p->user_sid.size; i++)
        p->user_sid.bytes[i] = (pb_byte_t)(i + seed);
    p->thread_count = maximal ? 0xFFFFFFF2u : seed + 1;
    p->working_set = maximal ? UINT64_MAX : 4096ull * seed;
    p->user_time = maximal ? INT64_MIN : 1000 + seed;
}

/* Encodings are written here (the largest: a reply of 64 maximal sessions,
 * 200 kB; streams hold a few messages). */
static uint8_t buf[4 * OPENWTS_FRAME_MAX];

#define DEFINE_EMIT(kind, T, target)                                                    \
    static size_t emit_##kind(fuzz_seed_fn fn, void *ctx, const char *name, const T *m) \
    {                                                                                   \
        size_t len = 0;                                                                 \
        if (openwts_##kind##_encode(m, buf, sizeof(buf), &len) != OPENWTS_OK)           \
            die(#kind " encode");                                                       \
        if (fn)                                                                         \
            fn(target, name, buf, len, ctx);                                            \
        return len;                                                                     \
    }
DEFINE_EMIT(request, openwts_Request, "request")
DEFINE_EMIT(reply, openwts_Reply, "reply")
DEFINE_EMIT(hello, openwts_Hello, "hello")
DEFINE_EMIT(client_message, openwts_ClientMessage, "client_message")
DEFINE_EMIT(server_message, openwts_ServerMessage, "server_message")

static char title_text[200], message_text[3000];

static void make_request(openwts_Request *r, pb_size_t op, unsigned seed, bool maximal)
{
    memset(r, 0, sizeof(*r));
    if (maximal || seed % 2)
        FILL(r->server, seed, maximal);
    r->which_op = op;
    switch (op) {
    case openwts_Request_query_session_tag:
        r->op.query_session.session_id = maximal ? 0xFFFFFFFEu : OPENWTS_CURRENT_SESSION;
        break;
    case openwts_Request_disconnect_session_tag:
        r->op.disconnect_session.session_id = maximal ? 0xFFFFFFF0u : 3;
        r->op.disconnect_session.wait = true;
        break;
    case openwts_Request_logoff_session_tag:
        r->op.logoff_session.session_id = maximal ? 0xFFFFFFF1u : OPENWTS_CURRENT_SESSION;
        r->op.logoff_session.wait = maximal;
        break;
    case openwts_Request_connect_session_tag:
        r->op.connect_session.logon_id = maximal ? 0xFFFFFFF2u : 2;
        r->op.connect_session.target_id = OPENWTS_CURRENT_SESSION;
        if (maximal)
            FILL(r->op.connect_session.password, seed, true);
        r->op.connect_session.wait = true;
        break;
    case openwts_Request_enumerate_processes_tag:
        r->op.enumerate_processes.session_id = maximal ? OPENWTS_ANY_SESSION : OPENWTS_CURRENT_SESSION;
        break;
    case openwts_Request_terminate_process_tag:
        r->op.terminate_process.process_id = maximal ? 0xFFFFFFF3u : 1234;
        r->op.terminate_process.exit_code = maximal ? 0xFFFFFFFFu : 1;
        break;
    case openwts_Request_send_message_tag:
        FILL(title_text, seed, maximal);
        FILL(message_text, seed + 1, maximal);
        r->op.send_message.session_id = maximal ? 0xFFFFFFF4u : 3;
        r->op.send_message.title = title_text;
        r->op.send_message.message = message_text;
        r->op.send_message.style = maximal ? 0xFFFFFFFFu : 0x24;
        r->op.send_message.timeout_seconds = maximal ? 0xFFFFFFFFu : 30;
        r->op.send_message.wait = true;
        break;
    case openwts_Request_add_session_tag:
        r->op.add_session.has_session = true;
        fill_session(&r->op.add_session.session, seed, maximal);
        if (!maximal)
            r->op.add_session.session.id = 0; /* the server chooses */
        break;
    case openwts_Request_remove_session_tag:
        r->op.remove_session.session_id = maximal ? 0xFFFFFFF5u : 4;
        break;
    case openwts_Request_lock_session_tag:
        r->op.lock_session.session_id = maximal ? 0xFFFFFFF6u : OPENWTS_CURRENT_SESSION;
        r->op.lock_session.lock = true;
        break;
    default:
        break;
    }
}

static const pb_size_t ops[] = {
    openwts_Request_enumerate_sessions_tag, openwts_Request_query_session_tag,
    openwts_Request_disconnect_session_tag, openwts_Request_logoff_session_tag,
    openwts_Request_connect_session_tag, openwts_Request_enumerate_processes_tag,
    openwts_Request_terminate_process_tag, openwts_Request_send_message_tag,
    openwts_Request_add_session_tag, openwts_Request_remove_session_tag,
    openwts_Request_lock_session_tag,
};
static const char *op_names[] = {
    "enumerate", "query", "disconnect", "logoff", "connect", "processes", "terminate",
    "message", "add", "remove", "lock",
};
#define N_OPS (sizeof(ops) / sizeof(ops[0]))

/* A request as a newer peer might send it: unknown fields everywhere. */
static const uint8_t newer_request[] = {
    0x98, 0x06, 0x01,                                     /* 99: 1 */
    0x12, 0x03, 's', 'r', 'v',                            /* server "srv" */
    0x62, 0x08, 0x10, 0x03, 0xB5, 0x03, 0x01, 0x00, 0x00, 0x00, /* query { 2: 3, 54: fixed32 } */
    0x92, 0x06, 0x06, 'f', 'u', 't', 'u', 'r', 'e',       /* 98: "future" */
    0xC2, 0x02, 0x00,                                     /* 40: a newer operation, empty */
};

/* A request as an old peer sent it: its caller (field 1, reserved now) and
 * the server inside the operation (field 1 there, reserved too). */
static const uint8_t old_request[] = {
    0x0A, 0x0B, 0x08, 0x05, 0x1A, 0x05, 'a', 'l', 'i', 'c', 'e', 0x28, 0x01, /* caller */
    0x6A, 0x07, 0x0A, 0x03, 's', 'r', 'v', 0x10, 0x02,    /* disconnect { 1: "srv", 2: 2 } */
};

static void requests(fuzz_seed_fn fn, void *ctx)
{
    openwts_Request r;
    char name[64];
    for (int maximal = 0; maximal < 2; maximal++) {
        for (size_t i = 0; i < N_OPS; i++) {
            make_request(&r, ops[i], (unsigned)i, maximal);
            snprintf(name, sizeof(name), "%s-%s", op_names[i], maximal ? "max" : "small");
            emit_request(fn, ctx, name, &r);
        }
    }
    /* server names that steer fuzz_request's backend */
    static const char *servers[] = { "xunreachable", "buggy", "more-and-more", "a-server-with-a-long-name" };
    static const char *server_names[] = { "enumerate-unreachable", "enumerate-buggy-count",
                                          "enumerate-always-more", "enumerate-many" };
    for (size_t i = 0; i < 4; i++) {
        make_request(&r, openwts_Request_enumerate_sessions_tag, 0, false);
        OPENWTS_SET_STRING(r.server, servers[i]);
        emit_request(fn, ctx, server_names[i], &r);
    }
    make_request(&r, openwts_Request_connect_session_tag, 1, false);
    r.op.connect_session.logon_id = OPENWTS_CURRENT_SESSION;
    emit_request(fn, ctx, "connect-both-current", &r);
    make_request(&r, openwts_Request_connect_session_tag, 1, false);
    OPENWTS_SET_STRING(r.op.connect_session.password, "right");
    emit_request(fn, ctx, "connect-password", &r);
    make_request(&r, openwts_Request_send_message_tag, 1, false);
    r.op.send_message.title = NULL;
    r.op.send_message.message = NULL;
    emit_request(fn, ctx, "message-no-texts", &r);
    make_request(&r, openwts_Request_add_session_tag, 1, false);
    r.op.add_session.has_session = false;
    emit_request(fn, ctx, "add-blank", &r);
    make_request(&r, 0, 2, false);
    emit_request(fn, ctx, "no-operation", &r);
    openwts_Request check;
    if (openwts_request_decode(newer_request, sizeof(newer_request), &check) != OPENWTS_OK
        || check.which_op != openwts_Request_query_session_tag)
        die("newer_request does not decode");
    fn("request", "newer-peer", newer_request, sizeof(newer_request), ctx);
    if (openwts_request_decode(old_request, sizeof(old_request), &check) != OPENWTS_OK
        || check.which_op != openwts_Request_disconnect_session_tag || check.server[0])
        die("old_request does not decode");
    fn("request", "old-peer", old_request, sizeof(old_request), ctx);
}

static void session_list(openwts_Reply *r, unsigned count, bool maximal)
{
    memset(r, 0, sizeof(*r));
    r->which_result = openwts_Reply_enumerate_sessions_tag;
    r->result.enumerate_sessions.sessions_count = count;
    r->result.enumerate_sessions.sessions = count ? calloc(count, sizeof(openwts_Session)) : NULL;
    if (count && !r->result.enumerate_sessions.sessions)
        die("out of memory");
    for (unsigned i = 0; i < count; i++)
        fill_session(&r->result.enumerate_sessions.sessions[i], i, maximal);
}

static void process_list(openwts_Reply *r, unsigned count, bool maximal)
{
    memset(r, 0, sizeof(*r));
    r->which_result = openwts_Reply_enumerate_processes_tag;
    r->result.enumerate_processes.processes_count = count;
    r->result.enumerate_processes.processes = count ? calloc(count, sizeof(openwts_Process)) : NULL;
    if (count && !r->result.enumerate_processes.processes)
        die("out of memory");
    for (unsigned i = 0; i < count; i++)
        fill_process(&r->result.enumerate_processes.processes[i], i, maximal);
}

static void replies(fuzz_seed_fn fn, void *ctx)
{
    openwts_Reply *r = malloc(sizeof(*r));
    if (!r)
        die("out of memory");
    memset(r, 0, sizeof(*r));
    r->which_result = openwts_Reply_done_tag;
    emit_reply(fn, ctx, "done", r);
    memset(r, 0, sizeof(*r));
    r->status = OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND;
    emit_reply(fn, ctx, "error", r);
    for (int maximal = 0; maximal < 2; maximal++) {
        memset(r, 0, sizeof(*r));
        r->which_result = openwts_Reply_query_session_tag;
        r->result.query_session.has_session = true;
        fill_session(&r->result.query_session.session, 1, maximal);
        emit_reply(fn, ctx, maximal ? "query-max" : "query-small", r);
    }
    memset(r, 0, sizeof(*r));
    r->which_result = openwts_Reply_send_message_tag;
    r->result.send_message.response = OPENWTS_IDTIMEOUT;
    emit_reply(fn, ctx, "message", r);
    memset(r, 0, sizeof(*r));
    r->which_result = openwts_Reply_add_session_tag;
    r->result.add_session.session_id = 0xFFFFFFFFu;
    emit_reply(fn, ctx, "add", r);
    /* lists: empty, short, past the 64 a reply once held, at their largest */
    static const unsigned counts[] = { 0, 1, 3, 100, 64 };
    for (size_t c = 0; c < sizeof(counts) / sizeof(counts[0]); c++) {
        for (int maximal = 0; maximal < 2; maximal++) {
            if (maximal != (counts[c] == 64 || counts[c] == 1))
                continue;
            char name[64];
            session_list(r, counts[c], maximal);
            snprintf(name, sizeof(name), "enumerate-%u-%s", counts[c], maximal ? "max" : "small");
            emit_reply(fn, ctx, name, r);
            openwts_reply_release(r);
            process_list(r, counts[c] * 2, maximal);
            snprintf(name, sizeof(name), "processes-%u-%s", counts[c] * 2, maximal ? "max" : "small");
            emit_reply(fn, ctx, name, r);
            openwts_reply_release(r);
        }
    }
    free(r);
}

static void hellos(fuzz_seed_fn fn, void *ctx)
{
    openwts_Hello h;
    memset(&h, 0, sizeof(h));
    h.version = OPENWTS_PROTOCOL_VERSION;
    emit_hello(fn, ctx, "version-only", &h);
    OPENWTS_SET_STRING(h.client, "wtsapi32.dll 0.2 pid 42");
    emit_hello(fn, ctx, "small", &h);
    h.version = 0xFFFFFFFFu;
    FILL(h.client, 4, true);
    emit_hello(fn, ctx, "max", &h);
    /* an old peer's hello: its caller in field 2, reserved now */
    static const uint8_t old_hello[] = { 0x08, 0x01, 0x12, 0x07, 0x08, 0x05, 0x1A, 0x03, 'b', 'o', 'b' };
    fn("hello", "old-peer", old_hello, sizeof(old_hello), ctx);
}

static void client_messages(fuzz_seed_fn fn, void *ctx)
{
    openwts_ClientMessage *m = calloc(1, sizeof(*m));
    if (!m)
        die("out of memory");
    char name[64];
    m->id = 1;
    m->which_body = openwts_ClientMessage_hello_tag;
    m->body.hello.version = OPENWTS_PROTOCOL_VERSION;
    OPENWTS_SET_STRING(m->body.hello.client, "wtsctl");
    emit_client_message(fn, ctx, "hello", m);
    memset(m, 0, sizeof(*m));
    m->id = 2;
    m->which_body = openwts_ClientMessage_auth_tag;
    m->body.auth.proof.size = 32;
    memset(m->body.auth.proof.bytes, 0xA7, 32);
    emit_client_message(fn, ctx, "auth", m);
    memset(m, 0, sizeof(*m));
    m->id = 3;
    m->which_body = openwts_ClientMessage_subscribe_tag;
    m->body.subscribe.on = true;
    emit_client_message(fn, ctx, "subscribe", m);
    for (int maximal = 0; maximal < 2; maximal++) {
        for (size_t i = 0; i < N_OPS; i++) {
            memset(m, 0, sizeof(*m));
            m->id = maximal ? UINT64_MAX : 10 + i;
            m->which_body = openwts_ClientMessage_request_tag;
            make_request(&m->body.request, ops[i], (unsigned)i, maximal);
            snprintf(name, sizeof(name), "request-%s-%s", op_names[i], maximal ? "max" : "small");
            emit_client_message(fn, ctx, name, m);
        }
    }
    /* an old peer's request in the envelope, and a body newer than ours */
    uint8_t wrapped[4 + sizeof(old_request)] = { 0x08, 0x07, 0x62, (uint8_t)sizeof(old_request) };
    memcpy(wrapped + 4, old_request, sizeof(old_request));
    fn("client_message", "old-peer-request", wrapped, sizeof(wrapped), ctx);
    static const uint8_t newer_body[] = { 0x08, 0x08, 0x72, 0x02, 0x08, 0x01 };
    fn("client_message", "newer-body", newer_body, sizeof(newer_body), ctx);
    free(m);
}

static void server_messages(fuzz_seed_fn fn, void *ctx)
{
    openwts_ServerMessage *m = calloc(1, sizeof(*m));
    openwts_Reply *r = calloc(1, sizeof(*r));
    if (!m || !r)
        die("out of memory");
    m->id = 1;
    m->which_body = openwts_ServerMessage_hello_tag;
    m->body.hello.version = OPENWTS_PROTOCOL_VERSION;
    emit_server_message(fn, ctx, "hello", m);
    m->body.hello.challenge.size = 64;
    memset(m->body.hello.challenge.bytes, 0x3C, 64);
    emit_server_message(fn, ctx, "hello-challenge", m);
    m->body.hello.challenge.size = 0;
    m->body.hello.status = OPENWTS_ERROR_ACCESS_DENIED;
    emit_server_message(fn, ctx, "hello-refused", m);
    memset(m, 0, sizeof(*m));
    m->which_body = openwts_ServerMessage_event_tag;
    m->body.event.session_id = 3;
    m->body.event.kind = OPENWTS_EVENT_LOCK;
    m->body.event.sequence = 41;
    emit_server_message(fn, ctx, "event", m);
    memset(m, 0, sizeof(*m));
    m->id = 9;
    m->which_body = openwts_ServerMessage_reply_tag;
    m->body.reply.status = OPENWTS_RPC_S_SERVER_UNAVAILABLE;
    emit_server_message(fn, ctx, "reply-error", m);
    m->body.reply.status = 0;
    m->body.reply.which_result = openwts_Reply_query_session_tag;
    m->body.reply.result.query_session.has_session = true;
    fill_session(&m->body.reply.result.query_session.session, 2, false);
    emit_server_message(fn, ctx, "reply-query", m);

    /* an answer in parts, as reply_parts.c cuts it */
    session_list(r, 30, false);
    openwts_reply_parts parts;
    openwts_reply_parts_start(&parts, r, 12, 1024);
    for (int k = 0; !openwts_reply_parts_done(&parts); k++) {
        if (openwts_reply_parts_next(&parts, m) != OPENWTS_OK)
            die("reply parts");
        char name[64];
        snprintf(name, sizeof(name), "reply-part-%d%s", k, m->more ? "" : "-last");
        emit_server_message(fn, ctx, name, m);
    }
    openwts_reply_release(r);
    process_list(r, 5, false);
    memset(m, 0, sizeof(*m));
    m->id = 13;
    m->which_body = openwts_ServerMessage_reply_tag;
    m->body.reply = *r;
    emit_server_message(fn, ctx, "reply-processes", m);
    openwts_reply_release(r);
    free(r);
    free(m);
}

/* A stream of framed client messages: a hello, then requests. */
static size_t client_stream(uint8_t *out, size_t cap, int requests)
{
    openwts_ClientMessage *m = calloc(1, sizeof(*m));
    if (!m)
        die("out of memory");
    size_t off = 0, n = 0;
    m->id = 1;
    m->which_body = openwts_ClientMessage_hello_tag;
    m->body.hello.version = OPENWTS_PROTOCOL_VERSION;
    OPENWTS_SET_STRING(m->body.hello.client, "seed");
    if (openwts_frame_write_client_message(m, out, cap, OPENWTS_FRAME_MAX, &n) != OPENWTS_OK)
        die("frame write");
    off += n;
    for (int i = 0; i < requests; i++) {
        memset(m, 0, sizeof(*m));
        m->id = 2 + (uint64_t)i;
        m->which_body = openwts_ClientMessage_request_tag;
        make_request(&m->body.request, ops[(i * 3) % N_OPS], (unsigned)i, i == 2);
        if (openwts_frame_write_client_message(m, out + off, cap - off, OPENWTS_FRAME_MAX, &n) != OPENWTS_OK)
            die("frame write");
        off += n;
    }
    free(m);
    return off;
}

static void frames(fuzz_seed_fn fn, void *ctx)
{
    size_t len = client_stream(buf, sizeof(buf), 0);
    fn("frame", "hello", buf, len, ctx);
    len = client_stream(buf, sizeof(buf), 3);
    fn("frame", "hello-and-requests", buf, len, ctx);

    uint8_t hdr[OPENWTS_FRAME_HEADER];
    openwts_frame_put_length(hdr, OPENWTS_FRAME_MAX);
    fn("frame", "header-max", hdr, sizeof(hdr), ctx);
    openwts_frame_put_length(hdr, OPENWTS_FRAME_MAX + 1);
    fn("frame", "header-over-max", hdr, sizeof(hdr), ctx);
    openwts_frame_put_length(hdr, 0);
    fn("frame", "header-empty", hdr, sizeof(hdr), ctx);
}

/* fuzz_frame_reader's input: a byte choosing the bound (index into its
 * table: 0 the protocol's, 4 is 64 bytes), a byte seeding the pieces, then
 * the stream. */
static void frame_reader_streams(fuzz_seed_fn fn, void *ctx)
{
    buf[0] = 0;
    buf[1] = 7;
    size_t len = client_stream(buf + 2, sizeof(buf) - 2, 4);
    fn("frame_reader", "requests", buf, 2 + len, ctx);
    buf[0] = 4; /* 64: the maximal request is refused */
    buf[1] = 1;
    fn("frame_reader", "requests-over-bound", buf, 2 + len, ctx);
    buf[0] = 0;
    buf[1] = 3;
    fn("frame_reader", "cut-in-the-last", buf, 2 + len - 3, ctx);
    static const uint8_t empties[] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 'x', 0, 0 };
    fn("frame_reader", "empty-frames", empties, sizeof(empties), ctx);
    static const uint8_t huge[] = { 0, 9, 0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3 };
    fn("frame_reader", "huge-header", huge, sizeof(huge), ctx);
}

void fuzz_seeds_each(fuzz_seed_fn fn, void *ctx)
{
    requests(fn, ctx);
    replies(fn, ctx);
    hellos(fn, ctx);
    client_messages(fn, ctx);
    server_messages(fn, ctx);
    frames(fn, ctx);
    frame_reader_streams(fn, ctx);
}

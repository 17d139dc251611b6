/* Valid encodings of every message and operation, small and at their
 * largest, a few with fields from a newer peer, and framed streams.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "fuzz_seeds.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "openwts/backend.h"
#include "openwts/codec.h"
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

static void fill_caller(openwts_Caller *c, unsigned seed, bool maximal, bool privileged)
{
    c->session_id = maximal ? 0xFFFFFFF0u + seed % 8 : 1 + seed % 3;
    c->process_id = maximal ? 0xFFFFFFFFu - seed : 4000 + seed;
    FILL(c->user, seed, maximal);
    FILL(c->domain, seed + 3, maximal);
    c->privileged = privileged;
}

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

static uint8_t buf[OPENWTS_FRAME_MAX];

static void emit_request(fuzz_seed_fn fn, void *ctx, const char *name, const openwts_Request *r)
{
    size_t len = 0;
    if (openwts_request_encode(r, buf, sizeof(buf), &len) != OPENWTS_OK)
        die("request encode");
    fn("request", name, buf, len, ctx);
}

static void emit_reply(fuzz_seed_fn fn, void *ctx, const char *name, const openwts_Reply *r)
{
    size_t len = 0;
    if (openwts_reply_encode(r, buf, sizeof(buf), &len) != OPENWTS_OK)
        die("reply encode");
    fn("reply", name, buf, len, ctx);
}

static void emit_hello(fuzz_seed_fn fn, void *ctx, const char *name, const openwts_Hello *h)
{
    size_t len = 0;
    if (openwts_hello_encode(h, buf, sizeof(buf), &len) != OPENWTS_OK)
        die("hello encode");
    fn("hello", name, buf, len, ctx);
}

static void make_request(openwts_Request *r, pb_size_t op, unsigned seed, bool maximal, bool privileged)
{
    memset(r, 0, sizeof(*r));
    r->has_caller = true;
    fill_caller(&r->caller, seed, maximal, privileged);
    r->which_op = op;
    switch (op) {
    case openwts_Request_enumerate_sessions_tag:
        if (maximal)
            FILL(r->op.enumerate_sessions.server, seed, true);
        break;
    case openwts_Request_query_session_tag:
        if (maximal)
            FILL(r->op.query_session.server, seed, true);
        r->op.query_session.session_id = maximal ? 0xFFFFFFFEu : OPENWTS_CURRENT_SESSION;
        break;
    case openwts_Request_disconnect_session_tag:
        FILL(r->op.disconnect_session.server, seed + 5, maximal);
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
    default:
        break;
    }
}

/* A request as a newer peer might send it: unknown fields everywhere. */
static const uint8_t newer_request[] = {
    0x98, 0x06, 0x01,                                     /* 99: 1 */
    0x0A, 0x11,                                           /* caller { */
    0x08, 0x05, 0x1A, 0x05, 'a', 'l', 'i', 'c', 'e',      /*   session_id 5, user "alice", */
    0xA5, 0x03, 0xEF, 0xBE, 0xAD, 0xDE,                   /*   52: fixed32, */
    0x28, 0x01,                                           /*   privileged } */
    0x62, 0x08, 0x10, 0x03, 0xB5, 0x03, 0x01, 0x00, 0x00, 0x00, /* query { 2: 3, 54: fixed32 } */
    0x92, 0x06, 0x06, 'f', 'u', 't', 'u', 'r', 'e',       /* 98: "future" */
};

static const pb_size_t ops[] = {
    openwts_Request_enumerate_sessions_tag, openwts_Request_query_session_tag,
    openwts_Request_disconnect_session_tag, openwts_Request_logoff_session_tag,
    openwts_Request_connect_session_tag,
};
static const char *op_names[] = { "enumerate", "query", "disconnect", "logoff", "connect" };

static void requests(fuzz_seed_fn fn, void *ctx)
{
    openwts_Request r;
    char name[64];
    for (int maximal = 0; maximal < 2; maximal++) {
        for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
            make_request(&r, ops[i], (unsigned)i, maximal, i % 2);
            snprintf(name, sizeof(name), "%s-%s", op_names[i], maximal ? "max" : "small");
            emit_request(fn, ctx, name, &r);
        }
    }
    make_request(&r, openwts_Request_query_session_tag, 1, false, false);
    r.has_caller = false;
    memset(&r.caller, 0, sizeof(r.caller));
    emit_request(fn, ctx, "query-no-caller", &r);
    make_request(&r, openwts_Request_connect_session_tag, 1, false, false);
    r.op.connect_session.logon_id = OPENWTS_CURRENT_SESSION;
    emit_request(fn, ctx, "connect-both-current", &r);
    make_request(&r, 0, 2, false, false);
    emit_request(fn, ctx, "no-operation", &r);
    openwts_Request check;
    if (openwts_request_decode(newer_request, sizeof(newer_request), &check) != OPENWTS_OK
        || check.which_op != openwts_Request_query_session_tag || !check.caller.privileged)
        die("newer_request does not decode");
    fn("request", "newer-peer", newer_request, sizeof(newer_request), ctx);
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
    static const unsigned counts[] = { 0, 1, 3, OPENWTS_MAX_SESSIONS };
    for (size_t c = 0; c < sizeof(counts) / sizeof(counts[0]); c++) {
        for (int maximal = 0; maximal < 2; maximal++) {
            if (maximal && counts[c] != OPENWTS_MAX_SESSIONS && counts[c] != 1)
                continue;
            memset(r, 0, sizeof(*r));
            r->which_result = openwts_Reply_enumerate_sessions_tag;
            r->result.enumerate_sessions.sessions_count = counts[c];
            for (unsigned i = 0; i < counts[c]; i++)
                fill_session(&r->result.enumerate_sessions.sessions[i], i, maximal);
            char name[64];
            snprintf(name, sizeof(name), "enumerate-%u-%s", counts[c], maximal ? "max" : "small");
            emit_reply(fn, ctx, name, r);
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
    h.has_caller = true;
    fill_caller(&h.caller, 0, false, false);
    emit_hello(fn, ctx, "small", &h);
    h.version = 0xFFFFFFFFu;
    fill_caller(&h.caller, 4, true, true);
    emit_hello(fn, ctx, "max", &h);
}

/* A stream: a hello and two requests, each framed. */
static void frames(fuzz_seed_fn fn, void *ctx)
{
    static uint8_t stream[3 * (OPENWTS_FRAME_HEADER + OPENWTS_FRAME_MAX + openwts_Hello_size)];
    size_t off = 0, len = 0;
    openwts_Hello h;
    memset(&h, 0, sizeof(h));
    h.version = OPENWTS_PROTOCOL_VERSION;
    h.has_caller = true;
    fill_caller(&h.caller, 0, false, false);
    if (openwts_hello_encode(&h, stream + off + 4, sizeof(stream) - off - 4, &len) != OPENWTS_OK)
        die("hello encode");
    openwts_frame_put_length(stream + off, (uint32_t)len);
    off += 4 + len;
    fn("frame", "hello", stream, off, ctx);
    openwts_Request r;
    for (int i = 0; i < 2; i++) {
        make_request(&r, ops[i * 2], (unsigned)i, i == 1, false);
        if (openwts_request_encode(&r, stream + off + 4, sizeof(stream) - off - 4, &len) != OPENWTS_OK)
            die("request encode");
        openwts_frame_put_length(stream + off, (uint32_t)len);
        off += 4 + len;
    }
    fn("frame", "hello-and-requests", stream, off, ctx);

    uint8_t hdr[OPENWTS_FRAME_HEADER];
    openwts_frame_put_length(hdr, OPENWTS_FRAME_MAX);
    fn("frame", "header-max", hdr, sizeof(hdr), ctx);
    openwts_frame_put_length(hdr, OPENWTS_FRAME_MAX + 1);
    fn("frame", "header-over-max", hdr, sizeof(hdr), ctx);
    openwts_frame_put_length(hdr, 0);
    fn("frame", "header-empty", hdr, sizeof(hdr), ctx);
}

void fuzz_seeds_each(fuzz_seed_fn fn, void *ctx)
{
    requests(fn, ctx);
    replies(fn, ctx);
    hellos(fn, ctx);
    frames(fn, ctx);
}

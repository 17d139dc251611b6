/* The wire codec: round trips of every message, operation, result and
 * envelope body at their largest, malformed input of every kind (truncated,
 * garbage, oversized strings, wrong wire types), small output buffers,
 * unknown fields from a newer peer, reserved fields from an older one, lists
 * of any length, and the 4-byte little-endian frame header.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <pb_common.h>
#include <pb_decode.h>

#include "openwts/backend.h"
#include "openwts/codec.h"

/* ---- sizes on the wire ------------------------------------------------------ */

/* The largest encodings, from nanopb's generated _size constants for the
 * messages that still have one (every field bounded). Request.server has no
 * constant of its own: it is a string of its array's size less the NUL. A
 * field costs its tag (1 byte below field 16, 2 below 2048) and, when
 * length-delimited, its length's varint besides its bytes. Lists and message
 * texts have no bound but the receiver's frame (answers in parts). */
#define TAG_SIZE(field) ((field) < 16 ? 1u : 2u)
#define STATUS_MAX (1 + 5)    /* Reply.status: tag, 32-bit varint */
#define ID_MAX (1 + 10)       /* ClientMessage.id, ServerMessage.id: 64-bit varint */
#define MORE_MAX 2            /* ServerMessage.more set */
#define SERVER_BYTES (sizeof(((openwts_Request *)0)->server) - 1)

static size_t varint_size(uint64_t v)
{
    size_t n = 1;
    for (; v >= 0x80; v >>= 7)
        n++;
    return n;
}

/* A length-delimited field of `size` bytes. */
static size_t ld_size(uint32_t field, size_t size)
{
    return TAG_SIZE(field) + varint_size(size) + size;
}

/* The generated bound of an operation's request; 0 for send_message, whose
 * texts are unbounded. */
static size_t op_size(pb_size_t op)
{
    switch (op) {
    case openwts_Request_enumerate_sessions_tag: return openwts_EnumerateSessionsRequest_size;
    case openwts_Request_query_session_tag: return openwts_QuerySessionRequest_size;
    case openwts_Request_disconnect_session_tag: return openwts_DisconnectSessionRequest_size;
    case openwts_Request_logoff_session_tag: return openwts_LogoffSessionRequest_size;
    case openwts_Request_connect_session_tag: return openwts_ConnectSessionRequest_size;
    case openwts_Request_enumerate_processes_tag: return openwts_EnumerateProcessesRequest_size;
    case openwts_Request_terminate_process_tag: return openwts_TerminateProcessRequest_size;
    case openwts_Request_add_session_tag: return openwts_AddSessionRequest_size;
    case openwts_Request_remove_session_tag: return openwts_RemoveSessionRequest_size;
    case openwts_Request_lock_session_tag: return openwts_LockSessionRequest_size;
    default: return 0;
    }
}

/* The largest Request with operation `op` (0: none). */
static size_t request_max(pb_size_t op)
{
    return ld_size(openwts_Request_server_tag, SERVER_BYTES) + (op ? ld_size(op, op_size(op)) : 0);
}

static size_t result_size(pb_size_t result)
{
    switch (result) {
    case openwts_Reply_done_tag: return openwts_Empty_size;
    case openwts_Reply_query_session_tag: return openwts_QuerySessionReply_size;
    case openwts_Reply_send_message_tag: return openwts_SendMessageReply_size;
    case openwts_Reply_add_session_tag: return openwts_AddSessionReply_size;
    default: return 0;
    }
}

/* The largest Reply with a bounded result (0: none). */
static size_t reply_max(pb_size_t result)
{
    return STATUS_MAX + (result ? ld_size(result, result_size(result)) : 0);
}

/* The largest Reply listing n sessions: each entry is bounded. */
static size_t session_list_max(size_t n)
{
    size_t list = n * ld_size(openwts_EnumerateSessionsReply_sessions_tag, openwts_Session_size);
    return STATUS_MAX + ld_size(openwts_Reply_enumerate_sessions_tag, list);
}

static size_t process_list_max(size_t n)
{
    size_t list = n * ld_size(openwts_EnumerateProcessesReply_processes_tag, openwts_Process_size);
    return STATUS_MAX + ld_size(openwts_Reply_enumerate_processes_tag, list);
}

/* Envelopes around a body of at most `body` bytes. */
static size_t client_message_max(pb_size_t which, size_t body)
{
    return ID_MAX + ld_size(which, body);
}

static size_t server_message_max(pb_size_t which, size_t body)
{
    return ID_MAX + MORE_MAX + ld_size(which, body);
}

/* Room for the longest lists the tests encode. */
#define BIG_CAP (4u * 1024u * 1024u)
static uint8_t *big;
static uint8_t wirebuf[OPENWTS_FRAME_MAX + 64];

static int group_setup(void **state)
{
    (void)state;
    big = malloc(BIG_CAP);
    return big ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    free(big);
    return 0;
}

/* xorshift64*: a fixed-seed generator, so failures reproduce. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Dull;
}

/* ---- filling messages ----------------------------------------------------------- */

/* A string of exactly cap - 1 bytes (the field's maximum), UTF-8 with a
 * two-byte character at the front, different for every seed. With
 * maximal false, a short one. */
static void fill_str(char *dst, size_t cap, unsigned seed, bool maximal)
{
    size_t n = maximal ? cap - 1 : (cap - 1 < 5 ? cap - 1 : 5);
    size_t i = 0;
    if (n >= 2) {
        dst[i++] = (char)0xC3;
        dst[i++] = (char)(0xA0 + seed % 16); /* à..ï */
    }
    for (; i < n; i++)
        dst[i] = (char)('!' + (seed * 7 + i) % 94);
    dst[n] = '\0';
}
#define FILL_STR(field, seed, maximal) fill_str((field), sizeof(field), (seed), (maximal))

/* Varints at their longest (uint32 >= 2^28 is 5 bytes, negative int32 and
 * int64 are 10) unless maximal is false. */
static uint32_t u32(unsigned seed, unsigned k, bool maximal)
{
    return maximal ? 0xF0000000u + seed * 64u + k : seed * 3u + k + 1u;
}

static uint64_t u64(unsigned seed, bool maximal)
{
    return maximal ? UINT64_MAX - seed : 1000u + seed;
}

static void fill_bytes(pb_byte_t *dst, pb_size_t *size, size_t cap, unsigned seed, bool maximal)
{
    *size = (pb_size_t)(maximal ? cap : 4);
    for (size_t i = 0; i < *size; i++)
        dst[i] = (pb_byte_t)(seed * 31 + i * 17);
}
#define FILL_BYTES(field, seed, maximal) \
    fill_bytes((field).bytes, &(field).size, sizeof((field).bytes), (seed), (maximal))

static void fill_session(openwts_Session *s, unsigned seed, bool maximal)
{
    s->id = u32(seed, 3, maximal);
    s->state = maximal ? u32(seed, 4, true) : OPENWTS_STATE_DISCONNECTED;
    FILL_STR(s->win_station, seed + 3, maximal);
    FILL_STR(s->user, seed + 4, maximal);
    FILL_STR(s->domain, seed + 5, maximal);
    FILL_STR(s->host, seed + 6, maximal);
    s->logon_time = maximal ? INT64_MIN + seed : 133000000000000000ll + seed;
    s->connect_time = maximal ? -1 - (int64_t)seed : 133000000000000001ll + seed;
    s->disconnect_time = maximal ? -1000000007ll * (seed + 1) : 133000000000000002ll + seed;
    s->last_input_time = maximal ? -2 - (int64_t)seed : INT64_MAX - seed;
    s->protocol_type = u32(seed, 5, maximal);
    s->lock_state = maximal ? INT32_MIN + (int32_t)seed : -1;
    FILL_STR(s->client_name, seed + 7, maximal);
    FILL_STR(s->client_directory, seed + 8, maximal);
    s->client_build = u32(seed, 6, maximal);
    s->client_product_id = u32(seed, 7, maximal);
    s->client_hardware_id = u32(seed, 8, maximal);
    s->client_address_family = u32(seed, 9, maximal);
    FILL_BYTES(s->client_address, seed + 9, maximal);
    s->client_hres = u32(seed, 10, maximal);
    s->client_vres = u32(seed, 11, maximal);
    s->client_color_depth = u32(seed, 12, maximal);
    FILL_STR(s->initial_program, seed + 10, maximal);
    FILL_STR(s->working_directory, seed + 11, maximal);
    FILL_STR(s->application_name, seed + 12, maximal);
    s->session_address_family = u32(seed, 13, maximal);
    FILL_BYTES(s->session_address, seed + 13, maximal);
}

static void fill_process(openwts_Process *p, unsigned seed, bool maximal)
{
    p->session_id = u32(seed, 20, maximal);
    p->process_id = u32(seed, 21, maximal);
    FILL_STR(p->name, seed + 20, maximal);
    FILL_BYTES(p->user_sid, seed + 21, maximal);
    p->thread_count = u32(seed, 22, maximal);
    p->handle_count = u32(seed, 23, maximal);
    p->pagefile_usage = u64(seed + 1, maximal);
    p->peak_pagefile_usage = u64(seed + 2, maximal);
    p->working_set = u64(seed + 3, maximal);
    p->peak_working_set = u64(seed + 4, maximal);
    p->user_time = maximal ? INT64_MIN + seed : 10000 + seed;
    p->kernel_time = maximal ? -1 - (int64_t)seed : 20000 + seed;
}

/* Message texts: as long as the caller makes them, so "maximal" is long. */
static char title_text[300], message_text[5000];

static void make_request(openwts_Request *r, pb_size_t op, unsigned seed, bool maximal)
{
    memset(r, 0, sizeof(*r));
    FILL_STR(r->server, seed + 20, maximal);
    r->which_op = op;
    switch (op) {
    case openwts_Request_enumerate_sessions_tag:
        break;
    case openwts_Request_query_session_tag:
        r->op.query_session.session_id = maximal ? OPENWTS_CURRENT_SESSION : 3;
        break;
    case openwts_Request_disconnect_session_tag:
        r->op.disconnect_session.session_id = u32(seed, 30, maximal);
        r->op.disconnect_session.wait = true;
        break;
    case openwts_Request_logoff_session_tag:
        r->op.logoff_session.session_id = u32(seed, 31, maximal);
        r->op.logoff_session.wait = true;
        break;
    case openwts_Request_connect_session_tag:
        r->op.connect_session.logon_id = u32(seed, 32, maximal);
        r->op.connect_session.target_id = maximal ? OPENWTS_CURRENT_SESSION : 1;
        FILL_STR(r->op.connect_session.password, seed + 24, maximal);
        r->op.connect_session.wait = true;
        break;
    case openwts_Request_enumerate_processes_tag:
        r->op.enumerate_processes.session_id = maximal ? OPENWTS_ANY_SESSION : 2;
        break;
    case openwts_Request_terminate_process_tag:
        r->op.terminate_process.process_id = u32(seed, 33, maximal);
        r->op.terminate_process.exit_code = u32(seed, 34, maximal);
        break;
    case openwts_Request_send_message_tag: {
        openwts_SendMessageRequest *m = &r->op.send_message;
        m->session_id = u32(seed, 35, maximal);
        FILL_STR(title_text, seed + 25, maximal);
        FILL_STR(message_text, seed + 26, maximal);
        m->title = title_text;
        m->message = message_text;
        m->style = u32(seed, 36, maximal);
        m->timeout_seconds = u32(seed, 37, maximal);
        m->wait = true;
        break;
    }
    case openwts_Request_add_session_tag:
        r->op.add_session.has_session = true;
        fill_session(&r->op.add_session.session, seed + 40, maximal);
        break;
    case openwts_Request_remove_session_tag:
        r->op.remove_session.session_id = u32(seed, 38, maximal);
        break;
    case openwts_Request_lock_session_tag:
        r->op.lock_session.session_id = u32(seed, 39, maximal);
        r->op.lock_session.lock = true;
        break;
    default:
        break;
    }
}

static const pb_size_t all_ops[] = {
    openwts_Request_enumerate_sessions_tag, openwts_Request_query_session_tag,
    openwts_Request_disconnect_session_tag, openwts_Request_logoff_session_tag,
    openwts_Request_connect_session_tag, openwts_Request_enumerate_processes_tag,
    openwts_Request_terminate_process_tag, openwts_Request_send_message_tag,
    openwts_Request_add_session_tag, openwts_Request_remove_session_tag,
    openwts_Request_lock_session_tag,
};
#define N_OPS (sizeof(all_ops) / sizeof(all_ops[0]))

/* A reply listing `count` sessions, filled from seeds first_seed onwards,
 * in a list allocated as the dispatcher's is (openwts_reply_release frees
 * it). */
static void make_session_list(openwts_Reply *r, unsigned count, unsigned first_seed, bool maximal)
{
    memset(r, 0, sizeof(*r));
    r->which_result = openwts_Reply_enumerate_sessions_tag;
    r->result.enumerate_sessions.sessions_count = (pb_size_t)count;
    if (count) {
        r->result.enumerate_sessions.sessions = calloc(count, sizeof(openwts_Session));
        assert_non_null(r->result.enumerate_sessions.sessions);
    }
    for (unsigned i = 0; i < count; i++)
        fill_session(&r->result.enumerate_sessions.sessions[i], first_seed + i, maximal);
}

static void make_process_list(openwts_Reply *r, unsigned count, unsigned first_seed, bool maximal)
{
    memset(r, 0, sizeof(*r));
    r->which_result = openwts_Reply_enumerate_processes_tag;
    r->result.enumerate_processes.processes_count = (pb_size_t)count;
    if (count) {
        r->result.enumerate_processes.processes = calloc(count, sizeof(openwts_Process));
        assert_non_null(r->result.enumerate_processes.processes);
    }
    for (unsigned i = 0; i < count; i++)
        fill_process(&r->result.enumerate_processes.processes[i], first_seed + i, maximal);
}

/* A reply with a bounded result (or none). */
static void make_reply(openwts_Reply *r, pb_size_t result, unsigned seed, bool maximal)
{
    memset(r, 0, sizeof(*r));
    r->status = maximal ? 0xFFFFFFFFu : 0;
    r->which_result = result;
    switch (result) {
    case openwts_Reply_query_session_tag:
        r->result.query_session.has_session = true;
        fill_session(&r->result.query_session.session, seed, maximal);
        break;
    case openwts_Reply_send_message_tag:
        r->result.send_message.response = u32(seed, 1, maximal);
        break;
    case openwts_Reply_add_session_tag:
        r->result.add_session.session_id = u32(seed, 2, maximal);
        break;
    default:
        break;
    }
}

static const pb_size_t bounded_results[] = {
    openwts_Reply_done_tag, openwts_Reply_query_session_tag, openwts_Reply_send_message_tag,
    openwts_Reply_add_session_tag,
};
#define N_BOUNDED_RESULTS (sizeof(bounded_results) / sizeof(bounded_results[0]))

static void make_hello(openwts_Hello *h, bool maximal)
{
    memset(h, 0, sizeof(*h));
    h->version = maximal ? 0xFFFFFFFFu : OPENWTS_PROTOCOL_VERSION;
    FILL_STR(h->client, 5, maximal);
}

static void make_hello_reply(openwts_HelloReply *h, bool maximal)
{
    memset(h, 0, sizeof(*h));
    h->status = maximal ? 0xFFFFFFFFu : 0;
    h->version = maximal ? 0xFFFFFFFFu : OPENWTS_PROTOCOL_VERSION;
    FILL_BYTES(h->challenge, 7, maximal);
}

static void make_event(openwts_Event *e, bool maximal)
{
    memset(e, 0, sizeof(*e));
    e->session_id = u32(1, 50, maximal);
    e->kind = maximal ? 0xFFFFFFFFu : OPENWTS_EVENT_LOGON;
    e->sequence = u64(3, maximal);
}

static const pb_size_t client_bodies[] = {
    openwts_ClientMessage_hello_tag, openwts_ClientMessage_auth_tag,
    openwts_ClientMessage_request_tag, openwts_ClientMessage_subscribe_tag,
};
static const pb_size_t server_bodies[] = {
    openwts_ServerMessage_hello_tag, openwts_ServerMessage_reply_tag, openwts_ServerMessage_event_tag,
};

/* A client message with `body` (a request: with operation `op`). */
static void make_client_message(openwts_ClientMessage *m, pb_size_t body, pb_size_t op, bool maximal)
{
    memset(m, 0, sizeof(*m));
    m->id = u64(9, maximal);
    m->which_body = body;
    switch (body) {
    case openwts_ClientMessage_hello_tag:
        make_hello(&m->body.hello, maximal);
        break;
    case openwts_ClientMessage_auth_tag:
        FILL_BYTES(m->body.auth.proof, 11, maximal);
        break;
    case openwts_ClientMessage_request_tag:
        make_request(&m->body.request, op, 13, maximal);
        break;
    case openwts_ClientMessage_subscribe_tag:
        m->body.subscribe.on = true;
        break;
    default:
        break;
    }
}

/* A server message with `body` (a reply: with bounded result `result`). */
static void make_server_message(openwts_ServerMessage *m, pb_size_t body, pb_size_t result, bool maximal)
{
    memset(m, 0, sizeof(*m));
    m->id = u64(17, maximal);
    m->more = maximal;
    m->which_body = body;
    switch (body) {
    case openwts_ServerMessage_hello_tag:
        make_hello_reply(&m->body.hello, maximal);
        break;
    case openwts_ServerMessage_reply_tag:
        make_reply(&m->body.reply, result, 19, maximal);
        break;
    case openwts_ServerMessage_event_tag:
        make_event(&m->body.event, maximal);
        break;
    default:
        break;
    }
}

/* ---- equality --------------------------------------------------------------- */

#define EQ_INT(f) assert_int_equal(a->f, b->f)
#define EQ_STR(f) assert_string_equal(a->f, b->f)
#define EQ_BYTES(f) do { \
        assert_int_equal(a->f.size, b->f.size); \
        assert_memory_equal(a->f.bytes, b->f.bytes, a->f.size); \
    } while (0)

static void assert_session_equal(const openwts_Session *a, const openwts_Session *b)
{
    EQ_INT(id);
    EQ_INT(state);
    EQ_STR(win_station);
    EQ_STR(user);
    EQ_STR(domain);
    EQ_STR(host);
    EQ_INT(logon_time);
    EQ_INT(connect_time);
    EQ_INT(disconnect_time);
    EQ_INT(last_input_time);
    EQ_INT(protocol_type);
    EQ_INT(lock_state);
    EQ_STR(client_name);
    EQ_STR(client_directory);
    EQ_INT(client_build);
    EQ_INT(client_product_id);
    EQ_INT(client_hardware_id);
    EQ_INT(client_address_family);
    EQ_BYTES(client_address);
    EQ_INT(client_hres);
    EQ_INT(client_vres);
    EQ_INT(client_color_depth);
    EQ_STR(initial_program);
    EQ_STR(working_directory);
    EQ_STR(application_name);
    EQ_INT(session_address_family);
    EQ_BYTES(session_address);
}

static void assert_process_equal(const openwts_Process *a, const openwts_Process *b)
{
    EQ_INT(session_id);
    EQ_INT(process_id);
    EQ_STR(name);
    EQ_BYTES(user_sid);
    EQ_INT(thread_count);
    EQ_INT(handle_count);
    EQ_INT(pagefile_usage);
    EQ_INT(peak_pagefile_usage);
    EQ_INT(working_set);
    EQ_INT(peak_working_set);
    EQ_INT(user_time);
    EQ_INT(kernel_time);
}

/* Pointer strings: both absent, or equal. */
static void assert_text_equal(const char *a, const char *b)
{
    if (!a || !b)
        assert_ptr_equal(a, b);
    else
        assert_string_equal(a, b);
}

static void assert_request_equal(const openwts_Request *a, const openwts_Request *b)
{
    EQ_STR(server);
    EQ_INT(which_op);
    switch (a->which_op) {
    case openwts_Request_query_session_tag:
        EQ_INT(op.query_session.session_id);
        break;
    case openwts_Request_disconnect_session_tag:
        EQ_INT(op.disconnect_session.session_id);
        EQ_INT(op.disconnect_session.wait);
        break;
    case openwts_Request_logoff_session_tag:
        EQ_INT(op.logoff_session.session_id);
        EQ_INT(op.logoff_session.wait);
        break;
    case openwts_Request_connect_session_tag:
        EQ_INT(op.connect_session.logon_id);
        EQ_INT(op.connect_session.target_id);
        EQ_STR(op.connect_session.password);
        EQ_INT(op.connect_session.wait);
        break;
    case openwts_Request_enumerate_processes_tag:
        EQ_INT(op.enumerate_processes.session_id);
        break;
    case openwts_Request_terminate_process_tag:
        EQ_INT(op.terminate_process.process_id);
        EQ_INT(op.terminate_process.exit_code);
        break;
    case openwts_Request_send_message_tag:
        EQ_INT(op.send_message.session_id);
        assert_text_equal(a->op.send_message.title, b->op.send_message.title);
        assert_text_equal(a->op.send_message.message, b->op.send_message.message);
        EQ_INT(op.send_message.style);
        EQ_INT(op.send_message.timeout_seconds);
        EQ_INT(op.send_message.wait);
        break;
    case openwts_Request_add_session_tag:
        EQ_INT(op.add_session.has_session);
        assert_session_equal(&a->op.add_session.session, &b->op.add_session.session);
        break;
    case openwts_Request_remove_session_tag:
        EQ_INT(op.remove_session.session_id);
        break;
    case openwts_Request_lock_session_tag:
        EQ_INT(op.lock_session.session_id);
        EQ_INT(op.lock_session.lock);
        break;
    default:
        break;
    }
}

static void assert_reply_equal(const openwts_Reply *a, const openwts_Reply *b)
{
    EQ_INT(status);
    EQ_INT(which_result);
    switch (a->which_result) {
    case openwts_Reply_enumerate_sessions_tag:
        EQ_INT(result.enumerate_sessions.sessions_count);
        for (pb_size_t i = 0; i < a->result.enumerate_sessions.sessions_count; i++)
            assert_session_equal(&a->result.enumerate_sessions.sessions[i],
                                 &b->result.enumerate_sessions.sessions[i]);
        break;
    case openwts_Reply_query_session_tag:
        EQ_INT(result.query_session.has_session);
        assert_session_equal(&a->result.query_session.session, &b->result.query_session.session);
        break;
    case openwts_Reply_enumerate_processes_tag:
        EQ_INT(result.enumerate_processes.processes_count);
        for (pb_size_t i = 0; i < a->result.enumerate_processes.processes_count; i++)
            assert_process_equal(&a->result.enumerate_processes.processes[i],
                                 &b->result.enumerate_processes.processes[i]);
        break;
    case openwts_Reply_send_message_tag:
        EQ_INT(result.send_message.response);
        break;
    case openwts_Reply_add_session_tag:
        EQ_INT(result.add_session.session_id);
        break;
    default:
        break;
    }
}

static void assert_hello_equal(const openwts_Hello *a, const openwts_Hello *b)
{
    EQ_INT(version);
    EQ_STR(client);
}

static void assert_client_message_equal(const openwts_ClientMessage *a, const openwts_ClientMessage *b)
{
    EQ_INT(id);
    EQ_INT(which_body);
    switch (a->which_body) {
    case openwts_ClientMessage_hello_tag:
        assert_hello_equal(&a->body.hello, &b->body.hello);
        break;
    case openwts_ClientMessage_auth_tag:
        EQ_BYTES(body.auth.proof);
        break;
    case openwts_ClientMessage_request_tag:
        assert_request_equal(&a->body.request, &b->body.request);
        break;
    case openwts_ClientMessage_subscribe_tag:
        EQ_INT(body.subscribe.on);
        break;
    default:
        break;
    }
}

static void assert_server_message_equal(const openwts_ServerMessage *a, const openwts_ServerMessage *b)
{
    EQ_INT(id);
    EQ_INT(more);
    EQ_INT(which_body);
    switch (a->which_body) {
    case openwts_ServerMessage_hello_tag:
        EQ_INT(body.hello.status);
        EQ_INT(body.hello.version);
        EQ_BYTES(body.hello.challenge);
        break;
    case openwts_ServerMessage_reply_tag:
        assert_reply_equal(&a->body.reply, &b->body.reply);
        break;
    case openwts_ServerMessage_event_tag:
        EQ_INT(body.event.session_id);
        EQ_INT(body.event.kind);
        EQ_INT(body.event.sequence);
        break;
    default:
        break;
    }
}

/* Whether a message holds no pointer (no list, no text), so that a decoded
 * copy must equal it byte for byte, padding and unused union bytes
 * included (both start zeroed). */
static bool request_flat(const openwts_Request *r)
{
    return r->which_op != openwts_Request_send_message_tag;
}

static bool reply_flat(const openwts_Reply *r)
{
    return r->which_result != openwts_Reply_enumerate_sessions_tag
        && r->which_result != openwts_Reply_enumerate_processes_tag;
}

/* ---- round trips -------------------------------------------------------------- */

static openwts_status enc_request(const void *m, uint8_t *b, size_t c, size_t *l) { return openwts_request_encode(m, b, c, l); }
static openwts_status enc_reply(const void *m, uint8_t *b, size_t c, size_t *l) { return openwts_reply_encode(m, b, c, l); }
static openwts_status enc_hello(const void *m, uint8_t *b, size_t c, size_t *l) { return openwts_hello_encode(m, b, c, l); }
static openwts_status enc_client(const void *m, uint8_t *b, size_t c, size_t *l) { return openwts_client_message_encode(m, b, c, l); }
static openwts_status enc_server(const void *m, uint8_t *b, size_t c, size_t *l) { return openwts_server_message_encode(m, b, c, l); }
static openwts_status dec_request(const uint8_t *b, size_t n, void *m) { return openwts_request_decode(b, n, m); }
static openwts_status dec_reply(const uint8_t *b, size_t n, void *m) { return openwts_reply_decode(b, n, m); }
static openwts_status dec_hello(const uint8_t *b, size_t n, void *m) { return openwts_hello_decode(b, n, m); }
static openwts_status dec_client(const uint8_t *b, size_t n, void *m) { return openwts_client_message_decode(b, n, m); }
static openwts_status dec_server(const uint8_t *b, size_t n, void *m) { return openwts_server_message_decode(b, n, m); }
static void rel_request(void *m) { openwts_request_release(m); }
static void rel_reply(void *m) { openwts_reply_release(m); }
static void rel_hello(void *m) { (void)m; /* nothing allocated */ }
static void rel_client(void *m) { openwts_client_message_release(m); }
static void rel_server(void *m) { openwts_server_message_release(m); }
static void eq_request(const void *a, const void *b) { assert_request_equal(a, b); }
static void eq_reply(const void *a, const void *b) { assert_reply_equal(a, b); }
static void eq_hello(const void *a, const void *b) { assert_hello_equal(a, b); }
static void eq_client(const void *a, const void *b) { assert_client_message_equal(a, b); }
static void eq_server(const void *a, const void *b) { assert_server_message_equal(a, b); }
static bool flat_request(const void *m) { return request_flat(m); }
static bool flat_reply(const void *m) { return reply_flat(m); }
static bool flat_hello(const void *m) { (void)m; return true; }
static bool flat_client(const void *m)
{
    const openwts_ClientMessage *c = m;
    return c->which_body != openwts_ClientMessage_request_tag || request_flat(&c->body.request);
}
static bool flat_server(const void *m)
{
    const openwts_ServerMessage *s = m;
    return s->which_body != openwts_ServerMessage_reply_tag || reply_flat(&s->body.reply);
}

struct codec {
    openwts_status (*encode)(const void *, uint8_t *, size_t, size_t *);
    openwts_status (*decode)(const uint8_t *, size_t, void *);
    void (*release)(void *);
    void (*equal)(const void *, const void *);
    bool (*flat)(const void *);
    size_t size;
};

static const struct codec REQUEST = { enc_request, dec_request, rel_request, eq_request, flat_request, sizeof(openwts_Request) };
static const struct codec REPLY = { enc_reply, dec_reply, rel_reply, eq_reply, flat_reply, sizeof(openwts_Reply) };
static const struct codec HELLO = { enc_hello, dec_hello, rel_hello, eq_hello, flat_hello, sizeof(openwts_Hello) };
static const struct codec CLIENT = { enc_client, dec_client, rel_client, eq_client, flat_client, sizeof(openwts_ClientMessage) };
static const struct codec SERVER = { enc_server, dec_server, rel_server, eq_server, flat_server, sizeof(openwts_ServerMessage) };

/* Encode, decode into a zeroed struct, compare field by field (and byte by
 * byte when nothing is a pointer), encode the copy into exactly the room it
 * needs and compare the bytes. Returns the encoded length. */
static size_t round_trip(const struct codec *c, const void *in)
{
    size_t len = 0, len2 = 0;
    assert_int_equal(c->encode(in, big, BIG_CAP, &len), OPENWTS_OK);
    void *out = calloc(1, c->size);
    assert_non_null(out);
    assert_int_equal(c->decode(big, len, out), OPENWTS_OK);
    c->equal(in, out);
    if (c->flat(in))
        assert_memory_equal(in, out, c->size);
    uint8_t *again = malloc(len + 1);
    assert_non_null(again);
    assert_int_equal(c->encode(out, again, len, &len2), OPENWTS_OK);
    assert_int_equal(len2, len);
    assert_memory_equal(again, big, len);
    free(again);
    c->release(out);
    free(out);
    return len;
}

static void request_round_trip_every_operation(void **state)
{
    (void)state;
    openwts_Request *r = malloc(sizeof(*r));
    assert_non_null(r);
    for (int maximal = 0; maximal < 2; maximal++) {
        for (size_t i = 0; i < N_OPS; i++) {
            make_request(r, all_ops[i], (unsigned)i, maximal);
            size_t len = round_trip(&REQUEST, r);
            if (all_ops[i] == openwts_Request_send_message_tag) {
                /* unbounded texts: their bytes and little else */
                if (maximal)
                    assert_true(len > strlen(title_text) + strlen(message_text));
                continue;
            }
            assert_true(len <= request_max(all_ops[i]));
            /* every bounded operation at its largest reaches the bound */
            if (maximal)
                assert_int_equal(len, request_max(all_ops[i]));
        }
    }
    /* send_message without its texts (absent, not empty) */
    make_request(r, openwts_Request_send_message_tag, 3, false);
    r->op.send_message.title = NULL;
    r->op.send_message.message = NULL;
    round_trip(&REQUEST, r);
    /* without an operation, and wholly empty */
    make_request(r, 0, 9, true);
    assert_int_equal(round_trip(&REQUEST, r), request_max(0));
    memset(r, 0, sizeof(*r));
    assert_int_equal(round_trip(&REQUEST, r), 0);
    free(r);
}

static void reply_round_trip_every_bounded_result(void **state)
{
    (void)state;
    openwts_Reply *r = malloc(sizeof(*r));
    assert_non_null(r);
    for (int maximal = 0; maximal < 2; maximal++) {
        for (size_t i = 0; i < N_BOUNDED_RESULTS; i++) {
            make_reply(r, bounded_results[i], (unsigned)i + 77, maximal);
            size_t len = round_trip(&REPLY, r);
            assert_true(len <= reply_max(bounded_results[i]));
            if (maximal)
                assert_int_equal(len, reply_max(bounded_results[i]));
        }
    }
    /* an error alone, and nothing at all: zero bytes */
    memset(r, 0, sizeof(*r));
    r->status = OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND;
    round_trip(&REPLY, r);
    memset(r, 0, sizeof(*r));
    assert_int_equal(round_trip(&REPLY, r), 0);
    free(r);
}

/* Lists are allocated to their length: far past the 64 sessions a reply
 * once held. Every entry is bounded, so a list of n maximal entries reaches
 * n times the entry's bound exactly. */
static void reply_round_trip_lists_of_any_length(void **state)
{
    (void)state;
    openwts_Reply *r = malloc(sizeof(*r));
    assert_non_null(r);
    static const unsigned counts[] = { 0, 1, 3, 64, 65, 300 };
    for (size_t c = 0; c < sizeof(counts) / sizeof(counts[0]); c++) {
        for (int maximal = 0; maximal < 2; maximal++) {
            make_session_list(r, counts[c], 40, maximal);
            r->status = maximal ? 0xFFFFFFFFu : 0;
            size_t len = round_trip(&REPLY, r);
            assert_true(len <= session_list_max(counts[c]));
            if (maximal)
                assert_int_equal(len, session_list_max(counts[c]));
            openwts_reply_release(r);

            make_process_list(r, counts[c] * 3, 50, maximal);
            r->status = maximal ? 0xFFFFFFFFu : 0;
            len = round_trip(&REPLY, r);
            assert_true(len <= process_list_max(counts[c] * 3));
            if (maximal)
                assert_int_equal(len, process_list_max(counts[c] * 3));
            openwts_reply_release(r);
        }
    }
    /* 1000 small sessions: more than any frame of maximal ones holds */
    make_session_list(r, 1000, 0, false);
    round_trip(&REPLY, r);
    openwts_reply_release(r);
    /* an empty list is still a list: which_result survives the wire */
    make_session_list(r, 0, 0, false);
    assert_int_equal(round_trip(&REPLY, r), 2);
    free(r);
}

static void hello_round_trip(void **state)
{
    (void)state;
    openwts_Hello h;
    for (int maximal = 0; maximal < 2; maximal++) {
        make_hello(&h, maximal);
        size_t len = round_trip(&HELLO, &h);
        assert_true(len <= openwts_Hello_size);
        /* nanopb counts the length varint of max_size (128), 1 byte more
         * than the 127 bytes that fit need */
        if (maximal)
            assert_int_equal(len, 1 + 5 + 1 + 1 + (sizeof(h.client) - 1));
    }
    memset(&h, 0, sizeof(h));
    h.version = OPENWTS_PROTOCOL_VERSION;
    assert_int_equal(round_trip(&HELLO, &h), 2);
}

static void client_message_round_trip_every_body(void **state)
{
    (void)state;
    openwts_ClientMessage *m = malloc(sizeof(*m));
    assert_non_null(m);
    for (int maximal = 0; maximal < 2; maximal++) {
        for (size_t b = 0; b < sizeof(client_bodies) / sizeof(client_bodies[0]); b++) {
            pb_size_t body = client_bodies[b];
            size_t nops = body == openwts_ClientMessage_request_tag ? N_OPS : 1;
            for (size_t i = 0; i < nops; i++) {
                pb_size_t op = all_ops[i];
                make_client_message(m, body, op, maximal);
                size_t len = round_trip(&CLIENT, m);
                size_t bound = body == openwts_ClientMessage_hello_tag ? openwts_Hello_size
                             : body == openwts_ClientMessage_auth_tag ? openwts_AuthResponse_size
                             : body == openwts_ClientMessage_subscribe_tag ? openwts_Subscribe_size
                             : op == openwts_Request_send_message_tag ? 0 : request_max(op);
                if (!bound)
                    continue;
                assert_true(len <= client_message_max(body, bound));
                if (maximal && body != openwts_ClientMessage_hello_tag)
                    assert_int_equal(len, client_message_max(body, bound));
            }
        }
    }
    /* an id alone (a body newer than ours was dropped), and nothing */
    make_client_message(m, 0, 0, true);
    assert_int_equal(round_trip(&CLIENT, m), ID_MAX);
    memset(m, 0, sizeof(*m));
    assert_int_equal(round_trip(&CLIENT, m), 0);
    free(m);
}

static void server_message_round_trip_every_body(void **state)
{
    (void)state;
    openwts_ServerMessage *m = malloc(sizeof(*m));
    assert_non_null(m);
    for (int maximal = 0; maximal < 2; maximal++) {
        for (size_t b = 0; b < sizeof(server_bodies) / sizeof(server_bodies[0]); b++) {
            pb_size_t body = server_bodies[b];
            size_t nresults = body == openwts_ServerMessage_reply_tag ? N_BOUNDED_RESULTS : 1;
            for (size_t i = 0; i < nresults; i++) {
                make_server_message(m, body, bounded_results[i], maximal);
                size_t len = round_trip(&SERVER, m);
                size_t bound = body == openwts_ServerMessage_hello_tag ? openwts_HelloReply_size
                             : body == openwts_ServerMessage_event_tag ? openwts_Event_size
                             : reply_max(bounded_results[i]);
                assert_true(len <= server_message_max(body, bound));
                if (maximal)
                    assert_int_equal(len, server_message_max(body, bound));
            }
        }
    }
    /* a part of a long answer: a list in the envelope */
    memset(m, 0, sizeof(*m));
    m->id = 5;
    m->more = true;
    m->which_body = openwts_ServerMessage_reply_tag;
    make_session_list(&m->body.reply, 40, 3, true);
    /* id 5 and more: 2 + 2 bytes; status 0 is not sent */
    assert_int_equal(round_trip(&SERVER, m),
                     2 + MORE_MAX + ld_size(openwts_ServerMessage_reply_tag, session_list_max(40) - STATUS_MAX));
    openwts_server_message_release(m);
    assert_null(m->body.reply.result.enumerate_sessions.sessions);
    make_server_message(m, openwts_ServerMessage_reply_tag, 0, false);
    make_process_list(&m->body.reply, 70, 3, false);
    round_trip(&SERVER, m);
    openwts_server_message_release(m);
    memset(m, 0, sizeof(*m));
    assert_int_equal(round_trip(&SERVER, m), 0);
    free(m);
}

/* What fits one frame: every message whose fields are all bounded. The
 * lists and texts that are not are cut into parts (reply_parts.h) or
 * refused by the receiver. */
static void frame_max_holds_every_bounded_message(void **state)
{
    (void)state;
    assert_int_equal(OPENWTS_FRAME_HEADER, 4);
    for (size_t i = 0; i < N_OPS; i++)
        if (all_ops[i] != openwts_Request_send_message_tag)
            assert_true(client_message_max(openwts_ClientMessage_request_tag, request_max(all_ops[i]))
                        <= OPENWTS_FRAME_MAX);
    for (size_t i = 0; i < N_BOUNDED_RESULTS; i++)
        assert_true(server_message_max(openwts_ServerMessage_reply_tag, reply_max(bounded_results[i]))
                    <= OPENWTS_FRAME_MAX);
    assert_true(client_message_max(openwts_ClientMessage_hello_tag, openwts_Hello_size) <= OPENWTS_FRAME_MAX);
    assert_true(client_message_max(openwts_ClientMessage_auth_tag, openwts_AuthResponse_size) <= OPENWTS_FRAME_MAX);
    assert_true(server_message_max(openwts_ServerMessage_hello_tag, openwts_HelloReply_size) <= OPENWTS_FRAME_MAX);
    assert_true(server_message_max(openwts_ServerMessage_event_tag, openwts_Event_size) <= OPENWTS_FRAME_MAX);
    /* a part of a list holds at least one entry of either kind */
    assert_true(server_message_max(openwts_ServerMessage_reply_tag, session_list_max(1)) <= OPENWTS_FRAME_MAX);
    assert_true(server_message_max(openwts_ServerMessage_reply_tag, process_list_max(1)) <= OPENWTS_FRAME_MAX);
    /* and a frame does not hold every list: 100 maximal sessions need parts */
    assert_true(session_list_max(100) > OPENWTS_FRAME_MAX);
}

/* ---- decoding empty input ------------------------------------------------ */

static void empty_input_decodes_to_defaults(void **state)
{
    (void)state;
    static const uint8_t nothing[1];
    openwts_Request *q = malloc(sizeof(*q));
    openwts_Reply *p = malloc(sizeof(*p));
    openwts_Hello h;
    openwts_ClientMessage *c = malloc(sizeof(*c));
    openwts_ServerMessage *s = malloc(sizeof(*s));
    assert_non_null(q);
    assert_non_null(p);
    assert_non_null(c);
    assert_non_null(s);
    memset(q, 0xAA, sizeof(*q));
    memset(p, 0xAA, sizeof(*p));
    memset(&h, 0xAA, sizeof(h));
    memset(c, 0xAA, sizeof(*c));
    memset(s, 0xAA, sizeof(*s));
    assert_int_equal(openwts_request_decode(nothing, 0, q), OPENWTS_OK);
    assert_string_equal(q->server, "");
    assert_int_equal(q->which_op, 0);
    assert_int_equal(openwts_reply_decode(nothing, 0, p), OPENWTS_OK);
    assert_int_equal(p->status, 0);
    assert_int_equal(p->which_result, 0);
    assert_int_equal(openwts_hello_decode(nothing, 0, &h), OPENWTS_OK);
    assert_int_equal(h.version, 0);
    assert_string_equal(h.client, "");
    assert_int_equal(openwts_client_message_decode(nothing, 0, c), OPENWTS_OK);
    assert_int_equal(c->id, 0);
    assert_int_equal(c->which_body, 0);
    assert_int_equal(openwts_server_message_decode(nothing, 0, s), OPENWTS_OK);
    assert_int_equal(s->id, 0);
    assert_false(s->more);
    assert_int_equal(s->which_body, 0);
    openwts_client_message_release(c);
    openwts_server_message_release(s);
    free(q);
    free(p);
    free(c);
    free(s);
}

/* ---- truncated input -------------------------------------------------- */

/* Marks the offsets where a top-level field ends (0 included): exactly the
 * prefixes that are themselves complete messages. */
static void top_level_boundaries(const uint8_t *buf, size_t len, bool *boundary)
{
    memset(boundary, 0, len + 1);
    boundary[0] = true;
    pb_istream_t s = pb_istream_from_buffer(buf, len);
    for (;;) {
        pb_wire_type_t wt;
        uint32_t tag;
        bool eof = false;
        if (!pb_decode_tag(&s, &wt, &tag, &eof)) {
            assert_true(eof);
            break;
        }
        assert_true(pb_skip_field(&s, wt));
        boundary[len - s.bytes_left] = true;
    }
}

static void check_truncations(const uint8_t *full, size_t len, const struct codec *c)
{
    bool *boundary = malloc(len + 1);
    void *msg = calloc(1, c->size);
    assert_non_null(boundary);
    assert_non_null(msg);
    top_level_boundaries(full, len, boundary);
    /* Copy each prefix to its own allocation so ASan sees any over-read. */
    size_t bad = 0;
    for (size_t n = 0; n <= len; n++) {
        uint8_t *prefix = malloc(n ? n : 1);
        assert_non_null(prefix);
        memcpy(prefix, full, n);
        openwts_status st = c->decode(prefix, n, msg);
        c->release(msg); /* a failed decode left nothing to release */
        free(prefix);
        openwts_status want = boundary[n] ? OPENWTS_OK : OPENWTS_ERROR_INVALID_DATA;
        if (st != want)
            print_error("prefix of %zu/%zu bytes: status %u, want %u\n", n, len, st, want);
        assert_int_equal(st, want);
        bad += !boundary[n];
    }
    assert_true(bad > len / 2); /* most cuts fall inside a field */
    free(msg);
    free(boundary);
}

static void check_truncations_of(const struct codec *c, const void *msg)
{
    size_t len = 0;
    assert_int_equal(c->encode(msg, big, BIG_CAP, &len), OPENWTS_OK);
    uint8_t *copy = malloc(len);
    assert_non_null(copy);
    memcpy(copy, big, len);
    check_truncations(copy, len, c);
    free(copy);
}

static void truncated_input_is_invalid_data(void **state)
{
    (void)state;
    openwts_Request *q = malloc(sizeof(*q));
    openwts_Reply *p = malloc(sizeof(*p));
    openwts_Hello h;
    openwts_ClientMessage *c = malloc(sizeof(*c));
    openwts_ServerMessage *s = malloc(sizeof(*s));
    assert_non_null(q);
    assert_non_null(p);
    assert_non_null(c);
    assert_non_null(s);

    for (size_t i = 0; i < N_OPS; i++) {
        make_request(q, all_ops[i], 3, true);
        check_truncations_of(&REQUEST, q);
    }
    make_session_list(p, 3, 0, true);
    p->status = 1722;
    check_truncations_of(&REPLY, p);
    openwts_reply_release(p);
    make_process_list(p, 4, 0, true);
    p->status = 1722;
    check_truncations_of(&REPLY, p);
    openwts_reply_release(p);
    make_hello(&h, true);
    check_truncations_of(&HELLO, &h);
    make_client_message(c, openwts_ClientMessage_request_tag, openwts_Request_send_message_tag, true);
    check_truncations_of(&CLIENT, c);
    make_client_message(c, openwts_ClientMessage_hello_tag, 0, true);
    check_truncations_of(&CLIENT, c);
    make_server_message(s, openwts_ServerMessage_hello_tag, 0, true);
    check_truncations_of(&SERVER, s);
    make_server_message(s, openwts_ServerMessage_reply_tag, 0, true);
    make_session_list(&s->body.reply, 2, 0, true);
    check_truncations_of(&SERVER, s);
    openwts_server_message_release(s);
    free(q);
    free(p);
    free(c);
    free(s);
}

/* After a failed decode the struct is still usable: no stale flags, every
 * string terminated within its field, nothing allocated left behind. */
static void failed_decode_leaves_struct_initialised(void **state)
{
    (void)state;
    openwts_Request *q = malloc(sizeof(*q));
    assert_non_null(q);
    for (int which = 0; which < 2; which++) {
        size_t len;
        make_request(q, which ? openwts_Request_send_message_tag : openwts_Request_add_session_tag, 1, true);
        assert_int_equal(openwts_request_encode(q, wirebuf, sizeof(wirebuf), &len), OPENWTS_OK);
        for (size_t cut = 1; cut < len; cut += 7) {
            memset(q, 0xAA, sizeof(*q));
            if (openwts_request_decode(wirebuf, len - cut, q) == OPENWTS_OK) {
                openwts_request_release(q);
                continue;
            }
            assert_true(strnlen(q->server, sizeof(q->server)) < sizeof(q->server));
            assert_true(q->which_op == 0 || q->which_op == openwts_Request_add_session_tag
                        || q->which_op == openwts_Request_send_message_tag);
            if (q->which_op == openwts_Request_add_session_tag) {
                unsigned char has;
                memcpy(&has, &q->op.add_session.has_session, 1);
                assert_true(has == 0 || has == 1);
                const openwts_Session *s = &q->op.add_session.session;
                assert_true(strnlen(s->user, sizeof(s->user)) < sizeof(s->user));
                assert_true(strnlen(s->application_name, sizeof(s->application_name))
                            < sizeof(s->application_name));
                assert_true(s->client_address.size <= sizeof(s->client_address.bytes));
            }
            if (q->which_op == openwts_Request_send_message_tag) {
                /* released by the decoder: nothing to free, nothing dangling */
                assert_null(q->op.send_message.title);
                assert_null(q->op.send_message.message);
            }
            openwts_request_release(q); /* safe after a failed decode */
        }
    }
    free(q);
}

/* ---- garbage ------------------------------------------------------------ */

static const struct codec *const all_codecs[] = { &REQUEST, &REPLY, &HELLO, &CLIENT, &SERVER };
#define N_CODECS (sizeof(all_codecs) / sizeof(all_codecs[0]))

static void expect_invalid(const uint8_t *bytes, size_t len)
{
    uint8_t *copy = malloc(len);
    assert_non_null(copy);
    memcpy(copy, bytes, len);
    for (size_t i = 0; i < N_CODECS; i++) {
        void *msg = malloc(all_codecs[i]->size);
        assert_non_null(msg);
        assert_int_equal(all_codecs[i]->decode(copy, len, msg), OPENWTS_ERROR_INVALID_DATA);
        all_codecs[i]->release(msg);
        free(msg);
    }
    free(copy);
}
#define EXPECT_INVALID(...) do { \
        static const uint8_t v_[] = { __VA_ARGS__ }; \
        expect_invalid(v_, sizeof(v_)); \
    } while (0)

static void malformed_encodings_are_invalid_data(void **state)
{
    (void)state;
    EXPECT_INVALID(0xFF);                                   /* tag varint never ends */
    EXPECT_INVALID(0x80, 0x80, 0x80);
    EXPECT_INVALID(0x08);                                   /* field 1 varint, no value */
    EXPECT_INVALID(0x10, 0x80, 0x80);                       /* field 2 varint, cut */
    EXPECT_INVALID(0x00);                                   /* field number 0 */
    EXPECT_INVALID(0x00, 0x00, 0x00, 0x00);
    EXPECT_INVALID(0x0E, 0x00);                             /* wire type 6 */
    EXPECT_INVALID(0x0F, 0x00);                             /* wire type 7 */
    EXPECT_INVALID(0x0B, 0x0C);                             /* group (wire type 3) */
    EXPECT_INVALID(0x0C);                                   /* end group (4) */
    EXPECT_INVALID(0xF8, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x00); /* tag beyond 32 bits */
    EXPECT_INVALID(0x9A, 0x06, 0x05, 'a');                  /* field 99 bytes, length past end */
    EXPECT_INVALID(0x9A, 0x06, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F); /* length 2^32 - 1 */
    EXPECT_INVALID(0x9D, 0x06, 0x01, 0x02);                 /* field 99 fixed32, 2 of 4 bytes */
    EXPECT_INVALID(0x99, 0x06, 0x01, 0x02, 0x03, 0x04);     /* field 99 fixed64, 4 of 8 bytes */
    /* a valid prefix then a field number 0 */
    EXPECT_INVALID(0x98, 0x06, 0x01, 0x00, 0x13, 0x37);
}

/* A varint longer than 10 bytes is malformed wherever a known field holds
 * it. In a field the receiver does not know, nanopb skips it without
 * counting its bytes (pb_skip_varint): Request's field 1, reserved, is such
 * a field. */
static void overlong_varints(void **state)
{
    (void)state;
#define OVERLONG 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01
    static const uint8_t top[] = { 0x08, OVERLONG };                 /* field 1 */
    static const uint8_t query[] = { 0x62, 0x0C, 0x10, OVERLONG };   /* query.session_id */
    static const uint8_t session[] = { 0x62, 0x0E, 0x0A, 0x0C, 0x08, OVERLONG }; /* session.id */
    void *msg = malloc(sizeof(openwts_ServerMessage) + sizeof(openwts_Request));
    assert_non_null(msg);
    /* field 1 is Reply.status, Hello.version, the envelopes' id */
    for (size_t i = 1; i < N_CODECS; i++) {
        assert_int_equal(all_codecs[i]->decode(top, sizeof(top), msg), OPENWTS_ERROR_INVALID_DATA);
        all_codecs[i]->release(msg);
    }
    assert_int_equal(openwts_request_decode(top, sizeof(top), msg), OPENWTS_OK);
    assert_int_equal(openwts_request_decode(query, sizeof(query), msg), OPENWTS_ERROR_INVALID_DATA);
    assert_int_equal(openwts_reply_decode(session, sizeof(session), msg), OPENWTS_ERROR_INVALID_DATA);
#undef OVERLONG
    free(msg);
}

static void random_garbage_never_crashes(void **state)
{
    (void)state;
    void *msgs[N_CODECS];
    for (size_t i = 0; i < N_CODECS; i++) {
        msgs[i] = malloc(all_codecs[i]->size);
        assert_non_null(msgs[i]);
    }
    size_t ok = 0, total = 0;
    for (int round = 0; round < 3000; round++) {
        size_t len = (size_t)(rng() % 400);
        uint8_t *g = malloc(len ? len : 1);
        assert_non_null(g);
        for (size_t i = 0; i < len; i++)
            g[i] = (uint8_t)rng();
        for (size_t i = 0; i < N_CODECS; i++) {
            openwts_status st = all_codecs[i]->decode(g, len, msgs[i]);
            assert_true(st == OPENWTS_OK || st == OPENWTS_ERROR_INVALID_DATA);
            /* whatever decoded must encode again */
            size_t n;
            if (st == OPENWTS_OK)
                assert_int_equal(all_codecs[i]->encode(msgs[i], big, BIG_CAP, &n), OPENWTS_OK);
            all_codecs[i]->release(msgs[i]);
            ok += st == OPENWTS_OK;
            total++;
        }
        free(g);
    }
    assert_true(ok < total / 2); /* random bytes are mostly rejected */
    for (size_t i = 0; i < N_CODECS; i++)
        free(msgs[i]);
}

/* ---- hand-built messages ------------------------------------------------------ */

/* A tiny protobuf writer. */
struct pbw {
    uint8_t b[8192];
    size_t n;
};

static struct pbw *pbw_new(void)
{
    struct pbw *w = calloc(1, sizeof(*w));
    assert_non_null(w);
    return w;
}

static void w_varint(struct pbw *w, uint64_t v)
{
    do {
        assert_true(w->n < sizeof(w->b));
        uint8_t byte = v & 0x7F;
        v >>= 7;
        w->b[w->n++] = (uint8_t)(byte | (v ? 0x80 : 0));
    } while (v);
}
static void w_tag(struct pbw *w, uint32_t field, unsigned wt) { w_varint(w, ((uint64_t)field << 3) | wt); }
static void w_raw(struct pbw *w, const void *p, size_t n)
{
    assert_true(w->n + n <= sizeof(w->b));
    memcpy(w->b + w->n, p, n);
    w->n += n;
}
static void w_ld(struct pbw *w, uint32_t field, const void *p, size_t n)
{
    w_tag(w, field, 2);
    w_varint(w, n);
    w_raw(w, p, n);
}
static void w_str(struct pbw *w, uint32_t field, const char *s) { w_ld(w, field, s, strlen(s)); }
static void w_uint(struct pbw *w, uint32_t field, uint64_t v)
{
    w_tag(w, field, 0);
    w_varint(w, v);
}
static void w_msg(struct pbw *w, uint32_t field, const struct pbw *m) { w_ld(w, field, m->b, m->n); }
static void w_fixed32(struct pbw *w, uint32_t field, uint32_t v)
{
    w_tag(w, field, 5);
    for (int i = 0; i < 4; i++) {
        uint8_t c = (uint8_t)(v >> (8 * i));
        w_raw(w, &c, 1);
    }
}
static void w_fixed64(struct pbw *w, uint32_t field, uint64_t v)
{
    w_tag(w, field, 1);
    for (int i = 0; i < 8; i++) {
        uint8_t c = (uint8_t)(v >> (8 * i));
        w_raw(w, &c, 1);
    }
}

/* ---- oversized strings ------------------------------------------------------ */

static char filler[2048];

/* A message holding n filler bytes in field `field` of a submessage at
 * path outer -> inner (0: no such level), decoded with codec c. */
static openwts_status decode_with_bytes(const struct codec *c, uint32_t outer, uint32_t inner, uint32_t field,
                                        size_t n, void *msg)
{
    struct pbw *leaf = pbw_new(), *mid = pbw_new(), *top = pbw_new();
    w_uint(leaf, 1, 9); /* every message here has a varint or bytes field 1... */
    if (field == 1)
        leaf->n = 0;    /* ...unless field 1 is the one under test */
    w_ld(leaf, field, filler, n);
    const struct pbw *inside = leaf;
    if (inner) {
        w_msg(mid, inner, leaf);
        inside = mid;
    }
    if (outer)
        w_msg(top, outer, inside);
    else
        *top = *inside;
    openwts_status st = c->decode(top->b, top->n, msg);
    c->release(msg);
    free(leaf);
    free(mid);
    free(top);
    return st;
}

static void oversized_strings_are_invalid_data(void **state)
{
    (void)state;
    memset(filler, 'x', sizeof(filler));
    openwts_Request *q = malloc(sizeof(*q));
    openwts_Reply *p = malloc(sizeof(*p));
    openwts_Hello h;
    openwts_ClientMessage *c = malloc(sizeof(*c));
    openwts_ServerMessage *s = malloc(sizeof(*s));
    assert_non_null(q);
    assert_non_null(p);
    assert_non_null(c);
    assert_non_null(s);

    /* Request.server: 256 bytes fit (with the NUL), 257 do not */
    struct pbw *r = pbw_new();
    w_ld(r, openwts_Request_server_tag, filler, 256);
    assert_int_equal(openwts_request_decode(r->b, r->n, q), OPENWTS_OK);
    assert_int_equal(strlen(q->server), 256);
    r->n = 0;
    w_ld(r, openwts_Request_server_tag, filler, 257);
    assert_int_equal(openwts_request_decode(r->b, r->n, q), OPENWTS_ERROR_INVALID_DATA);
    r->n = 0;
    w_ld(r, openwts_Request_server_tag, filler, 1000);
    assert_int_equal(openwts_request_decode(r->b, r->n, q), OPENWTS_ERROR_INVALID_DATA);
    free(r);

    /* connect's password; a session to add */
    assert_int_equal(decode_with_bytes(&REQUEST, 0, openwts_Request_connect_session_tag, 3, 256, q), OPENWTS_OK);
    assert_int_equal(decode_with_bytes(&REQUEST, 0, openwts_Request_connect_session_tag, 3, 257, q),
                     OPENWTS_ERROR_INVALID_DATA);
    assert_int_equal(decode_with_bytes(&REQUEST, openwts_Request_add_session_tag, 1, 4, 256, q), OPENWTS_OK);
    assert_int_equal(decode_with_bytes(&REQUEST, openwts_Request_add_session_tag, 1, 4, 257, q),
                     OPENWTS_ERROR_INVALID_DATA);

    /* every string and bytes field of Session, at its bound and one past */
    static const struct { uint32_t field; size_t max; } sess[] = {
        { 3, 99 }, { 4, 256 }, { 5, 256 }, { 6, 256 }, { 13, 63 }, { 14, 519 },
        { 19, 20 }, { 23, 519 }, { 24, 519 }, { 25, 519 }, { 27, 20 },
    };
    for (size_t i = 0; i < sizeof(sess) / sizeof(sess[0]); i++) {
        for (int list = 0; list < 2; list++) {
            /* in a query's session, and in an entry of a list */
            uint32_t result = list ? openwts_Reply_enumerate_sessions_tag : openwts_Reply_query_session_tag;
            assert_int_equal(decode_with_bytes(&REPLY, result, 1, sess[i].field, sess[i].max, p), OPENWTS_OK);
            if (decode_with_bytes(&REPLY, result, 1, sess[i].field, sess[i].max + 1, p)
                != OPENWTS_ERROR_INVALID_DATA)
                fail_msg("Session field %u took %zu bytes", sess[i].field, sess[i].max + 1);
        }
    }
    /* Process.name and .user_sid */
    assert_int_equal(decode_with_bytes(&REPLY, openwts_Reply_enumerate_processes_tag, 1, 3, 780, p), OPENWTS_OK);
    assert_int_equal(decode_with_bytes(&REPLY, openwts_Reply_enumerate_processes_tag, 1, 3, 781, p),
                     OPENWTS_ERROR_INVALID_DATA);
    assert_int_equal(decode_with_bytes(&REPLY, openwts_Reply_enumerate_processes_tag, 1, 4, 68, p), OPENWTS_OK);
    assert_int_equal(decode_with_bytes(&REPLY, openwts_Reply_enumerate_processes_tag, 1, 4, 69, p),
                     OPENWTS_ERROR_INVALID_DATA);

    /* Hello.client, HelloReply.challenge, AuthResponse.proof */
    assert_int_equal(decode_with_bytes(&HELLO, 0, 0, 3, 127, &h), OPENWTS_OK);
    assert_int_equal(strlen(h.client), 127);
    assert_int_equal(decode_with_bytes(&HELLO, 0, 0, 3, 128, &h), OPENWTS_ERROR_INVALID_DATA);
    assert_int_equal(decode_with_bytes(&CLIENT, 0, openwts_ClientMessage_hello_tag, 3, 127, c), OPENWTS_OK);
    assert_int_equal(decode_with_bytes(&CLIENT, 0, openwts_ClientMessage_hello_tag, 3, 128, c),
                     OPENWTS_ERROR_INVALID_DATA);
    assert_int_equal(decode_with_bytes(&CLIENT, 0, openwts_ClientMessage_auth_tag, 1, 64, c), OPENWTS_OK);
    assert_int_equal(decode_with_bytes(&CLIENT, 0, openwts_ClientMessage_auth_tag, 1, 65, c),
                     OPENWTS_ERROR_INVALID_DATA);
    assert_int_equal(decode_with_bytes(&SERVER, 0, openwts_ServerMessage_hello_tag, 3, 64, s), OPENWTS_OK);
    assert_int_equal(decode_with_bytes(&SERVER, 0, openwts_ServerMessage_hello_tag, 3, 65, s),
                     OPENWTS_ERROR_INVALID_DATA);
    /* and a request's server inside the envelope */
    assert_int_equal(decode_with_bytes(&CLIENT, 0, openwts_ClientMessage_request_tag, 2, 256, c), OPENWTS_OK);
    assert_int_equal(decode_with_bytes(&CLIENT, 0, openwts_ClientMessage_request_tag, 2, 257, c),
                     OPENWTS_ERROR_INVALID_DATA);
    free(q);
    free(p);
    free(c);
    free(s);
}

/* ---- lists of any length ------------------------------------------------------ */

/* A Reply listing n sessions (ids 1..n), split in two occurrences of the
 * result after `split` of them: protobuf merges a repeated field's
 * occurrences, and nanopb appends them to the allocated list. */
static openwts_status reply_with_sessions(size_t n, size_t split, openwts_Reply *p)
{
    struct pbw *e1 = pbw_new(), *e2 = pbw_new(), *r = pbw_new(), *one = pbw_new();
    for (size_t i = 0; i < n; i++) {
        one->n = 0;
        w_uint(one, 1, i + 1); /* id */
        w_msg(i < split ? e1 : e2, 1, one);
    }
    w_msg(r, openwts_Reply_enumerate_sessions_tag, e1);
    if (n > split)
        w_msg(r, openwts_Reply_enumerate_sessions_tag, e2);
    openwts_status st = openwts_reply_decode(r->b, r->n, p);
    free(one);
    free(e1);
    free(e2);
    free(r);
    return st;
}

static void session_lists_of_any_length_decode(void **state)
{
    (void)state;
    openwts_Reply *p = malloc(sizeof(*p));
    assert_non_null(p);
    static const struct { size_t n, split; } cases[] = {
        { 0, 0 }, { 1, 1 }, { 64, 64 }, { 65, 65 }, { 200, 200 }, { 1000, 1000 },
        { 64, 40 }, { 65, 40 }, { 1000, 1 }, { 1000, 999 },
    };
    for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
        assert_int_equal(reply_with_sessions(cases[c].n, cases[c].split, p), OPENWTS_OK);
        assert_int_equal(p->which_result, openwts_Reply_enumerate_sessions_tag);
        assert_int_equal(p->result.enumerate_sessions.sessions_count, cases[c].n);
        for (size_t i = 0; i < cases[c].n; i++) {
            assert_int_equal(p->result.enumerate_sessions.sessions[i].id, i + 1);
            assert_string_equal(p->result.enumerate_sessions.sessions[i].user, "");
        }
        openwts_reply_release(p);
        assert_null(p->result.enumerate_sessions.sessions);
    }
    /* a list cut inside its last entry frees what it had (LeakSanitizer) */
    struct pbw *e = pbw_new(), *r = pbw_new(), *one = pbw_new();
    for (int i = 0; i < 100; i++) {
        one->n = 0;
        w_uint(one, 1, (uint64_t)i + 1);
        w_msg(e, 1, one);
    }
    w_msg(r, openwts_Reply_enumerate_sessions_tag, e);
    assert_int_equal(openwts_reply_decode(r->b, r->n - 1, p), OPENWTS_ERROR_INVALID_DATA);
    /* which_result may still name the list; the list itself is gone */
    if (p->which_result == openwts_Reply_enumerate_sessions_tag) {
        assert_null(p->result.enumerate_sessions.sessions);
        assert_int_equal(p->result.enumerate_sessions.sessions_count, 0);
    }
    openwts_reply_release(p);
    free(one);
    free(e);
    free(r);
    free(p);
}

/* ---- wrong wire types ---------------------------------------------------- */

static void wrong_wire_type_is_invalid_data(void **state)
{
    (void)state;
    openwts_Request *q = malloc(sizeof(*q));
    openwts_Reply *p = malloc(sizeof(*p));
    openwts_Hello h;
    openwts_ClientMessage *c = malloc(sizeof(*c));
    openwts_ServerMessage *s = malloc(sizeof(*s));
    assert_non_null(q);
    assert_non_null(p);
    assert_non_null(c);
    assert_non_null(s);
#define INVALID_AS(codec, msg, ...) do { static const uint8_t v_[] = { __VA_ARGS__ }; \
        assert_int_equal((codec).decode(v_, sizeof(v_), (msg)), OPENWTS_ERROR_INVALID_DATA); \
        (codec).release(msg); } while (0)
    INVALID_AS(REQUEST, q, 0x10, 0x01);                    /* server (string) as varint */
    INVALID_AS(REQUEST, q, 0x15, 0x00, 0x00, 0x00, 0x00);  /* server as fixed32 */
    INVALID_AS(REQUEST, q, 0x58, 0x01);                    /* enumerate_sessions as varint */
    INVALID_AS(REQUEST, q, 0x79, 1, 2, 3, 4, 5, 6, 7, 8);  /* connect_session as fixed64 */
    INVALID_AS(REQUEST, q, 0x62, 0x05, 0x15, 0x01, 0, 0, 0); /* query.session_id as fixed32 */
    INVALID_AS(REQUEST, q, 0x7A, 0x02, 0x18, 0x01);        /* connect.password as varint */
    INVALID_AS(REQUEST, q, 0x98, 0x01, 0x01);              /* add_session as varint */
    INVALID_AS(REQUEST, q, 0x9A, 0x01, 0x02, 0x08, 0x01);  /* add_session.session as varint */
    INVALID_AS(REQUEST, q, 0x92, 0x01, 0x02, 0x18, 0x01);  /* send_message.title as varint */
    INVALID_AS(REQUEST, q, 0xAA, 0x01, 0x09, 0x11, 1, 2, 3, 4, 5, 6, 7, 8); /* lock.lock as fixed64 */
    INVALID_AS(REPLY, p, 0x0A, 0x01, 0x00);                /* status as bytes */
    INVALID_AS(REPLY, p, 0x0D, 0x00, 0x00, 0x00, 0x00);    /* status as fixed32 */
    INVALID_AS(REPLY, p, 0x50, 0x01);                      /* done (message) as varint */
    INVALID_AS(REPLY, p, 0x5A, 0x02, 0x08, 0x01);          /* sessions (message) as varint */
    INVALID_AS(REPLY, p, 0x62, 0x05, 0x0A, 0x03, 0x98, 0x01, 0x05); /* session.client_address as varint */
    INVALID_AS(REPLY, p, 0x62, 0x0B, 0x0A, 0x09, 0x21, 1, 2, 3, 4, 5, 6, 7, 8); /* session.user as fixed64 */
    INVALID_AS(REPLY, p, 0x62, 0x07, 0x0A, 0x05, 0x3D, 0, 0, 0, 0); /* session.logon_time as fixed32 */
    INVALID_AS(REPLY, p, 0x6A, 0x07, 0x0A, 0x05, 0x1D, 0, 0, 0, 0); /* process.name as fixed32 */
    INVALID_AS(REPLY, p, 0x7A, 0x02, 0x0A, 0x00);          /* add_session.session_id as bytes */
    INVALID_AS(HELLO, &h, 0x09, 1, 2, 3, 4, 5, 6, 7, 8);   /* version as fixed64 */
    INVALID_AS(HELLO, &h, 0x18, 0x01);                     /* client as varint */
    INVALID_AS(CLIENT, c, 0x0A, 0x00);                     /* id as bytes */
    INVALID_AS(CLIENT, c, 0x50, 0x01);                     /* hello as varint */
    INVALID_AS(CLIENT, c, 0x65, 0x00, 0x00, 0x00, 0x00);   /* request as fixed32 */
    INVALID_AS(CLIENT, c, 0x5A, 0x02, 0x08, 0x01);         /* auth.proof as varint */
    INVALID_AS(CLIENT, c, 0x6A, 0x02, 0x0A, 0x00);         /* subscribe.on as bytes */
    INVALID_AS(SERVER, s, 0x11, 1, 2, 3, 4, 5, 6, 7, 8);   /* more as fixed64 */
    INVALID_AS(SERVER, s, 0x58, 0x01);                     /* reply as varint */
    INVALID_AS(SERVER, s, 0x52, 0x05, 0x1D, 0, 0, 0, 0);   /* hello.challenge as fixed32 */
    INVALID_AS(SERVER, s, 0x62, 0x02, 0x1A, 0x00);         /* event.sequence as bytes */
#undef INVALID_AS
    free(q);
    free(p);
    free(c);
    free(s);
}

/* ---- encoding into small buffers ---------------------------------------- */

static void check_small_buffers(const struct codec *c, const void *msg)
{
    size_t len = 0;
    assert_int_equal(c->encode(msg, wirebuf, sizeof(wirebuf), &len), OPENWTS_OK);
    assert_true(len > 0);
    static const size_t GUARD = 32;
    uint8_t *buf = malloc(len + GUARD);
    assert_non_null(buf);
    size_t caps[] = { 0, 1, len / 2, len - 1 };
    for (size_t i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
        if (caps[i] >= len)
            continue;
        memset(buf, 0xEE, len + GUARD);
        size_t got = 12345;
        assert_int_equal(c->encode(msg, buf, caps[i], &got), OPENWTS_ERROR_INSUFFICIENT_BUFFER);
        for (size_t k = 0; k < len + GUARD; k++)
            assert_int_equal(buf[k], 0xEE); /* nothing written at all */
    }
    size_t got = 0;
    memset(buf, 0xEE, len + GUARD);
    assert_int_equal(c->encode(msg, buf, len, &got), OPENWTS_OK); /* exactly enough */
    assert_int_equal(got, len);
    assert_memory_equal(buf, wirebuf, len);
    for (size_t k = len; k < len + GUARD; k++)
        assert_int_equal(buf[k], 0xEE);
    free(buf);
}

static void encode_into_small_buffer(void **state)
{
    (void)state;
    openwts_Request *q = malloc(sizeof(*q));
    openwts_Reply *p = malloc(sizeof(*p));
    openwts_Hello h;
    openwts_ClientMessage *c = malloc(sizeof(*c));
    openwts_ServerMessage *s = malloc(sizeof(*s));
    assert_non_null(q);
    assert_non_null(p);
    assert_non_null(c);
    assert_non_null(s);
    for (size_t i = 0; i < N_OPS; i++) {
        make_request(q, all_ops[i], 2, true);
        check_small_buffers(&REQUEST, q);
    }
    make_session_list(p, 64, 0, true);
    check_small_buffers(&REPLY, p);
    openwts_reply_release(p);
    make_process_list(p, 100, 0, true);
    check_small_buffers(&REPLY, p);
    openwts_reply_release(p);
    make_reply(p, openwts_Reply_done_tag, 0, false);
    check_small_buffers(&REPLY, p);
    make_hello(&h, true);
    check_small_buffers(&HELLO, &h);
    make_client_message(c, openwts_ClientMessage_request_tag, openwts_Request_add_session_tag, true);
    check_small_buffers(&CLIENT, c);
    make_server_message(s, openwts_ServerMessage_event_tag, 0, true);
    check_small_buffers(&SERVER, s);
    make_server_message(s, openwts_ServerMessage_reply_tag, 0, true);
    make_session_list(&s->body.reply, 10, 0, true);
    check_small_buffers(&SERVER, s);
    openwts_server_message_release(s);
    free(q);
    free(p);
    free(c);
    free(s);
}

/* A string without its NUL cannot be encoded; it is refused, not read past. */
static void encode_unterminated_string_refused(void **state)
{
    (void)state;
    openwts_Request *q = malloc(sizeof(*q));
    openwts_ClientMessage *c = malloc(sizeof(*c));
    assert_non_null(q);
    assert_non_null(c);
    size_t len;
    make_request(q, openwts_Request_query_session_tag, 1, false);
    memset(q->server, 's', sizeof(q->server));
    assert_int_equal(openwts_request_encode(q, wirebuf, sizeof(wirebuf), &len), OPENWTS_ERROR_INVALID_DATA);
    make_request(q, openwts_Request_add_session_tag, 1, false);
    memset(q->op.add_session.session.user, 'u', sizeof(q->op.add_session.session.user));
    assert_int_equal(openwts_request_encode(q, wirebuf, sizeof(wirebuf), &len), OPENWTS_ERROR_INVALID_DATA);
    make_client_message(c, openwts_ClientMessage_hello_tag, 0, false);
    memset(c->body.hello.client, 'c', sizeof(c->body.hello.client));
    assert_int_equal(openwts_client_message_encode(c, wirebuf, sizeof(wirebuf), &len), OPENWTS_ERROR_INVALID_DATA);
    free(q);
    free(c);
}

/* ---- a newer peer's fields ----------------------------------------------- */

static void unknown_fields_are_skipped(void **state)
{
    (void)state;
    struct pbw *op = pbw_new(), *r = pbw_new(), *nested = pbw_new();

    /* The simplest case: a known Request plus field 99. */
    w_str(r, openwts_Request_server_tag, "srv");
    w_uint(op, 2, 3);
    w_msg(r, openwts_Request_query_session_tag, op);
    w_uint(r, 99, 12345);
    openwts_Request q;
    assert_int_equal(openwts_request_decode(r->b, r->n, &q), OPENWTS_OK);
    assert_string_equal(q.server, "srv");
    assert_int_equal(q.which_op, openwts_Request_query_session_tag);
    assert_int_equal(q.op.query_session.session_id, 3);

    /* Every wire type, at every level, before, between and after known fields. */
    op->n = r->n = nested->n = 0;
    w_uint(nested, 1, 1);
    w_uint(r, 99, UINT64_MAX);                 /* 10-byte varint */
    w_fixed32(r, 50, 0xDEADBEEF);
    w_str(r, openwts_Request_server_tag, "srv");
    w_fixed64(r, 51, 0x0123456789ABCDEFull);
    w_msg(r, 52, nested);
    w_ld(r, 536870911, "max field number", 16);
    w_ld(r, 98, "future", 6);
    w_uint(op, 99, 5);
    w_uint(op, 2, 3);
    w_fixed64(op, 4, 1);                       /* a field a newer logoff may add */
    w_msg(op, 53, nested);
    w_msg(r, openwts_Request_logoff_session_tag, op);
    w_uint(r, 10, 1);                          /* the reserved number */
    w_fixed32(r, 97, 1);
    w_msg(r, 40, nested);                      /* a newer operation, after ours */
    assert_int_equal(openwts_request_decode(r->b, r->n, &q), OPENWTS_OK);
    assert_string_equal(q.server, "srv");
    assert_int_equal(q.which_op, openwts_Request_logoff_session_tag);
    assert_int_equal(q.op.logoff_session.session_id, 3);
    assert_false(q.op.logoff_session.wait);

    /* Reply: a session with a field 99, and a status after an unknown field */
    struct pbw *s = pbw_new(), *qr = pbw_new();
    r->n = 0;
    w_uint(s, 1, 4);
    w_uint(s, 99, 1);
    w_ld(s, 4, "bob", 3);
    w_ld(s, 28, "a newer session field", 21);
    w_msg(qr, 1, s);
    w_uint(qr, 2, 1);
    w_uint(r, 99, 1);
    w_uint(r, 1, 1722);
    w_msg(r, openwts_Reply_query_session_tag, qr);
    openwts_Reply *p = malloc(sizeof(*p));
    assert_non_null(p);
    assert_int_equal(openwts_reply_decode(r->b, r->n, p), OPENWTS_OK);
    assert_int_equal(p->status, 1722);
    assert_int_equal(p->which_result, openwts_Reply_query_session_tag);
    assert_true(p->result.query_session.has_session);
    assert_int_equal(p->result.query_session.session.id, 4);
    assert_string_equal(p->result.query_session.session.user, "bob");

    /* a list whose entries carry newer fields */
    struct pbw *list = pbw_new();
    r->n = 0;
    w_msg(list, 1, s);
    w_uint(list, 7, 1);
    w_msg(list, 1, s);
    w_msg(r, openwts_Reply_enumerate_sessions_tag, list);
    w_msg(r, 16, nested);                      /* a newer result, after ours */
    assert_int_equal(openwts_reply_decode(r->b, r->n, p), OPENWTS_OK);
    assert_int_equal(p->which_result, openwts_Reply_enumerate_sessions_tag);
    assert_int_equal(p->result.enumerate_sessions.sessions_count, 2);
    assert_string_equal(p->result.enumerate_sessions.sessions[1].user, "bob");
    openwts_reply_release(p);

    /* Hello */
    openwts_Hello h;
    r->n = 0;
    w_uint(r, 1, 2);
    w_ld(r, 4, "a newer hello field", 19);
    w_str(r, 3, "wtsapi32.dll");
    assert_int_equal(openwts_hello_decode(r->b, r->n, &h), OPENWTS_OK);
    assert_int_equal(h.version, 2);
    assert_string_equal(h.client, "wtsapi32.dll");

    /* the envelopes: unknown fields around a known body; a newer body */
    openwts_ClientMessage *c = malloc(sizeof(*c));
    openwts_ServerMessage *sm = malloc(sizeof(*sm));
    assert_non_null(c);
    assert_non_null(sm);
    struct pbw *body = pbw_new();
    r->n = 0;
    w_uint(body, 1, 2);
    w_uint(body, 9, 9);
    w_uint(r, 99, 1);
    w_uint(r, 1, 77);
    w_msg(r, openwts_ClientMessage_hello_tag, body);
    w_fixed64(r, 98, 1);
    assert_int_equal(openwts_client_message_decode(r->b, r->n, c), OPENWTS_OK);
    assert_int_equal(c->id, 77);
    assert_int_equal(c->which_body, openwts_ClientMessage_hello_tag);
    assert_int_equal(c->body.hello.version, 2);
    r->n = 0;
    w_uint(r, 1, 78);
    w_msg(r, 14, body);                        /* a body newer than ours */
    assert_int_equal(openwts_client_message_decode(r->b, r->n, c), OPENWTS_OK);
    assert_int_equal(c->id, 78);
    assert_int_equal(c->which_body, 0);
    body->n = 0;
    w_uint(body, 3, 41);
    w_uint(body, 4, 1);                        /* a newer event field */
    r->n = 0;
    w_uint(r, 2, 1);
    w_msg(r, openwts_ServerMessage_event_tag, body);
    w_msg(r, 13, nested);                      /* a newer body, after ours */
    assert_int_equal(openwts_server_message_decode(r->b, r->n, sm), OPENWTS_OK);
    assert_true(sm->more);
    assert_int_equal(sm->which_body, openwts_ServerMessage_event_tag);
    assert_int_equal(sm->body.event.sequence, 41);
    openwts_client_message_release(c);
    openwts_server_message_release(sm);

    free(body);
    free(c);
    free(sm);
    free(list);
    free(s);
    free(qr);
    free(p);
    free(op);
    free(r);
    free(nested);
}

/* ---- an older peer's fields --------------------------------------------------- */

/* True when `needle` occurs anywhere in the bytes of a decoded struct. */
static bool struct_holds(const void *msg, size_t size, const char *needle)
{
    size_t n = strlen(needle);
    const uint8_t *p = msg;
    for (size_t i = 0; i + n <= size; i++)
        if (memcmp(p + i, needle, n) == 0)
            return true;
    return false;
}

/* Field 1 of Request was the caller's own word about itself (and field 1
 * of each operation its server); both are reserved now. A request from an
 * old client decodes, and the struct is byte for byte what the same
 * request without those fields gives: nothing of them is visible. */
static void old_clients_reserved_fields_are_ignored(void **state)
{
    (void)state;
    struct pbw *caller = pbw_new(), *op_old = pbw_new(), *op_new = pbw_new();
    struct pbw *old = pbw_new(), *cur = pbw_new();
    w_uint(caller, 1, 7);                              /* session_id */
    w_uint(caller, 2, 4242);                           /* process_id */
    w_str(caller, 3, "mallory");
    w_str(caller, 4, "EVILCORP");
    w_uint(caller, 5, 1);                              /* privileged */
    w_str(op_old, 1, "oldserver");                     /* the old per-operation server */
    w_uint(op_old, 2, 3);
    w_uint(op_old, 3, 1);
    w_uint(op_new, 2, 3);
    w_uint(op_new, 3, 1);
    w_msg(old, 1, caller);
    w_str(old, openwts_Request_server_tag, "srv");
    w_msg(old, openwts_Request_disconnect_session_tag, op_old);
    w_str(cur, openwts_Request_server_tag, "srv");
    w_msg(cur, openwts_Request_disconnect_session_tag, op_new);

    openwts_Request *a = malloc(sizeof(*a)), *b = malloc(sizeof(*b));
    assert_non_null(a);
    assert_non_null(b);
    memset(a, 0x5A, sizeof(*a));
    memset(b, 0x5A, sizeof(*b));
    assert_int_equal(openwts_request_decode(old->b, old->n, a), OPENWTS_OK);
    assert_int_equal(openwts_request_decode(cur->b, cur->n, b), OPENWTS_OK);
    assert_int_equal(a->which_op, openwts_Request_disconnect_session_tag);
    assert_int_equal(a->op.disconnect_session.session_id, 3);
    assert_true(a->op.disconnect_session.wait);
    assert_string_equal(a->server, "srv");
    assert_memory_equal(a, b, sizeof(*a));
    assert_false(struct_holds(a, sizeof(*a), "mallory"));
    assert_false(struct_holds(a, sizeof(*a), "EVILCORP"));
    assert_false(struct_holds(a, sizeof(*a), "oldserver"));

    /* field 1 in any wire type an old or odd client may have used */
    static const uint8_t odd[][10] = {
        { 0x08, 0x01 },                                /* varint */
        { 0x0D, 0x01, 0x00, 0x00, 0x00 },              /* fixed32 */
        { 0x09, 1, 2, 3, 4, 5, 6, 7, 8 },              /* fixed64 */
    };
    static const size_t odd_len[] = { 2, 5, 9 };
    for (size_t i = 0; i < 3; i++) {
        struct pbw *w = pbw_new();
        w_raw(w, odd[i], odd_len[i]);
        w_raw(w, cur->b, cur->n);
        memset(a, 0x5A, sizeof(*a));
        assert_int_equal(openwts_request_decode(w->b, w->n, a), OPENWTS_OK);
        assert_memory_equal(a, b, sizeof(*a));
        free(w);
    }

    /* the same request inside the envelope */
    openwts_ClientMessage *ca = malloc(sizeof(*ca)), *cb = malloc(sizeof(*cb));
    assert_non_null(ca);
    assert_non_null(cb);
    struct pbw *env_old = pbw_new(), *env_cur = pbw_new();
    w_uint(env_old, 1, 5);
    w_msg(env_old, openwts_ClientMessage_request_tag, old);
    w_uint(env_cur, 1, 5);
    w_msg(env_cur, openwts_ClientMessage_request_tag, cur);
    memset(ca, 0x5A, sizeof(*ca));
    memset(cb, 0x5A, sizeof(*cb));
    assert_int_equal(openwts_client_message_decode(env_old->b, env_old->n, ca), OPENWTS_OK);
    assert_int_equal(openwts_client_message_decode(env_cur->b, env_cur->n, cb), OPENWTS_OK);
    assert_memory_equal(ca, cb, sizeof(*ca));
    assert_false(struct_holds(ca, sizeof(*ca), "mallory"));

    /* Hello's field 2 was the caller too */
    struct pbw *h_old = pbw_new(), *h_cur = pbw_new();
    w_uint(h_old, 1, 1);
    w_msg(h_old, 2, caller);
    w_str(h_old, 3, "old client");
    w_uint(h_cur, 1, 1);
    w_str(h_cur, 3, "old client");
    openwts_Hello ha, hb;
    memset(&ha, 0x5A, sizeof(ha));
    memset(&hb, 0x5A, sizeof(hb));
    assert_int_equal(openwts_hello_decode(h_old->b, h_old->n, &ha), OPENWTS_OK);
    assert_int_equal(openwts_hello_decode(h_cur->b, h_cur->n, &hb), OPENWTS_OK);
    assert_memory_equal(&ha, &hb, sizeof(ha));
    assert_false(struct_holds(&ha, sizeof(ha), "mallory"));

    openwts_client_message_release(ca);
    openwts_client_message_release(cb);
    free(ca);
    free(cb);
    free(env_old);
    free(env_cur);
    free(h_old);
    free(h_cur);
    free(a);
    free(b);
    free(caller);
    free(op_old);
    free(op_new);
    free(old);
    free(cur);
}

/* The last member of a oneof wins, with nothing left of the one before
 * (its allocations included: LeakSanitizer checks). */
static void later_oneof_member_replaces_earlier(void **state)
{
    (void)state;
    struct pbw *a = pbw_new(), *b = pbw_new(), *r = pbw_new();
    w_str(a, 1, "first-server"); /* reserved: skipped */
    w_msg(r, openwts_Request_enumerate_sessions_tag, a);
    w_uint(b, 2, 3);
    w_msg(r, openwts_Request_query_session_tag, b);
    openwts_Request q;
    assert_int_equal(openwts_request_decode(r->b, r->n, &q), OPENWTS_OK);
    assert_int_equal(q.which_op, openwts_Request_query_session_tag);
    assert_int_equal(q.op.query_session.session_id, 3);

    /* a message with its texts, then a query */
    a->n = r->n = 0;
    w_str(a, 3, "title");
    w_str(a, 4, "message");
    w_msg(r, openwts_Request_send_message_tag, a);
    w_msg(r, openwts_Request_query_session_tag, b);
    assert_int_equal(openwts_request_decode(r->b, r->n, &q), OPENWTS_OK);
    assert_int_equal(q.which_op, openwts_Request_query_session_tag);
    openwts_request_release(&q);

    /* in the envelope: a request with texts, then a hello */
    struct pbw *env = pbw_new(), *h = pbw_new();
    w_uint(h, 1, 1);
    w_msg(env, openwts_ClientMessage_request_tag, r);
    w_msg(env, openwts_ClientMessage_hello_tag, h);
    openwts_ClientMessage *c = malloc(sizeof(*c));
    assert_non_null(c);
    assert_int_equal(openwts_client_message_decode(env->b, env->n, c), OPENWTS_OK);
    assert_int_equal(c->which_body, openwts_ClientMessage_hello_tag);
    assert_int_equal(c->body.hello.version, 1);
    openwts_client_message_release(c);
    free(c);
    free(env);
    free(h);
    free(a);
    free(b);
    free(r);
}

/* ---- framing --------------------------------------------------------------- */

static void frame_length_round_trip(void **state)
{
    (void)state;
    const uint32_t lens[] = {
        0, 1, 0x7F, 0x80, 0xFF, 0x100, 0x1234, 0xFFFF, 0x10000, 0x30201,
        (uint32_t)reply_max(openwts_Reply_query_session_tag), OPENWTS_FRAME_MAX - 1, OPENWTS_FRAME_MAX,
    };
    for (size_t i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
        uint8_t hdr[OPENWTS_FRAME_HEADER + 4];
        memset(hdr, 0xCC, sizeof(hdr));
        openwts_frame_put_length(hdr, lens[i]);
        for (int k = OPENWTS_FRAME_HEADER; k < (int)sizeof(hdr); k++)
            assert_int_equal(hdr[k], 0xCC); /* writes exactly 4 bytes */
        uint32_t got = 0xDEADBEEF;
        assert_int_equal(openwts_frame_get_length(hdr, &got), OPENWTS_OK);
        assert_int_equal(got, lens[i]);
    }
}

static void frame_length_is_little_endian(void **state)
{
    (void)state;
    uint8_t hdr[OPENWTS_FRAME_HEADER];
    openwts_frame_put_length(hdr, 0x00030201);
    assert_int_equal(hdr[0], 0x01);
    assert_int_equal(hdr[1], 0x02);
    assert_int_equal(hdr[2], 0x03);
    assert_int_equal(hdr[3], 0x00);
    openwts_frame_put_length(hdr, 0x12345678);
    static const uint8_t le[] = { 0x78, 0x56, 0x34, 0x12 };
    assert_memory_equal(hdr, le, 4);
    openwts_frame_put_length(hdr, OPENWTS_FRAME_MAX); /* 0x00040000 */
    static const uint8_t max[] = { 0x00, 0x00, 0x04, 0x00 };
    assert_memory_equal(hdr, max, 4);

    static const uint8_t in[] = { 0x10, 0x20, 0x01, 0x00 };
    uint32_t got = 0;
    assert_int_equal(openwts_frame_get_length(in, &got), OPENWTS_OK);
    assert_int_equal(got, 0x00012010);
}

static void frame_length_bound(void **state)
{
    (void)state;
    uint32_t got = 0;
    static const uint8_t exactly_max[] = { 0x00, 0x00, 0x04, 0x00 };
    assert_int_equal(openwts_frame_get_length(exactly_max, &got), OPENWTS_OK);
    assert_int_equal(got, OPENWTS_FRAME_MAX);

    static const uint8_t over[][4] = {
        { 0x01, 0x00, 0x04, 0x00 },    /* max + 1 */
        { 0x00, 0x00, 0x05, 0x00 },
        { 0x00, 0x00, 0x00, 0x01 },    /* 16 MiB */
        { 0x00, 0x00, 0x00, 0x80 },    /* sign bit */
        { 0xFF, 0xFF, 0xFF, 0xFF },
        { 0x00, 0x00, 0x04, 0x01 },
    };
    for (size_t i = 0; i < sizeof(over) / sizeof(over[0]); i++) {
        got = 0xDEADBEEF;
        assert_int_equal(openwts_frame_get_length(over[i], &got), OPENWTS_ERROR_INVALID_DATA);
        assert_int_equal(got, 0xDEADBEEF); /* untouched */
    }

    uint8_t hdr[OPENWTS_FRAME_HEADER];
    openwts_frame_put_length(hdr, OPENWTS_FRAME_MAX + 1);
    assert_int_equal(openwts_frame_get_length(hdr, &got), OPENWTS_ERROR_INVALID_DATA);
    openwts_frame_put_length(hdr, UINT32_MAX);
    assert_int_equal(openwts_frame_get_length(hdr, &got), OPENWTS_ERROR_INVALID_DATA);
}

/* openwts_reply_release frees a session or process list with one free():
 * that is right only while their records hold no allocated field. */
static void list_records_hold_no_pointers(void **state)
{
    (void)state;
    const pb_msgdesc_t *records[] = { openwts_Session_fields, openwts_Process_fields };
    for (size_t r = 0; r < sizeof(records) / sizeof(records[0]); r++) {
        pb_field_iter_t it;
        assert_true(pb_field_iter_begin_const(&it, records[r], NULL));
        do {
            assert_int_not_equal(PB_ATYPE(it.type), PB_ATYPE_POINTER);
            assert_int_not_equal(PB_LTYPE(it.type), PB_LTYPE_SUBMESSAGE); /* none nested either */
        } while (pb_field_iter_next(&it));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(request_round_trip_every_operation),
        cmocka_unit_test(reply_round_trip_every_bounded_result),
        cmocka_unit_test(reply_round_trip_lists_of_any_length),
        cmocka_unit_test(hello_round_trip),
        cmocka_unit_test(client_message_round_trip_every_body),
        cmocka_unit_test(server_message_round_trip_every_body),
        cmocka_unit_test(frame_max_holds_every_bounded_message),
        cmocka_unit_test(empty_input_decodes_to_defaults),
        cmocka_unit_test(truncated_input_is_invalid_data),
        cmocka_unit_test(failed_decode_leaves_struct_initialised),
        cmocka_unit_test(malformed_encodings_are_invalid_data),
        cmocka_unit_test(overlong_varints),
        cmocka_unit_test(random_garbage_never_crashes),
        cmocka_unit_test(oversized_strings_are_invalid_data),
        cmocka_unit_test(session_lists_of_any_length_decode),
        cmocka_unit_test(wrong_wire_type_is_invalid_data),
        cmocka_unit_test(encode_into_small_buffer),
        cmocka_unit_test(encode_unterminated_string_refused),
        cmocka_unit_test(unknown_fields_are_skipped),
        cmocka_unit_test(old_clients_reserved_fields_are_ignored),
        cmocka_unit_test(later_oneof_member_replaces_earlier),
        cmocka_unit_test(frame_length_round_trip),
        cmocka_unit_test(frame_length_is_little_endian),
        cmocka_unit_test(frame_length_bound),
        cmocka_unit_test(list_records_hold_no_pointers),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}

/* Shared by the fuzz targets: the check that aborts (so libFuzzer and the
 * standalone driver both see a crash), well-formedness of a decoded struct,
 * and field-by-field equality of two decoded messages. Equality is by value
 * (strings up to their NUL, bytes up to their size, only the oneof member
 * that is set), never memcmp: bytes past a NUL are not part of a message.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_FUZZ_COMMON_H
#define OPENWTS_FUZZ_COMMON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pb_encode.h>

#include "openwts/backend.h"
#include "openwts/codec.h"
#include "openwts/frame_reader.h"
#include "openwts/reply_parts.h"

#define FUZZ_CHECK(cond)                                                                   \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
            abort();                                                                       \
        }                                                                                  \
    } while (0)

/* A decoded string always ends inside its field. */
#define STR_OK(f) (memchr((f), '\0', sizeof(f)) != NULL)
#define STR_EQ(f) (strcmp(a->f, b->f) == 0)
#define BYTES_EQ(f) (a->f.size == b->f.size && memcmp(a->f.bytes, b->f.bytes, a->f.size) == 0)

static inline bool fuzz_session_ok(const openwts_Session *s)
{
    return STR_OK(s->win_station) && STR_OK(s->user) && STR_OK(s->domain) && STR_OK(s->host)
        && STR_OK(s->client_name) && STR_OK(s->client_directory) && STR_OK(s->initial_program)
        && STR_OK(s->working_directory) && STR_OK(s->application_name)
        && s->client_address.size <= sizeof(s->client_address.bytes)
        && s->session_address.size <= sizeof(s->session_address.bytes);
}

static inline bool fuzz_process_ok(const openwts_Process *p)
{
    return STR_OK(p->name) && p->user_sid.size <= sizeof(p->user_sid.bytes);
}

/* A pointer string: absent, or terminated where its allocation ends;
 * walking it is the check (AddressSanitizer reports a read past it). */
static inline bool fuzz_text_ok(const char *t)
{
    if (t)
        (void)strlen(t);
    return true;
}

static inline bool fuzz_request_ok(const openwts_Request *r)
{
    if (!STR_OK(r->server))
        return false;
    switch (r->which_op) {
    case 0:
    case openwts_Request_enumerate_sessions_tag:
    case openwts_Request_query_session_tag:
    case openwts_Request_disconnect_session_tag:
    case openwts_Request_logoff_session_tag:
    case openwts_Request_enumerate_processes_tag:
    case openwts_Request_terminate_process_tag:
    case openwts_Request_remove_session_tag:
    case openwts_Request_lock_session_tag:
        return true;
    case openwts_Request_connect_session_tag:
        return STR_OK(r->op.connect_session.password);
    case openwts_Request_send_message_tag:
        return fuzz_text_ok(r->op.send_message.title) && fuzz_text_ok(r->op.send_message.message);
    case openwts_Request_add_session_tag:
        return fuzz_session_ok(&r->op.add_session.session);
    default:
        return false; /* the decoder never sets an operation it does not know */
    }
}

/* Lists of any length: a count without entries is never decoded. */
static inline bool fuzz_reply_ok(const openwts_Reply *r)
{
    switch (r->which_result) {
    case 0:
    case openwts_Reply_done_tag:
    case openwts_Reply_send_message_tag:
    case openwts_Reply_add_session_tag:
        return true;
    case openwts_Reply_enumerate_sessions_tag: {
        const openwts_EnumerateSessionsReply *l = &r->result.enumerate_sessions;
        if (l->sessions_count && !l->sessions)
            return false;
        for (pb_size_t i = 0; i < l->sessions_count; i++)
            if (!fuzz_session_ok(&l->sessions[i]))
                return false;
        return true;
    }
    case openwts_Reply_query_session_tag:
        return fuzz_session_ok(&r->result.query_session.session);
    case openwts_Reply_enumerate_processes_tag: {
        const openwts_EnumerateProcessesReply *l = &r->result.enumerate_processes;
        if (l->processes_count && !l->processes)
            return false;
        for (pb_size_t i = 0; i < l->processes_count; i++)
            if (!fuzz_process_ok(&l->processes[i]))
                return false;
        return true;
    }
    default:
        return false;
    }
}

static inline bool fuzz_hello_ok(const openwts_Hello *h)
{
    return STR_OK(h->client);
}

static inline bool fuzz_client_message_ok(const openwts_ClientMessage *m)
{
    switch (m->which_body) {
    case 0:
    case openwts_ClientMessage_subscribe_tag:
        return true;
    case openwts_ClientMessage_hello_tag:
        return fuzz_hello_ok(&m->body.hello);
    case openwts_ClientMessage_auth_tag:
        return m->body.auth.proof.size <= sizeof(m->body.auth.proof.bytes);
    case openwts_ClientMessage_request_tag:
        return fuzz_request_ok(&m->body.request);
    default:
        return false;
    }
}

static inline bool fuzz_server_message_ok(const openwts_ServerMessage *m)
{
    switch (m->which_body) {
    case 0:
    case openwts_ServerMessage_event_tag:
        return true;
    case openwts_ServerMessage_hello_tag:
        return m->body.hello.challenge.size <= sizeof(m->body.hello.challenge.bytes);
    case openwts_ServerMessage_reply_tag:
        return fuzz_reply_ok(&m->body.reply);
    default:
        return false;
    }
}

static inline bool fuzz_process_eq(const openwts_Process *a, const openwts_Process *b)
{
    return a->session_id == b->session_id && a->process_id == b->process_id && STR_EQ(name)
        && BYTES_EQ(user_sid) && a->thread_count == b->thread_count
        && a->handle_count == b->handle_count && a->pagefile_usage == b->pagefile_usage
        && a->peak_pagefile_usage == b->peak_pagefile_usage && a->working_set == b->working_set
        && a->peak_working_set == b->peak_working_set && a->user_time == b->user_time
        && a->kernel_time == b->kernel_time;
}

/* Pointer strings: both absent, or both present and equal. */
static inline bool fuzz_ptr_str_eq(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static inline bool fuzz_session_eq(const openwts_Session *a, const openwts_Session *b)
{
    return a->id == b->id && a->state == b->state && STR_EQ(win_station) && STR_EQ(user)
        && STR_EQ(domain) && STR_EQ(host) && a->logon_time == b->logon_time
        && a->connect_time == b->connect_time && a->disconnect_time == b->disconnect_time
        && a->last_input_time == b->last_input_time && a->protocol_type == b->protocol_type
        && a->lock_state == b->lock_state && STR_EQ(client_name) && STR_EQ(client_directory)
        && a->client_build == b->client_build && a->client_product_id == b->client_product_id
        && a->client_hardware_id == b->client_hardware_id
        && a->client_address_family == b->client_address_family && BYTES_EQ(client_address)
        && a->client_hres == b->client_hres && a->client_vres == b->client_vres
        && a->client_color_depth == b->client_color_depth && STR_EQ(initial_program)
        && STR_EQ(working_directory) && STR_EQ(application_name)
        && a->session_address_family == b->session_address_family && BYTES_EQ(session_address);
}

static inline bool fuzz_request_eq(const openwts_Request *a, const openwts_Request *b)
{
    if (!STR_EQ(server) || a->which_op != b->which_op)
        return false;
    switch (a->which_op) {
    case openwts_Request_query_session_tag:
        return a->op.query_session.session_id == b->op.query_session.session_id;
    case openwts_Request_disconnect_session_tag:
        return a->op.disconnect_session.session_id == b->op.disconnect_session.session_id
            && a->op.disconnect_session.wait == b->op.disconnect_session.wait;
    case openwts_Request_logoff_session_tag:
        return a->op.logoff_session.session_id == b->op.logoff_session.session_id
            && a->op.logoff_session.wait == b->op.logoff_session.wait;
    case openwts_Request_connect_session_tag:
        return a->op.connect_session.logon_id == b->op.connect_session.logon_id
            && a->op.connect_session.target_id == b->op.connect_session.target_id
            && STR_EQ(op.connect_session.password)
            && a->op.connect_session.wait == b->op.connect_session.wait;
    case openwts_Request_enumerate_processes_tag:
        return a->op.enumerate_processes.session_id == b->op.enumerate_processes.session_id;
    case openwts_Request_terminate_process_tag:
        return a->op.terminate_process.process_id == b->op.terminate_process.process_id
            && a->op.terminate_process.exit_code == b->op.terminate_process.exit_code;
    case openwts_Request_send_message_tag: {
        const openwts_SendMessageRequest *x = &a->op.send_message, *y = &b->op.send_message;
        return x->session_id == y->session_id && fuzz_ptr_str_eq(x->title, y->title)
            && fuzz_ptr_str_eq(x->message, y->message) && x->style == y->style
            && x->timeout_seconds == y->timeout_seconds && x->wait == y->wait;
    }
    case openwts_Request_add_session_tag:
        return a->op.add_session.has_session == b->op.add_session.has_session
            && fuzz_session_eq(&a->op.add_session.session, &b->op.add_session.session);
    case openwts_Request_remove_session_tag:
        return a->op.remove_session.session_id == b->op.remove_session.session_id;
    case openwts_Request_lock_session_tag:
        return a->op.lock_session.session_id == b->op.lock_session.session_id
            && a->op.lock_session.lock == b->op.lock_session.lock;
    default:
        return true;
    }
}

static inline bool fuzz_reply_eq(const openwts_Reply *a, const openwts_Reply *b)
{
    if (a->status != b->status || a->which_result != b->which_result)
        return false;
    switch (a->which_result) {
    case openwts_Reply_enumerate_sessions_tag:
        if (a->result.enumerate_sessions.sessions_count != b->result.enumerate_sessions.sessions_count)
            return false;
        for (pb_size_t i = 0; i < a->result.enumerate_sessions.sessions_count; i++)
            if (!fuzz_session_eq(&a->result.enumerate_sessions.sessions[i],
                                 &b->result.enumerate_sessions.sessions[i]))
                return false;
        return true;
    case openwts_Reply_query_session_tag:
        return a->result.query_session.has_session == b->result.query_session.has_session
            && fuzz_session_eq(&a->result.query_session.session, &b->result.query_session.session);
    case openwts_Reply_enumerate_processes_tag:
        if (a->result.enumerate_processes.processes_count != b->result.enumerate_processes.processes_count)
            return false;
        for (pb_size_t i = 0; i < a->result.enumerate_processes.processes_count; i++)
            if (!fuzz_process_eq(&a->result.enumerate_processes.processes[i],
                                 &b->result.enumerate_processes.processes[i]))
                return false;
        return true;
    case openwts_Reply_send_message_tag:
        return a->result.send_message.response == b->result.send_message.response;
    case openwts_Reply_add_session_tag:
        return a->result.add_session.session_id == b->result.add_session.session_id;
    default:
        return true;
    }
}

static inline bool fuzz_hello_eq(const openwts_Hello *a, const openwts_Hello *b)
{
    return a->version == b->version && STR_EQ(client);
}

static inline bool fuzz_client_message_eq(const openwts_ClientMessage *a, const openwts_ClientMessage *b)
{
    if (a->id != b->id || a->which_body != b->which_body)
        return false;
    switch (a->which_body) {
    case openwts_ClientMessage_hello_tag:
        return fuzz_hello_eq(&a->body.hello, &b->body.hello);
    case openwts_ClientMessage_auth_tag:
        return BYTES_EQ(body.auth.proof);
    case openwts_ClientMessage_request_tag:
        return fuzz_request_eq(&a->body.request, &b->body.request);
    case openwts_ClientMessage_subscribe_tag:
        return a->body.subscribe.on == b->body.subscribe.on;
    default:
        return true;
    }
}

static inline bool fuzz_server_message_eq(const openwts_ServerMessage *a, const openwts_ServerMessage *b)
{
    if (a->id != b->id || a->more != b->more || a->which_body != b->which_body)
        return false;
    switch (a->which_body) {
    case openwts_ServerMessage_hello_tag:
        return a->body.hello.status == b->body.hello.status && a->body.hello.version == b->body.hello.version
            && BYTES_EQ(body.hello.challenge);
    case openwts_ServerMessage_reply_tag:
        return fuzz_reply_eq(&a->body.reply, &b->body.reply);
    case openwts_ServerMessage_event_tag:
        return a->body.event.session_id == b->body.event.session_id && a->body.event.kind == b->body.event.kind
            && a->body.event.sequence == b->body.event.sequence;
    default:
        return true;
    }
}

/* The size a part of `r` (as reply_parts.c cuts it: `more` set) holding
 * only entry `i` of its list, or the whole reply when it has no list. */
static inline size_t fuzz_part_alone_size(const openwts_Reply *r, uint64_t id, size_t i)
{
    openwts_ServerMessage *m = calloc(1, sizeof(*m));
    FUZZ_CHECK(m != NULL);
    m->id = id;
    m->more = true;
    m->which_body = openwts_ServerMessage_reply_tag;
    m->body.reply = *r;
    if (r->which_result == openwts_Reply_enumerate_sessions_tag) {
        bool any = i < r->result.enumerate_sessions.sessions_count;
        m->body.reply.result.enumerate_sessions.sessions = any ? r->result.enumerate_sessions.sessions + i : NULL;
        m->body.reply.result.enumerate_sessions.sessions_count = any;
    } else if (r->which_result == openwts_Reply_enumerate_processes_tag) {
        bool any = i < r->result.enumerate_processes.processes_count;
        m->body.reply.result.enumerate_processes.processes = any ? r->result.enumerate_processes.processes + i : NULL;
        m->body.reply.result.enumerate_processes.processes_count = any;
    }
    size_t n = 0;
    FUZZ_CHECK(pb_get_encoded_size(&n, openwts_ServerMessage_fields, m));
    free(m);
    return n;
}

/* Cuts `r` into parts under `bound`, frames and decodes each, joins them
 * and checks the joined reply equals `r`. When cutting fails, it must be
 * because the entry it stopped at (or the reply, without a list) does not
 * fit the bound alone. */
static inline void fuzz_parts_round_trip(const openwts_Reply *r, uint64_t id, uint32_t bound)
{
    openwts_ServerMessage *part = malloc(sizeof(*part)), *back = malloc(sizeof(*back));
    openwts_Reply *joined = malloc(sizeof(*joined));
    uint8_t *frame = malloc((size_t)bound + OPENWTS_FRAME_HEADER);
    FUZZ_CHECK(part && back && joined && frame);
    openwts_reply_parts parts;
    openwts_reply_parts_start(&parts, r, id, bound);
    openwts_reply_join join;
    openwts_reply_join_start(&join, joined);
    bool complete = false;
    while (!openwts_reply_parts_done(&parts)) {
        size_t at = parts.next;
        openwts_status st = openwts_reply_parts_next(&parts, part);
        if (st != OPENWTS_OK) {
            FUZZ_CHECK(st == OPENWTS_ERROR_INVALID_DATA);
            FUZZ_CHECK(openwts_reply_parts_done(&parts));
            FUZZ_CHECK(fuzz_part_alone_size(r, id, at) > bound);
            openwts_reply_release(joined);
            goto out;
        }
        FUZZ_CHECK(part->id == id && part->which_body == openwts_ServerMessage_reply_tag);
        FUZZ_CHECK(parts.next > at || !part->more); /* never a part that moves nowhere */
        size_t n = 0;
        FUZZ_CHECK(openwts_frame_write_server_message(part, frame, (size_t)bound + OPENWTS_FRAME_HEADER,
                                                      bound, &n) == OPENWTS_OK);
        uint32_t len = 0;
        FUZZ_CHECK(openwts_frame_get_length(frame, &len) == OPENWTS_OK || bound > OPENWTS_FRAME_MAX);
        FUZZ_CHECK(openwts_server_message_decode(frame + OPENWTS_FRAME_HEADER, n - OPENWTS_FRAME_HEADER,
                                                 back) == OPENWTS_OK);
        FUZZ_CHECK(openwts_reply_join_add(&join, back, &complete) == OPENWTS_OK);
        openwts_server_message_release(back);
        FUZZ_CHECK(complete == !part->more);
    }
    FUZZ_CHECK(complete);
    FUZZ_CHECK(fuzz_reply_eq(r, joined));
    openwts_reply_release(joined);
out:
    free(frame);
    free(joined);
    free(back);
    free(part);
}

/* An exact-size heap copy, so that AddressSanitizer catches a read one
 * byte past a sub-range of the fuzzer's input. */
static inline uint8_t *fuzz_copy(const uint8_t *data, size_t size)
{
    uint8_t *p = malloc(size ? size : 1);
    FUZZ_CHECK(p != NULL);
    if (size)
        memcpy(p, data, size);
    return p;
}

#endif

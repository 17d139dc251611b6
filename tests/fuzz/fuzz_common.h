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

#include "openwts/backend.h"
#include "openwts/codec.h"

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

static inline bool fuzz_caller_ok(const openwts_Caller *c)
{
    return STR_OK(c->user) && STR_OK(c->domain);
}

static inline bool fuzz_session_ok(const openwts_Session *s)
{
    return STR_OK(s->win_station) && STR_OK(s->user) && STR_OK(s->domain) && STR_OK(s->host)
        && STR_OK(s->client_name) && STR_OK(s->client_directory) && STR_OK(s->initial_program)
        && STR_OK(s->working_directory) && STR_OK(s->application_name)
        && s->client_address.size <= sizeof(s->client_address.bytes)
        && s->session_address.size <= sizeof(s->session_address.bytes);
}

static inline bool fuzz_request_ok(const openwts_Request *r)
{
    if (!fuzz_caller_ok(&r->caller))
        return false;
    switch (r->which_op) {
    case 0:
        return true;
    case openwts_Request_enumerate_sessions_tag:
        return STR_OK(r->op.enumerate_sessions.server);
    case openwts_Request_query_session_tag:
        return STR_OK(r->op.query_session.server);
    case openwts_Request_disconnect_session_tag:
        return STR_OK(r->op.disconnect_session.server);
    case openwts_Request_logoff_session_tag:
        return STR_OK(r->op.logoff_session.server);
    case openwts_Request_connect_session_tag:
        return STR_OK(r->op.connect_session.password);
    case openwts_Request_enumerate_processes_tag:
        return STR_OK(r->op.enumerate_processes.server);
    case openwts_Request_terminate_process_tag:
        return STR_OK(r->op.terminate_process.server);
    case openwts_Request_send_message_tag:
        /* pointer strings: absent (NULL) or allocated with their NUL */
        return STR_OK(r->op.send_message.server);
    default:
        return false; /* the decoder never sets an operation it does not know */
    }
}

static inline bool fuzz_reply_ok(const openwts_Reply *r)
{
    switch (r->which_result) {
    case 0:
    case openwts_Reply_done_tag:
        return true;
    case openwts_Reply_enumerate_sessions_tag:
        if (r->result.enumerate_sessions.sessions_count > OPENWTS_MAX_SESSIONS)
            return false;
        for (pb_size_t i = 0; i < r->result.enumerate_sessions.sessions_count; i++)
            if (!fuzz_session_ok(&r->result.enumerate_sessions.sessions[i]))
                return false;
        return true;
    case openwts_Reply_query_session_tag:
        return fuzz_session_ok(&r->result.query_session.session);
    case openwts_Reply_enumerate_processes_tag:
        for (pb_size_t i = 0; i < r->result.enumerate_processes.processes_count; i++) {
            const openwts_Process *p = &r->result.enumerate_processes.processes[i];
            if (!STR_OK(p->name) || p->user_sid.size > sizeof(p->user_sid.bytes))
                return false;
        }
        return r->result.enumerate_processes.processes_count == 0 ||
               r->result.enumerate_processes.processes != NULL;
    case openwts_Reply_send_message_tag:
        return true;
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

static inline bool fuzz_caller_eq(const openwts_Caller *a, const openwts_Caller *b)
{
    return a->session_id == b->session_id && a->process_id == b->process_id && STR_EQ(user)
        && STR_EQ(domain) && a->privileged == b->privileged;
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
    if (a->has_caller != b->has_caller || a->which_op != b->which_op)
        return false;
    /* an absent caller is all defaults on both sides */
    if (!fuzz_caller_eq(&a->caller, &b->caller))
        return false;
    switch (a->which_op) {
    case openwts_Request_enumerate_sessions_tag:
        return STR_EQ(op.enumerate_sessions.server);
    case openwts_Request_query_session_tag:
        return STR_EQ(op.query_session.server)
            && a->op.query_session.session_id == b->op.query_session.session_id;
    case openwts_Request_disconnect_session_tag:
        return STR_EQ(op.disconnect_session.server)
            && a->op.disconnect_session.session_id == b->op.disconnect_session.session_id
            && a->op.disconnect_session.wait == b->op.disconnect_session.wait;
    case openwts_Request_logoff_session_tag:
        return STR_EQ(op.logoff_session.server)
            && a->op.logoff_session.session_id == b->op.logoff_session.session_id
            && a->op.logoff_session.wait == b->op.logoff_session.wait;
    case openwts_Request_connect_session_tag:
        return a->op.connect_session.logon_id == b->op.connect_session.logon_id
            && a->op.connect_session.target_id == b->op.connect_session.target_id
            && STR_EQ(op.connect_session.password)
            && a->op.connect_session.wait == b->op.connect_session.wait;
    case openwts_Request_enumerate_processes_tag:
        return STR_EQ(op.enumerate_processes.server)
            && a->op.enumerate_processes.session_id == b->op.enumerate_processes.session_id;
    case openwts_Request_terminate_process_tag:
        return STR_EQ(op.terminate_process.server)
            && a->op.terminate_process.process_id == b->op.terminate_process.process_id
            && a->op.terminate_process.exit_code == b->op.terminate_process.exit_code;
    case openwts_Request_send_message_tag: {
        const openwts_SendMessageRequest *x = &a->op.send_message, *y = &b->op.send_message;
        return strcmp(x->server, y->server) == 0 && x->session_id == y->session_id
            && fuzz_ptr_str_eq(x->title, y->title) && fuzz_ptr_str_eq(x->message, y->message)
            && x->style == y->style && x->timeout_seconds == y->timeout_seconds
            && x->wait == y->wait;
    }
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
    default:
        return true;
    }
}

static inline bool fuzz_hello_eq(const openwts_Hello *a, const openwts_Hello *b)
{
    return a->version == b->version && a->has_caller == b->has_caller
        && fuzz_caller_eq(&a->caller, &b->caller);
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

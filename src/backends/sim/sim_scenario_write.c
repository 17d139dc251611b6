/* Writing a model as scenario text (the state file), one user, session or
 * process per line. A member whose value is the reader's default is left
 * out (empty strings, zeros, AF_UNSPEC addresses, a client with nothing
 * set), except the ones a reader of the file looks for: a session's id,
 * state, lock state and scripted answer, a process's pid and session.
 * Names are written by name, times as ISO-8601 text (as an integer of
 * FILETIME units when the text form cannot hold them).
 * sim_scenario_parse reads the result back to an equal model (fuzz_scenario
 * checks it).
 *
 * The text is built directly rather than through a json-c tree: the state
 * file is rewritten on every change, and for 10,000 sessions json-c's tree
 * and printer took 200-300 ms where this takes a tenth of that.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "sim_scenario.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_address.h"
#include "sim_names.h"
#include "sim_sid.h"
#include "sim_time.h"

/* A growing text; after a failed allocation every append does nothing and
 * the result is NULL. `first` tells, per open object, whether a member
 * was written yet (for the commas). */
#define MAX_DEPTH 4

typedef struct out {
    char *buf;
    size_t len, cap;
    bool ok;
    int depth;
    bool first[MAX_DEPTH];
} out;

static void append(out *o, const char *s, size_t n)
{
    if (!o->ok)
        return;
    if (o->len + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap : 4096;
        while (o->len + n + 1 > cap)
            cap *= 2;
        char *bigger = realloc(o->buf, cap);
        if (!bigger) {
            o->ok = false;
            return;
        }
        o->buf = bigger;
        o->cap = cap;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

static void text(out *o, const char *s)
{
    append(o, s, strlen(s));
}

static void format(out *o, const char *fmt, ...)
{
    char buf[64];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    append(o, buf, (size_t)n);
}

/* A JSON string: quotes, backslashes and control characters escaped,
 * UTF-8 as it is (the model only holds well-formed UTF-8). */
static void string(out *o, const char *s)
{
    append(o, "\"", 1);
    const char *run = s;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        append(o, run, (size_t)(s - run));
        run = s + 1;
        switch (c) {
        case '"': text(o, "\\\""); break;
        case '\\': text(o, "\\\\"); break;
        case '\n': text(o, "\\n"); break;
        case '\r': text(o, "\\r"); break;
        case '\t': text(o, "\\t"); break;
        case '\b': text(o, "\\b"); break;
        case '\f': text(o, "\\f"); break;
        default: format(o, "\\u%04x", c); break;
        }
    }
    append(o, run, (size_t)(s - run));
    append(o, "\"", 1);
}

static void open_object(out *o)
{
    text(o, "{");
    o->first[++o->depth] = true;
}

static void close_object(out *o)
{
    text(o, "}");
    o->depth--;
}

/* `"key": ` with the comma the member before it needs. */
static void key(out *o, const char *k)
{
    if (!o->first[o->depth])
        text(o, ", ");
    o->first[o->depth] = false;
    string(o, k);
    text(o, ": ");
}

static void put_text(out *o, const char *k, const char *s)
{
    if (s && *s) {
        key(o, k);
        string(o, s);
    }
}

static void put_u32(out *o, const char *k, uint32_t v)
{
    key(o, k);
    format(o, "%lu", (unsigned long)v);
}

/* Numbers whose default is 0. */
static void put_count(out *o, const char *k, uint64_t v)
{
    if (v) {
        key(o, k);
        format(o, "%llu", (unsigned long long)v);
    }
}

static void put_i64(out *o, const char *k, int64_t v)
{
    key(o, k);
    format(o, "%lld", (long long)v);
}

/* A name where the value has one, else the number. */
static void put_named(out *o, const char *k, const char *name, int64_t v)
{
    if (name) {
        key(o, k);
        string(o, name);
    } else {
        put_i64(o, k, v);
    }
}

static void put_time(out *o, const char *k, int64_t ft)
{
    char t[SIM_TIME_TEXT_MAX];
    if (ft == 0)
        return; /* unknown */
    if (sim_time_format(ft, t, sizeof(t))) {
        key(o, k);
        string(o, t);
    } else {
        put_i64(o, k, ft);
    }
}

static void put_address(out *o, const char *k, uint32_t family, const uint8_t *bytes, size_t size)
{
    char t[SIM_ADDRESS_TEXT_MAX];
    /* The model only holds canonical layouts (sim_check_session). */
    if (family != SIM_AF_UNSPEC && sim_address_format(family, bytes, size, t, sizeof(t)))
        put_text(o, k, t);
}

static void client(out *o, const openwts_Session *s)
{
    if (!s->client_name[0] && !s->client_directory[0] && !s->client_address_family
        && !s->client_build && !s->client_product_id && !s->client_hardware_id
        && !s->protocol_type && !s->client_hres && !s->client_vres && !s->client_color_depth)
        return;
    key(o, "client");
    open_object(o);
    put_text(o, "name", s->client_name);
    put_text(o, "directory", s->client_directory);
    put_address(o, "address", s->client_address_family, s->client_address.bytes,
                s->client_address.size);
    put_count(o, "build", s->client_build);
    put_count(o, "product_id", s->client_product_id);
    put_count(o, "hardware_id", s->client_hardware_id);
    if (s->protocol_type)
        put_named(o, "protocol", sim_protocol_name(s->protocol_type), s->protocol_type);
    put_count(o, "hres", s->client_hres);
    put_count(o, "vres", s->client_vres);
    put_count(o, "color_depth", s->client_color_depth);
    close_object(o);
}

static void message(out *o, const sim_message *msg)
{
    key(o, "last_message");
    open_object(o);
    /* Both texts, even empty: a recorded message has them. */
    key(o, "title");
    string(o, msg->title ? msg->title : "");
    key(o, "text");
    string(o, msg->text ? msg->text : "");
    put_count(o, "style", msg->style);
    put_count(o, "timeout", msg->timeout_seconds);
    key(o, "wait");
    text(o, msg->wait ? "true" : "false");
    put_named(o, "response", sim_response_name(msg->response), msg->response);
    close_object(o);
}

static void session(out *o, const sim_session *ss)
{
    const openwts_Session *s = &ss->s;
    open_object(o);
    put_u32(o, "id", s->id);
    put_text(o, "win_station", s->win_station);
    put_text(o, "user", s->user);
    put_text(o, "domain", s->domain);
    put_named(o, "state", sim_state_name(s->state), s->state);
    put_named(o, "lock_state", sim_lock_name(s->lock_state), s->lock_state);
    put_time(o, "logon_time", s->logon_time);
    put_time(o, "connect_time", s->connect_time);
    put_time(o, "disconnect_time", s->disconnect_time);
    put_time(o, "last_input_time", s->last_input_time);
    client(o, s);
    put_text(o, "initial_program", s->initial_program);
    put_text(o, "working_directory", s->working_directory);
    put_text(o, "application_name", s->application_name);
    put_address(o, "session_address", s->session_address_family, s->session_address.bytes,
                s->session_address.size);
    put_named(o, "message_response", sim_response_name(ss->message_response),
              ss->message_response);
    if (ss->has_message)
        message(o, &ss->last_message);
    close_object(o);
}

static void process(out *o, const openwts_Process *p)
{
    char sid[SIM_SID_TEXT_MAX];
    open_object(o);
    put_u32(o, "pid", p->process_id);
    put_u32(o, "session", p->session_id);
    put_text(o, "name", p->name);
    if (p->user_sid.size && sim_sid_format(p->user_sid.bytes, p->user_sid.size, sid, sizeof(sid)))
        put_text(o, "user_sid", sid);
    put_count(o, "threads", p->thread_count);
    put_count(o, "handles", p->handle_count);
    put_count(o, "pagefile_usage", p->pagefile_usage);
    put_count(o, "peak_pagefile_usage", p->peak_pagefile_usage);
    put_count(o, "working_set", p->working_set);
    put_count(o, "peak_working_set", p->peak_working_set);
    put_count(o, "user_time", (uint64_t)p->user_time); /* never negative (the reader's rule) */
    put_count(o, "kernel_time", (uint64_t)p->kernel_time);
    close_object(o);
}

static void user(out *o, const sim_user *u)
{
    open_object(o);
    put_text(o, "name", u->name);
    put_text(o, "domain", u->domain);
    put_text(o, "password", u->password);
    close_object(o);
}

/* A member of the top-level object: one per line. */
static void top_key(out *o, const char *k)
{
    text(o, o->first[1] ? "\n  " : ",\n  ");
    o->first[1] = false;
    string(o, k);
    text(o, ": ");
}

/* `"name": [` then one item per line, each written by `item_expr`. */
#define LIST(o, name, n, item_expr)               \
    do {                                          \
        top_key((o), (name));                     \
        text((o), "[");                           \
        for (size_t i_ = 0; i_ < (n); i_++) {     \
            text((o), i_ ? ",\n    " : "\n    "); \
            item_expr;                            \
        }                                         \
        text((o), (n) ? "\n  ]" : "]");           \
    } while (0)

char *sim_scenario_write(const sim_model *m, size_t *len)
{
    out o = { NULL, 0, 0, true, 0, { false } };
    open_object(&o);
    top_key(&o, "version");
    text(&o, "1");
    top_key(&o, "server");
    string(&o, m->server);
    if (m->n_users)
        LIST(&o, "users", m->n_users, user(&o, &m->users[i_]));
    LIST(&o, "sessions", m->n_sessions, session(&o, m->sessions[i_]));
    LIST(&o, "processes", m->n_processes, process(&o, &m->processes[i_]));
    if (m->has_last_ended) {
        top_key(&o, "last_ended");
        open_object(&o);
        put_u32(&o, "pid", m->last_ended_pid);
        put_u32(&o, "exit_code", m->last_ended_exit_code);
        close_object(&o);
    }
    text(&o, "\n}\n");
    if (!o.ok) {
        free(o.buf);
        return NULL;
    }
    *len = o.len;
    return o.buf;
}

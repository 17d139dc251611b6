/* Writing a model as scenario text (the state file). Every value is
 * written that the reader would not default to the same: empty strings,
 * zero times and AF_UNSPEC addresses are left out, names are written by
 * name, times as ISO-8601 text (as an integer of FILETIME units when the
 * text form cannot hold them). sim_scenario_parse reads the result back to
 * an equal model.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "sim_scenario.h"

#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "sim_address.h"
#include "sim_names.h"
#include "sim_sid.h"
#include "sim_time.h"

/* Building a json-c tree where any allocation may fail: the first
 * failure is remembered and the tree is dropped at the end. */
typedef struct builder {
    bool ok;
} builder;

static void put(builder *b, json_object *obj, const char *key, json_object *value)
{
    if (!value || !obj || json_object_object_add(obj, key, value) != 0) {
        json_object_put(value);
        b->ok = false;
    }
}

static void put_text(builder *b, json_object *obj, const char *key, const char *text)
{
    if (text && *text)
        put(b, obj, key, json_object_new_string(text));
}

static void put_u32(builder *b, json_object *obj, const char *key, uint32_t v)
{
    put(b, obj, key, json_object_new_int64(v));
}

static void put_u64(builder *b, json_object *obj, const char *key, uint64_t v)
{
    put(b, obj, key, json_object_new_uint64(v));
}

/* A name where the value has one, else the number. */
static void put_named(builder *b, json_object *obj, const char *key, const char *name, int64_t v)
{
    put(b, obj, key, name ? json_object_new_string(name) : json_object_new_int64(v));
}

static void put_time(builder *b, json_object *obj, const char *key, int64_t ft)
{
    char text[SIM_TIME_TEXT_MAX];
    if (ft == 0)
        return; /* unknown */
    if (sim_time_format(ft, text, sizeof(text)))
        put(b, obj, key, json_object_new_string(text));
    else
        put(b, obj, key, json_object_new_int64(ft));
}

static void put_address(builder *b, json_object *obj, const char *key, uint32_t family,
                        const uint8_t *bytes, size_t size)
{
    char text[SIM_ADDRESS_TEXT_MAX];
    /* The model only holds canonical layouts (sim_check_session). */
    if (family != SIM_AF_UNSPEC && sim_address_format(family, bytes, size, text, sizeof(text)))
        put(b, obj, key, json_object_new_string(text));
}

static json_object *client_json(builder *b, const openwts_Session *s)
{
    json_object *c = json_object_new_object();
    put_text(b, c, "name", s->client_name);
    put_text(b, c, "directory", s->client_directory);
    put_address(b, c, "address", s->client_address_family, s->client_address.bytes,
                s->client_address.size);
    put_u32(b, c, "build", s->client_build);
    put_u32(b, c, "product_id", s->client_product_id);
    put_u32(b, c, "hardware_id", s->client_hardware_id);
    put_named(b, c, "protocol", sim_protocol_name(s->protocol_type), s->protocol_type);
    put_u32(b, c, "hres", s->client_hres);
    put_u32(b, c, "vres", s->client_vres);
    put_u32(b, c, "color_depth", s->client_color_depth);
    return c;
}

static json_object *message_json(builder *b, const sim_message *msg)
{
    json_object *o = json_object_new_object();
    /* Always written, even empty: a recorded message has both texts. */
    put(b, o, "title", json_object_new_string(msg->title ? msg->title : ""));
    put(b, o, "text", json_object_new_string(msg->text ? msg->text : ""));
    put_u32(b, o, "style", msg->style);
    put_u32(b, o, "timeout", msg->timeout_seconds);
    put(b, o, "wait", json_object_new_boolean(msg->wait));
    put_named(b, o, "response", sim_response_name(msg->response), msg->response);
    return o;
}

static json_object *session_json(builder *b, const sim_session *ss)
{
    const openwts_Session *s = &ss->s;
    json_object *o = json_object_new_object();
    put_u32(b, o, "id", s->id);
    put_text(b, o, "win_station", s->win_station);
    put_text(b, o, "user", s->user);
    put_text(b, o, "domain", s->domain);
    put_named(b, o, "state", sim_state_name(s->state), s->state);
    put_named(b, o, "lock_state", sim_lock_name(s->lock_state), s->lock_state);
    put_time(b, o, "logon_time", s->logon_time);
    put_time(b, o, "connect_time", s->connect_time);
    put_time(b, o, "disconnect_time", s->disconnect_time);
    put_time(b, o, "last_input_time", s->last_input_time);
    put(b, o, "client", client_json(b, s));
    put_text(b, o, "initial_program", s->initial_program);
    put_text(b, o, "working_directory", s->working_directory);
    put_text(b, o, "application_name", s->application_name);
    put_address(b, o, "session_address", s->session_address_family, s->session_address.bytes,
                s->session_address.size);
    put_named(b, o, "message_response", sim_response_name(ss->message_response),
              ss->message_response);
    if (ss->has_message)
        put(b, o, "last_message", message_json(b, &ss->last_message));
    return o;
}

static json_object *process_json(builder *b, const openwts_Process *p)
{
    json_object *o = json_object_new_object();
    char sid[SIM_SID_TEXT_MAX];
    put_u32(b, o, "pid", p->process_id);
    put_u32(b, o, "session", p->session_id);
    put_text(b, o, "name", p->name);
    if (p->user_sid.size && sim_sid_format(p->user_sid.bytes, p->user_sid.size, sid, sizeof(sid)))
        put(b, o, "user_sid", json_object_new_string(sid));
    put_u32(b, o, "threads", p->thread_count);
    put_u32(b, o, "handles", p->handle_count);
    put_u64(b, o, "pagefile_usage", p->pagefile_usage);
    put_u64(b, o, "peak_pagefile_usage", p->peak_pagefile_usage);
    put_u64(b, o, "working_set", p->working_set);
    put_u64(b, o, "peak_working_set", p->peak_working_set);
    put(b, o, "user_time", json_object_new_int64(p->user_time));
    put(b, o, "kernel_time", json_object_new_int64(p->kernel_time));
    return o;
}

static json_object *user_json(builder *b, const sim_user *u)
{
    json_object *o = json_object_new_object();
    put_text(b, o, "name", u->name);
    put_text(b, o, "domain", u->domain);
    put_text(b, o, "password", u->password);
    return o;
}

static void append(builder *b, json_object *arr, json_object *item)
{
    if (!item || !arr || json_object_array_add(arr, item) != 0) {
        json_object_put(item);
        b->ok = false;
    }
}

/* An array with room for n items (it grows past that if need be). */
static json_object *new_array(size_t n)
{
    return json_object_new_array_ext(n == 0 ? 1 : n > 65536 ? 65536 : (int)n);
}

char *sim_scenario_write(const sim_model *m, size_t *len)
{
    builder b = { true };
    json_object *root = json_object_new_object();
    put(&b, root, "version", json_object_new_int(1));
    put(&b, root, "server", json_object_new_string(m->server));
    if (m->n_users) {
        json_object *users = new_array(m->n_users);
        for (size_t i = 0; i < m->n_users; i++)
            append(&b, users, user_json(&b, &m->users[i]));
        put(&b, root, "users", users);
    }
    json_object *sessions = new_array(m->n_sessions);
    for (size_t i = 0; i < m->n_sessions; i++)
        append(&b, sessions, session_json(&b, m->sessions[i]));
    put(&b, root, "sessions", sessions);
    json_object *processes = new_array(m->n_processes);
    for (size_t i = 0; i < m->n_processes; i++)
        append(&b, processes, process_json(&b, &m->processes[i]));
    put(&b, root, "processes", processes);
    if (m->has_last_ended) {
        json_object *last = json_object_new_object();
        put_u32(&b, last, "pid", m->last_ended_pid);
        put_u32(&b, last, "exit_code", m->last_ended_exit_code);
        put(&b, root, "last_ended", last);
    }
    char *text = NULL;
    if (b.ok && root) {
        size_t n = 0;
        const char *s = json_object_to_json_string_length(
            root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE, &n);
        if (s && (text = malloc(n + 2))) {
            memcpy(text, s, n);
            text[n] = '\n'; /* a text file ends with a newline */
            text[n + 1] = '\0';
            *len = n + 1;
        }
    }
    json_object_put(root);
    return text;
}

/* Reading a scenario: json-c parses the text (strictly: no trailing
 * commas, no text after the value), then each member is checked and
 * converted into a model that only replaces the caller's when every part
 * of the file was good. Members the format does not know are refused, so
 * that a misspelt "stat" is not silently ignored; null is the same as
 * leaving a member out.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "sim_scenario.h"

#include <json-c/json.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "openwts/backend.h"
#include "openwts/utf8.h"
#include "sim_address.h"
#include "sim_check.h"
#include "sim_names.h"
#include "sim_sid.h"
#include "sim_time.h"
#include "json_text.h"

#define FORMAT_VERSION 1
#define DEFAULT_SERVER "localhost"
#define PATH_MAX_LEN 128

typedef struct loader {
    const char *name; /* the file's, or NULL */
    char *err;
    size_t errsz;
    bool no_memory;
} loader;

/* "NAME: " or "NAME:" before a message, or nothing without a name. */
static const char *name_sep(const loader *ld, const char *sep)
{
    return ld->name ? sep : "";
}

/* Writes "PATH.KEY: reason" (PATH alone without a key, KEY alone at the
 * top level) and returns false, so that readers can `return fail(...)`. */
static bool fail(loader *ld, const char *path, const char *key, const char *fmt, ...)
{
    if (!ld->err || !ld->errsz)
        return false;
    char why[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof(why), fmt, ap);
    va_end(ap);
    const char *name = ld->name ? ld->name : "", *sep = name_sep(ld, ": ");
    if (!key)
        snprintf(ld->err, ld->errsz, "%s%s%s: %s", name, sep, *path ? path : "(top level)", why);
    else if (!*path)
        snprintf(ld->err, ld->errsz, "%s%s%s: %s", name, sep, key, why);
    else
        snprintf(ld->err, ld->errsz, "%s%s%s.%s: %s", name, sep, path, key, why);
    return false;
}

static bool out_of_memory(loader *ld)
{
    ld->no_memory = true;
    if (ld->err && ld->errsz)
        snprintf(ld->err, ld->errsz, "%s%sout of memory", ld->name ? ld->name : "",
                 name_sep(ld, ": "));
    return false;
}

static const char *type_name(json_object *v)
{
    switch (json_object_get_type(v)) {
    case json_type_null: return "null";
    case json_type_boolean: return "true or false";
    case json_type_double: return "a fractional number";
    case json_type_int: return "an integer";
    case json_type_object: return "an object";
    case json_type_array: return "an array";
    case json_type_string: return "a string";
    }
    return "something else";
}

/* The member `key`, NULL when absent or null. */
static json_object *member(json_object *obj, const char *key)
{
    json_object *v = NULL;
    return json_object_object_get_ex(obj, key, &v) ? v : NULL;
}

/* `obj` is an object whose members are all among `names`. */
static bool object_with(loader *ld, json_object *obj, const char *path, const char *const *names)
{
    if (!json_object_is_type(obj, json_type_object))
        return fail(ld, path, NULL, "expected an object, found %s", type_name(obj));
    struct json_object_iterator it = json_object_iter_begin(obj), end = json_object_iter_end(obj);
    for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it)) {
        const char *key = json_object_iter_peek_name(&it);
        size_t i = 0;
        while (names[i] && strcmp(names[i], key) != 0)
            i++;
        if (!names[i])
            return fail(ld, path, key, "unknown member");
    }
    return true;
}

/* The string member `key`, checked: no NUL inside, well-formed UTF-8.
 * *s stays as it is when the member is absent. */
static bool read_string(loader *ld, json_object *obj, const char *path, const char *key,
                        const char **s, size_t *len)
{
    json_object *v = member(obj, key);
    if (!v)
        return true;
    if (!json_object_is_type(v, json_type_string))
        return fail(ld, path, key, "expected a string, found %s", type_name(v));
    const char *str = json_object_get_string(v);
    size_t n = (size_t)json_object_get_string_len(v);
    if (strlen(str) != n)
        return fail(ld, path, key, "contains a NUL character");
    if (!sim_utf8_valid(str, n))
        return fail(ld, path, key, "not well-formed UTF-8");
    *s = str;
    *len = n;
    return true;
}

/* Into a fixed field of `cap` bytes with its NUL; longer text is refused
 * rather than cut. */
static bool read_text(loader *ld, json_object *obj, const char *path, const char *key, char *dst,
                      size_t cap)
{
    const char *s = NULL;
    size_t n = 0;
    if (!read_string(ld, obj, path, key, &s, &n))
        return false;
    if (!s)
        return true;
    if (n >= cap)
        return fail(ld, path, key, "longer than %zu bytes of UTF-8", cap - 1);
    memcpy(dst, s, n + 1);
    return true;
}

static bool read_alloc_text(loader *ld, json_object *obj, const char *path, const char *key,
                            char **dst)
{
    const char *s = NULL;
    size_t n = 0;
    if (!read_string(ld, obj, path, key, &s, &n))
        return false;
    if (!s)
        return true;
    char *copy = strdup(s);
    if (!copy)
        return out_of_memory(ld);
    free(*dst);
    *dst = copy;
    return true;
}

/* An integer from 0 to max. *present tells whether the member was there. */
static bool read_unsigned(loader *ld, json_object *obj, const char *path, const char *key,
                          uint64_t max, uint64_t *out, bool *present)
{
    json_object *v = member(obj, key);
    *present = v != NULL;
    if (!v)
        return true;
    if (!json_object_is_type(v, json_type_int))
        return fail(ld, path, key, "expected an integer, found %s", type_name(v));
    if (json_object_get_int64(v) < 0)
        return fail(ld, path, key, "negative");
    uint64_t u = json_object_get_uint64(v);
    if (u > max)
        return fail(ld, path, key, "more than %llu", (unsigned long long)max);
    *out = u;
    return true;
}

static bool read_u32(loader *ld, json_object *obj, const char *path, const char *key, uint32_t *dst)
{
    uint64_t v = 0; /* set by read_unsigned when present */
    bool present;
    if (!read_unsigned(ld, obj, path, key, UINT32_MAX, &v, &present))
        return false;
    if (present)
        *dst = (uint32_t)v;
    return true;
}

static bool read_u64(loader *ld, json_object *obj, const char *path, const char *key, uint64_t *dst)
{
    uint64_t v = 0; /* set by read_unsigned when present */
    bool present;
    if (!read_unsigned(ld, obj, path, key, UINT64_MAX, &v, &present))
        return false;
    if (present)
        *dst = v;
    return true;
}

/* Process times: 100 ns units, 0 to INT64_MAX. */
static bool read_duration(loader *ld, json_object *obj, const char *path, const char *key,
                          int64_t *dst)
{
    uint64_t v = 0; /* set by read_unsigned when present */
    bool present;
    if (!read_unsigned(ld, obj, path, key, INT64_MAX, &v, &present))
        return false;
    if (present)
        *dst = (int64_t)v;
    return true;
}

static bool read_bool(loader *ld, json_object *obj, const char *path, const char *key, bool *dst)
{
    json_object *v = member(obj, key);
    if (!v)
        return true;
    if (!json_object_is_type(v, json_type_boolean))
        return fail(ld, path, key, "expected true or false, found %s", type_name(v));
    *dst = json_object_get_boolean(v);
    return true;
}

/* ISO-8601 UTC text, or FILETIME units as an integer. */
static bool read_time(loader *ld, json_object *obj, const char *path, const char *key, int64_t *dst)
{
    json_object *v = member(obj, key);
    if (!v)
        return true;
    if (json_object_is_type(v, json_type_int)) {
        int64_t i = json_object_get_int64(v);
        if (i >= 0 && json_object_get_uint64(v) > INT64_MAX)
            return fail(ld, path, key, "more than %lld", (long long)INT64_MAX);
        *dst = i;
        return true;
    }
    if (!json_object_is_type(v, json_type_string))
        return fail(ld, path, key, "expected a time, found %s", type_name(v));
    if (!sim_time_parse(json_object_get_string(v), dst))
        return fail(ld, path, key,
                    "not an ISO-8601 UTC time like \"2024-05-06T08:30:00Z\" (years 1601-9999)");
    return true;
}

/* A name from a table, or the number it stands for. */
typedef bool (*name_fn)(const char *name, int64_t *value);

static bool read_named(loader *ld, json_object *obj, const char *path, const char *key,
                       name_fn from_name, const char *names, int64_t *dst)
{
    json_object *v = member(obj, key);
    if (!v)
        return true;
    if (json_object_is_type(v, json_type_int)) {
        int64_t i = json_object_get_int64(v);
        if (i < INT32_MIN || i > (int64_t)UINT32_MAX)
            return fail(ld, path, key, "out of range");
        *dst = i;
        return true;
    }
    if (!json_object_is_type(v, json_type_string))
        return fail(ld, path, key, "expected a name or a number, found %s", type_name(v));
    const char *s = json_object_get_string(v);
    if (!from_name(s, dst)) {
        /* Quote at most 40 bytes of what was written (cut at a character). */
        char shown[41];
        openwts_utf8_copy(shown, sizeof(shown), s);
        return fail(ld, path, key, "unknown name \"%s\" (one of %s)", shown, names);
    }
    return true;
}

static bool state_name(const char *n, int64_t *v)
{
    uint32_t x;
    if (!sim_state_from_name(n, &x))
        return false;
    *v = x;
    return true;
}

static bool lock_name(const char *n, int64_t *v)
{
    int32_t x;
    if (!sim_lock_from_name(n, &x))
        return false;
    *v = x;
    return true;
}

static bool protocol_name(const char *n, int64_t *v)
{
    uint32_t x;
    if (!sim_protocol_from_name(n, &x))
        return false;
    *v = x;
    return true;
}

static bool response_name(const char *n, int64_t *v)
{
    uint32_t x;
    if (!sim_response_from_name(n, &x))
        return false;
    *v = x;
    return true;
}

#define STATE_NAMES "Active, Connected, ConnectQuery, Shadow, Disconnected, Idle, Listen, Reset, Down, Init"
#define LOCK_NAMES "locked, unlocked, unknown"
#define PROTOCOL_NAMES "console, ica, rdp"
#define RESPONSE_NAMES "none, IDOK, IDCANCEL, IDABORT, IDRETRY, IDIGNORE, IDYES, IDNO, IDTRYAGAIN, IDCONTINUE, IDTIMEOUT"

/* An address member into a family and the schema's bytes field. */
#define READ_ADDRESS(ld, obj, path, key, family, field) \
    read_address((ld), (obj), (path), (key), (family), (field).bytes, &(field).size)

static bool read_address(loader *ld, json_object *obj, const char *path, const char *key,
                         uint32_t *family, uint8_t *bytes, pb_size_t *size)
{
    const char *s = NULL;
    size_t n = 0;
    if (!read_string(ld, obj, path, key, &s, &n))
        return false;
    if (!s)
        return true;
    size_t got;
    if (!sim_address_parse(s, family, bytes, &got))
        return fail(ld, path, key, "not an IPv4 or IPv6 address");
    *size = (pb_size_t)got;
    return true;
}

static bool load_client(loader *ld, json_object *c, const char *path, openwts_Session *s)
{
    static const char *const names[] = { "name", "directory", "address", "build", "product_id",
                                         "hardware_id", "protocol", "hres", "vres",
                                         "color_depth", NULL };
    if (!object_with(ld, c, path, names))
        return false;
    int64_t protocol = s->protocol_type;
    bool ok = read_text(ld, c, path, "name", s->client_name, sizeof(s->client_name))
           && read_text(ld, c, path, "directory", s->client_directory, sizeof(s->client_directory))
           && READ_ADDRESS(ld, c, path, "address", &s->client_address_family, s->client_address)
           && read_u32(ld, c, path, "build", &s->client_build)
           && read_u32(ld, c, path, "product_id", &s->client_product_id)
           && read_u32(ld, c, path, "hardware_id", &s->client_hardware_id)
           && read_named(ld, c, path, "protocol", protocol_name, PROTOCOL_NAMES, &protocol)
           && read_u32(ld, c, path, "hres", &s->client_hres)
           && read_u32(ld, c, path, "vres", &s->client_vres)
           && read_u32(ld, c, path, "color_depth", &s->client_color_depth);
    s->protocol_type = (uint32_t)protocol;
    return ok;
}

static bool load_message(loader *ld, json_object *o, const char *path, sim_message *msg)
{
    static const char *const names[] = { "title", "text", "style", "timeout", "wait",
                                         "response", NULL };
    if (!object_with(ld, o, path, names))
        return false;
    int64_t response = msg->response;
    bool ok = read_alloc_text(ld, o, path, "title", &msg->title)
           && read_alloc_text(ld, o, path, "text", &msg->text)
           && read_u32(ld, o, path, "style", &msg->style)
           && read_u32(ld, o, path, "timeout", &msg->timeout_seconds)
           && read_bool(ld, o, path, "wait", &msg->wait)
           && read_named(ld, o, path, "response", response_name, RESPONSE_NAMES, &response);
    if (ok && (response < 0 || response > (int64_t)UINT32_MAX))
        return fail(ld, path, "response", "negative");
    msg->response = (uint32_t)response;
    /* An absent text is an empty one, so that the record is whole. */
    if (ok && !msg->title && !(msg->title = strdup("")))
        return out_of_memory(ld);
    if (ok && !msg->text && !(msg->text = strdup("")))
        return out_of_memory(ld);
    return ok;
}

static bool load_session(loader *ld, json_object *o, const char *path, const char *server,
                         sim_session *out)
{
    static const char *const names[] = {
        "id", "win_station", "user", "domain", "state", "lock_state", "logon_time",
        "connect_time", "disconnect_time", "last_input_time", "client", "initial_program",
        "working_directory", "application_name", "session_address", "message_response",
        "last_message", NULL,
    };
    if (!object_with(ld, o, path, names))
        return false;
    openwts_Session *s = &out->s;
    if (!member(o, "id"))
        return fail(ld, path, "id", "missing (every session needs one)");
    int64_t state = OPENWTS_STATE_ACTIVE, lock = SIM_LOCK_UNKNOWN, response = 1 /* IDOK */;
    bool lock_given = member(o, "lock_state") != NULL;
    if (!read_u32(ld, o, path, "id", &s->id)
        || !read_text(ld, o, path, "win_station", s->win_station, sizeof(s->win_station))
        || !read_text(ld, o, path, "user", s->user, sizeof(s->user))
        || !read_text(ld, o, path, "domain", s->domain, sizeof(s->domain))
        || !read_named(ld, o, path, "state", state_name, STATE_NAMES, &state)
        || !read_named(ld, o, path, "lock_state", lock_name, LOCK_NAMES, &lock)
        || !read_time(ld, o, path, "logon_time", &s->logon_time)
        || !read_time(ld, o, path, "connect_time", &s->connect_time)
        || !read_time(ld, o, path, "disconnect_time", &s->disconnect_time)
        || !read_time(ld, o, path, "last_input_time", &s->last_input_time)
        || !read_text(ld, o, path, "initial_program", s->initial_program, sizeof(s->initial_program))
        || !read_text(ld, o, path, "working_directory", s->working_directory,
                      sizeof(s->working_directory))
        || !read_text(ld, o, path, "application_name", s->application_name,
                      sizeof(s->application_name))
        || !READ_ADDRESS(ld, o, path, "session_address", &s->session_address_family,
                         s->session_address)
        || !read_named(ld, o, path, "message_response", response_name, RESPONSE_NAMES, &response))
        return false;
    if (state < 0)
        return fail(ld, path, "state", "negative");
    s->state = (uint32_t)state;
    /* Without a user there is no desktop to lock: unknown (as the local
     * backend reports session 0); with one, unlocked. */
    if (!lock_given)
        lock = s->user[0] ? SIM_LOCK_UNLOCKED : SIM_LOCK_UNKNOWN;
    if (lock < SIM_LOCK_UNKNOWN || lock > SIM_LOCK_UNLOCKED)
        return fail(ld, path, "lock_state", "not a lock state (locked 0, unlocked 1, unknown -1)");
    s->lock_state = (int32_t)lock;
    if (response < 0 || response > (int64_t)UINT32_MAX)
        return fail(ld, path, "message_response", "negative");
    if (response == OPENWTS_IDASYNC)
        return fail(ld, path, "message_response", "IDASYNC is not an answer a user gives");
    out->message_response = (uint32_t)response;

    json_object *c = member(o, "client");
    char sub[PATH_MAX_LEN + 16]; /* room for the member name after any path */
    snprintf(sub, sizeof(sub), "%s.client", path);
    if (c && !load_client(ld, c, sub, s))
        return false;
    json_object *msg = member(o, "last_message");
    snprintf(sub, sizeof(sub), "%s.last_message", path);
    if (msg) {
        out->has_message = true;
        if (!load_message(ld, msg, sub, &out->last_message))
            return false;
    }
    OPENWTS_SET_STRING(s->host, server);
    const char *field;
    const char *why = sim_check_session(s, &field);
    if (why)
        return fail(ld, path, field, "%s", why);
    return true;
}

static bool load_process(loader *ld, json_object *o, const char *path, openwts_Process *p)
{
    static const char *const names[] = {
        "pid", "session", "name", "user_sid", "threads", "handles", "pagefile_usage",
        "peak_pagefile_usage", "working_set", "peak_working_set", "user_time", "kernel_time",
        NULL,
    };
    if (!object_with(ld, o, path, names))
        return false;
    if (!member(o, "pid"))
        return fail(ld, path, "pid", "missing (every process needs one)");
    if (!member(o, "session"))
        return fail(ld, path, "session", "missing (every process runs in a session)");
    const char *sid = NULL;
    size_t sid_len = 0;
    if (!read_u32(ld, o, path, "pid", &p->process_id)
        || !read_u32(ld, o, path, "session", &p->session_id)
        || !read_text(ld, o, path, "name", p->name, sizeof(p->name))
        || !read_string(ld, o, path, "user_sid", &sid, &sid_len)
        || !read_u32(ld, o, path, "threads", &p->thread_count)
        || !read_u32(ld, o, path, "handles", &p->handle_count)
        || !read_u64(ld, o, path, "pagefile_usage", &p->pagefile_usage)
        || !read_u64(ld, o, path, "peak_pagefile_usage", &p->peak_pagefile_usage)
        || !read_u64(ld, o, path, "working_set", &p->working_set)
        || !read_u64(ld, o, path, "peak_working_set", &p->peak_working_set)
        || !read_duration(ld, o, path, "user_time", &p->user_time)
        || !read_duration(ld, o, path, "kernel_time", &p->kernel_time))
        return false;
    if (sid && *sid) {
        size_t n;
        if (!sim_sid_parse(sid, p->user_sid.bytes, &n))
            return fail(ld, path, "user_sid",
                        "not a SID like \"S-1-5-21-1004336348-1177238915-682003330-1001\"");
        p->user_sid.size = (pb_size_t)n;
    }
    return true;
}

static bool load_user(loader *ld, json_object *o, const char *path, sim_user *u)
{
    static const char *const names[] = { "name", "domain", "password", NULL };
    if (!object_with(ld, o, path, names))
        return false;
    if (!read_text(ld, o, path, "name", u->name, sizeof(u->name))
        || !read_text(ld, o, path, "domain", u->domain, sizeof(u->domain))
        || !read_text(ld, o, path, "password", u->password, sizeof(u->password)))
        return false;
    if (!u->name[0])
        return fail(ld, path, "name", "missing or empty (a user needs a name)");
    return true;
}

/* The array member `key` (absent: empty); *n its length. */
static bool read_array(loader *ld, json_object *root, const char *key, json_object **arr, size_t *n)
{
    *arr = member(root, key);
    *n = 0;
    if (!*arr)
        return true;
    if (!json_object_is_type(*arr, json_type_array))
        return fail(ld, "", key, "expected an array, found %s", type_name(*arr));
    *n = json_object_array_length(*arr);
    return true;
}

/* Sorting with the position each entry had in the file, so that a
 * duplicate is reported where it was written. */
struct ranked {
    uint32_t key;
    size_t index;
};

static int by_key(const void *a, const void *b)
{
    const struct ranked *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

static bool load_sessions(loader *ld, json_object *root, sim_model *m)
{
    json_object *arr;
    size_t n;
    if (!read_array(ld, root, "sessions", &arr, &n))
        return false;
    if (n == 0)
        return true;
    sim_session **loaded = calloc(n, sizeof(*loaded));
    struct ranked *order = calloc(n, sizeof(*order));
    bool ok = loaded && order;
    if (!ok)
        out_of_memory(ld);
    for (size_t i = 0; ok && i < n; i++) {
        char path[PATH_MAX_LEN];
        snprintf(path, sizeof(path), "sessions[%zu]", i);
        json_object *o = json_object_array_get_idx(arr, i);
        if (!o) {
            ok = fail(ld, path, NULL, "expected an object, found null");
            break;
        }
        if (!(loaded[i] = calloc(1, sizeof(**loaded)))) {
            ok = out_of_memory(ld);
            break;
        }
        ok = load_session(ld, o, path, m->server, loaded[i]);
        order[i].key = loaded[i]->s.id;
        order[i].index = i;
    }
    if (ok) {
        qsort(order, n, sizeof(*order), by_key);
        for (size_t i = 1; ok && i < n; i++) {
            if (order[i].key == order[i - 1].key) {
                char path[PATH_MAX_LEN];
                snprintf(path, sizeof(path), "sessions[%zu]", order[i].index);
                ok = fail(ld, path, "id", "duplicate session id %lu (also sessions[%zu])",
                          (unsigned long)order[i].key, order[i - 1].index);
            }
        }
    }
    if (ok) {
        m->sessions = malloc(n * sizeof(*m->sessions));
        if (!m->sessions)
            ok = out_of_memory(ld);
    }
    if (ok) {
        for (size_t i = 0; i < n; i++) {
            m->sessions[i] = loaded[order[i].index];
            loaded[order[i].index] = NULL;
        }
        m->n_sessions = m->cap_sessions = n;
    }
    for (size_t i = 0; loaded && i < n; i++)
        sim_session_free(loaded[i]);
    free(loaded);
    free(order);
    return ok;
}

static int by_pid(const void *a, const void *b)
{
    const openwts_Process *x = a, *y = b;
    return x->process_id < y->process_id ? -1 : x->process_id > y->process_id;
}

static bool load_processes(loader *ld, json_object *root, sim_model *m)
{
    json_object *arr;
    size_t n;
    if (!read_array(ld, root, "processes", &arr, &n))
        return false;
    if (n == 0)
        return true;
    m->processes = calloc(n, sizeof(*m->processes));
    struct ranked *order = calloc(n, sizeof(*order));
    if (!m->processes || !order) {
        free(order);
        return out_of_memory(ld);
    }
    m->n_processes = m->cap_processes = n;
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++) {
        char path[PATH_MAX_LEN];
        snprintf(path, sizeof(path), "processes[%zu]", i);
        json_object *o = json_object_array_get_idx(arr, i);
        if (!o) {
            ok = fail(ld, path, NULL, "expected an object, found null");
            break;
        }
        openwts_Process *p = &m->processes[i];
        ok = load_process(ld, o, path, p);
        if (ok && !sim_model_find(m, p->session_id, NULL))
            ok = fail(ld, path, "session", "no session %lu in \"sessions\"",
                      (unsigned long)p->session_id);
        order[i].key = p->process_id;
        order[i].index = i;
    }
    if (ok) {
        qsort(order, n, sizeof(*order), by_key);
        for (size_t i = 1; ok && i < n; i++) {
            if (order[i].key == order[i - 1].key) {
                char path[PATH_MAX_LEN];
                snprintf(path, sizeof(path), "processes[%zu]", order[i].index);
                ok = fail(ld, path, "pid", "duplicate process id %lu (also processes[%zu])",
                          (unsigned long)order[i].key, order[i - 1].index);
            }
        }
    }
    free(order);
    if (ok)
        qsort(m->processes, n, sizeof(*m->processes), by_pid);
    return ok;
}

static bool load_users(loader *ld, json_object *root, sim_model *m)
{
    json_object *arr;
    size_t n;
    if (!read_array(ld, root, "users", &arr, &n))
        return false;
    if (n == 0)
        return true;
    if (!(m->users = calloc(n, sizeof(*m->users))))
        return out_of_memory(ld);
    m->n_users = n;
    for (size_t i = 0; i < n; i++) {
        char path[PATH_MAX_LEN];
        snprintf(path, sizeof(path), "users[%zu]", i);
        json_object *o = json_object_array_get_idx(arr, i);
        if (!o)
            return fail(ld, path, NULL, "expected an object, found null");
        if (!load_user(ld, o, path, &m->users[i]))
            return false;
        for (size_t k = 0; k < i; k++)
            if (sim_ascii_casecmp(m->users[k].name, m->users[i].name) == 0
                && sim_ascii_casecmp(m->users[k].domain, m->users[i].domain) == 0)
                return fail(ld, path, "name", "duplicate user (also users[%zu])", k);
    }
    return true;
}

static bool load_model(loader *ld, json_object *root, sim_model *m)
{
    static const char *const names[] = { "version", "server", "users", "sessions", "processes",
                                         "last_ended", NULL };
    if (!object_with(ld, root, "", names))
        return false;
    uint32_t version = FORMAT_VERSION;
    if (!read_u32(ld, root, "", "version", &version))
        return false;
    if (version != FORMAT_VERSION)
        return fail(ld, "", "version", "version %lu is not known here (only %d)",
                    (unsigned long)version, FORMAT_VERSION);
    OPENWTS_SET_STRING(m->server, DEFAULT_SERVER);
    if (!read_text(ld, root, "", "server", m->server, sizeof(m->server)))
        return false;
    if (!m->server[0])
        return fail(ld, "", "server", "empty (the server needs a name)");
    if (!load_users(ld, root, m) || !load_sessions(ld, root, m) || !load_processes(ld, root, m))
        return false;
    json_object *last = member(root, "last_ended");
    if (last) {
        static const char *const last_names[] = { "pid", "exit_code", NULL };
        if (!object_with(ld, last, "last_ended", last_names)
            || !read_u32(ld, last, "last_ended", "pid", &m->last_ended_pid)
            || !read_u32(ld, last, "last_ended", "exit_code", &m->last_ended_exit_code))
            return false;
        m->has_last_ended = true;
    }
    return true;
}

/* "LINE:COLUMN: what" for the byte at `offset`; columns count characters
 * (UTF-8 lead bytes), as editors show them. */
static void syntax_error(loader *ld, const char *text, size_t len, size_t offset, const char *what)
{
    size_t line, column;
    json_text_position(text, len, offset, &line, &column);
    if (ld->err && ld->errsz)
        snprintf(ld->err, ld->errsz, "%s%s%zu:%zu: %s", ld->name ? ld->name : "",
                 name_sep(ld, ":"), line, column, what);
}

/* The document's value, or NULL with the error written. A JSON null
 * comes back as NULL with *is_null set. */
static json_object *parse_json(loader *ld, const char *text, size_t len, bool *is_null)
{
    json_object *root;
    const char *reason;
    size_t offset;
    *is_null = false;
    switch (json_text_parse(text, len, &root, &reason, &offset)) {
    case JSON_TEXT_NO_MEMORY:
        out_of_memory(ld);
        return NULL;
    case JSON_TEXT_SYNTAX:
        syntax_error(ld, text, len, offset, reason);
        return NULL;
    case JSON_TEXT_OK:
        break;
    }
    *is_null = root == NULL;
    if (!root)
        fail(ld, "", NULL, "expected an object, found null");
    return root;
}

openwts_status sim_scenario_parse(const char *name, const char *text, size_t len, sim_model *out,
                                  char *err, size_t errsz)
{
    loader ld = { name, err, errsz, false };
    memset(out, 0, sizeof(*out));
    if (err && errsz)
        err[0] = '\0';
    bool is_null;
    json_object *root = parse_json(&ld, text, len, &is_null);
    if (!root)
        return ld.no_memory ? OPENWTS_ERROR_NOT_ENOUGH_MEMORY : OPENWTS_ERROR_INVALID_DATA;
    sim_model m;
    memset(&m, 0, sizeof(m));
    bool ok = load_model(&ld, root, &m);
    json_object_put(root);
    if (!ok) {
        sim_model_free(&m);
        return ld.no_memory ? OPENWTS_ERROR_NOT_ENOUGH_MEMORY : OPENWTS_ERROR_INVALID_DATA;
    }
    *out = m;
    return OPENWTS_OK;
}

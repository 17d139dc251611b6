/* wtsd's config file (config_file.h): text in, settings out; the reading
 * of the file is apart (wtsd_config_load) so that the parser takes bytes
 * from anywhere (tests/fuzz/fuzz_wtsd_config.c).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config_file.h"

#include <errno.h>
#include <fcntl.h>
#include <json-c/json.h>
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backends.h"
#include "json_text.h"

#define CONFIG_MAX_BYTES (1024 * 1024)

typedef struct reader {
    const char *name;
    const char *base_dir;
    wtsd_options *o;
    char *err;
    size_t err_size;
} reader;

static bool fail(reader *r, const char *member, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool fail(reader *r, const char *member, const char *fmt, ...)
{
    if (!r->err || !r->err_size)
        return false;
    int n = snprintf(r->err, r->err_size, "%s: %s%s", r->name, member ? member : "",
                     member ? ": " : "");
    if (n < 0 || (size_t)n >= r->err_size)
        return false;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err + n, r->err_size - (size_t)n, fmt, ap);
    va_end(ap);
    return false;
}

/* "NAME:LINE:COLUMN: what", both from 1, the column in characters. */
static bool syntax_error(reader *r, const char *text, size_t len, size_t offset, const char *what)
{
    size_t line, column;
    json_text_position(text, len, offset, &line, &column);
    if (r->err && r->err_size)
        snprintf(r->err, r->err_size, "%s:%zu:%zu: %s", r->name, line, column, what);
    return false;
}

/* The whole text as one JSON value, or NULL with the error written. */
static json_object *parse_json(reader *r, const char *text, size_t len)
{
    json_object *root;
    const char *reason;
    size_t offset;
    switch (json_text_parse(text, len, &root, &reason, &offset)) {
    case JSON_TEXT_NO_MEMORY:
        fail(r, NULL, "out of memory");
        return NULL;
    case JSON_TEXT_SYNTAX:
        syntax_error(r, text, len, offset, reason);
        return NULL;
    case JSON_TEXT_OK:
        break;
    }
    if (!json_object_is_type(root, json_type_object)) {
        json_object_put(root);
        fail(r, NULL, "expected an object of settings");
        return NULL;
    }
    return root;
}

static bool want_string(reader *r, const char *key, json_object *v, const char **out)
{
    if (!json_object_is_type(v, json_type_string))
        return fail(r, key, "expected a string");
    const char *s = json_object_get_string(v);
    if (strlen(s) != (size_t)json_object_get_string_len(v))
        return fail(r, key, "contains a NUL character");
    *out = s;
    return true;
}

static bool want_unsigned(reader *r, const char *key, json_object *v, unsigned min, unsigned max,
                          unsigned *out)
{
    if (!json_object_is_type(v, json_type_int))
        return fail(r, key, "expected a whole number");
    errno = 0;
    int64_t n = json_object_get_int64(v);
    if (errno || n < (int64_t)min || n > (int64_t)max)
        return fail(r, key, "out of range (%u to %u)", min, max);
    *out = (unsigned)n;
    return true;
}

/* A path setting: relative ones are taken from the config's directory. */
static bool set_path(reader *r, const char *key, json_object *v, char **field, bool empty_ok)
{
    const char *s = NULL; /* set by want_string when it succeeds */
    if (!want_string(r, key, v, &s))
        return false;
    if (!*s && !empty_ok)
        return fail(r, key, "empty");
    if (!*s || s[0] == '/' || !r->base_dir[0])
        return wtsd_options_set_string(field, s) || fail(r, key, "out of memory");
    size_t n = strlen(r->base_dir) + 1 + strlen(s) + 1;
    char *joined = malloc(n);
    if (!joined)
        return fail(r, key, "out of memory");
    snprintf(joined, n, "%s/%s", r->base_dir, s);
    free(*field);
    *field = joined;
    return true;
}

static bool set_name(reader *r, const char *key, json_object *v, char **field)
{
    const char *s = NULL; /* set by want_string when it succeeds */
    if (!want_string(r, key, v, &s))
        return false;
    if (!*s)
        return fail(r, key, "empty");
    return wtsd_options_set_string(field, s) || fail(r, key, "out of memory");
}

static bool set_listen(reader *r, json_object *v)
{
    if (!json_object_is_type(v, json_type_array))
        return fail(r, "listen", "expected an array of addresses (\"127.0.0.1:3389\")");
    wtsd_options_clear_listen(r->o);
    size_t n = json_object_array_length(v);
    for (size_t i = 0; i < n; i++) {
        char member[32];
        snprintf(member, sizeof(member), "listen[%zu]", i);
        const char *s = NULL;
        if (!want_string(r, member, json_object_array_get_idx(v, i), &s))
            return false;
        if (!*s)
            return fail(r, member, "empty");
        if (!wtsd_options_add_listen(r->o, s))
            return fail(r, member, "out of memory");
    }
    return true;
}

static bool apply(reader *r, const char *key, json_object *v)
{
    wtsd_options *o = r->o;
    const char *s = NULL;
    if (strcmp(key, "backend") == 0) {
        if (!want_string(r, key, v, &s))
            return false;
        if (!wtsd_backend_known(s))
            return fail(r, key, "\"%s\" is not built into this wtsd (built in: %s)", s,
                        WTSD_BACKEND_NAMES);
        return wtsd_options_set_string(&o->backend, s) || fail(r, key, "out of memory");
    }
    if (strcmp(key, "scenario") == 0)
        return set_path(r, key, v, &o->scenario, false);
    if (strcmp(key, "state") == 0)
        return set_path(r, key, v, &o->state, false);
    if (strcmp(key, "bus") == 0)
        return set_name(r, key, v, &o->bus);
    if (strcmp(key, "socket") == 0)
        return set_path(r, key, v, &o->socket_path, true);
    if (strcmp(key, "socket_mode") == 0) {
        if (!want_string(r, key, v, &s))
            return false;
        return wtsd_parse_mode(s, &o->socket_mode)
            || fail(r, key, "expected octal permission bits as a string (\"0660\")");
    }
    if (strcmp(key, "listen") == 0)
        return set_listen(r, v);
    if (strcmp(key, "key_file") == 0)
        return set_path(r, key, v, &o->key_file, false);
    if (strcmp(key, "remote_user") == 0)
        return set_name(r, key, v, &o->remote_user);
    if (strcmp(key, "admin_group") == 0)
        return set_name(r, key, v, &o->admin_group);
    if (strcmp(key, "key_on_loopback") == 0) {
        if (!json_object_is_type(v, json_type_boolean))
            return fail(r, key, "expected true or false");
        o->key_on_loopback = json_object_get_boolean(v);
        return true;
    }
    if (strcmp(key, "log_level") == 0) {
        if (!want_string(r, key, v, &s))
            return false;
        return wtsd_log_level_parse(s, &o->log_level)
            || fail(r, key, "expected \"error\", \"warn\", \"info\" or \"debug\"");
    }
    if (strcmp(key, "read_timeout") == 0)
        return want_unsigned(r, key, v, 1, WTSD_TIMEOUT_MAX, &o->read_timeout);
    if (strcmp(key, "send_timeout") == 0)
        return want_unsigned(r, key, v, 1, WTSD_TIMEOUT_MAX, &o->send_timeout);
    if (strcmp(key, "max_clients") == 0)
        return want_unsigned(r, key, v, 1, WTSD_MAX_CLIENTS_MAX, &o->max_clients);
    if (strcmp(key, "max_output") == 0)
        return want_unsigned(r, key, v, WTSD_MAX_OUTPUT_MIN, WTSD_MAX_OUTPUT_MAX, &o->max_output);
    return fail(r, key, "unknown member");
}

bool wtsd_config_parse(const char *name, const char *text, size_t len, const char *base_dir,
                       wtsd_options *o, char *err, size_t err_size)
{
    reader r = { name ? name : "", base_dir ? base_dir : "", o, err, err_size };
    if (err && err_size)
        err[0] = '\0';
    json_object *root = parse_json(&r, text, len);
    if (!root)
        return false;
    bool ok = true;
    json_object_object_foreach(root, key, value) {
        /* null leaves a setting as it was, as if the member were absent. */
        if (value && !apply(&r, key, value)) {
            ok = false;
            break;
        }
    }
    json_object_put(root);
    return ok;
}

bool wtsd_config_load(const char *path, wtsd_options *o, char *err, size_t err_size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, err_size, "%s: %s", path, strerror(errno));
        return false;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > CONFIG_MAX_BYTES) {
        snprintf(err, err_size, "%s: not a regular file of at most 1 MiB", path);
        close(fd);
        return false;
    }
    size_t size = (size_t)st.st_size, have = 0;
    char *text = malloc(size ? size : 1);
    if (!text) {
        snprintf(err, err_size, "%s: out of memory", path);
        close(fd);
        return false;
    }
    while (have < size) {
        ssize_t n = read(fd, text + have, size - have);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        have += (size_t)n;
    }
    close(fd);
    /* The directory relative paths in the file start from. */
    char *dir = strdup(path);
    char *slash = dir ? strrchr(dir, '/') : NULL;
    if (slash == dir)
        dir[1] = '\0';
    else if (slash)
        *slash = '\0';
    bool ok = dir && wtsd_config_parse(path, text, have, slash ? dir : "", o, err, err_size);
    if (!dir)
        snprintf(err, err_size, "%s: out of memory", path);
    free(dir);
    free(text);
    return ok;
}

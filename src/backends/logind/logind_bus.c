/* The Manager calls, each a synchronous sd-bus method call: wtsd serves
 * one request at a time, and logind answers at once. Signals that arrive
 * meanwhile stay queued for openwts_logind_process.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "logind_bus.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "logind_status.h"

static openwts_status failed(sd_bus_error *error, int r, enum logind_about about)
{
    openwts_status st = logind_status(error, r, about);
    sd_bus_error_free(error);
    return st;
}

void logind_listed_free(logind_listed *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(list[i].name);
        free(list[i].path);
    }
    free(list);
}

static int append(logind_listed **list, size_t *n, size_t *cap, const char *name, const char *path)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        logind_listed *grown = realloc(*list, c * sizeof(*grown));
        if (!grown)
            return -ENOMEM;
        *list = grown;
        *cap = c;
    }
    logind_listed *e = &(*list)[*n];
    e->name = strdup(name);
    e->path = strdup(path);
    if (!e->name || !e->path) {
        free(e->name);
        free(e->path);
        return -ENOMEM;
    }
    (*n)++;
    return 0;
}

openwts_status logind_list_sessions(sd_bus *bus, logind_listed **out, size_t *count)
{
    sd_bus_error error = SD_BUS_ERROR_NULL;
    sd_bus_message *reply = NULL;
    int r = sd_bus_call_method(bus, LOGIND_BUS_NAME, LOGIND_MANAGER_PATH, LOGIND_MANAGER_INTERFACE,
                               "ListSessions", &error, &reply, "");
    if (r < 0)
        return failed(&error, r, LOGIND_ABOUT_MANAGER);
    logind_listed *list = NULL;
    size_t n = 0, cap = 0;
    r = sd_bus_message_enter_container(reply, 'a', "(susso)");
    while (r >= 0) {
        const char *name, *user, *seat, *path;
        uint32_t uid;
        r = sd_bus_message_read(reply, "(susso)", &name, &uid, &user, &seat, &path);
        if (r <= 0)
            break;
        r = append(&list, &n, &cap, name, path);
    }
    if (r >= 0)
        r = sd_bus_message_exit_container(reply);
    sd_bus_message_unref(reply);
    if (r < 0) {
        logind_listed_free(list, n);
        return r == -ENOMEM ? OPENWTS_ERROR_NOT_ENOUGH_MEMORY : LOGIND_STATUS_BAD_REPLY;
    }
    *out = list;
    *count = n;
    return OPENWTS_OK;
}

openwts_status logind_session_call(sd_bus *bus, const char *method, const char *name)
{
    sd_bus_error error = SD_BUS_ERROR_NULL;
    int r = sd_bus_call_method(bus, LOGIND_BUS_NAME, LOGIND_MANAGER_PATH, LOGIND_MANAGER_INTERFACE,
                               method, &error, NULL, "s", name);
    return r < 0 ? failed(&error, r, LOGIND_ABOUT_SESSION) : OPENWTS_OK;
}

openwts_status logind_session_by_pid(sd_bus *bus, uint32_t pid, char **path)
{
    *path = NULL;
    sd_bus_error error = SD_BUS_ERROR_NULL;
    sd_bus_message *reply = NULL;
    int r = sd_bus_call_method(bus, LOGIND_BUS_NAME, LOGIND_MANAGER_PATH, LOGIND_MANAGER_INTERFACE,
                               "GetSessionByPID", &error, &reply, "u", pid);
    if (r < 0) {
        if (sd_bus_error_has_name(&error, "org.freedesktop.login1.NoSessionForPID")) {
            sd_bus_error_free(&error);
            return OPENWTS_OK;
        }
        return failed(&error, r, LOGIND_ABOUT_MANAGER);
    }
    const char *p;
    r = sd_bus_message_read(reply, "o", &p);
    if (r >= 0 && !(*path = strdup(p)))
        r = -ENOMEM;
    sd_bus_message_unref(reply);
    if (r < 0)
        return r == -ENOMEM ? OPENWTS_ERROR_NOT_ENOUGH_MEMORY : LOGIND_STATUS_BAD_REPLY;
    return OPENWTS_OK;
}

openwts_status logind_session_name(sd_bus *bus, const char *path, char **name)
{
    sd_bus_error error = SD_BUS_ERROR_NULL;
    int r = sd_bus_get_property_string(bus, LOGIND_BUS_NAME, path, LOGIND_SESSION_INTERFACE, "Id",
                                       &error, name);
    return r < 0 ? failed(&error, r, LOGIND_ABOUT_SESSION) : OPENWTS_OK;
}

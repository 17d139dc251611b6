/* Opening and closing a logind backend, and the host's side of its event
 * loop (openwts/logind.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "logind_backend.h"
#include "logind_status.h"
#include "logind_sync.h"

#define DEFAULT_CGROUP_ROOT "/sys/fs/cgroup"

static void say(char *error, size_t error_size, const char *fmt, ...)
{
    if (!error || !error_size)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(error, error_size, fmt, ap);
    va_end(ap);
}

/* sd_bus_open_system reads DBUS_SYSTEM_BUS_ADDRESS itself; an address
 * given is a bus client connection to exactly that. */
static int connect_bus(const char *address, sd_bus **out)
{
    if (!address)
        return sd_bus_open_system(out);
    sd_bus *bus = NULL;
    int r = sd_bus_new(&bus);
    if (r >= 0)
        r = sd_bus_set_address(bus, address);
    if (r >= 0)
        r = sd_bus_set_bus_client(bus, 1);
    if (r >= 0)
        r = sd_bus_start(bus);
    if (r < 0) {
        sd_bus_unref(bus);
        return r;
    }
    *out = bus;
    return 0;
}

static void free_logind(logind *l)
{
    for (size_t i = 0; i < sizeof(l->matches) / sizeof(l->matches[0]); i++)
        sd_bus_slot_unref(l->matches[i]);
    sd_bus_flush_close_unref(l->bus);
    logind_ids_free(&l->ids);
    free(l->cgroup_root);
    free(l);
}

openwts_status openwts_logind_open(const openwts_logind_options *options,
                                   const openwts_backend **out, char *error, size_t error_size)
{
    say(error, error_size, "%s", "");
    if (!out) {
        say(error, error_size, "no place for the backend");
        return OPENWTS_ERROR_INVALID_PARAMETER;
    }
    const char *address = options ? options->bus_address : NULL;
    const char *root = options && options->cgroup_root ? options->cgroup_root : DEFAULT_CGROUP_ROOT;
    logind *l = calloc(1, sizeof(*l));
    if (!l || !(l->cgroup_root = strdup(root))) {
        free(l);
        say(error, error_size, "out of memory");
        return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    }
    logind_host_init(&l->host);
    int r = connect_bus(address, &l->bus);
    if (r < 0) {
        say(error, error_size, "cannot connect to the %s bus%s%s: %s", address ? "D-Bus" : "system",
            address ? " at " : "", address ? address : "", strerror(-r));
        free_logind(l);
        return r == -ENOMEM ? OPENWTS_ERROR_NOT_ENOUGH_MEMORY : OPENWTS_RPC_S_SERVER_UNAVAILABLE;
    }
    /* Subscribed before the first list, so no change falls in between. */
    r = logind_subscribe(l);
    if (r < 0) {
        say(error, error_size, "cannot subscribe to logind's signals: %s", strerror(-r));
        free_logind(l);
        return r == -ENOMEM ? OPENWTS_ERROR_NOT_ENOUGH_MEMORY : OPENWTS_RPC_S_SERVER_UNAVAILABLE;
    }
    /* The sessions there now are the baseline, not news. Without logind
     * (not started yet) the first list that works will be. */
    logind_snapshot snap;
    if (logind_sync(l, &snap) == OPENWTS_OK)
        logind_snapshot_free(&snap);
    logind_fill_table(&l->table);
    l->table.data = l;
    *out = &l->table;
    return OPENWTS_OK;
}

void openwts_logind_close(const openwts_backend *be)
{
    if (be)
        free_logind(be->data);
}

int openwts_logind_fd(const openwts_backend *be)
{
    return be ? sd_bus_get_fd(((logind *)be->data)->bus) : -1;
}

int openwts_logind_events(const openwts_backend *be)
{
    int events = be ? sd_bus_get_events(((logind *)be->data)->bus) : 0;
    return events < 0 ? 0 : events;
}

openwts_status openwts_logind_process(const openwts_backend *be)
{
    if (!be)
        return OPENWTS_ERROR_INVALID_PARAMETER;
    logind *l = be->data;
    int r;
    while ((r = sd_bus_process(l->bus, NULL)) > 0)
        continue;
    if (r < 0)
        return logind_status(NULL, r, LOGIND_ABOUT_MANAGER);
    return OPENWTS_OK;
}

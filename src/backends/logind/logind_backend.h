/* Inside the logind backend: the instance behind openwts_backend.data.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOGIND_BACKEND_H
#define OPENWTS_LOGIND_BACKEND_H

#include <systemd/sd-bus.h>

#include "logind_host.h"
#include "logind_ids.h"
#include "openwts/logind.h"

typedef struct logind {
    openwts_backend table;  /* what openwts_logind_open hands out; data points here */
    sd_bus *bus;
    sd_bus_slot *matches[4]; /* SessionNew, SessionRemoved, PropertiesChanged, Lock/Unlock */
    logind_ids ids;         /* logind session ids <-> Windows session ids */
    logind_host host;       /* this machine's names */
    char *cgroup_root;
    bool baseline;          /* a list of sessions has been read: later ones are news */
    openwts_event_fn sink;
    void *sink_ctx;
} logind;

/* Reports one event to the host's sink (nothing without one). */
void logind_emit(const logind *l, uint32_t id, openwts_event_kind kind);

/* The backend's operations, filled into the table (logind_ops.c). */
void logind_fill_table(openwts_backend *table);

/* Subscribes to logind's signals (logind_events.c). */
int logind_subscribe(logind *l);

#endif

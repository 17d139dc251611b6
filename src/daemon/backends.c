/* Opening the backend the settings name (backends.h); backend_names.c
 * lists the names. The sim reads a scenario; logind connects to the bus
 * and hands wtsd its descriptor (docs/logind-backend.md, "Running it").
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "backends.h"

#include <string.h>

#include "openwts/logind.h"
#include "openwts/sim.h"

openwts_status wtsd_backend_open(const wtsd_options *o, openwts_event_fn sink, void *ctx,
                                 wtsd_backend_host *h, char *err, size_t err_size)
{
    memset(h, 0, sizeof(*h));
    h->fd = -1;
    if (strcmp(o->backend, OPENWTS_LOGIND_BACKEND_NAME) == 0) {
        openwts_status st = openwts_logind_host(o->bus, sink, ctx, &h->be, &h->fd, err, err_size);
        if (st == OPENWTS_OK)
            h->process = openwts_logind_process;
        return st;
    }
    openwts_status st = openwts_sim_open(o->scenario, o->state, &h->be, err, err_size);
    if (st == OPENWTS_OK)
        h->be->set_event_sink(h->be, sink, ctx);
    return st;
}

void wtsd_backend_close(const wtsd_options *o, wtsd_backend_host *h)
{
    if (!h->be)
        return;
    if (strcmp(o->backend, OPENWTS_LOGIND_BACKEND_NAME) == 0) {
        openwts_backend_unregister_all(); /* it registered itself */
        openwts_logind_close(h->be);
    } else {
        openwts_sim_close(h->be);
    }
    h->be = NULL;
}

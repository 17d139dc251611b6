/* What a daemon (wtsd) needs to host the logind backend, in one call
 * (openwts/logind.h: openwts_logind_host).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>

#include "openwts/logind.h"

openwts_status openwts_logind_host(const char *bus_address, openwts_event_fn sink, void *sink_ctx,
                                   const openwts_backend **out, int *fd, char *error,
                                   size_t error_size)
{
    if (!out || !fd) {
        if (error && error_size)
            snprintf(error, error_size, "no place for the backend or its descriptor");
        return OPENWTS_ERROR_INVALID_PARAMETER;
    }
    openwts_logind_options options = { bus_address, NULL };
    const openwts_backend *be = NULL;
    openwts_status st = openwts_logind_open(&options, &be, error, error_size);
    if (st)
        return st;
    be->set_event_sink(be, sink, sink_ctx);
    int watch = openwts_logind_fd(be);
    if (watch < 0 || (st = openwts_backend_register(be)) != OPENWTS_OK) {
        if (error && error_size)
            snprintf(error, error_size, "cannot register the logind backend");
        openwts_logind_close(be);
        return st ? st : OPENWTS_RPC_S_SERVER_UNAVAILABLE;
    }
    *out = be;
    *fd = watch;
    return OPENWTS_OK;
}

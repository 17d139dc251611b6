/* The events of the embedded `local` backend, through its set_event_sink,
 * as a daemon backend reports them to wtsd.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "event_source.h"
#include "local_event_sink.h"

/* With no room in the shared table of listeners (local_events.h), this
 * process looks for events this often instead of being woken. */
#define POLL_MS 100

static DWORD local_start(event_source *self, openwts_event_fn sink, HANDLE *wake, DWORD *poll_ms)
{
    const openwts_backend *be = openwts_backend_find(NULL); /* the in-process transport's */
    if (!be || be->version < 3 || !be->set_event_sink)
        return ERROR_CALL_NOT_IMPLEMENTED;
    DWORD st = server_handle_resolve(WTS_CURRENT_SERVER_HANDLE, &self->srv);
    if (st)
        return st;
    be->set_event_sink(be, sink, self);
    st = local_event_sink_listen(wake);
    *poll_ms = *wake ? INFINITE : POLL_MS;
    return st;
}

static void local_drain(event_source *self)
{
    (void)self;
    local_event_sink_drain();
}

static event_source local_source = { "local", local_start, local_drain, NULL };

event_source *event_source_local(void)
{
    return &local_source;
}

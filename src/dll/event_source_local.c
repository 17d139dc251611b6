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

DWORD event_source_for(server *srv, event_source **out, uint32_t *own_session)
{
    /* WTS_CURRENT_SESSION as the server resolves it for us: our session. */
    openwts_Request req = openwts_Request_init_zero;
    req.which_op = openwts_Request_query_session_tag;
    req.op.query_session.session_id = OPENWTS_CURRENT_SESSION;
    openwts_Reply *rep;
    DWORD st = server_call(srv, &req, &rep);
    if (st == ERROR_SUCCESS) {
        *own_session = rep->result.query_session.session.id;
        reply_free(rep);
    } else if (st == ERROR_CTX_WINSTATION_NOT_FOUND) {
        *own_session = OPENWTS_CURRENT_SESSION; /* reachable; we are in none of its sessions */
    } else {
        return st;
    }
    /* Every server is served in-process today, by the embedded backend.
     * The socket transport's servers get their connection's source here. */
    *out = &local_source;
    return ERROR_SUCCESS;
}

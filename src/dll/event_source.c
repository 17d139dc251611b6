/* Which source reports a server's events: the embedded backend's for a
 * server served in-process, the wtsd's for one bound to a socket.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "event_source.h"

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
    /* The call above has ruled out a binding that reaches nothing. */
    if (srv->binding.route == ROUTE_SOCKET)
        return event_source_socket(&srv->binding, out);
    *out = event_source_local();
    return ERROR_SUCCESS;
}

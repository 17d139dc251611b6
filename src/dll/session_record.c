/* The server's record of one session: what WTSQuerySessionInformation lays
 * out and what WTSQueryUserToken checks.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"

DWORD session_record(HANDLE hServer, DWORD session_id, openwts_Reply **rep_out)
{
    server *srv;
    DWORD st = server_handle_resolve(hServer, &srv);
    if (st)
        return st;
    openwts_Request req = openwts_Request_init_zero;
    req.which_op = openwts_Request_query_session_tag;
    req.op.query_session.session_id = session_id;
    st = server_call(srv, &req, rep_out);
    server_release(srv);
    return st;
}
